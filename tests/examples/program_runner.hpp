// Runs a built example program (in SLA_BIN_DIR) through the shell and captures its output.
#pragma once

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <cstdio>
#include <string>

namespace sla_test {

struct program_result {
  int status;  // the exit status; -1 when killed by a signal
  std::string out;
};

// A file in the system's temporary folder holding `text`; returns its path.
inline std::string write_temp_file(const std::string& name, const std::string& text) {
  std::string path = (std::filesystem::temp_directory_path() / ("sla-test-" + std::to_string(::getpid()) + "-" + name)).string();
  std::ofstream(path) << text;
  return path;
}

// `args` may redirect stderr ("2>&1", "2>/dev/null"); stdout is captured.
inline program_result run_program(const std::string& program, const std::string& args) {
  std::string command = std::string(SLA_BIN_DIR) + "/" + program + " " + args;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace sla_test

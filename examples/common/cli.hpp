// What every example program does the same way, so that they behave like the command-line
// tools people know:
//   --version               the program's name and sla's version (from the generated version.hpp)
//   -                       standard input, wherever a file is read
//   an unreadable input     (missing, a directory, no permission, a read error) is an error that
//                           names the path and the reason; the programs exit with status 2
#pragma once

#include <sla/error.hpp>
#include <sla/version.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/stat.h>

namespace sla_examples {

// Adds --version to a program.
inline void add_version(CLI::App& app, const std::string& program) {
  app.set_version_flag("--version", program + " " + sla::version, "print the version and exit");
}

// The name a path is shown by in messages: "<stdin>" for "-".
inline std::string input_name(const std::string& path) { return path == "-" ? std::string("<stdin>") : path; }

// An input stream opened for reading: standard input for "-". Closes itself.
class input_file {
 public:
  // Throws sla::error(io) "cannot read PATH: REASON" for a missing file, a directory or a file
  // without read permission.
  explicit input_file(const std::string& path) : name_(input_name(path)) {
    if (path == "-") {
      file_ = stdin;
      return;
    }
    errno = 0;
    file_ = std::fopen(path.c_str(), "r");
    if (!file_) throw sla::error(sla::error_code::io, fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    owned_ = true;
    struct stat st {};
    if (::fstat(fileno(file_), &st) == 0 && S_ISDIR(st.st_mode)) {
      std::fclose(file_);
      file_ = nullptr;
      throw sla::error(sla::error_code::io, fmt::format("cannot read {}: it is a directory", path));
    }
  }
  input_file(const input_file&) = delete;
  input_file& operator=(const input_file&) = delete;
  ~input_file() {
    if (owned_ && file_) std::fclose(file_);
  }

  std::FILE* get() const noexcept { return file_; }
  const std::string& name() const noexcept { return name_; }

  // Throws sla::error(io) when reading stopped on an error rather than at the end.
  void check() const {
    if (std::ferror(file_)) throw sla::error(sla::error_code::io, fmt::format("cannot read {}: {}", name_, std::strerror(errno)));
  }

  // The whole stream as text.
  std::string read_all() {
    std::string out;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) out.append(buffer, n);
    check();
    return out;
  }

 private:
  std::string name_;
  std::FILE* file_ = nullptr;
  bool owned_ = false;
};

}  // namespace sla_examples

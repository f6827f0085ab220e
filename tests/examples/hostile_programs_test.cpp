// The example programs on hostile input: zones that try to leave the tz database, 64-bit
// extremes, binary garbage, empty files and 50,000 lines of noise. Every program must end with
// an exit status (1: some lines or problems, 2: could not run), never by a signal, and the batch
// programs answer every line.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Deterministic bytes (splitmix64), so a failing case is the same on every run.
std::string garbage(std::size_t size, std::uint64_t seed, bool newlines) {
  std::string out;
  out.reserve(size);
  while (out.size() < size) {
    std::uint64_t z = (seed += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    char c = static_cast<char>((z ^ (z >> 31)) & 0xff);
    if (!newlines && c == '\n') c = '#';
    out += c;
  }
  return out;
}

// A scratch folder for the files the example programs read, removed at the end.
struct scratch {
  fs::path dir;
  scratch() {
    dir = fs::temp_directory_path() / ("sla-hardening-" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  ~scratch() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  fs::path write(const std::string& name, const std::string& bytes) const {
    fs::path p = dir / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
};

struct run_result {
  bool signalled = false;
  int signal = 0;
  int status = -1;
  std::string out;
};

// Runs an example program (SLA_BIN_DIR) with standard input from /dev/null, standard error
// discarded, and standard output captured; reports a death by signal as such.
run_result run_tool(const std::string& program, const std::vector<std::string>& args) {
  std::string path = std::string(SLA_BIN_DIR) + "/" + program;
  int out[2];
  REQUIRE(pipe(out) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 2);
    dup2(out[1], 1);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv{const_cast<char*>(path.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(path.c_str(), argv.data());
    _exit(127);
  }
  close(out[1]);
  run_result r;
  char buf[1 << 16];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) r.out.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.signalled = WIFSIGNALED(status);
  if (r.signalled) r.signal = WTERMSIG(status);
  if (WIFEXITED(status)) r.status = WEXITSTATUS(status);
  return r;
}

std::size_t lines_of(const std::string& text) {
  std::size_t n = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  return !text.empty() && text.back() != '\n' ? n + 1 : n;
}

}  // namespace

TEST_CASE("sla-calc: lines with zones that leave the tz database, and other hostile requests, answer errors",
          "[hardening]") {
  scratch dir;
  std::string lines;
  for (const char* zone : {"../../etc/passwd", "America/../../etc/passwd", "/etc/passwd"})
    lines += std::string(R"({"id": 1, "calendar": {"timezone": ")") + zone + R"(", "hours": "always"}, "op": "next_open", "start": "2026-03-06T21:30:00Z"})" "\n";
  const std::string ok_calendar = R"("calendar": {"timezone": "UTC", "hours": "always"})";
  lines += R"({"id": 4, )" + ok_calendar + R"(, "op": "add", "start": "2026-03-06T21:30:00Z", "seconds": 9223372036854775807})" "\n";
  lines += R"({"id": 5, )" + ok_calendar + R"(, "op": "subtract", "start": "2026-03-06T21:30:00Z", "seconds": -9223372036854775808})" "\n";
  lines += R"({"id": 6, )" + ok_calendar + R"(, "op": "add", "start": "2026-03-06T21:30:00Z", "seconds": 9223372036854775808})" "\n";
  lines += R"({"id": 7, )" + ok_calendar + R"(, "op": "next_open", "start": "0000-01-01T00:00:00Z"})" "\n";
  lines += R"({"id": 8, )" + ok_calendar + R"(, "op": "add_business_days", "start": "2026-03-06T21:30:00Z", "days": 2147483648})" "\n";
  lines += R"({"id": 9, "calendar": {"timezone": "UTC", "hours": )" + std::string(5000, '[') + std::string(5000, ']') + R"(}, "op": "next_open", "start": "2026-03-06T21:30:00Z"})" "\n";
  auto input = dir.write("hostile.jsonl", lines);
  auto r = run_tool("sla-calc", {input.string()});
  REQUIRE_FALSE(r.signalled);
  CHECK(r.status == 1);
  REQUIRE(lines_of(r.out) == 9);
  std::vector<std::string> out;
  for (std::size_t from = 0, nl; (nl = r.out.find('\n', from)) != std::string::npos; from = nl + 1)
    out.push_back(r.out.substr(from, nl - from));
  for (int i : {0, 1, 2}) {
    CHECK_THAT(out[i], Catch::Contains("\"error\": \"line " + std::to_string(i + 1) + ": calendar.timezone:"));
    CHECK_THAT(out[i], Catch::Contains("is not a time zone"));
  }
  CHECK(out[3] == R"({"id": 4, "result": null})");  // more business time than the range holds
  CHECK(out[4] == R"({"id": 5, "result": null})");  // INT64_MIN: no negation, never
  CHECK_THAT(out[5], Catch::Contains("\"error\": \"line 6: seconds:"));  // not a 64-bit integer
  CHECK_THAT(out[6], Catch::Contains("\"error\": \"line 7: start:"));
  CHECK_THAT(out[7], Catch::Contains("\"error\": \"line 8: days:"));
  CHECK_THAT(out[8], Catch::Contains("\"error\": \"line 9:"));
}

// ---- The example programs on hostile files ---------------------------------------------------

TEST_CASE("example programs on binary garbage, empty files and 50,000 lines of garbage exit 1 or 2, never by a signal",
          "[hardening]") {
  scratch dir;
  const auto binary = dir.write("garbage.bin", garbage(1 << 20, 1, true));
  const auto empty = dir.write("empty.yaml", "");
  std::string lines;
  const std::string noise = garbage(50000 * 40, 2, false);
  for (std::size_t i = 0; i < 50000; ++i) lines += noise.substr(i * 40, 1 + i % 40) + "\n";
  const auto many = dir.write("garbage-lines.txt", lines);

  for (const auto& file : {binary, empty, many}) {
    INFO(file.filename().string());
    auto lint = run_tool("sla-lint", {file.string()});
    CHECK_FALSE(lint.signalled);
    CHECK(lint.status == 1);  // problems found: a NUL byte, an empty file, YAML syntax or not a policy
    auto deadline = run_tool("sla-deadline", {"--policy", file.string(), "--type", "incident", "--severity", "urgent",
                                              "--created", "2026-03-02T09:00:00Z"});
    CHECK_FALSE(deadline.signalled);
    CHECK(deadline.status == 2);  // the policy cannot be loaded
  }

  // sla-calc answers every line, garbage included: as many output lines as input lines.
  auto calc_many = run_tool("sla-calc", {many.string()});
  REQUIRE_FALSE(calc_many.signalled);
  CHECK(calc_many.status == 1);
  CHECK(lines_of(calc_many.out) == 50000);
  std::string bytes = garbage(1 << 20, 1, true);
  auto calc_binary = run_tool("sla-calc", {binary.string()});
  REQUIRE_FALSE(calc_binary.signalled);
  CHECK(calc_binary.status == 1);
  CHECK(lines_of(calc_binary.out) == lines_of(bytes));
  // An empty input has no lines to answer: no output, status 0.
  auto calc_empty = run_tool("sla-calc", {empty.string()});
  CHECK_FALSE(calc_empty.signalled);
  CHECK(calc_empty.status == 0);
  CHECK(calc_empty.out.empty());
  // A file that is not there, and a folder: status 2.
  CHECK(run_tool("sla-calc", {(dir.dir / "missing").string()}).status == 2);
  CHECK(run_tool("sla-lint", {(dir.dir / "missing").string()}).status == 2);
  CHECK(run_tool("sla-calc", {dir.dir.string()}).status == 2);
}

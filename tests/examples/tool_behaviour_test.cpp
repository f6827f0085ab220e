// What every example program does alike (examples/common/cli.hpp): --version, `-` for standard
// input, unreadable inputs exit 2 with the path and the reason, input formats decided per line,
// flags a policy does not need left out, a --timezone that names no zone refused.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "examples/program_runner.hpp"

namespace {

using sla_test::run_program;
const std::string policies = SLA_SOURCE_DIR "/policies/";
const std::vector<std::string> programs = {"sla-calc",  "sla-lint",    "sla-deadline",     "sla-calendar",
                                           "sla-check", "sla-explain", "sla-availability", "sla-holidays"};

// The arguments that make each program read `input` (a file, "-" or a folder).
std::string reading(const std::string& program, const std::string& input) {
  if (program == "sla-calc" || program == "sla-lint") return input;
  if (program == "sla-check") return "--policy " + policies + "avallain.yaml --now 2026-11-23T12:00:00Z " + input;
  if (program == "sla-explain") return "--policy " + policies + "avallain.yaml --now 2026-11-23T12:00:00Z --ticket T " + input;
  if (program == "sla-availability") return "--policy " + policies + "xen.yaml --component platform --from 2026-11 --to 2026-11 " + input;
  if (program == "sla-holidays") return "import " + input + " --from-year 2026 --to-year 2026";
  if (program == "sla-deadline") return "--policy " + input + " --type bug --severity urgent --created 2026-11-23T12:00:00Z";
  return "--policy " + input + " --calendar office --from 2026-11-01 --to 2026-11-30";  // sla-calendar
}

}  // namespace

TEST_CASE("tools: every program prints its version", "[examples]") {
  for (const auto& p : programs) {
    INFO(p);
    auto r = run_program(p, "--version");
    CHECK(r.status == 0);
    CHECK(r.out == p + " 0.1.0\n");
  }
}

TEST_CASE("tools: a missing file or a folder is exit status 2 with the path and the reason", "[examples]") {
  const std::string folder = std::filesystem::temp_directory_path().string();
  for (const auto& p : programs) {
    INFO(p);
    auto missing = run_program(p, reading(p, "/nonexistent/input") + " 2>&1");
    CHECK(missing.status == 2);
    CHECK_THAT(missing.out, Catch::Contains("/nonexistent/input"));
    CHECK_THAT(missing.out, Catch::Contains("No such file or directory"));
    auto dir = run_program(p, reading(p, folder) + " 2>&1");
    CHECK(dir.status == 2);
    CHECK_THAT(dir.out, Catch::Contains(folder));
    CHECK_THAT(dir.out, Catch::Contains("directory"));
  }
}

TEST_CASE("tools: - is standard input", "[examples]") {
  auto lint = run_program("sla-lint", "- < " + policies + "avallain.yaml 2>&1");
  CHECK(lint.status == 0);
  CHECK_THAT(lint.out, Catch::Contains("1 file, 0 errors, 0 warnings"));
  auto events = sla_test::write_temp_file(
      "tools-stdin.jsonl", "{\"ticket\": \"T\", \"at\": \"2026-11-23T10:00:00Z\", \"event\": \"created\", \"type\": \"incident\", \"severity\": \"urgent\"}\n");
  for (const char* p : {"sla-check", "sla-explain"}) {
    INFO(p);
    auto r = run_program(p, reading(p, "-") + " < " + events + " 2>/dev/null");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("response"));
  }
  auto calc = sla_test::write_temp_file(
      "tools-stdin-calc.jsonl", R"({"id": 1, "calendar": {"timezone": "UTC", "hours": "always"}, "op": "add", "start": "2026-11-23T10:00:00Z", "seconds": 60})" "\n");
  CHECK(run_program("sla-calc", "- < " + calc).out == "{\"id\": 1, \"result\": \"2026-11-23T10:01:00Z\"}\n");
}

TEST_CASE("tools: a garbage first line is one error and the lines after it are read", "[examples]") {
  auto events = sla_test::write_temp_file(
      "tools-garbage-first.jsonl",
      "this is not an event\n"
      "{\"ticket\": \"T\", \"at\": \"2026-11-23T10:00:00Z\", \"event\": \"created\", \"type\": \"incident\", \"severity\": \"urgent\"}\n"
      "ticket,at,event,type,severity\n"
      "U,2026-11-23T10:00:00Z,created,incident,urgent\n");
  auto r = run_program("sla-check", reading("sla-check", events) + " 2>&1");
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Catch::Contains("{\"line\": 1, \"error\": \"expected a JSON object, or a CSV header"));
  CHECK_THAT(r.out, Catch::Contains("{\"ticket\": \"T\""));
  CHECK_THAT(r.out, Catch::Contains("{\"ticket\": \"U\""));
  // 4 lines: the header is not an event line, so lines = 3 = 2 events + 1 error.
  CHECK_THAT(r.out, Catch::Contains("lines=3 events=2 tickets=2 errors=1"));
}

TEST_CASE("tools: a policy without severities needs no --severity, and its events name none", "[examples]") {
  // SchoolStatus professional error created Mon 2026-11-23 14:00Z (09:00 EST): acknowledgement
  // 4h → 13:00 EST = 18:00Z; response next business day → Tue 18:00 EST = 23:00Z.
  auto r = run_program("sla-deadline", "--policy " + policies + "schoolstatus.yaml --type error --created 2026-11-23T14:00:00Z --json");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("\"severity\": null, \"plan\": \"professional\""));
  CHECK_THAT(r.out, Catch::Contains("\"name\": \"acknowledgement\", \"calendar\": \"support-hours\", \"amount\": \"4h\", "
                                    "\"amount_seconds\": 14400, \"deadline\": \"2026-11-23T18:00:00Z\""));
  CHECK_THAT(r.out, Catch::Contains("\"deadline\": \"2026-11-24T23:00:00Z\""));
  auto events = sla_test::write_temp_file(
      "tools-no-severity.jsonl", "{\"ticket\": \"S\", \"at\": \"2026-11-23T14:00:00Z\", \"event\": \"created\", \"type\": \"error\"}\n");
  auto check = run_program("sla-check", "--policy " + policies + "schoolstatus.yaml --now 2026-11-23T15:00:00Z " + events + " 2>/dev/null");
  CHECK(check.status == 0);
  CHECK_THAT(check.out, Catch::Contains("\"severity\": null"));
  // A severity on a policy without any is an error naming it.
  auto wrong = run_program("sla-deadline", "--policy " + policies + "schoolstatus.yaml --type error --severity high --created 2026-11-23T14:00:00Z 2>&1");
  CHECK(wrong.status == 2);
  CHECK_THAT(wrong.out, Catch::Contains("this policy has no severities"));
}

TEST_CASE("tools: a --timezone that names no zone is an error, an unused one a note", "[examples]") {
  for (const char* p : {"sla-deadline", "sla-calendar"}) {
    INFO(p);
    std::string args = std::string(p) == "sla-deadline"
                           ? "--policy " + policies + "avallain.yaml --type bug --severity urgent --created 2026-11-23T12:00:00Z"
                           : "--policy " + policies + "avallain.yaml --calendar support-hours --from 2026-11-23 --to 2026-11-23";
    auto bad = run_program(p, args + " --timezone Nowhere/Land 2>&1");
    CHECK(bad.status == 2);
    CHECK_THAT(bad.out, Catch::Contains("unknown time zone \"Nowhere/Land\""));
    auto unused = run_program(p, args + " --timezone Europe/London 2>&1 >/dev/null");
    CHECK_THAT(unused.out, Catch::Contains("note: --timezone Europe/London changes nothing"));
  }
}

TEST_CASE("tools: sla-check on a full disk is exit status 2 with the reason; a reader that goes away ends it quietly",
          "[examples]") {
  // 3,000 tickets: more output than one 64 KiB buffer, so the writes happen during the run.
  std::string text;
  for (int t = 0; t < 3000; ++t)
    text += "{\"ticket\": \"T-" + std::to_string(t) +
            "\", \"at\": \"2026-11-23T10:00:00Z\", \"event\": \"created\", \"type\": \"incident\", \"severity\": \"urgent\"}\n";
  auto events = sla_test::write_temp_file("tools-full-disk.jsonl", text);
  for (const char* threads : {"1", "2"}) {
    INFO(threads);
    auto full = run_program("sla-check", reading("sla-check", events) + " --threads " + threads + " 2>&1 >/dev/full");
    CHECK(full.status == 2);
    CHECK_THAT(full.out, Catch::Contains("sla-check: cannot write the output: No space left on device"));
    // `| head -n 1`: the first line, and sla-check's own exit status 0 (written to a file by the shell).
    const std::string status_file = events + ".status";
    const std::string command = "(" SLA_BIN_DIR "/sla-check " + reading("sla-check", events) + " --threads " + threads +
                                " 2>/dev/null; echo $? > " + status_file + ") | head -n 1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char first[64] = {};
    REQUIRE(std::fgets(first, sizeof first, pipe));
    pclose(pipe);
    CHECK_THAT(std::string(first), Catch::StartsWith("{\"ticket\": \"T-0\""));
    std::ifstream status(status_file);
    int code = -1;
    status >> code;
    CHECK(code == 0);
    std::filesystem::remove(status_file);
  }
}

// sla-calc end to end: the built program (SLA_BIN_DIR/sla-calc) run on temporary JSON Lines
// files, its answers compared with results worked out by hand from docs/semantics.md. The program
// inherits TZDIR from the test runner, so zones come from the test fixtures.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path sla_calc = fs::path(SLA_BIN_DIR) / "sla-calc";

// A file in the temporary directory, removed when the test is done.
class temp_file {
 public:
  explicit temp_file(std::string_view contents) {
    static int counter = 0;
    path_ = fs::temp_directory_path() / fmt::format("sla-calc-test-{}-{}.jsonl", ::getpid(), counter++);
    std::ofstream(path_, std::ios::binary) << contents;
  }
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
  ~temp_file() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct run_result {
  int status = -1;
  std::vector<std::string> lines;  // standard output, line by line
  std::string errors;              // standard error
};

std::string quoted(const fs::path& p) { return fmt::format("'{}'", p.string()); }

// Runs sla-calc with `args` on a file holding `input`.
run_result run(std::string_view input, std::string_view args = "") {
  temp_file in(input);
  temp_file err("");
  std::string command = fmt::format("{} {} {} 2>{}", quoted(sla_calc), args, quoted(in.path()), quoted(err.path()));
  run_result r;
  FILE* out = ::popen(command.c_str(), "r");
  REQUIRE(out != nullptr);
  std::string text;
  char chunk[4096];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, out)) > 0;) text.append(chunk, n);
  int status = ::pclose(out);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) r.lines.push_back(line);
  std::ifstream e(err.path());
  r.errors.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
  return r;
}

std::size_t count_lines(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || i + 1 == text.size()) ++n;
  return n;
}

// New York, Mon–Fri 08:00–18:00, closed on Thanksgiving and Christmas 2026.
constexpr std::string_view new_york =
    R"({"timezone": "America/New_York", "hours": {"mon-fri": ["08:00-18:00"]}, "holidays": ["2026-11-26", "2026-12-25"]})";

std::string request(std::string_view id, std::string_view calendar, std::string_view rest) {
  return fmt::format(R"({{"id": {}, "calendar": {}, {}}})", id, calendar, rest);
}

// These tests are built only with the example programs; a missing program is a failure.
#define REQUIRE_BUILT() REQUIRE(fs::exists(sla_calc))

}  // namespace

TEST_CASE("sla-calc: New York answers worked out by hand", "[sla-calc]") {
  REQUIRE_BUILT();
  std::string input;
  // Fri 2026-03-06T21:30Z is 16:30 EST (UTC-5): 1h30 to the 18:00 close. Clocks go forward on Sun
  // 2026-03-08, so Monday opens at 08:00 EDT = 12:00Z; the other 2h30 end at 10:30 EDT = 14:30Z.
  input += request("1", new_york, R"("op": "add", "start": "2026-03-06T21:30:00Z", "seconds": 14400)") + "\n";
  // Fri 16:00 EST (21:00Z) to Mon 10:00 EDT (14:00Z): 2h on Friday + 2h on Monday = 14400 s.
  input += request("2", new_york, R"("op": "elapsed", "start": "2026-03-06T21:00:00Z", "end": "2026-03-09T14:00:00Z")") + "\n";
  // Mon 08:30 EDT (12:30Z) minus 1h: 30 min back to Monday's opening, 30 min before Friday's
  // close at 18:00 EST = 23:00Z, so 22:30Z.
  input += request("3", new_york, R"("op": "subtract", "start": "2026-03-09T12:30:00Z", "seconds": 3600)") + "\n";
  // Saturday noon: the next opening is Mon 08:00 EDT = 12:00Z (13:00Z the Monday before).
  input += request("4", new_york, R"("op": "next_open", "start": "2026-03-07T12:00:00Z")") + "\n";
  // Mon 12:00Z is 08:00 EDT, the opening second: open. 22:00Z is 18:00 EDT, the close: not open.
  input += request("5", new_york, R"("op": "is_open", "start": "2026-03-09T12:00:00Z")") + "\n";
  input += request("6", new_york, R"("op": "is_open", "start": "2026-03-09T22:00:00Z")") + "\n";
  // Fri 15:00 EST (20:00Z) + 1 business day: Mon 15:00 EDT = 19:00Z.
  input += request("7", new_york, R"("op": "add_business_days", "start": "2026-03-06T20:00:00Z", "days": 1)") + "\n";
  // Wed 2026-11-25 15:00 EST (20:00Z) + 1 business day skips Thanksgiving (Thu): Fri 15:00 EST = 20:00Z.
  input += request("8", new_york, R"("op": "add_business_days", "start": "2026-11-25T20:00:00Z", "days": 1)") + "\n";
  // Next business day after Thu 2026-12-24: Christmas (Fri) and the weekend are closed, so
  // Mon 2026-12-28, closing at 18:00 EST = 23:00Z.
  input += request("9", new_york, R"("op": "next_business_day_close", "start": "2026-12-24T15:00:00Z")") + "\n";
  // Mon 16:00 EDT (20:00Z) + 2h uses up the window: the deadline is the close, 18:00 EDT = 22:00Z.
  input += request("10", new_york, R"("op": "add", "start": "2026-03-09T20:00:00Z", "seconds": 7200)") + "\n";
  // A negative amount subtracts: Mon 10:30 EDT − 4h = Fri 16:30 EST = 21:30Z (the first line, backwards).
  input += request("11", new_york, R"("op": "add", "start": "2026-03-09T14:30:00Z", "seconds": -14400)") + "\n";
  // An offset in the input: 2026-03-06T16:30:00-05:00 is 21:30Z, so the same answer as line 1.
  input += request("12", new_york, R"("op": "add", "start": "2026-03-06T16:30:00-05:00", "seconds": 14400)") + "\n";

  auto r = run(input);
  CHECK(r.status == 0);
  CHECK(r.errors.empty());
  CHECK(r.lines == std::vector<std::string>{
                       R"({"id": 1, "result": "2026-03-09T14:30:00Z"})",
                       R"({"id": 2, "result": 14400})",
                       R"({"id": 3, "result": "2026-03-06T22:30:00Z"})",
                       R"({"id": 4, "result": "2026-03-09T12:00:00Z"})",
                       R"({"id": 5, "result": true})",
                       R"({"id": 6, "result": false})",
                       R"({"id": 7, "result": "2026-03-09T19:00:00Z"})",
                       R"({"id": 8, "result": "2026-11-27T20:00:00Z"})",
                       R"({"id": 9, "result": "2026-12-28T23:00:00Z"})",
                       R"({"id": 10, "result": "2026-03-09T22:00:00Z"})",
                       R"({"id": 11, "result": "2026-03-06T21:30:00Z"})",
                       R"({"id": 12, "result": "2026-03-09T14:30:00Z"})",
                   });
}

TEST_CASE("sla-calc: 24/7, overnight windows, fixed offsets and calendars that never open", "[sla-calc]") {
  REQUIRE_BUILT();
  constexpr std::string_view always = R"({"timezone": "UTC", "hours": "always"})";
  // Friday 22:00–06:00 UTC belongs to Friday; with Friday a holiday the whole window is gone.
  constexpr std::string_view night = R"({"timezone": "UTC", "hours": {"fri": ["22:00-06:00"]}})";
  constexpr std::string_view night_holiday =
      R"({"timezone": "UTC", "hours": {"fri": ["22:00-06:00"]}, "holidays": ["2026-03-06"]})";
  // India, Mon–Fri 09:30–18:00 at a fixed +05:30.
  constexpr std::string_view india = R"({"timezone": "+05:30", "hours": {"mon-fri": ["09:30-18:00"]}})";
  constexpr std::string_view never = R"({"timezone": "UTC", "hours": {}})";

  std::string input;
  // Around the clock: 2026-03-08T06:00Z + 36h = 2026-03-09T18:00Z.
  input += request("\"a\"", always, R"("op": "add", "start": "2026-03-08T06:00:00Z", "seconds": 129600)") + "\n";
  // Sat 2026-03-07T03:00Z lies in Friday's overnight window: open, unless Friday is a holiday.
  input += request("\"b\"", night, R"("op": "is_open", "start": "2026-03-07T03:00:00Z")") + "\n";
  input += request("\"c\"", night_holiday, R"("op": "is_open", "start": "2026-03-07T03:00:00Z")") + "\n";
  // Fri 23:00Z + 5h: 23:00 → 04:00 Saturday, inside Friday's window.
  input += request("\"d\"", night, R"("op": "add", "start": "2026-03-06T23:00:00Z", "seconds": 18000)") + "\n";
  // Mon 2026-03-09T04:00Z is 09:30 at +05:30: the opening. Elapsed to 12:30Z (18:00 local) is 8h30.
  input += request("\"e\"", india, R"("op": "elapsed", "start": "2026-03-09T00:00:00Z", "end": "2026-03-09T12:30:00Z")") + "\n";
  input += request("\"f\"", india, R"("op": "next_open", "start": "2026-03-08T12:00:00Z")") + "\n";
  // Nothing ever opens: never, not a made-up instant.
  input += request("\"g\"", never, R"("op": "next_open", "start": "2026-03-09T12:00:00Z")") + "\n";
  input += request("\"h\"", never, R"("op": "add", "start": "2026-03-09T12:00:00Z", "seconds": 1)") + "\n";
  input += request("\"i\"", never, R"("op": "elapsed", "start": "2026-03-09T12:00:00Z", "end": "2027-03-09T12:00:00Z")") + "\n";

  auto r = run(input);
  CHECK(r.status == 0);
  CHECK(r.lines == std::vector<std::string>{
                       R"({"id": "a", "result": "2026-03-09T18:00:00Z"})",
                       R"({"id": "b", "result": true})",
                       R"({"id": "c", "result": false})",
                       R"({"id": "d", "result": "2026-03-07T04:00:00Z"})",
                       R"({"id": "e", "result": 30600})",
                       R"({"id": "f", "result": "2026-03-09T04:00:00Z"})",
                       R"({"id": "g", "result": null})",
                       R"({"id": "h", "result": null})",
                       R"({"id": "i", "result": 0})",
                   });
}

TEST_CASE("sla-calc: every line gets exactly one answer, malformed lines an error", "[sla-calc]") {
  REQUIRE_BUILT();
  std::vector<std::string> in = {
      request("1", new_york, R"("op": "add", "start": "2026-03-06T21:30:00Z", "seconds": 14400)"),
      "",                                   // 2: blank
      R"({"id": 3, "op": "add")",           // 3: invalid JSON
      R"([1, 2, 3])",                       // 4: not an object
      request("5", new_york, R"("op": "ad", "start": "2026-03-06T21:30:00Z", "seconds": 1)"),
      request("6", new_york, R"("op": "add", "start": "2026-03-06T21:30:00", "seconds": 1)"),
      request("7", new_york, R"("op": "add", "start": "2026-03-06T21:30:00Z")"),
      request("8", new_york, R"("op": "add", "start": "2026-03-06T21:30:00Z", "seconds": 1.5)"),
      request("9", R"({"timezone": "America/New_York", "hours": {"mon-fri": ["08:00-18:00"], "fri": ["08:00-12:00"]}})",
              R"("op": "next_open", "start": "2026-03-06T21:30:00Z")"),
      request("10", R"({"timezone": "Mars/Olympus_Mons", "hours": "always"})",
              R"("op": "next_open", "start": "2026-03-06T21:30:00Z")"),
      request("11", new_york, R"("op": "next_open", "start": "2201-01-01T00:00:00Z")"),
      request("12", new_york, R"("op": "add_business_days", "start": "2026-03-06T21:30:00Z", "days": -1)"),
      request("13", new_york, R"("op": "next_open", "start": "2026-03-06T21:30:00Z", "seconds": 5)"),
      R"({"op": "next_open", "start": 20260306, "id": 14})",  // id after the mistake
      R"({"calendar": {"timezone": "UTC", "hours": "always"}, "op": "is_open", "start": "2026-03-06T21:30:00Z", "colour": "red"})",
      request("16", R"({"timezone": "UTC", "hours": {"mon": ["08:00-08:00"]}})", R"("op": "is_open", "start": "2026-03-06T21:30:00Z")"),
      R"({"id": 17, "calendar": {"timezone": UTC, "hours": "always"}, "op": "is_open", "start": "2026-03-06T21:30:00Z"})",
      "   ",                                // 18: blank
      request("19", new_york, R"("op": "is_open", "start": "2026-03-06T21:30:00Z")"),
  };
  std::string input;
  for (const auto& l : in) input += l + "\n";

  auto r = run(input);
  CHECK(r.status == 1);
  REQUIRE(r.lines.size() == in.size());
  CHECK(r.lines[0] == R"({"id": 1, "result": "2026-03-09T14:30:00Z"})");
  CHECK(r.lines[1] == R"({"id": null, "error": "line 2: empty line; expected one JSON request per line"})");
  CHECK_THAT(r.lines[2], Catch::StartsWith(R"({"id": null, "error": "line 3: invalid JSON: )"));
  CHECK(r.lines[3] ==
        R"({"id": null, "error": "line 4: expected a JSON object such as {\"id\": 1, \"calendar\": {...}, \"op\": \"add\", ...}"})");
  CHECK(r.lines[4] ==
        R"({"id": 5, "error": "line 5: op: unknown op 'ad'; expected one of add, subtract, elapsed, next_open, add_business_days, is_open, next_business_day_close"})");
  CHECK_THAT(r.lines[5], Catch::StartsWith(R"({"id": 6, "error": "line 6: start: missing UTC offset)"));
  CHECK(r.lines[6] ==
        R"({"id": 7, "error": "line 7: missing field 'seconds'; op add needs it, e.g. \"seconds\": 14400"})");
  CHECK(r.lines[7] == R"({"id": 8, "error": "line 8: seconds: expected a whole number of seconds, got 1.5"})");
  // `{"id": 9, "calendar": ` is 22 characters, so the spec starts at column 23; inside it,
  // `{"timezone": "America/New_York", "hours": {` is 43 characters: "mon-fri" is at column 66.
  CHECK(r.lines[8] ==
        R"({"id": 9, "error": "line 9: calendar.hours.fri: fri is already given by 'mon-fri' at column 66; a day may appear once"})");
  CHECK_THAT(r.lines[9], Catch::StartsWith(R"({"id": 10, "error": "line 10: calendar.timezone: unknown time zone)"));
  CHECK_THAT(r.lines[10], Catch::StartsWith(R"({"id": 11, "error": "line 11: start: outside the supported range)"));
  CHECK(r.lines[11] == R"({"id": 12, "error": "line 12: days: -1 business days: expected a count from 0 to 2147483647"})");
  CHECK(r.lines[12] == R"({"id": 13, "error": "line 13: seconds: field 'seconds' does not apply to op next_open"})");
  CHECK(r.lines[13] ==
        R"({"id": 14, "error": "line 14: start: expected a string such as \"2026-03-06T21:30:00Z\", got a number"})");
  CHECK(r.lines[14] ==
        R"({"id": null, "error": "line 15: colour: unknown field 'colour'; expected id, calendar, op, start, end, seconds, days"})");
  CHECK(r.lines[15] ==
        R"json({"id": 16, "error": "line 16: calendar.hours.mon[0]: window \"08:00-08:00\" is empty: its end equals its start (a whole day is \"00:00-24:00\")"})json");
  CHECK_THAT(r.lines[16], Catch::StartsWith(R"({"id": 17, "error": "line 17: calendar: invalid JSON: )"));
  CHECK(r.lines[17] == R"({"id": null, "error": "line 18: empty line; expected one JSON request per line"})");
  CHECK(r.lines[18] == R"({"id": 19, "result": true})");  // Fri 21:30Z is 16:30 EST: open
}

TEST_CASE("sla-calc: ids are echoed verbatim, whatever scalar they are", "[sla-calc]") {
  REQUIRE_BUILT();
  constexpr std::string_view utc = R"({"timezone": "UTC", "hours": "always"})";
  std::string input;
  for (std::string_view id : {"7", "1.50", "-2e3", R"("ticket \"A\" \u00e9")", "true", "null", "123456789012345678901234567890"})
    input += request(id, utc, R"("op": "is_open", "start": "2026-03-06T21:30:00Z")") + "\n";
  input += R"({"calendar": {"timezone": "UTC", "hours": "always"}, "op": "is_open", "start": "2026-03-06T21:30:00Z"})" "\n";
  auto r = run(input);
  CHECK(r.status == 0);
  CHECK(r.lines == std::vector<std::string>{
                       R"({"id": 7, "result": true})",
                       R"({"id": 1.50, "result": true})",
                       R"({"id": -2e3, "result": true})",
                       R"({"id": "ticket \"A\" \u00e9", "result": true})",
                       R"({"id": true, "result": true})",
                       R"({"id": null, "result": true})",
                       R"({"id": 123456789012345678901234567890, "result": true})",
                       R"({"id": null, "result": true})",
                   });
}

TEST_CASE("sla-calc: a failing spec fails on every line that uses it", "[sla-calc]") {
  REQUIRE_BUILT();
  constexpr std::string_view bad = R"({"timezone": "UTC", "hours": {"sat": ["25:00-26:00"]}})";
  std::string input;
  for (int i = 1; i <= 3; ++i)
    input += request(std::to_string(i), bad, R"("op": "is_open", "start": "2026-03-06T21:30:00Z")") + "\n";
  auto r = run(input);
  CHECK(r.status == 1);
  REQUIRE(r.lines.size() == 3);
  for (int i = 1; i <= 3; ++i)
    CHECK_THAT(r.lines[i - 1], Catch::StartsWith(fmt::format(
                                   R"({{"id": {}, "error": "line {}: calendar.hours.sat[0]: \"25:00\" is not a time of day)",
                                   i, i)));
}

TEST_CASE("sla-calc: line endings, a missing final newline and over-long lines", "[sla-calc]") {
  REQUIRE_BUILT();
  constexpr std::string_view utc = R"({"timezone": "UTC", "hours": "always"})";
  std::string good = request("1", utc, R"("op": "is_open", "start": "2026-03-06T21:30:00Z")");
  std::string long_line = request("2", utc, fmt::format(R"("op": "is_open", "start": "2026-03-06T21:30:00Z", "pad": "{}")",
                                                          std::string(500, 'x')));
  std::string input = good + "\r\n" + long_line + "\n" + good;  // CRLF; no newline at the end
  auto r = run(input, "--max-line-bytes 300");
  CHECK(r.status == 1);
  CHECK(r.lines == std::vector<std::string>{
                       R"({"id": 1, "result": true})",
                       R"({"id": null, "error": "line 2: the line is longer than 300 bytes; shorten the request or raise --max-line-bytes"})",
                       R"({"id": 1, "result": true})",
                   });
  CHECK(count_lines(input) == r.lines.size());
}

TEST_CASE("sla-calc: --stats and exit statuses", "[sla-calc]") {
  REQUIRE_BUILT();
  constexpr std::string_view utc = R"({"timezone": "UTC", "hours": "always"})";
  std::string good = request("1", utc, R"("op": "is_open", "start": "2026-03-06T21:30:00Z")") + "\n";

  auto ok = run(good + good, "--stats");
  CHECK(ok.status == 0);
  CHECK(ok.lines.size() == 2);
  CHECK(std::regex_match(ok.errors, std::regex(R"(ops=2 errors=0 compute_ns_per_op=[0-9]+\.[0-9]\n)")));

  auto some_bad = run(good + "\n" + good, "--stats");
  CHECK(some_bad.status == 1);
  CHECK(some_bad.lines.size() == 3);
  CHECK(std::regex_match(some_bad.errors, std::regex(R"(ops=3 errors=1 compute_ns_per_op=[0-9]+\.[0-9]\n)")));

  auto empty = run("");
  CHECK(empty.status == 0);
  CHECK(empty.lines.empty());

  // An input that cannot be read, or an unknown option: status 2, nothing on standard output.
  auto missing = run(good, "/nonexistent/requests.jsonl");
  CHECK(missing.status == 2);
  CHECK(missing.lines.empty());
  CHECK_THAT(missing.errors, Catch::Contains("cannot read /nonexistent/requests.jsonl"));
  auto bad_option = run(good, "--no-such-option");
  CHECK(bad_option.status == 2);
  CHECK(bad_option.lines.empty());
}

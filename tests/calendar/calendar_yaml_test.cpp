// parse_calendar_spec: the schema in calendar.hpp, read from YAML and from JSON, and every kind
// of mistake reported with its 1-based line and column, its key path and a message that says
// how to fix it. Positions are worked out by hand in the comments (column = 1 + characters before).
#include <sla/calendar.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace std::chrono_literals;
namespace chr = std::chrono;

namespace {

sla::daily_window window(chr::seconds start, chr::seconds end) { return {start, end}; }
constexpr chr::year_month_day date(int y, unsigned m, unsigned d) {
  return chr::year_month_day{chr::year{y}, chr::month{m}, chr::day{d}};
}

// What parse_calendar_spec threw; line -1 when it threw nothing.
struct failure {
  sla::error_code code = sla::error_code::io;
  std::string source;
  int line = -1;
  int column = -1;
  std::string path;
  std::string message;
  std::string what;
};

failure failure_of(std::string_view text, const sla::source_position& where = {}, std::string_view prefix = {}) {
  try {
    sla::parse_calendar_spec(text, where, prefix);
  } catch (const sla::error& e) {
    return {e.code(), e.where().source, e.where().line, e.where().column, e.path(), e.message(), e.what()};
  }
  return {};
}

#define CHECK_FAILURE(f, expected_line, expected_column, expected_path)  \
  do {                                                                   \
    INFO("message: " << (f).message);                                    \
    CHECK((f).code == sla::error_code::invalid_calendar);                \
    CHECK((f).line == (expected_line));                                  \
    CHECK((f).column == (expected_column));                              \
    CHECK((f).path == (expected_path));                                  \
  } while (false)

}  // namespace

// ---- Good specs ------------------------------------------------------------------------------

TEST_CASE("yaml calendar spec: the documented example", "[yaml]") {
  auto spec = sla::parse_calendar_spec(R"(timezone: America/New_York
hours:
  mon-thu: ["08:00-18:00"]
  fri: ["08:00-12:00", "13:00-17:00", "22:00-06:00"]
  sat: []
holidays: [2026-11-26, {date: 2026-12-25, name: Christmas}]
special_days: [{date: 2026-12-24, hours: ["08:00-12:00"], name: Christmas Eve}]
)");
  CHECK(spec.timezone == "America/New_York");
  for (int d = 0; d < 4; ++d) CHECK(spec.hours[d] == std::vector{window(8h, 18h)});
  CHECK(spec.hours[4] == std::vector{window(8h, 12h), window(13h, 17h), window(22h, 6h)});
  CHECK(spec.hours[5].empty());
  CHECK(spec.hours[6].empty());  // absent: closed
  REQUIRE(spec.holidays.size() == 2);
  CHECK(spec.holidays[0] == sla::holiday{date(2026, 11, 26), ""});
  CHECK(spec.holidays[1] == sla::holiday{date(2026, 12, 25), "Christmas"});
  REQUIRE(spec.special_days.size() == 1);
  CHECK(spec.special_days[0] == sla::special_day{date(2026, 12, 24), {window(8h, 12h)}, "Christmas Eve"});
}

TEST_CASE("yaml calendar spec: JSON is read as YAML and gives the same spec", "[yaml]") {
  auto from_yaml = sla::parse_calendar_spec(R"(timezone: Europe/Berlin
hours:
  mon-fri: ["09:00-17:00"]
holidays:
  - 2026-12-25
  - date: 2026-12-26
    name: Second Christmas Day
special_days:
  - date: 2026-12-24
    hours: []
)");
  auto from_json = sla::parse_calendar_spec(
      R"({"timezone": "Europe/Berlin", "hours": {"mon-fri": ["09:00-17:00"]},
          "holidays": ["2026-12-25", {"date": "2026-12-26", "name": "Second Christmas Day"}],
          "special_days": [{"date": "2026-12-24", "hours": []}]})");
  CHECK(from_yaml == from_json);
  CHECK(from_json.special_days[0].windows.empty());
  CHECK(from_json.hours[5].empty());
}

TEST_CASE("yaml calendar spec: hours: always is 24/7", "[yaml]") {
  CHECK(sla::parse_calendar_spec("timezone: UTC\nhours: always\n") == sla::calendar_spec::always("UTC"));
  CHECK(sla::parse_calendar_spec(R"({"timezone": "+05:30", "hours": "always"})") ==
        sla::calendar_spec::always("+05:30"));
}

TEST_CASE("yaml calendar spec: day ranges run forward and may wrap past Sunday", "[yaml]") {
  // sun-thu: Sunday, Monday, …, Thursday (a Sunday-to-Thursday working week).
  auto week = sla::parse_calendar_spec("timezone: UTC\nhours: {sun-thu: [\"08:00-17:00\"], fri-sat: []}\n");
  for (int d : {0, 1, 2, 3, 6}) CHECK(week.hours[d] == std::vector{window(8h, 17h)});
  CHECK(week.hours[4].empty());
  CHECK(week.hours[5].empty());

  auto weekend = sla::parse_calendar_spec("timezone: UTC\nhours: {fri-mon: [\"00:00-24:00\"]}\n");
  for (int d : {0, 4, 5, 6}) CHECK(weekend.hours[d] == std::vector{window(0h, 24h)});
  for (int d : {1, 2, 3}) CHECK(weekend.hours[d].empty());

  auto single_days = sla::parse_calendar_spec("timezone: UTC\nhours: {mon: [\"09:00:30-17:00:15\"], sun: []}\n");
  CHECK(single_days.hours[0] == std::vector{window(9h + 30s, 17h + 15s)});
}

TEST_CASE("yaml calendar spec: an empty hours map is a calendar that never opens", "[yaml]") {
  auto spec = sla::parse_calendar_spec("timezone: UTC\nhours: {}\n");
  for (const auto& day : spec.hours) CHECK(day.empty());
}

TEST_CASE("yaml calendar spec: a date may be both a holiday and a special day", "[yaml]") {
  // A shared holiday list overridden by one calendar: the compiled calendar lets the special day win.
  auto spec = sla::parse_calendar_spec(
      "timezone: UTC\nhours: always\nholidays: [2026-12-24]\nspecial_days: [{date: 2026-12-24, hours: [\"08:00-12:00\"]}]\n");
  CHECK(spec.holidays.size() == 1);
  CHECK(spec.special_days.size() == 1);
}

// ---- Mistakes, each with its position --------------------------------------------------------

TEST_CASE("yaml calendar spec: an unknown key names the keys that are allowed", "[yaml]") {
  // Line 2 "hour: always": the key starts the line.
  auto f = failure_of("timezone: UTC\nhour: always\n");
  CHECK_FAILURE(f, 2, 1, "hour");
  CHECK(f.message == "unknown key 'hour' in a calendar (did you mean `hours`? expected one of: timezone, hours, holidays, "
                     "holiday_sets, special_days, description)");

  // Line 4 "  - date: 2026-12-24" starts a special day ("  - " puts its map's keys at column 5);
  // "nme" is on line 5 at column 5.
  auto g = failure_of("timezone: UTC\nhours: always\nspecial_days:\n  - date: 2026-12-24\n    nme: Eve\n    hours: []\n");
  CHECK_FAILURE(g, 5, 5, "special_days[0].nme");
  CHECK_THAT(g.message, Catch::StartsWith("unknown key 'nme' in a special day (did you mean `name`? expected one of: name, date,"));
}

TEST_CASE("yaml calendar spec: a day given twice, directly or through overlapping ranges", "[yaml]") {
  // Line 4 "  wed: []": the key at column 3; wed is already in mon-fri (line 3).
  auto f = failure_of("timezone: UTC\nhours:\n  mon-fri: [\"08:00-18:00\"]\n  wed: []\n");
  CHECK_FAILURE(f, 4, 3, "hours.wed");
  CHECK(f.message == "wed is already given by 'mon-fri' at line 3; a day may appear once");

  // Ranges mon-wed and wed-fri share wed; the second range is at fault.
  auto g = failure_of("timezone: UTC\nhours:\n  mon-wed: []\n  wed-fri: [\"09:00-17:00\"]\n");
  CHECK_FAILURE(g, 4, 3, "hours.wed-fri");
  CHECK(g.message == "wed is already given by 'mon-wed' at line 3; a day may appear once");

  // A wrapping range: sat-mon holds sat, sun and mon; fri-sun (fri, sat, sun) repeats sat first.
  // "hours: {" is 8 characters, so sat-mon is at column 9; "sat-mon: [], " is 13 more: fri-sun
  // starts at column 22.
  auto h = failure_of("timezone: UTC\nhours: {sat-mon: [], fri-sun: []}\n");
  CHECK_FAILURE(h, 2, 22, "hours.fri-sun");
  CHECK(h.message == "sat is already given by 'sat-mon' at column 9; a day may appear once");
}

TEST_CASE("yaml calendar spec: a repeated key is an error, though yaml-cpp would keep one", "[yaml]") {
  // Line 3 repeats timezone.
  auto f = failure_of("timezone: UTC\nhours: always\ntimezone: Europe/Paris\n");
  CHECK_FAILURE(f, 3, 1, "timezone");
  CHECK(f.message == "duplicate key 'timezone' (first given at line 1) (a key may appear once in a map; merge the two entries)");

  // The same day twice is a duplicate key, reported as such.
  auto g = failure_of("timezone: UTC\nhours:\n  fri: []\n  fri: [\"08:00-12:00\"]\n");
  CHECK_FAILURE(g, 4, 3, "hours.fri");
  CHECK(g.message == "duplicate key 'fri' (first given at line 3) (a key may appear once in a map; merge the two entries)");

  // JSON: {"a": …, "a": …} on one line; the second "timezone" key starts at column 21
  // (`{"timezone": "UTC", ` is 20 characters).
  auto h = failure_of(R"({"timezone": "UTC", "timezone": "UTC", "hours": "always"})");
  CHECK_FAILURE(h, 1, 21, "timezone");
  CHECK(h.message == "duplicate key 'timezone' (first given at column 2) (a key may appear once in a map; merge the two entries)");
}

TEST_CASE("yaml calendar spec: bad windows point at the window", "[yaml]") {
  // Line 3 `  fri: ["08:00-12:00", "08:00-08:00"]`: "  fri: [" is 8 characters, the first window
  // with its comma and space 15 more, so the second window's quote is at column 24.
  auto f = failure_of("timezone: UTC\nhours:\n  fri: [\"08:00-12:00\", \"08:00-08:00\"]\n");
  CHECK_FAILURE(f, 3, 24, "hours.fri[1]");
  CHECK(f.message == "window \"08:00-08:00\" is empty: its end equals its start (a whole day is \"00:00-24:00\")");

  // Block list: line 4 "    - 25:00-26:00": the scalar starts at column 7.
  auto g = failure_of("timezone: UTC\nhours:\n  mon:\n    - 25:00-26:00\n");
  CHECK_FAILURE(g, 4, 7, "hours.mon[0]");
  CHECK(g.message.find("\"25:00\" is not a time of day") != std::string::npos);

  auto h = failure_of("timezone: UTC\nhours:\n  mon: [\"9-5\"]\n");
  CHECK_FAILURE(h, 3, 9, "hours.mon[0]");
  CHECK(h.message.find("HH:MM") != std::string::npos);
}

TEST_CASE("yaml calendar spec: a node of the wrong type", "[yaml]") {
  // hours must be a map or `always`: "hours: [mon]" has its list at column 8.
  auto f = failure_of("timezone: UTC\nhours: [mon]\n");
  CHECK_FAILURE(f, 2, 8, "hours");
  CHECK(f.message ==
        "expected the weekly hours, got a list (a map of days to windows such as {mon-fri: [\"08:00-18:00\"]}, or always)");

  // A day's windows must be a list, even for one window: the scalar at column 8.
  auto g = failure_of("timezone: UTC\nhours:\n  mon: 08:00-18:00\n");
  CHECK_FAILURE(g, 3, 8, "hours.mon");
  CHECK(g.message == "expected a list of windows such as [\"08:00-18:00\"] ([] when closed), got \"08:00-18:00\"");

  // A day with nothing after it: reported at the key, since there is no value to point at.
  auto h = failure_of("timezone: UTC\nhours:\n  sat:\n  sun: []\n");
  CHECK_FAILURE(h, 3, 3, "hours.sat");
  CHECK(h.message == "expected a list of windows such as [\"08:00-18:00\"] ([] when closed), got nothing (null)");

  auto i = failure_of("timezone: [UTC]\nhours: always\n");
  CHECK_FAILURE(i, 1, 11, "timezone");

  auto j = failure_of("timezone: UTC\nhours: always\nholidays: 2026-12-25\n");
  CHECK_FAILURE(j, 3, 11, "holidays");
  CHECK(j.message == "expected a list of holidays such as [2026-12-25] ([] for none), got \"2026-12-25\"");

  auto k = failure_of("- timezone: UTC\n");
  CHECK_FAILURE(k, 1, 1, "");
  CHECK(k.message == "expected a calendar (a map), got a list");
}

TEST_CASE("yaml calendar spec: impossible and malformed dates", "[yaml]") {
  // "holidays: [" is 11 characters: the date at column 12.
  auto f = failure_of("timezone: UTC\nhours: always\nholidays: [2026-02-30]\n");
  CHECK_FAILURE(f, 3, 12, "holidays[0]");
  CHECK(f.message == "2026-02-30 is not a date: 2026-02 has 28 days");

  // In the {date, name} form the path names the date; "holidays: [{date: " is 18 characters,
  // so the value is at column 19.
  auto g = failure_of("timezone: UTC\nhours: always\nholidays: [{date: 2026-13-01}]\n");
  CHECK_FAILURE(g, 3, 19, "holidays[0].date");
  CHECK(g.message == "2026-13-01 is not a date: there is no month 13");

  auto h = failure_of("timezone: UTC\nhours: always\nholidays: [2026-12-25, 25.12.2026]\n");
  CHECK_FAILURE(h, 3, 24, "holidays[1]");
  CHECK(h.message == "\"25.12.2026\" is not a date (write YYYY-MM-DD, such as 2026-12-25)");
}

TEST_CASE("yaml calendar spec: a date listed twice", "[yaml]") {
  auto f = failure_of("timezone: UTC\nhours: always\nholidays:\n  - 2026-12-25\n  - {date: 2026-12-25, name: Xmas}\n");
  // Line 5 "  - {date: 2026-12-25": the date at column 12.
  CHECK_FAILURE(f, 5, 12, "holidays[1].date");
  CHECK(f.message == "2026-12-25 is already a holiday (at line 4); a date may appear once");

  auto g = failure_of(
      "timezone: UTC\nhours: always\nspecial_days:\n  - {date: 2026-12-24, hours: []}\n  - {date: 2026-12-24, hours: []}\n");
  CHECK_FAILURE(g, 5, 12, "special_days[1].date");
  CHECK(g.message == "2026-12-24 is already a special day (at line 4); a date may appear once");
}

TEST_CASE("yaml calendar spec: missing keys and empty values", "[yaml]") {
  auto f = failure_of("hours: always\n");
  CHECK_FAILURE(f, 1, 1, "timezone");
  CHECK(f.message == "missing timezone (add `timezone: UTC` or an IANA name such as Europe/Berlin)");

  auto g = failure_of("timezone: UTC\n", {}, "calendar");
  CHECK_FAILURE(g, 1, 1, "calendar.hours");
  CHECK(g.message.rfind("missing hours", 0) == 0);

  auto h = failure_of("timezone: \"\"\nhours: always\n");
  CHECK_FAILURE(h, 1, 11, "timezone");
  CHECK(h.message == "the time zone is empty (write an IANA name such as America/New_York, UTC or +05:30)");

  auto i = failure_of("timezone:\nhours: always\n");
  CHECK_FAILURE(i, 1, 1, "timezone");

  auto j = failure_of("timezone: UTC\nhours: always\nspecial_days: [{date: 2026-12-24}]\n");
  CHECK_FAILURE(j, 3, 16, "special_days[0]");
  CHECK(j.message == "a special day needs its hours (add hours: [\"08:00-12:00\"], or hours: [] to close the date)");

  auto k = failure_of("");
  CHECK_FAILURE(k, 1, 1, "");
  CHECK(k.message == "the document is empty (a calendar spec is a map with timezone and hours)");
}

TEST_CASE("yaml calendar spec: day names that are not mon..sun get a hint", "[yaml]") {
  // "hours: {" is 8 characters: the key at column 9.
  auto f = failure_of("timezone: UTC\nhours: {Monday: []}\n");
  CHECK_FAILURE(f, 2, 9, "hours.Monday");
  CHECK(f.message == "unknown day 'Monday' (write mon; or a range such as mon-fri; or hours: always)");

  auto g = failure_of("timezone: UTC\nhours: {mon-fry: []}\n");
  CHECK_FAILURE(g, 2, 9, "hours.mon-fry");
  CHECK(g.message == "unknown day 'fry' in range 'mon-fry' (did you mean `fri`?)");

  auto h = failure_of("timezone: UTC\nhours: {mon-mon: []}\n");
  CHECK_FAILURE(h, 2, 9, "hours.mon-mon");
  CHECK(h.message == "the range 'mon-mon' names one day (write mon)");
}

TEST_CASE("yaml calendar spec: YAML syntax errors carry yaml-cpp's position", "[yaml]") {
  // The unclosed flow list is noticed at the start of line 3.
  auto f = failure_of("timezone: UTC\nhours: {mon: [\"08:00-18:00\"\nholidays: []\n");
  CHECK(f.code == sla::error_code::invalid_calendar);
  CHECK(f.line == 3);
  CHECK(f.message.rfind("YAML syntax: ", 0) == 0);

  // A tab cannot indent YAML.
  auto g = failure_of("timezone: UTC\nhours:\n\tmon: []\n");
  CHECK(g.line == 3);
  CHECK(g.message.rfind("YAML syntax: ", 0) == 0);

  auto h = failure_of("timezone: UTC\nhours: always\n---\ntimezone: UTC\n");
  CHECK_FAILURE(h, 4, 1, "");
  CHECK(h.message == "a second YAML document (a file holds one document: remove the `---` and what follows, or merge them)");

  // A NUL byte: "hours: al" is 9 characters, so the NUL is at line 2, column 10.
  using namespace std::string_literals;
  auto i = failure_of("timezone: UTC\nhours: al\0ways\n"s);
  CHECK_FAILURE(i, 2, 10, "");
  CHECK(i.message == "a NUL byte (the file is not text)");

  // Nesting deeper than the reader's 64 levels (and deep enough to stop yaml-cpp's own
  // recursion guard) is an error, not a crash.
  auto j = failure_of("timezone: UTC\nhours: " + std::string(3000, '[') + std::string(3000, ']') + "\n");
  CHECK(j.code == sla::error_code::invalid_calendar);
  CHECK(j.message == "lists or maps nested more than 64 levels deep (no document here needs more than a few levels)");

  auto k = failure_of("timezone: America/New York\nhours: always\n");
  CHECK_FAILURE(k, 1, 11, "timezone");
  CHECK(k.message == "\"America/New York\" is not a time zone name: it contains spaces or control characters");
}

TEST_CASE("yaml calendar spec: positions and paths of a spec embedded in a larger document", "[yaml]") {
  // A one-line JSON spec starting at column 36 of line 11 of request.jsonl: every column on the
  // spec's first line is shifted by 35. The empty window's quote is at offset 53 of the spec
  // (`{"timezone": "UTC", ` is 20 characters, `"hours": {"fri": [` 18, `"08:00-12:00", ` 15), so
  // it is at column 36 + 53 = 89.
  std::string spec = R"({"timezone": "UTC", "hours": {"fri": ["08:00-12:00", "08:00-08:00"]}})";
  auto f = failure_of(spec, {"request.jsonl", 11, 36}, "calendar");
  CHECK_FAILURE(f, 11, 89, "calendar.hours.fri[1]");
  CHECK(f.source == "request.jsonl");
  CHECK(f.what == "request.jsonl:11:89: calendar.hours.fri[1]: window \"08:00-08:00\" is empty: its end equals its "
                  "start (a whole day is \"00:00-24:00\")");

  // A block spec embedded from line 20, column 5: its second line is line 21 and keeps its own
  // columns (only the first line is shifted).
  auto g = failure_of("timezone: UTC\nhour: always\n", {"policy.yaml", 20, 5}, "calendars.support");
  CHECK_FAILURE(g, 21, 1, "calendars.support.hour");
  auto h = failure_of("timezone: [UTC]\nhours: always\n", {"policy.yaml", 20, 5}, "calendars.support");
  CHECK_FAILURE(h, 20, 15, "calendars.support.timezone");

  // A known line without a column: only lines are shifted.
  auto i = failure_of("timezone: UTC\nhours: {sat: [\"x\"]}\n", {"", 7, 0});
  CHECK_FAILURE(i, 8, 15, "hours.sat[0]");
}

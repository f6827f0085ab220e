// Holiday rules against lists checked by hand: the US federal holidays 2020–2030 as OPM
// publishes them (opm.gov, "Federal Holidays"), Germany's nationwide holidays, and Easter
// Sundays 1900–2200 (tests/data/holiday/easter-1900-2200.txt).
#include <catch2/catch.hpp>

#include <sla/holiday.hpp>

#include "holiday/holiday_test_support.hpp"

#include <fstream>
#include <set>
#include <string>

namespace {

using holiday_test::text;

using namespace std::chrono;


std::set<std::string> dates_between(const std::vector<sla::holiday_rule>& rules, const std::string& from,
                                    const std::string& to, int first_year, int last_year) {
  std::set<std::string> out;
  for (const auto& r : rules)
    for (auto d : sla::expand(r, first_year, last_year))
      if (text(d) >= from && text(d) <= to) out.insert(text(d));
  return out;
}

sla::observed_day observed(sla::observed_rule rule) {
  sla::observed_day o;
  o.rule = rule;
  return o;
}

}  // namespace

TEST_CASE("holidays: US federal observed dates 2020–2030 as OPM publishes them", "[holiday]") {
  auto set = sla::load_holiday_set(SLA_SOURCE_DIR "/policies/holidays/us-federal.yaml");
  CHECK(set.name == "us-federal");
  std::set<std::string> expected = {
      // 2020: July 4 is a Saturday → Friday July 3.
      "2020-01-01", "2020-01-20", "2020-02-17", "2020-05-25", "2020-07-03", "2020-09-07", "2020-10-12",
      "2020-11-11", "2020-11-26", "2020-12-25",
      // 2021: Juneteenth (first year) Sat → Fri 18; July 4 Sun → Mon 5; Christmas Sat → Fri 24;
      // New Year's Day 2022 is a Saturday → Friday 2021-12-31.
      "2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05", "2021-09-06",
      "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31",
      // 2022: Juneteenth Sun → Mon 20; Christmas Sun → Mon 26.
      "2022-01-17", "2022-02-21", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-10-10",
      "2022-11-11", "2022-11-24", "2022-12-26",
      // 2023: New Year Sun → Mon 2; Veterans Day Sat → Fri 10.
      "2023-01-02", "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04",
      "2023-10-09", "2023-11-10", "2023-11-23", "2023-12-25",
      "2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02",
      "2024-10-14", "2024-11-11", "2024-11-28", "2024-12-25",
      "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01",
      "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25",
      // 2026: July 4 Sat → Fri 3.
      "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
      "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
      // 2027: Juneteenth Sat → Fri 18; July 4 Sun → Mon 5; Christmas Sat → Fri 24; New Year 2028 → 2027-12-31.
      "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06",
      "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31",
      // 2028: Veterans Day Sat → Fri 10.
      "2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04", "2028-09-04", "2028-10-09",
      "2028-11-10", "2028-11-23", "2028-12-25",
      // 2029: Veterans Day Sun → Mon 12.
      "2029-01-01", "2029-01-15", "2029-02-19", "2029-05-28", "2029-06-19", "2029-07-04", "2029-09-03",
      "2029-10-08", "2029-11-12", "2029-11-22", "2029-12-25",
      "2030-01-01", "2030-01-21", "2030-02-18", "2030-05-27", "2030-06-19", "2030-07-04", "2030-09-02",
      "2030-10-14", "2030-11-11", "2030-11-28", "2030-12-25",
  };
  CHECK(dates_between(set.rules, "2020-01-01", "2030-12-31", 2019, 2031) == expected);
}

TEST_CASE("holidays: Germany's nationwide holidays 2024–2026", "[holiday]") {
  auto set = sla::load_holiday_set(SLA_SOURCE_DIR "/policies/holidays/de-national.yaml");
  std::set<std::string> expected = {
      // 2024: Easter Sunday March 31.
      "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-01", "2024-05-09", "2024-05-20", "2024-10-03",
      "2024-12-25", "2024-12-26",
      // 2025: Easter Sunday April 20.
      "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09", "2025-10-03",
      "2025-12-25", "2025-12-26",
      // 2026: Easter Sunday April 5; Ascension May 14; Whit Monday May 25; Unity Day a Saturday (not moved).
      "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03",
      "2026-12-25", "2026-12-26",
  };
  CHECK(dates_between(set.rules, "2024-01-01", "2026-12-31", 2024, 2026) == expected);
  CHECK(dates_between(set.rules, "2017-10-31", "2017-10-31", 2017, 2017) == std::set<std::string>{"2017-10-31"});
  CHECK(dates_between(set.rules, "1989-10-03", "1989-10-03", 1989, 1989).empty());
}

TEST_CASE("holidays: Easter Sunday 1900–2200 against an independent table", "[holiday]") {
  std::ifstream in(SLA_TEST_DATA_DIR "/holiday/easter-1900-2200.txt");
  REQUIRE(in);
  std::string line;
  int year = 1900;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    INFO(year);
    CHECK(text(sla::easter_sunday(year)) == line);
    ++year;
  }
  CHECK(year == 2201);
}

TEST_CASE("holidays: each rule kind and observed-day rule", "[holiday]") {
  sla::holiday_rule fixed;
  fixed.kind = sla::holiday_rule_kind::fixed;
  fixed.month = 7;
  fixed.day = 4;
  // 2026-07-04 is a Saturday, 2027-07-04 a Sunday.
  fixed.observed = {observed(sla::observed_rule::saturday_to_friday)};
  CHECK(text(sla::expand(fixed, 2026, 2026).at(0)) == "2026-07-03");
  CHECK(text(sla::expand(fixed, 2027, 2027).at(0)) == "2027-07-04");
  fixed.observed = {observed(sla::observed_rule::sunday_to_monday)};
  CHECK(text(sla::expand(fixed, 2026, 2026).at(0)) == "2026-07-04");
  CHECK(text(sla::expand(fixed, 2027, 2027).at(0)) == "2027-07-05");
  fixed.observed = {observed(sla::observed_rule::none)};
  CHECK(text(sla::expand(fixed, 2027, 2027).at(0)) == "2027-07-04");

  sla::holiday_rule leap;
  leap.kind = sla::holiday_rule_kind::fixed;
  leap.month = 2;
  leap.day = 29;
  CHECK(sla::expand(leap, 2025, 2028).size() == 1);  // 2028 only

  sla::holiday_rule nth;
  nth.kind = sla::holiday_rule_kind::nth_weekday;
  nth.month = 3;
  nth.weekday = Monday;
  nth.nth = 5;  // March 2026 has five Mondays (2, 9, 16, 23, 30); April 2026 four (6, 13, 20, 27).
  CHECK(text(sla::expand(nth, 2026, 2026).at(0)) == "2026-03-30");
  nth.month = 4;
  CHECK(sla::expand(nth, 2026, 2026).empty());
  nth.month = 3;
  nth.nth = -1;  // March 2027: Mondays 1, 8, 15, 22, 29.
  CHECK(text(sla::expand(nth, 2027, 2027).at(0)) == "2027-03-29");

  sla::holiday_rule range;
  range.kind = sla::holiday_rule_kind::range;
  range.date = year{2026} / 12 / 30;
  range.last_date = year{2027} / 1 / 2;
  CHECK(sla::expand(range, 2026, 2027).size() == 4);
  CHECK(sla::expand(range, 2027, 2027).size() == 2);

  sla::holiday_rule limited;
  limited.kind = sla::holiday_rule_kind::easter;
  limited.offset_days = 39;  // Ascension
  limited.from_year = 2025;
  limited.until_year = 2026;
  auto ascension = sla::expand(limited, 2020, 2030);
  REQUIRE(ascension.size() == 2);
  CHECK(text(ascension[1]) == "2026-05-14");
}

TEST_CASE("holidays: special days replace windows and win over holidays", "[holiday]") {
  sla::calendar_spec spec;
  sla::holiday_rule christmas_eve;
  christmas_eve.kind = sla::holiday_rule_kind::fixed;
  christmas_eve.month = 12;
  christmas_eve.day = 24;
  christmas_eve.windows = {sla::parse_daily_window("08:00-12:00")};
  christmas_eve.name = "Christmas Eve";
  sla::holiday_rule closed = christmas_eve;
  closed.windows.clear();
  closed.name = "Closed";
  sla::apply_holiday_rules(spec, {closed, christmas_eve}, 2026, 2026);
  REQUIRE(spec.special_days.size() == 1);
  CHECK(spec.special_days[0].name == "Christmas Eve");
}

TEST_CASE("holidays: YAML mistakes point at line, column and key", "[holiday]") {
  auto message_of = [](const char* yaml) -> std::string {
    try {
      sla::parse_holiday_set(yaml, "set.yaml");
    } catch (const sla::error& e) {
      return e.what();
    }
    return "no error";
  };
  CHECK(message_of("holidays:\n  - {month: 13, day: 1}\n") ==
        "set.yaml:2:13: holidays[0].month: expected a month (a whole number from 1 to 12), got \"13\"");
  CHECK(message_of("holidays:\n  - {month: 4, day: 31}\n") == "set.yaml:2:21: holidays[0].day: month 4 has no day 31");
  CHECK(message_of("holidays:\n  - {month: 11, weekday: thursday, nth: 4}\n") ==
        "set.yaml:2:26: holidays[0].weekday: unknown weekday \"thursday\" (write thu)");
  CHECK(message_of("holidays:\n  - {date: 2026-02-30}\n") == "set.yaml:2:12: holidays[0].date: 2026-02-30 is not a date: 2026-02 has 28 days");
  CHECK(message_of("holidays:\n  - {easter: -2, month: 4, day: 1}\n") ==
        "set.yaml:2:5: holidays[0]: more than one kind of date given (give one of date, from/to, month/day, "
        "month/weekday/nth, month/day/on_or_before (or on_or_after, before, after), easter, equinox, relative_to/days "
        "or between_holidays)");
  CHECK(message_of("holidays:\n  - {name: x, month: 1, day: 1, observd: nearest_weekday}\n") ==
        "set.yaml:2:33: holidays[0].observd: unknown key 'observd' in a holiday (did you mean `observed`? expected one of: name, date, from, "
        "to, month, day, observed, weekday, nth, on_or_before, on_or_after, before, after, easter, equinox, relative_to, "
        "days, between_holidays, from_year, until_year, replaces, reason, hours)");
}

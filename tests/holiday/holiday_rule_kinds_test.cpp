// The holiday rules that work together (expand_holidays): observed-day rules that avoid other
// holidays, days by weekday, weekday relations, rules relative to another, days between
// holidays, one-offs that replace a rule's date, observed rules by years, set includes and
// defaults; and the mistakes a set file can make. Every expected date is worked out by hand
// from a calendar (weekdays noted in the comments).
#include <catch2/catch.hpp>

#include <sla/holiday.hpp>

#include "holiday/holiday_test_support.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace {

using holiday_test::text;


std::set<std::string> dates(const sla::holiday_set& set, int first, int last) {
  std::set<std::string> out;
  for (const auto& o : sla::holidays_of(set, first, last)) out.insert(text(o.date));
  return out;
}

std::set<std::string> dates(const char* yaml, int first, int last) { return dates(sla::parse_holiday_set(yaml, "set.yaml"), first, last); }

std::string message_of(const char* yaml) {
  try {
    sla::parse_holiday_set(yaml, "set.yaml");
  } catch (const sla::error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("holiday rules: next weekday not already a holiday", "[holiday]") {
  const char* uk = "observed: next_weekday_not_holiday\n"
                   "holidays:\n"
                   "  - {name: Christmas Day, month: 12, day: 25}\n"
                   "  - {name: Boxing Day, month: 12, day: 26}\n";
  // 2021 and 2027: Christmas Sat 25 → Mon 27; Boxing Sun 26 → Tue 28 (Monday taken).
  CHECK(dates(uk, 2021, 2021) == std::set<std::string>{"2021-12-27", "2021-12-28"});
  CHECK(dates(uk, 2027, 2027) == std::set<std::string>{"2027-12-27", "2027-12-28"});
  // 2022: Christmas Sun 25; Boxing Mon 26 stays, so Christmas goes to Tue 27.
  CHECK(dates(uk, 2022, 2022) == std::set<std::string>{"2022-12-26", "2022-12-27"});
  // 2020: Christmas Fri 25 stays; Boxing Sat 26 → Mon 28.
  CHECK(dates(uk, 2020, 2020) == std::set<std::string>{"2020-12-25", "2020-12-28"});
  // The listing says where each came from.
  auto set = sla::parse_holiday_set(uk, "set.yaml");
  auto occurrences = sla::holidays_of(set, 2027, 2027);
  REQUIRE(occurrences.size() == 2);
  CHECK(occurrences[0].rule->name == "Christmas Day");
  CHECK(text(occurrences[0].actual) == "2027-12-25");
  CHECK(text(occurrences[1].actual) == "2027-12-26");
}

TEST_CASE("holiday rules: plain next_weekday does not look at other holidays", "[holiday]") {
  // 2021: Christmas Sat 25 → Mon 27; Boxing Sun 26 → Mon 27 as well: one closed date.
  CHECK(dates("holidays:\n  - {month: 12, day: 25, observed: next_weekday}\n  - {month: 12, day: 26, observed: next_weekday}\n",
              2021, 2021) == std::set<std::string>{"2021-12-27"});
}

TEST_CASE("holiday rules: Sunday to the next day that is not a holiday", "[holiday]") {
  // 2009: 3 May Sun, 4 May Mon, 5 May Tue are holidays → the Sunday's substitute is Wed 6 May.
  CHECK(dates("observed: sunday_to_next_not_holiday\nholidays:\n  - {month: 5, day: 3}\n  - {month: 5, day: 4}\n  - {month: 5, day: 5}\n",
              2009, 2009) == std::set<std::string>{"2009-05-04", "2009-05-05", "2009-05-06"});
  // A Saturday holiday is not moved: 3 May 2025 is a Saturday, 4 May a Sunday → Tue 6 May (5 May
  // is a holiday).
  CHECK(dates("observed: sunday_to_next_not_holiday\nholidays:\n  - {month: 5, day: 3}\n  - {month: 5, day: 4}\n  - {month: 5, day: 5}\n",
              2025, 2025) == std::set<std::string>{"2025-05-03", "2025-05-05", "2025-05-06"});
}

TEST_CASE("holiday rules: days by weekday and observed rules by years", "[holiday]") {
  // The Dutch King's Day: 27 April, or 26 April when the 27th is a Sunday (2014 and 2025).
  const char* kings = "holidays:\n  - {month: 4, day: 27, observed: {sun: -1}}\n";
  CHECK(dates(kings, 2014, 2014) == std::set<std::string>{"2014-04-26"});
  CHECK(dates(kings, 2025, 2025) == std::set<std::string>{"2025-04-26"});
  CHECK(dates(kings, 2026, 2026) == std::set<std::string>{"2026-04-27"});  // a Monday
  // By years: Sun → Mon until 2006, Sat/Sun → Mon from 2007. 1 Jan 2005 Sat stays; 1 Jan 2011
  // Sat → Mon 3 Jan.
  const char* by_years = "holidays:\n  - {month: 1, day: 1, observed: [{rule: sunday_to_monday, until_year: 2006}, "
                         "{rule: next_weekday, from_year: 2007}]}\n";
  CHECK(dates(by_years, 2005, 2005) == std::set<std::string>{"2005-01-01"});
  CHECK(dates(by_years, 2006, 2006) == std::set<std::string>{"2006-01-02"});  // Sun → Mon
  CHECK(dates(by_years, 2011, 2011) == std::set<std::string>{"2011-01-03"});
  // St Brigid's Day (Ireland, from 2023): the first Monday of February, or 1 February when that
  // is a Friday: {tue: +6, wed: +5, thu: +4, sat: +2, sun: +1}. 1 Feb 2023 Wed → Mon 6; 2024 Thu
  // → Mon 5; 2027 Mon stays; 2030 Fri stays.
  const char* brigid = "holidays:\n  - {month: 2, day: 1, observed: {tue: 6, wed: 5, thu: 4, sat: 2, sun: 1}, from_year: 2023}\n";
  CHECK(dates(brigid, 2022, 2030) ==
        std::set<std::string>{"2023-02-06", "2024-02-05", "2025-02-03", "2026-02-02", "2027-02-01", "2028-02-07", "2029-02-05",
                              "2030-02-01"});
}

TEST_CASE("holiday rules: a weekday on or before, on or after, before and after a date", "[holiday]") {
  // Victoria Day: the Monday on or before 24 May. 24 May 2021 is a Monday → 24 May; 2026: 24 May
  // Sun → Mon 18 May; 2027: Mon 24 May.
  const char* victoria = "holidays:\n  - {month: 5, day: 24, on_or_before: mon}\n";
  CHECK(dates(victoria, 2021, 2021) == std::set<std::string>{"2021-05-24"});
  CHECK(dates(victoria, 2026, 2026) == std::set<std::string>{"2026-05-18"});
  // Strictly before 24 May: 2021 → Mon 17 May.
  CHECK(dates("holidays:\n  - {month: 5, day: 24, before: mon}\n", 2021, 2021) == std::set<std::string>{"2021-05-17"});
  // Midsummer (Sweden): the Saturday on or after 20 June. 20 Jun 2026 is a Saturday → 20 Jun;
  // 2027: Sun 20 Jun → Sat 26 Jun.
  const char* midsummer = "holidays:\n  - {month: 6, day: 20, on_or_after: sat}\n";
  CHECK(dates(midsummer, 2026, 2026) == std::set<std::string>{"2026-06-20"});
  CHECK(dates(midsummer, 2027, 2027) == std::set<std::string>{"2027-06-26"});
  // The first Monday after 1 Aug (strictly): 1 Aug 2022 Mon → Mon 8 Aug.
  CHECK(dates("holidays:\n  - {month: 8, day: 1, after: mon}\n", 2022, 2022) == std::set<std::string>{"2022-08-08"});
}

TEST_CASE("holiday rules: relative to another rule, in chains", "[holiday]") {
  // Easter 2026 is 5 April: Easter Monday 6 Apr, Easter Tuesday 7 Apr; the day after
  // Thanksgiving (26 Nov 2026) is Fri 27 Nov.
  const char* yaml = "holidays:\n"
                     "  - {name: Easter Tuesday, relative_to: Easter Monday, days: 1}\n"  // before its target: order is free
                     "  - {name: Easter Monday, easter: 1}\n"
                     "  - {name: Thanksgiving, month: 11, weekday: thu, nth: 4}\n"
                     "  - {name: Day after Thanksgiving, relative_to: Thanksgiving, days: 1}\n"
                     "  - {name: Two days after, relative_to: Day after Thanksgiving, days: 1}\n";
  CHECK(dates(yaml, 2026, 2026) ==
        std::set<std::string>{"2026-04-06", "2026-04-07", "2026-11-26", "2026-11-27", "2026-11-28"});
  // A relative rule follows its target's years.
  CHECK(dates("holidays:\n  - {name: A, month: 3, day: 1, from_year: 2027}\n  - {name: B, relative_to: A, days: 2}\n", 2026, 2027) ==
        std::set<std::string>{"2027-03-01", "2027-03-03"});
}

TEST_CASE("holiday rules: a day between two holidays", "[holiday]") {
  // Mon 21 Sep 2026 and Wed 23 Sep 2026 are holidays: Tue 22 is closed. In 2025 (Mon 15, Tue 23)
  // nothing lies between them.
  const char* yaml = "holidays:\n  - {month: 9, weekday: mon, nth: 3}\n  - {month: 9, day: 23}\n"
                     "  - {name: Between, between_holidays: true}\n";
  CHECK(dates(yaml, 2026, 2026) == std::set<std::string>{"2026-09-21", "2026-09-22", "2026-09-23"});
  CHECK(dates(yaml, 2025, 2025) == std::set<std::string>{"2025-09-15", "2025-09-23"});
  // Never a Sunday: 3 May 2026 Sun is between Sat 2 May and Mon 4 May holidays, and stays open.
  CHECK(dates("holidays:\n  - {month: 5, day: 2}\n  - {month: 5, day: 4}\n  - {name: B, between_holidays: true}\n", 2026, 2026) ==
        std::set<std::string>{"2026-05-02", "2026-05-04"});
}

TEST_CASE("holiday rules: a one-off date replaces a rule's date in its year only", "[holiday]") {
  // Early May bank holiday: the first Monday of May (4 May 2020, 3 May 2021), moved to Fri 8 May
  // in 2020.
  const char* yaml = "holidays:\n"
                     "  - {name: Early May, month: 5, weekday: mon, nth: 1}\n"
                     "  - {name: Early May (VE Day), date: 2020-05-08, replaces: Early May, reason: VE Day}\n";
  CHECK(dates(yaml, 2020, 2021) == std::set<std::string>{"2020-05-08", "2021-05-03"});
  auto set = sla::parse_holiday_set(yaml, "set.yaml");
  CHECK(set.rules[1].reason == "VE Day");
}

TEST_CASE("holiday sets: metadata, includes and the default observed rule", "[holiday]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "sla-holiday-include-test";
  fs::create_directories(dir);
  std::ofstream(dir / "base.yaml") << "name: base\nobserved: next_weekday\nholidays:\n  - {name: Easter Monday, easter: 1}\n"
                                      "  - {name: New Year, month: 1, day: 1}\n";
  std::ofstream(dir / "state.yaml") << "name: state\ncountry: XX-AB\nsources: [https://example.org/law]\n"
                                       "known_good: {from: 2000, to: 2050}\ninclude: [base.yaml]\n"
                                       "holidays:\n  - {name: Easter Tuesday, relative_to: Easter Monday, days: 1}\n"
                                       "  - {name: State Day, month: 1, day: 2}\n";
  auto set = sla::load_holiday_set((dir / "state.yaml").string());
  CHECK(set.country == "XX-AB");
  CHECK(set.sources == std::vector<std::string>{"https://example.org/law"});
  CHECK(*set.known_good_from == 2000);
  CHECK(*set.known_good_to == 2050);
  // 2022: New Year Sat 1 Jan → Mon 3 (base's default); State Day Sun 2 Jan stays (this file has
  // no default); Easter 17 Apr: Monday 18, Tuesday 19.
  CHECK(dates(set, 2022, 2022) == std::set<std::string>{"2022-01-02", "2022-01-03", "2022-04-18", "2022-04-19"});
  // Includes that loop are refused.
  std::ofstream(dir / "loop.yaml") << "name: loop\ninclude: [loop.yaml]\nholidays: []\n";
  CHECK_THROWS_WITH(sla::load_holiday_set((dir / "loop.yaml").string()), Catch::Contains("includes nested more than 8 deep"));
  std::ofstream(dir / "missing.yaml") << "name: m\ninclude: [nowhere.yaml]\nholidays: []\n";
  CHECK_THROWS_WITH(sla::load_holiday_set((dir / "missing.yaml").string()), Catch::Contains("cannot include nowhere.yaml"));
  fs::remove_all(dir);
}

TEST_CASE("holiday sets: mistakes in the new forms point at their key", "[holiday]") {
  CHECK(message_of("holidays:\n  - {name: Easter Tuesday, relative_to: Easter Munday, days: 1}\n  - {name: Easter Monday, easter: 1}\n") ==
        "set.yaml:2:41: holidays[0].relative_to: no other holiday named \"Easter Munday\" in this list (did you mean `Easter Monday`?)");
  CHECK(message_of("holidays:\n  - {name: A, relative_to: B, days: 1}\n  - {name: B, relative_to: A, days: 1}\n") ==
        "set.yaml:2:5: holidays[0]: \"A\" is relative to itself through a chain of relative_to (one holiday of the chain needs a "
        "date of its own)");
  CHECK(message_of("holidays:\n  - {name: A, relative_to: B}\n  - {name: B, month: 1, day: 1}\n") ==
        "set.yaml:2:5: holidays[0].days: missing days (the days after (or, negative, before) that holiday, e.g. days: 1)");
  CHECK(message_of("holidays:\n  - {name: A, month: 5, weekday: mon, nth: 1, replaces: B}\n") ==
        "set.yaml:2:57: holidays[0].replaces: only a one-off date replaces a rule's date in its year (e.g. {name: Early May bank "
        "holiday (VE Day), date: 2020-05-08, replaces: Early May bank holiday})");
  CHECK(message_of("holidays:\n  - {name: A, date: 2020-05-08, replaces: Early May}\n") ==
        "set.yaml:2:43: holidays[0].replaces: no other holiday named \"Early May\" in this list (name a holiday of the same list "
        "or set)");
  CHECK(message_of("holidays:\n  - {month: 5, day: 24, on_or_before: monday}\n") ==
        "set.yaml:2:39: holidays[0].on_or_before: unknown weekday \"monday\" (write mon)");
  CHECK(message_of("holidays:\n  - {month: 5, day: 24, on_or_before: mon, after: fri}\n") ==
        "set.yaml:2:51: holidays[0].after: 'on_or_before' and 'after' together (give one weekday relation)");
  CHECK(message_of("holidays:\n  - {equinox: june}\n") ==
        "set.yaml:2:15: holidays[0].equinox: unknown equinox \"june\" (expected march or september)");
  CHECK(message_of("holidays:\n  - {month: 1, day: 1, observed: {sat: 9}}\n") ==
        "set.yaml:2:40: holidays[0].observed.sat: expected days to move (−6 to 6) (a whole number from -6 to 6), got \"9\"");
  CHECK(message_of("holidays:\n  - {month: 1, day: 1, observed: next_workday}\n") ==
        "set.yaml:2:34: holidays[0].observed: unknown observed-day rule \"next_workday\" (did you mean `next_weekday`? expected none, "
        "saturday_to_friday, sunday_to_monday, nearest_weekday, next_weekday, next_weekday_not_holiday or "
        "sunday_to_next_not_holiday, or days by weekday such as {sat: 2, sun: 1})");
  CHECK(message_of("country: gb\nholidays: []\n") ==
        "set.yaml:1:10: country: \"gb\" is not a country code (ISO 3166-1 alpha-2 in capitals (DE), or ISO 3166-2 for a "
        "subdivision (DE-BY, GB-ENG))");
  CHECK(message_of("known_good: {from: 2060, to: 2000}\nholidays: []\n") == "set.yaml:1:30: known_good.to: the known-good years end before they start");
  CHECK(message_of("holidays:\n  - {name: B, between_holidays: false}\n") ==
        "set.yaml:2:33: holidays[0].between_holidays: between_holidays: false gives no date (remove the entry, or write "
        "between_holidays: true)");
}

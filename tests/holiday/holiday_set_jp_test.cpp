// Japan's national holidays against the Cabinet Office's published lists (内閣府「国民の祝日」について,
// https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html, and its per-year lists), typed by hand.
// Convention of this engine: a substitute holiday replaces the Sunday it stands for (the
// Sunday is a weekend day anyway), so a year's list holds the Monday, not the Sunday.
#include <catch2/catch.hpp>

#include <sla/holiday.hpp>

#include "holiday/holiday_test_support.hpp"

#include <set>
#include <string>

namespace {

using holiday_test::text;


// The closed dates the set gives for the rule year `year`, as MM-DD.
std::set<std::string> year_of(const sla::holiday_set& set, int year) {
  std::set<std::string> out;
  for (const auto& o : sla::holidays_of(set, year, year)) out.insert(text(o.date).substr(5));
  return out;
}

const sla::holiday_set& jp() {
  static const sla::holiday_set set = sla::load_holiday_set(SLA_SOURCE_DIR "/policies/holidays/jp.yaml");
  return set;
}

}  // namespace

TEST_CASE("JP: metadata", "[holiday-sets]") {
  CHECK(jp().country == "JP");
  REQUIRE(jp().known_good_from);
  CHECK(*jp().known_good_from == 2000);
  CHECK(*jp().known_good_to == 2027);
  CHECK(!jp().sources.empty());
}

TEST_CASE("JP: substitute holidays before 2007 are the Monday", "[holiday-sets]") {
  // 2003: Constitution Day Sat 3 May stays; Sun 4 May is not a citizen's holiday (a Sunday);
  // Labour Thanksgiving Sun 23 Nov → Mon 24. Equinoxes 21 Mar, 23 Sep.
  CHECK(year_of(jp(), 2003) == std::set<std::string>{"01-01", "01-13", "02-11", "03-21", "04-29", "05-03", "05-05", "07-21",
                                                       "09-15", "09-23", "10-13", "11-03", "11-24", "12-23"});
  // 2006: New Year's Day Sun → Mon 2 Jan; Thu 4 May between Constitution Day and Children's
  // Day is a citizen's holiday; Saturdays (11 Feb, 29 Apr, 23 Sep, 23 Dec) stay.
  CHECK(year_of(jp(), 2006) == std::set<std::string>{"01-02", "01-09", "02-11", "03-21", "04-29", "05-03", "05-04", "05-05",
                                                       "07-17", "09-18", "09-23", "10-09", "11-03", "11-23", "12-23"});
}

TEST_CASE("JP: from 2007 a substitute is the next day that is not a holiday", "[holiday-sets]") {
  // 2009: Constitution Day Sun 3 May → Wed 6 May (4 and 5 May are holidays); Tue 22 Sep lies
  // between Respect for the Aged Day (Mon 21) and the Autumnal Equinox (Wed 23).
  CHECK(year_of(jp(), 2009) == std::set<std::string>{"01-01", "01-12", "02-11", "03-20", "04-29", "05-04", "05-05", "05-06",
                                                       "07-20", "09-21", "09-22", "09-23", "10-12", "11-03", "11-23", "12-23"});
  // 2024: 11 Feb, 5 May, 11 Aug, 22 Sep and 3 Nov are Sundays → the Mondays; 4 May and 23 Nov
  // are Saturdays and stay.
  CHECK(year_of(jp(), 2024) == std::set<std::string>{"01-01", "01-08", "02-12", "02-23", "03-20", "04-29", "05-03", "05-04",
                                                       "05-06", "07-15", "08-12", "09-16", "09-23", "10-14", "11-04", "11-23"});
  // 2025: Greenery Day Sun 4 May → Tue 6 May (Mon 5 is Children's Day); Emperor's Birthday Sun
  // 23 Feb → Mon 24; Labour Thanksgiving Sun 23 Nov → Mon 24.
  CHECK(year_of(jp(), 2025) == std::set<std::string>{"01-01", "01-13", "02-11", "02-24", "03-20", "04-29", "05-03", "05-05",
                                                       "05-06", "07-21", "08-11", "09-15", "09-23", "10-13", "11-03", "11-24"});
  // 2026: Constitution Day Sun 3 May → Wed 6 May; citizen's holiday Tue 22 Sep.
  CHECK(year_of(jp(), 2026) == std::set<std::string>{"01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-04", "05-05",
                                                       "05-06", "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03",
                                                       "11-23"});
  // 2023: New Year's Day Sun → Mon 2 Jan; 11 Feb, 29 Apr and 23 Sep are Saturdays.
  CHECK(year_of(jp(), 2023) == std::set<std::string>{"01-02", "01-09", "02-11", "02-23", "03-21", "04-29", "05-03", "05-04",
                                                       "05-05", "07-17", "08-11", "09-18", "09-23", "10-09", "11-03", "11-23"});
}

TEST_CASE("JP: the 2019 accession and the Olympic moves", "[holiday-sets]") {
  // 2019: Enthronement Day Wed 1 May makes Tue 30 Apr and Thu 2 May citizen's holidays (each
  // between two holidays); Children's Day Sun 5 May → Mon 6; Mountain Day Sun 11 Aug → Mon 12;
  // Culture Day Sun 3 Nov → Mon 4; the enthronement ceremony Tue 22 Oct; no Emperor's Birthday.
  CHECK(year_of(jp(), 2019) == std::set<std::string>{"01-01", "01-14", "02-11", "03-21", "04-29", "04-30", "05-01", "05-02",
                                                       "05-03", "05-04", "05-06", "07-15", "08-12", "09-16", "09-23", "10-14",
                                                       "10-22", "11-04", "11-23"});
  // 2020: Marine Day Thu 23 Jul, Sports Day Fri 24 Jul, Mountain Day Mon 10 Aug; Emperor's
  // Birthday Sun 23 Feb → Mon 24; Constitution Day Sun 3 May → Wed 6 May.
  CHECK(year_of(jp(), 2020) == std::set<std::string>{"01-01", "01-13", "02-11", "02-24", "03-20", "04-29", "05-04", "05-05",
                                                       "05-06", "07-23", "07-24", "08-10", "09-21", "09-22", "11-03", "11-23"});
  // 2021: Marine Day Thu 22 Jul, Sports Day Fri 23 Jul, Mountain Day Sun 8 Aug → Mon 9 Aug;
  // the Vernal Equinox Sat 20 Mar stays.
  CHECK(year_of(jp(), 2021) == std::set<std::string>{"01-01", "01-11", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04",
                                                       "05-05", "07-22", "07-23", "08-09", "09-20", "09-23", "11-03", "11-23"});
}

TEST_CASE("JP: equinox days by the almanac formula", "[holiday-sets]") {
  // The announced days (官報, 暦要項): vernal 20 Mar 2024–2026, 21 Mar 2019, 2023 and 2027 (a
  // Sunday: its substitute is Monday 22 Mar 2027); autumnal
  // 22 Sep 2024 and 2020, 23 Sep 2021–2023 and 2025–2027.
  using namespace std::chrono;
  CHECK(text(*sla::equinox_day(2019, 3)) == "2019-03-21");
  CHECK(text(*sla::equinox_day(2023, 3)) == "2023-03-21");
  CHECK(text(*sla::equinox_day(2027, 3)) == "2027-03-21");
  for (int y : {2024, 2025, 2026}) CHECK(text(*sla::equinox_day(y, 3)) == std::to_string(y) + "-03-20");
  CHECK(text(*sla::equinox_day(2020, 9)) == "2020-09-22");
  CHECK(text(*sla::equinox_day(2024, 9)) == "2024-09-22");
  for (int y : {2021, 2022, 2023, 2025, 2026, 2027}) CHECK(text(*sla::equinox_day(y, 9)) == std::to_string(y) + "-09-23");
  // Outside the formula's period there is no date rather than a guess.
  CHECK(!sla::equinox_day(2100, 3));
  CHECK(!sla::equinox_day(1899, 9));
  CHECK(!sla::equinox_day(2026, 6));
}

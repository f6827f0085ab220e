// Holiday sets against official lists typed by hand: GB-ENG and GB-SCT (gov.uk/bank-holidays),
// IE (citizensinformation.ie), AU-NSW (nsw.gov.au), AU-VIC (business.vic.gov.au), CA (the
// Canada Labour Code and the federal public service's observed days), IN (the three national
// holidays) and the metadata of US federal (its dates: holiday_rules_test.cpp). Every expected
// date was typed from the official list or the law, with the reason for each moved date; none
// was produced by running this code. Each year is compared whole: the dates the set closes in
// that calendar year, no more and no fewer.
#include <catch2/catch.hpp>

#include <sla/holiday.hpp>

#include "holiday/holiday_test_support.hpp"

#include <cstdio>
#include <set>
#include <string>

namespace {

using holiday_test::text;
using holiday_test::load;

using namespace std::chrono;



// The dates the set closes in calendar year `year` (rules of the years around it expanded too,
// so that a date moved into or out of the year is where it falls).
std::set<std::string> closed_in(const sla::holiday_set& set, int year) {
  std::set<std::string> out;
  const std::string from = std::to_string(year) + "-01-01", to = std::to_string(year) + "-12-31";
  for (const auto& o : sla::holidays_of(set, year - 1, year + 1))
    if (text(o.date) >= from && text(o.date) <= to) out.insert(text(o.date));
  return out;
}

// The one occurrence observed on `date` (empty name when there is none or more than one).
struct seen {
  std::string name, actual, reason;
  int count = 0;
};
seen on(const sla::holiday_set& set, const std::string& date) {
  const int year = std::stoi(date.substr(0, 4));
  seen s;
  for (const auto& o : sla::holidays_of(set, year - 1, year + 1))
    if (text(o.date) == date) {
      ++s.count;
      s.name = o.rule->name;
      s.actual = text(o.actual);
      s.reason = o.rule->reason;
    }
  return s;
}

using dates = std::set<std::string>;

}  // namespace

TEST_CASE("holiday sets: GB-ENG bank holidays as gov.uk lists them", "[holiday-sets]") {
  const auto set = load("gb-eng.yaml");
  CHECK(set.name == "gb-eng");
  CHECK(set.country == "GB-ENG");
  CHECK(set.known_good_from == 1978);
  CHECK(set.known_good_to == 2099);
  CHECK(set.sources.at(0) == "https://www.gov.uk/bank-holidays");
  // gov.uk/bank-holidays, England and Wales. Easter Sundays: 2019-04-21, 2020-04-12,
  // 2021-04-04, 2022-04-17, 2023-04-09, 2027-03-28.
  CHECK(closed_in(set, 2019) == dates{"2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27",
                                      "2019-08-26", "2019-12-25", "2019-12-26"});
  // 2020: the early May bank holiday moved to Friday 8 May (VE Day); Boxing Day Sat 26 → Mon 28.
  CHECK(closed_in(set, 2020) == dates{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25",
                                      "2020-08-31", "2020-12-25", "2020-12-28"});
  // 2021: Christmas Sat 25 → Mon 27; Boxing Day Sun 26 → Tue 28 (the Monday is taken).
  CHECK(closed_in(set, 2021) == dates{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31",
                                      "2021-08-30", "2021-12-27", "2021-12-28"});
  // 2022: New Year's Day Sat → Mon 3 January; spring bank holiday moved to Thu 2 June, Platinum
  // Jubilee Fri 3 June; State Funeral Mon 19 September; Christmas Sun 25 → Tue 27 (Boxing Day
  // is Mon 26).
  CHECK(closed_in(set, 2022) == dates{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02",
                                      "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"});
  // 2023: New Year's Day Sun → Mon 2 January; coronation Mon 8 May.
  CHECK(closed_in(set, 2023) == dates{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08",
                                      "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"});
  // 2027: Christmas Sat 25 → Mon 27; Boxing Day Sun 26 → Tue 28.
  CHECK(closed_in(set, 2027) == dates{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31",
                                      "2027-08-30", "2027-12-27", "2027-12-28"});
  // The moved and added days carry their names, own dates and reasons.
  CHECK(on(set, "2020-05-08").name == "Early May bank holiday (VE Day)");
  CHECK(on(set, "2020-05-08").reason.find("75th anniversary of VE Day") != std::string::npos);
  CHECK(on(set, "2021-12-28").name == "Boxing Day");
  CHECK(on(set, "2021-12-28").actual == "2021-12-26");
  CHECK(on(set, "2022-12-27").name == "Christmas Day");
  CHECK(on(set, "2022-12-27").actual == "2022-12-25");
  CHECK(on(set, "2022-06-02").name == "Spring bank holiday");
  CHECK(on(set, "2023-05-08").name == "Coronation of King Charles III");
  // The first Monday in May gives no date in a year whose early May bank holiday moved.
  CHECK(on(set, "2020-05-04").count == 0);
  CHECK(on(set, "2022-05-30").count == 0);
  // Before the earlier one-offs: 1995 VE Day, the millennium and the jubilees of 2002 and 2012.
  CHECK(closed_in(set, 1995).count("1995-05-08") == 1);
  CHECK(closed_in(set, 1995).count("1995-05-01") == 0);
  CHECK(closed_in(set, 1999).count("1999-12-31") == 1);
  CHECK(closed_in(set, 2000).count("2000-01-03") == 1);  // New Year's Day 2000, a Saturday
  CHECK(closed_in(set, 2002).count("2002-06-03") == 1);
  CHECK(closed_in(set, 2002).count("2002-06-04") == 1);
  CHECK(closed_in(set, 2012).count("2012-06-04") == 1);
  CHECK(closed_in(set, 2012).count("2012-06-05") == 1);
  CHECK(closed_in(set, 2012).count("2012-05-28") == 0);
}

TEST_CASE("holiday sets: GB-SCT bank holidays as gov.uk lists them for Scotland", "[holiday-sets]") {
  const auto set = load("gb-sct.yaml");
  CHECK(set.name == "gb-sct");
  CHECK(set.country == "GB-SCT");
  CHECK(set.known_good_from == 2012);
  CHECK(set.known_good_to == 2099);
  CHECK(set.sources.at(0) == "https://www.gov.uk/bank-holidays");
  // gov.uk/bank-holidays, Scotland: no Easter Monday; the summer bank holiday is the FIRST
  // Monday in August; St Andrew's Day on a weekend → the Monday after.
  // 2019: St Andrew's Day Sat 30 November → Mon 2 December.
  CHECK(closed_in(set, 2019) == dates{"2019-01-01", "2019-01-02", "2019-04-19", "2019-05-06", "2019-05-27",
                                      "2019-08-05", "2019-12-02", "2019-12-25", "2019-12-26"});
  // 2020: VE Day Fri 8 May; Boxing Day Sat 26 → Mon 28.
  CHECK(closed_in(set, 2020) == dates{"2020-01-01", "2020-01-02", "2020-04-10", "2020-05-08", "2020-05-25",
                                      "2020-08-03", "2020-11-30", "2020-12-25", "2020-12-28"});
  // 2021: 2 January Sat → Mon 4 January; Christmas Sat → Mon 27, Boxing Day Sun → Tue 28.
  CHECK(closed_in(set, 2021) == dates{"2021-01-01", "2021-01-04", "2021-04-02", "2021-05-03", "2021-05-31",
                                      "2021-08-02", "2021-11-30", "2021-12-27", "2021-12-28"});
  // 2022: New Year's Day Sat → Mon 3, 2 January Sun → Tue 4; the jubilee and the funeral;
  // Christmas Sun → Tue 27.
  CHECK(closed_in(set, 2022) == dates{"2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02", "2022-06-02",
                                      "2022-06-03", "2022-08-01", "2022-09-19", "2022-11-30", "2022-12-26",
                                      "2022-12-27"});
  // 2023: 2 January is Monday 2; New Year's Day Sun → Tue 3; the coronation.
  CHECK(closed_in(set, 2023) == dates{"2023-01-02", "2023-01-03", "2023-04-07", "2023-05-01", "2023-05-08",
                                      "2023-05-29", "2023-08-07", "2023-11-30", "2023-12-25", "2023-12-26"});
  // 2024: St Andrew's Day Sat → Mon 2 December.
  CHECK(closed_in(set, 2024) == dates{"2024-01-01", "2024-01-02", "2024-03-29", "2024-05-06", "2024-05-27",
                                      "2024-08-05", "2024-12-02", "2024-12-25", "2024-12-26"});
  // 2025: St Andrew's Day Sun → Mon 1 December.
  CHECK(closed_in(set, 2025) == dates{"2025-01-01", "2025-01-02", "2025-04-18", "2025-05-05", "2025-05-26",
                                      "2025-08-04", "2025-12-01", "2025-12-25", "2025-12-26"});
  // 2027: 2 January Sat → Mon 4 January; Christmas Sat → Mon 27, Boxing Day Sun → Tue 28.
  CHECK(closed_in(set, 2027) == dates{"2027-01-01", "2027-01-04", "2027-03-26", "2027-05-03", "2027-05-31",
                                      "2027-08-02", "2027-11-30", "2027-12-27", "2027-12-28"});
  CHECK(on(set, "2023-01-03").name == "New Year's Day");
  CHECK(on(set, "2023-01-03").actual == "2023-01-01");
  CHECK(on(set, "2024-12-02").name == "St Andrew's Day");
  CHECK(on(set, "2024-12-02").actual == "2024-11-30");
  // 2012 (gov.uk's first year): New Year's Day Sun → Tue 3 January, 2 January Mon 2; the
  // spring bank holiday moved to Mon 4 June and the Diamond Jubilee on Tue 5 June.
  CHECK(closed_in(set, 2012) == dates{"2012-01-02", "2012-01-03", "2012-04-06", "2012-05-07", "2012-06-04",
                                      "2012-06-05", "2012-08-06", "2012-11-30", "2012-12-25", "2012-12-26"});
  // 2010 and 2011: no substitute for the Saturday was proclaimed (see the set's comments).
  CHECK(closed_in(set, 2010).count("2010-01-02") == 1);
  CHECK(closed_in(set, 2010).count("2010-01-04") == 0);
  CHECK(closed_in(set, 2011).count("2011-01-01") == 1);
  CHECK(closed_in(set, 2011).count("2011-01-03") == 1);
  CHECK(closed_in(set, 2011).count("2011-01-04") == 0);
  // St Andrew's Day only from the 2007 Act.
  CHECK(closed_in(set, 2006).count("2006-11-30") == 0);
  CHECK(closed_in(set, 2007).count("2007-11-30") == 1);
  // The millennium: Fri 31 December 1999, then Mon 3 and Tue 4 January 2000 for the weekend.
  CHECK(closed_in(set, 1999).count("1999-12-31") == 1);
  CHECK(closed_in(set, 2000).count("2000-01-03") == 1);
  CHECK(closed_in(set, 2000).count("2000-01-04") == 1);
}

TEST_CASE("holiday sets: IE public holidays as citizensinformation.ie lists them", "[holiday-sets]") {
  const auto set = load("ie.yaml");
  CHECK(set.name == "ie");
  CHECK(set.country == "IE");
  CHECK(set.known_good_from == 1994);
  CHECK(set.known_good_to == 2099);
  REQUIRE(!set.sources.empty());
  // A public holiday on a weekend stays on its day (no automatic next working day): St Patrick's
  // Day 2019 on a Sunday.
  CHECK(closed_in(set, 2019) == dates{"2019-01-01", "2019-03-17", "2019-04-22", "2019-05-06", "2019-06-03",
                                      "2019-08-05", "2019-10-28", "2019-12-25", "2019-12-26"});
  // 2020: St Stephen's Day on Saturday 26 December.
  CHECK(closed_in(set, 2020) == dates{"2020-01-01", "2020-03-17", "2020-04-13", "2020-05-04", "2020-06-01",
                                      "2020-08-03", "2020-10-26", "2020-12-25", "2020-12-26"});
  // 2021: Christmas Day Saturday, St Stephen's Day Sunday.
  CHECK(closed_in(set, 2021) == dates{"2021-01-01", "2021-03-17", "2021-04-05", "2021-05-03", "2021-06-07",
                                      "2021-08-02", "2021-10-25", "2021-12-25", "2021-12-26"});
  // 2022: New Year's Day Saturday; the once-off Friday 18 March; Christmas Day Sunday.
  CHECK(closed_in(set, 2022) == dates{"2022-01-01", "2022-03-17", "2022-03-18", "2022-04-18", "2022-05-02",
                                      "2022-06-06", "2022-08-01", "2022-10-31", "2022-12-25", "2022-12-26"});
  // 2023: New Year's Day Sunday; the first St Brigid's Day, Mon 6 February (1 February a Wednesday).
  CHECK(closed_in(set, 2023) == dates{"2023-01-01", "2023-02-06", "2023-03-17", "2023-04-10", "2023-05-01",
                                      "2023-06-05", "2023-08-07", "2023-10-30", "2023-12-25", "2023-12-26"});
  // 2024: St Brigid's Day Mon 5 February (1 February a Thursday); St Patrick's Day on Sunday 17 March.
  CHECK(closed_in(set, 2024) == dates{"2024-01-01", "2024-02-05", "2024-03-17", "2024-04-01", "2024-05-06",
                                      "2024-06-03", "2024-08-05", "2024-10-28", "2024-12-25", "2024-12-26"});
  // 2025: St Brigid's Day Mon 3 February (1 February a Saturday).
  CHECK(closed_in(set, 2025) == dates{"2025-01-01", "2025-02-03", "2025-03-17", "2025-04-21", "2025-05-05",
                                      "2025-06-02", "2025-08-04", "2025-10-27", "2025-12-25", "2025-12-26"});
  // 2026: St Brigid's Day Mon 2 February (1 February a Sunday).
  CHECK(closed_in(set, 2026) == dates{"2026-01-01", "2026-02-02", "2026-03-17", "2026-04-06", "2026-05-04",
                                      "2026-06-01", "2026-08-03", "2026-10-26", "2026-12-25", "2026-12-26"});
  // 2027: St Brigid's Day Mon 1 February; Christmas Day Saturday, St Stephen's Day Sunday.
  CHECK(closed_in(set, 2027) == dates{"2027-01-01", "2027-02-01", "2027-03-17", "2027-03-29", "2027-05-03",
                                      "2027-06-07", "2027-08-02", "2027-10-25", "2027-12-25", "2027-12-26"});
  // 2029: St Patrick's Day on Saturday 17 March; Easter Monday 2 April.
  CHECK(closed_in(set, 2029) == dates{"2029-01-01", "2029-02-05", "2029-03-17", "2029-04-02", "2029-05-07",
                                      "2029-06-04", "2029-08-06", "2029-10-29", "2029-12-25", "2029-12-26"});
  // 2030: 1 February is a Friday, so St Brigid's Day is that Friday, not Monday 4 February.
  CHECK(closed_in(set, 2030).count("2030-02-01") == 1);
  CHECK(closed_in(set, 2030).count("2030-02-04") == 0);
  CHECK(on(set, "2023-02-06").name == "St Brigid's Day");
  CHECK(on(set, "2022-03-18").reason.find("COVID-19") != std::string::npos);
  // The years of the rules: no St Brigid's Day before 2023, no May Day before 1994, Whit Monday
  // until 1972 and the June holiday from 1973, the October holiday from 1977.
  CHECK(closed_in(set, 2022).count("2022-02-07") == 0);
  CHECK(closed_in(set, 1993).count("1993-05-03") == 0);
  CHECK(closed_in(set, 1994).count("1994-05-02") == 1);
  CHECK(closed_in(set, 1972).count("1972-05-22") == 1);  // Whit Monday (Easter 2 April 1972)
  CHECK(closed_in(set, 1972).count("1972-06-05") == 0);
  CHECK(closed_in(set, 1976).count("1976-10-25") == 0);
  CHECK(closed_in(set, 1977).count("1977-10-31") == 1);
}

TEST_CASE("holiday sets: AU-NSW public holidays under the Public Holidays Act 2010", "[holiday-sets]") {
  const auto set = load("au-nsw.yaml");
  CHECK(set.name == "au-nsw");
  CHECK(set.country == "AU-NSW");
  CHECK(set.known_good_from == 2012);
  CHECK(set.known_good_to == 2099);
  REQUIRE(!set.sources.empty());
  // nsw.gov.au public holidays; the Act's section 4. Good Friday to Easter Monday are all public
  // holidays; Anzac Day has no substitute; the Bank Holiday (first Monday in August) is not one.
  // 2019: Australia Day Sat 26 → Mon 28 January (instead of the day).
  CHECK(closed_in(set, 2019) == dates{"2019-01-01", "2019-01-28", "2019-04-19", "2019-04-20", "2019-04-21",
                                      "2019-04-22", "2019-04-25", "2019-06-10", "2019-10-07", "2019-12-25",
                                      "2019-12-26"});
  // 2020: Australia Day Sun → Mon 27; Anzac Day on Saturday 25 April (no Monday); Boxing Day Sat
  // → additional Mon 28.
  CHECK(closed_in(set, 2020) == dates{"2020-01-01", "2020-01-27", "2020-04-10", "2020-04-11", "2020-04-12",
                                      "2020-04-13", "2020-04-25", "2020-06-08", "2020-10-05", "2020-12-25",
                                      "2020-12-28"});
  // 2021: Anzac Day on Sunday (no Monday); Christmas Sat → Mon 27, Boxing Day Sun → Tue 28.
  CHECK(closed_in(set, 2021) == dates{"2021-01-01", "2021-01-26", "2021-04-02", "2021-04-03", "2021-04-04",
                                      "2021-04-05", "2021-04-25", "2021-06-14", "2021-10-04", "2021-12-27",
                                      "2021-12-28"});
  // 2022: New Year's Day Sat → additional Mon 3 January; the National Day of Mourning Thu 22
  // September; Christmas Sun → additional Tue 27 (Boxing Day is Mon 26).
  CHECK(closed_in(set, 2022) == dates{"2022-01-03", "2022-01-26", "2022-04-15", "2022-04-16", "2022-04-17",
                                      "2022-04-18", "2022-04-25", "2022-06-13", "2022-09-22", "2022-10-03",
                                      "2022-12-26", "2022-12-27"});
  // 2023: New Year's Day Sun → additional Mon 2 January; the first King's Birthday, 12 June.
  CHECK(closed_in(set, 2023) == dates{"2023-01-02", "2023-01-26", "2023-04-07", "2023-04-08", "2023-04-09",
                                      "2023-04-10", "2023-04-25", "2023-06-12", "2023-10-02", "2023-12-25",
                                      "2023-12-26"});
  CHECK(closed_in(set, 2024) == dates{"2024-01-01", "2024-01-26", "2024-03-29", "2024-03-30", "2024-03-31",
                                      "2024-04-01", "2024-04-25", "2024-06-10", "2024-10-07", "2024-12-25",
                                      "2024-12-26"});
  // 2025: Australia Day Sun → Mon 27 January.
  CHECK(closed_in(set, 2025) == dates{"2025-01-01", "2025-01-27", "2025-04-18", "2025-04-19", "2025-04-20",
                                      "2025-04-21", "2025-04-25", "2025-06-09", "2025-10-06", "2025-12-25",
                                      "2025-12-26"});
  // 2027: Anzac Day on Sunday; Christmas Sat → Mon 27, Boxing Day Sun → Tue 28.
  CHECK(closed_in(set, 2027) == dates{"2027-01-01", "2027-01-26", "2027-03-26", "2027-03-27", "2027-03-28",
                                      "2027-03-29", "2027-04-25", "2027-06-14", "2027-10-04", "2027-12-27",
                                      "2027-12-28"});
  CHECK(on(set, "2022-06-13").name == "Queen's Birthday");
  CHECK(on(set, "2023-06-12").name == "King's Birthday");
  CHECK(on(set, "2021-12-28").name == "Boxing Day");
  CHECK(on(set, "2021-12-28").actual == "2021-12-26");
  CHECK(on(set, "2025-01-27").actual == "2025-01-26");
  // 2011: Easter Monday fell on Anzac Day, Tuesday 26 April was added.
  CHECK(closed_in(set, 2011).count("2011-04-25") == 1);
  CHECK(closed_in(set, 2011).count("2011-04-26") == 1);
  CHECK(closed_in(set, 2011).count("2011-04-24") == 1);  // Easter Sunday, from the 2010 Act
  CHECK(closed_in(set, 2010).count("2010-04-04") == 0);
}

TEST_CASE("holiday sets: AU-VIC public holidays under the Public Holidays Act 1993", "[holiday-sets]") {
  const auto set = load("au-vic.yaml");
  CHECK(set.name == "au-vic");
  CHECK(set.country == "AU-VIC");
  CHECK(set.known_good_from == 2012);
  CHECK(set.known_good_to == 2025);  // from 2026 the Grand Final Friday is the assumed pattern
  REQUIRE(!set.sources.empty());
  // business.vic.gov.au, Victorian public holidays (metropolitan Melbourne).
  // 2019: Australia Day Sat → Mon 28 January; Grand Final Friday 27 September.
  CHECK(closed_in(set, 2019) == dates{"2019-01-01", "2019-01-28", "2019-03-11", "2019-04-19", "2019-04-20",
                                      "2019-04-21", "2019-04-22", "2019-04-25", "2019-06-10", "2019-09-27",
                                      "2019-11-05", "2019-12-25", "2019-12-26"});
  // 2020: Australia Day Sun → Mon 27; Anzac Day Saturday (no Monday); the Grand Final (in
  // Brisbane) on 24 October, so Friday 23 October ("Thank You Day"); Boxing Day Sat → Mon 28.
  CHECK(closed_in(set, 2020) == dates{"2020-01-01", "2020-01-27", "2020-03-09", "2020-04-10", "2020-04-11",
                                      "2020-04-12", "2020-04-13", "2020-04-25", "2020-06-08", "2020-10-23",
                                      "2020-11-03", "2020-12-25", "2020-12-28"});
  // 2021: Anzac Day Sunday (no Monday); Grand Final in Perth on 25 September, Friday 24;
  // Christmas Sat → Mon 27, Boxing Day Sun → Tue 28.
  CHECK(closed_in(set, 2021) == dates{"2021-01-01", "2021-01-26", "2021-03-08", "2021-04-02", "2021-04-03",
                                      "2021-04-04", "2021-04-05", "2021-04-25", "2021-06-14", "2021-09-24",
                                      "2021-11-02", "2021-12-27", "2021-12-28"});
  // 2022: New Year's Day Sat → Mon 3 January; the National Day of Mourning Thu 22 September and
  // Grand Final Friday 23 September (Grand Final Sat 24, not the last Friday, 30 September);
  // Christmas Sun → Tue 27.
  CHECK(closed_in(set, 2022) == dates{"2022-01-03", "2022-01-26", "2022-03-14", "2022-04-15", "2022-04-16",
                                      "2022-04-17", "2022-04-18", "2022-04-25", "2022-06-13", "2022-09-22",
                                      "2022-09-23", "2022-11-01", "2022-12-26", "2022-12-27"});
  // 2023: New Year's Day Sun → Mon 2 January.
  CHECK(closed_in(set, 2023) == dates{"2023-01-02", "2023-01-26", "2023-03-13", "2023-04-07", "2023-04-08",
                                      "2023-04-09", "2023-04-10", "2023-04-25", "2023-06-12", "2023-09-29",
                                      "2023-11-07", "2023-12-25", "2023-12-26"});
  CHECK(closed_in(set, 2024) == dates{"2024-01-01", "2024-01-26", "2024-03-11", "2024-03-29", "2024-03-30",
                                      "2024-03-31", "2024-04-01", "2024-04-25", "2024-06-10", "2024-09-27",
                                      "2024-11-05", "2024-12-25", "2024-12-26"});
  // 2025: Australia Day Sun → Mon 27 January.
  CHECK(closed_in(set, 2025) == dates{"2025-01-01", "2025-01-27", "2025-03-10", "2025-04-18", "2025-04-19",
                                      "2025-04-20", "2025-04-21", "2025-04-25", "2025-06-09", "2025-09-26",
                                      "2025-11-04", "2025-12-25", "2025-12-26"});
  // 2027 (after the known-good years): the Grand Final Friday by the assumed pattern, the Friday
  // on or before 29 September (a Wednesday) = 24 September; Christmas Sat → Mon 27, Boxing Day
  // Sun → Tue 28.
  CHECK(closed_in(set, 2027) == dates{"2027-01-01", "2027-01-26", "2027-03-08", "2027-03-26", "2027-03-27",
                                      "2027-03-28", "2027-03-29", "2027-04-25", "2027-06-14", "2027-09-24",
                                      "2027-11-02", "2027-12-27", "2027-12-28"});
  CHECK(on(set, "2020-10-23").reason.find("Brisbane") != std::string::npos);
  CHECK(on(set, "2022-12-27").name == "Christmas Day");
  CHECK(on(set, "2022-12-27").actual == "2022-12-25");
  // The first Grand Final Fridays (2015, 2016: Grand Finals on 3 and 1 October) and the first
  // Easter Sunday (2016); none of either in 2014.
  CHECK(closed_in(set, 2015).count("2015-10-02") == 1);
  CHECK(closed_in(set, 2015).count("2015-04-05") == 0);
  CHECK(closed_in(set, 2016).count("2016-09-30") == 1);
  CHECK(closed_in(set, 2016).count("2016-03-27") == 1);
  CHECK(closed_in(set, 2014).count("2014-09-26") == 0);
  CHECK(closed_in(set, 2014).count("2014-04-20") == 0);
}

TEST_CASE("holiday sets: CA federal general holidays of the Canada Labour Code", "[holiday-sets]") {
  const auto set = load("ca.yaml");
  CHECK(set.name == "ca");
  CHECK(set.country == "CA");
  CHECK(set.known_good_from == 1985);
  CHECK(set.known_good_to == 2099);
  REQUIRE(!set.sources.empty());
  // The Code's ten general holidays (nine before 2021), a Saturday or Sunday one on the following
  // working day as the federal public service observes it. No Easter Monday.
  CHECK(closed_in(set, 2019) == dates{"2019-01-01", "2019-04-19", "2019-05-20", "2019-07-01", "2019-09-02",
                                      "2019-10-14", "2019-11-11", "2019-12-25", "2019-12-26"});
  // 2020: Victoria Day Mon 18 May (24 May a Sunday); Boxing Day Sat → Mon 28.
  CHECK(closed_in(set, 2020) == dates{"2020-01-01", "2020-04-10", "2020-05-18", "2020-07-01", "2020-09-07",
                                      "2020-10-12", "2020-11-11", "2020-12-25", "2020-12-28"});
  // 2021: the first National Day for Truth and Reconciliation; Christmas Sat → Mon 27, Boxing
  // Day Sun → Tue 28.
  CHECK(closed_in(set, 2021) == dates{"2021-01-01", "2021-04-02", "2021-05-24", "2021-07-01", "2021-09-06",
                                      "2021-09-30", "2021-10-11", "2021-11-11", "2021-12-27", "2021-12-28"});
  // 2022: New Year's Day Sat → Mon 3 January; the National Day of Mourning Mon 19 September;
  // Christmas Sun → Tue 27 (Boxing Day Mon 26).
  CHECK(closed_in(set, 2022) == dates{"2022-01-03", "2022-04-15", "2022-05-23", "2022-07-01", "2022-09-05",
                                      "2022-09-19", "2022-09-30", "2022-10-10", "2022-11-11", "2022-12-26",
                                      "2022-12-27"});
  // 2023: New Year's Day Sun → Mon 2 January; Canada Day Sat → Mon 3 July; Truth and
  // Reconciliation Sat → Mon 2 October; Remembrance Day Sat → Mon 13 November.
  CHECK(closed_in(set, 2023) == dates{"2023-01-02", "2023-04-07", "2023-05-22", "2023-07-03", "2023-09-04",
                                      "2023-10-02", "2023-10-09", "2023-11-13", "2023-12-25", "2023-12-26"});
  CHECK(closed_in(set, 2024) == dates{"2024-01-01", "2024-03-29", "2024-05-20", "2024-07-01", "2024-09-02",
                                      "2024-09-30", "2024-10-14", "2024-11-11", "2024-12-25", "2024-12-26"});
  // 2025: Victoria Day Mon 19 May (24 May a Saturday).
  CHECK(closed_in(set, 2025) == dates{"2025-01-01", "2025-04-18", "2025-05-19", "2025-07-01", "2025-09-01",
                                      "2025-09-30", "2025-10-13", "2025-11-11", "2025-12-25", "2025-12-26"});
  // 2027: Victoria Day on 24 May itself (a Monday); Christmas Sat → Mon 27, Boxing Day Sun → Tue 28.
  CHECK(closed_in(set, 2027) == dates{"2027-01-01", "2027-03-26", "2027-05-24", "2027-07-01", "2027-09-06",
                                      "2027-09-30", "2027-10-11", "2027-11-11", "2027-12-27", "2027-12-28"});
  // 2018: Canada Day on a Sunday is Monday 2 July (the Holidays Act).
  CHECK(closed_in(set, 2018).count("2018-07-02") == 1);
  CHECK(on(set, "2018-07-02").actual == "2018-07-01");
  CHECK(on(set, "2023-11-13").name == "Remembrance Day");
  CHECK(on(set, "2022-09-19").name == "National Day of Mourning for Queen Elizabeth II");
  CHECK(closed_in(set, 2020).count("2020-09-30") == 0);  // before the Truth and Reconciliation day
  CHECK(closed_in(set, 2024).count("2024-04-01") == 0);  // Easter Monday is not a Code holiday
}

TEST_CASE("holiday sets: IN national holidays, never moved", "[holiday-sets]") {
  const auto set = load("in.yaml");
  CHECK(set.name == "in");
  CHECK(set.country == "IN");
  CHECK(set.known_good_from == 1950);
  CHECK(set.known_good_to == 2099);
  REQUIRE(!set.sources.empty());
  // 2021: Independence Day on a Sunday and Gandhi Jayanti on a Saturday stay on their days.
  CHECK(closed_in(set, 2021) == dates{"2021-01-26", "2021-08-15", "2021-10-02"});
  CHECK(closed_in(set, 2022) == dates{"2022-01-26", "2022-08-15", "2022-10-02"});
  // 2025: Republic Day on a Sunday.
  CHECK(closed_in(set, 2025) == dates{"2025-01-26", "2025-08-15", "2025-10-02"});
  CHECK(closed_in(set, 2026) == dates{"2026-01-26", "2026-08-15", "2026-10-02"});
  // 2027: Independence Day on a Sunday, Gandhi Jayanti on a Saturday.
  CHECK(closed_in(set, 2027) == dates{"2027-01-26", "2027-08-15", "2027-10-02"});
  // Republic Day from 1950, Independence Day from 1947.
  CHECK(closed_in(set, 1949).count("1949-01-26") == 0);
  CHECK(closed_in(set, 1950).count("1950-01-26") == 1);
  CHECK(closed_in(set, 1946).count("1946-08-15") == 0);
  CHECK(closed_in(set, 1947).count("1947-08-15") == 1);
}

TEST_CASE("holiday sets: US federal set's metadata", "[holiday-sets]") {
  const auto set = load("us-federal.yaml");
  CHECK(set.name == "us-federal");
  CHECK(set.country == "US");
  CHECK(set.known_good_from == 1971);
  CHECK(set.known_good_to == 2099);
  REQUIRE(set.sources.size() == 2);
  CHECK(set.sources[0].find("opm.gov") != std::string::npos);
  CHECK(set.sources[1].find("6103") != std::string::npos);
  // Veterans Day follows OPM: Saturday 11 November 2023 → Friday 10; Sunday 2029 → Monday 12.
  CHECK(on(set, "2023-11-10").name == "Veterans Day");
  CHECK(on(set, "2029-11-12").actual == "2029-11-11");
  // Inauguration Day (20 January 2021, a Wednesday) is not a holiday of the set.
  CHECK(on(set, "2021-01-20").count == 0);
}

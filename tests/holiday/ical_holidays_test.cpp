// The iCalendar import against dates worked out by hand: real-world exports in tests/data/ical/
// (Google Calendar, Outlook with Windows zone names, Apple Calendar with recurrence rules), small
// calendars written here for one rule each, and the malformed files of tests/data/ical/bad/.
#include <catch2/catch.hpp>

#include <sla/ical.hpp>

#include <string>
#include <utility>
#include <vector>

namespace {

using dated_names = std::vector<std::pair<std::string, std::string>>;

const std::string ical_dir = SLA_TEST_DATA_DIR "/ical/";

std::string text(std::chrono::year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
  return buf;
}

// The set's rules as (date, name), in the set's order; every rule must be a one-off date.
dated_names dates_of(const sla::holiday_set& set) {
  dated_names out;
  for (const auto& r : set.rules) {
    CHECK(r.kind == sla::holiday_rule_kind::date);
    out.emplace_back(text(r.date), r.name);
  }
  return out;
}

std::vector<std::string> dates_only(const sla::holiday_set& set) {
  std::vector<std::string> out;
  for (const auto& [date, name] : dates_of(set)) out.push_back(date);
  return out;
}

// A calendar around `body` (VEVENTs, VTIMEZONEs, calendar properties).
std::string calendar(const std::string& body) {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//sla-engine tests//EN\r\n" + body + "END:VCALENDAR\r\n";
}

std::string event(const std::string& summary, const std::string& lines) {
  return "BEGIN:VEVENT\r\nUID:" + summary + "@example.com\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:" + summary + "\r\n" + lines +
         "END:VEVENT\r\n";
}

sla::holiday_set parse(const std::string& ics, int first, int last, std::vector<sla::problem>* warnings = nullptr) {
  return sla::parse_ical_holidays(ics, "test.ics", first, last, warnings);
}

// Outlook's definition of "W. Europe Standard Time" (Berlin, Paris, Rome: CET/CEST).
const std::string w_europe =
    "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
    "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

struct thrown {
  sla::error_code code;
  sla::source_position where;
  std::string what;
};

template <class F>
thrown error_of(F&& f) {
  try {
    f();
  } catch (const sla::error& e) {
    return {e.code(), e.where(), e.what()};
  }
  FAIL("no error thrown");
  return {};
}

}  // namespace

TEST_CASE("ical: a Google Calendar export — all-day events, DTEND the next day, CRLF, folded lines", "[holiday][ical]") {
  std::vector<sla::problem> warnings;
  auto set = sla::load_ical_holidays(ical_dir + "google-de.ics", 2026, 2027, &warnings);
  CHECK(warnings.empty());
  CHECK(set.name == "Feiertage in Deutschland");  // X-WR-CALNAME
  CHECK(set.description == "Feiertage und Gedenktage in Deutschland");
  CHECK(set.sources == std::vector<std::string>{ical_dir + "google-de.ics"});
  CHECK(set.known_good_from == 2026);
  CHECK(set.known_good_to == 2027);
  CHECK(set.country.empty());
  // The folded SUMMARY (two physical lines, "\," escapes, UTF-8) is one name.
  const std::string fronleichnam =
      "Fronleichnam (regionaler Feiertag in Baden-Württemberg, Bayern, Hessen, Nordrhein-Westfalen, Rheinland-Pfalz und "
      "Saarland)";
  // Easter Sunday 2026 is April 5: Good Friday −2 = April 3, Easter Monday +1 = April 6,
  // Ascension +39 = May 14, Whit Monday +50 = May 25, Corpus Christi +60 = June 4.
  // Easter Sunday 2027 is March 28: March 26, March 29, May 6, May 17, May 27.
  // 2025-12-25 and 2028-01-01 are in the file but outside 2026–2027.
  CHECK(dates_of(set) == dated_names{
                             {"2026-01-01", "Neujahr"},
                             {"2026-04-03", "Karfreitag"},
                             {"2026-04-06", "Ostermontag"},
                             {"2026-05-01", "Tag der Arbeit"},
                             {"2026-05-14", "Christi Himmelfahrt"},
                             {"2026-05-25", "Pfingstmontag"},
                             {"2026-06-04", fronleichnam},
                             {"2026-10-03", "Tag der Deutschen Einheit"},
                             {"2026-12-24", "Heiligabend"},
                             {"2026-12-25", "1. Weihnachtstag"},
                             {"2026-12-26", "2. Weihnachtstag"},
                             {"2027-01-01", "Neujahr"},
                             {"2027-03-26", "Karfreitag"},
                             {"2027-03-29", "Ostermontag"},
                             {"2027-05-01", "Tag der Arbeit"},
                             {"2027-05-06", "Christi Himmelfahrt"},
                             {"2027-05-17", "Pfingstmontag"},
                             {"2027-05-27", fronleichnam},
                             {"2027-10-03", "Tag der Deutschen Einheit"},
                             {"2027-12-25", "1. Weihnachtstag"},
                             {"2027-12-26", "2. Weihnachtstag"},
                         });
}

TEST_CASE("ical: Outlook all-day events are local midnight to midnight in their zone, never a UTC date", "[holiday][ical]") {
  std::vector<sla::problem> warnings;
  auto set = sla::load_ical_holidays(ical_dir + "outlook-berlin.ics", 2026, 2027, &warnings);
  CHECK(set.name == "Büro Berlin – Schließtage");
  // Heiligabend runs 2026-12-24T00:00 to 12-25T00:00 W. Europe Standard Time (CET, +01:00), that
  // is 2026-12-23T23:00Z: the holiday is the 24th — a UTC date would be the 23rd.
  // The Brückentag 2026-05-15 00:00 CEST (+02:00) is 05-14T22:00Z: the 15th.
  // Tag der Deutschen Einheit is written in UTC, 2026-10-02T22:00Z to 10-03T22:00Z; the file's
  // only VTIMEZONE (CEST until the last Sunday of October, the 25th) makes it 10-03 00:00–24:00.
  // Betriebsferien 12-28 to 2027-01-01 (exclusive) close the 28th to the 31st; Silvester on the
  // 31st is a second rule on that date. Tag der Arbeit repeats on BYMONTH=5;BYMONTHDAY=1.
  CHECK(dates_of(set) == dated_names{
                             {"2026-05-01", "Tag der Arbeit"},
                             {"2026-05-15", "Brückentag nach Christi Himmelfahrt"},
                             {"2026-10-03", "Tag der Deutschen Einheit"},
                             {"2026-12-24", "Heiligabend"},
                             {"2026-12-28", "Betriebsferien"},
                             {"2026-12-29", "Betriebsferien"},
                             {"2026-12-30", "Betriebsferien"},
                             {"2026-12-31", "Betriebsferien"},
                             {"2026-12-31", "Silvester"},
                             {"2027-05-01", "Tag der Arbeit"},
                         });
  // The 09:00–12:00 meeting is not a holiday, and says so at its BEGIN:VEVENT (line 134).
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].severity == sla::problem_severity::warning);
  CHECK(warnings[0].where.source == ical_dir + "outlook-berlin.ics");
  CHECK(warnings[0].where.line == 134);
  CHECK(warnings[0].path == "event \"Teammeeting\"");
  CHECK_THAT(warnings[0].message, Catch::Contains("2026-03-04 09:00:00 to 12:00:00 W. Europe Standard Time") &&
                                      Catch::Contains("not a holiday"));
}

TEST_CASE("ical: each event in its own zone; a DTEND in another zone; UTC without a calendar zone stays UTC", "[holiday][ical]") {
  std::vector<sla::problem> warnings;
  auto set = sla::load_ical_holidays(ical_dir + "outlook-two-zones.ics", 2026, 2026, &warnings);
  // Thanksgiving: Eastern Standard Time 11-26 00:00 to 11-28 00:00, two days. Independence Day
  // observed: from 07-03 00:00 EDT to 07-04 06:00 CEST (= 04:00Z = 07-04 00:00 EDT), one day.
  // Heiligabend in W. Europe Standard Time, as in the Berlin export.
  CHECK(dates_of(set) == dated_names{
                             {"2026-07-03", "Independence Day observed (New York office)"},
                             {"2026-11-26", "Thanksgiving (New York office)"},
                             {"2026-11-27", "Thanksgiving (New York office)"},
                             {"2026-12-24", "Heiligabend (Berlin office)"},
                         });
  // Memorial Day is written 2026-05-25T04:00Z to 05-26T04:00Z: midnight in New York, but with two
  // VTIMEZONEs and no X-WR-TIMEZONE the file does not say which zone UTC times mean, so it is
  // read in UTC, where it is not whole days.
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].where.line == 69);
  CHECK(warnings[0].path == "event \"Memorial Day (New York office)\"");
  CHECK_THAT(warnings[0].hint, Catch::Contains("X-MICROSOFT-CDO-ALLDAYEVENT") && Catch::Contains("X-WR-TIMEZONE"));
}

TEST_CASE("ical: recurrence — BYDAY 4TH and -1MO, BYMONTHDAY, COUNT, UNTIL, INTERVAL, EXDATE, RDATE, overrides", "[holiday][ical]") {
  std::vector<sla::problem> warnings;
  auto set = sla::load_ical_holidays(ical_dir + "apple-us.ics", 2026, 2027, &warnings);
  CHECK(set.name == "US Office Holidays");
  CHECK(dates_of(set) == dated_names{
                             // UNTIL=20270101: 2021…2026; the 2027 instance is after UNTIL.
                             {"2026-03-02", "Founders' Day"},
                             // Last Monday of May: May 31, 2026 is a Sunday → the 25th; May 31, 2027 is a Monday.
                             {"2026-05-25", "Memorial Day"},
                             // 2026-06-19T04:00Z to 06-20T04:00Z in X-WR-TIMEZONE America/New_York (EDT, −04:00).
                             {"2026-06-19", "Juneteenth"},
                             // EXDATE 2026-07-04 (a Saturday) and RDATE 2026-07-03 instead.
                             {"2026-07-03", "Independence Day"},
                             // First Monday of September, COUNT=7 from 2020: 2020…2026 (Sept 1, 2026 is a Tuesday → the 7th).
                             {"2026-09-07", "Labor Day"},
                             // Second Friday of October 2026 is the 9th (Oct 1 is a Thursday); the
                             // RECURRENCE-ID override moves it to the 16th, under its own name.
                             {"2026-10-16", "Staff Day (moved)"},
                             // Fourth Thursday of November (Nov 1, 2026 is a Sunday → 5, 12, 19, 26), two days each.
                             {"2026-11-26", "Thanksgiving"},
                             {"2026-11-27", "Thanksgiving"},
                             // EXDATE 20211225,20221225 on one line and 20271225 on another (weekends).
                             {"2026-12-25", "Christmas Day"},
                             {"2027-05-31", "Memorial Day"},
                             // INTERVAL=2 from 2021: 2021, 2023, 2025, 2027.
                             {"2027-06-12", "Summer party"},
                             {"2027-07-04", "Independence Day"},
                             // Nov 1, 2027 is a Monday → Thursdays 4, 11, 18, 25.
                             {"2027-11-25", "Thanksgiving"},
                             {"2027-11-26", "Thanksgiving"},
                             // Not there: Labor Day 2027 (COUNT used up), Staff Day 2027-10-08 (its
                             // override is STATUS:CANCELLED), the office move (STATUS:CANCELLED).
                         });
  REQUIRE(warnings.size() == 1);  // the 13:00–15:00 all-hands meeting
  CHECK(warnings[0].where.line == 148);
  CHECK(warnings[0].path == "event \"All-hands meeting\"");
}

TEST_CASE("ical: all-day events last until DTEND (exclusive), for DURATION, or one day", "[holiday][ical]") {
  auto set = parse(calendar(event("One day", "DTSTART;VALUE=DATE:20260105\r\n") +
                            event("Until DTEND", "DTSTART;VALUE=DATE:20260210\r\nDTEND;VALUE=DATE:20260213\r\n") +
                            event("P1D", "DTSTART;VALUE=DATE:20260301\r\nDURATION:P1D\r\n") +
                            event("P3D", "DTSTART;VALUE=DATE:20260330\r\nDURATION:P3D\r\n") +
                            event("P1W", "DTSTART;VALUE=DATE:20260727\r\nDURATION:P1W\r\n")),
                   2026, 2026);
  CHECK(dates_of(set) == dated_names{
                             {"2026-01-05", "One day"},
                             // [Feb 10, Feb 13): the 10th, 11th and 12th.
                             {"2026-02-10", "Until DTEND"},
                             {"2026-02-11", "Until DTEND"},
                             {"2026-02-12", "Until DTEND"},
                             {"2026-03-01", "P1D"},
                             // March 30 + 3 days, across the month end: 30, 31, April 1.
                             {"2026-03-30", "P3D"},
                             {"2026-03-31", "P3D"},
                             {"2026-04-01", "P3D"},
                             // A week from Monday July 27: 27 … 31, August 1 and 2.
                             {"2026-07-27", "P1W"},
                             {"2026-07-28", "P1W"},
                             {"2026-07-29", "P1W"},
                             {"2026-07-30", "P1W"},
                             {"2026-07-31", "P1W"},
                             {"2026-08-01", "P1W"},
                             {"2026-08-02", "P1W"},
                         });
}

TEST_CASE("ical: date-time events: whole local days count, DURATION too; floating times are local as written", "[holiday][ical]") {
  std::vector<sla::problem> warnings;
  auto set = parse(calendar(w_europe +
                            event("Two days in Berlin", "DTSTART;TZID=W. Europe Standard Time:20260323T000000\r\n"
                                                        "DURATION:P2D\r\n") +
                            // Across the switch to summer time (Sunday March 29, 2026): still whole local days.
                            event("Across DST", "DTSTART;TZID=W. Europe Standard Time:20260328T000000\r\n"
                                                "DTEND;TZID=W. Europe Standard Time:20260330T000000\r\n") +
                            event("Floating", "DTSTART:20260810T000000\r\nDTEND:20260811T000000\r\n") +
                            event("Half a day", "DTSTART;TZID=W. Europe Standard Time:20261231T000000\r\n"
                                                "DTEND;TZID=W. Europe Standard Time:20261231T120000\r\n")),
                   2026, 2026, &warnings);
  CHECK(dates_of(set) == dated_names{
                             {"2026-03-23", "Two days in Berlin"},
                             {"2026-03-24", "Two days in Berlin"},
                             {"2026-03-28", "Across DST"},
                             {"2026-03-29", "Across DST"},
                             {"2026-08-10", "Floating"},
                         });
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].path == "event \"Half a day\"");
  CHECK(warnings[0].where.line == 40);  // its BEGIN:VEVENT: 3 header lines, 15 of VTIMEZONE, 3 events of 7 lines
}

TEST_CASE("ical: UTC times go to the calendar's zone: X-WR-TIMEZONE through libical's built-in zones", "[holiday][ical]") {
  // No VTIMEZONE: libical finds Europe/Berlin among its built-in zones, which it reads from the
  // system's zoneinfo files (tzdata; no network). 2026-12-23T23:00Z is 2026-12-24 00:00 CET, and
  // 2026-07-02T22:00Z is 07-03 00:00 CEST. A TZID=Europe/Berlin is found the same way.
  auto set = parse(calendar("X-WR-TIMEZONE:Europe/Berlin\r\n" +
                            event("Heiligabend", "DTSTART:20261223T230000Z\r\nDTEND:20261224T230000Z\r\n") +
                            event("Sommerfest", "DTSTART:20260702T220000Z\r\nDTEND:20260703T220000Z\r\n") +
                            event("Silvester", "DTSTART;TZID=Europe/Berlin:20261231T000000\r\n"
                                               "DTEND;TZID=Europe/Berlin:20270101T000000\r\n")),
                   2026, 2026);
  CHECK(dates_of(set) == dated_names{{"2026-07-03", "Sommerfest"}, {"2026-12-24", "Heiligabend"}, {"2026-12-31", "Silvester"}});

  // Without a calendar zone the same UTC event is 23:00 to 23:00: a timed event, not a holiday.
  std::vector<sla::problem> warnings;
  auto utc = parse(calendar(event("Heiligabend", "DTSTART:20261223T230000Z\r\nDTEND:20261224T230000Z\r\n") +
                            event("UTC day", "DTSTART:20261225T000000Z\r\nDTEND:20261226T000000Z\r\n")),
                   2026, 2026, &warnings);
  CHECK(dates_of(utc) == dated_names{{"2026-12-25", "UTC day"}});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].path == "event \"Heiligabend\"");
}

TEST_CASE("ical: EXDATE as dates or date-times in the event's zone, several per line and several lines", "[holiday][ical]") {
  // A Berlin-midnight event every Friday of December 2026 (4, 11, 18, 25). EXDATE: the 4th as a
  // Berlin date-time, the 11th as a UTC time (2026-12-10T23:00Z is the 11th 00:00 CET), and the
  // 18th as a date, on a second line.
  auto set = parse(calendar(w_europe + event("Freitag", "DTSTART;TZID=W. Europe Standard Time:20261204T000000\r\n"
                                                        "DTEND;TZID=W. Europe Standard Time:20261205T000000\r\n"
                                                        "RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20261231T230000Z\r\n"
                                                        "EXDATE;TZID=W. Europe Standard Time:20261204T000000,20271231T000000\r\n"
                                                        "EXDATE:20261210T230000Z\r\n"
                                                        "EXDATE;VALUE=DATE:20261218\r\n")),
                   2026, 2026);
  CHECK(dates_only(set) == std::vector<std::string>{"2026-12-25"});
}

TEST_CASE("ical: RDATE adds instances given as dates, local date-times or periods with their own length", "[holiday][ical]") {
  // A one-day Berlin-midnight event on 2026-04-03, plus: 2026-05-01 as a date; 2026-06-01 00:00
  // Berlin as a UTC time (2026-05-31T22:00Z, CEST); a PERIOD of two days from 2026-08-10 00:00.
  auto set = parse(calendar(w_europe + event("Extra", "DTSTART;TZID=W. Europe Standard Time:20260403T000000\r\n"
                                                      "DTEND;TZID=W. Europe Standard Time:20260404T000000\r\n"
                                                      "RDATE;VALUE=DATE:20260501\r\n"
                                                      "RDATE:20260531T220000Z\r\n"
                                                      "RDATE;VALUE=PERIOD;TZID=W. Europe Standard Time:20260810T000000/P2D\r\n")),
                   2026, 2026);
  CHECK(dates_only(set) == std::vector<std::string>{"2026-04-03", "2026-05-01", "2026-06-01", "2026-08-10", "2026-08-11"});
}

TEST_CASE("ical: RECURRENCE-ID in another zone picks the local instance; CANCELLED overrides remove it", "[holiday][ical]") {
  // A yearly Berlin-midnight event on October 9. Google writes overrides' RECURRENCE-ID in UTC:
  // 2026-10-08T22:00Z is the 9th 00:00 CEST — the 2026 instance, cancelled. The 2027 instance
  // is moved to the 11th.
  auto set = parse(calendar(w_europe +
                            event("Feiertag", "DTSTART;TZID=W. Europe Standard Time:20251009T000000\r\n"
                                              "DTEND;TZID=W. Europe Standard Time:20251010T000000\r\n"
                                              "RRULE:FREQ=YEARLY\r\n") +
                            event("Feiertag", "RECURRENCE-ID:20261008T220000Z\r\nSTATUS:CANCELLED\r\n"
                                              "DTSTART;TZID=W. Europe Standard Time:20261009T000000\r\n") +
                            event("Feiertag", "RECURRENCE-ID;TZID=W. Europe Standard Time:20271009T000000\r\n"
                                              "DTSTART;VALUE=DATE:20271011\r\n")),
                   2025, 2028);
  CHECK(dates_only(set) == std::vector<std::string>{"2025-10-09", "2027-10-11", "2028-10-09"});
}

TEST_CASE("ical: only dates in the years asked for; instances from the year before may last into them", "[holiday][ical]") {
  // A closure from 2025-12-29 to 2026-01-03 (exclusive) and a two-day New Year's Eve repeating
  // from 2020: for 2026 alone, the closure gives January 1 and 2, and the rule gives January 1
  // (from its 2025 instance) and December 31 (its 2026 instance; January 1, 2027 is outside).
  auto set = parse(calendar(event("Closure", "DTSTART;VALUE=DATE:20251229\r\nDTEND;VALUE=DATE:20260103\r\n") +
                            event("New Year", "DTSTART;VALUE=DATE:20201231\r\nDTEND;VALUE=DATE:20210102\r\n"
                                              "RRULE:FREQ=YEARLY\r\n")),
                   2026, 2026);
  CHECK(dates_of(set) == dated_names{{"2026-01-01", "Closure"},
                                     {"2026-01-01", "New Year"},
                                     {"2026-01-02", "Closure"},
                                     {"2026-12-31", "New Year"}});
  CHECK(set.known_good_from == 2026);
  CHECK(set.known_good_to == 2026);
}

TEST_CASE("ical: one date twice — different names stay two rules, the same name is one", "[holiday][ical]") {
  auto set = parse(calendar(event("Christmas Day", "DTSTART;VALUE=DATE:20261225\r\n") +
                            "BEGIN:VEVENT\r\nUID:copy@example.com\r\nSUMMARY:Christmas Day\r\nDTSTART;VALUE=DATE:20261225\r\nEND:VEVENT\r\n" +
                            event("Office closed", "DTSTART;VALUE=DATE:20261225\r\n")),
                   2026, 2026);
  CHECK(dates_of(set) == dated_names{{"2026-12-25", "Christmas Day"}, {"2026-12-25", "Office closed"}});
}

TEST_CASE("ical: timed repetitions are warned about; a rule that yields nothing in range is fine", "[holiday][ical]") {
  std::vector<sla::problem> warnings;
  // Daily at 00:00 and 12:00 from 2026-06-01 (COUNT=4): the midnight instances (June 1 and 2)
  // are whole days; the noon ones are not, and draw one warning. The other rule ended in 2020.
  auto set = parse(calendar(w_europe +
                            event("Shifts", "DTSTART;TZID=W. Europe Standard Time:20260601T000000\r\n"
                                            "DTEND;TZID=W. Europe Standard Time:20260602T000000\r\n"
                                            "RRULE:FREQ=DAILY;BYHOUR=0,12;COUNT=4\r\n") +
                            event("Old rule", "DTSTART;VALUE=DATE:20180101\r\nRRULE:FREQ=YEARLY;UNTIL=20200101\r\n")),
                   2026, 2026, &warnings);
  CHECK(dates_of(set) == dated_names{{"2026-06-01", "Shifts"}, {"2026-06-02", "Shifts"}});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].path == "event \"Shifts\"");
  CHECK_THAT(warnings[0].message, Catch::Contains("do not start at midnight"));

  // A calendar whose events close nothing in the years asked for: an empty set, with a warning.
  warnings.clear();
  auto none = parse(calendar(event("Old rule", "DTSTART;VALUE=DATE:20180101\r\nRRULE:FREQ=YEARLY;UNTIL=20200101\r\n")), 2026,
                    2027, &warnings);
  CHECK(none.rules.empty());
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0].message, Catch::Contains("no closed dates in 2026–2027"));
}

TEST_CASE("ical: the name falls back to the file's stem; no X-WR-CALDESC, no description", "[holiday][ical]") {
  auto set = sla::parse_ical_holidays(calendar(event("Christmas Day", "DTSTART;VALUE=DATE:20261225\r\n")),
                                      "exports/company-closures.ics", 2026, 2026);
  CHECK(set.name == "company-closures");
  CHECK(set.description.empty());
  CHECK(set.sources == std::vector<std::string>{"exports/company-closures.ics"});
}

TEST_CASE("ical: years outside 1900–2199, or reversed, are an invalid argument", "[holiday][ical]") {
  const std::string ics = calendar(event("Christmas Day", "DTSTART;VALUE=DATE:20261225\r\n"));
  for (auto [first, last] : {std::pair{2027, 2026}, std::pair{1899, 2026}, std::pair{2026, 2200}}) {
    auto e = error_of([&] { parse(ics, first, last); });
    CHECK(e.code == sla::error_code::invalid_argument);
  }
  CHECK(dates_only(parse(ics, 1900, 2199)) == std::vector<std::string>{"2026-12-25"});
}

TEST_CASE("ical: malformed files say what is wrong and where", "[holiday][ical]") {
  struct bad_file {
    const char* file;
    int line;  // 0: the file as a whole
    const char* message;
  };
  const bad_file cases[] = {
      {"not-icalendar.ics", 1, "not an iCalendar file: it does not start with BEGIN:VCALENDAR"},
      {"empty.ics", 0, "no events: the input is empty"},
      {"no-events.ics", 1, "no events: the calendar has no VEVENT"},
      {"unterminated-event.ics", 10, "BEGIN:VEVENT is never closed: END:VCALENDAR (line 15) comes first"},
      {"truncated.ics", 10, "BEGIN:VEVENT is never closed: the file ends before END:VEVENT"},
      {"mismatched-end.ics", 9, "END:VTODO closes nothing: the open block is BEGIN:VEVENT (line 4)"},
      {"second-calendar.ics", 11, "a second VCALENDAR in the file"},
      {"no-dtstart.ics", 10, "event \"Christmas Day\": no DTSTART"},
      {"impossible-date.ics", 8, "DTSTART \"20261325\" is not a valid date"},
      {"unparsable-date.ics", 8, "Can't parse as DATE value in DTSTART property: 25.12.2026"},
      {"bad-rrule.ics", 9, "Can't parse as RECUR value in RRULE property: FREQ=YEARLI;BYMONTH=11;BYDAY=4TH"},
      {"rrule-bymonth-13.ics", 9, "cannot be expanded from DTSTART 2020-11-26"},
      {"runaway-rrule.ics", 9, "RRULE \"FREQ=SECONDLY\" repeats more than 200000 times up to 2027"},
      {"dtend-before-dtstart.ics", 9, "DTEND 2026-12-24 is before DTSTART 2026-12-25"},
      {"unknown-tzid.ics", 8, "DTSTART has an unknown TZID \"W. Europe Standard Time\": no VTIMEZONE in the file has it"},
      {"unknown-x-wr-timezone.ics", 4, "X-WR-TIMEZONE names an unknown time zone \"Mars/Olympus_Mons\""},
      {"latin1.ics", 7, "byte 0xFC at column 46 is not UTF-8 text"},
      {"unknown-property.ics", 9, "could not find a property name or component begin tag: this line is not a property"},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    const std::string path = ical_dir + "bad/" + c.file;
    auto e = error_of([&] { sla::load_ical_holidays(path, 2026, 2027); });
    CHECK(e.code == sla::error_code::invalid_calendar);
    CHECK(e.where.source == path);
    CHECK(e.where.line == c.line);
    CHECK_THAT(e.what, Catch::StartsWith(c.line > 0 ? path + ":" + std::to_string(c.line) + ":1: " : path + ": ") &&
                           Catch::Contains(c.message));
  }
}

TEST_CASE("ical: inconsistent times of one event are errors at their line", "[holiday][ical]") {
  auto check_error = [](const std::string& lines, int line, const std::string& message) {
    INFO(lines);
    auto e = error_of([&] { parse(calendar(event("Closure", lines)), 2026, 2026); });
    CHECK(e.code == sla::error_code::invalid_calendar);
    CHECK(e.where.line == line);
    CHECK_THAT(e.what, Catch::Contains(message));
  };
  // Lines: 1–3 the calendar's header, 4 BEGIN:VEVENT, 5 UID, 6 DTSTAMP, 7 SUMMARY, then `lines`.
  check_error("DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261224\r\n", 9,
              "DTEND 2026-12-24 is the same as DTSTART 2026-12-24");
  check_error("DTSTART;VALUE=DATE:20261224\r\nDTEND:20261225T000000\r\n", 9, "DTEND is a date-time but DTSTART is a date");
  check_error("DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261226\r\nDURATION:P2D\r\n", 10, "both DTEND and DURATION");
  check_error("DTSTART;VALUE=DATE:20261224\r\nDURATION:PT12H\r\n", 9, "DURATION PT12H of an all-day event is not a whole number of days");
  check_error("DTSTART;VALUE=DATE:20261224\r\nDURATION:-P1D\r\n", 9, "DURATION -P1D is negative");
  check_error("DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20270201\r\n", 9, "lasts 396 days: longer than a year");
  check_error("DTSTART:20261224T250000\r\n", 8, "DTSTART \"20261224T250000\" is not a valid date-time");
}

TEST_CASE("ical: hostile input — NUL bytes, deep nesting — is an error; a byte-order mark and huge folded lines are not",
          "[holiday][ical]") {
  std::string with_nul = calendar(event("Christmas Day", "DTSTART;VALUE=DATE:20261225\r\n"));
  with_nul.insert(with_nul.find("SUMMARY:") + 8, 1, '\0');  // on line 7
  auto nul = error_of([&] { parse(with_nul, 2026, 2026); });
  CHECK(nul.where.line == 7);
  CHECK_THAT(nul.what, Catch::Contains("a NUL byte"));

  // The calendar's three header lines, then BEGIN:VEVENT on lines 4, 5, …: the tenth open block
  // (VCALENDAR and nine VEVENTs) is reached on line 12, so line 13 is one too deep.
  std::string nested;
  for (int k = 0; k < 20; ++k) nested += "BEGIN:VEVENT\r\n";
  for (int k = 0; k < 20; ++k) nested += "END:VEVENT\r\n";
  auto deep = error_of([&] { parse(calendar(nested), 2026, 2026); });
  CHECK(deep.where.line == 13);
  CHECK_THAT(deep.what, Catch::Contains("nests blocks more than 10 deep"));

  // A 100,000-character SUMMARY folded every 75 octets, in a file that starts with a UTF-8
  // byte-order mark (as some Windows tools write it).
  const std::string long_name(100'000, 'x');
  std::string folded = "SUMMARY:" + long_name.substr(0, 67);
  for (std::size_t at = 67; at < long_name.size(); at += 74) folded += "\r\n " + long_name.substr(at, 74);
  auto set = parse("\xEF\xBB\xBF" + calendar("BEGIN:VEVENT\r\nUID:long@example.com\r\n" + folded +
                                              "\r\nDTSTART;VALUE=DATE:20261225\r\nEND:VEVENT\r\n"),
                   2026, 2026);
  REQUIRE(set.rules.size() == 1);
  CHECK(set.rules[0].name == long_name);
}

TEST_CASE("ical: an unreadable file is an io error naming the path", "[holiday][ical]") {
  auto missing = error_of([] { sla::load_ical_holidays("/nonexistent/holidays.ics", 2026, 2026); });
  CHECK(missing.code == sla::error_code::io);
  CHECK_THAT(missing.what, Catch::Contains("cannot read /nonexistent/holidays.ics"));
  auto folder = error_of([] { sla::load_ical_holidays(SLA_TEST_DATA_DIR "/ical", 2026, 2026); });
  CHECK(folder.code == sla::error_code::io);
  CHECK_THAT(folder.what, Catch::Contains("it is a directory"));
}

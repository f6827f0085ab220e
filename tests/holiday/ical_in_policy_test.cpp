// An iCalendar file named in a policy calendar's holiday_sets: its events close their local
// dates over the policy's holiday years, and its timed events are warnings of the policy.
// Fixtures: tests/data/ical/google-de.ics (Google's German holidays, all-day events) and
// outlook-berlin.ics (Outlook's midnight-to-midnight events in W. Europe Standard Time).
#include <catch2/catch.hpp>

#include <sla/policy.hpp>

#include <string>

namespace {

std::string policy_with(const std::string& file) {
  return "policy: p\ntypes: [t]\nholiday_years: [2026, 2027]\ncalendars:\n"
         "  office: {timezone: Europe/Berlin, hours: {mon-fri: [\"09:00-17:00\"]}, holiday_sets: [" +
         file + "]}\ntargets:\n  - {calendar: office, targets: {response: 8h}}\n";
}

}  // namespace

TEST_CASE("iCalendar in a policy: an .ics file closes its local dates", "[holiday][ical]") {
  auto p = sla::policy::parse(policy_with("google-de.ics"), "p.yaml", SLA_TEST_DATA_DIR "/ical");
  auto office = p.calendar("office");
  // Karfreitag Fri 2026-04-03 (an all-day event) is closed at 10:00 Berlin (08:00Z); Thursday
  // 2026-04-02 is open.
  CHECK(!office.is_open(sla::parse_instant("2026-04-03T08:00:00Z")));
  CHECK(office.is_open(sla::parse_instant("2026-04-02T08:00:00Z")));
  // The 2025 event is outside holiday_years [2026, 2027]: Thu 2025-12-25 is open.
  CHECK(office.is_open(sla::parse_instant("2025-12-25T09:00:00Z")));
}

TEST_CASE("iCalendar in a policy: Outlook's zone-local days are not a day early", "[holiday][ical]") {
  auto p = sla::policy::parse(policy_with("outlook-berlin.ics"), "p.yaml", SLA_TEST_DATA_DIR "/ical");
  auto office = p.calendar("office");
  // Heiligabend: DTSTART;TZID=W. Europe Standard Time:20261224T000000 → Thu 2026-12-24 is
  // closed, Wed 2026-12-23 (the UTC date of its start) is open.
  CHECK(!office.is_open(sla::parse_instant("2026-12-24T10:00:00Z")));
  CHECK(office.is_open(sla::parse_instant("2026-12-23T10:00:00Z")));
}

TEST_CASE("iCalendar in a policy: a missing or broken file is a policy error at its entry", "[holiday][ical]") {
  CHECK_THROWS_WITH(sla::policy::parse(policy_with("nowhere.ics"), "p.yaml", SLA_TEST_DATA_DIR "/ical"),
                    Catch::StartsWith("p.yaml:5:87: calendars.office.holiday_sets[0]: cannot read holiday set nowhere.ics"));
  CHECK_THROWS_WITH(sla::policy::parse(policy_with("bad/no-dtstart.ics"), "p.yaml", SLA_TEST_DATA_DIR "/ical"),
                    Catch::StartsWith("p.yaml:5:87: calendars.office.holiday_sets[0]: holiday set bad/no-dtstart.ics: ") &&
                        Catch::Contains("no-dtstart.ics:"));
}

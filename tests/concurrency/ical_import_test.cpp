// Several threads import iCalendar files at once — zones defined in the files, and libical's
// built-in zones, which libical shares between calls — and every result is compared with a
// single-threaded import of the same file. Run under ThreadSanitizer by scripts/test.
#include <catch2/catch.hpp>

#include <sla/ical.hpp>

#include <thread>

namespace {

// A UTC event in X-WR-TIMEZONE Europe/Berlin (a built-in zone: no VTIMEZONE in the text) and a
// TZID=America/New_York one, also built in.
const char* builtin_zones_calendar =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//sla-engine tests//EN\r\nX-WR-TIMEZONE:Europe/Berlin\r\n"
    "BEGIN:VEVENT\r\nUID:1@example.com\r\nSUMMARY:Heiligabend\r\nDTSTART:20261223T230000Z\r\nDTEND:20261224T230000Z\r\n"
    "RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:2@example.com\r\nSUMMARY:Thanksgiving\r\nDTSTART;TZID=America/New_York:20261126T000000\r\n"
    "DTEND;TZID=America/New_York:20261127T000000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

std::vector<sla::holiday_rule> import(int which) {
  switch (which % 3) {
    case 0: return sla::load_ical_holidays(SLA_TEST_DATA_DIR "/ical/outlook-berlin.ics", 2026, 2040).rules;
    case 1: return sla::load_ical_holidays(SLA_TEST_DATA_DIR "/ical/apple-us.ics", 2026, 2040).rules;
    default: return sla::parse_ical_holidays(builtin_zones_calendar, "builtin.ics", 2026, 2040).rules;
  }
}

}  // namespace

TEST_CASE("concurrency: threads importing iCalendar files give the single-threaded results", "[concurrency][ical]") {
  const std::vector<std::vector<sla::holiday_rule>> expected = {import(0), import(1), import(2)};
  REQUIRE(expected[2].size() == 30);  // 15 years of Heiligabend and of Thanksgiving
  constexpr int threads = 6, rounds = 10;
  std::vector<int> mismatches(threads, 0);
  std::vector<std::thread> pool;
  for (int k = 0; k < threads; ++k)
    pool.emplace_back([&, k] {
      for (int round = 0; round < rounds; ++round)
        if (import(k + round) != expected[(k + round) % 3]) ++mismatches[k];
    });
  for (auto& th : pool) th.join();
  CHECK(mismatches == std::vector<int>(threads, 0));
}

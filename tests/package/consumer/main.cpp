// A consumer of sla: builds a calendar in code and from YAML, imports an iCalendar holiday, and
// checks answers worked out by hand. Exits 0 when every check holds, 1 otherwise (printing what
// differed).
#include <sla/sla.hpp>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "consumer: FAILED: %s\n", what);
    ++failures;
  }
}

std::string text(const std::optional<sla::instant>& t) {
  return t ? sla::format_instant(*t) : std::string("never");
}

}  // namespace

int main() {
  using namespace std::chrono_literals;

  // Mon–Fri 09:00–17:00 UTC.
  sla::calendar_spec spec;
  spec.timezone = "UTC";
  for (int day = 0; day < 5; ++day) spec.hours[day] = {sla::daily_window{9h, 17h}};
  const sla::business_calendar office(spec);

  // Friday 16:00 + 2 business hours: one hour on Friday, one on Monday from 09:00.
  const auto friday_4pm = sla::parse_instant("2026-03-06T16:00:00Z");
  const auto deadline = office.add(friday_4pm, 2h);
  std::printf("consumer: sla %s; 2026-03-06T16:00:00Z + 2 business hours = %s\n", sla::version,
              text(deadline).c_str());
  check(text(deadline) == "2026-03-09T10:00:00Z", "add(Fri 16:00, 2h) == Mon 10:00");
  check(deadline && office.elapsed(friday_4pm, *deadline) == 2h, "elapsed(Fri 16:00, Mon 10:00) == 2h");

  // The same calendar written as YAML.
  const auto parsed = sla::parse_calendar_spec("timezone: UTC\nhours:\n  mon-fri: [\"09:00-17:00\"]\n");
  check(parsed == spec, "parse_calendar_spec gives the spec built in code");

  // A calendar that is never open answers "never", not an instant.
  sla::calendar_spec closed;
  check(!sla::business_calendar(closed).add(friday_4pm, 1h), "a calendar with no hours never reaches a deadline");

  // An iCalendar holiday (libical, a private dependency a static sla needs at link time): an
  // Outlook-style Berlin-midnight event is the local date 2026-12-24, not the UTC 23rd.
  const char* ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//consumer//EN\r\nX-WR-TIMEZONE:UTC\r\n"
      "BEGIN:VEVENT\r\nUID:1@example.com\r\nSUMMARY:Heiligabend\r\n"
      "DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261225\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  const auto imported = sla::parse_ical_holidays(ics, "consumer.ics", 2026, 2026);
  check(imported.rules.size() == 1 && imported.rules[0].date == std::chrono::year{2026} / 12 / 24,
        "parse_ical_holidays gives 2026-12-24");

  return failures == 0 ? 0 : 1;
}

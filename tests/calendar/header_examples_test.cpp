// The examples of sla/calendar.hpp, on the calendar itself: Mon–Fri 09:00–17:00 Berlin and
// Mon–Fri 08:00–18:00 New York (closed on Thanksgiving and Christmas 2026), worked out by hand
// in the comments. These are the library's own checks of is_open, elapsed, add, subtract,
// next_open, next_close, add_business_days and next_business_day_close across DST.
#include <catch2/catch.hpp>

#include <sla/calendar.hpp>

namespace {

using namespace std::chrono_literals;
using sla::parse_instant;

std::string text(const std::optional<sla::instant>& t) { return t ? sla::format_instant(*t) : "never"; }

const sla::business_calendar& new_york() {
  static const sla::business_calendar cal(sla::parse_calendar_spec(
      "timezone: America/New_York\nhours: {mon-fri: [\"08:00-18:00\"]}\nholidays: [2026-11-26, 2026-12-25]\n"));
  return cal;
}

}  // namespace

TEST_CASE("calendar: is_open counts the opening second and not the close (Berlin, CET)", "[calendar]") {
  sla::business_calendar berlin(sla::parse_calendar_spec("timezone: Europe/Berlin\nhours: {mon-fri: [\"09:00-17:00\"]}\n"));
  // 2026-11-23 is a Monday; Berlin is UTC+1 in November: 08:00Z is 09:00, 16:00Z is 17:00.
  CHECK(berlin.is_open(parse_instant("2026-11-23T08:00:00Z")));
  CHECK_FALSE(berlin.is_open(parse_instant("2026-11-23T16:00:00Z")));
  CHECK(berlin.is_open(parse_instant("2026-11-23T15:59:59Z")));
}

TEST_CASE("calendar: elapsed and add over a weekend with the spring-forward Sunday (New York)", "[calendar]") {
  // Fri 2026-03-06 21:00Z = 16:00 EST to Mon 2026-03-09 14:00Z = 10:00 EDT: 2h Friday, 2h Monday.
  CHECK(new_york().elapsed(parse_instant("2026-03-06T21:00:00Z"), parse_instant("2026-03-09T14:00:00Z")) == 4h);
  // add(Fri 21:30Z = 16:30 EST, 4h): 1h30 to Friday's 18:00 close; Monday opens 08:00 EDT = 12:00Z;
  // 2h30 more is 10:30 EDT = 14:30Z.
  CHECK(text(new_york().add(parse_instant("2026-03-06T21:30:00Z"), 4h)) == "2026-03-09T14:30:00Z");
  // Mon 16:00 EDT (20:00Z) + 2h uses up the window: the deadline is the close, 18:00 EDT = 22:00Z.
  CHECK(text(new_york().add(parse_instant("2026-03-09T20:00:00Z"), 2h)) == "2026-03-09T22:00:00Z");
  // add(t, 0) == t, even outside hours.
  CHECK(text(new_york().add(parse_instant("2026-03-07T12:00:00Z"), 0s)) == "2026-03-07T12:00:00Z");
}

TEST_CASE("calendar: subtract, next_open and next_close (New York)", "[calendar]") {
  // Mon 08:30 EDT (12:30Z) minus 1h: 30 min back to Monday's opening, then 30 min before Friday's
  // 18:00 EST close (23:00Z): 22:30Z.
  CHECK(text(new_york().subtract(parse_instant("2026-03-09T12:30:00Z"), 1h)) == "2026-03-06T22:30:00Z");
  // Saturday noon: the next opening is Monday 08:00 EDT = 12:00Z (a week earlier it was 13:00Z, EST).
  CHECK(text(new_york().next_open(parse_instant("2026-03-07T12:00:00Z"))) == "2026-03-09T12:00:00Z");
  CHECK(text(new_york().next_open(parse_instant("2026-02-28T12:00:00Z"))) == "2026-03-02T13:00:00Z");
  // An open instant is its own next opening.
  CHECK(text(new_york().next_open(parse_instant("2026-03-09T14:00:00Z"))) == "2026-03-09T14:00:00Z");
  // next_close(Mon 10:00 EDT) is that day's 18:00 EDT = 22:00Z.
  CHECK(text(new_york().next_close(parse_instant("2026-03-09T14:00:00Z"))) == "2026-03-09T22:00:00Z");
}

TEST_CASE("calendar: business days and the next business day close (New York)", "[calendar]") {
  // Fri 2026-03-06 15:00 EST (20:00Z) + 1 business day: Mon 15:00 EDT = 19:00Z.
  CHECK(text(new_york().add_business_days(parse_instant("2026-03-06T20:00:00Z"), 1)) == "2026-03-09T19:00:00Z");
  // Wed 2026-11-25 15:00 EST (20:00Z) + 1 skips Thanksgiving (Thu 26): Fri 15:00 EST = 20:00Z.
  CHECK(text(new_york().add_business_days(parse_instant("2026-11-25T20:00:00Z"), 1)) == "2026-11-27T20:00:00Z");
  // Outside hours the count starts at the next opening: from Sat 2026-11-28 the start date is
  // Mon 30 at 08:00 EST; one business day later is Tue 1 December 08:00 EST = 13:00Z.
  CHECK(text(new_york().add_business_days(parse_instant("2026-11-28T12:00:00Z"), 1)) == "2026-12-01T13:00:00Z");
  // n == 0 stays on the start date; n < 0 is never.
  CHECK(text(new_york().add_business_days(parse_instant("2026-11-25T20:00:00Z"), 0)) == "2026-11-25T20:00:00Z");
  CHECK(text(new_york().add_business_days(parse_instant("2026-11-25T20:00:00Z"), -1)) == "never");
  // Fri 2026-03-06 10:00 EST (15:00Z): the first business date after Friday is Monday, closing
  // 18:00 EDT = 22:00Z.
  CHECK(text(new_york().next_business_day_close(parse_instant("2026-03-06T15:00:00Z"))) == "2026-03-09T22:00:00Z");
  // After Thu 2026-12-24: Christmas (Fri) and the weekend are closed: Mon 28, 18:00 EST = 23:00Z.
  CHECK(text(new_york().next_business_day_close(parse_instant("2026-12-24T15:00:00Z"))) == "2026-12-28T23:00:00Z");
}

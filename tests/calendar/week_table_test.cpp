// add and elapsed where the week table (src/calendar/week_table.hpp) could go wrong, against
// hand-worked values and the brute-force reference (tests/reference): the table's first and last
// weeks and calls straddling them (input inside and answer outside, and the reverse), the DST
// switches of New York and Berlin with windows holding the switch hour, holidays and shortened
// special days, overnight windows across a weekend and a switch, touching windows of two dates,
// the deadline second itself, zero and negative durations, the ends of the supported range,
// "none within 20 years", and random calls over several years on each calendar of bench/.
//
// By the documented rule (compiled_calendar.hpp, fast_span) the table covers the years holding a
// calendar's holidays and special days, 1990–2099 without any, in whole UTC weeks from the Monday
// on or before 1 January; a calendar in a zone with one offset and no exceptions has none.
#include <catch2/catch.hpp>

#include <sla/calendar.hpp>
#include <sla/holiday.hpp>

#include <random>

#include "reference/reference_calendar.hpp"

namespace {

using namespace std::chrono_literals;
using sla::instant;
using std::chrono::seconds;

instant at(const char* text) { return sla::parse_instant(text); }
std::string text(const std::optional<instant>& t) { return t ? sla::format_instant(*t) : "never"; }

struct calendar_pair {
  sla::business_calendar fast;
  sla_ref::reference_calendar slow;
  explicit calendar_pair(const sla::calendar_spec& spec) : fast(spec), slow(spec) {}
  explicit calendar_pair(const char* yaml) : calendar_pair(sla::parse_calendar_spec(yaml)) {}
};

// add(t, d), d of either sign, against the reference's add or subtract; an answer outside the
// supported range is "never". The cases are chosen so that the reference finds an answer within
// its horizon.
void check_add(const calendar_pair& c, instant t, long long d, int horizon_days = 40) {
  INFO("add(" << sla::format_instant(t) << ", " << d << " s)");
  std::optional<instant> expected = d >= 0 ? c.slow.add(t, d, horizon_days) : c.slow.subtract(t, -d, horizon_days);
  REQUIRE(expected);
  if (*expected > sla::max_instant || *expected < sla::min_instant) expected.reset();
  CHECK(text(c.fast.add(t, seconds{d})) == text(expected));
}

void check_elapsed(const calendar_pair& c, instant a, instant b) {
  INFO("elapsed(" << sla::format_instant(a) << ", " << sla::format_instant(b) << ")");
  CHECK(c.fast.elapsed(a, b).count() == c.slow.elapsed(a, b));
}

// `count` random calls: starts on whole minutes in [from, to), durations in [1 s, longest] (a
// quarter of them negative, a quarter whole minutes, so that some land on window edges), and
// elapsed from the start over up to `longest_span`.
void random_calls(const calendar_pair& c, instant from, instant to, int count, seconds longest, seconds longest_span,
                  std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto below = [&](long long n) { return static_cast<long long>(rng() % static_cast<std::uint64_t>(n)); };
  long long minutes = (to - from).count() / 60;
  for (int i = 0; i < count; ++i) {
    instant t = from + seconds{below(minutes) * 60};
    long long d = below(longest.count()) + 1;
    if (i % 4 == 1) d = (d + 59) / 60 * 60;
    if (i % 4 == 3) d = -d;
    check_add(c, t, d);
    check_elapsed(c, t, t + seconds{below(longest_span.count() / 60 + 1) * 60});
  }
}

}  // namespace

TEST_CASE("week table: its first and last weeks, and calls straddling them", "[calendar][table]") {
  // Exceptions in 2026 only: the table spans Mon 2025-12-29 00:00Z to Mon 2027-01-04 00:00Z.
  // New Year's Day 2026 (Thu) is closed, New Year's Eve 2026 (Thu) closes at 12:00; Fri
  // 2027-01-01 is an ordinary day, the table's last business interval (13:00Z–23:00Z, EST).
  calendar_pair ny(
      "timezone: America/New_York\nhours: {mon-fri: [\"08:00-18:00\"]}\nholidays: [2026-01-01]\n"
      "special_days: [{date: 2026-12-31, hours: [\"08:00-12:00\"]}]\n");

  SECTION("hand-worked") {
    // Fri 2025-12-26 17:00 EST, outside the table: 1h to the close, then the table's first
    // interval, Mon 2025-12-29 08:00 EST = 13:00Z, for 1h.
    CHECK(text(ny.fast.add(at("2025-12-26T22:00:00Z"), 2h)) == "2025-12-29T14:00:00Z");
    // And back: the answer falls outside the table.
    CHECK(text(ny.fast.add(at("2025-12-29T14:00:00Z"), -2h)) == "2025-12-26T22:00:00Z");
    CHECK(ny.fast.elapsed(at("2025-12-26T22:00:00Z"), at("2025-12-29T14:00:00Z")) == 2h);
    // Wed 2025-12-31 17:00 EST + 2h: Thursday is closed, Friday 2026-01-02 opens at 13:00Z.
    CHECK(text(ny.fast.add(at("2025-12-31T22:00:00Z"), 2h)) == "2026-01-02T14:00:00Z");
    // Thu 2026-12-31 11:00 EST + 2h: 1h to the 12:00 close, then Fri 2027-01-01 08:00 EST + 1h.
    CHECK(text(ny.fast.add(at("2026-12-31T16:00:00Z"), 2h)) == "2027-01-01T14:00:00Z");
    // Fri 2027-01-01 17:00 EST, inside the table's last interval, + 2h: Mon 2027-01-04 (outside) 09:00 EST.
    CHECK(text(ny.fast.add(at("2027-01-01T22:00:00Z"), 2h)) == "2027-01-04T14:00:00Z");
    CHECK(ny.fast.elapsed(at("2027-01-01T22:00:00Z"), at("2027-01-04T14:00:00Z")) == 2h);
    // The last interval used up exactly: its close, not Monday's opening.
    CHECK(text(ny.fast.add(at("2027-01-01T13:00:00Z"), 10h)) == "2027-01-01T23:00:00Z");
    CHECK(ny.fast.elapsed(at("2027-01-01T13:00:00Z"), at("2027-01-01T23:00:00Z")) == 10h);
    // The first interval: from its opening back 1s is Friday's last second.
    CHECK(text(ny.fast.add(at("2025-12-29T13:00:00Z"), -1s)) == "2025-12-26T22:59:59Z");
  }
  SECTION("against the reference") {
    random_calls(ny, at("2025-12-19T00:00:00Z"), at("2026-01-08T00:00:00Z"), 80, 30h, 5 * 24h, 1);
    random_calls(ny, at("2026-12-24T00:00:00Z"), at("2027-01-12T00:00:00Z"), 80, 30h, 5 * 24h, 2);
  }
  SECTION("a calendar without exceptions: the default span, 1990 to 2099") {
    // Berlin split shift, no exceptions: the table spans Mon 1989-12-25 to Mon 2100-01-04.
    calendar_pair berlin(
        "timezone: Europe/Berlin\nhours: {mon-fri: [\"08:00-12:00\", \"13:00-17:00\"]}\n");
    random_calls(berlin, at("1989-12-18T00:00:00Z"), at("1990-01-05T00:00:00Z"), 60, 24h, 4 * 24h, 3);
    random_calls(berlin, at("2099-12-27T00:00:00Z"), at("2100-01-12T00:00:00Z"), 60, 24h, 4 * 24h, 4);
    // Thu 2099-12-31 16:00 CET + 2h: 1h to 17:00, then Fri 2100-01-01 08:00 CET + 1h.
    CHECK(text(berlin.fast.add(at("2099-12-31T15:00:00Z"), 2h)) == "2100-01-01T08:00:00Z");
    // Fri 2100-01-01 16:00 CET + 2h: 1h to 17:00, then Mon 2100-01-04 08:00 CET (past the table) + 1h.
    CHECK(text(berlin.fast.add(at("2100-01-01T15:00:00Z"), 2h)) == "2100-01-04T08:00:00Z");
    CHECK(berlin.fast.elapsed(at("2100-01-01T15:00:00Z"), at("2100-01-04T08:00:00Z")) == 2h);
  }
}

TEST_CASE("week table: windows holding the DST switch hour (New York, Berlin)", "[calendar][table]") {
  // Open 01:00–04:00 every day. The same hours with a holiday on the Friday before each switch
  // (the switch week then meets an exception), and with the switch day itself a special day.
  const char* zones[] = {"America/New_York", "Europe/Berlin"};
  const char* switches[2][2] = {{"2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z"},
                                {"2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"}};
  const char* extras[2][3] = {
      {"", "holidays: [2026-03-06, 2026-10-30]\n",
       "special_days: [{date: 2026-03-08, hours: [\"00:30-03:30\"]}, {date: 2026-11-01, hours: [\"00:30-03:30\"]}]\n"},
      {"", "holidays: [2026-03-27, 2026-10-23]\n",
       "special_days: [{date: 2026-03-29, hours: [\"00:30-03:30\"]}, {date: 2026-10-25, hours: [\"00:30-03:30\"]}]\n"}};
  for (int z = 0; z < 2; ++z)
    for (int variant = 0; variant < 3; ++variant) {
      std::string yaml = std::string("timezone: ") + zones[z] + "\nhours: {mon-sun: [\"01:00-04:00\"]}\n" + extras[z][variant];
      calendar_pair c(yaml.c_str());
      INFO(zones[z] << " variant " << variant);
      for (int s = 0; s < 2; ++s) {
        instant sw = at(switches[z][s]);
        random_calls(c, sw - 3 * 24h, sw + 3 * 24h, 40, 8h, 2 * 24h, 10 + 2 * z + s);
      }
    }

  calendar_pair ny("timezone: America/New_York\nhours: {mon-sun: [\"01:00-04:00\"]}\n");
  // Spring forward, Sun 2026-03-08: 01:00 EST = 06:00Z, 02:00 EST is 03:00 EDT = 07:00Z, 04:00
  // EDT = 08:00Z: two hours.
  CHECK(ny.fast.elapsed(at("2026-03-08T05:00:00Z"), at("2026-03-08T09:00:00Z")) == 2h);
  CHECK(text(ny.fast.add(at("2026-03-08T06:00:00Z"), 2h)) == "2026-03-08T08:00:00Z");
  CHECK(text(ny.fast.add(at("2026-03-08T06:30:00Z"), 1h)) == "2026-03-08T07:30:00Z");
  // One second more: Monday 01:00 EDT = 05:00Z.
  CHECK(text(ny.fast.add(at("2026-03-08T06:00:00Z"), 2h + 1s)) == "2026-03-09T05:00:01Z");
  // Fall back, Sun 2026-11-01: 01:00 EDT = 05:00Z, 01:00–02:00 twice, 04:00 EST = 09:00Z: four hours.
  CHECK(ny.fast.elapsed(at("2026-11-01T04:00:00Z"), at("2026-11-01T10:00:00Z")) == 4h);
  CHECK(text(ny.fast.add(at("2026-11-01T05:00:00Z"), 4h)) == "2026-11-01T09:00:00Z");
  CHECK(text(ny.fast.add(at("2026-11-01T05:30:00Z"), 1h)) == "2026-11-01T06:30:00Z");
  CHECK(text(ny.fast.add(at("2026-11-01T09:00:00Z"), -4h)) == "2026-11-01T05:00:00Z");

  calendar_pair berlin("timezone: Europe/Berlin\nhours: {mon-sun: [\"01:00-04:00\"]}\n");
  // Sun 2026-03-29: 01:00 CET = 00:00Z, 02:00 CET is 03:00 CEST = 01:00Z, 04:00 CEST = 02:00Z.
  CHECK(berlin.fast.elapsed(at("2026-03-28T23:00:00Z"), at("2026-03-29T03:00:00Z")) == 2h);
  CHECK(text(berlin.fast.add(at("2026-03-29T00:00:00Z"), 2h)) == "2026-03-29T02:00:00Z");
  // Sun 2026-10-25: 01:00 CEST = Sat 23:00Z, 03:00 CEST is 02:00 CET = 01:00Z, 04:00 CET = 03:00Z.
  CHECK(berlin.fast.elapsed(at("2026-10-24T22:00:00Z"), at("2026-10-25T04:00:00Z")) == 4h);
  CHECK(text(berlin.fast.add(at("2026-10-24T23:00:00Z"), 4h)) == "2026-10-25T03:00:00Z");
}

TEST_CASE("week table: a holiday, shortened days and an extra open Saturday (New York)", "[calendar][table]") {
  // Thanksgiving 2026-11-26 closed; Fri 27 08:00–12:00; Sat 28 10:00–14:00; Christmas Eve 08:00–13:00.
  calendar_pair ny(
      "timezone: America/New_York\nhours: {mon-fri: [\"08:00-18:00\"]}\nholidays: [2026-11-26, 2026-12-25]\n"
      "special_days: [{date: 2026-11-27, hours: [\"08:00-12:00\"]}, {date: 2026-11-28, hours: [\"10:00-14:00\"]},\n"
      "  {date: 2026-12-24, hours: [\"08:00-13:00\"]}]\n");
  // Wed 2026-11-25 17:00 EST + 3h: 1h Wednesday, Thursday closed, Friday 08:00 EST (13:00Z) + 2h.
  CHECK(text(ny.fast.add(at("2026-11-25T22:00:00Z"), 3h)) == "2026-11-27T15:00:00Z");
  // Friday's four hours exactly: the deadline is its 12:00 close, not Saturday's opening.
  CHECK(text(ny.fast.add(at("2026-11-27T13:00:00Z"), 4h)) == "2026-11-27T17:00:00Z");
  CHECK(ny.fast.elapsed(at("2026-11-27T13:00:00Z"), at("2026-11-27T17:00:00Z")) == 4h);
  // One second more: Saturday 10:00 EST = 15:00Z, plus the second.
  CHECK(text(ny.fast.add(at("2026-11-27T13:00:00Z"), 4h + 1s)) == "2026-11-28T15:00:01Z");
  // Friday 11:00 to Monday 09:00: 1h + 4h + 1h.
  CHECK(ny.fast.elapsed(at("2026-11-27T16:00:00Z"), at("2026-11-30T14:00:00Z")) == 6h);
  // Christmas Eve 12:00 EST + 2h: 1h to 13:00, Christmas and the weekend closed, Mon 28 08:00 + 1h.
  CHECK(text(ny.fast.add(at("2026-12-24T17:00:00Z"), 2h)) == "2026-12-28T14:00:00Z");
  random_calls(ny, at("2026-11-20T00:00:00Z"), at("2026-12-31T00:00:00Z"), 120, 30h, 6 * 24h, 20);
}

TEST_CASE("week table: overnight windows across a weekend and a DST switch, touching windows of two dates",
          "[calendar][table]") {
  // Friday's 22:00–06:00 touches Saturday's 06:00–10:00: one stretch. Saturday's own night window
  // 22:00–06:00 runs into Sunday, across the switch on the weekends of 7–8 March and 31 Oct–1 Nov.
  const char* hours = "timezone: America/New_York\nhours: {fri: [\"22:00-06:00\"], sat: [\"06:00-10:00\", \"22:00-06:00\"]}\n";
  calendar_pair ny(hours);
  // Fri 2026-03-06 22:00 EST = Sat 03:00Z to Sat 10:00 EST = 15:00Z: twelve hours in one stretch.
  CHECK(text(ny.fast.add(at("2026-03-07T03:00:00Z"), 12h)) == "2026-03-07T15:00:00Z");
  CHECK(text(ny.fast.next_close(at("2026-03-07T05:00:00Z"))) == "2026-03-07T15:00:00Z");
  // Sat 22:00 EST = Sun 03:00Z to Sun 06:00 EDT = 10:00Z: seven hours.
  CHECK(text(ny.fast.add(at("2026-03-07T03:00:00Z"), 12h + 1s)) == "2026-03-08T03:00:01Z");
  CHECK(ny.fast.elapsed(at("2026-03-07T00:00:00Z"), at("2026-03-09T00:00:00Z")) == 19h);
  CHECK(text(ny.fast.add(at("2026-03-08T03:00:00Z"), 7h)) == "2026-03-08T10:00:00Z");
  // Sat 2026-10-31 22:00 EDT = Sun 02:00Z to Sun 06:00 EST = 11:00Z: nine hours; Friday's stretch
  // 22:00 EDT (Sat 02:00Z) to Sat 10:00 EDT (14:00Z) twelve.
  CHECK(ny.fast.elapsed(at("2026-10-31T00:00:00Z"), at("2026-11-02T00:00:00Z")) == 21h);
  CHECK(text(ny.fast.add(at("2026-11-01T02:00:00Z"), 9h)) == "2026-11-01T11:00:00Z");
  CHECK(text(ny.fast.add(at("2026-11-01T11:00:00Z"), -9h)) == "2026-11-01T02:00:00Z");
  random_calls(ny, at("2026-03-01T00:00:00Z"), at("2026-03-16T00:00:00Z"), 60, 30h, 10 * 24h, 30);
  random_calls(ny, at("2026-10-25T00:00:00Z"), at("2026-11-09T00:00:00Z"), 60, 30h, 10 * 24h, 31);

  // A Friday holiday drops Friday's night window and keeps Saturday's (they belong to their dates).
  calendar_pair closed_friday((std::string(hours) + "holidays: [2026-03-06, 2026-10-30]\n").c_str());
  CHECK(closed_friday.fast.elapsed(at("2026-03-07T00:00:00Z"), at("2026-03-09T00:00:00Z")) == 4h + 7h);
  random_calls(closed_friday, at("2026-03-01T00:00:00Z"), at("2026-03-16T00:00:00Z"), 40, 30h, 10 * 24h, 32);
  random_calls(closed_friday, at("2026-10-25T00:00:00Z"), at("2026-11-09T00:00:00Z"), 40, 30h, 10 * 24h, 33);
}

TEST_CASE("week table: zero durations, the deadline second, negative durations (New York)", "[calendar][table]") {
  calendar_pair ny("timezone: America/New_York\nhours: {mon-fri: [\"08:00-18:00\"]}\nholidays: [2026-11-26]\n");
  for (const char* t : {"2026-03-09T12:00:00Z", "2026-03-09T22:00:00Z", "2026-03-07T12:34:56Z", "2026-11-26T15:00:00Z",
                        "1900-01-01T00:00:00Z", "2200-01-01T00:00:00Z", "2025-12-29T00:00:00Z", "2027-01-04T00:00:00Z"})
    CHECK(text(ny.fast.add(at(t), 0s)) == t);
  // Mon 2026-03-09 08:00–18:00 EDT = 12:00Z–22:00Z.
  CHECK(text(ny.fast.add(at("2026-03-09T12:00:00Z"), 10h)) == "2026-03-09T22:00:00Z");
  CHECK(ny.fast.elapsed(at("2026-03-09T12:00:00Z"), at("2026-03-09T22:00:00Z")) == 10h);
  CHECK(ny.fast.elapsed(at("2026-03-09T12:00:00Z"), at("2026-03-09T21:59:59Z")) == 10h - 1s);
  CHECK(text(ny.fast.add(at("2026-03-09T12:00:00Z"), 10h + 1s)) == "2026-03-10T12:00:01Z");
  CHECK(text(ny.fast.add(at("2026-03-09T22:00:00Z"), -10h)) == "2026-03-09T12:00:00Z");
  // One second before Monday's opening is Friday 18:00 EST (23:00Z) minus one second.
  CHECK(text(ny.fast.add(at("2026-03-09T12:00:00Z"), -1s)) == "2026-03-06T22:59:59Z");
  // Seconds that are not whole minutes, against the reference.
  for (long long d : {1LL, 59LL, 61LL, 3599LL, 36001LL, -1LL, -61LL, -36001LL})
    for (const char* t : {"2026-03-06T22:00:00Z", "2026-03-09T12:00:00Z", "2026-11-25T22:59:00Z"}) check_add(ny, at(t), d);
}

TEST_CASE("week table: the ends of the supported range", "[calendar][table]") {
  // Exceptions in 1900: the table starts on Mon 1899-12-25, before min_instant (Mon 1900-01-01).
  // (Built in code: the YAML reader expands dates over its holiday years, 1990–2099 by default.)
  auto office_with_saturday = [](std::chrono::year_month_day saturday) {
    sla::calendar_spec spec = sla::parse_calendar_spec("timezone: America/New_York\nhours: {mon-fri: [\"09:00-17:00\"]}\n");
    spec.special_days.push_back({saturday, {sla::parse_daily_window("10:00-14:00")}, "open Saturday"});
    return spec;
  };
  calendar_pair first(office_with_saturday(std::chrono::year{1900} / 1 / 6));
  // Mon 1900-01-01 09:00–17:00 EST = 14:00Z–22:00Z.
  CHECK(first.fast.elapsed(sla::min_instant, at("1900-01-02T00:00:00Z")) == 8h);
  CHECK(text(first.fast.add(sla::min_instant, 1h)) == "1900-01-01T15:00:00Z");
  CHECK(text(first.fast.add(at("1900-01-01T15:00:00Z"), -1h)) == "1900-01-01T14:00:00Z");
  CHECK(text(first.fast.add(at("1900-01-01T15:00:00Z"), -1h - 1s)) == "never");  // Friday 1899-12-29
  CHECK(text(first.fast.add(sla::min_instant, -1s)) == "never");
  // Fri 1900-01-05 16:00 EST + 2h: 1h Friday, then the special Saturday's 10:00 EST + 1h.
  CHECK(text(first.fast.add(at("1900-01-05T21:00:00Z"), 2h)) == "1900-01-06T16:00:00Z");
  random_calls(first, sla::min_instant, at("1900-01-15T00:00:00Z"), 60, 20h, 5 * 24h, 40);

  // Exceptions in 2199: the table runs to Mon 2200-01-06, past max_instant (2200-01-01T00:00Z,
  // Tue 2199-12-31 19:00 EST).
  calendar_pair last(office_with_saturday(std::chrono::year{2199} / 12 / 28));
  CHECK(last.fast.elapsed(at("2199-12-30T00:00:00Z"), sla::max_instant) == 16h);
  CHECK(text(last.fast.add(at("2199-12-31T21:00:00Z"), 1h)) == "2199-12-31T22:00:00Z");
  CHECK(text(last.fast.add(at("2199-12-31T21:00:00Z"), 1h + 1s)) == "never");  // Wed 2200-01-01 09:00 EST
  CHECK(text(last.fast.add(sla::max_instant, 1s)) == "never");
  CHECK(text(last.fast.add(sla::max_instant, -1h)) == "2199-12-31T21:00:00Z");
  CHECK(text(last.fast.add(at("2199-12-27T21:00:00Z"), 2h)) == "2199-12-28T16:00:00Z");
  random_calls(last, at("2199-12-18T00:00:00Z"), at("2199-12-25T00:00:00Z"), 40, 20h, 6 * 24h, 41);
  for (const char* t : {"2199-12-20T00:00:00Z", "2199-12-28T14:59:00Z", "2199-12-31T21:17:00Z"}) {
    check_add(last, at(t), 20 * 3600);
    check_elapsed(last, at(t), sla::max_instant);
  }
}

TEST_CASE("week table: none within 20 years", "[calendar][table]") {
  // Closed but for two special days, 8h each, 24 years apart: the table spans 2026–2050.
  // Mon 2026-06-01 and Wed 2050-06-01 09:00–17:00 EDT = 13:00Z–21:00Z.
  sla::business_calendar c(sla::parse_calendar_spec(
      "timezone: America/New_York\nhours: {}\nspecial_days: [{date: 2026-06-01, hours: [\"09:00-17:00\"]},\n"
      "  {date: 2050-06-01, hours: [\"09:00-17:00\"]}]\n"));
  CHECK(text(c.add(at("2026-01-05T00:00:00Z"), 1h)) == "2026-06-01T14:00:00Z");
  CHECK(text(c.add(at("2026-07-01T00:00:00Z"), 1h)) == "never");  // nothing open until 2050
  CHECK(text(c.next_open(at("2026-07-01T00:00:00Z"))) == "never");
  // Business time within 20 years, the deadline beyond them: an answer.
  CHECK(text(c.add(at("2026-05-01T00:00:00Z"), 9h)) == "2050-06-01T14:00:00Z");
  CHECK(text(c.add(at("2031-01-01T00:00:00Z"), 1h)) == "2050-06-01T14:00:00Z");
  CHECK(text(c.next_open(at("2031-01-01T00:00:00Z"))) == "2050-06-01T13:00:00Z");
  CHECK(text(c.add(at("2050-06-02T00:00:00Z"), 1h)) == "never");  // none left at all
  CHECK(text(c.add(at("2050-06-02T00:00:00Z"), -1h)) == "2050-06-01T20:00:00Z");
  CHECK(text(c.add(at("2050-06-02T00:00:00Z"), -9h)) == "2026-06-01T20:00:00Z");
  CHECK(c.elapsed(at("2026-01-01T00:00:00Z"), at("2051-01-01T00:00:00Z")) == 16h);
}

TEST_CASE("week table: random calls over several years on the calendars of bench/", "[calendar][table]") {
  sla::calendar_spec new_york;
  new_york.timezone = "America/New_York";
  sla::calendar_spec berlin;
  berlin.timezone = "Europe/Berlin";
  sla::calendar_spec kolkata;
  kolkata.timezone = "Asia/Kolkata";
  for (std::size_t d = 0; d < 5; ++d) {
    new_york.hours[d] = {sla::parse_daily_window("08:00-18:00")};
    berlin.hours[d] = {sla::parse_daily_window("08:00-12:00"), sla::parse_daily_window("13:00-17:00")};
    kolkata.hours[d] = {sla::parse_daily_window("22:00-06:00")};
  }
  sla::apply_holiday_rules(new_york, sla::load_holiday_set(SLA_SOURCE_DIR "/policies/holidays/us-federal.yaml").rules,
                           1990, 2099);
  struct bench_case {
    const char* name;
    sla::calendar_spec spec;
    seconds business_day;
  };
  const bench_case cases[] = {{"always_utc", sla::calendar_spec::always("UTC"), 24h},
                              {"new_york", new_york, 10h},
                              {"berlin_split", berlin, 8h},
                              {"kolkata_night", kolkata, 8h}};
  std::uint64_t seed = 50;
  for (const auto& bc : cases) {
    INFO(bc.name);
    calendar_pair c(bc.spec);
    // The benchmark's start range, 2024–2029, and durations up to five business days.
    random_calls(c, at("2024-01-01T00:00:00Z"), at("2030-01-01T00:00:00Z"), 80, 5 * bc.business_day, 8 * 24h, seed++);
    // And a few long ones: 60 business days from the start, elapsed over ten weeks.
    std::mt19937_64 rng(seed++);
    for (int i = 0; i < 2; ++i) {
      instant t = at("2024-01-01T00:00:00Z") + seconds{static_cast<long long>(rng() % 3'000'000) * 60};
      check_add(c, t, (60 * bc.business_day).count(), 120);
      check_elapsed(c, t, t + 70 * 24h);
    }
  }
}

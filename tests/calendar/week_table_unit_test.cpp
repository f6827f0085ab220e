// The week table's own arithmetic (src/calendar/week_table.hpp) on tables built by hand, with
// values worked out in the comments; and, on compiled calendars, that the table is built where
// it should be and gives the exact path's G and inverse (src/calendar/compiled_calendar.cpp) at
// every sampled instant — a dense cross-check between two layouts, beside the reference tests of
// week_table_test.cpp, which check both against the brute-force calendar.
#include <catch2/catch.hpp>

#include <sla/calendar.hpp>
#include <sla/holiday.hpp>

#include <algorithm>

#include "calendar/compiled_calendar.hpp"

namespace {

using sla::detail::calendar_data;
using sla::detail::civil_interval;
using sla::detail::day_windows;
using sla::detail::seconds64;
using sla::detail::seconds_per_day;
using sla::detail::seconds_per_week;
using sla::detail::utc_week_table;

// The compiled form of a spec, as business_calendar's constructor builds it (its day range too).
calendar_data compiled(const sla::calendar_spec& spec) {
  auto windows = [](const std::vector<sla::daily_window>& ws) {
    day_windows out;
    for (const auto& w : ws) {
      seconds64 s = w.start.count(), e = w.end.count();
      out.push_back({s, e <= s ? e + seconds_per_day : e});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    return out;
  };
  auto day_of = [](std::chrono::year_month_day d) { return seconds64{std::chrono::sys_days{d}.time_since_epoch().count()}; };
  std::array<day_windows, 7> weekly;
  for (std::size_t w = 0; w < 7; ++w) weekly[w] = windows(spec.hours[w]);
  std::vector<std::pair<seconds64, day_windows>> exceptions;
  for (const auto& s : spec.special_days) exceptions.emplace_back(day_of(s.date), windows(s.windows));
  for (const auto& h : spec.holidays)
    if (std::none_of(spec.special_days.begin(), spec.special_days.end(), [&](const auto& s) { return s.date == h.date; }))
      exceptions.emplace_back(day_of(h.date), day_windows{});
  std::sort(exceptions.begin(), exceptions.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  exceptions.erase(std::unique(exceptions.begin(), exceptions.end(),
                               [](const auto& a, const auto& b) { return a.first == b.first; }),
                   exceptions.end());
  constexpr seconds64 min_s = sla::min_instant.time_since_epoch().count(), max_s = sla::max_instant.time_since_epoch().count();
  return calendar_data(spec, sla::time_zone::load(spec.timezone), weekly, exceptions, min_s / seconds_per_day - 20,
                       max_s / seconds_per_day + 20);
}

}  // namespace

TEST_CASE("week table: hand-built weeks, closed weeks, a busy pattern, touching weeks", "[calendar][table]") {
  const seconds64 origin = 1'000'000, w = seconds_per_week;
  utc_week_table::builder b(origin);
  std::uint32_t one_hour = b.intern({{3600, 7200}});  // 01:00–02:00 after the week's start
  std::uint32_t closed = b.intern({});
  std::vector<civil_interval> busy;  // 20 intervals of 100 s, every 10,000 s: more than a linear count takes
  for (seconds64 k = 0; k < 20; ++k) busy.push_back({k * 10'000, k * 10'000 + 100});
  std::uint32_t twenty = b.intern(busy);
  std::uint32_t whole = b.intern({{0, w}});
  CHECK(b.intern({{3600, 7200}}) == one_hour);  // equal weeks share their pattern
  // Weeks 0..6: one hour, closed, closed, busy, whole, whole, one hour. Business time before each:
  // 0, 3600, 3600, 3600, 5600, 610400, 1215200; in all 1218800.
  b.append(one_hour, 1);
  b.append(closed, 2);
  b.append(twenty, 1);
  b.append(whole, 2);
  b.append(one_hour, 1);
  const seconds64 g0 = 500;
  utc_week_table t = std::move(b).finish(g0);

  CHECK(t.covers_instant(origin));
  CHECK_FALSE(t.covers_instant(origin - 1));
  CHECK(t.covers_instant(origin + 7 * w - 1));
  CHECK_FALSE(t.covers_instant(origin + 7 * w));
  CHECK_FALSE(t.covers_value(g0));
  CHECK(t.covers_value(g0 + 1));
  CHECK(t.covers_value(g0 + 1218800));
  CHECK_FALSE(t.covers_value(g0 + 1218801));
  CHECK(t.g_end() == g0 + 1218800);

  CHECK(t.cumulative(origin) == g0);
  CHECK(t.cumulative(origin + 3600) == g0);
  CHECK(t.cumulative(origin + 5400) == g0 + 1800);
  CHECK(t.cumulative(origin + 7200) == g0 + 3600);
  CHECK(t.cumulative(origin + 2 * w + 12345) == g0 + 3600);          // a closed week
  CHECK(t.cumulative(origin + 3 * w + 10'050) == g0 + 3600 + 150);   // the second of twenty, half way
  CHECK(t.cumulative(origin + 3 * w + 199'999) == g0 + 5600);        // after all twenty
  CHECK(t.cumulative(origin + 4 * w + 1000) == g0 + 6600);
  CHECK(t.cumulative(origin + 6 * w) == g0 + 1215200);
  CHECK(t.cumulative(origin + 7 * w - 1) == g0 + 1218800);

  CHECK(t.first_reaching(g0 + 1) == origin + 3601);
  CHECK(t.first_reaching(g0 + 3600) == origin + 7200);  // the close, not the next opening weeks later
  CHECK(t.first_reaching(g0 + 3601) == origin + 3 * w + 1);
  CHECK(t.first_reaching(g0 + 3700) == origin + 3 * w + 100);
  CHECK(t.first_reaching(g0 + 3701) == origin + 3 * w + 10'001);
  CHECK(t.first_reaching(g0 + 5600) == origin + 3 * w + 190'100);
  CHECK(t.first_reaching(g0 + 5601) == origin + 4 * w + 1);
  CHECK(t.first_reaching(g0 + 610400) == origin + 5 * w);  // week 4's end is week 5's start
  CHECK(t.first_reaching(g0 + 1218800) == origin + 6 * w + 7200);
}

TEST_CASE("week table: values on the value index's bucket edges", "[calendar][table]") {
  // Three weeks of exactly 2^17 s each: the buckets are 2^17 s, so second 2^17 is the last of
  // week 0 and second 2^17 + 1 the first of week 1.
  const seconds64 origin = 0, b17 = 131072;
  utc_week_table::builder b(origin);
  b.append(b.intern({{100, 100 + b17}}), 3);
  utc_week_table t = std::move(b).finish(0);
  CHECK(t.first_reaching(1) == 101);
  CHECK(t.first_reaching(b17) == 100 + b17);
  CHECK(t.first_reaching(b17 + 1) == seconds_per_week + 101);
  CHECK(t.first_reaching(2 * b17) == seconds_per_week + 100 + b17);
  CHECK(t.first_reaching(3 * b17) == 2 * seconds_per_week + 100 + b17);
  CHECK(t.cumulative(seconds_per_week + 100 + b17) == 2 * b17);
}

TEST_CASE("week table: a closed calendar's table is empty", "[calendar][table]") {
  utc_week_table::builder b(0);
  b.append(b.intern({}), 10);
  utc_week_table t = std::move(b).finish(0);
  CHECK(t.empty());
  CHECK_FALSE(t.covers_instant(0));
  CHECK_FALSE(t.covers_value(1));
}

TEST_CASE("week table: compiled calendars build it where it pays, and it gives the exact G", "[calendar][table]") {
  auto spec = [](const char* yaml) { return sla::parse_calendar_spec(yaml); };
  sla::calendar_spec federal = spec("timezone: America/New_York\nhours: {mon-fri: [\"08:00-18:00\"]}\n");
  sla::apply_holiday_rules(federal, sla::load_holiday_set(SLA_SOURCE_DIR "/policies/holidays/us-federal.yaml").rules,
                           1990, 2099);
  sla::calendar_spec specs[] = {
      federal,
      spec("timezone: Europe/Berlin\nhours: {mon-fri: [\"08:00-12:00\", \"13:00-17:00\"]}\n"),
      spec("timezone: Asia/Kolkata\nhours: {mon-fri: [\"22:00-06:00\"]}\n"),
      spec("timezone: America/New_York\nhours: {mon-sun: [\"01:00-04:00\"]}\nholidays: [2026-03-08]\n"),
      // Switch weeks with and without an exception in one table: 2026's are plain, 2027's are not.
      spec("timezone: America/New_York\nhours: {mon-sun: [\"01:00-04:00\"]}\nholidays: [2026-01-01, 2027-03-14]\n"
           "special_days: [{date: 2027-11-07, hours: [\"00:30-03:30\"]}]\n"),
      spec("timezone: Europe/Berlin\nhours: {mon-sun: [\"01:00-04:00\"]}\nholidays: [2026-01-01, 2027-03-26]\n"),
      spec("timezone: America/New_York\nhours: {fri: [\"22:00-06:00\"], sat: [\"06:00-10:00\", \"22:00-06:00\"]}\n"
           "holidays: [2026-03-06, 2026-10-31]\nspecial_days: [{date: 2026-11-01, hours: [\"00:30-03:30\"]}]\n"),
      spec("timezone: Australia/Lord_Howe\nhours: always\nholidays: [2026-04-05]\n"),
      spec("timezone: Pacific/Chatham\nhours: {mon-sat: [\"08:00-12:00\", \"13:00-17:00\"]}\nholidays: [2026-09-26]\n"),
      spec("timezone: UTC\nhours: {mon-fri: [\"09:00-17:00\"]}\nholidays: [2026-12-25]\n"),
  };
  for (std::size_t i = 0; i < std::size(specs); ++i) {
    INFO("calendar " << i << " in " << specs[i].timezone);
    calendar_data c = compiled(specs[i]);
    REQUIRE_FALSE(c.table.empty());
    // Every 7919 s (a prime: the phase against the week drifts) from two weeks before the table to
    // two weeks after it: G, the first instant reaching the next second, and an hour later.
    int mismatches = 0;
    for (seconds64 u = c.table.origin() - 2 * seconds_per_week; u < c.table.end() + 2 * seconds_per_week; u += 7919) {
      seconds64 g = c.exact_cumulative(u);
      if (c.cumulative(u) != g) ++mismatches;
      for (seconds64 ahead : {1, 3600})
        if (g + ahead <= c.g_at_max_next && c.first_reaching(g + ahead) != c.exact_first_reaching(g + ahead)) ++mismatches;
    }
    CHECK(mismatches == 0);
  }
  // 24/7 UTC (one offset, no exceptions) has no table: G is one small search already.
  CHECK(compiled(sla::calendar_spec::always("UTC")).table.empty());
}

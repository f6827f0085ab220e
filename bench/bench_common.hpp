// What every benchmark program shares: the four calendars of the figures in README.md, the
// durations they are measured at, and pre-generated random start instants (never one hot start).
//
// Calendars (the same specs for the fast path and for the naive reference):
//   always_utc  24/7 in UTC.
//   new_york    Mon–Fri 08:00–18:00 America/New_York, US federal holidays 1990–2099 expanded
//               from policies/holidays/us-federal.yaml (sla::load_holiday_set + apply_holiday_rules).
//   berlin      a split shift, Mon–Fri 08:00–12:00 and 13:00–17:00 Europe/Berlin (no holidays).
//   kolkata     a night shift, Mon–Fri 22:00–06:00 Asia/Kolkata (each window belongs to the
//               date it starts on, so Friday's runs into Saturday morning; no holidays).
//
// Durations, as business time on each calendar: 15 minutes, 8 hours, 5 and 60 business days
// (5 and 60 times the calendar's business hours per open day: 24h, 10h, 8h, 8h), and 1 year
// (52 weeks of the calendar's weekly hours: 8736h, 2600h, 2080h, 2080h — a deadline about one
// calendar year after the start; for new_york, holidays push it a little further).
//
// Start instants: uniform over [2024-01-01, 2030-01-01) UTC on whole minutes (the reference
// calendar works minute by minute and requires it), from a fixed seed, so every run and every
// program measures the same workload.
#pragma once

#include <sla/calendar.hpp>
#include <sla/holiday.hpp>
#include <sla/time.hpp>

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace sla_bench {

using namespace std::chrono_literals;

inline const std::string source_dir = SLA_SOURCE_DIR;

struct bench_calendar {
  std::string name;
  sla::calendar_spec spec;
  std::chrono::seconds business_day;  // business time of one open day
  std::chrono::seconds business_week;
};

inline sla::daily_window window(int from_hour, int to_hour) {
  return {std::chrono::hours{from_hour}, std::chrono::hours{to_hour}};
}

inline sla::calendar_spec new_york_spec(int first_holiday_year = 1990, int last_holiday_year = 2099,
                                        int open_hour = 8, int close_hour = 18) {
  sla::calendar_spec spec;
  spec.timezone = "America/New_York";
  for (int d = 0; d < 5; ++d) spec.hours[static_cast<std::size_t>(d)] = {window(open_hour, close_hour)};
  sla::holiday_set federal = sla::load_holiday_set(source_dir + "/policies/holidays/us-federal.yaml");
  sla::apply_holiday_rules(spec, federal.rules, first_holiday_year, last_holiday_year);
  return spec;
}

inline sla::calendar_spec berlin_split_spec() {
  sla::calendar_spec spec;
  spec.timezone = "Europe/Berlin";
  for (int d = 0; d < 5; ++d) spec.hours[static_cast<std::size_t>(d)] = {window(8, 12), window(13, 17)};
  return spec;
}

inline sla::calendar_spec kolkata_night_spec() {
  sla::calendar_spec spec;
  spec.timezone = "Asia/Kolkata";
  for (int d = 0; d < 5; ++d) spec.hours[static_cast<std::size_t>(d)] = {window(22, 6)};
  return spec;
}

inline std::vector<bench_calendar> calendars() {
  return {
      {"always_utc", sla::calendar_spec::always("UTC"), 24h, 7 * 24h},
      {"new_york", new_york_spec(), 10h, 50h},
      {"berlin_split", berlin_split_spec(), 8h, 40h},
      {"kolkata_night", kolkata_night_spec(), 8h, 40h},
  };
}

struct bench_duration {
  std::string name;
  std::chrono::seconds amount;
};

inline std::vector<bench_duration> durations(const bench_calendar& c) {
  return {
      {"15_minutes", 15min},
      {"8_hours", 8h},
      {"5_business_days", 5 * c.business_day},
      {"60_business_days", 60 * c.business_day},
      {"1_year", 52 * c.business_week},
  };
}

// A power of two, so that the benchmark loops index with a mask: large enough that the branch
// predictor cannot learn the sequence, small enough to stay in cache (64 KB of instants).
inline constexpr std::size_t sample_count = 8192;
inline constexpr std::size_t sample_mask = sample_count - 1;

inline sla::instant instant_of(int y, unsigned m, unsigned d) {
  return sla::instant{std::chrono::sys_days{std::chrono::year{y} / m / d}};
}

// Uniform whole minutes in [from, to).
inline std::vector<sla::instant> random_instants(std::size_t n, std::uint64_t seed, sla::instant from = instant_of(2024, 1, 1),
                                                 sla::instant to = instant_of(2030, 1, 1)) {
  std::mt19937_64 rng(seed);
  std::int64_t minutes = (to - from).count() / 60;
  std::uniform_int_distribution<std::int64_t> pick(0, minutes - 1);
  std::vector<sla::instant> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(from + std::chrono::seconds{pick(rng) * 60});
  return out;
}

}  // namespace sla_bench

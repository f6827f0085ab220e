// The compiled form of a business calendar, and the arithmetic on it.
//
// Two axes. On the local ("civil") axis — wall-clock readings as seconds since 1970-01-01 00:00
// local — business time is the union of the windows of the open dates, and
// civil_measure::measure(c) is the business measure of [origin, c): a weekly template (merged
// windows, prefix sums) plus a sorted table of exception clusters (holidays, special days and
// their neighbours, kept as explicit intervals with prefix sums). On the UTC axis the zone's
// offset is constant between transitions, so within segment k the business measure up to u is
// G(u) = g_base[k] + measure(u + offset[k]); the table of segments carries the prefix. Every
// operation is therefore a few binary searches, whatever the duration, and the inverse
// (first instant at which G reaches a value) is the same searches run backwards.
#pragma once

#include <sla/calendar.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "tz/zone.hpp"

namespace sla::detail {

struct civil_interval {
  seconds64 start;
  seconds64 end;
};

// Floor division and the day of a civil reading, correct for readings before 1970.
constexpr seconds64 floor_div(seconds64 a, seconds64 b) noexcept { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
constexpr seconds64 seconds_per_day = 86400;
constexpr seconds64 seconds_per_week = 7 * seconds_per_day;
// Monday = 0 … Sunday = 6 for a day count since 1970-01-01 (a Thursday).
constexpr int weekday_of(seconds64 day) noexcept { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

// The windows of one local date, as [start, end) seconds after that date's midnight; an
// overnight window's end is past 24h. Sorted by start, not merged (each belongs to its date).
using day_windows = std::vector<civil_interval>;

class civil_measure {
 public:
  // template_windows: per weekday (Monday first). exceptions: sorted, unique local days with the
  // windows that replace the template on that day (empty: closed).
  civil_measure(const std::array<day_windows, 7>& template_windows,
                const std::vector<std::pair<seconds64, day_windows>>& exceptions, seconds64 first_day,
                seconds64 last_day);

  // Business measure of [origin, c) on the civil axis; c must be >= origin.
  seconds64 measure(seconds64 c) const noexcept;
  // The smallest c with measure(c) == m (0 < m <= measure of the table's end).
  seconds64 first_reaching(seconds64 m) const noexcept;

  std::size_t memory_bytes() const noexcept;

 private:
  seconds64 template_measure(seconds64 c) const noexcept;
  seconds64 template_first_reaching(seconds64 m) const noexcept;

  seconds64 origin_ = 0;  // a Monday 00:00 before anything the table is asked about
  seconds64 week_total_ = 0;
  std::vector<seconds64> week_start_, week_end_, week_before_, week_after_;  // merged, within [0, 1 week)

  std::vector<seconds64> cluster_start_, cluster_end_;      // civil spans handled explicitly
  std::vector<seconds64> cluster_m_start_, cluster_m_end_;  // measure() at each end
  std::vector<seconds64> corr_after_;                       // measure(c) - template_measure(c) after cluster k
  std::vector<std::uint32_t> cluster_first_;                // index into iv_*, one past the end at [size]
  std::vector<seconds64> iv_start_, iv_end_, iv_before_, iv_after_;  // measure inside the cluster
};

struct calendar_data {
  calendar_spec spec;
  time_zone zone;
  civil_measure civil;

  // UTC segments of constant offset: G(u) = g_base[k] + civil.measure(u + offset[k]).
  std::vector<seconds64> seg_start;
  std::vector<std::int32_t> seg_offset;
  std::vector<seconds64> seg_g_base;
  std::vector<seconds64> seg_g_start;  // G(seg_start[k])
  seconds64 g_at_min = 0, g_at_max_next = 0;  // G(min_instant), G(max_instant + 1s)

  // Dates: the windows of each weekday and of each exception day; business-date counting.
  std::array<day_windows, 7> weekday_windows;
  std::vector<seconds64> exception_day;
  std::vector<day_windows> exception_windows;
  std::vector<std::int64_t> exception_count_delta_cum;  // cumulative (business? - template business?)
  seconds64 origin_day = 0, last_day = 0;               // a Monday; the last day tables cover
  std::array<int, 8> weekday_business_prefix{};         // business weekdays among Monday..(i-1)

  calendar_data(calendar_spec spec, time_zone zone, std::array<day_windows, 7> weekday_windows,
                std::vector<std::pair<seconds64, day_windows>> exceptions, seconds64 first_day, seconds64 last_day);

  // G(u): business time in [table start, u).
  seconds64 cumulative(seconds64 u) const noexcept;
  // The smallest u with cumulative(u) == g.
  seconds64 first_reaching(seconds64 g) const noexcept;

  const day_windows& windows_of(seconds64 day) const noexcept;
  // Business dates in [origin_day, day].
  std::int64_t business_dates_through(seconds64 day) const noexcept;
  // The first day > `day` with business_dates_through == through(day) + n (n >= 1); nullopt past the tables.
  std::optional<seconds64> nth_business_date_after(seconds64 day, std::int64_t n) const noexcept;
  // The business date whose window holds the business instant u (the later date when two do).
  seconds64 business_date_holding(seconds64 u) const noexcept;
  // The end of the last business interval belonging to a business date.
  seconds64 last_close(seconds64 day) const noexcept;

  std::size_t memory_bytes() const noexcept;
};

}  // namespace sla::detail

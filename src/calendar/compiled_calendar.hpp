// The compiled form of a business calendar, and the arithmetic on it.
//
// Every operation is carried by G(u), the business time before the instant u, and its inverse,
// the first instant at which G reaches a value: elapsed(a, b) = G(b) - G(a), and add(t, d) is the
// first u with G(u) = G(t) + d, whatever the duration. Two layouts hold G:
//
// - The exact layout, over the whole supported range. On the local ("civil") axis — wall-clock
//   readings as seconds since 1970-01-01 00:00 local — business time is the union of the windows
//   of the open dates, and civil_measure::measure(c) is the business measure of [origin, c): a
//   weekly template (merged windows, prefix sums) plus a sorted table of exception clusters
//   (holidays, special days and their neighbours, kept as explicit intervals with prefix sums).
//   On the UTC axis the zone's offset is constant between transitions, so within segment k
//   G(u) = g_base[k] + measure(u + offset[k]); the table of segments carries the prefix. G or its
//   inverse is three binary searches (segment, cluster, template or cluster interval).
// - The week table (week_table.hpp) over a bounded span (fast_span): the same business intervals
//   on the UTC axis, week by week, each week a shared pattern of intervals and its prefix. G or
//   its inverse is one direct index and a short branch-free count. It is built from the exact
//   layout (its civil intervals seen through each segment's offset), so skipped and repeated
//   hours, overnight windows and exceptions mean exactly what they mean there.
//
// cumulative() and first_reaching() use the week table where it covers the input and the exact
// layout everywhere else, so answers never depend on the table's span, only their cost does.
#pragma once

#include <sla/calendar.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "calendar/week_table.hpp"
#include "tz/zone.hpp"

namespace sla::detail {

// Floor division and the day of a civil reading, correct for readings before 1970.
constexpr seconds64 floor_div(seconds64 a, seconds64 b) noexcept { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
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

  // The spans handled explicitly (holidays, special days and their neighbours): sorted, disjoint.
  // Outside them business time is the weekly template.
  std::size_t cluster_count() const noexcept { return cluster_start_.size(); }
  civil_interval cluster(std::size_t k) const noexcept { return {cluster_start_[k], cluster_end_[k]}; }
  // The first cluster ending after c (cluster_count() when none), stepping from `cursor`: no
  // search when c moved little since the cursor was found.
  std::size_t first_cluster_after(seconds64 c, std::size_t cursor) const noexcept;
  // Appends the business intervals inside [c0, c1) (where measure() grows), each moved back by
  // `shift`, in order, touching ones merged. cluster: first_cluster_after(c0, …).
  void append_intervals(seconds64 c0, seconds64 c1, std::size_t cluster, seconds64 shift,
                        std::vector<civil_interval>& out) const;

  std::size_t memory_bytes() const noexcept;

 private:
  seconds64 template_measure(seconds64 c) const noexcept;
  seconds64 template_first_reaching(seconds64 m) const noexcept;
  void append_template_intervals(seconds64 c0, seconds64 c1, seconds64 shift, std::vector<civil_interval>& out) const;

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

  // The fast layout of G over a bounded span (see fast_span below); empty when not worth it.
  utc_week_table table;

  calendar_data(calendar_spec spec, time_zone zone, std::array<day_windows, 7> weekday_windows,
                std::vector<std::pair<seconds64, day_windows>> exceptions, seconds64 first_day, seconds64 last_day);

  // G(u): business time in [table start, u). The week table where it covers u, else exact_cumulative.
  seconds64 cumulative(seconds64 u) const noexcept {
    return table.covers_instant(u) ? table.cumulative(u) : exact_cumulative(u);
  }
  // The smallest u with cumulative(u) == g (g > G(min_instant)).
  seconds64 first_reaching(seconds64 g) const noexcept {
    return table.covers_value(g) ? table.first_reaching(g) : exact_first_reaching(g);
  }
  // The same from the segments and the civil measure alone: exact over the whole range.
  seconds64 exact_cumulative(seconds64 u) const noexcept;
  seconds64 exact_first_reaching(seconds64 g) const noexcept;

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

 private:
  // The UTC span the week table covers: whole weeks from the Monday (00:00 UTC) on or before
  // 1 January of the first year that holds a holiday or special day, through the last such year;
  // 1990–2099 when there are none. At most 130 years: when the years span more, the 130 starting
  // as close to 1990 as they allow. Empty (no table) when the zone has one offset and there are no
  // exceptions: the exact G is then one small search already.
  civil_interval fast_span() const noexcept;
  void build_table(civil_interval span);
  // The business intervals of the UTC week starting at ws, as offsets from ws; segment: the
  // offset segment holding ws; cluster: a cursor for civil.first_cluster_after.
  void week_intervals(seconds64 ws, std::size_t segment, std::size_t& cluster, std::vector<civil_interval>& out) const;
};

}  // namespace sla::detail

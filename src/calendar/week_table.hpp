// The fast layout of a calendar's business time on the UTC axis, over a bounded span of whole
// weeks: G(u) (business seconds before u) and its inverse are each one direct index plus a short
// count (branch-free for the few intervals of a usual week), with no search over the span.
//
// Every week of the span keeps the business seconds before it and a pattern: its business
// intervals as offsets from the week's start (clipped to the week), with prefix sums. Weeks with
// the same intervals share one pattern (one per UTC offset, and one per distinct week that holds a
// transition, holiday or special day). A value index maps business seconds, in buckets of 2^shift
// (one to two average weeks), to the week holding the bucket's first second. Memory: 8 bytes a
// week, about 4 more for the value index, and the patterns.
//
//   cumulative(u):      week = (u - origin) / 7 days; count the week pattern's starts <= the rest.
//   first_reaching(g):  bucket of g -> a week; count the following weeks' prefixes < g; count the
//                       pattern's prefixes < the rest.
//
// The table only stores what it is given (calendar_data builds it from the exact G, see
// compiled_calendar.hpp); callers check covers_instant / covers_value and otherwise use the exact
// path. Offsets are 32-bit, so a span is at most max_span_weeks.
#pragma once

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "tz/zone.hpp"

namespace sla::detail {

// [start, end) seconds on one axis (civil readings, UTC instants, or offsets inside a week).
struct civil_interval {
  seconds64 start;
  seconds64 end;
  friend bool operator==(const civil_interval&, const civil_interval&) = default;
};

constexpr seconds64 seconds_per_day = 86400;
constexpr seconds64 seconds_per_week = 7 * seconds_per_day;

class utc_week_table {
 public:
  static constexpr std::size_t max_span_weeks = 7100;  // 136 years: offsets stay below 2^32

  class builder;

  // An empty table: covers nothing.
  utc_week_table() = default;

  // Whether u lies in the span [origin, origin + weeks).
  bool covers_instant(seconds64 u) const noexcept { return static_cast<std::uint64_t>(u - origin_) < span_; }
  // Whether the first instant with G == g lies in the span: G(origin) < g <= G(end of span).
  bool covers_value(seconds64 g) const noexcept {
    return static_cast<std::uint64_t>(g - g_origin_ - 1) < total_;
  }

  // G(u), for covers_instant(u).
  seconds64 cumulative(seconds64 u) const noexcept {
    std::uint64_t rel = static_cast<std::uint64_t>(u - origin_);
    std::uint64_t w = rel / seconds_per_week;
    auto r = static_cast<std::int32_t>(rel - w * seconds_per_week);
    const week& wk = weeks_[w];
    const std::int32_t* start = starts_.data() + wk.pattern;
    const std::int32_t* before = befores_.data() + wk.pattern;
    int j = count_at_most(start + 1, pattern_steps_, r);  // 0: before the week's first interval
    std::int32_t inside = before[j] + std::min(r - start[j], before[j + 1] - before[j]);
    return g_origin_ + wk.before + inside;
  }

  // The smallest u with G(u) == g, for covers_value(g).
  seconds64 first_reaching(seconds64 g) const noexcept {
    auto x = static_cast<std::uint64_t>(g - g_origin_);  // in [1, total]
    std::size_t w = bucket_week_[(x - 1) >> shift_];
    w += count_weeks_below(w + 1, x);
    auto r = static_cast<std::int32_t>(x - weeks_[w].before);  // in [1, the week's business time]
    const std::int32_t* start = starts_.data() + weeks_[w].pattern;
    const std::int32_t* before = befores_.data() + weeks_[w].pattern;
    int j = count_below(before + 1, pattern_steps_, r);  // >= 1: the interval holding second r
    return origin_ + static_cast<seconds64>(w) * seconds_per_week + start[j] + (r - before[j]);
  }

  bool empty() const noexcept { return span_ == 0; }
  seconds64 origin() const noexcept { return origin_; }
  seconds64 end() const noexcept { return origin_ + static_cast<seconds64>(span_); }
  seconds64 g_end() const noexcept { return g_origin_ + static_cast<seconds64>(total_); }  // G at the span's end
  std::size_t memory_bytes() const noexcept;

 private:
  struct week {
    std::uint32_t before;   // business seconds in [origin, this week's start)
    std::uint32_t pattern;  // offset of the week's pattern in starts_ / befores_
  };

  // How many of the n sorted values at p are <= x (< x): a count the compiler vectorises for the
  // few intervals of a week, a binary search for unusually busy patterns.
  static int count_at_most(const std::int32_t* p, int n, std::int32_t x) noexcept {
    if (n > linear_count_limit) return static_cast<int>(std::upper_bound(p, p + n, x) - p);
    int c = 0;
    for (int k = 0; k < n; ++k) c += p[k] <= x;
    return c;
  }
  static int count_below(const std::int32_t* p, int n, std::int32_t x) noexcept {
    if (n > linear_count_limit) return static_cast<int>(std::lower_bound(p, p + n, x) - p);
    int c = 0;
    for (int k = 0; k < n; ++k) c += p[k] < x;
    return c;
  }
  // Weeks among the week_steps_ from `first` whose prefix is < x.
  std::size_t count_weeks_below(std::size_t first, std::uint64_t x) const noexcept {
    std::size_t c = 0;
    for (int k = 0; k < week_steps_; ++k) c += weeks_[first + static_cast<std::size_t>(k)].before < x;
    return c;
  }
  static constexpr int linear_count_limit = 16;

  seconds64 origin_ = 0;       // a week start on the UTC axis
  std::uint64_t span_ = 0;     // seconds covered: whole weeks
  seconds64 g_origin_ = 0;     // G(origin_)
  std::uint64_t total_ = 0;    // business seconds in the span
  // One entry per week, then week_steps_ + 1 sentinels whose prefix is total_.
  std::vector<week> weeks_;
  // The patterns, pattern_steps_ + 2 entries each: [0] a zero-length interval at 0, then the
  // intervals' starts and prefixes, then sentinels (start INT32_MAX, prefix = the week's total).
  std::vector<std::int32_t> starts_, befores_;
  std::vector<std::uint32_t> bucket_week_;  // business second b * 2^shift_ + 1 lies in this week
  int pattern_steps_ = 0;                   // the most intervals in one pattern
  int week_steps_ = 0;                      // the most weeks a bucket's seconds run past its first
  int shift_ = 0;
};

// Collects a span week by week: intern() each distinct week's intervals once, append() the ids of
// the weeks in order, then finish() with G at the span's start.
class utc_week_table::builder {
 public:
  explicit builder(seconds64 origin) : origin_(origin) {}

  // The id of a week's pattern. intervals: sorted, disjoint, within [0, 1 week), offsets from
  // the week's start.
  std::uint32_t intern(const std::vector<civil_interval>& intervals);
  // Appends `count` weeks with that pattern.
  void append(std::uint32_t pattern, std::size_t count);

  utc_week_table finish(seconds64 g_origin) &&;

 private:
  struct run {
    std::uint32_t pattern;
    std::size_t weeks;
  };
  void fill_patterns(utc_week_table& t) const;
  void fill_weeks(utc_week_table& t) const;
  void fill_buckets(utc_week_table& t) const;

  seconds64 origin_;
  std::vector<std::vector<civil_interval>> patterns_;
  std::vector<seconds64> pattern_total_;
  std::unordered_multimap<std::uint64_t, std::uint32_t> by_hash_;
  std::vector<run> runs_;  // the weeks in order, consecutive equal patterns as one run
  std::size_t weeks_ = 0;
};

}  // namespace sla::detail

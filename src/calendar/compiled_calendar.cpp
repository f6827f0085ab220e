// The compiled tables of a business calendar and the arithmetic on them. See
// compiled_calendar.hpp for the two axes and why every operation is a few binary searches.
#include "calendar/compiled_calendar.hpp"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <limits>
#include <optional>

namespace sla::detail {
namespace {

// Sorts and merges touching or overlapping intervals, in place.
void merge_in_place(std::vector<civil_interval>& v) {
  std::sort(v.begin(), v.end(), [](const civil_interval& a, const civil_interval& b) { return a.start < b.start; });
  std::size_t n = 0;
  for (const auto& iv : v) {
    if (iv.end <= iv.start) continue;
    if (n > 0 && iv.start <= v[n - 1].end) v[n - 1].end = std::max(v[n - 1].end, iv.end);
    else v[n++] = iv;
  }
  v.resize(n);
}

std::vector<civil_interval> merged(std::vector<civil_interval> v) {
  merge_in_place(v);
  return v;
}

// Appends iv (not before out's last interval) to out, joining it to the last one when they touch.
void append_merged(std::vector<civil_interval>& out, civil_interval iv) {
  if (!out.empty() && out.back().end == iv.start) out.back().end = iv.end;
  else out.push_back(iv);
}

// How far past the end of its own date any window reaches (0 when none crosses midnight).
seconds64 overflow_of(const day_windows& w) {
  seconds64 o = 0;
  for (const auto& iv : w) o = std::max(o, iv.end - seconds_per_day);
  return o;
}

}  // namespace

civil_measure::civil_measure(const std::array<day_windows, 7>& template_windows,
                             const std::vector<std::pair<seconds64, day_windows>>& exceptions, seconds64 first_day,
                             seconds64 last_day) {
  // A Monday at or before first_day: day 4 after 1970-01-01 (a Thursday) is a Monday.
  seconds64 monday = first_day - ((first_day - 4) % 7 + 7) % 7;
  origin_ = monday * seconds_per_day;

  // The weekly template, placed on [0, 1 week) with windows that cross Sunday night wrapped.
  std::vector<civil_interval> week;
  for (int w = 0; w < 7; ++w)
    for (const auto& iv : template_windows[static_cast<std::size_t>(w)]) {
      seconds64 s = w * seconds_per_day + iv.start, e = w * seconds_per_day + iv.end;
      if (e <= seconds_per_week) week.push_back({s, e});
      else {
        week.push_back({s, seconds_per_week});
        week.push_back({0, e - seconds_per_week});
      }
    }
  seconds64 sum = 0;
  for (const auto& iv : merged(std::move(week))) {
    week_start_.push_back(iv.start);
    week_end_.push_back(iv.end);
    week_before_.push_back(sum);
    sum += iv.end - iv.start;
    week_after_.push_back(sum);
  }
  week_total_ = sum;

  // Exception clusters: each exception day D can change business time only within
  // [D, D + 1 day + the longest overnight reach) on the civil axis; overlapping spans merge.
  seconds64 reach = 0;
  for (const auto& w : template_windows) reach = std::max(reach, overflow_of(w));
  for (const auto& [day, w] : exceptions) reach = std::max(reach, overflow_of(w));
  // The days asked for move forward (a day back at most between clusters): a cursor, not a search.
  std::size_t next_exception = 0;  // the first exception on or after the day asked for last
  auto windows_of_day = [&](seconds64 day) -> const day_windows& {
    while (next_exception > 0 && exceptions[next_exception - 1].first >= day) --next_exception;
    while (next_exception < exceptions.size() && exceptions[next_exception].first < day) ++next_exception;
    if (next_exception < exceptions.size() && exceptions[next_exception].first == day) return exceptions[next_exception].second;
    return template_windows[static_cast<std::size_t>(weekday_of(day))];
  };

  std::vector<civil_interval> spans;
  for (const auto& [day, w] : exceptions) {
    if (day < first_day || day > last_day) continue;
    spans.push_back({day * seconds_per_day, (day + 1) * seconds_per_day + reach});
  }
  spans = merged(std::move(spans));

  seconds64 corr = 0;
  cluster_start_.reserve(spans.size());
  cluster_end_.reserve(spans.size());
  cluster_m_start_.reserve(spans.size());
  cluster_m_end_.reserve(spans.size());
  corr_after_.reserve(spans.size());
  cluster_first_.reserve(spans.size() + 1);
  std::vector<civil_interval> inside;  // scratch, reused for every cluster
  for (const auto& span : spans) {
    inside.clear();
    for (seconds64 d = floor_div(span.start, seconds_per_day) - 1; d <= floor_div(span.end - 1, seconds_per_day); ++d)
      for (const auto& iv : windows_of_day(d)) {
        seconds64 s = std::max(span.start, d * seconds_per_day + iv.start);
        seconds64 e = std::min(span.end, d * seconds_per_day + iv.end);
        if (s < e) inside.push_back({s, e});
      }
    seconds64 m_start = template_measure(span.start) + corr;
    cluster_start_.push_back(span.start);
    cluster_end_.push_back(span.end);
    cluster_m_start_.push_back(m_start);
    cluster_first_.push_back(static_cast<std::uint32_t>(iv_start_.size()));
    seconds64 in = 0;
    merge_in_place(inside);
    for (const auto& iv : inside) {
      iv_start_.push_back(iv.start);
      iv_end_.push_back(iv.end);
      iv_before_.push_back(in);
      in += iv.end - iv.start;
      iv_after_.push_back(in);
    }
    cluster_m_end_.push_back(m_start + in);
    corr = m_start + in - template_measure(span.end);
    corr_after_.push_back(corr);
  }
  cluster_first_.push_back(static_cast<std::uint32_t>(iv_start_.size()));
}

seconds64 civil_measure::template_measure(seconds64 c) const noexcept {
  seconds64 x = c - origin_;
  seconds64 weeks = floor_div(x, seconds_per_week);
  seconds64 r = x - weeks * seconds_per_week;
  seconds64 m = weeks * week_total_;
  auto it = std::upper_bound(week_start_.begin(), week_start_.end(), r);
  if (it != week_start_.begin()) {
    std::size_t i = static_cast<std::size_t>(it - week_start_.begin()) - 1;
    m += week_before_[i] + std::min(r, week_end_[i]) - week_start_[i];
  }
  return m;
}

seconds64 civil_measure::template_first_reaching(seconds64 m) const noexcept {
  if (week_total_ == 0) return std::numeric_limits<seconds64>::max();
  seconds64 weeks = floor_div(m - 1, week_total_);
  seconds64 r = m - weeks * week_total_;  // in [1, week_total]
  auto it = std::lower_bound(week_after_.begin(), week_after_.end(), r);
  std::size_t i = static_cast<std::size_t>(it - week_after_.begin());
  return origin_ + weeks * seconds_per_week + week_start_[i] + (r - week_before_[i]);
}

seconds64 civil_measure::measure(seconds64 c) const noexcept {
  auto it = std::upper_bound(cluster_start_.begin(), cluster_start_.end(), c);
  if (it == cluster_start_.begin()) return template_measure(c);
  std::size_t k = static_cast<std::size_t>(it - cluster_start_.begin()) - 1;
  if (c >= cluster_end_[k]) return template_measure(c) + corr_after_[k];
  auto first = iv_start_.begin() + cluster_first_[k], last = iv_start_.begin() + cluster_first_[k + 1];
  auto jt = std::upper_bound(first, last, c);
  if (jt == first) return cluster_m_start_[k];
  std::size_t j = static_cast<std::size_t>(jt - iv_start_.begin()) - 1;
  return cluster_m_start_[k] + iv_before_[j] + std::min(c, iv_end_[j]) - iv_start_[j];
}

seconds64 civil_measure::first_reaching(seconds64 m) const noexcept {
  auto it = std::lower_bound(cluster_m_end_.begin(), cluster_m_end_.end(), m);
  std::size_t k = static_cast<std::size_t>(it - cluster_m_end_.begin());
  if (k < cluster_m_end_.size() && cluster_m_start_[k] < m) {
    seconds64 r = m - cluster_m_start_[k];
    auto first = iv_after_.begin() + cluster_first_[k], last = iv_after_.begin() + cluster_first_[k + 1];
    std::size_t j = static_cast<std::size_t>(std::lower_bound(first, last, r) - iv_after_.begin());
    return iv_start_[j] + (r - iv_before_[j]);
  }
  seconds64 corr = k == 0 ? 0 : corr_after_[k - 1];
  return template_first_reaching(m - corr);
}

void civil_measure::append_template_intervals(seconds64 c0, seconds64 c1, seconds64 shift,
                                              std::vector<civil_interval>& out) const {
  for (seconds64 base = origin_ + floor_div(c0 - origin_, seconds_per_week) * seconds_per_week; base < c1;
       base += seconds_per_week)
    for (std::size_t i = 0; i < week_start_.size(); ++i) {
      seconds64 s = std::max(c0, base + week_start_[i]), e = std::min(c1, base + week_end_[i]);
      if (s < e) append_merged(out, {s - shift, e - shift});
    }
}

std::size_t civil_measure::first_cluster_after(seconds64 c, std::size_t cursor) const noexcept {
  cursor = std::min(cursor, cluster_end_.size());
  while (cursor > 0 && cluster_end_[cursor - 1] > c) --cursor;
  while (cursor < cluster_end_.size() && cluster_end_[cursor] <= c) ++cursor;
  return cursor;
}

void civil_measure::append_intervals(seconds64 c0, seconds64 c1, std::size_t k, seconds64 shift,
                                     std::vector<civil_interval>& out) const {
  // k: the first cluster ending after c. Between clusters the template holds; inside, the cluster's intervals.
  for (seconds64 c = c0; c < c1; ++k) {
    seconds64 cluster_from = k < cluster_start_.size() ? std::max(c, cluster_start_[k]) : c1;
    if (c < cluster_from) {
      append_template_intervals(c, std::min(c1, cluster_from), shift, out);
      c = std::min(c1, cluster_from);
      if (c == c1) break;
    }
    seconds64 e = std::min(c1, cluster_end_[k]);
    for (std::size_t j = cluster_first_[k]; j < cluster_first_[k + 1]; ++j) {
      seconds64 s = std::max(c, iv_start_[j]), t = std::min(e, iv_end_[j]);
      if (s < t) append_merged(out, {s - shift, t - shift});
    }
    c = e;
  }
}

std::size_t civil_measure::memory_bytes() const noexcept {
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return sizeof(*this) + bytes(week_start_) + bytes(week_end_) + bytes(week_before_) + bytes(week_after_) +
         bytes(cluster_start_) + bytes(cluster_end_) + bytes(cluster_m_start_) + bytes(cluster_m_end_) +
         bytes(corr_after_) + bytes(cluster_first_) + bytes(iv_start_) + bytes(iv_end_) + bytes(iv_before_) +
         bytes(iv_after_);
}

calendar_data::calendar_data(calendar_spec spec_in, time_zone zone_in, std::array<day_windows, 7> weekday_windows_in,
                             std::vector<std::pair<seconds64, day_windows>> exceptions, seconds64 first_day,
                             seconds64 last_day_in)
    : spec(std::move(spec_in)),
      zone(std::move(zone_in)),
      civil(weekday_windows_in, exceptions, first_day, last_day_in),
      weekday_windows(std::move(weekday_windows_in)),
      last_day(last_day_in) {
  origin_day = first_day - ((first_day - 4) % 7 + 7) % 7;

  // Business dates: the template's weekdays, corrected by each exception that changes the answer.
  for (int w = 0; w < 7; ++w)
    weekday_business_prefix[static_cast<std::size_t>(w) + 1] =
        weekday_business_prefix[static_cast<std::size_t>(w)] + (weekday_windows[static_cast<std::size_t>(w)].empty() ? 0 : 1);
  std::int64_t delta = 0;
  for (auto& [day, w] : exceptions) {
    if (day < first_day || day > last_day) continue;
    delta += (w.empty() ? 0 : 1) - (weekday_windows[static_cast<std::size_t>(weekday_of(day))].empty() ? 0 : 1);
    exception_day.push_back(day);
    exception_windows.push_back(std::move(w));
    exception_count_delta_cum.push_back(delta);
  }

  // UTC segments of constant offset, with the running business measure at each start.
  const zone_data& z = zone.data();
  seg_start = z.starts;
  seg_offset = z.offsets;
  seg_g_base.resize(seg_start.size());
  seg_g_start.resize(seg_start.size());
  seg_g_base[0] = -civil.measure(seg_start[0] + seg_offset[0]);
  seg_g_start[0] = 0;
  for (std::size_t k = 1; k < seg_start.size(); ++k) {
    seg_g_start[k] = seg_g_base[k - 1] + civil.measure(seg_start[k] + seg_offset[k - 1]);
    seg_g_base[k] = seg_g_start[k] - civil.measure(seg_start[k] + seg_offset[k]);
  }
  g_at_min = exact_cumulative(min_instant.time_since_epoch().count());
  g_at_max_next = exact_cumulative(max_instant.time_since_epoch().count() + 1);
  build_table(fast_span());
}

civil_interval calendar_data::fast_span() const noexcept {
  if (seg_start.size() == 1 && civil.cluster_count() == 0) return {0, 0};
  using namespace std::chrono;
  auto year_of = [](seconds64 day) { return int(year_month_day{sys_days{days{day}}}.year()); };
  int first = 1990, last = 2099;
  if (!exception_day.empty()) {
    first = year_of(exception_day.front());
    last = year_of(exception_day.back());
  }
  constexpr int most_years = 130;
  if (last - first + 1 > most_years) {
    first = std::clamp(1990, first, last + 1 - most_years);
    last = first + most_years - 1;
  }
  first = std::max(first, 1900);
  last = std::min(last, 2199);
  seconds64 jan1 = sys_days{year{first} / 1 / 1}.time_since_epoch().count();
  seconds64 monday = jan1 - weekday_of(jan1);
  seconds64 end = sys_days{year{last + 1} / 1 / 1}.time_since_epoch().count() * seconds_per_day;
  seconds64 weeks = (end - monday * seconds_per_day + seconds_per_week - 1) / seconds_per_week;
  return {monday * seconds_per_day, monday * seconds_per_day + weeks * seconds_per_week};
}

void calendar_data::week_intervals(seconds64 ws, std::size_t k, std::size_t& cluster,
                                   std::vector<civil_interval>& out) const {
  out.clear();
  seconds64 we = ws + seconds_per_week;
  for (; k < seg_start.size() && seg_start[k] < we; ++k) {
    seconds64 from = std::max(ws, seg_start[k]), to = k + 1 < seg_start.size() ? std::min(we, seg_start[k + 1]) : we;
    seconds64 offset = seg_offset[k];
    cluster = civil.first_cluster_after(from + offset, cluster);
    civil.append_intervals(from + offset, to + offset, cluster, ws + offset, out);  // civil c is UTC c - offset
  }
}

namespace {

// What a week without exceptions depends on: the offset in force from its start, and the one
// after the transition inside it, if any (switch_at: seconds after the week's start; 0 if none).
struct template_week_key {
  std::int32_t offset;
  std::int32_t offset_after;
  seconds64 switch_at;
  friend bool operator==(const template_week_key&, const template_week_key&) = default;
};

}  // namespace

void calendar_data::build_table(civil_interval span) {
  if (span.end <= span.start) return;
  constexpr seconds64 never = std::numeric_limits<seconds64>::max();
  auto segment_end = [&](std::size_t k) { return k + 1 < seg_start.size() ? seg_start[k + 1] : never; };
  utc_week_table::builder weeks(span.start);
  std::vector<civil_interval> intervals;
  // Weeks that meet no exception cluster are the template seen through one offset, or two with a
  // transition between: each such kind is worked out once.
  std::vector<std::pair<template_week_key, std::uint32_t>> template_weeks;
  std::size_t k = zone.data().segment_at(span.start), cluster = 0;
  auto pattern_of = [&](seconds64 ws, std::optional<template_week_key> key) {
    if (key)
      for (const auto& [known, id] : template_weeks)
        if (known == *key) return id;
    week_intervals(ws, k, cluster, intervals);
    std::uint32_t id = weeks.intern(intervals);
    if (key) template_weeks.emplace_back(*key, id);
    return id;
  };
  auto meets_cluster = [&](seconds64 c0, seconds64 c1) {
    cluster = civil.first_cluster_after(c0, cluster);
    return cluster < civil.cluster_count() && civil.cluster(cluster).start < c1;
  };
  for (seconds64 ws = span.start; ws < span.end;) {
    while (segment_end(k) <= ws) ++k;
    seconds64 we = ws + seconds_per_week;
    std::int32_t offset = seg_offset[k];
    // The whole weeks from ws before the next transition and the next cluster share one pattern.
    cluster = civil.first_cluster_after(ws + offset, cluster);
    seconds64 next_cluster = cluster < civil.cluster_count() ? civil.cluster(cluster).start - offset : never;
    seconds64 plain_end = std::min({segment_end(k), next_cluster, span.end});
    if (plain_end >= we) {
      auto n = static_cast<std::size_t>((plain_end - ws) / seconds_per_week);
      weeks.append(pattern_of(ws, template_week_key{offset, offset, 0}), n);
      ws += static_cast<seconds64>(n) * seconds_per_week;
      continue;
    }
    // One transition in the week and no cluster near it: still the template.
    std::optional<template_week_key> key;
    if (segment_end(k) < we && segment_end(k + 1) >= we) {
      std::int32_t after = seg_offset[k + 1];
      if (!meets_cluster(ws + std::min(offset, after), we + std::max(offset, after)))
        key = template_week_key{offset, after, segment_end(k) - ws};
    }
    weeks.append(pattern_of(ws, key), 1);
    ws = we;
  }
  utc_week_table built = std::move(weeks).finish(exact_cumulative(span.start));
  // The table holds the exact G's intervals, so it must end where the exact G does.
  bool agrees = built.empty() || built.g_end() == exact_cumulative(span.end);
  assert(agrees);
  if (agrees) table = std::move(built);
}

seconds64 calendar_data::exact_cumulative(seconds64 u) const noexcept {
  auto it = std::upper_bound(seg_start.begin() + 1, seg_start.end(), u);
  std::size_t k = static_cast<std::size_t>(it - seg_start.begin()) - 1;
  return seg_g_base[k] + civil.measure(u + seg_offset[k]);
}

seconds64 calendar_data::exact_first_reaching(seconds64 g) const noexcept {
  auto it = std::lower_bound(seg_g_start.begin() + 1, seg_g_start.end(), g);
  std::size_t k = static_cast<std::size_t>(it - seg_g_start.begin()) - 1;
  seconds64 c = civil.first_reaching(g - seg_g_base[k]);
  if (c == std::numeric_limits<seconds64>::max()) return c;
  return c - seg_offset[k];
}

const day_windows& calendar_data::windows_of(seconds64 day) const noexcept {
  auto it = std::lower_bound(exception_day.begin(), exception_day.end(), day);
  if (it != exception_day.end() && *it == day)
    return exception_windows[static_cast<std::size_t>(it - exception_day.begin())];
  return weekday_windows[static_cast<std::size_t>(weekday_of(day))];
}

std::int64_t calendar_data::business_dates_through(seconds64 day) const noexcept {
  seconds64 n = day - origin_day + 1;  // days in [origin_day, day]
  if (n <= 0) return 0;
  std::int64_t count = (n / 7) * weekday_business_prefix[7] + weekday_business_prefix[static_cast<std::size_t>(n % 7)];
  auto it = std::upper_bound(exception_day.begin(), exception_day.end(), day);
  if (it != exception_day.begin())
    count += exception_count_delta_cum[static_cast<std::size_t>(it - exception_day.begin()) - 1];
  return count;
}

std::optional<seconds64> calendar_data::nth_business_date_after(seconds64 day, std::int64_t n) const noexcept {
  std::int64_t target = business_dates_through(day) + n;
  if (business_dates_through(last_day) < target) return std::nullopt;
  seconds64 lo = day + 1, hi = last_day;  // the answer lies in [lo, hi]
  while (lo < hi) {
    seconds64 mid = lo + (hi - lo) / 2;
    if (business_dates_through(mid) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

seconds64 calendar_data::business_date_holding(seconds64 u) const noexcept {
  seconds64 c = u + zone.data().offset_at(u);
  seconds64 day = floor_div(c, seconds_per_day);
  for (seconds64 d : {day, day - 1}) {
    seconds64 rel = c - d * seconds_per_day;
    for (const auto& iv : windows_of(d))
      if (iv.start <= rel && rel < iv.end) return d;
  }
  return day;
}

seconds64 calendar_data::last_close(seconds64 day) const noexcept {
  seconds64 end = 0;
  for (const auto& iv : windows_of(day)) end = std::max(end, iv.end);
  seconds64 c = day * seconds_per_day + end;
  // The last instant whose reading is c (a repeated reading's second pass), or, when c is
  // skipped, the transition; then back to where business time actually stopped.
  const zone_data& z = zone.data();
  seconds64 latest = std::numeric_limits<seconds64>::min();
  std::size_t first = z.segment_at(c - 26 * 3600), last = z.segment_at(c + 26 * 3600);
  for (std::size_t k = first; k <= last; ++k) {
    seconds64 u = c - z.offsets[k];
    bool after_start = k == 0 || u >= z.starts[k];
    bool before_end = k + 1 >= z.starts.size() || u < z.starts[k + 1];
    if (after_start && before_end) latest = std::max(latest, u);
  }
  if (latest == std::numeric_limits<seconds64>::min()) latest = z.first_reading_at_or_after(c);
  // Never before the date's first opening: a date whose windows all fall in a skipped hour has
  // no business time, and closes where its windows would have been.
  seconds64 first_open = std::numeric_limits<seconds64>::max();
  for (const auto& iv : windows_of(day)) first_open = std::min(first_open, iv.start);
  seconds64 opening = z.first_reading_at_or_after(day * seconds_per_day + first_open);
  return std::max(first_reaching(cumulative(latest)), opening);
}

std::size_t calendar_data::memory_bytes() const noexcept {
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  std::size_t windows = 0;
  for (const auto& w : weekday_windows) windows += bytes(w);
  for (const auto& w : exception_windows) windows += sizeof(w) + bytes(w);
  return sizeof(*this) + civil.memory_bytes() + table.memory_bytes() + bytes(seg_start) + bytes(seg_offset) +
         bytes(seg_g_base) + bytes(seg_g_start) + bytes(exception_day) + bytes(exception_count_delta_cum) + windows;
}

}  // namespace sla::detail

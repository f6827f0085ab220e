// The compiled tables of a business calendar and the arithmetic on them. See
// compiled_calendar.hpp for the two axes and why every operation is a few binary searches.
#include "calendar/compiled_calendar.hpp"

#include <algorithm>
#include <limits>

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
  g_at_min = cumulative(min_instant.time_since_epoch().count());
  g_at_max_next = cumulative(max_instant.time_since_epoch().count() + 1);
}

seconds64 calendar_data::cumulative(seconds64 u) const noexcept {
  auto it = std::upper_bound(seg_start.begin() + 1, seg_start.end(), u);
  std::size_t k = static_cast<std::size_t>(it - seg_start.begin()) - 1;
  return seg_g_base[k] + civil.measure(u + seg_offset[k]);
}

seconds64 calendar_data::first_reaching(seconds64 g) const noexcept {
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
  return sizeof(*this) + civil.memory_bytes() + bytes(seg_start) + bytes(seg_offset) + bytes(seg_g_base) +
         bytes(seg_g_start) + bytes(exception_day) + bytes(exception_count_delta_cum) + windows;
}

}  // namespace sla::detail

// Building the week table (see week_table.hpp): interned week patterns, the weeks' prefix sums,
// and the value index.
#include "calendar/week_table.hpp"

#include <bit>
#include <cassert>
#include <limits>

namespace sla::detail {
namespace {

std::uint64_t hash_of(const std::vector<civil_interval>& intervals) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-style, a 64-bit offset at a time
  for (const auto& iv : intervals)
    for (seconds64 v : {iv.start, iv.end}) {
      h ^= static_cast<std::uint64_t>(v);
      h *= 1099511628211ull;
    }
  return h;
}

seconds64 total_of(const std::vector<civil_interval>& intervals) {
  seconds64 sum = 0;
  for (const auto& iv : intervals) sum += iv.end - iv.start;
  return sum;
}

}  // namespace

std::uint32_t utc_week_table::builder::intern(const std::vector<civil_interval>& intervals) {
  std::uint64_t h = hash_of(intervals);
  auto [first, last] = by_hash_.equal_range(h);
  for (auto it = first; it != last; ++it)
    if (patterns_[it->second] == intervals) return it->second;
  auto id = static_cast<std::uint32_t>(patterns_.size());
  patterns_.push_back(intervals);
  pattern_total_.push_back(total_of(intervals));
  by_hash_.emplace(h, id);
  return id;
}

void utc_week_table::builder::append(std::uint32_t pattern, std::size_t count) {
  if (count == 0) return;
  if (!runs_.empty() && runs_.back().pattern == pattern) runs_.back().weeks += count;
  else runs_.push_back({pattern, count});
  weeks_ += count;
}

utc_week_table utc_week_table::builder::finish(seconds64 g_origin) && {
  assert(weeks_ <= max_span_weeks);
  utc_week_table t;
  t.origin_ = origin_;
  t.span_ = static_cast<std::uint64_t>(weeks_) * seconds_per_week;
  t.g_origin_ = g_origin;
  fill_patterns(t);
  fill_weeks(t);
  if (t.total_ == 0) return utc_week_table{};  // no business time: nothing to look up
  fill_buckets(t);
  return t;
}

// Every pattern padded to one stride, so that a count over pattern_steps_ entries never leaves it.
void utc_week_table::builder::fill_patterns(utc_week_table& t) const {
  std::size_t most = 0;
  for (const auto& p : patterns_) most = std::max(most, p.size());
  t.pattern_steps_ = static_cast<int>(most);
  std::size_t stride = most + 2;
  t.starts_.reserve(patterns_.size() * stride);
  t.befores_.reserve(patterns_.size() * stride);
  for (const auto& p : patterns_) {
    t.starts_.push_back(0);
    t.befores_.push_back(0);
    seconds64 before = 0;
    for (const auto& iv : p) {
      t.starts_.push_back(static_cast<std::int32_t>(iv.start));
      t.befores_.push_back(static_cast<std::int32_t>(before));
      before += iv.end - iv.start;
    }
    t.starts_.insert(t.starts_.end(), stride - 1 - p.size(), std::numeric_limits<std::int32_t>::max());
    t.befores_.insert(t.befores_.end(), stride - 1 - p.size(), static_cast<std::int32_t>(before));
  }
}

// Each week's prefix and pattern offset, run by run.
void utc_week_table::builder::fill_weeks(utc_week_table& t) const {
  auto stride = static_cast<std::uint32_t>(t.pattern_steps_ + 2);
  t.weeks_.reserve(weeks_ + 4);  // room for the usual few sentinels
  t.weeks_.resize(weeks_);
  std::uint64_t total = 0;
  week* out = t.weeks_.data();
  for (const run& r : runs_) {
    auto length = static_cast<std::uint32_t>(pattern_total_[r.pattern]);
    auto before = static_cast<std::uint32_t>(total);
    for (std::size_t i = 0; i < r.weeks; ++i, before += length) out[i] = {before, r.pattern * stride};
    total += r.weeks * length;
    out += r.weeks;
  }
  assert(total <= std::numeric_limits<std::uint32_t>::max());
  t.total_ = total;
}

// The value index: buckets of 2^shift business seconds, one to two weeks of average length each.
// Bucket b holds seconds b * 2^shift + 1 ... (b + 1) * 2^shift; it points at the week holding the
// first. Inside a run of weeks of `length` seconds starting at prefix `base`, second x + 1 lies in
// week q = (x - base) / length of the run; q and the remainder are carried from bucket to bucket,
// so the steps add up to the run's weeks, without a division.
void utc_week_table::builder::fill_buckets(utc_week_table& t) const {
  t.shift_ = std::bit_width(std::max<std::uint64_t>(1, t.total_ / weeks_));
  const std::uint64_t size = std::uint64_t{1} << t.shift_;
  std::size_t buckets = static_cast<std::size_t>(((t.total_ - 1) >> t.shift_) + 1);
  t.bucket_week_.resize(buckets);
  std::size_t b = 0, first_week = 0;
  std::uint64_t base = 0;
  for (const run& r : runs_) {
    auto length = static_cast<std::uint64_t>(pattern_total_[r.pattern]);
    std::uint64_t end = base + r.weeks * length, x = static_cast<std::uint64_t>(b) << t.shift_;
    if (x < end) {
      std::uint64_t q = 0, rest = x - base;  // x - base < size: x is the first bucket start past base
      for (; rest >= length; rest -= length) ++q;
      for (; x < end; ++b, x += size) {
        t.bucket_week_[b] = static_cast<std::uint32_t>(first_week + q);
        rest += size;
        // A bucket is under two average weeks: two branch-free steps, a loop only for short weeks.
        for (int step = 0; step < 2; ++step) {
          bool past = rest >= length;
          rest -= past ? length : 0;
          q += past;
        }
        for (; rest >= length; rest -= length) ++q;
      }
    }
    base = end;
    first_week += r.weeks;
  }
  // The weeks a bucket's seconds can run past its first: at most up to the next bucket's week.
  std::size_t most = weeks_ - 1 - t.bucket_week_.back();
  for (std::size_t i = 0; i + 1 < buckets; ++i)
    most = std::max<std::size_t>(most, t.bucket_week_[i + 1] - t.bucket_week_[i]);
  t.week_steps_ = static_cast<int>(most);
  t.weeks_.reserve(weeks_ + most + 1);
  t.weeks_.insert(t.weeks_.end(), most + 1, week{static_cast<std::uint32_t>(t.total_), 0});
}

std::size_t utc_week_table::memory_bytes() const noexcept {
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return bytes(weeks_) + bytes(starts_) + bytes(befores_) + bytes(bucket_week_);
}

}  // namespace sla::detail

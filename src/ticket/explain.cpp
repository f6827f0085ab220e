// explain(): the stretches of a ticket's life and whether each counted towards one target, read
// from the same clock timeline that evaluation counts, so the two cannot disagree.
#include "ticket/replay.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace sla::detail {
namespace {

using std::chrono::seconds;

class segments {
 public:
  void add(instant a, instant b, bool counted, std::string reason) {
    if (b <= a) return;
    if (!out_.empty() && out_.back().end == a && out_.back().counted == counted && out_.back().reason == reason)
      out_.back().end = b;
    else
      out_.push_back({a, b, counted, std::move(reason)});
  }
  std::vector<explained_segment> take() { return std::move(out_); }

 private:
  std::vector<explained_segment> out_;
};

// A ticking stretch split by the calendar: business time counts; the rest is outside hours,
// or a named holiday until that local date ends.
void split_by_calendar(const business_calendar& cal, instant from, instant to, segments& out) {
  for (instant u = from; u < to;) {
    if (cal.is_open(u)) {
      instant v = std::min(cal.next_close(u).value_or(to), to);
      out.add(u, v, true, "business time");
      u = v;
      continue;
    }
    instant v = std::min(cal.next_open(u).value_or(to), to);
    auto local_day = std::chrono::floor<std::chrono::days>(cal.zone().to_local(u));
    std::chrono::year_month_day date{std::chrono::sys_days{local_day.time_since_epoch()}};
    std::string reason = "outside hours";
    for (const auto& h : cal.spec().holidays)
      if (h.date == date) reason = h.name.empty() ? "holiday" : "holiday: " + h.name;
    if (reason != "outside hours") {
      instant day_end = cal.zone().from_local_earliest(local_day + std::chrono::days{1});
      v = std::min(v, std::max(day_end, u + seconds{1}));
    }
    out.add(u, v, false, reason);
    u = v;
  }
}

}  // namespace

std::vector<explained_segment> ticket_replay::explain(std::string_view target, instant now) const {
  auto named = std::find(data_->target_names.begin(), data_->target_names.end(), target);
  std::size_t index = static_cast<std::size_t>(named - data_->target_names.begin());
  if (named == data_->target_names.end() || std::find(cell_order_.begin(), cell_order_.end(), index) == cell_order_.end())
    throw error(error_code::invalid_argument, fmt::format("ticket {}: no target \"{}\" at {}", id_, target, format_instant(now)));
  const target_clock& c = clocks_[index];
  segments out;
  if (c.timeline.empty() && c.is_clock()) {  // never started (perhaps cancelled before it did)
    if (c.phase == clock_phase::cancelled && c.cancelled_at) {
      out.add(created_, *c.cancelled_at, false, "not started");
      out.add(*c.cancelled_at, now, false, "cancelled");
    } else {
      out.add(created_, now, false, "not started");
    }
    return out.take();
  }
  if (!c.is_clock() || !c.target) {
    out.add(created_, now, false, "no target (none)");
    return out.take();
  }
  // Before the current series: the clock had not started yet, then earlier cycles ran.
  instant first_start = c.records.empty() ? c.timeline.front().at : c.records.front().start;
  out.add(created_, first_start, false, "not started");
  out.add(first_start, c.timeline.front().at, false, "before this cycle");
  for (std::size_t i = 0; i < c.timeline.size(); ++i) {
    const clock_transition& t = c.timeline[i];
    instant to = i + 1 < c.timeline.size() ? c.timeline[i + 1].at : now;
    switch (t.state) {
      case clock_state::ticking: split_by_calendar(*c.calendar, t.at, to, out); break;
      case clock_state::paused: out.add(t.at, to, false, "paused by status " + data_->statuses[t.status]); break;
      case clock_state::met: out.add(t.at, to, false, "after the stop (met)"); break;
      case clock_state::cancelled: out.add(t.at, to, false, "cancelled"); break;
    }
  }
  return out.take();
}

}  // namespace sla::detail

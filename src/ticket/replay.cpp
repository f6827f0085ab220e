// The ticket replay: events applied to the clocks of every target name, and the readings that
// evaluation takes from them. Each finished interval of a clock's timeline is counted once, with
// one elapsed() (and at most one add() for a breach), so the cost is proportional to the number
// of events, never to the durations.
#include "ticket/replay.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace sla::detail {
namespace {

using std::chrono::seconds;

// Counts the interval [from, to) that a clock spends in `state`, having accrued `r.accrued` at
// `from`. The breach is the earliest instant at which the accrued time has reached the target
// while the clock is not met: at `from` itself when it starts there already over (after a
// resumption with no time left, or a pause or cancellation on the deadline), or strictly inside
// a ticking interval. A crossing exactly at `to` is found at the start of the next interval,
// whose state (met, or not) decides it.
void count(const business_calendar& cal, std::optional<seconds> target, instant from, instant to, clock_state state,
           clock_reading& r) {
  if (!target) return;
  if (!r.breach && state != clock_state::met && r.accrued >= *target) r.breach = from;
  if (state != clock_state::ticking || to <= from) return;
  seconds e = cal.elapsed(from, to);
  if (!r.breach && r.accrued < *target && r.accrued + e >= *target) {
    auto crossing = cal.add(from, *target - r.accrued);
    if (crossing && *crossing < to) r.breach = crossing;
  }
  r.accrued += e;
}

}  // namespace

ticket_replay::ticket_replay(const policy& p, std::string id)
    : data_(&policy_access::data(p)),
      tenant_(policy_access::tenant(p)),
      model_(&data_->clocks),
      id_(std::move(id)) {}

void ticket_replay::compile_calendars() {
  calendars_.clear();
  const bool bound = tenant_ && tenant_->zone == zone_ && tenant_->country == country_;
  for (std::size_t i = 0; i < data_->calendars.size(); ++i)
    calendars_.push_back(bound ? &tenant_->calendars[i] : &data_->calendar_for(i, zone_, country_));
}

// ---- Definitions, series and cycles ----------------------------------------------------------

void ticket_replay::define(target_clock& c, const cell_target& t, std::int32_t calendar, bool recount_completed) {
  c.in_cell = true;
  c.definition = t.definition;
  c.amount = t.definition ? t.definition->amount : target_amount{};
  c.calendar_index = t.definition ? calendar : -1;
  c.calendar = c.calendar_index >= 0 ? calendars_[static_cast<std::size_t>(c.calendar_index)] : nullptr;
  if (recount_completed)
    for (auto& r : c.records) {
      r.definition = c.definition;
      r.calendar = c.calendar;
      r.amount = c.amount;
    }
  measure(c);
}

// The amount as business time from the series' start — a business-days amount is the business
// time it spans from there — and the reading recounted on the clock's calendar.
void ticket_replay::measure(target_clock& c) {
  c.counted = 0;
  c.finished = {};
  c.target.reset();
  if (!c.calendar || c.timeline.empty()) return;
  instant start = c.timeline.front().at;
  std::optional<instant> end;
  switch (c.amount.kind) {
    case amount_kind::none: return;
    case amount_kind::business_time: c.target = c.amount.time; break;
    case amount_kind::business_days: end = c.calendar->add_business_days(start, c.amount.days); break;
    case amount_kind::next_business_day: end = c.calendar->next_business_day_close(start); break;
  }
  if (end) c.target = c.calendar->elapsed(start, *end);
  advance_reading(c);
}

// A new cycle and a new series from `at`: nothing accrued, the amount measured from here.
void ticket_replay::begin_series(target_clock& c, std::size_t target, instant at) {
  c.phase = clock_phase::running;
  c.met_at.reset();
  if (!c.timeline.empty()) {
    // The series ends: the cycles read from it keep it.
    bool kept = false;
    for (auto& r : c.records)
      if (r.series == cycle_record::current_series) {
        r.series = c.past_series.size();
        kept = true;
      }
    if (kept) c.past_series.push_back(std::move(c.timeline));
  }
  c.timeline.clear();
  clock_state state = desired_state(c, target);
  c.timeline.push_back({at, state, state == clock_state::paused ? *status_ : std::uint16_t{0}});
  c.cycle_start = at;
  ++c.cycles;
  measure(c);
}

// Records the current cycle as completed at `at` (breached, if it was, whatever `outcome` says:
// the reading is taken when it is reported).
void ticket_replay::end_cycle(target_clock& c, instant at, target_state outcome) {
  if (c.timeline.empty()) return;
  c.records.push_back({c.cycle_start, at, c.met_at, outcome, cycle_record::current_series, c.definition, c.calendar, c.amount});
}

// A completed cycle as reported: its series read up to its end on the definition it counts with.
completed_cycle ticket_replay::report(const target_clock& c, const cycle_record& r) const {
  completed_cycle out{r.start, r.end, r.outcome, r.met_at, std::nullopt, std::chrono::seconds{0}};
  const clock_series& series = r.series == cycle_record::current_series ? c.timeline : c.past_series[r.series];
  if (!r.calendar || series.empty() || r.amount.kind == amount_kind::none) return out;
  instant start = series.front().at;
  std::optional<seconds> target;
  std::optional<instant> landing;
  switch (r.amount.kind) {
    case amount_kind::none: break;
    case amount_kind::business_time: target = r.amount.time; break;
    case amount_kind::business_days: landing = r.calendar->add_business_days(start, r.amount.days); break;
    case amount_kind::next_business_day: landing = r.calendar->next_business_day_close(start); break;
  }
  if (landing) target = r.calendar->elapsed(start, *landing);
  if (!target) return out;
  clock_reading reading;
  for (std::size_t i = 0; i < series.size() && series[i].at < r.end; ++i) {
    instant to = i + 1 < series.size() ? std::min(series[i + 1].at, r.end) : r.end;
    count(*r.calendar, target, series[i].at, to, series[i].state, reading);
  }
  // At its end the cycle was met (on time if it had just reached its amount), or it was ended
  // otherwise — by a dimension change with restart — which is no meet.
  if (!reading.breach && r.outcome != target_state::met && reading.accrued >= *target) reading.breach = r.end;
  out.accrued = reading.accrued;
  out.breached_at = reading.breach;
  if (reading.breach) out.outcome = target_state::breached;
  return out;
}

clock_state ticket_replay::desired_state(const target_clock& c, std::size_t target) const {
  switch (c.phase) {
    case clock_phase::met: return clock_state::met;
    case clock_phase::cancelled: return clock_state::cancelled;
    case clock_phase::not_started:
    case clock_phase::running: break;
  }
  return status_ && model_->pauses(*status_, target) ? clock_state::paused : clock_state::ticking;
}

// Records that the clock is in `state` from `at` on. Events at the same instant collapse into
// one transition carrying the state after the last of them.
void ticket_replay::push(target_clock& c, instant at, clock_state state, std::uint16_t status) {
  if (c.timeline.empty()) return;  // not started
  clock_transition& last = c.timeline.back();
  if (last.state == state && (state != clock_state::paused || last.status == status)) return;
  if (last.at == at) {
    // Not counted yet: the last interval is only counted once a later transition exists.
    last.state = state;
    last.status = status;
    return;
  }
  c.timeline.push_back({at, state, status});
  advance_reading(c);
}

// Counts the intervals that no later event can change: all but the last.
void ticket_replay::advance_reading(target_clock& c) const {
  if (!c.is_clock() || !c.target) return;
  while (c.counted + 1 < c.timeline.size()) {
    const clock_transition& t = c.timeline[c.counted];
    count(*c.calendar, c.target, t.at, c.timeline[c.counted + 1].at, t.state, c.finished);
    ++c.counted;
  }
}

clock_reading ticket_replay::read(const target_clock& c, instant now) const {
  clock_reading r = c.finished;
  if (!c.is_clock() || !c.target || c.timeline.empty()) return r;
  for (std::size_t i = c.counted; i < c.timeline.size(); ++i) {
    const clock_transition& t = c.timeline[i];
    instant to = i + 1 < c.timeline.size() ? c.timeline[i + 1].at : now;
    count(*c.calendar, c.target, t.at, to, t.state, r);
  }
  // At `now` itself: over the target and not met is breached, at the crossing (= now).
  if (!r.breach && c.timeline.back().state != clock_state::met && r.accrued >= *c.target) r.breach = now;
  return r;
}

void ticket_replay::sync_states(instant at) {
  for (std::size_t i = 0; i < clocks_.size(); ++i) {
    target_clock& c = clocks_[i];
    clock_state s = desired_state(c, i);
    push(c, at, s, s == clock_state::paused ? *status_ : std::uint16_t{0});
  }
}

// ---- Effects of events -----------------------------------------------------------------------

void ticket_replay::meet(target_clock& c, instant at) {
  if (c.phase != clock_phase::running) return;  // the first met_at stands; cancellation is final
  c.phase = clock_phase::met;
  c.met_at = at;
  push(c, at, clock_state::met, 0);
}

// What one event (or entering one status) does to one clock: cancel, meet, restart, start.
void ticket_replay::act(std::size_t target, std::uint8_t effects, instant at) {
  if (effects == 0) return;
  target_clock& c = clocks_[target];
  if ((effects & effect_cancel) && (c.phase == clock_phase::running || c.phase == clock_phase::not_started)) {
    c.phase = clock_phase::cancelled;
    c.cancelled_at = at;
    return;
  }
  if (effects & effect_meet) meet(c, at);
  if ((effects & effect_restart) && c.phase == clock_phase::running) {
    // The cycle in progress ends here (met, unless it was breached) and the next one begins.
    meet(c, at);
    end_cycle(c, at, target_state::met);
    begin_series(c, target, at);
  }
  if (effects & effect_start) {
    if (c.phase == clock_phase::not_started) {
      begin_series(c, target, at);
    } else if (c.phase == clock_phase::met && model_->clocks[target].repeat) {
      end_cycle(c, *c.met_at, target_state::met);
      begin_series(c, target, at);
    }
  }
}

void ticket_replay::reopen(instant at) {
  for (std::size_t i = 0; i < clocks_.size(); ++i) {
    target_clock& c = clocks_[i];
    if (c.phase != clock_phase::met) continue;
    switch (model_->clocks[i].reopen) {
      case reopen_action::none: break;
      case reopen_action::resume:
        // The same series runs on with its time, from the same start: a new cycle, not a new count.
        end_cycle(c, *c.met_at, target_state::met);
        c.phase = clock_phase::running;
        c.met_at.reset();
        ++c.cycles;
        break;
      case reopen_action::restart:
        end_cycle(c, *c.met_at, target_state::met);
        begin_series(c, i, at);
        break;
    }
  }
}

void ticket_replay::choose_cell(instant at, bool restart) {
  // The table's entry when the policy keeps one (no copy), else worked out into cell_scratch_.
  const cell_table& table = data_->cells;
  const std::vector<cell_target>* cell_ptr = &cell_scratch_;
  const std::vector<std::int32_t>* calendars_ptr = &calendar_scratch_;
  if (!table.cells.empty()) {
    const std::size_t index = table.cell_index(type_, severity_, plan_);
    cell_ptr = &table.cells[index];
    calendars_ptr = &table.calendars_of(index, region_);
  } else {
    cell_of(*data_, type_, severity_, plan_, region_, cell_scratch_, calendar_scratch_);
  }
  const std::vector<cell_target>& cell = *cell_ptr;
  const std::vector<std::int32_t>& calendars = *calendars_ptr;
  boost::container::small_vector<std::uint8_t, 16> in_new(clocks_.size(), 0);
  cell_order_.clear();
  for (std::size_t k = 0; k < cell.size(); ++k) {
    const cell_target& t = cell[k];
    in_new[t.target] = 1;
    cell_order_.push_back(t.target);
    target_clock& c = clocks_[t.target];
    if (restart && c.phase != clock_phase::not_started) {
      // Restart: a running clock begins a new cycle here with the new amount; a stopped one
      // keeps its outcome and its amount (none if it had none).
      if (c.phase != clock_phase::running) {
        if (!c.in_cell) define(c, {t.target, nullptr}, -1, false);
        continue;
      }
      if (c.in_cell) end_cycle(c, at, target_state::cancelled);
      c.cycles -= c.in_cell ? 0 : 1;  // a target new to the ticket begins its first cycle here
      begin_series(c, t.target, at);
      define(c, t, calendars[k], false);  // the ended cycles keep the amount they were counted with
      continue;
    }
    // Keep: the same timelines recounted from their starts on the new calendar, with the new
    // amount — the completed cycles included.
    define(c, t, calendars[k], true);
  }
  for (std::size_t i = 0; i < clocks_.size(); ++i)
    if (!in_new[i]) clocks_[i].in_cell = false;
}

void ticket_replay::apply(const ticket_event& e) {
  // A ticket's events were checked field by field when appended; the names are looked up here.
  apply(resolve_names(*data_, e, id_), e.timezone, e.country);
}

void ticket_replay::apply(const resolved_event& e, std::string_view zone, std::string_view country) {
  auto fail = [&](std::string message) {
    throw error(error_code::invalid_argument, event_error_message(id_, e.kind, e.at, message));
  };
  if (!started_ && e.kind != event_kind::created) fail("the first event must be created");
  if (started_ && e.kind == event_kind::created) fail("a second created event");
  if (started_ && e.at < last_) fail("events must come in time order");
  const cell_table& table = data_->cells;
  auto check = [&](std::size_t index, std::size_t count, const char* what) {
    if (index >= count) fail(fmt::format("{} index {} is out of range: this policy has {}", what, index, count));
  };
  auto set_region = [&](std::uint16_t region) {
    region_ = region;
    // A ticket without a country of its own takes its region's holidays.
    country_ = data_->country_for(own_country_, data_->region_name(region_));
  };

  if (e.kind == event_kind::created) {
    check(e.type, table.type_count, "type");
    check(e.severity, table.severity_count, "severity");
    check(e.plan, table.plan_count, "plan");
    check(e.region, table.region_count, "region");
    last_ = e.at;
    started_ = true;
    created_ = e.at;
    type_ = e.type;
    severity_ = e.severity;
    plan_ = e.plan;
    zone_ = std::string(zone);
    own_country_ = std::string(country);
    set_region(e.region);
    compile_calendars();
    clocks_.assign(model_->target_count, target_clock{});
    for (std::size_t t = 0; t < clocks_.size(); ++t)
      if (model_->clocks[t].starts_at_creation) begin_series(clocks_[t], t, e.at);
    choose_cell(e.at, false);
    return;
  }

  switch (e.kind) {
    case event_kind::created: break;  // handled above
    case event_kind::status: {
      check(e.name, model_->status_count, "status");
      const std::uint16_t s = e.name;
      last_ = e.at;
      std::optional<std::uint16_t> previous = status_;
      status_ = s;
      // Leaving a meeting status for one that meets nothing reopens; then the new status
      // cancels, meets, restarts and starts what its clock definitions say.
      if (previous && *previous != s && model_->status_meets_any[*previous] && !model_->status_meets_any[s]) reopen(e.at);
      for (std::size_t t = 0; t < clocks_.size(); ++t)
        act(t, model_->clocks[t].on_status[s] & static_cast<std::uint8_t>(~effect_pause), e.at);
      break;
    }
    case event_kind::severity:
    case event_kind::type:
    case event_kind::plan:
    case event_kind::region: {
      if (e.kind == event_kind::type) check(e.type, table.type_count, "type");
      if (e.kind == event_kind::severity) check(e.severity, data_->severities.size(), "severity");
      if (e.kind == event_kind::plan) check(e.plan, data_->plans.size(), "plan");
      if (e.kind == event_kind::region) check(e.region, data_->region_names.size(), "region");
      last_ = e.at;
      if (e.kind == event_kind::type) type_ = e.type;
      if (e.kind == event_kind::severity) severity_ = e.severity;
      if (e.kind == event_kind::plan) plan_ = e.plan;
      if (e.kind == event_kind::region) {
        std::string before = country_;
        set_region(e.region);
        if (country_ != before) compile_calendars();
      }
      choose_cell(e.at, model_->restart_on_dimension_change);
      break;
    }
    default: {
      std::size_t id = static_cast<std::size_t>(e.kind);
      if (e.kind == event_kind::custom) {
        check(e.name, model_->event_count - event_kind_count, "event");
        id = event_kind_count + e.name;
      }
      last_ = e.at;
      if (e.kind == event_kind::reopened) reopen(e.at);
      for (std::size_t t = 0; t < clocks_.size(); ++t) act(t, model_->clocks[t].on_event[id], e.at);
      break;
    }
  }
  sync_states(e.at);
}

// ---- Readings --------------------------------------------------------------------------------

ticket_evaluation ticket_replay::result(instant now) const {
  ticket_evaluation out{data_->type_name(type_), data_->severity_name(severity_), data_->plan_name(plan_),
                        data_->region_name(region_), {}, std::nullopt, country_};
  auto consider = [&](std::optional<instant> t) {
    if (t && *t > now && (!out.next_change || *t < *out.next_change)) out.next_change = t;
  };
  out.targets.reserve(cell_order_.size());
  for (std::size_t index : cell_order_) {
    const target_clock& c = clocks_[index];
    target_status s;
    s.name = data_->target_names[index];
    s.amount = c.amount;
    s.cycles = c.cycles;
    for (const auto& r : c.records) s.completed.push_back(report(c, r));
    if (c.definition) s.rule = c.definition->rule;
    if (c.calendar) s.calendar = data_->calendars[static_cast<std::size_t>(c.calendar_index)].name;
    if (!c.is_clock()) {
      s.state = target_state::not_applicable;
      s.cycles = 1;
      s.completed.clear();
      out.targets.push_back(std::move(s));
      continue;
    }
    if (c.timeline.empty()) {
      // Not started (or cancelled before it started): no deadline, nothing accrued.
      s.state = c.phase == clock_phase::cancelled ? target_state::cancelled : target_state::not_started;
      if (c.amount.kind == amount_kind::business_time) s.target = s.remaining = c.amount.time;
      out.targets.push_back(std::move(s));
      continue;
    }
    clock_reading r = read(c, now);
    const clock_transition& last = c.timeline.back();
    s.accrued = r.accrued;
    s.met_at = c.phase == clock_phase::met ? c.met_at : std::nullopt;
    s.breached_at = r.breach;
    if (r.breach) s.state = target_state::breached;
    else if (c.phase == clock_phase::cancelled) s.state = target_state::cancelled;
    else if (c.phase == clock_phase::met) s.state = target_state::met;
    else if (last.state == clock_state::paused) s.state = target_state::paused;
    else s.state = target_state::running;

    if (c.target) {
      const long long target = c.target->count(), accrued = r.accrued.count();
      s.target = *c.target;
      s.remaining = *c.target - r.accrued;
      s.percent = target > 0 ? 100.0 * static_cast<double>(accrued) / static_cast<double>(target) : 0.0;
      if (r.breach) s.deadline = r.breach;
      else if (c.phase == clock_phase::met) s.deadline = c.calendar->add(*c.met_at, s.remaining);
      else if (c.phase == clock_phase::running) s.deadline = c.calendar->add(now, s.remaining);
      for (const auto& w : model_->warnings)
        if (w.applies[index] && accrued >= w.needed(target)) s.warnings.push_back(w.name);
      std::size_t escalation_after = 0;  // one past the reported level, in policy order
      for (std::size_t k = 0; k < model_->escalations.size(); ++k) {
        const auto& level = model_->escalations[k];
        if (level.applies[index] && accrued >= level.needed(target)) {
          s.escalation = level.name;
          escalation_after = k + 1;
        }
      }
      if (last.state == clock_state::ticking) {
        if (!r.breach) consider(s.deadline);
        auto when = [&](const compiled_threshold& th) {
          long long needed = th.needed(target);
          if (th.applies[index] && needed > accrued) consider(c.calendar->add(now, seconds{needed - accrued}));
        };
        for (const auto& w : model_->warnings) when(w);
        // A level changes the reported escalation only when it comes after the one reported now.
        for (std::size_t k = escalation_after; k < model_->escalations.size(); ++k) when(model_->escalations[k]);
      }
    }
    out.targets.push_back(std::move(s));
  }
  return out;
}

bool ticket_replay::done() const {
  bool any_clock = false;
  for (std::size_t index : cell_order_) {
    const target_clock& c = clocks_[index];
    if (!c.is_clock()) continue;
    any_clock = true;
    if (c.phase == clock_phase::running || c.phase == clock_phase::not_started) return false;
  }
  if (any_clock) return true;
  return status_ && (model_->status_meets_any[*status_] || model_->status_cancels_any[*status_]);
}

}  // namespace sla::detail

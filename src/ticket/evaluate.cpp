// evaluate(): replays a ticket's events in time order, advancing one clock per target between
// events. Each advance is one elapsed() (and at most one add() for a breach) on the target's
// calendar, so the cost is proportional to the number of events, never to the durations.
#include <sla/ticket.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace sla {
namespace {

using std::chrono::seconds;

bool contains(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }
bool applies(const std::vector<std::string>& targets, std::string_view name) {
  return targets.empty() || contains(targets, "*") || contains(targets, name);
}

struct clock {
  target_definition definition;
  business_calendar calendar;
  std::optional<seconds> target;  // business time; none: no amount, or never reached
  seconds accrued{0};
  std::optional<instant> met_at, breached_at;
  std::string met_by;  // "event:responded", "status:closed", …
  bool cancelled = false;
  int cycles = 1;
  // (instant, accrued then) at the start of each running stretch: where the clock crossed a
  // target that a severity change sets afterwards.
  std::vector<std::pair<instant, seconds>> stretches;

  // The instant at which the accrued time first reached `amount`, from the stretches.
  std::optional<instant> reached(seconds amount) const {
    for (std::size_t i = 0; i < stretches.size(); ++i) {
      seconds end = i + 1 < stretches.size() ? stretches[i + 1].second : accrued;
      if (end >= amount) return calendar.add(stretches[i].first, amount - stretches[i].second);
    }
    return std::nullopt;
  }
};

}  // namespace

namespace detail {

// The clocks of one ticket after the events applied so far.
struct ticket_replay {
  ticket_replay(policy p, std::string id) : p_(std::move(p)), id_(std::move(id)) {}

  // Applies the next event; events come in time order, the first is `created`.
  void apply(const ticket_event& e);
  // The evaluation at `now` (not before the last applied event), leaving this state unchanged.
  ticket_evaluation result(instant now) const;
  ticket_evaluation result_in_place(instant now);

  bool paused(const std::string& name) const {
    auto it = p_.clock().pauses.find(status_);
    return it != p_.clock().pauses.end() && applies(it->second, name);
  }
  bool running(const clock& c) const { return !c.met_at && !c.cancelled && !paused(c.definition.name); }
  void advance(instant to);
  void start_clock(const target_definition& d, instant start, seconds accrued);
  void choose_targets(instant at, bool restart);
  void stop(const std::vector<std::string>& targets, instant at, const std::string& by);
  void resume(instant at, bool (*which)(const clock&));
  std::optional<seconds> business_target(const target_definition& d, const business_calendar& cal, instant start) const;

  policy p_;
  std::string id_;
  bool started_ = false;
  std::string type_, severity_, plan_, zone_, status_;
  instant created_{}, last_{};
  std::map<std::string, clock> clocks_;
  std::vector<std::string> order_;  // target names in the order the policy gives them
  std::vector<std::pair<instant, std::string>> status_log_;  // (since, status), for targets that appear later
};

std::optional<seconds> ticket_replay::business_target(const target_definition& d, const business_calendar& cal,
                                               instant start) const {
  // Business-days targets become, at the clock's start, the business time they span.
  std::optional<instant> end;
  switch (d.amount.kind) {
    case amount_kind::none: return std::nullopt;
    case amount_kind::business_time: return d.amount.time;
    case amount_kind::business_days: end = cal.add_business_days(start, d.amount.days); break;
    case amount_kind::next_business_day: end = cal.next_business_day_close(start); break;
  }
  if (!end) return std::nullopt;
  return cal.elapsed(start, *end);
}

void ticket_replay::advance(instant to) {
  if (to <= last_) return;
  for (auto& [name, c] : clocks_) {
    if (!running(c)) continue;
    seconds before = c.accrued;
    c.stretches.emplace_back(last_, before);
    c.accrued += c.calendar.elapsed(last_, to);
    if (c.target && !c.breached_at && before < *c.target && c.accrued >= *c.target)
      c.breached_at = c.calendar.add(last_, *c.target - before);
  }
  last_ = to;
}

void ticket_replay::start_clock(const target_definition& d, instant start, seconds accrued) {
  business_calendar cal = p_.calendar(d.calendar.empty() ? p_.calendars().front().name : d.calendar, zone_);
  clocks_.insert_or_assign(d.name, clock{d, cal, business_target(d, cal, start), accrued, {}, {}, {}, false, 1, {}});
}

void ticket_replay::choose_targets(instant at, bool restart) {
  std::vector<target_definition> defs = p_.targets_for(type_, severity_, plan_);
  std::map<std::string, clock> kept;
  order_.clear();
  for (const auto& d : defs) {
    order_.push_back(d.name);
    auto it = clocks_.find(d.name);
    if (it != clocks_.end() && !restart) {
      // Same target, new amount: keep the accrued time and the original start.
      clock c = std::move(it->second);
      c.definition = d;
      c.calendar = p_.calendar(d.calendar.empty() ? p_.calendars().front().name : d.calendar, zone_);
      c.target = business_target(d, c.calendar, created_);
      // Already over the new target: breached when the accrued time crossed it.
      c.breached_at.reset();
      if (c.target && c.accrued >= *c.target) c.breached_at = c.reached(*c.target).value_or(at);
      kept.insert_or_assign(d.name, std::move(c));
    } else if (it != clocks_.end()) {
      kept.insert_or_assign(d.name, clock{d, it->second.calendar, {}, seconds{0}, {}, {}, {}, false, 1, {}});
      auto& c = kept.at(d.name);
      c.calendar = p_.calendar(d.calendar.empty() ? p_.calendars().front().name : d.calendar, zone_);
      c.target = business_target(d, c.calendar, at);
      c.met_at = it->second.met_at;
      c.met_by = it->second.met_by;
      c.cancelled = it->second.cancelled;
    } else {
      // A target the old severity did not have: it accrues from the original start (keep) or
      // from now (restart), through the same pauses.
      business_calendar cal = p_.calendar(d.calendar.empty() ? p_.calendars().front().name : d.calendar, zone_);
      seconds accrued{0};
      if (!restart) {
        for (std::size_t i = 0; i < status_log_.size(); ++i) {
          instant from = status_log_[i].first, to = i + 1 < status_log_.size() ? status_log_[i + 1].first : at;
          auto pause = p_.clock().pauses.find(status_log_[i].second);
          if (pause != p_.clock().pauses.end() && applies(pause->second, d.name)) continue;
          accrued += cal.elapsed(from, to);
        }
      }
      clock c{d, cal, business_target(d, cal, restart ? at : created_), accrued, {}, {}, {}, false, 1, {}};
      if (c.target && accrued >= *c.target) c.breached_at = at;  // stretches unknown: breached at the change
      kept.insert_or_assign(d.name, std::move(c));
    }
  }
  clocks_ = std::move(kept);
}

void ticket_replay::stop(const std::vector<std::string>& targets, instant at, const std::string& by) {
  for (auto& [name, c] : clocks_)
    if (applies(targets, name) && !c.met_at && !c.cancelled) {
      c.met_at = at;
      c.met_by = by;
    }
}

void ticket_replay::resume(instant /*at*/, bool (*which)(const clock&)) {
  for (auto& [name, c] : clocks_)
    if (c.met_at && which(c)) {
      c.met_at.reset();
      c.met_by.clear();
      ++c.cycles;
    }
}

void ticket_replay::apply(const ticket_event& e) {
  if (!started_ && e.kind != event_kind::created)
    throw error(error_code::invalid_argument, fmt::format("ticket {}: the first event must be created", id_));
  started_ = true;
  const clock_rules& rules = p_.clock();
  {
    advance(e.at);
    switch (e.kind) {
      case event_kind::created:
        type_ = e.type;
        severity_ = e.severity;
        plan_ = e.plan;
        zone_ = e.timezone;
        created_ = last_ = e.at;
        status_log_.emplace_back(e.at, "");
        for (const auto& d : p_.targets_for(type_, severity_, plan_)) {
          order_.push_back(d.name);
          start_clock(d, e.at, seconds{0});
        }
        break;
      case event_kind::status: {
        std::string previous = status_;
        status_ = e.status;
        status_log_.emplace_back(e.at, status_);
        // Leaving a stop status reopens what it stopped.
        if (!previous.empty() && previous != status_) {
          std::string by = "status:" + previous;
          for (auto& [name, c] : clocks_) {
            if (c.met_at && c.met_by == by) {
              c.met_at.reset();
              c.met_by.clear();
              ++c.cycles;
            }
            if (c.cancelled && contains(rules.cancel_statuses, previous) && !contains(rules.cancel_statuses, status_)) {
              c.cancelled = false;
              ++c.cycles;
            }
          }
        }
        if (contains(rules.cancel_statuses, status_))
          for (auto& [name, c] : clocks_)
            if (!c.met_at) c.cancelled = true;
        if (auto it = rules.met_by_status.find(status_); it != rules.met_by_status.end())
          stop(it->second, e.at, "status:" + status_);
        break;
      }
      case event_kind::responded:
      case event_kind::resolved:
      case event_kind::closed:
        if (auto it = rules.met_by_event.find(std::string(to_string(e.kind))); it != rules.met_by_event.end())
          stop(it->second, e.at, "event:" + std::string(to_string(e.kind)));
        break;
      case event_kind::updated:
        for (auto& [name, c] : clocks_)
          if (contains(rules.periodic_targets, name) && !c.cancelled) {
            c.accrued = seconds{0};
            c.breached_at.reset();
            c.met_at.reset();
            c.stretches.clear();
            c.target = business_target(c.definition, c.calendar, e.at);
            ++c.cycles;
          }
        if (auto it = rules.met_by_event.find("updated"); it != rules.met_by_event.end())
          stop(it->second, e.at, "event:updated");
        break;
      case event_kind::reopened:
        // Resumes everything stopped by a resolution-type stop (all but a first response).
        resume(e.at, [](const clock& c) { return c.met_by != "event:responded"; });
        break;
      case event_kind::severity:
        severity_ = e.severity;
        choose_targets(e.at, rules.restart_on_severity_change);
        break;
      case event_kind::cancelled:
        for (auto& [name, c] : clocks_)
          if (!c.met_at) c.cancelled = true;
        break;
    }
  }
}

ticket_evaluation ticket_replay::result(instant now) const {
  ticket_replay copy = *this;
  return copy.result_in_place(now);
}

ticket_evaluation ticket_replay::result_in_place(instant now) {
  advance(now);
  ticket_evaluation out{type_, severity_, plan_, {}, std::nullopt};
  auto consider = [&](std::optional<instant> t) {
    if (t && *t > now && (!out.next_change || *t < *out.next_change)) out.next_change = t;
  };
  for (const auto& name : order_) {
    const clock& c = clocks_.at(name);
    target_status s;
    s.name = name;
    s.calendar = c.definition.calendar;
    s.amount = c.definition.amount;
    s.accrued = c.accrued;
    s.met_at = c.met_at;
    s.breached_at = c.breached_at;
    s.cycles = c.cycles;
    bool is_running = running(c);
    if (c.cancelled) s.state = target_state::cancelled;
    else if (c.breached_at) s.state = target_state::breached;
    else if (c.met_at) s.state = target_state::met;
    else if (!is_running) s.state = target_state::paused;
    else s.state = target_state::running;

    if (c.target) {
      s.target = *c.target;
      s.remaining = *c.target - c.accrued;
      s.percent = c.target->count() > 0 ? 100.0 * static_cast<double>(c.accrued.count()) / static_cast<double>(c.target->count()) : 100.0;
      // A cancelled target has no deadline (its breach instant, if any, stays in breached_at).
      if (c.cancelled) s.deadline.reset();
      else if (c.breached_at) s.deadline = c.breached_at;
      else s.deadline = c.calendar.add(c.met_at ? *c.met_at : now, s.remaining);
      // Thresholds: a percentage of the target, or a time before the deadline.
      auto crossed = [&](const threshold& th) {
        if (th.percent) return static_cast<double>(c.accrued.count()) * 100.0 >= *th.percent * static_cast<double>(c.target->count());
        if (th.before_deadline && s.deadline) return (c.met_at ? *c.met_at : now) >= *s.deadline - *th.before_deadline;
        return false;
      };
      for (const auto& w : p_.warnings())
        if (applies(w.targets, name) && crossed(w)) s.warnings.push_back(w.name);
      for (const auto& level : p_.escalations())
        if (applies(level.targets, name) && crossed(level)) s.escalation = level.name;

      if (is_running && !c.cancelled) {
        if (!c.breached_at) consider(s.deadline);
        auto when_crossing = [&](const threshold& th) -> std::optional<instant> {
          if (!applies(th.targets, name) || crossed(th)) return std::nullopt;
          if (th.percent) {
            auto needed = seconds{static_cast<long long>(std::ceil(*th.percent * static_cast<double>(c.target->count()) / 100.0))};
            return c.calendar.add(now, needed - c.accrued);
          }
          if (th.before_deadline && s.deadline && !c.breached_at) return *s.deadline - *th.before_deadline;
          return std::nullopt;
        };
        for (const auto& w : p_.warnings()) consider(when_crossing(w));
        for (const auto& level : p_.escalations()) consider(when_crossing(level));
      }
    }
    out.targets.push_back(std::move(s));
  }
  return out;
}

}  // namespace detail

namespace {

detail::ticket_replay replay_until(const policy& p, const ticket& t, instant now) {
  if (t.events().empty() || t.events().front().kind != event_kind::created)
    throw error(error_code::invalid_argument, fmt::format("ticket {}: the first event must be created", t.id()));
  detail::ticket_replay r(p, t.id());
  for (const ticket_event& e : t.events()) {
    if (e.at > now) break;
    r.apply(e);
  }
  return r;
}

}  // namespace

ticket_evaluation evaluate(const policy& p, const ticket& t, instant now) {
  return replay_until(p, t, now).result_in_place(now);
}

// ---- Incremental use ----------------------------------------------------------------------

ticket_tracker::ticket_tracker(policy p, std::string id)
    : policy_(std::move(p)), ticket_(id), state_(std::make_unique<detail::ticket_replay>(policy_, std::move(id))) {}
ticket_tracker::ticket_tracker(const ticket_tracker& o)
    : policy_(o.policy_), ticket_(o.ticket_), state_(std::make_unique<detail::ticket_replay>(*o.state_)) {}
ticket_tracker& ticket_tracker::operator=(const ticket_tracker& o) {
  if (this != &o) *this = ticket_tracker(o);
  return *this;
}
ticket_tracker::ticket_tracker(ticket_tracker&&) noexcept = default;
ticket_tracker& ticket_tracker::operator=(ticket_tracker&&) noexcept = default;
ticket_tracker::~ticket_tracker() = default;

void ticket_tracker::append(const ticket_event& e) {
  bool in_order = ticket_.events().empty() || e.at >= ticket_.events().back().at;
  ticket_.append(e, &policy_);  // throws for a bad event, leaving everything unchanged
  if (in_order) {
    state_->apply(e);
  } else {
    // An event before the last one: the clocks must be replayed from the start.
    auto fresh = std::make_unique<detail::ticket_replay>(policy_, ticket_.id());
    for (const ticket_event& x : ticket_.events()) fresh->apply(x);
    state_ = std::move(fresh);
  }
}

ticket_evaluation ticket_tracker::evaluate(instant now) const {
  if (!ticket_.events().empty() && now < ticket_.events().back().at) return sla::evaluate(policy_, ticket_, now);
  if (ticket_.events().empty())
    throw error(error_code::invalid_argument, fmt::format("ticket {}: no created event yet", ticket_.id()));
  return state_->result(now);
}

// ---- Explanation ----------------------------------------------------------------------------

std::vector<explained_segment> explain(const policy& p, const ticket& t, std::string_view target, instant now) {
  const auto& events = t.events();
  if (events.empty() || events.front().kind != event_kind::created)
    throw error(error_code::invalid_argument, fmt::format("ticket {}: the first event must be created", t.id()));
  std::vector<explained_segment> out;
  auto add = [&](instant a, instant b, bool counted, std::string reason) {
    if (b <= a) return;
    if (!out.empty() && out.back().end == a && out.back().counted == counted && out.back().reason == reason)
      out.back().end = b;
    else
      out.push_back({a, b, counted, std::move(reason)});
  };
  detail::ticket_replay r(p, t.id());
  std::size_t i = 0;
  while (i < events.size() && events[i].at <= now) {
    r.apply(events[i]);
    instant from = events[i].at;
    ++i;
    instant to = i < events.size() && events[i].at <= now ? events[i].at : now;
    if (to <= from) continue;
    auto it = r.clocks_.find(std::string(target));
    if (it == r.clocks_.end()) {
      add(from, to, false, "not a target yet");
      continue;
    }
    const auto& c = it->second;
    if (c.cancelled) {
      add(from, to, false, "cancelled");
    } else if (c.met_at) {
      add(from, to, false, "after the stop (met)");
    } else if (r.paused(c.definition.name)) {
      add(from, to, false, "paused by status " + r.status_);
    } else {
      // Running: split by the calendar into business time and the rest, naming holidays.
      const business_calendar& cal = c.calendar;
      for (instant u = from; u < to;) {
        if (cal.is_open(u)) {
          instant v = std::min(cal.next_close(u).value_or(to), to);
          add(u, v, true, "business time");
          u = v;
        } else {
          instant v = std::min(cal.next_open(u).value_or(to), to);
          auto local_day = std::chrono::floor<std::chrono::days>(cal.zone().to_local(u));
          std::chrono::year_month_day date{std::chrono::sys_days{local_day.time_since_epoch()}};
          std::string reason = "outside hours";
          for (const auto& h : cal.spec().holidays)
            if (h.date == date) reason = h.name.empty() ? "holiday" : "holiday: " + h.name;
          // A holiday reason holds only until that local date ends.
          if (reason != "outside hours") {
            instant day_end = cal.zone().from_local_earliest(local_day + std::chrono::days{1});
            v = std::min(v, std::max(day_end, u + seconds{1}));
          }
          add(u, v, false, reason);
          u = v;
        }
      }
    }
  }
  auto final_state = r.result(now);
  bool known = std::any_of(final_state.targets.begin(), final_state.targets.end(),
                           [&](const target_status& s) { return s.name == target; });
  if (!known)
    throw error(error_code::invalid_argument, fmt::format("ticket {}: no target \"{}\" at {}", t.id(), target, format_instant(now)));
  return out;
}

// ---- Queue order ----------------------------------------------------------------------------

std::vector<std::size_t> queue_order(const policy& p, const std::vector<ticket>& tickets, instant now) {
  struct entry {
    std::size_t index;
    long long category;
    std::vector<long long> ties;
    instant next_deadline;
    bool has_deadline;
  };
  const queue_rules& q = p.queue();
  std::vector<entry> open;
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const ticket& t = tickets[i];
    if (t.events().empty() || t.events().front().at > now) continue;
    ticket_evaluation ev = evaluate(p, t, now);
    bool is_open = false, has_deadline = false;
    instant next{};
    for (const auto& s : ev.targets) {
      bool unfinished = s.state == target_state::running || s.state == target_state::paused ||
                        (s.state == target_state::breached && !s.met_at);
      if (!unfinished) continue;
      is_open = true;
      if (s.deadline && (!has_deadline || *s.deadline < next)) {
        next = *s.deadline;
        has_deadline = true;
      }
    }
    if (!is_open) continue;
    const ticket_event& created = t.events().front();
    auto pos = std::find(q.category_order.begin(), q.category_order.end(), ev.type);
    entry e{i, static_cast<long long>(pos - q.category_order.begin()), {}, next, has_deadline};
    for (const auto& tie : q.tie_breaks) {
      long long key = 0;
      if (tie.types.empty() || contains(tie.types, ev.type)) {
        key = tie.field == "users_affected" ? created.users_affected.value_or(0) : created.at.time_since_epoch().count();
        if (tie.descending) key = -key;
      }
      e.ties.push_back(key);
    }
    open.push_back(std::move(e));
  }
  std::stable_sort(open.begin(), open.end(), [&](const entry& a, const entry& b) {
    if (a.category != b.category) return a.category < b.category;
    if (a.ties != b.ties) return a.ties < b.ties;
    if (a.has_deadline != b.has_deadline) return a.has_deadline;
    if (a.has_deadline && a.next_deadline != b.next_deadline) return a.next_deadline < b.next_deadline;
    return tickets[a.index].id() < tickets[b.index].id();
  });
  std::vector<std::size_t> order;
  for (const auto& e : open) order.push_back(e.index);
  return order;
}

}  // namespace sla

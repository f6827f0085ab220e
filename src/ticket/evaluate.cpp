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

class replay {
 public:
  replay(const policy& p, const ticket& t) : p_(p), t_(t) {}

  ticket_evaluation run(instant now);

 private:
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

  const policy& p_;
  const ticket& t_;
  std::string type_, severity_, plan_, zone_, status_;
  instant created_{}, last_{};
  std::map<std::string, clock> clocks_;
  std::vector<std::string> order_;  // target names in the order the policy gives them
  std::vector<std::pair<instant, std::string>> status_log_;  // (since, status), for targets that appear later
};

std::optional<seconds> replay::business_target(const target_definition& d, const business_calendar& cal,
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

void replay::advance(instant to) {
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

void replay::start_clock(const target_definition& d, instant start, seconds accrued) {
  business_calendar cal = p_.calendar(d.calendar.empty() ? p_.calendars().front().name : d.calendar, zone_);
  clocks_.insert_or_assign(d.name, clock{d, cal, business_target(d, cal, start), accrued, {}, {}, {}, false, 1, {}});
}

void replay::choose_targets(instant at, bool restart) {
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

void replay::stop(const std::vector<std::string>& targets, instant at, const std::string& by) {
  for (auto& [name, c] : clocks_)
    if (applies(targets, name) && !c.met_at && !c.cancelled) {
      c.met_at = at;
      c.met_by = by;
    }
}

void replay::resume(instant /*at*/, bool (*which)(const clock&)) {
  for (auto& [name, c] : clocks_)
    if (c.met_at && which(c)) {
      c.met_at.reset();
      c.met_by.clear();
      ++c.cycles;
    }
}

ticket_evaluation replay::run(instant now) {
  const auto& events = t_.events();
  if (events.empty() || events.front().kind != event_kind::created)
    throw error(error_code::invalid_argument, fmt::format("ticket {}: the first event must be created", t_.id()));
  const clock_rules& rules = p_.clock();
  for (const ticket_event& e : events) {
    if (e.at > now) break;
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
        if (rules.reopen_on_leaving_stop && !previous.empty() && previous != status_) {
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
      if (c.breached_at) s.deadline = c.breached_at;
      else if (!c.cancelled) s.deadline = c.calendar.add(c.met_at ? *c.met_at : now, s.remaining);
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

}  // namespace

ticket_evaluation evaluate(const policy& p, const ticket& t, instant now) { return replay(p, t).run(now); }

}  // namespace sla

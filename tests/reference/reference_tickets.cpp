// The ticket-clock reference: see reference_tickets.hpp. Every rule below cites the section of
// docs/semantics.md it implements.
#include "reference/reference_tickets.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "reference/reference_calendar.hpp"

namespace sla_ref {
namespace {

using sla::event_kind;
using sla::instant;
using std::chrono::seconds;

constexpr int horizon_days = 200;

long long secs(instant t) { return t.time_since_epoch().count(); }
instant at_second(long long s) { return instant{seconds{s}}; }
long long floor_div(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }
long long minute_of(long long s) { return floor_div(s, 60) * 60; }  // the whole minute holding s

// ---- Calendars ------------------------------------------------------------------------------

// reference_calendar's is_open, asked once per UTC minute and remembered (whole-minute
// assumption: a minute is all business time or none). elapsed and add walk the timeline in
// pieces cut at every whole minute, so they take any second.
class minute_calendar {
 public:
  explicit minute_calendar(const sla::calendar_spec& spec) : ref_(spec) {}

  bool open_at(long long s) const {
    long long day = floor_div(s, 86400);
    auto& minutes = days_[day];
    if (minutes.empty()) {
      minutes.resize(1440);
      for (int i = 0; i < 1440; ++i) minutes[i] = ref_.is_open(at_second(day * 86400 + i * 60LL)) ? 1 : 0;
    }
    return minutes[static_cast<std::size_t>((s - day * 86400) / 60)] != 0;
  }

  // Business time inside [a, b).
  long long elapsed(instant a, instant b) const {
    long long total = 0;
    for (long long t = secs(a); t < secs(b);) {
      long long next = std::min(minute_of(t) + 60, secs(b));
      if (open_at(t)) total += next - t;
      t = next;
    }
    return total;
  }

  // The earliest u >= t with elapsed(t, u) == d (d >= 0).
  std::optional<instant> add(instant t, long long d) const {
    if (d < 0) throw std::logic_error("reference: add of a negative duration");
    if (d == 0) return t;
    long long acc = 0;
    const long long end = secs(t) + horizon_days * 86400LL;
    for (long long u = secs(t); u < end;) {
      long long next = minute_of(u) + 60;
      if (open_at(u)) {
        if (d - acc <= next - u) return at_second(u + (d - acc));
        acc += next - u;
      }
      u = next;
    }
    return std::nullopt;
  }

  const reference_calendar& ref() const { return ref_; }

 private:
  reference_calendar ref_;
  mutable std::unordered_map<long long, std::vector<char>> days_;
};

// One minute_calendar per distinct spec, kept for the life of the process (a pure function's
// memo: the same spec always gives the same business minutes).
const minute_calendar& calendar_for(const sla::calendar_spec& spec) {
  static std::vector<std::pair<sla::calendar_spec, std::unique_ptr<minute_calendar>>> cache;
  for (const auto& [s, c] : cache)
    if (s == spec) return *c;
  cache.emplace_back(spec, std::make_unique<minute_calendar>(spec));
  return *cache.back().second;
}

// ---- Policy helpers -------------------------------------------------------------------------

// A target list names a target when it lists it or lists "*".
bool names(const std::vector<std::string>& list, const std::string& target) {
  return std::find(list.begin(), list.end(), "*") != list.end() ||
         std::find(list.begin(), list.end(), target) != list.end();
}

bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string event_name(event_kind k) { return std::string(sla::to_string(k)); }

// 2.11: `at: P%` as thousandths of a percent (P has at most three decimals).
long long milli_percent(double percent) { return std::llround(percent * 1000.0); }

// 2.11: whether a threshold is crossed at `accrued` of `target`.
bool crossed(const sla::threshold& th, long long accrued, long long target) {
  if (th.percent) return accrued * 100 * 1000 >= milli_percent(*th.percent) * target;  // accrued × 100 ≥ P × target
  return accrued >= target - th.before_deadline->count();                              // remaining ≤ X
}

// 2.12: the accrued time at which a threshold is crossed.
long long threshold_seconds(const sla::threshold& th, long long target) {
  if (th.percent) {
    long long num = milli_percent(*th.percent) * target;  // ceil(P × target / 100)
    return (num + 100 * 1000 - 1) / (100 * 1000);
  }
  return std::max(0LL, target - th.before_deadline->count());
}

bool applies(const sla::threshold& th, const std::string& target) { return th.targets.empty() || names(th.targets, target); }

// ---- The clocks -----------------------------------------------------------------------------

enum class phase { not_started, running, met, cancelled };  // 2.3

struct clock {
  std::string name;
  const sla::clock_definition* cd = nullptr;  // 2.16: what starts, pauses, meets, restarts, cancels it
  sla::target_definition def;                 // the definition it counts on; amount none: nothing to count
  std::string calendar;                       // def.calendar after the region's mapping (2.18)
  const minute_calendar* cal = nullptr;       // null when the amount is none
  std::optional<long long> amount;            // business seconds, fixed at the cycle's start (2.1)
  phase ph = phase::not_started;
  instant start{}, first_start{};
  long long accrued = 0;
  std::optional<instant> met_at, breached_at;
  int cycles = 0;                                        // cycles begun (2.10)
  std::vector<reference_cycle> completed;                // the cycles before the current one
  std::vector<std::pair<long long, long long>> counted;  // the stretches counted since the start
};

class replay {
 public:
  // `type`, `severity`, `plan`, `region`: the cell and region the clocks count on from the start
  // (keep: those at `now`; restart: the created ones, changing later).
  replay(const sla::policy& p, const sla::ticket_event& created, std::string type, std::string severity, std::string plan,
         std::string region, bool keep)
      : p_(p), keep_(keep), type_(std::move(type)), severity_(std::move(severity)), plan_(std::move(plan)),
        region_(std::move(region)), zone_(created.timezone) {
    // 2.3: every target name of the policy has a clock from the creation; 2.16: one clock
    // definition per target name.
    for (const auto& cd : p.clock_definitions()) {
      clock c;
      c.name = cd.target;
      c.cd = &cd;
      c.def.name = cd.target;
      clocks_.push_back(c);
    }
    for (const auto& d : p.targets_for(type_, severity_, plan_)) define(*find(d.name), d);
    // 2.16: `created` starts the clocks that list it (the default start).
    for (auto& c : clocks_)
      for (const auto& trig : c.cd->start)
        if (trig.on == sla::clock_trigger::kind::created && c.ph == phase::not_started) begin_cycle(c, created.at);
  }

  const std::string& type() const { return type_; }
  const std::string& plan() const { return plan_; }
  const std::string& severity() const { return severity_; }
  const std::string& region() const { return region_; }

  clock* find(const std::string& name) {
    for (auto& c : clocks_)
      if (c.name == name) return &c;
    throw std::logic_error("reference: no clock definition for target " + name);
  }

  // 2.3, 2.16: a running clock ticks while the current status is not one of its pause statuses.
  bool paused(const clock& c) const { return !status_.empty() && contains(c.cd->pause, status_); }
  bool ticking(const clock& c) const { return c.ph == phase::running && !paused(c) && c.amount.has_value(); }

  // One event, at its instant (2.2, 2.3, 2.5–2.8, 2.16–2.18).
  void apply(const sla::ticket_event& e) {
    const instant t = e.at;
    switch (e.kind) {
      case event_kind::created: throw std::logic_error("reference: a second created event");
      case event_kind::status: {
        // 2.3: leaving the previous status first (a reopening when it leaves a meeting status for
        // one that is not, 2.6), then what entering the new one does to each clock.
        std::string previous = status_;
        status_ = e.status;
        if (meeting(previous) && !meeting(status_)) reopen(t);
        for (auto& c : clocks_) act(c, true, e.status, t);
        return;
      }
      case event_kind::reopened: reopen(t); break;  // 2.6; then its triggers by name, below
      case event_kind::severity: change_dimension(severity_, e.severity, t); break;
      case event_kind::type: change_dimension(type_, e.type, t); break;
      case event_kind::plan: change_dimension(plan_, e.plan, t); break;
      case event_kind::region: change_dimension(region_, e.region, t); break;
      default: break;
    }
    // 2.2, 2.16: every other event acts by its name (a declared event by ticket_event::name);
    // `note` is named by no definition, so it does nothing.
    const std::string name = e.kind == event_kind::custom ? e.name : event_name(e.kind);
    for (auto& c : clocks_) act(c, false, name, t);
  }

  // 2.4: after every event at instant t, a clock whose accrued time has reached its amount and
  // whose phase is not met is breached at t (unless already breached in this cycle).
  void check_breach(instant t) {
    for (auto& c : clocks_)
      if (c.amount && !c.breached_at && (c.ph == phase::running || c.ph == phase::cancelled) && c.accrued >= *c.amount)
        c.breached_at = t;
  }

  // The piece [a, b): no event inside it, and business-ness constant on every calendar.
  void tick(long long a, long long b) {
    for (auto& c : clocks_) {
      if (!ticking(c) || !c.cal->open_at(a)) continue;
      const long long length = b - a;
      // Crossing the amount strictly inside the piece: nothing can meet it there (2.4). A
      // crossing exactly at b is judged at b, after the events at b.
      if (!c.breached_at && c.accrued < *c.amount && c.accrued + length > *c.amount)
        c.breached_at = at_second(a + (*c.amount - c.accrued));
      c.accrued += length;
      c.counted.emplace_back(a, b);
    }
  }

 private:
  // 2.3, 2.6: a meeting status is one that some target's definition meets by.
  bool meeting(const std::string& status) const {
    if (status.empty()) return false;
    for (const auto& c : clocks_)
      if (contains(c.cd->meet_statuses, status)) return true;
    return false;
  }

  // 2.16: one event (or entered status) on one clock: cancel, meet, restart, start.
  void act(clock& c, bool is_status, const std::string& name, instant t) {
    const auto& cd = *c.cd;
    // cancel: a running or not-started clock; final (2.7).
    if (contains(is_status ? cd.cancel_statuses : cd.cancel_events, name) && (c.ph == phase::running || c.ph == phase::not_started))
      c.ph = phase::cancelled;
    // meet: only a running clock; the first met_at of the cycle stands (2.5).
    if (contains(is_status ? cd.meet_statuses : cd.meet_events, name) && c.ph == phase::running) {
      c.ph = phase::met;
      c.met_at = t;
    }
    // restart: only a running clock: the cycle ends met at t (breached if it was), the next
    // starts at t (2.7, 2.16).
    if (contains(is_status ? cd.restart_statuses : cd.restart_events, name) && c.ph == phase::running) {
      c.met_at = t;
      c.completed.push_back(record(c, *c.met_at, c.breached_at ? sla::target_state::breached : sla::target_state::met));
      begin_cycle(c, t);
    }
    // start: a clock that is not started, or a met one with `repeat` (2.16). A running clock
    // keeps its start; a cancelled one stays cancelled.
    bool triggered = false;
    for (const auto& trig : cd.start)
      if (trig.on == (is_status ? sla::clock_trigger::kind::status : sla::clock_trigger::kind::event) && trig.name == name)
        triggered = true;
    if (!triggered) return;
    if (c.ph == phase::not_started) begin_cycle(c, t);
    else if (c.ph == phase::met && cd.repeat) {
      c.completed.push_back(record_met(c));
      begin_cycle(c, t);
    }
  }

  // 2.6: a reopening acts on the met clocks by their reopen action.
  void reopen(instant t) {
    for (auto& c : clocks_) {
      if (c.ph != phase::met) continue;
      switch (c.cd->reopen) {
        case sla::reopen_action::none: break;
        case sla::reopen_action::resume:
          // Same start, time kept, breach kept (2.5); a new cycle whose met_at is not yet known.
          c.completed.push_back(record_met(c));
          c.ph = phase::running;
          c.met_at.reset();
          ++c.cycles;
          break;
        case sla::reopen_action::restart:
          c.completed.push_back(record_met(c));
          begin_cycle(c, t);
          break;
      }
    }
  }

  // 2.8, 2.18: a dimension changes. keep: the replay already counts on the cell at `now`;
  // restart: every running clock of the new cell begins a new cycle on its new definition; a
  // not-started one takes the new definition; met and cancelled ones keep theirs.
  void change_dimension(std::string& dimension, const std::string& value, instant t) {
    if (keep_) return;
    dimension = value;
    for (const auto& d : p_.targets_for(type_, severity_, plan_)) {
      clock& c = *find(d.name);
      if (c.ph == phase::not_started) define(c, d);
      if (c.ph != phase::running) continue;
      // The ended cycle: breached if it was (or if its accrued time reaches the amount at this
      // very second, 2.4), else cancelled.
      if (c.amount && !c.breached_at && c.accrued >= *c.amount) c.breached_at = t;
      c.completed.push_back(record(c, t, c.breached_at ? sla::target_state::breached : sla::target_state::cancelled));
      define(c, d);
      begin_cycle(c, t);
    }
  }

  reference_cycle record(const clock& c, instant end, sla::target_state outcome) const {
    reference_cycle r;
    r.start = c.start;
    r.end = end;
    r.outcome = outcome;
    r.met_at = outcome == sla::target_state::cancelled ? std::nullopt : c.met_at;
    r.breached_at = c.breached_at;
    r.accrued = c.accrued;
    return r;
  }
  // A met cycle ended at its (first) meet.
  reference_cycle record_met(const clock& c) const {
    return record(c, *c.met_at, c.breached_at ? sla::target_state::breached : sla::target_state::met);
  }

  const minute_calendar* calendar_named(const std::string& name) const {
    for (const auto& pc : p_.calendars())
      if (pc.name == name) {
        sla::calendar_spec spec = pc.spec;
        if (pc.tenant_timezone && !zone_.empty()) spec.timezone = zone_;  // the created event's tenant zone
        return &calendar_for(spec);
      }
    throw std::logic_error("reference: no calendar " + name);
  }

  // 2.18: a rule's calendar name, as the ticket's region maps it.
  std::string mapped(const std::string& name) const {
    if (p_.regions().empty()) return name;
    return p_.calendar_in_region(name, region_);
  }

  void define(clock& c, const sla::target_definition& d) {
    c.def = d;
    c.calendar = mapped(d.calendar);
    c.cal = d.amount.kind == sla::amount_kind::none ? nullptr : calendar_named(c.calendar);
  }

  // 2.1: the amount as business time, fixed at the cycle's start s.
  std::optional<long long> amount_at(const clock& c, instant s) const {
    const auto& a = c.def.amount;
    switch (a.kind) {
      case sla::amount_kind::none: return std::nullopt;
      case sla::amount_kind::business_time: return a.time.count();
      case sla::amount_kind::business_days: {
        auto end = c.cal->ref().add_business_days(s, a.days, horizon_days);
        if (!end) throw std::logic_error("reference: business days past the horizon");
        return c.cal->elapsed(s, *end);
      }
      case sla::amount_kind::next_business_day: {
        auto end = c.cal->ref().next_business_day_close(s, horizon_days);
        if (!end) throw std::logic_error("reference: next business day past the horizon");
        return c.cal->elapsed(s, *end);
      }
    }
    return std::nullopt;
  }

  // A new cycle from s: running, nothing accrued, no outcome yet (2.3, 2.6–2.8, 2.16).
  void begin_cycle(clock& c, instant s) {
    if (c.cycles == 0) c.first_start = s;
    c.ph = phase::running;
    c.start = s;
    c.accrued = 0;
    c.counted.clear();
    c.met_at.reset();
    c.breached_at.reset();
    c.amount = amount_at(c, s);
    ++c.cycles;
  }

  const sla::policy& p_;
  bool keep_;
  std::string type_, severity_, plan_, region_, zone_, status_;
  std::vector<clock> clocks_;

 public:
  std::vector<clock>& clocks() { return clocks_; }
};

}  // namespace

reference_evaluation evaluate_ticket(const sla::policy& p, const std::vector<sla::ticket_event>& given, instant now) {
  std::vector<sla::ticket_event> events = given;
  std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.at < b.at; });  // 2.2
  if (events.empty() || events.front().kind != event_kind::created) throw std::logic_error("reference: the first event must be created");
  const sla::ticket_event& created = events.front();
  if (now < created.at) throw std::logic_error("reference: now is before the creation");
  events.erase(std::remove_if(events.begin(), events.end(), [&](const auto& e) { return e.at > now; }), events.end());

  // The cell and region in force at `now`: with `keep` the whole history is counted on them (2.8,
  // 2.18). 2.2: the region is the default region when `created` names none.
  std::string type = created.type, severity = created.severity, plan = created.plan;
  std::string region = created.region.empty() ? p.default_region() : created.region;
  const std::string created_region = region;
  for (std::size_t i = 1; i < events.size(); ++i) {
    const auto& e = events[i];
    if (e.kind == event_kind::severity) severity = e.severity;
    if (e.kind == event_kind::type) type = e.type;
    if (e.kind == event_kind::plan) plan = e.plan;
    if (e.kind == event_kind::region) region = e.region;
  }
  const bool keep = !p.clock().restart_on_severity_change;

  replay r = keep ? replay(p, created, type, severity, plan, region, true)
                  : replay(p, created, created.type, created.severity, created.plan, created_region, false);

  // Walk [created, now] in pieces cut at every whole minute and every event instant.
  std::size_t next_event = 1;
  long long t = secs(created.at);
  const long long end = secs(now);
  for (;;) {
    while (next_event < events.size() && secs(events[next_event].at) == t) r.apply(events[next_event++]);
    r.check_breach(at_second(t));
    if (t == end) break;
    long long next = minute_of(t) + 60;
    if (next_event < events.size()) next = std::min(next, secs(events[next_event].at));
    next = std::min(next, end);
    r.tick(t, next);
    t = next;
  }

  // ---- What is reported at `now` (2.9–2.12) ----
  reference_evaluation out;
  out.type = r.type();
  out.severity = r.severity();
  out.plan = r.plan().empty() ? p.default_plan() : r.plan();
  out.region = r.region();
  std::optional<instant> next_change;
  auto consider = [&](const clock& c, long long n) {
    if (n <= c.accrued) return;  // reached already
    auto at = c.cal->add(now, n - c.accrued);
    if (!at) throw std::logic_error("reference: a threshold past the horizon");
    if (*at > now && (!next_change || *at < *next_change)) next_change = *at;
  };
  for (const auto& d : p.targets_for(r.type(), r.severity(), r.plan())) {
    clock& c = *r.find(d.name);
    reference_target rt;
    rt.name = c.name;
    rt.calendar = c.calendar;
    rt.amount = c.def.amount;
    rt.rule = c.def.rule;
    if (c.def.amount.kind == sla::amount_kind::none) {  // 2.9: not a clock
      rt.state = sla::target_state::not_applicable;
      out.targets.push_back(rt);
      continue;
    }
    rt.cycles = c.cycles;
    rt.completed = c.completed;
    if (c.cycles == 0) {  // 2.16: not started (or cancelled before it started): nothing accrued, no deadline
      rt.state = c.ph == phase::cancelled ? sla::target_state::cancelled : sla::target_state::not_started;
      if (c.def.amount.kind == sla::amount_kind::business_time) rt.target = c.def.amount.time.count();
      out.targets.push_back(rt);
      continue;
    }
    rt.start = c.start;
    rt.first_start = c.first_start;
    const long long target = *c.amount;
    rt.target = target;
    rt.accrued = c.accrued;
    rt.met_at = c.met_at;
    rt.breached_at = c.breached_at;
    for (const auto& [a, b] : c.counted) rt.explained_counted += b - a;
    const long long remaining = target - c.accrued;
    // 2.10: the state, first match wins.
    if (c.breached_at) rt.state = sla::target_state::breached;
    else if (c.ph == phase::cancelled) rt.state = sla::target_state::cancelled;
    else if (c.ph == phase::met) rt.state = sla::target_state::met;
    else if (r.paused(c)) rt.state = sla::target_state::paused;
    else rt.state = sla::target_state::running;
    // 2.10: the deadline.
    switch (rt.state) {
      case sla::target_state::breached: rt.deadline = c.breached_at; break;
      case sla::target_state::met:
        if (remaining < 0) throw std::logic_error("reference: met after the amount but not breached");
        rt.deadline = c.cal->add(*c.met_at, remaining);
        if (!rt.deadline) throw std::logic_error("reference: a deadline past the horizon");
        break;
      case sla::target_state::running:
      case sla::target_state::paused:
        if (remaining <= 0) throw std::logic_error("reference: running past the amount but not breached");
        rt.deadline = c.cal->add(now, remaining);
        if (!rt.deadline) throw std::logic_error("reference: a deadline past the horizon");
        break;
      default: break;
    }
    // 2.11: thresholds on the accrued time (frozen when paused or stopped).
    for (const auto& w : p.warnings())
      if (applies(w, c.name) && crossed(w, c.accrued, target)) rt.warnings.push_back(w.name);
    for (const auto& e : p.escalations())
      if (applies(e, c.name) && crossed(e, c.accrued, target)) {
        rt.escalation = e.name;
        rt.escalations_crossed.push_back(e.name);
      }
    // 2.12: only ticking clocks move; candidates are the thresholds not yet reached.
    if (r.ticking(c)) {
      if (!c.breached_at) consider(c, target);
      for (const auto& w : p.warnings())
        if (applies(w, c.name)) consider(c, threshold_seconds(w, target));
      // An escalation level not crossed yet changes the reported level only when it comes after
      // the level reported now, in policy order.
      std::size_t after = 0;
      for (std::size_t k = 0; k < p.escalations().size(); ++k)
        if (applies(p.escalations()[k], c.name) && crossed(p.escalations()[k], c.accrued, target)) after = k + 1;
      for (std::size_t k = after; k < p.escalations().size(); ++k)
        if (applies(p.escalations()[k], c.name)) consider(c, threshold_seconds(p.escalations()[k], target));
    }
    out.targets.push_back(rt);
  }
  out.next_change = next_change;
  return out;
}

}  // namespace sla_ref

// Random ticket histories on the seed policies, the two example policies (policies/examples:
// gitlab, jira-service-desk) and three inline ones (the last under keep and under restart),
// evaluated by the library (sla::evaluate from a ticket, sla::ticket_tracker appended in one go
// and incrementally, and sla::explain) and by the brute-force reference in
// tests/reference/reference_tickets, field by field — completed cycles, rule provenance and
// region included — and by the totals of sla::explain. The cases on clock definitions
// (2.16–2.19) also generate customer messages, notes, declared events and type / plan / region
// changes. The generator places events and `now` on the edges that matter: several events at one
// instant, exactly on a target's deadline (or its next threshold) and one second either side,
// on calendar window edges, around DST switches and holidays. The deadlines used for placement
// come from the reference; the library's answers are only compared, never used as input.
//
// On a mismatch the history is printed one event per line (RFC 3339), with `now`, so that it
// can be replayed by hand; at most a few histories per policy are printed in full, and a count
// per field closes each test case. Fixed seeds: the run is deterministic.
#include <catch2/catch.hpp>

#include <sla/ticket.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "reference/reference_tickets.hpp"

namespace {

using sla::event_kind;
using sla::instant;
using std::chrono::seconds;

// Histories printed in full per policy (the rest are counted); SLA_REFERENCE_PRINT=n overrides.
int max_printed_histories() {
  const char* v = std::getenv("SLA_REFERENCE_PRINT");
  return v ? std::atoi(v) : 6;
}

std::string text(const std::optional<instant>& t) { return t ? sla::format_instant(*t) : "none"; }
std::string text(const std::optional<std::string>& s) { return s ? *s : "none"; }
std::string text(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
  return out + "]";
}
std::string text(sla::target_state s) { return std::string(sla::to_string(s)); }
std::string text(long long v) { return std::to_string(v); }
std::string text(int v) { return std::to_string(v); }
std::string text(const std::string& s) { return s; }

// A completed cycle, library's or reference's, as one comparable value.
struct cycle_view {
  instant start, end;
  sla::target_state outcome;
  std::optional<instant> met_at, breached_at;
  long long accrued;
  friend bool operator==(const cycle_view&, const cycle_view&) = default;
};
std::vector<cycle_view> view(const std::vector<sla::completed_cycle>& v) {
  std::vector<cycle_view> out;
  for (const auto& c : v) out.push_back({c.start, c.end, c.outcome, c.met_at, c.breached_at, static_cast<long long>(c.accrued.count())});
  return out;
}
std::vector<cycle_view> view(const std::vector<sla_ref::reference_cycle>& v) {
  std::vector<cycle_view> out;
  for (const auto& c : v) out.push_back({c.start, c.end, c.outcome, c.met_at, c.breached_at, c.accrued});
  return out;
}
std::string text(sla::target_state s);
std::string text(const std::vector<cycle_view>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto& c = v[i];
    out += (i ? "; " : "") + sla::format_instant(c.start) + " to " + sla::format_instant(c.end) + " " +
           std::string(sla::to_string(c.outcome)) + " met_at=" + (c.met_at ? sla::format_instant(*c.met_at) : "none") +
           " breached_at=" + (c.breached_at ? sla::format_instant(*c.breached_at) : "none") + " accrued=" + std::to_string(c.accrued);
  }
  return out + "]";
}

std::string kind_name(event_kind k) { return std::string(sla::to_string(k)); }

std::string describe(const sla::ticket_event& e) {
  std::ostringstream out;
  out << sla::format_instant(e.at) << " " << kind_name(e.kind);
  if (e.kind == event_kind::created) {
    out << " type=" << e.type << " severity=" << e.severity << " plan=" << (e.plan.empty() ? "(default)" : e.plan)
        << " timezone=" << (e.timezone.empty() ? "(none)" : e.timezone);
    if (!e.region.empty()) out << " region=" << e.region;
  }
  if (e.kind == event_kind::status) out << " " << e.status;
  if (e.kind == event_kind::severity) out << " " << e.severity;
  if (e.kind == event_kind::type) out << " " << e.type;
  if (e.kind == event_kind::plan) out << " " << e.plan;
  if (e.kind == event_kind::region) out << " " << e.region;
  if (e.kind == event_kind::custom) out << " " << e.name;
  return out.str();
}

// ---- The policies ---------------------------------------------------------------------------

// severity_change: restart; `before:` thresholds; every target resumable ("*"); a status that
// pauses one target and meets another (pending_release); overnight windows in London across
// both DST switches (Sat 23:00–03:00) and a holiday / short special day under them; a New York
// Sunday window inside the skipped and repeated hours; `updated` meets a non-periodic target.
const char* restart_policy_text = R"(
policy: ref-restart
types: [incident, request]
severities: [p1, p2, p3]
statuses: [new, working, on_hold, pending_release, done, void]
calendars:
  night:
    timezone: Europe/London
    hours:
      mon-fri: ["22:00-06:00"]
      sat: ["10:00-14:00", "23:00-03:00"]
    holidays: [{name: Christmas Day, date: 2026-12-25}]
    special_days: [{name: Short night, date: 2026-12-24, hours: ["20:00-23:30"]}]
  office:
    timezone: America/New_York
    hours:
      mon-fri: ["09:00-12:00", "13:00-17:30"]
      sun: ["00:30-02:30"]
  always: {timezone: UTC, hours: always}
targets:
  - {severity: p1, calendar: night, targets: {response: 30m, resolution: 4h, update: 2h}}
  - {severity: p2, calendar: office, targets: {response: 2h, resolution: 1 business day, update: 4h}}
  - {severity: p3, calendar: office, targets: {response: next business day, resolution: 3 business days, update: 1d}}
  - {type: request, severity: p1, calendar: always, targets: {resolution: 6h}}
clock:
  pause: {on_hold: [resolution, update], pending_release: [resolution]}
  meet:
    events: {responded: [response], updated: [response], resolved: [resolution], closed: [response, resolution, update]}
    statuses: {pending_release: [response], done: ["*"]}
  cancel: [void]
  reopen: {resume: @RESUME@}
  severity_change: restart
  periodic: [update]
warnings:
  - {name: half, at: 50%}
  - {name: last hour, before: 1h, targets: [resolution]}
  - {name: "87.5%", at: 87.5%}
  - {name: soon, before: 15m}
escalations:
  - {name: lead, at: 100%}
  - {name: manager, before: 30m, targets: [resolution]}
  - {name: director, at: 133.333%}
)";

// severity_change: keep with plans; a tenant-zone calendar with an overnight Saturday window;
// a Sydney calendar of overnight shifts (Sun–Thu 20:00–04:00) across its DST switches; `before:`
// larger than the target (crossed from the start); a status that both cancels and meets
// (cancel first); a status that pauses and meets; periodic `update` with `next business day`.
const char* keep_policy_text = R"(
policy: ref-keep
types: [fault, question]
severities: [sev1, sev2, sev3]
plans: [gold, silver]
statuses: [open, investigating, waiting_on_customer, parked, solved, closed, withdrawn, duplicate]
calendars:
  tenant:
    timezone: {tenant: true, default: America/New_York}
    hours: {mon-fri: ["07:00-19:00"], sat: ["21:00-05:00"]}
  shifts:
    timezone: Australia/Sydney
    hours: {sun-thu: ["20:00-04:00"], fri: ["08:00-16:00"]}
  always: {timezone: UTC, hours: always}
targets:
  - {plan: gold, calendar: always, targets: {acknowledgement: 10m, response: 1h, resolution: 8h, update: 3h}}
  - {plan: silver, calendar: tenant, targets: {acknowledgement: 30m, response: 4h, resolution: 2 business days, update: next business day}}
  - {plan: silver, severity: sev3, calendar: shifts, targets: {resolution: 16h, update: none}}
  - {type: question, severity: [sev1, sev2, sev3], plan: [gold, silver], targets: {resolution: none}}
clock:
  pause: {waiting_on_customer: [response, resolution, update], parked: [resolution]}
  meet:
    events: {responded: [acknowledgement, response], updated: [acknowledgement], resolved: [resolution], closed: ["*"]}
    statuses: {investigating: [acknowledgement], parked: [response], solved: [resolution, response], closed: ["*"], duplicate: [acknowledgement]}
  cancel: [withdrawn, duplicate]
  reopen: {resume: [resolution, update]}
  severity_change: keep
  periodic: [update]
warnings:
  - {name: early, before: 10h}
  - {name: "66.667%", at: 66.667%}
  - {name: final minutes, before: 5m, targets: [acknowledgement, response]}
escalations:
  - {name: duty manager, at: 100%, targets: [resolution, update]}
  - {name: head of support, at: 250%, targets: [resolution]}
  - {name: at risk, before: 2h, targets: [resolution]}
)";

// Clock definitions (2.16) and what the example policies do not exercise: a clock started by a
// declared event and met by another (`vendor`, with `repeat`, a business-days amount while not
// started, and a cancel of the not-started clock by `spam`, `rejected` or `cancelled`); `repeat`
// with a status start trigger and a restart trigger on a status (`triage`); `reopen: restart`
// on a clock started by a status (`verify`, the time to close after resolution) and on a
// created one (`resolution`); a restart trigger on `customer_message` with `reopen: resume`
// (`review`); the order cancel, meet, restart, start on one event (`followup`: `updated` both
// meets and would restart it, a customer message both meets it and starts the next cycle);
// `reopened` as a start trigger (`triage`); type, plan and region changes; rule `priority` (the pro plan, request/pro review,
// s3 triage); regions mapping `office` to three zones (London with a holiday, Chicago, Kolkata)
// and `late` for one region only; `before:` larger than a target that may not have started.
// Meeting statuses are resolved, closed (every target), working and escalated (triage), so
// leaving working or escalated for a plain status reopens. @CHANGE@ is keep or restart.
const char* cycles_policy_text = R"(
policy: ref-cycles
types: [incident, request]
severities: [s1, s2, s3]
plans: [basic, pro]
statuses: [new, triage, working, escalated, waiting, resolved, closed, rejected, spam]
events: [escalate_to_vendor, vendor_replied]
calendars:
  office:
    timezone: Europe/London
    hours: {mon-fri: ["09:00-17:30"]}
    holidays: [{name: Boxing Day, date: 2026-12-28}]
  office-us:
    timezone: America/Chicago
    hours: {mon-fri: ["08:00-17:00"], sat: ["09:00-12:00"]}
  office-in:
    timezone: Asia/Kolkata
    hours: {mon-fri: ["09:30-18:00"]}
  late:
    timezone: America/New_York
    hours: {mon-fri: ["07:00-12:00", "13:00-23:00"], sat: ["22:00-02:00"]}
  late-in:
    timezone: Asia/Kolkata
    hours: {mon-sat: ["06:00-22:00"]}
  always: {timezone: UTC, hours: always}
regions:
  uk: {calendars: {office: office}}
  us: {calendars: {office: office-us}}
  in: {calendars: {office: office-in, late: late-in}}
default_region: uk
targets:
  - {calendar: office, targets: {response: 2h, resolution: 16h, vendor: 8h, triage: 1h, verify: 4h, review: 3h}}
  - {calendar: late, targets: {followup: 2h}}
  - {severity: s1, calendar: always, targets: {response: 30m, resolution: 4h, vendor: 2h, triage: 15m}}
  - {plan: pro, priority: 1, calendar: late, targets: {response: 1h, vendor: 1 business day}}
  - {type: request, severity: [s2, s3], calendar: office, targets: {resolution: 3 business days, verify: none}}
  - {type: request, plan: pro, priority: 5, calendar: always, targets: {review: 90m}}
  - {severity: s3, priority: 2, calendar: office, targets: {triage: none}}
clock:
  pause: {waiting: [response, resolution, verify]}
  meet:
    events: {responded: [response], resolved: [resolution]}
    statuses: {resolved: [resolution], closed: ["*"]}
  cancel: [spam]
  reopen: {resume: [response]}
  severity_change: @CHANGE@
clocks:
  vendor:
    start: [{event: escalate_to_vendor}]
    meet: {events: [vendor_replied]}
    repeat: true
    cancel: {events: [cancelled], statuses: [spam, rejected]}
  triage:
    start: [{status: triage}, {event: reopened}]
    meet: {statuses: [working, escalated]}
    restart: {statuses: [new]}
    repeat: true
  verify:
    start: [{status: resolved}]
    meet: {statuses: [closed], events: [closed]}
    reopen: restart
    cancel: {statuses: [spam, rejected]}
  resolution:
    reopen: restart
  review:
    restart: {events: [customer_message]}
    meet: {events: [responded], statuses: [closed]}
    reopen: resume
    pause: [waiting, escalated]
  followup:
    start: [{event: customer_message}]
    meet: {events: [updated, customer_message]}
    restart: {events: [updated]}
    repeat: true
warnings:
  - {name: half, at: 50%}
  - {name: early, before: 3h, targets: [triage, vendor]}
escalations:
  - {name: lead, at: 100%}
  - {name: manager, at: 150%, targets: [resolution, vendor, verify]}
)";

std::string replaced(std::string s, const std::string& what, const std::string& with) {
  s.replace(s.find(what), what.size(), with);
  return s;
}

// ---- Generating histories -------------------------------------------------------------------

struct policy_case {
  std::string label;
  sla::policy policy;
  std::vector<std::string> zones;    // tenant zones to try ("" = none)
  std::vector<std::string> anchors;  // days (UTC midnight) around which tickets are created; "" = any day of 2026
  int histories = 0;
  std::uint64_t seed = 0;
  // The event kinds and fields of the grown contract (customer_message, note, declared events,
  // type / plan / region changes, a region in `created`). Off for the cases written before it,
  // whose histories stay exactly what they were.
  bool extended = false;
  // Outcomes of the reference that the generated histories must reach ("state not_started", …).
  std::vector<std::string> required_outcomes = {};
};

// The ticket's cell, region and tenant zone after a history (input placement only).
struct cell {
  std::string type, severity, plan, region, zone;
};
cell cell_of(const sla::policy& p, const std::vector<sla::ticket_event>& events) {
  const auto& c = events.front();
  cell out{c.type, c.severity, c.plan, c.region.empty() ? p.default_region() : c.region, c.timezone};
  for (const auto& e : events) {
    if (e.kind == event_kind::severity) out.severity = e.severity;
    if (e.kind == event_kind::type) out.type = e.type;
    if (e.kind == event_kind::plan) out.plan = e.plan;
    if (e.kind == event_kind::region) out.region = e.region;
  }
  return out;
}

struct generator {
  std::mt19937_64 rng;
  const policy_case& pc;
  // what the generated inputs covered, checked at the end
  std::map<std::string, int> coverage;

  long long uniform(long long lo, long long hi) { return lo + static_cast<long long>(rng() % static_cast<std::uint64_t>(hi - lo + 1)); }
  bool chance(int percent) { return uniform(1, 100) <= percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(uniform(0, static_cast<long long>(v.size()) - 1))];
  }

  // The calendars of the cell's timed targets, in the ticket's region, with its tenant zone.
  std::vector<sla::business_calendar> calendars_of(const cell& c) {
    std::vector<sla::business_calendar> out;
    for (const auto& d : pc.policy.targets_for(c.type, c.severity, c.plan))
      if (d.amount.kind != sla::amount_kind::none) {
        const std::string name = pc.policy.regions().empty() ? d.calendar : pc.policy.calendar_in_region(d.calendar, c.region);
        out.push_back(pc.policy.calendar(name, c.zone));
      }
    return out;
  }
  std::vector<sla::business_calendar> calendars_of(const std::vector<sla::ticket_event>& events) {
    return calendars_of(cell_of(pc.policy, events));
  }

  // The next window edge (opening or close) at or after t on one of the calendars, for input
  // placement only.
  std::optional<instant> window_edge(const std::vector<sla::business_calendar>& cals, instant t) {
    if (cals.empty()) return std::nullopt;
    const auto& c = cals[static_cast<std::size_t>(uniform(0, static_cast<long long>(cals.size()) - 1))];
    return c.is_open(t) ? c.next_close(t) : c.next_open(t);
  }

  // Deadlines and the next threshold instant after t by the reference (input placement only).
  std::vector<instant> deadlines_after(const std::vector<sla::ticket_event>& events, instant t) {
    std::vector<instant> out;
    auto r = sla_ref::evaluate_ticket(pc.policy, events, t);
    for (const auto& target : r.targets)
      if (target.deadline && *target.deadline > t &&
          (target.state == sla::target_state::running || target.state == sla::target_state::paused))
        out.push_back(*target.deadline);
    if (r.next_change) out.push_back(*r.next_change);
    return out;
  }

  // An instant on a deadline / threshold of the reference at t, or one second either side.
  std::optional<instant> on_a_deadline(const std::vector<sla::ticket_event>& events, instant t, const char* what) {
    auto candidates = deadlines_after(events, t);
    if (candidates.empty()) return std::nullopt;
    instant d = pick(candidates) + seconds{pick(std::vector<long long>{-1, 0, 0, 0, 1})};
    ++coverage[std::string(what) + " on a deadline (or 1 s either side)"];
    return std::max(d, t);
  }

  instant day_start(const std::string& anchor) {
    if (!anchor.empty()) return sla::parse_instant(anchor + "T00:00:00Z");
    return sla::parse_instant("2026-01-05T00:00:00Z") + seconds{uniform(0, 350) * 86400};
  }

  sla::ticket_event make_created() {
    sla::ticket_event e;
    e.kind = event_kind::created;
    e.type = pick(pc.policy.types());
    e.severity = pc.policy.severities().empty() ? std::string() : pick(pc.policy.severities());
    if (!pc.policy.plans().empty() && !chance(15)) e.plan = pick(pc.policy.plans());  // sometimes the default plan
    e.timezone = pick(pc.zones);
    if (pc.extended && !pc.policy.regions().empty() && !chance(25)) {  // sometimes the default region
      std::vector<std::string> regions;
      for (const auto& [name, _] : pc.policy.regions()) regions.push_back(name);
      e.region = pick(regions);
    }
    instant base = day_start(pick(pc.anchors)) + seconds{uniform(-3 * 86400, 3 * 86400)};
    int how = static_cast<int>(uniform(1, 100));
    if (how <= 40) base = instant{seconds{base.time_since_epoch().count() / 60 * 60}};  // a whole minute
    else if (how > 70) {                                                                  // a window edge
      if (auto edge = window_edge(calendars_of({e}), base)) {
        base = *edge + seconds{pick(std::vector<long long>{-1, 0, 0, 1})};
        ++coverage["created on a window edge"];
      }
    }
    e.at = base;
    return e;
  }

  sla::ticket_event make_event(const std::vector<sla::ticket_event>& events) {
    const instant prev = events.back().at;
    sla::ticket_event e;
    int when = static_cast<int>(uniform(1, 100));
    std::optional<instant> at;
    if (when <= 15) {
      at = prev;
      ++coverage["event at the same instant as the one before"];
    } else if (when <= 28) at = prev + seconds{uniform(1, 59)};
    else if (when <= 48) at = prev + seconds{uniform(1, 180) * 60};
    else if (when <= 63) at = prev + seconds{uniform(3600, 16 * 3600)};
    else if (when <= 68) at = prev + seconds{uniform(16 * 3600, 40 * 3600)};
    else if (when <= 88) at = on_a_deadline(events, prev, "event");
    else if (auto edge = window_edge(calendars_of(events), prev)) {
      at = *edge + seconds{pick(std::vector<long long>{-1, 0, 0, 1})};
      if (*at < prev) at = prev;
      ++coverage["event on a window edge"];
    }
    e.at = at.value_or(prev + seconds{uniform(60, 7200)});
    if (pc.extended) {
      extended_kind(e);
      return e;
    }
    const auto& statuses = pc.policy.statuses();
    int what = static_cast<int>(uniform(1, 100));
    if (what <= 34 && !statuses.empty()) {
      e.kind = event_kind::status;
      e.status = pick(statuses);
    } else if (what <= 44) e.kind = event_kind::responded;
    else if (what <= 56) e.kind = event_kind::updated;
    else if (what <= 65) e.kind = event_kind::resolved;
    else if (what <= 75) e.kind = event_kind::reopened;
    else if (what <= 88 && !pc.policy.severities().empty()) {
      e.kind = event_kind::severity;
      e.severity = pick(pc.policy.severities());
    } else if (what <= 88) e.kind = event_kind::updated;  /* a policy without severities has no severity events */
    else if (what <= 92) e.kind = event_kind::cancelled;
    else e.kind = event_kind::closed;
    return e;
  }

  // The kinds of the grown contract (2.2, 2.17, 2.18): messages, notes, declared events and
  // every dimension change, beside the earlier ones. A dimension event may name the value the
  // ticket already has.
  void extended_kind(sla::ticket_event& e) {
    const auto& p = pc.policy;
    std::vector<std::string> regions;
    for (const auto& [name, _] : p.regions()) regions.push_back(name);
    const int what = static_cast<int>(uniform(1, 100));
    if (what <= 30 && !p.statuses().empty()) {
      e.kind = event_kind::status;
      e.status = pick(p.statuses());
    } else if (what <= 40) e.kind = event_kind::responded;
    else if (what <= 50) e.kind = event_kind::customer_message;
    else if (what <= 53) e.kind = event_kind::note;
    else if (what <= 57) e.kind = event_kind::updated;
    else if (what <= 62) e.kind = event_kind::resolved;
    else if (what <= 68) e.kind = event_kind::reopened;
    else if (what <= 75 && !p.events().empty()) {
      e.kind = event_kind::custom;
      e.name = pick(p.events());
    } else if (what <= 75) e.kind = event_kind::customer_message;
    else if (what <= 80 && !p.severities().empty()) {
      e.kind = event_kind::severity;
      e.severity = pick(p.severities());
    } else if (what <= 84 && p.types().size() > 1) {
      e.kind = event_kind::type;
      e.type = pick(p.types());
    } else if (what <= 88 && !p.plans().empty()) {
      e.kind = event_kind::plan;
      e.plan = pick(p.plans());
    } else if (what <= 93 && !regions.empty()) {
      e.kind = event_kind::region;
      e.region = pick(regions);
    } else if (what <= 93) e.kind = event_kind::responded;
    else if (what <= 96) e.kind = event_kind::cancelled;
    else e.kind = event_kind::closed;
  }

  std::vector<sla::ticket_event> history() {
    std::vector<sla::ticket_event> events{make_created()};
    const int n = static_cast<int>(chance(10) ? uniform(0, 2) : uniform(3, 12));
    for (int i = 0; i < n; ++i) {
      auto e = make_event(events);
      if (e.at > events.front().at + seconds{10 * 86400}) break;  // histories span at most ten days
      ++coverage[std::string("kind ") + kind_name(e.kind)];
      if (e.kind == event_kind::status) ++coverage["status " + e.status];
      if (e.kind == event_kind::custom) ++coverage["event " + e.name];
      if (e.kind == event_kind::region) ++coverage["region " + e.region];
      events.push_back(e);
    }
    return events;
  }

  // The final `now`, at or after the last event.
  instant final_now(const std::vector<sla::ticket_event>& events) {
    const instant last = events.back().at;
    int how = static_cast<int>(uniform(1, 100));
    if (how <= 15) {
      ++coverage["now at the last event"];
      return last;
    }
    if (how <= 50)
      if (auto d = on_a_deadline(events, last, "now")) return *d;
    if (how <= 65)
      if (auto edge = window_edge(calendars_of(events), last + seconds{1})) {
        ++coverage["now on a window edge"];
        return *edge + seconds{pick(std::vector<long long>{-1, 0, 0, 1})};
      }
    return last + seconds{chance(50) ? uniform(1, 3 * 86400) : uniform(1, 3 * 1440) * 60};
  }

  // A `now` inside the history (later events are then ignored).
  instant middle_now(const std::vector<sla::ticket_event>& events) {
    const instant first = events.front().at, last = events.back().at;
    if (chance(40)) {
      ++coverage["now at an event of the history"];
      return pick(events).at;
    }
    instant t = first + seconds{uniform(0, (last - first).count())};
    if (chance(40)) {
      std::vector<sla::ticket_event> before;
      for (const auto& e : events)
        if (e.at <= t) before.push_back(e);
      if (auto d = on_a_deadline(before, t, "middle now")) return *d;
    }
    return t;
  }
};

// ---- Comparing ------------------------------------------------------------------------------

struct mismatch_log {
  std::map<std::string, int> by_field;
  std::map<std::string, std::pair<int, int>> by_source;  // evaluations that disagree, of those compared
  std::vector<std::string> lines;  // of the current comparison
  void add(const std::string& field, const std::string& detail) {
    ++by_field[field];
    lines.push_back(field + ": " + detail);
  }
};

template <class A, class B>
void expect_equal(mismatch_log& log, const std::string& who, const std::string& field, const A& library, const B& reference) {
  if (!(library == reference)) log.add(field, who + " library " + text(library) + " vs reference " + text(reference));
}
void compare_fields(mismatch_log& log, const std::string& who, const sla::ticket_evaluation& lib, const sla_ref::reference_evaluation& ref);

// `source` names the library path (evaluate, tracker, incremental tracker) for the summary.
void compare(mismatch_log& log, const std::string& source, const std::string& who, const sla::ticket_evaluation& lib,
             const sla_ref::reference_evaluation& ref) {
  const std::size_t before = log.lines.size();
  compare_fields(log, who, lib, ref);
  auto& [disagree, compared] = log.by_source[source];
  ++compared;
  if (log.lines.size() != before) ++disagree;
}

void compare_fields(mismatch_log& log, const std::string& who, const sla::ticket_evaluation& lib, const sla_ref::reference_evaluation& ref) {
  expect_equal(log, who, "type", lib.type, ref.type);
  expect_equal(log, who, "severity", lib.severity, ref.severity);
  expect_equal(log, who, "plan", lib.plan, ref.plan);
  expect_equal(log, who, "region", lib.region, ref.region);
  std::vector<std::string> lib_names, ref_names;
  for (const auto& t : lib.targets) lib_names.push_back(t.name);
  for (const auto& t : ref.targets) ref_names.push_back(t.name);
  if (lib_names != ref_names) {
    log.add("targets", who + " library " + text(lib_names) + " vs reference " + text(ref_names));
    return;
  }
  for (std::size_t i = 0; i < lib.targets.size(); ++i) {
    const auto& l = lib.targets[i];
    const auto& r = ref.targets[i];
    const std::string w = who + " " + l.name + ":";
    expect_equal(log, w, "state", text(l.state), text(r.state));
    expect_equal(log, w, "calendar", l.calendar, r.calendar);
    expect_equal(log, w, "amount", sla::format_target_amount(l.amount), sla::format_target_amount(r.amount));
    const long long target = r.target.value_or(0);
    expect_equal(log, w, "target", static_cast<long long>(l.target.count()), target);
    expect_equal(log, w, "accrued", static_cast<long long>(l.accrued.count()), r.accrued);
    expect_equal(log, w, "remaining", static_cast<long long>(l.remaining.count()), target - r.accrued);
    const double percent = target > 0 ? static_cast<double>(r.accrued) * 100.0 / static_cast<double>(target) : 0.0;
    if (std::abs(l.percent - percent) > 1e-9 * std::max(1.0, std::abs(percent)))
      log.add("percent", w + " library " + std::to_string(l.percent) + " vs reference " + std::to_string(percent));
    expect_equal(log, w, "deadline", l.deadline, r.deadline);
    expect_equal(log, w, "met_at", l.met_at, r.met_at);
    expect_equal(log, w, "breached_at", l.breached_at, r.breached_at);
    expect_equal(log, w, "warnings", l.warnings, r.warnings);
    expect_equal(log, w, "escalation", l.escalation, r.escalation);
    expect_equal(log, w, "cycles", l.cycles, r.cycles);
    expect_equal(log, w, "rule", l.rule, r.rule);
    {
      const auto lc = view(l.completed), rc = view(r.completed);
      if (lc.size() != rc.size()) log.add("completed cycles (count)", w + " library " + text(lc) + " vs reference " + text(rc));
      else
        for (std::size_t k = 0; k < lc.size(); ++k) {
          const std::string wk = w + " completed[" + std::to_string(k) + "]";
          expect_equal(log, wk, "completed.start", std::optional<instant>(lc[k].start), std::optional<instant>(rc[k].start));
          expect_equal(log, wk, "completed.end", std::optional<instant>(lc[k].end), std::optional<instant>(rc[k].end));
          expect_equal(log, wk, "completed.outcome", text(lc[k].outcome), text(rc[k].outcome));
          expect_equal(log, wk, "completed.met_at", lc[k].met_at, rc[k].met_at);
          expect_equal(log, wk, "completed.breached_at", lc[k].breached_at, rc[k].breached_at);
          expect_equal(log, wk, "completed.accrued", lc[k].accrued, rc[k].accrued);
        }
    }
    if (r.explained_counted != r.accrued) log.add("reference self-check", w + " explained_counted != accrued");
  }
  expect_equal(log, who, "next_change", lib.next_change, ref.next_change);
}

void compare_explain(mismatch_log& log, const sla::policy& p, const sla::ticket& t, instant now,
                     const sla_ref::reference_evaluation& ref) {
  for (const auto& r : ref.targets) {
    std::vector<sla::explained_segment> segments;
    try {
      segments = sla::explain(p, t, r.name, now);
    } catch (const std::exception& e) {
      log.add("explain", r.name + ": threw " + e.what());
      continue;
    }
    long long counted = 0;
    bool consecutive = true;
    instant at = t.events().front().at;
    for (const auto& s : segments) {
      if (s.counted) counted += (s.end - s.start).count();
      if (s.start != at || s.end < s.start) consecutive = false;
      at = s.end;
    }
    if (at != now) consecutive = false;
    if (counted != r.accrued)
      log.add("explain counted", r.name + ": library counted " + std::to_string(counted) + " vs reference accrued " + std::to_string(r.accrued));
    if (!consecutive) log.add("explain stretches", r.name + ": not consecutive stretches of [created, now)");
    // 2.13, 2.16: time before a clock's first start is explained as `not started`: the stretch
    // from the creation, when the clock has not started by `now` or started after the creation.
    const instant created = t.events().front().at;
    const bool late_start = r.state == sla::target_state::not_started ||
                            (r.state != sla::target_state::not_applicable && r.cycles == 0) || (r.first_start && *r.first_start > created);
    // A clock cancelled at the creation instant itself never had a stretch before its start:
    // the stretch from the creation is its cancellation.
    const bool cancelled_at_once = r.state == sla::target_state::cancelled && r.cycles == 0 && !segments.empty() &&
                                   segments.front().reason == "cancelled";
    if (late_start && now > created && !cancelled_at_once && (segments.empty() || segments.front().reason != "not started"))
      log.add("explain not started", r.name + ": the clock " +
                                         (r.first_start ? "started at " + sla::format_instant(*r.first_start) : std::string("has not started")) +
                                         ", but the stretch from the creation says `" + (segments.empty() ? "" : segments.front().reason) + "`");
  }
}

std::string history_text(const policy_case& pc, const std::vector<sla::ticket_event>& events) {
  std::ostringstream out;
  out << "policy " << pc.label << " (" << pc.policy.name() << ")\nhistory:\n";
  for (const auto& e : events) out << "  " << describe(e) << "\n";
  return out.str();
}

void run(const policy_case& pc) {
  generator gen{std::mt19937_64(pc.seed), pc, {}};
  mismatch_log log;
  int compared = 0, mismatching = 0, printed = 0;
  std::map<std::string, int> outcomes;  // what the reference reported, over every evaluation compared
  auto note_outcomes = [&](const sla_ref::reference_evaluation& r) {
    for (const auto& t : r.targets) {
      ++outcomes["state " + text(t.state)];
      if (t.state == sla::target_state::cancelled && t.cycles == 0) ++outcomes["cancelled before its start"];
      if (t.cycles >= 2) ++outcomes["cycles >= 2"];
      for (const auto& c : t.completed) ++outcomes["completed cycle " + text(c.outcome)];
    }
  };
  for (int k = 0; k < pc.histories; ++k) {
    auto events = gen.history();
    const instant now = gen.final_now(events);
    const instant middle = gen.middle_now(events);
    log.lines.clear();

    auto reference = [&](instant at) -> std::optional<sla_ref::reference_evaluation> {
      try {
        auto r = sla_ref::evaluate_ticket(pc.policy, events, at);
        note_outcomes(r);
        return r;
      } catch (const std::exception& e) {
        log.add("reference threw", sla::format_instant(at) + ": " + e.what());
        return std::nullopt;
      }
    };
    auto library = [&](const std::string& who, auto&& f) -> std::optional<sla::ticket_evaluation> {
      try {
        return f();
      } catch (const std::exception& e) {
        log.add("library threw", who + ": " + e.what());
        return std::nullopt;
      }
    };

    try {
      sla::ticket ticket("P-" + std::to_string(k));
      sla::ticket_tracker whole(pc.policy, ticket.id());
      for (const auto& e : events) {
        ticket.append(e, &pc.policy);
        whole.append(e);
      }
      for (instant at : {now, middle}) {
        const std::string when = " at " + sla::format_instant(at);
        auto ref = reference(at);
        if (!ref) continue;
        if (auto l = library("evaluate" + when, [&] { return sla::evaluate(pc.policy, ticket, at); }))
          compare(log, "evaluate", "evaluate" + when, *l, *ref);
        if (auto l = library("tracker" + when, [&] { return whole.evaluate(at); }))
          compare(log, "ticket_tracker (all events appended)", "tracker" + when, *l, *ref);
        const std::size_t before = log.lines.size();
        compare_explain(log, pc.policy, ticket, at, *ref);
        auto& [disagree, compared] = log.by_source["explain"];
        ++compared;
        if (log.lines.size() != before) ++disagree;
      }
      // Incremental: the events up to `middle`, evaluated there, then the rest, evaluated at `now`.
      sla::ticket_tracker step(pc.policy, ticket.id());
      std::size_t i = 0;
      for (; i < events.size() && events[i].at <= middle; ++i) step.append(events[i]);
      if (auto ref = reference(middle))
        if (auto l = library("incremental tracker at middle", [&] { return step.evaluate(middle); }))
          compare(log, "ticket_tracker (incremental)", "incremental tracker at " + sla::format_instant(middle), *l, *ref);
      for (; i < events.size(); ++i) step.append(events[i]);
      if (auto ref = reference(now))
        if (auto l = library("incremental tracker at now", [&] { return step.evaluate(now); }))
          compare(log, "ticket_tracker (incremental)", "incremental tracker at " + sla::format_instant(now), *l, *ref);
    } catch (const std::exception& e) {
      log.add("library threw", std::string("append: ") + e.what());
    }
    ++compared;
    if (!log.lines.empty()) {
      ++mismatching;
      if (printed++ < max_printed_histories()) {
        std::string lines;
        for (std::size_t j = 0; j < log.lines.size() && j < 40; ++j) lines += "  " + log.lines[j] + "\n";
        INFO(history_text(pc, events) << "now: " << sla::format_instant(now) << "\nmiddle now: " << sla::format_instant(middle)
                                      << "\nmismatches:\n" << lines);
        FAIL_CHECK("library and reference disagree on history " << k);
      }
    }
  }
  std::ostringstream summary;
  summary << pc.label << ": " << mismatching << " of " << compared << " histories disagree; by field:";
  for (const auto& [field, n] : log.by_field) summary << "\n  " << field << ": " << n;
  summary << "\nevaluations that disagree, by library path:";
  for (const auto& [source, n] : log.by_source) summary << "\n  " << source << ": " << n.first << " of " << n.second;
  summary << "\ninputs covered:";
  for (const auto& [what, n] : gen.coverage) summary << "\n  " << what << ": " << n;
  summary << "\nreference outcomes:";
  for (const auto& [what, n] : outcomes) summary << "\n  " << what << ": " << n;
  {
    INFO(summary.str());
    CHECK(mismatching == 0);
  }

  // The generator must have produced what it promises, and every planned history was compared.
  for (const auto& s : pc.policy.statuses()) {
    INFO("status never generated: " << s);
    CHECK(gen.coverage["status " + s] > 0);
  }
  for (const char* k : {"status", "responded", "updated", "resolved", "reopened", "severity", "cancelled", "closed"}) {
    if (std::string_view(k) == "severity" && pc.policy.severities().empty()) continue;  // no severity dimension
    INFO("event kind never generated: " << k);
    CHECK(gen.coverage[std::string("kind ") + k] > 0);
  }
  if (pc.extended) {
    std::vector<std::string> kinds{"customer_message", "note"};
    if (pc.policy.types().size() > 1) kinds.push_back("type");
    if (!pc.policy.plans().empty()) kinds.push_back("plan");
    if (!pc.policy.regions().empty()) kinds.push_back("region");
    if (!pc.policy.events().empty()) kinds.push_back("custom");
    for (const auto& k : kinds) {
      INFO("event kind never generated: " << k);
      CHECK(gen.coverage["kind " + k] > 0);
    }
    for (const auto& e : pc.policy.events()) {
      INFO("declared event never generated: " << e);
      CHECK(gen.coverage["event " + e] > 0);
    }
    for (const auto& [r, _] : pc.policy.regions()) {
      INFO("region change never generated: " << r);
      CHECK(gen.coverage["region " + r] > 0);
    }
  }
  for (const auto& o : pc.required_outcomes) {
    INFO("reference outcome never reached: " << o);
    CHECK(outcomes[o] > 0);
  }
  for (const char* c : {"event on a deadline (or 1 s either side)", "now on a deadline (or 1 s either side)", "event on a window edge",
                        "now on a window edge", "event at the same instant as the one before", "created on a window edge"}) {
    INFO("input never generated: " << c);
    CHECK(gen.coverage[c] > 0);
  }
  REQUIRE(compared == pc.histories);
}

// The reference against itself, on the same kind of histories: with no event after `now`,
// nothing reported may change before next_change and something must change at it (a state, a
// warning, or a crossed escalation level: 2.12 counts every threshold as a candidate, even one
// whose crossing leaves the *last* level in policy order as it was); a running target is
// breached exactly at its deadline and not one second before.
void self_consistency(const policy_case& pc, int histories) {
  generator gen{std::mt19937_64(pc.seed + 500), pc, {}};
  using outcome = std::vector<std::tuple<std::string, sla::target_state, std::vector<std::string>, std::optional<std::string>,
                                         std::vector<std::string>>>;
  auto outcome_of = [](const sla_ref::reference_evaluation& r) {
    outcome o;
    for (const auto& t : r.targets) o.emplace_back(t.name, t.state, t.warnings, t.escalation, t.escalations_crossed);
    return o;
  };
  int checked = 0;
  for (int k = 0; k < histories; ++k) {
    auto events = gen.history();
    const instant now = gen.final_now(events);
    INFO(history_text(pc, events) << "now: " << sla::format_instant(now));
    auto r = sla_ref::evaluate_ticket(pc.policy, events, now);
    if (r.next_change) {
      auto at = sla_ref::evaluate_ticket(pc.policy, events, *r.next_change);
      CHECK(outcome_of(at) != outcome_of(r));
      if (*r.next_change - seconds{1} > now)
        CHECK(outcome_of(sla_ref::evaluate_ticket(pc.policy, events, *r.next_change - seconds{1})) == outcome_of(r));
    }
    for (const auto& t : r.targets) {
      if (t.state != sla::target_state::running) continue;
      INFO("target " << t.name << " deadline " << text(t.deadline));
      auto on = sla_ref::evaluate_ticket(pc.policy, events, *t.deadline);
      for (const auto& u : on.targets)
        if (u.name == t.name) {
          CHECK(u.state == sla::target_state::breached);
          CHECK(u.breached_at == t.deadline);
          CHECK(u.accrued == *u.target);
        }
      if (*t.deadline - seconds{1} > now) {
        auto before = sla_ref::evaluate_ticket(pc.policy, events, *t.deadline - seconds{1});
        for (const auto& u : before.targets)
          if (u.name == t.name) {
            CHECK(u.state == sla::target_state::running);
            CHECK(u.accrued < *u.target);
          }
      }
    }
    ++checked;
  }
  REQUIRE(checked == histories);
}

sla::policy seed(const char* file) { return sla::policy::load(std::string(SLA_SOURCE_DIR) + "/policies/" + file); }

// docs/semantics.md 2.3: ["*"] means every target, reopen.resume included.
sla::policy restart_policy() {
  return sla::policy::parse(replaced(restart_policy_text, "@RESUME@", "[\"*\"]"), "ref-restart.yaml");
}

sla::policy example(const char* file) { return sla::policy::load(std::string(SLA_SOURCE_DIR) + "/policies/examples/" + file); }

// `change`: keep or restart (2.8, for severity, type, plan and region changes alike).
sla::policy cycles_policy(const char* change) {
  return sla::policy::parse(replaced(cycles_policy_text, "@CHANGE@", change), std::string("ref-cycles-") + change + ".yaml");
}

// Outcomes every case on clock definitions must reach.
const std::vector<std::string> cycle_outcomes = {"state not_started", "state cancelled", "cancelled before its start", "cycles >= 2",
                                                 "completed cycle met", "completed cycle breached", "state met", "state breached",
                                                 "state running"};
std::vector<std::string> with(std::vector<std::string> v, std::initializer_list<const char*> more) {
  for (const char* m : more) v.push_back(m);
  return v;
}

}  // namespace

// 4,500 histories over the seven policies written before clock definitions, and 2,700 more
// over the two example policies and the two forms of the inline clock-definition policy.

TEST_CASE("reference property avallain", "[ticket][reference]") {
  run({"avallain", seed("avallain.yaml"), {""}, {"2026-11-23", "2026-03-27", "2026-10-23", ""}, 700, 1001});
}

TEST_CASE("reference property xen with tenant zones", "[ticket][reference]") {
  run({"xen",
       seed("xen.yaml"),
       {"", "Europe/London", "America/New_York", "Australia/Sydney"},
       {"2026-04-02", "2026-10-01", "2026-03-26", "2026-10-22", "2026-03-05", "2026-10-29", "2026-11-23", ""},
       800,
       1002});
}

TEST_CASE("reference property advendio around German holidays and DST", "[ticket][reference]") {
  run({"advendio",
       seed("advendio.yaml"),
       {""},
       {"2026-03-31", "2026-04-03", "2026-12-22", "2026-12-26", "2026-12-30", "2026-03-27", "2026-10-23", "2026-05-12",
        "2026-05-22", ""},
       700,
       1003});
}

TEST_CASE("reference property schoolstatus around US DST", "[ticket][reference]") {
  run({"schoolstatus", seed("schoolstatus.yaml"), {""}, {"2026-03-05", "2026-03-08", "2026-10-30", "2026-11-01", ""}, 500, 1004});
}

TEST_CASE("reference property aveksa periodic updates", "[ticket][reference]") {
  run({"aveksa", seed("aveksa.yaml"), {""}, {"2026-03-05", "2026-10-29", "2026-11-23", ""}, 600, 1005});
}

TEST_CASE("reference property inline policy with severity restart and before thresholds", "[ticket][reference]") {
  // docs/semantics.md 2.3: ["*"] means every target, reopen.resume included.
  run({"ref-restart", restart_policy(), {""}, {"2026-03-26", "2026-10-22", "2026-12-22", "2026-03-05", "2026-10-29", ""}, 600, 1006});
}

TEST_CASE("reference property inline policy with plans tenant zones and overnight shifts", "[ticket][reference]") {
  run({"ref-keep",
       sla::policy::parse(keep_policy_text, "ref-keep.yaml"),
       {"", "Europe/London", "America/New_York", "Australia/Sydney"},
       {"2026-03-05", "2026-10-29", "2026-04-02", "2026-10-01", "2026-03-26", "2026-10-22", ""},
       600,
       1007});
}

TEST_CASE("reference property gitlab example: first reply, next reply, periodic update", "[ticket][reference]") {
  // 24x5 is Monday to Friday UTC: anchors on Fridays and Mondays put the weekend inside clocks.
  run({"gitlab", example("gitlab.yaml"), {""}, {"2026-11-27", "2026-03-06", "2026-10-30", "2026-11-23", ""}, 700, 1008, true,
       with(cycle_outcomes, {"state not_applicable"})});
}

TEST_CASE("reference property jira service desk example: regions, cycles, an operational-level target", "[ticket][reference]") {
  // New York, Berlin and Sydney business hours around each zone's DST switches.
  run({"jira-service-desk",
       example("jira-service-desk.yaml"),
       {""},
       {"2026-03-06", "2026-03-27", "2026-04-03", "2026-10-02", "2026-10-23", "2026-10-30", "2026-11-23", ""},
       800,
       1009,
       true,
       with(cycle_outcomes, {"state paused", "state not_applicable"})});
}

TEST_CASE("reference property inline clock definitions with keep", "[ticket][reference]") {
  run({"ref-cycles-keep",
       cycles_policy("keep"),
       {""},
       {"2026-03-27", "2026-10-23", "2026-03-06", "2026-10-30", "2026-12-24", "2026-11-23", ""},
       600,
       1010,
       true,
       with(cycle_outcomes, {"state paused", "state not_applicable"})});
}

TEST_CASE("reference property inline clock definitions with restart", "[ticket][reference]") {
  run({"ref-cycles-restart",
       cycles_policy("restart"),
       {""},
       {"2026-03-27", "2026-10-23", "2026-03-06", "2026-10-30", "2026-12-24", "2026-11-23", ""},
       600,
       1011,
       true,
       with(cycle_outcomes, {"state paused", "state not_applicable", "completed cycle cancelled"})});
}

TEST_CASE("reference next_change and deadlines agree with re-evaluation", "[reference]") {
  self_consistency({"avallain", seed("avallain.yaml"), {""}, {"2026-11-23", ""}, 0, 2001}, 150);
  self_consistency({"xen", seed("xen.yaml"), {"", "Europe/London", "America/New_York"}, {"2026-04-02", "2026-10-29", ""}, 0, 2002}, 150);
  self_consistency({"advendio", seed("advendio.yaml"), {""}, {"2026-03-31", "2026-12-22", "2026-10-23"}, 0, 2003}, 150);
  self_consistency({"schoolstatus", seed("schoolstatus.yaml"), {""}, {"2026-03-05", "2026-10-30"}, 0, 2004}, 150);
  self_consistency({"aveksa", seed("aveksa.yaml"), {""}, {"2026-03-05", "2026-10-29"}, 0, 2005}, 150);
  self_consistency({"ref-restart", restart_policy(), {""}, {"2026-03-26", "2026-10-22", "2026-12-22", "2026-03-05"}, 0, 2006}, 150);
  self_consistency({"ref-keep", sla::policy::parse(keep_policy_text, "ref-keep.yaml"), {"", "Europe/London", "Australia/Sydney"},
                    {"2026-03-05", "2026-10-01", "2026-03-26"}, 0, 2007}, 150);
  self_consistency({"gitlab", example("gitlab.yaml"), {""}, {"2026-11-27", "2026-03-06", ""}, 0, 2008, true}, 150);
  self_consistency({"jira-service-desk", example("jira-service-desk.yaml"), {""}, {"2026-03-27", "2026-10-02", "2026-10-30", ""}, 0, 2009, true},
                   150);
  self_consistency({"ref-cycles-keep", cycles_policy("keep"), {""}, {"2026-03-27", "2026-10-23", "2026-12-24"}, 0, 2010, true}, 150);
  self_consistency({"ref-cycles-restart", cycles_policy("restart"), {""}, {"2026-03-06", "2026-10-30", "2026-12-24"}, 0, 2011, true}, 150);
}

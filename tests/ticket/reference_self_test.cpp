// The ticket-clock reference (tests/reference/reference_tickets) on the worked examples of
// docs/semantics.md, part 2. The expected values are the document's; the arithmetic is in the
// comments. These check the reference itself, not the library.
#include <catch2/catch.hpp>

#include <sla/ticket.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "reference/reference_tickets.hpp"

namespace {

using sla::event_kind;
using sla::instant;
using sla::parse_instant;
using sla::target_state;

const std::string policies = std::string(SLA_SOURCE_DIR) + "/policies/";

const sla::policy& seed(const std::string& name) {
  static std::map<std::string, sla::policy> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end()) it = loaded.emplace(name, sla::policy::load(policies + name + ".yaml")).first;
  return it->second;
}

// Mon–Fri 09:00–17:00 UTC: the calendar of the second example of 2.4 and of 2.11.
const sla::policy& office() {
  static const sla::policy p = sla::policy::parse(R"(
policy: office-examples
types: [incident]
severities: [high]
statuses: [open, waiting]
calendars:
  office: {timezone: UTC, hours: {mon-fri: ["09:00-17:00"]}}
targets:
  - {calendar: office, targets: {response: 2h, resolution: 8h}}
clock:
  pause: {waiting: [resolution]}
  meet: {events: {responded: [response], resolved: [resolution]}}
warnings:
  - {name: last two hours, before: 2h, targets: [resolution]}
)", "office-examples.yaml");
  return p;
}

// severity_change: restart, every target resumable: the reference's
// own hand-computed cases (not from the document), on a 24/7 UTC calendar.
const sla::policy& restart_policy() {
  static const sla::policy p = sla::policy::parse(R"(
policy: restart-examples
types: [incident]
severities: [p1, p2]
statuses: [open, hold, done]
calendars:
  always: {timezone: UTC, hours: always}
targets:
  - {severity: p1, calendar: always, targets: {response: 1h, resolution: 4h, update: 2h}}
  - {severity: p2, calendar: always, targets: {response: 2h, resolution: 8h, update: 3h}}
clock:
  pause: {hold: [resolution]}
  meet:
    events: {responded: [response], resolved: [resolution]}
    statuses: {hold: [response], done: ["*"]}
  reopen: {resume: [response, resolution, update]}
  severity_change: restart
  periodic: [update]
warnings:
  - {name: "87.5%", at: 87.5%}
  - {name: last half hour, before: 30m}
)", "restart-examples.yaml");
  return p;
}

sla::ticket_event created(const char* at, std::string type, std::string severity, std::string plan = {},
                          std::string zone = {}, std::string region = {}) {
  sla::ticket_event e;
  e.at = parse_instant(at);
  e.kind = event_kind::created;
  e.type = std::move(type);
  e.severity = std::move(severity);
  e.plan = std::move(plan);
  e.timezone = std::move(zone);
  e.region = std::move(region);
  return e;
}

// `value`: the status, the new severity / type / plan / region, or a declared event's name.
sla::ticket_event ev(const char* at, event_kind kind, std::string value = {}) {
  sla::ticket_event e;
  e.at = parse_instant(at);
  e.kind = kind;
  if (kind == event_kind::status) e.status = value;
  if (kind == event_kind::severity) e.severity = value;
  if (kind == event_kind::type) e.type = value;
  if (kind == event_kind::plan) e.plan = value;
  if (kind == event_kind::region) e.region = value;
  if (kind == event_kind::custom) e.name = value;
  return e;
}

const sla_ref::reference_target& target(const sla_ref::reference_evaluation& r, const std::string& name) {
  for (const auto& t : r.targets)
    if (t.name == name) return t;
  FAIL("no target " << name);
  throw;
}

std::optional<instant> at(const char* text) { return parse_instant(text); }

// A completed cycle as the reference reports it.
sla_ref::reference_cycle cycle(const char* start, const char* end, target_state outcome, std::optional<instant> met_at,
                               std::optional<instant> breached_at, long long accrued) {
  return {parse_instant(start), parse_instant(end), outcome, met_at, breached_at, accrued};
}
using cycles = std::vector<sla_ref::reference_cycle>;

using warnings = std::vector<std::string>;

}  // namespace

TEST_CASE("reference 2.4 met on the deadline second is on time, one second later is late", "[reference]") {
  const auto& p = seed("avallain");
  // incident/urgent: response 15m on 24/7; created 10:00:00, so the deadline is 10:15:00.
  auto c = created("2026-11-23T10:00:00Z", "incident", "urgent");
  {  // responded at 10:15:00: accrued 900 s = the amount, at the deadline: met.
    auto r = sla_ref::evaluate_ticket(p, {c, ev("2026-11-23T10:15:00Z", event_kind::responded)}, parse_instant("2026-11-23T10:30:00Z"));
    const auto& t = target(r, "response");
    CHECK(t.state == target_state::met);
    CHECK(t.met_at == at("2026-11-23T10:15:00Z"));
    CHECK(t.accrued == 900);
    CHECK(*t.target - t.accrued == 0);  // remaining 0, percent 100
    CHECK(t.deadline == at("2026-11-23T10:15:00Z"));  // met on the deadline: met_at itself
    CHECK(!t.breached_at);
    CHECK(t.warnings == warnings{"75%", "90%"});  // 900 ≥ 675 and ≥ 810
  }
  {  // responded at 10:15:01: breached at 10:15:00, met_at 10:15:01, accrued 901 s.
    auto r = sla_ref::evaluate_ticket(p, {c, ev("2026-11-23T10:15:01Z", event_kind::responded)}, parse_instant("2026-11-23T10:30:00Z"));
    const auto& t = target(r, "response");
    CHECK(t.state == target_state::breached);
    CHECK(t.breached_at == at("2026-11-23T10:15:00Z"));
    CHECK(t.met_at == at("2026-11-23T10:15:01Z"));
    CHECK(t.accrued == 901);
    CHECK(t.deadline == at("2026-11-23T10:15:00Z"));
  }
  {  // no event, at 10:15:00: accrued 900 s, not met: breached at 10:15:00.
    auto r = sla_ref::evaluate_ticket(p, {c}, parse_instant("2026-11-23T10:15:00Z"));
    const auto& t = target(r, "response");
    CHECK(t.state == target_state::breached);
    CHECK(t.accrued == 900);
    CHECK(t.breached_at == at("2026-11-23T10:15:00Z"));
  }
  {  // at 10:14:59: running, 1 s remaining, next_change 10:15:00 (the breach; response's 75%
     // and 90% are reached, resolution's 75% of 8h comes at 16:00).
    auto r = sla_ref::evaluate_ticket(p, {c}, parse_instant("2026-11-23T10:14:59Z"));
    const auto& t = target(r, "response");
    CHECK(t.state == target_state::running);
    CHECK(*t.target - t.accrued == 1);
    CHECK(t.deadline == at("2026-11-23T10:15:00Z"));
    CHECK(r.next_change == at("2026-11-23T10:15:00Z"));
  }
  for (const char* status : {"waiting_for_customer", "cancelled"}) {  // a pause or a cancel at 10:15:00 is not a meet
    auto r = sla_ref::evaluate_ticket(p, {c, ev("2026-11-23T10:15:00Z", event_kind::status, status)},
                                      parse_instant("2026-11-23T10:30:00Z"));
    const auto& t = target(r, "response");
    INFO(status);
    CHECK(t.state == target_state::breached);
    CHECK(t.breached_at == at("2026-11-23T10:15:00Z"));
    CHECK(t.accrued == 900);  // stopped (or frozen) at 10:15:00
  }
}

TEST_CASE("reference 2.4 a deadline that uses up a window is its close", "[reference]") {
  // Mon–Fri 09:00–17:00 UTC, response 2h, created Mon 15:00: 15:00–17:00 is 2h, so the
  // deadline is Mon 17:00:00. A reply on Tue 09:00 finds accrued 2h (nothing in between) but
  // the deadline passed unmet: breached at Mon 17:00.
  auto c = created("2026-11-23T15:00:00Z", "incident", "high");
  auto before = sla_ref::evaluate_ticket(office(), {c}, parse_instant("2026-11-23T16:00:00Z"));
  CHECK(target(before, "response").deadline == at("2026-11-23T17:00:00Z"));
  auto r = sla_ref::evaluate_ticket(office(), {c, ev("2026-11-24T09:00:00Z", event_kind::responded)},
                                    parse_instant("2026-11-24T09:30:00Z"));
  const auto& t = target(r, "response");
  CHECK(t.state == target_state::breached);
  CHECK(t.breached_at == at("2026-11-23T17:00:00Z"));
  CHECK(t.met_at == at("2026-11-24T09:00:00Z"));
  CHECK(t.accrued == 7200);
}

TEST_CASE("reference 2.5 the first met_at stands and a breach is permanent", "[reference]") {
  const auto& p = seed("avallain");
  auto c = created("2026-11-23T10:00:00Z", "incident", "urgent");
  {  // resolved 11:00 meets resolution; waiting_for_acceptance 11:30 and closed 12:00 change nothing.
    auto r = sla_ref::evaluate_ticket(p,
                                      {c, ev("2026-11-23T11:00:00Z", event_kind::resolved),
                                       ev("2026-11-23T11:30:00Z", event_kind::status, "waiting_for_acceptance"),
                                       ev("2026-11-23T12:00:00Z", event_kind::status, "closed")},
                                      parse_instant("2026-11-23T13:00:00Z"));
    const auto& t = target(r, "resolution");
    CHECK(t.state == target_state::met);
    CHECK(t.met_at == at("2026-11-23T11:00:00Z"));
    CHECK(t.accrued == 3600);
    CHECK(t.cycles == 1);
    // met with 7h remaining: deadline = add(met_at, 7h) = 18:00, when it would have been
    CHECK(t.deadline == at("2026-11-23T18:00:00Z"));
  }
  {  // no reply, cancelled at 10:20: response breached at 10:15 with 1,200 s (stopped at
     // 10:20); resolution cancelled (1,200 s, no deadline).
    auto r = sla_ref::evaluate_ticket(p, {c, ev("2026-11-23T10:20:00Z", event_kind::status, "cancelled")},
                                      parse_instant("2026-11-23T12:00:00Z"));
    const auto& response = target(r, "response");
    CHECK(response.state == target_state::breached);
    CHECK(response.breached_at == at("2026-11-23T10:15:00Z"));
    CHECK(response.accrued == 1200);
    CHECK(response.deadline == at("2026-11-23T10:15:00Z"));
    const auto& resolution = target(r, "resolution");
    CHECK(resolution.state == target_state::cancelled);
    CHECK(resolution.accrued == 1200);
    CHECK(!resolution.deadline);
    CHECK(!r.next_change);  // nothing ticks
  }
}

TEST_CASE("reference 2.6 leaving a meeting status reopens and resumes resolution", "[reference]") {
  const auto& p = seed("avallain");
  // created 10:00; responded 10:05; resolved 11:00; waiting_for_acceptance 11:30; in_progress
  // 12:00 reopens: resolution resumes with 1h (10:00–11:00), cycle 2. At 13:00 it has 2h; the
  // deadline is 12:00 + 7h = 19:00; 75% (6h) comes at 12:00 + 5h = 17:00 = next_change (the
  // 90% at 7h12m comes at 18:12, the breach at 19:00). Response stays met at 10:05.
  auto r = sla_ref::evaluate_ticket(p,
                                    {created("2026-11-23T10:00:00Z", "incident", "urgent"),
                                     ev("2026-11-23T10:05:00Z", event_kind::responded),
                                     ev("2026-11-23T11:00:00Z", event_kind::resolved),
                                     ev("2026-11-23T11:30:00Z", event_kind::status, "waiting_for_acceptance"),
                                     ev("2026-11-23T12:00:00Z", event_kind::status, "in_progress")},
                                    parse_instant("2026-11-23T13:00:00Z"));
  const auto& resolution = target(r, "resolution");
  const auto& response = target(r, "response");
  CHECK(response.state == target_state::met);
  CHECK(response.met_at == at("2026-11-23T10:05:00Z"));
  CHECK(response.cycles == 1);
  CHECK(resolution.state == target_state::running);
  CHECK(resolution.accrued == 7200);
  CHECK(resolution.cycles == 2);
  CHECK(!resolution.met_at);  // the new cycle is not met
  CHECK(resolution.deadline == at("2026-11-23T19:00:00Z"));
  CHECK(r.next_change == at("2026-11-23T17:00:00Z"));
  // The met cycle is completed: it ran from the start (10:00) to its meet (11:00) with 1h.
  CHECK(resolution.completed == cycles{cycle("2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z", target_state::met,
                                             at("2026-11-23T11:00:00Z"), std::nullopt, 3600)});
  CHECK(response.completed.empty());
  // A `reopened` event while in the meeting status resumes the same way; the ticket stays in
  // waiting_for_acceptance. Status at 11:00 meets resolution (1h); reopened 12:00; at 13:00: 2h.
  auto again = sla_ref::evaluate_ticket(p,
                                        {created("2026-11-23T10:00:00Z", "incident", "urgent"),
                                         ev("2026-11-23T11:00:00Z", event_kind::status, "waiting_for_acceptance"),
                                         ev("2026-11-23T12:00:00Z", event_kind::reopened)},
                                        parse_instant("2026-11-23T13:00:00Z"));
  CHECK(target(again, "resolution").state == target_state::running);
  CHECK(target(again, "resolution").accrued == 7200);
  CHECK(target(again, "resolution").cycles == 2);
}

TEST_CASE("reference 2.7 cancellation is final and periodic targets restart", "[reference]") {
  const auto& p = seed("avallain");
  auto c = created("2026-11-23T10:00:00Z", "incident", "important");  // response 30m, resolution 48h
  {  // cancelled 10:10 → both cancelled with 600 s; in_progress 10:20, reopened 10:30 change nothing.
    auto r = sla_ref::evaluate_ticket(p,
                                      {c, ev("2026-11-23T10:10:00Z", event_kind::status, "cancelled"),
                                       ev("2026-11-23T10:20:00Z", event_kind::status, "in_progress"),
                                       ev("2026-11-23T10:30:00Z", event_kind::reopened)},
                                      parse_instant("2026-11-23T11:00:00Z"));
    for (const char* name : {"response", "resolution"}) {
      INFO(name);
      CHECK(target(r, name).state == target_state::cancelled);
      CHECK(target(r, name).accrued == 600);
      CHECK(!target(r, name).deadline);
    }
  }
  {  // had resolved come at 10:05: resolution met (not cancelled); reopened 10:30 resumes it
     // with 5 minutes accrued; at 11:00 it has 300 + 1,800 = 2,100 s, cycle 2.
    auto r = sla_ref::evaluate_ticket(p,
                                      {c, ev("2026-11-23T10:05:00Z", event_kind::resolved),
                                       ev("2026-11-23T10:10:00Z", event_kind::status, "cancelled"),
                                       ev("2026-11-23T10:20:00Z", event_kind::status, "in_progress"),
                                       ev("2026-11-23T10:30:00Z", event_kind::reopened)},
                                      parse_instant("2026-11-23T11:00:00Z"));
    CHECK(target(r, "response").state == target_state::cancelled);
    const auto& t = target(r, "resolution");
    CHECK(t.state == target_state::running);
    CHECK(t.accrued == 2100);
    CHECK(t.cycles == 2);
  }
  {  // closed (meets resolution) then cancelled: leaving closed reopens (cycle 2), then cancels.
     // Resolution: 10:00–11:00 = 3,600 s. Response: breached at 10:15, stopped at 11:30 = 5,400 s.
    auto r = sla_ref::evaluate_ticket(p,
                                      {c, ev("2026-11-23T11:00:00Z", event_kind::status, "closed"),
                                       ev("2026-11-23T11:30:00Z", event_kind::status, "cancelled")},
                                      parse_instant("2026-11-23T12:00:00Z"));
    const auto& resolution = target(r, "resolution");
    CHECK(resolution.state == target_state::cancelled);
    CHECK(resolution.accrued == 3600);
    CHECK(resolution.cycles == 2);
    const auto& response = target(r, "response");
    CHECK(response.state == target_state::breached);
    CHECK(response.breached_at == at("2026-11-23T10:30:00Z"));  // 30m from 10:00
    CHECK(response.accrued == 5400);
  }
}

TEST_CASE("reference 2.8 a severity change recounts from the original start", "[reference]") {
  {  // xen enhanced bug, low (none) at 06:00 UTC; critical at 10:00: response 1h, resolution 2h
     // on 24/7, recounted from 06:00: response crossed 1h at 07:00, resolution 2h at 08:00. At
     // 10:30 both have 4h30m = 16,200 s (450% and 225%).
    const auto& p = seed("xen");
    auto r = sla_ref::evaluate_ticket(p,
                                      {created("2026-11-23T06:00:00Z", "bug", "low", "enhanced", "UTC"),
                                       ev("2026-11-23T10:00:00Z", event_kind::severity, "critical")},
                                      parse_instant("2026-11-23T10:30:00Z"));
    CHECK(r.severity == "critical");
    const auto& response = target(r, "response");
    CHECK(response.state == target_state::breached);
    CHECK(response.breached_at == at("2026-11-23T07:00:00Z"));
    CHECK(response.accrued == 16200);
    CHECK(response.accrued * 100 == 450 * *response.target);
    const auto& resolution = target(r, "resolution");
    CHECK(resolution.state == target_state::breached);
    CHECK(resolution.breached_at == at("2026-11-23T08:00:00Z"));
    CHECK(resolution.accrued == 16200);
    CHECK(resolution.accrued * 100 == 225 * *resolution.target);
    // Before the change the ticket is low: no clocks.
    auto low = sla_ref::evaluate_ticket(p, {created("2026-11-23T06:00:00Z", "bug", "low", "enhanced", "UTC")},
                                        parse_instant("2026-11-23T09:00:00Z"));
    CHECK(target(low, "response").state == target_state::not_applicable);
  }
  {  // avallain bug, normal (resolution none) Mon 23 Nov 10:00; urgent Wed 25 09:00 gives
     // resolution 5 business days from Mon 10:00 on Mon–Fri 00:00–24:00: Mon 30 Nov 10:00,
     // 120h of business time (Mon 14h + Tue–Fri 96h + Mon 10h). At Wed 09:00: Mon 14h + Tue
     // 24h + Wed 9h = 47h accrued; the deadline is Mon 30 Nov 10:00.
    const auto& p = seed("avallain");
    auto r = sla_ref::evaluate_ticket(p,
                                      {created("2026-11-23T10:00:00Z", "bug", "normal"),
                                       ev("2026-11-25T09:00:00Z", event_kind::severity, "urgent")},
                                      parse_instant("2026-11-25T09:00:00Z"));
    const auto& resolution = target(r, "resolution");
    CHECK(resolution.state == target_state::running);
    CHECK(*resolution.target == 120 * 3600);
    CHECK(resolution.accrued == 47 * 3600);
    CHECK(resolution.deadline == at("2026-11-30T10:00:00Z"));
    // response 24h on working days from Mon 10:00: Tue 10:00, unanswered: breached, 47h.
    CHECK(target(r, "response").breached_at == at("2026-11-24T10:00:00Z"));
  }
}

TEST_CASE("reference 2.8 restart starts running targets anew at the change", "[reference]") {
  // Own example (24/7 UTC). p2 created 10:00 (response 2h, resolution 8h, update 3h);
  // responded 10:30 (response met, 1,800 s); p1 at 12:00: resolution and update are running, so
  // they restart at 12:00 with the p1 amounts (4h, 2h), cycle 2; response keeps its outcome and
  // its old amount (2h). At 13:00: resolution 3,600 s of 4h, update 3,600 s of 2h.
  const auto& p = restart_policy();
  auto r = sla_ref::evaluate_ticket(p,
                                    {created("2026-11-23T10:00:00Z", "incident", "p2"),
                                     ev("2026-11-23T10:30:00Z", event_kind::responded),
                                     ev("2026-11-23T12:00:00Z", event_kind::severity, "p1")},
                                    parse_instant("2026-11-23T13:00:00Z"));
  const auto& response = target(r, "response");
  CHECK(response.state == target_state::met);
  CHECK(*response.target == 7200);
  CHECK(response.accrued == 1800);
  CHECK(response.cycles == 1);
  const auto& resolution = target(r, "resolution");
  CHECK(*resolution.target == 4 * 3600);
  CHECK(resolution.accrued == 3600);
  CHECK(resolution.cycles == 2);
  CHECK(resolution.deadline == at("2026-11-23T16:00:00Z"));
  const auto& update = target(r, "update");
  CHECK(*update.target == 2 * 3600);
  CHECK(update.accrued == 3600);
  CHECK(update.deadline == at("2026-11-23T14:00:00Z"));
  // The cycles the change ended are recorded as cancelled (2.16 table, 2.10): 10:00–12:00, 2h
  // accrued, neither met nor breached (resolution 8h, update 3h). Response keeps its one cycle.
  CHECK(resolution.completed == cycles{cycle("2026-11-23T10:00:00Z", "2026-11-23T12:00:00Z", target_state::cancelled,
                                             std::nullopt, std::nullopt, 7200)});
  CHECK(update.completed == cycles{cycle("2026-11-23T10:00:00Z", "2026-11-23T12:00:00Z", target_state::cancelled,
                                         std::nullopt, std::nullopt, 7200)});
  CHECK(response.completed.empty());
  // update: 87.5% of 2h = 6,300 s → 12:00 + 1h45m = 13:45; last half hour → 13:30 (next).
  CHECK(update.warnings.empty());
  CHECK(r.next_change == at("2026-11-23T13:30:00Z"));

  // A breach of the ended cycle stays with it: p2 resolution... response 2h unanswered from
  // 10:00 breaches at 12:00; p1 at 12:30 restarts it (1h from 12:30), unbreached, cycle 2.
  auto late = sla_ref::evaluate_ticket(p,
                                       {created("2026-11-23T10:00:00Z", "incident", "p2"),
                                        ev("2026-11-23T12:30:00Z", event_kind::severity, "p1")},
                                       parse_instant("2026-11-23T13:00:00Z"));
  CHECK(target(late, "response").state == target_state::running);
  CHECK(!target(late, "response").breached_at);
  CHECK(target(late, "response").accrued == 1800);
  CHECK(target(late, "response").deadline == at("2026-11-23T13:30:00Z"));
  CHECK(target(late, "response").warnings == warnings{"last half hour"});  // 1,800 ≥ 3,600 − 1,800
  // The ended cycle was breached (at 12:00, 2h30m = 9,000 s by 12:30): recorded as breached.
  CHECK(target(late, "response").completed == cycles{cycle("2026-11-23T10:00:00Z", "2026-11-23T12:30:00Z", target_state::breached,
                                                           std::nullopt, at("2026-11-23T12:00:00Z"), 9000)});
  CHECK(target(late, "response").cycles == 2);
}

TEST_CASE("reference 2.9 a target without an amount is not a clock", "[reference]") {
  // avallain incident/normal: response 24h runs; resolution none.
  auto r = sla_ref::evaluate_ticket(seed("avallain"), {created("2026-11-23T10:00:00Z", "incident", "normal")},
                                    parse_instant("2026-11-23T12:00:00Z"));
  CHECK(target(r, "response").state == target_state::running);
  CHECK(target(r, "response").accrued == 7200);
  const auto& resolution = target(r, "resolution");
  CHECK(resolution.state == target_state::not_applicable);
  CHECK(!resolution.deadline);
  CHECK(!resolution.target);
  CHECK(resolution.accrued == 0);
  CHECK(resolution.warnings.empty());
  // next_change: response 75% of 24h = 18h → 04:00 next day.
  CHECK(r.next_change == at("2026-11-24T04:00:00Z"));
}

TEST_CASE("reference 2.11 a before threshold is counted in business time", "[reference]") {
  // Mon–Fri 09:00–17:00 UTC, resolution 8h, `before: 2h`; created Fri 27 Nov 10:00: Friday
  // gives 7h, so the deadline is Mon 30 Nov 10:00; the warning is crossed at 6h accrued, Fri 16:00.
  auto c = created("2026-11-27T10:00:00Z", "incident", "high");
  auto before = sla_ref::evaluate_ticket(office(), {c}, parse_instant("2026-11-27T15:59:59Z"));
  CHECK(target(before, "resolution").deadline == at("2026-11-30T10:00:00Z"));
  CHECK(target(before, "resolution").warnings.empty());
  CHECK(before.next_change == at("2026-11-27T16:00:00Z"));  // response (2h) breached at 12:00 already
  auto on = sla_ref::evaluate_ticket(office(), {c}, parse_instant("2026-11-27T16:00:00Z"));
  CHECK(target(on, "resolution").warnings == warnings{"last two hours"});
  CHECK(on.next_change == at("2026-11-30T10:00:00Z"));  // next: the breach
  CHECK(target(on, "response").breached_at == at("2026-11-27T12:00:00Z"));
}

TEST_CASE("reference 2.13 a periodic restart and the counted explanation", "[reference]") {
  // aveksa p1: update 4h on Mon–Fri 08:00–18:00 New York. Created Mon 23 Nov 09:00 EST
  // (14:00Z); updated 11:00 EST (16:00Z); at 13:00 EST (18:00Z): update accrued 2h, cycle 2;
  // the counted stretches (11:00–13:00) add up to 2h.
  auto r = sla_ref::evaluate_ticket(seed("aveksa"),
                                    {created("2026-11-23T09:00:00-05:00", "product_error", "p1"),
                                     ev("2026-11-23T11:00:00-05:00", event_kind::updated)},
                                    parse_instant("2026-11-23T13:00:00-05:00"));
  const auto& update = target(r, "update");
  CHECK(update.state == target_state::running);
  CHECK(update.accrued == 7200);
  CHECK(update.cycles == 2);
  CHECK(update.explained_counted == 7200);
  CHECK(update.deadline == at("2026-11-23T15:00:00-05:00"));  // 2h left from 13:00
  CHECK(target(r, "response").state == target_state::breached);  // 1h from 09:00, unanswered
  CHECK(target(r, "response").breached_at == at("2026-11-23T10:00:00-05:00"));
}

TEST_CASE("reference second-exact pieces, pauses and a closed minute", "[reference]") {
  // Own check: office calendar (Mon–Fri 09:00–17:00 UTC), resolution 8h paused by `waiting`.
  // Created Mon 09:00:30; waiting 09:10:15 (585 s); open 16:59:50 (resumes; 10 s to 17:00);
  // Tue 09:00:00 + 2h → at 11:00:00 Tue: 585 + 10 + 7,200 = 7,795 s. Remaining 28,800 − 7,795 =
  // 21,005 s = 5h50m05s → 16:50:05 Tue.
  auto r = sla_ref::evaluate_ticket(office(),
                                    {created("2026-11-23T09:00:30Z", "incident", "high"),
                                     ev("2026-11-23T09:10:15Z", event_kind::status, "waiting"),
                                     ev("2026-11-23T16:59:50Z", event_kind::status, "open")},
                                    parse_instant("2026-11-24T11:00:00Z"));
  const auto& t = target(r, "resolution");
  CHECK(t.accrued == 7795);
  CHECK(t.explained_counted == 7795);
  CHECK(t.deadline == at("2026-11-24T16:50:05Z"));
  CHECK(t.state == target_state::running);
  // response (not paused) 2h from 09:00:30 → 11:00:30 Mon, breached.
  CHECK(target(r, "response").breached_at == at("2026-11-23T11:00:30Z"));
}

// ---- The reference's reading of edges the document states without a worked example --------

namespace {

// 24/7 UTC, so that every number is wall-clock arithmetic.
const sla::policy& edge_policy() {
  static const sla::policy p = sla::policy::parse(R"(
policy: edge-examples
types: [incident]
severities: [high, low]
statuses: [open, working, pending, done, void, duplicate]
calendars:
  always: {timezone: UTC, hours: always}
targets:
  - {severity: high, calendar: always, targets: {ack: 10m, response: 1h, resolution: 4h}}
  - {severity: low, calendar: always, targets: {ack: 30m, response: 2h, resolution: none}}
clock:
  pause: {pending: [resolution]}
  meet:
    events: {responded: [ack, response], resolved: [resolution]}
    statuses: {working: [ack], pending: [response], done: [resolution], duplicate: [ack]}
  cancel: [void, duplicate]
  reopen: {resume: [resolution, response]}
warnings:
  - {name: early, before: 2h, targets: [ack]}
)", "edge-examples.yaml");
  return p;
}

}  // namespace

TEST_CASE("reference a status that cancels and meets cancels first", "[reference]") {
  // 2.3: cancellation, then meeting. duplicate at 10:05 cancels ack (running) before it could
  // meet it: all three cancelled with 300 s.
  auto r = sla_ref::evaluate_ticket(edge_policy(),
                                    {created("2026-11-23T10:00:00Z", "incident", "high"),
                                     ev("2026-11-23T10:05:00Z", event_kind::status, "duplicate")},
                                    parse_instant("2026-11-23T11:00:00Z"));
  for (const auto& t : r.targets) {
    INFO(t.name);
    CHECK(t.state == target_state::cancelled);
    CHECK(t.accrued == 300);
    CHECK(!t.met_at);
  }
  // before: 2h on a 10m target: remaining ≤ 2h from the start, so crossed at once (2.11).
  CHECK(target(r, "ack").warnings == warnings{"early"});
}

TEST_CASE("reference meeting statuses, pauses and reopening by status", "[reference]") {
  // created 10:00 high (ack 10m, response 1h, resolution 4h, 24/7).
  // pending 10:30: meets response (1,800 s), pauses resolution (1,800 s so far).
  // working 11:00: a meeting status left for a meeting status: no reopening; meets ack late
  //   (ack breached at 10:10, met_at 11:00, accrued 3,600 s). Resolution ticks again.
  // open 12:00: working (meeting) left for open (not meeting): reopens; response (resumable,
  //   met) resumes with 1,800 s, cycle 2; ack is not resumable and stays met.
  // At 12:30 response reaches 3,600 s = 1h unmet: breached at 12:30. Resolution: 1,800 +
  //   5,400 (11:00–12:30) = 7,200 s.
  auto r = sla_ref::evaluate_ticket(edge_policy(),
                                    {created("2026-11-23T10:00:00Z", "incident", "high"),
                                     ev("2026-11-23T10:30:00Z", event_kind::status, "pending"),
                                     ev("2026-11-23T11:00:00Z", event_kind::status, "working"),
                                     ev("2026-11-23T12:00:00Z", event_kind::status, "open")},
                                    parse_instant("2026-11-23T12:30:00Z"));
  const auto& ack = target(r, "ack");
  CHECK(ack.state == target_state::breached);
  CHECK(ack.breached_at == at("2026-11-23T10:10:00Z"));
  CHECK(ack.met_at == at("2026-11-23T11:00:00Z"));
  CHECK(ack.accrued == 3600);
  CHECK(ack.cycles == 1);
  const auto& response = target(r, "response");
  CHECK(response.state == target_state::breached);
  CHECK(response.breached_at == at("2026-11-23T12:30:00Z"));
  CHECK(response.accrued == 3600);
  CHECK(response.cycles == 2);
  CHECK(!response.met_at);
  const auto& resolution = target(r, "resolution");
  CHECK(resolution.state == target_state::running);
  CHECK(resolution.accrued == 7200);
  CHECK(resolution.deadline == at("2026-11-23T14:30:00Z"));
  CHECK(resolution.explained_counted == 7200);
  // At 12:29:59 response is running with 1 s left; next_change is its breach.
  auto before = sla_ref::evaluate_ticket(edge_policy(),
                                         {created("2026-11-23T10:00:00Z", "incident", "high"),
                                          ev("2026-11-23T10:30:00Z", event_kind::status, "pending"),
                                          ev("2026-11-23T11:00:00Z", event_kind::status, "working"),
                                          ev("2026-11-23T12:00:00Z", event_kind::status, "open")},
                                         parse_instant("2026-11-23T12:29:59Z"));
  CHECK(target(before, "response").state == target_state::running);
  CHECK(before.next_change == at("2026-11-23T12:30:00Z"));
}

TEST_CASE("reference met on the deadline and reopened later breaches at the reopening", "[reference]") {
  // resolved at 14:00:00 = 10:00 + 4h: on time (2.4). reopened 15:00 resumes it with 4h
  // accrued = the amount, unmet: breached at 15:00 (the 2.4 rule, literally).
  auto r = sla_ref::evaluate_ticket(edge_policy(),
                                    {created("2026-11-23T10:00:00Z", "incident", "high"),
                                     ev("2026-11-23T14:00:00Z", event_kind::resolved),
                                     ev("2026-11-23T15:00:00Z", event_kind::reopened)},
                                    parse_instant("2026-11-23T15:30:00Z"));
  const auto& t = target(r, "resolution");
  CHECK(t.state == target_state::breached);
  CHECK(t.breached_at == at("2026-11-23T15:00:00Z"));
  CHECK(t.accrued == 4 * 3600 + 1800);
  CHECK(t.cycles == 2);
  // Without the reopening it stays met, deadline = met_at.
  auto met = sla_ref::evaluate_ticket(edge_policy(),
                                      {created("2026-11-23T10:00:00Z", "incident", "high"),
                                       ev("2026-11-23T14:00:00Z", event_kind::resolved)},
                                      parse_instant("2026-11-23T15:30:00Z"));
  CHECK(target(met, "resolution").state == target_state::met);
  CHECK(target(met, "resolution").deadline == at("2026-11-23T14:00:00Z"));
}

TEST_CASE("reference keep recounts over the ticking stretches and uses the cell at now", "[reference]") {
  auto history = std::vector<sla::ticket_event>{created("2026-11-23T10:00:00Z", "incident", "high"),
                                                ev("2026-11-23T10:30:00Z", event_kind::status, "pending"),
                                                ev("2026-11-23T11:00:00Z", event_kind::status, "open"),
                                                ev("2026-11-23T11:30:00Z", event_kind::severity, "low"),
                                                ev("2026-11-23T12:00:00Z", event_kind::severity, "high")};
  {  // at 11:45 the cell is low: ack 30m from 10:00 breached at 10:30; response 2h met by
     // pending at 10:30 (1,800 s), resumed at 11:00 by leaving pending (a meeting status) for
     // open: 1,800 + 2,700 = 4,500 s, cycle 2, deadline 11:45 + 2,700 s = 12:30; resolution none.
    auto r = sla_ref::evaluate_ticket(edge_policy(), history, parse_instant("2026-11-23T11:45:00Z"));
    CHECK(r.severity == "low");
    CHECK(target(r, "ack").breached_at == at("2026-11-23T10:30:00Z"));
    const auto& response = target(r, "response");
    CHECK(*response.target == 7200);
    CHECK(response.state == target_state::running);
    CHECK(response.accrued == 4500);
    CHECK(response.cycles == 2);
    CHECK(response.deadline == at("2026-11-23T12:30:00Z"));
    CHECK(target(r, "resolution").state == target_state::not_applicable);
  }
  {  // at 13:00, high again: resolution 4h recounted over 10:00–10:30 and 11:00–13:00 (paused
     // 10:30–11:00): 1,800 + 7,200 = 9,000 s; deadline 13:00 + 5,400 s = 14:30. ack 10m
     // breached at 10:10.
    auto r = sla_ref::evaluate_ticket(edge_policy(), history, parse_instant("2026-11-23T13:00:00Z"));
    CHECK(r.severity == "high");
    CHECK(target(r, "resolution").accrued == 9000);
    CHECK(target(r, "resolution").deadline == at("2026-11-23T14:30:00Z"));
    CHECK(target(r, "ack").breached_at == at("2026-11-23T10:10:00Z"));
    // response 1h, recounted: 1,800 s by 10:30, frozen while met, the other 1,800 s from the
    // resumption at 11:00: breached at 11:30.
    CHECK(*target(r, "response").target == 3600);
    CHECK(target(r, "response").breached_at == at("2026-11-23T11:30:00Z"));
  }
  {  // events at `now` are applied; events after it are not.
    auto r = sla_ref::evaluate_ticket(edge_policy(),
                                      {created("2026-11-23T10:00:00Z", "incident", "high"),
                                       ev("2026-11-23T10:10:00Z", event_kind::responded),
                                       ev("2026-11-23T10:20:00Z", event_kind::severity, "low")},
                                      parse_instant("2026-11-23T10:10:00Z"));
    CHECK(r.severity == "high");
    CHECK(target(r, "ack").state == target_state::met);  // met on its deadline second
    CHECK(target(r, "ack").met_at == at("2026-11-23T10:10:00Z"));
  }
}

TEST_CASE("reference periodic targets restart while paused and when breached", "[reference]") {
  // aveksa p1: update 4h on Mon–Fri 08:00–18:00 New York, paused by waiting_for_customer.
  // Created Mon 23 Nov 09:00 EST; update breached at 13:00 EST; updated 14:00 → cycle 2 from
  // 14:00, unbreached. waiting 15:00 (1h); updated 16:00 while paused → cycle 3, nothing
  // accrued, still paused. At 17:00: paused, 0 s; deadline if resumed now: 17:00–18:00 (1h),
  // then Tue 08:00 + 3h = Tue 11:00 EST.
  const auto& p = seed("aveksa");
  std::vector<sla::ticket_event> h{created("2026-11-23T09:00:00-05:00", "product_error", "p1"),
                                   ev("2026-11-23T14:00:00-05:00", event_kind::updated)};
  auto r1 = sla_ref::evaluate_ticket(p, h, parse_instant("2026-11-23T15:00:00-05:00"));
  CHECK(target(r1, "update").state == target_state::running);
  CHECK(target(r1, "update").cycles == 2);
  CHECK(target(r1, "update").accrued == 3600);
  CHECK(target(r1, "update").deadline == at("2026-11-23T18:00:00-05:00"));  // the close, not Tue 08:00
  auto early = sla_ref::evaluate_ticket(p, h, parse_instant("2026-11-23T13:30:00-05:00"));
  CHECK(target(early, "update").breached_at == at("2026-11-23T13:00:00-05:00"));
  h.push_back(ev("2026-11-23T15:00:00-05:00", event_kind::status, "waiting_for_customer"));
  h.push_back(ev("2026-11-23T16:00:00-05:00", event_kind::updated));
  auto r2 = sla_ref::evaluate_ticket(p, h, parse_instant("2026-11-23T17:00:00-05:00"));
  const auto& u = target(r2, "update");
  CHECK(u.state == target_state::paused);
  CHECK(u.cycles == 3);
  CHECK(u.accrued == 0);
  CHECK(u.deadline == at("2026-11-24T11:00:00-05:00"));
  // response (breached at 10:00, still ticking) has crossed its only threshold (75%);
  // resolution and update are paused: nothing would change without an event.
  CHECK(!r2.next_change);
  // resolution: 2 business days from Mon 09:00 land on Wed 09:00: Mon 9h + Tue 10h + Wed 1h.
  CHECK(*target(r2, "resolution").target == 20 * 3600);
}

// ---- Clock definitions (2.16), messages (2.17), regions (2.18), rule order (2.19) -------------

namespace {

// Mon–Fri 09:00–17:00 UTC: the calendar of the examples of 2.16 and 2.17.
const sla::policy& message_policy() {
  static const sla::policy p = sla::policy::parse(R"(
policy: message-examples
types: [support]
severities: [normal]
statuses: [open, escalated, resolved, closed]
calendars:
  office: {timezone: UTC, hours: {mon-fri: ["09:00-17:00"]}}
targets:
  - {calendar: office, targets: {first_reply: 4h, next_reply: 4h, team_response: 2h, time_to_close: 8h}}
clocks:
  first_reply: {meet: {events: [responded]}}
  next_reply: {start: [{event: customer_message}], meet: {events: [responded]}, repeat: true}
  team_response: {start: [{status: escalated}], meet: {events: [responded]}}
  time_to_close: {start: [{status: resolved}], meet: {statuses: [closed]}, reopen: restart}
)", "message-examples.yaml");
  return p;
}

// The reference's own cases, 24/7 UTC except `contract` (Mon–Fri 09:00–17:00 UTC): a clock
// started by a declared event, `repeat` with a status start trigger, a restart trigger on a
// status, cancellation before the start, a business-days amount not yet converted, and a
// `before:` threshold larger than a target that has not started.
const sla::policy& cycle_policy() {
  static const sla::policy p = sla::policy::parse(R"(
policy: cycle-examples
types: [incident]
severities: [high]
statuses: [open, triage, working, resolved, closed, spam]
events: [escalate_to_vendor, vendor_replied]
calendars:
  always: {timezone: UTC, hours: always}
  office: {timezone: UTC, hours: {mon-fri: ["09:00-17:00"]}}
targets:
  - {calendar: always, targets: {triage: 1h, vendor: 2h}}
  - {calendar: office, targets: {contract: 2 business days}}
clock:
  cancel: [spam]
clocks:
  triage: {start: [{status: triage}], meet: {statuses: [working]}, restart: {statuses: [open]}, repeat: true}
  vendor: {start: [{event: escalate_to_vendor}], meet: {events: [vendor_replied]}, repeat: true}
  contract: {start: [{event: escalate_to_vendor}], meet: {events: [vendor_replied]}}
warnings:
  - {name: early, before: 3h, targets: [triage, vendor]}
)", "cycle-examples.yaml");
  return p;
}

const sla::policy& gitlab() {
  static const sla::policy p = sla::policy::load(policies + "examples/gitlab.yaml");
  return p;
}

const sla::policy& jira(bool restart = false) {
  static const sla::policy keep = sla::policy::load(policies + "examples/jira-service-desk.yaml");
  static const sla::policy with_restart = [] {
    std::ifstream in(policies + "examples/jira-service-desk.yaml");
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    const std::string cancel = "  cancel: [cancelled]\n";
    s.replace(s.find(cancel), cancel.size(), cancel + "  severity_change: restart\n");
    return sla::policy::parse(s, "jira-restart.yaml", policies + "examples");
  }();
  return restart ? with_restart : keep;
}

}  // namespace

TEST_CASE("reference 2.16 an operational-level target starts when the ticket is escalated", "[reference]") {
  // team_response 2h on Mon–Fri 09:00–17:00 UTC, start {status: escalated}. Created Mon 23 Nov
  // 10:00; escalated 15:00. At 16:00: 15:00–16:00 = 1h accrued; the remaining 1h runs
  // 16:00–17:00, so the deadline is Mon 17:00 (15:00–17:00 holds the two hours), cycle 1.
  std::vector<sla::ticket_event> h{created("2026-11-23T10:00:00Z", "support", "normal"),
                                   ev("2026-11-23T15:00:00Z", event_kind::status, "escalated")};
  auto r = sla_ref::evaluate_ticket(message_policy(), h, parse_instant("2026-11-23T16:00:00Z"));
  const auto& t = target(r, "team_response");
  CHECK(t.state == target_state::running);
  CHECK(t.accrued == 3600);
  CHECK(t.deadline == at("2026-11-23T17:00:00Z"));
  CHECK(t.cycles == 1);
  CHECK(t.explained_counted == 3600);
  // At 14:00 (before the escalation): not_started, no deadline, nothing accrued, cycles 0.
  auto before = sla_ref::evaluate_ticket(message_policy(), h, parse_instant("2026-11-23T14:00:00Z"));
  const auto& n = target(before, "team_response");
  CHECK(n.state == target_state::not_started);
  CHECK(!n.deadline);
  CHECK(n.accrued == 0);
  CHECK(n.cycles == 0);
  CHECK(n.completed.empty());
  CHECK(*n.target == 7200);  // a business-time amount needs no start to be converted
  // first_reply (start: created, 4h) runs from 10:00: 4h accrued by 14:00 and unanswered, so
  // breached at 14:00; nothing else ticks then (next_reply, team_response, time_to_close are
  // not started): next_change none.
  CHECK(target(before, "first_reply").breached_at == at("2026-11-23T14:00:00Z"));
  CHECK(target(before, "next_reply").state == target_state::not_started);
  CHECK(!before.next_change);
}

TEST_CASE("reference 2.16 time to close restarts at a reopening", "[reference]") {
  // time_to_close 8h: start {status: resolved}, meet {statuses: [closed]}, reopen: restart.
  // resolved 11:00 starts cycle 1; closed 12:00 meets it (1h). open 13:00 leaves closed (a
  // meeting status) for a status that meets nothing: a reopening, which restarts it: cycle 2
  // from 13:00 with nothing accrued; cycle 1 is completed (11:00–12:00, met, 1h).
  // resolved 14:00 finds it running: a running cycle keeps its start (2.16), so cycle 2 still
  // counts from 13:00 — the literal rules; 2.16's prose "every resolution starts a new cycle"
  // holds for a resolution after a close that is not reopened first only with `repeat`.
  // At 15:00: 2h accrued, deadline 15:00 + 6h of office time = 17:00 Mon (2h) + Tue 09:00–13:00.
  auto r = sla_ref::evaluate_ticket(message_policy(),
                                    {created("2026-11-23T10:00:00Z", "support", "normal"),
                                     ev("2026-11-23T11:00:00Z", event_kind::status, "resolved"),
                                     ev("2026-11-23T12:00:00Z", event_kind::status, "closed"),
                                     ev("2026-11-23T13:00:00Z", event_kind::status, "open"),
                                     ev("2026-11-23T14:00:00Z", event_kind::status, "resolved")},
                                    parse_instant("2026-11-23T15:00:00Z"));
  const auto& t = target(r, "time_to_close");
  CHECK(t.state == target_state::running);
  CHECK(t.cycles == 2);
  CHECK(t.accrued == 7200);
  CHECK(t.deadline == at("2026-11-24T13:00:00Z"));
  CHECK(t.completed == cycles{cycle("2026-11-23T11:00:00Z", "2026-11-23T12:00:00Z", target_state::met,
                                    at("2026-11-23T12:00:00Z"), std::nullopt, 3600)});
}

TEST_CASE("reference 2.17 next reply starts at the oldest unanswered message and repeats", "[reference]") {
  // next_reply 4h on Mon–Fri 09:00–17:00 UTC. Created Mon 23 Nov 09:00; responded 09:30
  // (first reply met with 30m; next_reply not started, so not met); customer messages Fri 27
  // 16:00 and 16:30 (the second does not move the start); responded Mon 30 10:00: Friday
  // 16:00–17:00 gives 1h, Monday 09:00–10:00 1h: met with 2h, cycle 1.
  std::vector<sla::ticket_event> h{created("2026-11-23T09:00:00Z", "support", "normal"),
                                   ev("2026-11-23T09:30:00Z", event_kind::responded),
                                   ev("2026-11-27T16:00:00Z", event_kind::customer_message),
                                   ev("2026-11-27T16:30:00Z", event_kind::customer_message),
                                   ev("2026-11-30T10:00:00Z", event_kind::responded)};
  {
    auto r = sla_ref::evaluate_ticket(message_policy(), h, parse_instant("2026-11-30T10:30:00Z"));
    const auto& t = target(r, "next_reply");
    CHECK(t.state == target_state::met);
    CHECK(t.met_at == at("2026-11-30T10:00:00Z"));
    CHECK(t.accrued == 7200);
    CHECK(t.cycles == 1);
    CHECK(t.deadline == at("2026-11-30T12:00:00Z"));  // add(met_at, 2h remaining)
    CHECK(t.completed.empty());                      // the met cycle is the current one
    const auto& first = target(r, "first_reply");
    CHECK(first.state == target_state::met);
    CHECK(first.met_at == at("2026-11-23T09:30:00Z"));
    CHECK(first.accrued == 1800);
  }
  {  // The Friday 16:30 message alone would have started it at 16:30: at Fri 16:45 it has 15m.
    auto r = sla_ref::evaluate_ticket(message_policy(), h, parse_instant("2026-11-27T16:45:00Z"));
    CHECK(target(r, "next_reply").accrued == 2700);  // from 16:00, not 16:30
    CHECK(target(r, "next_reply").deadline == at("2026-11-30T12:00:00Z"));  // 3h15m left: 15m Fri, 3h Mon
  }
  // A customer message Mon 11:00 starts cycle 2; at Mon 12:00 it has 1h, deadline 12:00 + 3h =
  // Mon 15:00. Cycle 1 is completed: Fri 16:00 to Mon 10:00, met, 2h.
  h.push_back(ev("2026-11-30T11:00:00Z", event_kind::customer_message));
  auto r = sla_ref::evaluate_ticket(message_policy(), h, parse_instant("2026-11-30T12:00:00Z"));
  const auto& t = target(r, "next_reply");
  CHECK(t.state == target_state::running);
  CHECK(t.cycles == 2);
  CHECK(t.accrued == 3600);
  CHECK(t.deadline == at("2026-11-30T15:00:00Z"));
  CHECK(!t.met_at);
  CHECK(t.completed == cycles{cycle("2026-11-27T16:00:00Z", "2026-11-30T10:00:00Z", target_state::met,
                                    at("2026-11-30T10:00:00Z"), std::nullopt, 7200)});
  // A note counts for nothing.
  auto noted = h;
  noted.push_back(ev("2026-11-30T11:30:00Z", event_kind::note));
  auto n = sla_ref::evaluate_ticket(message_policy(), noted, parse_instant("2026-11-30T12:00:00Z"));
  CHECK(target(n, "next_reply").accrued == 3600);
  CHECK(target(n, "next_reply").cycles == 2);
}

TEST_CASE("reference 2.17 a periodic update restarted by each reply (gitlab)", "[reference]") {
  // gitlab support/emergency/priority on 24x7: first_reply 30m, next_reply 30m, update 4h
  // (start and restart by `responded`, met by solved). Created Mon 23 Nov 10:00.
  // responded 10:30: first_reply met on its deadline (on time); update starts (cycle 1).
  // responded 12:00: update cycle 1 met at 12:00 (1h30m), cycle 2 from 12:00.
  // No reply until 17:00: cycle 2 breached at 16:00; responded 17:00 ends it breached (met_at
  // 17:00, 5h), cycle 3 from 17:00. status solved 18:00 meets cycle 3 (1h): deadline add(18:00,
  // 3h) = 21:00. next_reply never started (no customer message); solved is one of its meeting
  // statuses, and meeting acts on a running clock only, so it stays not started: cycles 0.
  auto r = sla_ref::evaluate_ticket(gitlab(),
                                    {created("2026-11-23T10:00:00Z", "support", "emergency", "priority"),
                                     ev("2026-11-23T10:30:00Z", event_kind::responded),
                                     ev("2026-11-23T12:00:00Z", event_kind::responded),
                                     ev("2026-11-23T17:00:00Z", event_kind::responded),
                                     ev("2026-11-23T18:00:00Z", event_kind::status, "solved")},
                                    parse_instant("2026-11-23T19:00:00Z"));
  const auto& first = target(r, "first_reply");
  CHECK(first.state == target_state::met);
  CHECK(first.accrued == 1800);
  CHECK(first.deadline == at("2026-11-23T10:30:00Z"));
  const auto& update = target(r, "update");
  CHECK(update.state == target_state::met);
  CHECK(update.cycles == 3);
  CHECK(update.met_at == at("2026-11-23T18:00:00Z"));
  CHECK(update.accrued == 3600);
  CHECK(update.deadline == at("2026-11-23T21:00:00Z"));
  CHECK(update.completed ==
        cycles{cycle("2026-11-23T10:30:00Z", "2026-11-23T12:00:00Z", target_state::met, at("2026-11-23T12:00:00Z"), std::nullopt, 5400),
               cycle("2026-11-23T12:00:00Z", "2026-11-23T17:00:00Z", target_state::breached, at("2026-11-23T17:00:00Z"),
                     at("2026-11-23T16:00:00Z"), 18000)});
  const auto& next = target(r, "next_reply");
  CHECK(next.state == target_state::not_started);
  CHECK(next.cycles == 0);
  CHECK(next.accrued == 0);
  CHECK(!next.deadline);
  CHECK(r.region.empty());  // no regions in this policy
  // The standard plan has no update target: `none`, not a clock.
  auto standard = sla_ref::evaluate_ticket(gitlab(), {created("2026-11-23T10:00:00Z", "support", "emergency")},
                                           parse_instant("2026-11-23T11:00:00Z"));
  CHECK(standard.plan == "standard");
  CHECK(target(standard, "update").state == target_state::not_applicable);
}

TEST_CASE("reference repeat with a status start trigger and a restart trigger on a status", "[reference]") {
  // triage 1h (24/7): start {status: triage}, met by working, restarted by open, repeat.
  // Created Mon 10:00. At 10:30 not started: no warning, although `before: 3h` ≥ 1h would be
  // crossed from the start of a cycle (the reference's reading: a clock not started has none).
  std::vector<sla::ticket_event> h{created("2026-11-23T10:00:00Z", "incident", "high")};
  {
    auto r = sla_ref::evaluate_ticket(cycle_policy(), h, parse_instant("2026-11-23T10:30:00Z"));
    CHECK(target(r, "triage").state == target_state::not_started);
    CHECK(target(r, "triage").warnings.empty());
  }
  // triage 11:00: cycle 1 from 11:00, `early` crossed at once. open 11:20: restart: cycle 1
  // met at 11:20 (1,200 s), cycle 2 from 11:20. working 12:00 meets cycle 2 (2,400 s).
  h.push_back(ev("2026-11-23T11:00:00Z", event_kind::status, "triage"));
  {
    auto r = sla_ref::evaluate_ticket(cycle_policy(), h, parse_instant("2026-11-23T11:00:00Z"));
    CHECK(target(r, "triage").warnings == warnings{"early"});
    CHECK(target(r, "triage").cycles == 1);
  }
  h.push_back(ev("2026-11-23T11:20:00Z", event_kind::status, "open"));
  h.push_back(ev("2026-11-23T12:00:00Z", event_kind::status, "working"));
  // triage 13:00: leaving working (a meeting status) for triage reopens, but triage's reopen is
  // none; then its start trigger finds it met with `repeat`: cycle 3 from 13:00. At 14:30 it has
  // 1h30m: breached at 14:00.
  h.push_back(ev("2026-11-23T13:00:00Z", event_kind::status, "triage"));
  const cycles first_two{
      cycle("2026-11-23T11:00:00Z", "2026-11-23T11:20:00Z", target_state::met, at("2026-11-23T11:20:00Z"), std::nullopt, 1200),
      cycle("2026-11-23T11:20:00Z", "2026-11-23T12:00:00Z", target_state::met, at("2026-11-23T12:00:00Z"), std::nullopt, 2400)};
  {
    auto r = sla_ref::evaluate_ticket(cycle_policy(), h, parse_instant("2026-11-23T14:30:00Z"));
    const auto& t = target(r, "triage");
    CHECK(t.state == target_state::breached);
    CHECK(t.breached_at == at("2026-11-23T14:00:00Z"));
    CHECK(t.accrued == 5400);
    CHECK(t.cycles == 3);
    CHECK(t.completed == first_two);
  }
  // open 15:00 restarts it: cycle 3 ends breached (met_at 15:00, breached at 14:00, 2h), cycle
  // 4 from 15:00; at 15:30: 30m accrued, deadline 16:00, unbreached.
  h.push_back(ev("2026-11-23T15:00:00Z", event_kind::status, "open"));
  auto r = sla_ref::evaluate_ticket(cycle_policy(), h, parse_instant("2026-11-23T15:30:00Z"));
  const auto& t = target(r, "triage");
  CHECK(t.state == target_state::running);
  CHECK(t.cycles == 4);
  CHECK(t.accrued == 1800);
  CHECK(t.deadline == at("2026-11-23T16:00:00Z"));
  CHECK(!t.breached_at);
  auto all = first_two;
  all.push_back(cycle("2026-11-23T13:00:00Z", "2026-11-23T15:00:00Z", target_state::breached, at("2026-11-23T15:00:00Z"),
                      at("2026-11-23T14:00:00Z"), 7200));
  CHECK(t.completed == all);
}

TEST_CASE("reference a clock started by a declared event; business days converted at the start", "[reference]") {
  // vendor 2h (24/7, repeat) and contract 2 business days (Mon–Fri 09:00–17:00 UTC, no repeat),
  // both started by escalate_to_vendor and met by vendor_replied. Created Mon 23 Nov 10:00.
  std::vector<sla::ticket_event> h{created("2026-11-23T10:00:00Z", "incident", "high")};
  {  // Not started: vendor's target is its 2h; contract's 2 business days have no start yet: 0.
    auto r = sla_ref::evaluate_ticket(cycle_policy(), h, parse_instant("2026-11-23T10:30:00Z"));
    CHECK(target(r, "vendor").state == target_state::not_started);
    CHECK(*target(r, "vendor").target == 7200);
    CHECK(target(r, "contract").state == target_state::not_started);
    CHECK(!target(r, "contract").target);
  }
  // escalate_to_vendor Tue 24 16:00: both start. contract: 2 business days from Tue 16:00 land
  // on Thu 26 16:00: Tue 16–17 (1h) + Wed 8h + Thu 09–16 (7h) = 16h. vendor_replied Tue 17:00
  // meets both: vendor 1h (deadline add(17:00, 1h) = 18:00), contract 1h (deadline add(17:00,
  // 15h) = Wed 8h, Thu 7h: Thu 16:00).
  h.push_back(ev("2026-11-24T16:00:00Z", event_kind::custom, "escalate_to_vendor"));
  h.push_back(ev("2026-11-24T17:00:00Z", event_kind::custom, "vendor_replied"));
  {
    auto r = sla_ref::evaluate_ticket(cycle_policy(), h, parse_instant("2026-11-24T18:00:00Z"));
    const auto& vendor = target(r, "vendor");
    CHECK(vendor.state == target_state::met);
    CHECK(vendor.accrued == 3600);
    CHECK(vendor.deadline == at("2026-11-24T18:00:00Z"));
    const auto& contract = target(r, "contract");
    CHECK(contract.state == target_state::met);
    CHECK(*contract.target == 16 * 3600);
    CHECK(contract.accrued == 3600);
    CHECK(contract.deadline == at("2026-11-26T16:00:00Z"));
  }
  // escalate_to_vendor Wed 25 09:00: vendor repeats (cycle 2 from 09:00); contract stays met.
  h.push_back(ev("2026-11-25T09:00:00Z", event_kind::custom, "escalate_to_vendor"));
  auto r = sla_ref::evaluate_ticket(cycle_policy(), h, parse_instant("2026-11-25T10:00:00Z"));
  CHECK(target(r, "vendor").cycles == 2);
  CHECK(target(r, "vendor").accrued == 3600);
  CHECK(target(r, "vendor").completed == cycles{cycle("2026-11-24T16:00:00Z", "2026-11-24T17:00:00Z", target_state::met,
                                                      at("2026-11-24T17:00:00Z"), std::nullopt, 3600)});
  CHECK(target(r, "contract").state == target_state::met);
  CHECK(target(r, "contract").cycles == 1);
}

TEST_CASE("reference cancellation before the start is final", "[reference]") {
  // spam 10:10 cancels every clock, the not-started ones too: cancelled, cycles 0, nothing
  // accrued, no deadline, no warning; escalate_to_vendor and triage later start nothing.
  auto r = sla_ref::evaluate_ticket(cycle_policy(),
                                    {created("2026-11-23T10:00:00Z", "incident", "high"),
                                     ev("2026-11-23T10:10:00Z", event_kind::status, "spam"),
                                     ev("2026-11-23T10:20:00Z", event_kind::custom, "escalate_to_vendor"),
                                     ev("2026-11-23T10:30:00Z", event_kind::status, "triage")},
                                    parse_instant("2026-11-23T11:00:00Z"));
  for (const char* name : {"triage", "vendor", "contract"}) {
    INFO(name);
    const auto& t = target(r, name);
    CHECK(t.state == target_state::cancelled);
    CHECK(t.cycles == 0);
    CHECK(t.accrued == 0);
    CHECK(!t.deadline);
    CHECK(t.warnings.empty());
    CHECK(t.completed.empty());
  }
  CHECK(!r.next_change);
}

TEST_CASE("reference a met operational-level clock starts a new cycle at the next escalation (jira)", "[reference]") {
  // jira incident/highest (24/7 `always`): team_response 1h starts at status escalated, is met by
  // responded or by resolved, and repeats. escalated 10:30 (cycle 1); resolved 10:50
  // (team_response met with 20m; resolution and first_response met too); in_progress 11:00
  // (leaving resolved reopens: resolution restarts, cycle 2 from 11:00, 1h by 12:00; cycle 1 ran
  // 10:00–10:50; team_response has no reopen action and stays met); escalated 11:10: repeat
  // begins team_response cycle 2 at 11:10: 50m = 3000 s by 12:00, deadline 11:10 + 1h = 12:10.
  auto r = sla_ref::evaluate_ticket(jira(),
                                    {created("2026-11-23T10:00:00Z", "incident", "highest"),
                                     ev("2026-11-23T10:30:00Z", event_kind::status, "escalated"),
                                     ev("2026-11-23T10:50:00Z", event_kind::status, "resolved"),
                                     ev("2026-11-23T11:00:00Z", event_kind::status, "in_progress"),
                                     ev("2026-11-23T11:10:00Z", event_kind::status, "escalated")},
                                    parse_instant("2026-11-23T12:00:00Z"));
  const auto& team = target(r, "team_response");
  CHECK(team.state == target_state::running);
  CHECK(team.cycles == 2);
  CHECK(team.accrued == 3000);
  CHECK(team.deadline == at("2026-11-23T12:10:00Z"));
  CHECK(team.completed == cycles{cycle("2026-11-23T10:30:00Z", "2026-11-23T10:50:00Z", target_state::met,
                                       at("2026-11-23T10:50:00Z"), std::nullopt, 1200)});
  const auto& resolution = target(r, "resolution");
  CHECK(resolution.state == target_state::running);
  CHECK(resolution.cycles == 2);
  CHECK(resolution.accrued == 3600);
  CHECK(resolution.completed == cycles{cycle("2026-11-23T10:00:00Z", "2026-11-23T10:50:00Z", target_state::met,
                                             at("2026-11-23T10:50:00Z"), std::nullopt, 3000)});
  // first_response (30m) was breached at 10:30 and met late by resolved; reopen none: it stays so.
  CHECK(target(r, "first_response").state == target_state::breached);
  CHECK(target(r, "first_response").met_at == at("2026-11-23T10:50:00Z"));
  CHECK(target(r, "first_response").breached_at == at("2026-11-23T10:30:00Z"));
  CHECK(target(r, "first_response").cycles == 1);
  CHECK(r.region == "amer");  // the default region
}

TEST_CASE("reference 2.18 a region change recounts on the new region's calendar (keep)", "[reference]") {
  // jira incident/high: first_response 1h, resolution 8h on `business`. Created Mon 23 Nov
  // 08:00Z in emea (Berlin 08:00–18:00 CET = 07:00–17:00Z); region amer at 10:00Z (New York
  // 08:00–18:00 EST = 13:00–23:00Z).
  std::vector<sla::ticket_event> h{created("2026-11-23T08:00:00Z", "incident", "high", "", "", "emea")};
  {  // At 09:30Z in emea: first_response breached at 09:00Z.
    auto r = sla_ref::evaluate_ticket(jira(), h, parse_instant("2026-11-23T09:30:00Z"));
    CHECK(r.region == "emea");
    CHECK(target(r, "first_response").calendar == "emea-hours");
    CHECK(target(r, "first_response").breached_at == at("2026-11-23T09:00:00Z"));
  }
  // keep: recounted from 08:00Z as if the ticket had been in amer from the start: nothing before
  // 13:00Z; at 13:30Z first_response has 30m (deadline 14:00Z), resolution 30m (deadline 13:30Z
  // + 7h30m = 21:00Z).
  h.push_back(ev("2026-11-23T10:00:00Z", event_kind::region, "amer"));
  auto r = sla_ref::evaluate_ticket(jira(), h, parse_instant("2026-11-23T13:30:00Z"));
  CHECK(r.region == "amer");
  const auto& first = target(r, "first_response");
  CHECK(first.calendar == "amer-hours");
  CHECK(first.state == target_state::running);
  CHECK(!first.breached_at);
  CHECK(first.accrued == 1800);
  CHECK(first.deadline == at("2026-11-23T14:00:00Z"));
  CHECK(first.cycles == 1);
  const auto& resolution = target(r, "resolution");
  CHECK(resolution.accrued == 1800);
  CHECK(resolution.deadline == at("2026-11-23T21:00:00Z"));
  // team_response (start: escalated) has not started and takes the region's calendar too.
  CHECK(target(r, "team_response").state == target_state::not_started);
  CHECK(target(r, "team_response").calendar == "amer-hours");
}

TEST_CASE("reference 2.18 a region change with restart starts new cycles", "[reference]") {
  // The same history with severity_change: restart: first_response and resolution are running
  // at 10:00Z, so each ends a cycle (first_response breached at 09:00Z with 2h; resolution
  // cancelled with 2h) and starts a new one at 10:00Z on amer-hours: at 13:30Z each has 30m;
  // first_response's deadline 14:00Z, resolution's 21:00Z. team_response (not started) takes the
  // new definition.
  auto r = sla_ref::evaluate_ticket(jira(true),
                                    {created("2026-11-23T08:00:00Z", "incident", "high", "", "", "emea"),
                                     ev("2026-11-23T10:00:00Z", event_kind::region, "amer")},
                                    parse_instant("2026-11-23T13:30:00Z"));
  const auto& first = target(r, "first_response");
  CHECK(first.state == target_state::running);
  CHECK(first.cycles == 2);
  CHECK(first.accrued == 1800);
  CHECK(first.deadline == at("2026-11-23T14:00:00Z"));
  CHECK(first.calendar == "amer-hours");
  CHECK(first.completed == cycles{cycle("2026-11-23T08:00:00Z", "2026-11-23T10:00:00Z", target_state::breached, std::nullopt,
                                        at("2026-11-23T09:00:00Z"), 7200)});
  const auto& resolution = target(r, "resolution");
  CHECK(resolution.cycles == 2);
  CHECK(resolution.deadline == at("2026-11-23T21:00:00Z"));
  CHECK(resolution.completed == cycles{cycle("2026-11-23T08:00:00Z", "2026-11-23T10:00:00Z", target_state::cancelled,
                                             std::nullopt, std::nullopt, 7200)});
  CHECK(target(r, "team_response").state == target_state::not_started);
  CHECK(target(r, "team_response").calendar == "amer-hours");
  CHECK(target(r, "team_response").cycles == 0);
}

TEST_CASE("reference 2.19 a rule with priority wins over a more specific one", "[reference]") {
  // jira service_request/highest: the `priority: 10` rule (line 45) sets resolution 40h on
  // `business` although the highest-severity rule (line 39) names the severity; first_response
  // still comes from line 39 (30m, `always`). Created Mon 23 Nov 14:00Z (09:00 EST) in amer: at
  // 15:00Z resolution has 1h on amer-hours.
  auto r = sla_ref::evaluate_ticket(jira(), {created("2026-11-23T14:00:00Z", "service_request", "highest")},
                                    parse_instant("2026-11-23T15:00:00Z"));
  const auto& resolution = target(r, "resolution");
  CHECK(*resolution.target == 40 * 3600);
  CHECK(resolution.calendar == "amer-hours");
  CHECK(resolution.accrued == 3600);
  CHECK(resolution.rule.find("jira-service-desk.yaml:45:") != std::string::npos);
  const auto& first = target(r, "first_response");
  CHECK(*first.target == 1800);
  CHECK(first.calendar == "always");
  CHECK(first.rule.find("jira-service-desk.yaml:39:") != std::string::npos);
  // A type change to incident (keep): resolution is 4h on `always` from the start.
  auto changed = sla_ref::evaluate_ticket(jira(),
                                          {created("2026-11-23T14:00:00Z", "service_request", "highest"),
                                           ev("2026-11-23T14:30:00Z", event_kind::type, "incident")},
                                          parse_instant("2026-11-23T15:00:00Z"));
  CHECK(changed.type == "incident");
  CHECK(*target(changed, "resolution").target == 4 * 3600);
  CHECK(target(changed, "resolution").calendar == "always");
  CHECK(target(changed, "resolution").rule.find("jira-service-desk.yaml:39:") != std::string::npos);
}

TEST_CASE("reference keep recounts completed cycles too, and a resumed cycle keeps its start", "[reference]") {
  // gitlab priority: emergency (next_reply 30m on 24x7) then medium (8h on 24x5, Mon–Fri UTC).
  // customer_message Mon 23 Nov 10:00 starts next_reply; responded 11:00 meets it (1h: late for
  // 30m, on time for 8h); customer_message 12:00 starts cycle 2; severity medium 12:30 (keep).
  // Counted as medium from the start (2.8: "the same as if the ticket had had the new severity
  // from the start"), cycle 1 is met, not breached: 10:00–11:00, 1h.
  auto r = sla_ref::evaluate_ticket(gitlab(),
                                    {created("2026-11-23T10:00:00Z", "support", "emergency", "priority"),
                                     ev("2026-11-23T10:00:00Z", event_kind::customer_message),
                                     ev("2026-11-23T11:00:00Z", event_kind::responded),
                                     ev("2026-11-23T12:00:00Z", event_kind::customer_message),
                                     ev("2026-11-23T12:30:00Z", event_kind::severity, "medium")},
                                    parse_instant("2026-11-23T13:00:00Z"));
  const auto& next = target(r, "next_reply");
  CHECK(*next.target == 8 * 3600);
  CHECK(next.cycles == 2);
  CHECK(next.accrued == 3600);
  CHECK(next.completed == cycles{cycle("2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z", target_state::met,
                                       at("2026-11-23T11:00:00Z"), std::nullopt, 3600)});
  // avallain incident/urgent (resolution 8h, 24/7, reopen resume): resolved 11:00, reopened
  // 12:00, resolved 13:00, reopened 14:00. Both met cycles run from the one start, 10:00 (2.6:
  // "from the same start"), with 1h and then 2h accrued; at 15:00 the current cycle has 3h.
  auto a = sla_ref::evaluate_ticket(seed("avallain"),
                                    {created("2026-11-23T10:00:00Z", "incident", "urgent"),
                                     ev("2026-11-23T11:00:00Z", event_kind::resolved),
                                     ev("2026-11-23T12:00:00Z", event_kind::reopened),
                                     ev("2026-11-23T13:00:00Z", event_kind::resolved),
                                     ev("2026-11-23T14:00:00Z", event_kind::reopened)},
                                    parse_instant("2026-11-23T15:00:00Z"));
  const auto& resolution = target(a, "resolution");
  CHECK(resolution.cycles == 3);
  CHECK(resolution.accrued == 3 * 3600);
  CHECK(resolution.completed ==
        cycles{cycle("2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z", target_state::met, at("2026-11-23T11:00:00Z"), std::nullopt, 3600),
               cycle("2026-11-23T10:00:00Z", "2026-11-23T13:00:00Z", target_state::met, at("2026-11-23T13:00:00Z"), std::nullopt, 7200)});
}

TEST_CASE("reference the order cancel, meet, restart, start on one event", "[reference]") {
  // An inline clock met and restarted by `updated`, met by a customer message that also starts
  // it, with repeat (24/7): customer_message 10:00 starts it; updated 10:30 meets it (1,800 s)
  // and the restart then finds it met: no new cycle; customer_message 11:00 starts cycle 2;
  // customer_message 11:15 meets cycle 2 (900 s) and then starts cycle 3 at once.
  static const sla::policy p = sla::policy::parse(R"(
policy: order-examples
types: [incident]
severities: [high]
statuses: [open]
calendars:
  always: {timezone: UTC, hours: always}
targets:
  - {calendar: always, targets: {followup: 2h}}
clocks:
  followup:
    start: [{event: customer_message}]
    meet: {events: [updated, customer_message]}
    restart: {events: [updated]}
    repeat: true
)", "order-examples.yaml");
  std::vector<sla::ticket_event> h{created("2026-11-23T09:00:00Z", "incident", "high"),
                                   ev("2026-11-23T10:00:00Z", event_kind::customer_message),
                                   ev("2026-11-23T10:30:00Z", event_kind::updated)};
  auto r = sla_ref::evaluate_ticket(p, h, parse_instant("2026-11-23T10:45:00Z"));
  CHECK(target(r, "followup").state == target_state::met);
  CHECK(target(r, "followup").cycles == 1);
  CHECK(target(r, "followup").accrued == 1800);
  h.push_back(ev("2026-11-23T11:00:00Z", event_kind::customer_message));
  h.push_back(ev("2026-11-23T11:15:00Z", event_kind::customer_message));
  r = sla_ref::evaluate_ticket(p, h, parse_instant("2026-11-23T11:45:00Z"));
  const auto& t = target(r, "followup");
  CHECK(t.state == target_state::running);
  CHECK(t.cycles == 3);
  CHECK(t.accrued == 1800);
  CHECK(t.completed ==
        cycles{cycle("2026-11-23T10:00:00Z", "2026-11-23T10:30:00Z", target_state::met, at("2026-11-23T10:30:00Z"), std::nullopt, 1800),
               cycle("2026-11-23T11:00:00Z", "2026-11-23T11:15:00Z", target_state::met, at("2026-11-23T11:15:00Z"), std::nullopt, 900)});
}

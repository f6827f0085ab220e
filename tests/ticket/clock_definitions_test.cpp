// Hand-worked histories for the clock definitions of docs/semantics.md 2.16–2.19: next reply
// (across a weekend and a DST change, several messages before one reply), periodic update and
// next reply on one ticket, an operational-level target that starts at an escalation, restart
// against resume, a plan change, two regions, rule priority and provenance. Policies: the two in
// policies/examples/ and small inline ones; every value is worked out in the comment above it.
#include <catch2/catch.hpp>

#include <sla/ticket.hpp>

#include "ticket/ticket_history.hpp"

namespace {

using namespace std::chrono_literals;
using sla::event_kind;
using sla::parse_instant;
using sla::target_state;
using ticket_test::target;
using ticket_test::text;

const sla::policy& example(const char* name) { return ticket_test::seed((std::string("examples/") + name).c_str()); }

// A history builder that also sets regions, plans, types and custom event names.
struct ticket_history {
  const sla::policy& p;
  sla::ticket t{"T"};
  ticket_history& created(const char* at, const char* type, const char* severity, const char* plan = "", const char* region = "") {
    sla::ticket_event e;
    e.at = parse_instant(at);
    e.kind = event_kind::created;
    e.type = type;
    e.severity = severity;
    e.plan = plan;
    e.region = region;
    t.append(e, &p);
    return *this;
  }
  ticket_history& add(const char* at, event_kind kind, const char* value = "") {
    sla::ticket_event e;
    e.at = parse_instant(at);
    e.kind = kind;
    switch (kind) {
      case event_kind::status: e.status = value; break;
      case event_kind::severity: e.severity = value; break;
      case event_kind::type: e.type = value; break;
      case event_kind::plan: e.plan = value; break;
      case event_kind::region: e.region = value; break;
      case event_kind::custom: e.name = value; break;
      default: break;
    }
    t.append(e, &p);
    return *this;
  }
  sla::ticket_evaluation at(const char* now) const {
    auto a = sla::evaluate(p, t, parse_instant(now));
    // The incremental tracker gives the same answer.
    sla::ticket_tracker tracker(p, t.id());
    for (const auto& e : t.events()) tracker.append(e);
    auto b = tracker.evaluate(parse_instant(now));
    REQUIRE(a.targets.size() == b.targets.size());
    for (std::size_t i = 0; i < a.targets.size(); ++i) {
      CHECK(a.targets[i].state == b.targets[i].state);
      CHECK(a.targets[i].accrued == b.targets[i].accrued);
      CHECK(text(a.targets[i].deadline) == text(b.targets[i].deadline));
      CHECK(a.targets[i].cycles == b.targets[i].cycles);
      CHECK(a.targets[i].completed.size() == b.targets[i].completed.size());
    }
    return a;
  }
};

// Next reply 4h and first reply 2h on Mon–Fri 09:00–17:00 New York.
const sla::policy& replies() {
  static const sla::policy p = sla::policy::parse(R"(
policy: replies
types: [question]
statuses: [open, solved]
calendars: {office: {timezone: America/New_York, hours: {mon-fri: ["09:00-17:00"]}}}
targets: [{calendar: office, targets: {first_reply: 2h, next_reply: 4h}}]
clocks:
  first_reply: {meet: {events: [responded]}}
  next_reply: {start: [{event: customer_message}], meet: {events: [responded]}, repeat: true}
)", "replies.yaml");
  return p;
}

}  // namespace

TEST_CASE("next reply: starts at the customer's message, runs over the weekend and the spring-forward Sunday",
          "[ticket][clocks]") {
  // Customer writes Fri 2026-03-06 15:00 EST = 20:00Z: Friday gives 2h (to 17:00); Monday
  // 2026-03-09 opens at 09:00 EDT = 13:00Z (clocks went forward Sunday); 2h more: deadline
  // 11:00 EDT = 15:00Z. The agent replies Mon 10:30 EDT = 14:30Z: met with 2h + 1h30 = 3h30.
  ticket_history h{replies()};
  h.created("2026-03-06T19:00:00Z", "question", "")
      .add("2026-03-06T19:30:00Z", event_kind::responded)
      .add("2026-03-06T20:00:00Z", event_kind::customer_message);
  auto waiting = h.at("2026-03-07T12:00:00Z");
  CHECK(target(waiting, "next_reply").state == target_state::running);
  CHECK(target(waiting, "next_reply").accrued == 2h);
  CHECK(text(target(waiting, "next_reply").deadline) == "2026-03-09T15:00:00Z");
  h.add("2026-03-09T14:30:00Z", event_kind::responded);
  auto met = h.at("2026-03-09T16:00:00Z");
  CHECK(target(met, "next_reply").state == target_state::met);
  CHECK(target(met, "next_reply").accrued == 3h + 30min);
  CHECK(target(met, "next_reply").cycles == 1);
  // The next message, Mon 12:00 EDT = 16:00Z, arms it again: cycle 2, 4h → 16:00 EDT = 20:00Z.
  h.add("2026-03-09T16:00:00Z", event_kind::customer_message);
  auto again = h.at("2026-03-09T17:00:00Z");
  const auto& next = target(again, "next_reply");
  CHECK(next.state == target_state::running);
  CHECK(next.cycles == 2);
  CHECK(next.accrued == 1h);
  CHECK(text(next.deadline) == "2026-03-09T20:00:00Z");
  REQUIRE(next.completed.size() == 1);
  CHECK(text(next.completed[0].start) == "2026-03-06T20:00:00Z");
  CHECK(text(next.completed[0].end) == "2026-03-09T14:30:00Z");
  CHECK(next.completed[0].outcome == target_state::met);
  CHECK(next.completed[0].accrued == 3h + 30min);
  // First reply: created 14:00 EST, replied 14:30 EST: met with 30 min, one cycle.
  CHECK(target(again, "first_reply").state == target_state::met);
  CHECK(target(again, "first_reply").accrued == 30min);
}

TEST_CASE("next reply: several customer messages before one reply count from the oldest", "[ticket][clocks]") {
  // Created Mon 2026-11-23 09:00 EST = 14:00Z, replied 09:15. Messages at 10:00, 11:00 and 12:00
  // EST: the cycle starts at 10:00 and the later ones do not move it. At 13:00 EST = 18:00Z it
  // has 3h; the deadline is 14:00 EST = 19:00Z. Before 10:00 EST it has not started.
  ticket_history h{replies()};
  h.created("2026-11-23T14:00:00Z", "question", "")
      .add("2026-11-23T14:15:00Z", event_kind::responded)
      .add("2026-11-23T15:00:00Z", event_kind::customer_message)
      .add("2026-11-23T16:00:00Z", event_kind::customer_message)
      .add("2026-11-23T16:30:00Z", event_kind::note)  // an internal note counts for nothing
      .add("2026-11-23T17:00:00Z", event_kind::customer_message);
  auto ev = h.at("2026-11-23T18:00:00Z");
  CHECK(target(ev, "next_reply").accrued == 3h);
  CHECK(target(ev, "next_reply").cycles == 1);
  CHECK(text(target(ev, "next_reply").deadline) == "2026-11-23T19:00:00Z");
  auto before = h.at("2026-11-23T14:30:00Z");
  CHECK(target(before, "next_reply").state == target_state::not_started);
  CHECK_FALSE(target(before, "next_reply").deadline);
  CHECK(target(before, "next_reply").cycles == 0);
  auto segments = sla::explain(h.p, h.t, "next_reply", parse_instant("2026-11-23T18:00:00Z"));
  REQUIRE_FALSE(segments.empty());
  CHECK(segments[0].reason == "not started");
  CHECK(text(segments[0].end) == "2026-11-23T15:00:00Z");
  CHECK(ticket_test::counted_seconds(segments) == 3 * 3600);
}

TEST_CASE("gitlab: a periodic update and a next reply on one emergency ticket", "[ticket][clocks]") {
  // Priority plan, emergency: first_reply 30m, next_reply 30m, update 4h, all on 24x7.
  // Created Mon 2026-11-23 10:00Z; agent replies 10:10 (first reply met, 10 min; the update
  // clock starts); customer writes 10:20 (next reply starts); agent replies 10:40: next reply
  // met with 20 min, and the update cycle ends (met, 30 min) and the next one starts at 10:40.
  // At 12:00 that cycle has 1h20m; deadline 14:40; its 50% warning (2h) comes at 12:40.
  ticket_history h{example("gitlab.yaml")};
  h.created("2026-11-23T10:00:00Z", "support", "emergency", "priority")
      .add("2026-11-23T10:10:00Z", event_kind::responded)
      .add("2026-11-23T10:20:00Z", event_kind::customer_message)
      .add("2026-11-23T10:40:00Z", event_kind::responded);
  auto ev = h.at("2026-11-23T12:00:00Z");
  CHECK(target(ev, "first_reply").state == target_state::met);
  CHECK(target(ev, "first_reply").accrued == 10min);
  CHECK(target(ev, "next_reply").state == target_state::met);
  CHECK(target(ev, "next_reply").accrued == 20min);
  const auto& update = target(ev, "update");
  CHECK(update.state == target_state::running);
  CHECK(update.cycles == 2);
  CHECK(update.accrued == 1h + 20min);
  CHECK(text(update.deadline) == "2026-11-23T14:40:00Z");
  REQUIRE(update.completed.size() == 1);
  CHECK(text(update.completed[0].start) == "2026-11-23T10:10:00Z");
  CHECK(update.completed[0].outcome == target_state::met);
  CHECK(update.completed[0].accrued == 30min);
  CHECK(text(ev.next_change) == "2026-11-23T12:40:00Z");
  // Solving the ticket at 13:00 meets the update (2h20m since 10:40). A customer message at
  // 13:30 arms the next reply again: cycle 2, 20 min at 13:50, its 30 min run out at 14:00.
  h.add("2026-11-23T13:00:00Z", event_kind::status, "solved").add("2026-11-23T13:30:00Z", event_kind::customer_message);
  auto solved = h.at("2026-11-23T13:50:00Z");
  CHECK(target(solved, "update").state == target_state::met);
  CHECK(target(solved, "update").accrued == 2h + 20min);
  CHECK(target(solved, "next_reply").state == target_state::running);
  CHECK(target(solved, "next_reply").cycles == 2);
  CHECK(target(solved, "next_reply").accrued == 20min);
  CHECK(text(solved.next_change) == "2026-11-23T14:00:00Z");
}

TEST_CASE("jira: the operational-level target starts when the ticket is escalated, again at each escalation",
          "[ticket][clocks]") {
  // High, region amer (Mon–Fri 08:00–18:00 New York): team_response 2h. Created Mon 2026-11-23
  // 09:00 EST = 14:00Z; escalated 10:00 EST = 15:00Z. At 14:30Z it has not started; at 16:00Z it
  // has 1h, deadline 12:00 EST = 17:00Z. The team replies 16:30Z: met with 1h30.
  ticket_history h{example("jira-service-desk.yaml")};
  h.created("2026-11-23T14:00:00Z", "incident", "high", "", "amer").add("2026-11-23T15:00:00Z", event_kind::status, "escalated");
  CHECK(target(h.at("2026-11-23T14:30:00Z"), "team_response").state == target_state::not_started);
  auto running = h.at("2026-11-23T16:00:00Z");
  CHECK(target(running, "team_response").accrued == 1h);
  CHECK(text(target(running, "team_response").deadline) == "2026-11-23T17:00:00Z");
  h.add("2026-11-23T16:30:00Z", event_kind::responded);
  auto met = h.at("2026-11-23T17:00:00Z");
  CHECK(target(met, "team_response").state == target_state::met);
  CHECK(target(met, "team_response").accrued == 1h + 30min);
  // The first response (1h from 09:00 EST) was due 15:00Z: the reply at 16:30Z is late.
  CHECK(target(met, "first_response").state == target_state::breached);
  CHECK(text(target(met, "first_response").breached_at) == "2026-11-23T15:00:00Z");
  // Back to work, escalated again at 13:00 EST = 18:00Z: cycle 2 from there; at 19:00Z 1h.
  h.add("2026-11-23T17:00:00Z", event_kind::status, "in_progress").add("2026-11-23T18:00:00Z", event_kind::status, "escalated");
  auto second = h.at("2026-11-23T19:00:00Z");
  const auto& team = target(second, "team_response");
  CHECK(team.cycles == 2);
  CHECK(team.accrued == 1h);
  REQUIRE(team.completed.size() == 1);
  CHECK(text(team.completed[0].start) == "2026-11-23T15:00:00Z");
  CHECK(text(team.completed[0].end) == "2026-11-23T16:30:00Z");
  CHECK(team.completed[0].accrued == 1h + 30min);
}

TEST_CASE("jira: reopening restarts the resolution as a new cycle, where resume would keep its time", "[ticket][clocks]") {
  // High amer: resolution 8h on amer-hours. Created Mon 2026-11-23 09:00 EST = 14:00Z; resolved
  // 11:00 EST = 16:00Z (2h, met); back in progress Tue 09:00 EST = 14:00Z: leaving `resolved`
  // reopens, and `reopen: restart` starts cycle 2 from zero there. At Tue 16:00Z: 2h; deadline
  // Tue 17:00 EST = 22:00Z. The first cycle is completed, met at 16:00Z with 2h.
  ticket_history h{example("jira-service-desk.yaml")};
  h.created("2026-11-23T14:00:00Z", "incident", "high")
      .add("2026-11-23T16:00:00Z", event_kind::status, "resolved")
      .add("2026-11-24T14:00:00Z", event_kind::status, "in_progress");
  auto ev = h.at("2026-11-24T16:00:00Z");
  const auto& r = target(ev, "resolution");
  CHECK(r.state == target_state::running);
  CHECK(r.cycles == 2);
  CHECK(r.accrued == 2h);
  CHECK(text(r.deadline) == "2026-11-24T22:00:00Z");
  REQUIRE(r.completed.size() == 1);
  CHECK(r.completed[0].outcome == target_state::met);
  CHECK(text(r.completed[0].met_at) == "2026-11-23T16:00:00Z");
  CHECK(r.completed[0].accrued == 2h);
  // The team_response never started: resolving meets only a running clock.
  CHECK(target(ev, "team_response").state == target_state::not_started);

  // The same history where the policy resumes instead: 2h + 2h = 4h at Tue 11:00 EST; the 4h
  // left run to 15:00 EST = 20:00Z.
  const sla::policy resume = sla::policy::parse(R"(
policy: resume
types: [incident]
statuses: [open, in_progress, resolved]
calendars: {office: {timezone: America/New_York, hours: {mon-fri: ["08:00-18:00"]}}}
targets: [{calendar: office, targets: {resolution: 8h}}]
clocks: {resolution: {meet: {statuses: [resolved]}, reopen: resume}}
)", "resume.yaml");
  ticket_history k{resume};
  k.created("2026-11-23T14:00:00Z", "incident", "")
      .add("2026-11-23T16:00:00Z", event_kind::status, "resolved")
      .add("2026-11-24T14:00:00Z", event_kind::status, "in_progress");
  auto kept = k.at("2026-11-24T16:00:00Z");
  CHECK(target(kept, "resolution").accrued == 4h);
  CHECK(target(kept, "resolution").cycles == 2);
  CHECK(text(target(kept, "resolution").deadline) == "2026-11-24T20:00:00Z");
  REQUIRE(target(kept, "resolution").completed.size() == 1);
  CHECK(target(kept, "resolution").completed[0].accrued == 2h);
}

TEST_CASE("gitlab: a plan change mid-ticket recounts from the creation with the new plan's target", "[ticket][clocks]") {
  // Highly degraded on the standard plan: first reply 24h on 24x5. Upgraded to priority at
  // 11:00: 4h on 24x5, counted from 10:00. At 12:00: 2h accrued; deadline 14:00. The rule that
  // sets it is the priority rule: its `first_reply` key is on line 42 of gitlab.yaml, after
  // "     targets: {" (15 characters), so column 16; the standard rule's on line 37, column 15.
  ticket_history h{example("gitlab.yaml")};
  h.created("2026-11-23T10:00:00Z", "support", "highly_degraded", "standard");
  auto before = h.at("2026-11-23T10:30:00Z");
  CHECK(text(target(before, "first_reply").deadline) == "2026-11-24T10:00:00Z");
  h.add("2026-11-23T11:00:00Z", event_kind::plan, "priority");
  auto ev = h.at("2026-11-23T12:00:00Z");
  CHECK(ev.plan == "priority");
  CHECK(target(ev, "first_reply").accrued == 2h);
  CHECK(text(target(ev, "first_reply").deadline) == "2026-11-23T14:00:00Z");
  CHECK_THAT(target(ev, "first_reply").rule, Catch::EndsWith("gitlab.yaml:42:16"));
  CHECK_THAT(target(before, "first_reply").rule, Catch::EndsWith("gitlab.yaml:37:15"));
}

TEST_CASE("jira: two regions give one ticket different calendars, and a region change recounts", "[ticket][clocks]") {
  // High: first response 1h on `business`. Created Mon 2026-11-23 07:00Z.
  //   emea (Berlin, CET = UTC+1): 08:00 CET, open: due 09:00 CET = 08:00Z.
  //   amer (New York, EST = UTC-5): 02:00 EST, closed until 08:00 EST = 13:00Z: due 14:00Z.
  //   apac (Sydney, AEDT = UTC+11): 18:00, just closed; Tue 08:00 AEDT = Mon 21:00Z: due 22:00Z.
  for (auto [region, due] : {std::pair{"emea", "2026-11-23T08:00:00Z"}, std::pair{"amer", "2026-11-23T14:00:00Z"},
                             std::pair{"apac", "2026-11-23T22:00:00Z"}}) {
    INFO(region);
    ticket_history h{example("jira-service-desk.yaml")};
    h.created("2026-11-23T07:00:00Z", "incident", "high", "", region);
    auto ev = h.at("2026-11-23T07:10:00Z");
    CHECK(ev.region == region);
    CHECK(text(target(ev, "first_response").deadline) == due);
    CHECK(target(ev, "first_response").calendar == std::string(region) + "-hours");
  }
  // Moved from emea to amer at 07:30Z: recounted from 07:00 on amer-hours, which is closed: 0
  // accrued, due 14:00Z.
  ticket_history moved{example("jira-service-desk.yaml")};
  moved.created("2026-11-23T07:00:00Z", "incident", "high", "", "emea").add("2026-11-23T07:30:00Z", event_kind::region, "amer");
  auto ev = moved.at("2026-11-23T07:45:00Z");
  CHECK(target(ev, "first_response").accrued == 0s);
  CHECK(text(target(ev, "first_response").deadline) == "2026-11-23T14:00:00Z");
}

TEST_CASE("jira: a rule with a priority wins over more specific ones", "[ticket][clocks]") {
  // Service requests get resolution 40h on business, whatever their priority: the priority-10
  // rule beats the per-priority rules (highest would be 4h on 24/7). Created Mon 14:00Z (09:00
  // EST) in amer: 10h a day from Mon 09:00 → Mon 9h, Tue–Thu 30h, Fri 1h: Fri 09:00 EST = 14:00Z.
  ticket_history h{example("jira-service-desk.yaml")};
  h.created("2026-11-23T14:00:00Z", "service_request", "highest");
  auto ev = h.at("2026-11-23T14:00:00Z");
  CHECK(target(ev, "resolution").target == 40h);
  CHECK(target(ev, "resolution").calendar == "amer-hours");
  CHECK(text(target(ev, "resolution").deadline) == "2026-11-27T14:00:00Z");
  CHECK(target(ev, "first_response").target == 30min);  // still the highest rule's
}

TEST_CASE("events: a field an event does not take is an error naming it", "[ticket][clocks]") {
  sla::ticket t("F");
  sla::ticket_event created{parse_instant("2026-11-23T10:00:00Z"), event_kind::created, "incident", "high", "", "", "", {}};
  t.append(created, &example("jira-service-desk.yaml"));
  sla::ticket_event status{parse_instant("2026-11-23T11:00:00Z"), event_kind::status, "incident", "", "", "", "open", {}};
  CHECK_THROWS_WITH(t.append(status, &example("jira-service-desk.yaml")), Catch::Contains("`type` does not apply to a status event"));
  sla::ticket_event custom{parse_instant("2026-11-23T11:00:00Z"), event_kind::custom, "", "", "", "", "", {}, "", "paged"};
  CHECK_THROWS_WITH(t.append(custom, &example("jira-service-desk.yaml")), Catch::Contains("unknown event \"paged\""));
  sla::ticket_event region{parse_instant("2026-11-23T11:00:00Z"), event_kind::region, "", "", "", "", "", {}, "mars", ""};
  CHECK_THROWS_WITH(t.append(region, &example("jira-service-desk.yaml")), Catch::Contains("unknown region \"mars\""));
}

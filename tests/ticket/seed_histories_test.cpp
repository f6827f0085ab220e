// Ticket histories on the seed policies, each value worked out by hand from policies/README.md (the
// arithmetic is in the comments).
#include <catch2/catch.hpp>

#include <sla/ticket.hpp>

#include "ticket/ticket_history.hpp"

namespace {

using sla::event_kind;
using sla::parse_instant;
using sla::target_state;
using namespace std::chrono_literals;
using ticket_test::history;
using ticket_test::target;

const sla::policy& seed(const char* name) { return ticket_test::seed(name); }

}  // namespace

TEST_CASE("avallain: reopen after acceptance resumes resolution with its time", "[ticket][seed]") {
  // Incident important: resolution 48h on 24/7. 10:00–14:00 Monday counts (4h), then
  // waiting_for_acceptance meets it; leaving it for in_progress on Tuesday 09:00 reopens.
  history h{seed("avallain.yaml")};
  h.created("2026-11-23T10:00:00Z", "incident", "important")
      .add("2026-11-23T10:20:00Z", event_kind::responded)
      .add("2026-11-23T14:00:00Z", event_kind::status, "waiting_for_acceptance")
      .add("2026-11-24T09:00:00Z", event_kind::status, "in_progress");
  auto met = h.at("2026-11-23T20:00:00Z");
  CHECK(target(met, "resolution").state == target_state::met);
  CHECK(target(met, "resolution").accrued == 4h);
  auto ev = h.at("2026-11-24T10:00:00Z");
  const auto& r = target(ev, "resolution");
  CHECK(r.state == target_state::running);
  CHECK(r.accrued == 5h);
  CHECK(r.cycles == 2);
  CHECK(r.deadline == parse_instant("2026-11-26T05:00:00Z"));  // 43h after Tuesday 10:00: Thursday 05:00
  CHECK(target(ev, "response").state == target_state::met);
}

TEST_CASE("avallain: a bug's working-day clock over a weekend, warnings and next change", "[ticket][seed]") {
  // Bug urgent, response 24h on Mon–Fri 00:00–24:00 UTC. Friday 12:00–24:00 (12h) + Monday
  // 00:00–06:00 (6h) = 18h = 75%: the first warning. 90% (21.6h) comes 3.6h later: 09:36.
  history h{seed("avallain.yaml")};
  h.created("2026-11-20T12:00:00Z", "bug", "urgent");
  auto ev = h.at("2026-11-23T06:00:00Z");
  const auto& response = target(ev, "response");
  CHECK(response.accrued == 18h);
  CHECK(response.warnings == std::vector<std::string>{"75%"});
  CHECK(response.deadline == parse_instant("2026-11-23T12:00:00Z"));
  CHECK(ev.next_change == parse_instant("2026-11-23T09:36:00Z"));
}

TEST_CASE("xen: a daylight-saving weekend in Sydney, a pause and a breach", "[ticket][seed]") {
  // Standard plan, high: response 4h, resolution 8h on Mon–Fri 08:00–20:00 Sydney. Created
  // Friday 3 April 19:00 AEDT (08:00Z); daylight saving ends on Sunday 5 April. Response: Friday
  // 19–20 (1h) + Monday 08:00–11:00 AEST (+10) → breached at 01:00Z Monday. Resolution paused
  // Monday 09:00–15:00 AEST; at 16:00 it has Friday 1h + 08–09 + 15–16 = 3h, 5h left → Monday
  // 20:00 is 4h, Tuesday 09:00 AEST (23:00Z Monday) the last. 75% (6h) at Monday 19:00 = 09:00Z.
  history h{seed("xen.yaml")};
  h.created("2026-04-03T08:00:00Z", "support", "high", "standard")
      .add("2026-04-05T23:00:00Z", event_kind::status, "waiting_for_customer")
      .add("2026-04-06T05:00:00Z", event_kind::status, "in_progress");
  auto ev = h.at("2026-04-06T06:00:00Z");
  const auto& response = target(ev, "response");
  CHECK(response.state == target_state::breached);
  CHECK(response.breached_at == parse_instant("2026-04-06T01:00:00Z"));
  const auto& resolution = target(ev, "resolution");
  CHECK(resolution.state == target_state::running);
  CHECK(resolution.accrued == 3h);
  CHECK(resolution.deadline == parse_instant("2026-04-06T23:00:00Z"));
  CHECK(ev.next_change == parse_instant("2026-04-06T09:00:00Z"));
}

TEST_CASE("xen: severity up and down keep the original start", "[ticket][seed]") {
  // Up: medium created Monday 23 Nov 09:00 AEDT (22:00Z Sunday), critical from 10:30. Response
  // 1h was reached at 10:00 AEDT (23:00Z); resolution 2h at 11:00 AEDT (00:00Z), which is now.
  history up{seed("xen.yaml")};
  up.created("2026-11-22T22:00:00Z", "bug", "medium", "standard").add("2026-11-22T23:30:00Z", event_kind::severity, "critical");
  auto ev = up.at("2026-11-23T00:00:00Z");
  CHECK(target(ev, "response").breached_at == parse_instant("2026-11-22T23:00:00Z"));
  CHECK(target(ev, "resolution").state == target_state::breached);
  CHECK(target(ev, "resolution").breached_at == parse_instant("2026-11-23T00:00:00Z"));

  // Down: critical at 09:00, medium from 09:30; at 10:30 the response has 1.5h of 24h: 22.5h
  // more is Monday 10:30–20:00 (9.5h), Tuesday 12h, Wednesday 08:00–09:00 AEDT (22:00Z Tuesday).
  history down{seed("xen.yaml")};
  down.created("2026-11-22T22:00:00Z", "bug", "critical", "standard").add("2026-11-22T22:30:00Z", event_kind::severity, "medium");
  auto ev2 = down.at("2026-11-22T23:30:00Z");
  CHECK(target(ev2, "response").state == target_state::running);
  CHECK(target(ev2, "response").accrued == 90min);
  CHECK(target(ev2, "response").deadline == parse_instant("2026-11-24T22:00:00Z"));
}

TEST_CASE("advendio: Easter closes the clock, escalation levels and each next change", "[ticket][seed]") {
  // Premium critical: response 2h on Mon–Fri 09:00–17:00 Berlin with German holidays. Created
  // Thursday 2 April 16:00 CEST (14:00Z): 1h on Thursday; Good Friday and Easter Monday closed;
  // Tuesday 7 April from 09:00 CEST (07:00Z). 75% (1.5h) at 09:30, 100% (breach, customer
  // success manager) at 10:00, 150% (COO) at 11:00, 200% (CEO) at 12:00 CEST.
  history h{seed("advendio.yaml")};
  h.created("2026-04-02T14:00:00Z", "bug", "critical", "premium");
  CHECK(h.at("2026-04-07T07:00:00Z").next_change == parse_instant("2026-04-07T07:30:00Z"));
  CHECK(h.at("2026-04-07T07:30:00Z").next_change == parse_instant("2026-04-07T08:00:00Z"));
  auto breached = h.at("2026-04-07T08:00:00Z");
  CHECK(target(breached, "response").state == target_state::breached);
  CHECK(target(breached, "response").escalation == "customer-success-manager");
  CHECK(breached.next_change == parse_instant("2026-04-07T09:00:00Z"));
  CHECK(h.at("2026-04-07T09:00:00Z").next_change == parse_instant("2026-04-07T10:00:00Z"));
  auto top = h.at("2026-04-07T10:00:00Z");
  CHECK(target(top, "response").escalation == "ceo");
  CHECK_FALSE(top.next_change);

  // Responded at 11:30 CEST, after the breach: breached, met at 11:30, 3.5h = 175% → COO.
  h.add("2026-04-07T09:30:00Z", event_kind::responded);
  auto late = h.at("2026-04-08T12:00:00Z");
  const auto& r = target(late, "response");
  CHECK(r.state == target_state::breached);
  CHECK(r.met_at == parse_instant("2026-04-07T09:30:00Z"));
  CHECK(r.breached_at == parse_instant("2026-04-07T08:00:00Z"));
  CHECK(r.accrued == 3h + 30min);
  CHECK(r.escalation == "coo");
  CHECK_FALSE(late.next_change);
}

TEST_CASE("schoolstatus: acknowledgement and next-business-day response across spring forward", "[ticket][seed]") {
  // Premium error created Friday 6 March 17:00 EST (22:00Z). Acknowledgement 2h: Friday 17–18,
  // Monday 9 March from 08:00 EDT (12:00Z); acknowledged at 08:30 EDT: 1.5h. Response: close of
  // the next business day, Monday 18:00 EDT (22:00Z) = 11h of business time. At 09:00 EDT it has
  // 2h; 75% (8h15m) comes 6h15m later: 15:15 EDT = 19:15Z.
  history h{seed("schoolstatus.yaml")};
  h.created("2026-03-06T22:00:00Z", "error", "", "premium").add("2026-03-09T12:30:00Z", event_kind::responded);
  auto ev = h.at("2026-03-09T13:00:00Z");
  CHECK(target(ev, "acknowledgement").state == target_state::met);
  CHECK(target(ev, "acknowledgement").accrued == 90min);
  const auto& response = target(ev, "response");
  CHECK(response.target == 11h);
  CHECK(response.accrued == 2h);
  CHECK(response.deadline == parse_instant("2026-03-09T22:00:00Z"));
  CHECK(ev.next_change == parse_instant("2026-03-09T19:15:00Z"));

  // Cancelled: every running target stops; nothing changes after.
  history c{seed("schoolstatus.yaml")};
  c.created("2026-11-23T15:00:00Z", "how_to", "", "professional").add("2026-11-23T16:00:00Z", event_kind::status, "cancelled");
  auto cancelled = c.at("2026-11-24T15:00:00Z");
  for (const auto& s : cancelled.targets) CHECK(s.state == target_state::cancelled);
  CHECK_FALSE(cancelled.next_change);
}

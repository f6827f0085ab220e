// One hand-worked history per decided edge of the ticket clock (docs/semantics.md, part 2).
// Every expected value is computed in the comment above it from the policy's text; each
// history is also run through ticket_tracker, which must give the same answer field by field.
#include <catch2/catch.hpp>

#include <sla/ticket.hpp>

#include "ticket/ticket_history.hpp"

namespace {

using namespace std::chrono_literals;
using sla::event_kind;
using sla::parse_instant;
using sla::target_state;
using ticket_test::history;
using ticket_test::seed;
using ticket_test::target;
using ticket_test::text;

// evaluate() and the incremental tracker agree on every field.
void check_tracker_agrees(const history& h, const char* now) {
  auto a = h.at(now), b = h.tracked_at(now);
  REQUIRE(a.targets.size() == b.targets.size());
  CHECK(text(a.next_change) == text(b.next_change));
  for (std::size_t i = 0; i < a.targets.size(); ++i) {
    const auto &x = a.targets[i], &y = b.targets[i];
    INFO("target " << x.name);
    CHECK(x.name == y.name);
    CHECK(x.state == y.state);
    CHECK(text(x.deadline) == text(y.deadline));
    CHECK(text(x.met_at) == text(y.met_at));
    CHECK(text(x.breached_at) == text(y.breached_at));
    CHECK(x.accrued == y.accrued);
    CHECK(x.target == y.target);
    CHECK(x.warnings == y.warnings);
    CHECK(x.escalation == y.escalation);
    CHECK(x.cycles == y.cycles);
  }
}

using strings = std::vector<std::string>;

}  // namespace

// ---- 2.4 On time at the deadline --------------------------------------------------------------

TEST_CASE("decided edge: a reply on the deadline second is met, one second later is breached", "[ticket][edges]") {
  // avallain incident/urgent: response 15m on `always` (24/7), warnings at 75% and 90%.
  // Created 10:00:00, so the deadline is 10:15:00.
  SECTION("on the deadline: accrued 900 s = the amount, met, remaining 0, deadline = met_at") {
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "urgent").add("2026-11-23T10:15:00Z", event_kind::responded);
    auto ev = h.at("2026-11-23T11:00:00Z");
    const auto& r = target(ev, "response");
    CHECK(r.state == target_state::met);
    CHECK(text(r.met_at) == "2026-11-23T10:15:00Z");
    CHECK_FALSE(r.breached_at);
    CHECK(r.accrued == 900s);
    CHECK(r.remaining == 0s);
    CHECK(r.percent == Approx(100.0));
    CHECK(text(r.deadline) == "2026-11-23T10:15:00Z");
    CHECK(r.warnings == strings{"75%", "90%"});  // 900 >= 675 and >= 810, judged at the stop
    check_tracker_agrees(h, "2026-11-23T11:00:00Z");
  }
  SECTION("one second after: breached at 10:15:00, met_at 10:15:01, accrued 901 s") {
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "urgent").add("2026-11-23T10:15:01Z", event_kind::responded);
    auto ev = h.at("2026-11-23T11:00:00Z");
    const auto& r = target(ev, "response");
    CHECK(r.state == target_state::breached);
    CHECK(text(r.breached_at) == "2026-11-23T10:15:00Z");
    CHECK(text(r.met_at) == "2026-11-23T10:15:01Z");
    CHECK(r.accrued == 901s);
    CHECK(r.remaining == -1s);
    CHECK(text(r.deadline) == "2026-11-23T10:15:00Z");
    check_tracker_agrees(h, "2026-11-23T11:00:00Z");
  }
  SECTION("no reply: running at 10:14:59 with 1 s left and next_change 10:15:00; breached at 10:15:00") {
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "urgent");
    auto before = h.at("2026-11-23T10:14:59Z");
    CHECK(target(before, "response").state == target_state::running);
    CHECK(target(before, "response").remaining == 1s);
    // Candidates: response breach 10:15:00; response 90% (810 s) already crossed at 10:13:30;
    // resolution 75% of 8h = 6h → 16:00. The earliest is 10:15:00.
    CHECK(text(before.next_change) == "2026-11-23T10:15:00Z");
    auto at = h.at("2026-11-23T10:15:00Z");
    CHECK(target(at, "response").state == target_state::breached);
    CHECK(text(target(at, "response").breached_at) == "2026-11-23T10:15:00Z");
    CHECK(target(at, "response").accrued == 900s);
    check_tracker_agrees(h, "2026-11-23T10:15:00Z");
  }
  SECTION("a pause or a cancellation on the deadline second is not a meet: breached") {
    for (const char* status : {"waiting_for_customer", "cancelled"}) {
      INFO(status);
      history h{seed("avallain.yaml")};
      h.created("2026-11-23T10:00:00Z", "incident", "urgent").add("2026-11-23T10:15:00Z", event_kind::status, status);
      auto ev = h.at("2026-11-23T11:00:00Z");
      CHECK(target(ev, "response").state == target_state::breached);
      CHECK(text(target(ev, "response").breached_at) == "2026-11-23T10:15:00Z");
      CHECK(target(ev, "response").accrued == 900s);  // stopped (or paused) at 10:15:00
      check_tracker_agrees(h, "2026-11-23T11:00:00Z");
    }
  }
  SECTION("several events on the deadline second: the state after the last of them decides") {
    // Paused first, then the reply, both at 10:15:00: met on time.
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "urgent")
        .add("2026-11-23T10:15:00Z", event_kind::status, "waiting_for_customer")
        .add("2026-11-23T10:15:00Z", event_kind::responded);
    auto ev = h.at("2026-11-23T11:00:00Z");
    CHECK(target(ev, "response").state == target_state::met);
    CHECK_FALSE(target(ev, "response").breached_at);
    check_tracker_agrees(h, "2026-11-23T11:00:00Z");
  }
}

TEST_CASE("decided edge: a deadline that uses up a window's last second is its close, a reply at the next opening is late",
          "[ticket][edges]") {
  // avallain bug/normal: response 24h on working-days (Mon–Fri 00:00–24:00 UTC). Created Fri
  // 2026-11-27 00:00: Friday gives the whole 24h, so the deadline is Fri 24:00 = Sat 00:00:00Z.
  history on_time{seed("avallain.yaml")};
  on_time.created("2026-11-27T00:00:00Z", "bug", "normal").add("2026-11-28T00:00:00Z", event_kind::responded);
  auto a = on_time.at("2026-11-30T12:00:00Z");
  CHECK(target(a, "response").state == target_state::met);
  CHECK(target(a, "response").accrued == 24h);

  // A reply on Monday 00:00 finds the same 24h accrued (no business time over the weekend), but
  // the deadline passed unmet on Saturday 00:00.
  history late{seed("avallain.yaml")};
  late.created("2026-11-27T00:00:00Z", "bug", "normal").add("2026-11-30T00:00:00Z", event_kind::responded);
  auto b = late.at("2026-11-30T12:00:00Z");
  CHECK(target(b, "response").state == target_state::breached);
  CHECK(text(target(b, "response").breached_at) == "2026-11-28T00:00:00Z");
  CHECK(text(target(b, "response").met_at) == "2026-11-30T00:00:00Z");
  CHECK(target(b, "response").accrued == 24h);
  check_tracker_agrees(late, "2026-11-30T12:00:00Z");
}

// ---- 2.5 Stops; 2.6 reopening ------------------------------------------------------------------

TEST_CASE("decided edge: leaving a meeting status reopens even when an event met the target", "[ticket][edges]") {
  // avallain incident/urgent: resolution 8h 24/7, resumable. responded 10:05, resolved 11:00
  // (resolution met, 1h accrued), waiting_for_acceptance 11:30 (meets again: nothing), in_progress
  // 12:00: leaving a meeting status for one that meets nothing reopens. At 13:00 resolution has
  // 1h + 1h = 2h, cycle 2; deadline 12:00 + 7h = 19:00; 75% (6h) comes at 12:00 + 5h = 17:00,
  // 90% (7h12m) at 18:12: next_change 17:00. Response stays met at 10:05.
  history h{seed("avallain.yaml")};
  h.created("2026-11-23T10:00:00Z", "incident", "urgent")
      .add("2026-11-23T10:05:00Z", event_kind::responded)
      .add("2026-11-23T11:00:00Z", event_kind::resolved)
      .add("2026-11-23T11:30:00Z", event_kind::status, "waiting_for_acceptance")
      .add("2026-11-23T12:00:00Z", event_kind::status, "in_progress");
  auto ev = h.at("2026-11-23T13:00:00Z");
  const auto& r = target(ev, "resolution");
  CHECK(r.state == target_state::running);
  CHECK(r.accrued == 2h);
  CHECK(r.cycles == 2);
  CHECK_FALSE(r.met_at);
  CHECK(text(r.deadline) == "2026-11-23T19:00:00Z");
  CHECK(text(ev.next_change) == "2026-11-23T17:00:00Z");
  CHECK(target(ev, "response").state == target_state::met);
  CHECK(text(target(ev, "response").met_at) == "2026-11-23T10:05:00Z");
  CHECK(target(ev, "response").cycles == 1);
  check_tracker_agrees(h, "2026-11-23T13:00:00Z");
}

TEST_CASE("decided edge: from one meeting status to another the first met_at stands", "[ticket][edges]") {
  SECTION("avallain: resolved event, then waiting_for_acceptance, then closed") {
    // All three meet resolution: met at 11:00 with 1h accrued, and nothing after changes it.
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "urgent")
        .add("2026-11-23T11:00:00Z", event_kind::resolved)
        .add("2026-11-23T11:30:00Z", event_kind::status, "waiting_for_acceptance")
        .add("2026-11-23T12:00:00Z", event_kind::status, "closed");
    auto ev = h.at("2026-11-23T13:00:00Z");
    CHECK(target(ev, "resolution").state == target_state::met);
    CHECK(text(target(ev, "resolution").met_at) == "2026-11-23T11:00:00Z");
    CHECK(target(ev, "resolution").accrued == 1h);
    CHECK(target(ev, "resolution").cycles == 1);
    check_tracker_agrees(h, "2026-11-23T13:00:00Z");
  }
  SECTION("xen enhanced: status resolved, then status closed") {
    // critical/enhanced: resolution 2h on `always`. resolved at 10:30 (30 min accrued); closed
    // at 11:00 meets it too: met_at stays 10:30; deadline = add(10:30, 1h30) = 12:00.
    history h{seed("xen.yaml")};
    h.created("2026-11-23T10:00:00Z", "support", "critical", "enhanced")
        .add("2026-11-23T10:30:00Z", event_kind::status, "resolved")
        .add("2026-11-23T11:00:00Z", event_kind::status, "closed");
    auto ev = h.at("2026-11-23T12:30:00Z");
    CHECK(target(ev, "resolution").state == target_state::met);
    CHECK(text(target(ev, "resolution").met_at) == "2026-11-23T10:30:00Z");
    CHECK(target(ev, "resolution").accrued == 30min);
    CHECK(text(target(ev, "resolution").deadline) == "2026-11-23T12:00:00Z");
    check_tracker_agrees(h, "2026-11-23T12:30:00Z");
  }
  SECTION("avallain: met by a status, that status left for another meeting status") {
    // waiting_for_acceptance 11:00 meets resolution; closed 12:00 also meets: no reopening.
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "urgent")
        .add("2026-11-23T11:00:00Z", event_kind::status, "waiting_for_acceptance")
        .add("2026-11-23T12:00:00Z", event_kind::status, "closed");
    auto ev = h.at("2026-11-23T13:00:00Z");
    CHECK(target(ev, "resolution").state == target_state::met);
    CHECK(text(target(ev, "resolution").met_at) == "2026-11-23T11:00:00Z");
  }
  SECTION("avallain: met by a status, that status left for one that meets nothing") {
    // waiting_for_acceptance 11:00 (1h), open 12:00 reopens: at 13:00, 2h accrued.
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "urgent")
        .add("2026-11-23T11:00:00Z", event_kind::status, "waiting_for_acceptance")
        .add("2026-11-23T12:00:00Z", event_kind::status, "open");
    auto ev = h.at("2026-11-23T13:00:00Z");
    CHECK(target(ev, "resolution").state == target_state::running);
    CHECK(target(ev, "resolution").accrued == 2h);
    CHECK(target(ev, "resolution").cycles == 2);
    check_tracker_agrees(h, "2026-11-23T13:00:00Z");
  }
}

TEST_CASE("decided edge: a reopening resumes only resumable targets, first responses stay met", "[ticket][edges]") {
  SECTION("schoolstatus: acknowledgement and response stay met after leaving in_progress") {
    // premium error: acknowledgement 2h, response next business day (support-hours, New York).
    // responded at 14:00Z (09:00 EST) meets acknowledgement; in_progress 15:00Z meets response;
    // open 16:00Z leaves a meeting status: a reopening, but schoolstatus resumes nothing.
    history h{seed("schoolstatus.yaml")};
    h.created("2026-11-23T13:30:00Z", "error", "", "premium")
        .add("2026-11-23T14:00:00Z", event_kind::responded)
        .add("2026-11-23T15:00:00Z", event_kind::status, "in_progress")
        .add("2026-11-23T16:00:00Z", event_kind::status, "open")
        .add("2026-11-23T16:30:00Z", event_kind::reopened);
    auto ev = h.at("2026-11-23T18:00:00Z");
    CHECK(target(ev, "acknowledgement").state == target_state::met);
    CHECK(text(target(ev, "acknowledgement").met_at) == "2026-11-23T14:00:00Z");
    CHECK(target(ev, "acknowledgement").cycles == 1);
    CHECK(target(ev, "response").state == target_state::met);
    CHECK(text(target(ev, "response").met_at) == "2026-11-23T15:00:00Z");
    CHECK(target(ev, "response").cycles == 1);
    check_tracker_agrees(h, "2026-11-23T18:00:00Z");
  }
  SECTION("advendio: the initial response stays met through resolved → in_progress and a reopened event") {
    history h{seed("advendio.yaml")};
    h.created("2026-11-23T09:00:00Z", "bug", "critical", "premium")
        .add("2026-11-23T09:30:00Z", event_kind::responded)
        .add("2026-11-23T10:00:00Z", event_kind::status, "resolved")
        .add("2026-11-23T11:00:00Z", event_kind::status, "in_progress")
        .add("2026-11-23T12:00:00Z", event_kind::reopened);
    auto ev = h.at("2026-11-23T13:00:00Z");
    CHECK(target(ev, "response").state == target_state::met);
    CHECK(text(target(ev, "response").met_at) == "2026-11-23T09:30:00Z");
    CHECK(target(ev, "response").accrued == 30min);  // 10:00–10:30 CET is business time
    CHECK(target(ev, "response").cycles == 1);
  }
}

// ---- 2.7 Cancellation --------------------------------------------------------------------------

TEST_CASE("decided edge: cancellation is final, and a breach survives a cancellation", "[ticket][edges]") {
  SECTION("cancelled, then the status left, then reopened: both targets stay cancelled") {
    // avallain incident/important: response 30m, resolution 48h, 24/7. cancelled at 10:10
    // (600 s accrued each), in_progress 10:20, reopened 10:30: nothing resumes.
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "important")
        .add("2026-11-23T10:10:00Z", event_kind::status, "cancelled")
        .add("2026-11-23T10:20:00Z", event_kind::status, "in_progress")
        .add("2026-11-23T10:30:00Z", event_kind::reopened);
    auto ev = h.at("2026-11-23T11:00:00Z");
    for (const char* name : {"response", "resolution"}) {
      INFO(name);
      CHECK(target(ev, name).state == target_state::cancelled);
      CHECK(target(ev, name).accrued == 600s);
      CHECK_FALSE(target(ev, name).deadline);
      CHECK(target(ev, name).cycles == 1);
    }
    CHECK_FALSE(ev.next_change);
    check_tracker_agrees(h, "2026-11-23T11:00:00Z");
  }
  SECTION("a met target is not cancelled, and a later reopening resumes it") {
    // resolved 10:05 (5 min accrued), cancelled 10:10 (response cancelled at 600 s), reopened
    // 10:30: resolution resumes; at 11:00 it has 5 + 30 = 35 min; 48h − 35m = 47h25m left →
    // Wed 2026-11-25 10:25.
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "important")
        .add("2026-11-23T10:05:00Z", event_kind::resolved)
        .add("2026-11-23T10:10:00Z", event_kind::status, "cancelled")
        .add("2026-11-23T10:30:00Z", event_kind::reopened);
    auto ev = h.at("2026-11-23T11:00:00Z");
    CHECK(target(ev, "response").state == target_state::cancelled);
    CHECK(target(ev, "response").accrued == 600s);
    CHECK(target(ev, "resolution").state == target_state::running);
    CHECK(target(ev, "resolution").accrued == 35min);
    CHECK(target(ev, "resolution").cycles == 2);
    CHECK(text(target(ev, "resolution").deadline) == "2026-11-25T10:25:00Z");
    check_tracker_agrees(h, "2026-11-23T11:00:00Z");
  }
  SECTION("cancelled after the breach: still breached, its clock stopped at the cancellation") {
    // incident/urgent, no reply: response breached at 10:15; cancelled at 10:20 → accrued 1200 s,
    // deadline = the breach instant. Resolution (8h, running) is cancelled.
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "urgent").add("2026-11-23T10:20:00Z", event_kind::cancelled);
    auto ev = h.at("2026-11-23T11:00:00Z");
    CHECK(target(ev, "response").state == target_state::breached);
    CHECK(text(target(ev, "response").breached_at) == "2026-11-23T10:15:00Z");
    CHECK(text(target(ev, "response").deadline) == "2026-11-23T10:15:00Z");
    CHECK(target(ev, "response").accrued == 1200s);
    CHECK(target(ev, "resolution").state == target_state::cancelled);
    CHECK(target(ev, "resolution").accrued == 1200s);
    CHECK_FALSE(ev.next_change);
    check_tracker_agrees(h, "2026-11-23T11:00:00Z");
  }
}

// ---- 2.8 Severity change -----------------------------------------------------------------------

TEST_CASE("decided edge: a severity change recounts from the original start on the new calendar", "[ticket][edges]") {
  SECTION("xen enhanced: low (no targets) to critical on the 24/7 calendar") {
    // Created 06:00Z, tenant UTC. critical/enhanced: response 1h, resolution 2h, 24/7, counted
    // from 06:00: response crossed 1h at 07:00, resolution 2h at 08:00. At 10:30 both have
    // 4h30m = 16,200 s: 450% and 225%; every warning crossed; nothing left to cross.
    history h{seed("xen.yaml")};
    h.created("2026-11-23T06:00:00Z", "bug", "low", "enhanced", "UTC").add("2026-11-23T10:00:00Z", event_kind::severity, "critical");
    auto ev = h.at("2026-11-23T10:30:00Z");
    const auto& response = target(ev, "response");
    CHECK(response.state == target_state::breached);
    CHECK(text(response.breached_at) == "2026-11-23T07:00:00Z");
    CHECK(text(response.deadline) == "2026-11-23T07:00:00Z");
    CHECK(response.accrued == 16200s);
    CHECK(response.target == 1h);
    CHECK(response.percent == Approx(450.0));
    const auto& resolution = target(ev, "resolution");
    CHECK(resolution.state == target_state::breached);
    CHECK(text(resolution.breached_at) == "2026-11-23T08:00:00Z");
    CHECK(resolution.accrued == 16200s);
    CHECK(resolution.percent == Approx(225.0));
    CHECK(response.warnings == strings{"75%", "90%"});
    CHECK_FALSE(ev.next_change);
    check_tracker_agrees(h, "2026-11-23T10:30:00Z");
  }
  SECTION("xen standard: low to critical on business hours (tenant UTC, 08:00–20:00)") {
    // Recount from 06:00 on business: nothing until 08:00. Response 1h crossed at 09:00;
    // resolution 2h at exactly 10:00, the instant of the change, unmet → breached at 10:00.
    // At 10:30 both have 2h30m.
    history h{seed("xen.yaml")};
    h.created("2026-11-23T06:00:00Z", "bug", "low", "standard", "UTC").add("2026-11-23T10:00:00Z", event_kind::severity, "critical");
    auto ev = h.at("2026-11-23T10:30:00Z");
    CHECK(text(target(ev, "response").breached_at) == "2026-11-23T09:00:00Z");
    CHECK(text(target(ev, "resolution").breached_at) == "2026-11-23T10:00:00Z");
    CHECK(target(ev, "response").accrued == 2h + 30min);
    CHECK(target(ev, "resolution").accrued == 2h + 30min);
    check_tracker_agrees(h, "2026-11-23T10:30:00Z");
  }
  SECTION("avallain bug: normal (resolution none) to urgent (5 business days), measured from the creation") {
    // working-days is Mon–Fri 00:00–24:00 UTC. Created Mon 23 10:00; urgent on Wed 25 09:00.
    // 5 business days from Mon 10:00 = Mon 30 10:00, spanning 14h + 4×24h + 10h = 120h.
    // At Wed 09:00: Mon 14h + Tue 24h + Wed 9h = 47h; deadline Mon 30 10:00.
    // Response (24h, no reply) breached at Tue 10:00.
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "bug", "normal").add("2026-11-25T09:00:00Z", event_kind::severity, "urgent");
    auto before = h.at("2026-11-24T09:00:00Z");
    CHECK(target(before, "resolution").state == target_state::not_applicable);
    auto ev = h.at("2026-11-25T09:00:00Z");
    const auto& r = target(ev, "resolution");
    CHECK(r.state == target_state::running);
    CHECK(r.target == 120h);
    CHECK(r.accrued == 47h);
    CHECK(text(r.deadline) == "2026-11-30T10:00:00Z");
    CHECK(text(target(ev, "response").breached_at) == "2026-11-24T10:00:00Z");
    check_tracker_agrees(h, "2026-11-25T09:00:00Z");
  }
  SECTION("a downgrade recounts the breach away: the recount under the new amount decides") {
    // avallain incident urgent (response 15m) → important (response 30m) at 10:20, no reply.
    // Recounted: 30m from 10:00 → deadline 10:30; at 10:25 running with 25m accrued.
    history h{seed("avallain.yaml")};
    h.created("2026-11-23T10:00:00Z", "incident", "urgent").add("2026-11-23T10:20:00Z", event_kind::severity, "important");
    auto ev = h.at("2026-11-23T10:25:00Z");
    CHECK(target(ev, "response").state == target_state::running);
    CHECK_FALSE(target(ev, "response").breached_at);
    CHECK(target(ev, "response").accrued == 25min);
    CHECK(text(target(ev, "response").deadline) == "2026-11-23T10:30:00Z");
    check_tracker_agrees(h, "2026-11-23T10:25:00Z");
  }
}

// ---- 2.9 Targets without an amount -------------------------------------------------------------

TEST_CASE("decided edge: a target whose amount is none is not_applicable", "[ticket][edges]") {
  // avallain incident/normal: response 24h runs, resolution `none`.
  history h{seed("avallain.yaml")};
  h.created("2026-11-23T10:00:00Z", "incident", "normal").add("2026-11-23T11:00:00Z", event_kind::resolved);
  auto ev = h.at("2026-11-23T12:00:00Z");
  const auto& r = target(ev, "resolution");
  CHECK(r.state == target_state::not_applicable);
  CHECK_FALSE(r.deadline);
  CHECK_FALSE(r.met_at);
  CHECK(r.accrued == 0s);
  CHECK(r.warnings.empty());
  CHECK(sla::to_string(r.state) == "not_applicable");
  CHECK(target(ev, "response").state == target_state::running);
  CHECK(target(ev, "response").accrued == 2h);
  // The response's 75% (18h) is next: 12:00 + 16h = Tue 04:00.
  CHECK(text(ev.next_change) == "2026-11-24T04:00:00Z");
}

// ---- 2.11 Thresholds ---------------------------------------------------------------------------

namespace {
const char* office_policy = R"(
policy: office
types: [question, error]
severities: [p1, p2, p3]
statuses: [open, waiting, solved]
calendars:
  office: {timezone: UTC, hours: {mon-fri: ["09:00-17:00"]}}
targets:
  - {severity: p1, calendar: office, targets: {response: 4h, resolution: 8h}}
  - {severity: p2, calendar: office, targets: {response: 8h, resolution: 16h}}
  - {severity: p3, calendar: office, targets: {response: 16h, resolution: 32h}}
clock:
  pause: {waiting: ["*"]}
  meet:
    events: {responded: [response], resolved: [resolution]}
    statuses: {solved: [response, resolution]}
  reopen: {resume: [resolution]}
warnings: [{name: last two hours, before: 2h, targets: [resolution]}]
escalations: [{name: lead, at: 87.5%, targets: [resolution]}]
)";
const sla::policy& office() {
  static const sla::policy p = sla::policy::parse(office_policy, "office.yaml");
  return p;
}
}  // namespace

TEST_CASE("decided edge: before: thresholds count business time, so a weekend never fires them", "[ticket][edges]") {
  // p1: resolution 8h on Mon–Fri 09:00–17:00 UTC. Created Fri 2026-11-27 10:00: Friday gives 7h,
  // Monday 09:00–10:00 the last hour: deadline Mon 10:00. "before: 2h" is crossed when 6h have
  // accrued: Fri 16:00 (wall-clock, it would have been Monday 08:00). The escalation at 87.5%
  // (7h) comes at Fri 17:00, the close.
  history h{office()};
  h.created("2026-11-27T10:00:00Z", "question", "p1");
  auto early = h.at("2026-11-27T15:00:00Z");
  CHECK(target(early, "resolution").warnings.empty());
  // Candidates at 15:00: response breach 4h → 14:00 passed? No: response 4h crossed at 14:00,
  // so it is breached already; resolution warning at 16:00, escalation 17:00, breach Mon 10:00.
  CHECK(text(early.next_change) == "2026-11-27T16:00:00Z");
  auto at_warning = h.at("2026-11-27T16:00:00Z");
  CHECK(target(at_warning, "resolution").warnings == strings{"last two hours"});
  CHECK_FALSE(target(at_warning, "resolution").escalation);
  auto weekend = h.at("2026-11-28T12:00:00Z");
  CHECK(target(weekend, "resolution").accrued == 7h);
  CHECK(target(weekend, "resolution").escalation == std::optional<std::string>("lead"));
  CHECK(text(target(weekend, "resolution").deadline) == "2026-11-30T10:00:00Z");
  CHECK(text(weekend.next_change) == "2026-11-30T10:00:00Z");
  check_tracker_agrees(h, "2026-11-28T12:00:00Z");
}

TEST_CASE("decided edge: thresholds of a stopped target are judged at the stop", "[ticket][edges]") {
  // Resolution 8h met at Fri 15:30 with 5h30m accrued (before the 6h warning): no warning, and
  // it never comes; the response (4h) was met at 11:00.
  history h{office()};
  h.created("2026-11-27T10:00:00Z", "question", "p1")
      .add("2026-11-27T11:00:00Z", event_kind::responded)
      .add("2026-11-27T15:30:00Z", event_kind::resolved);
  auto ev = h.at("2026-11-30T16:00:00Z");
  CHECK(target(ev, "resolution").state == target_state::met);
  CHECK(target(ev, "resolution").accrued == 5h + 30min);
  CHECK(target(ev, "resolution").warnings.empty());
  CHECK_FALSE(ev.next_change);
}

// ---- 2.13 Explanation ---------------------------------------------------------------------------

TEST_CASE("decided edge: the explanation of a periodic target counts from its last restart", "[ticket][edges]") {
  // aveksa p1 (business: Mon–Fri 08:00–18:00 New York): update 4h, periodic. Created Mon
  // 2026-11-23 09:00 EST = 14:00Z; updated 11:00 EST = 16:00Z; at 13:00 EST = 18:00Z the update
  // clock has 2h (cycle 2). Explain: 14:00Z–16:00Z before this cycle, 16:00Z–18:00Z business time.
  history h{seed("aveksa.yaml")};
  h.created("2026-11-23T14:00:00Z", "product_error", "p1").add("2026-11-23T16:00:00Z", event_kind::updated);
  auto ev = h.at("2026-11-23T18:00:00Z");
  CHECK(target(ev, "update").accrued == 2h);
  CHECK(target(ev, "update").cycles == 2);
  auto segments = sla::explain(h.p, h.t, "update", parse_instant("2026-11-23T18:00:00Z"));
  REQUIRE(segments.size() == 2);
  CHECK(segments[0].reason == "before this cycle");
  CHECK_FALSE(segments[0].counted);
  CHECK(text(segments[0].end) == "2026-11-23T16:00:00Z");
  CHECK(segments[1].reason == "business time");
  CHECK(segments[1].counted);
  CHECK(ticket_test::counted_seconds(segments) == 7200);
  // Every other target adds up too: response (1h, unanswered) 4h, resolution 4h.
  for (const char* name : {"response", "resolution"}) {
    INFO(name);
    CHECK(ticket_test::counted_seconds(sla::explain(h.p, h.t, name, parse_instant("2026-11-23T18:00:00Z"))) == 4 * 3600);
    CHECK(target(ev, name).accrued == 4h);
  }
  // resolution: 2 business days from Mon 09:00 EST → Wed 09:00 EST: Mon 9h + Tue 10h + Wed 1h = 20h.
  CHECK(target(ev, "resolution").target == 20h);
  CHECK(text(target(ev, "response").breached_at) == "2026-11-23T15:00:00Z");
}

TEST_CASE("decided edge: the explanation of a reopened target adds up to its accrued time", "[ticket][edges]") {
  // The reopening history above: 10:00–11:00 counted, 11:00–12:00 after the stop, 12:00–13:00 counted.
  history h{seed("avallain.yaml")};
  h.created("2026-11-23T10:00:00Z", "incident", "urgent")
      .add("2026-11-23T11:00:00Z", event_kind::resolved)
      .add("2026-11-23T11:30:00Z", event_kind::status, "waiting_for_acceptance")
      .add("2026-11-23T12:00:00Z", event_kind::status, "in_progress");
  auto segments = sla::explain(h.p, h.t, "resolution", parse_instant("2026-11-23T13:00:00Z"));
  REQUIRE(segments.size() == 3);
  CHECK(segments[1].reason == "after the stop (met)");
  CHECK(ticket_test::counted_seconds(segments) == 7200);
  auto none = sla::explain(seed("avallain.yaml"), history{seed("avallain.yaml")}.created("2026-11-23T10:00:00Z", "incident", "normal").t,
                           "resolution", parse_instant("2026-11-23T13:00:00Z"));
  REQUIRE(none.size() == 1);
  CHECK(none[0].reason == "no target (none)");
}

// ---- 2.14 Queue order -------------------------------------------------------------------------

TEST_CASE("decided edge: queue order puts severity before deadlines and the most overdue first", "[ticket][edges]") {
  // office policy, no queue rules; evaluated Wed 2026-11-25 12:00 UTC.
  //   q3: p3 question, Mon 09:00 → response 16h: Mon 8h + Tue 8h → breached Tue 17:00.
  //   e1: p1 error, Wed 11:00 → response 4h → Wed 15:00.
  //   a2: p2 question, Tue 09:00 → response 8h → breached Tue 17:00.
  //   b2: p2 error, Wed 09:00 → response 8h → Wed 17:00 (resolution Thu 17:00).
  //   p2: p2 question, Tue 10:00, waiting at 11:00: every target paused, no running deadline.
  //   d2: p2 question, Wed 09:00, responded 09:30 and resolved 10:00: done, left out.
  // Severity first: e1; then p2 by deadline: a2 (overdue, earliest deadline Tue 17:00), b2, then
  // p2 without a running deadline; then q3.
  std::vector<sla::ticket> tickets;
  auto make = [&](const char* id, const char* at, const char* type, const char* severity) -> history {
    history h{office()};
    h.t = sla::ticket(id);
    h.created(at, type, severity);
    return h;
  };
  tickets.push_back(make("q3", "2026-11-23T09:00:00Z", "question", "p3").t);
  tickets.push_back(make("e1", "2026-11-25T11:00:00Z", "error", "p1").t);
  tickets.push_back(make("a2", "2026-11-24T09:00:00Z", "question", "p2").t);
  tickets.push_back(make("b2", "2026-11-25T09:00:00Z", "error", "p2").t);
  tickets.push_back(make("p2", "2026-11-24T10:00:00Z", "question", "p2").add("2026-11-24T11:00:00Z", event_kind::status, "waiting").t);
  tickets.push_back(make("d2", "2026-11-25T09:00:00Z", "question", "p2")
                        .add("2026-11-25T09:30:00Z", event_kind::responded)
                        .add("2026-11-25T10:00:00Z", event_kind::resolved)
                        .t);
  auto order = sla::queue_order(office(), tickets, parse_instant("2026-11-25T12:00:00Z"));
  std::vector<std::string> ids;
  for (auto i : order) ids.push_back(tickets[i].id());
  CHECK(ids == strings{"e1", "a2", "b2", "p2", "q3"});
}

TEST_CASE("decided edge: queue rules come first, and untimed outages are queued until closed", "[ticket][edges]") {
  // schoolstatus: categories outage, error, technical_question, how_to; errors by users
  // affected (most first); then created. Outages have only `none` targets: o1 is open and first;
  // o2 was closed (a meeting status) and is left out. eb (50 users) before ea (5 users); h last.
  auto make = [](const char* id, const char* at, const char* type, std::optional<long long> users) {
    sla::ticket t(id);
    sla::ticket_event e;
    e.at = parse_instant(at);
    e.kind = event_kind::created;
    e.type = type;
    e.severity = "";  // schoolstatus has no severities
    e.users_affected = users;
    t.append(e, &seed("schoolstatus.yaml"));
    return t;
  };
  std::vector<sla::ticket> tickets;
  tickets.push_back(make("h", "2026-11-25T13:00:00Z", "how_to", std::nullopt));
  tickets.push_back(make("ea", "2026-11-25T14:00:00Z", "error", 5));
  tickets.push_back(make("eb", "2026-11-25T15:00:00Z", "error", 50));
  tickets.push_back(make("o1", "2026-11-25T15:30:00Z", "outage", std::nullopt));
  tickets.push_back(make("o2", "2026-11-25T14:00:00Z", "outage", std::nullopt));
  sla::ticket_event closed;
  closed.at = parse_instant("2026-11-25T14:30:00Z");
  closed.kind = event_kind::status;
  closed.status = "closed";
  tickets.back().append(closed, &seed("schoolstatus.yaml"));
  auto order = sla::queue_order(seed("schoolstatus.yaml"), tickets, parse_instant("2026-11-25T16:00:00Z"));
  std::vector<std::string> ids;
  for (auto i : order) ids.push_back(tickets[i].id());
  CHECK(ids == strings{"o1", "eb", "ea", "h"});
}

TEST_CASE("decided edge: evaluating before the creation is an error", "[ticket][edges]") {
  history h{seed("avallain.yaml")};
  h.created("2026-11-23T10:00:00Z", "incident", "urgent");
  CHECK_THROWS_WITH(h.at("2026-11-23T09:59:59Z"), Catch::Contains("before the ticket was created"));
}

// ---- 2.12 The next change ------------------------------------------------------------------------

TEST_CASE("decided edge: next_change is the first instant something reported would change", "[ticket][edges]") {
  SECTION("advendio premium critical: the 75% warning comes before the breach and the first level") {
    // response 2h on Mon–Fri 09:00–17:00 Berlin (CET, +1). Created Mon 16:00 CET = 15:00Z:
    // Monday gives 1h; breach and customer-success-manager (100%) at Tue 10:00 CET = 09:00Z;
    // 75% (1h30m) at Tue 09:30 CET = 08:30Z. At Mon 16:30 CET the earliest is 08:30Z.
    history h{seed("advendio.yaml")};
    h.created("2026-11-23T15:00:00Z", "bug", "critical", "premium");
    CHECK(text(h.at("2026-11-23T15:30:00Z").next_change) == "2026-11-24T08:30:00Z");
    auto after = h.at("2026-11-24T08:30:00Z");
    CHECK(text(after.next_change) == "2026-11-24T09:00:00Z");
    auto breached = h.at("2026-11-24T09:00:00Z");
    CHECK(target(breached, "response").escalation == std::optional<std::string>("customer-success-manager"));
    // coo at 150% (3h): Tue 09:00 + 1h CET = 11:00 CET = 10:00Z.
    CHECK(text(breached.next_change) == "2026-11-24T10:00:00Z");
  }
  SECTION("a level written before the reported one would not change it, so it is not a candidate") {
    // Levels written [late at 120%, early at 50%]: the reported level is the last crossed in
    // that order. At 110% `early` is crossed and reported; crossing `late` at 120% would leave
    // `early` reported, so nothing is left to change: next_change none.
    const sla::policy p = sla::policy::parse(R"(
policy: order
types: [t]
severities: [s]
calendars: {office: {timezone: UTC, hours: {mon-fri: ["09:00-17:00"]}}}
targets: [{calendar: office, targets: {response: 1h}}]
escalations: [{name: late, at: 120%}, {name: early, at: 50%}]
)", "order.yaml");
    history h{p};
    h.created("2026-11-23T09:00:00Z", "t", "s");
    // 09:30 crosses early (50%); 10:00 breaches. At 10:06 (110%): nothing left.
    CHECK(text(h.at("2026-11-23T09:10:00Z").next_change) == "2026-11-23T09:30:00Z");
    CHECK(text(h.at("2026-11-23T09:40:00Z").next_change) == "2026-11-23T10:00:00Z");
    auto ev = h.at("2026-11-23T10:06:00Z");
    CHECK(target(ev, "response").escalation == std::optional<std::string>("early"));
    CHECK_FALSE(ev.next_change);
  }
}

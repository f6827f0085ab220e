// Resolved histories (sla::resolve_event, evaluate(policy, resolved_history, now)) and tenant
// bindings (policy::for_tenant), on policies/xen.yaml: support/high/standard gets response 4h and
// resolution 8h on the `business` calendar, Mon–Fri 08:00–20:00 in the tenant's zone (default
// Australia/Sydney). 2026-11-20 is a Friday; in November London is on UTC and New York on EST
// (UTC-5).
#include <catch2/catch.hpp>

#include <sla/sla.hpp>

#include <thread>

namespace {

using sla::event_kind;
using sla::parse_instant;

const sla::policy& xen() {
  static const sla::policy p = sla::policy::load(SLA_SOURCE_DIR "/policies/xen.yaml");
  return p;
}

sla::ticket_event created(const char* at, const char* zone) {
  sla::ticket_event e;
  e.at = parse_instant(at);
  e.kind = event_kind::created;
  e.type = "support";
  e.severity = "high";
  e.timezone = zone;
  return e;
}

std::optional<sla::instant> deadline_of(const sla::ticket_evaluation& ev, const char* target) {
  for (const auto& s : ev.targets)
    if (s.name == target) return s.deadline;
  FAIL("no target " << target);
  return std::nullopt;
}

}  // namespace

TEST_CASE("resolve_event: names become the policy's positions; bad ones get ticket::append's message", "[ticket][resolved]") {
  const sla::policy& p = xen();
  sla::resolved_event c = sla::resolve_event(p, created("2026-11-20T18:00:00Z", "Europe/London"), "T-9");
  CHECK(c.kind == event_kind::created);
  CHECK(c.type == 0);      // support: the first of [support, bug, new_feature, other]
  CHECK(c.severity == 1);  // high: [critical, high, medium, low]
  CHECK(c.plan == 0);      // none given: the default plan, standard = [standard, enhanced][0]
  CHECK(c.at == parse_instant("2026-11-20T18:00:00Z"));

  sla::ticket_event waiting{parse_instant("2026-11-23T10:00:00Z"), event_kind::status};
  waiting.status = "waiting_for_customer";
  CHECK(sla::resolve_event(p, waiting, "T-9").name == 2);  // [open, in_progress, waiting_for_customer, …]

  sla::ticket_event typo = waiting;
  typo.status = "waitng";
  CHECK_THROWS_WITH(sla::resolve_event(p, typo, "T-9"),
                    Catch::StartsWith("ticket T-9: status event at 2026-11-23T10:00:00Z: unknown status \"waitng\""));
  sla::ticket_event with_plan = waiting;
  with_plan.plan = "enhanced";
  CHECK_THROWS_WITH(sla::resolve_event(p, with_plan, "T-9"),
                    Catch::Contains("`plan` does not apply to a status event"));
  sla::ticket_event bad_zone = created("2026-11-20T18:00:00Z", "Mars/Olympus");
  CHECK_THROWS_WITH(sla::resolve_event(p, bad_zone, "T-9"), Catch::Contains("Mars/Olympus"));
  // The same checks as ticket::append, word for word.
  sla::ticket t("T-9");
  t.append(created("2026-11-20T18:00:00Z", ""), &p);
  try {
    t.append(typo, &p);
    FAIL("append took an unknown status");
  } catch (const sla::error& e) {
    CHECK_THROWS_WITH(sla::resolve_event(p, typo, "T-9"), e.what());
  }
}

TEST_CASE("evaluate on a resolved history, on the plain policy and on one bound to the tenant", "[ticket][resolved]") {
  const sla::policy& p = xen();
  const sla::instant now = parse_instant("2026-11-20T19:00:00Z");
  auto history = [&](const char* zone, std::vector<sla::resolved_event>& out) {
    out = {sla::resolve_event(p, created("2026-11-20T18:00:00Z", zone), "T-1")};
    return sla::resolved_history{"T-1", zone, "", out};
  };
  std::vector<sla::resolved_event> london_events, new_york_events;
  auto london = history("Europe/London", london_events);
  auto new_york = history("America/New_York", new_york_events);

  // London, created Fri 18:00 local: response 4 h = Fri 18:00–20:00 + Mon 08:00–10:00 → Mon
  // 10:00Z; resolution 8 h = 2 h + Mon 08:00–14:00 → Mon 14:00Z; 1 h accrued at 19:00.
  const auto london_response = parse_instant("2026-11-23T10:00:00Z"), london_resolution = parse_instant("2026-11-23T14:00:00Z");
  // New York, created Fri 13:00 EST: response 13:00–17:00 → Fri 22:00Z; resolution 7 h to
  // 20:00 EST + Mon 08:00–09:00 EST → Mon 14:00Z.
  const auto ny_response = parse_instant("2026-11-20T22:00:00Z"), ny_resolution = parse_instant("2026-11-23T14:00:00Z");

  const sla::policy bound = p.for_tenant("Europe/London");
  CHECK(bound.tenant_zone() == "Europe/London");
  CHECK(p.tenant_zone().empty());
  for (const sla::policy* on : {&p, &bound}) {
    auto ev = sla::evaluate(*on, london, now);
    CHECK(deadline_of(ev, "response") == london_response);
    CHECK(deadline_of(ev, "resolution") == london_resolution);
    CHECK(ev.targets.at(0).accrued == std::chrono::seconds{3600});
    // A ticket of another tenant on the London binding is evaluated in its own zone.
    auto other = sla::evaluate(*on, new_york, now);
    CHECK(deadline_of(other, "response") == ny_response);
    CHECK(deadline_of(other, "resolution") == ny_resolution);
  }
  // The calendar a bound policy hands out is the tenant's.
  CHECK(bound.calendar("business", "Europe/London").zone().name() == "Europe/London");
  // The named path gives the same.
  sla::ticket t("T-1");
  t.append(created("2026-11-20T18:00:00Z", "Europe/London"), &p);
  CHECK(deadline_of(sla::evaluate(bound, t, now), "response") == london_response);

  // A resolved history must start with `created`, and `now` may not precede it.
  CHECK_THROWS_WITH(sla::evaluate(p, sla::resolved_history{"T-2", "", "", {}}, now), Catch::Contains("first event must be created"));
  CHECK_THROWS_WITH(sla::evaluate(p, london, parse_instant("2026-11-20T17:00:00Z")), Catch::Contains("before the ticket was created"));
  // Indices a policy does not have are refused, not read out of range.
  std::vector<sla::resolved_event> bad = london_events;
  sla::resolved_event status{parse_instant("2026-11-20T18:30:00Z"), event_kind::status};
  status.name = 99;
  bad.push_back(status);
  CHECK_THROWS_WITH(sla::evaluate(p, sla::resolved_history{"T-1", "Europe/London", "", bad}, now),
                    Catch::Contains("status index 99 is out of range"));
}

TEST_CASE("one tenant binding shared by threads gives the single-threaded answers", "[ticket][resolved][concurrency]") {
  const sla::policy& p = xen();
  const sla::policy bound = p.for_tenant("Asia/Kolkata");
  std::vector<std::vector<sla::resolved_event>> histories;
  for (int i = 0; i < 64; ++i) {
    auto at = parse_instant("2026-03-01T00:00:00Z") + std::chrono::hours{30 * i};
    sla::ticket_event c = created("2026-03-01T00:00:00Z", "Asia/Kolkata");
    c.at = at;
    sla::ticket_event wait{at + std::chrono::minutes{90 + i}, event_kind::status};
    wait.status = "waiting_for_customer";
    histories.push_back({sla::resolve_event(p, c, "T"), sla::resolve_event(p, wait, "T")});
  }
  const auto now = parse_instant("2026-06-01T00:00:00Z");
  auto run = [&](std::vector<std::optional<sla::instant>>& out) {
    for (const auto& h : histories) {
      auto ev = sla::evaluate(bound, sla::resolved_history{"T", "Asia/Kolkata", "", h}, now);
      for (const auto& s : ev.targets) out.push_back(s.deadline);
      out.push_back(ev.next_change);
    }
  };
  std::vector<std::optional<sla::instant>> alone, a, b;
  run(alone);
  std::thread one([&] { run(a); }), two([&] { run(b); });
  one.join();
  two.join();
  CHECK(a == alone);
  CHECK(b == alone);
}

// Ticket clocks on a small policy whose numbers are easy to follow by hand: an office open
// Mon–Fri 09:00–17:00 UTC; high severity gets response 2h / resolution 8h, low 4h / 16h.
// 2026-11-23 is a Monday.
#include <catch2/catch.hpp>

#include <sla/ticket.hpp>

namespace {

using namespace std::chrono_literals;
using sla::event_kind;
using sla::parse_instant;
using sla::target_state;

const char* clock_policy = R"(
policy: clock-test
types: [outage, bug]
severities: [high, low]
statuses: [open, waiting, solved, cancelled]
calendars:
  office: {timezone: UTC, hours: {mon-fri: ["09:00-17:00"]}}
  ny: {timezone: America/New_York, hours: {mon-fri: ["09:00-17:00"]}}
targets:
  - {severity: high, calendar: office, targets: {response: 2h, resolution: 8h}}
  - {severity: low, calendar: office, targets: {response: 4h, resolution: 16h}}
  - {severity: low, calendar: ny, targets: {update: 8h}}
clock:
  pause: {waiting: [resolution]}
  meet:
    events: {responded: [response], resolved: [resolution]}
    statuses: {solved: [resolution]}
  cancel: [cancelled]
  reopen: {resume: [resolution]}
  periodic: [update]
warnings: [{name: "75%", at: 75%}]
escalations: [{name: manager, at: 100%}, {name: director, at: 150%}]
queue:
  categories: [outage, bug]
  tie_breaks: [{field: users_affected, order: desc, types: [bug]}, {field: created, order: asc}]
)";

const sla::policy& test_policy() {
  static const sla::policy p = sla::policy::parse(clock_policy, "clock-test.yaml");
  return p;
}

sla::ticket_event event(const char* at, event_kind kind, std::string value = {}) {
  sla::ticket_event e;
  e.at = parse_instant(at);
  e.kind = kind;
  if (kind == event_kind::created) {
    e.type = "bug";
    e.severity = value;
  } else if (kind == event_kind::status) {
    e.status = value;
  } else if (kind == event_kind::severity) {
    e.severity = value;
  }
  return e;
}

const sla::target_status& target(const sla::ticket_evaluation& ev, std::string_view name) {
  for (const auto& t : ev.targets)
    if (t.name == name) return t;
  FAIL("no target " << name);
  throw;
}

}  // namespace

TEST_CASE("evaluate: a running clock, its deadline and the next warning", "[ticket]") {
  sla::ticket t("T-1");
  t.append(event("2026-11-23T10:00:00Z", event_kind::created, "high"), &test_policy());
  auto ev = sla::evaluate(test_policy(), t, parse_instant("2026-11-23T11:00:00Z"));
  const auto& response = target(ev, "response");
  CHECK(response.state == target_state::running);
  CHECK(response.accrued == 1h);
  CHECK(response.remaining == 1h);
  CHECK(response.percent == Approx(50.0));
  CHECK(response.deadline == parse_instant("2026-11-23T12:00:00Z"));
  CHECK(response.warnings.empty());
  CHECK_FALSE(response.escalation);
  // 75% of 2h is 1h30m of business time: 11:30. Resolution's 75% of 8h (6h) comes at 16:00.
  CHECK(ev.next_change == parse_instant("2026-11-23T11:30:00Z"));
}

TEST_CASE("evaluate: a pause stops only the targets it names, paused deadline is 'if resumed now'", "[ticket]") {
  sla::ticket t("T-2");
  t.append(event("2026-11-23T10:00:00Z", event_kind::created, "high"));
  t.append(event("2026-11-23T10:30:00Z", event_kind::responded));
  t.append(event("2026-11-23T12:00:00Z", event_kind::status, "waiting"));
  t.append(event("2026-11-24T10:00:00Z", event_kind::status, "open"));

  // Monday 15:00, paused since 12:00: resolution has 10:00–12:00 = 2h; resumed now, 6h more
  // is Mon 15:00–17:00 (2h) + Tue 09:00–13:00 (4h).
  auto paused = sla::evaluate(test_policy(), t, parse_instant("2026-11-23T15:00:00Z"));
  CHECK(target(paused, "response").state == target_state::met);
  CHECK(target(paused, "response").met_at == parse_instant("2026-11-23T10:30:00Z"));
  CHECK(target(paused, "response").accrued == 30min);
  const auto& r = target(paused, "resolution");
  CHECK(r.state == target_state::paused);
  CHECK(r.accrued == 2h);
  CHECK(r.deadline == parse_instant("2026-11-24T13:00:00Z"));
  CHECK_FALSE(paused.next_change);

  // Tuesday 12:00: 2h Monday + Tue 10:00–12:00 2h = 4h; 4h left → Tue 16:00.
  auto resumed = sla::evaluate(test_policy(), t, parse_instant("2026-11-24T12:00:00Z"));
  const auto& r2 = target(resumed, "resolution");
  CHECK(r2.state == target_state::running);
  CHECK(r2.accrued == 4h);
  CHECK(r2.deadline == parse_instant("2026-11-24T16:00:00Z"));
  // 75% of 8h = 6h: 2h more from 12:00 → 14:00.
  CHECK(resumed.next_change == parse_instant("2026-11-24T14:00:00Z"));
}

TEST_CASE("evaluate: breach across the night, warnings and escalation levels", "[ticket]") {
  sla::ticket t("T-3");
  t.append(event("2026-11-23T16:00:00Z", event_kind::created, "high"));
  // Response 2h: Mon 16:00–17:00 (1h) + Tue 09:00–10:00 (1h) → breached at Tue 10:00.
  // At Tue 11:00 it has 1h + 2h = 3h = 150% → director.
  auto ev = sla::evaluate(test_policy(), t, parse_instant("2026-11-24T11:00:00Z"));
  const auto& response = target(ev, "response");
  CHECK(response.state == target_state::breached);
  CHECK(response.breached_at == parse_instant("2026-11-24T10:00:00Z"));
  CHECK(response.deadline == parse_instant("2026-11-24T10:00:00Z"));
  CHECK(response.accrued == 3h);
  CHECK(response.remaining == -1h);
  CHECK(response.percent == Approx(150.0));
  CHECK(response.warnings == std::vector<std::string>{"75%"});
  CHECK(response.escalation == "director");
  // Resolution has 3h of 8h: 75% (6h) at Tue 14:00; manager (8h) at 16:00.
  CHECK(ev.next_change == parse_instant("2026-11-24T14:00:00Z"));
}

TEST_CASE("evaluate: a target met after its deadline is breached, with the breach instant", "[ticket]") {
  sla::ticket t("T-4");
  t.append(event("2026-11-23T16:00:00Z", event_kind::created, "high"));
  t.append(event("2026-11-24T10:30:00Z", event_kind::responded));
  auto ev = sla::evaluate(test_policy(), t, parse_instant("2026-11-24T12:00:00Z"));
  const auto& response = target(ev, "response");
  CHECK(response.state == target_state::breached);
  CHECK(response.met_at == parse_instant("2026-11-24T10:30:00Z"));
  CHECK(response.breached_at == parse_instant("2026-11-24T10:00:00Z"));
  CHECK(response.accrued == 2h + 30min);
}

TEST_CASE("evaluate: a severity change keeps the accrued time and the original start", "[ticket]") {
  sla::ticket t("T-5");
  t.append(event("2026-11-23T09:00:00Z", event_kind::created, "low"));
  t.append(event("2026-11-23T12:00:00Z", event_kind::severity, "high"));
  // 3h accrued when the target drops from 4h to 2h: breached when it reached 2h, at 11:00.
  auto ev = sla::evaluate(test_policy(), t, parse_instant("2026-11-23T12:30:00Z"));
  const auto& response = target(ev, "response");
  CHECK(response.state == target_state::breached);
  CHECK(response.breached_at == parse_instant("2026-11-23T11:00:00Z"));
  CHECK(response.accrued == 3h + 30min);
  // The low-only update target is gone with the new severity.
  for (const auto& x : ev.targets) CHECK(x.name != "update");
}

TEST_CASE("evaluate: cancelling stops every running target, nothing changes after", "[ticket]") {
  sla::ticket t("T-6");
  t.append(event("2026-11-23T10:00:00Z", event_kind::created, "high"));
  t.append(event("2026-11-23T10:30:00Z", event_kind::responded));
  t.append(event("2026-11-23T11:00:00Z", event_kind::status, "cancelled"));
  auto ev = sla::evaluate(test_policy(), t, parse_instant("2026-11-24T11:00:00Z"));
  CHECK(target(ev, "response").state == target_state::met);
  CHECK(target(ev, "resolution").state == target_state::cancelled);
  CHECK(target(ev, "resolution").accrued == 1h);
  CHECK_FALSE(ev.next_change);
}

TEST_CASE("evaluate: reopening resumes resolution with the time accrued", "[ticket]") {
  sla::ticket t("T-7");
  t.append(event("2026-11-23T10:00:00Z", event_kind::created, "high"));
  t.append(event("2026-11-23T10:15:00Z", event_kind::responded));
  t.append(event("2026-11-23T12:00:00Z", event_kind::resolved));
  t.append(event("2026-11-24T09:00:00Z", event_kind::reopened));
  // Resolution: Mon 10:00–12:00 (2h), reopened Tue 09:00, at 10:00 3h; 5h left → Tue 15:00.
  auto ev = sla::evaluate(test_policy(), t, parse_instant("2026-11-24T10:00:00Z"));
  const auto& r = target(ev, "resolution");
  CHECK(r.state == target_state::running);
  CHECK(r.accrued == 3h);
  CHECK(r.cycles == 2);
  CHECK(r.deadline == parse_instant("2026-11-24T15:00:00Z"));
  CHECK(target(ev, "response").state == target_state::met);

  // Leaving a stop status reopens too: solved then open.
  sla::ticket u("T-8");
  u.append(event("2026-11-23T10:00:00Z", event_kind::created, "high"));
  u.append(event("2026-11-23T11:00:00Z", event_kind::status, "solved"));
  u.append(event("2026-11-23T13:00:00Z", event_kind::status, "open"));
  auto ev2 = sla::evaluate(test_policy(), u, parse_instant("2026-11-23T14:00:00Z"));
  CHECK(target(ev2, "resolution").state == target_state::running);
  CHECK(target(ev2, "resolution").accrued == 2h);  // 10:00–11:00 and 13:00–14:00
}

TEST_CASE("evaluate: a periodic update target restarts at each update, across a DST switch", "[ticket]") {
  // Low tickets get `update` 8h on Mon–Fri 09:00–17:00 America/New_York. Created Fri
  // 2026-03-06T21:00:00Z = 16:00 EST; updated at 21:30Z (16:30 EST): 30 min left Friday, then
  // Monday after the spring-forward Sunday opens at 09:00 EDT = 13:00Z; 7h30m more → 20:30Z.
  sla::ticket t("T-9");
  t.append(event("2026-03-06T21:00:00Z", event_kind::created, "low"));
  t.append(event("2026-03-06T21:30:00Z", event_kind::updated));
  auto ev = sla::evaluate(test_policy(), t, parse_instant("2026-03-07T12:00:00Z"));
  const auto& update = target(ev, "update");
  CHECK(update.state == target_state::running);
  CHECK(update.accrued == 30min);
  CHECK(update.deadline == parse_instant("2026-03-09T20:30:00Z"));
}

TEST_CASE("ticket: bad histories are errors naming the ticket and the event", "[ticket]") {
  sla::ticket t("T-10");
  CHECK_THROWS_WITH(t.append(event("2026-11-23T10:00:00Z", event_kind::responded)),
                    Catch::Contains("ticket T-10") && Catch::Contains("before created"));
  t.append(event("2026-11-23T10:00:00Z", event_kind::created, "high"), &test_policy());
  CHECK_THROWS_WITH(t.append(event("2026-11-23T11:00:00Z", event_kind::created, "high")),
                    Catch::Contains("second created"));
  CHECK_THROWS_WITH(t.append(event("2026-11-23T09:00:00Z", event_kind::responded)),
                    Catch::Contains("before the ticket was created"));
  CHECK_THROWS_WITH(t.append(event("2026-11-23T11:00:00Z", event_kind::status, "wating"), &test_policy()),
                    Catch::Contains("unknown status \"wating\""));
  CHECK_THROWS_WITH(t.append(event("2026-11-23T11:00:00Z", event_kind::severity, "urgent"), &test_policy()),
                    Catch::Contains("unknown severity \"urgent\""));
  sla::ticket u("T-10b");
  auto created = event("2026-11-23T10:00:00Z", event_kind::created, "high");
  created.timezone = "Mars/Olympus_Mons";
  CHECK_THROWS_WITH(u.append(created, &test_policy()), Catch::Contains("ticket T-10b") && Catch::Contains("Mars/Olympus_Mons"));
  CHECK(u.events().empty());
}

TEST_CASE("evaluate: same inputs, same answer, events after now are ignored", "[ticket]") {
  sla::ticket t("T-11");
  t.append(event("2026-11-23T10:00:00Z", event_kind::created, "high"));
  t.append(event("2026-11-23T12:00:00Z", event_kind::responded));
  auto a = sla::evaluate(test_policy(), t, parse_instant("2026-11-23T11:00:00Z"));
  auto b = sla::evaluate(test_policy(), t, parse_instant("2026-11-23T11:00:00Z"));
  CHECK(target(a, "response").state == target_state::running);
  CHECK(target(a, "response").deadline == target(b, "response").deadline);
  CHECK(a.next_change == b.next_change);
}

TEST_CASE("explain: each stretch says whether it counted and why", "[ticket]") {
  sla::ticket t("T-12");
  t.append(event("2026-11-23T16:00:00Z", event_kind::created, "high"));
  t.append(event("2026-11-24T10:00:00Z", event_kind::status, "waiting"));
  auto segments = sla::explain(test_policy(), t, "resolution", parse_instant("2026-11-24T11:00:00Z"));
  REQUIRE(segments.size() == 4);
  CHECK(segments[0].start == parse_instant("2026-11-23T16:00:00Z"));
  CHECK(segments[0].end == parse_instant("2026-11-23T17:00:00Z"));
  CHECK(segments[0].counted);
  CHECK(segments[1].reason == "outside hours");
  CHECK(segments[1].end == parse_instant("2026-11-24T09:00:00Z"));
  CHECK(segments[2].counted);
  CHECK(segments[2].end == parse_instant("2026-11-24T10:00:00Z"));
  CHECK_FALSE(segments[3].counted);
  CHECK(segments[3].reason == "paused by status waiting");
  CHECK(segments[3].end == parse_instant("2026-11-24T11:00:00Z"));
  CHECK_THROWS_AS(sla::explain(test_policy(), t, "nonsense", parse_instant("2026-11-24T11:00:00Z")), sla::error);
}

TEST_CASE("queue order: category, then users affected for bugs, then creation time", "[ticket]") {
  auto make = [](const char* id, const char* type, const char* at, long long users) {
    sla::ticket t(id);
    sla::ticket_event e = event(at, event_kind::created, "high");
    e.type = type;
    e.users_affected = users;
    t.append(e, &test_policy());
    return t;
  };
  std::vector<sla::ticket> tickets = {
      make("A", "bug", "2026-11-23T10:00:00Z", 5),    make("B", "bug", "2026-11-23T11:00:00Z", 50),
      make("C", "outage", "2026-11-23T12:00:00Z", 1), make("D", "bug", "2026-11-23T09:00:00Z", 5),
      make("E", "bug", "2026-11-23T09:30:00Z", 5),
  };
  // D is done: responded and resolved.
  tickets[3].append(event("2026-11-23T09:10:00Z", event_kind::responded));
  tickets[3].append(event("2026-11-23T09:20:00Z", event_kind::resolved));
  // Outage first; then the bug with most users; then equal users by creation (E 09:30 before A 10:00).
  CHECK(sla::queue_order(test_policy(), tickets, parse_instant("2026-11-23T13:00:00Z")) ==
        std::vector<std::size_t>{2, 1, 4, 0});
}

TEST_CASE("ticket_tracker: incremental answers equal a full evaluation", "[ticket]") {
  sla::ticket_tracker tracker(test_policy(), "T-13");
  sla::ticket full("T-13");
  const std::vector<sla::ticket_event> events = {
      event("2026-11-23T10:00:00Z", event_kind::created, "low"),
      event("2026-11-23T11:00:00Z", event_kind::status, "waiting"),
      event("2026-11-23T15:00:00Z", event_kind::status, "open"),
      event("2026-11-24T09:30:00Z", event_kind::severity, "high"),
      event("2026-11-24T10:00:00Z", event_kind::responded),
  };
  for (const auto& e : events) {
    tracker.append(e);
    full.append(e);
    for (const char* now : {"2026-11-24T10:00:00Z", "2026-11-25T12:00:00Z"}) {
      auto a = tracker.evaluate(parse_instant(now));
      auto b = sla::evaluate(test_policy(), full, parse_instant(now));
      REQUIRE(a.targets.size() == b.targets.size());
      for (std::size_t i = 0; i < a.targets.size(); ++i) {
        CHECK(a.targets[i].accrued == b.targets[i].accrued);
        CHECK(a.targets[i].deadline == b.targets[i].deadline);
        CHECK(a.targets[i].state == b.targets[i].state);
      }
      CHECK(a.next_change == b.next_change);
    }
  }
  // An event out of order is replayed into place.
  tracker.append(event("2026-11-23T12:00:00Z", event_kind::updated));
  full.append(event("2026-11-23T12:00:00Z", event_kind::updated));
  CHECK(tracker.evaluate(parse_instant("2026-11-25T12:00:00Z")).next_change ==
        sla::evaluate(test_policy(), full, parse_instant("2026-11-25T12:00:00Z")).next_change);
}

TEST_CASE("next_close: the end of the business stretch holding t", "[calendar]") {
  auto office = test_policy().calendar("office");
  CHECK(office.next_close(parse_instant("2026-11-23T10:00:00Z")) == parse_instant("2026-11-23T17:00:00Z"));
  CHECK(office.next_close(parse_instant("2026-11-23T08:00:00Z")) == parse_instant("2026-11-23T08:00:00Z"));
  CHECK(office.next_close(parse_instant("2026-11-23T16:59:59Z")) == parse_instant("2026-11-23T17:00:00Z"));
  // New York, the Monday after spring-forward: 09:00–17:00 EDT is 13:00–21:00Z.
  auto ny = test_policy().calendar("ny");
  CHECK(ny.next_close(parse_instant("2026-03-09T14:00:00Z")) == parse_instant("2026-03-09T21:00:00Z"));
  CHECK_FALSE(sla::business_calendar::always().next_close(parse_instant("2199-12-31T00:00:00Z")));
}

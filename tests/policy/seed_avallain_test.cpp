// Worked examples for policies/avallain.yaml (seed 000). Every expected value is worked out by
// hand from policies/README.md ("avallain.yaml — seed 000") and docs/semantics.md; the arithmetic is in the
// comments. Calendars (all UTC): support-hours Mon–Fri 07:00–21:00, working-days Mon–Fri
// 00:00–24:00, always 24/7. March 2026: Mon 2, Wed 4, Fri 6, Sat 7, Sun 8, Mon 9 … Mon 16.
#include <catch2/catch.hpp>

#include <sla/policy.hpp>

#include "seed_support.hpp"

using seed::deadline;
using seed::describe;
using Strings = std::vector<std::string>;

namespace {
const sla::policy& avallain() {
  static const sla::policy p = seed::load("avallain");
  return p;
}
}  // namespace

TEST_CASE("avallain: the target table of policies/README.md, cell by cell", "[policy]") {
  const auto& p = avallain();
  CHECK(p.name() == "avallain");
  CHECK(p.types() == Strings{"incident", "bug", "new_feature", "question"});
  CHECK(p.severities() == Strings{"urgent", "important", "normal"});
  CHECK(p.plans().empty());
  // | incident | urgent | 15m on always | 8h on always |
  CHECK(describe(p, "incident", "urgent") == Strings{"response always 15m", "resolution always 8h"});
  // | incident | important | 30m on always | 48h on always |
  CHECK(describe(p, "incident", "important") == Strings{"response always 30m", "resolution always 48h"});
  // | incident | normal | 24h on always | none (release-targeted) |
  CHECK(describe(p, "incident", "normal") == Strings{"response always 24h", "resolution always none"});
  // | bug | urgent | 24h on working-days | 5 business days on working-days |
  CHECK(describe(p, "bug", "urgent") ==
        Strings{"response working-days 24h", "resolution working-days 5 business days"});
  // | bug | important | 24h on working-days | none (release-targeted) |
  CHECK(describe(p, "bug", "important") == Strings{"response working-days 24h", "resolution working-days none"});
  // | bug | normal | 24h on working-days | none (backlog) |
  CHECK(describe(p, "bug", "normal") == Strings{"response working-days 24h", "resolution working-days none"});
  // "Only incidents and bugs have targets."
  for (const char* type : {"new_feature", "question"})
    for (const char* severity : {"urgent", "important", "normal"}) {
      INFO(type << " " << severity);
      CHECK(describe(p, type, severity) == Strings{"response support-hours none", "resolution support-hours none"});
      CHECK(deadline(p, type, severity, {}, "response", "2026-03-09T10:00:00Z") == "none");
    }
  // The policy has no plans: naming one is an error.
  CHECK_THROWS_AS(p.targets_for("incident", "urgent", "premium"), sla::error);
  CHECK_THROWS_AS(p.targets_for("incident", "blocker"), sla::error);
}

TEST_CASE("avallain: incident clocks run 24/7, weekends included", "[policy]") {
  const auto& p = avallain();
  // Urgent incident raised Saturday 2026-03-07 22:00 UTC, outside support hours ("we … will
  // react, but only to incidents"). On `always` every second counts:
  //   response   22:00 + 15m = Sat 22:15
  //   resolution 22:00 + 8h  = Sun 2026-03-08 06:00
  CHECK(deadline(p, "incident", "urgent", {}, "response", "2026-03-07T22:00:00Z") == "2026-03-07T22:15:00Z");
  CHECK(deadline(p, "incident", "urgent", {}, "resolution", "2026-03-07T22:00:00Z") == "2026-03-08T06:00:00Z");
  // Important incident Friday 2026-03-06 20:50 UTC (ten minutes before support hours close —
  // irrelevant on `always`):
  //   response   20:50 + 30m = Fri 21:20
  //   resolution 20:50 + 48h = Sun 2026-03-08 20:50
  CHECK(deadline(p, "incident", "important", {}, "response", "2026-03-06T20:50:00Z") == "2026-03-06T21:20:00Z");
  CHECK(deadline(p, "incident", "important", {}, "resolution", "2026-03-06T20:50:00Z") == "2026-03-08T20:50:00Z");
  // Normal incident, same start: response 20:50 + 24h = Sat 2026-03-07 20:50; resolution is
  // release-targeted, no deadline.
  CHECK(deadline(p, "incident", "normal", {}, "response", "2026-03-06T20:50:00Z") == "2026-03-07T20:50:00Z");
  CHECK(deadline(p, "incident", "normal", {}, "resolution", "2026-03-06T20:50:00Z") == "none");
}

TEST_CASE("avallain: a bug's 24 hours count on working days only", "[policy]") {
  const auto& p = avallain();
  // "24 hours (on working days)": working-days is Mon–Fri 00:00–24:00 UTC.
  // Friday 2026-03-06 10:00: Friday gives 10:00→24:00 = 14h; 24h − 14h = 10h remain; Saturday
  // and Sunday are closed; Monday 2026-03-09 00:00 + 10h = Monday 10:00.
  CHECK(deadline(p, "bug", "normal", {}, "response", "2026-03-06T10:00:00Z") == "2026-03-09T10:00:00Z");
  // Saturday 2026-03-07 12:00: closed; the clock starts at Monday 00:00 and uses Monday's whole
  // 24h window, ending at its close, Monday 24:00 = Tuesday 2026-03-10 00:00.
  CHECK(deadline(p, "bug", "important", {}, "response", "2026-03-07T12:00:00Z") == "2026-03-10T00:00:00Z");
  // Friday 2026-03-06 00:00: Friday's window is exactly 24h, so the deadline uses its last second
  // and is that window's close, Friday 24:00 = Saturday 2026-03-07 00:00 — not Monday 00:00
  // (docs/semantics.md: "A deadline that uses up the last second of a window is that window's close").
  CHECK(deadline(p, "bug", "urgent", {}, "response", "2026-03-06T00:00:00Z") == "2026-03-07T00:00:00Z");
  // Wednesday 2026-03-04 23:00: 1h on Wednesday, then Thursday 00:00 + 23h = Thursday 23:00.
  CHECK(deadline(p, "bug", "urgent", {}, "response", "2026-03-04T23:00:00Z") == "2026-03-05T23:00:00Z");
  // The agreement names no holidays: Christmas Day 2026 (a Friday) is a working day.
  // Thursday 2026-12-24 12:00: 12h on Thursday, Friday 00:00 + 12h = Friday 2026-12-25 12:00.
  CHECK(deadline(p, "bug", "normal", {}, "response", "2026-12-24T12:00:00Z") == "2026-12-25T12:00:00Z");
}

TEST_CASE("avallain: urgent bug resolution is 5 business days on working-days", "[policy]") {
  const auto& p = avallain();
  // "Bugs (Urgent) … 5 working days": add_business_days on working-days, landing at the same
  // UTC wall-clock time on the 5th following business date.
  // Wednesday 2026-03-04 10:00 → Thu 5 (1), Fri 6 (2), Mon 9 (3), Tue 10 (4), Wed 11 (5) 10:00.
  CHECK(deadline(p, "bug", "urgent", {}, "resolution", "2026-03-04T10:00:00Z") == "2026-03-11T10:00:00Z");
  // Friday 2026-03-06 10:00 → Mon 9 (1), Tue 10 (2), Wed 11 (3), Thu 12 (4), Fri 13 (5) 10:00.
  CHECK(deadline(p, "bug", "urgent", {}, "resolution", "2026-03-06T10:00:00Z") == "2026-03-13T10:00:00Z");
  // Saturday 2026-03-07 12:00 is outside business time: the count starts on the date of the
  // next opening, Monday 2026-03-09, at that opening (00:00) → Tue 10 (1), Wed 11 (2), Thu 12 (3),
  // Fri 13 (4), Mon 16 (5) at 00:00: the landing. The ticket clock counts the business time that
  // spans, Mon 9 – Fri 13 = 120h, which runs out at Friday 13 24:00 = Saturday 14 00:00Z.
  CHECK(deadline(p, "bug", "urgent", {}, "resolution", "2026-03-07T12:00:00Z") == "2026-03-14T00:00:00Z");
  CHECK(sla::format_instant(*p.calendar("working-days").add_business_days(sla::parse_instant("2026-03-07T12:00:00Z"), 5)) ==
        "2026-03-16T00:00:00Z");
  // Friday 2026-03-06 23:59:59 → the 5th following business date is Friday 13, 23:59:59.
  CHECK(deadline(p, "bug", "urgent", {}, "resolution", "2026-03-06T23:59:59Z") == "2026-03-13T23:59:59Z");
  // Important and normal bugs have no resolution deadline (release / backlog).
  CHECK(deadline(p, "bug", "important", {}, "resolution", "2026-03-04T10:00:00Z") == "none");
  CHECK(deadline(p, "bug", "normal", {}, "resolution", "2026-03-04T10:00:00Z") == "none");
}

TEST_CASE("avallain: support hours are Monday to Friday 07:00-21:00 UTC", "[policy]") {
  auto cal = avallain().calendar("support-hours");
  CHECK_FALSE(cal.is_open(sla::parse_instant("2026-03-09T06:59:59Z")));  // Monday 06:59:59
  CHECK(cal.is_open(sla::parse_instant("2026-03-09T07:00:00Z")));        // Monday 07:00
  CHECK(cal.is_open(sla::parse_instant("2026-03-13T20:59:59Z")));        // Friday 20:59:59
  CHECK_FALSE(cal.is_open(sla::parse_instant("2026-03-13T21:00:00Z")));  // Friday 21:00, the close
  CHECK_FALSE(cal.is_open(sla::parse_instant("2026-03-14T12:00:00Z")));  // Saturday
  // Monday to Friday, 14h a day: 5 × 14h = 70h in the week of 2026-03-09.
  CHECK(cal.elapsed(sla::parse_instant("2026-03-09T00:00:00Z"), sla::parse_instant("2026-03-16T00:00:00Z")) ==
        std::chrono::hours{70});
}

TEST_CASE("avallain: statuses and clock rules as policies/README.md reads them", "[policy]") {
  const auto& p = avallain();
  CHECK(p.statuses() == Strings{"open", "in_progress", "waiting_for_customer", "escalated", "planned",
                                "waiting_for_acceptance", "cancelled", "closed"});
  const auto& c = p.clock();
  // "waiting_for_customer pauses response and resolution"
  CHECK(c.pauses.size() == 1);
  CHECK(c.pauses.at("waiting_for_customer") == Strings{"response", "resolution"});
  // "responded (the acknowledgement) meets response"; "a resolved event" meets resolution
  CHECK(c.met_by_event.at("responded") == Strings{"response"});
  CHECK(c.met_by_event.at("resolved") == Strings{"resolution"});
  // "waiting_for_acceptance, closed … meet resolution"
  CHECK(c.met_by_status.at("waiting_for_acceptance") == Strings{"resolution"});
  CHECK(c.met_by_status.at("closed") == Strings{"resolution"});
  // "cancelled cancels every running target"; "Leaving a stop status reopens";
  // "A severity change keeps the original start and the time accrued."
  CHECK(c.cancel_statuses == Strings{"cancelled"});
  CHECK(c.resumable == std::vector<std::string>{"resolution"});
  CHECK_FALSE(c.restart_on_severity_change);
  CHECK(c.periodic_targets.empty());
  // "Warnings at 75% and 90% of each target (assumed)."
  REQUIRE(p.warnings().size() == 2);
  CHECK(p.warnings()[0].percent == 75.0);
  CHECK(p.warnings()[1].percent == 90.0);
  CHECK(p.warnings()[0].targets.empty());
  CHECK(p.warnings()[1].targets.empty());
  CHECK(p.escalations().empty());
}

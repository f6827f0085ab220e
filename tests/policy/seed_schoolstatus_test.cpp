// Worked examples for policies/schoolstatus.yaml (seed 003). Every expected value is worked out
// by hand from policies/README.md ("schoolstatus.yaml — seed 003") and docs/semantics.md; the arithmetic is
// in the comments. Calendar `support-hours`: Mon–Fri 08:00–18:00 America/New_York.
// New York in 2026: EST (UTC−5) until Sunday 2026-03-08 02:00 EST, then EDT (UTC−4) until
// Sunday 2026-11-01 02:00 EDT, then EST again. So 08:00 is 13:00Z in winter, 12:00Z in summer;
// 18:00 is 23:00Z in winter, 22:00Z in summer.
#include <catch2/catch.hpp>

#include <sla/policy.hpp>

#include "seed_support.hpp"

using seed::deadline;
using seed::describe;
using Strings = std::vector<std::string>;

namespace {
const sla::policy& schoolstatus() {
  static const sla::policy p = seed::load("schoolstatus");
  return p;
}
}  // namespace

TEST_CASE("schoolstatus: acknowledgement by plan, next-business-day response, outages untimed", "[policy]") {
  const auto& p = schoolstatus();
  CHECK(p.types() == Strings{"outage", "error", "technical_question", "how_to"});
  CHECK(p.severities().empty());  // the agreement has no severities: no severity dimension
  CHECK(p.plans() == Strings{"premium", "professional"});
  CHECK(p.default_plan() == "professional");  // assumed
  for (const char* type : {"error", "technical_question", "how_to"}) {
    INFO(type);
    CHECK(describe(p, type, "", "premium") ==
          Strings{"acknowledgement support-hours 2h", "response support-hours next business day"});
    CHECK(describe(p, type, "", "professional") ==
          Strings{"acknowledgement support-hours 4h", "response support-hours next business day"});
    CHECK(describe(p, type, "") == describe(p, type, "", "professional"));
  }
  // "Outages have no numeric target: they go first in the queue."
  for (const char* plan : {"premium", "professional"}) {
    INFO(plan);
    CHECK(describe(p, "outage", "", plan) == Strings{"acknowledgement - none", "response - none"});
    CHECK(deadline(p, "outage", "", plan, "acknowledgement", "2026-03-09T14:00:00Z") == "none");
    CHECK(deadline(p, "outage", "", plan, "response", "2026-03-09T14:00:00Z") == "none");
  }
  // No resolution target: "Response time is not a guarantee of closing a request".
  CHECK(deadline(p, "error", "", "premium", "resolution", "2026-03-09T14:00:00Z") == "no such target");
}

TEST_CASE("schoolstatus: acknowledgement hours across the spring-forward weekend (2026-03-08)", "[policy]") {
  const auto& p = schoolstatus();
  // Premium error, Friday 2026-03-06 17:00 EST = 22:00Z. Acknowledgement 2h: Friday 17:00→18:00
  // = 1h; Monday 2026-03-09 08:00 EDT + 1h = 09:00 EDT = 13:00Z.
  CHECK(deadline(p, "error", "", "premium", "acknowledgement", "2026-03-06T22:00:00Z") ==
        "2026-03-09T13:00:00Z");
  // Professional technical question, Friday 2026-03-06 15:00 EST = 20:00Z. Acknowledgement 4h:
  // Friday 3h; Monday 08:00 EDT + 1h = 09:00 EDT = 13:00Z.
  CHECK(deadline(p, "technical_question", "", "professional", "acknowledgement", "2026-03-06T20:00:00Z") ==
        "2026-03-09T13:00:00Z");
  // Premium how-to, Monday 2026-03-09 10:00 EDT = 14:00Z: 10:00 + 2h = 12:00 EDT = 16:00Z.
  CHECK(deadline(p, "how_to", "", "premium", "acknowledgement", "2026-03-09T14:00:00Z") ==
        "2026-03-09T16:00:00Z");
}

TEST_CASE("schoolstatus: acknowledgement hours across the fall-back weekend (2026-11-01)", "[policy]") {
  const auto& p = schoolstatus();
  // Professional how-to, Friday 2026-10-30 16:00 EDT = 20:00Z. Acknowledgement 4h: Friday 2h;
  // Monday 2026-11-02 08:00 EST (13:00Z) + 2h = 10:00 EST = 15:00Z.
  CHECK(deadline(p, "how_to", "", "professional", "acknowledgement", "2026-10-30T20:00:00Z") ==
        "2026-11-02T15:00:00Z");
  // Premium error, Friday 2026-10-30 17:30 EDT = 21:30Z. Acknowledgement 2h: Friday 30m; Monday
  // 08:00 EST + 1h30 = 09:30 EST = 14:30Z.
  CHECK(deadline(p, "error", "", "premium", "acknowledgement", "2026-10-30T21:30:00Z") ==
        "2026-11-02T14:30:00Z");
}

TEST_CASE("schoolstatus: next business day is the close of the first business date after the local date", "[policy]") {
  const auto& p = schoolstatus();
  // Friday 2026-03-06 (any time) → Monday 2026-03-09, closing at 18:00 EDT = 22:00Z.
  CHECK(deadline(p, "error", "", "premium", "response", "2026-03-06T22:00:00Z") == "2026-03-09T22:00:00Z");
  // Friday 2026-03-06 21:00 EST = Saturday 02:00Z: the local date is still Friday → Monday 22:00Z.
  CHECK(deadline(p, "error", "", "premium", "response", "2026-03-07T02:00:00Z") == "2026-03-09T22:00:00Z");
  // Saturday 2026-03-07 12:00 EST = 17:00Z → Monday 2026-03-09 22:00Z.
  CHECK(deadline(p, "how_to", "", "professional", "response", "2026-03-07T17:00:00Z") ==
        "2026-03-09T22:00:00Z");
  // Sunday 2026-03-08 23:30 EDT = Monday 03:30Z: the UTC date is Monday, but the local date is
  // Sunday, so the first business date after it is that Monday → 2026-03-09 22:00Z.
  CHECK(deadline(p, "how_to", "", "professional", "response", "2026-03-09T03:30:00Z") ==
        "2026-03-09T22:00:00Z");
  // Monday 2026-03-09 07:00 EDT = 11:00Z, before opening: the next business date after Monday is
  // Tuesday 2026-03-10, closing at 18:00 EDT = 22:00Z (not Monday's close).
  CHECK(deadline(p, "technical_question", "", "premium", "response", "2026-03-09T11:00:00Z") ==
        "2026-03-10T22:00:00Z");
  // Monday 2026-03-09 17:59 EDT = 21:59Z → Tuesday 22:00Z.
  CHECK(deadline(p, "technical_question", "", "premium", "response", "2026-03-09T21:59:00Z") ==
        "2026-03-10T22:00:00Z");
  // Friday 2026-10-30 16:00 EDT = 20:00Z → Monday 2026-11-02, closing at 18:00 EST = 23:00Z.
  CHECK(deadline(p, "error", "", "professional", "response", "2026-10-30T20:00:00Z") ==
        "2026-11-02T23:00:00Z");
}

TEST_CASE("schoolstatus: the queue order of the agreement", "[policy]") {
  const auto& q = schoolstatus().queue();
  // "Outages … Errors … Technical questions … "How do I" questions"
  CHECK(q.category_order == Strings{"outage", "error", "technical_question", "how_to"});
  REQUIRE(q.tie_breaks.size() == 2);
  // "Error requests are ranked by the number of users affected" (most first)
  CHECK(q.tie_breaks[0].field == "users_affected");
  CHECK(q.tie_breaks[0].descending);
  CHECK(q.tie_breaks[0].types == Strings{"error"});
  // "first-come, first-served basis, that is... in the order they are received"
  CHECK(q.tie_breaks[1].field == "created");
  CHECK_FALSE(q.tie_breaks[1].descending);
  CHECK(q.tie_breaks[1].types.empty());
}

TEST_CASE("schoolstatus: what meets the acknowledgement and the response", "[policy]") {
  const auto& c = schoolstatus().clock();
  CHECK(c.met_by_event.at("responded") == Strings{"acknowledgement"});
  CHECK(c.met_by_status.at("in_progress") == Strings{"acknowledgement", "response"});
  CHECK(c.met_by_status.at("closed") == Strings{"*"});
  CHECK(c.pauses.empty());
  CHECK(c.cancel_statuses == Strings{"cancelled"});
}

// Worked examples for policies/xen.yaml (seed 001). Every expected value is worked out by hand
// from policies/README.md ("xen.yaml — seed 001") and docs/semantics.md; the arithmetic is in the comments.
// Calendar `business`: Mon–Fri 08:00–20:00 (12h a day) in the tenant's zone, default
// Australia/Sydney; `always`: 24/7.
// Sydney in 2026: AEDT (UTC+11) until Sunday 2026-04-05 03:00 AEDT, when clocks go back to
// 02:00 AEST (UTC+10); AEST until Sunday 2026-10-04 02:00 AEST, when clocks go forward to
// 03:00 AEDT. London: GMT (UTC+0) until Sunday 2026-03-29 01:00 GMT, then BST (UTC+1).
#include <catch2/catch.hpp>

#include <sla/policy.hpp>

#include "seed_support.hpp"

using seed::deadline;
using seed::describe;
using Strings = std::vector<std::string>;

namespace {
const sla::policy& xen() {
  static const sla::policy p = seed::load("xen");
  return p;
}
}  // namespace

TEST_CASE("xen: targets by severity, standard on business hours, enhanced 24/7", "[policy]") {
  const auto& p = xen();
  CHECK(p.types() == Strings{"support", "bug", "new_feature", "other"});
  CHECK(p.severities() == Strings{"critical", "high", "medium", "low"});
  CHECK(p.plans() == Strings{"standard", "enhanced"});
  CHECK(p.default_plan() == "standard");
  // "the targets are the same for all" request types.
  for (const char* type : {"support", "bug", "new_feature", "other"}) {
    INFO(type);
    // critical 1h / 2h; high 4h / 8h; medium 24h / 72h; low none — on business for standard…
    CHECK(describe(p, type, "critical", "standard") == Strings{"response business 1h", "resolution business 2h"});
    CHECK(describe(p, type, "high", "standard") == Strings{"response business 4h", "resolution business 8h"});
    CHECK(describe(p, type, "medium", "standard") == Strings{"response business 24h", "resolution business 72h"});
    CHECK(describe(p, type, "low", "standard") == Strings{"response - none", "resolution - none"});
    // … and on always for enhanced ("24/7/365").
    CHECK(describe(p, type, "critical", "enhanced") == Strings{"response always 1h", "resolution always 2h"});
    CHECK(describe(p, type, "high", "enhanced") == Strings{"response always 4h", "resolution always 8h"});
    CHECK(describe(p, type, "medium", "enhanced") == Strings{"response always 24h", "resolution always 72h"});
    CHECK(describe(p, type, "low", "enhanced") == Strings{"response - none", "resolution - none"});
    // No plan given: the standard agreement, "which comes as a default with a Xen tenancy".
    CHECK(describe(p, type, "critical") == describe(p, type, "critical", "standard"));
  }
  CHECK(deadline(p, "support", "low", "standard", "response", "2026-04-03T03:00:00Z") == "none");
  CHECK(deadline(p, "support", "low", "enhanced", "resolution", "2026-04-03T03:00:00Z") == "none");
}

TEST_CASE("xen: standard support over the weekend Sydney leaves daylight saving (2026-04-05)", "[policy]") {
  const auto& p = xen();
  // Medium, Friday 2026-04-03 14:00 AEDT = 03:00Z.
  //   response 24h: Friday 14:00→20:00 = 6h (18h left); Monday 2026-04-06 08:00→20:00 AEST = 12h
  //   (6h left); Tuesday 08:00 + 6h = 14:00 AEST = 04:00Z.
  CHECK(deadline(p, "bug", "medium", "standard", "response", "2026-04-03T03:00:00Z") == "2026-04-07T04:00:00Z");
  //   resolution 72h: Friday 6h; Mon 6, Tue 7, Wed 8, Thu 9, Fri 10 April 12h each = 60h (66h);
  //   Monday 2026-04-13 08:00 + 6h = 14:00 AEST = 04:00Z.
  CHECK(deadline(p, "bug", "medium", "standard", "resolution", "2026-04-03T03:00:00Z") == "2026-04-13T04:00:00Z");
  // Critical, Friday 2026-04-03 19:30 AEDT = 08:30Z.
  //   response 1h: Friday 30m; Monday 08:00 AEST + 30m = 08:30 AEST = Sunday 22:30Z.
  //   resolution 2h: Friday 30m; Monday 08:00 + 1h30 = 09:30 AEST = Sunday 23:30Z.
  CHECK(deadline(p, "support", "critical", "standard", "response", "2026-04-03T08:30:00Z") == "2026-04-05T22:30:00Z");
  CHECK(deadline(p, "support", "critical", "standard", "resolution", "2026-04-03T08:30:00Z") == "2026-04-05T23:30:00Z");
  // The week before, with no change of offset: Friday 2026-03-27 19:30 AEDT = 08:30Z; response
  // 30m Friday + 30m Monday = Monday 2026-03-30 08:30 AEDT = Sunday 21:30Z — an hour earlier in
  // UTC than across the change.
  CHECK(deadline(p, "support", "critical", "standard", "response", "2026-03-27T08:30:00Z") == "2026-03-29T21:30:00Z");
}

TEST_CASE("xen: standard support over the weekend Sydney enters daylight saving (2026-10-04)", "[policy]") {
  const auto& p = xen();
  // High, Friday 2026-10-02 19:00 AEST = 09:00Z.
  //   response 4h: Friday 1h; Monday 2026-10-05 08:00 AEDT + 3h = 11:00 AEDT = 00:00Z.
  //   resolution 8h: Friday 1h; Monday 08:00 + 7h = 15:00 AEDT = 04:00Z.
  // (No holidays: the agreement names none, so the NSW Labour Day Monday is a business day.)
  CHECK(deadline(p, "other", "high", "standard", "response", "2026-10-02T09:00:00Z") == "2026-10-05T00:00:00Z");
  CHECK(deadline(p, "other", "high", "standard", "resolution", "2026-10-02T09:00:00Z") == "2026-10-05T04:00:00Z");
}

TEST_CASE("xen: enhanced support counts real time through the daylight-saving changes", "[policy]") {
  const auto& p = xen();
  // High, Saturday 2026-10-03 23:00 AEST = 13:00Z. At 02:00 AEST the clocks jump to 03:00 AEDT.
  //   response 4h: 13:00Z + 4h = 17:00Z (Sunday 04:00 AEDT: the wall clock moved 5h).
  //   resolution 8h: 13:00Z + 8h = 21:00Z (Sunday 08:00 AEDT: the wall clock moved 9h).
  CHECK(deadline(p, "bug", "high", "enhanced", "response", "2026-10-03T13:00:00Z") == "2026-10-03T17:00:00Z");
  CHECK(deadline(p, "bug", "high", "enhanced", "resolution", "2026-10-03T13:00:00Z") == "2026-10-03T21:00:00Z");
  // Critical, Sunday 2026-04-05 01:30 AEDT = Saturday 14:30Z. 03:00 AEDT becomes 02:00 AEST.
  //   response 1h: 15:30Z (02:30 AEDT, the first 02:30).
  //   resolution 2h: 16:30Z (02:30 AEST, the repeated 02:30).
  CHECK(deadline(p, "bug", "critical", "enhanced", "response", "2026-04-04T14:30:00Z") == "2026-04-04T15:30:00Z");
  CHECK(deadline(p, "bug", "critical", "enhanced", "resolution", "2026-04-04T14:30:00Z") == "2026-04-04T16:30:00Z");
}

TEST_CASE("xen: a tenant time zone replaces Sydney for business hours", "[policy]") {
  const auto& p = xen();
  // "The default support window is 12/5 in your tenancy's timezone."
  // Critical, Monday 2026-03-30 06:30Z.
  //   Tenant Europe/London: 07:30 BST, before the 08:00 BST (07:00Z) opening.
  //     response 1h: 08:00 + 1h = 09:00 BST = 08:00Z; resolution 2h: 10:00 BST = 09:00Z.
  CHECK(deadline(p, "support", "critical", "standard", "response", "2026-03-30T06:30:00Z", "Europe/London") ==
        "2026-03-30T08:00:00Z");
  CHECK(deadline(p, "support", "critical", "standard", "resolution", "2026-03-30T06:30:00Z", "Europe/London") ==
        "2026-03-30T09:00:00Z");
  //   Default (Sydney): 17:30 AEDT, 2h30 before the 20:00 close.
  //     response 1h: 18:30 AEDT = 07:30Z; resolution 2h: 19:30 AEDT = 08:30Z.
  CHECK(deadline(p, "support", "critical", "standard", "response", "2026-03-30T06:30:00Z") == "2026-03-30T07:30:00Z");
  CHECK(deadline(p, "support", "critical", "standard", "resolution", "2026-03-30T06:30:00Z") == "2026-03-30T08:30:00Z");
  // London across its own change to summer time (Sunday 2026-03-29): critical, Friday
  // 2026-03-27 19:30 GMT = 19:30Z.
  //   response 1h: Friday 30m (to 20:00 GMT); Monday 2026-03-30 08:00 BST + 30m = 08:30 BST = 07:30Z.
  //   resolution 2h: Friday 30m; Monday 08:00 + 1h30 = 09:30 BST = 08:30Z.
  CHECK(deadline(p, "bug", "critical", "standard", "response", "2026-03-27T19:30:00Z", "Europe/London") ==
        "2026-03-30T07:30:00Z");
  CHECK(deadline(p, "bug", "critical", "standard", "resolution", "2026-03-27T19:30:00Z", "Europe/London") ==
        "2026-03-30T08:30:00Z");
  // Medium, Monday 2026-03-30 09:00 BST = 08:00Z, tenant London.
  //   response 24h: Monday 09:00→20:00 = 11h (13h left); Tuesday 12h (1h left); Wednesday
  //   2026-04-01 08:00 + 1h = 09:00 BST = 08:00Z.
  CHECK(deadline(p, "new_feature", "medium", "standard", "response", "2026-03-30T08:00:00Z", "Europe/London") ==
        "2026-04-01T08:00:00Z");
  // The 24/7 calendar does not depend on a zone: enhanced critical from Friday 2026-03-27 19:30Z
  // responds by 20:30Z whatever the tenant.
  CHECK(deadline(p, "bug", "critical", "enhanced", "response", "2026-03-27T19:30:00Z", "Europe/London") ==
        "2026-03-27T20:30:00Z");
  // An unknown tenant zone is an error, never a silent fallback.
  auto critical = p.targets_for("support", "critical", "standard");
  REQUIRE_FALSE(critical.empty());
  CHECK_THROWS_AS(p.deadline(critical[0], sla::parse_instant("2026-03-30T06:30:00Z"), "Mars/Olympus_Mons"), sla::error);
}

TEST_CASE("xen: platform availability excludes the weekend maintenance window", "[policy]") {
  const auto& p = xen();
  REQUIRE(p.availability().size() == 1);
  const auto& a = p.availability()[0];
  CHECK(a.component == "platform");
  CHECK(a.percent == Approx(99.9));
  CHECK(a.period == "month");
  CHECK(a.timezone == "Australia/Sydney");
  CHECK(a.maintenance.timezone == "Australia/Sydney");
  // "Saturday 6:00 AEST/AEDT through Monday 06:00 AEST/AEDT", measured with the maintenance
  // windows as a calendar:
  sla::business_calendar maintenance(a.maintenance);
  auto elapsed = [&](const char* from, const char* to) {
    return maintenance.elapsed(sla::parse_instant(from), sla::parse_instant(to));
  };
  // An ordinary weekend: Saturday 2026-03-28 06:00 AEDT → Monday 2026-03-30 06:00 AEDT = 48h.
  CHECK(elapsed("2026-03-27T12:00:00Z", "2026-03-30T12:00:00Z") == std::chrono::hours{48});
  // The weekend the clocks go back: Saturday 2026-04-04 06:00 AEDT (Friday 19:00Z) → Monday
  // 2026-04-06 06:00 AEST (Sunday 20:00Z): Saturday 18h + Sunday 25h (02:00–03:00 twice) +
  // Monday 6h = 49h.
  CHECK(elapsed("2026-04-03T12:00:00Z", "2026-04-06T12:00:00Z") == std::chrono::hours{49});
  // The weekend the clocks go forward: Saturday 2026-10-03 06:00 AEST (Friday 20:00Z) → Monday
  // 2026-10-05 06:00 AEDT (Sunday 19:00Z): Saturday 18h + Sunday 23h + Monday 6h = 47h.
  CHECK(elapsed("2026-10-02T12:00:00Z", "2026-10-05T12:00:00Z") == std::chrono::hours{47});
  // Monday 06:00 AEDT ends the window; Saturday 05:59 has not begun it.
  CHECK_FALSE(maintenance.is_open(sla::parse_instant("2026-03-29T19:00:00Z")));  // Mon 2026-03-30 06:00 AEDT
  CHECK(maintenance.is_open(sla::parse_instant("2026-03-29T18:59:59Z")));        // Mon 05:59:59 AEDT
  CHECK_FALSE(maintenance.is_open(sla::parse_instant("2026-03-27T18:59:00Z")));  // Sat 2026-03-28 05:59 AEDT
}

TEST_CASE("xen: clock rules", "[policy]") {
  const auto& c = xen().clock();
  CHECK(c.met_by_event.at("responded") == Strings{"response"});
  // "Resolution or Escalation Response": escalating meets the resolution target too.
  CHECK(c.met_by_status.at("escalated") == Strings{"resolution"});
  CHECK(c.pauses.at("waiting_for_customer") == Strings{"resolution"});
  CHECK(c.cancel_statuses == Strings{"cancelled"});
  CHECK_FALSE(c.restart_on_severity_change);
}

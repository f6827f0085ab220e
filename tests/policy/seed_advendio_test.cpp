// Worked examples for policies/advendio.yaml (seed 002). Every expected value is worked out by
// hand from policies/README.md ("advendio.yaml — seed 002") and docs/semantics.md; the arithmetic is in the
// comments. Calendar `business`: Mon–Fri 09:00–17:00 (8h a day) Europe/Berlin, closed on the
// German nationwide holidays: New Year, Good Friday, Easter Monday, 1 May, Ascension, Whit
// Monday, 3 October, 25 and 26 December.
// 2026: Easter Sunday is 5 April, so Good Friday is Friday 3 April, Easter Monday Monday 6 April,
// Ascension (Easter + 39) Thursday 14 May, Whit Monday (Easter + 50) Monday 25 May; 1 May is a
// Friday; 3 October a Saturday; 25 December a Friday, 26 December a Saturday; 1 January 2027 a
// Friday. Berlin is CET (UTC+1) until Sunday 2026-03-29, CEST (UTC+2) until Sunday 2026-10-25,
// then CET: 09:00 is 07:00Z in summer, 08:00Z in winter.
#include <catch2/catch.hpp>

#include <sla/policy.hpp>

#include "seed_support.hpp"

using seed::deadline;
using seed::describe;
using Strings = std::vector<std::string>;

namespace {
const sla::policy& advendio() {
  static const sla::policy p = seed::load("advendio");
  return p;
}
}  // namespace

TEST_CASE("advendio: initial response by plan and severity, every case reason alike", "[policy]") {
  const auto& p = advendio();
  CHECK(p.types() == Strings{"bug", "question", "customization_request", "feature_request"});
  CHECK(p.severities() == Strings{"critical", "urgent", "high", "medium"});
  CHECK(p.plans() == Strings{"premium", "basic"});
  CHECK(p.default_plan() == "basic");  // assumed
  for (const char* type : {"bug", "question", "customization_request", "feature_request"}) {
    INFO(type);
    // | premium | 2h | 4h | 8h | 1 business day |
    CHECK(describe(p, type, "critical", "premium") == Strings{"response business 2h"});
    CHECK(describe(p, type, "urgent", "premium") == Strings{"response business 4h"});
    CHECK(describe(p, type, "high", "premium") == Strings{"response business 8h"});
    CHECK(describe(p, type, "medium", "premium") == Strings{"response business 1 business day"});
    // | basic | 4h | 8h | 1 business day | 2 business days |
    CHECK(describe(p, type, "critical", "basic") == Strings{"response business 4h"});
    CHECK(describe(p, type, "urgent", "basic") == Strings{"response business 8h"});
    CHECK(describe(p, type, "high", "basic") == Strings{"response business 1 business day"});
    CHECK(describe(p, type, "medium", "basic") == Strings{"response business 2 business days"});
  }
}

TEST_CASE("advendio: Easter 2026 closes Good Friday and Easter Monday", "[policy]") {
  const auto& p = advendio();
  // Premium critical, Thursday 2026-04-02 16:00 CEST = 14:00Z. 2h: Thursday 16:00→17:00 = 1h;
  // Friday 3 (Good Friday), the weekend and Monday 6 (Easter Monday) are closed; Tuesday
  // 2026-04-07 09:00 + 1h = 10:00 CEST = 08:00Z.
  CHECK(deadline(p, "bug", "critical", "premium", "response", "2026-04-02T14:00:00Z") == "2026-04-07T08:00:00Z");
  // Premium high, Thursday 2026-04-02 11:00 CEST = 09:00Z. 8h: Thursday 6h; Tuesday 09:00 + 2h
  // = 11:00 CEST = 09:00Z.
  CHECK(deadline(p, "question", "high", "premium", "response", "2026-04-02T09:00:00Z") == "2026-04-07T09:00:00Z");
  // Basic high, same start. 1 business day: the next business date after Thursday 2 is Tuesday 7
  // (Friday, Saturday, Sunday, Monday are not business dates) → 11:00 CEST = 09:00Z.
  CHECK(deadline(p, "question", "high", "basic", "response", "2026-04-02T09:00:00Z") == "2026-04-07T09:00:00Z");
  // Basic medium, same start. 2 business days: Tuesday 7 (1), Wednesday 8 (2) → 11:00 CEST = 09:00Z.
  CHECK(deadline(p, "bug", "medium", "basic", "response", "2026-04-02T09:00:00Z") == "2026-04-08T09:00:00Z");
  // A case opened on Good Friday 2026-04-03 10:00 CEST = 08:00Z:
  //   premium critical 2h: closed until Tuesday 09:00 → 11:00 CEST = 09:00Z.
  //   basic high 1 business day: outside business time the count starts on the date of the next
  //   opening, Tuesday 7, at that opening (09:00); +1 lands on Wednesday 8 09:00 CEST. As a
  //   ticket clock that is the business time it spans, Tuesday 09:00–17:00 = 8h, which runs out
  //   at Tuesday's close: 17:00 CEST = 15:00Z (no business time lies between it and the landing).
  CHECK(deadline(p, "bug", "critical", "premium", "response", "2026-04-03T08:00:00Z") == "2026-04-07T09:00:00Z");
  CHECK(deadline(p, "bug", "high", "basic", "response", "2026-04-03T08:00:00Z") == "2026-04-07T15:00:00Z");
  CHECK(sla::format_instant(*p.calendar("business").add_business_days(sla::parse_instant("2026-04-03T08:00:00Z"), 1)) ==
        "2026-04-08T07:00:00Z");
  // The calendar itself: Thursday 2 open at 10:00 CEST; Good Friday and Easter Monday closed.
  auto cal = p.calendar("business");
  CHECK(cal.is_open(sla::parse_instant("2026-04-02T08:00:00Z")));
  CHECK_FALSE(cal.is_open(sla::parse_instant("2026-04-03T08:00:00Z")));
  CHECK_FALSE(cal.is_open(sla::parse_instant("2026-04-06T08:00:00Z")));
  CHECK(cal.is_open(sla::parse_instant("2026-04-07T08:00:00Z")));
}

TEST_CASE("advendio: 1 May, Ascension and Whit Monday 2026", "[policy]") {
  const auto& p = advendio();
  // Labour Day, Friday 2026-05-01. Premium urgent, Thursday 2026-04-30 15:00 CEST = 13:00Z. 4h:
  // Thursday 2h; Friday closed; Monday 2026-05-04 09:00 + 2h = 11:00 CEST = 09:00Z.
  CHECK(deadline(p, "bug", "urgent", "premium", "response", "2026-04-30T13:00:00Z") == "2026-05-04T09:00:00Z");
  // Ascension, Thursday 2026-05-14. Premium medium, Wednesday 2026-05-13 15:30 CEST = 13:30Z.
  // 1 business day: Thursday is closed → Friday 15 at 15:30 CEST = 13:30Z.
  CHECK(deadline(p, "feature_request", "medium", "premium", "response", "2026-05-13T13:30:00Z") ==
        "2026-05-15T13:30:00Z");
  // Premium high, Wednesday 2026-05-13 13:00 CEST = 11:00Z. 8h: Wednesday 4h; Thursday closed;
  // Friday 09:00 + 4h = 13:00 CEST = 11:00Z.
  CHECK(deadline(p, "bug", "high", "premium", "response", "2026-05-13T11:00:00Z") == "2026-05-15T11:00:00Z");
  // Whit Monday, 2026-05-25. Basic medium, Friday 2026-05-22 10:00 CEST = 08:00Z. 2 business
  // days: Monday 25 is closed → Tuesday 26 (1), Wednesday 27 (2) → 10:00 CEST = 08:00Z.
  CHECK(deadline(p, "customization_request", "medium", "basic", "response", "2026-05-22T08:00:00Z") ==
        "2026-05-27T08:00:00Z");
}

TEST_CASE("advendio: German Unity Day on a Saturday is not moved, Berlin leaves summer time", "[policy]") {
  const auto& p = advendio();
  // 3 October 2026 is a Saturday; German holidays are not observed on a weekday instead.
  // Premium urgent, Friday 2026-10-02 16:00 CEST = 14:00Z. 4h: Friday 1h; Monday 2026-10-05
  // 09:00 + 3h = 12:00 CEST = 10:00Z.
  CHECK(deadline(p, "bug", "urgent", "premium", "response", "2026-10-02T14:00:00Z") == "2026-10-05T10:00:00Z");
  // Summer time ends Sunday 2026-10-25. Basic urgent, Friday 2026-10-23 15:00 CEST = 13:00Z.
  // 8h: Friday 2h; Monday 2026-10-26 09:00 CET (08:00Z) + 6h = 15:00 CET = 14:00Z.
  CHECK(deadline(p, "bug", "urgent", "basic", "response", "2026-10-23T13:00:00Z") == "2026-10-26T14:00:00Z");
  // Basic medium, Friday 2026-10-23 15:00 CEST. 2 business days: Monday 26 (1), Tuesday 27 (2),
  // at 15:00 local — now CET — = 14:00Z.
  CHECK(deadline(p, "bug", "medium", "basic", "response", "2026-10-23T13:00:00Z") == "2026-10-27T14:00:00Z");
}

TEST_CASE("advendio: Christmas and New Year 2026/27", "[policy]") {
  const auto& p = advendio();
  // 24 December is not a nationwide holiday; 25 (Friday) and 26 (Saturday) are.
  // Premium critical, Thursday 2026-12-24 16:00 CET = 15:00Z. 2h: Thursday 1h; Friday 25 closed;
  // Monday 2026-12-28 09:00 CET (08:00Z) + 1h = 09:00Z.
  CHECK(deadline(p, "bug", "critical", "premium", "response", "2026-12-24T15:00:00Z") == "2026-12-28T09:00:00Z");
  // New Year's Day 2027 is a Friday. Basic high, Thursday 2026-12-31 10:00 CET = 09:00Z. 1
  // business day: Friday 1 January is closed → Monday 2027-01-04 10:00 CET = 09:00Z.
  CHECK(deadline(p, "question", "high", "basic", "response", "2026-12-31T09:00:00Z") == "2027-01-04T09:00:00Z");
}

TEST_CASE("advendio: the escalation path at 100%, 150% and 200% of the response target", "[policy]") {
  const auto& p = advendio();
  const auto& e = p.escalations();
  REQUIRE(e.size() == 3);
  CHECK(e[0].name == "customer-success-manager");
  CHECK(e[1].name == "coo");
  CHECK(e[2].name == "ceo");
  CHECK(e[0].percent == 100.0);
  CHECK(e[1].percent == 150.0);
  CHECK(e[2].percent == 200.0);
  for (const auto& level : e) CHECK(level.targets == Strings{"response"});
  // Premium critical (2h), Thursday 2026-04-02 16:00 CEST = 14:00Z. The levels fall at 2h, 3h and
  // 4h of business time:
  //   customer-success-manager (2h): Thursday 1h + Tuesday 1h → Tuesday 10:00 CEST = 08:00Z
  //   coo (3h): Thursday 1h + Tuesday 2h → 11:00 CEST = 09:00Z
  //   ceo (4h): Thursday 1h + Tuesday 3h → 12:00 CEST = 10:00Z
  auto cal = p.calendar("business");
  auto start = sla::parse_instant("2026-04-02T14:00:00Z");
  auto level_at = [&](double percent) {
    auto d = cal.add(start, std::chrono::seconds{static_cast<long long>(2 * 3600 * percent / 100)});
    return d ? sla::format_instant(*d) : std::string("never");
  };
  CHECK(level_at(*e[0].percent) == "2026-04-07T08:00:00Z");
  CHECK(level_at(*e[1].percent) == "2026-04-07T09:00:00Z");
  CHECK(level_at(*e[2].percent) == "2026-04-07T10:00:00Z");
  CHECK(deadline(p, "bug", "critical", "premium", "response", "2026-04-02T14:00:00Z") == "2026-04-07T08:00:00Z");
}

// Availability months worked out by hand for Xen's platform target (99.9% per Sydney month,
// maintenance Saturday 06:00 through Monday 06:00 Sydney time), and for a plain UTC target.
#include <catch2/catch.hpp>

#include <sla/availability.hpp>

namespace {

using namespace std::chrono;
using sla::parse_instant;

const sla::availability_target& xen_platform() {
  static const sla::policy p = sla::policy::load(SLA_SOURCE_DIR "/policies/xen.yaml");
  REQUIRE(p.availability().size() == 1);
  return p.availability()[0];
}

sla::availability_report month_of(const std::vector<sla::outage>& outages, year_month m,
                                  std::optional<sla::instant> now = parse_instant("2027-01-01T00:00:00Z")) {
  auto reports = sla::evaluate_availability(xen_platform(), outages, m, m, now);
  REQUIRE(reports.size() == 1);
  return reports[0];
}

sla::outage closed(const char* a, const char* b) { return {parse_instant(a), parse_instant(b)}; }

}  // namespace

TEST_CASE("availability: April 2026 in Sydney, the month daylight saving ends", "[availability]") {
  // April has 30 days and one repeated hour (Sun 5 April 03:00 AEDT → 02:00 AEST): 721 h.
  // Maintenance: Sat 4 06:00 → Mon 6 06:00 spans the repeated hour: 49 h; then 11–13, 18–20,
  // 25–27 April: 48 h each. 49 + 3 × 48 = 193 h. Measured 721 − 193 = 528 h = 1,900,800 s.
  // Allowed 0.1%: 1900.8 s → 1900 s.
  auto r = month_of({}, year{2026} / April);
  CHECK(r.start == parse_instant("2026-03-31T13:00:00Z"));  // 1 April 00:00 AEDT (+11)
  CHECK(r.end == parse_instant("2026-04-30T14:00:00Z"));    // 1 May 00:00 AEST (+10)
  CHECK(r.measured == seconds{1'900'800});
  CHECK(r.downtime == seconds{0});
  CHECK(r.allowed_downtime == seconds{1900});
  CHECK(r.remaining_budget == seconds{1900});
  CHECK(r.availability == Approx(100.0));
  CHECK_FALSE(r.breached);
  CHECK_FALSE(r.budget_exhausted_at);
}

TEST_CASE("availability: October 2026, overlapping outages and one straddling maintenance", "[availability]") {
  // October: 31 days minus the skipped hour (Sun 4 October 02:00 AEST → 03:00 AEDT): 743 h.
  // Maintenance: Sat 3 06:00 → Mon 5 06:00 loses the skipped hour: 47 h; 10–12, 17–19, 24–26:
  // 48 h each; Sat 31 06:00 → month end (Sun 1 Nov 00:00): 18 h. 47 + 144 + 18 = 209 h.
  // Measured 743 − 209 = 534 h = 1,922,400 s; allowed 1922.4 → 1922 s.
  // Outages: Wed 7 Oct 10:00–10:20 and 10:10–10:40 AEDT (+11) overlap: 10:00–10:40 = 2400 s.
  // Sat 10 Oct 05:00–07:00 AEDT straddles maintenance from 06:00: 3600 s count.
  auto r = month_of({closed("2026-10-06T23:00:00Z", "2026-10-06T23:20:00Z"),
                     closed("2026-10-06T23:10:00Z", "2026-10-06T23:40:00Z"),
                     closed("2026-10-09T18:00:00Z", "2026-10-09T20:00:00Z")},
                    year{2026} / October);
  CHECK(r.measured == seconds{1'922'400});
  CHECK(r.allowed_downtime == seconds{1922});
  CHECK(r.downtime == seconds{6000});
  CHECK(r.remaining_budget == seconds{1922 - 6000});
  CHECK(r.breached);
  CHECK(r.availability == Approx(100.0 * (1'922'400 - 6000) / 1'922'400.0));
}

TEST_CASE("availability: an outage across a month boundary counts in both months", "[availability]") {
  // Wed 30 Sep 23:30 → Thu 1 Oct 00:30 AEST (+10): 1800 s in each month, no maintenance.
  auto reports = sla::evaluate_availability(xen_platform(), {closed("2026-09-30T13:30:00Z", "2026-09-30T14:30:00Z")},
                                            year{2026} / September, year{2026} / October,
                                            parse_instant("2027-01-01T00:00:00Z"));
  REQUIRE(reports.size() == 2);
  CHECK(reports[0].downtime == seconds{1800});
  CHECK(reports[1].downtime == seconds{1800});
}

TEST_CASE("availability: an open outage and the instant its budget runs out", "[availability]") {
  // November 2026 (AEDT, no switch): 720 h. Maintenance: Sun 1 00:00 → Mon 2 06:00 (30 h), then
  // 7–9, 14–16, 21–23, 28–30 (48 h each): 222 h. Measured 498 h = 1,792,800 s; allowed 1792 s.
  // An outage open since Tue 24 Nov 10:00 AEDT (23 Nov 23:00Z); now 10:10: 600 s down,
  // 1192 s left, no maintenance ahead until Saturday: the budget runs out at 23:29:52Z.
  sla::outage open{parse_instant("2026-11-23T23:00:00Z"), std::nullopt};
  auto r = month_of({open}, year{2026} / November, parse_instant("2026-11-23T23:10:00Z"));
  CHECK(r.measured == seconds{1'792'800});
  CHECK(r.allowed_downtime == seconds{1792});
  CHECK(r.downtime == seconds{600});
  CHECK(r.remaining_budget == seconds{1192});
  CHECK_FALSE(r.breached);
  CHECK(r.budget_exhausted_at == parse_instant("2026-11-23T23:29:52Z"));

  // Without `now`, an open outage cannot be measured.
  CHECK_THROWS_AS(sla::evaluate_availability(xen_platform(), {open}, year{2026} / November, year{2026} / November, std::nullopt),
                  sla::error);
}

TEST_CASE("availability: a month exactly at the target is not breached", "[availability]") {
  // 99.9% of a 30-day UTC month without maintenance: 2,592,000 s measured, 2592 s allowed.
  sla::availability_target t;
  t.component = "api";
  t.percent = 99.9;
  t.timezone = "UTC";
  t.maintenance.timezone = "UTC";
  auto at = sla::evaluate_availability(t, {closed("2026-11-10T00:00:00Z", "2026-11-10T00:43:12Z")}, year{2026} / November,
                                       year{2026} / November, parse_instant("2026-12-15T00:00:00Z"));
  CHECK(at[0].measured == seconds{2'592'000});
  CHECK(at[0].allowed_downtime == seconds{2592});
  CHECK(at[0].downtime == seconds{2592});
  CHECK(at[0].availability == Approx(99.9));
  CHECK_FALSE(at[0].breached);
  auto over = sla::evaluate_availability(t, {closed("2026-11-10T00:00:00Z", "2026-11-10T00:43:13Z")}, year{2026} / November,
                                         year{2026} / November, parse_instant("2026-12-15T00:00:00Z"));
  CHECK(over[0].breached);
}

// Availability per local month: measured time, downtime outside maintenance, error budget.
#include <sla/availability.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sla {
namespace {

using std::chrono::seconds;

// Parts per million of the target, so 99.9% is exactly 999000 (no binary-fraction drift).
long long target_ppm(double percent) { return std::llround(percent * 10000.0); }

// Merges possibly overlapping [start, end) intervals.
std::vector<std::pair<instant, instant>> merged(std::vector<std::pair<instant, instant>> v) {
  std::sort(v.begin(), v.end());
  std::vector<std::pair<instant, instant>> out;
  for (const auto& iv : v) {
    if (iv.second <= iv.first) continue;
    if (!out.empty() && iv.first <= out.back().second) out.back().second = std::max(out.back().second, iv.second);
    else out.push_back(iv);
  }
  return out;
}

}  // namespace

std::vector<availability_report> evaluate_availability(const availability_target& target,
                                                       const std::vector<outage>& outages,
                                                       std::chrono::year_month from, std::chrono::year_month to,
                                                       std::optional<instant> now) {
  time_zone zone = time_zone::load(target.timezone.empty() ? target.maintenance.timezone : target.timezone);
  business_calendar maintenance(target.maintenance);
  auto maintenance_in = [&](instant a, instant b) { return b <= a ? seconds{0} : maintenance.elapsed(a, b); };
  auto counted = [&](instant a, instant b) { return b <= a ? seconds{0} : (b - a) - maintenance_in(a, b); };

  bool open_outage = false;
  for (const auto& o : outages) {
    if (o.end && *o.end < o.start)
      throw error(error_code::invalid_argument,
                  fmt::format("an outage ends ({}) before it starts ({})", format_instant(*o.end), format_instant(o.start)));
    if (!o.end) open_outage = true;
  }
  if (open_outage && !now)
    throw error(error_code::invalid_argument, "an outage is still open (no end): give `now` to measure it");

  const long long ppm = target_ppm(target.percent);
  std::vector<availability_report> reports;
  for (std::chrono::year_month month = from; month <= to; month += std::chrono::months{1}) {
    availability_report r;
    r.period = month;
    r.start = zone.from_local_earliest(std::chrono::local_days{month / 1});
    r.end = zone.from_local_earliest(std::chrono::local_days{(month + std::chrono::months{1}) / 1});
    r.measured = counted(r.start, r.end);

    // The outages inside this month and before now; an open one runs to now.
    instant horizon = now ? std::min(*now, r.end) : r.end;
    std::vector<std::pair<instant, instant>> parts;
    bool ongoing = false;
    for (const auto& o : outages) {
      instant end = o.end ? *o.end : horizon;
      instant a = std::max(o.start, r.start), b = std::min(end, horizon);
      if (a < b) parts.emplace_back(a, b);
      if (!o.end && now && o.start <= *now && *now >= r.start && *now < r.end) ongoing = true;
    }
    auto down = merged(std::move(parts));
    for (const auto& [a, b] : down) r.downtime += counted(a, b);

    r.allowed_downtime = seconds{r.measured.count() / 1'000'000 * (1'000'000 - ppm) +
                                 r.measured.count() % 1'000'000 * (1'000'000 - ppm) / 1'000'000};
    r.remaining_budget = r.allowed_downtime - r.downtime;
    r.breached = r.downtime > r.allowed_downtime;
    r.availability = r.measured.count() == 0
                         ? 100.0
                         : 100.0 * static_cast<double>((r.measured - r.downtime).count()) / static_cast<double>(r.measured.count());

    if (ongoing) {
      // Downtime counted up to x, as the outages stand with the open one going on; the budget
      // runs out at the first x where it reaches the allowance.
      auto downtime_until = [&](instant x) {
        seconds total{0};
        for (const auto& [a, b] : down) total += counted(a, std::min(b, x));
        if (x > *now) total += counted(*now, x);
        return total;
      };
      instant lo = down.empty() ? *now : down.front().first, hi = r.end;
      if (downtime_until(hi) >= r.allowed_downtime) {
        while (lo < hi) {  // smallest x in [lo, hi] with downtime_until(x) >= allowed
          instant mid = lo + (hi - lo) / 2;
          if (downtime_until(mid) >= r.allowed_downtime) hi = mid;
          else lo = mid + seconds{1};
        }
        r.budget_exhausted_at = lo;
      }
    }
    reports.push_back(r);
  }
  return reports;
}

}  // namespace sla

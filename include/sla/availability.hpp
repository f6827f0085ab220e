// sla/availability.hpp — availability targets: uptime against maintenance windows and error
// budgets.
//
// An availability target (policy.hpp) promises a percentage of uptime per period — calendar
// months in a time zone — with maintenance windows, written as a calendar whose open time is
// maintenance, excluded from the measured time. For each month:
//   measured  = the month's length (local months: a DST month is an hour shorter or longer)
//               minus maintenance;
//   downtime  = the union of the outages (they may overlap), outside maintenance, up to `now`;
//   allowed   = measured × (100 − target) / 100, rounded down to a whole second;
//   remaining = allowed − downtime (negative once over budget); breached = downtime > allowed,
//   so a month exactly at the target is not breached;
//   availability = (measured − downtime) / measured × 100 (100 when nothing is measured);
//   budget_exhausted_at: while an outage is open at `now`, the instant at which the remaining
//   budget reaches zero if the outage goes on (already past when the budget is spent), or none
//   when that would not happen within the month.
// Time arithmetic is business_calendar's: the maintenance calendar's elapsed() gives the
// maintenance inside any interval. Thread safety: plain values and a pure function.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <sla/policy.hpp>
#include <sla/time.hpp>

namespace sla {

struct outage {
  instant start;
  std::optional<instant> end;  // none: still open at `now`
};

struct availability_report {
  std::chrono::year_month period;  // the local month
  instant start, end;              // the month as UTC instants, [start, end)
  std::chrono::seconds measured{0}, downtime{0}, allowed_downtime{0}, remaining_budget{0};
  double availability = 100.0;     // percent
  bool breached = false;
  std::optional<instant> budget_exhausted_at;
};

// Reports for each local month in [from, to]. Outages are clipped to each month and to `now`;
// an outage that starts after `now` is ignored. Throws sla::error(invalid_argument) for an
// outage whose end is before its start, or an open outage without `now` (std::nullopt).
std::vector<availability_report> evaluate_availability(const availability_target& target,
                                                       const std::vector<outage>& outages,
                                                       std::chrono::year_month from, std::chrono::year_month to,
                                                       std::optional<instant> now);

}  // namespace sla

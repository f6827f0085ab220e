// A deliberately simple, slow reference for business-calendar arithmetic, written straight
// from docs/semantics.md and sharing no code with src/: it asks cctz for each minute's wall-clock
// reading and checks it against the windows of that date and the date before.
//
// Assumption (checked): every window edge, zone offset and query instant lies on a whole
// minute, so whether a second is business time is constant within each UTC minute. The
// fixture zones and the tested calendars satisfy it (Chatham's +12:45 included).
#pragma once

#include <sla/calendar.hpp>

#include <cctz/time_zone.h>

#include <optional>

namespace sla_ref {

class reference_calendar {
 public:
  explicit reference_calendar(sla::calendar_spec spec);

  bool is_open(sla::instant t) const;
  long long elapsed(sla::instant a, sla::instant b) const;
  // Searches at most `horizon_days` ahead (behind); std::nullopt past it.
  std::optional<sla::instant> add(sla::instant t, long long d, int horizon_days = 60) const;
  std::optional<sla::instant> subtract(sla::instant t, long long d, int horizon_days = 60) const;
  std::optional<sla::instant> next_open(sla::instant t, int horizon_days = 60) const;
  std::optional<sla::instant> add_business_days(sla::instant t, int n, int horizon_days = 60) const;
  std::optional<sla::instant> next_business_day_close(sla::instant t, int horizon_days = 60) const;

 private:
  // The windows of a local date as [start, end) seconds after its midnight (end may pass 24h);
  // empty for a holiday.
  std::vector<std::pair<long long, long long>> windows_of(const cctz::civil_day& day) const;
  std::optional<cctz::civil_day> date_holding(sla::instant t) const;
  sla::instant close_of(const cctz::civil_day& day) const;

  sla::calendar_spec spec_;
  cctz::time_zone zone_;
};

}  // namespace sla_ref

// A deliberately simple, slow reference for business-calendar arithmetic, written straight
// from docs/semantics.md and sharing no code with src/: it asks cctz for each minute's wall-clock
// reading and checks it against the windows of that date and the date before.
//
// Assumption (checked): every window edge and zone offset lies on a whole minute, so whether a
// second is business time is constant within each UTC minute. The fixture zones and the tested
// calendars satisfy it (Chatham's +12:45 included). Query instants of elapsed, add and subtract
// must be whole minutes too; is_open, next_open, add_business_days and next_business_day_close
// take any second (the ticket reference starts clocks at any second).
#pragma once

#include <sla/calendar.hpp>

#include <cctz/time_zone.h>

#include <map>
#include <optional>
#include <vector>

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
  // The windows of a date that is a special day or a holiday (a special day wins), by
  // civil_day; a date not listed here takes its weekday's windows. Built once from spec_.
  const std::vector<sla::daily_window>* exception_of(const cctz::civil_day& day) const;
  std::optional<cctz::civil_day> date_holding(sla::instant t) const;
  sla::instant close_of(const cctz::civil_day& day) const;

  sla::calendar_spec spec_;
  cctz::time_zone zone_;
  std::map<cctz::civil_day, std::vector<sla::daily_window>> exceptions_;  // holidays: no windows
};

}  // namespace sla_ref

#include "reference/reference_calendar.hpp"

#include <stdexcept>

namespace sla_ref {
namespace {

using sla::instant;
using std::chrono::seconds;

cctz::time_point<cctz::seconds> to_tp(instant t) {
  return cctz::time_point<cctz::seconds>(cctz::seconds(t.time_since_epoch().count()));
}
instant from_tp(cctz::time_point<cctz::seconds> t) { return instant{seconds{t.time_since_epoch().count()}}; }

void require_whole_minute(instant t) {
  if (t.time_since_epoch().count() % 60 != 0) throw std::logic_error("reference: instants must be whole minutes");
}

int monday_first(const cctz::civil_day& d) {
  switch (cctz::get_weekday(d)) {
    case cctz::weekday::monday: return 0;
    case cctz::weekday::tuesday: return 1;
    case cctz::weekday::wednesday: return 2;
    case cctz::weekday::thursday: return 3;
    case cctz::weekday::friday: return 4;
    case cctz::weekday::saturday: return 5;
    case cctz::weekday::sunday: return 6;
  }
  return 0;
}

}  // namespace

reference_calendar::reference_calendar(sla::calendar_spec spec) : spec_(std::move(spec)) {
  if (spec_.timezone == "UTC") zone_ = cctz::utc_time_zone();
  else if (!cctz::load_time_zone(spec_.timezone, &zone_)) throw std::runtime_error("reference: unknown zone " + spec_.timezone);
  for (const auto& day : spec_.hours)
    for (const auto& w : day)
      if (w.start.count() % 60 || w.end.count() % 60) throw std::logic_error("reference: windows must be whole minutes");
  // Holidays close their date; a special day replaces its date's windows and wins over a
  // holiday on the same date (the last special day listed for a date wins, as before).
  auto day_of = [](const std::chrono::year_month_day& d) {
    return cctz::civil_day(static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  };
  for (const auto& h : spec_.holidays) exceptions_[day_of(h.date)] = {};
  for (const auto& s : spec_.special_days) {
    for (const auto& w : s.windows)
      if (w.start.count() % 60 || w.end.count() % 60) throw std::logic_error("reference: windows must be whole minutes");
    exceptions_[day_of(s.date)] = s.windows;
  }
}

const std::vector<sla::daily_window>* reference_calendar::exception_of(const cctz::civil_day& day) const {
  auto it = exceptions_.find(day);
  return it == exceptions_.end() ? nullptr : &it->second;
}

std::vector<std::pair<long long, long long>> reference_calendar::windows_of(const cctz::civil_day& day) const {
  const std::vector<sla::daily_window>* windows = exception_of(day);
  if (!windows) windows = &spec_.hours[static_cast<std::size_t>(monday_first(day))];
  std::vector<std::pair<long long, long long>> out;
  for (const auto& w : *windows) {
    long long s = w.start.count(), e = w.end.count();
    if (e <= s) e += 86400;  // overnight: ends on the next local day
    out.emplace_back(s, e);
  }
  return out;
}

bool reference_calendar::is_open(instant t) const {
  cctz::civil_second local = cctz::convert(to_tp(t), zone_);
  cctz::civil_day today(local);
  for (cctz::civil_day day : {today, today - 1}) {
    long long since_midnight = cctz::civil_second(local) - cctz::civil_second(day);
    for (const auto& [s, e] : windows_of(day))
      if (s <= since_midnight && since_midnight < e) return true;
  }
  return false;
}

long long reference_calendar::elapsed(instant a, instant b) const {
  require_whole_minute(a);
  require_whole_minute(b);
  long long total = 0;
  for (instant u = a; u < b; u += seconds{60})
    if (is_open(u)) total += 60;
  return total;
}

std::optional<instant> reference_calendar::add(instant t, long long d, int horizon_days) const {
  require_whole_minute(t);
  if (d == 0) return t;
  long long acc = 0;
  for (instant u = t; u < t + seconds{horizon_days * 86400LL}; u += seconds{60}) {
    if (!is_open(u)) continue;
    if (d - acc <= 60) return u + seconds{d - acc};
    acc += 60;
  }
  return std::nullopt;
}

std::optional<instant> reference_calendar::subtract(instant t, long long d, int horizon_days) const {
  require_whole_minute(t);
  if (d == 0) return t;
  long long acc = 0;
  for (instant u = t; u > t - seconds{horizon_days * 86400LL}; u -= seconds{60}) {
    if (!is_open(u - seconds{60})) continue;
    if (d - acc <= 60) return u - seconds{d - acc};
    acc += 60;
  }
  return std::nullopt;
}

std::optional<instant> reference_calendar::next_open(instant t, int horizon_days) const {
  if (is_open(t)) return t;
  // Business-ness is constant within a UTC minute: a closed second is followed by closed
  // seconds up to the next whole minute, so the search goes on from there minute by minute.
  long long s = t.time_since_epoch().count();
  instant u{seconds{(s / 60 + 1) * 60 - (s % 60 < 0 ? 60 : 0)}};
  for (; u < t + seconds{horizon_days * 86400LL}; u += seconds{60})
    if (is_open(u)) return u;
  return std::nullopt;
}

std::optional<cctz::civil_day> reference_calendar::date_holding(instant t) const {
  cctz::civil_second local = cctz::convert(to_tp(t), zone_);
  cctz::civil_day today(local);
  for (cctz::civil_day day : {today, today - 1}) {  // the later date first
    long long since_midnight = local - cctz::civil_second(day);
    for (const auto& [s, e] : windows_of(day))
      if (s <= since_midnight && since_midnight < e) return day;
  }
  return std::nullopt;
}

instant reference_calendar::close_of(const cctz::civil_day& day) const {
  long long end = 0;
  for (const auto& [s, e] : windows_of(day)) end = std::max(end, e);
  cctz::civil_second c = cctz::civil_second(day) + end;
  auto lookup = zone_.lookup(c);
  // A skipped end: business time stops at the transition; a repeated end: at its second
  // occurrence (the window covers both passes through the repeated hour).
  switch (lookup.kind) {
    case cctz::time_zone::civil_lookup::SKIPPED: return from_tp(lookup.trans);
    case cctz::time_zone::civil_lookup::REPEATED: return from_tp(lookup.post);
    case cctz::time_zone::civil_lookup::UNIQUE: break;
  }
  return from_tp(lookup.pre);
}

std::optional<instant> reference_calendar::add_business_days(instant t, int n, int horizon_days) const {
  if (n < 0) return std::nullopt;
  auto start = next_open(t, horizon_days);
  if (!start) return std::nullopt;
  if (n == 0) return start;
  cctz::civil_day day = *date_holding(*start);
  long long wall = cctz::convert(to_tp(*start), zone_) - cctz::civil_second(day);
  cctz::civil_day landing = day;
  for (int found = 0; found < n;) {
    landing += 1;
    if (landing - day > horizon_days) return std::nullopt;
    if (!windows_of(landing).empty()) ++found;
  }
  auto lookup = zone_.lookup(cctz::civil_second(landing) + wall);
  instant at = from_tp(lookup.kind == cctz::time_zone::civil_lookup::SKIPPED ? lookup.trans : lookup.pre);
  return std::min(at, close_of(landing));
}

std::optional<instant> reference_calendar::next_business_day_close(instant t, int horizon_days) const {
  cctz::civil_day day(cctz::convert(to_tp(t), zone_));
  for (int i = 1; i <= horizon_days; ++i)
    if (!windows_of(day + i).empty()) return close_of(day + i);
  return std::nullopt;
}

}  // namespace sla_ref

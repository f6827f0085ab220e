// business_calendar: compiling a spec into tables, and the public operations on them.
#include <sla/calendar.hpp>
#include <sla/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "time/day_names.hpp"
#include "calendar/compiled_calendar.hpp"

namespace sla {
namespace {

using detail::calendar_data;
using detail::day_windows;
using detail::seconds64;
using detail::seconds_per_day;

constexpr seconds64 horizon = 7305 * seconds_per_day;  // 20 years: "none within 20 years" is never
constexpr seconds64 min_s = min_instant.time_since_epoch().count();
constexpr seconds64 max_s = max_instant.time_since_epoch().count();
// The days the tables cover: the supported range with margins for offsets and overnight windows.
constexpr seconds64 first_table_day = min_s / seconds_per_day - 20;
constexpr seconds64 last_table_day = max_s / seconds_per_day + 20;

seconds64 count(instant t) { return t.time_since_epoch().count(); }
instant to_instant(seconds64 s) { return instant{std::chrono::seconds{s}}; }

std::string date_text(std::chrono::year_month_day d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

void check_in_range(instant t, const char* what) {
  if (t >= min_instant && t <= max_instant) return;
  constexpr seconds64 year_10000 = 253402300800;  // beyond this, a date is not worth printing
  std::string shown = count(t) > -year_10000 && count(t) < year_10000
                          ? format_instant(t)
                          : fmt::format("{} s after 1970-01-01T00:00:00Z", count(t));
  throw error(error_code::out_of_range, fmt::format("{} {} is outside the supported range {} to {}", what, shown,
                                                    format_instant(min_instant), format_instant(max_instant)));
}

// Normalised windows of one date: [start, end) after midnight, an overnight end past 24h.
day_windows normalise(const std::vector<daily_window>& windows, const std::string& where) {
  day_windows out;
  for (const auto& w : windows) {
    seconds64 s = w.start.count(), e = w.end.count();
    if (s < 0 || s >= seconds_per_day || e <= 0 || e > seconds_per_day)
      throw error(error_code::invalid_calendar,
                  fmt::format("{}: window start must lie in [00:00, 24:00) and end in (00:00, 24:00]", where));
    if (e == s)
      throw error(error_code::invalid_calendar,
                  fmt::format("{}: a window whose end equals its start is empty (a whole day is 00:00-24:00)", where));
    if (e < s) e += seconds_per_day;
    out.push_back({s, e});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  return out;
}



std::shared_ptr<const calendar_data> compile(const calendar_spec& spec) {
  time_zone zone = time_zone::load(spec.timezone);
  std::array<day_windows, 7> weekly;
  for (std::size_t w = 0; w < 7; ++w) weekly[w] = normalise(spec.hours[w], fmt::format("hours.{}", detail::day_names[w]));

  std::vector<std::pair<seconds64, day_windows>> exceptions;
  auto day_of = [](std::chrono::year_month_day d) -> seconds64 {
    return std::chrono::sys_days{d}.time_since_epoch().count();
  };
  for (const auto& s : spec.special_days) {
    if (!s.date.ok())
      throw error(error_code::invalid_calendar, "special_days: an impossible date");
    exceptions.emplace_back(day_of(s.date), normalise(s.windows, fmt::format("special_days.{}", date_text(s.date))));
  }
  std::sort(exceptions.begin(), exceptions.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 1; i < exceptions.size(); ++i)
    if (exceptions[i].first == exceptions[i - 1].first)
      throw error(error_code::invalid_calendar,
                  fmt::format("special_days: {} is listed twice",
                              date_text(std::chrono::year_month_day{std::chrono::sys_days{
                                  std::chrono::days{exceptions[i].first}}})));
  std::size_t specials = exceptions.size();
  for (const auto& h : spec.holidays) {
    if (!h.date.ok()) throw error(error_code::invalid_calendar, "holidays: an impossible date");
    seconds64 d = day_of(h.date);
    // A special day on the same date wins: it says what the date's hours are.
    auto sp = std::lower_bound(exceptions.begin(), exceptions.begin() + static_cast<std::ptrdiff_t>(specials), d,
                               [](const auto& e, seconds64 x) { return e.first < x; });
    if (sp != exceptions.begin() + static_cast<std::ptrdiff_t>(specials) && sp->first == d) continue;
    exceptions.emplace_back(d, day_windows{});
  }
  std::sort(exceptions.begin(), exceptions.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  exceptions.erase(std::unique(exceptions.begin(), exceptions.end(),
                               [](const auto& a, const auto& b) { return a.first == b.first; }),
                   exceptions.end());
  return std::make_shared<const calendar_data>(spec, std::move(zone), std::move(weekly), std::move(exceptions),
                                               first_table_day, last_table_day);
}

}  // namespace

business_calendar::business_calendar(const calendar_spec& spec) : data_(compile(spec)) {}

business_calendar business_calendar::always(std::string zone) {
  return business_calendar(calendar_spec::always(std::move(zone)));
}

const calendar_spec& business_calendar::spec() const noexcept { return data_->spec; }
const time_zone& business_calendar::zone() const noexcept { return data_->zone; }
std::size_t business_calendar::memory_bytes() const noexcept { return data_->memory_bytes(); }

bool business_calendar::is_open(instant t) const {
  check_in_range(t, "instant");
  seconds64 u = count(t);
  return data_->cumulative(u + 1) - data_->cumulative(u) == 1;
}

std::chrono::seconds business_calendar::elapsed(instant a, instant b) const {
  check_in_range(a, "start");
  check_in_range(b, "end");
  if (b <= a) return std::chrono::seconds{0};
  return std::chrono::seconds{data_->cumulative(count(b)) - data_->cumulative(count(a))};
}

std::optional<instant> business_calendar::add(instant t, std::chrono::seconds d) const {
  check_in_range(t, "start");
  if (d.count() == 0) return t;
  if (d.count() < 0) {
    if (d.count() == std::numeric_limits<seconds64>::min()) return std::nullopt;
    return subtract(t, -d);
  }
  seconds64 u = count(t), g = data_->cumulative(u);
  if (d.count() > data_->g_at_max_next - g) return std::nullopt;  // not enough business time in range
  seconds64 r = data_->first_reaching(g + d.count());
  // "None within 20 years" needs a second look only when the answer is that far away.
  if (r - u > horizon && data_->cumulative(std::min(u + horizon, max_s + 1)) == g) return std::nullopt;
  if (r > max_s) return std::nullopt;
  return to_instant(r);
}

std::optional<instant> business_calendar::subtract(instant t, std::chrono::seconds d) const {
  check_in_range(t, "start");
  if (d.count() == 0) return t;
  if (d.count() < 0) {
    if (d.count() == std::numeric_limits<seconds64>::min()) return std::nullopt;
    return add(t, -d);
  }
  seconds64 g = data_->cumulative(count(t));
  if (d.count() > g - data_->g_at_min) return std::nullopt;  // not enough business time in range
  // The latest u with G(u) == g - d is one second before G first passes it.
  return to_instant(data_->first_reaching(g - d.count() + 1) - 1);
}

std::optional<instant> business_calendar::next_open(instant t) const {
  check_in_range(t, "instant");
  seconds64 u = count(t), g = data_->cumulative(u);
  if (data_->cumulative(u + 1) - g == 1) return t;
  if (g + 1 > data_->g_at_max_next) return std::nullopt;  // no business time left in range
  seconds64 r = data_->first_reaching(g + 1) - 1;  // the start of the first business second
  if (r - u > horizon) return std::nullopt;          // none within 20 years
  if (r > max_s) return std::nullopt;
  return to_instant(r);
}

std::optional<instant> business_calendar::next_close(instant t) const {
  check_in_range(t, "instant");
  seconds64 u = count(t), g = data_->cumulative(u);
  auto all_business = [&](seconds64 v) { return data_->cumulative(v) - g == v - u; };
  if (!all_business(u + 1)) return t;
  // Double a step until the stretch [u, u + step) is no longer all business time, then bisect.
  seconds64 lo = u + 1, step = 3600;
  seconds64 hi = std::min(u + step, max_s + 1);
  while (all_business(hi)) {
    if (hi == max_s + 1) return std::nullopt;
    lo = hi;
    step *= 2;
    hi = std::min(u + step, max_s + 1);
  }
  while (hi - lo > 1) {
    seconds64 mid = lo + (hi - lo) / 2;
    (all_business(mid) ? lo : hi) = mid;
  }
  return to_instant(lo);
}

std::optional<instant> business_calendar::add_business_days(instant t, int n) const {
  check_in_range(t, "start");
  if (n < 0) return std::nullopt;
  std::optional<instant> open = next_open(t);
  if (!open) return std::nullopt;
  if (n == 0) return open;
  seconds64 s = count(*open);
  seconds64 day = data_->business_date_holding(s);
  seconds64 wall = s + data_->zone.data().offset_at(s) - day * seconds_per_day;  // may pass 24h (overnight)
  std::optional<seconds64> landing_day = data_->nth_business_date_after(day, n);
  if (!landing_day) return std::nullopt;
  seconds64 landing = data_->zone.data().first_reading_at_or_after(*landing_day * seconds_per_day + wall);
  seconds64 r = std::min(landing, data_->last_close(*landing_day));
  if (r > max_s) return std::nullopt;
  return to_instant(r);
}

std::optional<instant> business_calendar::next_business_day_close(instant t) const {
  check_in_range(t, "start");
  seconds64 u = count(t);
  seconds64 day = detail::floor_div(u + data_->zone.data().offset_at(u), seconds_per_day);
  std::optional<seconds64> next = data_->nth_business_date_after(day, 1);
  if (!next || (*next - day) * seconds_per_day > horizon) return std::nullopt;
  seconds64 r = data_->last_close(*next);
  if (r > max_s) return std::nullopt;
  return to_instant(r);
}

}  // namespace sla

// Holiday rules → dates. Boost.DateTime's generators do the month arithmetic (nth and last
// weekday of a month); std::chrono dates are the API's types, converted at the edges.
#include <sla/holiday.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <map>

namespace sla {
namespace {

namespace bg = boost::gregorian;

std::chrono::year_month_day from_boost(const bg::date& d) {
  auto ymd = d.year_month_day();
  return std::chrono::year{ymd.year} / std::chrono::month{ymd.month} / std::chrono::day{ymd.day};
}

std::chrono::year_month_day add_days(std::chrono::year_month_day d, int n) {
  return std::chrono::year_month_day{std::chrono::sys_days{d} + std::chrono::days{n}};
}

bool year_applies(const holiday_rule& r, int year) {
  return (!r.from_year || year >= *r.from_year) && (!r.until_year || year <= *r.until_year);
}

std::chrono::year_month_day observed(std::chrono::year_month_day d, observed_rule rule) {
  std::chrono::weekday w{std::chrono::sys_days{d}};
  bool saturday = w == std::chrono::Saturday, sunday = w == std::chrono::Sunday;
  switch (rule) {
    case observed_rule::none: return d;
    case observed_rule::saturday_to_friday: return saturday ? add_days(d, -1) : d;
    case observed_rule::sunday_to_monday: return sunday ? add_days(d, 1) : d;
    case observed_rule::nearest_weekday: return saturday ? add_days(d, -1) : sunday ? add_days(d, 1) : d;
  }
  return d;
}

}  // namespace

std::chrono::year_month_day easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
         std::chrono::day{static_cast<unsigned>(day)};
}

std::vector<std::chrono::year_month_day> expand(const holiday_rule& rule, int first_year, int last_year) {
  std::vector<std::chrono::year_month_day> out;
  first_year = std::max(first_year, 1400);  // Boost's calendar starts in 1400
  last_year = std::min(last_year, 9999);
  switch (rule.kind) {
    case holiday_rule_kind::date: {
      int y = int(rule.date.year());
      if (rule.date.ok() && y >= first_year && y <= last_year && year_applies(rule, y)) out.push_back(rule.date);
      break;
    }
    case holiday_rule_kind::range: {
      if (!rule.date.ok() || !rule.last_date.ok()) break;
      for (auto d = std::chrono::sys_days{rule.date}; d <= std::chrono::sys_days{rule.last_date}; d += std::chrono::days{1}) {
        std::chrono::year_month_day ymd{d};
        int y = int(ymd.year());
        if (y >= first_year && y <= last_year && year_applies(rule, y)) out.push_back(ymd);
      }
      break;
    }
    case holiday_rule_kind::fixed:
      for (int y = first_year; y <= last_year; ++y) {
        if (!year_applies(rule, y)) continue;
        std::chrono::year_month_day d{std::chrono::year{y}, std::chrono::month{rule.month}, std::chrono::day{rule.day}};
        if (d.ok()) out.push_back(observed(d, rule.observed));  // Feb 29 only in leap years
      }
      break;
    case holiday_rule_kind::nth_weekday:
      for (int y = first_year; y <= last_year; ++y) {
        if (!year_applies(rule, y)) continue;
        auto month = static_cast<bg::greg_month::value_type>(rule.month);
        bg::greg_weekday wd(static_cast<unsigned short>(rule.weekday.c_encoding()));
        bg::date d;
        if (rule.nth == -1) {
          d = bg::last_day_of_the_week_in_month(wd, month).get_date(static_cast<unsigned short>(y));
        } else {
          // Boost's nth_day_of_the_week_in_month clamps a missing fifth to the last; skip it instead.
          d = bg::first_day_of_the_week_in_month(wd, month).get_date(static_cast<unsigned short>(y)) +
              bg::days(7 * (rule.nth - 1));
          if (d.month() != month) continue;
        }
        out.push_back(from_boost(d));
      }
      break;
    case holiday_rule_kind::easter:
      for (int y = first_year; y <= last_year; ++y)
        if (year_applies(rule, y)) out.push_back(add_days(easter_sunday(y), rule.easter_offset));
      break;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void apply_holiday_rules(calendar_spec& spec, const std::vector<holiday_rule>& rules, int first_year, int last_year) {
  // Later rules for the same date replace earlier special days; a special day wins over a
  // holiday (it says what the date's hours are); two holidays on one date join their names.
  std::map<std::chrono::year_month_day, std::size_t> holiday_at, special_at;
  for (std::size_t i = 0; i < spec.holidays.size(); ++i) holiday_at[spec.holidays[i].date] = i;
  for (std::size_t i = 0; i < spec.special_days.size(); ++i) special_at[spec.special_days[i].date] = i;
  for (const auto& rule : rules) {
    bool special = rule.special || !rule.windows.empty();
    for (const auto& d : expand(rule, first_year, last_year)) {
      if (special) {
        if (auto it = special_at.find(d); it != special_at.end()) {
          spec.special_days[it->second] = {d, rule.windows, rule.name};
        } else {
          special_at[d] = spec.special_days.size();
          spec.special_days.push_back({d, rule.windows, rule.name});
        }
      } else if (auto it = holiday_at.find(d); it != holiday_at.end()) {
        auto& name = spec.holidays[it->second].name;
        if (!rule.name.empty() && name.find(rule.name) == std::string::npos)
          name = name.empty() ? rule.name : name + " / " + rule.name;
      } else {
        holiday_at[d] = spec.holidays.size();
        spec.holidays.push_back({d, rule.name});
      }
    }
  }
  std::sort(spec.holidays.begin(), spec.holidays.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  std::sort(spec.special_days.begin(), spec.special_days.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
}

}  // namespace sla

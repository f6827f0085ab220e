// Holiday rules → dates. Boost.DateTime's generators do the month arithmetic (nth and last
// weekday of a month); std::chrono dates are the API's types, converted at the edges.
//
// A set's rules are expanded together (expand_holidays), in five steps: the rules that give
// their own dates; one-off dates that replace a rule's date; rules relative to another rule;
// observed days (plain moves, then the substitutes that avoid other holidays); days between
// two holidays.
#include <sla/holiday.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace sla {
namespace {

namespace bg = boost::gregorian;
using date = std::chrono::year_month_day;

date from_boost(const bg::date& d) {
  auto ymd = d.year_month_day();
  return std::chrono::year{ymd.year} / std::chrono::month{ymd.month} / std::chrono::day{ymd.day};
}

date add_days(date d, int n) { return date{std::chrono::sys_days{d} + std::chrono::days{n}}; }

bool in_years(const std::optional<int>& from, const std::optional<int>& until, int year) {
  return (!from || year >= *from) && (!until || year <= *until);
}

bool year_applies(const holiday_rule& r, int year) { return in_years(r.from_year, r.until_year, year); }

int weekday_index(date d) { return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{d}}.c_encoding()); }

bool weekend(date d) {
  int w = weekday_index(d);
  return w == 0 || w == 6;
}

// The rule's own date in `year`, for the kinds that give one date a year.
std::optional<date> own_date(const holiday_rule& rule, int year) {
  switch (rule.kind) {
    case holiday_rule_kind::fixed: {
      date d{std::chrono::year{year}, std::chrono::month{rule.month}, std::chrono::day{rule.day}};
      if (!d.ok()) return std::nullopt;  // 29 February only in leap years
      return d;
    }
    case holiday_rule_kind::nth_weekday: {
      auto month = static_cast<bg::greg_month::value_type>(rule.month);
      bg::greg_weekday wd(static_cast<unsigned short>(rule.weekday.c_encoding()));
      auto y = static_cast<unsigned short>(year);
      if (rule.nth == -1) return from_boost(bg::last_day_of_the_week_in_month(wd, month).get_date(y));
      // Boost's nth_day_of_the_week_in_month clamps a missing fifth to the last; skip it instead.
      bg::date d = bg::first_day_of_the_week_in_month(wd, month).get_date(y) + bg::days(7 * (rule.nth - 1));
      if (d.month() != month) return std::nullopt;
      return from_boost(d);
    }
    case holiday_rule_kind::weekday_relative: {
      date base{std::chrono::year{year}, std::chrono::month{rule.month}, std::chrono::day{rule.day}};
      if (!base.ok()) return std::nullopt;
      std::chrono::sys_days b{base};
      switch (rule.relation) {
        case weekday_relation::after: b += std::chrono::days{1}; [[fallthrough]];
        case weekday_relation::on_or_after: return date{b + (rule.weekday - std::chrono::weekday{b})};
        case weekday_relation::before: b -= std::chrono::days{1}; [[fallthrough]];
        case weekday_relation::on_or_before: return date{b - (std::chrono::weekday{b} - rule.weekday)};
      }
      return std::nullopt;
    }
    case holiday_rule_kind::easter: return add_days(easter_sunday(year), rule.offset_days);
    case holiday_rule_kind::equinox: return equinox_day(year, rule.month);
    default: return std::nullopt;
  }
}

const observed_day* observed_for(const holiday_rule& rule, int year) {
  for (const auto& o : rule.observed)
    if (in_years(o.from_year, o.until_year, year)) return &o;
  return nullptr;
}

// The rules that look at the other holidays to find their day.
bool avoids_holidays(observed_rule r) {
  return r == observed_rule::next_weekday_not_holiday || r == observed_rule::sunday_to_next_not_holiday;
}

// Does a holiday on `d` need a substitute under an avoiding rule?
bool needs_substitute(date d, observed_rule r) {
  return r == observed_rule::next_weekday_not_holiday ? weekend(d) : weekday_index(d) == 0;
}

date moved(date d, const observed_day& o) {
  int w = weekday_index(d);
  bool saturday = w == 6, sunday = w == 0;
  switch (o.rule) {
    case observed_rule::none: return d;
    case observed_rule::saturday_to_friday: return saturday ? add_days(d, -1) : d;
    case observed_rule::sunday_to_monday: return sunday ? add_days(d, 1) : d;
    case observed_rule::nearest_weekday: return saturday ? add_days(d, -1) : sunday ? add_days(d, 1) : d;
    case observed_rule::next_weekday: return saturday ? add_days(d, 2) : sunday ? add_days(d, 1) : d;
    case observed_rule::by_weekday: return add_days(d, o.shift[static_cast<std::size_t>(w)]);
    case observed_rule::next_weekday_not_holiday:
    case observed_rule::sunday_to_next_not_holiday: return d;  // placed with the other holidays in view
  }
  return d;
}

struct item {
  date observed, own;
  const holiday_rule* rule;
  int year;  // the rule's own year
};

// Is `r` a rule of `by`'s set called `name` (and not `by` itself)?
bool same_set_named(const holiday_rule& r, const holiday_rule& by, const std::string& name) {
  return &r != &by && r.set == by.set && r.name == name;
}

bool closes(const holiday_rule& r) { return !r.special && r.windows.empty(); }

}  // namespace

date easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
         std::chrono::day{static_cast<unsigned>(day)};
}

std::optional<date> equinox_day(int year, unsigned month) {
  // The approximation Japan's almanac announcements follow:
  // day = ⌊base + 0.242194 (Y − 1980) − ⌊(Y − epoch) / 4⌋⌋, base and epoch by period and month.
  if (year < 1900 || year > 2099 || (month != 3 && month != 9)) return std::nullopt;
  const bool modern = year >= 1980;
  const double base = month == 3 ? (modern ? 20.8431 : 20.8357) : (modern ? 23.2488 : 23.2588);
  const int span = year - (modern ? 1980 : 1983);
  const int leaps = span >= 0 ? span / 4 : -((-span + 3) / 4);  // floor division
  const int day = static_cast<int>(base + 0.242194 * (year - 1980) - leaps);
  return std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{static_cast<unsigned>(day)};
}

std::vector<holiday_occurrence> expand_holidays(const std::vector<holiday_rule>& rules, int first_year, int last_year) {
  std::vector<holiday_occurrence> out;
  first_year = std::max(first_year, 1401);  // Boost's calendar starts in 1400; a year of margin
  last_year = std::min(last_year, 9998);
  if (first_year > last_year) return out;
  // Expanded a year wider on each side, so that a substitute or a day between holidays next to
  // the range sees its neighbours; only the rule years [first_year, last_year] are returned.
  const int lo = first_year - 1, hi = last_year + 1;
  std::vector<item> items;

  // 1. The rules that give their own dates.
  for (const auto& rule : rules) {
    switch (rule.kind) {
      case holiday_rule_kind::date: {
        int y = int(rule.date.year());
        if (rule.date.ok() && y >= lo && y <= hi && year_applies(rule, y)) items.push_back({rule.date, rule.date, &rule, y});
        break;
      }
      case holiday_rule_kind::range: {
        if (!rule.date.ok() || !rule.last_date.ok()) break;
        for (auto d = std::chrono::sys_days{rule.date}; d <= std::chrono::sys_days{rule.last_date}; d += std::chrono::days{1}) {
          date ymd{d};
          int y = int(ymd.year());
          if (y >= lo && y <= hi && year_applies(rule, y)) items.push_back({ymd, ymd, &rule, y});
        }
        break;
      }
      case holiday_rule_kind::relative:
      case holiday_rule_kind::between_holidays: break;
      default:
        for (int y = lo; y <= hi; ++y)
          if (year_applies(rule, y))
            if (auto d = own_date(rule, y)) items.push_back({*d, *d, &rule, y});
    }
  }

  // 2. One-off dates that replace a rule's date in their year.
  for (const auto& rule : rules) {
    if (rule.replaces.empty() || rule.kind != holiday_rule_kind::date || !year_applies(rule, int(rule.date.year()))) continue;
    const int y = int(rule.date.year());
    std::erase_if(items, [&](const item& it) {
      return it.year == y && it.rule->replaces.empty() && same_set_named(*it.rule, rule, rule.replaces);
    });
  }

  // 3. Rules relative to another rule's own date, in as many passes as their chain is long.
  std::vector<const holiday_rule*> pending;
  for (const auto& rule : rules)
    if (rule.kind == holiday_rule_kind::relative) pending.push_back(&rule);
  while (!pending.empty()) {
    std::vector<const holiday_rule*> ready, waiting;
    for (const auto* r : pending) {
      bool waits = std::any_of(pending.begin(), pending.end(),
                               [&](const holiday_rule* p) { return same_set_named(*p, *r, r->relative_to); });
      (waits ? waiting : ready).push_back(r);
    }
    if (ready.empty()) break;  // a cycle (the loader refuses them): those rules give nothing
    std::vector<item> found;
    for (const auto* r : ready)
      for (const auto& it : items)
        if (same_set_named(*it.rule, *r, r->relative_to) && year_applies(*r, it.year)) {
          date d = add_days(it.own, r->offset_days);
          found.push_back({d, d, r, it.year});
        }
    items.insert(items.end(), found.begin(), found.end());
    pending = std::move(waiting);
  }

  // 4. Observed days: plain moves first; then the substitutes that avoid other holidays, in
  // order of their own dates, each on the first day that no holiday occupies.
  std::vector<item*> substitutes;
  for (auto& it : items) {
    const observed_day* o = observed_for(*it.rule, it.year);
    if (!o) continue;
    if (avoids_holidays(o->rule)) {
      if (needs_substitute(it.own, o->rule)) substitutes.push_back(&it);
    } else {
      it.observed = moved(it.own, *o);
    }
  }
  std::set<date> taken;
  for (const auto& it : items)
    if (closes(*it.rule)) {
      taken.insert(it.own);
      taken.insert(it.observed);
    }
  std::stable_sort(substitutes.begin(), substitutes.end(), [](const item* a, const item* b) { return a->own < b->own; });
  for (auto* it : substitutes) {
    const observed_rule r = observed_for(*it->rule, it->year)->rule;
    date d = add_days(it->own, 1);
    while (taken.count(d) || (r == observed_rule::next_weekday_not_holiday && weekend(d))) d = add_days(d, 1);
    it->observed = d;
    taken.insert(d);
  }

  // 5. Days between two holidays' own dates that are neither Sundays nor holidays already.
  std::set<date> own_dates;
  for (const auto& it : items)
    if (closes(*it.rule)) own_dates.insert(it.own);
  for (const auto& rule : rules) {
    if (rule.kind != holiday_rule_kind::between_holidays) continue;
    std::vector<item> found;
    for (const date& before : own_dates) {
      const date day = add_days(before, 1), after = add_days(before, 2);
      const int y = int(day.year());
      if (own_dates.count(day) || taken.count(day) || !own_dates.count(after) || weekday_index(day) == 0) continue;
      if (y >= lo && y <= hi && year_applies(rule, y)) found.push_back({day, day, &rule, y});
    }
    for (const auto& f : found) taken.insert(f.observed);
    items.insert(items.end(), found.begin(), found.end());
  }

  for (const auto& it : items)
    if (it.year >= first_year && it.year <= last_year) out.push_back({it.observed, it.own, it.rule});
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  return out;
}

std::vector<date> expand(const holiday_rule& rule, int first_year, int last_year) {
  const std::vector<holiday_rule> one{rule};
  std::vector<date> out;
  for (const auto& o : expand_holidays(one, first_year, last_year)) out.push_back(o.date);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void apply_holiday_rules(calendar_spec& spec, const std::vector<holiday_rule>& rules, int first_year, int last_year) {
  // Later rules for the same date replace earlier special days; a special day wins over a
  // holiday (it says what the date's hours are); two holidays on one date join their names.
  std::map<date, std::size_t> holiday_at, special_at;
  for (std::size_t i = 0; i < spec.holidays.size(); ++i) holiday_at[spec.holidays[i].date] = i;
  for (std::size_t i = 0; i < spec.special_days.size(); ++i) special_at[spec.special_days[i].date] = i;
  auto occurrences = expand_holidays(rules, first_year, last_year);
  // In rule order (then date), so that a later special day replaces an earlier one.
  std::stable_sort(occurrences.begin(), occurrences.end(), [](const auto& a, const auto& b) { return a.rule < b.rule; });
  for (const auto& o : occurrences) {
    const holiday_rule& rule = *o.rule;
    if (!closes(rule)) {
      if (auto it = special_at.find(o.date); it != special_at.end()) {
        spec.special_days[it->second] = {o.date, rule.windows, rule.name};
      } else {
        special_at[o.date] = spec.special_days.size();
        spec.special_days.push_back({o.date, rule.windows, rule.name});
      }
    } else if (auto it = holiday_at.find(o.date); it != holiday_at.end()) {
      auto& name = spec.holidays[it->second].name;
      if (!rule.name.empty() && name.find(rule.name) == std::string::npos)
        name = name.empty() ? rule.name : name + " / " + rule.name;
    } else {
      holiday_at[o.date] = spec.holidays.size();
      spec.holidays.push_back({o.date, rule.name});
    }
  }
  std::sort(spec.holidays.begin(), spec.holidays.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  std::sort(spec.special_days.begin(), spec.special_days.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
}

std::vector<holiday_occurrence> holidays_of(const holiday_set& set, int first_year, int last_year) {
  return expand_holidays(set.rules, first_year, last_year);
}

}  // namespace sla

// See holiday_rule_yaml.hpp.
#include "holiday/yaml/holiday_rule_yaml.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "time/day_names.hpp"
#include "text/quote.hpp"
#include "text/suggest.hpp"

namespace sla::detail {
namespace {

const std::vector<std::pair<std::string, observed_rule>>& observed_names() {
  static const std::vector<std::pair<std::string, observed_rule>> names{
      {"none", observed_rule::none},
      {"saturday_to_friday", observed_rule::saturday_to_friday},
      {"sunday_to_monday", observed_rule::sunday_to_monday},
      {"nearest_weekday", observed_rule::nearest_weekday},
  };
  return names;
}

template <class T>
std::vector<std::string> keys_of(const std::vector<std::pair<std::string, T>>& table) {
  std::vector<std::string> out;
  for (const auto& [k, v] : table) out.push_back(k);
  return out;
}

std::string joined(const std::vector<std::string>& v, std::string_view last = " or ") {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i == 0 ? "" : i + 1 == v.size() ? std::string(last) : ", ") + v[i];
  return out;
}

}  // namespace

std::optional<std::vector<daily_window>> read_windows(yaml_reader& r, const yaml_entry& e) {
  auto items = r.list(e, "a list of windows such as [\"08:00-18:00\"] ([] when closed)");
  if (!items) return std::nullopt;
  std::vector<daily_window> out;
  bool ok = true;
  for (const auto& item : *items) {
    auto s = r.scalar(item, "a window such as \"08:00-18:00\"");
    if (!s) {
      ok = false;
      continue;
    }
    try {
      out.push_back(parse_daily_window(*s));
    } catch (const error& bad) {
      r.error(item, bad.message(), {}, error_code::invalid_calendar);
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  // Overlapping windows count as their union; say so once, since it is usually a typo.
  std::vector<std::pair<std::chrono::seconds, std::chrono::seconds>> spans;
  for (const auto& w : out) spans.emplace_back(w.start, w.end <= w.start ? w.end + std::chrono::hours{24} : w.end);
  std::sort(spans.begin(), spans.end());
  std::size_t overlaps = 0;
  for (std::size_t k = 1, reach = 0; k < spans.size(); ++k) {
    if (spans[k].first < spans[reach].second) ++overlaps;
    if (spans[k].second > spans[reach].second) reach = k;
  }
  if (overlaps > 0)
    r.warning(e, fmt::format("{} window{} overlap{} another; overlapping windows count as their union", overlaps,
                             overlaps == 1 ? "" : "s", overlaps == 1 ? "s" : ""));
  return out;
}

std::optional<holiday_rule> read_holiday_rule(yaml_reader& r, const yaml_entry& e, bool special_day_list) {
  holiday_rule rule;
  rule.special = special_day_list;
  if (e.value.IsScalar()) {
    if (special_day_list) {
      r.error(e, "a special day needs its hours", "write {date: 2026-12-24, hours: [\"08:00-12:00\"]}");
      return std::nullopt;
    }
    auto d = r.date(e);
    if (!d) return std::nullopt;
    rule.date = *d;
    return rule;
  }
  auto m = r.map(e,
                 {"name", "date", "from", "to", "month", "day", "observed", "weekday", "nth", "easter", "from_year",
                  "until_year", "hours"},
                 special_day_list ? "a special day" : "a holiday");
  if (!m) return std::nullopt;
  bool ok = true;
  if (const auto* name = m->find("name")) rule.name = r.scalar(*name, "a name such as Christmas Day").value_or("");

  const auto *date = m->find("date"), *from = m->find("from"), *to = m->find("to"), *month = m->find("month"),
             *easter = m->find("easter");
  int shapes = int(date != nullptr) + int(from || to) + int(month != nullptr) + int(easter != nullptr);
  if (shapes != 1) {
    r.error(e, shapes == 0 ? "no date given" : "more than one kind of date given",
            "give either date, from/to, month/day, month/weekday/nth or easter");
    return std::nullopt;
  }
  auto forbid = [&](const char* key, const char* why) {
    if (const auto* x = m->find(key)) {
      r.error(*x, fmt::format("'{}' does not apply here", key), why);
      ok = false;
    }
  };
  if (date) {
    rule.kind = holiday_rule_kind::date;
    auto d = r.date(*date);
    if (!d) return std::nullopt;
    rule.date = *d;
  } else if (from || to) {
    rule.kind = holiday_rule_kind::range;
    if (!from || !to) {
      r.error(e, "a closure needs both from and to", "e.g. {from: 2026-12-24, to: 2026-12-31}");
      return std::nullopt;
    }
    auto a = r.date(*from), b = r.date(*to);
    if (!a || !b) return std::nullopt;
    if (std::chrono::sys_days{*b} < std::chrono::sys_days{*a}) {
      r.error(*to, "the closure ends before it starts");
      return std::nullopt;
    }
    if (std::chrono::sys_days{*b} - std::chrono::sys_days{*a} > std::chrono::days{366}) {
      r.error(*to, "a closure longer than a year", "split it, or check the dates");
      return std::nullopt;
    }
    rule.date = *a;
    rule.last_date = *b;
  } else if (month) {
    auto mo = r.integer(*month, "a month", 1, 12);
    if (!mo) return std::nullopt;
    rule.month = static_cast<unsigned>(*mo);
    if (const auto* day = m->find("day")) {
      rule.kind = holiday_rule_kind::fixed;
      forbid("weekday", "a fixed date has a day, not a weekday");
      forbid("nth", "a fixed date has a day, not an nth weekday");
      auto dd = r.integer(*day, "a day of the month", 1, 31);
      if (!dd) return std::nullopt;
      rule.day = static_cast<unsigned>(*dd);
      // 29 February is allowed (observed only in leap years); other impossible days are not.
      std::chrono::year_month_day probe{std::chrono::year{2024}, std::chrono::month{rule.month}, std::chrono::day{rule.day}};
      if (!probe.ok()) {
        r.error(*day, fmt::format("month {} has no day {}", rule.month, rule.day));
        return std::nullopt;
      }
      if (const auto* observed = m->find("observed")) {
        auto s = r.scalar(*observed, "an observed-day rule");
        if (!s) return std::nullopt;
        auto it = std::find_if(observed_names().begin(), observed_names().end(), [&](const auto& p) { return p.first == *s; });
        if (it == observed_names().end()) {
          std::string suggestion = did_you_mean(*s, keys_of(observed_names()));
          r.error(*observed, fmt::format("unknown observed-day rule {}", quote_value(*s)),
                  (suggestion.empty() ? "" : suggestion + " ") + "expected " + joined(keys_of(observed_names())));
          return std::nullopt;
        }
        rule.observed = it->second;
      }
    } else if (const auto* weekday = m->find("weekday")) {
      rule.kind = holiday_rule_kind::nth_weekday;
      forbid("observed", "an nth weekday is always a weekday");
      auto s = r.scalar(*weekday, "a weekday");
      if (!s) return std::nullopt;
      auto index = day_index(*s);
      if (!index) {
        std::vector<std::string> days(day_names.begin(), day_names.end());
        std::string suggestion = did_you_mean(*s, days);
        r.error(*weekday, fmt::format("unknown weekday {}", quote_value(*s)), suggestion.empty() ? day_hint(*s) : suggestion);
        return std::nullopt;
      }
      rule.weekday = weekday_of(*index);
      const auto* nth = m->find("nth");
      if (!nth) {
        r.missing(*m, "nth", "e.g. nth: 4 for the fourth, nth: last for the last");
        return std::nullopt;
      }
      if (nth->value.IsScalar() && nth->value.Scalar() == "last") {
        rule.nth = -1;
      } else {
        auto n = r.integer(*nth, "1 to 5 or last", 1, 5);
        if (!n) return std::nullopt;
        rule.nth = static_cast<int>(*n);
      }
    } else {
      r.error(e, "a month needs a day, or a weekday and nth", "e.g. {month: 12, day: 25} or {month: 11, weekday: thu, nth: 4}");
      return std::nullopt;
    }
  } else {
    rule.kind = holiday_rule_kind::easter;
    auto offset = r.integer(*easter, "days from Easter Sunday", -366, 366);
    if (!offset) return std::nullopt;
    rule.easter_offset = static_cast<int>(*offset);
  }
  if (!month) {
    forbid("day", "day goes with month");
    forbid("weekday", "weekday goes with month");
    forbid("nth", "nth goes with month and weekday");
    forbid("observed", "observed goes with month and day");
  }
  if (const auto* y = m->find("from_year"))
    if (auto v = r.integer(*y, "a year", 1400, 9999)) rule.from_year = static_cast<int>(*v);
  if (const auto* y = m->find("until_year"))
    if (auto v = r.integer(*y, "a year", 1400, 9999)) rule.until_year = static_cast<int>(*v);
  if (rule.from_year && rule.until_year && *rule.from_year > *rule.until_year) {
    r.error(*m->find("until_year"), "until_year is before from_year");
    ok = false;
  }
  if (const auto* hours = m->find("hours")) {
    if (auto w = read_windows(r, *hours)) {
      rule.special = true;
      rule.windows = std::move(*w);
    } else {
      ok = false;
    }
  } else if (special_day_list) {
    r.error(e, "a special day needs its hours", "add hours: [\"08:00-12:00\"], or hours: [] to close the date");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return rule;
}

}  // namespace sla::detail

// See holiday_rule_yaml.hpp.
#include "holiday/yaml/holiday_rule_yaml.hpp"

#include <fmt/format.h>

namespace sla::detail {
namespace {

std::optional<std::chrono::weekday> weekday_named(std::string_view s) {
  constexpr std::string_view names[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  for (unsigned i = 0; i < 7; ++i)
    if (s == names[i]) return std::chrono::weekday{i};
  return std::nullopt;
}

std::optional<observed_rule> observed_named(std::string_view s) {
  if (s == "none") return observed_rule::none;
  if (s == "saturday_to_friday") return observed_rule::saturday_to_friday;
  if (s == "sunday_to_monday") return observed_rule::sunday_to_monday;
  if (s == "nearest_weekday") return observed_rule::nearest_weekday;
  return std::nullopt;
}

}  // namespace

std::optional<holiday_rule> read_holiday_rule(const YAML::Node& node, std::string_view path, yaml_reader& r,
                                              bool special_day_list) {
  holiday_rule rule;
  rule.special = special_day_list;
  if (node.IsScalar()) {
    if (special_day_list) {
      r.error(node, path, "a special day needs its hours", "write {date: 2026-12-24, hours: [\"08:00-12:00\"]}");
      return std::nullopt;
    }
    auto d = r.date(node, path);
    if (!d) return std::nullopt;
    rule.date = *d;
    return rule;
  }
  if (!r.expect_map(node, path,
                    {"name", "date", "from", "to", "month", "day", "observed", "weekday", "nth", "easter", "from_year",
                     "until_year", "hours"},
                    special_day_list ? "a special day" : "a holiday"))
    return std::nullopt;
  bool ok = true;
  auto key = [&](const char* k) { return child_path(path, k); };
  if (node["name"].IsDefined()) rule.name = r.scalar(node["name"], key("name"), "a name").value_or("");

  bool has_date = node["date"].IsDefined(), has_range = node["from"].IsDefined() || node["to"].IsDefined();
  bool has_month = node["month"].IsDefined(), has_easter = node["easter"].IsDefined();
  int shapes = int(has_date) + int(has_range) + int(has_month) + int(has_easter);
  if (shapes != 1) {
    r.error(node, path, shapes == 0 ? "no date given" : "more than one kind of date given",
            "give either date, from/to, month/day, month/weekday/nth or easter");
    return std::nullopt;
  }
  auto forbid = [&](const char* k, const char* why) {
    if (node[k].IsDefined()) {
      r.error(node[k], key(k), fmt::format("'{}' does not apply here", k), why);
      ok = false;
    }
  };
  if (has_date) {
    rule.kind = holiday_rule_kind::date;
    auto d = r.date(node["date"], key("date"));
    if (!d) return std::nullopt;
    rule.date = *d;
  } else if (has_range) {
    rule.kind = holiday_rule_kind::range;
    if (!node["from"].IsDefined() || !node["to"].IsDefined()) {
      r.error(node, path, "a closure needs both from and to", "e.g. {from: 2026-12-24, to: 2026-12-31}");
      return std::nullopt;
    }
    auto a = r.date(node["from"], key("from")), b = r.date(node["to"], key("to"));
    if (!a || !b) return std::nullopt;
    if (std::chrono::sys_days{*b} < std::chrono::sys_days{*a}) {
      r.error(node["to"], key("to"), "the closure ends before it starts");
      return std::nullopt;
    }
    if (std::chrono::sys_days{*b} - std::chrono::sys_days{*a} > std::chrono::days{366}) {
      r.error(node["to"], key("to"), "a closure longer than a year", "split it, or check the dates");
      return std::nullopt;
    }
    rule.date = *a;
    rule.last_date = *b;
  } else if (has_month) {
    auto month = r.integer(node["month"], key("month"), "a month", 1, 12);
    if (!month) return std::nullopt;
    rule.month = static_cast<unsigned>(*month);
    if (node["day"].IsDefined()) {
      rule.kind = holiday_rule_kind::fixed;
      forbid("weekday", "a fixed date has a day, not a weekday");
      forbid("nth", "a fixed date has a day, not an nth weekday");
      auto day = r.integer(node["day"], key("day"), "a day of the month", 1, 31);
      if (!day) return std::nullopt;
      rule.day = static_cast<unsigned>(*day);
      // Feb 29 is allowed (observed only in leap years); other impossible days are not.
      std::chrono::year_month_day probe{std::chrono::year{2024}, std::chrono::month{rule.month}, std::chrono::day{rule.day}};
      if (!probe.ok()) {
        r.error(node["day"], key("day"), fmt::format("month {} has no day {}", rule.month, rule.day));
        return std::nullopt;
      }
      if (node["observed"].IsDefined()) {
        auto s = r.scalar(node["observed"], key("observed"), "an observed-day rule");
        auto o = s ? observed_named(*s) : std::nullopt;
        if (!o) {
          if (s)
            r.error(node["observed"], key("observed"), fmt::format("unknown observed-day rule \"{}\"", *s),
                    "expected none, saturday_to_friday, sunday_to_monday or nearest_weekday");
          return std::nullopt;
        }
        rule.observed = *o;
      }
    } else if (node["weekday"].IsDefined()) {
      rule.kind = holiday_rule_kind::nth_weekday;
      forbid("observed", "an nth weekday is always a weekday");
      auto s = r.scalar(node["weekday"], key("weekday"), "a weekday");
      auto w = s ? weekday_named(*s) : std::nullopt;
      if (!w) {
        if (s) r.error(node["weekday"], key("weekday"), fmt::format("unknown weekday \"{}\"", *s), "expected mon, tue, wed, thu, fri, sat or sun");
        return std::nullopt;
      }
      rule.weekday = *w;
      if (!node["nth"].IsDefined()) {
        r.error(node, path, "missing nth", "e.g. nth: 4 for the fourth, nth: last for the last");
        return std::nullopt;
      }
      if (node["nth"].IsScalar() && node["nth"].Scalar() == "last") {
        rule.nth = -1;
      } else {
        auto n = r.integer(node["nth"], key("nth"), "1 to 5 or last", 1, 5);
        if (!n) return std::nullopt;
        rule.nth = static_cast<int>(*n);
      }
    } else {
      r.error(node, path, "a month needs a day or a weekday and nth", "e.g. {month: 12, day: 25} or {month: 11, weekday: thu, nth: 4}");
      return std::nullopt;
    }
  } else {
    rule.kind = holiday_rule_kind::easter;
    auto offset = r.integer(node["easter"], key("easter"), "days from Easter Sunday", -366, 366);
    if (!offset) return std::nullopt;
    rule.easter_offset = static_cast<int>(*offset);
  }
  if (!has_month) {
    forbid("day", "day goes with month");
    forbid("weekday", "weekday goes with month");
    forbid("nth", "nth goes with month and weekday");
    forbid("observed", "observed goes with month and day");
  }
  if (node["from_year"].IsDefined())
    if (auto y = r.integer(node["from_year"], key("from_year"), "a year", 1400, 9999)) rule.from_year = static_cast<int>(*y);
  if (node["until_year"].IsDefined())
    if (auto y = r.integer(node["until_year"], key("until_year"), "a year", 1400, 9999)) rule.until_year = static_cast<int>(*y);
  if (rule.from_year && rule.until_year && *rule.from_year > *rule.until_year) {
    r.error(node["until_year"], key("until_year"), "until_year is before from_year");
    ok = false;
  }
  if (node["hours"].IsDefined()) {
    std::string p = key("hours");
    if (r.expect_sequence(node["hours"], p, "windows such as [\"08:00-12:00\"]")) {
      rule.special = true;
      std::size_t i = 0;
      for (const auto& w : node["hours"]) {
        std::string wp = index_path(p, i++);
        auto s = r.scalar(w, wp, "a window \"HH:MM-HH:MM\"");
        if (!s) {
          ok = false;
          continue;
        }
        try {
          rule.windows.push_back(parse_daily_window(*s));
        } catch (const error& e) {
          r.error(w, wp, e.message());
          ok = false;
        }
      }
    } else {
      ok = false;
    }
  } else if (special_day_list) {
    r.error(node, path, "a special day needs its hours", "add hours: [\"08:00-12:00\"], or hours: [] to close the date");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return rule;
}

}  // namespace sla::detail

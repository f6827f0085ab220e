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
      {"next_weekday", observed_rule::next_weekday},
      {"next_weekday_not_holiday", observed_rule::next_weekday_not_holiday},
      {"sunday_to_next_not_holiday", observed_rule::sunday_to_next_not_holiday},
  };
  return names;
}

const std::vector<std::pair<std::string, weekday_relation>>& relation_names() {
  static const std::vector<std::pair<std::string, weekday_relation>> names{
      {"on_or_before", weekday_relation::on_or_before},
      {"on_or_after", weekday_relation::on_or_after},
      {"before", weekday_relation::before},
      {"after", weekday_relation::after},
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

std::optional<std::vector<observed_day>> read_observed(yaml_reader& r, const yaml_entry& e) {
  const std::string names = joined(keys_of(observed_names()));
  // One rule: a name, or days to move by weekday ({sat: 2, sun: 1}).
  auto one_rule = [&](const yaml_entry& x) -> std::optional<observed_day> {
    observed_day o;
    if (x.value.IsMap()) {
      auto m = r.named_map(x, "days to move a holiday by the weekday it falls on, such as {sat: 2, sun: 1}");
      if (!m) return std::nullopt;
      o.rule = observed_rule::by_weekday;
      bool ok = true;
      for (const auto& day : m->entries()) {
        auto index = day_index(day.key.Scalar());
        if (!index) {
          std::vector<std::string> days(day_names.begin(), day_names.end());
          std::string suggestion = did_you_mean(day.key.Scalar(), days);
          r.error(day, fmt::format("unknown weekday {}", quote_value(day.key.Scalar())),
                  suggestion.empty() ? day_hint(day.key.Scalar()) : suggestion);
          ok = false;
          continue;
        }
        auto shift = r.integer(day, "days to move (−6 to 6)", -6, 6);
        if (!shift) {
          ok = false;
          continue;
        }
        o.shift[weekday_of(*index).c_encoding()] = static_cast<int>(*shift);
      }
      if (!ok) return std::nullopt;
      return o;
    }
    auto s = r.scalar(x, "an observed-day rule");
    if (!s) return std::nullopt;
    auto it = std::find_if(observed_names().begin(), observed_names().end(), [&](const auto& p) { return p.first == *s; });
    if (it == observed_names().end()) {
      std::string suggestion = did_you_mean(*s, keys_of(observed_names()));
      r.error(x, fmt::format("unknown observed-day rule {}", quote_value(*s)),
              (suggestion.empty() ? "" : suggestion + " ") + "expected " + names + ", or days by weekday such as {sat: 2, sun: 1}");
      return std::nullopt;
    }
    o.rule = it->second;
    return o;
  };
  if (!e.value.IsSequence()) {
    auto o = one_rule(e);
    if (!o) return std::nullopt;
    return std::vector<observed_day>{*o};
  }
  // By years: [{rule: sunday_to_monday, until_year: 2006}, {rule: sunday_to_next_not_holiday, from_year: 2007}]
  auto items = r.list(e, "observed-day rules by years");
  if (!items) return std::nullopt;
  std::vector<observed_day> out;
  bool ok = true;
  for (const auto& item : *items) {
    auto m = r.map(item, {"rule", "from_year", "until_year"}, "an observed-day rule for some years");
    if (!m) {
      ok = false;
      continue;
    }
    const auto* rule = m->find("rule");
    if (!rule) {
      r.missing(*m, "rule", "e.g. {rule: sunday_to_monday, until_year: 2006}");
      ok = false;
      continue;
    }
    auto o = one_rule(*rule);
    if (!o) {
      ok = false;
      continue;
    }
    if (const auto* y = m->find("from_year"))
      if (auto v = r.integer(*y, "a year", 1400, 9999)) o->from_year = static_cast<int>(*v);
    if (const auto* y = m->find("until_year"))
      if (auto v = r.integer(*y, "a year", 1400, 9999)) o->until_year = static_cast<int>(*v);
    if (o->from_year && o->until_year && *o->from_year > *o->until_year) {
      r.error(*m->find("until_year"), "until_year is before from_year");
      ok = false;
    }
    out.push_back(*o);
  }
  if (!ok) return std::nullopt;
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
                 {"name", "date", "from", "to", "month", "day", "observed", "weekday", "nth", "on_or_before", "on_or_after",
                  "before", "after", "easter", "equinox", "relative_to", "days", "between_holidays", "from_year", "until_year",
                  "replaces", "reason", "hours"},
                 special_day_list ? "a special day" : "a holiday");
  if (!m) return std::nullopt;
  bool ok = true;
  if (const auto* name = m->find("name")) rule.name = r.scalar(*name, "a name such as Christmas Day").value_or("");
  if (const auto* reason = m->find("reason")) rule.reason = r.scalar(*reason, "why the date is a holiday").value_or("");

  const auto *date = m->find("date"), *from = m->find("from"), *to = m->find("to"), *month = m->find("month"),
             *easter = m->find("easter"), *equinox = m->find("equinox"), *relative_to = m->find("relative_to"),
             *between = m->find("between_holidays");
  int shapes = int(date != nullptr) + int(from || to) + int(month != nullptr) + int(easter != nullptr) +
               int(equinox != nullptr) + int(relative_to != nullptr) + int(between != nullptr);
  if (shapes != 1) {
    r.error(e, shapes == 0 ? "no date given" : "more than one kind of date given",
            "give one of date, from/to, month/day, month/weekday/nth, month/day/on_or_before (or on_or_after, before, "
            "after), easter, equinox, relative_to/days or between_holidays");
    return std::nullopt;
  }
  auto forbid = [&](const char* key, const char* why) {
    if (const auto* x = m->find(key)) {
      r.error(*x, fmt::format("'{}' does not apply here", key), why);
      ok = false;
    }
  };
  // The weekday relations: at most one, with month and day.
  const yaml_entry* relation = nullptr;
  weekday_relation relation_kind = weekday_relation::on_or_after;
  for (const auto& [key, kind] : relation_names())
    if (const auto* x = m->find(key)) {
      if (relation) {
        r.error(*x, fmt::format("'{}' and '{}' together", relation->key.Scalar(), key), "give one weekday relation");
        return std::nullopt;
      }
      relation = x;
      relation_kind = kind;
    }
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
    forbid("observed", "a closure closes its dates as they are");
  } else if (month) {
    auto mo = r.integer(*month, "a month", 1, 12);
    if (!mo) return std::nullopt;
    rule.month = static_cast<unsigned>(*mo);
    if (const auto* day = m->find("day")) {
      rule.kind = relation ? holiday_rule_kind::weekday_relative : holiday_rule_kind::fixed;
      forbid("weekday", relation ? "the weekday is the value of the relation, e.g. on_or_before: mon"
                                 : "a fixed date has a day, not a weekday");
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
      if (relation) {
        rule.relation = relation_kind;
        auto s = r.scalar(*relation, "a weekday");
        if (!s) return std::nullopt;
        auto index = day_index(*s);
        if (!index) {
          std::vector<std::string> days(day_names.begin(), day_names.end());
          std::string suggestion = did_you_mean(*s, days);
          r.error(*relation, fmt::format("unknown weekday {}", quote_value(*s)), suggestion.empty() ? day_hint(*s) : suggestion);
          return std::nullopt;
        }
        rule.weekday = weekday_of(*index);
      }
    } else if (const auto* weekday = m->find("weekday")) {
      rule.kind = holiday_rule_kind::nth_weekday;
      if (relation) {
        r.error(*relation, fmt::format("'{}' goes with month and day", relation->key.Scalar()),
                "e.g. {month: 5, day: 24, on_or_before: mon}");
        return std::nullopt;
      }
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
      r.error(e, "a month needs a day, or a weekday and nth",
              "e.g. {month: 12, day: 25}, {month: 11, weekday: thu, nth: 4} or {month: 5, day: 24, on_or_before: mon}");
      return std::nullopt;
    }
  } else if (easter) {
    rule.kind = holiday_rule_kind::easter;
    auto offset = r.integer(*easter, "days from Easter Sunday", -366, 366);
    if (!offset) return std::nullopt;
    rule.offset_days = static_cast<int>(*offset);
  } else if (equinox) {
    rule.kind = holiday_rule_kind::equinox;
    auto s = r.scalar(*equinox, "march or september");
    if (!s) return std::nullopt;
    if (*s != "march" && *s != "september") {
      std::string suggestion = did_you_mean(*s, {"march", "september"});
      r.error(*equinox, fmt::format("unknown equinox {}", quote_value(*s)),
              (suggestion.empty() ? "" : suggestion + " ") + "expected march or september");
      return std::nullopt;
    }
    rule.month = *s == "march" ? 3 : 9;
  } else if (relative_to) {
    rule.kind = holiday_rule_kind::relative;
    auto target = r.scalar(*relative_to, "the name of another holiday of the same list");
    if (!target) return std::nullopt;
    if (target->empty()) {
      r.error(*relative_to, "relative_to names no holiday", "e.g. {name: Easter Tuesday, relative_to: Easter Monday, days: 1}");
      return std::nullopt;
    }
    rule.relative_to = *target;
    const auto* days = m->find("days");
    if (!days) {
      r.missing(*m, "days", "the days after (or, negative, before) that holiday, e.g. days: 1");
      return std::nullopt;
    }
    auto offset = r.integer(*days, "days after that holiday", -366, 366);
    if (!offset) return std::nullopt;
    rule.offset_days = static_cast<int>(*offset);
  } else {
    rule.kind = holiday_rule_kind::between_holidays;
    auto on = r.boolean(*between, "true");
    if (!on) return std::nullopt;
    if (!*on) {
      r.error(*between, "between_holidays: false gives no date", "remove the entry, or write between_holidays: true");
      return std::nullopt;
    }
    forbid("observed", "a day between two holidays is never moved");
  }
  if (!month) {
    forbid("day", "day goes with month");
    forbid("weekday", "weekday goes with month");
    forbid("nth", "nth goes with month and weekday");
    if (relation) {
      r.error(*relation, fmt::format("'{}' goes with month and day", relation->key.Scalar()),
              "e.g. {month: 5, day: 24, on_or_before: mon}");
      ok = false;
    }
  }
  if (!relative_to) forbid("days", "days goes with relative_to");
  if (const auto* replaces = m->find("replaces")) {
    if (!date) {
      r.error(*replaces, "only a one-off date replaces a rule's date in its year",
              "e.g. {name: Early May bank holiday (VE Day), date: 2020-05-08, replaces: Early May bank holiday}");
      ok = false;
    } else if (auto name = r.scalar(*replaces, "the name of the holiday it replaces that year")) {
      rule.replaces = *name;
    } else {
      ok = false;
    }
  }
  if (const auto* observed = m->find("observed"); observed && rule.kind != holiday_rule_kind::range &&
                                                  rule.kind != holiday_rule_kind::between_holidays) {
    if (auto o = read_observed(r, *observed)) {
      rule.observed = std::move(*o);
    } else {
      ok = false;
    }
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

bool check_rule_references(yaml_reader& r, const std::vector<holiday_rule>& rules, const std::vector<yaml_entry>& entries) {
  bool ok = true;
  auto named = [&](const holiday_rule& by, const std::string& name) {
    return std::any_of(rules.begin(), rules.end(),
                       [&](const holiday_rule& x) { return &x != &by && x.set == by.set && x.name == name; });
  };
  std::vector<std::string> known;
  for (const auto& x : rules)
    if (!x.name.empty()) known.push_back(x.name);
  for (std::size_t i = 0; i < rules.size() && i < entries.size(); ++i) {
    const holiday_rule& rule = rules[i];
    for (const auto& [key, name] : {std::pair<const char*, const std::string*>{"relative_to", &rule.relative_to},
                                    std::pair<const char*, const std::string*>{"replaces", &rule.replaces}}) {
      if (name->empty() || named(rule, *name)) continue;
      const yaml_entry at = entries[i].value.IsMap() && entries[i].value[key]
                                ? yaml_entry{entries[i].value[key], entries[i].value[key], child_path(entries[i].path, key)}
                                : entries[i];
      std::string suggestion = did_you_mean(*name, known);
      r.error(at, fmt::format("no other holiday named {} in this list", quote_value(*name)),
              suggestion.empty() ? "name a holiday of the same list or set" : suggestion);
      ok = false;
    }
    // A chain of relative rules must end at a rule with a date of its own.
    if (rule.kind != holiday_rule_kind::relative) continue;
    std::vector<const holiday_rule*> chain{&rule};
    const holiday_rule* at = &rule;
    while (at && at->kind == holiday_rule_kind::relative) {
      const holiday_rule* next = nullptr;
      for (const auto& x : rules)
        if (&x != at && x.set == at->set && x.name == at->relative_to) next = &x;
      if (next && std::find(chain.begin(), chain.end(), next) != chain.end()) {
        r.error(entries[i], fmt::format("{} is relative to itself through a chain of relative_to",
                                        quote_value(rule.name.empty() ? rule.relative_to : rule.name)),
                "one holiday of the chain needs a date of its own");
        ok = false;
        break;
      }
      if (next) chain.push_back(next);
      at = next;
    }
  }
  return ok;
}

}  // namespace sla::detail

// Warnings about a policy that loads but probably does not say what its author meant. Each
// points at the place to fix, with a "did you mean" where a known name is close:
//   - a target set by one rule alone whose name is close to another target's (`resolutoin`);
//   - a target with an amount that no clock rule meets (it can only run until it breaches);
//   - a type × severity × plan cell that no rule gives any target;
//   - a calendar that no target uses;
//   - a holiday rule, or a whole holiday set, that never closes a business date of its
//     calendar in the years holiday rules are expanded over.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "policy/yaml/loader.hpp"
#include "text/suggest.hpp"

namespace sla::detail {
namespace {

void misspelt_and_dead_targets(yaml_reader& r, const policy_data& d, const policy_sources& s) {
  std::map<std::string, std::vector<const policy_sources::target_setting*>> settings;
  for (const auto& t : s.target_settings) settings[t.entry.key.Scalar()].push_back(&t);
  for (std::size_t index = 0; index < d.target_names.size(); ++index) {
    const std::string& name = d.target_names[index];
    const auto& where = settings[name];
    if (where.empty()) continue;
    std::vector<std::string> others;
    for (const auto& n : d.target_names)
      if (n != name) others.push_back(n);
    // A name set by one rule alone, close to another name, and not the one the clock rules use:
    // most likely a typo of that other name.
    if (where.size() == 1 && !s.referenced_targets.count(name)) {
      if (auto close = closest(name, others)) {
        r.warning({where[0]->entry.key, where[0]->entry.key, where[0]->entry.path},
                  fmt::format("target `{}` is set by this rule alone", name), fmt::format("did you mean `{}`?", *close));
        continue;
      }
    }
    const clock_definition& def = d.clock_definitions[index];
    bool met = !def.meet_events.empty() || !def.meet_statuses.empty() || !def.restart_events.empty() ||
               !def.restart_statuses.empty();
    if (met) continue;
    auto with_amount = std::find_if(where.begin(), where.end(), [&](const auto* t) {
      const auto& defs = d.rules[t->rule].targets;
      return std::any_of(defs.begin(), defs.end(), [&](const auto& def) { return def.name == name && def.amount.kind != amount_kind::none; });
    });
    if (with_amount == where.end()) continue;  // never a clock
    const auto& entry = (*with_amount)->entry;
    r.warning({entry.key, entry.key, entry.path},
              fmt::format("target `{}` is never met: no clock rule meets it, so it can only run until it is breached", name),
              "name it in clock.meet.events or clock.meet.statuses, or make it periodic");
  }
}

void empty_cells(yaml_reader& r, const policy_data& d, const policy_sources& s) {
  std::vector<std::string> severities = d.severities.empty() ? std::vector<std::string>{""} : d.severities;
  std::vector<std::string> plans = d.plans.empty() ? std::vector<std::string>{""} : d.plans;
  if (d.types.size() * severities.size() * plans.size() > 100'000) return;  // too many to list
  std::vector<std::string> empty;
  std::size_t count = 0;
  for (const auto& type : d.types)
    for (const auto& severity : severities)
      for (const auto& plan : plans) {
        bool covered = std::any_of(d.rules.begin(), d.rules.end(), [&](const target_rule& rule) {
          return !rule.targets.empty() && rule.matches(type, severity, plan.empty() ? d.default_plan : plan);
        });
        if (covered) continue;
        ++count;
        if (empty.size() < 5) {
          std::string cell = fmt::format("type {}", type);
          if (!severity.empty()) cell += fmt::format(", severity {}", severity);
          if (!plan.empty()) cell += fmt::format(", plan {}", plan);
          empty.push_back(cell);
        }
      }
  if (count == 0) return;
  std::string list;
  for (const auto& c : empty) list += (list.empty() ? "" : "; ") + c;
  if (count > empty.size()) list += fmt::format("; and {} more", count - empty.size());
  r.warning(s.targets, fmt::format("{} cell{} no target at all: {}", count, count == 1 ? " gets" : "s get", list),
            "cover them with a rule (`targets: {response: none}` says so explicitly)");
}

void unused_calendars(yaml_reader& r, const policy_data& d, const policy_sources& s) {
  for (std::size_t i = 0; i < d.calendars.size() && i < s.calendars.size(); ++i) {
    const std::string& name = d.calendars[i].name;
    // Used by a target directly, or through a region that maps a target's calendar name to it.
    auto names_it = [&](const std::string& calendar) {
      if (calendar == name) return true;
      return std::any_of(d.regions.begin(), d.regions.end(), [&](const auto& region) {
        auto it = region.second.find(calendar);
        return it != region.second.end() && it->second == name;
      });
    };
    bool used = std::any_of(d.rules.begin(), d.rules.end(), [&](const target_rule& rule) {
      return std::any_of(rule.targets.begin(), rule.targets.end(), [&](const auto& t) { return names_it(t.calendar); });
    });
    if (!used)
      r.warning({s.calendars[i].key, s.calendars[i].key, s.calendars[i].path}, fmt::format("calendar `{}` is not used by any target", name),
                "name it in a target rule's calendar:, or remove it");
  }
}

// Whether a rule closes at least one date that the weekly hours would open, in the years.
bool closes_a_business_date(const holiday_rule& rule, const calendar_spec& spec, int first_year, int last_year) {
  for (const auto& date : expand(rule, first_year, last_year)) {
    unsigned weekday = std::chrono::weekday{std::chrono::sys_days{date}}.iso_encoding();  // 1 = Monday
    if (!spec.hours[weekday - 1].empty()) return true;
  }
  return false;
}

void holidays_that_never_close(yaml_reader& r, const policy_data& d, const policy_sources& s, int first_year, int last_year) {
  for (std::size_t c = 0; c < d.calendars.size() && c < s.calendar_rule_entries.size(); ++c) {
    const auto& cal = d.calendars[c];
    const auto& entries = s.calendar_rule_entries[c];
    const auto& sets = s.calendar_rule_sets[c];
    std::map<std::string, std::pair<std::size_t, bool>> set_rules;  // file → (first rule, any closes)
    for (std::size_t k = 0; k < cal.holiday_rules.size() && k < entries.size(); ++k) {
      const holiday_rule& rule = cal.holiday_rules[k];
      if (rule.special) continue;  // a special day sets windows; it need not close anything
      bool closes = closes_a_business_date(rule, cal.spec, first_year, last_year);
      if (!sets[k].empty()) {
        auto [it, fresh] = set_rules.emplace(sets[k], std::make_pair(k, closes));
        if (!fresh) it->second.second = it->second.second || closes;
        continue;
      }
      if (!closes)
        r.warning(entries[k],
                  fmt::format("holiday{} never falls on a business day of calendar `{}` in {}–{}",
                              rule.name.empty() ? "" : " `" + rule.name + "`", cal.name, first_year, last_year),
                  "check its date and weekday, or the calendar's hours");
    }
    for (const auto& [file, first_and_closes] : set_rules)
      if (!first_and_closes.second)
        r.warning(entries[first_and_closes.first],
                  fmt::format("holiday set {} never closes a business day of calendar `{}` in {}–{}", file, cal.name, first_year,
                              last_year),
                  "check that it is the set meant for this calendar");
  }
}

}  // namespace

void lint_policy(yaml_reader& r, const policy_data& d, const policy_sources& s, int first_year, int last_year) {
  misspelt_and_dead_targets(r, d, s);
  if (s.targets.value.IsDefined()) empty_cells(r, d, s);
  unused_calendars(r, d, s);
  holidays_that_never_close(r, d, s, first_year, last_year);
}

}  // namespace sla::detail

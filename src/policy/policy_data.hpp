// The loaded form of a policy (see sla/policy.hpp): plain values, built once by the loader and
// then only read, plus the compiled calendars.
#pragma once

#include <sla/policy.hpp>

#include "policy/clock_model.hpp"

#include <map>
#include <mutex>
#include <shared_mutex>
#include <tuple>

namespace sla {

// One target rule as written: which cells it matches ("*" matches all) and the targets it sets.
struct target_rule {
  std::vector<std::string> types, severities, plans;  // empty: "*"
  std::vector<target_definition> targets;
  source_position where;  // where the rule is written (file:line:column)
  int priority = 0;       // higher wins before specificity
  int specificity() const noexcept {
    return (types.empty() ? 0 : 1) + (severities.empty() ? 0 : 1) + (plans.empty() ? 0 : 1);
  }
  bool matches(std::string_view type, std::string_view severity, std::string_view plan) const;
};

struct policy_data {
  std::string name, description, source;
  std::vector<std::string> types, severities, plans, statuses;
  std::string default_plan;
  int first_holiday_year = default_first_holiday_year, last_holiday_year = default_last_holiday_year;
  std::vector<std::string> impacts, urgencies;
  std::map<std::pair<std::string, std::string>, std::string> classification;
  std::vector<policy_calendar> calendars;
  std::vector<business_calendar> compiled;  // parallel to calendars (default zone)
  std::vector<std::string> target_names;    // in order of first mention
  std::vector<target_rule> rules;
  clock_rules clock;
  std::vector<clock_definition> clock_definitions;  // per target name (parallel to target_names)
  std::vector<std::string> events;                  // declared custom events
  std::map<std::string, std::map<std::string, std::string>> regions;
  std::map<std::string, std::string> region_countries;  // region → its country, when it names one
  std::string default_region;
  // Holidays by country (calendars with `{country: ticket, …}`): every set of the policy's
  // holiday library by its country, and each calendar's spec without a country's holidays.
  std::map<std::string, std::vector<holiday_rule>, std::less<>> country_rules;
  std::vector<std::string> holiday_countries;      // the keys of country_rules
  std::vector<calendar_spec> specs_without_country;  // parallel to calendars (used when holidays_by_country)
  detail::clock_model clocks;  // `clock`, warnings and escalations resolved to indices (set last by the loader)
  std::vector<threshold> warnings, escalations;
  queue_rules queue;
  std::vector<availability_target> availability;
  std::map<std::string, std::vector<std::string>> flags;

  // Calendars compiled for tenant zones and countries, by (calendar index, zone, country).
  // Filled on first use.
  mutable std::shared_mutex tenant_mutex;
  mutable std::map<std::tuple<std::size_t, std::string, std::string>, business_calendar, std::less<>> tenant_calendars;

  std::optional<std::size_t> calendar_index(std::string_view name) const;

  // A ticket's cell as the policy names it: an empty plan is the default plan; an empty type or
  // severity is the only one when the policy has one (a policy may have no severities at all).
  // Throws sla::error(invalid_argument) for an unknown or missing name, with the known ones.
  struct cell_key {
    std::string type, severity, plan;
  };
  cell_key resolve(std::string_view type, std::string_view severity, std::string_view plan) const;

  // The targets of a resolved cell in the order the policy first names them (the most specific
  // rule per target).
  std::vector<detail::cell_target> cell(const cell_key& key) const;

  // The calendar a rule's calendar name means in a region (the default region when empty).
  std::optional<std::size_t> calendar_in_region(std::string_view name, std::string_view region) const;

  // A compiled calendar, with `tenant_zone` replacing the zone of a calendar that takes one and
  // `country`'s holidays (empty: the calendar's default country) for a calendar that takes the
  // ticket's country. The reference stays valid as long as this policy_data lives. Throws
  // unknown_time_zone, or invalid_argument for a country the library has no set for.
  const business_calendar& calendar_for(std::size_t index, std::string_view tenant_zone, std::string_view country = {}) const;

  // A ticket's country for its holidays: its own, else its region's (the default region when
  // empty), else "" (each calendar's default then).
  std::string country_for(std::string_view own, std::string_view region) const;
};

namespace detail {
struct policy_access {
  static const policy_data& data(const policy& p) noexcept { return *p.data_; }
};
}  // namespace detail

}  // namespace sla

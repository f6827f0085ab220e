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
  detail::cell_table cells;    // every cell's targets and calendars by index (set last by the loader)
  std::vector<std::string> region_names;  // the keys of regions, in order; empty when none
  std::vector<threshold> warnings, escalations;
  queue_rules queue;
  std::vector<availability_target> availability;
  std::map<std::string, std::vector<std::string>> flags;

  // Calendars compiled for tenant zones and countries, by (calendar index, zone, country),
  // for tickets evaluated on a policy not bound to their zone (policy::for_tenant is the way
  // without a lock). Filled on first use.
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
  // The same as indices into types, severities and plans (0 for none; see detail::cell_table).
  struct cell_indices {
    std::uint16_t type = 0, severity = 0, plan = 0;
  };
  cell_indices resolve_indices(std::string_view type, std::string_view severity, std::string_view plan) const;
  // A region by name (empty: the default region) as an index into region_names (0 when the
  // policy has none). Throws sla::error(invalid_argument) for an unknown one.
  std::uint16_t region_index(std::string_view region) const;
  // The names an index stands for ("" for none).
  const std::string& type_name(std::size_t i) const { return types[i]; }
  const std::string& severity_name(std::size_t i) const { return severities.empty() ? empty_name : severities[i]; }
  const std::string& plan_name(std::size_t i) const { return plans.empty() ? empty_name : plans[i]; }
  const std::string& region_name(std::size_t i) const { return region_names.empty() ? empty_name : region_names[i]; }
  static inline const std::string empty_name{};

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
  // The same, compiled afresh (no cache).
  business_calendar compile_for(std::size_t index, std::string_view tenant_zone, std::string_view country) const;

  // A ticket's country for its holidays: its own, else its region's (the default region when
  // empty), else "" (each calendar's default then).
  std::string country_for(std::string_view own, std::string_view region) const;
};

// The calendars of a policy compiled for one tenant zone and country (policy::for_tenant): a
// value the host keeps, read without locks.
struct tenant_binding {
  std::string zone, country;                 // country: whose holidays (the effective one, "" default)
  std::vector<business_calendar> calendars;  // parallel to policy_data::calendars
};

namespace detail {
struct policy_access {
  static const policy_data& data(const policy& p) noexcept { return *p.data_; }
  static const tenant_binding* tenant(const policy& p) noexcept { return p.tenant_.get(); }
};
}  // namespace detail

}  // namespace sla

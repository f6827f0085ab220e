// The `calendars:` section: named calendars, each read by the one calendar grammar
// (src/calendar/yaml/) and compiled once at load.
#include <fmt/format.h>

#include "calendar/yaml/calendar_yaml.hpp"
#include "policy/yaml/loader.hpp"

namespace sla::detail {

void policy_loader::calendars(const yaml_map& doc) {
  const yaml_entry* e = doc.find("calendars");
  if (!e) {
    r_.missing(doc, "calendars", "add `calendars: {business: {timezone: UTC, hours: always}}`");
    return;
  }
  auto m = r_.named_map(*e, "calendars by name");
  if (!m) return;
  calendar_reading_options options;
  options.tenant_zone_allowed = true;
  options.base_dir = base_dir_;
  options.first_year = first_year_;
  options.last_year = last_year_;
  options.country_set = [this](const std::string& country, const yaml_entry& at) { return country_set(country, at); };
  for (const auto& c : m->entries()) {
    const std::string& name = c.key.Scalar();
    auto reading = read_calendar(r_, c, options);
    if (!reading) {
      broken_calendars_.insert(name);
      continue;
    }
    // A calendar that takes the ticket's country: compiled with its default country's holidays;
    // the spec without them is kept for the other countries.
    calendar_spec without_country;
    if (reading->holidays_by_country) {
      without_country = reading->spec;
      if (const holiday_set* set = reading->default_country.empty() ? nullptr : country_set(reading->default_country, c)) {
        apply_holiday_rules(reading->spec, set->rules, first_year_, last_year_);
        reading->rules.insert(reading->rules.end(), set->rules.begin(), set->rules.end());
        reading->rule_entries.insert(reading->rule_entries.end(), set->rules.size(), c);
        reading->rule_sets.insert(reading->rule_sets.end(), set->rules.size(), "country " + reading->default_country);
      }
    }
    try {
      business_calendar compiled(reading->spec);
      d_->calendars.push_back({name, std::move(reading->spec), reading->tenant_timezone, reading->rules,
                               reading->holidays_by_country, reading->default_country});
      d_->specs_without_country.push_back(std::move(without_country));
      d_->compiled.push_back(std::move(compiled));
      sources_.calendars.push_back(c);
      sources_.calendar_rule_entries.push_back(std::move(reading->rule_entries));
      sources_.calendar_rule_sets.push_back(std::move(reading->rule_sets));
    } catch (const error& bad) {
      r_.error(c, bad.message(), {}, bad.code());
      broken_calendars_.insert(name);
    }
  }
}

}  // namespace sla::detail

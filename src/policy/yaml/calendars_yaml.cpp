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
  for (const auto& c : m->entries()) {
    const std::string& name = c.key.Scalar();
    auto reading = read_calendar(r_, c, options);
    if (!reading) {
      broken_calendars_.insert(name);
      continue;
    }
    try {
      business_calendar compiled(reading->spec);
      d_->calendars.push_back({name, std::move(reading->spec), reading->tenant_timezone, reading->rules});
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

// The `availability:` section: uptime targets per component, months in a zone, maintenance
// windows written as a calendar (through the one calendar grammar).
#include <fmt/format.h>

#include "calendar/yaml/calendar_yaml.hpp"
#include "policy/yaml/loader.hpp"

namespace sla::detail {

void policy_loader::availability(const yaml_entry& e) {
  auto items = r_.list(e, "a list of availability targets");
  if (!items) return;
  for (const auto& item : *items) {
    auto m = r_.map(item, {"component", "target", "period", "timezone", "maintenance"}, "an availability target");
    if (!m) continue;
    availability_target a;
    for (const char* key : {"component", "target", "timezone"})
      if (!m->find(key)) r_.missing(*m, key, "");
    if (const auto* c = m->find("component")) a.component = r_.scalar(*c, "a component name").value_or("");
    if (const auto* t = m->find("target")) a.percent = percent(*t, 100).value_or(0);
    if (const auto* p = m->find("period"))
      if (auto s = r_.scalar(*p, "month"); s && *s != "month")
        r_.error(*p, fmt::format("unsupported period \"{}\"", *s), "calendar months: `month`");
    if (const auto* z = m->find("timezone")) {
      a.timezone = r_.scalar(*z, "a time zone").value_or("UTC");
      try {
        time_zone::load(a.timezone);
      } catch (const error& bad) {
        r_.error(*z, bad.message(), {}, error_code::unknown_time_zone);
      }
    }
    if (const auto* maintenance = m->find("maintenance")) {
      calendar_reading_options options;
      options.first_year = first_year_;
      options.last_year = last_year_;
      if (auto reading = read_calendar(r_, *maintenance, options)) a.maintenance = reading->spec;
    } else {
      a.maintenance.timezone = a.timezone;  // no maintenance: nothing excluded
    }
    d_->availability.push_back(std::move(a));
  }
}

}  // namespace sla::detail

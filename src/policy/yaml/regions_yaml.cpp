// The `regions:` section: per region, the calendar each calendar name of the target rules
// stands for (a follow-the-sun desk: `business` is amer-hours in AMER, emea-hours in EMEA).
#include <fmt/format.h>

#include "policy/yaml/loader.hpp"

namespace sla::detail {

void policy_loader::regions(const yaml_map& doc) {
  std::vector<std::string> calendar_names;
  for (const auto& c : d_->calendars) calendar_names.push_back(c.name);
  if (const auto* e = doc.find("regions"))
    if (auto m = r_.named_map(*e, "regions by name"))
      for (const auto& region : m->entries()) {
        auto mapping = r_.named_map(region, "calendar names mapped to calendars");
        if (!mapping) continue;
        auto& out = d_->regions[region.key.Scalar()];
        for (const auto& entry : mapping->entries()) {
          auto calendar = r_.scalar(entry, "a calendar name");
          if (!calendar) continue;
          if (!d_->calendar_index(*calendar) && !broken_calendars_.count(*calendar)) {
            report_unknown(r_, entry, "calendar", *calendar, calendar_names, "declare it under calendars");
            continue;
          }
          out[entry.key.Scalar()] = *calendar;
        }
      }
  if (const auto* e = doc.find("default_region")) {
    d_->default_region = r_.scalar(*e, "a region").value_or("");
    std::vector<std::string> known;
    for (const auto& [name, _] : d_->regions) known.push_back(name);
    if (!d_->regions.count(d_->default_region)) report_unknown(r_, *e, "region", d_->default_region, known, "declare regions first");
  } else if (!d_->regions.empty()) {
    d_->default_region = d_->regions.begin()->first;  // documented: the first region by name
    if (const auto* e = doc.find("regions"))
      r_.warning(*e, fmt::format("no default_region: tickets without a region use `{}`", d_->default_region),
                 "add `default_region: NAME`");
  }
}

// A name a target rule may give as its calendar: a calendar, or a name that every region maps
// (tickets always have a region then: theirs or the default).
bool policy_loader::is_calendar_name(const std::string& name) const {
  if (d_->calendar_index(name) || broken_calendars_.count(name)) return true;
  if (d_->regions.empty()) return false;
  for (const auto& [region, mapping] : d_->regions)
    if (!mapping.count(name)) return false;
  return true;
}

}  // namespace sla::detail

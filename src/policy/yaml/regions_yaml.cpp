// The `regions:` section: per region, the calendar each calendar name of the target rules
// stands for (a follow-the-sun desk: `business` is amer-hours in AMER, emea-hours in EMEA), and
// the region's country, whose holidays a calendar that takes the ticket's country uses.
//   regions:
//     amer: {country: US, calendars: {business: amer-hours}}
#include <fmt/format.h>

#include "policy/yaml/loader.hpp"

namespace sla::detail {

void policy_loader::regions(const yaml_map& doc) {
  std::vector<std::string> calendar_names;
  for (const auto& c : d_->calendars) calendar_names.push_back(c.name);
  if (const auto* e = doc.find("regions"))
    if (auto m = r_.named_map(*e, "regions by name"))
      for (const auto& region : m->entries()) {
        auto fields = r_.map(region, {"calendars", "country"}, "a region");
        if (!fields) continue;
        auto& out = d_->regions[region.key.Scalar()];
        if (const auto* country = fields->find("country"))
          if (auto code = r_.scalar(*country, "a country code such as DE")) {
            // The country must have a holiday set when a calendar takes the ticket's country.
            if (!takes_ticket_country() || country_set(*code, *country)) d_->region_countries[region.key.Scalar()] = *code;
            region_country_entries_.emplace_back(*country, *code);
          }
        const auto* calendars = fields->find("calendars");
        if (!calendars) continue;
        auto mapping = r_.named_map(*calendars, "calendar names mapped to calendars");
        if (!mapping) continue;
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

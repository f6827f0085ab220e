// Holiday set files: {name, description, country, sources, known_good: {from, to}, holidays:
// [rules], special_days: [rules]}, read with the one YAML reader and the one holiday-rule reader
// that calendars use.
#include <sla/holiday.hpp>

#include <fmt/format.h>

#include "holiday/yaml/holiday_rule_yaml.hpp"
#include "yaml/reader.hpp"

namespace sla {

holiday_set parse_holiday_set(std::string_view text, const std::string& source) {
  std::vector<problem> problems;
  detail::yaml_reader::options o;
  o.code = error_code::invalid_calendar;
  detail::yaml_reader r(source, &problems, o);
  holiday_set set;
  if (auto root = r.parse(text, "a holiday set needs `holidays: [...]`")) {
    if (auto m = r.map(*root, {"name", "description", "country", "sources", "known_good", "holidays", "special_days"},
                       "a holiday set")) {
      if (const auto* e = m->find("name")) set.name = r.scalar(*e, "a name").value_or("");
      if (const auto* e = m->find("description")) set.description = r.scalar(*e, "text").value_or("");
      if (const auto* e = m->find("country")) set.country = r.scalar(*e, "a country code such as DE or GB-ENG").value_or("");
      if (const auto* e = m->find("sources"))
        if (auto items = r.list(*e, "a list of sources (pages or files the holidays were taken from)"))
          for (const auto& item : *items)
            if (auto s = r.scalar(item, "a source")) set.sources.push_back(*s);
      if (const auto* e = m->find("known_good"))
        if (auto years = r.map(*e, {"from", "to"}, "the years the holidays are known to be right for, {from: Y, to: Y}")) {
          if (const auto* y = years->find("from")) set.known_good_from = r.integer(*y, "a year", 1900, 2199);
          if (const auto* y = years->find("to")) set.known_good_to = r.integer(*y, "a year", 1900, 2199);
          if (set.known_good_from && set.known_good_to && *set.known_good_to < *set.known_good_from)
            r.error(*years->find("to"), "known_good ends before it starts");
        }
      for (const char* list : {"holidays", "special_days"})
        if (const auto* e = m->find(list))
          if (auto items = r.list(*e, "a list of holiday rules"))
            for (const auto& item : *items)
              if (auto rule = detail::read_holiday_rule(r, item, std::string_view(list) == "special_days"))
                set.rules.push_back(std::move(*rule));
    }
  }
  for (const auto& p : problems)
    if (p.severity == problem_severity::error) throw to_error(p);
  return set;
}

holiday_set load_holiday_set(const std::string& path) {
  std::string why;
  auto text = detail::read_file(path, &why);
  if (!text) throw error(error_code::io, why, {path, 0, 0});
  return parse_holiday_set(*text, path);
}

}  // namespace sla

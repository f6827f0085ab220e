// Holiday set files: {name, description, holidays: [rules], special_days: [rules]}.
#include <sla/holiday.hpp>

#include <fmt/format.h>

#include "holiday/yaml/holiday_rule_yaml.hpp"
#include "yaml/reader.hpp"

namespace sla {

holiday_set parse_holiday_set(std::string_view text, const std::string& source) {
  std::vector<problem> problems;
  detail::yaml_reader r(source, &problems);
  YAML::Node root = detail::parse_document(text, r);
  holiday_set set;
  if (root.IsDefined() && r.expect_map(root, "", {"name", "description", "holidays", "special_days"}, "a holiday set")) {
    if (root["name"].IsDefined()) set.name = r.scalar(root["name"], "name", "a name").value_or("");
    if (root["description"].IsDefined()) set.description = r.scalar(root["description"], "description", "text").value_or("");
    for (const char* list : {"holidays", "special_days"}) {
      const YAML::Node& rules = root[list];
      if (!rules.IsDefined() || !r.expect_sequence(rules, list, "holiday rules")) continue;
      std::size_t i = 0;
      for (const auto& item : rules) {
        auto rule = detail::read_holiday_rule(item, detail::index_path(list, i++), r, std::string_view(list) == "special_days");
        if (rule) set.rules.push_back(std::move(*rule));
      }
    }
  } else if (root.IsNull() && !r.has_errors()) {
    r.report(detail::make_problem(source, 1, 1, "the file is empty", "a holiday set needs `holidays: [...]`"));
  }
  for (const auto& p : problems)
    if (p.severity == problem_severity::error)
      throw error(error_code::invalid_calendar, p.hint.empty() ? p.message : fmt::format("{} ({})", p.message, p.hint),
                  p.where, p.path);
  return set;
}

holiday_set load_holiday_set(const std::string& path) {
  std::string why;
  auto text = detail::read_file(path, &why);
  if (!text) throw error(error_code::io, why, {path, 0, 0});
  return parse_holiday_set(*text, path);
}

}  // namespace sla

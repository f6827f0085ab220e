// Reading holiday rules from YAML, for calendars in policy files and for holiday set files.
#pragma once

#include <sla/holiday.hpp>

#include <optional>
#include <string_view>

#include "yaml/reader.hpp"

namespace sla::detail {

// One entry of a `holidays:` or `special_days:` list (forms: see sla/holiday.hpp and
// policies/README.md). In a special_days list the entry is a special day (`hours: []` closes
// the date). Problems are reported through `reader`; std::nullopt when the entry is unusable.
std::optional<holiday_rule> read_holiday_rule(const YAML::Node& node, std::string_view path, yaml_reader& reader,
                                              bool special_day_list);

}  // namespace sla::detail

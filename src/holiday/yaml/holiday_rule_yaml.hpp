// Reading holiday rules from YAML: one entry of a calendar's `holidays:` or `special_days:`
// list, or of a holiday set file (forms: sla/holiday.hpp and policies/README.md).
#pragma once

#include <sla/holiday.hpp>

#include <optional>

#include "yaml/reader.hpp"

namespace sla::detail {

// In a special_days list the entry is a special day (`hours: []` closes the date). Problems are
// reported through `reader`; std::nullopt when the entry is unusable.
std::optional<holiday_rule> read_holiday_rule(yaml_reader& reader, const yaml_entry& e, bool special_day_list);

// The windows of a special day or a weekday: ["08:00-12:00", …] ([] when closed). Overlapping
// windows count as their union and draw one warning.
std::optional<std::vector<daily_window>> read_windows(yaml_reader& reader, const yaml_entry& e);

}  // namespace sla::detail

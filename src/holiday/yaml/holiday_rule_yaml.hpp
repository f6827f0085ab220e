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

// An `observed:` value: a rule name, days by weekday ({sat: 2, sun: 1}), or a list of those by
// years ([{rule: sunday_to_monday, until_year: 2006}, …]).
std::optional<std::vector<observed_day>> read_observed(yaml_reader& reader, const yaml_entry& e);

// The names rules give in relative_to and replaces exist among the rules of the same set, and
// no chain of relative_to comes back to where it started. `entries[i]` is where rules[i] is
// written. False (reported) otherwise.
bool check_rule_references(yaml_reader& reader, const std::vector<holiday_rule>& rules, const std::vector<yaml_entry>& entries);

// The windows of a special day or a weekday: ["08:00-12:00", …] ([] when closed). Overlapping
// windows count as their union and draw one warning.
std::optional<std::vector<daily_window>> read_windows(yaml_reader& reader, const yaml_entry& e);

}  // namespace sla::detail

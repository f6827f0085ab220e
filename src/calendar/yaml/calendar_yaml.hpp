// The one calendar grammar: a calendar as policies and calendar specs write it, read by one
// function wherever it appears (a policy's `calendars:`, parse_calendar_spec, a JSON request).
//
//   timezone: Europe/Berlin              # IANA name, UTC or ±HH:MM; in a policy also
//                                        # {tenant: true, default: Australia/Sydney}
//   hours: {mon-fri: ["09:00-17:00"]}    # or `always`; a day or a range, each day once
//   holidays: [2026-12-25, {name: Good Friday, easter: -2}]   # dates and holiday rules
//   special_days: [{name: Christmas Eve, month: 12, day: 24, hours: ["09:00-12:00"]}]
//   holiday_sets: [holidays/de-national.yaml]  # files, relative to the policy's folder, and
//                                        # in a policy {country: GB-ENG} (a set of its holiday
//                                        # library) or {country: ticket, default: US} (the
//                                        # ticket's country, else its region's, else the default)
//   description: free text
#pragma once

#include <sla/calendar.hpp>
#include <sla/holiday.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "yaml/reader.hpp"

namespace sla::detail {

struct calendar_reading {
  calendar_spec spec;               // holiday rules expanded over the years
  std::vector<holiday_rule> rules;  // as written, holiday sets included
  // Per rule: where it is written (for a holiday set's rules, the set's entry) and the set's
  // file ("" for a rule of the calendar itself).
  std::vector<yaml_entry> rule_entries;
  std::vector<std::string> rule_sets;
  bool tenant_timezone = false;     // `timezone: {tenant: true, …}`
  // `{country: ticket, default: CODE}`: the holidays of the ticket's country join these (the
  // default's are not in `rules` or `spec`: the policy adds whichever country applies).
  bool holidays_by_country = false;
  std::string default_country;      // "" with `default: none`
  std::string description;
};

struct calendar_reading_options {
  bool tenant_zone_allowed = false;  // policies: a calendar whose zone the tenant may replace
  // The folder `holiday_sets` are read from; without one (a calendar spec in a request),
  // holiday_sets is an error.
  std::optional<std::string> base_dir;
  int first_year = default_first_holiday_year, last_year = default_last_holiday_year;
  // Policies: the holiday set of a country from the policy's holiday library; reports the
  // problem at `at` and returns nullptr when there is none. Unset: `{country: …}` is an error.
  std::function<const holiday_set*(const std::string& country, const yaml_entry& at)> country_set;
};

// A warning at `at` when the years holiday rules are expanded over, [first_year, last_year],
// are not all within the set's known-good years.
void warn_unless_known_good(yaml_reader& r, const yaml_entry& at, const holiday_set& set, const std::string& label,
                            int first_year, int last_year);

// Reads one calendar. Problems go to the reader (errors with invalid_calendar, an unknown zone
// with unknown_time_zone, an unreadable holiday set with io); a calendar with no business time
// at all is a warning. std::nullopt when the calendar has errors.
std::optional<calendar_reading> read_calendar(yaml_reader& r, const yaml_entry& e, const calendar_reading_options& o);

}  // namespace sla::detail

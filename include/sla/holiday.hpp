// sla/holiday.hpp — holiday rules and named holiday sets.
//
// A calendar's holidays are local dates closed all day; its special days replace a date's
// windows. Agreements state them as rules: a one-off date, a fixed month-day moved by an
// observed-day rule (Saturday → Friday, Sunday → Monday), the nth or last weekday of a month,
// a date relative to Easter Sunday (Gregorian computus), or a closure over a range of dates.
// A rule may be limited to the years [from_year, until_year]. expand() turns rules into the
// concrete dates a business_calendar is compiled from (docs/semantics.md, 1.3 and 1.5).
// Thread safety: all types here are plain values; all functions are pure.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <sla/calendar.hpp>
#include <sla/error.hpp>

namespace sla {

// How a fixed-date holiday that falls on a weekend is observed.
enum class observed_rule {
  none,                // the date itself, whatever its weekday
  saturday_to_friday,  // Saturday → the Friday before; Sunday stays
  sunday_to_monday,    // Sunday → the Monday after; Saturday stays
  nearest_weekday,     // Saturday → Friday, Sunday → Monday (US federal employees)
};

enum class holiday_rule_kind {
  date,         // one date: `date`
  fixed,        // every year on `month`/`day`, moved by `observed`
  nth_weekday,  // the `nth` (1–5, or -1 for the last) `weekday` of `month`
  easter,       // Easter Sunday + `easter_offset` days (−2 Good Friday, +1 Easter Monday, +39 Ascension)
  range,        // every date in [date, last_date] (a closure)
};

struct holiday_rule {
  holiday_rule_kind kind = holiday_rule_kind::date;
  std::string name;
  std::chrono::year_month_day date{};       // date, and first date of a range
  std::chrono::year_month_day last_date{};  // range: last date, inclusive
  unsigned month = 0;                       // fixed, nth_weekday: 1–12
  unsigned day = 0;                         // fixed: 1–31
  observed_rule observed = observed_rule::none;
  std::chrono::weekday weekday{};           // nth_weekday
  int nth = 0;                              // nth_weekday: 1–5, or -1 for the last (`nth: last` in YAML)
  int easter_offset = 0;                    // easter
  std::optional<int> from_year, until_year; // the years the rule applies to (the rule's own year,
                                            // before an observed-day move), inclusive
  // Empty: the date is closed. Otherwise the date is a special day with these windows
  // (a shortened Christmas Eve).
  std::vector<daily_window> windows;
  bool special = false;                     // true: a special day, even with no windows
  std::string reason;                       // why a one-off date exists (a coronation, a moved May Day)
  friend bool operator==(const holiday_rule&, const holiday_rule&) = default;
};

// Easter Sunday of a Gregorian year (anonymous Gregorian computus), e.g. 2026 → 2026-04-05.
std::chrono::year_month_day easter_sunday(int year);

// The concrete dates a rule gives for the rule years [first_year, last_year], sorted. A fixed
// date observed on another day may leave that range (New Year's Day 2022, a Saturday, is
// observed on Friday 2021-12-31). Example: {fixed, "Independence Day", 7/4, nearest_weekday}
// for 2026 (a Saturday) → 2026-07-03.
std::vector<std::chrono::year_month_day> expand(const holiday_rule& rule, int first_year, int last_year);

// Adds the dates of `rules` for [first_year, last_year] to a spec: closed dates to
// spec.holidays, dates with windows to spec.special_days (a later special day on the same date
// replaces an earlier one; a special day wins over a holiday, as in business_calendar).
void apply_holiday_rules(calendar_spec& spec, const std::vector<holiday_rule>& rules, int first_year, int last_year);

// The years rule-based holidays are expanded over when a policy does not say (see README,
// "Semantics"): dates outside them follow the weekly hours alone.
inline constexpr int default_first_holiday_year = 1990;
inline constexpr int default_last_holiday_year = 2099;

// A named, reusable list of holiday rules, kept in its own YAML file and included by calendars:
//
//   name: us-federal
//   description: …
//   holidays:
//     - {name: New Year's Day, month: 1, day: 1, observed: nearest_weekday}
//     - {name: Juneteenth, month: 6, day: 19, observed: nearest_weekday, from_year: 2021}
//     - {name: Thanksgiving Day, month: 11, weekday: thu, nth: 4}
//     - {name: Good Friday, easter: -2}
//     - {name: Closure, from: 2026-12-24, to: 2026-12-31}
//     - 2026-11-27
struct holiday_set {
  std::string name;
  std::string description;
  std::string country;  // ISO 3166-1 alpha-2, or ISO 3166-2 for a subdivision ("GB-ENG"); may be empty
  std::vector<std::string> sources;  // where the rules were taken from (official pages, an imported file)
  std::optional<int> known_good_from, known_good_to;  // the years the rules are known to be right for
  std::vector<holiday_rule> rules;
};

// Reads a holiday set file. Throws sla::error (io; invalid_calendar with file:line:column and path).
holiday_set load_holiday_set(const std::string& path);

// The same, from text (`source` names it in errors).
holiday_set parse_holiday_set(std::string_view text, const std::string& source);

}  // namespace sla

// sla/holiday.hpp — holiday rules and named holiday sets.
//
// A calendar's holidays are local dates closed all day; its special days replace a date's
// windows. Agreements and holiday laws state them as rules: a one-off date, a fixed month-day
// moved by an observed-day rule, the nth or last weekday of a month, a weekday on or before a
// date, a date relative to Easter Sunday (Gregorian computus) or to another rule, Japan's
// equinox and citizen's holidays, or a closure over a range of dates. A rule may be limited to
// the years [from_year, until_year]. expand_holidays() turns rules into the concrete dates a
// business_calendar is compiled from (docs/semantics.md, 1.3 and 1.5).
// Thread safety: all types here are plain values; all functions are pure.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <sla/calendar.hpp>
#include <sla/error.hpp>

namespace sla {

// How a holiday whose date falls on a weekend (or, with by_weekday, on any given weekday) is
// observed. The observed date replaces the date itself: a holiday is closed on one date only.
enum class observed_rule {
  none,                        // the date itself, whatever its weekday (Germany, France)
  saturday_to_friday,          // Saturday → the Friday before; Sunday stays
  sunday_to_monday,            // Sunday → the Monday after; Saturday stays (Sunday-only substitution)
  nearest_weekday,             // Saturday → Friday, Sunday → Monday (US federal employees)
  next_weekday,                // Saturday or Sunday → the Monday after
  next_weekday_not_holiday,    // Saturday or Sunday → the next weekday that is not already a holiday
                               // (UK substitute bank holidays: Christmas on Saturday → Monday 27,
                               // Boxing Day on Sunday → Tuesday 28)
  sunday_to_next_not_holiday,  // Sunday → the next day that is not already a holiday (Japan's
                               // substitute holiday, from 2007)
  by_weekday,                  // moved by `shift[weekday]` days (0 = Sunday … 6 = Saturday)
};

// One observed-day rule and the years (the holiday's own year) it applies to.
struct observed_day {
  observed_rule rule = observed_rule::none;
  std::array<int, 7> shift{};                // by_weekday: days to move a date on each weekday (−6…6)
  std::optional<int> from_year, until_year;  // inclusive; none: every year
  friend bool operator==(const observed_day&, const observed_day&) = default;
};

// A weekday relative to a month-day: Canada's Victoria Day is the Monday on_or_before 24 May.
enum class weekday_relation { on_or_before, on_or_after, before, after };

enum class holiday_rule_kind {
  date,              // one date: `date` (a one-off: a coronation, a moved May Day)
  fixed,             // every year on `month`/`day`
  nth_weekday,       // the `nth` (1–5, or -1 for the last) `weekday` of `month`
  weekday_relative,  // the `weekday` `relation` `month`/`day` (on or before 24 May)
  easter,            // Easter Sunday + `offset_days` (−2 Good Friday, +1 Easter Monday, +39 Ascension)
  equinox,           // the March (`month` 3) or September (`month` 9) equinox day as Japan counts it
  relative,          // `offset_days` after the own date of the set's rule named `relative_to`
  between_holidays,  // a day that is not a Sunday nor a holiday, between two holidays' own dates
                     // (Japan's citizen's holiday)
  range,             // every date in [date, last_date] (a closure)
};

struct holiday_rule {
  holiday_rule_kind kind = holiday_rule_kind::date;
  std::string name;
  std::chrono::year_month_day date{};       // date, and first date of a range
  std::chrono::year_month_day last_date{};  // range: last date, inclusive
  unsigned month = 0;                       // fixed, nth_weekday, weekday_relative: 1–12; equinox: 3 or 9
  unsigned day = 0;                         // fixed, weekday_relative: 1–31
  std::chrono::weekday weekday{};           // nth_weekday, weekday_relative
  int nth = 0;                              // nth_weekday: 1–5, or -1 for the last (`nth: last` in YAML)
  weekday_relation relation = weekday_relation::on_or_after;  // weekday_relative
  int offset_days = 0;                      // easter, relative
  std::string relative_to;                  // relative: the name of a rule of the same set
  std::vector<observed_day> observed;       // the first entry whose years hold the rule's year applies
  std::optional<int> from_year, until_year; // the years the rule applies to (the rule's own year,
                                            // before an observed-day move), inclusive
  // A one-off date may replace a rule's date in its year (the 2020 May Day moved to 8 May):
  // the rules of the same set with this name give no date in the one-off's year.
  std::string replaces;
  std::string set;  // the holiday set the rule came from (empty: the calendar's own list);
                    // relative_to and replaces name rules of the same set
  // Empty: the date is closed. Otherwise the date is a special day with these windows
  // (a shortened Christmas Eve).
  std::vector<daily_window> windows;
  bool special = false;                     // true: a special day, even with no windows
  std::string reason;                       // why a one-off date exists (a coronation, a jubilee)
  friend bool operator==(const holiday_rule&, const holiday_rule&) = default;
};

// One date a rule gives: the observed `date`, the rule's own date (`actual`, different when an
// observed-day rule moved it) and the rule it came from.
struct holiday_occurrence {
  std::chrono::year_month_day date, actual;
  const holiday_rule* rule = nullptr;  // points into the rules given to expand_holidays
  friend bool operator==(const holiday_occurrence&, const holiday_occurrence&) = default;
};

// Easter Sunday of a Gregorian year (anonymous Gregorian computus), e.g. 2026 → 2026-04-05.
std::chrono::year_month_day easter_sunday(int year);

// Japan's equinox days by the formula the Cabinet Office's announcements follow (valid
// 1900–2099; no date outside): 2026 → 20 March and 23 September.
std::optional<std::chrono::year_month_day> equinox_day(int year, unsigned month);

// Every date the rules give for the rule years [first_year, last_year], sorted by date. Rules
// work together: a `relative` rule or a `replaces` names another rule of its set; a
// `next_weekday_not_holiday` substitute skips the dates the other rules occupy (their own dates
// and earlier substitutes, taken in order of the holidays' own dates); a `between_holidays` day
// needs holidays on both sides. An observed date may leave the range: New Year's Day 2022, a
// Saturday, is observed on Friday 2021-12-31 under nearest_weekday.
std::vector<holiday_occurrence> expand_holidays(const std::vector<holiday_rule>& rules, int first_year, int last_year);

// The dates one rule gives on its own (a rule that needs others, relative or between_holidays,
// gives none), sorted. Example: {fixed, "Independence Day", 7/4, nearest_weekday} for 2026 (a
// Saturday) → 2026-07-03.
std::vector<std::chrono::year_month_day> expand(const holiday_rule& rule, int first_year, int last_year);

// Adds the dates of `rules` for [first_year, last_year] to a spec: closed dates to
// spec.holidays, dates with windows to spec.special_days (a later special day on the same date
// replaces an earlier one; a special day wins over a holiday, as in business_calendar).
void apply_holiday_rules(calendar_spec& spec, const std::vector<holiday_rule>& rules, int first_year, int last_year);

// The years rule-based holidays are expanded over when a policy does not say (see README,
// "Semantics"): dates outside them follow the weekly hours alone.
inline constexpr int default_first_holiday_year = 1990;
inline constexpr int default_last_holiday_year = 2099;

// A named, reusable list of holiday rules, kept in its own YAML file and included by calendars
// (format: policies/README.md, "Holiday sets"):
//
//   name: gb-eng
//   country: GB-ENG
//   sources: [https://www.gov.uk/bank-holidays]
//   known_good: {from: 1995, to: 2060}
//   observed: next_weekday_not_holiday        # the default of every rule below
//   include: [other-set.yaml]                  # its rules come first
//   holidays:
//     - {name: Christmas Day, month: 12, day: 25}
//     - {name: Early May bank holiday, month: 5, weekday: mon, nth: 1}
//     - {name: Early May bank holiday (VE Day), date: 2020-05-08, replaces: Early May bank holiday,
//        reason: moved to mark the 75th anniversary of VE Day}
//     - {name: Victoria Day, month: 5, day: 24, on_or_before: mon}
//     - {name: Easter Tuesday, relative_to: Easter Monday, days: 1}
//     - {name: Vernal Equinox Day, equinox: march}
//     - {name: Citizen's Holiday, between_holidays: true, from_year: 1988}
// ISO 3166-1 alpha-2 in capitals ("DE"), or ISO 3166-2 ("GB-ENG", "AU-NSW"): the shape, not
// a list of the countries that exist.
bool is_country_code(std::string_view code);

struct holiday_set {
  std::string name;
  std::string description;
  std::string country;  // ISO 3166-1 alpha-2, or ISO 3166-2 for a subdivision ("GB-ENG"); may be empty
  std::vector<std::string> sources;  // where the rules were taken from (official pages, an imported file)
  std::optional<int> known_good_from, known_good_to;  // the years the rules are known to be right for
  std::vector<holiday_rule> rules;
};

// Reads a holiday set file (and the files it includes, relative to its folder). Throws
// sla::error (io; invalid_calendar with file:line:column and path).
holiday_set load_holiday_set(const std::string& path);

// The same, from text (`source` names it in errors; includes are read relative to its folder).
holiday_set parse_holiday_set(std::string_view text, const std::string& source);

// The set's holidays with their names, observed and own dates, for the rule years
// [first_year, last_year].
std::vector<holiday_occurrence> holidays_of(const holiday_set& set, int first_year, int last_year);

}  // namespace sla

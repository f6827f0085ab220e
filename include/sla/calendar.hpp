// sla/calendar.hpp — business calendars and exact business-time arithmetic.
//
// A business calendar is a time zone, a set of weekly wall-clock windows per weekday, the
// holidays that close whole local dates, and special days that replace a date's windows.
// Business time is the set of instants whose local wall-clock reading lies inside a window
// that belongs to an open business date; a window belongs to the date on which it starts, so
// an overnight window Fri 22:00–Sat 06:00 belongs to Friday. Daylight saving needs no extra
// rule: a window spanning a skipped hour is an hour shorter, one spanning a repeated hour an
// hour longer, and wall-clock times that do not exist are never business time.
// The full contract, with the choices made where a question could be read two ways, is
// docs/semantics.md, part 1.
//
// Cost: every operation is a few lookups in tables fixed at compile time — within the years a
// calendar's holidays and special days cover (1990–2099 without any), direct indexes into a week
// table; elsewhere binary searches. None walks days or windows in proportion to the duration or
// the interval.
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sla/error.hpp>
#include <sla/time.hpp>

namespace sla {

// A half-open wall-clock window [start, end) in seconds after local midnight. `start` is in
// [0, 24h); `end` is in (0, 24h]. An end before the start crosses midnight and ends on the next
// local day (22:00–06:00). An end equal to the start is invalid (a whole day is 00:00–24:00).
struct daily_window {
  std::chrono::seconds start{0};
  std::chrono::seconds end{0};
  friend bool operator==(const daily_window&, const daily_window&) = default;
};

// A local date closed all day.
struct holiday {
  std::chrono::year_month_day date;
  std::string name;  // may be empty
  friend bool operator==(const holiday&, const holiday&) = default;
};

// A local date whose windows are replaced by `windows` (a shortened Christmas Eve, an extra
// open Saturday). No windows means closed, like a holiday.
struct special_day {
  std::chrono::year_month_day date;
  std::vector<daily_window> windows;
  std::string name;
  friend bool operator==(const special_day&, const special_day&) = default;
};

// What a calendar is made of, before compilation. Plain data: fill it in code, or read it from
// YAML/JSON with parse_calendar_spec.
struct calendar_spec {
  std::string timezone = "UTC";                     // IANA name, UTC, or ±HH:MM
  std::array<std::vector<daily_window>, 7> hours;   // [0] = Monday … [6] = Sunday
  std::vector<holiday> holidays;
  std::vector<special_day> special_days;

  // Mon–Sun 00:00–24:00 in `zone`.
  static calendar_spec always(std::string zone = "UTC");
  friend bool operator==(const calendar_spec&, const calendar_spec&) = default;
};

// Parses "HH:MM-HH:MM" or "HH:MM:SS-HH:MM:SS" ("22:00-06:00", "00:00-24:00").
// Throws sla::error(invalid_calendar) with the reason.
daily_window parse_daily_window(std::string_view text);

// Reads a calendar spec from YAML (JSON is YAML):
//
//   timezone: America/New_York          # IANA name, UTC, or +05:30
//   hours:                              # mon..sun, or a range such as mon-fri; a day once
//     mon-thu: ["08:00-18:00"]
//     fri: ["08:00-12:00", "13:00-17:00", "22:00-06:00"]
//     sat: []                           # closed; an absent day is closed too
//   holidays: [2026-11-26, 2026-12-25]  # local dates closed all day
//
// `hours: always` means 24/7. Every mistake throws sla::error(invalid_calendar) with the line
// and column inside `text` (offset by `where.line`/`where.column` when the text is embedded in
// a larger document), and the key path prefixed by `path_prefix` ("calendar.hours.fri").
// The zone name is checked for form here; whether the tz database has it is checked when the
// calendar is compiled.
calendar_spec parse_calendar_spec(std::string_view text, const source_position& where = {},
                                  std::string_view path_prefix = {});

namespace detail {
struct calendar_data;
}

// A compiled business calendar: an immutable value that shares its compiled tables, cheap to
// copy and to pass by value. Instants given to it must lie in [min_instant, max_instant]
// (sla::error(out_of_range) otherwise, as for any input); results that would fall outside that
// range, or that do not exist, are std::nullopt ("never").
// Thread safety: every member function is const and safe from any number of threads at once.
class business_calendar {
 public:
  // Compiles a spec. Throws sla::error: unknown_time_zone, invalid_calendar (a bad window).
  explicit business_calendar(const calendar_spec& spec);

  // 24/7 in UTC, in a few lines: business_calendar::always().
  static business_calendar always(std::string zone = "UTC");

  const calendar_spec& spec() const noexcept;
  const time_zone& zone() const noexcept;

  // Whether t is business time (the second [t, t+1s) counts).
  // Example: Mon–Fri 09:00–17:00 Europe/Berlin; is_open(2026-11-23T08:00:00Z) (09:00 CET) is true,
  // is_open(2026-11-23T16:00:00Z) (17:00 CET, the close) is false.
  bool is_open(instant t) const;

  // The length of business time inside [a, b); 0 when b <= a.
  // Example: Mon–Fri 08:00–18:00 America/New_York, a = Fri 2026-03-06T21:00:00Z (16:00 EST),
  // b = Mon 2026-03-09T14:00:00Z (10:00 EDT, after the spring-forward Sunday): 2h + 2h = 4h.
  std::chrono::seconds elapsed(instant a, instant b) const;

  // The earliest u >= t with elapsed(t, u) == d. add(t, 0) == t. A deadline that uses up the
  // last second of a window is that window's close, not the next opening. A negative d is
  // subtract(t, -d). std::nullopt when there is not enough business time before max_instant,
  // or none at all within 20 years after t.
  // Example: the New York calendar above, add(Fri 2026-03-06T21:30:00Z (16:30 EST), 4h)
  // == 2026-03-09T14:30:00Z (Mon 10:30 EDT).
  std::optional<instant> add(instant t, std::chrono::seconds d) const;

  // The latest u <= t with elapsed(u, t) == d (d > 0; 0 gives t; negative is add). A result that
  // starts a window is that window's opening. std::nullopt when there is not enough business
  // time after min_instant.
  std::optional<instant> subtract(instant t, std::chrono::seconds d) const;

  // The earliest business instant at or after t; std::nullopt when none within 20 years.
  // Example: New York calendar, next_open(Sat 2026-03-07T12:00:00Z) == 2026-03-09T12:00:00Z
  // (Mon 08:00 EDT, one hour earlier in UTC than the week before).
  std::optional<instant> next_open(instant t) const;

  // The earliest instant at or after t that is not business time: t itself when closed, else
  // the end of the business stretch holding t (touching windows of two dates are one stretch).
  // std::nullopt when business time runs past max_instant.
  // Example: New York calendar, next_close(Mon 2026-03-09T14:00:00Z) == 2026-03-09T22:00:00Z.
  std::optional<instant> next_close(instant t) const;

  // Business days, as docs/semantics.md defines them: start on the business date whose window holds
  // t (outside business time: the date of the next opening, at that opening), then land at the
  // same wall-clock time (counted from that date's midnight, so 03:00 inside Friday's
  // 22:00–06:00 window is "27:00") on the n-th following business date, clamped to that date's
  // last close. A landing time that does not exist (skipped hour) is the transition; a repeated
  // one is its first occurrence. n == 0 stays on the start date. n < 0 gives std::nullopt.
  // A business date is an open date with at least one window.
  // Example: New York calendar, Fri 2026-03-06T20:00:00Z (15:00 EST) + 1 business day
  // == Mon 2026-03-09T19:00:00Z (15:00 EDT).
  std::optional<instant> add_business_days(instant t, int n) const;

  // "Next business day" as a target: the last close of the first business date after the
  // local date of t. Example: New York calendar, Fri 2026-03-06T15:00:00Z (10:00 EST)
  // → Mon 2026-03-09T22:00:00Z (18:00 EDT).
  std::optional<instant> next_business_day_close(instant t) const;

  // Bytes held by the compiled tables (shared between copies).
  std::size_t memory_bytes() const noexcept;

 private:
  explicit business_calendar(std::shared_ptr<const detail::calendar_data> data) : data_(std::move(data)) {}
  std::shared_ptr<const detail::calendar_data> data_;
};

}  // namespace sla

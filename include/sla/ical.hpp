// sla/ical.hpp — holiday calendars imported from iCalendar (RFC 5545) files.
//
// Public-holiday calendars are published as .ics files (Google Calendar, Outlook, Apple
// Calendar, government sites). An import reads one with libical and turns the whole days its
// events close into a holiday_set of one-off dates for a range of years, which can then be kept
// as a holiday set YAML file (`sla-holidays import`) and included by calendars like any other.
// What counts as a closed date (docs/semantics.md, 1.5; README, "Importing an iCalendar holiday
// calendar"):
//   - all-day events (DTSTART;VALUE=DATE), over [DTSTART, DTEND) or DURATION, one day without;
//   - date-time events that cover whole LOCAL days in their own zone (Outlook writes all-day
//     events as TZID midnight to midnight): the holiday is the local date, never the UTC one;
//     a UTC time is first converted to the calendar's zone (X-WR-TIMEZONE, or its one VTIMEZONE);
//   - RRULE, RDATE, EXDATE and RECURRENCE-ID overrides, expanded over the years asked for;
//     STATUS:CANCELLED events and instances are not holidays.
// Timed events that do not cover whole days are left out, each with a warning.
// Thread safety: the functions may be called from several threads at once; each call has its
// own libical objects, and sla looks up libical's shared built-in zones one at a time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <sla/error.hpp>
#include <sla/holiday.hpp>

namespace sla {

// The closed dates of an iCalendar text whose year is in [first_year, last_year], as a holiday
// set: one {kind = date, name = SUMMARY, date} rule per date and name, sorted by date then name
// (two events on one date with different names stay two rules; the same name twice is one).
// name is X-WR-CALNAME, else the stem of `source` ("de-holidays" for "x/de-holidays.ics");
// description is X-WR-CALDESC; sources = {source}; known_good_from/to = first_year/last_year.
// Warnings (a timed event left out, no date in the years asked for) are appended to *warnings
// when given and the import succeeds.
// Throws sla::error: invalid_argument for a year range that is reversed or leaves 1900–2199;
// invalid_calendar with `source`:line:column for input that is not a usable iCalendar (no
// BEGIN:VCALENDAR, an unterminated component, no events, a VEVENT without DTSTART, a value
// libical cannot read, an RRULE that cannot be expanded, DTEND before DTSTART, a TZID that
// names no VTIMEZONE and no zone libical knows) — the first problem in the file.
// Example: an Outlook event DTSTART;TZID=W. Europe Standard Time:20261224T000000 /
// DTEND;TZID=W. Europe Standard Time:20261225T000000 gives 2026-12-24, although it starts at
// 2026-12-23T23:00:00Z; an event FREQ=YEARLY;BYMONTH=11;BYDAY=4TH from 2020-11-26 gives
// 2026-11-26 and 2027-11-25 for 2026–2027.
holiday_set parse_ical_holidays(std::string_view text, const std::string& source, int first_year, int last_year,
                                std::vector<problem>* warnings = nullptr);

// The same, read from a file (`path` names it in errors). An unreadable file (missing, a
// directory, no permission) throws sla::error(io) with the path and the reason.
holiday_set load_ical_holidays(const std::string& path, int first_year, int last_year,
                               std::vector<problem>* warnings = nullptr);

}  // namespace sla

// The iCalendar import (sla/ical.hpp). libical reads the file — syntax, line folding, escapes,
// values, VTIMEZONE rules, RRULE expansion; this file decides which local dates its events
// close. ical_lines.hpp finds the lines that messages point to.
#include <sla/ical.hpp>

#include <fmt/format.h>
#include <libical/ical.h>

#include <strings.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "holiday/ical/ical_lines.hpp"
#include "text/quote.hpp"
#include "yaml/reader.hpp"

namespace sla {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// A repeating event expands to at most this many instances per RRULE up to the last year asked
// for: one a day for the 300 years of 1900–2199 fits; FREQ=SECONDLY does not.
constexpr int max_rule_steps = 200'000;
// An event that lasts longer than this is a mistake, not a closure (as in a holiday set file).
constexpr int max_event_days = 366;

// ---- libical objects, each freed by its owner -------------------------------------------------

struct component_free {
  void operator()(icalcomponent* c) const noexcept { icalcomponent_free(c); }
};
struct recur_iterator_free {
  void operator()(icalrecur_iterator* i) const noexcept { icalrecur_iterator_free(i); }
};
struct buffer_free {
  void operator()(char* s) const noexcept { icalmemory_free_buffer(s); }
};
using component_ptr = std::unique_ptr<icalcomponent, component_free>;
using recur_iterator_ptr = std::unique_ptr<icalrecur_iterator, recur_iterator_free>;

// Lists, not libical's own iteration: that keeps one cursor per component, which a nested loop
// over the same component would move.
std::vector<icalproperty*> properties(icalcomponent* c, icalproperty_kind kind) {
  std::vector<icalproperty*> out;
  for (icalproperty* p = icalcomponent_get_first_property(c, kind); p; p = icalcomponent_get_next_property(c, kind))
    out.push_back(p);
  return out;
}

std::vector<icalcomponent*> components(icalcomponent* c, icalcomponent_kind kind) {
  std::vector<icalcomponent*> out;
  for (icalcomponent* k = icalcomponent_get_first_component(c, kind); k; k = icalcomponent_get_next_component(c, kind))
    out.push_back(k);
  return out;
}

icalproperty* first_property(icalcomponent* c, icalproperty_kind kind) {
  return icalcomponent_get_first_property(c, kind);
}

icalproperty* x_property(icalcomponent* c, const char* name) {
  for (icalproperty* p : properties(c, ICAL_X_PROPERTY))
    if (const char* n = icalproperty_get_x_name(p); n && strcasecmp(n, name) == 0) return p;
  return nullptr;
}

// A value as the file writes it: "20261225", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH".
std::string value_text(icalproperty* p) {
  std::unique_ptr<char, buffer_free> s(icalproperty_get_value_as_string_r(p));
  return s ? std::string(s.get()) : std::string();
}

// A text value unescaped ("Feiertage\, Berlin" → "Feiertage, Berlin"), X- properties included.
std::string text_of(icalproperty* p) {
  const icalvalue* v = icalproperty_get_value(p);
  const char* s = nullptr;
  if (v && icalvalue_isa(v) == ICAL_TEXT_VALUE) s = icalvalue_get_text(v);
  if (v && icalvalue_isa(v) == ICAL_X_VALUE) s = icalvalue_get_x(v);
  return s ? std::string(s) : value_text(p);
}

std::string property_name(icalproperty* p) {
  const char* n = icalproperty_get_property_name(p);
  return n ? n : "";
}

// What an X-LIC-ERROR text is about, to find its line: the property it names ("… in DTEND
// property …", "No value for DTEND property") and the text it could not read (after the last
// ": "). Either may be empty.
std::pair<std::string, std::string> subject_of(const std::string& message) {
  std::vector<std::string> words;
  for (std::size_t at = 0; at < message.size();) {
    std::size_t space = std::min(message.find(' ', at), message.size());
    words.push_back(message.substr(at, space - at));
    at = space + 1;
  }
  auto is_name = [](const std::string& w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '-'; });
  };
  std::string property, unread;
  for (std::size_t k = 0; k + 1 < words.size() && property.empty(); ++k)
    if (words[k + 1].starts_with("property") && is_name(words[k])) property = words[k];
  if (auto colon = message.rfind(": "); colon != std::string::npos) unread = message.substr(colon + 2);
  while (!unread.empty() && unread.back() == ' ') unread.pop_back();
  return {property, unread};
}

// ---- Times --------------------------------------------------------------------------------------

bool valid_time(const icaltimetype& t) {
  if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12) return false;
  if (t.day < 1 || t.day > icaltime_days_in_month(t.month, t.year)) return false;
  return t.is_date || (t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 && t.second >= 0 && t.second <= 60);
}

sys_days date_of(const icaltimetype& t) {
  return sys_days{std::chrono::year{t.year} / std::chrono::month{unsigned(t.month)} /
                  std::chrono::day{unsigned(t.day)}};
}

bool at_midnight(const icaltimetype& t) { return t.is_date || (t.hour == 0 && t.minute == 0 && t.second == 0); }

// The local days [start, end) covers when it runs from a midnight to a later one.
std::optional<int> whole_days(const icaltimetype& start, const icaltimetype& end) {
  if (!at_midnight(start) || !at_midnight(end) || date_of(end) <= date_of(start)) return std::nullopt;
  return int((date_of(end) - date_of(start)).count());
}

std::string zone_name(const icaltimezone* zone) {
  auto* z = const_cast<icaltimezone*>(zone);  // libical's getters take non-const zones
  if (z == icaltimezone_get_utc_timezone()) return "UTC";
  if (const char* location = icaltimezone_get_location(z)) return location;
  const char* tzid = icaltimezone_get_tzid(z);
  return tzid ? tzid : "";
}

// "2026-12-24" for a date, "2026-12-24 09:00:00 Europe/Berlin" (no zone when floating).
std::string time_text(const icaltimetype& t) {
  std::string out = fmt::format("{:04d}-{:02d}-{:02d}", t.year, t.month, t.day);
  if (t.is_date) return out;
  out += fmt::format(" {:02d}:{:02d}:{:02d}", t.hour, t.minute, t.second);
  return t.zone ? out + " " + zone_name(t.zone) : out;
}

// "2026-03-04 09:00:00 to 12:00:00 Europe/Berlin", "2026-12-24 to 2026-12-26".
std::string span_text(const icaltimetype& start, const icaltimetype& end) {
  if (start.is_date || end.is_date || start.zone != end.zone) return time_text(start) + " to " + time_text(end);
  std::string a = time_text(start), b = time_text(end);
  std::string zone = start.zone ? " " + zone_name(start.zone) : "";
  a.resize(a.size() - zone.size());
  if (start.year == end.year && start.month == end.month && start.day == end.day) b = b.substr(11);
  return a + " to " + b;
}

// Names libical may look up among its built-in zones (files under the system's zoneinfo): an
// IANA name, or libical's own "/freeassociation.sourceforge.net/…" TZIDs; never a path out.
bool plausible_zone_name(std::string_view name) {
  if (name.empty() || name.find("..") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
           c == '-' || c == '+' || c == '.';
  });
}

// One of libical's built-in zones, by IANA name or by libical's own TZID. libical 3.0 keeps them
// in one shared list that a lookup may grow without a lock (a zone missing from zone.tab is
// appended), so sla looks them up one at a time.
icaltimezone* builtin_zone(const std::string& name) {
  if (!plausible_zone_name(name)) return nullptr;
  static std::mutex lookup;
  std::lock_guard<std::mutex> lock(lookup);
  icaltimezone* zone = icaltimezone_get_builtin_timezone_from_tzid(name.c_str());
  return zone ? zone : icaltimezone_get_builtin_timezone(name.c_str());
}

// ---- The import ---------------------------------------------------------------------------------

// One VEVENT's times: `start` and `end` (exclusive) are wall-clock times of `zone`, or dates.
struct event_span {
  icaltimetype start{};
  icaltimetype end{};
  const icaltimezone* zone = nullptr;  // nullptr: an all-day event, or floating times
  std::optional<int> days;             // the whole local days it closes from start's date; none: timed
};

// An instance of an event: the dates [first, first + days).
struct occurrence {
  sys_days first;
  int days;
};

struct closed_date {
  sys_days date;
  std::string name;
  friend auto operator<=>(const closed_date&, const closed_date&) = default;
};

class calendar_import {
 public:
  calendar_import(const std::string& source, const detail::ical_lines& lines, int first_year, int last_year)
      : source_(source), lines_(lines), first_year_(first_year), last_year_(last_year) {}

  holiday_set run(icalcomponent* calendar, std::vector<problem>* warnings);

 private:
  void index_blocks(icalcomponent* c, std::size_t& next, bool& in_step);
  void report_libical_errors(icalcomponent* c);
  void read_calendar_zone();
  void import_series(icalcomponent* master, const std::vector<icalcomponent*>& overrides);
  void import_dates(icalcomponent* event, const event_span& span, const std::string& name,
                    const std::vector<sys_days>& replaced);
  std::optional<event_span> read_span(icalcomponent* event);
  std::vector<occurrence> occurrences(icalcomponent* event, const event_span& span);
  void expand_rule(icalcomponent* event, icalproperty* rrule, const event_span& span, std::vector<occurrence>& out,
                   bool& timed_instances);
  std::optional<icaltimetype> time_value(icalcomponent* event, icalproperty* p);
  std::optional<icaltimetype> zoned(icalcomponent* event, icalproperty* p, icaltimetype t);
  icaltimetype local(const icaltimetype& t, const icaltimezone* zone) const;

  std::string label(icalcomponent* c) const;
  source_position where(icalcomponent* c, icalproperty* p) const;
  void error(icalcomponent* c, icalproperty* p, std::string message);
  void throw_first_error();
  void warning(icalcomponent* c, icalproperty* p, std::string message, std::string hint = {});

  const std::string& source_;
  const detail::ical_lines& lines_;
  int first_year_, last_year_;
  icalcomponent* calendar_ = nullptr;
  const icaltimezone* calendar_zone_ = nullptr;  // X-WR-TIMEZONE, or the one VTIMEZONE
  std::map<const icalcomponent*, std::size_t> block_of_;
  std::vector<problem> problems_;
  std::vector<closed_date> dates_;
};

// ---- Positions and problems

// Pairs libical's components with the BEGIN lines of the text, both in document order. When the
// two ever disagree (they should not, once ical_lines has passed the structure), lines are
// left unknown rather than wrong.
void calendar_import::index_blocks(icalcomponent* c, std::size_t& next, bool& in_step) {
  if (in_step && next < lines_.blocks().size()) {
    const char* kind = icalcomponent_kind_to_string(icalcomponent_isa(c));
    const std::string& written = lines_.blocks()[next].kind;
    bool known = icalcomponent_isa(c) != ICAL_X_COMPONENT && icalcomponent_isa(c) != ICAL_NO_COMPONENT;
    if (known && (!kind || strcasecmp(kind, written.c_str()) != 0))
      in_step = false;
    else
      block_of_[c] = next;
  }
  ++next;
  for (icalcomponent* child : components(c, ICAL_ANY_COMPONENT)) index_blocks(child, next, in_step);
}

std::string calendar_import::label(icalcomponent* c) const {
  if (icalcomponent_isa(c) != ICAL_VEVENT_COMPONENT) return icalcomponent_kind_to_string(icalcomponent_isa(c));
  if (const char* summary = icalcomponent_get_summary(c); summary && *summary)
    return "event " + detail::quote_value(summary);
  if (const char* uid = icalcomponent_get_uid(c); uid && *uid) return "event UID " + detail::quote_value(uid);
  return "event without SUMMARY";
}

source_position calendar_import::where(icalcomponent* c, icalproperty* p) const {
  auto it = block_of_.find(c);
  if (it == block_of_.end()) return {source_, 0, 0};
  int line = p ? lines_.line_of(it->second, property_name(p), value_text(p)) : lines_.blocks()[it->second].begin_line;
  return {source_, line, line > 0 ? 1 : 0};
}

void calendar_import::error(icalcomponent* c, icalproperty* p, std::string message) {
  problems_.push_back(
      {problem_severity::error, where(c, p), label(c), std::move(message), {}, error_code::invalid_calendar});
}

void calendar_import::warning(icalcomponent* c, icalproperty* p, std::string message, std::string hint) {
  problems_.push_back({problem_severity::warning, where(c, p), label(c), std::move(message), std::move(hint),
                       error_code::invalid_calendar});
}

// libical does not stop at what it cannot read: it leaves an X-LIC-ERROR property in its place
// ("Can't parse as DATE value in DTEND property. Removing entire property: 2026122"). Each one
// is an error here, at the line it is about.
void calendar_import::report_libical_errors(icalcomponent* c) {
  for (icalproperty* p : properties(c, ICAL_XLICERROR_PROPERTY)) {
    const char* raw = icalproperty_get_xlicerror(p);
    std::string text = raw ? raw : "libical could not read a line";
    if (auto at = text.find(". Removing entire property"); at != std::string::npos) text.erase(at, 26);
    auto [about, unread] = subject_of(text);
    source_position at{source_, 0, 0};
    if (auto it = block_of_.find(c); it != block_of_.end()) {
      int line = lines_.line_of(it->second, about, unread);
      at = {source_, line, line > 0 ? 1 : 0};
    }
    problems_.push_back({problem_severity::error, at, label(c), text, {}, error_code::invalid_calendar});
  }
  for (icalcomponent* child : components(c, ICAL_ANY_COMPONENT)) report_libical_errors(child);
}

// ---- Zones and times

// The zone that UTC times of the file are shown in: X-WR-TIMEZONE (a VTIMEZONE of the file with
// that TZID, else one of libical's built-in zones), or the file's only VTIMEZONE.
void calendar_import::read_calendar_zone() {
  if (icalproperty* p = x_property(calendar_, "X-WR-TIMEZONE")) {
    std::string name = text_of(p);
    icaltimezone* zone = icalcomponent_get_timezone(calendar_, name.c_str());
    if (!zone) zone = builtin_zone(name);
    if (!zone)
      error(calendar_, p,
            fmt::format("X-WR-TIMEZONE names an unknown time zone {}: no VTIMEZONE in the file has this TZID, "
                        "and libical does not know it",
                        detail::quote_value(name)));
    calendar_zone_ = zone;
    return;
  }
  auto zones = components(calendar_, ICAL_VTIMEZONE_COMPONENT);
  if (zones.size() == 1)
    if (icalproperty* tzid = first_property(zones.front(), ICAL_TZID_PROPERTY); tzid && icalproperty_get_tzid(tzid))
      calendar_zone_ = icalcomponent_get_timezone(calendar_, icalproperty_get_tzid(tzid));
}

// The wall-clock time of `t` in `zone` — for a UTC time when there is none (an all-day or a
// floating event), in the calendar's zone. Dates, and floating times, stay as written.
icaltimetype calendar_import::local(const icaltimetype& t, const icaltimezone* zone) const {
  if (!zone && icaltime_is_utc(t)) zone = calendar_zone_;
  if (t.is_date || !t.zone || !zone) return t;
  return icaltime_convert_to_zone(t, const_cast<icaltimezone*>(zone));
}

// A DATE or DATE-TIME value with its zone.
std::optional<icaltimetype> calendar_import::time_value(icalcomponent* event, icalproperty* p) {
  const icalvalue* v = icalproperty_get_value(p);
  if (!v || (icalvalue_isa(v) != ICAL_DATE_VALUE && icalvalue_isa(v) != ICAL_DATETIME_VALUE)) {
    error(event, p,
          fmt::format("{} {} is not a date or a date-time", property_name(p), detail::quote_value(value_text(p))));
    return std::nullopt;
  }
  return zoned(event, p, icalvalue_get_datetime(v));
}

// `t` checked, with the zone its property's TZID names: a VTIMEZONE of the file, else one of
// libical's built-in zones. UTC times and dates have none to look up.
std::optional<icaltimetype> calendar_import::zoned(icalcomponent* event, icalproperty* p, icaltimetype t) {
  if (!valid_time(t)) {
    error(event, p,
          fmt::format("{} {} is not a valid {}", property_name(p), detail::quote_value(value_text(p)),
                      t.is_date ? "date" : "date-time"));
    return std::nullopt;
  }
  icalparameter* tzid_parameter = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
  if (t.is_date || icaltime_is_utc(t) || !tzid_parameter) return t;
  const char* raw = icalparameter_get_tzid(tzid_parameter);
  std::string tzid = raw ? raw : "";
  icaltimezone* zone = icalcomponent_get_timezone(calendar_, tzid.c_str());
  if (!zone) zone = builtin_zone(tzid);
  if (!zone) {
    error(event, p,
          fmt::format("{} has an unknown TZID {}: no VTIMEZONE in the file has it, and libical does not know it",
                      property_name(p), detail::quote_value(tzid)));
    return std::nullopt;
  }
  return icaltime_set_timezone(&t, zone);
}

// DTSTART and DTEND, or DTSTART and DURATION, in the event's local time.
std::optional<event_span> calendar_import::read_span(icalcomponent* event) {
  icalproperty* dtstart = first_property(event, ICAL_DTSTART_PROPERTY);
  if (!dtstart) {
    error(event, nullptr, "no DTSTART: an event needs its start date");
    return std::nullopt;
  }
  auto start = time_value(event, dtstart);
  if (!start) return std::nullopt;
  event_span span;
  // A UTC time is shown in the calendar's zone (when it has one), other times stay in their own.
  if (!start->is_date) *start = local(*start, nullptr);
  span.start = *start;
  span.zone = start->is_date ? nullptr : start->zone;
  span.end = span.start;
  std::optional<int> all_day_length;  // days, for an all-day event

  icalproperty* dtend = first_property(event, ICAL_DTEND_PROPERTY);
  icalproperty* duration = first_property(event, ICAL_DURATION_PROPERTY);
  if (dtend && duration) {
    error(event, duration, "both DTEND and DURATION: an event gives one of them");
    return std::nullopt;
  }
  if (dtend) {
    auto end = time_value(event, dtend);
    if (!end) return std::nullopt;
    if (bool(end->is_date) != bool(start->is_date)) {
      error(event, dtend,
            fmt::format("DTEND is a {} but DTSTART is a {}: give both as dates, or both as date-times",
                        end->is_date ? "date" : "date-time", start->is_date ? "date" : "date-time"));
      return std::nullopt;
    }
    span.end = local(*end, span.zone);
    int order = icaltime_compare(span.end, span.start);
    if (order < 0 || (order == 0 && start->is_date)) {
      error(event, dtend,
            fmt::format("DTEND {} is {} DTSTART {}{}", time_text(span.end), order < 0 ? "before" : "the same as",
                        time_text(span.start),
                        start->is_date ? " (an all-day event ends on the day after its last day)" : ""));
      return std::nullopt;
    }
    if (start->is_date) all_day_length = int((date_of(span.end) - date_of(span.start)).count());
  } else if (duration) {
    icaldurationtype d = icalproperty_get_duration(duration);
    long long seconds =
        ((((static_cast<long long>(d.weeks) * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60) + d.seconds;
    if (d.is_neg && seconds > 0) {
      error(event, duration, fmt::format("DURATION {} is negative", value_text(duration)));
      return std::nullopt;
    }
    if (seconds > static_cast<long long>(max_event_days) * 86400) {
      error(event, duration, fmt::format("DURATION {} lasts longer than a year", value_text(duration)));
      return std::nullopt;
    }
    if (start->is_date) {
      if (seconds == 0 || seconds % 86400 != 0) {
        error(event, duration,
              fmt::format("DURATION {} of an all-day event is not a whole number of days (P1D, P3D, P1W)",
                          value_text(duration)));
        return std::nullopt;
      }
      all_day_length = int(seconds / 86400);
    } else {
      span.end = icaltime_add(span.start, d);  // wall-clock arithmetic: P1D from midnight is the next midnight
    }
  } else if (start->is_date) {
    all_day_length = 1;  // RFC 5545 3.6.1: an all-day event without DTEND or DURATION is one day
  }

  span.days = start->is_date ? all_day_length : whole_days(span.start, span.end);
  if (span.days && *span.days > max_event_days) {
    error(event, dtend ? dtend : duration, fmt::format("lasts {} days: longer than a year", *span.days));
    return std::nullopt;
  }
  return span;
}

// ---- Events and their repetitions

void calendar_import::expand_rule(icalcomponent* event, icalproperty* rrule, const event_span& span,
                                  std::vector<occurrence>& out, bool& timed_instances) {
  icalrecurrencetype rule = icalproperty_get_rrule(rrule);
  icalerror_clear_errno();
  recur_iterator_ptr it(icalrecur_iterator_new(rule, span.start));
  auto cannot_expand = [&] {
    error(event, rrule,
          fmt::format("RRULE {} cannot be expanded from DTSTART {} (libical: {})",
                      detail::quote_value(value_text(rrule)), time_text(span.start), icalerror_strerror(icalerrno)));
  };
  if (!it) return cannot_expand();
  // Skip ahead to the year before the first one asked for (an instance that starts then may
  // last into it). A rule with COUNT has to be walked from its start to count its instances.
  if (rule.count == 0) {
    icaltimetype from = span.start;
    from.year = first_year_ - 1;
    from.month = 1;
    from.day = 1;
    if (icaltime_compare(from, span.start) > 0 && !icalrecur_iterator_set_start(it.get(), from)) return cannot_expand();
  }
  for (int step = 0;; ++step) {
    icaltimetype t = icalrecur_iterator_next(it.get());
    if (icaltime_is_null_time(t) || t.year > last_year_) return;
    if (step == max_rule_steps) {
      error(event, rrule,
            fmt::format("RRULE {} repeats more than {} times up to {}: a holiday repeats by the day at most",
                        detail::quote_value(value_text(rrule)), max_rule_steps, last_year_));
      return;
    }
    if (!at_midnight(t))
      timed_instances = true;
    else
      out.push_back({date_of(t), *span.days});
  }
}

// DTSTART's instance, RRULE's and RDATE's, less EXDATE's.
std::vector<occurrence> calendar_import::occurrences(icalcomponent* event, const event_span& span) {
  std::vector<occurrence> out{{date_of(span.start), *span.days}};
  bool timed_instances = false;
  for (icalproperty* rrule : properties(event, ICAL_RRULE_PROPERTY))
    expand_rule(event, rrule, span, out, timed_instances);
  for (icalproperty* rdate : properties(event, ICAL_RDATE_PROPERTY)) {
    const icalvalue* v = icalproperty_get_value(rdate);
    if (v && icalvalue_isa(v) == ICAL_PERIOD_VALUE) {  // RDATE;VALUE=PERIOD:start/end, or start/duration
      icalperiodtype period = icalvalue_get_period(v);
      auto first = zoned(event, rdate, period.start);
      if (!first) continue;
      auto end = icaltime_is_null_time(period.end) ? std::optional(icaltime_add(*first, period.duration))
                                                   : zoned(event, rdate, period.end);
      if (!end) continue;
      icaltimetype a = local(*first, span.zone);
      auto length = whole_days(a, local(*end, span.zone));
      if (length && *length > max_event_days)
        error(event, rdate, fmt::format("RDATE {} lasts {} days: longer than a year", value_text(rdate), *length));
      else if (length)
        out.push_back({date_of(a), *length});
      else
        timed_instances = true;
    } else if (auto t = time_value(event, rdate)) {
      icaltimetype at = local(*t, span.zone);
      if (at_midnight(at))
        out.push_back({date_of(at), *span.days});
      else
        timed_instances = true;
    }
  }
  if (timed_instances)
    warning(event, nullptr, "some of its repetitions do not start at midnight: those are not holidays");
  // EXDATE removes the instance that starts on its local date (given as a date, or as a
  // date-time in any zone).
  for (icalproperty* exdate : properties(event, ICAL_EXDATE_PROPERTY))
    if (auto t = time_value(event, exdate)) {
      sys_days excluded = date_of(local(*t, span.zone));
      std::erase_if(out, [&](const occurrence& o) { return o.first == excluded; });
    }
  return out;
}

void calendar_import::import_dates(icalcomponent* event, const event_span& span, const std::string& name,
                                   const std::vector<sys_days>& replaced) {
  if (icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED) return;
  if (!span.days) {
    icalproperty* all_day = x_property(event, "X-MICROSOFT-CDO-ALLDAYEVENT");
    std::string hint;
    if (all_day && strcasecmp(text_of(all_day).c_str(), "TRUE") == 0)
      hint =
          icaltime_is_utc(span.start) && !calendar_zone_
              ? "it is marked X-MICROSOFT-CDO-ALLDAYEVENT; its UTC times would be read in the zone of X-WR-TIMEZONE, "
                "or of the file's only VTIMEZONE, and this file has neither"
              : "it is marked X-MICROSOFT-CDO-ALLDAYEVENT, but does not run from midnight to midnight in its zone";
    warning(event, nullptr,
            fmt::format("timed event ({}): it does not cover whole days, so it is not a holiday",
                        span_text(span.start, span.end)),
            hint);
    return;
  }
  for (const occurrence& o : occurrences(event, span)) {
    if (std::find(replaced.begin(), replaced.end(), o.first) != replaced.end()) continue;
    for (int k = 0; k < o.days; ++k) {
      sys_days date = o.first + days{k};
      int year = int(year_month_day{date}.year());
      if (year >= first_year_ && year <= last_year_) dates_.push_back({date, name});
    }
  }
}

// An event with its RECURRENCE-ID overrides: each override replaces the instance that starts
// on its RECURRENCE-ID's local date, with its own dates — or with none when STATUS:CANCELLED.
void calendar_import::import_series(icalcomponent* master, const std::vector<icalcomponent*>& overrides) {
  const char* summary = icalcomponent_get_summary(master);
  std::string name = summary ? summary : "";
  auto span = read_span(master);
  std::vector<sys_days> replaced;
  for (icalcomponent* o : overrides) {
    icalproperty* id = first_property(o, ICAL_RECURRENCEID_PROPERTY);
    if (icalproperty_get_first_parameter(id, ICAL_RANGE_PARAMETER))
      warning(o, id, "RANGE=THISANDFUTURE is not followed: this override replaces only the one instance");
    if (auto t = time_value(o, id); t && span) replaced.push_back(date_of(local(*t, span->zone)));
    const char* own = icalcomponent_get_summary(o);
    if (auto own_span = read_span(o)) import_dates(o, *own_span, own && *own ? own : name, {});
  }
  if (span) import_dates(master, *span, name, replaced);
}

// The first error in the file is thrown, as the YAML loaders do.
void calendar_import::throw_first_error() {
  std::stable_sort(problems_.begin(), problems_.end(),
                   [](const problem& a, const problem& b) { return a.where.line < b.where.line; });
  for (const auto& p : problems_)
    if (p.severity == problem_severity::error) throw to_error(p);
}

holiday_set calendar_import::run(icalcomponent* calendar, std::vector<problem>* warnings) {
  calendar_ = calendar;
  std::size_t next = 0;
  bool in_step = true;
  index_blocks(calendar, next, in_step);
  if (!in_step || next != lines_.blocks().size()) block_of_.clear();
  // What libical could not read comes first: a DTSTART it dropped would otherwise be reported
  // as missing.
  report_libical_errors(calendar);
  throw_first_error();
  read_calendar_zone();

  holiday_set set;
  if (icalproperty* p = x_property(calendar, "X-WR-CALNAME")) set.name = text_of(p);
  if (set.name.empty()) set.name = std::filesystem::path(source_).stem().string();
  if (icalproperty* p = x_property(calendar, "X-WR-CALDESC")) set.description = text_of(p);
  set.sources = {source_};
  set.known_good_from = first_year_;
  set.known_good_to = last_year_;

  auto events = components(calendar, ICAL_VEVENT_COMPONENT);
  if (events.empty()) error(calendar, nullptr, "no events: the calendar has no VEVENT");
  // Overrides find their event by UID; one without its event stands alone.
  std::map<std::string, std::vector<icalcomponent*>> overrides;  // by UID
  std::set<std::string> series;                                  // UIDs of events that are not overrides
  auto uid_of = [](icalcomponent* e) { return icalcomponent_get_uid(e) ? std::string(icalcomponent_get_uid(e)) : ""; };
  auto is_override = [](icalcomponent* e) { return first_property(e, ICAL_RECURRENCEID_PROPERTY) != nullptr; };
  for (icalcomponent* e : events) {
    std::string uid = uid_of(e);
    if (uid.empty()) continue;
    if (is_override(e))
      overrides[uid].push_back(e);
    else
      series.insert(uid);
  }
  for (icalcomponent* e : events) {
    std::string uid = uid_of(e);
    if (!is_override(e))
      import_series(e, uid.empty() ? std::vector<icalcomponent*>{} : overrides[uid]);
    else if (uid.empty() || !series.contains(uid))
      import_series(e, {});
  }

  throw_first_error();

  std::sort(dates_.begin(), dates_.end());
  dates_.erase(std::unique(dates_.begin(), dates_.end()), dates_.end());
  for (const auto& d : dates_) {
    holiday_rule rule;
    rule.kind = holiday_rule_kind::date;
    rule.name = d.name;
    rule.date = year_month_day{d.date};
    set.rules.push_back(std::move(rule));
  }
  if (set.rules.empty())
    warning(calendar, nullptr,
            fmt::format("no closed dates in {}–{}: none of its {} events closes a whole day in those years",
                        first_year_, last_year_, events.size()));
  if (warnings)
    for (auto& p : problems_) warnings->push_back(std::move(p));
  return set;
}

}  // namespace

holiday_set parse_ical_holidays(std::string_view text, const std::string& source, int first_year, int last_year,
                                std::vector<problem>* warnings) {
  if (first_year > last_year || first_year < 1900 || last_year > 2199)
    throw error(error_code::invalid_argument,
                fmt::format("the years {}–{} are not a range within 1900–2199", first_year, last_year));
  std::vector<problem> problems;
  detail::ical_lines lines(text, source, &problems);
  if (!problems.empty()) throw to_error(problems.front());
  // The text has no NUL byte (ical_lines checked), so it can go to libical as a C string.
  component_ptr calendar(icalparser_parse_string(std::string(text).c_str()));
  if (!calendar || icalcomponent_isa(calendar.get()) != ICAL_VCALENDAR_COMPONENT)
    throw error(error_code::invalid_calendar, "libical could not read the calendar", {source, 1, 1});
  return calendar_import(source, lines, first_year, last_year).run(calendar.get(), warnings);
}

holiday_set load_ical_holidays(const std::string& path, int first_year, int last_year, std::vector<problem>* warnings) {
  std::string why;
  auto text = detail::read_file(path, &why);
  if (!text) throw error(error_code::io, why, {path, 0, 0});
  return parse_ical_holidays(*text, path, first_year, last_year, warnings);
}

}  // namespace sla

// Reading ticket events for the example programs: JSON Lines, one event per line,
//   {"ticket": "T-1", "at": "2026-11-23T10:00:00Z", "event": "created", "type": "bug",
//    "severity": "urgent", "plan": "premium", "timezone": "Europe/London", "users_affected": 40}
// or CSV with a header line naming the same fields (ticket,at,event,type,severity,plan,
// timezone,users_affected,status). The format is decided line by line: a line that starts with
// `{` is JSON; any other line is a CSV header if no header has been read yet (or it is one), a
// CSV row otherwise. So one garbage first line is one error, and the lines after it are read.
// Every non-blank line yields either one event or one error, so the counts reconcile.
#pragma once

#include <sla/ticket.hpp>

#include <fmt/format.h>

#include "common/cli.hpp"
#include "common/csv.hpp"
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace sla_examples {

// The input format, for --help.
inline constexpr const char* event_input_help = R"(Input: ticket events, one per line, as JSON Lines or CSV (decided line by line: a line
starting with { is JSON; a CSV header line names the columns of the rows after it). Blank lines
are skipped.
Fields (JSON keys or CSV columns):
  ticket          the ticket id (required)
  at              RFC 3339 with an offset, e.g. 2026-11-23T10:00:00Z (required)
  event           created, status, responded (an agent's public reply), customer_message,
                  note (internal: counts for nothing), updated, resolved, closed, reopened,
                  severity, type, plan, region, cancelled, or an event the policy declares
  type, severity  created: the request type and severity (may be left out when the policy
                  has one, or no severities); type/severity events: the new value
  plan            created: the support plan (absent: the default plan); plan events: the new one
  region          created: the ticket's region (absent: the default region); region events
  timezone        created: the tenant's IANA zone, for calendars that take a tenant zone
  country         created: the ticket's country (ISO 3166, e.g. GB-ENG), for calendars that take
                  the ticket's country's holidays (absent: its region's, else the default)
  users_affected  created: a whole number, for queue tie-breaks
  status          status: the status the ticket enters (required)
A field an event does not take is an error naming it. Events of one ticket are taken in time
order; events at the same instant keep their input order, `created` first. Every line gives
one result or one error; nothing is dropped.
Example: {"ticket": "T-1", "at": "2026-11-23T10:00:00Z", "event": "created", "type": "incident", "severity": "urgent"})";

struct event_line {
  std::string ticket;
  sla::ticket_event event;
  std::size_t file = 0;  // index into the file names
  long line = 0;
};

struct line_error {
  std::size_t file = 0;
  long line = 0;
  std::string message;
};

struct event_input {
  std::vector<std::string> files;  // names as given ("<stdin>" for standard input)
  std::vector<event_line> events;
  std::vector<line_error> errors;
  long lines = 0;  // non-blank lines read: events.size() + errors.size()
};

namespace detail {

// The fields an event line may have.
enum class field { unknown, ticket, at, event, type, severity, plan, region, country, timezone, status, users_affected };

// A key's field: one comparison against the name of its length.
inline field field_of(std::string_view key) noexcept {
  // `name` has key's length here: a compare of known size.
  auto is = [&]<std::size_t N>(const char (&name)[N], field f) {
    return std::memcmp(key.data(), name, N - 1) == 0 ? f : field::unknown;
  };
  switch (key.size()) {
    case 2: return is("at", field::at);
    case 4: return key[0] == 'p' ? is("plan", field::plan) : is("type", field::type);
    case 5: return is("event", field::event);
    case 6:
      switch (key[0]) {
        case 't': return is("ticket", field::ticket);
        case 'r': return is("region", field::region);
        case 's': return is("status", field::status);
        default: return field::unknown;
      }
    case 7: return is("country", field::country);
    case 8: return key[0] == 's' ? is("severity", field::severity) : is("timezone", field::timezone);
    case 14: return is("users_affected", field::users_affected);
    default: return field::unknown;
  }
}

// Fields that may be null in JSON (absent, in effect).
inline bool may_be_null(field f) noexcept {
  return f == field::users_affected || f == field::plan || f == field::timezone || f == field::region ||
         f == field::country;
}

inline bool set_field(sla::ticket_event& e, std::string& ticket, std::string_view key, field f, std::string_view value,
                      bool value_is_null, std::string* why) {
  auto text = [&](std::string& out) {
    out.assign(value.data(), value.size());
    return true;
  };
  switch (f) {
    case field::ticket: return text(ticket);
    case field::at: {
      std::string reason;
      auto t = sla::try_parse_instant(value, &reason);
      if (!t) return *why = "at: " + reason, false;
      e.at = *t;
      return true;
    }
    case field::event:
      // A name that is not a built-in event may be one the policy declares: checked against it
      // when the event is appended to its ticket.
      if (auto kind = sla::parse_event_kind(value)) {
        e.kind = *kind;
      } else if (value.empty()) {
        return *why = "event: empty", false;
      } else {
        e.kind = sla::event_kind::custom;
        e.name.assign(value.data(), value.size());
      }
      return true;
    case field::type: return text(e.type);
    case field::severity: return text(e.severity);
    case field::plan: return text(e.plan);
    case field::region: return text(e.region);
    case field::country: return text(e.country);
    case field::timezone: return text(e.timezone);
    case field::status: return text(e.status);
    case field::users_affected: {
      if (value_is_null || value.empty()) return true;
      long long n = 0;
      char extra = 0;
      if (std::sscanf(std::string(value).c_str(), "%lld%c", &n, &extra) != 1 || n < 0)
        return *why = fmt::format("users_affected: expected a whole number, got \"{}\"", value), false;
      e.users_affected = n;
      return true;
    }
    case field::unknown: break;
  }
  return *why = fmt::format("unknown field \"{}\"", key), false;
}

inline bool finish(const sla::ticket_event& e, const std::string& ticket, bool has_at, bool has_event, std::string* why) {
  if (ticket.empty()) return *why = "missing ticket", false;
  if (!has_at) return *why = "missing at", false;
  if (!has_event) return *why = "missing event", false;
  if (e.kind == sla::event_kind::status && e.status.empty()) return *why = "a status event needs status", false;
  if (e.kind == sla::event_kind::severity && e.severity.empty()) return *why = "a severity event needs severity", false;
  // A created event's type and severity are checked against the policy (one may have a single
  // type, or no severities at all).
  return true;
}

// One JSON object on one line, with simdjson's On-Demand API: the text from `line` on, of
// `length` bytes, with at least simdjson::SIMDJSON_PADDING readable bytes after it (any content).
// Fields go straight into `event` and `ticket`, which the caller may reuse (cleared first).
inline bool parse_json(simdjson::ondemand::parser& parser, const char* line, std::size_t length, sla::ticket_event& event,
                       std::string& ticket, std::string* why) {
  using namespace simdjson;
  auto not_json = [&](error_code err) { return *why = fmt::format("not JSON: {}", error_message(err)), false; };
  ondemand::document doc;
  if (auto err = parser.iterate(line, length, length + SIMDJSON_PADDING).get(doc)) return not_json(err);
  ondemand::json_type type;
  if (auto err = doc.type().get(type)) return not_json(err);
  if (type != ondemand::json_type::object) return *why = "expected a JSON object", false;
  ondemand::object obj;
  if (auto err = doc.get_object().get(obj)) return not_json(err);
  bool has_at = false, has_event = false;
  std::string number;
  for (auto member : obj) {
    std::string_view key;
    if (auto err = member.unescaped_key().get(key)) return not_json(err);
    ondemand::value v;
    if (auto err = member.value().get(v)) return not_json(err);
    ondemand::json_type vt;
    if (auto err = v.type().get(vt)) return not_json(err);
    std::string_view value;
    bool is_null = false;
    switch (vt) {
      case ondemand::json_type::string:
        if (auto err = v.get_string().get(value)) return not_json(err);
        break;
      case ondemand::json_type::null:
        is_null = true;
        if (!v.is_null()) return not_json(INCORRECT_TYPE);
        break;
      case ondemand::json_type::number: {
        ondemand::number_type nt;
        if (auto err = v.get_number_type().get(nt)) return not_json(err);
        if (nt == ondemand::number_type::signed_integer) {
          int64_t n = 0;
          if (auto err = v.get_int64().get(n)) return not_json(err);
          number = std::to_string(n);
        } else if (nt == ondemand::number_type::unsigned_integer) {
          uint64_t n = 0;
          if (auto err = v.get_uint64().get(n)) return not_json(err);
          number = std::to_string(n);
        } else {
          return *why = fmt::format("{}: expected a string or a whole number", key), false;
        }
        value = number;
        break;
      }
      default: return *why = fmt::format("{}: expected a string or a whole number", key), false;
    }
    const field f = field_of(key);
    if (f == field::at) has_at = true;
    if (f == field::event) has_event = true;
    if (is_null && f != field::unknown && !may_be_null(f)) return *why = fmt::format("{}: must not be null", key), false;
    if (!set_field(event, ticket, key, f, value, is_null, why)) return false;
  }
  // Past the object the document must be at its end (OUT_OF_BOUNDS: no token left).
  if (doc.current_location().error() != OUT_OF_BOUNDS) return *why = "not JSON: text after the object", false;
  return finish(event, ticket, has_at, has_event, why);
}

// Clears an event for reuse, keeping its strings' storage.
inline void clear_event(sla::ticket_event& e, std::string& ticket) {
  ticket.clear();
  e.at = {};
  e.kind = sla::event_kind::created;
  e.type.clear();
  e.severity.clear();
  e.plan.clear();
  e.timezone.clear();
  e.status.clear();
  e.users_affected.reset();
  e.region.clear();
  e.name.clear();
  e.country.clear();
}

inline bool parse_csv(const std::vector<std::string>& header, const std::string& line, event_line& out, std::string* why) {
  auto cells = sla_examples::split_csv(line);
  if (cells.size() != header.size())
    return *why = fmt::format("expected {} comma-separated fields, got {}", header.size(), cells.size()), false;
  bool has_at = false, has_event = false;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].empty()) continue;
    const field f = field_of(header[i]);
    if (f == field::at) has_at = true;
    if (f == field::event) has_event = true;
    if (!set_field(out.event, out.ticket, header[i], f, cells[i], false, why)) return false;
  }
  return finish(out.event, out.ticket, has_at, has_event, why);
}

}  // namespace detail

// Whether a line is a CSV header: comma-separated names of known fields.
inline bool is_csv_header(const std::vector<std::string>& cells) {
  if (cells.empty()) return false;
  for (const auto& h : cells)
    if (detail::field_of(h) == detail::field::unknown) return false;
  return true;
}

// Reads one stream. `progress` is called every 100,000 lines with the count so far. Throws
// sla::error(io) when the stream cannot be read to its end.
inline void read_events(input_file& in, event_input& input, const std::function<void(long)>& progress = {}) {
  std::size_t file = input.files.size();
  input.files.push_back(in.name());
  simdjson::ondemand::parser parser;
  std::vector<std::string> header;
  std::string line;
  line.reserve(4096);
  long number = 0;
  char* buf = nullptr;
  std::size_t cap = 0;
  ssize_t n;
  while ((n = getline(&buf, &cap, in.get())) >= 0) {
    ++number;
    line.assign(buf, static_cast<std::size_t>(n));
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    ++input.lines;
    if (progress && input.lines % 100000 == 0) progress(input.lines);
    std::size_t first = line.find_first_not_of(" \t");
    event_line e;
    e.file = file;
    e.line = number;
    std::string why;
    bool ok = false;
    if (line[first] == '{') {
      if (line.capacity() < line.size() + simdjson::SIMDJSON_PADDING) line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
      ok = detail::parse_json(parser, line.data(), line.size(), e.event, e.ticket, &why);
    } else {
      auto cells = split_csv(line);
      if (is_csv_header(cells)) {  // the first header, or a new one (CSV files one after another)
        header = std::move(cells);
        --input.lines;  // a header is not an event line
        continue;
      }
      if (header.empty()) why = "expected a JSON object, or a CSV header such as ticket,at,event,type,severity,status";
      else ok = detail::parse_csv(header, line, e, &why);
    }
    if (ok) input.events.push_back(std::move(e));
    else input.errors.push_back({file, number, why});
  }
  std::free(buf);
  in.check();
}

}  // namespace sla_examples

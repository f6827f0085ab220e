// sla-calc — business-time arithmetic over JSON Lines.
//
//   sla-calc [--stats] [--max-line-bytes N] [FILE...]      (no FILE, or "-": standard input)
//
// Each input line is one request; each input line, blank or broken ones included, yields exactly
// one output line, in order:
//
//   {"id": 7, "calendar": {...spec...}, "op": "add", "start": "2026-03-06T21:30:00Z", "seconds": 14400}
//   → {"id": 7, "result": "2026-03-09T14:30:00Z"}
//   {"id": 8, "calendar": {...}, "op": "elapsed", "start": "…Z", "end": "…Z"}        → an integer (seconds)
//   op: subtract (seconds), next_open, add_business_days (days), is_open (true/false),
//       next_business_day_close; a result that never comes is null.
//   a mistake → {"id": 9, "error": "line 3: calendar.hours.fri[1]: <what is wrong>"}
//
// The calendar is a spec as parse_calendar_spec reads it (calendar.hpp), written as a JSON
// object; identical specs (byte for byte) are compiled once, and a spec that fails is remembered
// as failing. "id" is any JSON scalar, echoed verbatim; a line without one (or broken before it)
// answers with null. When several files are given, errors name the file: "demo.jsonl: line 3: …".
// A line longer than --max-line-bytes (default 1 MiB) is answered with an error, unread.
// Output is buffered, and flushed whenever the program is about to wait for input, so a pipe
// fed one request at a time gets each answer at once.
//
// --stats writes `ops=N errors=E compute_ns_per_op=X` to standard error at the end: N lines
// read, E of them answered with an error, and X the mean wall time, in nanoseconds, of the
// library operation calls (add, elapsed, …) alone — not JSON, not spec parsing, not compiling.
//
// Exit status: 0 when every line had a result, 1 when some had an error, 2 when the program
// could not run (bad options, an input that cannot be read, an output write error). A reader
// that closes the pipe early ends the run quietly, with the status earned so far.
#include <sla/calendar.hpp>
#include <sla/error.hpp>
#include <sla/time.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <simdjson.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <variant>
#include <vector>

#include "common/cli.hpp"
#include "common/output_buffer.hpp"

namespace {

constexpr std::size_t default_max_line_bytes = 1 << 20;

// ---- Output ------------------------------------------------------------------------------------

using sla_examples::output_buffer;
using sla_examples::output_closed;

// `text` as the inside of a JSON string: quotes, backslashes and control characters escaped,
// bytes that are not UTF-8 replaced by U+FFFD.
void append_json_escaped(fmt::memory_buffer& out, std::string_view text) {
  auto put = [&](std::string_view s) { out.append(s.data(), s.data() + s.size()); };
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '"') { put("\\\""); ++i; continue; }
    if (c == '\\') { put("\\\\"); ++i; continue; }
    if (c == '\n') { put("\\n"); ++i; continue; }
    if (c == '\t') { put("\\t"); ++i; continue; }
    if (c < 0x20 || c == 0x7f) { fmt::format_to(std::back_inserter(out), "\\u{:04x}", c); ++i; continue; }
    if (c < 0x80) { out.push_back(static_cast<char>(c)); ++i; continue; }
    // A UTF-8 sequence: its length from the lead byte, then continuation bytes, no overlong
    // forms, no surrogates, nothing past U+10FFFF.
    std::size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
    bool valid = len > 0 && c <= 0xf4 && i + len <= text.size();
    for (std::size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
    if (valid && len >= 3) {
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0) || (c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 >= 0x90))
        valid = false;
    }
    if (!valid) { put("\\ufffd"); ++i; continue; }
    put(text.substr(i, len));
    i += len;
  }
}

// A user's text inside a message, cut short when long.
std::string shown(std::string_view text) {
  constexpr std::size_t max_shown = 64;
  if (text.size() <= max_shown) return std::string(text);
  return fmt::format("{}...", text.substr(0, max_shown));
}

// ---- Input -------------------------------------------------------------------------------------

// Reads lines from a file descriptor with read(2), so that a pipe fed line by line gets each
// answer as soon as its line arrives: before every read that may block, `before_wait` runs (the
// caller flushes its output there). A line longer than the limit is consumed whole but reported
// as too long instead of being kept.
class line_reader {
 public:
  line_reader(int fd, std::size_t max_line_bytes, std::function<void()> before_wait)
      : fd_(fd), max_line_bytes_(max_line_bytes), before_wait_(std::move(before_wait)), chunk_(1 << 16) {}

  struct line {
    std::string_view text;  // without the newline (and a CR before it)
    bool too_long = false;
  };

  // The next line, or std::nullopt at the end of the input. The text stays valid until the next
  // call and is followed by SIMDJSON_PADDING bytes of owned memory.
  // Throws sla::error(io) when the input cannot be read.
  std::optional<line> next() {
    current_.clear();
    bool too_long = false, any = false;
    for (;;) {
      if (begin_ == end_) {
        if (eof_ || !refill()) break;
      }
      any = true;
      const char* from = chunk_.data() + begin_;
      const void* nl = std::memchr(from, '\n', end_ - begin_);
      std::size_t n = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - from) : end_ - begin_;
      if (!too_long) {
        if (current_.size() + n > max_line_bytes_) {
          too_long = true;
          current_.clear();
        } else {
          current_.append(from, n);
        }
      }
      begin_ += n;
      if (nl) {
        ++begin_;
        return finish(too_long);
      }
    }
    if (!any) return std::nullopt;
    return finish(too_long);
  }

 private:
  line finish(bool too_long) {
    if (!current_.empty() && current_.back() == '\r') current_.pop_back();
    std::size_t size = current_.size();
    current_.resize(size + simdjson::SIMDJSON_PADDING, '\0');
    return {std::string_view(current_.data(), size), too_long};
  }

  bool refill() {
    before_wait_();
    for (;;) {
      ssize_t got = ::read(fd_, chunk_.data(), chunk_.size());
      if (got > 0) {
        begin_ = 0;
        end_ = static_cast<std::size_t>(got);
        return true;
      }
      if (got == 0) {
        eof_ = true;
        return false;
      }
      if (errno != EINTR) throw sla::error(sla::error_code::io, fmt::format("cannot read: {}", std::strerror(errno)));
    }
  }

  int fd_;
  std::size_t max_line_bytes_;
  std::function<void()> before_wait_;
  std::vector<char> chunk_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  std::string current_;
};

// ---- Requests ----------------------------------------------------------------------------------

// What went wrong with a line: the key path ("start", "calendar.hours.fri[1]"; may be empty) and
// the message.
struct line_error {
  std::string path;
  std::string message;
};

enum class op_kind { add, subtract, elapsed, next_open, add_business_days, is_open, next_business_day_close };

struct op_info {
  std::string_view name;
  op_kind kind;
  bool needs_end = false, needs_seconds = false, needs_days = false;
};

constexpr op_info ops[] = {
    {"add", op_kind::add, false, true, false},
    {"subtract", op_kind::subtract, false, true, false},
    {"elapsed", op_kind::elapsed, true, false, false},
    {"next_open", op_kind::next_open},
    {"add_business_days", op_kind::add_business_days, false, false, true},
    {"is_open", op_kind::is_open},
    {"next_business_day_close", op_kind::next_business_day_close},
};
constexpr std::string_view op_names = "add, subtract, elapsed, next_open, add_business_days, is_open, next_business_day_close";
constexpr std::string_view field_names = "id, calendar, op, start, end, seconds, days";

// One request's fields; string views point into the line or the parser and live as long as
// the line.
struct request {
  std::string_view id = "null";  // raw JSON
  std::optional<std::string_view> calendar;
  std::size_t calendar_column = 0;  // 1-based column of the calendar's '{' in the line
  std::optional<std::string_view> op, start, end;
  std::optional<std::int64_t> seconds, days;
  std::optional<line_error> problem;  // the first thing wrong with the line
};

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A JSON number, by the grammar of RFC 8259.
bool is_json_number(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > from;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') ++i;
  else if (!digits()) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

const char* type_name(simdjson::ondemand::json_type t) {
  using simdjson::ondemand::json_type;
  switch (t) {
    case json_type::array: return "a list";
    case json_type::object: return "an object";
    case json_type::number: return "a number";
    case json_type::string: return "a string";
    case json_type::boolean: return "true/false";
    case json_type::null: return "null";
  }
  return "something else";
}

std::string invalid_json(simdjson::error_code e) { return fmt::format("invalid JSON: {}", simdjson::error_message(e)); }

// Reads the fields of one line (followed by SIMDJSON_PADDING bytes the reader owns). Keeps going
// after a field of the wrong type, so that the id is found even when it comes after the mistake;
// stops at the first sign of invalid JSON.
request read_request(simdjson::ondemand::parser& parser, std::string_view line) {
  using simdjson::ondemand::json_type;
  request r;
  auto note = [&](std::string path, std::string message) {
    if (!r.problem) r.problem = line_error{std::move(path), std::move(message)};
  };
  auto broken = [&](simdjson::error_code e) {
    r.problem = line_error{"", invalid_json(e)};
    return r;
  };

  simdjson::padded_string_view padded(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING);
  simdjson::ondemand::document doc;
  if (auto e = parser.iterate(padded).get(doc)) return broken(e);
  simdjson::ondemand::object object;
  if (auto e = doc.get_object().get(object)) {
    if (e != simdjson::INCORRECT_TYPE) return broken(e);
    note("", "expected a JSON object such as {\"id\": 1, \"calendar\": {...}, \"op\": \"add\", ...}");
    return r;
  }
  bool seen_id = false;
  for (auto field_result : object) {
    simdjson::ondemand::field field;
    std::string_view key;
    json_type type{};
    if (auto e = std::move(field_result).get(field)) return broken(e);
    if (auto e = field.unescaped_key().get(key)) return broken(e);
    simdjson::ondemand::value value = field.value();
    if (auto e = value.type().get(type)) return broken(e);
    std::string name(key);
    // Each case either takes the value, notes a mistake and leaves the value for the iterator
    // to skip, or reports invalid JSON (returning the error).
    simdjson::error_code invalid = simdjson::SUCCESS;

    auto duplicate = [&](bool already) {
      if (already) note(name, fmt::format("field '{}' appears twice; give it once", shown(name)));
      return already;
    };
    auto text_field = [&](std::optional<std::string_view>& out, std::string_view example) {
      if (duplicate(out.has_value())) return;
      if (type != json_type::string)
        return note(name, fmt::format("expected a string such as {}, got {}", example, type_name(type)));
      std::string_view s;
      if ((invalid = value.get_string().get(s))) return;
      out = s;
    };
    auto integer_field = [&](std::optional<std::int64_t>& out, std::string_view what) {
      if (duplicate(out.has_value())) return;
      std::string_view token = trimmed(value.raw_json_token());
      std::int64_t v = 0;
      if (type != json_type::number || value.get_int64().get(v))
        return note(name, fmt::format("expected {}, got {}", what,
                                      type == json_type::number ? shown(token) : type_name(type)));
      out = v;
    };

    if (key == "id") {
      if (duplicate(seen_id)) continue;
      seen_id = true;
      std::string_view token = trimmed(value.raw_json_token());
      std::string_view s;
      bool valid = false;
      switch (type) {
        case json_type::string: valid = !value.get_string().get(s); break;
        case json_type::number: valid = is_json_number(token); break;
        case json_type::boolean: valid = token == "true" || token == "false"; break;
        case json_type::null: valid = token == "null"; break;
        default:
          note("id", fmt::format("expected a number, a string, true/false or null, got {}", type_name(type)));
          continue;
      }
      if (!valid) return broken(simdjson::TAPE_ERROR);
      r.id = token;
    } else if (key == "calendar") {
      if (duplicate(r.calendar.has_value())) continue;
      if (type != json_type::object) {
        note("calendar", fmt::format("expected a calendar spec object such as {{\"timezone\": \"UTC\", \"hours\": "
                                     "\"always\"}}, got {}",
                                     type_name(type)));
        continue;
      }
      simdjson::ondemand::object spec;
      std::string_view raw;
      if ((invalid = value.get_object().get(spec)) || (invalid = spec.raw_json().get(raw))) return broken(invalid);
      r.calendar = raw;
      r.calendar_column = static_cast<std::size_t>(raw.data() - line.data()) + 1;
    } else if (key == "op") {
      text_field(r.op, "\"add\"");
    } else if (key == "start") {
      text_field(r.start, "\"2026-03-06T21:30:00Z\"");
    } else if (key == "end") {
      text_field(r.end, "\"2026-03-09T14:00:00Z\"");
    } else if (key == "seconds") {
      integer_field(r.seconds, "a whole number of seconds");
    } else if (key == "days") {
      integer_field(r.days, "a whole number of business days");
    } else {
      note(name, fmt::format("unknown field '{}'; expected {}", shown(name), field_names));
    }
    if (invalid) return broken(invalid);
  }
  const char* after = nullptr;
  if (doc.current_location().get(after) != simdjson::OUT_OF_BOUNDS) return broken(simdjson::TRAILING_CONTENT);
  return r;
}

// ---- Calendars ---------------------------------------------------------------------------------

// yaml-cpp reads \uXXXX escapes one at a time and so rejects the two halves of a surrogate pair
// (`\ud83c\udf84`, which JSON writers such as Python's emit for characters beyond U+FFFF); the
// same character written as YAML's `\U0001f384` reads fine. `json` must be valid JSON, where
// every backslash starts an escape inside a string. Columns after a rewritten pair shift left.
std::string yaml_readable(std::string_view json) {
  auto hex4 = [&](std::size_t at) -> long {
    if (at + 4 > json.size()) return -1;
    long v = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
      char c = json[i];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size();) {
    if (json[i] != '\\' || i + 1 >= json.size()) {
      out += json[i++];
      continue;
    }
    if (json[i + 1] == 'u') {
      long high = hex4(i + 2), low = i + 8 <= json.size() && json[i + 6] == '\\' && json[i + 7] == 'u' ? hex4(i + 8) : -1;
      if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        out += fmt::format("\\U{:08x}", 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00));
        i += 12;
        continue;
      }
      out.append(json.substr(i, 6));
      i += 6;
      continue;
    }
    out.append(json.substr(i, 2));
    i += 2;
  }
  return out;
}

// Compiled calendars by the exact text of their spec, failures included. Bounded: when full, it
// starts again empty (a stream of ever-new specs costs compile time, never unbounded memory).
class calendar_cache {
 public:
  using entry = std::variant<sla::business_calendar, line_error>;

  const entry& get(std::string_view raw, const sla::source_position& where) {
    if (auto it = cache_.find(std::string(raw)); it != cache_.end()) return it->second;
    if (cache_.size() >= max_entries) cache_.clear();
    return cache_.emplace(std::string(raw), compile(raw, where)).first->second;
  }

 private:
  static constexpr std::size_t max_entries = 4096;

  entry compile(std::string_view raw, const sla::source_position& where) {
    // The request parser skipped over the spec; hold it to strict JSON before YAML reads it.
    simdjson::padded_string copy(raw);
    simdjson::dom::element ignored;
    if (auto e = json_checker_.parse(copy).get(ignored)) return line_error{"calendar", invalid_json(e)};
    try {
      return sla::business_calendar(sla::parse_calendar_spec(yaml_readable(raw), where, "calendar"));
    } catch (const sla::error& e) {
      if (!e.path().empty()) return line_error{e.path(), e.message()};
      return line_error{e.code() == sla::error_code::unknown_time_zone ? "calendar.timezone" : "calendar", e.message()};
    }
  }

  std::unordered_map<std::string, entry> cache_;
  simdjson::dom::parser json_checker_;
};

// ---- Running -----------------------------------------------------------------------------------

struct run_stats {
  std::uint64_t lines = 0, errors = 0, computed = 0;
  std::chrono::nanoseconds compute{0};
};

// The answer to one request: the JSON text of its result, or what is wrong.
using answer = std::variant<std::string, line_error>;

std::string instant_json(const std::optional<sla::instant>& t) {
  return t ? fmt::format("\"{}\"", sla::format_instant(*t)) : "null";
}

answer compute(const request& r, calendar_cache& calendars, const sla::source_position& line_position,
               run_stats& stats) {
  if (!r.op) return line_error{"", fmt::format("missing field 'op'; expected one of {}", op_names)};
  const op_info* op = nullptr;
  for (const auto& o : ops)
    if (o.name == *r.op) op = &o;
  if (!op) return line_error{"op", fmt::format("unknown op '{}'; expected one of {}", shown(*r.op), op_names)};

  auto needs = [&](bool needed, bool given, std::string_view field, std::string_view example) -> std::optional<line_error> {
    if (needed && !given)
      return line_error{"", fmt::format("missing field '{}'; op {} needs it, e.g. \"{}\": {}", field,
                                                        op->name, field, example)};
    if (!needed && given)
      return line_error{std::string(field), fmt::format("field '{}' does not apply to op {}", field, op->name)};
    return std::nullopt;
  };
  if (!r.calendar) return line_error{"", "missing field 'calendar'; give a spec such as {\"timezone\": \"UTC\", \"hours\": \"always\"}"};
  if (!r.start) return line_error{"", "missing field 'start'; give an RFC 3339 instant such as \"2026-03-06T21:30:00Z\""};
  if (auto e = needs(op->needs_end, r.end.has_value(), "end", "\"2026-03-09T14:00:00Z\"")) return *e;
  if (auto e = needs(op->needs_seconds, r.seconds.has_value(), "seconds", "14400")) return *e;
  if (auto e = needs(op->needs_days, r.days.has_value(), "days", "2")) return *e;
  if (r.days && (*r.days < 0 || *r.days > INT_MAX))
    return line_error{"days", fmt::format("{} business days: expected a count from 0 to {}", *r.days, INT_MAX)};

  std::string why;
  auto start = sla::try_parse_instant(*r.start, &why);
  if (!start) return line_error{"start", why};
  std::optional<sla::instant> end;
  if (r.end && !(end = sla::try_parse_instant(*r.end, &why))) return line_error{"end", why};

  sla::source_position spec_position{line_position.source, line_position.line, static_cast<int>(r.calendar_column)};
  const auto& entry = calendars.get(*r.calendar, spec_position);
  if (const auto* bad = std::get_if<line_error>(&entry)) return *bad;
  const auto& calendar = std::get<sla::business_calendar>(entry);

  try {
    // Only the library call is timed; the answer is formatted afterwards.
    std::optional<sla::instant> when;
    long long count = 0;
    bool open = false;
    auto began = std::chrono::steady_clock::now();
    switch (op->kind) {
      case op_kind::add: when = calendar.add(*start, std::chrono::seconds{*r.seconds}); break;
      case op_kind::subtract: when = calendar.subtract(*start, std::chrono::seconds{*r.seconds}); break;
      case op_kind::elapsed: count = calendar.elapsed(*start, *end).count(); break;
      case op_kind::next_open: when = calendar.next_open(*start); break;
      case op_kind::add_business_days: when = calendar.add_business_days(*start, static_cast<int>(*r.days)); break;
      case op_kind::is_open: open = calendar.is_open(*start); break;
      case op_kind::next_business_day_close: when = calendar.next_business_day_close(*start); break;
    }
    stats.compute += std::chrono::steady_clock::now() - began;
    std::string result = op->kind == op_kind::elapsed ? fmt::format("{}", count)
                         : op->kind == op_kind::is_open ? std::string(open ? "true" : "false")
                                                        : instant_json(when);
    ++stats.computed;
    return result;
  } catch (const sla::error& e) {
    return line_error{e.path(), e.message()};
  }
}

void write_answer(fmt::memory_buffer& out, std::string_view id, const answer& a, std::string_view line_label) {
  fmt::format_to(std::back_inserter(out), "{{\"id\": {}, ", id);
  if (const auto* result = std::get_if<std::string>(&a)) {
    fmt::format_to(std::back_inserter(out), "\"result\": {}}}\n", *result);
    return;
  }
  const auto& e = std::get<line_error>(a);
  std::string text = e.path.empty() ? fmt::format("{}: {}", line_label, e.message)
                                    : fmt::format("{}: {}: {}", line_label, e.path, e.message);
  fmt::format_to(std::back_inserter(out), "\"error\": \"");
  append_json_escaped(out, text);
  fmt::format_to(std::back_inserter(out), "\"}}\n");
}

struct input {
  std::string name;  // "<stdin>" or the path
  int fd;
};

// Answers every line of one input.
void run_input(const input& in, bool name_in_errors, std::size_t max_line_bytes, simdjson::ondemand::parser& parser,
               calendar_cache& calendars, output_buffer& out, run_stats& stats) {
  line_reader reader(in.fd, max_line_bytes, [&] { out.flush(); });
  int line_no = 0;
  while (auto line = reader.next()) {
    ++line_no;
    ++stats.lines;
    std::string label = name_in_errors ? fmt::format("{}: line {}", in.name, line_no) : fmt::format("line {}", line_no);
    request r;
    answer a;
    if (line->too_long) {
      a = line_error{"", fmt::format("the line is longer than {} bytes; shorten the request or raise --max-line-bytes",
                                         max_line_bytes)};
    } else if (line->text.find_first_not_of(" \t\r") == std::string_view::npos) {
      a = line_error{"", "empty line; expected one JSON request per line"};
    } else {
      try {
        r = read_request(parser, line->text);
        a = r.problem ? answer{*r.problem} : compute(r, calendars, {in.name, line_no, 0}, stats);
      } catch (const std::exception& e) {  // std::bad_alloc on a hostile line: answer, carry on
        a = line_error{"", fmt::format("internal error: {}", e.what())};
      }
    }
    if (std::holds_alternative<line_error>(a)) ++stats.errors;
    write_answer(out.buffer(), r.id, a, label);
    out.flush_if_full();
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE from the write instead

  CLI::App app{"Business-time arithmetic over JSON Lines: one request per input line, one JSON answer per line."};
  std::vector<std::string> files;
  bool want_stats = false;
  std::size_t max_line_bytes = default_max_line_bytes;
  app.add_option("files", files, "JSON Lines inputs, read in order (default or \"-\": standard input)");
  app.add_flag("--stats", want_stats,
               "print `ops=N errors=E compute_ns_per_op=X` to standard error: lines read, lines answered with an "
               "error, mean nanoseconds per library operation call");
  app.add_option("--max-line-bytes", max_line_bytes, "longer lines are answered with an error")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  sla_examples::add_version(app, "sla-calc");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }

  std::vector<input> inputs;
  if (files.empty()) files.push_back("-");
  for (const auto& f : files) {
    if (f == "-") {
      inputs.push_back({"<stdin>", STDIN_FILENO});
      continue;
    }
    int fd = ::open(f.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
      fmt::print(stderr, "sla-calc: cannot read {}: {}\n", f, fd < 0 ? std::strerror(errno) : "a directory");
      return 2;
    }
    inputs.push_back({f, fd});
  }

  output_buffer out;
  run_stats stats;
  simdjson::ondemand::parser parser;
  calendar_cache calendars;
  int status = 0;
  try {
    for (const auto& in : inputs)
      run_input(in, inputs.size() > 1, max_line_bytes, parser, calendars, out, stats);
    out.flush();
  } catch (const output_closed&) {
    // The reader has what it wanted.
  } catch (const sla::error& e) {
    try {
      out.flush();
    } catch (...) {
    }
    fmt::print(stderr, "sla-calc: {}\n", e.what());
    status = 2;
  }
  if (want_stats) {
    double per_op = stats.computed == 0 ? 0.0 : double(stats.compute.count()) / double(stats.computed);
    fmt::print(stderr, "ops={} errors={} compute_ns_per_op={:.1f}\n", stats.lines, stats.errors, per_op);
  }
  if (status != 0) return status;
  return stats.errors > 0 ? 1 : 0;
}

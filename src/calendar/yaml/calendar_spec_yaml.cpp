// parse_calendar_spec: a calendar spec from YAML or JSON text (see calendar.hpp for the schema).
//
// Choices where the schema is silent:
// - `hours` and `timezone` are required; `holidays` and `special_days` are optional. A day left
//   out of `hours` is closed; `hours: {}` is a calendar that never opens.
// - Day keys are `mon` … `sun` (lower case) or a range `first-last` that runs forward through the
//   week and may wrap past Sunday: `sun-thu` is Sunday to Thursday, `fri-mon` Friday to Monday.
//   A range from a day to itself (`mon-mon`) is rejected: write the day alone.
// - Every list must be written out: `sat:` with no value is an error (write `sat: []`), so is
//   `holidays:` with nothing after it.
// - A date may appear once in `holidays` and once in `special_days`; a date in both is allowed
//   and the special day wins (a holiday list shared by calendars, overridden by one of them).
// - Only the first error is reported: it is thrown as sla::error(invalid_calendar).
#include <sla/calendar.hpp>
#include <sla/error.hpp>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>
#include <yaml-cpp/eventhandler.h>

#include <sstream>

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sla {
namespace {

constexpr std::array<std::string_view, 7> day_names = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> full_day_names = {"monday", "tuesday",  "wednesday", "thursday",
                                                            "friday", "saturday", "sunday"};

const char* kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a single value";
    default: return "nothing";
  }
}

// What a node is, for messages: `a list`, `"08:00-18:00"`, `nothing`.
std::string describe(const YAML::Node& node) {
  if (!node.IsScalar()) return kind_name(node);
  constexpr std::size_t max_shown = 40;
  const std::string& s = node.Scalar();
  return s.size() <= max_shown ? fmt::format("\"{}\"", s) : fmt::format("\"{}...\"", s.substr(0, max_shown));
}

std::string joined(std::initializer_list<std::string_view> keys) {
  std::string out;
  for (auto k : keys) out += fmt::format("{}{}", out.empty() ? "" : ", ", k);
  return out;
}

std::string date_text(std::chrono::year_month_day d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

// Walks one document, throwing at the first mistake with its position in the caller's
// coordinates and its key path.
class spec_reader {
 public:
  spec_reader(const source_position& where, std::string_view path_prefix)
      : where_(where), prefix_(path_prefix) {}

  // The path of `key` below `parent` ("" is the document itself, shown as the prefix).
  std::string child(std::string_view parent, std::string_view key) const {
    if (parent.empty()) return prefix_.empty() ? std::string(key) : fmt::format("{}.{}", prefix_, key);
    return fmt::format("{}.{}", parent, key);
  }
  std::string root() const { return std::string(prefix_); }
  static std::string item(std::string_view parent, std::size_t index) { return fmt::format("{}[{}]", parent, index); }

  // A 0-based yaml-cpp mark in the text → a 1-based position in the caller's source.
  source_position position(const YAML::Mark& mark) const {
    source_position p{where_.source, where_.line, where_.column};
    if (mark.line < 0 || mark.column < 0) return p;
    p.line = where_.line > 0 ? where_.line + mark.line : mark.line + 1;
    p.column = mark.line == 0 && where_.column > 0 ? where_.column + mark.column : mark.column + 1;
    return p;
  }

  // Where `first` is, seen from `now`: "line 3", or "column 42" when both are on one line (a
  // spec written as one line of JSON).
  std::string earlier(const YAML::Mark& first, const YAML::Mark& now) const {
    source_position a = position(first), b = position(now);
    return a.line == b.line ? fmt::format("column {}", a.column) : fmt::format("line {}", a.line);
  }

  [[noreturn]] void fail(const YAML::Mark& mark, std::string path, std::string message) const {
    throw error(error_code::invalid_calendar, std::move(message), position(mark), std::move(path));
  }
  [[noreturn]] void fail(const YAML::Node& node, std::string path, std::string message) const {
    fail(node.Mark(), std::move(path), std::move(message));
  }

  // One key and its value, in document order.
  struct entry {
    YAML::Node key;
    YAML::Node value;
  };
  // yaml-cpp keeps every entry of a map with a repeated key (a lookup finds the first), so
  // duplicates are found by walking the keys.
  std::vector<entry> entries(const YAML::Node& map, const std::string& path) const {
    std::vector<entry> out;
    std::map<std::string, YAML::Mark, std::less<>> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar())
        fail(it->first, path, fmt::format("a key must be a plain name, got {}", kind_name(it->first)));
      const std::string& key = it->first.Scalar();
      if (auto [first, fresh] = seen.emplace(key, it->first.Mark()); !fresh)
        fail(it->first, child(path, key),
             fmt::format("duplicate key '{}' (first at {}); a key may appear once, merge the two entries", key,
                         earlier(first->second, it->first.Mark())));
      out.push_back({it->first, it->second});
    }
    return out;
  }
  // As entries(), and every key must be one of `allowed`.
  std::vector<entry> keyed_entries(const YAML::Node& map, const std::string& path,
                                   std::initializer_list<std::string_view> allowed) const {
    std::vector<entry> out = entries(map, path);
    for (const auto& e : out)
      if (std::find(allowed.begin(), allowed.end(), e.key.Scalar()) == allowed.end())
        fail(e.key, child(path, e.key.Scalar()),
             fmt::format("unknown key '{}'; expected {}", e.key.Scalar(), joined(allowed)));
    return out;
  }
  static const entry* find(const std::vector<entry>& es, std::string_view key) {
    for (const auto& e : es)
      if (e.key.Scalar() == key) return &e;
    return nullptr;
  }

  // A null value's mark points at the next token; report it at its key instead.
  static YAML::Mark mark_of(const entry& e) { return e.value.IsNull() ? e.key.Mark() : e.value.Mark(); }

  std::string scalar(const entry& e, const std::string& path, std::string_view what) const {
    if (!e.value.IsScalar()) fail(mark_of(e), path, fmt::format("expected {}, got {}", what, describe(e.value)));
    return e.value.Scalar();
  }

  std::chrono::year_month_day date(const YAML::Node& node, const YAML::Mark& mark, const std::string& path) const {
    if (!node.IsScalar())
      fail(mark, path, fmt::format("expected a date such as 2026-12-25, got {}", describe(node)));
    const std::string& s = node.Scalar();
    auto number = [&](std::size_t from, std::size_t len, auto& out) {
      auto [end, ec] = std::from_chars(s.data() + from, s.data() + from + len, out);
      return ec == std::errc{} && end == s.data() + from + len;
    };
    int y = 0;
    unsigned m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d))
      fail(mark, path, fmt::format("{} is not a date; write YYYY-MM-DD, such as 2026-12-25", describe(node)));
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.month().ok()) fail(mark, path, fmt::format("{} is not a date: there is no month {:02d}", s, m));
    if (!ymd.ok()) {
      auto last = std::chrono::year_month_day_last{ymd.year(), std::chrono::month_day_last{ymd.month()}}.day();
      fail(mark, path,
           fmt::format("{} is not a date: {:04d}-{:02d} has {} days", s, y, m, unsigned(last)));
    }
    return ymd;
  }

  // A list of "HH:MM-HH:MM" windows (possibly empty).
  std::vector<daily_window> windows(const entry& e, const std::string& path) const {
    if (!e.value.IsSequence())
      fail(mark_of(e), path,
           fmt::format("expected a list of windows such as [\"08:00-18:00\"] ([] when closed), got {}",
                       describe(e.value)));
    std::vector<daily_window> out;
    std::size_t index = 0;
    for (const auto& w : e.value) {
      std::string at = item(path, index++);
      if (!w.IsScalar())
        fail(w, at, fmt::format("expected a window such as \"08:00-18:00\", got {}", describe(w)));
      try {
        out.push_back(parse_daily_window(w.Scalar()));
      } catch (const error& bad) {
        fail(w, at, bad.message());
      }
    }
    return out;
  }

 private:
  source_position where_;
  std::string_view prefix_;
};

// A day name, or std::nullopt.
std::optional<std::size_t> day_index(std::string_view name) {
  auto it = std::find(day_names.begin(), day_names.end(), name);
  if (it == day_names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - day_names.begin());
}

// A hint for a day name that is not one: "Monday" → "write mon".
std::string day_hint(std::string_view name) {
  std::string lower;
  for (char c : name) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (std::size_t i = 0; i < 7; ++i)
    if (lower == day_names[i] || lower == full_day_names[i]) return fmt::format("; write {}", day_names[i]);
  return "; days are mon, tue, wed, thu, fri, sat, sun";
}

// "mon", "mon-fri", "sun-thu" (wrapping) → the days it names, Monday = 0.
std::vector<std::size_t> days_of_key(const spec_reader& r, const YAML::Node& key, const std::string& path) {
  std::string_view k = key.Scalar();
  auto dash = k.find('-');
  if (dash == std::string_view::npos) {
    auto d = day_index(k);
    if (!d)
      r.fail(key, path,
             fmt::format("unknown day '{}'{}, or a range such as mon-fri; or write hours: always", k, day_hint(k)));
    return {*d};
  }
  std::string_view first = k.substr(0, dash), last = k.substr(dash + 1);
  auto a = day_index(first), b = day_index(last);
  if (!a) r.fail(key, path, fmt::format("unknown day '{}' in range '{}'{}", first, k, day_hint(first)));
  if (!b) r.fail(key, path, fmt::format("unknown day '{}' in range '{}'{}", last, k, day_hint(last)));
  if (*a == *b) r.fail(key, path, fmt::format("range '{}' names one day; write {}", k, first));
  std::vector<std::size_t> days;
  for (std::size_t d = *a;; d = (d + 1) % 7) {
    days.push_back(d);
    if (d == *b) break;
  }
  return days;
}

void read_hours(const spec_reader& r, const spec_reader::entry& e, const std::string& path, calendar_spec& spec) {
  if (e.value.IsScalar() && e.value.Scalar() == "always") {
    for (auto& day : spec.hours) day = {daily_window{std::chrono::seconds{0}, std::chrono::seconds{86400}}};
    return;
  }
  if (!e.value.IsMap())
    r.fail(spec_reader::mark_of(e), path,
           fmt::format("expected a map of days to windows, such as {{mon-fri: [\"08:00-18:00\"]}}, or always; got {}",
                       describe(e.value)));
  std::array<const YAML::Node*, 7> given_by{};
  auto days = r.entries(e.value, path);
  for (const auto& d : days) {
    std::string day_path = r.child(path, d.key.Scalar());
    std::vector<std::size_t> named = days_of_key(r, d.key, day_path);
    for (std::size_t day : named) {
      if (given_by[day])
        r.fail(d.key, day_path,
               given_by[day]->Scalar() == day_names[day]
                   ? fmt::format("{} is already given at {}; a day may appear once", day_names[day],
                                 r.earlier(given_by[day]->Mark(), d.key.Mark()))
                   : fmt::format("{} is already given by '{}' at {}; a day may appear once", day_names[day],
                                 given_by[day]->Scalar(), r.earlier(given_by[day]->Mark(), d.key.Mark())));
      given_by[day] = &d.key;
    }
    auto windows = r.windows(d, day_path);
    for (std::size_t day : named) spec.hours[day] = windows;
  }
}

void read_holidays(const spec_reader& r, const spec_reader::entry& e, const std::string& path, calendar_spec& spec) {
  if (!e.value.IsSequence())
    r.fail(spec_reader::mark_of(e), path,
           fmt::format("expected a list of dates such as [2026-12-25] ([] for none), got {}", describe(e.value)));
  std::map<int, YAML::Mark> seen;  // sys_days count → where first listed
  std::size_t index = 0;
  for (const auto& h : e.value) {
    std::string at = spec_reader::item(path, index++);
    holiday day;
    YAML::Mark date_mark = h.Mark();
    std::string date_path = at;
    if (h.IsMap()) {
      auto fields = r.keyed_entries(h, at, {"date", "name"});
      const auto* date = spec_reader::find(fields, "date");
      if (!date) r.fail(h, at, "missing key 'date'; write {date: 2026-12-25, name: Christmas Day}");
      date_mark = spec_reader::mark_of(*date);
      date_path = r.child(at, "date");
      day.date = r.date(date->value, date_mark, date_path);
      if (const auto* name = spec_reader::find(fields, "name"))
        day.name = r.scalar(*name, r.child(at, "name"), "a name such as Christmas Day");
    } else {
      day.date = r.date(h, h.Mark(), at);
    }
    int key = std::chrono::sys_days{day.date}.time_since_epoch().count();
    if (auto [it, fresh] = seen.emplace(key, date_mark); !fresh)
      r.fail(date_mark, date_path,
             fmt::format("{} is already a holiday (at {}); a date may appear once", date_text(day.date),
                         r.earlier(it->second, date_mark)));
    spec.holidays.push_back(std::move(day));
  }
}

void read_special_days(const spec_reader& r, const spec_reader::entry& e, const std::string& path,
                       calendar_spec& spec) {
  if (!e.value.IsSequence())
    r.fail(spec_reader::mark_of(e), path,
           fmt::format("expected a list of special days such as [{{date: 2026-12-24, hours: [\"08:00-12:00\"]}}], "
                       "got {}",
                       describe(e.value)));
  std::map<int, YAML::Mark> seen;
  std::size_t index = 0;
  for (const auto& s : e.value) {
    std::string at = spec_reader::item(path, index++);
    if (!s.IsMap())
      r.fail(s, at,
             fmt::format("expected a special day such as {{date: 2026-12-24, hours: [\"08:00-12:00\"]}}, got {}",
                         describe(s)));
    auto fields = r.keyed_entries(s, at, {"date", "hours", "name"});
    const auto* date = spec_reader::find(fields, "date");
    if (!date) r.fail(s, at, "missing key 'date'; write {date: 2026-12-24, hours: [\"08:00-12:00\"]}");
    const auto* hours = spec_reader::find(fields, "hours");
    if (!hours)
      r.fail(s, at, "missing key 'hours'; give the day's windows, such as hours: [\"08:00-12:00\"] ([] when closed)");
    special_day day;
    day.date = r.date(date->value, spec_reader::mark_of(*date), r.child(at, "date"));
    int key = std::chrono::sys_days{day.date}.time_since_epoch().count();
    if (auto [it, fresh] = seen.emplace(key, spec_reader::mark_of(*date)); !fresh)
      r.fail(spec_reader::mark_of(*date), r.child(at, "date"),
             fmt::format("{} is already a special day (at {}); a date may appear once", date_text(day.date),
                         r.earlier(it->second, spec_reader::mark_of(*date))));
    day.windows = r.windows(*hours, r.child(at, "hours"));
    if (const auto* name = spec_reader::find(fields, "name"))
      day.name = r.scalar(*name, r.child(at, "name"), "a name such as Christmas Eve");
    spec.special_days.push_back(std::move(day));
  }
}


// Where a second YAML document starts, if the text has one.
std::optional<YAML::Mark> second_document_mark(std::string_view text) {
  struct document_marks : YAML::EventHandler {
    int documents = 0;
    std::optional<YAML::Mark> second;  // where the second document's content starts
    void content(const YAML::Mark& mark) {
      if (documents == 2 && !second) second = mark;
    }
    void OnDocumentStart(const YAML::Mark&) override { ++documents; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t) override { content(m); }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { content(m); }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override { content(m); }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { content(m); }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { content(m); }
    void OnMapEnd() override {}
  } handler;
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  for (int i = 0; i < 2 && parser.HandleNextDocument(handler); ++i) {
  }
  return handler.second;
}
}  // namespace

calendar_spec parse_calendar_spec(std::string_view text, const source_position& where, std::string_view path_prefix) {
  spec_reader r(where, path_prefix);
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    auto before = text.substr(0, nul);
    auto line_start = before.rfind('\n');
    YAML::Mark mark;
    mark.line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    mark.column = static_cast<int>(line_start == std::string_view::npos ? nul : nul - line_start - 1);
    r.fail(mark, r.root(), "a NUL byte; a calendar spec is text");
  }

  std::vector<YAML::Node> documents;
  try {
    // Not YAML::LoadAll: on some malformed input it never stops producing documents (yaml-cpp
    // 0.7; found by fuzzing). Load the first document, and look for a second with the event
    // parser, which is asked for two documents at most.
    documents.push_back(YAML::Load(std::string(text)));
    if (auto second = second_document_mark(text)) {
      r.fail(*second, r.root(), "a second YAML document; a calendar spec is one document (remove '---')");
    }
  } catch (const YAML::DeepRecursion& bad) {
    r.fail(bad.mark, r.root(), "lists or maps nested too deeply; a calendar spec needs four levels at most");
  } catch (const YAML::Exception& bad) {
    r.fail(bad.mark, r.root(), fmt::format("YAML syntax: {}", bad.msg));
  }
  YAML::Mark start;
  start.line = start.column = 0;
  if (documents.empty() || documents[0].IsNull())
    r.fail(start, r.root(), "the calendar spec is empty; expected a map with timezone and hours");
  const YAML::Node& doc = documents[0];
  if (!doc.IsMap())
    r.fail(doc, r.root(),
           fmt::format("expected a calendar spec (a map with timezone and hours), got {}", describe(doc)));

  calendar_spec spec;
  auto fields = r.keyed_entries(doc, r.root(), {"timezone", "hours", "holidays", "special_days"});

  const auto* zone = spec_reader::find(fields, "timezone");
  if (!zone) r.fail(doc, r.root(), "missing key 'timezone'; add timezone: America/New_York (an IANA name, UTC or +05:30)");
  std::string zone_path = r.child("", "timezone");
  spec.timezone = r.scalar(*zone, zone_path, "a time zone such as America/New_York, UTC or +05:30");
  if (spec.timezone.empty())
    r.fail(spec_reader::mark_of(*zone), zone_path,
           "the time zone is empty; write an IANA name such as America/New_York, UTC or +05:30");
  if (std::any_of(spec.timezone.begin(), spec.timezone.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == '\x7f'; }))
    r.fail(spec_reader::mark_of(*zone), zone_path,
           fmt::format("{} is not a time zone name: it contains spaces or control characters", describe(zone->value)));

  const auto* hours = spec_reader::find(fields, "hours");
  if (!hours)
    r.fail(doc, r.root(), "missing key 'hours'; add hours: {mon-fri: [\"08:00-18:00\"]}, or hours: always for 24/7");
  read_hours(r, *hours, r.child("", "hours"), spec);

  if (const auto* holidays = spec_reader::find(fields, "holidays"))
    read_holidays(r, *holidays, r.child("", "holidays"), spec);
  if (const auto* specials = spec_reader::find(fields, "special_days"))
    read_special_days(r, *specials, r.child("", "special_days"), spec);
  return spec;
}

}  // namespace sla

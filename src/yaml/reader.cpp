// See reader.hpp.
#include "yaml/reader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "text/quote.hpp"
#include "text/suggest.hpp"

namespace sla::detail {

std::string child_path(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return fmt::format("{}.{}", path, key);
}

std::string index_path(std::string_view path, std::size_t index) { return fmt::format("{}[{}]", path, index); }

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined()) return "nothing";
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return quote_value(node.Scalar());
    case YAML::NodeType::Null: return "nothing (null)";
    default: return "nothing";
  }
}

const yaml_entry* yaml_map::find(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.key.Scalar() == key) return &e;
  return nullptr;
}

yaml_reader::yaml_reader(std::string source, std::vector<problem>* problems, options opts)
    : source_(std::move(source)), problems_(problems), options_(std::move(opts)) {}

// ---- Positions and problems -----------------------------------------------------------------

namespace {
source_position position_of(const std::string& source, const yaml_reader::options& o, const YAML::Mark& m) {
  source_position p{source, 0, 0};
  if (m.line < 0 || m.column < 0) return p;
  p.line = o.first_line > 0 ? o.first_line + m.line : m.line + 1;
  p.column = m.line == 0 && o.first_column > 0 ? o.first_column + m.column : m.column + 1;
  return p;
}

YAML::Mark mark_of(const YAML::Node& node) {
  try {
    return node.Mark();
  } catch (const YAML::Exception&) {
    return YAML::Mark::null_mark();
  }
}
}  // namespace

source_position yaml_reader::position(const YAML::Node& at) const { return position_of(source_, options_, mark_of(at)); }

source_position yaml_reader::position(const yaml_entry& at) const {
  return position(at.value.IsDefined() && !at.value.IsNull() ? at.value : at.key);
}

std::string yaml_reader::where_relative(const YAML::Node& first, const YAML::Node& now) const {
  source_position a = position(first), b = position(now);
  return a.line == b.line ? fmt::format("column {}", a.column) : fmt::format("line {}", a.line);
}

void yaml_reader::error_at(const YAML::Node& at, std::string_view path, std::string message, std::string hint,
                           std::optional<error_code> code) {
  problems_->push_back({problem_severity::error, position(at), std::string(path), std::move(message), std::move(hint),
                        code.value_or(options_.code)});
}

void yaml_reader::error(const yaml_entry& at, std::string message, std::string hint, std::optional<error_code> code) {
  problems_->push_back({problem_severity::error, position(at), at.path, std::move(message), std::move(hint),
                        code.value_or(options_.code)});
}

void yaml_reader::missing(const yaml_map& map, std::string_view key, std::string hint) {
  const auto& s = map.suggested();
  if (std::find(s.begin(), s.end(), key) != s.end()) return;
  missing(map.self(), key, std::move(hint));
}

void yaml_reader::missing(const yaml_entry& map, std::string_view key, std::string hint) {
  error_at(map.value.IsDefined() && !map.value.IsNull() ? map.value : map.key, child_path(map.path, key),
           fmt::format("missing {}", key), std::move(hint));
}

void yaml_reader::warning_at(const YAML::Node& at, std::string_view path, std::string message, std::string hint) {
  problems_->push_back({problem_severity::warning, position(at), std::string(path), std::move(message), std::move(hint),
                        options_.code});
}

void yaml_reader::warning(const yaml_entry& at, std::string message, std::string hint) {
  problems_->push_back({problem_severity::warning, position(at), at.path, std::move(message), std::move(hint), options_.code});
}

bool yaml_reader::has_errors() const noexcept {
  return std::any_of(problems_->begin(), problems_->end(), [](const problem& p) { return p.severity == problem_severity::error; });
}

// ---- Parsing one document --------------------------------------------------------------------

namespace {

// Walks the parser's events once (aliases are not expanded): the second document, the nesting
// depth, and the number of values the document would have with every alias written out.
struct document_scan : YAML::EventHandler {
  struct stop {};
  int documents = 0;
  std::optional<YAML::Mark> second, too_deep, too_large;
  int depth = 0;
  long long expanded = 0;
  std::map<YAML::anchor_t, long long> anchored;               // anchor → values it stands for
  std::vector<std::pair<YAML::anchor_t, long long>> open;    // collections open: anchor, count at start

  void value(const YAML::Mark& m, long long n) {
    if (documents >= 2 && !second) second = m;
    expanded += n;
    if (expanded > yaml_reader::max_expanded && !too_large) {
      too_large = m;
      throw stop{};
    }
  }
  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { scalar(m, a); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string&) override { scalar(m, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    auto it = anchored.find(a);
    value(m, it == anchored.end() ? 1 : it->second);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override { begin(m, a); }
  void OnSequenceEnd() override { end(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override { begin(m, a); }
  void OnMapEnd() override { end(); }

  void scalar(const YAML::Mark& m, YAML::anchor_t a) {
    value(m, 1);
    if (a != YAML::NullAnchor) anchored[a] = 1;
  }
  void begin(const YAML::Mark& m, YAML::anchor_t a) {
    value(m, 1);
    open.emplace_back(a, expanded - 1);
    if (++depth > yaml_reader::max_depth && !too_deep) {
      too_deep = m;
      throw stop{};
    }
  }
  void end() {
    --depth;
    if (open.empty()) return;
    auto [a, start] = open.back();
    open.pop_back();
    if (a != YAML::NullAnchor) anchored[a] = expanded - start;
  }
};

}  // namespace

std::optional<yaml_entry> yaml_reader::parse(std::string_view text, std::string_view empty_hint) {
  auto fail = [&](const YAML::Mark& m, std::string message, std::string hint = {}) {
    problems_->push_back({problem_severity::error, position_of(source_, options_, m), options_.path_prefix, std::move(message),
                          std::move(hint), options_.code});
    return std::nullopt;
  };
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    auto before = text.substr(0, nul);
    auto line_start = before.rfind('\n');
    YAML::Mark m;
    m.line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    m.column = static_cast<int>(line_start == std::string_view::npos ? nul : nul - line_start - 1);
    return fail(m, "a NUL byte", "the file is not text");
  }
  std::string copy(text);
  document_scan scan;
  try {
    std::istringstream in(copy);
    YAML::Parser parser(in);
    // Two documents at most: the second is an error. (Not YAML::LoadAll, which loops on some
    // malformed input.)
    for (int i = 0; i < 2 && parser.HandleNextDocument(scan); ++i) {
    }
  } catch (const document_scan::stop&) {
  } catch (const YAML::Exception& e) {
    return fail(e.mark, fmt::format("YAML syntax: {}", e.msg));
  }
  if (scan.too_deep)
    return fail(*scan.too_deep, fmt::format("lists or maps nested more than {} levels deep", max_depth),
                "no document here needs more than a few levels");
  if (scan.too_large)
    return fail(*scan.too_large, fmt::format("aliases expand this document to more than {} values", max_expanded),
                "write the values out, or alias smaller parts");
  if (scan.second)
    return fail(*scan.second, "a second YAML document", "a file holds one document: remove the `---` and what follows, or merge them");
  YAML::Node root;
  try {
    root = YAML::Load(copy);
  } catch (const YAML::Exception& e) {
    return fail(e.mark, fmt::format("YAML syntax: {}", e.msg));
  }
  if (!root.IsDefined() || root.IsNull()) {
    YAML::Mark start;
    start.line = start.column = 0;
    return fail(start, "the document is empty", std::string(empty_hint));
  }
  return yaml_entry{root, root, options_.path_prefix};
}

// ---- Maps, lists and scalars -------------------------------------------------------------------

std::optional<yaml_map> yaml_reader::entries_of(const yaml_entry& e, std::string_view what,
                                                const std::initializer_list<std::string_view>* allowed) {
  if (!e.value.IsDefined() || !e.value.IsMap()) {
    error(e, fmt::format("expected {} (a map), got {}", what, describe(e.value)));
    return std::nullopt;
  }
  yaml_map out;
  out.self_ = e;
  std::map<std::string, YAML::Node, std::less<>> seen;
  for (auto it = e.value.begin(); it != e.value.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      error_at(key, e.path, fmt::format("a key must be a plain name, got {}", describe(key)));
      continue;
    }
    const std::string& name = key.Scalar();
    std::string path = child_path(e.path, name);
    if (auto [first, fresh] = seen.emplace(name, key); !fresh) {
      error_at(key, path, fmt::format("duplicate key '{}' (first given at {})", name, where_relative(first->second, key)),
               "a key may appear once in a map; merge the two entries");
      continue;
    }
    if (allowed && std::find(allowed->begin(), allowed->end(), name) == allowed->end()) {
      std::vector<std::string> keys(allowed->begin(), allowed->end());
      std::string list;
      for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
      if (auto close = closest(name, keys)) out.suggested_.push_back(*close);
      std::string suggestion = did_you_mean(name, keys);
      error_at(key, path, fmt::format("unknown key '{}' in {}", name, what),
               fmt::format("{}{}expected one of: {}", suggestion, suggestion.empty() ? "" : " ", list));
      continue;
    }
    out.entries_.push_back({key, it->second, std::move(path)});
  }
  return out;
}

std::optional<yaml_map> yaml_reader::map(const yaml_entry& e, std::initializer_list<std::string_view> allowed,
                                         std::string_view what) {
  return entries_of(e, what, &allowed);
}

std::optional<yaml_map> yaml_reader::named_map(const yaml_entry& e, std::string_view what) {
  return entries_of(e, what, nullptr);
}

std::optional<std::vector<yaml_entry>> yaml_reader::list(const yaml_entry& e, std::string_view what) {
  if (!e.value.IsDefined() || !e.value.IsSequence()) {
    error(e, fmt::format("expected {}, got {}", what, describe(e.value)));
    return std::nullopt;
  }
  std::vector<yaml_entry> out;
  std::size_t i = 0;
  for (const auto& item : e.value) {
    // A null item (`- ` with nothing after it) is placed at the list.
    out.push_back({item.IsNull() ? e.value : item, item, index_path(e.path, i++)});
  }
  return out;
}

std::optional<std::string> yaml_reader::scalar(const yaml_entry& e, std::string_view what) {
  if (e.value.IsDefined() && e.value.IsScalar()) return e.value.Scalar();
  error(e, fmt::format("expected {}, got {}", what, describe(e.value)));
  return std::nullopt;
}

std::optional<std::vector<std::string>> yaml_reader::names(const yaml_entry& e, std::string_view what) {
  if (e.value.IsDefined() && e.value.IsScalar()) return std::vector<std::string>{e.value.Scalar()};
  if (!e.value.IsDefined() || !e.value.IsSequence()) {
    error(e, fmt::format("expected {} (a name or a list of names), got {}", what, describe(e.value)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  // (The list is held in a variable: a range-for over *list(…) would outlive the optional.)
  auto items = list(e, fmt::format("a list of {}", what));
  for (const auto& item : *items)
    if (auto s = scalar(item, what)) out.push_back(*s);
    else ok = false;
  if (!ok) return std::nullopt;
  return out;
}

std::optional<long long> yaml_reader::integer(const yaml_entry& e, std::string_view what, long long min, long long max) {
  auto s = scalar(e, what);
  if (!s) return std::nullopt;
  long long v = 0;
  auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc{} || end != s->data() + s->size() || v < min || v > max) {
    error(e, fmt::format("expected {} (a whole number from {} to {}), got {}", what, min, max, quote_value(*s)));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> yaml_reader::boolean(const yaml_entry& e, std::string_view what) {
  auto s = scalar(e, what);
  if (!s) return std::nullopt;
  if (*s == "true" || *s == "yes") return true;
  if (*s == "false" || *s == "no") return false;
  error(e, fmt::format("expected {} (true or false), got {}", what, quote_value(*s)));
  return std::nullopt;
}

std::optional<std::chrono::year_month_day> yaml_reader::date(const yaml_entry& e) {
  if (!e.value.IsDefined() || !e.value.IsScalar()) {
    error(e, fmt::format("expected a date such as 2026-12-25, got {}", describe(e.value)));
    return std::nullopt;
  }
  const std::string& s = e.value.Scalar();
  auto number = [&](std::size_t from, std::size_t len, auto& out) {
    auto [end, ec] = std::from_chars(s.data() + from, s.data() + from + len, out);
    return ec == std::errc{} && end == s.data() + from + len;
  };
  int y = 0;
  unsigned m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) {
    error(e, fmt::format("{} is not a date", quote_value(s)), "write YYYY-MM-DD, such as 2026-12-25");
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.month().ok()) {
    error(e, fmt::format("{} is not a date: there is no month {:02d}", s, m));
    return std::nullopt;
  }
  if (!ymd.ok()) {
    auto last = std::chrono::year_month_day_last{ymd.year(), std::chrono::month_day_last{ymd.month()}}.day();
    error(e, fmt::format("{} is not a date: {:04d}-{:02d} has {} days", s, y, m, unsigned(last)));
    return std::nullopt;
  }
  return ymd;
}

// ---- Files -------------------------------------------------------------------------------------

std::optional<std::string> read_file(const std::string& path, std::string* why) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *why = fmt::format("cannot read {}: {}", path, std::strerror(errno));
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    *why = fmt::format("cannot read {}: it is a directory", path);
    return std::nullopt;
  }
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      *why = fmt::format("cannot read {}: {}", path, std::strerror(errno));
      ::close(fd);
      return std::nullopt;
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

}  // namespace sla::detail

// See reader.hpp.
#include "yaml/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace sla::detail {

problem make_problem(std::string source, int line, int column, std::string message, std::string hint) {
  problem p;
  p.where.source = std::move(source);
  p.where.line = line;
  p.where.column = column;
  p.message = std::move(message);
  p.hint = std::move(hint);
  return p;
}

std::string child_path(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return fmt::format("{}.{}", path, key);
}

std::string index_path(std::string_view path, std::size_t index) { return fmt::format("{}[{}]", path, index); }

source_position yaml_reader::position(const YAML::Node& at) const {
  source_position p{source_, 0, 0};
  try {
    YAML::Mark m = at.Mark();
    if (m.line >= 0) {
      p.line = m.line + 1;
      p.column = m.column + 1;
    }
  } catch (const YAML::Exception&) {
    // an invalid node (a key looked up in a non-map) has no position
  }
  return p;
}

void yaml_reader::error(const YAML::Node& at, std::string_view path, std::string message, std::string hint) {
  problems_->push_back({problem_severity::error, position(at), std::string(path), std::move(message), std::move(hint)});
}

void yaml_reader::warning(const YAML::Node& at, std::string_view path, std::string message, std::string hint) {
  problems_->push_back({problem_severity::warning, position(at), std::string(path), std::move(message), std::move(hint)});
}

bool yaml_reader::has_errors() const noexcept {
  return std::any_of(problems_->begin(), problems_->end(),
                     [](const problem& p) { return p.severity == problem_severity::error; });
}

namespace {
const char* kind_name(const YAML::Node& n) {
  if (!n.IsDefined()) return "nothing (the key is missing)";
  switch (n.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a scalar";
    case YAML::NodeType::Null: return "nothing (null)";
    default: return "nothing";
  }
}

std::string quoted_list(std::initializer_list<std::string_view> keys) {
  std::string out;
  for (auto k : keys) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}
}  // namespace

bool yaml_reader::expect_named_map(const YAML::Node& node, std::string_view path, std::string_view what) {
  if (!node.IsDefined() || !node.IsMap()) {
    error(node, path, fmt::format("expected {} (a map), got {}", what, kind_name(node)));
    return false;
  }
  std::set<std::string> seen;
  bool ok = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      error(it->first, path, "a key must be a plain name");
      ok = false;
      continue;
    }
    const std::string& key = it->first.Scalar();
    if (!seen.insert(key).second) {
      error(it->first, child_path(path, key), fmt::format("duplicate key '{}'", key),
            "a key may appear once in a map; merge the two entries");
      ok = false;
    }
  }
  return ok;
}

bool yaml_reader::expect_map(const YAML::Node& node, std::string_view path,
                             std::initializer_list<std::string_view> allowed, std::string_view what) {
  if (!expect_named_map(node, path, what)) return node.IsDefined() && node.IsMap();
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string& key = it->first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      error(it->first, child_path(path, key), fmt::format("unknown key '{}' in {}", key, what),
            fmt::format("expected one of: {}", quoted_list(allowed)));
  }
  return true;
}

bool yaml_reader::expect_sequence(const YAML::Node& node, std::string_view path, std::string_view what) {
  if (node.IsDefined() && node.IsSequence()) return true;
  error(node, path, fmt::format("expected {} (a list), got {}", what, kind_name(node)));
  return false;
}

std::optional<std::string> yaml_reader::scalar(const YAML::Node& node, std::string_view path, std::string_view what) {
  if (node.IsDefined() && node.IsScalar()) return node.Scalar();
  error(node, path, fmt::format("expected {}, got {}", what, kind_name(node)));
  return std::nullopt;
}

std::optional<std::vector<std::string>> yaml_reader::scalar_list(const YAML::Node& node, std::string_view path,
                                                                 std::string_view what) {
  if (node.IsDefined() && node.IsScalar()) return std::vector<std::string>{node.Scalar()};
  if (!node.IsDefined() || !node.IsSequence()) {
    error(node, path, fmt::format("expected {} (a name or a list of names), got {}", what, kind_name(node)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  std::size_t i = 0;
  for (const auto& item : node) {
    if (auto s = scalar(item, index_path(path, i), what)) out.push_back(*s);
    ++i;
  }
  return out;
}

std::optional<long long> yaml_reader::integer(const YAML::Node& node, std::string_view path, std::string_view what,
                                              long long min, long long max) {
  auto s = scalar(node, path, what);
  if (!s) return std::nullopt;
  long long v = 0;
  auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc{} || end != s->data() + s->size() || v < min || v > max) {
    error(node, path, fmt::format("expected {} (an integer from {} to {}), got \"{}\"", what, min, max, *s));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> yaml_reader::boolean(const YAML::Node& node, std::string_view path, std::string_view what) {
  auto s = scalar(node, path, what);
  if (!s) return std::nullopt;
  if (*s == "true" || *s == "yes") return true;
  if (*s == "false" || *s == "no") return false;
  error(node, path, fmt::format("expected {} (true or false), got \"{}\"", what, *s));
  return std::nullopt;
}

std::optional<std::chrono::year_month_day> yaml_reader::date(const YAML::Node& node, std::string_view path) {
  auto s = scalar(node, path, "a date (YYYY-MM-DD)");
  if (!s) return std::nullopt;
  auto bad = [&] {
    error(node, path, fmt::format("\"{}\" is not a date", *s), "write dates as YYYY-MM-DD, e.g. 2026-12-25");
    return std::nullopt;
  };
  if (s->size() != 10 || (*s)[4] != '-' || (*s)[7] != '-') return bad();
  int y = 0;
  unsigned m = 0, d = 0;
  auto num = [&](std::size_t from, std::size_t len, auto& out) {
    auto [end, ec] = std::from_chars(s->data() + from, s->data() + from + len, out);
    return ec == std::errc{} && end == s->data() + from + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return bad();
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) {
    error(node, path, fmt::format("{} is not a day of the calendar", *s));
    return std::nullopt;
  }
  return ymd;
}

YAML::Node parse_document(std::string_view text, yaml_reader& reader) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
    reader.report(make_problem(reader.source(), line, 0, "a NUL byte", "the file is not text"));
    return YAML::Node(YAML::NodeType::Undefined);
  }
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    problem p = e.mark.line < 0 ? make_problem(reader.source(), 0, 0, fmt::format("YAML syntax: {}", e.msg))
                                : make_problem(reader.source(), e.mark.line + 1, e.mark.column + 1,
                                               fmt::format("YAML syntax: {}", e.msg));
    reader.report(std::move(p));
    return YAML::Node(YAML::NodeType::Undefined);
  }
}

std::optional<std::string> read_file(const std::string& path, std::string* why) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *why = fmt::format("cannot read {}: {}", path, std::strerror(errno));
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) {
    *why = fmt::format("cannot read {}", path);
    return std::nullopt;
  }
  return std::move(s).str();
}

}  // namespace sla::detail

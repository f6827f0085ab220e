// The one YAML reader every document goes through — policies, calendar specs, holiday sets and
// the calendars inside JSON requests (JSON is YAML). It parses one document with safeguards,
// and lets a loader walk it while collecting problems with their file:line:column and key path.
// yaml-cpp nodes never leave src/: a loader builds plain values and drops the nodes.
//
// What it catches for every document: YAML syntax errors (with yaml-cpp's position), NUL bytes,
// a second document after `---`, nesting deeper than max_depth, aliases that would expand to
// more than max_expanded values (a "billion laughs"), an empty document; in maps, keys that are
// not plain names, duplicate keys ("first given at line L"), unknown keys (with "did you mean");
// and values of the wrong kind, null ones included, reported at their key.
// This layer knows nothing above it: no calendars, holidays or policies.
#pragma once

#include <sla/error.hpp>

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sla::detail {

// A value with the node that names it (a map's key, or the item itself in a list) and its key
// path. Positions of a null value are those of its key: yaml-cpp marks a null at the next token.
struct yaml_entry {
  YAML::Node key;
  YAML::Node value;
  std::string path;
};

// The entries of a map in document order, each key once.
class yaml_map {
 public:
  const yaml_entry* find(std::string_view key) const;
  const std::vector<yaml_entry>& entries() const noexcept { return entries_; }
  const yaml_entry& self() const noexcept { return self_; }
  // The known keys that an unknown key of this map was reported as a likely typo of.
  const std::vector<std::string>& suggested() const noexcept { return suggested_; }

 private:
  friend class yaml_reader;
  yaml_entry self_;
  std::vector<yaml_entry> entries_;
  std::vector<std::string> suggested_;
};

// "a.b" and "a[3]" key paths; a key below the empty path is the key itself.
std::string child_path(std::string_view path, std::string_view key);
std::string index_path(std::string_view path, std::size_t index);

class yaml_reader {
 public:
  static constexpr int max_depth = 64;
  static constexpr long long max_expanded = 1'000'000;

  struct options {
    // Where the text starts inside a larger source (a calendar inside a JSON line): line and
    // column (1-based) of its first character; 0 when the text is the whole source.
    int first_line = 0;
    int first_column = 0;
    std::string path_prefix;                      // key paths start with it ("calendar")
    error_code code = error_code::invalid_policy;  // the code of the problems reported
  };

  // Problems go to *problems; positions name `source`.
  yaml_reader(std::string source, std::vector<problem>* problems, options opts);
  yaml_reader(std::string source, std::vector<problem>* problems) : yaml_reader(std::move(source), problems, options{}) {}

  // The one document of `text` as the root entry (path = the prefix), or std::nullopt after
  // reporting why not. `what` names the expected content for the empty-text message
  // ("a policy needs at least policy, types, calendars and targets").
  std::optional<yaml_entry> parse(std::string_view text, std::string_view empty_hint);

  const std::string& source() const noexcept { return source_; }
  const std::string& root_path() const noexcept { return options_.path_prefix; }
  error_code code() const noexcept { return options_.code; }

  source_position position(const YAML::Node& at) const;
  source_position position(const yaml_entry& at) const;
  // "line 3", or "column 12" when `first` is on the line of `now` (one line of JSON).
  std::string where_relative(const YAML::Node& first, const YAML::Node& now) const;

  void error(const yaml_entry& at, std::string message, std::string hint = {}, std::optional<error_code> code = {});
  void error_at(const YAML::Node& at, std::string_view path, std::string message, std::string hint = {},
                std::optional<error_code> code = {});
  // A required key that a map lacks: at the map, with the key's path. Not reported again when
  // an unknown key of the map was already reported as a typo of it (`hour:` for `hours:`).
  void missing(const yaml_map& map, std::string_view key, std::string hint);
  void missing(const yaml_entry& map, std::string_view key, std::string hint);
  void warning(const yaml_entry& at, std::string message, std::string hint = {});
  void warning_at(const YAML::Node& at, std::string_view path, std::string message, std::string hint = {});
  void report(problem p) { problems_->push_back(std::move(p)); }
  bool has_errors() const noexcept;
  std::size_t problem_count() const noexcept { return problems_->size(); }

  // A map whose keys are all in `allowed`. Unknown keys (with a "did you mean"), duplicates
  // and keys that are not plain names are reported and left out; std::nullopt (reported) when
  // the value is not a map.
  std::optional<yaml_map> map(const yaml_entry& e, std::initializer_list<std::string_view> allowed, std::string_view what);
  // A map from names to values: any plain keys, each once.
  std::optional<yaml_map> named_map(const yaml_entry& e, std::string_view what);
  // A list's items as entries (path[i]); std::nullopt (reported) when the value is not a list.
  std::optional<std::vector<yaml_entry>> list(const yaml_entry& e, std::string_view what);

  // A scalar's text; std::nullopt (reported) for a map, a list or a null.
  std::optional<std::string> scalar(const yaml_entry& e, std::string_view what);
  // A scalar or a list of scalars, as a list of names.
  std::optional<std::vector<std::string>> names(const yaml_entry& e, std::string_view what);
  std::optional<long long> integer(const yaml_entry& e, std::string_view what, long long min, long long max);
  std::optional<bool> boolean(const yaml_entry& e, std::string_view what);
  // A date `YYYY-MM-DD`.
  std::optional<std::chrono::year_month_day> date(const yaml_entry& e);

 private:
  std::optional<yaml_map> entries_of(const yaml_entry& e, std::string_view what, const std::initializer_list<std::string_view>* allowed);

  std::string source_;
  std::vector<problem>* problems_;
  options options_;
};

// What a node is, for messages: `a map`, `a list`, `nothing (null)`, or the scalar quoted.
std::string describe(const YAML::Node& node);

// Reads a file whole; std::nullopt (and *why: the path and the reason) when it cannot be read:
// missing, a directory, no permission, a read error.
std::optional<std::string> read_file(const std::string& path, std::string* why);

}  // namespace sla::detail

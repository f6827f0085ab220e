// Reading YAML documents into the library's own types, collecting problems with their
// position and key path. yaml-cpp nodes never leave src/: a loader walks the document with a
// yaml_reader, builds plain values, and drops the nodes.
#pragma once

#include <sla/error.hpp>
#include <sla/policy.hpp>

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sla::detail {

// An error at a position, outside any node.
problem make_problem(std::string source, int line, int column, std::string message, std::string hint = {});

// "a.b" / "a[3]" key paths.
std::string child_path(std::string_view path, std::string_view key);
std::string index_path(std::string_view path, std::size_t index);

class yaml_reader {
 public:
  // Problems go to *problems; positions name `source` and are 1-based.
  yaml_reader(std::string source, std::vector<problem>* problems) : source_(std::move(source)), problems_(problems) {}

  const std::string& source() const noexcept { return source_; }
  source_position position(const YAML::Node& at) const;

  void error(const YAML::Node& at, std::string_view path, std::string message, std::string hint = {});
  void warning(const YAML::Node& at, std::string_view path, std::string message, std::string hint = {});
  void report(problem p) { problems_->push_back(std::move(p)); }
  bool has_errors() const noexcept;

  // A map whose keys are all in `allowed` (an unknown key, a duplicate or a non-scalar key is
  // reported, pointing at the key). False (and reported) when the node is not a map.
  bool expect_map(const YAML::Node& node, std::string_view path, std::initializer_list<std::string_view> allowed,
                  std::string_view what);
  // A map with arbitrary scalar keys (names); duplicates reported. False when not a map.
  bool expect_named_map(const YAML::Node& node, std::string_view path, std::string_view what);
  bool expect_sequence(const YAML::Node& node, std::string_view path, std::string_view what);

  // A scalar's text; reported and std::nullopt when the node is not a scalar.
  std::optional<std::string> scalar(const YAML::Node& node, std::string_view path, std::string_view what);
  // A scalar or a sequence of scalars, as a list.
  std::optional<std::vector<std::string>> scalar_list(const YAML::Node& node, std::string_view path,
                                                      std::string_view what);
  std::optional<long long> integer(const YAML::Node& node, std::string_view path, std::string_view what,
                                   long long min, long long max);
  std::optional<bool> boolean(const YAML::Node& node, std::string_view path, std::string_view what);
  // A date `YYYY-MM-DD`.
  std::optional<std::chrono::year_month_day> date(const YAML::Node& node, std::string_view path);

 private:
  std::string source_;
  std::vector<problem>* problems_;
};

// Parses a whole document; a syntax error becomes one problem (with yaml-cpp's position) and an
// undefined node is returned. Rejects NUL bytes; strips a UTF-8 BOM.
YAML::Node parse_document(std::string_view text, yaml_reader& reader);

// Reads a file whole; std::nullopt (and *why) when it cannot be read.
std::optional<std::string> read_file(const std::string& path, std::string* why);

}  // namespace sla::detail

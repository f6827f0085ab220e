// The one YAML reader (src/yaml/reader.hpp), directly: what it catches for every document.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "yaml/reader.hpp"

namespace {

using sla::detail::yaml_entry;
using sla::detail::yaml_reader;

struct document {
  std::vector<sla::problem> problems;
  yaml_reader reader{"doc.yaml", &problems};
  std::optional<yaml_entry> root;
  explicit document(const std::string& text) { root = reader.parse(text, "a test document"); }
  std::string first() const {
    return problems.empty() ? std::string("no problem") : sla::format_problem(problems.front());
  }
};

}  // namespace

TEST_CASE("yaml reader: a second document is an error at its first value", "[yaml]") {
  document r("a: 1\n---\nb: 2\n");
  CHECK_FALSE(r.root);
  CHECK(r.first() == "doc.yaml:3:1: a second YAML document (a file holds one document: remove the `---` and what follows, or merge them)");
  // A document marker before the only document is fine.
  CHECK(document("---\na: 1\n").root);
}

TEST_CASE("yaml reader: nesting past 64 levels and aliases past a million values are errors", "[yaml]") {
  document deep(std::string(65, '[') + std::string(65, ']'));
  CHECK_FALSE(deep.root);
  CHECK_THAT(deep.first(), Catch::Contains("nested more than 64 levels deep"));
  CHECK(document(std::string(64, '[') + std::string(64, ']')).root);
  // a: 1,000 values; b: 1,000 aliases of a = 1,000,000 more.
  std::string text = "a: &a [";
  for (int i = 0; i < 1000; ++i) text += i ? ", x" : "x";
  text += "]\nb: [";
  for (int i = 0; i < 1000; ++i) text += i ? ", *a" : "*a";
  text += "]\n";
  document big(text);
  CHECK_FALSE(big.root);
  CHECK_THAT(big.first(), Catch::Contains("aliases expand this document to more than 1000000 values"));
}

TEST_CASE("yaml reader: maps report duplicate and unknown keys, with a did-you-mean", "[yaml]") {
  document r("timezone: UTC\nhour: always\ntimezone: UTC\n");
  REQUIRE(r.root);
  auto m = r.reader.map(*r.root, {"timezone", "hours"}, "a calendar");
  REQUIRE(m);
  REQUIRE(r.problems.size() == 2);
  CHECK(sla::format_problem(r.problems[0]) ==
        "doc.yaml:2:1: hour: unknown key 'hour' in a calendar (did you mean `hours`? expected one of: timezone, hours)");
  CHECK(sla::format_problem(r.problems[1]) ==
        "doc.yaml:3:1: timezone: duplicate key 'timezone' (first given at line 1) (a key may appear once in a map; merge the two entries)");
  // The typo is remembered, so the missing key it stands for is not reported twice.
  r.reader.missing(*m, "hours", "add hours");
  CHECK(r.problems.size() == 2);
  r.reader.missing(*m, "holidays", "add holidays");
  CHECK(sla::format_problem(r.problems.back()) == "doc.yaml:1:1: holidays: missing holidays (add holidays)");
}

TEST_CASE("yaml reader: a null value is reported at its key, an empty document at 1:1", "[yaml]") {
  document r("name:\nother: 1\n");
  REQUIRE(r.root);
  auto m = r.reader.named_map(*r.root, "a map");
  REQUIRE(m);
  CHECK_FALSE(r.reader.scalar(*m->find("name"), "a name"));
  CHECK(r.first() == "doc.yaml:1:1: name: expected a name, got nothing (null)");
  document empty("# only a comment\n");
  CHECK_FALSE(empty.root);
  CHECK(empty.first() == "doc.yaml:1:1: the document is empty (a test document)");
}

TEST_CASE("yaml reader: an unreadable file gives its path and the reason", "[yaml]") {
  std::string why;
  CHECK_FALSE(sla::detail::read_file("/nonexistent/file.yaml", &why));
  CHECK(why == "cannot read /nonexistent/file.yaml: No such file or directory");
  CHECK_FALSE(sla::detail::read_file(std::filesystem::temp_directory_path().string(), &why));
  CHECK_THAT(why, Catch::EndsWith(": it is a directory"));
}

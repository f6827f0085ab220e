// Two corpora of policies, each file's first line saying, worked out by hand from the file,
// the problem the loader must report:
//   "# expect: LINE:COL: PATH: MESSAGE" and optionally "  # hint: TEXT" the hint must contain.
// tests/data/bad/ holds policies with errors (they must not load); tests/data/lint/ policies
// that load but draw a warning ("MESSAGE" starts with "warning: "), each the kind of mistake a
// linter is for: misspelt names, dead targets, empty cells, unused calendars, holidays that
// never close a business date.
#include <catch2/catch.hpp>

#include <sla/policy.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace {

struct expectation {
  std::string problem;  // LINE:COL: PATH: [warning: ]MESSAGE
  std::string hint;     // may be empty
};

expectation expected_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  const std::string tag = "# expect: ", hint_tag = "  # hint: ";
  REQUIRE(first.rfind(tag, 0) == 0);
  first = first.substr(tag.size());
  expectation e;
  if (auto h = first.find(hint_tag); h != std::string::npos) {
    e.hint = first.substr(h + hint_tag.size());
    first = first.substr(0, h);
  }
  e.problem = first;
  return e;
}

std::string without_source(const sla::problem& p) {
  return std::to_string(p.where.line) + ":" + std::to_string(p.where.column) + ": " + p.path + ": " +
         (p.severity == sla::problem_severity::warning ? "warning: " : "") + p.message;
}

// Checks every file of a corpus; returns how many there were.
std::size_t check_corpus(const std::string& folder, bool must_load) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    INFO(entry.path().filename().string());
    expectation expected = expected_of(entry.path());
    auto problems = sla::validate_policy_file(entry.path().string());
    std::vector<std::string> found;
    const sla::problem* match = nullptr;
    for (const auto& p : problems) {
      CHECK(p.where.source == entry.path().string());
      found.push_back(without_source(p));
      if (found.back() == expected.problem) match = &p;
    }
    CHECK_THAT(found, Catch::Matchers::VectorContains(expected.problem));
    if (match && !expected.hint.empty()) CHECK_THAT(match->hint, Catch::Contains(expected.hint));
    if (must_load) {
      // A linted policy loads: its problems are warnings only.
      for (const auto& p : problems) CHECK(p.severity == sla::problem_severity::warning);
      CHECK_NOTHROW(sla::policy::load(entry.path().string()));
    } else {
      // policy::load throws the first error, with the file name in front.
      try {
        sla::policy::load(entry.path().string());
        FAIL("loaded a broken policy");
      } catch (const sla::error& e) {
        CHECK(std::string(e.what()).rfind(entry.path().string() + ":", 0) == 0);
      }
    }
  }
  return files;
}

}  // namespace

TEST_CASE("bad policies: every file in tests/data/bad reports its expected error", "[policy]") {
  CHECK(check_corpus(SLA_TEST_DATA_DIR "/bad", false) >= 15);
}

TEST_CASE("lint: every file in tests/data/lint loads and draws its expected warning", "[policy]") {
  CHECK(check_corpus(SLA_TEST_DATA_DIR "/lint", true) >= 6);
}

TEST_CASE("bad policies: an unreadable file is one problem naming it", "[policy]") {
  auto problems = sla::validate_policy_file("/nonexistent/policy.yaml");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.rfind("cannot read /nonexistent/policy.yaml", 0) == 0);
  CHECK_THROWS_AS(sla::policy::load("/nonexistent/policy.yaml"), sla::error);
}

TEST_CASE("target amounts: the forms agreements use", "[policy]") {
  using sla::amount_kind;
  using namespace std::chrono_literals;
  CHECK(sla::parse_target_amount("15m").time == 15min);
  CHECK(sla::parse_target_amount("15 mins").time == 15min);
  CHECK(sla::parse_target_amount("2h30m").time == 9000s);
  CHECK(sla::parse_target_amount("90s").time == 90s);
  CHECK(sla::parse_target_amount("24 hours").time == 24h);
  CHECK(sla::parse_target_amount("1d").time == 24h);
  CHECK(sla::parse_target_amount("5 business days").kind == amount_kind::business_days);
  CHECK(sla::parse_target_amount("5 business days").days == 5);
  CHECK(sla::parse_target_amount("1 business day").days == 1);
  CHECK(sla::parse_target_amount("Next Business Day").kind == amount_kind::next_business_day);
  CHECK(sla::parse_target_amount("none").kind == amount_kind::none);
  CHECK_THROWS_AS(sla::parse_target_amount("soon"), sla::error);
  CHECK_THROWS_AS(sla::parse_target_amount("0m"), sla::error);
  CHECK_THROWS_AS(sla::parse_target_amount("15"), sla::error);
  CHECK_THROWS_AS(sla::parse_target_amount("-5m"), sla::error);
  CHECK_THROWS_AS(sla::parse_target_amount("0 business days"), sla::error);
  CHECK_THROWS_AS(sla::parse_target_amount("99999999999999999999h"), sla::error);
  CHECK(sla::format_target_amount(sla::parse_target_amount("2h30m")) == "2h30m");
  CHECK(sla::format_target_amount(sla::parse_target_amount("5 business days")) == "5 business days");
}

// The corpus of broken policies in tests/data/bad/: each file's first line says, worked out by
// hand from the file, the problem the loader must report: "# expect: LINE:COL: PATH: MESSAGE".
#include <catch2/catch.hpp>

#include <sla/policy.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace {

std::string expected_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  const std::string tag = "# expect: ";
  REQUIRE(first.rfind(tag, 0) == 0);
  return first.substr(tag.size());
}

std::string without_source(const sla::problem& p) {
  return std::to_string(p.where.line) + ":" + std::to_string(p.where.column) + ": " + p.path + ": " + p.message;
}

}  // namespace

TEST_CASE("bad policies: every file in tests/data/bad reports its expected problem", "[policy]") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(SLA_TEST_DATA_DIR "/bad")) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    std::string expected = expected_of(entry.path());
    auto problems = sla::validate_policy_file(entry.path().string());
    std::vector<std::string> errors;
    for (const auto& p : problems) {
      CHECK(p.where.source == entry.path().string());
      if (p.severity == sla::problem_severity::error) errors.push_back(without_source(p));
    }
    INFO(entry.path().filename().string());
    CHECK_THAT(errors, Catch::Matchers::VectorContains(expected));
    // policy::load throws the first error, with the file name in front.
    try {
      sla::policy::load(entry.path().string());
      FAIL("loaded a broken policy");
    } catch (const sla::error& e) {
      CHECK(std::string(e.what()).rfind(entry.path().string() + ":", 0) == 0);
    }
  }
  CHECK(files >= 15);
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

// Policy loader behaviour not covered by the bad-policy corpus.
#include <catch2/catch.hpp>

#include <sla/policy.hpp>

namespace {
const char* with_hours(const char* hours) {
  static std::string text;
  text = std::string(R"(
policy: hours
types: [bug]
severities: [high]
calendars:
  desk: {timezone: Asia/Kolkata, hours: )") + hours + R"(}
targets:
  - {calendar: desk, targets: {response: 4h}}
)";
  return text.c_str();
}
}  // namespace

TEST_CASE("policy loader: day ranges may wrap past Sunday, as in calendar specs", "[policy]") {
  auto p = sla::policy::parse(with_hours(R"({sun-thu: ["09:00-17:00"]})"), "wrap.yaml");
  const auto& hours = p.calendars().at(0).spec.hours;  // Monday first
  CHECK(hours[6].size() == 1);                         // Sunday
  CHECK(hours[3].size() == 1);                         // Thursday
  CHECK(hours[4].empty());                             // Friday
  CHECK(hours[5].empty());                             // Saturday
  CHECK_THROWS_WITH(sla::policy::parse(with_hours(R"({mon-mon: ["09:00-17:00"]})"), "one.yaml"),
                    Catch::Contains("names one day"));
}

TEST_CASE("policy loader: a broken holiday set is one problem, not one per target", "[policy]") {
  auto problems = sla::validate_policy(R"(
policy: x
types: [a]
severities: [s]
calendars:
  c: {timezone: UTC, hours: always, holiday_sets: [missing.yaml]}
targets:
  - {calendar: c, targets: {response: 1h}}
  - {type: a, calendar: c, targets: {resolution: 1h}}
)",
                                       "x.yaml", "/nonexistent");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "cannot read holiday set missing.yaml: No such file or directory");
  CHECK(problems[0].code == sla::error_code::io);
}

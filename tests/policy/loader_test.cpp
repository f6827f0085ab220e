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

TEST_CASE("policy loader: each problem carries its code, and load throws it", "[policy]") {
  const std::string head = "policy: p\ntypes: [a]\ncalendars:\n  c: {timezone: ZONE, hours: always}\n";
  const std::string targets = "targets: [{calendar: c, targets: {response: 1h}}]\n";
  auto code_of = [](const std::string& text) {
    try {
      sla::policy::parse(text, "p.yaml");
    } catch (const sla::error& e) {
      return e.code();
    }
    FAIL("loaded");
    return sla::error_code::io;
  };
  auto with_zone = [&](const std::string& zone) {
    std::string text = head;
    text.replace(text.find("ZONE"), 4, zone);
    return text + targets;
  };
  // An unknown zone inside a policy is unknown_time_zone, with its position.
  CHECK(code_of(with_zone("Mars/Olympus")) == sla::error_code::unknown_time_zone);
  auto problems = sla::validate_policy(with_zone("Mars/Olympus"), "p.yaml");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == sla::error_code::unknown_time_zone);
  CHECK(problems[0].where.line == 4);
  // A policy's own mistakes are invalid_policy; a missing holiday set is io.
  CHECK(code_of(with_zone("UTC") + "clock: {pause: {waiting: [response]}}\n") == sla::error_code::invalid_policy);
  CHECK(code_of(head.substr(0, head.find("ZONE")) + "UTC, hours: always, holiday_sets: [nowhere.yaml]}\n" + targets) ==
        sla::error_code::io);
  CHECK(sla::to_string(sla::error_code::invalid_policy) == "invalid_policy");
}

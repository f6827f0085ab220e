// Worked examples for policies/aveksa.yaml (seed 004). The agreement's targets live in a
// document the seed does not include, so every amount in the file is assumed (policies/README.md:
// "nothing is tested against them beyond loading and linting"); these tests check the parts the
// agreement does state — case types, levels, the P1-only hotfix flag — and how the file's rules
// resolve.
#include <catch2/catch.hpp>

#include <sla/policy.hpp>

#include "seed_support.hpp"

using seed::describe;
using Strings = std::vector<std::string>;

namespace {
const sla::policy& aveksa() {
  static const sla::policy p = seed::load("aveksa");
  return p;
}
}  // namespace

TEST_CASE("aveksa: case types, severities and the P1-only hotfix flag", "[policy]") {
  const auto& p = aveksa();
  // "(Question/How to, Enhancement request, Product error condition, User is experiencing
  // unexpected product behavior, or Performance issue)"
  CHECK(p.types() == Strings{"question", "enhancement_request", "product_error", "unexpected_behavior",
                             "performance_issue"});
  CHECK(p.severities() == Strings{"p1", "p2", "p3", "p4"});
  CHECK(p.plans().empty());
  // "will only be provided in response to P1 severity Errors"
  CHECK(p.flags().at("hotfix_severities") == Strings{"p1"});
}

TEST_CASE("aveksa: support levels L1 -> L2 -> L3 as escalation levels of the resolution target", "[policy]") {
  const auto& e = aveksa().escalations();
  // Every case "will begin at Level 1": L1 is the level before any threshold; the thresholds
  // are the escalations to Level 2 and Level 3 (at assumed percentages).
  REQUIRE(e.size() == 2);
  CHECK(e[0].name == "L2");
  CHECK(e[1].name == "L3");
  CHECK(e[0].percent < e[1].percent);
  CHECK(e[0].targets == Strings{"resolution"});
  CHECK(e[1].targets == Strings{"resolution"});
}

TEST_CASE("aveksa: per-severity targets, with enhancement requests left to a future release", "[policy]") {
  const auto& p = aveksa();
  // The per-severity rules (assumed amounts) apply to every case type but enhancement requests.
  CHECK(describe(p, "product_error", "p1") ==
        Strings{"response business 1h", "update business 4h", "resolution business 2 business days"});
  CHECK(describe(p, "question", "p4") ==
        Strings{"response business 2 business days", "update business none", "resolution business none"});
  // "for consideration in a future release": the rule naming type and severities overrides
  // update and resolution; the response still comes from the severity rule.
  for (const char* severity : {"p1", "p2", "p3", "p4"}) {
    INFO(severity);
    auto targets = describe(p, "enhancement_request", severity);
    REQUIRE(targets.size() == 3);
    CHECK(targets[1] == "update - none");
    CHECK(targets[2] == "resolution - none");
  }
  CHECK(describe(p, "enhancement_request", "p1")[0] == "response business 1h");
  // "Provide the customer with updates to their case as it is being worked"
  CHECK(p.clock().periodic_targets == Strings{"update"});
}

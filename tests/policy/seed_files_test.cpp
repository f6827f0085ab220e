// The five seed policies load and lint clean: no errors and no warnings.
#include <catch2/catch.hpp>

#include <sla/policy.hpp>

#include "seed_support.hpp"

TEST_CASE("seed policies: each of the five files validates with zero problems", "[policy]") {
  for (const char* name : {"avallain", "xen", "advendio", "schoolstatus", "aveksa"}) {
    INFO(name);
    CHECK(seed::problems_of(seed::policy_path(name)) == std::vector<std::string>{});
    CHECK_NOTHROW(seed::load(name));
    CHECK(seed::load(name).name() == name);
  }
}

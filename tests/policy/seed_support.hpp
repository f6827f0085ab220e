// Helpers for the worked examples of the seed policies (tests/policy/seed_*_test.cpp).
// Every expected value in those tests is worked out by hand from policies/README.md and docs/semantics.md,
// with the arithmetic in comments; these helpers only load files and render results as text
// so that a failure shows both instants.
#pragma once

#include <sla/policy.hpp>
#include <sla/time.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace seed {

inline std::string policy_path(std::string_view name) {
  return std::string(SLA_SOURCE_DIR) + "/policies/" + std::string(name) + ".yaml";
}

inline sla::policy load(std::string_view name) { return sla::policy::load(policy_path(name)); }

// "response always 15m", one line per target of the cell, in the policy's order.
inline std::vector<std::string> describe(const sla::policy& p, std::string_view type, std::string_view severity,
                                         std::string_view plan = {}) {
  std::vector<std::string> out;
  for (const auto& t : p.targets_for(type, severity, plan))
    out.push_back(t.name + " " + (t.calendar.empty() ? std::string("-") : t.calendar) + " " +
                  sla::format_target_amount(t.amount));
  return out;
}

// The deadline of one target of a cell for a clock started at `start` (RFC 3339) that runs
// without pauses, as UTC text; "none" when the target has no deadline, "no such target" when
// the cell has no target of that name.
inline std::string deadline(const sla::policy& p, std::string_view type, std::string_view severity,
                            std::string_view plan, std::string_view target, std::string_view start,
                            std::string_view tenant_zone = {}) {
  for (const auto& t : p.targets_for(type, severity, plan)) {
    if (t.name != target) continue;
    auto d = p.deadline(t, sla::parse_instant(start), tenant_zone);
    return d ? sla::format_instant(*d) : std::string("none");
  }
  return "no such target";
}

inline std::vector<std::string> problems_of(const std::string& path) {
  std::vector<std::string> out;
  for (const auto& problem : sla::validate_policy_file(path)) out.push_back(sla::format_problem(problem));
  return out;
}

}  // namespace seed

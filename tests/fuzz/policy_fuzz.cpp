// libFuzzer target "policy": the policy loader: validate_policy and policy::parse on the input text.
// The body is sla_fuzz::policy_loader (tests/fuzz_replay/fuzz_entries.hpp), which the test suite also runs
// on tests/data/fuzz/policy/ and tests/data/fuzz-regressions/policy/. Built and run by scripts/fuzz.
#include <cstddef>
#include <cstdint>

#include "fuzz_replay/fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sla_fuzz::policy_loader(data, size);
  return 0;
}

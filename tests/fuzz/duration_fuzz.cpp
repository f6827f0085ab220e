// libFuzzer target "duration": the target-amount parser: parse_target_amount on the input text.
// The body is sla_fuzz::duration (tests/fuzz_replay/fuzz_entries.hpp), which the test suite also runs
// on tests/data/fuzz/duration/ and tests/data/fuzz-regressions/duration/. Built and run by scripts/fuzz.
#include <cstddef>
#include <cstdint>

#include "fuzz_replay/fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sla_fuzz::duration(data, size);
  return 0;
}

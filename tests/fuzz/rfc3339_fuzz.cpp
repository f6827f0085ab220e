// libFuzzer target "rfc3339": the RFC 3339 parser: try_parse_instant / parse_instant on the input text.
// The body is sla_fuzz::rfc3339 (tests/fuzz_replay/fuzz_entries.hpp), which the test suite also runs
// on tests/data/fuzz/rfc3339/ and tests/data/fuzz-regressions/rfc3339/. Built and run by scripts/fuzz.
#include <cstddef>
#include <cstdint>

#include "fuzz_replay/fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sla_fuzz::rfc3339(data, size);
  return 0;
}

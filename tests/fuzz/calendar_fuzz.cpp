// libFuzzer target "calendar": sla-calc's calendar work: parse_calendar_spec on the input, then business_calendar operations.
// The body is sla_fuzz::calendar (tests/fuzz_replay/fuzz_entries.hpp), which the test suite also runs
// on tests/data/fuzz/calendar/ and tests/data/fuzz-regressions/calendar/. Built and run by scripts/fuzz.
#include <cstddef>
#include <cstdint>

#include "fuzz_replay/fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sla_fuzz::calendar(data, size);
  return 0;
}

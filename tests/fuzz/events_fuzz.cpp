// libFuzzer target "events": sla-check's event lines: ticket::append, ticket_tracker, evaluate on policies/avallain.yaml.
// The body is sla_fuzz::events (tests/fuzz_replay/fuzz_entries.hpp), which the test suite also runs
// on tests/data/fuzz/events/ and tests/data/fuzz-regressions/events/. Built and run by scripts/fuzz.
#include <cstddef>
#include <cstdint>

#include "fuzz_replay/fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sla_fuzz::events(data, size);
  return 0;
}

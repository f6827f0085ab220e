// The bodies of the libFuzzer targets in tests/fuzz/, shared with the replay test in this folder
// (fuzz_replay_test.cpp), which feeds them every seed in tests/data/fuzz/<target>/ and every
// regression input in tests/data/fuzz-regressions/<target>/ on each run of the normal suite.
//
// An entry takes any bytes. An sla::error is an answer (bad input, clearly reported) and is
// caught inside. Anything else is a finding: a crash or a sanitizer report, a hang, or an
// invariant_violation, thrown when the library's answers contradict its own contract
// (add(t, d) = u with elapsed(t, u) != d, a parse that does not round-trip, evaluate() and
// ticket_tracker disagreeing, validate_policy() and policy::parse() disagreeing, …).
//
// Paths: the policy loader resolves holiday sets against policies/ and the event target loads
// policies/avallain.yaml, both under SLA_SOURCE_DIR (a compile definition). Time zones come from
// $TZDIR: the fixture zones (tests/data/tz) in both the test suite and scripts/fuzz.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sla_fuzz {

// The library answered something its contract rules out.
struct invariant_violation : std::logic_error {
  using std::logic_error::logic_error;
};

// policy: the input is a policy file. validate_policy and policy::parse must agree on whether it
// has errors; a loaded policy's targets, deadlines and calendars are then exercised.
void policy_loader(const std::uint8_t* data, std::size_t size);

// rfc3339: the input is a timestamp. try_parse_instant and parse_instant must agree; an accepted
// timestamp lies in the supported range and formats back to the same text (less any fraction).
void rfc3339(const std::uint8_t* data, std::size_t size);

// duration: the input is a target amount. An accepted amount is within its limits and formats
// back to text that parses to the same amount.
void duration(const std::uint8_t* data, std::size_t size);

// calendar: the input is a calendar spec (YAML or JSON, as in an sla-calc request line). It is
// compiled, then add / subtract / elapsed / next_open / next_close / is_open /
// add_business_days / next_business_day_close run at instants and durations derived from the
// input bytes (near the spec's own dates, at the edges of the supported range and beyond it,
// ±INT64 extremes), checking the answers against the definitions in calendar.hpp.
void calendar(const std::uint8_t* data, std::size_t size);

// events: the input is an sla-check-like event list under policies/avallain.yaml:
//   line 1:  now, an RFC 3339 instant
//   then:    CSV in sla-check's column order (missing fields empty):
//            ticket,at,event,type,severity,plan,timezone,users_affected,status
// e.g. "T-1,2026-03-02T09:00:00Z,created,incident,urgent,,,3,". Each event goes to ticket::append
// and ticket_tracker::append (which must accept and reject the same events); then per ticket
// evaluate() and ticket_tracker::evaluate() (same answers), explain() for every target, and
// queue_order() over all tickets.
void events(const std::uint8_t* data, std::size_t size);

using entry_function = void (*)(const std::uint8_t*, std::size_t);
struct entry {
  std::string_view name;  // the folder under tests/data/fuzz/ and tests/data/fuzz-regressions/
  entry_function run;
};
// Every target, in a fixed order.
const std::vector<entry>& entries();

}  // namespace sla_fuzz

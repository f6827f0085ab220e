// The clock rules of a policy resolved to indices once, at load: which status pauses or meets
// which target, which events meet it, what resumes and restarts, and the thresholds as exact
// amounts of accrued time. The ticket replay (src/ticket/) reads only this, never names.
#pragma once

#include <sla/policy.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sla {
struct policy_data;
}

namespace sla::detail {

// The events the clock rules may name as meeting targets.
enum class meeting_event : std::uint8_t { responded, updated, resolved, closed };
constexpr std::size_t meeting_event_count = 4;

// A warning or escalation threshold as a function of the target's business time.
struct compiled_threshold {
  std::string name;
  std::optional<long long> percent_milli;  // at: P% as thousandths of a percent (75% → 75000)
  std::chrono::seconds before{0};          // before: X, when percent_milli is empty
  std::vector<std::uint8_t> applies;       // per target index

  // The accrued time at which the threshold is crossed, for a target of `target` seconds.
  long long needed(long long target) const {
    if (percent_milli) return (target * *percent_milli + 99'999) / 100'000;  // ceil(P% × target)
    long long n = target - before.count();
    return n > 0 ? n : 0;
  }
};

struct clock_model {
  std::size_t target_count = 0;
  std::size_t status_count = 0;

  // [status × target_count + target]: pause_bit, meet_bit.
  static constexpr std::uint8_t pause_bit = 1, meet_bit = 2;
  std::vector<std::uint8_t> status_effect;
  std::vector<std::uint8_t> status_meets_any;  // per status: a meeting status
  std::vector<std::uint8_t> status_cancels;    // per status: a cancel status
  std::array<std::vector<std::uint8_t>, meeting_event_count> event_meets;  // per event, per target
  std::vector<std::uint8_t> resumable;  // per target
  std::vector<std::uint8_t> periodic;   // per target
  bool restart_on_severity_change = false;
  std::vector<compiled_threshold> warnings, escalations;

  bool pauses(std::size_t status, std::size_t target) const {
    return status_effect[status * target_count + target] & pause_bit;
  }
  bool meets(std::size_t status, std::size_t target) const {
    return status_effect[status * target_count + target] & meet_bit;
  }
};

clock_model compile_clock_model(const policy_data& d);

// One target of a cell (type × severity × plan), with names resolved.
struct cell_target {
  std::size_t target = 0;                // index into policy_data::target_names
  target_amount amount;
  std::optional<std::size_t> calendar;   // index into policy_data::calendars; none without one
};

}  // namespace sla::detail

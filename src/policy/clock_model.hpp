// The clock definitions of a policy resolved to indices once, at load: for every target, what
// each status and each event does to its clock (start, pause, meet, restart, cancel), and the
// thresholds as exact amounts of accrued time. The ticket replay (src/ticket/) reads only this,
// never names.
#pragma once

#include <sla/policy.hpp>
#include <sla/ticket.hpp>

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

// What an event or the entering of a status does to one clock.
enum clock_effect : std::uint8_t {
  effect_pause = 1,    // statuses only: it does not tick while the ticket is in the status
  effect_meet = 2,
  effect_restart = 4,
  effect_cancel = 8,
  effect_start = 16,
};

// Built-in events get ids 0 … event_kind_count-1 (their enumerator), custom events follow.
constexpr std::size_t event_kind_count = static_cast<std::size_t>(event_kind::custom) + 1;

struct compiled_clock {
  std::vector<std::uint8_t> on_status;  // per status: effects of entering it (pause: of being in it)
  std::vector<std::uint8_t> on_event;   // per event id
  bool starts_at_creation = true;
  bool repeat = false;
  reopen_action reopen = reopen_action::none;
};

struct clock_model {
  std::size_t target_count = 0;
  std::size_t status_count = 0;
  std::size_t event_count = event_kind_count;  // built-in + custom
  std::vector<compiled_clock> clocks;          // per target
  std::vector<std::uint8_t> status_meets_any;    // per status: a meeting status (leaving it reopens)
  std::vector<std::uint8_t> status_cancels_any;  // per status: it cancels some target
  bool restart_on_dimension_change = false;
  std::vector<compiled_threshold> warnings, escalations;

  bool pauses(std::size_t status, std::size_t target) const { return clocks[target].on_status[status] & effect_pause; }
  // The id of a built-in event, or of a custom event by name; std::nullopt for an unknown name.
  std::optional<std::size_t> event_id(event_kind kind, std::string_view custom_name, const std::vector<std::string>& customs) const;
};

clock_model compile_clock_model(const policy_data& d);

// One target of a cell (type × severity × plan), with its rule's entry.
struct cell_target {
  std::size_t target = 0;                         // index into policy_data::target_names
  const target_definition* definition = nullptr;  // the rule's entry: amount, calendar name, provenance
};

// Every cell of the policy resolved at load, by index: its targets in policy order and, per
// region, the calendar each one counts on. A ticket's dimensions are indices (resolved_event),
// so choosing its cell is an array lookup. Severity and plan index 0 stand for "none" in a
// policy without severities or plans; region index 0 for "none" in one without regions.
// A policy with more than max_cells cells × regions keeps no table (`cells` empty): its cells
// are worked out when a ticket enters one (cell_of).
struct cell_table {
  static constexpr std::size_t max_cells = 1 << 16;
  std::size_t type_count = 0, severity_count = 1, plan_count = 1, region_count = 1;
  std::vector<std::vector<cell_target>> cells;   // by cell index
  std::vector<std::vector<std::int32_t>> calendars;  // by cell index × region_count + region: per target, -1 none

  std::size_t cell_index(std::size_t type, std::size_t severity, std::size_t plan) const noexcept {
    return (type * severity_count + severity) * plan_count + plan;
  }
  const std::vector<std::int32_t>& calendars_of(std::size_t cell, std::size_t region) const noexcept {
    return calendars[cell * region_count + region];
  }
};

cell_table compile_cell_table(const policy_data& d);

// One cell's targets and their calendars in a region, from the table or worked out.
void cell_of(const policy_data& d, std::size_t type, std::size_t severity, std::size_t plan, std::size_t region,
             std::vector<cell_target>& targets, std::vector<std::int32_t>& calendars);

}  // namespace sla::detail

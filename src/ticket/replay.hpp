// The replay behind evaluate(), ticket_tracker and explain(): a ticket's clocks advanced event
// by event (docs/semantics.md, part 2).
//
// Every target name of the policy has a clock from the creation, whatever the ticket's cell:
// its phase (not started, running, met, cancelled), its cycles, and a timeline of the current
// series — the instants at which it started ticking, paused, was met or cancelled since the
// series began. What a target has accrued, and whether and when it breached, follow from that
// timeline, the target's amount and its calendar; so a dimension change that keeps the original
// start only swaps the amount and the calendar and recounts the same timeline. Nothing here
// depends on names: statuses, events, targets and calendars are indices resolved by the policy's
// clock model.
#pragma once

#include <sla/ticket.hpp>

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <optional>
#include <vector>

#include "policy/policy_data.hpp"

namespace sla::detail {

enum class clock_phase : std::uint8_t { not_started, running, met, cancelled };

// What a clock does from a transition's instant on: tick, wait (paused by a status), or stand
// still after a meet or a cancellation.
enum class clock_state : std::uint8_t { ticking, paused, met, cancelled };

struct clock_transition {
  instant at;
  clock_state state = clock_state::ticking;
  std::uint16_t status = 0;  // paused: the status that pauses it
};

// Accrued time and breach of one clock at some instant.
struct clock_reading {
  std::chrono::seconds accrued{0};
  std::optional<instant> breach;
};

using clock_series = boost::container::small_vector<clock_transition, 4>;

// A cycle that ended. Its accrued time and breach are read from its series when reported, on
// the definition it counts with, so that a dimension change that keeps the original start
// recounts the completed cycles too.
struct cycle_record {
  static constexpr std::size_t current_series = static_cast<std::size_t>(-1);
  instant start, end;
  std::optional<instant> met_at;
  target_state outcome = target_state::met;  // met or cancelled, unless the reading shows a breach
  std::size_t series = current_series;        // index into target_clock::past_series
  const target_definition* definition = nullptr;
  const business_calendar* calendar = nullptr;
  target_amount amount;
};

struct target_clock {
  clock_phase phase = clock_phase::not_started;
  // The current series, from its start (front().at); strictly increasing instants; empty while
  // not started. A new series begins at a start, a restart or a repeat; resuming continues it.
  clock_series timeline;
  std::vector<clock_series> past_series;  // the series of earlier cycles that ended
  int cycles = 0;
  instant cycle_start{};  // the current cycle's start: the series' start (resuming keeps it)
  std::optional<instant> met_at;
  std::optional<instant> cancelled_at;
  std::vector<cycle_record> records;  // the completed cycles, oldest first

  // The definition the clock is counted with: the cell's amount and calendar.
  bool in_cell = false;
  const target_definition* definition = nullptr;
  target_amount amount;
  const business_calendar* calendar = nullptr;  // none for a target without a calendar
  std::int32_t calendar_index = -1;             // the policy calendar it is, -1 none
  std::optional<std::chrono::seconds> target;   // the amount as business time from the start; none: never

  // The reading over the finished intervals timeline[0 .. counted) (each ends where the next
  // transition begins), so that an evaluation only counts the last one.
  std::size_t counted = 0;
  clock_reading finished;

  bool is_clock() const noexcept { return in_cell && amount.kind != amount_kind::none && calendar; }
};

// resolve_event() on the loaded policy; resolve_names() without the field checks that
// ticket::append has made already.
resolved_event resolve_event(const policy_data& d, const ticket_event& e, std::string_view ticket_id);
resolved_event resolve_names(const policy_data& d, const ticket_event& e, std::string_view ticket_id);

// The replay reads the policy through pointers: the policy value it was made from must outlive it.
class ticket_replay {
 public:
  ticket_replay(const policy& p, std::string id);

  // Applies the next event; events come in time order, the first is `created` (with the
  // ticket's zone and country).
  void apply(const resolved_event& e, std::string_view zone = {}, std::string_view country = {});
  // The same for an event by name: resolved against the policy first.
  void apply(const ticket_event& e);
  // The evaluation at `now` (not before the last applied event).
  ticket_evaluation result(instant now) const;
  // The explanation of one target at `now`; throws when the ticket has no such target.
  std::vector<explained_segment> explain(std::string_view target, instant now) const;

  // Whether the ticket is done (docs/semantics.md 2.14): it has clocks and none runs, or it has
  // none and sits in a meeting or cancel status.
  bool done() const;

 private:
  void compile_calendars();  // calendars_ for the ticket's zone and country
  void choose_cell(instant at, bool restart);
  void define(target_clock& c, const cell_target& t, std::int32_t calendar, bool recount_completed);
  void measure(target_clock& c);
  void begin_series(target_clock& c, std::size_t target, instant at);
  void end_cycle(target_clock& c, instant at, target_state outcome);
  void meet(target_clock& c, instant at);
  void reopen(instant at);
  void act(std::size_t target, std::uint8_t effects, instant at);
  void sync_states(instant at);
  void push(target_clock& c, instant at, clock_state state, std::uint16_t status);
  void advance_reading(target_clock& c) const;
  clock_reading read(const target_clock& c, instant now) const;
  completed_cycle report(const target_clock& c, const cycle_record& r) const;
  clock_state desired_state(const target_clock& c, std::size_t target) const;

  const policy_data* data_;
  const tenant_binding* tenant_;  // the calendars the policy value is bound to, if any
  const clock_model* model_;
  std::string id_;
  bool started_ = false;
  std::uint16_t type_ = 0, severity_ = 0, plan_ = 0, region_ = 0;  // indices (detail::cell_table)
  std::string zone_;
  std::string own_country_;  // the created event's country
  std::string country_;      // whose holidays apply: own, else the region's (docs/semantics.md 2.18)
  std::optional<std::uint16_t> status_;  // none before the first status event
  instant created_{}, last_{};
  // Small policies need no allocation for these: a few calendars and target names.
  boost::container::small_vector<const business_calendar*, 4> calendars_;  // per policy calendar, for this ticket's zone
  boost::container::small_vector<target_clock, 3> clocks_;                 // per target name of the policy
  boost::container::small_vector<std::size_t, 4> cell_order_;              // the cell's targets, in policy order
  std::vector<cell_target> cell_scratch_;             // the cell, for a policy without a cell table
  std::vector<std::int32_t> calendar_scratch_;
};

}  // namespace sla::detail

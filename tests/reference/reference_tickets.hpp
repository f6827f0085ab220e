// A deliberately simple, slow reference for ticket clocks, written from docs/semantics.md
// (part 2) and sharing no code with src/ticket. It replays a ticket's history second-exactly:
// the time from the creation to `now` is cut into pieces at every whole UTC minute and at every
// event instant; within one piece nothing happens and (the whole-minute assumption of
// reference_calendar) business-ness is constant, so a piece counts whole or not at all.
//
// At every piece boundary the events at that instant are applied in order, then each clock is
// checked for a breach ("accrued has reached the amount while the phase, after every event at
// that instant, is not met"); inside a piece a ticking clock may cross its amount, which is a
// breach at the crossing second (no event can meet it there).
//
// Severity changes: with `keep` (the default) the whole history is replayed with the cell in
// force at `now` (docs/semantics.md 2.8: "the same as if the ticket had had the new severity
// from the start with the same history"); with `restart` the cell changes during the replay.
//
// Calendars: reference_calendar (cctz, minute by minute), remembered per calendar spec and UTC
// minute in a process-wide cache (not thread-safe: the reference is for single-threaded tests).
// Deadlines and thresholds are searched at most 200 days ahead; past that the reference throws
// std::logic_error rather than guess.
// Readings where docs/semantics.md leaves room (each is a judgement call of this reference):
// - The ticket has no status until its first status event; nothing pauses before it.
// - A status event always enters its status, even the current one: it meets again what that
//   status meets (running targets only); meeting → the same meeting status is no reopening.
// - Events at `now` are applied before judging `now`; the cell is the one in force at `now`.
// - `before: X` with X ≥ the target is crossed from the start (threshold max(0, target − X)).
// - A target met exactly on its deadline and resumed later is breached at the resumption
//   instant (its accrued time equals the amount while unmet).
// - A periodic restart also happens while the target is paused (its phase is running); a
//   restart exactly on the old cycle's deadline leaves that cycle on time. met_by_event
//   ["updated"] is applied after the restart, so it may meet the fresh cycle at once.
// - severity_change: restart restarts running targets on every severity event, even one that
//   names the current severity; met/cancelled targets keep their old definition (amount and
//   calendar) and, if later resumed, run on it. A target the old cell lacked counts as `none`.
// - not_applicable targets report cycles 1, no met_at/breached_at/deadline, accrued 0.
// - next_change takes every threshold of 2.12 as a candidate, even an escalation level whose
//   crossing leaves the *last* crossed level (the reported one) unchanged.
// - The reported plan is the default plan when the ticket names none.
#pragma once

#include <sla/policy.hpp>
#include <sla/ticket.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sla_ref {

struct reference_target {
  std::string name;
  std::string calendar;       // the calendar of the reported definition ("" when the cell has none)
  sla::target_amount amount;  // the reported definition's amount, as written
  sla::target_state state = sla::target_state::running;  // running, paused, met, breached, cancelled, not_applicable
  std::optional<long long> target;  // the amount in business seconds; std::nullopt for `none`
  long long accrued = 0;
  std::optional<sla::instant> met_at, breached_at, deadline;
  std::vector<std::string> warnings;      // crossed, in policy order
  std::optional<std::string> escalation;  // the last level, in policy order, that is crossed
  std::vector<std::string> escalations_crossed;  // every level crossed, in policy order (escalation is the last)
  int cycles = 1;
  long long explained_counted = 0;  // the counted stretches of [start, now), summed separately (== accrued)
};

struct reference_evaluation {
  std::string type, severity, plan;       // the cell at `now` (plan: the default plan when the ticket names none)
  std::vector<reference_target> targets;  // in policy.targets_for(type, severity, plan) order
  std::optional<sla::instant> next_change;
};

// Events may be given in any order (they are stably sorted by time; `created` must come first).
// Events after `now` are ignored; events at `now` are applied. Throws std::logic_error for a
// history it cannot judge (no `created`, `now` before it, a search past its horizon).
reference_evaluation evaluate_ticket(const sla::policy& p, const std::vector<sla::ticket_event>& events, sla::instant now);

}  // namespace sla_ref

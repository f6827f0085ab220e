// A deliberately simple, slow reference for ticket clocks, written from docs/semantics.md
// (part 2, 2.1–2.19) and sharing no code with src/ticket. It replays a ticket's history
// second-exactly: the time from the creation to `now` is cut into pieces at every whole UTC
// minute and at every event instant; within one piece nothing happens and (the whole-minute
// assumption of reference_calendar) business-ness is constant, so a piece counts whole or not at
// all.
//
// What it reads of the policy, through the public API only: targets_for (rule priority and
// specificity already applied, each definition with its `rule`), clock_definitions (one per
// target name, the `clock:` defaults already applied), calendars, regions /
// calendar_in_region / default_region, clock().restart_on_severity_change, warnings,
// escalations. Calendars are reference_calendar (cctz, minute by minute); sla::business_calendar
// and sla::evaluate are never used here.
//
// The model (each rule cites its section of docs/semantics.md in the .cpp):
// - Every target name has a clock, in one of four phases: not started, running, met, cancelled
//   (2.3). The phases follow the clock definition alone; the cell only gives the amount and the
//   calendar each clock counts on.
// - At every piece boundary the events at that instant are applied in order. An event first does
//   what it does to the ticket (a status event: leaving the previous status, which may reopen,
//   2.6; `reopened`: a reopening; a dimension change: the new cell/region, and with `restart`
//   the new cycles of 2.8), then acts on each clock in the order cancel, meet, restart, start
//   (2.16), the names matched being the entered status for a status event and the event's name
//   (sla::to_string, or ticket_event::name for a declared event) otherwise.
// - Then each clock is checked for a breach ("accrued has reached the amount while the phase,
//   after every event at that instant, is not met", 2.4); inside a piece a ticking clock may
//   cross its amount, which is a breach at the crossing second (no event can meet it there).
// - A cycle begins (accrued 0, start = that instant, amount fixed then, no met_at/breached_at)
//   at a start trigger of a not-started clock, at a start trigger of a met clock with `repeat`,
//   at a restart trigger of a running clock, at a reopening of a met clock with `reopen:
//   restart`, and at a dimension change with `restart` for a running clock. A reopening of a met
//   clock with `reopen: resume` begins a new cycle of the same series: same start, accrued and
//   breach kept. Every new cycle but the first moves the cycle before it to the completed list.
// - keep (the default): the whole history is replayed with the cell *and region* in force at
//   `now` (2.8, 2.18: "the same as if the ticket had had the new severity from the start with
//   the same history"); restart: the cell and region change during the replay.
// Deadlines and thresholds are searched at most 200 days ahead; past that the reference throws
// std::logic_error rather than guess. The calendar cache is process-wide and not thread-safe.
//
// Readings where docs/semantics.md leaves room (each is a judgement call of this reference):
// - The ticket has no status until its first status event; nothing pauses before it.
// - A status event always enters its status, even the current one: it meets again what that
//   status meets (running clocks only), fires the status's start and restart triggers again;
//   meeting → the same meeting status is no reopening.
// - Events at `now` are applied before judging `now`; the cell is the one in force at `now`.
// - `before: X` with X ≥ the target is crossed from the start (threshold max(0, target − X)).
// - A target met exactly on its deadline and resumed later is breached at the resumption
//   instant (its accrued time equals the amount while unmet).
// - Restart triggers (clock.periodic's `updated` included) act while the phase is running,
//   paused or not; a restart exactly on the old cycle's deadline leaves that cycle on time
//   (met). The cycle a restart ends records met_at = the restart instant even when it was
//   breached (the reply or update did come, late): outcome breached, met_at and breached_at.
// - 2.16's order replaces the earlier "periodic restart, then `updated` meets": an event that
//   both meets and restarts a clock meets it, and then the restart finds it not running. (No
//   policy tested here names one event for both.)
// - An event that meets a `repeat` clock and is also one of its start triggers starts the next
//   cycle at once (cancel, meet, restart, start, literally).
// - Cancellation is final for a start trigger too: a cancelled clock never starts again, with or
//   without `repeat` (2.7 "a cancelled target stays cancelled"; 2.16 "what starts a cycle of a
//   clock that is not running" is read as not started, or met with `repeat`).
// - Cancel acts on running and on not-started clocks: a clock cancelled before its start is
//   reported `cancelled` with cycles 0, accrued 0, no deadline, no completed cycles.
// - Meet and restart act only on running clocks; a not-started clock is not met by anything.
// - A not-started clock (and one cancelled before it started) reports no warnings and no
//   escalation, even a `before: X` with X ≥ the target (it is not a clock yet); its `target` is
//   the amount for a business-time amount and 0 (std::nullopt) for a business-days or
//   next-business-day amount, which has no start to be converted at.
// - `reopen: restart` on a clock whose start trigger is a status (2.16's time-to-close example)
//   begins the new cycle at the reopening itself; the next resolution then finds it running and
//   does not move its start. (2.16's prose "every resolution starts a new cycle" is read through
//   2.6 and the start rule, not as a separate rule.)
// - A `reopened` event: the reopening acts first, then the event's cancel/meet/restart/start
//   triggers by the name `reopened`.
// - A resumption (`reopen: resume`) counts a new cycle and records the met cycle as completed
//   (start = the series' start, end = its met_at, accrued at the meet); the breach, if any,
//   stays with the series (2.5), so the current cycle keeps breached_at too.
// - A completed cycle's `end` is the instant its clock stopped: met_at for a met (or met late)
//   cycle, whatever began the next cycle later; the change instant for one ended by a dimension
//   change. The current cycle is never in the list, even when it is met or cancelled.
// - A cycle that is superseded without being met (a dimension change with restart) at the very
//   second its accrued time reaches the amount is breached at that second (2.4: not met after
//   every event at that instant), so it is recorded as breached, not cancelled.
// - A new cycle (repeat, restart, reopen restart, dimension restart) starts unbreached; a breach
//   of the cycle that ended stays with that cycle (as 2.8 says for a dimension change).
// - severity_change (for severity, type, plan and region events alike): restart restarts the
//   running clocks of the new cell on every dimension event, even one that names the current
//   value; met and cancelled clocks keep their old definition (amount, calendar, rule) and, if
//   later resumed, run on it; a not-started clock takes the new cell's definition. A clock whose
//   old definition was `none` (or absent from the old cell) still has a phase (2.3: every target
//   name has a clock from the creation): running by default, so a restart ends that empty cycle
//   (recorded as cancelled, accrued 0) and begins the next one.
// - `calendar` reports the calendar the clock counts on, after the region's mapping (2.18); the
//   tenant zone applies to the mapped calendar when it takes one. `rule` is the rule of the
//   definition the clock counts on (the cell at `now`, but the old cell's for a met or cancelled
//   clock kept under `restart`, as for amount and calendar).
// - `region` reports the ticket's region at `now` (the default region when `created` names none);
//   empty for a policy without regions.
// - not_applicable targets report cycles 1, no completed cycles, no met_at/breached_at/deadline,
//   accrued 0 (whatever their phase would be).
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

struct reference_cycle {
  sla::instant start, end;
  sla::target_state outcome = sla::target_state::met;  // met, breached or cancelled
  std::optional<sla::instant> met_at, breached_at;
  long long accrued = 0;
  friend bool operator==(const reference_cycle&, const reference_cycle&) = default;
};

struct reference_target {
  std::string name;
  std::string calendar;       // the calendar the clock counts on, after the region's mapping
  sla::target_amount amount;  // the reported definition's amount, as written
  std::string rule;           // the reported definition's provenance
  // running, paused, met, breached, cancelled, not_applicable, not_started
  sla::target_state state = sla::target_state::running;
  std::optional<long long> target;  // the amount in business seconds; std::nullopt for `none` (and unconverted days)
  long long accrued = 0;
  std::optional<sla::instant> met_at, breached_at, deadline;
  std::vector<std::string> warnings;      // crossed, in policy order
  std::optional<std::string> escalation;  // the last level, in policy order, that is crossed
  std::vector<std::string> escalations_crossed;  // every level crossed, in policy order (escalation is the last)
  int cycles = 1;
  std::vector<reference_cycle> completed;  // oldest first
  std::optional<sla::instant> start, first_start;  // of the current cycle, of the first one; none while not started
  long long explained_counted = 0;  // the counted stretches of [start, now), summed separately (== accrued)
};

struct reference_evaluation {
  std::string type, severity, plan, region;  // at `now` (plan: the default plan when the ticket names none)
  std::vector<reference_target> targets;     // in policy.targets_for(type, severity, plan) order
  std::optional<sla::instant> next_change;
};

// Events may be given in any order (they are stably sorted by time; `created` must come first).
// Events after `now` are ignored; events at `now` are applied. Throws std::logic_error for a
// history it cannot judge (no `created`, `now` before it, a search past its horizon).
reference_evaluation evaluate_ticket(const sla::policy& p, const std::vector<sla::ticket_event>& events, sla::instant now);

}  // namespace sla_ref

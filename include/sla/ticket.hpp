// sla/ticket.hpp — ticket clocks: a ticket's history evaluated against its policy.
//
// A ticket gets targets (response, resolution, update, …) from its policy by type, severity and
// plan. Each target's clock runs from its start (the creation; the last `updated` event for a
// periodic target) and accrues only business time of its calendar, and only while the ticket is
// in no status that pauses it. It is met by the events and statuses the policy names (met on
// the deadline second is on time), breached when the accrued time reaches the amount first (a
// breach is permanent), cancelled by a cancellation (final). A reopening resumes the targets the
// policy names as resumable; a severity change recounts from the original start on the new
// cell's calendars. docs/semantics.md, part 2, is the full contract, edge by edge.
//
// Event order: events are taken by time; events with the same timestamp keep the order in
// which they were appended (a stable sort), so a host that appends in the order it saw them
// gets the same answer every time.
// Thread safety: every type here is a plain value; evaluate() is a pure function of its inputs.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sla/policy.hpp>
#include <sla/time.hpp>

namespace sla {

// The events of a ticket's history (docs/semantics.md 2.2). `responded` is an agent's public
// reply, `customer_message` a message from the customer, `note` an internal note (it counts for
// nothing). `severity`, `type`, `plan` and `region` change that dimension of the ticket.
// `custom` is an event the policy declares under `events:` (its name in ticket_event::name).
enum class event_kind {
  created, status, responded, customer_message, note, updated, resolved, closed, reopened,
  severity, type, plan, region, cancelled, custom
};

// "created" ↔ event_kind::created …; std::nullopt for a name that is not a built-in event (it may
// still be a custom event of a policy).
std::optional<event_kind> parse_event_kind(std::string_view name);
std::string_view to_string(event_kind kind);

struct ticket_event {
  instant at;
  event_kind kind = event_kind::created;
  // The fields each kind takes; any other field set is an error (ticket::append):
  //   created: type, severity, plan, region (empty: the policy's default or only one),
  //            timezone (the tenant's; empty: none), users_affected (queue order),
  //            country (ISO 3166: whose holidays a calendar that takes the ticket's country
  //            uses; empty: the region's country, else the calendar's default)
  //   status: status.  severity: severity.  type: type.  plan: plan.  region: region.
  //   custom: name (an event the policy declares).  Others: none.
  std::string type, severity, plan, timezone, status;
  std::optional<long long> users_affected;
  std::string region, name;
  std::string country;
};

// An event with its names resolved against one policy, once: what a host that evaluates many
// tickets keeps instead of a ticket_event, so that evaluation looks nothing up by name. The
// numbers are positions in the policy's lists — types(), severities(), plans(), the region
// names in regions() order, statuses(), events() — with 0 for "none" where the policy has no
// severities, plans or regions. Meaningful only with the policy that resolved it (or a copy or
// for_tenant() of it). 24 bytes, trivially copyable.
struct resolved_event {
  instant at;
  event_kind kind = event_kind::created;
  // created: all four. type, severity, plan, region events: the one they change.
  std::uint16_t type = 0, severity = 0, plan = 0, region = 0;
  std::uint16_t name = 0;  // status: the status entered; custom: the declared event
};

// Resolves an event against the policy, with every check of ticket::append that needs no
// history: the fields its kind takes, known names (an empty type, severity, plan or region of
// a created event: the policy's default or only one), a tenant zone the tz database has, a
// country the holiday library has. Throws sla::error(invalid_argument) with ticket::append's
// message, naming `ticket_id`. A created event's timezone and country are not in the result:
// they belong to the ticket (resolved_history).
resolved_event resolve_event(const policy& p, const ticket_event& e, std::string_view ticket_id);

// The history rule of ticket::append, for a host that keeps histories itself, in time order:
// why an event of `kind` at `at` cannot come next in a history whose created event is at
// `created` (nullopt: none yet) — "a second created event", "an event before created",
// "before the ticket was created (…)" — or nullopt when it can.
std::optional<std::string> history_rejects(std::optional<instant> created, event_kind kind, instant at);

// The message of every error about one event: "ticket T-1: status event at 2026-…Z: why".
std::string event_error_message(std::string_view ticket_id, event_kind kind, instant at, std::string_view why);

// A ticket's history in resolved form, as evaluate() reads it: events in time order (same-time
// events in the order they happened), `created` first; the created event's zone and country.
struct resolved_history {
  std::string_view id;
  std::string_view timezone, country;
  std::span<const resolved_event> events;
};

// not_applicable: the target's amount is `none` (release-targeted, backlog): not a clock, no
// deadline, never counted as running, met or breached. not_started: its clock's start (a start
// event or status of its clock definition) has not happened yet.
enum class target_state { running, paused, met, breached, cancelled, not_applicable, not_started };
std::string_view to_string(target_state state);

// A cycle of a target's clock that has ended: met, breached (met late, or restarted or cancelled
// after its breach) or cancelled.
struct completed_cycle {
  instant start, end;
  target_state outcome = target_state::met;  // met, breached or cancelled
  std::optional<instant> met_at, breached_at;
  std::chrono::seconds accrued{0};
};

struct target_status {
  std::string name;
  std::string calendar;
  target_amount amount;
  target_state state = target_state::running;
  // breached: the breach instant. running: when the accrued time reaches the target if nothing
  // happens. paused: when it would, if the clock resumed now. met: add(met_at, remaining), i.e.
  // met_at itself when met on the deadline. None when cancelled, not_applicable, or when the
  // calendar has no business time ahead.
  std::optional<instant> deadline;
  std::optional<instant> met_at;       // the first meet of the current cycle
  std::optional<instant> breached_at;  // when the accrued time reached the target unmet
  std::chrono::seconds target{0};     // the amount as business time (business days converted at the clock's start)
  std::chrono::seconds accrued{0};    // business time counted so far (stops at a meet or a cancellation)
  std::chrono::seconds remaining{0};  // target - accrued; negative once overdue
  double percent = 0;                 // accrued / target × 100
  std::vector<std::string> warnings;  // names of the warnings crossed, in policy order
  std::optional<std::string> escalation;  // the last escalation level, in policy order, that is crossed
  int cycles = 1;                     // cycles begun: 1 + resumptions, restarts and repeats; 0 while not started
  std::vector<completed_cycle> completed;  // the cycles that ended, oldest first
  std::string rule;                   // provenance: the rule that set amount and calendar, "file:line:column"
};

struct ticket_evaluation {
  std::string type, severity, plan, region;
  std::vector<target_status> targets;
  // The earliest instant after `now` at which a target's state, warnings or escalation level
  // would change if no event arrived; none when no clock ticks or nothing is left to cross.
  std::optional<instant> next_change;
  std::string country;  // whose holidays the calendars that take the ticket's country use ("" none)
};

class ticket_tracker;

// A ticket's history, checked as events are appended.
// Thread safety: a plain value; do not append from two threads at once.
class ticket {
 public:
  explicit ticket(std::string id) : id_(std::move(id)) {}

  const std::string& id() const noexcept { return id_; }
  const std::vector<ticket_event>& events() const noexcept { return events_; }  // in time order

  // Appends an event (kept in time order; same-time events keep their append order). Throws
  // sla::error(invalid_argument) naming the ticket and the event for: an event before
  // `created`, a second `created`, an unknown type, severity, plan, status or tenant zone (when `p` is
  // given, it is checked against it).
  void append(const ticket_event& e, const policy* p = nullptr);

 private:
  friend class ticket_tracker;
  // append(): the checks, then the event in its place; with `p`, the event resolved against it
  // (the tracker advances its clocks with that, resolving the names once).
  std::optional<resolved_event> checked_insert(const ticket_event& e, const policy* p);

  std::string id_;
  std::vector<ticket_event> events_;
};

// Evaluates a ticket at `now` (events after `now` are ignored). Pure: the same inputs give the
// same answer. Throws sla::error when the history does not fit the policy (unknown names, a
// tenant zone the tz database lacks), when the first event is not `created`, or when `now` is
// before the creation.
// Example (avallain, incident/urgent: response 15m 24/7): created 2026-11-23T10:00:00Z,
// `responded` at 10:15:00 → response met (on the deadline); at 10:15:01 → breached at 10:15:00.
ticket_evaluation evaluate(const policy& p, const ticket& t, instant now);
// The same for a resolved history: no name is looked up, nothing is copied from the policy, and
// a policy bound to the ticket's zone and country (policy::for_tenant) takes no lock. Throws as
// above for a history that does not start with `created`, or a `now` before it.
ticket_evaluation evaluate(const policy& p, const resolved_history& t, instant now);

namespace detail {
class ticket_replay;
}

// Incremental evaluation: a ticket whose clocks have been advanced through the events appended
// so far. append() costs one step per event (no replay of the history); evaluate(now) advances
// a copy of the clocks to `now`. An event earlier than the last one appended, or an evaluation
// at a `now` before the last event, replays the history from the start (same answers).
// Thread safety: a value; evaluate() is const and may run on several threads at once, append()
// must not run concurrently with anything else on the same object.
class ticket_tracker {
 public:
  ticket_tracker(policy p, std::string id);
  ticket_tracker(const ticket_tracker&);
  ticket_tracker& operator=(const ticket_tracker&);
  ticket_tracker(ticket_tracker&&) noexcept;
  ticket_tracker& operator=(ticket_tracker&&) noexcept;
  ~ticket_tracker();

  // Checks the event as ticket::append does (against the policy), then advances the clocks.
  void append(const ticket_event& e);
  ticket_evaluation evaluate(instant now) const;
  const ticket& history() const noexcept { return ticket_; }

 private:
  policy policy_;
  ticket ticket_;
  std::unique_ptr<detail::ticket_replay> state_;  // clocks after the last appended event
};

// The explanation of one target: consecutive stretches of [created, now) and whether each
// counted towards the target, with the reason when it did not. Computed from the same replay
// as evaluate(), so the counted stretches add up to its accrued time (periodic targets too).
struct explained_segment {
  instant start, end;
  bool counted = false;
  // "business time", "outside hours", "holiday: Christmas Day", "paused by status
  // waiting_for_customer", "after the stop (met)", "cancelled", "before this cycle",
  // "no target (none)"
  std::string reason;
};
// Throws sla::error(invalid_argument) when the ticket has no target of that name at `now`.
std::vector<explained_segment> explain(const policy& p, const ticket& t, std::string_view target, instant now);

// Orders the open tickets for service (docs/semantics.md 2.14): the policy's queue rules
// (category order, then its tie-breaks), then severity (highest first), then the earliest
// deadline of a running or breached target (most overdue first; none last), then creation
// time, then ticket id. A ticket is left out when it is done: it has clocks and every one is
// met or cancelled, or it has none and its status is a meeting or cancel status. Tickets
// created after `now` are left out too. Returns indices into `tickets`, in service order.
std::vector<std::size_t> queue_order(const policy& p, const std::vector<ticket>& tickets, instant now);

}  // namespace sla

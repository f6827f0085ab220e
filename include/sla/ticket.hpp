// sla/ticket.hpp — ticket clocks: a ticket's history evaluated against its policy.
//
// A ticket gets targets (response, resolution, update, …) from its policy by type, severity and
// plan. Each target's clock runs from its start (creation; the last `updated` event for a
// periodic target) and accrues only business time of its calendar, and only while the ticket is
// in no status that pauses it. It is met by the event or status that stops it, breached when the
// accrued time reaches the target first (a target met after its deadline is breached, with the
// breach instant), cancelled when the ticket is cancelled. See SEMANTICS.md, "Ticket clocks".
//
// Event order: events are taken by time; events with the same timestamp keep the order in
// which they were appended (a stable sort), so a host that appends in the order it saw them
// gets the same answer every time.
// Thread safety: every type here is a plain value; evaluate() is a pure function of its inputs.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <sla/policy.hpp>
#include <sla/time.hpp>

namespace sla {

enum class event_kind { created, status, responded, updated, resolved, reopened, severity, cancelled, closed };

// "created" ↔ event_kind::created …; std::nullopt for an unknown name.
std::optional<event_kind> parse_event_kind(std::string_view name);
std::string_view to_string(event_kind kind);

struct ticket_event {
  instant at;
  event_kind kind = event_kind::created;
  // created: type, severity, plan (empty: the default), timezone (the tenant's; empty: none),
  // users_affected (queue order). status: status. severity: severity.
  std::string type, severity, plan, timezone, status;
  std::optional<long long> users_affected;
};

enum class target_state { running, paused, met, breached, cancelled };
std::string_view to_string(target_state state);

struct target_status {
  std::string name;
  std::string calendar;
  target_amount amount;
  target_state state = target_state::running;
  // When the accrued time reaches the target if the clock runs from now without new events
  // (for a paused target: if it resumed now; for a met one: from when it was met); the breach
  // instant once breached; none for a cancelled target, a target without an amount, or when it
  // would never be reached. A target without a calendar (possible when it has no amount)
  // counts its time on the policy's first calendar.
  std::optional<instant> deadline;
  std::optional<instant> met_at;
  std::optional<instant> breached_at;
  std::chrono::seconds target{0};     // the amount as business time (business days converted at the clock's start)
  std::chrono::seconds accrued{0};    // business time counted so far
  std::chrono::seconds remaining{0};  // target - accrued; negative once overdue
  double percent = 0;                 // accrued / target × 100
  std::vector<std::string> warnings;  // names of the warnings crossed, in policy order
  std::optional<std::string> escalation;  // the highest escalation level crossed
  int cycles = 1;                     // clock cycles: 1 + the number of reopenings
};

struct ticket_evaluation {
  std::string type, severity, plan;
  std::vector<target_status> targets;
  // The earliest instant after `now` at which a state, warning or escalation level would
  // change if no event arrived; none when nothing is running.
  std::optional<instant> next_change;
};

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
  std::string id_;
  std::vector<ticket_event> events_;
};

// Evaluates a ticket at `now` (events after `now` are ignored). Pure: the same inputs give the
// same answer. Throws sla::error when the history does not fit the policy (unknown names, a
// tenant zone the tz database lacks). A ticket whose first event is not `created` throws too.
ticket_evaluation evaluate(const policy& p, const ticket& t, instant now);

namespace detail {
struct ticket_replay;
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
// counted towards the target, with the reason when it did not.
struct explained_segment {
  instant start, end;
  bool counted = false;
  // "business time", "outside hours", "holiday: Christmas Day", "paused by status
  // waiting_for_customer", "after the stop (met)", "cancelled", "not a target yet"
  std::string reason;
};
// Throws sla::error(invalid_argument) when the ticket has no target of that name at `now`.
std::vector<explained_segment> explain(const policy& p, const ticket& t, std::string_view target, instant now);

// Orders tickets for service as the policy's queue rules say: category (request type) order
// first, then the tie-breaks in order (users_affected, created), then the least remaining time
// of any running target (earliest deadline first; no deadline last), then ticket id. Tickets
// with no running or paused target (met, cancelled, closed) are left out. Returns indices into
// `tickets`, in service order.
std::vector<std::size_t> queue_order(const policy& p, const std::vector<ticket>& tickets, instant now);

}  // namespace sla

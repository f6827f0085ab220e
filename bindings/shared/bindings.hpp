// What the C ABI (bindings/c) and the Python module (bindings/python) share: ticket events
// built from named fields, histories taken in sla-check's order, a new ticket's deadlines as
// sla-deadline computes them, and the JSON line sla-check writes for an evaluated ticket. Kept
// out of the library's public API: these are the bindings' conventions, not the engine's.
#pragma once

#include <sla/policy.hpp>
#include <sla/ticket.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sla_bindings {

// ---- Events ---------------------------------------------------------------------------------

// `created`, `status`, … or the name of an event the policy declares (event_kind::custom).
// Throws sla::error(invalid_argument) for an empty name.
void set_event_kind(sla::ticket_event& e, std::string_view name);

// Sets one field of an event by the name sla-check's input gives it: type, severity, plan,
// region, timezone, country, status, users_affected (a whole number, as text). Throws
// sla::error(invalid_argument) naming the field for an unknown name or a bad users_affected.
// Which fields an event may carry is checked later, by ticket::append.
void set_event_field(sla::ticket_event& e, std::string_view key, std::string_view value);

// The order in which sla-check appends a ticket's events: by time; at one instant `created`
// first, the others as given (a stable sort). Returns indices into `events`.
std::vector<std::size_t> history_order(const std::vector<sla::ticket_event>& events);

// A ticket built from its events in history_order, each checked against the policy.
// Throws sla::error from ticket::append for the first event the history rejects.
sla::ticket make_ticket(const sla::policy& p, const std::string& id, const std::vector<sla::ticket_event>& events);

// ---- A new ticket's deadlines ---------------------------------------------------------------

struct new_ticket {
  std::string type, severity, plan, region, country, timezone;  // empty: the policy's default
  sla::instant created;
};

// One target of a new ticket, as sla-deadline reports it.
struct new_ticket_target {
  sla::target_definition target;
  std::string calendar;   // the calendar the ticket's region uses (empty: none)
  std::string starts;     // "created", or what starts the clock: "event escalated", "status open", …
  std::optional<sla::instant> deadline;                // when the clock starts at the creation
  std::optional<std::chrono::seconds> amount_seconds;  // the amount as business time from the creation
};

// The targets of a ticket created as `t` and, for those whose clock starts at the creation, when
// each is due if it runs without pauses (policy::deadline). Throws sla::error for an unknown
// type, severity, plan, region, country or zone.
std::vector<new_ticket_target> new_ticket_deadlines(const sla::policy& p, const new_ticket& t);

// ---- sla-check's output ---------------------------------------------------------------------

// The JSON line sla-check writes for a ticket (examples/common/evaluation_json.hpp), without
// the newline.
std::string evaluation_json(const std::string& ticket, const sla::ticket_evaluation& ev);

// sla-check's line for an input line it could not use: {"line": N, "error": "…"}.
std::string error_json(long line, std::string_view message);

}  // namespace sla_bindings

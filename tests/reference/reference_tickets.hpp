// A deliberately simple reference for ticket clocks, written from docs/semantics.md ("Ticket
// clocks") and policies/README.md and sharing no code with src/ticket: it walks a ticket's life minute
// by minute, applying the events that fall on each minute, and adds 60 s to every target whose
// clock runs in that minute (not met, not cancelled, not paused by the current status, and the
// minute is business time on the target's calendar, by reference_calendar).
//
// Assumptions (checked): events and `now` are whole minutes; target amounts are whole minutes;
// severity changes do not bring target names the ticket did not have; no periodic targets.
#pragma once

#include <sla/policy.hpp>
#include <sla/ticket.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sla_ref {

struct reference_target {
  std::string name;
  sla::target_state state = sla::target_state::running;
  long long accrued = 0;
  std::optional<sla::instant> met_at, breached_at, deadline;
};

// The targets of the ticket at `now`, by name.
std::map<std::string, reference_target> evaluate_ticket(const sla::policy& p, const std::vector<sla::ticket_event>& events,
                                                        sla::instant now);

}  // namespace sla_ref

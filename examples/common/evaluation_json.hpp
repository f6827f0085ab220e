// A ticket's evaluation as one JSON object, the line sla-check writes:
//   {"ticket": "T-1", "type": "incident", "severity": "urgent", "plan": null, "region": null,
//    "country": null,
//    "targets": [{"name": "response", "calendar": "always", "amount": "15m", "state": "met",
//                 "deadline": "…Z", "met_at": "…Z", "breached_at": null, "target_seconds": 900,
//                 "accrued_seconds": 600, "remaining_seconds": 300, "percent": 66.7,
//                 "warnings": [], "escalation": null, "cycles": 1, "completed_cycles": [],
//                 "rule": "policies/avallain.yaml:57:7"}, …],
//    "next_change": "…Z"}
// Instants are UTC (RFC 3339, Z); a missing value is null; `state` is running, paused, met,
// breached, cancelled, not_applicable or not_started (docs/semantics.md 2.10). Each completed
// cycle is {"start", "end", "outcome" (met, breached or cancelled), "met_at", "breached_at",
// "accrued_seconds"}; `rule` is where the rule that set the target is written.
#pragma once

#include <sla/ticket.hpp>

#include <fmt/format.h>

#include <string>

#include "common/json_text.hpp"

namespace sla_examples {

inline std::string evaluation_json(const std::string& ticket, const sla::ticket_evaluation& ev) {
  auto text_or_null = [](const std::string& s) { return s.empty() ? std::string("null") : json_quote(s); };
  std::string line = fmt::format(
      "{{\"ticket\": {}, \"type\": {}, \"severity\": {}, \"plan\": {}, \"region\": {}, \"country\": {}, \"targets\": [",
      json_quote(ticket), text_or_null(ev.type), text_or_null(ev.severity), text_or_null(ev.plan), text_or_null(ev.region),
      text_or_null(ev.country));
  for (std::size_t i = 0; i < ev.targets.size(); ++i) {
    const auto& s = ev.targets[i];
    std::string warnings, cycles;
    for (const auto& w : s.warnings) warnings += (warnings.empty() ? "" : ", ") + json_quote(w);
    for (const auto& c : s.completed)
      cycles += fmt::format("{}{{\"start\": {}, \"end\": {}, \"outcome\": \"{}\", \"met_at\": {}, \"breached_at\": {}, "
                            "\"accrued_seconds\": {}}}",
                            cycles.empty() ? "" : ", ", json_instant(c.start), json_instant(c.end), sla::to_string(c.outcome),
                            json_instant(c.met_at), json_instant(c.breached_at), c.accrued.count());
    line += fmt::format("{}{{\"name\": {}, \"calendar\": {}, \"amount\": {}, \"state\": \"{}\", \"deadline\": {}, "
                        "\"met_at\": {}, \"breached_at\": {}, \"target_seconds\": {}, \"accrued_seconds\": {}, "
                        "\"remaining_seconds\": {}, \"percent\": {:.1f}, \"warnings\": [{}], \"escalation\": {}, "
                        "\"cycles\": {}, \"completed_cycles\": [{}], \"rule\": {}}}",
                        i ? ", " : "", json_quote(s.name), text_or_null(s.calendar),
                        json_quote(sla::format_target_amount(s.amount)), sla::to_string(s.state), json_instant(s.deadline),
                        json_instant(s.met_at), json_instant(s.breached_at), s.target.count(), s.accrued.count(),
                        s.remaining.count(), s.percent, warnings, s.escalation ? json_quote(*s.escalation) : "null",
                        s.cycles, cycles, text_or_null(s.rule));
  }
  return line + fmt::format("], \"next_change\": {}}}", json_instant(ev.next_change));
}

}  // namespace sla_examples

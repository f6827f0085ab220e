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

#include <fmt/compile.h>
#include <fmt/format.h>

#include <string>

#include "common/json_text.hpp"

namespace sla_examples {

// Appends the line (without a newline) to `out`.
inline void evaluation_json_to(std::string& out, std::string_view ticket, const sla::ticket_evaluation& ev) {
  auto text_or_null = [&](const std::string& s) {
    if (s.empty()) out += "null";
    else json_quote_to(out, s);
  };
  auto number = [&](long long n) {
    fmt::format_int digits(n);
    out.append(digits.data(), digits.size());
  };
  out += "{\"ticket\": ";
  json_quote_to(out, ticket);
  out += ", \"type\": ";
  text_or_null(ev.type);
  out += ", \"severity\": ";
  text_or_null(ev.severity);
  out += ", \"plan\": ";
  text_or_null(ev.plan);
  out += ", \"region\": ";
  text_or_null(ev.region);
  out += ", \"country\": ";
  text_or_null(ev.country);
  out += ", \"targets\": [";
  for (std::size_t i = 0; i < ev.targets.size(); ++i) {
    const auto& s = ev.targets[i];
    out += i ? ", {\"name\": " : "{\"name\": ";
    json_quote_to(out, s.name);
    out += ", \"calendar\": ";
    text_or_null(s.calendar);
    out += ", \"amount\": ";
    json_quote_to(out, sla::format_target_amount(s.amount));
    out += ", \"state\": \"";
    out += sla::to_string(s.state);
    out += "\", \"deadline\": ";
    json_instant_to(out, s.deadline);
    out += ", \"met_at\": ";
    json_instant_to(out, s.met_at);
    out += ", \"breached_at\": ";
    json_instant_to(out, s.breached_at);
    out += ", \"target_seconds\": ";
    number(s.target.count());
    out += ", \"accrued_seconds\": ";
    number(s.accrued.count());
    out += ", \"remaining_seconds\": ";
    number(s.remaining.count());
    out += ", \"percent\": ";
    char percent[32];
    auto r = fmt::format_to_n(percent, sizeof percent, FMT_COMPILE("{:.1f}"), s.percent);
    out.append(percent, r.out);
    out += ", \"warnings\": [";
    for (std::size_t k = 0; k < s.warnings.size(); ++k) {
      if (k) out += ", ";
      json_quote_to(out, s.warnings[k]);
    }
    out += "], \"escalation\": ";
    if (s.escalation) json_quote_to(out, *s.escalation);
    else out += "null";
    out += ", \"cycles\": ";
    number(s.cycles);
    out += ", \"completed_cycles\": [";
    for (std::size_t k = 0; k < s.completed.size(); ++k) {
      const auto& c = s.completed[k];
      out += k ? ", {\"start\": " : "{\"start\": ";
      json_instant_to(out, c.start);
      out += ", \"end\": ";
      json_instant_to(out, c.end);
      out += ", \"outcome\": \"";
      out += sla::to_string(c.outcome);
      out += "\", \"met_at\": ";
      json_instant_to(out, c.met_at);
      out += ", \"breached_at\": ";
      json_instant_to(out, c.breached_at);
      out += ", \"accrued_seconds\": ";
      number(c.accrued.count());
      out += '}';
    }
    out += "], \"rule\": ";
    text_or_null(s.rule);
    out += '}';
  }
  out += "], \"next_change\": ";
  json_instant_to(out, ev.next_change);
  out += '}';
}

inline std::string evaluation_json(std::string_view ticket, const sla::ticket_evaluation& ev) {
  std::string out;
  evaluation_json_to(out, ticket, ev);
  return out;
}

}  // namespace sla_examples

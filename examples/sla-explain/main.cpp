// sla-explain --policy FILE --now TIME --ticket ID [--json] [EVENTS…]
// Why one ticket's clocks read what they read: for each target, its amount, calendar, state and
// deadline, then every stretch of the ticket's life up to --now and whether it counted (business
// time) or why not (outside hours, a holiday, paused by a status, after the stop, before this
// cycle). The counted stretches add up to the accrued time sla-check reports. Events are read as
// sla-check reads them. Exit status: 0 explained, 2 bad input, an unreadable file or an unknown
// ticket.
//   --json: {"ticket": …, "type": …, "severity": …, "plan": …, "now": …, "targets": [{"name": …,
//            "calendar": …, "amount": …, "state": …, "deadline": …, "accrued_seconds": …,
//            "target_seconds": …, "cycles": …, "segments": [{"start": …, "end": …, "seconds": …,
//            "counted": true, "reason": "business time"}, …]}, …]}
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "common/cli.hpp"
#include "common/event_reader.hpp"
#include "common/json_text.hpp"
#include "common/text.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Explain one ticket's SLA clocks"};
  app.footer(std::string(sla_examples::event_input_help) +
             "\n\nOutput: per target its amount, calendar, state and deadline, then each stretch of the ticket's\n"
             "life up to --now, counted (business time) or not and why; the counted stretches add up to the\n"
             "accrued time sla-check reports (--json: one JSON object). Exit status: 0 explained, 2 bad input,\n"
             "an unreadable file or an unknown ticket.");
  std::string policy_file, now_text, id;
  std::vector<std::string> files;
  bool json = false;
  app.add_option("--policy", policy_file, "policy file (YAML)")->required();
  app.add_option("--now", now_text, "the instant to explain at, RFC 3339")->required();
  app.add_option("--ticket", id, "the ticket id")->required();
  app.add_flag("--json", json, "print one JSON object");
  app.add_option("events", files, "event files (JSON Lines or CSV; - is standard input); standard input when none");
  sla_examples::add_version(app, "sla-explain");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  using sla_examples::duration_text;
  using sla_examples::json_instant;
  using sla_examples::json_quote;
  try {
    sla::policy policy = sla::policy::load(policy_file);
    sla::instant now = sla::parse_instant(now_text);
    sla_examples::event_input input;
    if (files.empty()) files.push_back("-");
    for (const auto& f : files) {
      sla_examples::input_file in(f);
      sla_examples::read_events(in, input);
    }
    for (const auto& e : input.errors) fmt::print(stderr, "{}: line {}: {} (skipped)\n", input.files[e.file], e.line, e.message);
    std::vector<const sla_examples::event_line*> mine;
    for (const auto& e : input.events)
      if (e.ticket == id) mine.push_back(&e);
    if (mine.empty()) throw sla::error(sla::error_code::invalid_argument, fmt::format("--ticket: no events for ticket {}", id));
    std::stable_sort(mine.begin(), mine.end(), [](const auto* a, const auto* b) {
      if (a->event.at != b->event.at) return a->event.at < b->event.at;
      return a->event.kind == sla::event_kind::created && b->event.kind != sla::event_kind::created;
    });
    sla::ticket ticket(id);
    for (const auto* e : mine) ticket.append(e->event, &policy);

    auto ev = sla::evaluate(policy, ticket, now);
    std::string tenant = ticket.events().front().timezone;
    std::string out;
    if (json)
      out = fmt::format("{{\"ticket\": {}, \"type\": {}, \"severity\": {}, \"plan\": {}, \"now\": {}, \"targets\": [", json_quote(id),
                        json_quote(ev.type), ev.severity.empty() ? "null" : json_quote(ev.severity),
                        ev.plan.empty() ? "null" : json_quote(ev.plan), json_instant(now));
    else
      fmt::print("Ticket {}: {}{}{}, evaluated at {}\n", id, ev.type, ev.severity.empty() ? "" : " / " + ev.severity,
                 ev.plan.empty() ? "" : " / " + ev.plan, sla::format_instant(now));
    for (std::size_t i = 0; i < ev.targets.size(); ++i) {
      const auto& s = ev.targets[i];
      std::string cal_name = s.calendar.empty() ? policy.calendars().front().name : s.calendar;
      sla::business_calendar cal = policy.calendar(cal_name, tenant);
      auto segments = sla::explain(policy, ticket, s.name, now);
      if (json) {
        out += fmt::format("{}{{\"name\": {}, \"calendar\": {}, \"amount\": {}, \"state\": \"{}\", \"deadline\": {}, "
                           "\"accrued_seconds\": {}, \"target_seconds\": {}, \"cycles\": {}, \"rule\": {}, \"segments\": [",
                           i ? ", " : "", json_quote(s.name), s.calendar.empty() ? "null" : json_quote(s.calendar),
                           json_quote(sla::format_target_amount(s.amount)), sla::to_string(s.state), json_instant(s.deadline),
                           s.accrued.count(), s.target.count(), s.cycles, s.rule.empty() ? "null" : json_quote(s.rule));
        for (std::size_t k = 0; k < segments.size(); ++k) {
          const auto& seg = segments[k];
          out += fmt::format("{}{{\"start\": {}, \"end\": {}, \"seconds\": {}, \"counted\": {}, \"reason\": {}}}", k ? ", " : "",
                             json_instant(seg.start), json_instant(seg.end), (seg.end - seg.start).count(),
                             seg.counted ? "true" : "false", json_quote(seg.reason));
        }
        out += "]}";
        continue;
      }
      fmt::print("\n{}: {} on {} ({}) — {}", s.name, sla::format_target_amount(s.amount), cal_name, cal.zone().name(),
                 sla::to_string(s.state));
      if (s.deadline) fmt::print(", deadline {}", sla_examples::local_time_text(cal.zone(), *s.deadline));
      if (s.state != sla::target_state::not_applicable)
        fmt::print(", used {} of {} ({:.1f}%)", duration_text(s.accrued), duration_text(s.target), s.percent);
      fmt::print("\n  set by {}; cycle {}", s.rule.empty() ? "-" : s.rule, s.cycles);
      for (const auto& c : s.completed)
        fmt::print("; earlier cycle {}–{} {}", sla_examples::local_time_text(cal.zone(), c.start),
                   sla_examples::local_time_text(cal.zone(), c.end), sla::to_string(c.outcome));
      fmt::print("\n");
      std::chrono::seconds counted{0};
      for (const auto& seg : segments) {
        std::string a = sla_examples::local_time_text(cal.zone(), seg.start), b = sla_examples::local_time_text(cal.zone(), seg.end);
        // "Mon 2026-11-23 10:15 +00:00": show the end's date only when it differs.
        std::string end = a.substr(0, 14) == b.substr(0, 14) ? b.substr(15) : b;
        fmt::print("  {} → {:<28} {:<12} {:>9}  {}\n", a, end, seg.counted ? "counted" : "not counted",
                   duration_text(seg.end - seg.start), seg.reason);
        if (seg.counted) counted += seg.end - seg.start;
      }
      fmt::print("  total counted: {}\n", duration_text(counted));
    }
    if (json) fmt::print("{}]}}\n", out);
    return 0;
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-explain: {}\n", e.what());
    return 2;
  }
}

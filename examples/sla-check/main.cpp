// sla-check --policy FILE --now TIME [--format jsonl|table|summary] [--queue] [EVENTS…]
// Evaluates ticket histories against a policy. Events come as JSON Lines or CSV (see
// common/event_reader.hpp) from the files given, or standard input; they are grouped by ticket,
// taken in time order (same-time events in input order) and evaluated at --now.
//   jsonl (default): one line per ticket (common/evaluation_json.hpp)
//     {"ticket": "T-1", "type": …, "severity": …, "plan": …, "targets": [{"name": "response",
//      "calendar": …, "amount": "15m", "state": "met", "deadline": "…Z", "met_at": "…Z",
//      "breached_at": null, "target_seconds": 900, "accrued_seconds": 600, "remaining_seconds": 300,
//      "percent": 66.7, "warnings": [], "escalation": null, "cycles": 1}, …], "next_change": "…Z"}
//   table: aligned columns for people, deadlines in the target calendar's local time;
//   summary: met / breached / running / paused / cancelled / not_applicable per target and severity;
//   --queue: the open tickets in service order instead.
// A line that cannot be read, or an event the ticket's history rejects, gives an error line
// ({"line": N, "error": "…"} on stdout in jsonl; "line N: …" on stderr otherwise) and the run
// goes on. At the end stderr reads `lines=L events=E tickets=T errors=X`, with L == E + X.
// Exit status: 0 all lines used, 1 some lines rejected, 2 could not run.
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <map>
#include <unistd.h>
#include <unordered_map>

#include "common/cli.hpp"
#include "common/evaluation_json.hpp"
#include "common/event_reader.hpp"
#include "common/json_text.hpp"
#include "common/text.hpp"

namespace {

using sla_examples::json_instant;
using sla_examples::json_quote;
using sla_examples::duration_text;

// Output through one buffer; a closed pipe ends the program quietly.
class writer {
 public:
  void line(std::string_view text) {
    buffer_.append(text.data(), text.data() + text.size());
    buffer_.push_back('\n');
    if (buffer_.size() > (1 << 16)) flush();
  }
  void flush() {
    if (buffer_.size() && std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) != buffer_.size()) std::exit(exit_status);
    buffer_.clear();
    std::fflush(stdout);
  }
  int exit_status = 0;

 private:
  fmt::memory_buffer buffer_;
};

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"Evaluate ticket histories against a support policy"};
  app.footer(std::string(sla_examples::event_input_help) +
             "\n\nOutput (jsonl): one line per ticket with each target's state (running, paused, met, breached,\n"
             "cancelled, not_applicable), deadline, met_at, breached_at, target/accrued/remaining seconds, percent,\n"
             "warnings, escalation and cycles, and the ticket's next_change; an input line that cannot be used\n"
             "gives {\"line\": N, \"error\": \"...\"}. stderr ends with lines=L events=E tickets=T errors=X.\n"
             "Exit status: 0 all lines used, 1 some lines rejected, 2 could not run.");
  std::string policy_file, now_text, format = "jsonl";
  std::vector<std::string> files;
  bool queue = false;
  app.add_option("--policy", policy_file, "policy file (YAML)")->required();
  app.add_option("--now", now_text, "the instant to evaluate at, RFC 3339")->required();
  app.add_option("--format", format, "jsonl, table or summary")->check(CLI::IsMember({"jsonl", "table", "summary"}));
  app.add_flag("--queue", queue, "print the open tickets in service order");
  app.add_option("events", files, "event files (JSON Lines or CSV; - is standard input); standard input when none");
  sla_examples::add_version(app, "sla-check");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  std::optional<sla::policy> policy;
  sla::instant now;
  try {
    policy = sla::policy::load(policy_file);
    now = sla::parse_instant(now_text);
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-check: {}{}\n", policy ? "--now: " : "", e.what());
    return 2;
  }

  // Read everything; group by ticket in first-seen order.
  sla_examples::event_input input;
  auto progress = isatty(2) ? std::function<void(long)>([](long n) { fmt::print(stderr, "\rread {} lines", n); }) : nullptr;
  if (files.empty()) files.push_back("-");
  try {
    for (const auto& f : files) {
      sla_examples::input_file in(f);
      sla_examples::read_events(in, input, progress);
    }
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-check: {}\n", e.what());
    return 2;
  }
  if (progress && input.lines >= 100000) fmt::print(stderr, "\n");

  std::vector<sla::ticket> tickets;
  std::unordered_map<std::string, std::size_t> ticket_index;
  std::vector<std::vector<const sla_examples::event_line*>> by_ticket;
  for (const auto& e : input.events) {
    auto [it, added] = ticket_index.try_emplace(e.ticket, tickets.size());
    if (added) {
      tickets.emplace_back(e.ticket);
      by_ticket.emplace_back();
    }
    by_ticket[it->second].push_back(&e);
  }
  std::vector<sla_examples::line_error> errors = input.errors;
  long accepted = 0;
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    auto& list = by_ticket[i];
    std::stable_sort(list.begin(), list.end(), [](const auto* a, const auto* b) {
      // `created` goes first at its instant, so a same-time event is never "before created".
      if (a->event.at != b->event.at) return a->event.at < b->event.at;
      return a->event.kind == sla::event_kind::created && b->event.kind != sla::event_kind::created;
    });
    for (const auto* e : list) {
      try {
        tickets[i].append(e->event, &*policy);
        ++accepted;
      } catch (const sla::error& err) {
        errors.push_back({e->file, e->line, err.what()});
      }
    }
  }
  std::sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return std::tie(a.file, a.line) < std::tie(b.file, b.line); });

  writer out;
  out.exit_status = errors.empty() ? 0 : 1;
  auto where = [&](const sla_examples::line_error& e) {
    return input.files.size() > 1 ? fmt::format("{}: line {}", input.files[e.file], e.line) : fmt::format("line {}", e.line);
  };
  for (const auto& e : errors) {
    if (format == "jsonl" && !queue)
      out.line(input.files.size() > 1 ? fmt::format("{{\"file\": {}, \"line\": {}, \"error\": {}}}", json_quote(input.files[e.file]), e.line, json_quote(e.message))
                                      : fmt::format("{{\"line\": {}, \"error\": {}}}", e.line, json_quote(e.message)));
    else
      fmt::print(stderr, "{}: {}\n", where(e), e.message);
  }

  long evaluated = 0;
  std::vector<sla::ticket> open_tickets;  // with at least one accepted event
  for (auto& t : tickets)
    if (!t.events().empty()) open_tickets.push_back(std::move(t));
  tickets.clear();
  by_ticket.clear();

  if (queue) {
    auto order = sla::queue_order(*policy, open_tickets, now);
    std::size_t id_width = 6, type_width = 4;
    for (auto k : order) {
      id_width = std::max(id_width, open_tickets[k].id().size());
      type_width = std::max(type_width, open_tickets[k].events().front().type.size());
    }
    if (format == "table")
      out.line(fmt::format("{:<4} {:<{}} {:<{}} {:<12} {}", "#", "ticket", id_width, "type", type_width, "severity", "next deadline (UTC)"));
    for (std::size_t k = 0; k < order.size(); ++k) {
      const sla::ticket& t = open_tickets[order[k]];
      auto ev = sla::evaluate(*policy, t, now);
      std::optional<sla::instant> next;  // the deadline the queue sorts by: running or breached targets
      for (const auto& s : ev.targets)
        if ((s.state == sla::target_state::running || s.state == sla::target_state::breached) && s.deadline &&
            (!next || *s.deadline < *next))
          next = s.deadline;
      if (format == "table")
        out.line(fmt::format("{:<4} {:<{}} {:<{}} {:<12} {}", k + 1, t.id(), id_width, ev.type, type_width,
                             ev.severity.empty() ? "-" : ev.severity, next ? sla::format_instant(*next) : "-"));
      else
        out.line(fmt::format("{{\"ticket\": {}, \"type\": {}, \"severity\": {}, \"next_deadline\": {}}}", json_quote(t.id()),
                             json_quote(ev.type), json_quote(ev.severity), json_instant(next)));
      ++evaluated;
    }
  } else {
    std::map<std::pair<std::string, std::string>, std::map<std::string, long>> summary;
    std::size_t id_width = 6, target_width = 6;
    for (const auto& t : open_tickets) id_width = std::max(id_width, t.id().size());
    // Target names come from the policy's rules: the longest one any cell gives.
    auto or_blank = [](const std::vector<std::string>& v) { return v.empty() ? std::vector<std::string>{""} : v; };
    for (const auto& type : policy->types())
      for (const auto& severity : or_blank(policy->severities()))
        for (const auto& plan : or_blank(policy->plans()))
          for (const auto& d : policy->targets_for(type, severity, plan)) target_width = std::max(target_width, d.name.size());
    if (format == "table")
      out.line(fmt::format("{:<{}} {:<{}} {:<14} {:<28} {:>10} {:>8}  {}", "ticket", id_width, "target", target_width, "state",
                           "deadline (local)", "remaining", "used", "warnings / escalation"));
    for (const auto& t : open_tickets) {
      sla::ticket_evaluation ev;
      try {
        ev = sla::evaluate(*policy, t, now);
      } catch (const sla::error& err) {
        fmt::print(stderr, "ticket {}: {}\n", t.id(), err.what());
        out.exit_status = 1;
        continue;
      }
      ++evaluated;
      std::string zone = t.events().front().timezone;
      if (format == "jsonl") {
        out.line(sla_examples::evaluation_json(t.id(), ev));
      } else if (format == "table") {
        for (const auto& s : ev.targets) {
          std::string local = "-";
          if (s.deadline)
            local = sla_examples::local_time_text(
                policy->calendar(s.calendar.empty() ? policy->calendars().front().name : s.calendar, zone).zone(), *s.deadline);
          std::string notes;
          for (const auto& w : s.warnings) notes += (notes.empty() ? "" : ", ") + w;
          if (s.escalation) notes += (notes.empty() ? "" : " / ") + *s.escalation;
          out.line(fmt::format("{:<{}} {:<{}} {:<14} {:<28} {:>10} {:>7.1f}%  {}", t.id(), id_width, s.name, target_width,
                               sla::to_string(s.state), local,
                               s.amount.kind == sla::amount_kind::none ? "-" : duration_text(s.remaining), s.percent, notes));
        }
      } else {
        for (const auto& s : ev.targets) ++summary[{s.name, ev.severity}][std::string(sla::to_string(s.state))];
      }
    }
    if (format == "summary") {
      out.line(fmt::format("{:<16} {:<12} {:>8} {:>8} {:>8} {:>8} {:>9} {:>14}", "target", "severity", "met", "breached",
                           "running", "paused", "cancelled", "not_applicable"));
      for (const auto& [key, states] : summary) {
        auto n = [&](const char* s) { auto it = states.find(s); return it == states.end() ? 0L : it->second; };
        out.line(fmt::format("{:<16} {:<12} {:>8} {:>8} {:>8} {:>8} {:>9} {:>14}", key.first, key.second, n("met"),
                             n("breached"), n("running"), n("paused"), n("cancelled"), n("not_applicable")));
      }
    }
  }
  out.flush();
  fmt::print(stderr, "lines={} events={} tickets={} errors={}\n", input.lines, accepted, evaluated, errors.size());
  return out.exit_status;
}

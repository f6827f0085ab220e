// sla-explain --policy FILE --now TIME --ticket ID [EVENTS…]
// Why one ticket's clocks read what they read: for each target, its amount, calendar, state and
// deadline, then every stretch of the ticket's life up to --now and whether it counted (business
// time) or why not (outside hours, a holiday, paused by a status, after the stop). Events are
// read as sla-check reads them. Exit status: 0 explained, 2 bad input or unknown ticket.
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "common/event_reader.hpp"

namespace {
std::string hours_text(std::chrono::seconds s) {
  long long v = s.count() < 0 ? -s.count() : s.count();
  return fmt::format("{}{}h{:02d}m{}", s.count() < 0 ? "-" : "", v / 3600, v / 60 % 60, v % 60 ? fmt::format("{:02d}s", v % 60) : "");
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Explain one ticket's SLA clocks"};
  app.footer(std::string(sla_examples::event_input_help) +
             "\n\nOutput: per target its amount, calendar, state and deadline, then each stretch of the ticket's\n"
             "life up to --now, counted (business time) or not and why; the counted stretches add up to the\n"
             "accrued time sla-check reports. Exit status: 0 explained, 2 bad input or unknown ticket.");
  std::string policy_file, now_text, id;
  std::vector<std::string> files;
  app.add_option("--policy", policy_file, "policy file (YAML)")->required();
  app.add_option("--now", now_text, "the instant to explain at, RFC 3339")->required();
  app.add_option("--ticket", id, "the ticket id")->required();
  app.add_option("events", files, "event files (JSON Lines or CSV); standard input when none");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    sla::policy policy = sla::policy::load(policy_file);
    sla::instant now = sla::parse_instant(now_text);
    sla_examples::event_input input;
    if (files.empty()) sla_examples::read_events(stdin, "<stdin>", input);
    for (const auto& f : files) {
      std::FILE* in = std::fopen(f.c_str(), "r");
      if (!in) throw sla::error(sla::error_code::io, fmt::format("cannot read {}", f));
      sla_examples::read_events(in, f, input);
      std::fclose(in);
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
    fmt::print("Ticket {}: {} / {}{}, evaluated at {}\n", id, ev.type, ev.severity, ev.plan.empty() ? "" : " / " + ev.plan,
               sla::format_instant(now));
    for (const auto& s : ev.targets) {
      std::string cal_name = s.calendar.empty() ? policy.calendars().front().name : s.calendar;
      sla::business_calendar cal = policy.calendar(cal_name, tenant);
      fmt::print("\n{}: {} on {} ({}) — {}", s.name, sla::format_target_amount(s.amount), cal_name, cal.zone().name(),
                 sla::to_string(s.state));
      if (s.deadline) fmt::print(", deadline {}", cal.zone().format_local(*s.deadline));
      if (s.amount.kind != sla::amount_kind::none)
        fmt::print(", used {} of {} ({:.1f}%)", hours_text(s.accrued), hours_text(s.target), s.percent);
      fmt::print("\n");
      std::chrono::seconds counted{0};
      for (const auto& seg : sla::explain(policy, ticket, s.name, now)) {
        std::string a = cal.zone().format_local(seg.start), b = cal.zone().format_local(seg.end);
        std::string end = a.substr(0, 10) == b.substr(0, 10) ? b.substr(11, 5) : b.substr(0, 16);
        fmt::print("  {} {} → {:<16} {:<12} {:>9}  {}\n", a.substr(0, 10), a.substr(11, 5), end,
                   seg.counted ? "counted" : "not counted", hours_text(seg.end - seg.start), seg.reason);
        if (seg.counted) counted += seg.end - seg.start;
      }
      fmt::print("  total counted: {}\n", hours_text(counted));
    }
    return 0;
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-explain: {}\n", e.what());
    return 2;
  }
}

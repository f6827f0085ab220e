// sla-availability --policy FILE --component NAME --from MONTH --to MONTH [--now TIME] [--json] [OUTAGES…]
// Availability per local month for one component of a policy, from outages given as JSON Lines
//   {"start": "2026-11-24T10:00:00+11:00", "end": "…" | null, "component": "platform"}
// or CSV with a header line (start,end,component; an empty end is an open outage). Outages of
// other components are skipped. A line that cannot be read is reported with its number on
// stderr, skipped and counted. Exit status: 0 all lines read, 1 some lines bad, 2 could not run.
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <simdjson.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/csv.hpp"
#include "common/json_text.hpp"

namespace {

using namespace std::chrono;

std::optional<year_month> parse_month(const std::string& s) {
  int y = 0;
  unsigned m = 0;
  char extra = 0;
  if (s.size() != 7 || std::sscanf(s.c_str(), "%4d-%2u%c", &y, &m, &extra) != 2 || m < 1 || m > 12 || y < 1900 || y > 2199)
    return std::nullopt;
  return year{y} / month{m};
}

struct counts {
  long lines = 0, outages = 0, skipped_other = 0, bad = 0;
};

// One outage line; std::nullopt with *why when bad, or with an empty *why for another component.
std::optional<sla::outage> read_json_line(simdjson::dom::parser& parser, const std::string& line, const std::string& component,
                                          std::string* why) {
  simdjson::dom::element doc;
  if (auto err = parser.parse(line).get(doc)) {
    *why = fmt::format("not JSON: {}", simdjson::error_message(err));
    return std::nullopt;
  }
  simdjson::dom::object obj;
  if (doc.get(obj)) {
    *why = "expected a JSON object";
    return std::nullopt;
  }
  std::string_view start, end, comp;
  bool open = false;
  for (auto field : obj) {
    if (field.key == "start") {
      if (field.value.get(start)) return *why = "start: expected a timestamp string", std::nullopt;
    } else if (field.key == "end") {
      if (field.value.is_null()) open = true;
      else if (field.value.get(end)) return *why = "end: expected a timestamp string or null", std::nullopt;
    } else if (field.key == "component") {
      if (field.value.get(comp)) return *why = "component: expected a string", std::nullopt;
    } else {
      *why = fmt::format("unknown field \"{}\"", field.key);
      return std::nullopt;
    }
  }
  if (start.empty()) return *why = "missing start", std::nullopt;
  if (end.empty() && !open) return *why = "missing end (null for an outage still open)", std::nullopt;
  if (!comp.empty() && comp != component) {
    why->clear();
    return std::nullopt;
  }
  sla::outage o;
  std::string reason;
  auto s = sla::try_parse_instant(start, &reason);
  if (!s) return *why = "start: " + reason, std::nullopt;
  o.start = *s;
  if (!open) {
    auto e = sla::try_parse_instant(end, &reason);
    if (!e) return *why = "end: " + reason, std::nullopt;
    if (*e < *s) return *why = "end is before start", std::nullopt;
    o.end = *e;
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Availability per month against a policy's target, maintenance excluded"};
  app.footer("Input: outages, one per line, as JSON Lines or CSV with a header (start,end,component):\n"
             "  start      RFC 3339 with an offset (required)\n"
             "  end        RFC 3339; absent, empty or null: still open at --now\n"
             "  component  the component it affects; outages of other components are skipped\n"
             "Example: {\"start\": \"2026-11-24T10:00:00+11:00\", \"end\": \"2026-11-24T10:20:00+11:00\", \"component\": \"platform\"}\n"
             "Output: per local month measured time, downtime outside maintenance, allowed downtime, remaining\n"
             "budget, availability and breach (--json: one object per month). A bad line is reported on stderr\n"
             "with its number and counted. Exit status: 0 all lines read, 1 some lines bad, 2 could not run.");
  std::string policy_file, component, from_text, to_text, now_text;
  std::vector<std::string> files;
  bool json = false;
  app.add_option("--policy", policy_file, "policy file (YAML)")->required();
  app.add_option("--component", component, "availability component, e.g. platform")->required();
  app.add_option("--from", from_text, "first month, YYYY-MM")->required();
  app.add_option("--to", to_text, "last month, YYYY-MM")->required();
  app.add_option("--now", now_text, "the current time (needed for outages still open)");
  app.add_flag("--json", json, "one JSON object per month");
  app.add_option("outages", files, "outage files (JSON Lines or CSV; - is standard input); standard input when none");
  sla_examples::add_version(app, "sla-availability");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  std::optional<sla::availability_target> target;
  std::optional<year_month> from = parse_month(from_text), to = parse_month(to_text);
  std::optional<sla::instant> now;
  try {
    if (!from || !to || *to < *from) throw sla::error(sla::error_code::invalid_argument, "--from/--to: expected months YYYY-MM, --from first");
    if (!now_text.empty()) now = sla::parse_instant(now_text);
    sla::policy policy = sla::policy::load(policy_file);
    for (const auto& a : policy.availability())
      if (a.component == component) target = a;
    if (!target) throw sla::error(sla::error_code::invalid_argument, fmt::format("--component: no availability target \"{}\" in {}", component, policy_file));
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-availability: {}\n", e.what());
    return 2;
  }

  counts n;
  std::vector<sla::outage> outages;
  simdjson::dom::parser parser;
  // The format is decided line by line: `{` starts a JSON object; a line `start,end[,component]`
  // is a CSV header; anything else is a CSV row once a header has been read.
  auto read_stream = [&](sla_examples::input_file& in) {
    const std::string& name = in.name();
    std::string line;
    long number = 0;
    bool header = false;
    char* buf = nullptr;
    std::size_t cap = 0;
    ssize_t got;
    while ((got = getline(&buf, &cap, in.get())) >= 0) {
      ++number;
      line.assign(buf, static_cast<std::size_t>(got));
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      ++n.lines;
      std::string why;
      std::optional<sla::outage> o;
      if (line.front() == '{') {
        o = read_json_line(parser, line, component, &why);
      } else if (line.rfind("start,end", 0) == 0) {
        header = true;
        --n.lines;  // a header is not an outage line
        continue;
      } else if (!header) {
        why = "expected a JSON object, or a CSV header \"start,end,component\"";
      } else {
        auto cells = sla_examples::split_csv(line);
        if (cells.size() < 2 || cells.size() > 3) why = "expected start,end,component";
        else if (cells.size() == 3 && !cells[2].empty() && cells[2] != component) why.clear();
        else {
          auto s = sla::try_parse_instant(cells[0], &why);
          if (s) {
            o = sla::outage{*s, std::nullopt};
            if (!cells[1].empty()) {
              auto e = sla::try_parse_instant(cells[1], &why);
              if (!e) o.reset(), why = "end: " + why;
              else if (*e < *s) o.reset(), why = "end is before start";
              else o->end = *e;
            }
          } else {
            why = "start: " + why;
          }
        }
      }
      if (o) {
        if (!o->end && !now) {
          fmt::print(stderr, "{}: line {}: an open outage needs --now\n", name, number);
          ++n.bad;
          continue;
        }
        outages.push_back(*o);
        ++n.outages;
      } else if (why.empty()) {
        ++n.skipped_other;
      } else {
        fmt::print(stderr, "{}: line {}: {}\n", name, number, why);
        ++n.bad;
      }
    }
    std::free(buf);
    in.check();
  };
  if (files.empty()) files.push_back("-");
  try {
    for (const auto& f : files) {
      sla_examples::input_file in(f);
      read_stream(in);
    }
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-availability: {}\n", e.what());
    return 2;
  }

  std::vector<sla::availability_report> reports;
  try {
    reports = sla::evaluate_availability(*target, outages, *from, *to, now);
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-availability: {}\n", e.what());
    return 2;
  }
  auto period = [](year_month m) { return fmt::format("{:04d}-{:02d}", int(m.year()), unsigned(m.month())); };
  if (json) {
    for (const auto& r : reports)
      fmt::print("{{\"period\": \"{}\", \"measured_seconds\": {}, \"downtime_seconds\": {}, \"allowed_downtime_seconds\": {}, "
                 "\"remaining_budget_seconds\": {}, \"availability\": {:.6f}, \"breached\": {}, \"budget_exhausted_at\": {}}}\n",
                 period(r.period), r.measured.count(), r.downtime.count(), r.allowed_downtime.count(),
                 r.remaining_budget.count(), r.availability, r.breached ? "true" : "false",
                 sla_examples::json_instant(r.budget_exhausted_at));
  } else {
    fmt::print("{} — target {}% per month ({}), maintenance excluded\n", component, target->percent, target->timezone);
    fmt::print("{:<8} {:>10} {:>10} {:>10} {:>11} {:>12}  {}\n", "month", "measured", "downtime", "allowed", "remaining",
               "availability", "status");
    for (const auto& r : reports) {
      std::string status = r.breached ? "BREACHED" : "ok";
      if (r.budget_exhausted_at) status += ", budget runs out " + sla::format_instant(*r.budget_exhausted_at);
      fmt::print("{:<8} {:>9}s {:>9}s {:>9}s {:>10}s {:>11.4f}%  {}\n", period(r.period), r.measured.count(),
                 r.downtime.count(), r.allowed_downtime.count(), r.remaining_budget.count(), r.availability, status);
    }
  }
  fmt::print(stderr, "lines={} outages={} other_components={} bad={}\n", n.lines, n.outages, n.skipped_other, n.bad);
  return n.bad > 0 ? 1 : 0;
}

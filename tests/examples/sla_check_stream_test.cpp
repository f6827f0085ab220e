// sla-check as a streaming tool: histories that arrive out of time order, tickets spilled to disk
// when they look finished and read back when they are not, the same output whatever --threads,
// in the documented order (error lines by input line, then tickets by the line that first named
// them). Policy: avallain (incident/urgent: response 15m and resolution 8h on 24/7 UTC; the
// `resolved` event and waiting_for_acceptance meet the resolution; leaving a meeting status
// reopens it with its time; warnings at 75% and 90%).
#include <catch2/catch.hpp>

#include <sla/sla.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "common/evaluation_json.hpp"
#include "examples/program_runner.hpp"

namespace {

const std::string policy = "--policy " SLA_SOURCE_DIR "/policies/avallain.yaml --now 2026-11-23T15:00:00Z ";

std::string event(const std::string& ticket, const std::string& at, const std::string& rest) {
  return "{\"ticket\": \"" + ticket + "\", \"at\": \"2026-11-23T" + at + ":00Z\", " + rest + "}\n";
}
const std::string incident = "\"event\": \"created\", \"type\": \"incident\", \"severity\": \"urgent\"";
std::string status(const std::string& s) { return "\"event\": \"status\", \"status\": \"" + s + "\""; }

const std::string interleaved =
    event("T-B", "09:30", status("open")) +                 // 1: before its created line, not before its created time
    event("T-A", "10:00", incident) +                       // 2
    event("T-A", "10:05", "\"event\": \"responded\"") +     // 3
    event("T-B", "09:00", incident) +                       // 4: T-B's creation, arriving late
    event("T-A", "11:00", "\"event\": \"resolved\"") +      // 5: T-A looks finished: spilled
    event("T-C", "08:00", status("open")) +                 // 6: T-C is never created
    event("T-B", "09:10", incident) +                       // 7: a second created
    event("T-A", "11:30", status("waiting_for_acceptance")) +  // 8: T-A read back
    event("T-B", "09:20", status("waitng")) +               // 9: unknown status
    event("T-A", "12:00", status("in_progress")) +          // 10: leaves a meeting status: reopens
    "{not json\n";                                          // 11

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("sla-check: out-of-order lines, spilled and reopened tickets, errors by line, tickets by first line",
          "[examples][ticket][stream]") {
  auto file = sla_test::write_temp_file("sla-check-stream.jsonl", interleaved);
  auto r = sla_test::run_program("sla-check", policy + "--threads 1 " + file);
  CHECK(r.status == 1);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 6);
  // Errors first, in input order.
  CHECK_THAT(lines[0], Catch::StartsWith("{\"line\": 6, \"error\": \"ticket T-C: status event at 2026-11-23T08:00:00Z: an event before created\"}"));
  CHECK_THAT(lines[1], Catch::StartsWith("{\"line\": 7, \"error\": \"ticket T-B: created event at 2026-11-23T09:10:00Z: a second created event\"}"));
  CHECK_THAT(lines[2], Catch::StartsWith("{\"line\": 9, \"error\": \"ticket T-B: status event at 2026-11-23T09:20:00Z: unknown status \\\"waitng\\\""));
  CHECK_THAT(lines[3], Catch::StartsWith("{\"line\": 11, \"error\": \"not JSON"));
  // Then T-B (first named on line 1), then T-A (line 2); T-C has no event to evaluate.
  CHECK_THAT(lines[4], Catch::StartsWith("{\"ticket\": \"T-B\""));
  CHECK_THAT(lines[5], Catch::StartsWith("{\"ticket\": \"T-A\""));
  // T-B, created 09:00 (line 4), open at 09:30 (line 1, valid once in time order): no reply, so
  // the response breached at 09:15; the resolution has run 09:00–15:00 = 6 h of 8 (75% crossed),
  // due 17:00; 90% (7 h 12 m) comes at 16:12.
  CHECK_THAT(lines[4], Catch::Contains("\"name\": \"response\", \"calendar\": \"always\", \"amount\": \"15m\", \"state\": \"breached\", "
                                       "\"deadline\": \"2026-11-23T09:15:00Z\", \"met_at\": null, \"breached_at\": \"2026-11-23T09:15:00Z\""));
  CHECK_THAT(lines[4], Catch::Contains("\"name\": \"resolution\", \"calendar\": \"always\", \"amount\": \"8h\", \"state\": \"running\", "
                                       "\"deadline\": \"2026-11-23T17:00:00Z\", \"met_at\": null, \"breached_at\": null, "
                                       "\"target_seconds\": 28800, \"accrued_seconds\": 21600, \"remaining_seconds\": 7200, "
                                       "\"percent\": 75.0, \"warnings\": [\"75%\"]"));
  CHECK_THAT(lines[4], Catch::EndsWith("\"next_change\": \"2026-11-23T16:12:00Z\"}"));
  // T-A: resolved at 11:00 after 1 h; waiting_for_acceptance 11:30 (meets, already met);
  // in_progress at 12:00 reopens it with that hour: 1 h + 12:00–15:00 = 4 h, 4 h left → 19:00;
  // 75% (6 h) at 17:00. Its first cycle ended met at 11:00.
  CHECK_THAT(lines[5], Catch::Contains("\"name\": \"resolution\", \"calendar\": \"always\", \"amount\": \"8h\", \"state\": \"running\", "
                                       "\"deadline\": \"2026-11-23T19:00:00Z\", \"met_at\": null, \"breached_at\": null, "
                                       "\"target_seconds\": 28800, \"accrued_seconds\": 14400, \"remaining_seconds\": 14400"));
  CHECK_THAT(lines[5], Catch::Contains("\"cycles\": 2, \"completed_cycles\": [{\"start\": \"2026-11-23T10:00:00Z\", "
                                       "\"end\": \"2026-11-23T11:00:00Z\", \"outcome\": \"met\""));
  CHECK_THAT(lines[5], Catch::EndsWith("\"next_change\": \"2026-11-23T17:00:00Z\"}"));

  // 11 lines = 7 events used (T-A 5, T-B 2) + 4 errors. T-A went to the spill file at its
  // `resolved` (line 5) and at waiting_for_acceptance (line 8, a meeting status), and came back
  // for the line after each.
  auto counted = sla_test::run_program("sla-check", policy + "--threads 1 --stats " + file + " 2>&1 >/dev/null");
  CHECK_THAT(counted.out, Catch::Contains("lines=11 events=7 tickets=2 errors=4"));
  CHECK_THAT(counted.out, Catch::Contains("tickets=3 spilled=2 read_back=2"));
}

TEST_CASE("sla-check: the same lines in the same order on 1, 2 and 3 threads", "[examples][ticket][stream]") {
  // 40 tickets interleaved, each created, replied, paused, resolved (spilled) and reopened, with
  // one bad line in every ten: every thread count must give the single-thread output.
  std::string text;
  for (int step = 0; step < 6; ++step)
    for (int t = 0; t < 40; ++t) {
      std::string id = "T-" + std::to_string(t);
      char at[8];
      std::snprintf(at, sizeof at, "%02d:%02d", 8 + step, t);
      switch (step) {
        case 0: text += event(id, at, incident); break;
        case 1: text += event(id, at, "\"event\": \"responded\""); break;
        case 2: text += event(id, at, status("waiting_for_customer")); break;
        case 3: text += event(id, at, "\"event\": \"resolved\""); break;
        case 4: text += t % 10 == 3 ? std::string("{\"ticket\": 7}\n") : event(id, at, status("in_progress")); break;
        case 5: text += event(id, at, status(t % 2 ? "closed" : "waiting_for_acceptance")); break;
      }
    }
  auto file = sla_test::write_temp_file("sla-check-threads.jsonl", text);
  auto one = sla_test::run_program("sla-check", policy + "--threads 1 " + file + " 2>&1");
  REQUIRE(one.status == 1);
  CHECK_THAT(one.out, Catch::Contains("lines=240 events=236 tickets=40 errors=4"));
  auto lines = lines_of(one.out);
  REQUIRE(lines.size() == 4 + 40 + 1);
  // Tickets in the order of their first line: T-0, T-1, …
  for (int t = 0; t < 40; ++t) CHECK_THAT(lines[4 + t], Catch::StartsWith("{\"ticket\": \"T-" + std::to_string(t) + "\""));
  for (const char* n : {"2", "3"}) {
    auto other = sla_test::run_program("sla-check", policy + "--threads " + n + " " + file + " 2>&1");
    CHECK(other.status == 1);
    CHECK(other.out == one.out);
  }
}

TEST_CASE("sla-check: a log whose finished tickets fill the spill file, against the library's evaluate",
          "[examples][ticket][stream]") {
  // 80,000 tickets, in time order across tickets (one created every 20 s from 2026-11-01): each
  // replied, paused, resumed and resolved (its history goes to the spill file); every third one
  // reopened and resolved again (read back, spilled again); every second one closed. Some
  // megabytes of histories are written out per thread, so they are read back from the file in
  // rounds. Every line must be the JSON of sla::evaluate on the same events appended to a
  // sla::ticket (a path that keeps no store and spills nothing).
  const sla::policy avallain = sla::policy::load(SLA_SOURCE_DIR "/policies/avallain.yaml");
  const sla::instant now = sla::parse_instant("2026-11-23T15:00:00Z");
  const sla::instant base = sla::parse_instant("2026-11-01T00:00:00Z");
  constexpr int tickets = 80000;
  struct line {
    sla::instant at;
    int ticket;
    sla::ticket_event event;
  };
  std::vector<line> log;
  auto add = [&](int t, long minutes, sla::event_kind kind, std::string status = {}) {
    sla::ticket_event e;
    e.at = base + std::chrono::seconds{20L * t + 60 * minutes};
    e.kind = kind;
    e.status = std::move(status);
    if (kind == sla::event_kind::created) {
      e.type = t % 2 ? "incident" : "bug";
      e.severity = "urgent";
    }
    log.push_back({e.at, t, e});
  };
  for (int t = 0; t < tickets; ++t) {
    add(t, 0, sla::event_kind::created);
    add(t, 10, sla::event_kind::responded);
    add(t, 30, sla::event_kind::status, "waiting_for_customer");
    add(t, 120, sla::event_kind::status, "in_progress");
    add(t, 300, sla::event_kind::resolved);
    if (t % 3 == 0) {
      add(t, 360, sla::event_kind::status, "in_progress");
      add(t, 420, sla::event_kind::resolved);
    }
    if (t % 2 == 0) add(t, 540, sla::event_kind::closed);
  }
  std::stable_sort(log.begin(), log.end(), [](const line& a, const line& b) { return a.at < b.at; });
  std::string text;
  std::vector<sla::ticket> expected;
  for (int t = 0; t < tickets; ++t) expected.emplace_back("T-" + std::to_string(t));
  for (const auto& l : log) {
    text += "{\"ticket\": \"T-" + std::to_string(l.ticket) + "\", \"at\": \"" + sla::format_instant(l.at) + "\", \"event\": \"" +
            std::string(sla::to_string(l.event.kind)) + "\"";
    if (l.event.kind == sla::event_kind::created) text += ", \"type\": \"" + l.event.type + "\", \"severity\": \"urgent\"";
    if (!l.event.status.empty()) text += ", \"status\": \"" + l.event.status + "\"";
    text += "}\n";
    expected[static_cast<std::size_t>(l.ticket)].append(l.event, &avallain);
  }
  auto file = sla_test::write_temp_file("sla-check-spill.jsonl", text);
  for (const char* threads : {"1", "2"}) {
    auto r = sla_test::run_program("sla-check", policy + "--threads " + threads + " --stats " + file + " 2>" + file + ".err");
    CAPTURE(threads);
    REQUIRE(r.status == 0);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() == static_cast<std::size_t>(tickets));
    long mismatches = 0;
    for (int t = 0; t < tickets; ++t) {  // in the order of their first line: T-0, T-1, …
      const auto& want = expected[static_cast<std::size_t>(t)];
      if (lines[static_cast<std::size_t>(t)] != sla_examples::evaluation_json(want.id(), sla::evaluate(avallain, want, now))) {
        if (mismatches++ < 3) CHECK(lines[static_cast<std::size_t>(t)] == sla_examples::evaluation_json(want.id(), sla::evaluate(avallain, want, now)));
      }
    }
    CHECK(mismatches == 0);
    std::ifstream err(file + ".err");
    std::string stats((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    // Spilled at every resolved and closed; read back at every event after one.
    const long resolved = tickets + (tickets + 2) / 3, closed = (tickets + 1) / 2;
    const long read_back = (tickets + 2) / 3 + closed;  // the reopening in_progress, and the closed
    CHECK_THAT(stats, Catch::Contains(fmt::format("tickets={} spilled={} read_back={}", tickets, resolved + closed, read_back)));
    // Past a megabyte a thread writes its finished histories out: here a few times each.
    const auto written = stats.find("spill_file_bytes=");
    REQUIRE(written != std::string::npos);
    CHECK(std::stol(stats.substr(written + 17)) > 2'000'000);
    CHECK_THAT(stats, Catch::Contains(fmt::format("lines={} events={} tickets={} errors=0", log.size(), log.size(), tickets)));
  }
  std::filesystem::remove(file);
  std::filesystem::remove(file + ".err");
}

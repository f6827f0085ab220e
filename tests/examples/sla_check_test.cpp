// sla-check and sla-explain end to end on the Avallain policy (policies/README.md: incident urgent
// response 15m / resolution 8h on 24/7 UTC; bug urgent response 24h and resolution 5 business
// days on working days Mon–Fri 00:00–24:00 UTC; waiting_for_customer pauses both; warnings at
// 75% and 90%). 2026-11-20 is a Friday, 2026-11-23 a Monday.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "examples/program_runner.hpp"

namespace {

std::string write_input(const std::string& name, const std::string& text) { return sla_test::write_temp_file(name, text); }

const std::string policy = "--policy " SLA_SOURCE_DIR "/policies/avallain.yaml --now 2026-11-23T15:00:00Z ";

const std::string history =
    "{\"ticket\": \"T-1\", \"at\": \"2026-11-23T10:00:00Z\", \"event\": \"created\", \"type\": \"incident\", \"severity\": \"urgent\"}\n"
    "{\"ticket\": \"T-1\", \"at\": \"2026-11-23T10:10:00Z\", \"event\": \"responded\"}\n"
    "{\"ticket\": \"T-1\", \"at\": \"2026-11-23T11:00:00Z\", \"event\": \"status\", \"status\": \"waiting_for_customer\"}\n"
    "{\"ticket\": \"T-1\", \"at\": \"2026-11-23T13:00:00Z\", \"event\": \"status\", \"status\": \"in_progress\"}\n"
    "not json\n"
    "{\"ticket\": \"T-2\", \"at\": \"2026-11-23T09:00:00Z\", \"event\": \"responded\"}\n"
    "{\"ticket\": \"T-3\", \"at\": \"2026-11-20T16:00:00Z\", \"event\": \"created\", \"type\": \"bug\", \"severity\": \"urgent\"}\n"
    "{\"ticket\": \"T-3\", \"at\": \"2026-11-20T17:00:00Z\", \"event\": \"status\", \"status\": \"waitng\"}\n"
    "{\"ticket\": \"T-3\", \"at\": \"2026-11-20T18:00:00Z\", \"event\": \"escalate\"}\n"
    "{\"ticket\": \"T-3\", \"at\": \"2026-11-20T19:00:00\", \"event\": \"responded\"}\n";

}  // namespace

TEST_CASE("sla-check: hand-worked tickets, and every bad line accounted for", "[examples][ticket]") {
  auto file = write_input("sla-check-history.jsonl", history);
  auto r = sla_test::run_program("sla-check", policy + file + " 2>&1");
  CHECK(r.status == 1);
  // T-1: response met at 10:10 (600 s of 900). Resolution: 10:00–11:00 and 13:00–15:00 = 3 h,
  // 5 h left → 20:00; 75% (6 h) is reached 3 h from now → next change 18:00.
  CHECK_THAT(r.out, Catch::Contains(
                        "{\"ticket\": \"T-1\", \"type\": \"incident\", \"severity\": \"urgent\", \"plan\": null, \"region\": null, \"country\": null, "
                        "\"targets\": [{\"name\": \"response\", \"calendar\": \"always\", \"amount\": \"15m\", "
                        "\"state\": \"met\", \"deadline\": \"2026-11-23T10:15:00Z\", \"met_at\": \"2026-11-23T10:10:00Z\", "
                        "\"breached_at\": null, \"target_seconds\": 900, \"accrued_seconds\": 600, \"remaining_seconds\": 300, "
                        "\"percent\": 66.7, \"warnings\": [], \"escalation\": null, \"cycles\": 1, \"completed_cycles\": [], "
                        "\"rule\": \"" SLA_SOURCE_DIR "/policies/avallain.yaml:54:7\"}, {\"name\": \"resolution\", "
                        "\"calendar\": \"always\", \"amount\": \"8h\", \"state\": \"running\", \"deadline\": "
                        "\"2026-11-23T20:00:00Z\", \"met_at\": null, \"breached_at\": null, \"target_seconds\": 28800, "
                        "\"accrued_seconds\": 10800, \"remaining_seconds\": 18000, \"percent\": 37.5, \"warnings\": [], "
                        "\"escalation\": null, \"cycles\": 1, \"completed_cycles\": [], \"rule\": \"" SLA_SOURCE_DIR
                        "/policies/avallain.yaml:55:7\"}], \"next_change\": \"2026-11-23T18:00:00Z\"}"));
  // T-3: Friday 16:00–24:00 (8 h) + Monday 00:00–15:00 (15 h) = 23 h of the 24 h response: due
  // Monday 16:00, past both warnings. Resolution, 5 business days → Friday 27th 16:00 = 120 h.
  CHECK_THAT(r.out, Catch::Contains("{\"name\": \"response\", \"calendar\": \"working-days\", \"amount\": \"24h\", "
                                    "\"state\": \"running\", \"deadline\": \"2026-11-23T16:00:00Z\", "
                                    "\"met_at\": null, \"breached_at\": null, \"target_seconds\": 86400, \"accrued_seconds\": 82800, "
                                    "\"remaining_seconds\": 3600, \"percent\": 95.8, \"warnings\": [\"75%\", \"90%\"]"));
  CHECK_THAT(r.out, Catch::Contains("\"deadline\": \"2026-11-27T16:00:00Z\", \"met_at\": null, \"breached_at\": null, "
                                    "\"target_seconds\": 432000, \"accrued_seconds\": 82800, \"remaining_seconds\": 349200"));
  // Five bad lines, one error line each; 10 lines = 5 events + 5 errors.
  CHECK_THAT(r.out, Catch::Contains("{\"line\": 5, \"error\": \"expected a JSON object, or a CSV header"));
  CHECK_THAT(r.out, Catch::Contains("{\"line\": 6, \"error\": \"ticket T-2: responded event at 2026-11-23T09:00:00Z: an event before created\"}"));
  CHECK_THAT(r.out, Catch::Contains("{\"line\": 8, \"error\": \"ticket T-3: status event at 2026-11-20T17:00:00Z: unknown status \\\"waitng\\\": expected one of open,"));
  CHECK_THAT(r.out, Catch::Contains("{\"line\": 9, \"error\": \"ticket T-3: custom event at 2026-11-20T18:00:00Z: unknown event "
                                    "\\\"escalate\\\": this policy has no events\"}"));
  CHECK_THAT(r.out, Catch::Contains("{\"line\": 10, \"error\": \"at: "));
  CHECK_THAT(r.out, Catch::Contains("lines=10 events=5 tickets=2 errors=5"));
}

TEST_CASE("sla-check: CSV input gives the JSON Lines answers", "[examples][ticket]") {
  auto file = write_input("sla-check-history.csv",
                          "ticket,at,event,type,severity,status\n"
                          "T-1,2026-11-23T10:00:00Z,created,incident,urgent,\n"
                          "T-1,2026-11-23T10:10:00Z,responded,,,\n"
                          "T-1,2026-11-23T11:00:00Z,status,,,waiting_for_customer\n"
                          "T-1,2026-11-23T13:00:00Z,status,,,in_progress\n");
  auto r = sla_test::run_program("sla-check", policy + file + " 2>&1");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("\"accrued_seconds\": 10800, \"remaining_seconds\": 18000"));
  CHECK_THAT(r.out, Catch::Contains("lines=4 events=4 tickets=1 errors=0"));
}

TEST_CASE("sla-check --queue and sla-explain", "[examples][ticket]") {
  auto file = write_input("sla-check-history.jsonl", history);
  // Avallain has no queue rules: open tickets by earliest deadline — T-3's response (Monday
  // 16:00) before T-1's resolution (20:00).
  auto q = sla_test::run_program("sla-check", "--queue " + policy + file + " 2>/dev/null");
  auto t3 = q.out.find("\"ticket\": \"T-3\""), t1 = q.out.find("\"ticket\": \"T-1\"");
  REQUIRE(t3 != std::string::npos);
  REQUIRE(t1 != std::string::npos);
  CHECK(t3 < t1);

  auto e = sla_test::run_program("sla-explain", policy + "--ticket T-1 " + file + " 2>/dev/null");
  CHECK(e.status == 0);
  CHECK_THAT(e.out, Catch::Contains("paused by status waiting_for_customer"));
  CHECK_THAT(e.out, Catch::Contains("total counted: 3h00m"));
  CHECK(sla_test::run_program("sla-explain", policy + "--ticket T-404 " + file + " 2>/dev/null").status == 2);
}

TEST_CASE("sla-check: a target without an amount is not_applicable in every format", "[examples][ticket]") {
  // Avallain incident/normal: response 24h on 24/7 (2h accrued at 12:00), resolution `none`.
  auto file = write_input("sla-check-none.jsonl",
                          "{\"ticket\": \"N-1\", \"at\": \"2026-11-23T10:00:00Z\", \"event\": \"created\", \"type\": \"incident\", \"severity\": \"normal\"}\n");
  const std::string at_noon = "--policy " SLA_SOURCE_DIR "/policies/avallain.yaml --now 2026-11-23T12:00:00Z ";
  auto r = sla_test::run_program("sla-check", at_noon + file + " 2>/dev/null");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("{\"name\": \"resolution\", \"calendar\": \"always\", \"amount\": \"none\", \"state\": "
                                    "\"not_applicable\", \"deadline\": null, \"met_at\": null, \"breached_at\": null, "
                                    "\"target_seconds\": 0, \"accrued_seconds\": 0"));
  auto summary = sla_test::run_program("sla-check", "--format summary " + at_noon + file + " 2>/dev/null");
  // One ticket: response running (counted under running), resolution under not_applicable only.
  CHECK_THAT(summary.out, Catch::Contains("not_applicable"));
  CHECK_THAT(summary.out, Catch::Matches("(.|\n)*resolution +normal +0 +0 +0 +0 +0 +1\n(.|\n)*"));
  CHECK_THAT(summary.out, Catch::Matches("(.|\n)*response +normal +0 +0 +1 +0 +0 +0\n(.|\n)*"));
}

TEST_CASE("sla-check and sla-explain --help describe the input fields", "[examples][ticket]") {
  for (const char* program : {"sla-check", "sla-explain"}) {
    INFO(program);
    auto r = sla_test::run_program(program, "--help");
    CHECK(r.status == 0);
    for (const char* field : {"ticket", "at", "event", "users_affected", "timezone", "status", "reopened", "cancelled"})
      CHECK_THAT(r.out, Catch::Contains(field));
  }
}

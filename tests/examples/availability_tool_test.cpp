// sla-availability end to end on the Xen policy; the figures are those worked out by hand in
// tests/availability/availability_test.cpp (October and November 2026, Sydney months).
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "examples/program_runner.hpp"

namespace {

std::pair<int, std::string> run_with_input(const std::string& args, const std::string& input) {
  std::string file = sla_test::write_temp_file("availability-input.txt", input);
  auto r = sla_test::run_program("sla-availability", args + " " + file + " 2>&1");
  return {r.status, r.out};
}

const std::string args = "--policy " SLA_SOURCE_DIR "/policies/xen.yaml --component platform --from 2026-10 --to 2026-11 "
                         "--now 2026-11-23T23:10:00Z --json";

}  // namespace

TEST_CASE("sla-availability: JSON Lines outages, bad lines counted, one object per month", "[examples]") {
  auto [status, out] = run_with_input(args,
                                      "{\"start\": \"2026-10-06T23:00:00Z\", \"end\": \"2026-10-06T23:20:00Z\", \"component\": \"platform\"}\n"
                                      "{\"start\": \"2026-10-06T23:10:00Z\", \"end\": \"2026-10-06T23:40:00Z\"}\n"
                                      "not json\n"
                                      "{\"start\": \"2026-11-23T23:00:00Z\", \"end\": null}\n"
                                      "{\"start\": \"2026-11-24T01:00:00Z\", \"end\": \"2026-11-24T02:00:00Z\", \"component\": \"other\"}\n");
  CHECK(status == 1);
  // October: overlapping outages 10:00–10:40 AEDT = 2400 s against 1922 s allowed.
  CHECK_THAT(out, Catch::Contains("{\"period\": \"2026-10\", \"measured_seconds\": 1922400, \"downtime_seconds\": 2400, "
                                  "\"allowed_downtime_seconds\": 1922, \"remaining_budget_seconds\": -478"));
  CHECK_THAT(out, Catch::Contains("\"breached\": true, \"budget_exhausted_at\": null}"));
  // November: the open outage, 600 s down at now, budget out 1192 s later.
  CHECK_THAT(out, Catch::Contains("{\"period\": \"2026-11\", \"measured_seconds\": 1792800, \"downtime_seconds\": 600, "
                                  "\"allowed_downtime_seconds\": 1792, \"remaining_budget_seconds\": 1192"));
  CHECK_THAT(out, Catch::Contains("\"budget_exhausted_at\": \"2026-11-23T23:29:52Z\""));
  CHECK_THAT(out, Catch::Contains("line 3: expected a JSON object, or a CSV header"));
  CHECK_THAT(out, Catch::Contains("lines=5 outages=3 other_components=1 bad=1"));
}

TEST_CASE("sla-availability: CSV gives the same months", "[examples]") {
  auto [status, out] = run_with_input(args,
                                      "start,end,component\n"
                                      "2026-10-06T23:00:00Z,2026-10-06T23:20:00Z,platform\n"
                                      "2026-10-06T23:10:00Z,2026-10-06T23:40:00Z,\n"
                                      "2026-11-23T23:00:00Z,,platform\n");
  CHECK(status == 0);
  CHECK_THAT(out, Catch::Contains("\"downtime_seconds\": 2400"));
  CHECK_THAT(out, Catch::Contains("\"budget_exhausted_at\": \"2026-11-23T23:29:52Z\""));
  // The header is not an outage line: lines = outages + other_components + bad.
  CHECK_THAT(out, Catch::Contains("lines=3 outages=3 other_components=0 bad=0"));
}

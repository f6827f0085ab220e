// sla-lint, sla-deadline and sla-calendar end to end, on the bundled policies and the bad-policy
// corpus. Expected values are worked out by hand from policies/README.md (comments show how).
#include <catch2/catch.hpp>

#include <string>

#include "examples/program_runner.hpp"

namespace {

using result = sla_test::program_result;
result run(const std::string& tool, const std::string& args) { return sla_test::run_program(tool, args); }

const std::string policies = SLA_SOURCE_DIR "/policies/";

}  // namespace

TEST_CASE("sla-lint: clean policies, broken ones with positions, unreadable files", "[examples]") {
  auto clean = run("sla-lint", policies + "avallain.yaml " + policies + "xen.yaml 2>/dev/null");
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());

  std::string bad = SLA_TEST_DATA_DIR "/bad/unknown-calendar.yaml";
  auto broken = run("sla-lint", bad + " 2>/dev/null");
  CHECK(broken.status == 1);
  CHECK_THAT(broken.out, Catch::Contains(bad + ":13:15: targets[0].calendar: unknown calendar \"ofice\""));

  auto json = run("sla-lint", "--json " + bad + " 2>/dev/null");
  CHECK_THAT(json.out, Catch::Contains("\"line\": 13, \"column\": 15, \"path\": \"targets[0].calendar\", \"severity\": \"error\""));

  CHECK(run("sla-lint", "/nonexistent/policy.yaml 2>/dev/null").status == 2);
}

TEST_CASE("sla-deadline: targets of a new ticket, as JSON", "[examples]") {
  // Avallain, incident urgent: response 15m and resolution 8h on the 24/7 UTC calendar.
  auto urgent = run("sla-deadline", "--policy " + policies +
                                        "avallain.yaml --type incident --severity urgent --created 2026-11-23T10:00:00Z --json");
  CHECK(urgent.status == 0);
  // Lines 54 and 55 of avallain.yaml set the two targets (column 7: the key).
  CHECK(urgent.out ==
        "{\"policy\": \"avallain\", \"type\": \"incident\", \"severity\": \"urgent\", \"plan\": null, \"region\": null, \"country\": null, "
        "\"created\": \"2026-11-23T10:00:00Z\", \"timezone\": null, \"targets\": [{\"name\": \"response\", \"calendar\": "
        "\"always\", \"amount\": \"15m\", \"amount_seconds\": 900, \"deadline\": \"2026-11-23T10:15:00Z\", \"starts\": "
        "\"created\", \"rule\": \"" + policies + "avallain.yaml:54:7\"}, {\"name\": \"resolution\", \"calendar\": \"always\", "
        "\"amount\": \"8h\", \"amount_seconds\": 28800, \"deadline\": \"2026-11-23T18:00:00Z\", \"starts\": \"created\", "
        "\"rule\": \"" + policies + "avallain.yaml:55:7\"}]}\n");
  // Incident normal has no resolution target (release-targeted): its deadline is null.
  auto normal = run("sla-deadline", "--policy " + policies +
                                        "avallain.yaml --type incident --severity normal --created 2026-11-23T10:00:00Z --json");
  CHECK_THAT(normal.out, Catch::Contains("\"amount\": \"none\", \"amount_seconds\": null, \"deadline\": null, \"starts\": \"created\""));
  // Advendio basic/medium: 2 business days from Thu 2026-04-02 12:00 CEST; Good Friday and
  // Easter Monday are closed, so Tue 7 is the first and Wed 8 the second: 12:00 CEST = 10:00Z.
  auto easter = run("sla-deadline", "--policy " + policies +
                                        "advendio.yaml --type bug --severity medium --plan basic --created 2026-04-02T10:00:00Z --json");
  CHECK_THAT(easter.out, Catch::Contains("\"deadline\": \"2026-04-08T10:00:00Z\""));

  auto typo = run("sla-deadline", "--policy " + policies +
                                      "avallain.yaml --type incident --severity urgnt --created 2026-11-23T10:00:00Z 2>&1");
  CHECK(typo.status == 2);
  CHECK_THAT(typo.out, Catch::Contains("unknown severity \"urgnt\""));
  auto no_offset = run("sla-deadline", "--policy " + policies +
                                           "avallain.yaml --type incident --severity urgent --created 2026-11-23T10:00:00 2>&1");
  CHECK(no_offset.status == 2);
  CHECK_THAT(no_offset.out, Catch::Contains("--created"));
}

TEST_CASE("sla-calendar: holidays and opening windows", "[examples]") {
  // Advendio's Berlin calendar over Easter 2026: Good Friday 3 April and Easter Monday 6 April
  // closed; Thursday 2 and Tuesday 7 open 09:00–17:00 CEST (+02:00) = 07:00–15:00Z.
  auto easter = run("sla-calendar", "--policy " + policies +
                                        "advendio.yaml --calendar business --from 2026-04-02 --to 2026-04-07 --json");
  CHECK(easter.status == 0);
  CHECK(easter.out ==
        "{\"holidays\": [{\"date\": \"2026-04-03\", \"name\": \"Good Friday (Karfreitag)\"}, {\"date\": "
        "\"2026-04-06\", \"name\": \"Easter Monday (Ostermontag)\"}], \"windows\": [{\"start\": "
        "\"2026-04-02T07:00:00Z\", \"end\": \"2026-04-02T15:00:00Z\"}, {\"start\": \"2026-04-07T07:00:00Z\", \"end\": "
        "\"2026-04-07T15:00:00Z\"}]}\n");
  // US federal, 2021-12-20..2022-01-03: Christmas 2021 (Sat) observed Fri 24 Dec; New Year's
  // Day 2022 (Sat) observed Fri 31 Dec 2021.
  auto federal = run("sla-calendar", "--holiday-set " + policies +
                                         "holidays/us-federal.yaml --from 2021-12-20 --to 2022-01-03 --json");
  CHECK(federal.out ==
        "{\"holidays\": [{\"date\": \"2021-12-24\", \"name\": \"Christmas Day\", \"observed_from\": \"2021-12-25\"}, "
        "{\"date\": \"2021-12-31\", \"name\": \"New Year's Day\", \"observed_from\": \"2022-01-01\"}], \"windows\": []}\n");
  CHECK(run("sla-calendar", "--policy " + policies + "advendio.yaml --calendar nope --from 2026-04-02 --to 2026-04-07 2>/dev/null")
            .status == 2);
}

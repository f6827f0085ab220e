// The fast paths of sla-check's JSON line (examples/common/evaluation_json.hpp) against the
// plain ones they stand for: a percent with one decimal against fmt's {:.1f}, the amount text
// against sla::format_target_amount, strings against json_quote, instants against
// sla::format_instant.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cmath>
#include <random>
#include <string>

#include "common/evaluation_json.hpp"
#include "common/text_buffer.hpp"

namespace {

std::string one_decimal(double v) {
  char room[sla_examples::detail::json_room::max_one_decimal];
  sla_examples::detail::json_room j(room);
  j.one_decimal(v);
  return std::string(room, j.end());
}

sla::ticket_evaluation two_targets(const sla::target_amount& first, const sla::target_amount& second) {
  sla::ticket_evaluation ev;
  ev.type = "incident";
  ev.severity = "urgent";
  sla::target_status a;
  a.name = "response";
  a.calendar = "always";
  a.amount = first;
  a.state = sla::target_state::met;
  a.deadline = sla::parse_instant("2026-03-08T06:59:00Z");
  a.met_at = sla::parse_instant("1999-12-31T23:59:59Z");
  a.percent = 66.65;
  a.warnings = {"75%", "tab\there"};
  sla::target_status b = a;
  b.name = "résolution \"quoted\"";
  b.amount = second;
  b.escalation = "level \\ 2";
  b.deadline.reset();
  ev.targets = {a, b};
  ev.next_change = sla::parse_instant("2199-12-31T23:59:59Z");
  return ev;
}

}  // namespace

TEST_CASE("evaluation JSON: a percent with one decimal is fmt's {:.1f}, ties and large values included", "[examples][json]") {
  std::mt19937_64 random(20261202);
  long checked = 0;
  // Percents as sla::evaluate makes them: 100 · accrued / target.
  for (int i = 0; i < 200000; ++i) {
    const long long accrued = static_cast<long long>(random() % 40000000), target = 1 + static_cast<long long>(random() % 400000);
    const double v = 100.0 * static_cast<double>(accrued) / static_cast<double>(target);
    REQUIRE(one_decimal(v) == fmt::format("{:.1f}", v));
    ++checked;
  }
  // Exact ties in binary (x.25, x.75 …), values a hair from a tie, and the edges of the fast path.
  for (double v : {0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 2.25, 2.75, 1.05, 99.95, 100.0, 12.5, 0.049999999, 0.050000001,
                   1e8 - 0.05, 1e8 + 0.05, 99999999.95, 1e9, 1e12 + 0.25, 1e300, 5e-324, 123456789.25}) {
    CHECK(one_decimal(v) == fmt::format("{:.1f}", v));
    ++checked;
  }
  for (int i = 0; i < 100000; ++i) {
    const double v = std::ldexp(static_cast<double>(random() % (1ull << 40)), -static_cast<int>(random() % 36));
    REQUIRE(one_decimal(v) == fmt::format("{:.1f}", v));
    ++checked;
  }
  CHECK(checked == 300022);
}

TEST_CASE("evaluation JSON: amounts, escapes and instants as the plain writers give them", "[examples][json]") {
  const sla::target_amount fifteen = sla::parse_target_amount("15m"), days = sla::parse_target_amount("5 business days");
  // The amount text is cached from one target to the next: alternate so that each line must change it.
  for (int round = 0; round < 3; ++round) {
    const auto ev = two_targets(round % 2 ? days : fifteen, round % 2 ? fifteen : days);
    sla_examples::text_buffer buffer;
    buffer.append("prefix:");
    sla_examples::evaluation_json_to(buffer, "T-\"1\"", ev);
    const std::string line(buffer.data() + 7, buffer.size() - 7);
    std::string as_string;
    sla_examples::evaluation_json_to(as_string, "T-\"1\"", ev);
    CHECK(line == as_string);
    const auto& a = ev.targets[0];
    const auto& b = ev.targets[1];
    const std::string expected_start =
        "{\"ticket\": " + sla_examples::json_quote("T-\"1\"") +
        ", \"type\": \"incident\", \"severity\": \"urgent\", \"plan\": null, \"region\": null, \"country\": null, "
        "\"targets\": [{\"name\": \"response\", \"calendar\": \"always\", \"amount\": \"" +
        sla::format_target_amount(a.amount) + "\", \"state\": \"met\", \"deadline\": \"" +
        sla::format_instant(*a.deadline) + "\", \"met_at\": \"" + sla::format_instant(*a.met_at) +
        "\", \"breached_at\": null, \"target_seconds\": 0, \"accrued_seconds\": 0, \"remaining_seconds\": 0, "
        "\"percent\": " + fmt::format("{:.1f}", a.percent) + ", \"warnings\": [\"75%\", " +
        sla_examples::json_quote("tab\there") + "], \"escalation\": null, \"cycles\": 1, \"completed_cycles\": [], "
        "\"rule\": null}, {\"name\": " + sla_examples::json_quote(b.name) + ", \"calendar\": \"always\", \"amount\": \"" +
        sla::format_target_amount(b.amount) + "\", \"state\": \"met\", \"deadline\": null";
    REQUIRE(line.size() > expected_start.size());
    CHECK(line.substr(0, expected_start.size()) == expected_start);
    CHECK(line.find("\"escalation\": " + sla_examples::json_quote("level \\ 2")) != std::string::npos);
    const std::string end = "\"next_change\": \"" + sla::format_instant(*ev.next_change) + "\"}";
    CHECK(line.substr(line.size() - end.size()) == end);
  }
}

// sla-deadline --policy FILE --type T --severity S [--plan P] [--timezone ZONE] --created TIME [--json]
// The targets a new ticket gets from its policy, and when each is due if its clock runs
// without pauses. Exit status: 0 answered, 2 bad arguments or an unusable policy.
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "common/json_text.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Deadlines of a new ticket's targets under a support policy"};
  std::string policy_file, type, severity, plan, zone, created_text;
  bool json = false;
  app.add_option("--policy", policy_file, "policy file (YAML)")->required();
  app.add_option("--type", type, "request type")->required();
  app.add_option("--severity", severity, "severity")->required();
  app.add_option("--plan", plan, "plan (default: the policy's default plan)");
  app.add_option("--timezone", zone, "the tenant's time zone, for calendars that take it");
  app.add_option("--created", created_text, "creation time, RFC 3339")->required();
  app.add_flag("--json", json, "print JSON");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  std::string field = "--policy";
  try {
    sla::policy policy = sla::policy::load(policy_file);
    field = "--created";
    sla::instant created = sla::parse_instant(created_text);
    field = "--type/--severity/--plan";
    std::vector<sla::target_definition> targets = policy.targets_for(type, severity, plan);
    field = "--timezone";
    struct row {
      const sla::target_definition* target;
      std::optional<sla::instant> deadline;
      sla::business_calendar calendar;
    };
    std::vector<row> rows;
    for (const auto& t : targets) {
      sla::business_calendar cal = policy.calendar(t.calendar.empty() ? policy.calendars().front().name : t.calendar, zone);
      rows.push_back({&t, policy.deadline(t, created, zone), cal});
    }

    if (json) {
      using sla_examples::json_quote;
      std::string out = "{\"targets\": [";
      for (std::size_t i = 0; i < rows.size(); ++i)
        out += fmt::format("{}{{\"name\": {}, \"calendar\": {}, \"amount\": {}, \"deadline\": {}}}", i ? ", " : "",
                           json_quote(rows[i].target->name), json_quote(rows[i].target->calendar),
                           json_quote(sla::format_target_amount(rows[i].target->amount)),
                           sla_examples::json_instant(rows[i].deadline));
      fmt::print("{}]}}\n", out);
      return 0;
    }
    fmt::print("{} ticket: type {}, severity {}, plan {}, created {}\n", policy.name(), type, severity,
               plan.empty() ? policy.default_plan() : plan, sla::format_instant(created));
    fmt::print("{:<16} {:<16} {:<18} {:<22} {}\n", "target", "calendar", "amount", "deadline (UTC)", "deadline (local)");
    for (const auto& r : rows) {
      std::string utc = r.deadline ? sla::format_instant(*r.deadline) : "none";
      std::string local = r.deadline ? r.calendar.zone().format_local(*r.deadline) : "";
      fmt::print("{:<16} {:<16} {:<18} {:<22} {}\n", r.target->name, r.target->calendar,
                 sla::format_target_amount(r.target->amount), utc, local);
    }
    return 0;
  } catch (const sla::error& e) {
    if (field == "--policy") fmt::print(stderr, "sla-deadline: {}\n", e.what());
    else fmt::print(stderr, "sla-deadline: {}: {}\n", field, e.what());
    return 2;
  }
}

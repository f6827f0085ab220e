// sla-deadline --policy FILE --type T [--severity S] [--plan P] [--region R] [--country C] [--timezone ZONE]
//              --created TIME [--json]
// The targets a new ticket gets from its policy, and when each is due if its clock runs
// without pauses. --severity may be left out when the policy has one severity or none (and
// --type when it has one type); --plan and --region default to the policy's defaults. A target
// whose clock starts later than the creation (at an escalation, a customer message, …) has no
// deadline yet: `starts` says what starts it.
//   --json: {"policy": …, "type": …, "severity": …, "plan": …, "created": …, "timezone": …,
//            "targets": [{"name": …, "calendar": …, "amount": "5 business days",
//                         "amount_seconds": 432000, "deadline": "…Z", "starts": "created",
//                         "rule": "policies/x.yaml:12:14"}, …]}
//   amount_seconds is the amount as business time from the creation (business days converted
//   there), null for `none`.
// Exit status: 0 answered, 2 bad arguments or an unusable policy.
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "common/cli.hpp"
#include "common/json_text.hpp"
#include "common/text.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Deadlines of a new ticket's targets under a support policy"};
  std::string policy_file, type, severity, plan, region, country, zone, created_text;
  bool json = false;
  app.add_option("--policy", policy_file, "policy file (YAML)")->required();
  app.add_option("--type", type, "request type (may be left out when the policy has one)");
  app.add_option("--severity", severity, "severity (may be left out when the policy has one or none)");
  app.add_option("--plan", plan, "plan (default: the policy's default plan)");
  app.add_option("--region", region, "the ticket's region, for policies with regions (default: the default region)");
  app.add_option("--country", country,
                 "the ticket's country (ISO 3166, e.g. GB-ENG), for calendars that take its holidays (default: the region's)");
  app.add_option("--timezone", zone, "the tenant's time zone, for calendars that take it");
  app.add_option("--created", created_text, "creation time, RFC 3339")->required();
  app.add_flag("--json", json, "print JSON");
  sla_examples::add_version(app, "sla-deadline");
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
    if (!zone.empty()) {
      field = "--timezone";
      sla::time_zone::load(zone);  // an unknown zone is an error, used or not
      bool used = std::any_of(policy.calendars().begin(), policy.calendars().end(), [](const auto& c) { return c.tenant_timezone; });
      if (!used)
        fmt::print(stderr, "sla-deadline: note: --timezone {} changes nothing: no calendar of {} takes a tenant zone\n", zone,
                   policy.name());
    }
    field = type.empty() ? "--type" : severity.empty() ? "--severity" : "--type/--severity/--plan";
    std::vector<sla::target_definition> targets = policy.targets_for(type, severity, plan);
    if (type.empty() && policy.types().size() == 1) type = policy.types().front();
    if (severity.empty() && policy.severities().size() == 1) severity = policy.severities().front();
    if (plan.empty()) plan = policy.default_plan();
    field = "--region";
    if (region.empty()) region = policy.default_region();
    if (!region.empty()) (void)policy.calendar_in_region("", region);  // an unknown region throws
    field = "--country";
    if (!country.empty()) {
      if (!sla::is_country_code(country))
        throw sla::error(sla::error_code::invalid_argument,
                         fmt::format("\"{}\" is not a country code (ISO 3166-1 alpha-2 such as DE, or ISO 3166-2 such as GB-ENG)",
                                     country));
      if (policy.holiday_countries().empty())
        fmt::print(stderr, "sla-deadline: note: --country {} changes nothing: no calendar of {} takes the ticket's country\n",
                   country, policy.name());
      else if (std::find(policy.holiday_countries().begin(), policy.holiday_countries().end(), country) ==
               policy.holiday_countries().end())
        (void)policy.calendar(policy.calendars().front().name, {}, region, country);  // reports the known countries
    }
    if (country.empty()) country = policy.country_of_region(region);
    // What starts each target's clock: "created", or the event or status of its definition.
    auto starts = [&](const std::string& target) {
      for (const auto& d : policy.clock_definitions()) {
        if (d.target != target) continue;
        std::string out;
        for (const auto& t : d.start)
          out += (out.empty() ? "" : " or ") + (t.on == sla::clock_trigger::kind::created ? std::string("created")
                                                : t.on == sla::clock_trigger::kind::event ? "event " + t.name
                                                                                          : "status " + t.name);
        return out;
      }
      return std::string("created");
    };
    field = "--timezone";
    struct row {
      const sla::target_definition* target;
      std::string calendar;  // the calendar the region uses
      std::string starts;
      std::optional<sla::instant> deadline;
      std::optional<std::chrono::seconds> amount;  // as business time from the creation
      std::optional<sla::business_calendar> calendar_of;
    };
    std::vector<row> rows;
    for (const auto& t : targets) {
      row r{&t, t.calendar.empty() ? "" : policy.calendar_in_region(t.calendar, region), starts(t.name), std::nullopt, std::nullopt,
            std::nullopt};
      if (!t.calendar.empty()) {
        r.calendar_of = policy.calendar(t.calendar, zone, region, country);
        if (r.starts == "created") {
          r.deadline = policy.deadline(t, created, zone, region, country);
          if (r.deadline) r.amount = r.calendar_of->elapsed(created, *r.deadline);
        } else if (t.amount.kind == sla::amount_kind::business_time) {
          r.amount = t.amount.time;
        }
      }
      rows.push_back(r);
    }

    using sla_examples::json_quote;
    if (json) {
      auto text_or_null = [](const std::string& s) { return s.empty() ? std::string("null") : json_quote(s); };
      std::string out = fmt::format(
          "{{\"policy\": {}, \"type\": {}, \"severity\": {}, \"plan\": {}, \"region\": {}, \"country\": {}, \"created\": {}, "
          "\"timezone\": {}, \"targets\": [",
          json_quote(policy.name()), json_quote(type), text_or_null(severity), text_or_null(plan), text_or_null(region),
          text_or_null(country), sla_examples::json_instant(created), text_or_null(zone));
      for (std::size_t i = 0; i < rows.size(); ++i)
        out += fmt::format("{}{{\"name\": {}, \"calendar\": {}, \"amount\": {}, \"amount_seconds\": {}, \"deadline\": {}, "
                           "\"starts\": {}, \"rule\": {}}}",
                           i ? ", " : "", json_quote(rows[i].target->name), text_or_null(rows[i].calendar),
                           json_quote(sla::format_target_amount(rows[i].target->amount)),
                           rows[i].amount ? std::to_string(rows[i].amount->count()) : "null",
                           sla_examples::json_instant(rows[i].deadline), json_quote(rows[i].starts), json_quote(rows[i].target->rule));
      fmt::print("{}]}}\n", out);
      return 0;
    }
    fmt::print("{} ticket: type {}{}{}{}, created {}\n", policy.name(), type, severity.empty() ? "" : ", severity " + severity,
               plan.empty() ? "" : ", plan " + plan, region.empty() ? "" : ", region " + region + (country.empty() ? "" : ", country " + country), sla::format_instant(created));
    std::size_t name_width = 6, calendar_width = 8;
    for (const auto& r : rows) {
      name_width = std::max(name_width, r.target->name.size());
      calendar_width = std::max(calendar_width, r.calendar.size());
    }
    fmt::print("{:<{}} {:<{}} {:<18} {:>10} {:<22} {:<28} {}\n", "target", name_width, "calendar", calendar_width, "amount",
               "business", "deadline (UTC)", "deadline (local)", "rule");
    for (const auto& r : rows) {
      std::string utc = r.deadline ? sla::format_instant(*r.deadline) : r.starts != "created" ? "starts at " + r.starts : "none";
      std::string local = r.deadline ? sla_examples::local_time_text(r.calendar_of->zone(), *r.deadline) : "";
      fmt::print("{:<{}} {:<{}} {:<18} {:>10} {:<22} {:<28} {}\n", r.target->name, name_width, r.calendar.empty() ? "-" : r.calendar,
                 calendar_width, sla::format_target_amount(r.target->amount),
                 r.amount ? sla_examples::duration_text(*r.amount) : "-", utc, local, r.target->rule);
    }
    return 0;
  } catch (const sla::error& e) {
    if (field == "--policy") fmt::print(stderr, "sla-deadline: {}\n", e.what());
    else fmt::print(stderr, "sla-deadline: {}: {}\n", field, e.what());
    return 2;
  }
}

// sla-calendar --policy FILE --calendar NAME --from DATE --to DATE [--timezone ZONE] [--json]
// sla-calendar --holiday-set FILE --from DATE --to DATE [--json]
// Lists the holidays (date and name) between two local dates, inclusive, and for a policy
// calendar the opening windows in local time and UTC. Exit status: 0 listed, 2 bad input.
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "common/cli.hpp"
#include "common/json_text.hpp"

namespace {

using namespace std::chrono;

year_month_day parse_date(const std::string& text, const char* option) {
  int y = 0;
  unsigned m = 0, d = 0;
  char extra = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &extra) != 3)
    throw sla::error(sla::error_code::invalid_argument, fmt::format("{}: \"{}\" is not a date (YYYY-MM-DD)", option, text));
  year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok() || y < 1900 || y > 2199)
    throw sla::error(sla::error_code::invalid_argument, fmt::format("{}: {} is not a day between 1900 and 2199", option, text));
  return date;
}

std::string date_text(year_month_day d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

struct listing {
  std::vector<sla::holiday> holidays;
  std::vector<sla::special_day> special_days;
  std::vector<std::pair<sla::instant, sla::instant>> windows;
};

listing from_policy(const std::string& file, const std::string& name, const std::string& zone, year_month_day from,
                    year_month_day to) {
  sla::policy policy = sla::policy::load(file);
  auto it = std::find_if(policy.calendars().begin(), policy.calendars().end(), [&](const auto& c) { return c.name == name; });
  if (it == policy.calendars().end()) {
    std::string known;
    for (const auto& c : policy.calendars()) known += (known.empty() ? "" : ", ") + c.name;
    throw sla::error(sla::error_code::invalid_argument,
                     fmt::format("--calendar: no calendar \"{}\" in {} (it has: {})", name, file, known));
  }
  listing out;
  for (const auto& h : it->spec.holidays)
    if (h.date >= from && h.date <= to) out.holidays.push_back(h);
  for (const auto& s : it->spec.special_days)
    if (s.date >= from && s.date <= to) out.special_days.push_back(s);
  sla::business_calendar cal = policy.calendar(name, zone);
  sla::instant u = cal.zone().from_local_earliest(local_days{from});
  sla::instant end = cal.zone().from_local_earliest(local_days{to} + days{1});
  while (u < end) {
    auto open = cal.next_open(u);
    if (!open || *open >= end) break;
    sla::instant close = std::min(cal.next_close(*open).value_or(end), end);
    out.windows.emplace_back(*open, close);
    u = close;
  }
  return out;
}

listing from_holiday_set(const std::string& file, year_month_day from, year_month_day to) {
  sla::holiday_set set = sla::load_holiday_set(file);
  std::map<year_month_day, std::string> dates;
  for (const auto& rule : set.rules)
    for (auto d : sla::expand(rule, int(from.year()) - 1, int(to.year()) + 1))  // observed days cross years
      if (d >= from && d <= to) {
        auto& name = dates[d];
        name = name.empty() ? rule.name : name + " / " + rule.name;
      }
  listing out;
  for (const auto& [d, name] : dates) out.holidays.push_back({d, name});
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Holidays and opening windows of a calendar between two dates"};
  std::string policy_file, calendar, holiday_set, zone, from_text, to_text;
  bool json = false;
  auto* policy_opt = app.add_option("--policy", policy_file, "policy file (YAML)");
  app.add_option("--calendar", calendar, "calendar name in the policy")->needs(policy_opt);
  app.add_option("--holiday-set", holiday_set, "holiday set file (YAML)")->excludes(policy_opt);
  app.add_option("--timezone", zone, "the tenant's time zone, for calendars that take it");
  app.add_option("--from", from_text, "first local date, YYYY-MM-DD")->required();
  app.add_option("--to", to_text, "last local date, YYYY-MM-DD")->required();
  app.add_flag("--json", json, "print JSON");
  sla_examples::add_version(app, "sla-calendar");
  try {
    app.parse(argc, argv);
    if (policy_file.empty() == holiday_set.empty() || (!policy_file.empty() && calendar.empty()))
      throw CLI::ValidationError("give --policy FILE --calendar NAME, or --holiday-set FILE");
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  try {
    year_month_day from = parse_date(from_text, "--from"), to = parse_date(to_text, "--to");
    if (!zone.empty()) {
      try {
        sla::time_zone::load(zone);  // an unknown zone is an error, used or not
      } catch (const sla::error& e) {
        throw sla::error(e.code(), "--timezone: " + e.message());
      }
      if (!policy_file.empty()) {
        sla::policy p = sla::policy::load(policy_file);
        auto it = std::find_if(p.calendars().begin(), p.calendars().end(), [&](const auto& c) { return c.name == calendar; });
        if (it != p.calendars().end() && !it->tenant_timezone)
          fmt::print(stderr, "sla-calendar: note: --timezone {} changes nothing: calendar {} does not take a tenant zone\n", zone,
                     calendar);
      } else {
        fmt::print(stderr, "sla-calendar: note: --timezone {} changes nothing for a holiday set\n", zone);
      }
    }
    if (to < from) throw sla::error(sla::error_code::invalid_argument, "--to is before --from");
    listing l = policy_file.empty() ? from_holiday_set(holiday_set, from, to) : from_policy(policy_file, calendar, zone, from, to);

    if (json) {
      using sla_examples::json_quote;
      std::string out = "{\"holidays\": [";
      for (std::size_t i = 0; i < l.holidays.size(); ++i)
        out += fmt::format("{}{{\"date\": \"{}\", \"name\": {}}}", i ? ", " : "", date_text(l.holidays[i].date),
                           json_quote(l.holidays[i].name));
      out += "], \"windows\": [";
      for (std::size_t i = 0; i < l.windows.size(); ++i)
        out += fmt::format("{}{{\"start\": \"{}\", \"end\": \"{}\"}}", i ? ", " : "", sla::format_instant(l.windows[i].first),
                           sla::format_instant(l.windows[i].second));
      fmt::print("{}]}}\n", out);
      return 0;
    }
    fmt::print("Holidays {} to {}:\n", date_text(from), date_text(to));
    if (l.holidays.empty()) fmt::print("  (none)\n");
    for (const auto& h : l.holidays) fmt::print("  {}  {}\n", date_text(h.date), h.name);
    if (!l.special_days.empty()) fmt::print("Special days:\n");
    for (const auto& s : l.special_days) fmt::print("  {}  {} ({} window(s))\n", date_text(s.date), s.name, s.windows.size());
    if (!policy_file.empty()) {
      sla::time_zone tz = sla::policy::load(policy_file).calendar(calendar, zone).zone();
      fmt::print("Opening windows ({}):\n", tz.name());
      if (l.windows.empty()) fmt::print("  (none)\n");
      for (const auto& [a, b] : l.windows) {
        std::string s = tz.format_local(a), e = tz.format_local(b);
        fmt::print("  {} {}–{} {}  ({}Z–{}Z)\n", s.substr(0, 10), s.substr(11, 5), e.substr(0, 10) == s.substr(0, 10) ? e.substr(11, 5) : e.substr(0, 16),
                   s.substr(19), sla::format_instant(a).substr(11, 5), sla::format_instant(b).substr(11, 5));
      }
    }
    return 0;
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-calendar: {}\n", e.what());
    return 2;
  }
}

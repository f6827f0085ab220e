// sla-calendar --policy FILE --calendar NAME (--from DATE --to DATE | --years Y[-Y]) [--timezone ZONE] [--json]
// sla-calendar --holiday-set FILE (--from DATE --to DATE | --years Y[-Y]) [--json]
// Lists the holidays between two local dates, inclusive (or over whole years): the date it is
// closed, its name, the holiday's own date when an observed-day rule moved it, and why a
// one-off date exists; for a policy calendar also the opening windows in local time and UTC.
// Exit status: 0 listed, 2 bad input.
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

const char* weekday_text(year_month_day d) {
  static const char* const names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return names[weekday{sys_days{d}}.c_encoding()];
}

std::string date_text(year_month_day d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

// One closed date: its own date when an observed-day rule moved it there, and the reason a
// one-off date exists.
struct listed_holiday {
  year_month_day date;
  std::string name;
  std::optional<year_month_day> observed_from;
  std::string reason;
};

struct listing {
  std::vector<listed_holiday> holidays;
  std::vector<sla::special_day> special_days;
  std::vector<std::pair<sla::instant, sla::instant>> windows;
};

// The occurrences of `rules` on the dates [from, to], joined by date (two holidays on one date
// list both names).
std::vector<listed_holiday> occurrences_between(const std::vector<sla::holiday_rule>& rules, year_month_day from,
                                                year_month_day to) {
  std::map<year_month_day, listed_holiday> by_date;
  // A year more on each side: observed days cross into the neighbouring year.
  for (const auto& o : sla::expand_holidays(rules, int(from.year()) - 1, int(to.year()) + 1)) {
    if (o.date < from || o.date > to || o.rule->special || !o.rule->windows.empty()) continue;
    auto& h = by_date[o.date];
    h.date = o.date;
    if (!o.rule->name.empty() && h.name.find(o.rule->name) == std::string::npos)
      h.name = h.name.empty() ? o.rule->name : h.name + " / " + o.rule->name;
    if (o.actual != o.date) h.observed_from = o.actual;
    if (!o.rule->reason.empty()) h.reason = o.rule->reason;
  }
  std::vector<listed_holiday> out;
  for (auto& [d, h] : by_date) out.push_back(std::move(h));
  return out;
}

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
  // The calendar's closed dates are its spec's (the policy's holiday years); the rules say
  // which of them were moved and why.
  std::map<year_month_day, listed_holiday> explained;
  for (auto& h : occurrences_between(it->holiday_rules, from, to)) explained[h.date] = h;
  for (const auto& h : it->spec.holidays)
    if (h.date >= from && h.date <= to) {
      listed_holiday l{h.date, h.name, std::nullopt, {}};
      if (auto e = explained.find(h.date); e != explained.end()) {
        l.observed_from = e->second.observed_from;
        l.reason = e->second.reason;
      }
      out.holidays.push_back(std::move(l));
    }
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
  if (set.known_good_from && set.known_good_to && (int(from.year()) < *set.known_good_from || int(to.year()) > *set.known_good_to))
    fmt::print(stderr, "sla-calendar: note: holiday set {} is known good for {}–{} only\n", file, *set.known_good_from,
               *set.known_good_to);
  listing out;
  out.holidays = occurrences_between(set.rules, from, to);
  return out;
}

// "2026" or "2026-2030".
std::pair<year_month_day, year_month_day> parse_years(const std::string& text) {
  int a = 0, b = 0;
  char extra = 0;
  int n = std::sscanf(text.c_str(), "%d-%d%c", &a, &b, &extra);
  if (n == 1 && text.find('-') == std::string::npos) b = a;
  else if (n != 2)
    throw sla::error(sla::error_code::invalid_argument, fmt::format("--years: \"{}\" is not a year or a range such as 2026-2030", text));
  if (a < 1900 || b > 2199 || a > b)
    throw sla::error(sla::error_code::invalid_argument, fmt::format("--years: {} is not a range of years within 1900–2199", text));
  return {year{a} / January / 1, year{b} / December / 31};
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
  std::string years_text;
  auto* from_opt = app.add_option("--from", from_text, "first local date, YYYY-MM-DD");
  auto* to_opt = app.add_option("--to", to_text, "last local date, YYYY-MM-DD");
  app.add_option("--years", years_text, "whole years instead of --from/--to: 2026 or 2026-2030")->excludes(from_opt)->excludes(to_opt);
  app.add_flag("--json", json, "print JSON");
  sla_examples::add_version(app, "sla-calendar");
  try {
    app.parse(argc, argv);
    if (policy_file.empty() == holiday_set.empty() || (!policy_file.empty() && calendar.empty()))
      throw CLI::ValidationError("give --policy FILE --calendar NAME, or --holiday-set FILE");
    if (years_text.empty() && (from_text.empty() || to_text.empty()))
      throw CLI::ValidationError("give --from DATE and --to DATE, or --years 2026-2030");
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  try {
    year_month_day from, to;
    if (!years_text.empty()) std::tie(from, to) = parse_years(years_text);
    else from = parse_date(from_text, "--from"), to = parse_date(to_text, "--to");
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
      for (std::size_t i = 0; i < l.holidays.size(); ++i) {
        const auto& h = l.holidays[i];
        out += fmt::format("{}{{\"date\": \"{}\", \"name\": {}", i ? ", " : "", date_text(h.date), json_quote(h.name));
        if (h.observed_from) out += fmt::format(", \"observed_from\": \"{}\"", date_text(*h.observed_from));
        if (!h.reason.empty()) out += fmt::format(", \"reason\": {}", json_quote(h.reason));
        out += "}";
      }
      out += "], \"windows\": [";
      for (std::size_t i = 0; i < l.windows.size(); ++i)
        out += fmt::format("{}{{\"start\": \"{}\", \"end\": \"{}\"}}", i ? ", " : "", sla::format_instant(l.windows[i].first),
                           sla::format_instant(l.windows[i].second));
      fmt::print("{}]}}\n", out);
      return 0;
    }
    fmt::print("Holidays {} to {}:\n", date_text(from), date_text(to));
    if (l.holidays.empty()) fmt::print("  (none)\n");
    for (const auto& h : l.holidays) {
      std::string note;
      if (h.observed_from)
        note = fmt::format(" (observed; falls on {} {})", weekday_text(*h.observed_from), date_text(*h.observed_from));
      if (!h.reason.empty()) note += " — " + h.reason;
      fmt::print("  {} {}  {}{}\n", date_text(h.date), weekday_text(h.date), h.name, note);
    }
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

// The calendar grammar (calendar_yaml.hpp) and parse_calendar_spec, which is that grammar on a
// document of its own.
//
// Choices where the schema is silent:
// - `timezone` and `hours` are required; the rest is optional. A day left out of `hours` is
//   closed; `hours: {}` never opens (a warning: nothing on it can ever come due).
// - Day keys are `mon` … `sun` or a range `first-last` that runs forward through the week and
//   may wrap past Sunday (`sun-thu`, `fri-mon`); `mon-mon` is rejected (write the day alone).
// - Every list is written out: `sat:` with nothing after it is an error (write `sat: []`).
// - A date may be listed once in `holidays` and once in `special_days`; the special day wins.
#include "calendar/yaml/calendar_yaml.hpp"

#include <sla/ical.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

#include "time/day_names.hpp"
#include "holiday/yaml/holiday_rule_yaml.hpp"
#include "text/quote.hpp"
#include "text/suggest.hpp"

namespace sla::detail {
namespace {

std::string date_text(std::chrono::year_month_day d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

// "mon", "mon-fri", "sun-thu" (wrapping) → the days it names, Monday = 0.
std::optional<std::vector<std::size_t>> days_of_key(yaml_reader& r, const yaml_entry& e) {
  const std::string& k = e.key.Scalar();
  auto bad = [&](std::string message, std::string hint) {
    r.error_at(e.key, e.path, std::move(message), std::move(hint));
    return std::nullopt;
  };
  std::vector<std::string> days(day_names.begin(), day_names.end());
  auto dash = k.find('-');
  if (dash == std::string::npos) {
    auto d = day_index(k);
    if (!d) {
      std::string suggestion = did_you_mean(k, days);
      return bad(fmt::format("unknown day '{}'", k),
                 (suggestion.empty() ? day_hint(k) : suggestion) + "; or a range such as mon-fri; or hours: always");
    }
    return std::vector<std::size_t>{*d};
  }
  std::string first = k.substr(0, dash), last = k.substr(dash + 1);
  auto a = day_index(first), b = day_index(last);
  auto hint = [&](const std::string& day) {
    std::string suggestion = did_you_mean(day, days);
    return suggestion.empty() ? day_hint(day) : suggestion;
  };
  if (!a) return bad(fmt::format("unknown day '{}' in range '{}'", first, k), hint(first));
  if (!b) return bad(fmt::format("unknown day '{}' in range '{}'", last, k), hint(last));
  if (*a == *b) return bad(fmt::format("the range '{}' names one day", k), fmt::format("write {}", first));
  std::vector<std::size_t> out;
  for (std::size_t d = *a;; d = (d + 1) % 7) {
    out.push_back(d);
    if (d == *b) break;
  }
  return out;
}

bool read_hours(yaml_reader& r, const yaml_entry& e, calendar_spec& spec) {
  if (e.value.IsScalar() && e.value.Scalar() == "always") {
    for (auto& day : spec.hours) day = {daily_window{std::chrono::seconds{0}, std::chrono::seconds{86400}}};
    return true;
  }
  if (!e.value.IsMap()) {
    r.error(e, fmt::format("expected the weekly hours, got {}", describe(e.value)),
            "a map of days to windows such as {mon-fri: [\"08:00-18:00\"]}, or always");
    return false;
  }
  auto days = r.named_map(e, "weekly hours");
  if (!days) return false;
  bool ok = true;
  std::array<const yaml_entry*, 7> given_by{};
  for (const auto& d : days->entries()) {
    auto named = days_of_key(r, d);
    if (!named) {
      ok = false;
      continue;
    }
    bool twice = false;
    for (std::size_t day : *named) {
      if (given_by[day]) {
        const yaml_entry& first = *given_by[day];
        r.error_at(d.key, d.path,
                   first.key.Scalar() == day_names[day]
                       ? fmt::format("{} is already given at {}; a day may appear once", day_names[day], r.where_relative(first.key, d.key))
                       : fmt::format("{} is already given by '{}' at {}; a day may appear once", day_names[day], first.key.Scalar(),
                                     r.where_relative(first.key, d.key)));
        twice = true;
        break;
      }
      given_by[day] = &d;
    }
    auto windows = read_windows(r, d);
    if (twice || !windows) {
      ok = false;
      continue;
    }
    for (std::size_t day : *named) spec.hours[day] = *windows;
  }
  return ok;
}

// A zone as written: checked for form, then against the tz database.
std::optional<std::string> read_zone(yaml_reader& r, const yaml_entry& e) {
  auto zone = r.scalar(e, "a time zone such as America/New_York, UTC or +05:30");
  if (!zone) return std::nullopt;
  if (zone->empty()) {
    r.error(e, "the time zone is empty", "write an IANA name such as America/New_York, UTC or +05:30");
    return std::nullopt;
  }
  if (std::any_of(zone->begin(), zone->end(), [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == '\x7f'; })) {
    r.error(e, fmt::format("{} is not a time zone name: it contains spaces or control characters", quote_value(*zone)));
    return std::nullopt;
  }
  try {
    time_zone::load(*zone);
  } catch (const error& bad) {
    r.error(e, bad.message(), {}, error_code::unknown_time_zone);
    return std::nullopt;
  }
  return zone;
}

// The .yaml files of a folder, as `folder/name.yaml`, for a "did you mean" on a missing file.
std::vector<std::string> yaml_files_near(const std::string& base_dir, const std::string& file) {
  std::vector<std::string> out;
  std::filesystem::path relative_folder = std::filesystem::path(file).parent_path();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(base_dir) / relative_folder, ec)) {
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".ics")
      out.push_back((relative_folder / entry.path().filename()).string());
    if (out.size() > 500) break;
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool read_rules(yaml_reader& r, const yaml_entry& e, bool special, calendar_reading& out) {
  auto items = r.list(e, special ? "a list of special days such as [{date: 2026-12-24, hours: [\"08:00-12:00\"]}]"
                                 : "a list of holidays such as [2026-12-25] ([] for none)");
  if (!items) return false;
  bool ok = true;
  std::map<int, YAML::Node> literal_dates;  // a date written twice is a mistake; rules may coincide
  for (const auto& item : *items) {
    auto rule = read_holiday_rule(r, item, special);
    if (!rule) {
      ok = false;
      continue;
    }
    if (rule->kind == holiday_rule_kind::date) {
      int key = std::chrono::sys_days{rule->date}.time_since_epoch().count();
      yaml_entry at = item;
      if (item.value.IsMap()) at = {item.value["date"], item.value["date"], child_path(item.path, "date")};
      if (auto [it, fresh] = literal_dates.emplace(key, at.value); !fresh) {
        r.error(at, fmt::format("{} is already {} (at {}); a date may appear once", date_text(rule->date),
                                  special ? "a special day" : "a holiday", r.where_relative(it->second, at.value)));
        ok = false;
        continue;
      }
    }
    out.rules.push_back(std::move(*rule));
    out.rule_entries.push_back(item);
    out.rule_sets.emplace_back();
  }
  return ok;
}

// `{country: GB-ENG}`: that country's set from the policy's library, as if its file were named;
// `{country: ticket, default: US}` (or `default: none`): the ticket's country, chosen per ticket.
bool read_country_holidays(yaml_reader& r, const yaml_entry& item, const calendar_reading_options& o, calendar_reading& out) {
  auto m = r.map(item, {"country", "default"}, "a country's holidays");
  if (!m) return false;
  if (!o.country_set) {
    r.error(item, "holidays by country come from a policy's holiday library, and this calendar has none",
            "list the holidays under holidays:, or use the calendar in a policy file");
    return false;
  }
  const auto *country = m->find("country"), *fallback = m->find("default");
  if (!country) {
    r.missing(*m, "country", "e.g. {country: GB-ENG}, or {country: ticket, default: US}");
    return false;
  }
  auto code = r.scalar(*country, "a country code such as GB-ENG, or ticket");
  if (!code) return false;
  if (*code != "ticket") {
    if (fallback) {
      r.error(*fallback, "'default' goes with `country: ticket`", "a fixed country needs no default");
      return false;
    }
    const holiday_set* set = o.country_set(*code, *country);
    if (!set) return false;
    warn_unless_known_good(r, item, *set, "for " + *code, o.first_year, o.last_year);
    for (const auto& rule : set->rules) {
      out.rules.push_back(rule);
      out.rule_entries.push_back(item);
      out.rule_sets.push_back("country " + *code);
    }
    return true;
  }
  if (out.holidays_by_country) {
    r.error(item, "the ticket's country is named twice", "keep one {country: ticket, default: …}");
    return false;
  }
  if (!fallback) {
    r.missing(*m, "default", "the country of a ticket that names none and whose region names none, e.g. default: US "
                             "(or default: none)");
    return false;
  }
  auto d = r.scalar(*fallback, "a country code such as US, or none");
  if (!d) return false;
  if (*d != "none" && !o.country_set(*d, *fallback)) return false;
  out.holidays_by_country = true;
  out.default_country = *d == "none" ? "" : *d;
  return true;
}

bool read_holiday_sets(yaml_reader& r, const yaml_entry& e, const calendar_reading_options& o, calendar_reading& out) {
  if (!o.base_dir) {
    r.error(e, "holiday_sets are read from a policy file's folder, and this calendar has none",
            "list the holidays under holidays:, or use the calendar in a policy file");
    return false;
  }
  std::vector<yaml_entry> items;
  if (e.value.IsSequence()) {
    items = *r.list(e, "a list of holiday set files");
  } else {
    items.push_back(e);
  }
  bool ok = true;
  for (const auto& item : items) {
    if (item.value.IsMap()) {
      ok = read_country_holidays(r, item, o, out) && ok;
      continue;
    }
    auto file = r.scalar(item, "a holiday set file such as holidays/us-federal.yaml, or an iCalendar file (.ics)");
    if (!file) {
      ok = false;
      continue;
    }
    std::filesystem::path full = std::filesystem::path(*o.base_dir) / *file;
    try {
      // An iCalendar file is expanded over the policy's holiday years; its timed events are
      // warnings (they close no whole day).
      const bool ical = full.extension() == ".ics";
      std::vector<problem> ical_warnings;
      holiday_set set = ical ? load_ical_holidays(full.string(), o.first_year, o.last_year, &ical_warnings)
                             : load_holiday_set(full.string());
      for (const auto& w : ical_warnings) r.warning(item, fmt::format("{}:{}: {}", *file, w.where.line, w.message), w.hint);
      if (!ical) warn_unless_known_good(r, item, set, *file, o.first_year, o.last_year);
      for (auto& rule : set.rules) {
        out.rules.push_back(std::move(rule));
        out.rule_entries.push_back(item);
        out.rule_sets.push_back(*file);
      }
    } catch (const error& bad) {
      if (bad.code() == error_code::io) {
        std::string suggestion = did_you_mean(*file, yaml_files_near(*o.base_dir, *file));
        std::string reason = bad.message();
        if (auto colon = reason.rfind(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
        r.error(item, fmt::format("cannot read holiday set {}: {}", *file, reason),
                suggestion.empty() ? "paths are relative to the policy file's folder, e.g. holidays/us-federal.yaml" : suggestion,
                error_code::io);
      } else {
        r.error(item, fmt::format("holiday set {}: {}", *file, bad.what()), {}, bad.code());
      }
      ok = false;
    }
  }
  return ok;
}

}  // namespace

void warn_unless_known_good(yaml_reader& r, const yaml_entry& at, const holiday_set& set, const std::string& label,
                            int first_year, int last_year) {
  if (!set.known_good_from || !set.known_good_to) return;
  if (first_year >= *set.known_good_from && last_year <= *set.known_good_to) return;
  r.warning(at,
            fmt::format("holiday set {} is known good for {}–{}, and holidays are expanded over {}–{}: its dates outside "
                        "{}–{} are the rules' projection, not checked",
                        label, *set.known_good_from, *set.known_good_to, first_year, last_year, *set.known_good_from,
                        *set.known_good_to),
            fmt::format("set holiday_years: [{}, {}] to stay within them, or check the set's other years",
                        std::max(first_year, *set.known_good_from), std::min(last_year, *set.known_good_to)));
}

std::optional<calendar_reading> read_calendar(yaml_reader& r, const yaml_entry& e, const calendar_reading_options& o) {
  auto m = r.map(e, {"timezone", "hours", "holidays", "holiday_sets", "special_days", "description"}, "a calendar");
  if (!m) return std::nullopt;
  calendar_reading out;
  bool ok = true;

  if (const auto* zone = m->find("timezone")) {
    if (zone->value.IsMap() && o.tenant_zone_allowed) {
      if (auto tz = r.map(*zone, {"tenant", "default"}, "a tenant time zone")) {
        const auto *tenant = tz->find("tenant"), *fallback = tz->find("default");
        if (!tenant) {
          r.error(*zone, "missing `tenant: true`", "a tenant zone is written {tenant: true, default: Australia/Sydney}");
          ok = false;
        } else if (auto t = r.boolean(*tenant, "tenant")) {
          out.tenant_timezone = *t;
        } else {
          ok = false;
        }
        if (!fallback) {
          r.error(*zone, "missing the default zone", "add `default: Australia/Sydney` (used when no tenant zone is given)");
          ok = false;
        } else if (auto z = read_zone(r, *fallback)) {
          out.spec.timezone = *z;
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
    } else if (auto z = read_zone(r, *zone)) {
      out.spec.timezone = *z;
    } else {
      ok = false;
    }
  } else {
    r.missing(*m, "timezone", "add `timezone: UTC` or an IANA name such as Europe/Berlin");
    ok = false;
  }

  if (const auto* hours = m->find("hours")) ok = read_hours(r, *hours, out.spec) && ok;
  else {
    r.missing(*m, "hours", "add `hours: {mon-fri: [\"09:00-17:00\"]}`, or `hours: always` for 24/7");
    ok = false;
  }
  if (const auto* holidays = m->find("holidays")) ok = read_rules(r, *holidays, false, out) && ok;
  if (const auto* specials = m->find("special_days")) ok = read_rules(r, *specials, true, out) && ok;
  if (const auto* sets = m->find("holiday_sets")) ok = read_holiday_sets(r, *sets, o, out) && ok;
  if (const auto* d = m->find("description")) out.description = r.scalar(*d, "text").value_or("");
  if (ok) {
    // The calendar's own rules may name one another (relative_to, replaces); a set's rules
    // were checked when the set was read.
    std::vector<holiday_rule> own = out.rules;
    for (std::size_t i = 0; i < own.size(); ++i)
      if (!out.rule_sets[i].empty()) own[i].relative_to.clear(), own[i].replaces.clear();
    ok = check_rule_references(r, own, out.rule_entries);
  }
  if (!ok) return std::nullopt;

  apply_holiday_rules(out.spec, out.rules, o.first_year, o.last_year);
  bool any_time = std::any_of(out.spec.hours.begin(), out.spec.hours.end(), [](const auto& d) { return !d.empty(); }) ||
                  std::any_of(out.spec.special_days.begin(), out.spec.special_days.end(),
                              [](const auto& s) { return !s.windows.empty(); });
  if (!any_time)
    r.warning(e, "this calendar has no business time: every day is closed, so nothing counted on it ever comes due",
              "give hours such as {mon-fri: [\"09:00-17:00\"]}, or `hours: always`");
  return out;
}

}  // namespace sla::detail

namespace sla {

calendar_spec parse_calendar_spec(std::string_view text, const source_position& where, std::string_view path_prefix) {
  std::vector<problem> problems;
  detail::yaml_reader::options o;
  o.first_line = where.line;
  o.first_column = where.column;
  o.path_prefix = std::string(path_prefix);
  o.code = error_code::invalid_calendar;
  detail::yaml_reader r(where.source, &problems, o);
  auto root = r.parse(text, "a calendar spec is a map with timezone and hours");
  std::optional<detail::calendar_reading> reading;
  if (root) reading = detail::read_calendar(r, *root, {});
  for (const auto& p : problems)
    if (p.severity == problem_severity::error) throw to_error(p);
  return reading->spec;
}

}  // namespace sla

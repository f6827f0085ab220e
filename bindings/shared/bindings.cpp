#include "bindings.hpp"

#include <sla/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <numeric>

#include "common/evaluation_json.hpp"
#include "common/json_text.hpp"

namespace sla_bindings {

namespace {

[[noreturn]] void invalid(std::string message) { throw sla::error(sla::error_code::invalid_argument, std::move(message)); }

// A whole number >= 0, the way sla-check reads users_affected.
long long whole_number(std::string_view text) {
  long long n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 0)
    invalid(fmt::format("users_affected: expected a whole number, got \"{}\"", text));
  return n;
}

}  // namespace

void set_event_kind(sla::ticket_event& e, std::string_view name) {
  if (name.empty()) invalid("event: empty");
  if (auto kind = sla::parse_event_kind(name)) {
    e.kind = *kind;
    e.name.clear();
  } else {
    e.kind = sla::event_kind::custom;
    e.name = std::string(name);
  }
}

void set_event_field(sla::ticket_event& e, std::string_view key, std::string_view value) {
  std::string* text = key == "type"       ? &e.type
                      : key == "severity" ? &e.severity
                      : key == "plan"     ? &e.plan
                      : key == "region"   ? &e.region
                      : key == "timezone" ? &e.timezone
                      : key == "country"  ? &e.country
                      : key == "status"   ? &e.status
                                          : nullptr;
  if (text) {
    *text = std::string(value);
  } else if (key == "users_affected") {
    if (value.empty()) e.users_affected.reset();
    else e.users_affected = whole_number(value);
  } else {
    invalid(fmt::format("unknown field \"{}\" (expected type, severity, plan, region, timezone, country, status or "
                        "users_affected)",
                        key));
  }
}

std::vector<std::size_t> history_order(const std::vector<sla::ticket_event>& events) {
  std::vector<std::size_t> order(events.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = events[a];
    const auto& y = events[b];
    if (x.at != y.at) return x.at < y.at;
    return x.kind == sla::event_kind::created && y.kind != sla::event_kind::created;
  });
  return order;
}

sla::ticket make_ticket(const sla::policy& p, const std::string& id, const std::vector<sla::ticket_event>& events) {
  sla::ticket t(id);
  for (std::size_t i : history_order(events)) t.append(events[i], &p);
  return t;
}

namespace {

// What starts a target's clock, in sla-deadline's words: "created", "event escalated", "status open".
std::string clock_start(const sla::policy& p, const std::string& target) {
  for (const auto& d : p.clock_definitions()) {
    if (d.target != target) continue;
    std::string out;
    for (const auto& t : d.start) {
      std::string one = t.on == sla::clock_trigger::kind::created ? std::string("created")
                        : t.on == sla::clock_trigger::kind::event ? "event " + t.name
                                                                  : "status " + t.name;
      out += (out.empty() ? "" : " or ") + one;
    }
    return out;
  }
  return "created";
}

}  // namespace

std::vector<new_ticket_target> new_ticket_deadlines(const sla::policy& p, const new_ticket& t) {
  std::vector<sla::target_definition> targets = p.targets_for(t.type, t.severity, t.plan);
  if (!t.timezone.empty()) (void)sla::time_zone::load(t.timezone);  // an unknown zone is an error, used or not
  std::string region = t.region.empty() ? p.default_region() : t.region;
  if (!region.empty()) (void)p.calendar_in_region("", region);  // an unknown region throws
  if (!t.country.empty() && !sla::is_country_code(t.country))
    invalid(fmt::format("\"{}\" is not a country code (ISO 3166-1 alpha-2 such as DE, or ISO 3166-2 such as GB-ENG)",
                        t.country));
  std::string country = t.country.empty() ? p.country_of_region(region) : t.country;

  std::vector<new_ticket_target> out;
  for (const auto& target : targets) {
    new_ticket_target row{target, {}, clock_start(p, target.name), std::nullopt, std::nullopt};
    if (!target.calendar.empty()) {
      row.calendar = p.calendar_in_region(target.calendar, region);
      sla::business_calendar calendar = p.calendar(target.calendar, t.timezone, region, country);
      if (row.starts == "created") {
        row.deadline = p.deadline(target, t.created, t.timezone, region, country);
        if (row.deadline) row.amount_seconds = calendar.elapsed(t.created, *row.deadline);
      } else if (target.amount.kind == sla::amount_kind::business_time) {
        row.amount_seconds = target.amount.time;
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::string evaluation_json(const std::string& ticket, const sla::ticket_evaluation& ev) {
  return sla_examples::evaluation_json(ticket, ev);
}

std::string error_json(long line, std::string_view message) {
  return fmt::format("{{\"line\": {}, \"error\": {}}}", line, sla_examples::json_quote(message));
}

}  // namespace sla_bindings

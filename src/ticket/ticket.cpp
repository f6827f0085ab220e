// Ticket histories: event names, and the checks made when an event is appended.
#include <sla/ticket.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "policy/policy_data.hpp"
#include "text/suggest.hpp"
#include "ticket/replay.hpp"

namespace sla {
namespace {
constexpr std::array<std::pair<std::string_view, event_kind>, 14> event_names{{
    {"created", event_kind::created},
    {"status", event_kind::status},
    {"responded", event_kind::responded},
    {"customer_message", event_kind::customer_message},
    {"note", event_kind::note},
    {"updated", event_kind::updated},
    {"resolved", event_kind::resolved},
    {"closed", event_kind::closed},
    {"reopened", event_kind::reopened},
    {"severity", event_kind::severity},
    {"type", event_kind::type},
    {"plan", event_kind::plan},
    {"region", event_kind::region},
    {"cancelled", event_kind::cancelled},
}};

}  // namespace

std::optional<event_kind> parse_event_kind(std::string_view name) {
  for (const auto& [text, kind] : event_names)
    if (text == name) return kind;
  return std::nullopt;
}

std::string_view to_string(event_kind kind) {
  for (const auto& [text, k] : event_names)
    if (k == kind) return text;
  return kind == event_kind::custom ? "custom" : "unknown";
}

std::string_view to_string(target_state state) {
  switch (state) {
    case target_state::running: return "running";
    case target_state::paused: return "paused";
    case target_state::met: return "met";
    case target_state::breached: return "breached";
    case target_state::cancelled: return "cancelled";
    case target_state::not_applicable: return "not_applicable";
    case target_state::not_started: return "not_started";
  }
  return "unknown";
}

namespace {

// The checks of an event that need no history; `fail` throws.
template <class Fail>
void check_fields(const ticket_event& e, Fail&& fail) {
  // Each kind takes its own fields; another field set is a mistake, never ignored.
  struct field {
    const char* name;
    bool set;
    bool taken;
  };
  const bool created = e.kind == event_kind::created;
  const field fields[] = {
      {"type", !e.type.empty(), created || e.kind == event_kind::type},
      {"severity", !e.severity.empty(), created || e.kind == event_kind::severity},
      {"plan", !e.plan.empty(), created || e.kind == event_kind::plan},
      {"region", !e.region.empty(), created || e.kind == event_kind::region},
      {"timezone", !e.timezone.empty(), created},
      {"users_affected", e.users_affected.has_value(), created},
      {"country", !e.country.empty(), created},
      {"status", !e.status.empty(), e.kind == event_kind::status},
      {"name", !e.name.empty(), e.kind == event_kind::custom},
  };
  for (const auto& f : fields)
    if (f.set && !f.taken) fail(fmt::format("`{}` does not apply to a {} event", f.name, to_string(e.kind)));
  auto require = [&](const std::string& value, const char* what) {
    if (value.empty()) fail(fmt::format("missing {}", what));
  };
  if (e.kind == event_kind::status) require(e.status, "status");
  if (e.kind == event_kind::severity) require(e.severity, "severity");
  if (e.kind == event_kind::type) require(e.type, "type");
  if (e.kind == event_kind::plan) require(e.plan, "plan");
  if (e.kind == event_kind::region) require(e.region, "region");
  if (e.kind == event_kind::custom) require(e.name, "name");
  if (!e.country.empty() && !is_country_code(e.country))
    fail(fmt::format("country \"{}\" is not a country code (ISO 3166-1 alpha-2 such as DE, or ISO 3166-2 such as GB-ENG)",
                     e.country));
}

// The checks against the policy, and the names as its indices.
template <class Fail>
resolved_event resolve_names(const policy_data& d, const ticket_event& e, Fail&& fail) {
  auto index_in = [&](const std::vector<std::string>& known_names, const std::string& value, const char* what) {
    auto it = std::find(known_names.begin(), known_names.end(), value);
    if (it != known_names.end()) return static_cast<std::uint16_t>(it - known_names.begin());
    std::string list;
    for (const auto& k : known_names) list += (list.empty() ? "" : ", ") + k;
    std::string suggestion = detail::did_you_mean(value, known_names);
    fail(known_names.empty() ? fmt::format("unknown {} \"{}\": this policy has no {}s", what, value, what)
                             : fmt::format("unknown {} \"{}\": {}expected one of {}", what, value,
                                           suggestion.empty() ? "" : suggestion + " ", list));
    return std::uint16_t{0};
  };
  auto region_or_default = [&](const std::string& value) -> std::uint16_t {
    if (!value.empty()) return index_in(d.region_names, value, "region");
    try {
      return d.region_index({});
    } catch (const error& bad) {
      fail(bad.message());
    }
    return 0;
  };
  resolved_event r;
  r.at = e.at;
  r.kind = e.kind;
  switch (e.kind) {
    case event_kind::created: {
      try {
        auto cell = d.resolve_indices(e.type, e.severity, e.plan);
        r.type = cell.type;
        r.severity = cell.severity;
        r.plan = cell.plan;
      } catch (const error& bad) {
        fail(bad.message());
      }
      r.region = region_or_default(e.region);
      // A country matters only to a policy with holidays by country; there it must have a set.
      if (!e.country.empty() && !d.holiday_countries.empty()) index_in(d.holiday_countries, e.country, "country");
      if (!e.timezone.empty()) {
        try {
          time_zone::load(e.timezone);
        } catch (const error& bad_zone) {
          fail(bad_zone.message());
        }
      }
      break;
    }
    case event_kind::severity: r.severity = index_in(d.severities, e.severity, "severity"); break;
    case event_kind::type: r.type = index_in(d.types, e.type, "type"); break;
    case event_kind::plan: r.plan = index_in(d.plans, e.plan, "plan"); break;
    case event_kind::region: r.region = index_in(d.region_names, e.region, "region"); break;
    case event_kind::status: r.name = index_in(d.statuses, e.status, "status"); break;
    case event_kind::custom: r.name = index_in(d.events, e.name, "event"); break;
    default: break;
  }
  return r;
}

}  // namespace

namespace detail {
resolved_event resolve_event(const policy_data& d, const ticket_event& e, std::string_view ticket_id) {
  auto fail = [&](std::string message) {
    throw error(error_code::invalid_argument, event_error_message(ticket_id, e.kind, e.at, message));
  };
  check_fields(e, fail);
  return sla::resolve_names(d, e, fail);
}
resolved_event resolve_names(const policy_data& d, const ticket_event& e, std::string_view ticket_id) {
  auto fail = [&](std::string message) {
    throw error(error_code::invalid_argument, event_error_message(ticket_id, e.kind, e.at, message));
  };
  return sla::resolve_names(d, e, fail);
}
}  // namespace detail

resolved_event resolve_event(const policy& p, const ticket_event& e, std::string_view ticket_id) {
  return detail::resolve_event(detail::policy_access::data(p), e, ticket_id);
}

std::optional<std::string> history_rejects(std::optional<instant> created, event_kind kind, instant at) {
  if (kind == event_kind::created) {
    if (created) return "a second created event";
  } else if (!created) {
    return "an event before created";
  } else if (at < *created) {
    return fmt::format("before the ticket was created ({})", format_instant(*created));
  }
  return std::nullopt;
}

std::string event_error_message(std::string_view ticket_id, event_kind kind, instant at, std::string_view why) {
  return fmt::format("ticket {}: {} event at {}: {}", ticket_id, to_string(kind), format_instant(at), why);
}

void ticket::append(const ticket_event& e, const policy* p) { (void)checked_insert(e, p); }

std::optional<resolved_event> ticket::checked_insert(const ticket_event& e, const policy* p) {
  auto fail = [&](std::string message) {
    throw error(error_code::invalid_argument, event_error_message(id_, e.kind, e.at, message));
  };
  std::optional<instant> created;
  for (const auto& x : events_)
    if (x.kind == event_kind::created) created = x.at;
  if (auto why = history_rejects(created, e.kind, e.at)) fail(std::move(*why));
  check_fields(e, fail);
  std::optional<resolved_event> resolved;
  if (p) resolved = resolve_names(detail::policy_access::data(*p), e, fail);
  // Keep time order; an event at the same instant goes after those already there.
  auto at = std::upper_bound(events_.begin(), events_.end(), e.at, [](instant t, const auto& x) { return t < x.at; });
  events_.insert(at, e);
  return resolved;
}

}  // namespace sla

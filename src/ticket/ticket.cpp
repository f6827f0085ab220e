// Ticket histories: event names, and the checks made when an event is appended.
#include <sla/ticket.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace sla {
namespace {
constexpr std::array<std::pair<std::string_view, event_kind>, 9> event_names{{
    {"created", event_kind::created},
    {"status", event_kind::status},
    {"responded", event_kind::responded},
    {"updated", event_kind::updated},
    {"resolved", event_kind::resolved},
    {"reopened", event_kind::reopened},
    {"severity", event_kind::severity},
    {"cancelled", event_kind::cancelled},
    {"closed", event_kind::closed},
}};

bool known(const std::vector<std::string>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}
}  // namespace

std::optional<event_kind> parse_event_kind(std::string_view name) {
  for (const auto& [text, kind] : event_names)
    if (text == name) return kind;
  return std::nullopt;
}

std::string_view to_string(event_kind kind) {
  for (const auto& [text, k] : event_names)
    if (k == kind) return text;
  return "unknown";
}

std::string_view to_string(target_state state) {
  switch (state) {
    case target_state::running: return "running";
    case target_state::paused: return "paused";
    case target_state::met: return "met";
    case target_state::breached: return "breached";
    case target_state::cancelled: return "cancelled";
    case target_state::not_applicable: return "not_applicable";
  }
  return "unknown";
}

void ticket::append(const ticket_event& e, const policy* p) {
  auto fail = [&](std::string message) {
    throw error(error_code::invalid_argument,
                fmt::format("ticket {}: {} event at {}: {}", id_, to_string(e.kind), format_instant(e.at), message));
  };
  bool has_created = std::any_of(events_.begin(), events_.end(), [](const auto& x) { return x.kind == event_kind::created; });
  if (e.kind == event_kind::created) {
    if (has_created) fail("a second created event");
  } else if (!has_created) {
    fail("an event before created");
  } else if (e.at < events_.front().at) {
    fail(fmt::format("before the ticket was created ({})", format_instant(events_.front().at)));
  }
  if (p) {
    auto check_cell = [&](std::string_view type, std::string_view severity, std::string_view plan) {
      try {
        (void)p->targets_for(type, severity, plan);
      } catch (const error& bad) {
        fail(bad.message());
      }
    };
    if (e.kind == event_kind::created) {
      check_cell(e.type, e.severity, e.plan);
      if (!e.timezone.empty()) {
        try {
          time_zone::load(e.timezone);
        } catch (const error& bad_zone) {
          fail(bad_zone.message());
        }
      }
    }
    if (e.kind == event_kind::severity) {
      if (e.severity.empty()) fail("missing severity");
      const ticket_event& created = events_.front();
      check_cell(created.type, e.severity, created.plan);
    }
    if (e.kind == event_kind::status) {
      if (e.status.empty()) fail("missing status");
      if (!known(p->statuses(), e.status)) fail(fmt::format("unknown status \"{}\"", e.status));
    }
  }
  // Keep time order; an event at the same instant goes after those already there.
  auto at = std::upper_bound(events_.begin(), events_.end(), e.at, [](instant t, const auto& x) { return t < x.at; });
  events_.insert(at, e);
}

}  // namespace sla

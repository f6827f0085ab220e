#include "reference/reference_tickets.hpp"

#include <algorithm>
#include <stdexcept>

#include "reference/reference_calendar.hpp"

namespace sla_ref {
namespace {

using sla::instant;
using std::chrono::seconds;

bool names(const std::vector<std::string>& list, const std::string& target) {
  return std::find(list.begin(), list.end(), "*") != list.end() || std::find(list.begin(), list.end(), target) != list.end();
}

struct clock {
  sla::target_definition def;
  const reference_calendar* cal = nullptr;
  std::optional<long long> target;  // seconds; none: no amount
  long long accrued = 0;
  std::vector<instant> counted_minutes;  // starts of the minutes that counted, in order
  std::optional<instant> met_at;
  std::string met_by;
  bool cancelled = false;
};

}  // namespace

std::map<std::string, reference_target> evaluate_ticket(const sla::policy& p, const std::vector<sla::ticket_event>& events,
                                                        instant now) {
  if (events.empty() || events.front().kind != sla::event_kind::created) throw std::logic_error("reference: no created");
  const sla::ticket_event& created = events.front();
  // One reference calendar per policy calendar, in the ticket's tenant zone where allowed.
  std::map<std::string, reference_calendar> calendars;
  for (const auto& c : p.calendars()) {
    sla::calendar_spec spec = c.spec;
    if (c.tenant_timezone && !created.timezone.empty()) spec.timezone = created.timezone;
    calendars.emplace(c.name, reference_calendar(spec));
  }
  const sla::clock_rules& rules = p.clock();
  std::string severity = created.severity, status;
  std::map<std::string, clock> clocks;

  auto amount_of = [&](const sla::target_definition& d, const reference_calendar& cal) -> std::optional<long long> {
    switch (d.amount.kind) {
      case sla::amount_kind::none: return std::nullopt;
      case sla::amount_kind::business_time:
        if (d.amount.time.count() % 60) throw std::logic_error("reference: amounts must be whole minutes");
        return d.amount.time.count();
      case sla::amount_kind::business_days: {
        auto end = cal.add_business_days(created.at, d.amount.days, 400);
        if (!end) return std::nullopt;
        return cal.elapsed(created.at, *end);
      }
      case sla::amount_kind::next_business_day: {
        auto end = cal.next_business_day_close(created.at, 400);
        if (!end) return std::nullopt;
        return cal.elapsed(created.at, *end);
      }
    }
    return std::nullopt;
  };
  auto choose = [&](bool first) {
    auto defs = p.targets_for(created.type, severity, created.plan);
    for (const auto& d : defs) {
      // A target with no amount may name no calendar; its time is counted on the first one.
      const reference_calendar& cal = calendars.at(d.calendar.empty() ? p.calendars().front().name : d.calendar);
      auto it = clocks.find(d.name);
      if (it == clocks.end()) {
        if (!first) throw std::logic_error("reference: a severity change added a target");
        clocks[d.name] = clock{d, &cal, amount_of(d, cal), 0, {}, {}, {}, false};
      } else {
        it->second.def = d;
        it->second.cal = &cal;
        it->second.target = amount_of(d, cal);
      }
    }
  };
  auto paused = [&](const std::string& name) {
    auto it = rules.pauses.find(status);
    return it != rules.pauses.end() && names(it->second, name);
  };
  auto stop = [&](const std::vector<std::string>& list, instant at, const std::string& by) {
    for (auto& [name, c] : clocks)
      if (names(list, name) && !c.met_at && !c.cancelled) c.met_at = at, c.met_by = by;
  };

  std::size_t next_event = 0;
  for (instant m = created.at; m < now || (m == now && next_event < events.size() && events[next_event].at <= now); m += seconds{60}) {
    if (m.time_since_epoch().count() % 60) throw std::logic_error("reference: whole minutes only");
    for (; next_event < events.size() && events[next_event].at == m; ++next_event) {
      const sla::ticket_event& e = events[next_event];
      switch (e.kind) {
        case sla::event_kind::created: choose(true); break;
        case sla::event_kind::status: {
          std::string previous = status;
          status = e.status;
          if (!previous.empty() && previous != status)
            for (auto& [name, c] : clocks) {
              if (c.met_at && c.met_by == "status " + previous) c.met_at.reset(), c.met_by.clear();
              bool was_cancel = std::find(rules.cancel_statuses.begin(), rules.cancel_statuses.end(), previous) != rules.cancel_statuses.end();
              bool is_cancel = std::find(rules.cancel_statuses.begin(), rules.cancel_statuses.end(), status) != rules.cancel_statuses.end();
              if (c.cancelled && was_cancel && !is_cancel) c.cancelled = false;
            }
          if (std::find(rules.cancel_statuses.begin(), rules.cancel_statuses.end(), status) != rules.cancel_statuses.end())
            for (auto& [name, c] : clocks)
              if (!c.met_at) c.cancelled = true;
          if (auto it = rules.met_by_status.find(status); it != rules.met_by_status.end()) stop(it->second, m, "status " + status);
          break;
        }
        case sla::event_kind::responded:
        case sla::event_kind::resolved:
        case sla::event_kind::closed: {
          std::string kind(sla::to_string(e.kind));
          if (auto it = rules.met_by_event.find(kind); it != rules.met_by_event.end()) stop(it->second, m, "event " + kind);
          break;
        }
        case sla::event_kind::reopened:
          for (auto& [name, c] : clocks)
            if (c.met_at && c.met_by != "event responded") c.met_at.reset(), c.met_by.clear();
          break;
        case sla::event_kind::severity:
          if (rules.restart_on_severity_change) throw std::logic_error("reference: restart not modelled");
          severity = e.severity;
          choose(false);
          break;
        case sla::event_kind::cancelled:
          for (auto& [name, c] : clocks)
            if (!c.met_at) c.cancelled = true;
          break;
        case sla::event_kind::updated: throw std::logic_error("reference: periodic targets not modelled");
      }
    }
    if (m >= now) break;
    for (auto& [name, c] : clocks)
      if (!c.met_at && !c.cancelled && !paused(name) && c.cal->is_open(m)) {
        c.accrued += 60;
        c.counted_minutes.push_back(m);
      }
  }

  std::map<std::string, reference_target> out;
  for (const auto& [name, c] : clocks) {
    reference_target r;
    r.name = name;
    r.accrued = c.accrued;
    r.met_at = c.met_at;
    if (c.target && c.accrued >= *c.target && *c.target > 0) {
      // The minute in which the accrued time reached the target ends at the breach.
      r.breached_at = c.counted_minutes[static_cast<std::size_t>(*c.target / 60 - 1)] + seconds{60};
    }
    if (c.cancelled) r.state = sla::target_state::cancelled;
    else if (r.breached_at) r.state = sla::target_state::breached;
    else if (c.met_at) r.state = sla::target_state::met;
    else if (paused(name)) r.state = sla::target_state::paused;
    else r.state = sla::target_state::running;
    if (c.target && !c.cancelled) {
      if (r.breached_at) r.deadline = r.breached_at;
      else r.deadline = c.cal->add(c.met_at ? *c.met_at : now, *c.target - c.accrued, 400);
    }
    out[name] = r;
  }
  return out;
}

}  // namespace sla_ref

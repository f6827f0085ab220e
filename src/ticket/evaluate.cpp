// evaluate(), ticket_tracker and explain(): the replay of src/ticket/replay.cpp run over a
// ticket's history.
#include <sla/ticket.hpp>

#include <fmt/format.h>

#include "ticket/replay.hpp"

namespace sla {
namespace detail {

ticket_replay replay_until(const policy& p, const ticket& t, instant now) {
  const auto& events = t.events();
  if (events.empty() || events.front().kind != event_kind::created)
    throw error(error_code::invalid_argument, fmt::format("ticket {}: the first event must be created", t.id()));
  if (now < events.front().at)
    throw error(error_code::invalid_argument, fmt::format("ticket {}: {} is before the ticket was created ({})", t.id(),
                                                          format_instant(now), format_instant(events.front().at)));
  ticket_replay r(p, t.id());
  for (const ticket_event& e : events) {
    if (e.at > now) break;
    r.apply(e);
  }
  return r;
}

}  // namespace detail

ticket_evaluation evaluate(const policy& p, const ticket& t, instant now) {
  return detail::replay_until(p, t, now).result(now);
}

ticket_evaluation evaluate(const policy& p, const resolved_history& t, instant now) {
  const auto& events = t.events;
  if (events.empty() || events.front().kind != event_kind::created)
    throw error(error_code::invalid_argument, fmt::format("ticket {}: the first event must be created", t.id));
  if (now < events.front().at)
    throw error(error_code::invalid_argument, fmt::format("ticket {}: {} is before the ticket was created ({})", t.id,
                                                          format_instant(now), format_instant(events.front().at)));
  detail::ticket_replay r(p, std::string(t.id));
  r.apply(events.front(), t.timezone, t.country);
  for (std::size_t i = 1; i < events.size() && events[i].at <= now; ++i) r.apply(events[i]);
  return r.result(now);
}

std::vector<explained_segment> explain(const policy& p, const ticket& t, std::string_view target, instant now) {
  return detail::replay_until(p, t, now).explain(target, now);
}

// ---- Incremental use ----------------------------------------------------------------------

ticket_tracker::ticket_tracker(policy p, std::string id)
    : policy_(std::move(p)), ticket_(id), state_(std::make_unique<detail::ticket_replay>(policy_, std::move(id))) {}
ticket_tracker::ticket_tracker(const ticket_tracker& o)
    : policy_(o.policy_), ticket_(o.ticket_), state_(std::make_unique<detail::ticket_replay>(*o.state_)) {}
ticket_tracker& ticket_tracker::operator=(const ticket_tracker& o) {
  if (this != &o) *this = ticket_tracker(o);
  return *this;
}
ticket_tracker::ticket_tracker(ticket_tracker&&) noexcept = default;
ticket_tracker& ticket_tracker::operator=(ticket_tracker&&) noexcept = default;
ticket_tracker::~ticket_tracker() = default;

void ticket_tracker::append(const ticket_event& e) {
  bool in_order = ticket_.events().empty() || e.at >= ticket_.events().back().at;
  // ticket::append's checks (a bad event throws, changing nothing), the names resolved once.
  const resolved_event resolved = *ticket_.checked_insert(e, &policy_);
  if (in_order) {
    state_->apply(resolved, e.timezone, e.country);
    return;
  }
  // An event before the last one: the clocks are replayed from the start.
  auto fresh = std::make_unique<detail::ticket_replay>(policy_, ticket_.id());
  for (const ticket_event& x : ticket_.events()) fresh->apply(x);
  state_ = std::move(fresh);
}

ticket_evaluation ticket_tracker::evaluate(instant now) const {
  if (ticket_.events().empty())
    throw error(error_code::invalid_argument, fmt::format("ticket {}: no created event yet", ticket_.id()));
  if (now < ticket_.events().back().at) return sla::evaluate(policy_, ticket_, now);
  return state_->result(now);
}

}  // namespace sla

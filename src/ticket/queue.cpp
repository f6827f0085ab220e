// queue_order(): open tickets in service order (docs/semantics.md 2.14).
#include <sla/ticket.hpp>

#include <algorithm>

#include "ticket/replay.hpp"

namespace sla {
namespace detail {
ticket_replay replay_until(const policy& p, const ticket& t, instant now);
}

std::vector<std::size_t> queue_order(const policy& p, const std::vector<ticket>& tickets, instant now) {
  struct entry {
    std::size_t index;
    std::size_t category;
    std::vector<long long> ties;
    std::size_t severity;
    std::optional<instant> deadline;
    instant created;
  };
  const queue_rules& q = p.queue();
  const auto& severities = p.severities();
  std::vector<entry> open;
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const ticket& t = tickets[i];
    if (t.events().empty() || t.events().front().at > now) continue;
    detail::ticket_replay r = detail::replay_until(p, t, now);
    if (r.done()) continue;
    ticket_evaluation ev = r.result(now);
    const ticket_event& created = t.events().front();
    entry e{i,
            static_cast<std::size_t>(std::find(q.category_order.begin(), q.category_order.end(), ev.type) - q.category_order.begin()),
            {},
            static_cast<std::size_t>(std::find(severities.begin(), severities.end(), ev.severity) - severities.begin()),
            std::nullopt,
            created.at};
    for (const auto& tie : q.tie_breaks) {
      long long key = 0;
      if (tie.types.empty() || std::find(tie.types.begin(), tie.types.end(), ev.type) != tie.types.end()) {
        key = tie.field == "users_affected" ? created.users_affected.value_or(0) : created.at.time_since_epoch().count();
        if (tie.descending) key = -key;
      }
      e.ties.push_back(key);
    }
    for (const auto& s : ev.targets)
      if ((s.state == target_state::running || s.state == target_state::breached) && s.deadline &&
          (!e.deadline || *s.deadline < *e.deadline))
        e.deadline = s.deadline;
    open.push_back(std::move(e));
  }
  std::stable_sort(open.begin(), open.end(), [&](const entry& a, const entry& b) {
    if (a.category != b.category) return a.category < b.category;
    if (a.ties != b.ties) return a.ties < b.ties;
    if (a.severity != b.severity) return a.severity < b.severity;
    if (a.deadline.has_value() != b.deadline.has_value()) return a.deadline.has_value();
    if (a.deadline && *a.deadline != *b.deadline) return *a.deadline < *b.deadline;
    if (a.created != b.created) return a.created < b.created;
    return tickets[a.index].id() < tickets[b.index].id();
  });
  std::vector<std::size_t> order;
  order.reserve(open.size());
  for (const auto& e : open) order.push_back(e.index);
  return order;
}

}  // namespace sla

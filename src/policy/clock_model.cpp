#include "policy/clock_model.hpp"

#include <algorithm>
#include <cmath>

#include "policy/policy_data.hpp"

namespace sla::detail {
namespace {

std::optional<std::size_t> index_of(const std::vector<std::string>& names, std::string_view name) {
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - names.begin());
}

// Sets flags[target] for every target the list names ("*": all). Unknown names were reported
// by the loader; they are skipped here.
void mark(std::vector<std::uint8_t>& flags, const std::vector<std::string>& targets, const std::vector<std::string>& names,
          std::uint8_t bit = 1, std::size_t offset = 0) {
  for (const auto& t : targets) {
    if (t == "*") {
      for (std::size_t i = 0; i < names.size(); ++i) flags[offset + i] |= bit;
    } else if (auto i = index_of(names, t)) {
      flags[offset + *i] |= bit;
    }
  }
}

std::vector<compiled_threshold> compile(const std::vector<threshold>& list, const std::vector<std::string>& names) {
  std::vector<compiled_threshold> out;
  for (const auto& t : list) {
    compiled_threshold c;
    c.name = t.name;
    if (t.percent) c.percent_milli = std::llround(*t.percent * 1000.0);
    else if (t.before_deadline) c.before = *t.before_deadline;
    c.applies.assign(names.size(), t.targets.empty() ? 1 : 0);
    mark(c.applies, t.targets, names);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

clock_model compile_clock_model(const policy_data& d) {
  const auto& names = d.target_names;
  const clock_rules& rules = d.clock;
  clock_model m;
  m.target_count = names.size();
  m.status_count = d.statuses.size();
  m.status_effect.assign(m.status_count * m.target_count, 0);
  m.status_meets_any.assign(m.status_count, 0);
  m.status_cancels.assign(m.status_count, 0);
  for (const auto& [status, targets] : rules.pauses)
    if (auto s = index_of(d.statuses, status)) mark(m.status_effect, targets, names, clock_model::pause_bit, *s * m.target_count);
  for (const auto& [status, targets] : rules.met_by_status)
    if (auto s = index_of(d.statuses, status)) {
      mark(m.status_effect, targets, names, clock_model::meet_bit, *s * m.target_count);
      m.status_meets_any[*s] = 1;
    }
  for (const auto& status : rules.cancel_statuses)
    if (auto s = index_of(d.statuses, status)) m.status_cancels[*s] = 1;
  static constexpr std::array<std::string_view, meeting_event_count> event_names{"responded", "updated", "resolved", "closed"};
  for (std::size_t e = 0; e < meeting_event_count; ++e) {
    m.event_meets[e].assign(m.target_count, 0);
    if (auto it = rules.met_by_event.find(std::string(event_names[e])); it != rules.met_by_event.end())
      mark(m.event_meets[e], it->second, names);
  }
  m.resumable.assign(m.target_count, 0);
  mark(m.resumable, rules.resumable, names);
  m.periodic.assign(m.target_count, 0);
  mark(m.periodic, rules.periodic_targets, names);
  m.restart_on_severity_change = rules.restart_on_severity_change;
  m.warnings = compile(d.warnings, names);
  m.escalations = compile(d.escalations, names);
  return m;
}

}  // namespace sla::detail

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
void mark(std::vector<std::uint8_t>& flags, const std::vector<std::string>& targets, const std::vector<std::string>& names) {
  for (const auto& t : targets) {
    if (t == "*") {
      std::fill(flags.begin(), flags.end(), 1);
    } else if (auto i = index_of(names, t)) {
      flags[*i] = 1;
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

std::optional<std::size_t> clock_model::event_id(event_kind kind, std::string_view custom_name,
                                                 const std::vector<std::string>& customs) const {
  if (kind != event_kind::custom) return static_cast<std::size_t>(kind);
  auto i = index_of(customs, custom_name);
  if (!i) return std::nullopt;
  return event_kind_count + *i;
}

clock_model compile_clock_model(const policy_data& d) {
  clock_model m;
  m.target_count = d.target_names.size();
  m.status_count = d.statuses.size();
  m.event_count = event_kind_count + d.events.size();
  m.status_meets_any.assign(m.status_count, 0);
  m.status_cancels_any.assign(m.status_count, 0);
  m.restart_on_dimension_change = d.clock.restart_on_severity_change;
  auto event_index = [&](const std::string& name) -> std::optional<std::size_t> {
    if (auto kind = parse_event_kind(name)) return static_cast<std::size_t>(*kind);
    if (auto i = index_of(d.events, name)) return event_kind_count + *i;
    return std::nullopt;
  };
  for (const clock_definition& def : d.clock_definitions) {
    compiled_clock c;
    c.on_status.assign(m.status_count, 0);
    c.on_event.assign(m.event_count, 0);
    c.starts_at_creation = false;
    for (const auto& t : def.start) {
      if (t.on == clock_trigger::kind::created) c.starts_at_creation = true;
      else if (t.on == clock_trigger::kind::event) {
        if (auto e = event_index(t.name)) c.on_event[*e] |= effect_start;
      } else if (auto s = index_of(d.statuses, t.name)) {
        c.on_status[*s] |= effect_start;
      }
    }
    auto statuses = [&](const std::vector<std::string>& list, std::uint8_t bit) {
      for (const auto& name : list)
        if (auto s = index_of(d.statuses, name)) c.on_status[*s] |= bit;
    };
    auto events = [&](const std::vector<std::string>& list, std::uint8_t bit) {
      for (const auto& name : list)
        if (auto e = event_index(name)) c.on_event[*e] |= bit;
    };
    statuses(def.pause, effect_pause);
    statuses(def.meet_statuses, effect_meet);
    events(def.meet_events, effect_meet);
    statuses(def.restart_statuses, effect_restart);
    events(def.restart_events, effect_restart);
    statuses(def.cancel_statuses, effect_cancel);
    events(def.cancel_events, effect_cancel);
    for (const auto& name : def.meet_statuses)
      if (auto s = index_of(d.statuses, name)) m.status_meets_any[*s] = 1;
    for (const auto& name : def.cancel_statuses)
      if (auto s = index_of(d.statuses, name)) m.status_cancels_any[*s] = 1;
    c.repeat = def.repeat;
    c.reopen = def.reopen;
    m.clocks.push_back(std::move(c));
  }
  m.warnings = compile(d.warnings, d.target_names);
  m.escalations = compile(d.escalations, d.target_names);
  return m;
}

}  // namespace sla::detail

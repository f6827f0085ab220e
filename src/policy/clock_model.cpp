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

namespace {
std::vector<std::int32_t> calendars_in_region(const policy_data& d, const std::vector<cell_target>& cell, std::size_t region) {
  std::vector<std::int32_t> calendars;
  for (const auto& target : cell) {
    std::optional<std::size_t> c;
    if (target.definition && !target.definition->calendar.empty())
      c = d.calendar_in_region(target.definition->calendar, d.region_name(region));
    calendars.push_back(c ? static_cast<std::int32_t>(*c) : -1);
  }
  return calendars;
}
}  // namespace

cell_table compile_cell_table(const policy_data& d) {
  cell_table t;
  t.type_count = d.types.size();
  t.severity_count = std::max<std::size_t>(1, d.severities.size());
  t.plan_count = std::max<std::size_t>(1, d.plans.size());
  t.region_count = std::max<std::size_t>(1, d.region_names.size());
  if (t.type_count * t.severity_count > cell_table::max_cells ||
      t.type_count * t.severity_count * t.plan_count * t.region_count > cell_table::max_cells)
    return t;
  for (std::size_t type = 0; type < t.type_count; ++type)
    for (std::size_t severity = 0; severity < t.severity_count; ++severity)
      for (std::size_t plan = 0; plan < t.plan_count; ++plan) {
        std::vector<cell_target> cell = d.cell({d.type_name(type), d.severity_name(severity), d.plan_name(plan)});
        for (std::size_t region = 0; region < t.region_count; ++region) t.calendars.push_back(calendars_in_region(d, cell, region));
        t.cells.push_back(std::move(cell));
      }
  return t;
}

void cell_of(const policy_data& d, std::size_t type, std::size_t severity, std::size_t plan, std::size_t region,
             std::vector<cell_target>& targets, std::vector<std::int32_t>& calendars) {
  const cell_table& t = d.cells;
  if (!t.cells.empty()) {
    const std::size_t index = t.cell_index(type, severity, plan);
    targets = t.cells[index];
    calendars = t.calendars_of(index, region);
    return;
  }
  targets = d.cell({d.type_name(type), d.severity_name(severity), d.plan_name(plan)});
  calendars = calendars_in_region(d, targets, region);
}

}  // namespace sla::detail

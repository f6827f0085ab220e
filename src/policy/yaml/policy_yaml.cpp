// Reads a policy file (schema: policies/README.md) into policy_data, collecting every problem
// with its file:line:column and key path. yaml-cpp nodes stay inside this file.
#include <sla/policy.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <set>

#include "holiday/yaml/holiday_rule_yaml.hpp"
#include "policy/policy_data.hpp"
#include "yaml/reader.hpp"

namespace sla {
namespace {

using detail::child_path;
using detail::index_path;
using detail::yaml_reader;

constexpr const char* day_names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::optional<int> day_index(std::string_view s) {
  for (int i = 0; i < 7; ++i)
    if (s == day_names[i]) return i;
  return std::nullopt;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool contains(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

class policy_loader {
 public:
  policy_loader(yaml_reader& reader, std::string base_dir) : r_(reader), base_dir_(std::move(base_dir)) {}

  std::shared_ptr<policy_data> load(const YAML::Node& root);

 private:
  std::vector<std::string> names(const YAML::Node& node, std::string_view path, std::string_view what, bool required);
  std::optional<std::array<std::vector<daily_window>, 7>> hours(const YAML::Node& node, std::string_view path);
  std::vector<daily_window> windows(const YAML::Node& node, std::string_view path);
  std::optional<calendar_spec> calendar_body(const YAML::Node& node, std::string_view path, bool allow_tenant,
                                             bool* tenant, std::vector<holiday_rule>* rules);
  void calendars(const YAML::Node& node);
  void targets(const YAML::Node& node);
  std::vector<std::string> dimension(const YAML::Node& node, std::string_view path, const std::vector<std::string>& known,
                                     std::string_view what);
  void classification(const YAML::Node& node);
  void clock(const YAML::Node& node);
  std::map<std::string, std::vector<std::string>> status_to_targets(const YAML::Node& node, std::string_view path,
                                                                    const std::vector<std::string>& keys_from,
                                                                    std::string_view key_what);
  std::vector<threshold> thresholds(const YAML::Node& node, std::string_view path, std::string_view what);
  void queue(const YAML::Node& node);
  void availability(const YAML::Node& node);
  void flags(const YAML::Node& node);
  std::optional<double> percent(const YAML::Node& node, std::string_view path, double max);
  void check_target_reference(const YAML::Node& node, std::string_view path, const std::string& name);

  yaml_reader& r_;
  std::string base_dir_;
  std::shared_ptr<policy_data> d_ = std::make_shared<policy_data>();
  int first_year_ = default_first_holiday_year, last_year_ = default_last_holiday_year;
  std::vector<YAML::Node> calendar_nodes_;
  std::set<std::string> broken_calendars_;  // declared but unusable: already reported
  std::set<std::string> used_calendars_;
  // Target references made before all target names are known, checked at the end.
  std::vector<std::tuple<YAML::Node, std::string, std::string>> target_references_;
};

std::vector<std::string> policy_loader::names(const YAML::Node& node, std::string_view path, std::string_view what,
                                              bool required) {
  if (!node.IsDefined()) {
    if (required) r_.error(node, path, fmt::format("missing {}", what), fmt::format("add `{}: [...]`", path));
    return {};
  }
  if (!r_.expect_sequence(node, path, what)) return {};
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::size_t i = 0;
  for (const auto& item : node) {
    std::string p = index_path(path, i++);
    auto s = r_.scalar(item, p, "a name");
    if (!s) continue;
    if (s->empty() || *s == "*") r_.error(item, p, fmt::format("\"{}\" cannot be a name", *s));
    else if (!seen.insert(*s).second) r_.error(item, p, fmt::format("\"{}\" is listed twice", *s));
    else out.push_back(*s);
  }
  if (required && out.empty() && node.size() == 0) r_.error(node, path, fmt::format("{} is empty", what));
  return out;
}

std::vector<daily_window> policy_loader::windows(const YAML::Node& node, std::string_view path) {
  std::vector<daily_window> out;
  if (!r_.expect_sequence(node, path, "windows such as [\"08:00-18:00\"]")) return out;
  std::size_t i = 0;
  for (const auto& item : node) {
    std::string p = index_path(path, i++);
    auto s = r_.scalar(item, p, "a window \"HH:MM-HH:MM\"");
    if (!s) continue;
    try {
      out.push_back(parse_daily_window(*s));
    } catch (const error& e) {
      r_.error(item, p, e.message());
    }
  }
  // Overlapping windows count as their union; say so once, since it is usually a typo.
  std::vector<std::pair<std::chrono::seconds, std::chrono::seconds>> spans;
  for (const auto& w : out) spans.emplace_back(w.start, w.end <= w.start ? w.end + std::chrono::hours{24} : w.end);
  std::sort(spans.begin(), spans.end());
  std::size_t overlaps = 0;
  for (std::size_t k = 1, reach = 0; k < spans.size(); ++k) {
    if (spans[k].first < spans[reach].second) ++overlaps;
    if (spans[k].second > spans[reach].second) reach = k;
  }
  if (overlaps > 0)
    r_.warning(node, path, fmt::format("{} window{} overlap{} another; overlapping windows count as their union", overlaps,
                                       overlaps == 1 ? "" : "s", overlaps == 1 ? "s" : ""));
  return out;
}

std::optional<std::array<std::vector<daily_window>, 7>> policy_loader::hours(const YAML::Node& node,
                                                                             std::string_view path) {
  std::array<std::vector<daily_window>, 7> week;
  if (node.IsScalar() && node.Scalar() == "always") {
    for (auto& d : week) d = {daily_window{std::chrono::seconds{0}, std::chrono::seconds{86400}}};
    return week;
  }
  if (!node.IsMap()) {
    r_.error(node, path, "expected the weekly hours (a map such as {mon-fri: [\"08:00-18:00\"]}) or `always`");
    return std::nullopt;
  }
  r_.expect_named_map(node, path, "weekly hours");
  std::array<bool, 7> seen{};
  bool ok = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    std::string key = it->first.Scalar();
    std::string p = child_path(path, key);
    std::optional<int> from, to;
    if (auto dash = key.find('-'); dash != std::string::npos) {
      from = day_index(key.substr(0, dash));
      to = day_index(key.substr(dash + 1));
    } else {
      from = to = day_index(key);
    }
    if (!from || !to) {
      r_.error(it->first, p, fmt::format("unknown day '{}'", key),
               "days are mon, tue, wed, thu, fri, sat, sun, or a range such as mon-fri");
      ok = false;
      continue;
    }
    bool is_range = key.find('-') != std::string::npos;
    if (is_range && *to == *from) {
      r_.error(it->first, p, fmt::format("the range '{}' names one day", key), fmt::format("write {}", day_names[*from]));
      ok = false;
      continue;
    }
    auto w = windows(it->second, p);
    // A range may wrap past Sunday (sun-thu, fri-mon), as in calendar specs.
    for (int i = 0, n = (*to - *from + 7) % 7 + 1; i < n; ++i) {
      int day = (*from + i) % 7;
      if (seen[static_cast<std::size_t>(day)]) {
        r_.error(it->first, p, fmt::format("{} is given twice", day_names[day]), "a day may appear once in hours");
        ok = false;
      }
      seen[static_cast<std::size_t>(day)] = true;
      week[static_cast<std::size_t>(day)] = w;
    }
  }
  if (!ok) return std::nullopt;
  return week;
}

std::optional<calendar_spec> policy_loader::calendar_body(const YAML::Node& node, std::string_view path,
                                                          bool allow_tenant, bool* tenant,
                                                          std::vector<holiday_rule>* rules_out) {
  if (!r_.expect_map(node, path, {"timezone", "hours", "holidays", "holiday_sets", "special_days", "description"},
                     "a calendar"))
    return std::nullopt;
  calendar_spec spec;
  bool ok = true;
  const YAML::Node& tz = node["timezone"];
  std::string tz_path = child_path(path, "timezone");
  if (!tz.IsDefined()) {
    r_.error(node, tz_path, "missing timezone", "add `timezone: UTC` or an IANA name such as Europe/Berlin");
    ok = false;
  } else if (tz.IsMap() && allow_tenant) {
    r_.expect_map(tz, tz_path, {"tenant", "default"}, "a tenant time zone");
    auto is_tenant = tz["tenant"].IsDefined() ? r_.boolean(tz["tenant"], child_path(tz_path, "tenant"), "tenant")
                                              : std::optional<bool>{};
    if (!tz["tenant"].IsDefined()) r_.error(tz, tz_path, "missing `tenant: true`");
    *tenant = is_tenant.value_or(false);
    if (!tz["default"].IsDefined()) {
      r_.error(tz, tz_path, "missing the default zone", "add `default: Australia/Sydney` (used when no tenant zone is given)");
      ok = false;
    } else if (auto zone = r_.scalar(tz["default"], child_path(tz_path, "default"), "a time zone")) {
      spec.timezone = *zone;
    } else {
      ok = false;
    }
  } else if (auto zone = r_.scalar(tz, tz_path, allow_tenant ? "a time zone or {tenant: true, default: …}" : "a time zone")) {
    spec.timezone = *zone;
  } else {
    ok = false;
  }
  if (ok) {
    try {
      time_zone::load(spec.timezone);
    } catch (const error& e) {
      r_.error(tz.IsMap() ? tz["default"] : tz, tz.IsMap() ? child_path(tz_path, "default") : tz_path, e.message());
      ok = false;
    }
  }

  const YAML::Node& h = node["hours"];
  if (!h.IsDefined()) {
    r_.error(node, child_path(path, "hours"), "missing hours", "add `hours: {mon-fri: [\"09:00-17:00\"]}` or `hours: always`");
    ok = false;
  } else if (auto week = hours(h, child_path(path, "hours"))) {
    spec.hours = *week;
  } else {
    ok = false;
  }

  std::vector<holiday_rule> rules;
  auto read_rules = [&](const YAML::Node& list, const std::string& p, bool special) {
    if (!list.IsDefined()) return;
    if (!r_.expect_sequence(list, p, special ? "special days" : "holidays")) {
      ok = false;
      return;
    }
    std::size_t i = 0;
    for (const auto& item : list) {
      if (auto rule = detail::read_holiday_rule(item, index_path(p, i), r_, special)) rules.push_back(*rule);
      else ok = false;
      ++i;
    }
  };
  read_rules(node["holidays"], child_path(path, "holidays"), false);
  read_rules(node["special_days"], child_path(path, "special_days"), true);
  if (const YAML::Node& sets = node["holiday_sets"]; sets.IsDefined()) {
    std::string p = child_path(path, "holiday_sets");
    if (auto files = r_.scalar_list(sets, p, "holiday set files")) {
      std::size_t i = 0;
      for (const auto& file : *files) {
        const YAML::Node item = sets.IsSequence() ? sets[i] : sets;
        std::string ip = sets.IsSequence() ? index_path(p, i) : p;
        ++i;
        std::filesystem::path full = std::filesystem::path(base_dir_) / file;
        try {
          holiday_set set = load_holiday_set(full.string());
          rules.insert(rules.end(), set.rules.begin(), set.rules.end());
        } catch (const error& e) {
          r_.error(item, ip, fmt::format("holiday set {}: {}", file, e.code() == error_code::io ? e.message() : e.what()),
                   "paths are relative to the policy file's folder, e.g. holidays/us-federal.yaml");
          ok = false;
        }
      }
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  apply_holiday_rules(spec, rules, first_year_, last_year_);
  if (rules_out) *rules_out = std::move(rules);

  bool any_time = std::any_of(spec.hours.begin(), spec.hours.end(), [](const auto& d) { return !d.empty(); }) ||
                  std::any_of(spec.special_days.begin(), spec.special_days.end(),
                              [](const auto& s) { return !s.windows.empty(); });
  if (!any_time) {
    r_.error(node, path, "this calendar has no business time: every day is closed",
             "give hours such as {mon-fri: [\"09:00-17:00\"]}, or `hours: always`");
    return std::nullopt;
  }
  return spec;
}

void policy_loader::calendars(const YAML::Node& node) {
  if (!node.IsDefined()) {
    r_.error(node, "calendars", "missing calendars", "add `calendars: {business: {timezone: UTC, hours: always}}`");
    return;
  }
  if (!r_.expect_named_map(node, "calendars", "calendars by name")) return;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    std::string name = it->first.Scalar();
    if (d_->calendar_index(name)) continue;  // duplicate, already reported
    std::string path = child_path("calendars", name);
    bool tenant = false;
    std::vector<holiday_rule> rules;
    auto spec = calendar_body(it->second, path, true, &tenant, &rules);
    if (!spec) {
      broken_calendars_.insert(name);
      continue;
    }
    try {
      business_calendar compiled(*spec);
      d_->calendars.push_back({name, std::move(*spec), tenant, std::move(rules)});
      d_->compiled.push_back(std::move(compiled));
      calendar_nodes_.push_back(it->first);
    } catch (const error& e) {
      r_.error(it->second, path, e.message());
      broken_calendars_.insert(name);
    }
  }
}

std::vector<std::string> policy_loader::dimension(const YAML::Node& node, std::string_view path,
                                                  const std::vector<std::string>& known, std::string_view what) {
  if (!node.IsDefined()) return {};
  auto list = r_.scalar_list(node, path, what);
  if (!list) return {};
  if (list->size() == 1 && (*list)[0] == "*") return {};
  for (const auto& v : *list)
    if (!contains(known, v))
      r_.error(node, path, fmt::format("unknown {} \"{}\"", what, v),
               known.empty() ? std::string("declare it first") : fmt::format("expected one of: {}, or *", joined(known)));
  return *list;
}

void policy_loader::check_target_reference(const YAML::Node& node, std::string_view path, const std::string& name) {
  if (name == "*") return;  // every target
  target_references_.emplace_back(node, std::string(path), name);
}

void policy_loader::targets(const YAML::Node& node) {
  if (!node.IsDefined()) {
    r_.error(node, "targets", "missing targets", "add a list of target rules");
    return;
  }
  if (!r_.expect_sequence(node, "targets", "target rules")) return;
  std::vector<YAML::Node> rule_nodes;
  std::size_t i = 0;
  for (const auto& item : node) {
    std::string path = index_path("targets", i++);
    if (!r_.expect_map(item, path, {"type", "severity", "plan", "calendar", "targets", "note"}, "a target rule")) continue;
    target_rule rule;
    rule.types = dimension(item["type"], child_path(path, "type"), d_->types, "type");
    rule.severities = dimension(item["severity"], child_path(path, "severity"), d_->severities, "severity");
    rule.plans = dimension(item["plan"], child_path(path, "plan"), d_->plans, "plan");
    std::string default_calendar;
    if (item["calendar"].IsDefined())
      if (auto c = r_.scalar(item["calendar"], child_path(path, "calendar"), "a calendar name")) {
        default_calendar = *c;
        if (!d_->calendar_index(*c) && !broken_calendars_.count(*c))
          r_.error(item["calendar"], child_path(path, "calendar"), fmt::format("unknown calendar \"{}\"", *c),
                   fmt::format("declare it under calendars; known: {}", [&] {
                     std::vector<std::string> n;
                     for (const auto& cal : d_->calendars) n.push_back(cal.name);
                     return joined(n);
                   }()));
      }
    const YAML::Node& ts = item["targets"];
    std::string tpath = child_path(path, "targets");
    if (!ts.IsDefined()) {
      r_.error(item, tpath, "a target rule without targets", "add `targets: {response: 1h}`");
      continue;
    }
    if (!r_.expect_named_map(ts, tpath, "targets by name")) continue;
    for (auto t = ts.begin(); t != ts.end(); ++t) {
      if (!t->first.IsScalar()) continue;
      target_definition def;
      def.name = t->first.Scalar();
      std::string p = child_path(tpath, def.name);
      def.calendar = default_calendar;
      // Bound once, never assigned: assigning a YAML::Node writes through to the node it refers to.
      const YAML::Node amount_node = t->second.IsMap() ? t->second["amount"] : t->second;
      if (t->second.IsMap()) {
        r_.expect_map(t->second, p, {"amount", "calendar"}, "a target");
        if (!amount_node.IsDefined()) {
          r_.error(t->second, p, "missing amount", "e.g. `{amount: 8h, calendar: always}`");
          continue;
        }
        if (t->second["calendar"].IsDefined())
          if (auto c = r_.scalar(t->second["calendar"], child_path(p, "calendar"), "a calendar name")) {
            def.calendar = *c;
            if (!d_->calendar_index(*c) && !broken_calendars_.count(*c))
              r_.error(t->second["calendar"], child_path(p, "calendar"), fmt::format("unknown calendar \"{}\"", *c),
                       "declare it under calendars");
          }
      }
      auto text = r_.scalar(amount_node, p, "an amount such as \"8h\" or \"5 business days\"");
      if (!text) continue;
      try {
        def.amount = parse_target_amount(*text);
      } catch (const error& e) {
        r_.error(amount_node, p, e.message());
        continue;
      }
      if (def.calendar.empty() && def.amount.kind != amount_kind::none) {
        r_.error(t->second, p, "this target has no calendar", "give the rule a `calendar:` or the target `{amount: …, calendar: …}`");
        continue;
      }
      if (!def.calendar.empty()) used_calendars_.insert(def.calendar);
      if (!contains(d_->target_names, def.name)) d_->target_names.push_back(def.name);
      rule.targets.push_back(std::move(def));
    }
    d_->rules.push_back(std::move(rule));
    rule_nodes.push_back(item);
  }

  // Ambiguity: two rules of equal specificity that share a cell and both set a target. In that
  // cell the winner must be more specific than both, or the lookup has no single answer. Pairs
  // of rules are compared, never the cells one by one (files may list thousands of names).
  auto overlap = [](const std::vector<std::string>& a, const std::vector<std::string>& b,
                    const std::vector<std::string>& all) -> std::optional<std::string> {
    if (a.empty() && b.empty()) return all.empty() ? std::string() : all.front();
    if (a.empty()) return b.front();
    if (b.empty()) return a.front();
    std::set<std::string> in_a(a.begin(), a.end());
    for (const auto& x : b)
      if (in_a.count(x)) return x;
    return std::nullopt;
  };
  auto more_specific_covers = [&](std::size_t i, std::size_t j, const std::string& name, const std::string& type,
                                  const std::string& severity, const std::string& plan) {
    for (std::size_t k = 0; k < d_->rules.size(); ++k) {
      const auto& rule = d_->rules[k];
      if (rule.specificity() <= d_->rules[i].specificity() || !rule.matches(type, severity, plan)) continue;
      if (std::any_of(rule.targets.begin(), rule.targets.end(), [&](const auto& t) { return t.name == name; })) return true;
    }
    (void)j;
    return false;
  };
  for (std::size_t i = 0; i < d_->rules.size(); ++i)
    for (std::size_t j = i + 1; j < d_->rules.size(); ++j) {
      const auto& a = d_->rules[i];
      const auto& b = d_->rules[j];
      if (a.specificity() != b.specificity()) continue;
      auto type = overlap(a.types, b.types, d_->types);
      auto severity = overlap(a.severities, b.severities, d_->severities);
      auto plan = overlap(a.plans, b.plans, d_->plans);
      if (!type || !severity || !plan) continue;
      for (const auto& t : a.targets) {
        bool both = std::any_of(b.targets.begin(), b.targets.end(), [&](const auto& u) { return u.name == t.name; });
        if (!both || more_specific_covers(i, j, t.name, *type, *severity, *plan)) continue;
        r_.error(rule_nodes[j], index_path("targets", j),
                 fmt::format("overlaps targets[{}]: both set {} for type {}, severity {}{}", i, t.name, *type, *severity,
                             plan->empty() ? "" : ", plan " + *plan),
                 "make one rule more specific, or split the cells between them");
        break;
      }
    }
}

void policy_loader::classification(const YAML::Node& node) {
  if (!node.IsDefined()) return;
  const std::string path = "classification";
  if (!r_.expect_map(node, path, {"impacts", "urgencies", "matrix"}, "a classification")) return;
  d_->impacts = names(node["impacts"], child_path(path, "impacts"), "impacts", true);
  d_->urgencies = names(node["urgencies"], child_path(path, "urgencies"), "urgencies", true);
  const YAML::Node& m = node["matrix"];
  std::string mp = child_path(path, "matrix");
  if (!m.IsDefined()) {
    r_.error(node, mp, "missing matrix", "map each impact to {urgency: severity}");
    return;
  }
  if (!r_.expect_named_map(m, mp, "impact → {urgency: severity}")) return;
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    std::string impact = it->first.Scalar(), ip = child_path(mp, impact);
    if (!contains(d_->impacts, impact)) r_.error(it->first, ip, fmt::format("unknown impact \"{}\"", impact));
    if (!r_.expect_named_map(it->second, ip, "urgency → severity")) continue;
    for (auto u = it->second.begin(); u != it->second.end(); ++u) {
      if (!u->first.IsScalar()) continue;
      std::string urgency = u->first.Scalar(), up = child_path(ip, urgency);
      if (!contains(d_->urgencies, urgency)) r_.error(u->first, up, fmt::format("unknown urgency \"{}\"", urgency));
      auto sev = r_.scalar(u->second, up, "a severity");
      if (!sev) continue;
      if (!contains(d_->severities, *sev))
        r_.error(u->second, up, fmt::format("unknown severity \"{}\"", *sev), fmt::format("expected one of: {}", joined(d_->severities)));
      d_->classification[{impact, urgency}] = *sev;
    }
  }
  for (const auto& i : d_->impacts)
    for (const auto& u : d_->urgencies)
      if (!d_->classification.count({i, u}))
        r_.error(m, mp, fmt::format("no severity for impact {} and urgency {}", i, u), "the matrix must cover every pair");
}

std::map<std::string, std::vector<std::string>> policy_loader::status_to_targets(
    const YAML::Node& node, std::string_view path, const std::vector<std::string>& keys_from, std::string_view key_what) {
  std::map<std::string, std::vector<std::string>> out;
  if (!node.IsDefined()) return out;
  if (!r_.expect_named_map(node, path, fmt::format("{} → targets", key_what))) return out;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    std::string key = it->first.Scalar(), p = child_path(path, key);
    if (!contains(keys_from, key))
      r_.error(it->first, p, fmt::format("unknown {} \"{}\"", key_what, key), fmt::format("expected one of: {}", joined(keys_from)));
    auto targets = r_.scalar_list(it->second, p, "target names");
    if (!targets) continue;
    std::vector<std::string> list;
    for (const auto& t : *targets) {
      if (t == "*") {
        list.clear();
        list.push_back("*");
        break;
      }
      check_target_reference(it->second, p, t);
      list.push_back(t);
    }
    out[key] = list;
  }
  return out;
}

void policy_loader::clock(const YAML::Node& node) {
  if (!node.IsDefined()) return;
  if (!r_.expect_map(node, "clock", {"pause", "meet", "cancel", "reopen", "severity_change", "periodic"}, "clock rules"))
    return;
  clock_rules& c = d_->clock;
  c.pauses = status_to_targets(node["pause"], "clock.pause", d_->statuses, "status");
  if (const YAML::Node& meet = node["meet"]; meet.IsDefined()) {
    if (r_.expect_map(meet, "clock.meet", {"events", "statuses"}, "what meets targets")) {
      c.met_by_event = status_to_targets(meet["events"], "clock.meet.events", {"responded", "updated", "resolved", "closed"},
                                         "event");
      c.met_by_status = status_to_targets(meet["statuses"], "clock.meet.statuses", d_->statuses, "status");
    }
  }
  if (const YAML::Node& cancel = node["cancel"]; cancel.IsDefined())
    if (auto list = r_.scalar_list(cancel, "clock.cancel", "statuses"))
      for (const auto& s : *list) {
        if (!contains(d_->statuses, s))
          r_.error(cancel, "clock.cancel", fmt::format("unknown status \"{}\"", s), fmt::format("expected one of: {}", joined(d_->statuses)));
        c.cancel_statuses.push_back(s);
      }
  // reopen: {resume: [targets]} names the targets a reopening resumes; `none` resumes nothing.
  if (const YAML::Node& reopen = node["reopen"]; reopen.IsDefined()) {
    if (reopen.IsScalar()) {
      auto s = r_.scalar(reopen, "clock.reopen", "none, or {resume: [targets]}");
      if (s && *s != "none")
        r_.error(reopen, "clock.reopen", fmt::format("\"{}\" is not a reopen rule", *s),
                 "name the targets a reopening resumes, e.g. reopen: {resume: [resolution]}; or reopen: none");
    } else if (r_.expect_map(reopen, "clock.reopen", {"resume"}, "reopen rules")) {
      if (const YAML::Node& resume = reopen["resume"]; resume.IsDefined())
        if (auto list = r_.scalar_list(resume, "clock.reopen.resume", "target names"))
          for (const auto& t : *list) {
            check_target_reference(resume, "clock.reopen.resume", t);
            c.resumable.push_back(t);
          }
    }
  }
  if (const YAML::Node& sc = node["severity_change"]; sc.IsDefined())
    if (auto s = r_.scalar(sc, "clock.severity_change", "keep or restart")) {
      if (*s == "keep") c.restart_on_severity_change = false;
      else if (*s == "restart") c.restart_on_severity_change = true;
      else r_.error(sc, "clock.severity_change", fmt::format("\"{}\" is not a severity-change rule", *s), "expected keep or restart");
    }
  if (const YAML::Node& periodic = node["periodic"]; periodic.IsDefined())
    if (auto list = r_.scalar_list(periodic, "clock.periodic", "target names"))
      for (const auto& t : *list) {
        check_target_reference(periodic, "clock.periodic", t);
        c.periodic_targets.push_back(t);
      }
}

std::optional<double> policy_loader::percent(const YAML::Node& node, std::string_view path, double max) {
  auto s = r_.scalar(node, path, "a percentage such as 75%");
  if (!s) return std::nullopt;
  std::string text = *s;
  if (!text.empty() && text.back() == '%') text.pop_back();
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || !(v > 0) || v > max) {
    r_.error(node, path, fmt::format("\"{}\" is not a percentage in (0, {}]", *s, max), "write e.g. 75%");
    return std::nullopt;
  }
  // Thresholds are compared exactly, in thousandths of a percent.
  if (auto dot = text.find('.'); dot != std::string::npos && text.size() - dot - 1 > 3) {
    r_.error(node, path, fmt::format("\"{}\" has more than three decimals", *s), "write e.g. 87.5%");
    return std::nullopt;
  }
  return v;
}

std::vector<threshold> policy_loader::thresholds(const YAML::Node& node, std::string_view path, std::string_view what) {
  std::vector<threshold> out;
  if (!node.IsDefined()) return out;
  if (!r_.expect_sequence(node, path, what)) return out;
  std::size_t i = 0;
  for (const auto& item : node) {
    std::string p = index_path(path, i++);
    if (!r_.expect_map(item, p, {"name", "at", "before", "targets"}, what)) continue;
    threshold t;
    if (item["name"].IsDefined()) t.name = r_.scalar(item["name"], child_path(p, "name"), "a name").value_or("");
    if (item["at"].IsDefined()) t.percent = percent(item["at"], child_path(p, "at"), 1000);
    if (item["before"].IsDefined())
      if (auto s = r_.scalar(item["before"], child_path(p, "before"), "a duration such as 1h")) {
        try {
          auto a = parse_target_amount(*s);
          if (a.kind != amount_kind::business_time) throw error(error_code::invalid_argument, fmt::format("\"{}\" is not a duration", *s));
          t.before_deadline = a.time;
        } catch (const error& e) {
          r_.error(item["before"], child_path(p, "before"), e.message());
        }
      }
    if (item["at"].IsDefined() == item["before"].IsDefined())
      r_.error(item, p, "give exactly one of `at: 75%` or `before: 1h`");
    if (t.name.empty()) t.name = item["at"].IsDefined() && t.percent ? fmt::format("{}%", *t.percent) : "before deadline";
    if (item["targets"].IsDefined())
      if (auto list = r_.scalar_list(item["targets"], child_path(p, "targets"), "target names"))
        for (const auto& n : *list) {
          check_target_reference(item["targets"], child_path(p, "targets"), n);
          t.targets.push_back(n);
        }
    out.push_back(std::move(t));
  }
  return out;
}

void policy_loader::queue(const YAML::Node& node) {
  if (!node.IsDefined()) return;
  if (!r_.expect_map(node, "queue", {"categories", "tie_breaks"}, "queue rules")) return;
  if (node["categories"].IsDefined())
    if (auto list = r_.scalar_list(node["categories"], "queue.categories", "request types"))
      for (const auto& t : *list) {
        if (!contains(d_->types, t)) r_.error(node["categories"], "queue.categories", fmt::format("unknown type \"{}\"", t));
        d_->queue.category_order.push_back(t);
      }
  if (const YAML::Node& tb = node["tie_breaks"]; tb.IsDefined() && r_.expect_sequence(tb, "queue.tie_breaks", "tie-breaks")) {
    std::size_t i = 0;
    for (const auto& item : tb) {
      std::string p = index_path("queue.tie_breaks", i++);
      if (!r_.expect_map(item, p, {"field", "order", "types"}, "a tie-break")) continue;
      queue_rules::tie_break t;
      if (!item["field"].IsDefined()) r_.error(item, child_path(p, "field"), "missing field", "users_affected or created");
      else if (auto f = r_.scalar(item["field"], child_path(p, "field"), "users_affected or created")) {
        if (*f != "users_affected" && *f != "created")
          r_.error(item["field"], child_path(p, "field"), fmt::format("unknown field \"{}\"", *f), "expected users_affected or created");
        t.field = *f;
      }
      if (item["order"].IsDefined())
        if (auto o = r_.scalar(item["order"], child_path(p, "order"), "asc or desc")) {
          if (*o != "asc" && *o != "desc") r_.error(item["order"], child_path(p, "order"), fmt::format("\"{}\" is not an order", *o), "expected asc or desc");
          t.descending = *o == "desc";
        }
      if (item["types"].IsDefined()) t.types = dimension(item["types"], child_path(p, "types"), d_->types, "type");
      d_->queue.tie_breaks.push_back(std::move(t));
    }
  }
}

void policy_loader::availability(const YAML::Node& node) {
  if (!node.IsDefined()) return;
  if (!r_.expect_sequence(node, "availability", "availability targets")) return;
  std::size_t i = 0;
  for (const auto& item : node) {
    std::string p = index_path("availability", i++);
    if (!r_.expect_map(item, p, {"component", "target", "period", "timezone", "maintenance"}, "an availability target")) continue;
    availability_target a;
    for (const char* key : {"component", "target", "timezone"})
      if (!item[key].IsDefined()) r_.error(item, child_path(p, key), fmt::format("missing {}", key));
    if (item["component"].IsDefined())
      a.component = r_.scalar(item["component"], child_path(p, "component"), "a component name").value_or("");
    if (item["target"].IsDefined()) a.percent = percent(item["target"], child_path(p, "target"), 100).value_or(0);
    if (item["period"].IsDefined())
      if (auto s = r_.scalar(item["period"], child_path(p, "period"), "month")) {
        if (*s != "month") r_.error(item["period"], child_path(p, "period"), fmt::format("unsupported period \"{}\"", *s), "calendar months: `month`");
      }
    if (item["timezone"].IsDefined()) {
      a.timezone = r_.scalar(item["timezone"], child_path(p, "timezone"), "a time zone").value_or("UTC");
      try {
        time_zone::load(a.timezone);
      } catch (const error& e) {
        r_.error(item["timezone"], child_path(p, "timezone"), e.message());
      }
    }
    if (item["maintenance"].IsDefined()) {
      if (auto spec = calendar_body(item["maintenance"], child_path(p, "maintenance"), false, nullptr, nullptr))
        a.maintenance = *spec;
    } else {
      a.maintenance.timezone = a.timezone;  // no maintenance: nothing excluded
    }
    d_->availability.push_back(std::move(a));
  }
}

void policy_loader::flags(const YAML::Node& node) {
  if (!node.IsDefined()) return;
  if (!r_.expect_named_map(node, "flags", "flags")) return;
  for (auto it = node.begin(); it != node.end(); ++it)
    if (it->first.IsScalar())
      if (auto list = r_.scalar_list(it->second, child_path("flags", it->first.Scalar()), "values"))
        d_->flags[it->first.Scalar()] = *list;
}

std::shared_ptr<policy_data> policy_loader::load(const YAML::Node& root) {
  if (!root.IsDefined()) return nullptr;  // a syntax error, already reported
  if (!r_.expect_map(root, "",
                     {"policy", "description", "types", "severities", "plans", "default_plan", "classification",
                      "statuses", "holiday_years", "calendars", "targets", "clock", "warnings", "escalations", "queue",
                      "availability", "flags"},
                     "a policy"))
    return nullptr;
  if (auto n = root["policy"]; n.IsDefined()) d_->name = r_.scalar(n, "policy", "the policy's name").value_or("");
  else r_.error(root, "policy", "missing the policy's name", "add `policy: acme`");
  if (auto n = root["description"]; n.IsDefined()) d_->description = r_.scalar(n, "description", "text").value_or("");
  d_->types = names(root["types"], "types", "request types", true);
  d_->severities = names(root["severities"], "severities", "severities", true);
  d_->plans = names(root["plans"], "plans", "plans", false);
  if (auto n = root["default_plan"]; n.IsDefined()) {
    d_->default_plan = r_.scalar(n, "default_plan", "a plan").value_or("");
    if (!contains(d_->plans, d_->default_plan))
      r_.error(n, "default_plan", fmt::format("unknown plan \"{}\"", d_->default_plan), fmt::format("expected one of: {}", joined(d_->plans)));
  } else if (!d_->plans.empty()) {
    d_->default_plan = d_->plans.front();
  }
  d_->statuses = names(root["statuses"], "statuses", "statuses", false);
  if (auto n = root["holiday_years"]; n.IsDefined()) {
    if (r_.expect_sequence(n, "holiday_years", "[first year, last year]") && n.size() == 2) {
      auto a = r_.integer(n[0], "holiday_years[0]", "a year", 1900, 2199);
      auto b = r_.integer(n[1], "holiday_years[1]", "a year", 1900, 2199);
      if (a && b && *a <= *b) {
        first_year_ = static_cast<int>(*a);
        last_year_ = static_cast<int>(*b);
      } else if (a && b) {
        r_.error(n, "holiday_years", "the first year is after the last");
      }
    } else if (n.IsSequence()) {
      r_.error(n, "holiday_years", "expected [first year, last year]");
    }
  }
  classification(root["classification"]);
  calendars(root["calendars"]);
  targets(root["targets"]);
  clock(root["clock"]);
  d_->warnings = thresholds(root["warnings"], "warnings", "warnings");
  d_->escalations = thresholds(root["escalations"], "escalations", "escalation levels");
  queue(root["queue"]);
  availability(root["availability"]);
  flags(root["flags"]);

  for (const auto& [node, path, name] : target_references_)
    if (!contains(d_->target_names, name))
      r_.error(node, path, fmt::format("unknown target \"{}\"", name),
               fmt::format("targets set by the rules: {}", joined(d_->target_names)));
  for (std::size_t i = 0; i < d_->calendars.size(); ++i)
    if (!used_calendars_.count(d_->calendars[i].name))
      r_.warning(calendar_nodes_[i], child_path("calendars", d_->calendars[i].name),
                 fmt::format("calendar \"{}\" is not used by any target", d_->calendars[i].name));
  d_->clocks = detail::compile_clock_model(*d_);
  return d_;
}

std::shared_ptr<policy_data> load_policy_data(std::string_view text, const std::string& source, const std::string& base_dir,
                                              std::vector<problem>& problems) {
  yaml_reader reader(source, &problems);
  YAML::Node root = detail::parse_document(text, reader);
  if (root.IsNull() && !reader.has_errors()) {
    reader.report(detail::make_problem(source, 1, 1, "the file is empty",
                                       "a policy needs at least policy, types, severities, calendars and targets"));
    return nullptr;
  }
  policy_loader loader(reader, base_dir);
  std::shared_ptr<policy_data> data;
  try {
    data = loader.load(root);
  } catch (const YAML::Exception& e) {
    // A node read in a way the loader did not expect; reported, never let out.
    reader.report(detail::make_problem(source, e.mark.line + 1, e.mark.column + 1, fmt::format("cannot read this: {}", e.msg)));
    return nullptr;
  }
  if (data) data->source = source;
  return data;
}

[[noreturn]] void throw_first(const std::vector<problem>& problems) {
  for (const auto& p : problems)
    if (p.severity == problem_severity::error) {
      std::string message = p.hint.empty() ? p.message : fmt::format("{} ({})", p.message, p.hint);
      throw error(error_code::invalid_argument, message, p.where, p.path);
    }
  throw error(error_code::invalid_argument, "the policy could not be read");
}

std::string folder_of(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace

policy policy::parse(std::string_view text, const std::string& source, const std::string& base_dir) {
  std::vector<problem> problems;
  auto data = load_policy_data(text, source, base_dir, problems);
  bool errors = std::any_of(problems.begin(), problems.end(), [](const problem& p) { return p.severity == problem_severity::error; });
  if (!data || errors) throw_first(problems);
  return policy(std::move(data));
}

policy policy::load(const std::string& path) {
  std::string why;
  auto text = detail::read_file(path, &why);
  if (!text) throw error(error_code::io, why, {path, 0, 0});
  return parse(*text, path, folder_of(path));
}

std::vector<problem> validate_policy(std::string_view text, const std::string& source, const std::string& base_dir) {
  std::vector<problem> problems;
  load_policy_data(text, source, base_dir, problems);
  std::stable_sort(problems.begin(), problems.end(), [](const problem& a, const problem& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
  return problems;
}

std::vector<problem> validate_policy_file(const std::string& path) {
  std::string why;
  auto text = detail::read_file(path, &why);
  if (!text) return {detail::make_problem(path, 0, 0, why)};
  return validate_policy(*text, path, folder_of(path));
}

}  // namespace sla

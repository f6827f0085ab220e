// The `targets:` section: target rules (cells they match, the targets they set, the calendar
// those run on), then the check that no two equally specific rules set one target for a cell.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "policy/yaml/loader.hpp"
#include "text/quote.hpp"

namespace sla::detail {

std::vector<std::string> policy_loader::dimension(const yaml_entry* e, const std::vector<std::string>& known,
                                                  std::string_view what) {
  if (!e) return {};
  auto list = r_.names(*e, what);
  if (!list) return {};
  if (list->size() == 1 && (*list)[0] == "*") return {};
  if (known.empty()) {
    r_.error(*e, fmt::format("this policy has no {} dimension", what), fmt::format("remove `{}:` from the rule", e->key.Scalar()));
    return {};
  }
  for (const auto& v : *list)
    if (!contains(known, v)) report_unknown(r_, *e, what, v, known);
  return *list;
}

void policy_loader::targets(const yaml_map& doc) {
  const yaml_entry* e = doc.find("targets");
  if (!e) {
    r_.missing(doc, "targets", "add a list of target rules");
    return;
  }
  sources_.targets = *e;
  auto items = r_.list(*e, "a list of target rules");
  if (!items) return;
  std::vector<std::string> calendar_names;
  for (const auto& c : d_->calendars) calendar_names.push_back(c.name);
  for (const auto& [region, mapping] : d_->regions)
    for (const auto& [name, _] : mapping)
      if (is_calendar_name(name) && !contains(calendar_names, name)) calendar_names.push_back(name);
  auto check_calendar = [&](const yaml_entry& at, const std::string& name) {
    if (is_calendar_name(name)) return true;
    report_unknown(r_, at, "calendar", name, calendar_names, "declare it under calendars, or map it in every region");
    return false;
  };

  for (const auto& item : *items) {
    auto m = r_.map(item, {"type", "severity", "plan", "calendar", "targets", "priority", "note"}, "a target rule");
    if (!m) continue;
    target_rule rule;
    rule.where = r_.position(item);
    if (const auto* p = m->find("priority"))
      rule.priority = static_cast<int>(r_.integer(*p, "a priority", -1000, 1000).value_or(0));
    rule.types = dimension(m->find("type"), d_->types, "type");
    rule.severities = dimension(m->find("severity"), d_->severities, "severity");
    rule.plans = dimension(m->find("plan"), d_->plans, "plan");
    std::string rule_calendar;
    bool rule_calendar_bad = false;  // reported: its targets are not reported again for it
    if (const auto* c = m->find("calendar")) {
      auto name = r_.scalar(*c, "a calendar name");
      if (name && check_calendar(*c, *name)) rule_calendar = *name;
      else rule_calendar_bad = true;
    }
    const yaml_entry* ts = m->find("targets");
    if (!ts) {
      r_.error(item, "a target rule without targets", "add `targets: {response: 1h}`");
      continue;
    }
    auto named = r_.named_map(*ts, "targets by name");
    if (!named) continue;
    for (const auto& t : named->entries()) {
      target_definition def;
      def.name = t.key.Scalar();
      def.calendar = rule_calendar;
      def.rule = format_error(r_.position(t.key), "", "");
      if (def.rule.size() >= 2) def.rule.resize(def.rule.size() - 2);  // "file:line:column", without ": "
      // The name is known even when its definition has a mistake, so that references to it
      // elsewhere are not reported too.
      if (!contains(d_->target_names, def.name)) d_->target_names.push_back(def.name);
      bool calendar_bad = rule_calendar_bad;
      yaml_entry amount = t;
      if (t.value.IsMap()) {
        auto fields = r_.map(t, {"amount", "calendar"}, "a target");
        if (!fields) continue;
        const auto* a = fields->find("amount");
        if (!a) {
          r_.missing(*fields, "amount", "e.g. `{amount: 8h, calendar: always}`");
          continue;
        }
        amount = *a;
        if (const auto* c = fields->find("calendar")) {
          auto name = r_.scalar(*c, "a calendar name");
          if (!name || !check_calendar(*c, *name)) continue;
          def.calendar = *name;
          calendar_bad = false;
        }
      }
      auto text = r_.scalar(amount, "an amount such as \"8h\" or \"5 business days\"");
      if (!text) continue;
      try {
        def.amount = parse_target_amount(*text);
      } catch (const error& bad) {
        r_.error(amount, bad.message());
        continue;
      }
      if (calendar_bad) continue;
      if (def.calendar.empty() && def.amount.kind != amount_kind::none) {
        r_.error(t, "this target has no calendar", "give the rule a `calendar:` or the target `{amount: …, calendar: …}`");
        continue;
      }
      sources_.target_settings.push_back({d_->rules.size(), t});
      rule.targets.push_back(std::move(def));
    }
    d_->rules.push_back(std::move(rule));
    sources_.rules.push_back(item);
  }
  check_ambiguity();
}

// Two rules of equal specificity that share a cell and both set a target: in that cell the
// winner must be more specific than both, or the lookup has no single answer. Pairs of rules
// are compared, never the cells one by one (files may list thousands of names).
void policy_loader::check_ambiguity() {
  const auto& rules = d_->rules;
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
  auto more_specific_covers = [&](std::size_t i, const std::string& name, const std::string& type,
                                  const std::string& severity, const std::string& plan) {
    for (const auto& rule : rules) {
      bool outranks = rule.priority > rules[i].priority ||
                      (rule.priority == rules[i].priority && rule.specificity() > rules[i].specificity());
      if (!outranks || !rule.matches(type, severity, plan)) continue;
      if (std::any_of(rule.targets.begin(), rule.targets.end(), [&](const auto& t) { return t.name == name; })) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < rules.size(); ++i)
    for (std::size_t j = i + 1; j < rules.size(); ++j) {
      const auto &a = rules[i], &b = rules[j];
      if (a.specificity() != b.specificity() || a.priority != b.priority) continue;
      auto type = overlap(a.types, b.types, d_->types);
      auto severity = overlap(a.severities, b.severities, d_->severities);
      auto plan = overlap(a.plans, b.plans, d_->plans);
      if (!type || !severity || !plan) continue;
      for (const auto& t : a.targets) {
        bool both = std::any_of(b.targets.begin(), b.targets.end(), [&](const auto& u) { return u.name == t.name; });
        if (!both || more_specific_covers(i, t.name, *type, *severity, *plan)) continue;
        std::string cell = fmt::format("type {}", *type);
        if (!severity->empty()) cell += fmt::format(", severity {}", *severity);
        if (!plan->empty()) cell += fmt::format(", plan {}", *plan);
        r_.error(sources_.rules[j], fmt::format("overlaps targets[{}]: both set {} for {}", i, t.name, cell),
                 "make one rule more specific, or split the cells between them");
        break;
      }
    }
}

}  // namespace sla::detail

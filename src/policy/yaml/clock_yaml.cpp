// The `clock:` section (what pauses, meets and cancels targets; reopening, severity changes,
// periodic targets) and the `warnings:` and `escalations:` thresholds.
#include <fmt/format.h>

#include <charconv>

#include "policy/yaml/loader.hpp"
#include "text/quote.hpp"

namespace sla::detail {

// The events clock rules may name: the built-in ones that a clock can act on, and the policy's own.
// (`note` counts for nothing; `created` is a start trigger of its own; dimension changes re-derive.)
std::vector<std::string> policy_loader::known_events() const {
  std::vector<std::string> out{"responded", "customer_message", "updated", "resolved", "closed", "reopened", "cancelled"};
  out.insert(out.end(), d_->events.begin(), d_->events.end());
  return out;
}

std::optional<std::vector<std::string>> policy_loader::event_names(const yaml_entry& e) {
  auto list = r_.names(e, "event names");
  if (!list) return std::nullopt;
  auto known = known_events();
  bool ok = true;
  for (const auto& name : *list)
    if (!contains(known, name)) {
      report_unknown(r_, e, "event", name, known);
      ok = false;
    }
  if (!ok) return std::nullopt;
  return list;
}

// {KEY: [targets]}: each key one of `keys` (statuses or events), each target a known one or "*".
std::map<std::string, std::vector<std::string>> policy_loader::to_targets(const yaml_entry& e, const std::vector<std::string>& keys,
                                                                          std::string_view key_what) {
  std::map<std::string, std::vector<std::string>> out;
  auto m = r_.named_map(e, fmt::format("{} → targets", key_what));
  if (!m) return out;
  for (const auto& item : m->entries()) {
    const std::string& key = item.key.Scalar();
    if (!contains(keys, key)) report_unknown(r_, {item.key, item.key, item.path}, key_what, key, keys, "declare the statuses under statuses");
    auto targets = r_.names(item, "target names");
    if (!targets) continue;
    std::vector<std::string> list;
    for (const auto& t : *targets) {
      if (t == "*") {
        list = {"*"};
        break;
      }
      refer_to_target(item, t);
      list.push_back(t);
    }
    out[key] = list;
  }
  return out;
}

void policy_loader::clock(const yaml_entry& e) {
  sources_.clock = e;
  auto m = r_.map(e, {"pause", "meet", "cancel", "reopen", "severity_change", "periodic"}, "clock rules");
  if (!m) return;
  clock_rules& c = d_->clock;
  if (const auto* pause = m->find("pause")) c.pauses = to_targets(*pause, d_->statuses, "status");
  if (const auto* meet = m->find("meet"))
    if (auto parts = r_.map(*meet, {"events", "statuses"}, "what meets targets")) {
      if (const auto* events = parts->find("events")) c.met_by_event = to_targets(*events, known_events(), "event");
      if (const auto* statuses = parts->find("statuses")) c.met_by_status = to_targets(*statuses, d_->statuses, "status");
    }
  if (const auto* cancel = m->find("cancel"))
    if (auto list = r_.names(*cancel, "statuses"))
      for (const auto& s : *list) {
        if (!contains(d_->statuses, s)) report_unknown(r_, *cancel, "status", s, d_->statuses, "declare the statuses under statuses");
        c.cancel_statuses.push_back(s);
      }
  // reopen: {resume: [targets]} names the targets a reopening resumes; `none` resumes nothing.
  if (const auto* reopen = m->find("reopen")) {
    if (reopen->value.IsScalar()) {
      if (reopen->value.Scalar() != "none")
        r_.error(*reopen, fmt::format("{} is not a reopen rule", quote_value(reopen->value.Scalar())),
                 "name the targets a reopening resumes, e.g. reopen: {resume: [resolution]}; or reopen: none");
    } else if (auto parts = r_.map(*reopen, {"resume", "restart"}, "reopen rules")) {
      for (auto [key, list_out] : {std::pair{"resume", &c.resumable}, std::pair{"restart", &c.restartable}})
        if (const auto* e = parts->find(key))
          if (auto list = r_.names(*e, "target names"))
            for (const auto& t : *list) {
              refer_to_target(*e, t);
              list_out->push_back(t);
            }
    }
  }
  if (const auto* change = m->find("severity_change"))
    if (auto s = r_.scalar(*change, "keep or restart")) {
      if (*s == "keep") c.restart_on_severity_change = false;
      else if (*s == "restart") c.restart_on_severity_change = true;
      else r_.error(*change, fmt::format("{} is not a severity-change rule", quote_value(*s)), "expected keep or restart");
    }
  if (const auto* periodic = m->find("periodic"))
    if (auto list = r_.names(*periodic, "target names"))
      for (const auto& t : *list) {
        refer_to_target(*periodic, t);
        c.periodic_targets.push_back(t);
      }
}

// ---- Clock definitions per target --------------------------------------------------------------

namespace {

bool names_target(const std::vector<std::string>& targets, const std::string& name) {
  return contains(targets, "*") || contains(targets, name);
}

// The defaults of `clock:` for one target.
clock_definition default_clock(const clock_rules& c, const std::string& target) {
  clock_definition d;
  d.target = target;
  d.start = {clock_trigger{clock_trigger::kind::created, {}}};
  for (const auto& [status, targets] : c.pauses)
    if (names_target(targets, target)) d.pause.push_back(status);
  for (const auto& [event, targets] : c.met_by_event)
    if (names_target(targets, target)) d.meet_events.push_back(event);
  for (const auto& [status, targets] : c.met_by_status)
    if (names_target(targets, target)) d.meet_statuses.push_back(status);
  if (names_target(c.periodic_targets, target)) d.restart_events = {"updated"};
  d.cancel_events = {"cancelled"};
  d.cancel_statuses = c.cancel_statuses;
  if (names_target(c.restartable, target)) d.reopen = reopen_action::restart;
  else if (names_target(c.resumable, target)) d.reopen = reopen_action::resume;
  return d;
}

}  // namespace

void policy_loader::clocks(const yaml_entry* e) {
  for (const auto& name : d_->target_names) d_->clock_definitions.push_back(default_clock(d_->clock, name));
  if (!e) return;
  auto m = r_.named_map(*e, "clock definitions by target");
  if (!m) return;
  for (const auto& entry : m->entries()) {
    const std::string& target = entry.key.Scalar();
    auto it = std::find(d_->target_names.begin(), d_->target_names.end(), target);
    if (it == d_->target_names.end()) {
      report_unknown(r_, {entry.key, entry.key, entry.path}, "target", target, d_->target_names, "no target rule sets any target");
      continue;
    }
    sources_.referenced_targets.insert(target);
    clock_definition& d = d_->clock_definitions[static_cast<std::size_t>(it - d_->target_names.begin())];
    auto fields = r_.map(entry, {"start", "pause", "meet", "restart", "repeat", "cancel", "reopen"}, "a clock definition");
    if (!fields) continue;
    if (const auto* start = fields->find("start")) {
      d.start.clear();
      std::vector<yaml_entry> items = start->value.IsSequence() ? *r_.list(*start, "a list of start triggers") : std::vector<yaml_entry>{*start};
      for (const auto& item : items) {
        if (item.value.IsScalar() && item.value.Scalar() == "created") {
          d.start.push_back({clock_trigger::kind::created, {}});
          continue;
        }
        auto trigger = r_.map(item, {"event", "status"}, "a start trigger (created, {event: E} or {status: S})");
        if (!trigger) continue;
        if (trigger->entries().size() != 1) {
          r_.error(item, "a start trigger names one event or one status", "e.g. {status: escalated}");
          continue;
        }
        const auto& what = trigger->entries().front();
        auto name = r_.scalar(what, what.key.Scalar() == "event" ? "an event name" : "a status");
        if (!name) continue;
        if (what.key.Scalar() == "event") {
          if (!contains(known_events(), *name)) report_unknown(r_, what, "event", *name, known_events());
          else d.start.push_back({clock_trigger::kind::event, *name});
        } else {
          if (!contains(d_->statuses, *name)) report_unknown(r_, what, "status", *name, d_->statuses, "declare it under statuses");
          else d.start.push_back({clock_trigger::kind::status, *name});
        }
      }
    }
    auto statuses_of = [&](const yaml_entry& x) {
      std::vector<std::string> out;
      if (auto list = r_.names(x, "statuses"))
        for (const auto& s : *list) {
          if (!contains(d_->statuses, s)) report_unknown(r_, x, "status", s, d_->statuses, "declare it under statuses");
          else out.push_back(s);
        }
      return out;
    };
    // {events: [...], statuses: [...]}: what meets, restarts or cancels it.
    auto triggers = [&](const yaml_entry& x, std::vector<std::string>& events, std::vector<std::string>& statuses) {
      auto parts = r_.map(x, {"events", "statuses"}, "events and statuses");
      if (!parts) return;
      events.clear();
      statuses.clear();
      if (const auto* ev = parts->find("events"))
        if (auto list = event_names(*ev)) events = *list;
      if (const auto* st = parts->find("statuses")) statuses = statuses_of(*st);
    };
    if (const auto* x = fields->find("pause")) d.pause = statuses_of(*x);
    if (const auto* x = fields->find("meet")) triggers(*x, d.meet_events, d.meet_statuses);
    if (const auto* x = fields->find("restart")) triggers(*x, d.restart_events, d.restart_statuses);
    if (const auto* x = fields->find("cancel")) triggers(*x, d.cancel_events, d.cancel_statuses);
    if (const auto* x = fields->find("repeat")) d.repeat = r_.boolean(*x, "repeat").value_or(false);
    if (const auto* x = fields->find("reopen"))
      if (auto s = r_.scalar(*x, "resume, restart or none")) {
        if (*s == "resume") d.reopen = reopen_action::resume;
        else if (*s == "restart") d.reopen = reopen_action::restart;
        else if (*s == "none") d.reopen = reopen_action::none;
        else report_unknown(r_, *x, "reopen action", *s, {"resume", "restart", "none"});
      }
  }
}

std::optional<double> policy_loader::percent(const yaml_entry& e, double max) {
  auto s = r_.scalar(e, "a percentage such as 75%");
  if (!s) return std::nullopt;
  std::string text = *s;
  if (!text.empty() && text.back() == '%') text.pop_back();
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || !(v > 0) || v > max) {
    r_.error(e, fmt::format("{} is not a percentage in (0, {}]", quote_value(*s), max), "write e.g. 75%");
    return std::nullopt;
  }
  // Thresholds are compared exactly, in thousandths of a percent.
  if (auto dot = text.find('.'); dot != std::string::npos && text.size() - dot - 1 > 3) {
    r_.error(e, fmt::format("{} has more than three decimals", quote_value(*s)), "write e.g. 87.5%");
    return std::nullopt;
  }
  return v;
}

std::vector<threshold> policy_loader::thresholds(const yaml_entry& e, std::string_view what) {
  std::vector<threshold> out;
  auto items = r_.list(e, fmt::format("a list of {}", what));
  if (!items) return out;
  for (const auto& item : *items) {
    auto m = r_.map(item, {"name", "at", "before", "targets"}, what);
    if (!m) continue;
    threshold t;
    if (const auto* name = m->find("name")) t.name = r_.scalar(*name, "a name").value_or("");
    const auto *at = m->find("at"), *before = m->find("before");
    if (at) t.percent = percent(*at, 1000);
    if (before)
      if (auto s = r_.scalar(*before, "an amount of business time such as 1h")) {
        try {
          auto a = parse_target_amount(*s);
          if (a.kind != amount_kind::business_time)
            throw error(error_code::invalid_policy, fmt::format("{} is not an amount of business time", quote_value(*s)));
          t.before_deadline = a.time;
        } catch (const error& bad) {
          r_.error(*before, bad.message(), "write e.g. before: 2h");
        }
      }
    if ((at != nullptr) == (before != nullptr)) r_.error(item, "give exactly one of `at: 75%` or `before: 1h`");
    if (t.name.empty()) t.name = at && t.percent ? fmt::format("{}%", *t.percent) : "before deadline";
    if (const auto* targets = m->find("targets"))
      if (auto list = r_.names(*targets, "target names"))
        for (const auto& n : *list) {
          refer_to_target(*targets, n);
          t.targets.push_back(n);
        }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace sla::detail

// The `clock:` section (what pauses, meets and cancels targets; reopening, severity changes,
// periodic targets) and the `warnings:` and `escalations:` thresholds.
#include <fmt/format.h>

#include <charconv>

#include "policy/yaml/loader.hpp"
#include "text/quote.hpp"

namespace sla::detail {
namespace {
const std::vector<std::string> meeting_events{"responded", "updated", "resolved", "closed"};
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
      if (const auto* events = parts->find("events")) c.met_by_event = to_targets(*events, meeting_events, "event");
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
    } else if (auto parts = r_.map(*reopen, {"resume"}, "reopen rules")) {
      if (const auto* resume = parts->find("resume"))
        if (auto list = r_.names(*resume, "target names"))
          for (const auto& t : *list) {
            refer_to_target(*resume, t);
            c.resumable.push_back(t);
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

// Reads a policy file (schema: policies/README.md) into policy_data, collecting every problem
// with its file:line:column and key path: the document, its names and dimensions, the
// classification and the flags, and the entry points (policy::parse, policy::load,
// validate_policy). The other sections are in the files that loader.hpp lists.
#include <sla/policy.hpp>
#include <sla/ticket.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "policy/yaml/loader.hpp"
#include "text/quote.hpp"
#include "text/suggest.hpp"

namespace sla::detail {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& s : names) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void report_unknown(yaml_reader& r, const yaml_entry& at, std::string_view what, const std::string& name,
                    const std::vector<std::string>& known, std::string_view none_hint) {
  std::string suggestion = did_you_mean(name, known);
  std::string list = known.empty() ? std::string(none_hint) : fmt::format("expected one of: {}", joined(known));
  r.error(at, fmt::format("unknown {} {}", what, quote_value(name)), suggestion.empty() ? list : fmt::format("{} {}", suggestion, list));
}

// ---- Names -------------------------------------------------------------------------------------

std::vector<std::string> policy_loader::names(const yaml_map& doc, const char* key, std::string_view what, bool required) {
  const yaml_entry* e = doc.find(key);
  if (!e) {
    if (required) r_.missing(doc, key, fmt::format("add `{}: [...]` with the {}", key, what));
    return {};
  }
  auto items = r_.list(*e, fmt::format("a list of {}", what));
  if (!items) return {};
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& item : *items) {
    auto s = r_.scalar(item, "a name");
    if (!s) continue;
    if (s->empty() || *s == "*") r_.error(item, fmt::format("{} cannot be a name", quote_value(*s)));
    else if (!seen.insert(*s).second) r_.error(item, fmt::format("{} is listed twice", quote_value(*s)));
    else out.push_back(*s);
  }
  if (required && items->empty()) r_.error(*e, fmt::format("{} is empty", what));
  return out;
}

void policy_loader::holiday_years(const yaml_entry& e) {
  auto items = r_.list(e, "[first year, last year]");
  if (!items) return;
  if (items->size() != 2) {
    r_.error(e, "expected [first year, last year]");
    return;
  }
  auto a = r_.integer((*items)[0], "a year", 1900, 2199);
  auto b = r_.integer((*items)[1], "a year", 1900, 2199);
  if (a && b && *a <= *b) {
    first_year_ = static_cast<int>(*a);
    last_year_ = static_cast<int>(*b);
    d_->first_holiday_year = first_year_;
    d_->last_holiday_year = last_year_;
  } else if (a && b) {
    r_.error(e, "the first year is after the last");
  }
}

void policy_loader::classification(const yaml_entry& e) {
  auto m = r_.map(e, {"impacts", "urgencies", "matrix"}, "a classification");
  if (!m) return;
  d_->impacts = names(*m, "impacts", "impacts", true);
  d_->urgencies = names(*m, "urgencies", "urgencies", true);
  const yaml_entry* matrix = m->find("matrix");
  if (!matrix) {
    r_.missing(*m, "matrix", "map each impact to {urgency: severity}");
    return;
  }
  auto rows = r_.named_map(*matrix, "impact → {urgency: severity}");
  if (!rows) return;
  for (const auto& row : rows->entries()) {
    const std::string& impact = row.key.Scalar();
    if (!contains(d_->impacts, impact)) report_unknown(r_, {row.key, row.key, row.path}, "impact", impact, d_->impacts);
    auto cells = r_.named_map(row, "urgency → severity");
    if (!cells) continue;
    for (const auto& cell : cells->entries()) {
      const std::string& urgency = cell.key.Scalar();
      if (!contains(d_->urgencies, urgency)) report_unknown(r_, {cell.key, cell.key, cell.path}, "urgency", urgency, d_->urgencies);
      auto severity = r_.scalar(cell, "a severity");
      if (!severity) continue;
      if (!contains(d_->severities, *severity)) report_unknown(r_, cell, "severity", *severity, d_->severities);
      d_->classification[{impact, urgency}] = *severity;
    }
  }
  for (const auto& i : d_->impacts)
    for (const auto& u : d_->urgencies)
      if (!d_->classification.count({i, u}))
        r_.error(*matrix, fmt::format("no severity for impact {} and urgency {}", i, u), "the matrix must cover every pair");
}

void policy_loader::flags(const yaml_entry& e) {
  auto m = r_.named_map(e, "flags");
  if (!m) return;
  for (const auto& flag : m->entries())
    if (auto values = r_.names(flag, "values")) d_->flags[flag.key.Scalar()] = *values;
}

// ---- References to targets --------------------------------------------------------------------

void policy_loader::refer_to_target(const yaml_entry& e, const std::string& name) {
  if (name == "*") return;  // every target
  target_references_.emplace_back(e, name);
  sources_.referenced_targets.insert(name);
}

void policy_loader::check_target_references() {
  for (const auto& [at, name] : target_references_)
    if (!contains(d_->target_names, name)) report_unknown(r_, at, "target", name, d_->target_names, "no target rule sets any target");
}

// ---- The document --------------------------------------------------------------------------------

std::shared_ptr<policy_data> policy_loader::load(const yaml_entry& root) {
  auto doc = r_.map(root,
                    {"policy", "description", "types", "severities", "plans", "default_plan", "classification", "statuses",
                     "events", "holiday_years", "holiday_library", "calendars", "regions", "default_region", "targets", "clock", "clocks",
                     "warnings", "escalations", "queue", "availability", "flags"},
                    "a policy");
  if (!doc) return nullptr;
  if (const auto* e = doc->find("policy")) d_->name = r_.scalar(*e, "the policy's name").value_or("");
  else r_.missing(*doc, "policy", "the policy's name: add `policy: acme`");
  if (const auto* e = doc->find("description")) d_->description = r_.scalar(*e, "text").value_or("");
  d_->types = names(*doc, "types", "request types", true);
  // Severities are optional: a policy whose targets depend on type and plan alone has none.
  d_->severities = names(*doc, "severities", "severities", false);
  if (const auto* e = doc->find("severities")) sources_.severities = *e;
  d_->plans = names(*doc, "plans", "plans", false);
  if (const auto* e = doc->find("default_plan")) {
    d_->default_plan = r_.scalar(*e, "a plan").value_or("");
    if (!contains(d_->plans, d_->default_plan)) report_unknown(r_, *e, "plan", d_->default_plan, d_->plans, "the policy has no plans");
  } else if (!d_->plans.empty()) {
    d_->default_plan = d_->plans.front();
  }
  d_->statuses = names(*doc, "statuses", "statuses", false);
  d_->events = names(*doc, "events", "events", false);
  for (const auto& e : d_->events)
    if (parse_event_kind(e))
      r_.error(*doc->find("events"), fmt::format("\"{}\" is a built-in event", e), "declare only the events of your own");
  if (const auto* e = doc->find("holiday_years")) holiday_years(*e);
  if (const auto* e = doc->find("classification")) classification(*e);
  holiday_library(*doc);
  calendars(*doc);
  regions(*doc);
  country_holidays_done();
  targets(*doc);
  if (const auto* e = doc->find("clock")) clock(*e);
  clocks(doc->find("clocks"));
  if (const auto* e = doc->find("warnings")) d_->warnings = thresholds(*e, "warnings");
  if (const auto* e = doc->find("escalations")) d_->escalations = thresholds(*e, "escalation levels");
  if (const auto* e = doc->find("queue")) queue(*e);
  if (const auto* e = doc->find("availability")) availability(*e);
  if (const auto* e = doc->find("flags")) flags(*e);
  check_target_references();
  d_->clocks = compile_clock_model(*d_);
  for (const auto& [region, _] : d_->regions) d_->region_names.push_back(region);
  d_->cells = compile_cell_table(*d_);
  // The linter looks at policies that load: on a broken one its warnings would only repeat
  // the errors' consequences.
  if (!r_.has_errors()) lint_policy(r_, *d_, sources_, first_year_, last_year_);
  return d_;
}

namespace {

std::shared_ptr<policy_data> load_policy_data(std::string_view text, const std::string& source, const std::string& base_dir,
                                              std::vector<problem>& problems) {
  yaml_reader reader(source, &problems);
  auto root = reader.parse(text, "a policy needs at least policy, types, calendars and targets");
  if (!root) return nullptr;
  policy_loader loader(reader, base_dir);
  std::shared_ptr<policy_data> data;
  try {
    data = loader.load(*root);
  } catch (const YAML::Exception& e) {
    // A node read in a way the loader did not expect: reported, never let out.
    reader.error_at(root->value, "", fmt::format("cannot read this document: {}", e.msg));
    return nullptr;
  }
  if (data) data->source = source;
  return data;
}

std::string folder_of(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

// In the order of the document, as a compiler lists them. A problem that follows from another
// (a calendar with no business time after a bad window, an unknown calendar after a broken one)
// is not reported at all, so the cause is what the reader sees first.
void order(std::vector<problem>& problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const problem& a, const problem& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
}

}  // namespace
}  // namespace sla::detail

namespace sla {

policy policy::parse(std::string_view text, const std::string& source, const std::string& base_dir) {
  std::vector<problem> problems;
  auto data = detail::load_policy_data(text, source, base_dir, problems);
  detail::order(problems);
  for (const auto& p : problems)
    if (p.severity == problem_severity::error) throw to_error(p);
  if (!data) throw error(error_code::invalid_policy, "the policy could not be read", {source, 0, 0});
  return policy(std::move(data));
}

policy policy::load(const std::string& path) {
  std::string why;
  auto text = detail::read_file(path, &why);
  if (!text) throw error(error_code::io, why, {path, 0, 0});
  return parse(*text, path, detail::folder_of(path));
}

std::vector<problem> validate_policy(std::string_view text, const std::string& source, const std::string& base_dir) {
  std::vector<problem> problems;
  detail::load_policy_data(text, source, base_dir, problems);
  detail::order(problems);
  return problems;
}

std::vector<problem> validate_policy_file(const std::string& path) {
  std::string why;
  auto text = detail::read_file(path, &why);
  if (!text) {
    problem unreadable;
    unreadable.where.source = path;
    unreadable.message = why;
    unreadable.code = error_code::io;
    return {unreadable};
  }
  return validate_policy(*text, path, detail::folder_of(path));
}

}  // namespace sla

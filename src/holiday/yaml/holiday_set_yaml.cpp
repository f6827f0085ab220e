// Holiday set files, read with the one YAML reader and the one holiday-rule reader that
// calendars use:
//   {name, description, country, sources, known_good: {from, to}, observed, include,
//    holidays: [rules], special_days: [rules]}
// An included set's rules come first and join this set (its relative_to and replaces names
// resolve within the whole); `observed` is the default of this file's own closing rules.
#include <sla/holiday.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <algorithm>

#include "holiday/yaml/holiday_rule_yaml.hpp"
#include "text/quote.hpp"
#include "yaml/reader.hpp"

namespace sla {
namespace {

constexpr int max_include_depth = 8;

holiday_set parse_set(std::string_view text, const std::string& source, int depth);

holiday_set load_set(const std::string& path, int depth) {
  std::string why;
  auto text = detail::read_file(path, &why);
  if (!text) throw error(error_code::io, why, {path, 0, 0});
  return parse_set(*text, path, depth);
}

holiday_set parse_set(std::string_view text, const std::string& source, int depth) {
  std::vector<problem> problems;
  detail::yaml_reader::options o;
  o.code = error_code::invalid_calendar;
  detail::yaml_reader r(source, &problems, o);
  holiday_set set;
  std::vector<holiday_rule> included;
  std::vector<detail::yaml_entry> own_entries;
  if (auto root = r.parse(text, "a holiday set needs `holidays: [...]`")) {
    if (auto m = r.map(*root,
                       {"name", "description", "country", "sources", "known_good", "observed", "include", "holidays",
                        "special_days"},
                       "a holiday set")) {
      if (const auto* e = m->find("name")) set.name = r.scalar(*e, "a name").value_or("");
      if (const auto* e = m->find("description")) set.description = r.scalar(*e, "text").value_or("");
      if (const auto* e = m->find("country")) {
        set.country = r.scalar(*e, "a country code such as GB-ENG").value_or("");
        if (!set.country.empty() && !is_country_code(set.country))
          r.error(*e, fmt::format("{} is not a country code", detail::quote_value(set.country)),
                  "ISO 3166-1 alpha-2 in capitals (DE), or ISO 3166-2 for a subdivision (DE-BY, GB-ENG)");
      }
      if (const auto* e = m->find("sources"))
        if (auto items = r.list(*e, "a list of sources (official pages)"))
          for (const auto& item : *items)
            if (auto s = r.scalar(item, "a source such as https://www.gov.uk/bank-holidays")) set.sources.push_back(*s);
      if (const auto* e = m->find("known_good"))
        if (auto years = r.map(*e, {"from", "to"}, "the years the rules are known good for, {from: 2000, to: 2060}")) {
          const auto *from = years->find("from"), *to = years->find("to");
          if (!from || !to) {
            r.missing(*years, from ? "to" : "from", "e.g. known_good: {from: 2000, to: 2060}");
          } else {
            auto a = r.integer(*from, "a year", 1400, 9999), b = r.integer(*to, "a year", 1400, 9999);
            if (a && b && *a > *b) r.error(*to, "the known-good years end before they start");
            if (a && b && *a <= *b) {
              set.known_good_from = static_cast<int>(*a);
              set.known_good_to = static_cast<int>(*b);
            }
          }
        }
      std::vector<observed_day> default_observed;
      if (const auto* e = m->find("observed"))
        if (auto v = detail::read_observed(r, *e)) default_observed = std::move(*v);
      if (const auto* e = m->find("include")) {
        if (auto items = r.list(*e, "a list of holiday set files, relative to this file's folder")) {
          for (const auto& item : *items) {
            auto file = r.scalar(item, "a holiday set file such as de.yaml");
            if (!file) continue;
            if (depth >= max_include_depth) {
              r.error(item, fmt::format("includes nested more than {} deep", max_include_depth),
                      "does a set include itself through others?");
              continue;
            }
            std::filesystem::path full = std::filesystem::path(source).parent_path() / *file;
            try {
              holiday_set inner = load_set(full.string(), depth + 1);
              for (auto& rule : inner.rules) included.push_back(std::move(rule));
            } catch (const error& bad) {
              r.error(item, fmt::format("cannot include {}: {}", *file, bad.what()), {}, bad.code());
            }
          }
        }
      }
      for (const char* list : {"holidays", "special_days"})
        if (const auto* e = m->find(list))
          if (auto items = r.list(*e, "a list of holiday rules"))
            for (const auto& item : *items)
              if (auto rule = detail::read_holiday_rule(r, item, std::string_view(list) == "special_days")) {
                bool closing = !rule->special && rule->windows.empty();
                bool movable = rule->kind != holiday_rule_kind::range && rule->kind != holiday_rule_kind::between_holidays;
                if (rule->observed.empty() && closing && movable) rule->observed = default_observed;
                set.rules.push_back(std::move(*rule));
                own_entries.push_back(item);
              }
    }
  }
  // The included rules first, then this file's; all of them one set, named by this file.
  const std::string tag = set.name.empty() ? source : set.name;
  set.rules.insert(set.rules.begin(), std::make_move_iterator(included.begin()), std::make_move_iterator(included.end()));
  for (auto& rule : set.rules) rule.set = tag;
  std::vector<detail::yaml_entry> entries(included.size(), detail::yaml_entry{});
  entries.insert(entries.end(), own_entries.begin(), own_entries.end());
  if (!r.has_errors()) {
    // Only this file's rules are checked here (an included file checked its own); they may
    // name an included rule.
    std::vector<holiday_rule> view = set.rules;
    std::vector<detail::yaml_entry> at = entries;
    for (std::size_t i = 0; i < included.size(); ++i) view[i].relative_to.clear(), view[i].replaces.clear();
    detail::check_rule_references(r, view, at);
  }
  for (const auto& p : problems)
    if (p.severity == problem_severity::error) throw to_error(p);
  return set;
}

}  // namespace

bool is_country_code(std::string_view code) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto alnum = [&](char c) { return upper(c) || (c >= '0' && c <= '9'); };
  if (code.size() < 2 || !upper(code[0]) || !upper(code[1])) return false;
  if (code.size() == 2) return true;
  if (code[2] != '-' || code.size() < 4 || code.size() > 6) return false;
  return std::all_of(code.begin() + 3, code.end(), alnum);
}

holiday_set parse_holiday_set(std::string_view text, const std::string& source) { return parse_set(text, source, 0); }

holiday_set load_holiday_set(const std::string& path) { return load_set(path, 0); }

}  // namespace sla

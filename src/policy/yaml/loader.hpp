// The policy loader, shared by the files of src/policy/yaml/, one per section of the document:
//   policy_yaml.cpp        the document, names and dimensions, classification, flags, entry points
//   calendars_yaml.cpp     calendars (through the one calendar grammar)
//   regions_yaml.cpp       regions: calendar names mapped per region, and their countries
//   holiday_library_yaml.cpp  the holiday sets by country that calendars and regions name
//   targets_yaml.cpp       target rules and their ambiguity check
//   clock_yaml.cpp         clock rules, clock definitions per target, warnings and escalations
//   queue_yaml.cpp         queue order
//   availability_yaml.cpp  availability targets
// Each section reads its part of the document into policy_data and reports problems through the
// one yaml_reader; references to names declared elsewhere (targets, statuses) are checked once
// every section is read. src/policy/lint.cpp then looks at the whole policy for the mistakes
// that load but do not do what their author meant.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "policy/policy_data.hpp"
#include "yaml/reader.hpp"

namespace sla::detail {

// Where the parts of a policy were written, for the checks that need the whole policy.
struct policy_sources {
  struct target_setting {
    std::size_t rule;    // index into policy_data::rules
    yaml_entry entry;    // the target's key and amount in that rule
  };
  std::vector<target_setting> target_settings;
  std::vector<yaml_entry> rules;           // per target rule
  yaml_entry targets;                      // the `targets` list
  std::vector<yaml_entry> calendars;       // per calendar of policy_data::calendars
  // Per calendar, per holiday rule: where it is written (a set's rules: the set's entry), and
  // the holiday set file it comes from ("" for the calendar's own rules).
  std::vector<std::vector<yaml_entry>> calendar_rule_entries;
  std::vector<std::vector<std::string>> calendar_rule_sets;
  std::optional<yaml_entry> clock;
  std::set<std::string> referenced_targets;  // named by clock rules and thresholds (not through "*")
  std::optional<yaml_entry> severities;
};

class policy_loader {
 public:
  policy_loader(yaml_reader& reader, std::string base_dir) : r_(reader), base_dir_(std::move(base_dir)) {}

  // The whole document; std::nullopt when it is not a policy at all.
  std::shared_ptr<policy_data> load(const yaml_entry& root);

 private:
  // policy_yaml.cpp
  std::vector<std::string> names(const yaml_map& doc, const char* key, std::string_view what, bool required);
  void holiday_years(const yaml_entry& e);
  void classification(const yaml_entry& e);
  void flags(const yaml_entry& e);
  // calendars_yaml.cpp
  void calendars(const yaml_map& doc);
  // targets_yaml.cpp
  void targets(const yaml_map& doc);
  std::vector<std::string> dimension(const yaml_entry* e, const std::vector<std::string>& known, std::string_view what);
  void check_ambiguity();
  // regions_yaml.cpp
  void regions(const yaml_map& doc);
  // holiday_library_yaml.cpp
  void holiday_library(const yaml_map& doc);  // where the library is; read on first need
  void read_library(const yaml_entry& at);  // problems reported at `at` (or at holiday_library)
  const holiday_set* country_set(const std::string& country, const yaml_entry& at);
  bool takes_ticket_country() const;  // a calendar takes the ticket's country
  void country_holidays_done();       // every set to the policy; unused region countries warned
  bool is_calendar_name(const std::string& name) const;  // a calendar, or a name every region maps
  // clock_yaml.cpp
  void clock(const yaml_entry& e);
  void clocks(const yaml_entry* e);        // per-target clock definitions over the defaults
  std::optional<std::vector<std::string>> event_names(const yaml_entry& e);
  std::vector<std::string> known_events() const;
  std::map<std::string, std::vector<std::string>> to_targets(const yaml_entry& e, const std::vector<std::string>& keys,
                                                             std::string_view key_what);
  std::vector<threshold> thresholds(const yaml_entry& e, std::string_view what);
  std::optional<double> percent(const yaml_entry& e, double max);
  // queue_yaml.cpp
  void queue(const yaml_entry& e);
  // availability_yaml.cpp
  void availability(const yaml_entry& e);

  // A target named outside the target rules (clock rules, thresholds): checked once all rules are read.
  void refer_to_target(const yaml_entry& e, const std::string& name);
  void check_target_references();

  yaml_reader& r_;
  std::string base_dir_;
  std::shared_ptr<policy_data> d_ = std::make_shared<policy_data>();
  policy_sources sources_;
  int first_year_ = default_first_holiday_year, last_year_ = default_last_holiday_year;
  std::set<std::string> broken_calendars_;  // declared but unusable: already reported
  std::vector<std::pair<yaml_entry, std::string>> target_references_;
  std::optional<yaml_entry> clocks_entry_;
  // The holiday library: its folders (relative to base_dir_), where they are written, and
  // once read, its sets by country with the files they came from.
  std::vector<std::string> library_dirs_;
  std::optional<yaml_entry> library_entry_;
  bool library_read_ = false;
  bool library_broken_ = false;
  std::map<std::string, holiday_set> library_;
  std::map<std::string, std::string> library_files_;
  std::vector<std::pair<yaml_entry, std::string>> region_country_entries_;
};

// Shared by the sections.
std::string joined(const std::vector<std::string>& names);
bool contains(const std::vector<std::string>& names, std::string_view name);
// "unknown type "bugg"" with "did you mean `bug`? (expected one of: …)" as its hint.
void report_unknown(yaml_reader& r, const yaml_entry& at, std::string_view what, const std::string& name,
                    const std::vector<std::string>& known, std::string_view none_hint = {});

// src/policy/lint.cpp: warnings about a policy that loads but probably does not say what its
// author meant (dead and misspelt targets, cells without targets, holidays that never close a
// business date).
void lint_policy(yaml_reader& r, const policy_data& d, const policy_sources& s, int first_year, int last_year);

}  // namespace sla::detail

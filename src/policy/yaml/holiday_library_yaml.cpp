// The holiday library: the folders of holiday sets a policy chooses holidays by country from.
//   holiday_library: [holidays]   # folders relative to the policy file; default: its holidays/
// Every *.yaml file there with a `country:` is the set of that country (two files for one
// country are an error). The library is read the first time a calendar or a region names a
// country, so a policy that names none never reads it. Names are resolved here, at load: a
// ticket's country is then looked up among country_rules only.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "policy/yaml/loader.hpp"
#include "text/suggest.hpp"

namespace sla::detail {

void policy_loader::holiday_library(const yaml_map& doc) {
  const yaml_entry* e = doc.find("holiday_library");
  if (!e) {
    library_dirs_ = {"holidays"};
    return;
  }
  library_entry_ = *e;
  if (auto folders = r_.names(*e, "folders of holiday sets, relative to the policy file, such as [holidays]")) {
    library_dirs_ = *folders;
    if (library_dirs_.empty()) r_.error(*e, "an empty holiday library", "name a folder, e.g. holiday_library: [holidays]");
  }
}

void policy_loader::read_library(const yaml_entry& at) {
  namespace fs = std::filesystem;
  if (library_read_) return;
  library_read_ = true;
  {
    for (const auto& dir : library_dirs_) {
      fs::path folder = fs::path(base_dir_) / dir;
      std::error_code ec;
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
      if (ec) {
        r_.error(library_entry_ ? *library_entry_ : at,
                 fmt::format("cannot read the holiday library {}: {}", folder.string(), ec.message()),
                 library_entry_ ? "folders are relative to the policy file's folder"
                                : "holidays by country come from holiday_library (default: the holidays folder next to the "
                                  "policy); add holiday_library: [FOLDER]",
                 error_code::io);
        library_broken_ = true;
        continue;
      }
      std::sort(files.begin(), files.end());
      for (const auto& file : files) {
        try {
          holiday_set set = load_holiday_set(file.string());
          if (set.country.empty()) continue;  // a set that is not a country's: included by name only
          if (auto seen = library_files_.find(set.country); seen != library_files_.end()) {
            r_.error(library_entry_ ? *library_entry_ : at,
                     fmt::format("the holiday library has two sets for {}: {} and {}", set.country, seen->second, file.string()),
                     "keep one set per country");
            library_broken_ = true;
            continue;
          }
          library_files_[set.country] = file.string();
          library_.emplace(set.country, std::move(set));
        } catch (const error& bad) {
          r_.error(library_entry_ ? *library_entry_ : at, fmt::format("holiday library: {}", bad.what()), {}, bad.code());
          library_broken_ = true;
        }
      }
    }
  }
}

const holiday_set* policy_loader::country_set(const std::string& country, const yaml_entry& at) {
  read_library(at);
  if (auto it = library_.find(country); it != library_.end()) return &it->second;
  if (!library_broken_) {
    std::vector<std::string> known;
    for (const auto& [code, _] : library_) known.push_back(code);
    std::string suggestion = did_you_mean(country, known);
    r_.error(at, fmt::format("no holiday set for country \"{}\" in the holiday library", country),
             (suggestion.empty() ? std::string() : suggestion + " ") +
                 (known.empty() ? "the library has no set with a country" : "it has: " + joined(known)));
  }
  return nullptr;
}

bool policy_loader::takes_ticket_country() const {
  return std::any_of(d_->calendars.begin(), d_->calendars.end(), [](const auto& c) { return c.holidays_by_country; });
}

void policy_loader::country_holidays_done() {
  if (!takes_ticket_country()) {
    if (r_.has_errors()) return;  // a calendar that would take it may be the one that failed
    for (const auto& [at, code] : region_country_entries_)
      r_.warning(at, fmt::format("region country {} changes nothing: no calendar takes the ticket's country", code),
                 "add {country: ticket, default: …} to a calendar's holiday_sets, or remove the country");
    return;
  }
  // A ticket may name any country of the library: say once which sets are not known good for
  // the years holidays are expanded over.
  std::optional<yaml_entry> first_taker;
  for (std::size_t i = 0; i < d_->calendars.size(); ++i)
    if (d_->calendars[i].holidays_by_country && !first_taker) first_taker = sources_.calendars[i];
  read_library(*first_taker);
  std::vector<std::string> short_of;
  for (const auto& [code, set] : library_) {
    d_->country_rules[code] = set.rules;
    d_->holiday_countries.push_back(code);
    if (set.known_good_from && set.known_good_to && (first_year_ < *set.known_good_from || last_year_ > *set.known_good_to))
      short_of.push_back(fmt::format("{} ({}–{})", code, *set.known_good_from, *set.known_good_to));
  }
  if (!short_of.empty())
    r_.warning(library_entry_ ? *library_entry_ : *first_taker,
               fmt::format("holidays are expanded over {}–{}, but some sets of the holiday library are known good for fewer "
                           "years: {}",
                           first_year_, last_year_, joined(short_of)),
               "set holiday_years to the years you need, or check those sets' other years");
}

}  // namespace sla::detail

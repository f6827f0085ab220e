// The policy value: lookups, target amounts, calendars for tenants, and plain deadlines.
#include <sla/policy.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

#include "policy/policy_data.hpp"

namespace sla {

// ---- Amounts ----------------------------------------------------------------------------------

namespace {

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Seconds per unit word, or 0 when the word is not a unit.
long long unit_seconds(std::string_view unit) {
  if (unit == "s" || unit == "sec" || unit == "secs" || unit == "second" || unit == "seconds") return 1;
  if (unit == "m" || unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes") return 60;
  if (unit == "h" || unit == "hr" || unit == "hrs" || unit == "hour" || unit == "hours") return 3600;
  if (unit == "d" || unit == "day" || unit == "days") return 86400;
  return 0;
}

[[noreturn]] void bad_amount(std::string_view text, std::string_view why) {
  throw error(error_code::invalid_argument,
              fmt::format("\"{}\" is not a target amount{}{}: expected a duration such as \"15m\", \"8h\", \"2h30m\", "
                          "\"5 business days\", \"next business day\" or \"none\"",
                          text.size() <= 40 ? std::string(text) : fmt::format("{}…", text.substr(0, 40)),
                          why.empty() ? "" : ": ", why));
}

}  // namespace

target_amount parse_target_amount(std::string_view text) {
  std::string s = lower_trimmed(text);
  if (s == "none") return {};
  if (s == "next business day") return {amount_kind::next_business_day, std::chrono::seconds{0}, 0};
  // "<n> business day(s)" / "<n> working day(s)"
  for (std::string_view suffix : {" business days", " business day", " working days", " working day"}) {
    if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      std::string_view n(s.data(), s.size() - suffix.size());
      int days = 0;
      auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), days);
      if (ec != std::errc{} || end != n.data() + n.size()) bad_amount(text, "the number of days is not a whole number");
      if (days < 1 || days > 3650) bad_amount(text, "business days must be 1 to 3650");
      return {amount_kind::business_days, std::chrono::seconds{0}, days};
    }
  }
  // A sum of <number><unit> parts: "2h30m", "15 mins", "2 hours 30 minutes", "90s".
  long long total = 0;
  std::size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (start == i) bad_amount(text, "");
    long long n = 0;
    auto [end, ec] = std::from_chars(s.data() + start, s.data() + i, n);
    if (ec != std::errc{} || end != s.data() + i) bad_amount(text, "the number is too large");
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t ustart = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    long long unit = unit_seconds(std::string_view(s).substr(ustart, i - ustart));
    if (unit == 0) bad_amount(text, ustart == i ? "a number needs a unit (s, m, h, d)" : "unknown unit");
    constexpr long long limit = 100LL * 366 * 86400;  // a century: far beyond any agreement
    if (n > limit / unit || total + n * unit > limit) bad_amount(text, "longer than a century");
    total += n * unit;
    any = true;
  }
  if (!any) bad_amount(text, "");
  if (total == 0) bad_amount(text, "a target of zero; write \"none\" for no target");
  return {amount_kind::business_time, std::chrono::seconds{total}, 0};
}

std::string format_target_amount(const target_amount& a) {
  switch (a.kind) {
    case amount_kind::none: return "none";
    case amount_kind::next_business_day: return "next business day";
    case amount_kind::business_days: return fmt::format("{} business day{}", a.days, a.days == 1 ? "" : "s");
    case amount_kind::business_time: break;
  }
  long long s = a.time.count();
  std::string out;
  if (s / 3600) out += fmt::format("{}h", s / 3600);
  if (s / 60 % 60) out += fmt::format("{}m", s / 60 % 60);
  if (s % 60 || out.empty()) out += fmt::format("{}s", s % 60);
  return out;
}

// ---- Lookups ----------------------------------------------------------------------------------

bool target_rule::matches(std::string_view type, std::string_view severity, std::string_view plan) const {
  auto in = [](const std::vector<std::string>& v, std::string_view x) {
    return v.empty() || std::find(v.begin(), v.end(), x) != v.end();
  };
  return in(types, type) && in(severities, severity) && in(plans, plan);
}

std::optional<std::size_t> policy_data::calendar_index(std::string_view name) const {
  for (std::size_t i = 0; i < calendars.size(); ++i)
    if (calendars[i].name == name) return i;
  return std::nullopt;
}

const std::string& policy::name() const noexcept { return data_->name; }
const std::string& policy::source() const noexcept { return data_->source; }
const std::vector<std::string>& policy::types() const noexcept { return data_->types; }
const std::vector<std::string>& policy::severities() const noexcept { return data_->severities; }
const std::vector<std::string>& policy::plans() const noexcept { return data_->plans; }
const std::string& policy::default_plan() const noexcept { return data_->default_plan; }
const std::vector<std::string>& policy::statuses() const noexcept { return data_->statuses; }
const std::vector<policy_calendar>& policy::calendars() const noexcept { return data_->calendars; }
const clock_rules& policy::clock() const noexcept { return data_->clock; }
const std::vector<threshold>& policy::warnings() const noexcept { return data_->warnings; }
const std::vector<threshold>& policy::escalations() const noexcept { return data_->escalations; }
const queue_rules& policy::queue() const noexcept { return data_->queue; }
const std::vector<availability_target>& policy::availability() const noexcept { return data_->availability; }
const std::map<std::string, std::vector<std::string>>& policy::flags() const noexcept { return data_->flags; }

std::optional<std::string> policy::classify(std::string_view impact, std::string_view urgency) const {
  auto it = data_->classification.find({std::string(impact), std::string(urgency)});
  if (it == data_->classification.end()) return std::nullopt;
  return it->second;
}

namespace {
std::uint16_t index_of_known(const std::vector<std::string>& known, std::string_view value, std::string_view what) {
  auto it = std::find(known.begin(), known.end(), value);
  if (it != known.end()) return static_cast<std::uint16_t>(it - known.begin());
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  throw error(error_code::invalid_argument, fmt::format("unknown {} \"{}\": expected one of {}", what, value, list));
}
}  // namespace

policy_data::cell_indices policy_data::resolve_indices(std::string_view type, std::string_view severity,
                                                       std::string_view plan) const {
  cell_indices out;
  std::string_view t = type.empty() && types.size() == 1 ? std::string_view(types.front()) : type;
  if (t.empty())
    throw error(error_code::invalid_argument, fmt::format("missing type: expected one of {}", fmt::join(types, ", ")));
  out.type = index_of_known(types, t, "type");
  std::string_view s = severity.empty() && severities.size() == 1 ? std::string_view(severities.front()) : severity;
  if (severities.empty()) {
    if (!s.empty())
      throw error(error_code::invalid_argument, fmt::format("unknown severity \"{}\": this policy has no severities", s));
  } else {
    if (s.empty())
      throw error(error_code::invalid_argument, fmt::format("missing severity: expected one of {}", fmt::join(severities, ", ")));
    out.severity = index_of_known(severities, s, "severity");
  }
  std::string_view p = plan.empty() ? std::string_view(default_plan) : plan;
  if (!plans.empty()) out.plan = index_of_known(plans, p, "plan");
  else if (!p.empty())
    throw error(error_code::invalid_argument, fmt::format("unknown plan \"{}\": this policy has no plans", p));
  return out;
}

policy_data::cell_key policy_data::resolve(std::string_view type, std::string_view severity, std::string_view plan) const {
  cell_indices i = resolve_indices(type, severity, plan);
  return {type_name(i.type), severity_name(i.severity), plan_name(i.plan)};
}

std::uint16_t policy_data::region_index(std::string_view region) const {
  std::string_view r = region.empty() ? std::string_view(default_region) : region;
  if (region_names.empty()) {
    if (!r.empty())
      throw error(error_code::invalid_argument, fmt::format("unknown region \"{}\": this policy has no regions", r));
    return 0;
  }
  auto it = std::find(region_names.begin(), region_names.end(), r);
  if (it == region_names.end()) throw error(error_code::invalid_argument, fmt::format("unknown region \"{}\"", r));
  return static_cast<std::uint16_t>(it - region_names.begin());
}

std::vector<detail::cell_target> policy_data::cell(const cell_key& key) const {
  std::vector<detail::cell_target> out;
  for (std::size_t name = 0; name < target_names.size(); ++name) {
    // The matching rule with the highest priority, then the most specific one.
    const target_definition* best = nullptr;
    std::pair<int, int> best_rank{std::numeric_limits<int>::min(), -1};
    for (const auto& rule : rules) {
      std::pair<int, int> rank{rule.priority, rule.specificity()};
      if (rank <= best_rank || !rule.matches(key.type, key.severity, key.plan)) continue;
      for (const auto& t : rule.targets)
        if (t.name == target_names[name]) {
          best = &t;
          best_rank = rank;
        }
    }
    if (best) out.push_back({name, best});
  }
  return out;
}

std::optional<std::size_t> policy_data::calendar_in_region(std::string_view name, std::string_view region) const {
  std::string_view effective = region.empty() ? std::string_view(default_region) : region;
  if (auto r = regions.find(std::string(effective)); r != regions.end())
    if (auto mapped = r->second.find(std::string(name)); mapped != r->second.end()) return calendar_index(mapped->second);
  return calendar_index(name);
}

std::vector<target_definition> policy::targets_for(std::string_view type, std::string_view severity,
                                                   std::string_view plan) const {
  const policy_data& d = *data_;
  std::vector<target_definition> out;
  for (const auto& t : d.cell(d.resolve(type, severity, plan))) out.push_back(*t.definition);
  return out;
}

const std::vector<clock_definition>& policy::clock_definitions() const noexcept { return data_->clock_definitions; }
const std::vector<std::string>& policy::events() const noexcept { return data_->events; }
const std::map<std::string, std::map<std::string, std::string>>& policy::regions() const noexcept { return data_->regions; }
const std::vector<std::string>& policy::region_names() const noexcept { return data_->region_names; }
const std::string& policy::default_region() const noexcept { return data_->default_region; }

std::string policy::calendar_in_region(std::string_view calendar, std::string_view region) const {
  const policy_data& d = *data_;
  std::string_view effective = region.empty() ? std::string_view(d.default_region) : region;
  if (effective.empty()) return std::string(calendar);
  auto r = d.regions.find(std::string(effective));
  if (r == d.regions.end()) {
    std::string known;
    for (const auto& [name, _] : d.regions) known += (known.empty() ? "" : ", ") + name;
    throw error(error_code::invalid_argument, fmt::format("unknown region \"{}\": expected one of {}", effective,
                                                          known.empty() ? "none (this policy has no regions)" : known));
  }
  auto mapped = r->second.find(std::string(calendar));
  return mapped == r->second.end() ? std::string(calendar) : mapped->second;
}

namespace {
// The zone and the holidays' country a policy calendar is compiled with for a ticket.
struct calendar_choice {
  std::string_view zone, holidays_of;
  bool is_default;  // the calendar as loaded
};
calendar_choice choose(const policy_calendar& c, std::string_view tenant_zone, std::string_view country) {
  calendar_choice out;
  out.zone = c.tenant_timezone && !tenant_zone.empty() ? tenant_zone : std::string_view(c.spec.timezone);
  out.holidays_of = !c.holidays_by_country ? std::string_view{} : country.empty() ? std::string_view(c.default_country) : country;
  out.is_default = out.zone == c.spec.timezone && out.holidays_of == c.default_country;
  return out;
}
}  // namespace

business_calendar policy_data::compile_for(std::size_t index, std::string_view tenant_zone, std::string_view country) const {
  const policy_calendar& c = calendars[index];
  const auto [zone, holidays_of, is_default] = choose(c, tenant_zone, country);
  if (is_default) return compiled[index];
  calendar_spec spec = c.spec;
  if (c.holidays_by_country) {
    spec = specs_without_country[index];
    if (!holidays_of.empty()) {
      auto rules = country_rules.find(holidays_of);
      if (rules == country_rules.end()) {
        std::string known;
        for (const auto& k : holiday_countries) known += (known.empty() ? "" : ", ") + k;
        throw error(error_code::invalid_argument,
                    fmt::format("no holiday set for country \"{}\" (the policy's holiday library has: {})", holidays_of, known));
      }
      apply_holiday_rules(spec, rules->second, first_holiday_year, last_holiday_year);
    }
  }
  spec.timezone = std::string(zone);
  return business_calendar(spec);  // may throw unknown_time_zone
}

const business_calendar& policy_data::calendar_for(std::size_t index, std::string_view tenant_zone, std::string_view country) const {
  const auto [zone, holidays_of, is_default] = choose(calendars[index], tenant_zone, country);
  if (is_default) return compiled[index];
  const auto key = std::tuple<std::size_t, std::string, std::string>{index, std::string(zone), std::string(holidays_of)};
  {
    std::shared_lock lock(tenant_mutex);
    if (auto it = tenant_calendars.find(key); it != tenant_calendars.end()) return it->second;
  }
  business_calendar compiled_for_ticket = compile_for(index, tenant_zone, country);  // a throw caches nothing
  std::unique_lock lock(tenant_mutex);
  return tenant_calendars.emplace(key, std::move(compiled_for_ticket)).first->second;
}

policy policy::for_tenant(std::string_view zone, std::string_view country) const {
  auto binding = std::make_shared<tenant_binding>();
  binding->zone = std::string(zone);
  binding->country = std::string(country);
  for (std::size_t i = 0; i < data_->calendars.size(); ++i) binding->calendars.push_back(data_->compile_for(i, zone, country));
  policy bound(data_);
  bound.tenant_ = std::move(binding);
  return bound;
}

std::string_view policy::tenant_zone() const noexcept { return tenant_ ? std::string_view(tenant_->zone) : std::string_view{}; }
std::string_view policy::tenant_country() const noexcept {
  return tenant_ ? std::string_view(tenant_->country) : std::string_view{};
}

std::string policy_data::country_for(std::string_view own, std::string_view region) const {
  if (!own.empty()) return std::string(own);
  std::string_view r = region.empty() ? std::string_view(default_region) : region;
  auto it = region_countries.find(std::string(r));
  return it == region_countries.end() ? std::string() : it->second;
}

business_calendar policy::calendar(std::string_view name, std::string_view tenant_zone, std::string_view region,
                                   std::string_view country) const {
  auto index = data_->calendar_in_region(name, region);
  if (!index) throw error(error_code::invalid_argument, fmt::format("unknown calendar \"{}\"", name));
  std::string holidays_of = data_->country_for(country, region);
  if (tenant_ && tenant_->zone == tenant_zone && tenant_->country == holidays_of) return tenant_->calendars[*index];
  return data_->calendar_for(*index, tenant_zone, holidays_of);
}

const std::vector<std::string>& policy::holiday_countries() const noexcept { return data_->holiday_countries; }

std::string policy::country_of_region(std::string_view region) const { return data_->country_for({}, region); }

std::optional<instant> policy::deadline(const target_definition& target, instant start, std::string_view tenant_zone,
                                        std::string_view region, std::string_view country) const {
  if (target.amount.kind == amount_kind::none || target.calendar.empty()) return std::nullopt;
  business_calendar cal = calendar(target.calendar, tenant_zone, region, country);
  // The ticket clock's deadline: a business-days amount is the business time it spans from the
  // start, so the deadline is where that much business time runs out (a close, when the landing
  // falls on an opening).
  std::optional<instant> end;
  switch (target.amount.kind) {
    case amount_kind::business_time: return cal.add(start, target.amount.time);
    case amount_kind::business_days: end = cal.add_business_days(start, target.amount.days); break;
    case amount_kind::next_business_day: end = cal.next_business_day_close(start); break;
    case amount_kind::none: return std::nullopt;
  }
  if (!end) return std::nullopt;
  return cal.add(start, cal.elapsed(start, *end));
}

}  // namespace sla

// sla/policy.hpp — support policies: what a written support agreement promises, as data.
//
// A policy names its request types, severities (highest first) and plans; optionally a
// classification matrix (impact × urgency → severity); its calendars (calendar specs plus
// holiday rules, a zone that a tenant may override); the targets each (type, severity, plan)
// gets (`response`, `resolution`, `update`, … each with a calendar and an amount); the clock
// rules (which statuses pause, meet or cancel which targets, reopen and severity-change
// behaviour, warnings, escalation levels); the queue order; and availability targets.
// Policies are written in YAML (policies/README.md documents the schema); how each published
// agreement reads is fixed in policies/README.md, and business time in docs/semantics.md.
//
// Target lookup: a policy lists target rules, each matching a type, a severity and a plan by
// name or by `*`. For each target name, the matching rule with the most named (non-`*`)
// dimensions wins, so a file states the common case with `*` and overrides single cells. Two
// equally specific rules that both set a target for some cell are an error at load time. A
// ticket without a plan gets the default plan (the first listed unless `default_plan` says).
// Thread safety: a policy is an immutable value sharing its state; copies may be used from any
// number of threads.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sla/calendar.hpp>
#include <sla/error.hpp>
#include <sla/holiday.hpp>
#include <sla/time.hpp>

namespace sla {

// ---- Amounts --------------------------------------------------------------------------------

enum class amount_kind {
  none,               // no target (release-targeted, backlog)
  business_time,      // `15m`, `8h`, `2h30m`, `90s`: business time on the target's calendar
  business_days,      // `5 business days`: add_business_days on the target's calendar
  next_business_day,  // close of business of the first business date after the start's date
};

struct target_amount {
  amount_kind kind = amount_kind::none;
  std::chrono::seconds time{0};  // business_time
  int days = 0;                  // business_days
  friend bool operator==(const target_amount&, const target_amount&) = default;
};

// Parses `15m`, `8h`, `2h30m`, `90s`, `1d` (24h), `15 mins`, `2 hours`, `5 business days`,
// `1 business day`, `next business day`, `none`. Throws sla::error(invalid_argument) with the
// reason. Example: parse_target_amount("2h30m").time == 9000s.
target_amount parse_target_amount(std::string_view text);

// "2h30m", "5 business days", "next business day", "none".
std::string format_target_amount(const target_amount& a);

// ---- The policy ------------------------------------------------------------------------------

// A calendar as a policy declares it: a spec (holiday rules already expanded into dates), and
// whether a tenant may replace its zone.
struct policy_calendar {
  std::string name;
  calendar_spec spec;
  bool tenant_timezone = false;  // the caller's tenant zone replaces spec.timezone
  std::vector<holiday_rule> holiday_rules;  // as written, for listing (sla-calendar)
  // `holiday_sets: [{country: ticket, default: US}]`: the holidays of the ticket's country (its
  // own, else its region's, else `default_country`; empty: none) join the calendar's own. spec
  // and holiday_rules hold the default country's.
  bool holidays_by_country = false;
  std::string default_country;
};

// One target a ticket gets: its name, calendar and amount.
struct target_definition {
  std::string name;      // "response", "resolution", "acknowledgement", "update", …
  std::string calendar;  // a calendar of the policy, or a name its regions map (see regions())
  target_amount amount;
  std::string rule;      // provenance: where the rule that set it is written, "file:line:column"
  friend bool operator==(const target_definition&, const target_definition&) = default;
};

// What a target's clock does, as its clock definition (`clocks:`) and the defaults of `clock:`
// say together (docs/semantics.md 2.16). Event names are the built-in events' names
// (responded, customer_message, …) or the policy's own.
struct clock_trigger {
  enum class kind { created, event, status } on = kind::created;
  std::string name;  // the event or status
  friend bool operator==(const clock_trigger&, const clock_trigger&) = default;
};
enum class reopen_action { none, resume, restart };
struct clock_definition {
  std::string target;
  std::vector<clock_trigger> start;                 // starts a cycle of a clock that is not running
  std::vector<std::string> pause;                   // statuses in which it does not tick
  std::vector<std::string> meet_events, meet_statuses;
  std::vector<std::string> restart_events, restart_statuses;  // end the running cycle and start the next
  std::vector<std::string> cancel_events, cancel_statuses;
  bool repeat = false;                              // a met clock starts again at its next start trigger
  reopen_action reopen = reopen_action::none;       // what a reopening does to it when met
};

// How statuses and events act on targets (docs/semantics.md, part 2). A target list of
// ["*"] means every target.
struct clock_rules {
  std::map<std::string, std::vector<std::string>> pauses;       // status → targets it pauses
  std::map<std::string, std::vector<std::string>> met_by_status;  // entering the status meets these targets
  std::map<std::string, std::vector<std::string>> met_by_event;   // event (responded, updated, resolved, closed) → targets
  std::vector<std::string> cancel_statuses;  // entering one cancels every running target (as a `cancelled` event does)
  // The targets that a reopening (a `reopened` event, or leaving a meeting status for one that
  // meets nothing) resumes with their accrued time, when they are met. Others stay as they are.
  std::vector<std::string> resumable;
  std::vector<std::string> restartable;       // targets a reopening restarts from zero, as a new cycle
  bool restart_on_severity_change = false;    // false: recount from the original start (keep)
  std::vector<std::string> periodic_targets;  // restarted by each `updated` event (e.g. update)
};

// A warning or escalation threshold: crossed when accrued >= percent% of the target, or when
// the remaining business time is <= before_deadline.
struct threshold {
  std::string name;                // a warning's or escalation level's name
  std::optional<double> percent;   // of the target, e.g. 75.0 (at most three decimals)
  std::optional<std::chrono::seconds> before_deadline;  // business time left before the deadline
  std::vector<std::string> targets;  // empty: every target
};

struct queue_rules {
  std::vector<std::string> category_order;  // request types in service order
  struct tie_break {
    std::string field;        // "users_affected" or "created"
    bool descending = false;
    std::vector<std::string> types;  // empty: all types
  };
  std::vector<tie_break> tie_breaks;
};

struct availability_target {
  std::string component;
  double percent = 0;            // 99.9
  std::string period = "month";  // calendar months
  std::string timezone;          // the zone whose months count
  calendar_spec maintenance;     // maintenance windows, as a calendar (its open time is excluded)
};

struct policy_data;     // the loaded policy (src/policy/)
struct tenant_binding;  // its calendars compiled for one tenant zone and country
namespace detail {
struct policy_access;  // src/: reaches the loaded policy behind a value
}

class policy {
 public:
  // Loads a policy file; included holiday sets are read relative to the file's folder.
  // Throws sla::error for the first problem (file:line:column, path, message).
  static policy load(const std::string& path);
  // The same from text; `source` names it in errors, `base_dir` resolves included files.
  static policy parse(std::string_view text, const std::string& source, const std::string& base_dir = ".");

  const std::string& name() const noexcept;
  const std::string& source() const noexcept;
  const std::vector<std::string>& types() const noexcept;
  const std::vector<std::string>& severities() const noexcept;  // highest first
  const std::vector<std::string>& plans() const noexcept;       // may be empty
  const std::string& default_plan() const noexcept;             // empty when no plans
  const std::vector<std::string>& statuses() const noexcept;
  const std::vector<policy_calendar>& calendars() const noexcept;
  const clock_rules& clock() const noexcept;
  const std::vector<threshold>& warnings() const noexcept;
  const std::vector<threshold>& escalations() const noexcept;
  const queue_rules& queue() const noexcept;
  const std::vector<availability_target>& availability() const noexcept;
  // One clock definition per target name (docs/semantics.md 2.16), defaults applied.
  const std::vector<clock_definition>& clock_definitions() const noexcept;
  // The events the policy declares for its clock definitions, beyond the built-in ones.
  const std::vector<std::string>& events() const noexcept;
  // Regions: region → (calendar name a rule uses → the calendar the region uses instead).
  const std::map<std::string, std::map<std::string, std::string>>& regions() const noexcept;
  // The region names in regions() order: what resolved_event::region indexes. Empty when none.
  const std::vector<std::string>& region_names() const noexcept;
  // A region's country (empty region: the default region), "" when it names none.
  std::string country_of_region(std::string_view region) const;
  // The countries the policy's holiday library has sets for (ISO 3166 codes, sorted), when a
  // calendar takes the ticket's country; empty otherwise.
  const std::vector<std::string>& holiday_countries() const noexcept;
  const std::string& default_region() const noexcept;  // empty when the policy has no regions
  // The calendar a target rule's calendar name means in a region (the name itself when the
  // region does not map it). Throws sla::error(invalid_argument) for an unknown region.
  std::string calendar_in_region(std::string_view calendar, std::string_view region) const;

  // Free-form flags a host can read, e.g. {"hotfix_severities": ["p1"]}.
  const std::map<std::string, std::vector<std::string>>& flags() const noexcept;

  // impact × urgency → severity, when the policy classifies; std::nullopt otherwise or for
  // an unknown impact/urgency.
  std::optional<std::string> classify(std::string_view impact, std::string_view urgency) const;

  // The targets of a ticket, in the order the policy first names them. An empty plan means the
  // default plan. Throws sla::error(invalid_argument) naming an unknown type, severity or plan.
  std::vector<target_definition> targets_for(std::string_view type, std::string_view severity,
                                             std::string_view plan = {}) const;

  // A compiled calendar of the policy. `tenant_zone` replaces the zone of a calendar declared
  // with `timezone: {tenant: true, …}` (ignored for the others). Calendars are compiled at load
  // time; one with a tenant zone is compiled on first use and kept (thread-safe).
  // `country` chooses the holidays of a calendar that takes the ticket's country (empty: the
  // region's country, else the calendar's default).
  // Throws sla::error(invalid_argument) for an unknown name or a country without a holiday set,
  // unknown_time_zone for a bad zone.
  business_calendar calendar(std::string_view name, std::string_view tenant_zone = {}, std::string_view region = {},
                             std::string_view country = {}) const;

  // The deadline of a target whose clock starts at `start` and runs without pauses, as a ticket
  // clock counts it: add(start, amount) for business time; for `n business days` and `next
  // business day`, add(start, elapsed(start, landing)) — the landing of add_business_days /
  // next_business_day_close, or the close before it when the landing falls on an opening.
  // std::nullopt for amount_kind::none or "never".
  // Example (Mon–Fri 08:00–18:00 New York): 2 business days from Sunday 2026-11-22 land on
  // Wednesday 08:00, but the 20h of business time they span run out on Tuesday 18:00.
  // The target's calendar is the one `region` (empty: the default region) maps its name to.
  std::optional<instant> deadline(const target_definition& target, instant start, std::string_view tenant_zone = {},
                                  std::string_view region = {}, std::string_view country = {}) const;

 // The same policy with its calendars compiled for one tenant zone (replacing the zone of the
  // calendars that take a tenant's) and one country's holidays (for the calendars that take the
  // ticket's country; empty: each calendar's default): a value the host keeps per tenant. A
  // ticket evaluated on it with that zone and country reads these calendars with no lookup and
  // no lock; any other ticket is evaluated as on the plain policy (its calendars compiled on
  // first use into a cache shared by every copy of the policy, under a lock).
  // Throws unknown_time_zone for a bad zone, invalid_argument for a country without a set.
  // Example: auto london = policy.for_tenant("Europe/London"); evaluate(london, ticket, now).
  policy for_tenant(std::string_view zone, std::string_view country = {}) const;
  // The zone and country this value is bound to ("" when it is not).
  std::string_view tenant_zone() const noexcept;
  std::string_view tenant_country() const noexcept;

 private:
  friend struct detail::policy_access;
  explicit policy(std::shared_ptr<const policy_data> data) : data_(std::move(data)) {}
  std::shared_ptr<const policy_data> data_;
  std::shared_ptr<const tenant_binding> tenant_;  // none: not bound to a tenant
};

// Checks a policy file and returns every problem found (errors and warnings such as
// overlapping windows and unused calendars), without throwing. An unreadable file is one
// problem with code io in its message.
std::vector<problem> validate_policy_file(const std::string& path);
std::vector<problem> validate_policy(std::string_view text, const std::string& source, const std::string& base_dir = ".");

}  // namespace sla

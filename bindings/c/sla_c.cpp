// The C ABI (include/sla/sla.h) over the C++ library. Every entry point runs its body inside
// guarded(), which turns any exception into an sla_error, so none crosses the boundary.
#include <sla/sla.h>

#include <sla/sla.hpp>

#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "shared/bindings.hpp"

// ---- Handles and results: C++ values behind the opaque C types ---------------------------------

struct sla_policy {
  sla::policy value;
};

struct sla_calendar {
  sla::business_calendar value;
};

struct sla_tracker {
  sla::ticket_tracker value;
};

struct sla_deadlines {
  std::deque<std::string> text;  // the strings the views point into (a deque never moves them)
  std::vector<sla_deadline> items;
};

struct sla_evaluation {
  std::deque<std::string> text;
  std::deque<std::vector<const char*>> warnings;
  sla_ticket_result ticket{};
  std::vector<sla_target_result> targets;
};

namespace {

// ---- Errors ------------------------------------------------------------------------------------

// Handed out when even the error cannot be allocated; sla_error_free leaves it alone.
sla_error out_of_memory_error{SLA_ERROR_INTERNAL, "out of memory", "out of memory", "", 0, 0, ""};

char* copy_text(std::string_view s) noexcept {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (!out) return nullptr;
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

void free_error_fields(sla_error* e) noexcept {
  std::free(const_cast<char*>(e->text));
  std::free(const_cast<char*>(e->message));
  std::free(const_cast<char*>(e->file));
  std::free(const_cast<char*>(e->path));
}

sla_error* new_error(int code, std::string_view text, std::string_view message, const sla::source_position& where,
                     std::string_view path) noexcept {
  auto* e = static_cast<sla_error*>(std::calloc(1, sizeof(sla_error)));
  if (!e) return &out_of_memory_error;
  e->code = code;
  e->text = copy_text(text);
  e->message = copy_text(message);
  e->file = copy_text(where.source);
  e->path = copy_text(path);
  e->line = where.line;
  e->column = where.column;
  if (!e->text || !e->message || !e->file || !e->path) {
    free_error_fields(e);
    std::free(e);
    return &out_of_memory_error;
  }
  return e;
}

int code_of(sla::error_code code) { return static_cast<int>(code) + 1; }  // the enumerators in order

void report(sla_error** error, const sla::error& e) noexcept {
  if (error) *error = new_error(code_of(e.code()), e.what(), e.message(), e.where(), e.path());
}

void report_internal(sla_error** error, const char* what) noexcept {
  if (!error) return;
  try {
    std::string message = std::string("internal error: ") + what;
    *error = new_error(SLA_ERROR_INTERNAL, message, message, sla::source_position{}, {});
  } catch (...) {
    *error = &out_of_memory_error;
  }
}

// Runs `body` and returns its result; any exception becomes *error and `failure` is returned.
template <class Body, class Result>
Result guarded(sla_error** error, Result failure, Body&& body) noexcept {
  try {
    return body();
  } catch (const sla::error& e) {
    report(error, e);
  } catch (const std::bad_alloc&) {
    if (error) *error = &out_of_memory_error;
  } catch (const std::exception& e) {
    report_internal(error, e.what());
  } catch (...) {
    report_internal(error, "unknown exception");
  }
  return failure;
}

// ---- Arguments ---------------------------------------------------------------------------------

[[noreturn]] void invalid(const std::string& message) { throw sla::error(sla::error_code::invalid_argument, message); }

template <class Handle>
const Handle& required(const Handle* h, const char* function, const char* name) {
  if (!h) invalid(std::string(function) + ": " + name + " is NULL");
  return *h;
}

const char* required_text(const char* s, const char* function, const char* name) {
  if (!s) invalid(std::string(function) + ": " + name + " is NULL");
  return s;
}

template <class Out>
Out& required_out(Out* out, const char* function) {
  if (!out) invalid(std::string(function) + ": the output pointer is NULL");
  return *out;
}

std::string text_or_empty(const char* s) { return s ? std::string(s) : std::string(); }

sla::instant to_instant(int64_t t) { return sla::instant{std::chrono::seconds{t}}; }
int64_t to_seconds(sla::instant t) { return t.time_since_epoch().count(); }

// An optional instant as (SLA_OK, *out) or SLA_NEVER.
sla_status store(const std::optional<sla::instant>& t, int64_t* out) {
  if (!t) return SLA_NEVER;
  *out = to_seconds(*t);
  return SLA_OK;
}

// ---- Result views ------------------------------------------------------------------------------

const char* keep(std::deque<std::string>& text, std::string s) { return text.emplace_back(std::move(s)).c_str(); }

sla_deadlines* make_deadlines(const std::vector<sla_bindings::new_ticket_target>& rows) {
  auto out = std::make_unique<sla_deadlines>();
  for (const auto& r : rows) {
    sla_deadline d{};
    d.name = keep(out->text, r.target.name);
    d.calendar = keep(out->text, r.calendar);
    d.amount = keep(out->text, sla::format_target_amount(r.target.amount));
    d.starts = keep(out->text, r.starts);
    d.has_deadline = r.deadline.has_value();
    d.deadline = r.deadline ? to_seconds(*r.deadline) : 0;
    d.has_amount_seconds = r.amount_seconds.has_value();
    d.amount_seconds = r.amount_seconds ? r.amount_seconds->count() : 0;
    d.rule = keep(out->text, r.target.rule);
    out->items.push_back(d);
  }
  return out.release();
}

sla_target_result target_view(sla_evaluation& owner, const sla::target_status& s) {
  sla_target_result t{};
  t.name = keep(owner.text, s.name);
  t.calendar = keep(owner.text, s.calendar);
  t.amount = keep(owner.text, sla::format_target_amount(s.amount));
  t.state = keep(owner.text, std::string(sla::to_string(s.state)));
  t.has_deadline = s.deadline.has_value();
  t.deadline = s.deadline ? to_seconds(*s.deadline) : 0;
  t.has_met_at = s.met_at.has_value();
  t.met_at = s.met_at ? to_seconds(*s.met_at) : 0;
  t.has_breached_at = s.breached_at.has_value();
  t.breached_at = s.breached_at ? to_seconds(*s.breached_at) : 0;
  t.target_seconds = s.target.count();
  t.accrued_seconds = s.accrued.count();
  t.remaining_seconds = s.remaining.count();
  t.percent = s.percent;
  auto& names = owner.warnings.emplace_back();
  for (const auto& w : s.warnings) names.push_back(keep(owner.text, w));
  t.warning_count = names.size();
  t.warnings = names.data();
  t.escalation = s.escalation ? keep(owner.text, *s.escalation) : nullptr;
  t.cycles = s.cycles;
  t.completed_cycle_count = s.completed.size();
  t.rule = keep(owner.text, s.rule);
  return t;
}

sla_evaluation* make_evaluation(const std::string& ticket, const sla::ticket_evaluation& ev) {
  auto out = std::make_unique<sla_evaluation>();
  sla_ticket_result& t = out->ticket;
  t.ticket = keep(out->text, ticket);
  t.type = keep(out->text, ev.type);
  t.severity = keep(out->text, ev.severity);
  t.plan = keep(out->text, ev.plan);
  t.region = keep(out->text, ev.region);
  t.country = keep(out->text, ev.country);
  t.has_next_change = ev.next_change.has_value();
  t.next_change = ev.next_change ? to_seconds(*ev.next_change) : 0;
  t.target_count = ev.targets.size();
  for (const auto& s : ev.targets) out->targets.push_back(target_view(*out, s));
  return out.release();
}

// The event sla_tracker_append describes.
sla::ticket_event make_event(int64_t at, const char* event, const char* const* fields) {
  sla::ticket_event e;
  e.at = to_instant(at);
  if (!event) invalid("sla_tracker_append: event is NULL");
  sla_bindings::set_event_kind(e, event);
  for (std::size_t i = 0; fields && fields[i]; i += 2) {
    if (!fields[i + 1]) invalid(std::string("sla_tracker_append: field \"") + fields[i] + "\" has no value");
    sla_bindings::set_event_field(e, fields[i], fields[i + 1]);
  }
  return e;
}

}  // namespace

// ---- Errors, strings, instants -----------------------------------------------------------------

extern "C" {

void sla_error_free(sla_error* error) {
  if (!error || error == &out_of_memory_error) return;
  free_error_fields(error);
  std::free(error);
}

const char* sla_error_code_name(int code) {
  switch (code) {
    case SLA_ERROR_INVALID_TIMESTAMP: return "invalid_timestamp";
    case SLA_ERROR_OUT_OF_RANGE: return "out_of_range";
    case SLA_ERROR_UNKNOWN_TIME_ZONE: return "unknown_time_zone";
    case SLA_ERROR_INVALID_CALENDAR: return "invalid_calendar";
    case SLA_ERROR_INVALID_POLICY: return "invalid_policy";
    case SLA_ERROR_INVALID_ARGUMENT: return "invalid_argument";
    case SLA_ERROR_IO: return "io";
    case SLA_ERROR_INTERNAL: return "internal";
    default: return "unknown";
  }
}

const char* sla_version(void) { return SLA_VERSION_STRING; }

void sla_string_free(char* text) { std::free(text); }

sla_status sla_parse_instant(const char* text, int64_t* out, sla_error** error) {
  return guarded(error, SLA_FAILED, [&] {
    required_out(out, "sla_parse_instant") = to_seconds(sla::parse_instant(required_text(text, "sla_parse_instant", "text")));
    return SLA_OK;
  });
}

char* sla_format_instant(int64_t t, sla_error** error) {
  return guarded(error, static_cast<char*>(nullptr), [&] {
    sla::instant at = to_instant(t);
    if (at < sla::min_instant || at > sla::max_instant)
      throw sla::error(sla::error_code::out_of_range,
                       std::to_string(t) + " seconds since 1970 is outside 1900-01-01T00:00:00Z .. 2200-01-01T00:00:00Z");
    char* out = copy_text(sla::format_instant(at));
    if (!out) throw std::bad_alloc();
    return out;
  });
}

// ---- Policies ----------------------------------------------------------------------------------

sla_policy* sla_policy_load(const char* path, sla_error** error) {
  return guarded(error, static_cast<sla_policy*>(nullptr), [&] {
    return new sla_policy{sla::policy::load(required_text(path, "sla_policy_load", "path"))};
  });
}

sla_policy* sla_policy_parse(const char* text, size_t length, const char* source, const char* base_dir,
                             sla_error** error) {
  return guarded(error, static_cast<sla_policy*>(nullptr), [&] {
    std::string_view body(required_text(text, "sla_policy_parse", "text"), length);
    return new sla_policy{sla::policy::parse(body, source ? source : "<text>", base_dir ? base_dir : ".")};
  });
}

void sla_policy_free(sla_policy* policy) { delete policy; }

const char* sla_policy_name(const sla_policy* policy) { return policy ? policy->value.name().c_str() : ""; }

sla_deadlines* sla_policy_deadlines(const sla_policy* policy, const char* type, const char* severity, const char* plan,
                                    int64_t created, const char* tenant_zone, const char* region, const char* country,
                                    sla_error** error) {
  return guarded(error, static_cast<sla_deadlines*>(nullptr), [&] {
    const auto& p = required(policy, "sla_policy_deadlines", "policy").value;
    sla_bindings::new_ticket t{text_or_empty(type),   text_or_empty(severity), text_or_empty(plan),
                               text_or_empty(region), text_or_empty(country),  text_or_empty(tenant_zone),
                               to_instant(created)};
    return make_deadlines(sla_bindings::new_ticket_deadlines(p, t));
  });
}

size_t sla_deadlines_count(const sla_deadlines* deadlines) { return deadlines ? deadlines->items.size() : 0; }

const sla_deadline* sla_deadlines_at(const sla_deadlines* deadlines, size_t i) {
  return deadlines && i < deadlines->items.size() ? &deadlines->items[i] : nullptr;
}

void sla_deadlines_free(sla_deadlines* deadlines) { delete deadlines; }

// ---- Calendars ---------------------------------------------------------------------------------

sla_calendar* sla_calendar_parse(const char* spec, sla_error** error) {
  return guarded(error, static_cast<sla_calendar*>(nullptr), [&] {
    return new sla_calendar{sla::business_calendar(sla::parse_calendar_spec(required_text(spec, "sla_calendar_parse", "spec")))};
  });
}

sla_calendar* sla_policy_calendar(const sla_policy* policy, const char* name, const char* tenant_zone,
                                  const char* region, const char* country, sla_error** error) {
  return guarded(error, static_cast<sla_calendar*>(nullptr), [&] {
    const auto& p = required(policy, "sla_policy_calendar", "policy").value;
    return new sla_calendar{p.calendar(required_text(name, "sla_policy_calendar", "name"), text_or_empty(tenant_zone),
                                       text_or_empty(region), text_or_empty(country))};
  });
}

void sla_calendar_free(sla_calendar* calendar) { delete calendar; }

sla_status sla_calendar_add(const sla_calendar* calendar, int64_t t, int64_t seconds, int64_t* out, sla_error** error) {
  return guarded(error, SLA_FAILED, [&] {
    const auto& c = required(calendar, "sla_calendar_add", "calendar").value;
    return store(c.add(to_instant(t), std::chrono::seconds{seconds}), &required_out(out, "sla_calendar_add"));
  });
}

sla_status sla_calendar_subtract(const sla_calendar* calendar, int64_t t, int64_t seconds, int64_t* out,
                                 sla_error** error) {
  return guarded(error, SLA_FAILED, [&] {
    const auto& c = required(calendar, "sla_calendar_subtract", "calendar").value;
    return store(c.subtract(to_instant(t), std::chrono::seconds{seconds}), &required_out(out, "sla_calendar_subtract"));
  });
}

sla_status sla_calendar_elapsed(const sla_calendar* calendar, int64_t a, int64_t b, int64_t* out_seconds,
                                sla_error** error) {
  return guarded(error, SLA_FAILED, [&] {
    const auto& c = required(calendar, "sla_calendar_elapsed", "calendar").value;
    required_out(out_seconds, "sla_calendar_elapsed") = c.elapsed(to_instant(a), to_instant(b)).count();
    return SLA_OK;
  });
}

sla_status sla_calendar_is_open(const sla_calendar* calendar, int64_t t, int* out_open, sla_error** error) {
  return guarded(error, SLA_FAILED, [&] {
    const auto& c = required(calendar, "sla_calendar_is_open", "calendar").value;
    required_out(out_open, "sla_calendar_is_open") = c.is_open(to_instant(t)) ? 1 : 0;
    return SLA_OK;
  });
}

sla_status sla_calendar_next_open(const sla_calendar* calendar, int64_t t, int64_t* out, sla_error** error) {
  return guarded(error, SLA_FAILED, [&] {
    const auto& c = required(calendar, "sla_calendar_next_open", "calendar").value;
    return store(c.next_open(to_instant(t)), &required_out(out, "sla_calendar_next_open"));
  });
}

sla_status sla_calendar_next_close(const sla_calendar* calendar, int64_t t, int64_t* out, sla_error** error) {
  return guarded(error, SLA_FAILED, [&] {
    const auto& c = required(calendar, "sla_calendar_next_close", "calendar").value;
    return store(c.next_close(to_instant(t)), &required_out(out, "sla_calendar_next_close"));
  });
}

sla_status sla_calendar_add_business_days(const sla_calendar* calendar, int64_t t, int days, int64_t* out,
                                          sla_error** error) {
  return guarded(error, SLA_FAILED, [&] {
    const auto& c = required(calendar, "sla_calendar_add_business_days", "calendar").value;
    return store(c.add_business_days(to_instant(t), days), &required_out(out, "sla_calendar_add_business_days"));
  });
}

sla_status sla_calendar_next_business_day_close(const sla_calendar* calendar, int64_t t, int64_t* out,
                                                sla_error** error) {
  return guarded(error, SLA_FAILED, [&] {
    const auto& c = required(calendar, "sla_calendar_next_business_day_close", "calendar").value;
    return store(c.next_business_day_close(to_instant(t)), &required_out(out, "sla_calendar_next_business_day_close"));
  });
}

// ---- Tickets -----------------------------------------------------------------------------------

sla_tracker* sla_tracker_new(const sla_policy* policy, const char* ticket_id, sla_error** error) {
  return guarded(error, static_cast<sla_tracker*>(nullptr), [&] {
    const auto& p = required(policy, "sla_tracker_new", "policy").value;
    return new sla_tracker{sla::ticket_tracker(p, required_text(ticket_id, "sla_tracker_new", "ticket_id"))};
  });
}

void sla_tracker_free(sla_tracker* tracker) { delete tracker; }

sla_status sla_tracker_append(sla_tracker* tracker, int64_t at, const char* event, const char* const* fields,
                              sla_error** error) {
  return guarded(error, SLA_FAILED, [&] {
    if (!tracker) invalid("sla_tracker_append: tracker is NULL");
    tracker->value.append(make_event(at, event, fields));
    return SLA_OK;
  });
}

sla_evaluation* sla_tracker_evaluate(const sla_tracker* tracker, int64_t now, sla_error** error) {
  return guarded(error, static_cast<sla_evaluation*>(nullptr), [&] {
    const auto& t = required(tracker, "sla_tracker_evaluate", "tracker").value;
    return make_evaluation(t.history().id(), t.evaluate(to_instant(now)));
  });
}

char* sla_tracker_evaluate_json(const sla_tracker* tracker, int64_t now, sla_error** error) {
  return guarded(error, static_cast<char*>(nullptr), [&] {
    const auto& t = required(tracker, "sla_tracker_evaluate_json", "tracker").value;
    char* out = copy_text(sla_bindings::evaluation_json(t.history().id(), t.evaluate(to_instant(now))));
    if (!out) throw std::bad_alloc();
    return out;
  });
}

const sla_ticket_result* sla_evaluation_ticket(const sla_evaluation* evaluation) {
  return evaluation ? &evaluation->ticket : nullptr;
}

const sla_target_result* sla_evaluation_target(const sla_evaluation* evaluation, size_t i) {
  return evaluation && i < evaluation->targets.size() ? &evaluation->targets[i] : nullptr;
}

void sla_evaluation_free(sla_evaluation* evaluation) { delete evaluation; }

}  // extern "C"

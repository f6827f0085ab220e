/* sla/sla.h — the C ABI of sla-engine (library sla_c, CMake target sla::c).
 *
 * For hosts that are not C++: C itself, and through an FFI Ruby, PHP, Python, Perl, Java, Go…
 * Opaque handles for a loaded policy (sla_policy), a compiled calendar (sla_calendar), a ticket
 * tracker (sla_tracker) and the results they give (sla_deadlines, sla_evaluation); plain structs
 * for what a caller reads (sla_error, sla_deadline, sla_ticket_result, sla_target_result).
 *
 * Conventions
 * - Instants are int64_t seconds since 1970-01-01T00:00:00Z (UTC, no leap seconds), in the
 *   supported range 1900-01-01T00:00:00Z .. 2200-01-01T00:00:00Z; durations are int64_t seconds.
 * - Text is UTF-8 and NUL-terminated. A NULL string argument means "not given", like "".
 * - Functions that can fail take `sla_error** error` last. On failure they return NULL (or
 *   SLA_FAILED) and, when `error` is not NULL, store a new sla_error there that the caller frees
 *   with sla_error_free. On success *error is left untouched. No C++ exception ever leaves a
 *   function of this header: every one is caught and becomes an sla_error (code
 *   SLA_ERROR_INTERNAL for an exhausted memory or anything unexpected).
 * - Every handle and result is freed by its own *_free function, which accepts NULL. Strings
 *   inside a result live as long as the result; strings returned as `char*` are freed with
 *   sla_string_free.
 * - The library allocates every struct it returns and only ever appends fields to them, so a
 *   caller compiled against this header keeps working with later versions.
 * - Thread safety is stated per function. In short: policies and calendars are immutable and
 *   may be used from any number of threads at once; a tracker may be evaluated from several
 *   threads at once but not appended to while anything else uses it; results and errors are
 *   plain values owned by whoever holds them.
 */
#ifndef SLA_SLA_H
#define SLA_SLA_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define SLA_C_API __declspec(dllexport)
#else
#define SLA_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Errors ------------------------------------------------------------------------------ */

/* The kind of problem; the first seven are sla::error_code's (sla/error.hpp). */
typedef enum sla_error_code {
  SLA_ERROR_INVALID_TIMESTAMP = 1, /* not RFC 3339, no offset, impossible date or time */
  SLA_ERROR_OUT_OF_RANGE = 2,      /* an instant outside the supported range */
  SLA_ERROR_UNKNOWN_TIME_ZONE = 3, /* a zone the tz database does not have */
  SLA_ERROR_INVALID_CALENDAR = 4,  /* a malformed calendar spec */
  SLA_ERROR_INVALID_POLICY = 5,    /* a malformed or inconsistent policy */
  SLA_ERROR_INVALID_ARGUMENT = 6,  /* a well-formed value that is not acceptable (unknown status, NULL handle, …) */
  SLA_ERROR_IO = 7,                /* a file that cannot be read */
  SLA_ERROR_INTERNAL = 100         /* out of memory, or an unexpected failure inside the library */
} sla_error_code;

/* What went wrong and where. `text` is the whole one-line message,
 * "file:line:column: key.path: message (hint)", leaving out the parts that are unknown;
 * `message` is the message alone. `file` and `path` are "" and `line`/`column` 0 when unknown. */
typedef struct sla_error {
  int code;            /* an sla_error_code */
  const char* text;    /* e.g. "policies/acme.yaml:14:7: targets[2].response: expected a duration such as \"4h\", got \"soon\"" */
  const char* message; /* e.g. "expected a duration such as \"4h\", got \"soon\"" */
  const char* file;    /* e.g. "policies/acme.yaml" */
  int line;            /* 1-based */
  int column;          /* 1-based */
  const char* path;    /* e.g. "targets[2].response" */
} sla_error;

/* Frees an error. Thread safety: as free(): once, by its owner. */
SLA_C_API void sla_error_free(sla_error* error);

/* "invalid_policy", … for an sla_error_code; "unknown" otherwise. A static string.
 * Thread safety: any thread. */
SLA_C_API const char* sla_error_code_name(int code);

/* Results of the functions that can also answer "never". */
typedef enum sla_status {
  SLA_OK = 0,     /* *out holds the answer */
  SLA_NEVER = 1,  /* there is no answer: no business time ahead (or before), or it would leave the range */
  SLA_FAILED = -1 /* an error: see *error */
} sla_status;

/* ---- Strings and instants ---------------------------------------------------------------- */

/* The library's version, "0.1.0". A static string. Thread safety: any thread. */
SLA_C_API const char* sla_version(void);

/* Frees a string returned by this library (sla_format_instant, sla_tracker_evaluate_json).
 * Thread safety: as free(). */
SLA_C_API void sla_string_free(char* text);

/* Parses strict RFC 3339 with an offset ("2026-03-06T16:30:00-05:00") into *out.
 * SLA_OK or SLA_FAILED (invalid_timestamp, out_of_range). Thread safety: any thread. */
SLA_C_API sla_status sla_parse_instant(const char* text, int64_t* out, sla_error** error);

/* "YYYY-MM-DDTHH:MM:SSZ", to free with sla_string_free; NULL with an error for an instant
 * outside the supported range. Thread safety: any thread. */
SLA_C_API char* sla_format_instant(int64_t t, sla_error** error);

/* ---- Policies ---------------------------------------------------------------------------- */

typedef struct sla_policy sla_policy;

/* Loads a policy file (YAML, policies/README.md); its holiday sets are read relative to its
 * folder. NULL with an error (file, line, column, key path) for the first problem.
 * Thread safety: any thread; concurrent loads are independent. */
SLA_C_API sla_policy* sla_policy_load(const char* path, sla_error** error);

/* The same from text of `length` bytes; `source` names it in errors, `base_dir` (NULL: ".")
 * resolves included files. Thread safety: any thread. */
SLA_C_API sla_policy* sla_policy_parse(const char* text, size_t length, const char* source, const char* base_dir,
                                       sla_error** error);

/* Frees a policy. Trackers and calendars made from it stay valid (they share its state).
 * Thread safety: once, when no other thread uses this handle. */
SLA_C_API void sla_policy_free(sla_policy* policy);

/* The policy's name (its `policy:` key); lives as long as the handle. Thread safety: any thread. */
SLA_C_API const char* sla_policy_name(const sla_policy* policy);

/* One target of a new ticket, as sla-deadline reports it. */
typedef struct sla_deadline {
  const char* name;        /* "response", "resolution", … */
  const char* calendar;    /* the calendar its clock runs on in the ticket's region; "" none */
  const char* amount;      /* "15m", "5 business days", "next business day", "none" */
  const char* starts;      /* "created", or what starts the clock later: "event escalated", "status open" */
  int has_deadline;        /* 1 when the clock starts at the creation and a deadline comes */
  int64_t deadline;        /* when has_deadline: the deadline if the clock runs without pauses */
  int has_amount_seconds;  /* 1 when the amount is known as business time */
  int64_t amount_seconds;  /* the amount as business time from the creation (business days converted) */
  const char* rule;        /* where the rule that set it is written, "file:line:column" */
} sla_deadline;

typedef struct sla_deadlines sla_deadlines;

/* The targets of a ticket of `type`, `severity` and `plan` created at `created`, with their
 * deadlines when it runs without pauses. NULL or "" for `type`/`severity` when the policy has
 * one (or none), for `plan` and `region` the policy's defaults, for `country` the region's,
 * for `tenant_zone` none. NULL with an error naming an unknown type, severity, plan, region,
 * country or zone. Thread safety: any thread, on a shared policy. */
SLA_C_API sla_deadlines* sla_policy_deadlines(const sla_policy* policy, const char* type, const char* severity,
                                              const char* plan, int64_t created, const char* tenant_zone,
                                              const char* region, const char* country, sla_error** error);
/* How many targets, and the i-th (NULL when i >= count), in the order the policy names them.
 * Thread safety: any thread (the result is not modified). */
SLA_C_API size_t sla_deadlines_count(const sla_deadlines* deadlines);
SLA_C_API const sla_deadline* sla_deadlines_at(const sla_deadlines* deadlines, size_t i);
/* Thread safety: once, by its owner. */
SLA_C_API void sla_deadlines_free(sla_deadlines* deadlines);

/* ---- Calendars --------------------------------------------------------------------------- */

typedef struct sla_calendar sla_calendar;

/* Compiles a calendar spec written in YAML or JSON (README "Calendar specs"), e.g.
 * {"timezone": "America/New_York", "hours": {"mon-fri": ["08:00-18:00"]}}. NULL with an error
 * (line, column, key path) when the spec is malformed or its zone unknown.
 * Thread safety: any thread. */
SLA_C_API sla_calendar* sla_calendar_parse(const char* spec, sla_error** error);

/* A calendar of a policy, by the name its target rules use. `tenant_zone` replaces the zone
 * of a calendar declared `timezone: {tenant: true}`; `region` maps the name as the policy's
 * regions say; `country` picks the holidays of a calendar that takes the ticket's country
 * (NULL: none/defaults). Thread safety: any thread, on a shared policy. */
SLA_C_API sla_calendar* sla_policy_calendar(const sla_policy* policy, const char* name, const char* tenant_zone,
                                            const char* region, const char* country, sla_error** error);

/* Thread safety: once, when no other thread uses this handle. */
SLA_C_API void sla_calendar_free(sla_calendar* calendar);

/* The arithmetic (sla/calendar.hpp gives each contract with examples). Every one returns
 * SLA_OK with the answer in *out, SLA_NEVER when the answer does not exist, or SLA_FAILED with
 * an error (out_of_range for an instant outside the supported range).
 * Thread safety: every one is safe from any number of threads at once on one calendar. */

/* The earliest u >= t with elapsed(t, u) == seconds (a negative amount subtracts). */
SLA_C_API sla_status sla_calendar_add(const sla_calendar* calendar, int64_t t, int64_t seconds, int64_t* out,
                                      sla_error** error);
/* The latest u <= t with elapsed(u, t) == seconds. */
SLA_C_API sla_status sla_calendar_subtract(const sla_calendar* calendar, int64_t t, int64_t seconds, int64_t* out,
                                           sla_error** error);
/* The business time in [a, b), in seconds (0 when b <= a); never SLA_NEVER. */
SLA_C_API sla_status sla_calendar_elapsed(const sla_calendar* calendar, int64_t a, int64_t b, int64_t* out_seconds,
                                          sla_error** error);
/* *out_open = 1 when the second [t, t+1) is business time, else 0; never SLA_NEVER. */
SLA_C_API sla_status sla_calendar_is_open(const sla_calendar* calendar, int64_t t, int* out_open, sla_error** error);
/* The earliest business instant at or after t. */
SLA_C_API sla_status sla_calendar_next_open(const sla_calendar* calendar, int64_t t, int64_t* out, sla_error** error);
/* The earliest instant at or after t that is not business time. */
SLA_C_API sla_status sla_calendar_next_close(const sla_calendar* calendar, int64_t t, int64_t* out, sla_error** error);
/* The same wall-clock time on the days-th following business date (days >= 0). */
SLA_C_API sla_status sla_calendar_add_business_days(const sla_calendar* calendar, int64_t t, int days, int64_t* out,
                                                    sla_error** error);
/* The last close of the first business date after t's local date ("next business day"). */
SLA_C_API sla_status sla_calendar_next_business_day_close(const sla_calendar* calendar, int64_t t, int64_t* out,
                                                          sla_error** error);

/* ---- Tickets ----------------------------------------------------------------------------- */

typedef struct sla_tracker sla_tracker;

/* A ticket with no events yet, evaluated against `policy` (which it shares: the policy
 * handle may be freed first). Thread safety: any thread, on a shared policy. */
SLA_C_API sla_tracker* sla_tracker_new(const sla_policy* policy, const char* ticket_id, sla_error** error);

/* Thread safety: once, when no other thread uses this handle. */
SLA_C_API void sla_tracker_free(sla_tracker* tracker);

/* Appends one event at `at`: `event` is created, status, responded, customer_message, note,
 * updated, resolved, closed, reopened, severity, type, plan, region, cancelled, or an event the
 * policy declares. `fields` is NULL or a NULL-terminated list of name, value pairs with the
 * names of sla-check's input (README, "Input of the ticket tools"): type, severity, plan,
 * region, timezone, country, status, users_affected — e.g.
 *   const char* fields[] = {"type", "incident", "severity", "urgent", NULL};
 * SLA_OK, or SLA_FAILED with an error naming the ticket and event (an event before `created`,
 * a field the event does not take, an unknown status, …); a rejected event leaves the tracker
 * as it was. Events may come in any order: an earlier one replays the history.
 * Thread safety: not concurrently with any other call on the same tracker. */
SLA_C_API sla_status sla_tracker_append(sla_tracker* tracker, int64_t at, const char* event, const char* const* fields,
                                        sla_error** error);

/* One target of an evaluated ticket (sla::target_status, sla/ticket.hpp). */
typedef struct sla_target_result {
  const char* name;      /* "response" */
  const char* calendar;  /* "" none */
  const char* amount;    /* "15m", "none", … */
  const char* state;     /* running, paused, met, breached, cancelled, not_applicable, not_started */
  int has_deadline;
  int64_t deadline;
  int has_met_at;
  int64_t met_at;
  int has_breached_at;
  int64_t breached_at;
  int64_t target_seconds;
  int64_t accrued_seconds;
  int64_t remaining_seconds; /* negative once overdue */
  double percent;            /* accrued / target × 100 */
  size_t warning_count;
  const char* const* warnings; /* names of the warnings crossed, in policy order */
  const char* escalation;      /* the last escalation level crossed; NULL when none */
  int cycles;
  size_t completed_cycle_count; /* cycles that ended; sla_tracker_evaluate_json lists them */
  const char* rule;             /* "file:line:column" */
} sla_target_result;

/* The ticket as a whole. */
typedef struct sla_ticket_result {
  const char* ticket;
  const char* type;
  const char* severity; /* "" when the policy has none */
  const char* plan;     /* "" when the policy has none */
  const char* region;   /* "" when the policy has none */
  const char* country;  /* "" when none */
  int has_next_change;
  int64_t next_change;  /* when a state, warning or escalation changes next if no event arrives */
  size_t target_count;
} sla_ticket_result;

typedef struct sla_evaluation sla_evaluation;

/* The ticket's clocks at `now` (events after `now` are ignored). NULL with an error when the
 * history does not fit the policy, has no `created` event yet, or `now` is before the creation.
 * Thread safety: concurrently with other evaluations of the same tracker, not with an append. */
SLA_C_API sla_evaluation* sla_tracker_evaluate(const sla_tracker* tracker, int64_t now, sla_error** error);

/* The same as the JSON line sla-check writes for the ticket (no newline), to free with
 * sla_string_free: {"ticket": …, "type": …, "targets": [{"name": "response", …}], "next_change": …}.
 * Thread safety: as sla_tracker_evaluate. */
SLA_C_API char* sla_tracker_evaluate_json(const sla_tracker* tracker, int64_t now, sla_error** error);

/* The ticket, and its i-th target (NULL when i >= target_count), in policy order.
 * Thread safety: any thread (the result is not modified). */
SLA_C_API const sla_ticket_result* sla_evaluation_ticket(const sla_evaluation* evaluation);
SLA_C_API const sla_target_result* sla_evaluation_target(const sla_evaluation* evaluation, size_t i);
/* Thread safety: once, by its owner. */
SLA_C_API void sla_evaluation_free(sla_evaluation* evaluation);

#ifdef __cplusplus
}
#endif

#endif /* SLA_SLA_H */

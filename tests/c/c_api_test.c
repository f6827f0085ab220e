/* The C ABI (include/sla/sla.h) from C: policies, deadlines, calendar arithmetic across a DST
 * change and a holiday, trackers, the sla-check JSON line, and errors that say what and where.
 * Expected values are worked out by hand from the policy text and the calendar specs (the
 * arithmetic is in the comments); the JSON line is compared with sla-check's, run as a program.
 *
 *   sla-c-test POLICIES_DIR SLA_CHECK_PROGRAM
 */
#include <sla/sla.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                      \
  do {                                                                   \
    if (!(cond)) {                                                       \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                        \
    }                                                                    \
  } while (0)

static const char* policies_dir;
static const char* sla_check;

/* Seconds since 1970 for RFC 3339 text (the library's parser; its own tests cover it). */
static int64_t at(const char* text) {
  int64_t t = 0;
  sla_error* e = NULL;
  if (sla_parse_instant(text, &t, &e) != SLA_OK) {
    fprintf(stderr, "cannot parse %s: %s\n", text, e->text);
    exit(2);
  }
  return t;
}

static sla_policy* load_seed(const char* name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", policies_dir, name);
  sla_error* e = NULL;
  sla_policy* p = sla_policy_load(path, &e);
  if (!p) {
    fprintf(stderr, "cannot load %s: %s\n", path, e->text);
    exit(2);
  }
  return p;
}

static const sla_deadline* find_deadline(const sla_deadlines* list, const char* name) {
  for (size_t i = 0; i < sla_deadlines_count(list); ++i)
    if (strcmp(sla_deadlines_at(list, i)->name, name) == 0) return sla_deadlines_at(list, i);
  return NULL;
}

static void test_incident_deadlines(void) {
  /* avallain.yaml: incident/urgent on `always` (24/7 UTC): response 15m, resolution 8h.
   * Created 2026-11-23T10:00:00Z: response 10:15:00Z, resolution 18:00:00Z. */
  sla_policy* p = load_seed("avallain.yaml");
  CHECK(strcmp(sla_policy_name(p), "avallain") == 0);
  sla_error* e = NULL;
  sla_deadlines* d = sla_policy_deadlines(p, "incident", "urgent", NULL, at("2026-11-23T10:00:00Z"), NULL, NULL, NULL, &e);
  CHECK(d != NULL && e == NULL);
  CHECK(sla_deadlines_count(d) == 2);
  const sla_deadline* response = find_deadline(d, "response");
  const sla_deadline* resolution = find_deadline(d, "resolution");
  CHECK(response && response->has_deadline && response->deadline == at("2026-11-23T10:15:00Z"));
  CHECK(response && strcmp(response->amount, "15m") == 0 && strcmp(response->calendar, "always") == 0);
  CHECK(response && strcmp(response->starts, "created") == 0 && response->amount_seconds == 900);
  CHECK(resolution && resolution->has_deadline && resolution->deadline == at("2026-11-23T18:00:00Z"));
  CHECK(sla_deadlines_at(d, 2) == NULL);
  sla_deadlines_free(d);
  sla_policy_free(p);
}

static void test_bug_deadlines_over_a_weekend(void) {
  /* avallain.yaml: bug/urgent on `working-days` (Mon–Fri 00:00–24:00 UTC): response 24h,
   * resolution 5 business days. Created Friday 2026-11-27T15:00:00Z:
   *   response: Friday 15:00–24:00 is 9h, Monday 00:00 + 15h → Mon 2026-11-30T15:00:00Z;
   *   resolution: the 5th business date after Friday is Friday 2026-12-04, at 15:00 → 432,000 s
   *   (5 × 24h) of business time. A bug/normal has resolution `none`: no deadline. */
  sla_policy* p = load_seed("avallain.yaml");
  sla_error* e = NULL;
  sla_deadlines* d = sla_policy_deadlines(p, "bug", "urgent", "", at("2026-11-27T15:00:00Z"), "", "", "", &e);
  CHECK(d != NULL);
  const sla_deadline* response = find_deadline(d, "response");
  const sla_deadline* resolution = find_deadline(d, "resolution");
  CHECK(response && response->deadline == at("2026-11-30T15:00:00Z"));
  CHECK(resolution && resolution->deadline == at("2026-12-04T15:00:00Z"));
  CHECK(resolution && strcmp(resolution->amount, "5 business days") == 0 && resolution->amount_seconds == 432000);
  sla_deadlines_free(d);

  d = sla_policy_deadlines(p, "bug", "normal", NULL, at("2026-11-27T15:00:00Z"), NULL, NULL, NULL, &e);
  resolution = find_deadline(d, "resolution");
  CHECK(resolution && !resolution->has_deadline && strcmp(resolution->amount, "none") == 0);
  sla_deadlines_free(d);
  sla_policy_free(p);
}

static const char* new_york =
    "{\"timezone\": \"America/New_York\", \"hours\": {\"mon-fri\": [\"08:00-18:00\"]}, \"holidays\": [\"2026-11-26\"]}";

static void test_calendar_dst_week(void) {
  /* Mon–Fri 08:00–18:00 New York. Clocks go forward on Sunday 2026-03-08 (EST −5 → EDT −4).
   * add(Fri 16:30 EST = 21:30Z, 4h): 1h30 on Friday, 2h30 from Monday 08:00 EDT (12:00Z) → 14:30Z.
   * elapsed(Fri 21:00Z = 16:00 EST, Mon 14:00Z = 10:00 EDT) = 2h + 2h = 14,400 s.
   * next_open(Sat 12:00Z) = Mon 08:00 EDT = 12:00Z (an hour earlier in UTC than the week before).
   * subtract(Mon 12:30Z = 08:30 EDT, 1h): 30 min on Monday, 30 min before Friday's 18:00 EST
   * close (23:00Z) → Fri 22:30Z. */
  sla_error* e = NULL;
  sla_calendar* c = sla_calendar_parse(new_york, &e);
  CHECK(c != NULL);
  int64_t out = 0;
  CHECK(sla_calendar_add(c, at("2026-03-06T21:30:00Z"), 4 * 3600, &out, &e) == SLA_OK && out == at("2026-03-09T14:30:00Z"));
  CHECK(sla_calendar_elapsed(c, at("2026-03-06T21:00:00Z"), at("2026-03-09T14:00:00Z"), &out, &e) == SLA_OK && out == 14400);
  CHECK(sla_calendar_next_open(c, at("2026-03-07T12:00:00Z"), &out, &e) == SLA_OK && out == at("2026-03-09T12:00:00Z"));
  CHECK(sla_calendar_subtract(c, at("2026-03-09T12:30:00Z"), 3600, &out, &e) == SLA_OK && out == at("2026-03-06T22:30:00Z"));
  CHECK(sla_calendar_next_close(c, at("2026-03-09T14:00:00Z"), &out, &e) == SLA_OK && out == at("2026-03-09T22:00:00Z"));
  int open = -1;
  CHECK(sla_calendar_is_open(c, at("2026-03-07T15:00:00Z"), &open, &e) == SLA_OK && open == 0); /* Saturday */
  CHECK(sla_calendar_is_open(c, at("2026-03-09T12:00:00Z"), &open, &e) == SLA_OK && open == 1); /* Monday's opening */
  CHECK(e == NULL);
  sla_calendar_free(c);
}

static void test_calendar_holiday(void) {
  /* Thanksgiving, Thursday 2026-11-26, is a holiday. From Wednesday 15:00 EST (20:00Z):
   * 1 business day lands on Friday 15:00 EST = 2026-11-27T20:00:00Z; the next business day's
   * close is Friday 18:00 EST = 23:00Z; 4h from Wednesday 15:00 is 3h on Wednesday and 1h
   * from Friday 08:00 EST → Friday 09:00 EST = 14:00Z. */
  sla_error* e = NULL;
  sla_calendar* c = sla_calendar_parse(new_york, &e);
  int64_t out = 0;
  CHECK(sla_calendar_add_business_days(c, at("2026-11-25T20:00:00Z"), 1, &out, &e) == SLA_OK &&
        out == at("2026-11-27T20:00:00Z"));
  CHECK(sla_calendar_next_business_day_close(c, at("2026-11-25T20:00:00Z"), &out, &e) == SLA_OK &&
        out == at("2026-11-27T23:00:00Z"));
  CHECK(sla_calendar_add(c, at("2026-11-25T20:00:00Z"), 4 * 3600, &out, &e) == SLA_OK && out == at("2026-11-27T14:00:00Z"));
  CHECK(sla_calendar_add_business_days(c, at("2026-11-25T20:00:00Z"), -1, &out, &e) == SLA_NEVER);
  sla_calendar_free(c);

  /* A calendar that never opens: "never", not an error and not a loop. */
  c = sla_calendar_parse("{timezone: UTC, hours: {}}", &e);
  CHECK(c != NULL && sla_calendar_next_open(c, at("2026-03-09T12:00:00Z"), &out, &e) == SLA_NEVER);
  CHECK(e == NULL);
  sla_calendar_free(c);
}

static void test_policy_calendar(void) {
  /* avallain.yaml `support-hours`: Mon–Fri 07:00–21:00 UTC. From Friday 2026-11-27T20:00:00Z,
   * 2h is 1h on Friday and 1h from Monday 07:00 → 2026-11-30T08:00:00Z. */
  sla_policy* p = load_seed("avallain.yaml");
  sla_error* e = NULL;
  sla_calendar* c = sla_policy_calendar(p, "support-hours", NULL, NULL, NULL, &e);
  sla_policy_free(p); /* the calendar shares what it needs */
  int64_t out = 0;
  CHECK(c && sla_calendar_add(c, at("2026-11-27T20:00:00Z"), 7200, &out, &e) == SLA_OK && out == at("2026-11-30T08:00:00Z"));
  sla_calendar_free(c);
}

/* The JSON line sla-check writes for the events in `log` at `now`. */
static char* sla_check_line(const char* log, const char* now) {
  char log_path[] = "/tmp/sla-c-test-XXXXXX";
  int fd = mkstemp(log_path);
  FILE* f = fdopen(fd, "w");
  fputs(log, f);
  fclose(f);
  char command[8192];
  snprintf(command, sizeof command, "'%s' --policy '%s/avallain.yaml' --now %s '%s' 2>/dev/null", sla_check,
           policies_dir, now, log_path);
  FILE* out = popen(command, "r");
  static char line[65536];
  char* got = fgets(line, sizeof line, out);
  pclose(out);
  remove(log_path);
  if (!got) return NULL;
  line[strcspn(line, "\n")] = '\0';
  return line;
}

static void test_tracker(void) {
  /* avallain.yaml, incident/urgent: created 10:00:00Z, an agent replies at 10:15:01Z — one
   * second after the 15m response deadline: response breached at 10:15:00Z, met late. At
   * 12:00:00Z the resolution (8h, 24/7) has run 2h: 7,200 s accrued, 21,600 s remaining, 25%,
   * due 18:00:00Z; it crosses the 75% warning at 10:00 + 6h = 16:00:00Z, the next change. */
  sla_policy* p = load_seed("avallain.yaml");
  sla_error* e = NULL;
  sla_tracker* t = sla_tracker_new(p, "T-1", &e);
  const char* created[] = {"type", "incident", "severity", "urgent", NULL};
  CHECK(sla_tracker_append(t, at("2026-11-23T10:00:00Z"), "created", created, &e) == SLA_OK);
  CHECK(sla_tracker_append(t, at("2026-11-23T10:15:01Z"), "responded", NULL, &e) == SLA_OK);
  CHECK(e == NULL);

  sla_evaluation* ev = sla_tracker_evaluate(t, at("2026-11-23T12:00:00Z"), &e);
  CHECK(ev != NULL);
  const sla_ticket_result* ticket = sla_evaluation_ticket(ev);
  CHECK(strcmp(ticket->ticket, "T-1") == 0 && strcmp(ticket->type, "incident") == 0);
  CHECK(ticket->target_count == 2 && ticket->has_next_change && ticket->next_change == at("2026-11-23T16:00:00Z"));
  const sla_target_result* response = sla_evaluation_target(ev, 0);
  const sla_target_result* resolution = sla_evaluation_target(ev, 1);
  CHECK(strcmp(response->name, "response") == 0 && strcmp(response->state, "breached") == 0);
  CHECK(response->has_breached_at && response->breached_at == at("2026-11-23T10:15:00Z"));
  CHECK(response->has_met_at && response->met_at == at("2026-11-23T10:15:01Z"));
  CHECK(response->warning_count == 2 && strcmp(response->warnings[0], "75%") == 0);
  CHECK(strcmp(resolution->state, "running") == 0 && resolution->accrued_seconds == 7200);
  CHECK(resolution->remaining_seconds == 21600 && resolution->percent == 25.0);
  CHECK(resolution->has_deadline && resolution->deadline == at("2026-11-23T18:00:00Z"));
  CHECK(resolution->warning_count == 0 && resolution->escalation == NULL);
  CHECK(sla_evaluation_target(ev, 2) == NULL);
  sla_evaluation_free(ev);

  char* json = sla_tracker_evaluate_json(t, at("2026-11-23T12:00:00Z"), &e);
  const char* expected = sla_check_line(
      "{\"ticket\": \"T-1\", \"at\": \"2026-11-23T10:00:00Z\", \"event\": \"created\", \"type\": \"incident\", "
      "\"severity\": \"urgent\"}\n"
      "{\"ticket\": \"T-1\", \"at\": \"2026-11-23T10:15:01Z\", \"event\": \"responded\"}\n",
      "2026-11-23T12:00:00Z");
  CHECK(json && expected && strcmp(json, expected) == 0);
  if (json && expected && strcmp(json, expected) != 0) fprintf(stderr, "C ABI:     %s\nsla-check: %s\n", json, expected);
  sla_string_free(json);

  /* A rejected event names the ticket and the event, and leaves the tracker as it was. */
  const char* status[] = {"status", "on_holiday", NULL};
  CHECK(sla_tracker_append(t, at("2026-11-23T12:30:00Z"), "status", status, &e) == SLA_FAILED);
  CHECK(e && e->code == SLA_ERROR_INVALID_ARGUMENT && strstr(e->text, "ticket T-1") && strstr(e->text, "on_holiday"));
  sla_error_free(e);
  e = NULL;
  const char* unknown_field[] = {"colour", "red", NULL};
  CHECK(sla_tracker_append(t, at("2026-11-23T12:30:00Z"), "note", unknown_field, &e) == SLA_FAILED);
  CHECK(e && strstr(e->message, "unknown field \"colour\""));
  sla_error_free(e);
  sla_tracker_free(t);
  sla_policy_free(p);
}

static void test_errors(void) {
  sla_error* e = NULL;
  /* A policy with a typo: the position and key path of the problem. Line 5 is `targets:`,
   * whose item (line 6, column 5) names a calendar the policy does not have. */
  const char* text =
      "policy: broken\n"
      "types: [incident]\n"
      "calendars:\n"
      "  always: {timezone: UTC, hours: always}\n"
      "targets:\n"
      "  - calendar: alwys\n"
      "    targets: {response: 15m}\n";
  CHECK(sla_policy_parse(text, strlen(text), "broken.yaml", NULL, &e) == NULL);
  CHECK(e && e->code == SLA_ERROR_INVALID_POLICY && strcmp(e->file, "broken.yaml") == 0 && e->line == 6);
  CHECK(e && e->column > 0 && strlen(e->path) > 0 && strstr(e->text, "broken.yaml:6:") == e->text);
  CHECK(e && strcmp(sla_error_code_name(e->code), "invalid_policy") == 0);
  sla_error_free(e);
  e = NULL;

  CHECK(sla_policy_load("/nonexistent/policy.yaml", &e) == NULL && e && e->code == SLA_ERROR_IO);
  sla_error_free(e);
  e = NULL;

  /* A calendar spec with Friday twice: line 1 is where it is, hours.fri the key path. */
  CHECK(sla_calendar_parse("{timezone: UTC, hours: {mon-fri: [\"08:00-18:00\"], fri: [\"08:00-12:00\"]}}", &e) == NULL);
  CHECK(e && e->code == SLA_ERROR_INVALID_CALENDAR && strcmp(e->path, "hours.fri") == 0 && e->line == 1);
  sla_error_free(e);
  e = NULL;

  CHECK(sla_calendar_parse("{timezone: Mars/Olympus, hours: always}", &e) == NULL && e &&
        e->code == SLA_ERROR_UNKNOWN_TIME_ZONE);
  sla_error_free(e);
  e = NULL;

  int64_t out = 0;
  CHECK(sla_parse_instant("2026-03-06T16:30:00", &out, &e) == SLA_FAILED && e && e->code == SLA_ERROR_INVALID_TIMESTAMP);
  sla_error_free(e);
  e = NULL;

  /* NULL handles and instants out of range are errors, never crashes or exceptions. */
  CHECK(sla_calendar_add(NULL, 0, 60, &out, &e) == SLA_FAILED && e && e->code == SLA_ERROR_INVALID_ARGUMENT);
  sla_error_free(e);
  e = NULL;
  sla_calendar* c = sla_calendar_parse("{timezone: UTC, hours: always}", &e);
  CHECK(sla_calendar_add(c, at("2199-12-31T00:00:00Z") + 10 * 86400, 60, &out, &e) == SLA_FAILED && e &&
        e->code == SLA_ERROR_OUT_OF_RANGE);
  sla_error_free(e);
  e = NULL;
  CHECK(sla_calendar_add(c, at("2026-01-01T00:00:00Z"), 60, NULL, &e) == SLA_FAILED);
  sla_error_free(e);
  e = NULL;
  CHECK(sla_calendar_add(c, at("2026-01-01T00:00:00Z"), 60, &out, NULL) == SLA_OK); /* error may be NULL */
  sla_calendar_free(c);
  CHECK(sla_format_instant(at("2200-01-01T00:00:00Z") + 1, &e) == NULL && e && e->code == SLA_ERROR_OUT_OF_RANGE);
  sla_error_free(e);
  e = NULL;
  char* text_back = sla_format_instant(at("2026-03-09T09:00:00-04:00"), &e);
  CHECK(text_back && strcmp(text_back, "2026-03-09T13:00:00Z") == 0);
  sla_string_free(text_back);

  /* Freeing NULL is allowed everywhere. */
  sla_policy_free(NULL);
  sla_calendar_free(NULL);
  sla_tracker_free(NULL);
  sla_deadlines_free(NULL);
  sla_evaluation_free(NULL);
  sla_error_free(NULL);
  sla_string_free(NULL);
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s POLICIES_DIR SLA_CHECK_PROGRAM\n", argv[0]);
    return 2;
  }
  policies_dir = argv[1];
  sla_check = argv[2];
  CHECK(strlen(sla_version()) > 0);
  test_incident_deadlines();
  test_bug_deadlines_over_a_weekend();
  test_calendar_dst_week();
  test_calendar_holiday();
  test_policy_calendar();
  test_tracker();
  test_errors();
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  else printf("C ABI: all checks passed\n");
  return failures ? 1 : 0;
}

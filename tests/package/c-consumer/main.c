/* Loads a seed policy from the installed share/sla/policies and checks a deadline worked out
 * by hand: avallain.yaml, incident/urgent, response 15m on a 24/7 calendar. */
#include <sla/sla.h>

#include <stdio.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  sla_error* error = NULL;
  sla_policy* policy = sla_policy_load(argv[1], &error);
  if (!policy) {
    fprintf(stderr, "%s\n", error->text);
    sla_error_free(error);
    return 1;
  }
  int64_t created = 0;
  sla_parse_instant("2026-11-23T10:00:00Z", &created, NULL);
  sla_deadlines* deadlines = sla_policy_deadlines(policy, "incident", "urgent", NULL, created, NULL, NULL, NULL, &error);
  const sla_deadline* response = sla_deadlines_at(deadlines, 0);
  int ok = response && response->has_deadline && response->deadline == created + 15 * 60;
  printf("sla %s: %s due %s\n", sla_version(), response ? response->name : "?", ok ? "10:15:00Z" : "wrong");
  sla_deadlines_free(deadlines);
  sla_policy_free(policy);
  return ok ? 0 : 1;
}

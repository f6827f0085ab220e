#!/usr/bin/env python3
"""Writes a ticket event log (JSON Lines, the input of sla-check) for any policy.

    make_event_log.py --policy policies/avallain.yaml --tickets 1000 --seed 7 > events.jsonl

Deterministic: the same arguments give the same bytes (Python's random.Random with the seed,
no clock). Each ticket is created with a type, severity and plan drawn from the policy, then
gets 4–14 events — statuses of the policy, replies, customer messages, notes, updates,
resolutions, reopenings, severity changes, a few cancellations — minutes to two days apart,
some at the very same instant as the one before. Tickets are created over --start .. --end
(default 2026-02-01 .. 2026-11-30 UTC, across both daylight-saving changes of Europe and North
America), and the lines are in time order across tickets, as a real log interleaves them.
--timezones gives created events a tenant zone (for calendars that take one), --countries a
country, and --bad N adds N lines the engine must reject, one of each kind in turn: an unknown
status, an event before its ticket's creation, a timestamp without an offset, a line that is
not JSON, a second `created`.

Standard library only, besides `sla` itself for the policy's names (PYTHONPATH=build/python).
"""

import argparse
import datetime
import json
import random
import sys

import sla

EVENTS = ["status", "status", "status", "responded", "responded", "customer_message", "note", "updated",
          "resolved", "reopened", "severity", "cancelled"]
WEIGHTS = [30, 10, 10, 14, 4, 8, 6, 6, 4, 3, 3, 1]
BAD_KINDS = ["unknown_status", "before_created", "no_offset", "not_json", "second_created"]


def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_day(text):
    return int(datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.timezone.utc).timestamp())


def created_event(policy, rng, ticket, t, timezones, countries):
    e = {"ticket": ticket, "at": iso(t), "event": "created", "type": rng.choice(policy.types)}
    if policy.severities:
        e["severity"] = rng.choice(policy.severities)
    if policy.plans and rng.random() < 0.7:  # the others get the default plan
        e["plan"] = rng.choice(policy.plans)
    if timezones:
        e["timezone"] = rng.choice(timezones)
    if countries:
        e["country"] = rng.choice(countries)
    return e


def later_event(policy, rng, ticket, t):
    kind = rng.choices(EVENTS, WEIGHTS)[0]
    e = {"ticket": ticket, "at": iso(t), "event": kind}
    if kind == "status":
        if not policy.statuses:
            e["event"] = "responded"
        else:
            e["status"] = rng.choice(policy.statuses)
    elif kind == "severity":
        if not policy.severities:
            e["event"] = "note"
        else:
            e["severity"] = rng.choice(policy.severities)
    return e


def ticket_events(policy, rng, ticket, created, timezones, countries):
    events = [created_event(policy, rng, ticket, created, timezones, countries)]
    t = created
    for _ in range(rng.randint(4, 14)):
        if rng.random() > 0.08:  # else: at the same instant as the event before
            t += rng.choice([rng.randint(1, 60), rng.randint(60, 600), rng.randint(600, 2880)]) * 60
        events.append(later_event(policy, rng, ticket, t))
    return events


def bad_line(kind, policy, rng, ticket, created):
    """A line sla-check rejects, as text."""
    if kind == "unknown_status":
        return json.dumps({"ticket": ticket, "at": iso(created + 60), "event": "status", "status": "on_the_moon"})
    if kind == "before_created":
        return json.dumps({"ticket": ticket, "at": iso(created - 3600), "event": "responded"})
    if kind == "no_offset":
        return json.dumps({"ticket": ticket, "at": iso(created + 120)[:-1], "event": "note"})
    if kind == "not_json":
        return '{"ticket": "' + ticket + '", "at": '
    return json.dumps(created_event(policy, rng, ticket, created + 180, None, None))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policy", required=True)
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", default="2026-02-01")
    parser.add_argument("--end", default="2026-11-30")
    parser.add_argument("--timezones", default="", help="comma-separated tenant zones for created events")
    parser.add_argument("--countries", default="", help="comma-separated countries for created events")
    parser.add_argument("--bad", type=int, default=0, help="lines the engine must reject")
    args = parser.parse_args()

    policy = sla.Policy.load(args.policy)
    rng = random.Random(args.seed)
    timezones = [z for z in args.timezones.split(",") if z]
    countries = [c for c in args.countries.split(",") if c]
    start, end = parse_day(args.start), parse_day(args.end)
    lines = []  # (at, order, text)
    created_at = []
    for i in range(args.tickets):
        ticket = f"T-{i}"
        created = start + rng.randint(0, (end - start) // 60) * 60
        created_at.append((ticket, created))
        for e in ticket_events(policy, rng, ticket, created, timezones, countries):
            lines.append((e["at"], len(lines), json.dumps(e)))
    for k in range(args.bad):
        ticket, created = created_at[rng.randrange(len(created_at))]
        lines.append((iso(created + 60), len(lines), bad_line(BAD_KINDS[k % len(BAD_KINDS)], policy, rng, ticket, created)))
    lines.sort()
    out = sys.stdout
    for _, _, text in lines:
        out.write(text + "\n")


if __name__ == "__main__":
    main()

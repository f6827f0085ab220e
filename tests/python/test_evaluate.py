"""sla.evaluate and sla.Tracker: ticket clocks worked by hand (a pause, a DST change, a holiday)
and, over generated histories for every seed policy, compared with sla-check's JSON lines."""
import collections
import datetime
import json
import subprocess

import pytest

import sla
from conftest import POLICIES, PYTHON, SOURCE_DIR, events_text, sla_check_lines

UTC = datetime.timezone.utc
NOW = "2026-12-15T00:00:00Z"


def utc(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def by_name(evaluation):
    return {t.name: t for t in evaluation.targets}


def created(at, **fields):
    return {"at": at, "event": "created", **fields}


# ---- Worked by hand ------------------------------------------------------------------------

def test_a_reply_one_second_late(avallain):
    # avallain.yaml incident/urgent: response 15m on `always`. A reply at 10:15:01Z is late:
    # breached at the deadline, 10:15:00Z, and met late.
    ev = sla.evaluate(avallain, [created("2026-11-23T10:00:00Z", type="incident", severity="urgent"),
                                 {"at": "2026-11-23T10:15:01Z", "event": "responded"}], "2026-11-23T12:00:00Z",
                      ticket="T-1")
    response, resolution = ev.targets
    assert (ev.ticket, ev.type, ev.severity, ev.plan) == ("T-1", "incident", "urgent", None)
    assert response.state == "breached" and response.breached_at == utc("2026-11-23T10:15:00Z")
    assert response.met_at == utc("2026-11-23T10:15:01Z") and response.warnings == ["75%", "90%"]
    # The resolution (8h) has run 2h of 8: 25%, due 18:00Z; its 75% warning comes at 16:00Z.
    assert (resolution.state, resolution.accrued_seconds, resolution.remaining_seconds) == ("running", 7200, 21600)
    assert resolution.percent == 25.0 and resolution.deadline == utc("2026-11-23T18:00:00Z")
    assert ev.next_change == utc("2026-11-23T16:00:00Z")
    # On the deadline second itself it is met.
    ev = sla.evaluate(avallain, [created("2026-11-23T10:00:00Z", type="incident", severity="urgent"),
                                 {"at": "2026-11-23T10:15:00Z", "event": "responded"}], "2026-11-23T12:00:00Z")
    assert by_name(ev)["response"].state == "met"


def test_waiting_for_the_customer_pauses(avallain):
    # avallain pauses response and resolution in waiting_for_customer. Created 10:00Z, waiting
    # from 10:05 to 11:05, evaluated at 11:10: 5 + 5 minutes accrued, so the response (15m) is
    # due at 11:15Z (10:15 plus the hour paused) and the resolution (8h) at 19:00Z.
    events = [created("2026-11-23T10:00:00Z", type="incident", severity="urgent"),
              {"at": "2026-11-23T10:05:00Z", "event": "status", "status": "waiting_for_customer"},
              {"at": "2026-11-23T11:05:00Z", "event": "status", "status": "in_progress"}]
    t = by_name(sla.evaluate(avallain, events, "2026-11-23T11:10:00Z"))
    assert (t["response"].state, t["response"].accrued_seconds) == ("running", 600)
    assert t["response"].deadline == utc("2026-11-23T11:15:00Z")
    assert t["resolution"].deadline == utc("2026-11-23T19:00:00Z")
    # While waiting, both are paused.
    t = by_name(sla.evaluate(avallain, events[:2], "2026-11-23T10:30:00Z"))
    assert t["response"].state == t["resolution"].state == "paused"


def test_a_tenant_ticket_across_the_end_of_summer_time():
    # xen.yaml, standard/critical: response 1h, resolution 2h on Mon–Fri 08:00–20:00 in the
    # tenant's zone. Tenant Europe/Berlin; created Fri 2026-10-23 19:30 CEST (17:30Z). Summer
    # time ends on Sunday 25 October, so Monday opens 08:00 CET = 07:00Z. Response: 30 min on
    # Friday + 30 min → due Mon 07:30Z; the reply at 07:20Z meets it with 10 min to spare (a met
    # target's deadline is met_at plus what remained: still 07:30Z). Resolution: 30 min + 1h30
    # → breached at Mon 09:30 CET = 08:30Z; at 09:00Z it has 2h30 accrued.
    xen = sla.Policy.load(POLICIES / "xen.yaml")
    events = [created("2026-10-23T17:30:00Z", type="bug", severity="critical", timezone="Europe/Berlin"),
              {"at": "2026-10-26T07:20:00Z", "event": "responded"}]
    ev = sla.evaluate(xen, events, "2026-10-26T09:00:00Z")
    t = by_name(ev)
    assert ev.plan == "standard"
    assert t["response"].state == "met" and t["response"].deadline == utc("2026-10-26T07:30:00Z")
    assert t["response"].met_at == utc("2026-10-26T07:20:00Z") and t["response"].accrued_seconds == 3000
    assert t["resolution"].state == "breached" and t["resolution"].breached_at == utc("2026-10-26T08:30:00Z")
    assert t["resolution"].accrued_seconds == 9000 and t["resolution"].calendar == "business"


def test_a_holiday_in_a_ticket():
    # advendio.yaml premium/critical: response 2h, Mon–Fri 09:00–17:00 Berlin, German holidays.
    # Created Thu 2026-12-24 16:30 CET; Friday 25 is Christmas Day. At Mon 28 10:00 CET (09:00Z):
    # 30 min + 60 min accrued, 30 min left, due 10:30 CET = 09:30Z.
    advendio = sla.Policy.load(POLICIES / "advendio.yaml")
    events = [created("2026-12-24T15:30:00Z", type="bug", severity="critical", plan="premium")]
    response = by_name(sla.evaluate(advendio, events, "2026-12-28T09:00:00Z"))["response"]
    assert (response.state, response.accrued_seconds, response.remaining_seconds) == ("running", 5400, 1800)
    assert response.deadline == utc("2026-12-28T09:30:00Z") and response.percent == 75.0
    assert response.warnings == ["75%"]


def test_events_at_one_instant_take_created_first(avallain):
    # As sla-check: at one instant `created` comes first, the others keep their order.
    events = [{"at": "2026-11-23T10:00:00Z", "event": "responded"},
              created("2026-11-23T10:00:00Z", type="incident", severity="urgent")]
    response = by_name(sla.evaluate(avallain, events, "2026-11-23T12:00:00Z"))["response"]
    assert response.state == "met" and response.met_at == utc("2026-11-23T10:00:00Z")


def test_histories_that_do_not_fit_are_errors(avallain):
    with pytest.raises(sla.Error) as early:
        sla.evaluate(avallain, [created("2026-11-23T10:00:00Z", type="incident", severity="urgent"),
                                {"at": "2026-11-23T09:00:00Z", "event": "responded"}], NOW, ticket="T-9")
    assert early.value.code == "invalid_argument"
    assert "ticket T-9: responded event at 2026-11-23T09:00:00Z: an event before created" in str(early.value)
    with pytest.raises(sla.Error, match="two tickets"):
        sla.evaluate(avallain, [{"ticket": "A", **created("2026-11-23T10:00:00Z", type="bug")},
                                {"ticket": "B", "at": "2026-11-23T10:05:00Z", "event": "note"}], NOW)
    with pytest.raises(sla.Error, match="missing at"):
        sla.evaluate(avallain, [{"event": "created", "type": "bug"}], NOW)
    with pytest.raises(sla.Error, match='unknown field "colour"'):
        sla.evaluate(avallain, [created("2026-11-23T10:00:00Z", type="bug", colour="red")], NOW)
    with pytest.raises(sla.Error, match="unknown status"):
        sla.evaluate(avallain, [created("2026-11-23T10:00:00Z", type="bug", severity="normal"),
                                {"at": "2026-11-23T10:05:00Z", "event": "status", "status": "napping"}], NOW)


# ---- Compared with sla-check ----------------------------------------------------------------

def as_sla_check(ev):
    """An evaluation in the shape of sla-check's JSON line."""
    t = lambda x: None if x is None else sla.format_instant(x)
    return {"ticket": ev.ticket, "type": ev.type, "severity": ev.severity, "plan": ev.plan, "region": ev.region,
            "country": ev.country,
            "targets": [{"name": s.name, "calendar": s.calendar, "amount": s.amount, "state": s.state,
                         "deadline": t(s.deadline), "met_at": t(s.met_at), "breached_at": t(s.breached_at),
                         "target_seconds": s.target_seconds, "accrued_seconds": s.accrued_seconds,
                         "remaining_seconds": s.remaining_seconds, "percent": float(f"{s.percent:.1f}"),
                         "warnings": s.warnings, "escalation": s.escalation, "cycles": s.cycles,
                         "completed_cycles": [{"start": t(c.start), "end": t(c.end), "outcome": c.outcome,
                                               "met_at": t(c.met_at), "breached_at": t(c.breached_at),
                                               "accrued_seconds": c.accrued_seconds} for c in s.completed_cycles],
                         "rule": s.rule} for s in ev.targets],
            "next_change": t(ev.next_change)}


def generated_log(policy_path, tickets, seed, *extra):
    return subprocess.run([PYTHON, str(SOURCE_DIR / "examples" / "dask" / "make_event_log.py"), "--policy",
                           str(policy_path), "--tickets", str(tickets), "--seed", str(seed), *extra],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name,extra", [
    ("avallain", []), ("xen", ["--timezones", "Europe/Berlin,America/New_York,Australia/Sydney"]),
    ("advendio", []), ("schoolstatus", []), ("aveksa", []), ("examples/jira-service-desk", []),
    ("examples/global-desk", ["--countries", "DE,GB-ENG,JP,US"])])
def test_generated_histories_match_sla_check(name, extra):
    path = POLICIES / f"{name}.yaml"
    policy = sla.Policy.load(path)
    log = generated_log(path, 150, 5, *extra)
    events = collections.defaultdict(list)
    for line in log.splitlines():
        e = json.loads(line)
        events[e["ticket"]].append(e)
    expected = [json.loads(line) for line in sla_check_lines(path, NOW, log)]
    assert len(expected) == len(events) == 150
    for line in expected:
        assert as_sla_check(sla.evaluate(policy, events[line["ticket"]], NOW)) == line


def test_a_tracker_gives_sla_checks_line(avallain):
    events = [{"ticket": "T-7", **created("2026-11-23T10:00:00Z", type="bug", severity="urgent")},
              {"ticket": "T-7", "at": "2026-11-23T11:00:00Z", "event": "status", "status": "waiting_for_customer"},
              {"ticket": "T-7", "at": "2026-11-24T09:00:00Z", "event": "customer_message"},
              {"ticket": "T-7", "at": "2026-11-24T09:00:00Z", "event": "status", "status": "in_progress"},
              {"ticket": "T-7", "at": "2026-11-24T12:00:00Z", "event": "responded"}]
    tracker = sla.Tracker(avallain, "T-7")
    for e in events:
        tracker.append(e)
    [expected] = sla_check_lines(POLICIES / "avallain.yaml", NOW, events_text(events))
    assert tracker.evaluate_json(NOW) == expected
    assert as_sla_check(tracker.evaluate(NOW)) == json.loads(expected)
    # A rejected event leaves the tracker as it was.
    with pytest.raises(sla.Error):
        tracker.append({"at": "2026-11-25T00:00:00Z", "event": "status", "status": "napping"})
    assert tracker.evaluate_json(NOW) == expected

"""sla.Policy: loading (and its errors), the targets a ticket gets, and a new ticket's deadlines,
worked by hand for a holiday and a DST change and swept against sla-deadline's answers."""
import datetime
import itertools
import json
import pickle

import pytest

import sla
from conftest import POLICIES, run_program

UTC = datetime.timezone.utc


def utc(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def deadlines_by_name(policy, created, **cell):
    return {d.name: d for d in policy.deadlines(created, **cell)}


def test_a_seed_policy_reads_as_its_text_says(avallain):
    assert avallain.name == "avallain"
    assert avallain.types == ["incident", "bug", "new_feature", "question"]
    assert avallain.severities == ["urgent", "important", "normal"]
    assert avallain.plans == [] and avallain.default_plan is None
    assert "waiting_for_customer" in avallain.statuses
    assert avallain.calendars == ["support-hours", "working-days", "always"]
    response, resolution = avallain.targets("bug", "urgent")
    assert (response.name, response.calendar, response.amount) == ("response", "working-days", "24h")
    assert (resolution.name, resolution.amount) == ("resolution", "5 business days")
    assert resolution.rule.startswith(str(POLICIES / "avallain.yaml") + ":")


def test_incident_deadlines(avallain):
    # incident/urgent on `always` (24/7): response 15m, resolution 8h from 10:00Z.
    d = deadlines_by_name(avallain, "2026-11-23T10:00:00Z", type="incident", severity="urgent")
    assert d["response"].deadline == utc("2026-11-23T10:15:00Z") and d["response"].amount_seconds == 900
    assert d["resolution"].deadline == utc("2026-11-23T18:00:00Z") and d["resolution"].starts == "created"
    # incident/normal: resolution `none` has no deadline.
    d = deadlines_by_name(avallain, "2026-11-23T10:00:00Z", type="incident", severity="normal")
    assert d["resolution"].amount == "none" and d["resolution"].deadline is None


def test_bug_deadlines_over_a_weekend(avallain):
    # bug/urgent on `working-days` (Mon–Fri 00:00–24:00 UTC), created Friday 2026-11-27 15:00Z:
    # response 24h = 9h on Friday + 15h on Monday → Mon 15:00Z; resolution 5 business days
    # lands on Friday 2026-12-04 15:00Z, 120h of business time.
    d = deadlines_by_name(avallain, datetime.datetime(2026, 11, 27, 15, tzinfo=UTC), type="bug", severity="urgent")
    assert d["response"].deadline == utc("2026-11-30T15:00:00Z")
    assert d["resolution"].deadline == utc("2026-12-04T15:00:00Z") and d["resolution"].amount_seconds == 120 * 3600


def test_a_german_holiday_and_a_dst_change():
    # advendio.yaml `business`: Mon–Fri 09:00–17:00 Europe/Berlin, closed on the German
    # nationwide holidays (holidays/de-national.yaml: 25 and 26 December among them).
    advendio = sla.Policy.load(POLICIES / "advendio.yaml")
    # premium/critical, response 2h, created Thu 2026-12-24 16:30 CET (15:30Z): 30 min on
    # Thursday; Friday is Christmas Day; Monday 28 09:00 CET + 1h30 → 10:30 CET = 09:30Z.
    d = deadlines_by_name(advendio, "2026-12-24T16:30:00+01:00", type="bug", severity="critical", plan="premium")
    assert d["response"].deadline == utc("2026-12-28T09:30:00Z")
    # basic/critical, response 4h, created Fri 2026-03-27 15:00 CET (14:00Z): 2h on Friday;
    # Berlin moves to CEST (+2) on Sunday 29 March; Monday 09:00 CEST + 2h → 11:00 CEST = 09:00Z.
    d = deadlines_by_name(advendio, "2026-03-27T14:00:00Z", type="bug", severity="critical")
    assert d["response"].deadline == utc("2026-03-30T09:00:00Z") and d["response"].amount == "4h"
    assert advendio.default_plan == "basic"
    # The policy's calendar agrees: 2h on Friday, 2h on Monday.
    business = advendio.calendar("business")
    assert business.elapsed("2026-03-27T14:00:00Z", "2026-03-30T09:00:00Z") == datetime.timedelta(hours=4)


def test_load_errors_say_what_and_where(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("policy: broken\ntypes: [incident]\ncalendars:\n  always: {timezone: UTC, hours: always}\n"
                      "targets:\n  - calendar: always\n    targets: {response: soon}\n")
    with pytest.raises(sla.Error) as e:
        sla.Policy.load(broken)
    error = e.value
    assert isinstance(error, Exception)
    assert (error.code, error.file, error.line) == ("invalid_policy", str(broken), 7)
    assert error.column > 0 and "response" in error.path
    assert str(error).startswith(f"{broken}:7:{error.column}: {error.path}: ")
    assert pickle.loads(pickle.dumps(error)).path == error.path  # it reaches a Dask client whole

    with pytest.raises(sla.Error) as missing:
        sla.Policy.load(tmp_path / "nowhere.yaml")
    assert missing.value.code == "io"
    with pytest.raises(sla.Error) as typo:
        sla.Policy.parse("policy: p\ntypes: [a]\ncalendars: {c: {timezone: UTC, hours: always}}\n"
                         "targets: [{calendar: c, targets: {response: 1h}}]\nclok: {}\n", source="p.yaml")
    assert (typo.value.file, typo.value.line, typo.value.column, typo.value.path) == ("p.yaml", 5, 1, "clok")


def test_unknown_names_are_errors(avallain):
    with pytest.raises(sla.Error) as e:
        avallain.deadlines("2026-11-23T10:00:00Z", type="incident", severity="urgnet")
    assert e.value.code == "invalid_argument" and "urgnet" in str(e.value)
    with pytest.raises(sla.Error):
        avallain.calendar("nights")


def test_policies_pickle(avallain):
    text = (POLICIES / "avallain.yaml").read_text()
    for policy in (avallain, sla.Policy.parse(text, "avallain.yaml", str(POLICIES))):
        again = pickle.loads(pickle.dumps(policy))
        assert again.name == "avallain"
        assert again.deadlines("2026-11-23T10:00:00Z", "incident", "urgent")[0].deadline == utc("2026-11-23T10:15:00Z")
    calendar = pickle.loads(pickle.dumps(avallain.calendar("support-hours")))
    assert calendar.add("2026-11-27T20:00:00Z", 7200) == utc("2026-11-30T08:00:00Z")  # 1h Fri, 1h from Mon 07:00


# ---- Swept against sla-deadline -------------------------------------------------------------

CREATED = ["2026-03-06T21:30:00Z", "2026-10-02T09:30:00Z", "2026-12-24T15:30:00Z"]


def cells(policy):
    for type_, severity, plan in itertools.product(policy.types, policy.severities or [None], policy.plans or [None]):
        yield {"type": type_, "severity": severity, "plan": plan}


def sla_deadline(path, created, cell, **extra):
    args = ["--policy", path, "--created", created, "--json"]
    for key, value in {**cell, **extra}.items():
        if value:
            args += [f"--{key}", value]
    return json.loads(run_program("sla-deadline", *args))


def assert_same(policy, path, created, cell, **extra):
    expected = sla_deadline(path, created, cell, **extra)["targets"]
    got = policy.deadlines(created, **cell, **extra)
    assert [d.name for d in got] == [t["name"] for t in expected]
    for d, t in zip(got, expected):
        assert d.calendar == t["calendar"] and d.amount == t["amount"] and d.starts == t["starts"], (cell, t)
        assert d.amount_seconds == t["amount_seconds"] and d.rule == t["rule"], (cell, t)
        assert (d.deadline and sla.format_instant(d.deadline)) == t["deadline"], (created, cell, t)


@pytest.mark.parametrize("name", ["avallain", "xen", "advendio", "schoolstatus", "aveksa", "examples/gitlab",
                                  "examples/jira-service-desk", "examples/global-desk"])
def test_every_cell_matches_sla_deadline(name):
    path = POLICIES / f"{name}.yaml"
    policy = sla.Policy.load(path)
    for cell in cells(policy):
        for created in CREATED:
            assert_same(policy, path, created, cell)


def test_tenant_zones_regions_and_countries_match_sla_deadline():
    xen = sla.Policy.load(POLICIES / "xen.yaml")
    for zone in ("Europe/Berlin", "America/New_York", "Australia/Sydney"):
        for created in CREATED:
            assert_same(xen, POLICIES / "xen.yaml", created, {"type": "bug", "severity": "high"}, timezone=zone)
    desk = sla.Policy.load(POLICIES / "examples" / "global-desk.yaml")
    for region, country in (("uk", None), ("dach", None), ("japan", None), ("americas", "GB-ENG")):
        for created in CREATED:
            assert_same(desk, POLICIES / "examples" / "global-desk.yaml", created,
                        {"type": "incident", "severity": "high"}, region=region, country=country)

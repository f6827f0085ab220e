"""sla.BusinessCalendar and sla.calc: worked examples (a DST week, holidays) by hand, and
thousands of requests answered through the module and compared with sla-calc's answers."""
import datetime
import json
import pickle
import random
import re

import pandas as pd
import pytest

import sla
from conftest import SOURCE_DIR, run_program

UTC = datetime.timezone.utc
NEW_YORK = {"timezone": "America/New_York", "hours": {"mon-fri": ["08:00-18:00"]},
            "holidays": ["2026-11-26", {"date": "2026-12-25", "name": "Christmas Day"}]}


def utc(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


# ---- Worked by hand -----------------------------------------------------------------------

def test_dst_week_in_new_york():
    # Mon–Fri 08:00–18:00 New York; clocks go forward on Sunday 2026-03-08 (EST −5 → EDT −4).
    # add(Fri 16:30 EST = 21:30Z, 4h): 1h30 on Friday, 2h30 from Monday 08:00 EDT (12:00Z) → 14:30Z.
    office = sla.BusinessCalendar(NEW_YORK)
    due = office.add("2026-03-06T16:30:00-05:00", 4 * 3600)
    assert due == utc("2026-03-09T14:30:00Z")
    assert due.tzinfo == UTC
    # elapsed(Fri 16:00 EST, Mon 10:00 EDT) = 2h + 2h; the same instants as aware datetimes in
    # New York's own offsets, and as pandas Timestamps.
    friday = datetime.datetime(2026, 3, 6, 16, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
    monday = datetime.datetime(2026, 3, 9, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-4)))
    assert office.elapsed(friday, monday) == datetime.timedelta(hours=4)
    assert office.elapsed(pd.Timestamp("2026-03-06T21:00:00Z"), pd.Timestamp("2026-03-09T14:00:00Z")) == \
        datetime.timedelta(hours=4)
    # Monday opens at 08:00 EDT = 12:00Z, an hour earlier in UTC than the Monday before (13:00Z).
    assert office.next_open("2026-03-07T12:00:00Z") == utc("2026-03-09T12:00:00Z")
    assert office.next_open("2026-02-28T12:00:00Z") == utc("2026-03-02T13:00:00Z")
    # subtract(Mon 08:30 EDT, 1h): 30 min on Monday, 30 min before Friday's 18:00 EST (23:00Z).
    assert office.subtract("2026-03-09T12:30:00Z", datetime.timedelta(hours=1)) == utc("2026-03-06T22:30:00Z")
    # 1 business day from Friday 15:00 EST (20:00Z) is Monday 15:00 EDT (19:00Z).
    assert office.add_business_days("2026-03-06T20:00:00Z", 1) == utc("2026-03-09T19:00:00Z")
    assert office.next_close("2026-03-09T14:00:00Z") == utc("2026-03-09T22:00:00Z")
    assert not office.is_open("2026-03-07T15:00:00Z")
    assert office.is_open("2026-03-09T12:00:00Z") and not office.is_open("2026-03-09T22:00:00Z")
    assert office.timezone == "America/New_York"


def test_holidays_close_whole_days():
    # Thanksgiving (Thu 2026-11-26) and Christmas (Fri 2026-12-25) are closed.
    office = sla.BusinessCalendar(NEW_YORK)
    # Wed 15:00 EST (20:00Z) + 1 business day skips Thursday: Friday 15:00 EST = 20:00Z.
    assert office.add_business_days("2026-11-25T20:00:00Z", 1) == utc("2026-11-27T20:00:00Z")
    # 4h from Wed 15:00: 3h on Wednesday, 1h from Friday 08:00 EST → 09:00 EST = 14:00Z.
    assert office.add("2026-11-25T20:00:00Z", 4 * 3600) == utc("2026-11-27T14:00:00Z")
    # Next business day after Thu 2026-12-24: Friday is Christmas, so Monday 28, closing 18:00 EST.
    assert office.next_business_day_close("2026-12-24T15:00:00Z") == utc("2026-12-28T23:00:00Z")
    assert office.elapsed("2026-11-26T00:00:00Z", "2026-11-27T05:00:00Z") == datetime.timedelta(0)


def test_never_is_none_not_a_loop():
    closed = sla.BusinessCalendar('{"timezone": "UTC", "hours": {}}')
    assert closed.next_open("2026-03-09T12:00:00Z") is None
    assert closed.add("2026-03-09T12:00:00Z", 60) is None
    assert sla.BusinessCalendar(NEW_YORK).add_business_days("2026-03-09T12:00:00Z", -1) is None


def test_instants_and_durations_are_checked():
    office = sla.BusinessCalendar(NEW_YORK)
    with pytest.raises(sla.Error) as naive:
        office.add(datetime.datetime(2026, 3, 6, 16, 30), 60)
    assert naive.value.code == "invalid_timestamp" and "no time zone" in str(naive.value)
    with pytest.raises(sla.Error) as no_offset:
        office.add("2026-03-06T16:30:00", 60)
    assert no_offset.value.code == "invalid_timestamp" and "offset" in no_offset.value.message
    with pytest.raises(sla.Error) as fraction:
        office.add("2026-03-06T21:30:00Z", datetime.timedelta(seconds=1.5))
    assert "whole number of seconds" in str(fraction.value)
    with pytest.raises(sla.Error) as far:
        office.add(datetime.datetime(2300, 1, 1, tzinfo=UTC), 60)
    assert far.value.code == "out_of_range"
    with pytest.raises(TypeError):
        office.add(1772832600, 60)
    with pytest.raises(TypeError):
        office.add("2026-03-06T21:30:00Z", 1.5)
    # A fraction of a second is truncated toward the past, as in RFC 3339 text.
    assert office.add(datetime.datetime(2026, 3, 9, 12, 0, 0, 900000, tzinfo=UTC), 0) == utc("2026-03-09T12:00:00Z")
    assert sla.format_instant(sla.parse_instant("2026-03-09T09:00:00-04:00")) == "2026-03-09T13:00:00Z"


def test_bad_specs_say_what_and_where():
    with pytest.raises(sla.Error) as twice:
        sla.BusinessCalendar("timezone: UTC\nhours:\n  mon-fri: [\"08:00-18:00\"]\n  fri: [\"08:00-12:00\"]\n")
    e = twice.value
    assert (e.code, e.line, e.column, e.path) == ("invalid_calendar", 4, 3, "hours.fri")
    assert str(e).startswith("4:3: hours.fri: fri is already given by 'mon-fri'")
    with pytest.raises(sla.Error) as zone:
        sla.BusinessCalendar({"timezone": "Mars/Olympus", "hours": "always"})
    assert zone.value.code == "unknown_time_zone"
    with pytest.raises(TypeError):
        sla.BusinessCalendar(42)


def test_calendars_pickle():
    office = sla.BusinessCalendar(NEW_YORK)
    again = pickle.loads(pickle.dumps(office))
    assert again.add("2026-03-06T21:30:00Z", 4 * 3600) == utc("2026-03-09T14:30:00Z")


# ---- Compared with sla-calc ---------------------------------------------------------------

SPECS = [
    NEW_YORK,
    {"timezone": "Australia/Sydney", "hours": {"mon-fri": ["08:00-20:00"]},
     "holidays": [{"date": "2026-10-05", "name": "Labour Day"}]},
    {"timezone": "Europe/London", "hours": {"mon-thu": ["08:00-12:00", "13:00-17:00"],
                                            "fri": ["08:00-12:00", "13:00-17:00", "22:00-06:00"]}},
    {"timezone": "Europe/Berlin", "hours": {"mon-fri": ["09:00-17:00"]},
     "special_days": [{"date": "2026-12-24", "hours": ["09:00-12:00"]}, {"date": "2026-10-24", "hours": ["10:00-14:00"]}],
     "holidays": ["2026-10-03", "2026-12-25", "2026-12-26"]},
    {"timezone": "America/Chicago", "hours": {"sun-thu": ["22:00-02:00"], "sat": ["00:00-24:00"]}},
    {"timezone": "+05:30", "hours": {"mon-sat": ["09:30-18:30"]}},
    {"timezone": "UTC", "hours": "always"},
    {"timezone": "UTC", "hours": {}},
]
# Around the daylight-saving changes of 2026: US 8 Mar / 1 Nov, EU 29 Mar / 25 Oct, AU 5 Apr / 4 Oct.
ANCHORS = ["2026-03-06T00:00:00Z", "2026-03-27T00:00:00Z", "2026-04-03T00:00:00Z", "2026-10-02T00:00:00Z",
           "2026-10-23T00:00:00Z", "2026-10-30T00:00:00Z", "2026-11-24T00:00:00Z", "2026-12-22T00:00:00Z"]


def generated_requests(count, seed):
    rng = random.Random(seed)
    requests = []
    for i in range(count):
        start = utc(rng.choice(ANCHORS)) + datetime.timedelta(seconds=rng.randrange(0, 6 * 86400))
        op = rng.choice(["add", "subtract", "elapsed", "next_open", "add_business_days", "is_open",
                         "next_business_day_close"])
        r = {"id": i, "calendar": rng.choice(SPECS), "op": op, "start": sla.format_instant(start)}
        if op in ("add", "subtract"):
            r["seconds"] = rng.choice([0, 1, 59, 3600, 4 * 3600, rng.randrange(0, 40 * 3600), rng.randrange(0, 400 * 3600)])
        elif op == "elapsed":
            r["end"] = sla.format_instant(start + datetime.timedelta(seconds=rng.randrange(-3600, 9 * 86400)))
        elif op == "add_business_days":
            r["days"] = rng.randrange(0, 12)
        requests.append(r)
    return requests


def sla_calc_answers(requests):
    text = "".join(json.dumps(r) + "\n" for r in requests)
    return [json.loads(line) for line in run_program("sla-calc", stdin=text).splitlines()]


def answer_through_methods(request):
    """The answer the way a host would compute it with the calendar's methods."""
    calendar = sla.BusinessCalendar(request["calendar"])
    op, start = request["op"], sla.parse_instant(request["start"])
    if op == "elapsed":
        return int(calendar.elapsed(start, request["end"]).total_seconds())
    if op == "is_open":
        return calendar.is_open(start)
    if op == "add_business_days":
        result = calendar.add_business_days(start, request["days"])
    elif op in ("add", "subtract"):
        result = getattr(calendar, op)(start, datetime.timedelta(seconds=request["seconds"]))
    else:
        result = getattr(calendar, op)(start)
    return None if result is None else result.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_generated_requests_match_sla_calc():
    requests = generated_requests(3000, seed=16)
    expected = sla_calc_answers(requests)
    assert len(expected) == len(requests)
    for request, answer in zip(requests, expected):
        assert "result" in answer, answer
        assert sla.calc(request) == answer["result"], request
        assert answer_through_methods(request) == answer["result"], request


def test_demo_requests_match_sla_calc_errors_included():
    lines = (SOURCE_DIR / "examples" / "data" / "demo-requests.jsonl").read_text().splitlines()
    expected = sla_calc_answers([json.loads(line) for line in lines])
    for line, answer in zip(lines, expected):
        if "error" in answer:
            with pytest.raises(sla.Error) as e:
                sla.calc(line)
            # sla-calc: "line N: calendar.hours.fri: … at column 79 …"; the module: the same path
            # and message, but positions count in the spec's own text, not in sla-calc's line.
            unplaced = lambda text: re.sub(r" at (line|column) \d+", "", text)
            assert unplaced(answer["error"]).endswith(unplaced(str(e.value))), (answer, str(e.value))
            assert e.value.path == "calendar.hours.fri"
        else:
            assert sla.calc(line) == answer["result"]


def test_calc_rejects_what_sla_calc_rejects():
    base = {"id": 1, "calendar": {"timezone": "UTC", "hours": "always"}, "start": "2026-03-09T12:00:00Z"}
    for request in ({**base, "op": "add"},                                  # no seconds
                    {**base, "op": "add", "seconds": 60, "days": 1},        # a field the op does not take
                    {**base, "op": "fly"},
                    {**base, "op": "add", "seconds": "60"},
                    {**base, "op": "add_business_days", "days": -1},
                    {**base, "op": "is_open", "colour": "red"},
                    {**base, "op": "is_open", "start": "2026-03-09T12:00:00"}):
        with pytest.raises(sla.Error):
            sla.calc(request)
        answer = sla_calc_answers([request])[0]
        assert "error" in answer, (request, answer)

"""sla-engine from Python: support policies, business calendars and ticket clocks.

    import sla
    policy = sla.Policy.load("policies/avallain.yaml")
    for d in policy.deadlines("2026-11-23T10:00:00Z", type="incident", severity="urgent"):
        print(d.name, d.deadline)            # response 2026-11-23 10:15:00+00:00, …

Instants go in as timezone-aware datetimes (pandas.Timestamp too) or RFC 3339 text, and come
out as timezone-aware UTC datetimes; durations go in as int seconds or timedelta. Bad input
raises sla.Error, which carries code, file, line, column and path. README.md ("Python") has
the whole tour; the type stubs (__init__.pyi) give every signature.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from ._errors import Error
from ._results import CompletedCycle, Deadline, Target, TargetStatus, TicketEvaluation
from ._sla import (BusinessCalendar, Policy, Tracker, __version__, evaluate, format_instant,
                   parse_instant)
from . import _sla

__all__ = [
    "BusinessCalendar", "CompletedCycle", "Deadline", "Error", "Policy", "Target", "TargetStatus",
    "TicketEvaluation", "Tracker", "__version__", "calc", "evaluate", "evaluate_frame",
    "format_instant", "parse_instant", "read_events",
]

# ---- evaluate_frame ------------------------------------------------------------------------

_EVENT_COLUMNS = ("ticket", "at", "event", "type", "severity", "plan", "region", "timezone",
                  "country", "status", "users_affected", "line")


_NO_INSTANT = -2**63  # a missing instant among whole seconds, as NaT is among nanoseconds


def _at_seconds(series: Any) -> Any:
    """A datetime64 column as whole seconds since 1970 UTC (an int64 array; NaT: _NO_INSTANT)."""
    if series.dt.tz is None:
        raise Error("column at: datetime64 values without a time zone are ambiguous; "
                    "localize them (series.dt.tz_localize(\"UTC\")) first", "invalid_timestamp")
    seconds = series.dt.tz_convert("UTC").array.asi8 // 1_000_000_000
    seconds[series.isna().to_numpy()] = _NO_INSTANT
    return seconds


def _event_columns(frame: Any) -> Dict[str, Any]:
    """The frame's columns for _sla._evaluate_columns: lists with None for missing values, a
    Categorical as ("categorical", codes, categories), instants of a datetime64 column as
    at_seconds."""
    import pandas as pd

    unknown = [str(c) for c in frame.columns if c not in _EVENT_COLUMNS]
    if unknown:
        raise Error(f"unknown event column(s) {', '.join(unknown)}; expected {', '.join(_EVENT_COLUMNS)}",
                    "invalid_argument")
    absent = [c for c in ("ticket", "at", "event") if c not in frame.columns]
    if absent:
        raise Error(f"the events need the column(s) {', '.join(absent)}", "invalid_argument")
    columns: Dict[str, list] = {}
    for name in frame.columns:
        series = frame[name]
        if name == "at" and pd.api.types.is_datetime64_any_dtype(series):
            columns["at_seconds"] = _at_seconds(series)
        elif name == "line":
            columns["line"] = series.to_numpy(dtype="int64")
        elif name != "at" and isinstance(series.dtype, pd.CategoricalDtype):
            columns[name] = ("categorical", series.cat.codes.to_numpy(dtype="int64"), series.cat.categories.tolist())
        else:
            columns[name] = series.astype(object).where(series.notna(), None).tolist()
    return columns


def _answer_frame(answer: Dict[str, Any]) -> Any:
    import pandas as pd

    data = {}
    for name, values in answer["columns"].items():
        if name in answer["time_columns"]:
            data[name] = pd.Series(values.view("M8[ns]"), dtype="M8[ns]").dt.tz_localize("UTC")
        elif name in answer["int_columns"]:
            numbers, mask = values
            data[name] = numbers if mask is None else pd.arrays.IntegerArray(numbers, mask)
        elif hasattr(values, "dtype"):  # a numpy array: percent
            data[name] = values
        else:
            data[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data)


def evaluate_frame(policy: Policy, frame: Any, now: Any, *, output: str = "rows",
                   errors: str = "raise") -> Any:
    """Evaluates every ticket of a pandas DataFrame of events at `now`.

    `frame` has a row per event and the columns of sla-check's input: ticket, at (RFC 3339
    text, aware datetimes, or a datetime64 column with a time zone) and event, and any of type,
    severity, plan, region, timezone, country, status, users_affected (missing values: not
    given), plus optionally `line` (how rows are named in errors; else the position from 1).
    Each ticket's events are taken in time order, `created` first at its instant, the others
    in frame order — as sla-check does. The GIL is released while the tickets are evaluated.

    output="rows": one row per ticket and target, in the order of the tickets' first rows and
    the policy's target order: ticket, type, severity, plan, region, country, target, calendar,
    amount, state, deadline, met_at, breached_at (datetime64[ns, UTC], NaT when none),
    target_seconds, accrued_seconds, remaining_seconds, percent (not rounded), warnings (lists),
    escalation, cycles, completed_cycles (lists of CompletedCycle), rule, next_change. A ticket
    without targets has one row with them empty.
    output="json": one row per ticket, columns ticket and json, json being the line sla-check
    writes for it.

    errors="raise": the first unusable row or rejected event raises sla.Error. errors="report":
    each becomes a row first in the answer (by line) with columns `line` and `error` (and, for
    output="json", json = sla-check's {"line": N, "error": ...}), and the ticket is evaluated
    without that event, as sla-check does. A ticket whose evaluation fails gives a row with
    line <NA> and error "ticket ID: ...".
    """
    answer = _sla._evaluate_columns(policy, _event_columns(frame), now, output, errors)
    return _answer_frame(answer)


# ---- read_events: sla-check's input -----------------------------------------------------------

def read_events(data: Union[bytes, str], header: Optional[Sequence[str]] = None) -> Tuple[Any, List[Tuple[int, str]], int]:
    """Reads ticket events in sla-check's input format — JSON Lines, or CSV after a header line —
    with sla-check's own reader: the same lines are rejected, with the same messages.

    Returns (events, errors, lines): events, a DataFrame that evaluate_frame takes (line — from
    1 —, ticket, at as datetime64[ns, UTC], event, type, severity, plan, region, timezone,
    country and status as categoricals, users_affected as Int64; missing where a field is not
    given); errors, the lines that
    cannot be used as [(line, message)]; lines, the number of lines, blank ones included (so a
    caller reading a file in pieces can number the next piece's lines). `header` is the CSV
    header in force when `data` does not start with one (the first line of its file).
    """
    import pandas as pd

    if isinstance(data, str):
        data = data.encode("utf-8")
    answer = _sla._read_events(data, None if header is None else list(header))
    data = {}
    for name, values in answer["columns"].items():
        if name == "at":
            data[name] = pd.Series(values.view("M8[ns]"), dtype="M8[ns]").dt.tz_localize("UTC")
        elif name == "line":
            data[name] = values
        elif name == "ticket":
            data[name] = pd.Series(values, dtype=object)
        elif name == "users_affected":
            data[name] = pd.arrays.IntegerArray(*values)
        else:
            codes, categories = values
            data[name] = pd.Categorical.from_codes(codes, categories=categories)
    return pd.DataFrame(data), answer["errors"], answer["lines"]


# ---- calc: sla-calc's requests -------------------------------------------------------------

_CALC_FIELDS = ("id", "calendar", "op", "start", "end", "seconds", "days")
# op → (needs end, needs seconds, needs days)
_CALC_OPS = {
    "add": (False, True, False), "subtract": (False, True, False), "elapsed": (True, False, False),
    "next_open": (False, False, False), "add_business_days": (False, False, True),
    "is_open": (False, False, False), "next_business_day_close": (False, False, False),
}
_calendars: Dict[str, BusinessCalendar] = {}


def _request_error(path: str, message: str) -> Error:
    return Error(f"{path}: {message}" if path else message, "invalid_argument", path=path or None,
                 message=message)


def _calendar_of(spec: Any) -> BusinessCalendar:
    """A compiled calendar for a request's spec; identical specs are compiled once."""
    if not isinstance(spec, Mapping):
        raise _request_error("calendar", "expected a calendar spec object such as "
                             "{\"timezone\": \"UTC\", \"hours\": \"always\"}")
    key = json.dumps(spec, ensure_ascii=False)
    if key not in _calendars:
        if len(_calendars) >= 4096:
            _calendars.clear()
        try:
            _calendars[key] = BusinessCalendar(key)
        except Error as e:
            path = f"calendar.{e.path}" if e.path else "calendar"
            raise Error(f"{path}: {e.message}", e.code, path=path, message=e.message) from None
    return _calendars[key]


def _whole(request: Mapping[str, Any], field: str) -> int:
    value = request[field]
    if isinstance(value, bool) or not isinstance(value, int):
        raise _request_error(field, f"expected a whole number, got {value!r}")
    return value


def calc(request: Union[Mapping[str, Any], str]) -> Union[str, int, bool, None]:
    """Answers one sla-calc request (a mapping, or its JSON text) with what sla-calc writes
    under "result": an instant as "YYYY-MM-DDTHH:MM:SSZ" or None (never), whole seconds for
    elapsed, True/False for is_open. A request sla-calc answers with an error raises sla.Error.
    """
    if isinstance(request, str):
        request = json.loads(request)
    if not isinstance(request, Mapping):
        raise _request_error("", "expected a JSON object such as {\"id\": 1, \"calendar\": {...}, \"op\": \"add\", ...}")
    for field in request:
        if field not in _CALC_FIELDS:
            raise _request_error(field, f"unknown field '{field}'; expected {', '.join(_CALC_FIELDS)}")
    op = request.get("op")
    if op not in _CALC_OPS:
        raise _request_error("op", f"unknown op {op!r}; expected one of {', '.join(_CALC_OPS)}")
    for field in ("calendar", "start"):
        if field not in request:
            raise _request_error("", f"missing field '{field}'")
    for field, needed in zip(("end", "seconds", "days"), _CALC_OPS[op]):
        if needed and field not in request:
            raise _request_error("", f"missing field '{field}'; op {op} needs it")
        if not needed and field in request:
            raise _request_error(field, f"field '{field}' does not apply to op {op}")
    calendar = _calendar_of(request["calendar"])
    for field in ("start", "end"):
        if field in request and not isinstance(request[field], str):
            raise _request_error(field, f"expected an RFC 3339 string, got {request[field]!r}")
    start = request["start"]
    if op == "elapsed":
        return int(calendar.elapsed(start, request["end"]).total_seconds())
    if op == "is_open":
        return calendar.is_open(start)
    if op == "add_business_days":
        days = _whole(request, "days")
        if not 0 <= days <= 2**31 - 1:
            raise _request_error("days", f"{days} business days: expected a count from 0 to {2**31 - 1}")
        result = calendar.add_business_days(start, days)
    elif op in ("add", "subtract"):
        result = getattr(calendar, op)(start, _whole(request, "seconds"))
    else:
        result = getattr(calendar, op)(start)
    return None if result is None else format_instant(result)

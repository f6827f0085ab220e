"""sla.read_events and sla.evaluate_frame: a log read and evaluated in one process gives
sla-check's output byte for byte (rejected lines included); rows per ticket and target match
sla-check's targets; the GIL is released while the tickets are evaluated."""
import json
import threading
import time

import pandas as pd
import pytest

import sla
from conftest import POLICIES, sla_check_lines
from test_evaluate import NOW, generated_log

XEN = POLICIES / "xen.yaml"
ZONES = ["--timezones", "Europe/Berlin,America/New_York,Australia/Sydney"]


def in_process_sla_check(policy, log):
    """sla-check's JSON lines, computed by the module: read_events, then evaluate_frame."""
    events, errors, _ = sla.read_events(log)
    answer = sla.evaluate_frame(policy, events, NOW, output="json", errors="report")
    rejected = [(int(line), text) for line, text in zip(answer["line"], answer["json"]) if not pd.isna(line)]
    read = [(line, json.dumps({"line": line, "error": message}, ensure_ascii=False)) for line, message in errors]
    tickets = answer[answer["error"].isna()]["json"].tolist()
    return [text for _, text in sorted(read + rejected, key=lambda e: e[0])] + tickets


@pytest.mark.parametrize("name,extra", [("avallain", []), ("xen", ZONES), ("advendio", []), ("aveksa", []),
                                        ("schoolstatus", []), ("examples/global-desk", ["--countries", "DE,JP,US"])])
def test_a_log_gives_sla_checks_output_byte_for_byte(name, extra):
    path = POLICIES / f"{name}.yaml"
    log = generated_log(path, 400, 11, "--bad", "25", *extra)
    expected = sla_check_lines(path, NOW, log)
    assert sum('"error"' in line[:30] for line in expected) == 25
    assert in_process_sla_check(sla.Policy.load(path), log) == expected


def test_csv_input_gives_the_same_events_as_json():
    log = generated_log(XEN, 50, 3, *ZONES)
    events, errors, lines = sla.read_events(log)
    assert not errors and lines == len(log.splitlines()) == len(events)
    header = ["ticket", "at", "event", "type", "severity", "plan", "timezone", "status"]
    rows = [",".join(str(json.loads(line).get(c, "")) for c in header) for line in log.splitlines()]
    again, errors, _ = sla.read_events("\n".join([",".join(header)] + rows) + "\n")
    assert not errors
    assert again.drop(columns="line").equals(events.drop(columns="line"))
    # A piece of a file after its header: the header is given.
    tail, errors, lines = sla.read_events("\n".join(rows[10:]) + "\n", header=header)
    assert not errors and len(tail) == len(rows) - 10 and list(tail["line"])[:2] == [1, 2]


def flattened_sla_check(path, log):
    rows = []
    for line in sla_check_lines(path, NOW, log):
        ticket = json.loads(line)
        for t in ticket["targets"]:
            rows.append({"ticket": ticket["ticket"], "type": ticket["type"], "severity": ticket["severity"],
                         "plan": ticket["plan"], "region": ticket["region"], "country": ticket["country"],
                         "target": t["name"], "calendar": t["calendar"], "amount": t["amount"], "state": t["state"],
                         "deadline": t["deadline"], "met_at": t["met_at"], "breached_at": t["breached_at"],
                         "target_seconds": t["target_seconds"], "accrued_seconds": t["accrued_seconds"],
                         "remaining_seconds": t["remaining_seconds"], "percent": t["percent"],
                         "warnings": t["warnings"], "escalation": t["escalation"], "cycles": t["cycles"],
                         "completed_cycles": len(t["completed_cycles"]), "rule": t["rule"],
                         "next_change": ticket["next_change"]})
    return rows


def normalised(frame):
    """evaluate_frame's rows in sla-check's terms: instants as text, percent to one decimal."""
    out = []
    for row in frame.to_dict("records"):
        for c in ("deadline", "met_at", "breached_at", "next_change"):
            row[c] = None if pd.isna(row[c]) else sla.format_instant(row[c])
        row["percent"] = float(f"{row['percent']:.1f}")
        row["completed_cycles"] = len(row["completed_cycles"])
        out.append(row)
    return out


def test_rows_are_sla_checks_targets_row_for_row():
    log = generated_log(XEN, 300, 8, *ZONES)
    events, _, _ = sla.read_events(log)
    rows = sla.evaluate_frame(sla.Policy.load(XEN), events.drop(columns="line"), NOW)
    assert list(rows.columns) == ["ticket", "type", "severity", "plan", "region", "country", "target", "calendar",
                                  "amount", "state", "deadline", "met_at", "breached_at", "target_seconds",
                                  "accrued_seconds", "remaining_seconds", "percent", "warnings", "escalation", "cycles",
                                  "completed_cycles", "rule", "next_change"]
    assert str(rows["deadline"].dtype) == "datetime64[ns, UTC]" and rows["accrued_seconds"].dtype == "int64"
    assert normalised(rows) == flattened_sla_check(XEN, log)


def test_every_way_to_give_at_gives_the_same_rows(avallain):
    log = generated_log(POLICIES / "avallain.yaml", 40, 2)
    events = pd.DataFrame([json.loads(line) for line in log.splitlines()])
    as_text = sla.evaluate_frame(avallain, events, NOW)
    as_datetime64 = sla.evaluate_frame(avallain, events.assign(at=pd.to_datetime(events["at"], utc=True)), NOW)
    as_berlin = sla.evaluate_frame(
        avallain, events.assign(at=pd.to_datetime(events["at"], utc=True).dt.tz_convert("Europe/Berlin")), NOW)
    as_objects = sla.evaluate_frame(avallain, events.assign(at=pd.Series([sla.parse_instant(t) for t in events["at"]],
                                                                       dtype=object)),
                                    sla.parse_instant(NOW))
    as_categories = sla.evaluate_frame(avallain, events.astype({"ticket": "category", "event": "category",
                                                                "type": "category", "status": "category"}), NOW)
    for other in (as_datetime64, as_berlin, as_objects, as_categories):
        pd.testing.assert_frame_equal(as_text, other)


def test_bad_frames_are_errors(avallain):
    events = pd.DataFrame([{"ticket": "T", "at": "2026-11-23T10:00:00Z", "event": "created", "type": "bug",
                            "severity": "urgent"},
                           {"ticket": "T", "at": "2026-11-23T11:00:00Z", "event": "status", "status": "napping"}])
    with pytest.raises(sla.Error) as rejected:
        sla.evaluate_frame(avallain, events, NOW)
    assert "ticket T: status event at 2026-11-23T11:00:00Z: unknown status \"napping\"" in str(rejected.value)
    report = sla.evaluate_frame(avallain, events, NOW, errors="report")
    assert list(report["line"][:1]) == [2] and "napping" in report["error"][0]
    assert report["target"].tolist()[1:] == ["response", "resolution"]
    with pytest.raises(sla.Error, match="unknown event column"):
        sla.evaluate_frame(avallain, events.assign(colour="red"), NOW)
    with pytest.raises(sla.Error, match="the column"):
        sla.evaluate_frame(avallain, events.drop(columns="at"), NOW)
    with pytest.raises(sla.Error, match="without a time zone"):
        sla.evaluate_frame(avallain, events.assign(at=pd.to_datetime(["2026-11-23 10:00", "2026-11-23 11:00"])), NOW)
    with pytest.raises(sla.Error, match="row 2: at: missing UTC offset"):
        sla.evaluate_frame(avallain, events.assign(at=["2026-11-23T10:00:00Z", "2026-11-23T11:00:00"]), NOW)
    with pytest.raises(ValueError):
        sla.evaluate_frame(avallain, events, NOW, output="xml")
    empty = sla.evaluate_frame(avallain, events.iloc[:0], NOW)
    assert len(empty) == 0 and "deadline" in empty.columns


def test_the_gil_is_released_while_tickets_are_evaluated(avallain):
    # A thread that wakes every millisecond runs while _evaluate_columns computes, which it
    # could not if the call held the GIL throughout (pybind11 does not release it by itself).
    log = generated_log(POLICIES / "avallain.yaml", 6000, 4)
    events, _, _ = sla.read_events(log)
    columns = sla._event_columns(events.drop(columns="line"))
    ticks, done = [], threading.Event()

    def sampler():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    thread = threading.Thread(target=sampler)
    thread.start()
    time.sleep(0.05)
    began = time.perf_counter()
    sla._sla._evaluate_columns(avallain, columns, NOW, "json", "raise")
    ended = time.perf_counter()
    done.set()
    thread.join()
    inside = [t for t in ticks if began < t < ended]
    assert ended - began > 0.02, "the evaluation is too short to tell"
    assert len(inside) >= 3, f"{len(inside)} ticks in {ended - began:.3f} s"

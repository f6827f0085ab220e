#!/usr/bin/env python3
"""Markdown tables from Google Benchmark JSON written with --benchmark_repetitions=5
--benchmark_report_aggregates_only=true: the median of the repetitions, the spread as the
coefficient of variation (stddev / mean) across them, and each fast path's ratio to its naive
baseline (BM_Naive_X/... beside BM_Calendar_X/... or BM_Ticket_X/...).

Usage: tabulate.py RESULT.json... > table.md
"""
import json
import re
import sys

UNIT = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def load(paths):
    runs = {}
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        for b in data["benchmarks"]:
            if b.get("run_type") != "aggregate":
                continue
            name = re.sub(r"/(min_time:[0-9.]+|iterations:\d+|real_time)", "", b["run_name"])
            entry = runs.setdefault(name, {})
            entry[b["aggregate_name"]] = b
    return runs


# Single-threaded figures are CPU time: on a shared 2-core machine, wall time also counts the
# time the scheduler gave to other processes. Throughput figures use wall time (items/s).
def ns(b, key="cpu_time"):
    return b[key] * UNIT[b["time_unit"]]


def show_time(t):
    if t < 1e3:
        return f"{t:.1f} ns" if t < 100 else f"{t:.0f} ns"
    if t < 1e6:
        return f"{t / 1e3:.2f} µs" if t < 1e4 else f"{t / 1e3:.0f} µs"
    if t < 1e9:
        return f"{t / 1e6:.2f} ms" if t < 1e7 else f"{t / 1e6:.0f} ms"
    return f"{t / 1e9:.2f} s"


def median(runs, name, key="cpu_time"):
    r = runs.get(name)
    return ns(r["median"], key) if r and "median" in r else None


def spread(runs, name):
    r = runs.get(name)
    if not r or "cv" not in r:
        return ""
    return f"±{r['cv']['cpu_time'] * 100:.1f}%"


def naive_of(name):
    return re.sub(r"^BM_(Calendar|Ticket)_", "BM_Naive_", name)


def cell(runs, name):
    t = median(runs, name)
    return "—" if t is None else f"{show_time(t)} {spread(runs, name)}".strip()


def ratio(runs, name):
    fast, slow = median(runs, name), median(runs, naive_of(name))
    if fast is None or slow is None:
        return "—"
    return f"{slow / fast:,.0f}×"


def mismatches(runs, name):
    r = runs.get(naive_of(name))
    if not r:
        return ""
    return "" if r["median"].get("mismatches", 0) == 0 else f" ({r['median']['mismatches']:.0f} mismatches!)"


def main():
    runs = load(sys.argv[1:])
    out = []
    calendars = []
    for name in runs:
        m = re.match(r"BM_Calendar_Add/([^/]+)/", name)
        if m and m.group(1) not in calendars:
            calendars.append(m.group(1))
    durations = ["15_minutes", "8_hours", "5_business_days", "60_business_days", "1_year"]

    if calendars:
        out.append("| calendar | duration | add (median, CV) | naive add | add ratio | elapsed (median, CV) | naive elapsed | elapsed ratio |")
        out.append("|---|---|---|---|---|---|---|---|")
        for c in calendars:
            for d in durations:
                a, e = f"BM_Calendar_Add/{c}/{d}", f"BM_Calendar_Elapsed/{c}/{d}"
                out.append(f"| {c} | {d.replace('_', ' ')} | {cell(runs, a)} | {cell(runs, naive_of(a))} | {ratio(runs, a)}{mismatches(runs, a)} "
                           f"| {cell(runs, e)} | {cell(runs, naive_of(e))} | {ratio(runs, e)}{mismatches(runs, e)} |")
        out.append("")
        out.append("| operation | calendar | fast (median, CV) | naive | ratio |")
        out.append("|---|---|---|---|---|")
        for name in runs:
            m = re.match(r"BM_Calendar_(NextOpen|AddBusinessDays)/(.*)", name)
            if m:
                label = "next_open" if m.group(1) == "NextOpen" else "add_business_days, n = " + m.group(2).split("/")[-1]
                cal = m.group(2).split("/")[0]
                out.append(f"| {label} | {cal} | {cell(runs, name)} | {cell(runs, naive_of(name))} | {ratio(runs, name)}{mismatches(runs, name)} |")
        out.append("")

    compiles = [n for n in runs if n.startswith("BM_Calendar_Compile/")]
    if compiles:
        out.append("| calendar | compile (median, CV) | memory_bytes | heap_bytes | holidays | naive constructor |")
        out.append("|---|---|---|---|---|---|")
        for name in compiles:
            med = runs[name]["median"]
            out.append(f"| {name.split('/', 1)[1]} | {cell(runs, name)} | {med.get('memory_bytes', 0) / 1024:.1f} KiB "
                       f"| {med.get('heap_bytes', 0) / 1024:.1f} KiB | {med.get('holidays', 0):.0f} | {cell(runs, naive_of(name))} |")
        for name in ["BM_Zone_LoadCold", "BM_Calendar_CompileColdZone/new_york_hours"]:
            if name in runs:
                out.append(f"| {name} | {cell(runs, name)} | | | | |")
        out.append("")

    tickets = [n for n in runs if re.match(r"BM_Ticket_(Evaluate|TrackerEvaluate)/", n)]
    if tickets:
        out.append("| benchmark | median, CV | naive | ratio |")
        out.append("|---|---|---|---|")
        for name in tickets:
            out.append(f"| {name} | {cell(runs, name)} | {cell(runs, naive_of(name))} | {ratio(runs, name)}{mismatches(runs, name)} |")
        out.append("")
    throughput = [n for n in runs if n.startswith("BM_Ticket_EvaluateThroughput/")]
    if throughput:
        out.append("| throughput | threads | events/s, all threads (median, CV) | wall time per evaluate, all threads | CPU time per evaluate |")
        out.append("|---|---|---|---|---|")
        for name in throughput:
            med = runs[name]["median"]
            cv = runs[name].get("cv", {}).get("items_per_second")
            cv_text = f" ±{cv * 100:.1f}%" if cv is not None else ""
            base, threads = name.rsplit("/threads:", 1)
            out.append(f"| {base.split('/', 1)[1]} | {threads} | {med['items_per_second'] / 1e6:.2f} M{cv_text} "
                       f"| {show_time(ns(med, 'real_time'))} | {show_time(ns(med))} |")
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()

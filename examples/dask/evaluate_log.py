#!/usr/bin/env python3
"""Evaluates a ticket event log on a Dask cluster: sla-check's answer, computed by many workers.

    evaluate_log.py --policy P --now TIME [--workers N | --scheduler ADDRESS] [options] LOG...

The log is JSON Lines (or CSV with a header on each file's first line), the input of sla-check,
on a path every worker can read (a shared file system, or any URL fsspec reads). It is read in
blocks by the workers, parsed there as sla-check parses it, shuffled so that each ticket's
events meet in one partition, and each partition is evaluated by sla.evaluate_frame (the GIL
released) against the policy, which every worker loads once.

The output is sla-check's, line for line and byte for byte: first one {"line": N, "error": …}
line per input line that cannot be used (with "file" when several logs are given), by position,
then one JSON line per ticket, in the order of the tickets' first events. The lines are read by
sla-check's own reader (sla.read_events), so the same lines are rejected with the same messages.
Standard error ends with sla-check's `lines=L events=E tickets=T errors=X`, then
`seconds=S events_per_second=R workers=W worker_cpu_seconds=C`: the wall time from reading the
log to the last line written (without starting the cluster), the events evaluated per second
of it, and the CPU time the workers spent meanwhile (C close to W × S: the workers had their
cores to themselves; much less: they waited, for data or for a busy machine).

  --workers N          a LocalCluster of N worker processes on this machine (default 2)
  --scheduler ADDRESS  a running cluster instead (tcp://host:8786); the workers need the sla
                       module (installed, or --module-dir) and the policy at the same path
  --module-dir DIR     a directory holding the package sla (e.g. build/python), put first on
                       every worker's sys.path
  --output FILE        write here instead of standard output; --output-dir DIR instead writes
                       the ticket lines on the workers, one DIR/part-NNNNN.jsonl per partition
                       (tickets in first-event order within a file), and DIR/errors.jsonl, for
                       answers too large to gather on the client
  --blocksize BYTES    bytes of log per read task (default 64MiB)
  --partitions N       partitions after the shuffle by ticket (default: max(blocks, 2 × workers))

Exit status: 0 every line used, 1 some lines rejected, 2 could not run (as sla-check).
"""

import argparse
import csv
import itertools
import logging
import os
import sys
import tempfile
import time

# The event fields of sla-check's input (examples/common/event_reader.hpp).
FIELDS = ("type", "severity", "plan", "region", "timezone", "country", "status", "users_affected")
COLUMNS = ("seq", "ticket", "at", "event") + FIELDS
LINE_BITS = 32  # seq = block << LINE_BITS | line within the block: the input order


# ---- Reading, as sla-check reads --------------------------------------------------------------

def json_quote(text):
    """A JSON string exactly as sla-check writes one (examples/common/json_text.hpp)."""
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(escapes.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x20 else c) for c in text) + '"'


def is_csv_header(cells):
    return bool(cells) and all(c in ("ticket", "at", "event") + FIELDS for c in cells)


def parse_block(data, block, header):
    """One block of a log, read by sla-check's reader (sla.read_events): (its events with seq,
    its line count — blank lines included —, its problems as [(seq, message)], events read)."""
    import sla

    events, errors, lines = sla.read_events(data, header)
    events.insert(0, "seq", (block << LINE_BITS) | (events["line"].to_numpy() - 1))
    problems = [((block << LINE_BITS) | (line - 1), message) for line, message in errors]
    return events.drop(columns="line"), lines, problems, len(events)


# ---- Evaluating on the workers ----------------------------------------------------------------

class SlaWorkerSetup:
    """A worker plugin: puts --module-dir on sys.path and loads the policy once per worker.

    The policy is read from its absolute path (a worker's working directory is its own) but
    named as the user gave it, as sla-check names it: its rules' positions ("rule" in the
    output) then read the same."""

    name = "sla-setup"

    def __init__(self, module_dir, policy_path):
        self.module_dir = module_dir
        self.policy_path = policy_path
        self.policy_file = os.path.abspath(policy_path)

    def setup(self, worker):
        if self.module_dir and self.module_dir not in sys.path:
            sys.path.insert(0, self.module_dir)
        import sla
        with open(self.policy_file, encoding="utf-8", newline="") as f:
            text = f.read()
        worker.sla_policy = sla.Policy.parse(text, self.policy_path, os.path.dirname(self.policy_file))


def evaluate_partition(part, now):
    """A partition's tickets (all of each one's events): sla-check's line per ticket, and a
    row per rejected event, ordered by seq."""
    import sla
    from distributed import get_worker

    part = part.sort_values("seq", kind="stable")
    first_seen = part.groupby("ticket", sort=False)["seq"].min()
    events = part.drop(columns=["seq"]).assign(line=part["seq"].to_numpy())
    answer = sla.evaluate_frame(get_worker().sla_policy, events, now, output="json", errors="report")
    is_error = answer["error"].notna()
    seq = answer["ticket"].map(first_seen).astype("Int64")  # a ticket: its first event
    seq[is_error] = answer["line"][is_error]                 # a rejected event: itself
    answer["seq"] = seq.fillna(-1).astype("int64")           # an evaluation that failed: -1
    answer["is_error"] = is_error
    return answer[["seq", "is_error", "ticket", "error", "json"]]


def write_partition(part, directory, partition_info=None):
    """--output-dir: writes a partition's ticket lines on the worker; returns its rows without
    the lines, for the client to count and to write the problems."""
    import fsspec

    tickets = part[~part["is_error"]].sort_values("seq", kind="stable")
    number = partition_info["number"] if partition_info else 0
    with fsspec.open(f"{directory}/part-{number:05d}.jsonl", "w", encoding="utf-8") as out:
        for line in tickets["json"]:
            out.write(line + "\n")
    return part.assign(json=None)


# ---- The client -------------------------------------------------------------------------------

def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--policy", required=True, help="policy file (YAML), readable by every worker")
    parser.add_argument("--now", required=True, help="the instant to evaluate at, RFC 3339")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=2, help="worker processes of a LocalCluster (default 2)")
    where.add_argument("--scheduler", help="address of a running scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--module-dir", help="directory holding the package sla, for the workers")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--output", help="output file (default: standard output)")
    out.add_argument("--output-dir", help="write the ticket lines on the workers, one file per partition")
    parser.add_argument("--blocksize", default="64MiB", help="bytes of log per read task (default 64MiB)")
    parser.add_argument("--partitions", type=int, help="partitions after the shuffle by ticket")
    parser.add_argument("logs", nargs="+", help="event logs (JSON Lines or CSV), paths or URLs")
    return parser.parse_args()


def connect(args):
    from distributed import Client, LocalCluster

    if args.scheduler:
        return Client(args.scheduler)
    if args.workers < 1:
        raise SystemExit("evaluate_log: --workers must be at least 1")
    # Workers' scratch space in the system's temporary directory, not the current one.
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR, local_directory=tempfile.gettempdir())
    return Client(cluster)


def csv_headers(paths):
    """Each file's CSV header (its first line), or None for JSON Lines."""
    import fsspec

    headers = []
    for path in paths:
        with fsspec.open(path, "rt", encoding="utf-8", errors="replace") as f:
            first = f.readline().rstrip("\r\n")
        cells = next(csv.reader([first])) if first and not first.lstrip(" \t").startswith("{") else []
        headers.append(cells if is_csv_header(cells) else None)
    return headers


def build(args, client):
    """The graph: the answer frame; per block its line count, problems and events read; each
    block's file; the files' names."""
    import dask
    import dask.dataframe as dd
    import pandas as pd
    from dask.bytes import read_bytes
    from dask.utils import parse_bytes

    _, blocks, paths = read_bytes(args.logs, delimiter=b"\n", blocksize=parse_bytes(args.blocksize), sample=False,
                                  include_path=True)
    headers = csv_headers(paths)
    parsed, files = [], []
    for file, (file_blocks, header) in enumerate(zip(blocks, headers)):
        for data in file_blocks:
            parsed.append(dask.delayed(parse_block, nout=4)(data, len(parsed), header))
            files.append(file)
    meta = pd.DataFrame({c: pd.Series(dtype="int64" if c == "seq" else "M8[ns, UTC]" if c == "at" else object)
                         for c in COLUMNS})
    events = dd.from_delayed([p[0] for p in parsed], meta=meta, verify_meta=False)
    workers = max(1, len(client.scheduler_info()["workers"]))
    partitions = args.partitions or max(len(parsed), 2 * workers)
    shuffled = events.shuffle("ticket", npartitions=partitions, shuffle="tasks")
    answer_meta = pd.DataFrame({"seq": pd.Series(dtype="int64"), "is_error": pd.Series(dtype=bool),
                                "ticket": pd.Series(dtype=object), "error": pd.Series(dtype=object),
                                "json": pd.Series(dtype=object)})
    answer = shuffled.map_partitions(evaluate_partition, args.now, meta=answer_meta)
    if args.output_dir:
        answer = answer.map_partitions(write_partition, args.output_dir, meta=answer_meta)
    counts = [p[1] for p in parsed]
    problems = [p[2] for p in parsed]
    read = [p[3] for p in parsed]
    names = args.logs if len(args.logs) == len(paths) else paths  # as given, unless a pattern was expanded
    return answer, counts, problems, read, files, names


def worker_cpu_seconds(client):
    """CPU seconds (user + system) the worker processes have used so far, summed."""
    def used():
        import resource
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime
    return sum(client.run(used).values())


def first_lines(counts, files):
    """Per block, how many lines of its file come before it."""
    before, seen = [], {}
    for count, file in zip(counts, files):
        before.append(seen.get(file, 0))
        seen[file] = before[-1] + count
    return before


def position(seq, before, files):
    """(file index, line number from 1) of a seq."""
    block, line = seq >> LINE_BITS, seq & ((1 << LINE_BITS) - 1)
    return files[block], before[block] + line + 1


def write_lines(path, lines):
    """Writes the lines to `path` (fsspec: a local path or a URL), or to standard output."""
    import fsspec

    if path is None:
        sys.stdout.writelines(line + "\n" for line in lines)
        sys.stdout.flush()
        return
    with fsspec.open(path, "w", encoding="utf-8") as out:
        out.writelines(line + "\n" for line in lines)


def error_line(file, line, message, names):
    if len(names) > 1:
        return f'{{"file": {json_quote(names[file])}, "line": {line}, "error": {json_quote(message)}}}'
    return f'{{"line": {line}, "error": {json_quote(message)}}}'


def main():
    args = arguments()
    if args.module_dir:
        module_dir = os.path.abspath(args.module_dir)
        sys.path.insert(0, module_dir)
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [module_dir, os.environ.get("PYTHONPATH")]))
        args.module_dir = module_dir
    import sla
    import dask

    try:
        sla.Policy.load(args.policy)
        sla.parse_instant(args.now)
    except sla.Error as e:
        print(f"evaluate_log: {e}", file=sys.stderr)
        return 2
    try:
        client = connect(args)
    except OSError as e:
        print(f"evaluate_log: cannot reach the cluster: {e}", file=sys.stderr)
        return 2
    with client:
        try:
            client.register_worker_plugin(SlaWorkerSetup(args.module_dir, args.policy), name=SlaWorkerSetup.name)
        except (ImportError, sla.Error) as e:
            print(f"evaluate_log: a worker cannot evaluate: {e}", file=sys.stderr)
            return 2
        started, cpu_before = time.perf_counter(), worker_cpu_seconds(client)
        try:
            answer, counts, problems, read, files, names = build(args, client)
            answer, counts, problems, read = dask.compute(answer, counts, problems, read)
            workers = len(client.scheduler_info()["workers"])
            cpu = worker_cpu_seconds(client) - cpu_before
        except (FileNotFoundError, IsADirectoryError, PermissionError) as e:
            print(f"evaluate_log: cannot read {e.filename}: {e.strerror}", file=sys.stderr)
            return 2
        status, events = report(args, answer, counts, problems, files, names, sum(read))
        seconds = time.perf_counter() - started
        print(f"seconds={seconds:.2f} events_per_second={events / seconds:.0f} workers={workers} "
              f"worker_cpu_seconds={cpu:.1f}", file=sys.stderr)
        return status


def report(args, answer, counts, problems, files, names, parsed_events):
    """Writes the answer in sla-check's order and its counts; returns (exit status, events
    evaluated)."""
    before = first_lines(counts, files)
    errors = []  # (file, line, message)
    for block_problems in problems:
        for seq, message in block_problems:
            errors.append((*position(seq, before, files), message))
    rejected = answer[answer["is_error"] & (answer["seq"] >= 0)]
    failed = answer[answer["is_error"] & (answer["seq"] < 0)]
    for seq, message in zip(rejected["seq"], rejected["error"]):
        errors.append((*position(int(seq), before, files), message))
    errors.sort(key=lambda e: (e[0], e[1]))
    error_lines = [error_line(f, n, m, names) for f, n, m in errors]
    if args.output_dir:
        write_lines(f"{args.output_dir}/errors.jsonl", error_lines)
    else:
        tickets = answer[~answer["is_error"]].sort_values("seq", kind="stable")
        write_lines(args.output, itertools.chain(error_lines, tickets["json"]))
    for message in failed["error"]:
        print(message, file=sys.stderr)
    events = parsed_events - len(rejected)
    read_lines = parsed_events + sum(len(p) for p in problems)
    ticket_count = int((~answer["is_error"]).sum())
    print(f"lines={read_lines} events={events} tickets={ticket_count} errors={len(errors)}", file=sys.stderr)
    return (1 if errors or len(failed) else 0), events


if __name__ == "__main__":
    sys.exit(main())

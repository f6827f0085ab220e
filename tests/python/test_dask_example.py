"""examples/dask/evaluate_log.py on a LocalCluster of 2 worker processes: its output equals
sla-check's, byte for byte, for generated logs with rejected lines — read whole, or in many
small blocks and partitions, from several files, or written by the workers into a directory."""
import collections
import os
import pathlib
import subprocess

import sla
from conftest import BIN_DIR, POLICIES, PYTHON, SOURCE_DIR
from test_evaluate import NOW, generated_log

SCRIPT = SOURCE_DIR / "examples" / "dask" / "evaluate_log.py"
MODULE_DIR = pathlib.Path(sla.__file__).resolve().parent.parent  # the directory holding the package sla


def evaluate_log(*args, cwd=None):
    """Runs the example with the module found through --module-dir only (no PYTHONPATH), as a
    cluster whose workers are given the module's directory would."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([PYTHON, str(SCRIPT), "--workers", "2", "--module-dir", str(MODULE_DIR), *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=300, cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return done


def sla_check(policy, log_path, cwd=None):
    done = subprocess.run([str(BIN_DIR / "sla-check"), "--policy", str(policy), "--now", NOW, str(log_path)],
                          capture_output=True, text=True, cwd=cwd)
    return done


def write_log(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_two_workers_give_sla_checks_output(tmp_path):
    # The policy named relative to the working directory, as a user types it: each target's
    # "rule" names it so in sla-check's output, and so must it in the example's.
    log = write_log(tmp_path, "events.jsonl", generated_log(POLICIES / "avallain.yaml", 2000, 21, "--bad", "20"))
    expected = sla_check("policies/avallain.yaml", log, cwd=SOURCE_DIR)
    assert '"rule": "policies/avallain.yaml:' in expected.stdout
    got = evaluate_log("--policy", "policies/avallain.yaml", "--now", NOW, log, cwd=SOURCE_DIR)
    assert got.stdout == expected.stdout
    assert got.returncode == expected.returncode == 1  # some lines rejected
    counts = expected.stderr.strip().splitlines()[-1]
    assert counts in got.stderr.splitlines()  # lines=… events=… tickets=… errors=…
    assert "events_per_second=" in got.stderr


def test_small_blocks_many_partitions_and_an_output_directory(tmp_path):
    policy = POLICIES / "xen.yaml"
    log = write_log(tmp_path, "events.jsonl", generated_log(policy, 1500, 22, "--bad", "15", "--timezones",
                                                            "Europe/Berlin,America/New_York,Australia/Sydney"))
    expected = sla_check(policy, log).stdout.splitlines()
    small = evaluate_log("--policy", policy, "--now", NOW, "--blocksize", "32KiB", "--partitions", "7", log)
    assert small.stdout.splitlines() == expected

    out = tmp_path / "answer"
    evaluate_log("--policy", policy, "--now", NOW, "--blocksize", "64KiB", "--output-dir", out, log)
    errors = (out / "errors.jsonl").read_text().splitlines()
    tickets = [line for part in sorted(out.glob("part-*.jsonl")) for line in part.read_text().splitlines()]
    assert errors == [line for line in expected if line.startswith('{"line"')]
    assert collections.Counter(tickets) == collections.Counter(line for line in expected if line.startswith('{"ticket"'))


def test_several_logs_are_named_in_errors_and_numbered_each_from_one(tmp_path):
    policy = POLICIES / "avallain.yaml"
    lines = generated_log(policy, 800, 23, "--bad", "12").splitlines(keepends=True)
    first = write_log(tmp_path, "monday.jsonl", "".join(lines[: len(lines) // 2]))
    second = write_log(tmp_path, "tuesday.jsonl", "\n" + "".join(lines[len(lines) // 2:]))  # a blank first line
    expected = subprocess.run([str(BIN_DIR / "sla-check"), "--policy", str(policy), "--now", NOW, str(first),
                               str(second)], capture_output=True, text=True).stdout
    assert '{"file": ' in expected
    got = evaluate_log("--policy", policy, "--now", NOW, "--blocksize", "16KiB", first, second)
    assert got.stdout == expected

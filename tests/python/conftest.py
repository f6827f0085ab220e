"""Shared fixtures of the Python tests: where the programs, policies and interpreter are.

ctest sets SLA_SOURCE_DIR, SLA_BIN_DIR, SLA_PYTHON, TZDIR (the hermetic fixture zones) and
PYTHONPATH (the build tree's package); run by hand, the defaults assume build/ under the tree.
"""
import json
import os
import pathlib
import subprocess
import sys

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("SLA_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
BIN_DIR = pathlib.Path(os.environ.get("SLA_BIN_DIR", SOURCE_DIR / "build" / "bin"))
POLICIES = SOURCE_DIR / "policies"
PYTHON = os.environ.get("SLA_PYTHON", sys.executable)


def run_program(name, *args, stdin=None):
    """Runs build/bin/NAME with args; returns its standard output (checked: exit 0 or 1)."""
    done = subprocess.run([str(BIN_DIR / name), *map(str, args)], input=stdin, capture_output=True, text=True)
    assert done.returncode in (0, 1), f"{name} failed ({done.returncode}): {done.stderr}"
    return done.stdout


def sla_check_lines(policy, now, events_text):
    """sla-check's JSON lines for a log given as text."""
    return run_program("sla-check", "--policy", policy, "--now", now, stdin=events_text).splitlines()


def events_text(events):
    return "".join(json.dumps(e) + "\n" for e in events)


@pytest.fixture(scope="session")
def avallain():
    import sla
    return sla.Policy.load(POLICIES / "avallain.yaml")

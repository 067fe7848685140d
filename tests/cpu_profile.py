"""Each test's CPU seconds, for finding what the suite's time is spent on when the machine is shared.

On a busy machine wall times say more about the other users than about the tests; CPU time does not. With
`-p tests.cpu_profile`, each test's CPU seconds (setup + call + teardown: this process's own and that of the
processes it started and waited for — CLI runs, workers, bots, sandboxes, and the children tests/forked.py forked
for it from its warm server, which that server waits for), the CPU seconds of its PostgreSQL
server (detached, so counted apart: the postmaster's and its ended backends') and wall seconds are written, with
the same CPU in each phase (`setup`: its fixtures, a session's built by the first test that needs them;
`call`; `teardown`), one JSON line a test, to `$NEWSDESK_CPU_PROFILE` (default
`cpu_profile.jsonl`; each xdist worker appends its own lines). `python -m tests.cpu_profile FILE` prints the
total, its split by phase and the heaviest tests and files:

    NEWSDESK_CPU_PROFILE=/tmp/cpu.jsonl python -m pytest -q -n auto -p tests.cpu_profile
    python -m tests.cpu_profile /tmp/cpu.jsonl
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import forked, pg_server


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime + forked.CPU.seconds


def _pg_cpu() -> dict[int, float]:
    """CPU seconds of each PostgreSQL server this process started (tests/pg_server.py's owner file names it), by
    its postmaster's pid: the postmaster's own and that of its ended backends (a test's connections end with its
    pools)."""
    found = {}
    for root in pg_server.STARTED:  # only `start` writes an owner file: the same servers as listing the folders
        try:
            if int((root / pg_server.OWNER_FILE).read_text().split()[0]) != os.getpid():
                continue
            pid = int((root / "data" / "postmaster.pid").read_text().split()[0])
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, ValueError, IndexError):
            continue
        found[pid] = sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime
    return found


# The CPU seconds (`_cpu`: this process's and its waited-for children's) of each phase of the test now running.
_PHASES: dict[str, float] = {}


def _phase(when: str) -> Iterator[None]:
    start = _cpu()
    yield
    _PHASES[when] = _PHASES.get(when, 0.0) + _cpu() - start


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    yield from _phase("setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    yield from _phase("call")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    yield from _phase("teardown")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    _PHASES.clear()
    cpu, pg, wall = _cpu(), _pg_cpu(), time.monotonic()
    yield
    line = {
        "test": item.nodeid,
        "cpu": round(_cpu() - cpu, 3),
        **{when: round(seconds, 3) for when, seconds in _PHASES.items()},  # the CPU of setup, call, teardown
        "pg_cpu": round(sum(v - pg.get(pid, 0.0) for pid, v in _pg_cpu().items()), 3),  # a stopped one: not seen
        "wall": round(time.monotonic() - wall, 3),
    }
    with open(os.environ.get("NEWSDESK_CPU_PROFILE", "cpu_profile.jsonl"), "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


def main(argv: list[str]) -> int:  # pragma: no cover - a maintenance helper
    if len(argv) != 1:
        print("usage: python -m tests.cpu_profile FILE (written by a run with -p tests.cpu_profile)", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in Path(argv[0]).read_text(encoding="utf-8").splitlines() if line.strip()]
    files: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    phases = {when: sum(r.get(when, 0.0) for r in rows) for when in ("setup", "call", "teardown")}
    for r in rows:
        f = files[r["test"].split("::", 1)[0]]
        f[0] += r["cpu"]
        f[1] += r.get("pg_cpu", 0.0)
        f[2] += r["wall"]
    cpu, pg, wall = (sum(r.get(k, 0.0) for r in rows) for k in ("cpu", "pg_cpu", "wall"))
    print(f"{len(rows)} tests: {cpu:.1f} s CPU (+ {pg:.1f} s PostgreSQL's), {wall:.1f} s wall")
    print("by phase (CPU s): " + ", ".join(f"{when} {seconds:.1f}" for when, seconds in phases.items()))
    print("\nheaviest tests (CPU s, PostgreSQL CPU s, wall s):")
    for r in sorted(rows, key=lambda r: -(r["cpu"] + r.get("pg_cpu", 0.0)))[:25]:
        print(f"{r['cpu']:8.1f} {r.get('pg_cpu', 0.0):8.1f} {r['wall']:8.1f}  {r['test']}")
    print("\nheaviest files (CPU s, PostgreSQL CPU s, wall s):")
    for name, (c, p, w) in sorted(files.items(), key=lambda kv: -(kv[1][0] + kv[1][1]))[:25]:
        print(f"{c:8.1f} {p:8.1f} {w:8.1f}  {name}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))

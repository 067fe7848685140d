"""Each test's CPU seconds, for finding what the suite's time is spent on when the machine is shared.

On a busy machine wall times say more about the other users than about the tests; CPU time does not. With
`-p tests.cpu_profile`, each test's CPU seconds (setup + call + teardown: this process's own and that of the
processes it started and waited for — CLI runs, workers, bots, sandboxes; not the PostgreSQL server's, which
runs detached) and wall seconds are written, one JSON line a test, to `$NEWSDESK_CPU_PROFILE` (default
`cpu_profile.jsonl`; each xdist worker appends its own lines). `python -m tests.cpu_profile FILE` prints the
total and the heaviest tests and files:

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


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    cpu, wall = _cpu(), time.monotonic()
    yield
    line = {"test": item.nodeid, "cpu": round(_cpu() - cpu, 3), "wall": round(time.monotonic() - wall, 3)}
    with open(os.environ.get("NEWSDESK_CPU_PROFILE", "cpu_profile.jsonl"), "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


def main(argv: list[str]) -> int:  # pragma: no cover - a maintenance helper
    if len(argv) != 1:
        print("usage: python -m tests.cpu_profile FILE (written by a run with -p tests.cpu_profile)", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in Path(argv[0]).read_text(encoding="utf-8").splitlines() if line.strip()]
    files: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for r in rows:
        f = files[r["test"].split("::", 1)[0]]
        f[0] += r["cpu"]
        f[1] += r["wall"]
    print(f"{len(rows)} tests: {sum(r['cpu'] for r in rows):.1f} s CPU, {sum(r['wall'] for r in rows):.1f} s wall")
    print("\nheaviest tests (CPU s, wall s):")
    for r in sorted(rows, key=lambda r: -r["cpu"])[:25]:
        print(f"{r['cpu']:8.1f} {r['wall']:8.1f}  {r['test']}")
    print("\nheaviest files (CPU s, wall s):")
    for name, (cpu, wall) in sorted(files.items(), key=lambda kv: -kv[1][0])[:25]:
        print(f"{cpu:8.1f} {wall:8.1f}  {name}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))

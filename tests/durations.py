"""The suite's long tests, longest first: what each took in a recorded run, so that `-n auto` starts them first.

`tests/durations.json` keeps, per test id, the seconds it took (setup + call + teardown) in a recorded run of the
whole suite, for the tests over `KEEP_SECONDS`. conftest.py collects those tests first, longest first, and has
xdist hand out the tests one at a time (`--maxschedchunk 1`: its default sends each worker a run of consecutive
tests, which put every long one on the first worker), so the long ones are spread over the workers from the start
instead of one of them starting last and holding the end. A test not recorded (a new one)
keeps its place after them. Figures are an order, not a budget: no test reads them as a limit.

Record them again from a full run's report (`python -m pytest -q -n auto --durations=0 > report.txt`):

    python -m tests.durations report.txt
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

RECORDED = Path(__file__).with_name("durations.json")
KEEP_SECONDS = 2.0
_LINE = re.compile(r"^\s*(\d+(?:\.\d+)?)s (setup|call|teardown)\s+(\S.*?)\s*$")

T = TypeVar("T")


def recorded() -> dict[str, float]:
    try:
        return {str(k): float(v) for k, v in json.loads(RECORDED.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError):
        return {}


def longest_first(items: Sequence[T], ids: Iterable[str], seconds: dict[str, float]) -> list[T]:
    """`items` (whose test ids are `ids`) with the recorded ones first, longest first; the others after them in
    their order."""
    keyed = [(-seconds.get(i, 0.0), n, item) for n, (i, item) in enumerate(zip(ids, items, strict=True))]
    return [item for *_, item in sorted(keyed, key=lambda k: (k[0], k[1]))]


def from_report(lines: Iterable[str]) -> dict[str, float]:
    """Each test's setup + call + teardown seconds from pytest's `--durations` lines."""
    total: dict[str, float] = defaultdict(float)
    for line in lines:
        m = _LINE.match(line)
        if m:
            total[m.group(3)] += float(m.group(1))
    return {k: round(v, 1) for k, v in sorted(total.items(), key=lambda kv: -kv[1]) if v >= KEEP_SECONDS}


def main(argv: list[str]) -> int:  # pragma: no cover - a maintenance helper
    if len(argv) != 1:
        print("usage: python -m tests.durations REPORT (a pytest run's output with --durations=0)", file=sys.stderr)
        return 2
    found = from_report(Path(argv[0]).read_text(encoding="utf-8").splitlines())
    if not found:
        print(f"no --durations lines in {argv[0]}", file=sys.stderr)
        return 2
    RECORDED.write_text(json.dumps(found, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(found)} tests of {KEEP_SECONDS} s or more recorded in {RECORDED}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))

"""A pytest plugin for the lean sampled runs (`-p mutation.reach`, mutation/lean.py): which of the wanted
functions each test reaches, how long it takes and whether it passes, read from mutmut's trampolines.

Active only when `MUTATION_REACH_OUT` names a folder (else it does nothing). The tests run in the mutants copy
with `MUTANT_UNDER_TEST=stats`, so every trampoline calls its original function and notes its name
(mutmut's `state()._stats`); after each test the names among those in the file `MUTATION_REACH_WANT` (a JSON
list) are kept with the test's id. Each process (each xdist worker) writes its own `<worker>.json` there at
the end of its session, so the run can be spread over workers, which mutmut's own stats run cannot.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

_tests: dict[str, dict[str, Any]] = {}
_wanted: set[str] | None = None


def _active() -> Path | None:
    out = os.environ.get("MUTATION_REACH_OUT")
    return Path(out) if out else None


def _wanted_names() -> set[str]:
    global _wanted
    if _wanted is None:
        want = os.environ.get("MUTATION_REACH_WANT")
        _wanted = set(json.loads(Path(want).read_text("utf-8"))) if want else set()
    return _wanted


def _hits() -> set[str]:
    from mutmut.state import state  # only in a mutation run: the trampolines' record of names reached

    return state()._stats


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: Any, nextitem: Any) -> Any:
    if _active() is None:
        yield
        return
    _hits().clear()
    entry = _tests.setdefault(item.nodeid, {"hits": [], "seconds": 0.0, "passed": True})
    yield
    entry["hits"] = sorted(_hits() & _wanted_names())
    _hits().clear()


def pytest_runtest_logreport(report: Any) -> None:
    entry = _tests.get(report.nodeid)
    if _active() is None or entry is None:  # under xdist the controller hears the workers' reports: not its tests
        return
    entry["seconds"] += float(getattr(report, "duration", 0.0) or 0.0)
    if report.failed or (report.when == "call" and report.skipped):
        entry["passed"] = False


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    out = _active()
    if out is None or not _tests:
        return
    out.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    (out / f"{worker}.json").write_text(json.dumps(_tests, ensure_ascii=False), "utf-8")

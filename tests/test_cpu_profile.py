"""`-p tests.cpu_profile` writes each test's CPU by phase (setup, call, teardown), and its summary adds them up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import cpu_profile


def test_a_phase_counts_the_cpu_spent_inside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([10.0, 10.25, 20.0, 20.5])  # this process's CPU seconds, as `_cpu` reads them
    monkeypatch.setattr(cpu_profile, "_cpu", lambda: next(clock))
    monkeypatch.setattr(cpu_profile, "_PHASES", {})
    for when in ("call", "call"):  # a phase met twice (a rerun) adds up
        phase = cpu_profile._phase(when)
        next(phase)
        with pytest.raises(StopIteration):
            next(phase)
    assert cpu_profile._PHASES == {"call": 0.75}


def test_the_summary_says_the_phases_totals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"test": "tests/test_a.py::one", "cpu": 1.5, "setup": 1.0, "call": 0.4, "teardown": 0.1, "wall": 2.0},
        {"test": "tests/test_a.py::two", "cpu": 0.7, "setup": 0.2, "call": 0.3, "teardown": 0.2, "wall": 1.0},
        {"test": "tests/test_b.py::old", "cpu": 0.5, "wall": 0.5},  # a line written before phases were kept
    ]
    report = tmp_path / "cpu.jsonl"
    report.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert cpu_profile.main([str(report)]) == 0
    out = capsys.readouterr().out
    assert "3 tests: 2.7 s CPU" in out
    assert "by phase (CPU s): setup 1.2, call 0.7, teardown 0.3" in out

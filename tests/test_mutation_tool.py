"""`python -m mutation`: what a rerun puts back and what the table says about a run stopped before its end.

A rerun asks mutmut for the last run's survivors only; mutmut may clear other mutants' results meanwhile. What
was killed stays killed, and what the last run never checked must stay unchecked: counting it as a kill made a
run stopped at 27 of 676 mutants read 99.6 %.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from mutation.__main__ import _exit_codes, _restore_earlier_results, score, table
from mutation.targets import Target

TARGET = Target("demo", ("bot/demo.py",), ())


def _meta(work: Path, codes: dict[str, int | None]) -> Path:
    meta = work / "mutants" / "bot" / "demo.py.meta"
    meta.parent.mkdir(parents=True, exist_ok=True)
    meta.write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")
    return meta


def test_a_rerun_puts_back_earlier_results_and_leaves_unchecked_mutants_unchecked(tmp_path: Path) -> None:
    meta = _meta(tmp_path, {"killed_1": 1, "timeout_1": 36, "survivor_1": 0, "never_1": None})
    before = _exit_codes(tmp_path, TARGET)
    # what mutmut leaves after a rerun of survivor_1 that killed it, having cleared the other results
    _meta(tmp_path, {"killed_1": None, "timeout_1": None, "survivor_1": 1, "never_1": None})
    assert _restore_earlier_results(before, {"survivor_1"}) == 2
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    assert codes == {"killed_1": 1, "timeout_1": 36, "survivor_1": 1, "never_1": None}


def test_a_rerun_does_not_put_back_the_old_result_of_a_mutant_it_ran(tmp_path: Path) -> None:
    meta = _meta(tmp_path, {"survivor_1": 0})
    before = _exit_codes(tmp_path, TARGET)
    _meta(tmp_path, {"survivor_1": None})  # asked for, but the rerun was stopped before it
    assert _restore_earlier_results(before, {"survivor_1"}) == 0
    assert json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"] == {"survivor_1": None}


def test_the_table_says_how_many_mutants_a_stopped_run_checked() -> None:
    counts = Counter({"killed": 22, "timeout": 2, "survived": 3, "not checked": 649})
    summary = {"target": "demo", "modules": {"bot/demo.py": {"counts": dict(counts), "score": score(counts)}}}
    row = table([summary]).splitlines()[-1]
    assert row == "| demo | bot/demo.py | 676 (27 checked) | 22 | 2 | 3 | 0 | 0 | 88.9 % of those checked |"
    whole = Counter({"killed": 24, "survived": 3})
    summary = {"target": "demo", "modules": {"bot/demo.py": {"counts": dict(whole), "score": score(whole)}}}
    assert table([summary]).splitlines()[-1] == "| demo | bot/demo.py | 27 | 24 | 0 | 3 | 0 | 0 | 88.9 % |"

"""The lean sampled runs (mutation/lean.py, mutation/reach.py): which tests a mutant runs against, its wall limit,
and the result as mutmut's .meta files record it.

A sampled run no longer waits for mutmut's stats phase (all of extract's tests, once, in one process): the
target's tests run once over the xdist workers noting which sampled functions each reaches, and each mutant runs
against those tests alone. A test that fails without a mutant must not count as a kill, and the controller of
an xdist run must not overwrite what its workers noted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mutation import lean, reach
from mutation.__main__ import STATUS

ROOT = Path(__file__).resolve().parents[1]


def test_a_mutant_belongs_to_the_function_its_trampoline_records() -> None:
    assert lean.function_of("bot.extract.stance.x__subjects__mutmut_269") == "bot.extract.stance.x__subjects"
    method = "bot.extract.title_index.xǁTitleIndexǁ__init____mutmut_3"
    assert lean.function_of(method) == "bot.extract.title_index.xǁTitleIndexǁ__init__"
    with pytest.raises(ValueError):
        lean.function_of("bot.extract.stance.x__subjects")


def test_a_mutant_runs_only_against_the_passing_tests_that_reach_its_function() -> None:
    notes = {
        "tests/a.py::one": {"hits": ["m.x_f", "m.x_g"], "seconds": 1.0, "passed": True},
        "tests/a.py::two": {"hits": ["m.x_f"], "seconds": 2.0, "passed": False},  # fails without a mutant
        "tests/b.py::three": {"hits": ["m.x_f"], "seconds": 0.5, "passed": True},
        "tests/b.py::four": {"hits": [], "seconds": 0.1, "passed": True},
    }
    assert lean.tests_by_function(notes) == {
        "m.x_f": ["tests/a.py::one", "tests/b.py::three"],
        "m.x_g": ["tests/a.py::one"],
    }


def test_the_wall_limit_is_mutmuts_limit_plus_a_fresh_process_start() -> None:
    assert lean.wall_limit(9.0, 4.0, startup=30.0) == 30.0 + 10.0 * 4.0
    assert lean.wall_limit(0.0, 15.0) == lean.STARTUP_SECONDS + 15.0


def test_pytests_exit_codes_are_recorded_as_mutmuts() -> None:
    assert STATUS[lean.exit_code(0)] == "survived"
    assert STATUS[lean.exit_code(1)] == "killed"
    assert STATUS[lean.exit_code(5)] == "no tests"
    assert STATUS[lean.exit_code(None)] == "timeout"
    assert lean.exit_code(4) == 4  # a usage error is not a kill: it stays "suspicious" in the table
    assert 4 not in STATUS


def test_a_test_id_that_cannot_be_written_on_a_command_line_runs_all_its_cases() -> None:
    ids = ["tests/a.py::t[\ud800]", "tests/a.py::t[x]", "tests/a.py::u", "tests/a.py::v[a\x00b]"]
    assert lean._arg_ids(ids) == ["tests/a.py::t", "tests/a.py::t[x]", "tests/a.py::u", "tests/a.py::v"]


def test_a_result_goes_into_the_meta_file_of_its_module(tmp_path: Path) -> None:
    meta = tmp_path / "mutants" / "bot" / "demo.py.meta"
    meta.parent.mkdir(parents=True)
    meta.write_text(json.dumps({"exit_code_by_key": {"bot.demo.x_f__mutmut_1": None}, "other": 1}), "utf-8")
    record = lean.meta_recorder(tmp_path)
    record("bot.demo.x_f__mutmut_1", lean.TIMEOUT)
    assert json.loads(meta.read_text("utf-8")) == {"exit_code_by_key": {"bot.demo.x_f__mutmut_1": 36}, "other": 1}
    with pytest.raises(KeyError):
        record("bot.demo.x_g__mutmut_1", 0)


_DEMO_TESTS = """
from mutmut.state import state


def test_reaches_f():
    state()._stats.add("m.x_f")
    state()._stats.add("m.x_not_wanted")


def test_reaches_nothing():
    pass


def test_fails_reaching_g():
    state()._stats.add("m.x_g")
    assert False
"""


class _Item:
    def __init__(self, nodeid: str) -> None:
        self.nodeid = nodeid


class _Report:
    def __init__(self, nodeid: str, when: str, outcome: str, duration: float) -> None:
        self.nodeid, self.when, self.duration = nodeid, when, duration
        self.failed, self.skipped = outcome == "failed", outcome == "skipped"


def _protocol(nodeid: str, hits: list[str], phases: list[tuple[str, str, float]]) -> None:
    """One test as pytest runs it through the plugin's hooks: the trampolines note `hits` meanwhile."""
    from mutmut.state import state

    wrapper = reach.pytest_runtest_protocol(_Item(nodeid), None)
    next(wrapper)
    state()._stats.update(hits)
    for when, outcome, seconds in phases:
        reach.pytest_runtest_logreport(_Report(nodeid, when, outcome, seconds))
    with pytest.raises(StopIteration):
        wrapper.send(None)


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    pytest.importorskip("mutmut")
    monkeypatch.setattr(reach, "_tests", {})
    monkeypatch.setattr(reach, "_wanted", None)
    want = tmp_path / "want.json"
    want.write_text(json.dumps(["m.x_f", "m.x_g"]), "utf-8")
    monkeypatch.setenv("MUTATION_REACH_WANT", str(want))
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    return tmp_path / "out"


def test_the_reach_plugin_notes_the_wanted_functions_each_test_reaches(
    plugin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUTATION_REACH_OUT", str(plugin))
    _protocol("t.py::f", ["m.x_f", "m.x_not_wanted"], [("setup", "passed", 0.5), ("call", "passed", 1.0)])
    _protocol("t.py::nothing", [], [("call", "passed", 0.1)])
    _protocol("t.py::g", ["m.x_g"], [("call", "failed", 0.2)])
    _protocol("t.py::skipped", ["m.x_f"], [("call", "skipped", 0.0)])
    reach.pytest_sessionfinish(None, 1)
    notes = json.loads((plugin / "main.json").read_text("utf-8"))
    assert notes["t.py::f"] == {"hits": ["m.x_f"], "seconds": 1.5, "passed": True}
    assert notes["t.py::nothing"]["hits"] == []
    assert notes["t.py::g"] == {"hits": ["m.x_g"], "seconds": 0.2, "passed": False}
    assert lean.tests_by_function(notes) == {"m.x_f": ["t.py::f"]}  # neither a failing nor a skipped test


def test_the_reach_plugin_does_nothing_outside_a_lean_run(plugin: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MUTATION_REACH_OUT", raising=False)
    _protocol("t.py::f", ["m.x_f"], [("call", "passed", 1.0)])
    reach.pytest_sessionfinish(None, 0)
    assert reach._tests == {} and not plugin.exists()


def test_an_xdist_controller_leaves_its_workers_notes_whole(tmp_path: Path) -> None:
    """Under xdist the controller hears every worker's reports too: it must write nothing over their notes."""
    pytest.importorskip("mutmut")
    (tmp_path / "test_demo.py").write_text(_DEMO_TESTS, "utf-8")
    want = tmp_path / "want.json"
    want.write_text(json.dumps(["m.x_f", "m.x_g"]), "utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "MUTATION_REACH_OUT": str(out), "MUTATION_REACH_WANT": str(want), "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "mutation.reach", "-n", "1"]
    subprocess.run([*argv, "--rootdir", str(tmp_path), str(tmp_path)], cwd=tmp_path, env=env, capture_output=True)
    assert [p.name for p in out.glob("*.json")] == ["gw0.json"]
    notes = json.loads((out / "gw0.json").read_text("utf-8"))
    by_name = {nodeid.rsplit("::", 1)[1]: note for nodeid, note in notes.items()}
    assert by_name["test_reaches_f"]["hits"] == ["m.x_f"] and by_name["test_reaches_f"]["passed"]
    assert by_name["test_fails_reaching_g"]["hits"] == ["m.x_g"] and not by_name["test_fails_reaching_g"]["passed"]


def test_a_mutants_tests_run_cheapest_file_first_each_file_kept_together() -> None:
    selected = ["tests/story.py::a", "tests/unit.py::x", "tests/story.py::b", "tests/unit.py::y", "tests/mid.py::m"]
    seconds = {"tests/story.py::a": 40.0, "tests/story.py::b": 30.0, "tests/unit.py::x": 0.1, "tests/mid.py::m": 2.0}
    assert lean.ordered_for_kill(selected, seconds) == [
        "tests/unit.py::x",
        "tests/unit.py::y",
        "tests/mid.py::m",
        "tests/story.py::a",
        "tests/story.py::b",
    ]


def test_the_target_arguments_name_their_files_and_keep_their_deselections() -> None:
    args = ["tests/a.py", "tests/b.py::one", "--deselect", "tests/a.py::slow", "tests/b.py::two"]
    assert lean._test_files(args) == ["tests/a.py", "tests/b.py"]
    assert lean._deselect_args(args) == ["--deselect", "tests/a.py::slow"]


def test_kept_notes_are_used_only_for_the_same_functions_and_shared_test_code() -> None:
    kept = {"functions": ["m.x_f", "m.x_g"], "support": "s1", "files": {"tests/a.py": "1", "tests/b.py": "2"}}
    files = {"tests/a.py": "1", "tests/b.py": "2"}
    assert lean.stale_files(kept, {"m.x_f"}, files, "s1") == []  # resume, rerun of survivors: nothing runs again
    assert lean.stale_files(kept, {"m.x_f"}, files | {"tests/b.py": "3", "tests/c.py": "4"}, "s1") == [
        "tests/b.py",
        "tests/c.py",
    ]
    assert lean.stale_files(kept, {"m.x_h"}, files, "s1") is None  # a function the notes did not look for
    assert lean.stale_files(kept, {"m.x_f"}, files, "s2") is None  # conftest or a helper changed
    assert lean.stale_files(None, {"m.x_f"}, files, "s1") is None


def test_a_mutant_that_stops_collection_is_a_kill_only_when_its_tests_run_without_it() -> None:
    assert lean.kill_if_clean(2, 0) == lean.KILLED  # a parametrize list built by the mutated code raised
    assert lean.kill_if_clean(4, 0) == lean.KILLED  # the file failed to import, so its named test was not found
    assert lean.kill_if_clean(4, 4) == 4  # the id is not found without the mutant either: not a kill
    assert lean.kill_if_clean(2, None) == 2
    assert lean.kill_if_clean(0, 0) == 0


def test_a_mutant_meets_its_first_few_files_in_one_process_and_the_rest_only_if_it_survives() -> None:
    ordered = ["tests/a.py::1", "tests/a.py::2", "tests/b.py::1", "tests/c.py::1", "tests/d.py::1"]
    assert lean.stages(ordered, first_files=2) == [
        ["tests/a.py::1", "tests/a.py::2", "tests/b.py::1"],
        ["tests/c.py::1", "tests/d.py::1"],
    ]
    assert lean.stages(ordered[:3], first_files=2) == [ordered[:3]]
    assert lean.stages([], first_files=2) == []

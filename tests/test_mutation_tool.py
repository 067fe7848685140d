"""`python -m mutation`: what a rerun puts back and what the table says about a run stopped before its end.

A rerun asks mutmut for the last run's survivors only; mutmut may clear other mutants' results meanwhile. What
was killed stays killed, and what the last run never checked must stay unchecked: counting it as a kill made a
run stopped at 27 of 676 mutants read 99.6 %.
"""

from __future__ import annotations

import argparse
import functools
import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from mutation import cold_caches
from mutation.__main__ import (
    SAMPLE_FILE,
    _exit_codes,
    _narrowed_config,
    _positive_float,
    _restore_earlier_results,
    draw_sample,
    package_estimate,
    score,
    summarize,
    table,
    unchecked_of_sample,
    wilson,
)
from mutation.cold_caches import clear_memo_caches
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


# Sampled runs: the store and extract targets hold thousands of mutants each (hours at this machine's rate), so
# they are measured by a uniform sample; the table must then say "estimate, interval, sample size".

NAMES = [f"bot.demo.x_f__mutmut_{i}" for i in range(1, 11)]


def test_a_sample_is_the_same_for_the_same_seed_whatever_the_order_names_are_listed_in() -> None:
    drawn = draw_sample(NAMES, 4, seed=1)
    assert len(drawn) == len(set(drawn)) == 4 and set(drawn) <= set(NAMES)
    assert draw_sample(list(reversed(NAMES)), 4, seed=1) == drawn
    assert draw_sample(NAMES + NAMES[:3], 4, seed=1) == drawn  # a name listed twice is one mutant
    assert any(draw_sample(NAMES, 4, seed=s) != drawn for s in range(2, 6))
    assert sorted(draw_sample(NAMES, 50, seed=1)) == sorted(NAMES)  # more than there are: all of them


def test_every_mutant_is_equally_likely_to_be_drawn() -> None:
    # 2 of 10 names, 2,000 seeds: each name is expected 400 times (sd ≈ 18); the first or last names of the
    # sorted list favoured (a sample taken from one end) would be far outside these bounds.
    seen = Counter(name for seed in range(2000) for name in draw_sample(NAMES, 2, seed=seed))
    assert set(seen) == set(NAMES)
    assert all(330 <= n <= 470 for n in seen.values()), seen


def test_the_wilson_interval_gives_newcombes_figures() -> None:
    # Newcombe (1998), "Two-sided confidence intervals for the single proportion", table II, method 3
    for (killed, n), (low, high) in {
        (81, 263): (0.2553, 0.3662),
        (15, 148): (0.0624, 0.1605),
        (0, 20): (0.0, 0.1611),
        (1, 29): (0.0061, 0.1718),
    }.items():
        got = wilson(killed, n)
        assert (round(got[0], 4), round(got[1], 4)) == (low, high), (killed, n, got)
    assert wilson(20, 20)[1] == 1.0 and round(wilson(20, 20)[0], 4) == 1 - 0.1611  # the mirror of 0/20
    assert wilson(0, 0) == (0.0, 1.0)  # nothing checked: nothing known


def test_a_sampled_row_is_an_estimate_with_its_interval_and_sample_size() -> None:
    counts = {"killed": 110, "timeout": 6, "survived": 24, "equivalent": 10}
    summary = {
        "target": "demo",
        "sample": {"seed": 1, "size": 150, "population": 3000},
        "modules": {"bot/demo.py": {"counts": counts, "score": score(Counter(counts)), "population": 3000}},
        "counts": counts,
        "score": score(Counter(counts)),
    }
    low, high = wilson(116, 140)
    row = table([summary]).splitlines()[-1]
    assert row == (
        "| demo | bot/demo.py | 150 sampled of 3000 (seed 1) | 110 | 6 | 24 | 0 | 10 |"
        f" est. 82.9 % (95 % CI {100 * low:.1f}–{100 * high:.1f} %, n = 140) |"
    )
    assert "82.9 % |" not in row  # never the bare figure a whole run gives
    stopped = {**counts, "not checked": 50, "killed": 60}
    summary["modules"]["bot/demo.py"]["counts"] = stopped
    row = table([summary]).splitlines()[-1]
    assert "| 150 sampled of 3000 (seed 1) (100 checked) |" in row and row.endswith("n = 90) of those checked |")


def test_a_sampled_summary_counts_only_the_drawn_mutants(tmp_path: Path) -> None:
    codes = dict.fromkeys(NAMES, 1) | {NAMES[0]: 0, NAMES[1]: None, NAMES[2]: 0}
    _meta(tmp_path, codes)
    sample = {"seed": 7, "size": 3, "population": 10, "names": [NAMES[0], NAMES[1], NAMES[5]]}
    (tmp_path / SAMPLE_FILE).write_text(json.dumps(sample), encoding="utf-8")
    summary = summarize(tmp_path, TARGET)
    module = summary["modules"]["bot/demo.py"]
    assert module["counts"] == {"killed": 1, "not checked": 1, "survived": 1}
    assert module["population"] == 10 and module["survivors"] == [NAMES[0]]  # NAMES[2] survived, undrawn
    assert summary["sample"] == {"seed": 7, "size": 3, "population": 10}
    # resume goes on with the drawn names not checked yet, and with those only
    assert unchecked_of_sample(sample, _exit_codes(tmp_path, TARGET)) == [NAMES[1]]
    (tmp_path / SAMPLE_FILE).unlink()
    whole = summarize(tmp_path, TARGET)  # the same files without a sample: every mutant, no estimate
    assert "sample" not in whole and whole["counts"] == {"killed": 7, "not checked": 1, "survived": 2}


def _summary(target: str, modules: dict[str, dict[str, int]], population: dict[str, int] | None = None) -> dict:
    out: dict = {"target": target, "modules": {}}
    for module, counts in modules.items():
        out["modules"][module] = {"counts": counts, "score": score(Counter(counts))}
        if population:
            out["modules"][module]["population"] = population[module]
    if population:
        out["sample"] = {"seed": 1, "size": 0, "population": sum(population.values())}
    return out


def test_a_packages_score_weighs_each_module_by_its_mutants_and_says_when_it_is_an_estimate() -> None:
    whole = [
        _summary("a", {"bot/p/a.py": {"killed": 90, "survived": 10}}),
        _summary("b", {"bot/p/b.py": {"killed": 40, "timeout": 5, "survived": 5, "equivalent": 3}}),
        _summary("other", {"bot/q/c.py": {"survived": 7}}),  # outside the package
    ]
    exact = package_estimate(whole, "bot/p/")
    assert exact["exact"] and exact["score"] == (90 + 45) / 150 and exact["interval"] == (0.9, 0.9)
    assert [r["module"] for r in exact["modules"]] == ["bot/p/a.py", "bot/p/b.py"]
    # b.py by a sample of 60 of its 900 mutants: 40 of the 50 checked killed, 10 equivalent, so about 750 count
    sampled = [
        whole[0],
        _summary("b", {"bot/p/b.py": {"killed": 40, "survived": 10, "equivalent": 10}}, {"bot/p/b.py": 900}),
    ]
    est = package_estimate(sampled, "bot/p/")
    assert not est["exact"] and abs(est["score"] - (90 + 750 * 0.8) / 850) < 1e-9
    low, high = est["interval"]
    assert low < est["score"] < high and 0.05 < high - low < 0.25
    # a module two targets mutate is counted once, with the run that checked more of it
    twice = [*whole, _summary("c", {"bot/p/a.py": {"killed": 3, "survived": 7}})]
    assert package_estimate(twice, "bot/p/")["score"] == exact["score"]


def test_each_mutants_tests_start_with_empty_memo_caches() -> None:
    # mutmut forks each mutant's run from a process whose tests filled the caches: a cached caller would hand
    # the original's answers back without running the mutant (extract's `acts` made a mutant of `_predicates`
    # that turns every verb test around survive). The plugin empties every cache at a session's start.
    calls = []

    @functools.lru_cache(maxsize=8)
    def cached(x: int) -> int:
        calls.append(x)
        return x * 2

    @functools.cache
    def unbounded(x: int) -> int:
        calls.append(-x)
        return x

    assert cached(3) == 6 and unbounded(4) == 4 and calls == [3, -4]
    assert clear_memo_caches() >= 2
    assert cached.cache_info().currsize == 0 and unbounded.cache_info().currsize == 0
    cold_caches.pytest_sessionstart(object())  # the hook pytest calls does the same
    assert cached(3) == 6 and unbounded(4) == 4 and calls == [3, -4, 3, -4]  # computed again, not remembered
    args = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8"))
    assert "mutation.cold_caches" in args["tool"]["mutmut"]["pytest_add_cli_args"]


def test_a_targets_left_out_tests_are_deselected_in_its_narrowed_config() -> None:
    target = Target(
        "demo", ("bot/demo.py",), ("tests/test_mutation_tool.py",), ("tests/test_mutation_tool.py::test_x",)
    )
    config = tomllib.loads(_narrowed_config("[tool.mutmut]\nsource_paths = ['bot']\n", target))["tool"]["mutmut"]
    assert config["pytest_add_cli_args_test_selection"] == [
        "tests/test_mutation_tool.py",
        "--deselect",
        "tests/test_mutation_tool.py::test_x",
    ]
    assert config["only_mutate"] == ["bot/demo.py"]


def test_a_timeout_multiplier_caps_each_mutants_wall_time_in_the_narrowed_config() -> None:
    # mutmut's own default (15 × the tests' time) held a worker ~25 minutes on a mutant of a function 474 tests
    # reach; `--timeout-multiplier` writes mutmut's `timeout_multiplier`, and without it the key stays out
    target = Target("demo", ("bot/demo.py",), ("tests/test_mutation_tool.py",))
    base = "[tool.mutmut]\nsource_paths = ['bot']\n"
    assert tomllib.loads(_narrowed_config(base, target, 4))["tool"]["mutmut"]["timeout_multiplier"] == 4.0
    assert "timeout_multiplier" not in tomllib.loads(_narrowed_config(base, target))["tool"]["mutmut"]
    assert _positive_float("2.5") == 2.5
    for bad in ("0", "-1", "nan"):
        with pytest.raises(argparse.ArgumentTypeError):
            _positive_float(bad)

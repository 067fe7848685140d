"""python -m mutation run TARGET | table | survivors TARGET | targets

  run TARGET        mutate TARGET's modules (mutation/targets.py) and run its tests against each mutant;
                    the summary goes to mutation/results/TARGET.json
  run TARGET --sample N [--seed S]
                    only a uniformly random sample of N of TARGET's mutants (all of them are listed first,
                    then N drawn with the seed: the same seed draws the same names); `table` gives the score
                    as an estimate with its 95 % interval (Wilson) and the sample size, never as the target's
  table             the mutation score per target, from the kept summaries (markdown)
  resume TARGET     go on with a run of TARGET that was stopped (Ctrl-C, or a machine too busy to finish):
                    only its unchecked mutants, against the tests as they are now
  rerun TARGET      the survivors of TARGET's last run again, against the tests as they are now (new test
                    files included): what a run after new tests would find, in minutes instead of an hour
  survivors TARGET  the diff of every mutant that survived (or had no test) in TARGET's last run
  package PREFIX    one score for a package (bot/services/) from its modules' kept figures: exact where every
                    module was measured whole, else a stratified estimate with its 95 % interval
  targets           the targets, their modules and tests

Needs `pip install -e '.[test,mutation]'`. Runs outside .ci/run: a target takes minutes to an hour.
"""

from __future__ import annotations

import argparse
import ast
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

from mutation import lean
from mutation.targets import TARGETS, Target

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".mutation"
RESULTS = Path(__file__).resolve().parent / "results"
# Mutants reviewed as equivalent (no behaviour can tell them from the original), by mutmut name, with the
# reason; tests/MUTATION.md explains each. Names are those of the code they were reviewed on: a change to the
# function renumbers its mutants, and a stale name here simply matches nothing.
EQUIVALENT = Path(__file__).resolve().parent / "equivalent.json"


def reviewed_equivalent() -> dict[str, str]:
    if not EQUIVALENT.exists():
        return {}
    return {
        name: reason for names in json.loads(EQUIVALENT.read_text("utf-8")).values() for name, reason in names.items()
    }


# mutmut's exit codes per mutant (mutmut.stats.status_by_exit_code), folded into what the score needs.
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 36: "timeout"}
STATUS |= {-24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout", 37: "killed"}


def _project_files() -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return [Path(line) for line in out.splitlines() if line and not line.startswith(("mutation/results/", ".mutation"))]


def _narrowed_config(pyproject: str, target: Target, timeout_multiplier: float | None = None) -> str:
    """pyproject.toml with [tool.mutmut] narrowed to the target's modules and tests. `timeout_multiplier` caps
    each mutant's wall time at (its tests' time + 1 s) × that (mutmut's default is 15): a mutant that loops
    inside a function every test reaches (attribution_ja's `_document`: 474 tests, 93 s) otherwise holds a
    worker for ~25 minutes before it counts as a timeout."""
    header = "[tool.mutmut]\n"
    if header not in pyproject:
        raise SystemExit("pyproject.toml has no [tool.mutmut] section")
    extra = f"only_mutate = {json.dumps(list(target.modules))}\n"
    if timeout_multiplier is not None:
        extra += f"timeout_multiplier = {float(timeout_multiplier)!r}\n"
    tests = [t for t in target.tests if (ROOT / t.split("::")[0]).exists()]
    tests += [arg for node in target.deselect for arg in ("--deselect", node)]
    extra += f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n"
    return pyproject.replace(header, header + extra, 1)


def prepare(target: Target, timeout_multiplier: float | None = None) -> Path:
    """A fresh copy of the project in .mutation/TARGET with mutmut narrowed to the target.

    mutmut keeps a mutant's result while its function is unchanged, even when the tests changed: a run
    starts without earlier results, so it measures the tests as they are."""
    work = WORK / target.name
    shutil.rmtree(work / "mutants", ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    (work / SAMPLE_FILE).unlink(missing_ok=True)
    (work / lean.REACH_FILE).unlink(missing_ok=True)  # what the tests reached in the last run's code
    for rel in _project_files():
        src, dest = ROOT / rel, work / rel
        if src.is_file():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (work / "pyproject.toml").write_text(_narrowed_config(pyproject, target, timeout_multiplier), encoding="utf-8")
    return work


def statuses(work: Path, target: Target) -> dict[str, dict[str, str]]:
    """{module: {mutant name: status}} from mutmut's .meta files in WORK/mutants."""
    out: dict[str, dict[str, str]] = {}
    for meta in sorted((work / "mutants").rglob("*.py.meta")):
        module = str(meta.relative_to(work / "mutants"))[: -len(".meta")]
        if not any(Path(module).match(p) for p in target.modules):
            continue
        codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        out[module] = {
            name: STATUS.get(code, "suspicious" if code is not None else "not checked") for name, code in codes.items()
        }
    return out


_SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|FROM|WHERE|JOIN|ORDER BY|GROUP BY)\b", re.I)


_LITERAL = re.compile(r"('[^']*')")


class _SqlCaseFolder(ast.NodeTransformer):
    """Lower-cases SQL text outside its quoted literals (keywords and names are case-blind; a literal's
    letters are data, so a mutant that changes them stays a different mutant)."""

    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        if isinstance(node.value, str) and _SQL.search(node.value):
            parts = _LITERAL.split(node.value)  # odd indexes are the literals
            return ast.Constant("".join(p if i % 2 else p.lower() for i, p in enumerate(parts)))
        return node


def _functions(source: str) -> dict[str, str]:
    """Each mutant function of a mutmut-generated module (and each `__mutmut_orig`), dumped with SQL case folded."""
    out = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and "__mutmut_" in node.name:
            name = node.name
            node.name = "_"
            out[name] = ast.dump(_SqlCaseFolder().visit(node))
    return out


def sql_case_only(work: Path, module: str, names: list[str]) -> set[str]:
    """The mutants among `names` that only change the letter case of SQL text: equivalent in SQLite."""
    path = work / "mutants" / module
    if not path.exists():
        return set()
    functions = _functions(path.read_text(encoding="utf-8"))
    same = set()
    for name in names:
        mangled = name.rsplit(".", 1)[-1]  # bot.services.digest.x_configure__mutmut_10 -> x_configure__mutmut_10
        orig = mangled.rsplit("__mutmut_", 1)[0] + "__mutmut_orig"
        if mangled in functions and orig in functions and functions[mangled] == functions[orig]:
            same.add(name)
    return same


SAMPLE_FILE = "sample.json"  # in a work copy: the names a sampled run checks, its seed and the population's size


def draw_sample(names: list[str], size: int, seed: int) -> list[str]:
    """`size` of `names` drawn uniformly without replacement; the names are sorted first, so the draw depends
    only on the set of names and the seed (not on the order mutmut's files list them)."""
    population = sorted(set(names))
    return random.Random(seed).sample(population, min(size, len(population)))


def wilson(killed: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion killed/n (95 % with the default z), as fractions."""
    if n <= 0:
        return 0.0, 1.0
    p = killed / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def read_sample(work: Path) -> dict | None:
    path = work / SAMPLE_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def unchecked_of_sample(sample: dict, codes_by_meta: dict[Path, dict[str, int | None]]) -> list[str]:
    """The drawn names a sampled run has not checked yet (in the order drawn), what its `resume` runs."""
    known = {name: code for codes in codes_by_meta.values() for name, code in codes.items()}
    return [name for name in sample["names"] if name in known and known[name] is None]


def score(counts: Counter[str]) -> float | None:
    """Killed (timeouts count as killed) over every mutant that was checked and is not equivalent."""
    checked = sum(n for s, n in counts.items() if s not in ("skipped", "not checked", "equivalent"))
    return None if not checked else 100.0 * (counts["killed"] + counts["timeout"]) / checked


def _checked(counts: dict[str, int]) -> int:
    return sum(n for s, n in counts.items() if s not in ("skipped", "not checked", "equivalent"))


def summarize(work: Path, target: Target) -> dict:
    modules = {}
    reviewed = reviewed_equivalent()
    sample = read_sample(work)
    drawn = set(sample["names"]) if sample else set()
    for module, by_name in statuses(work, target).items():
        population = len(by_name)
        if sample:  # a sampled run: only the drawn mutants count, the others were never meant to be checked
            by_name = {n: s for n, s in by_name.items() if n in drawn}
        alive = [n for n, s in by_name.items() if s in ("survived", "no tests")]
        for name in sql_case_only(work, module, alive) | (set(alive) & set(reviewed)):
            by_name[name] = "equivalent"
        counts = Counter(by_name.values())
        modules[module] = {
            "counts": dict(sorted(counts.items())),
            "score": score(counts),
            "survivors": sorted(n for n, s in by_name.items() if s in ("survived", "no tests", "suspicious")),
        }
        if sample:
            modules[module]["population"] = population
    total: Counter[str] = Counter()
    for m in modules.values():
        total.update(m["counts"])
    summary = {"target": target.name, "modules": modules, "counts": dict(sorted(total.items())), "score": score(total)}
    if sample:
        summary["sample"] = {k: sample[k] for k in ("seed", "size", "population")}
    return summary


# mutmut's first step alone (copy the sources, write every mutant of the target's modules and its .meta file):
# what a sampled run draws from. Run in the work copy, where pyproject's [tool.mutmut] is the target's.
_GENERATE = """
import os, sys
import mutmut.__main__ as m
os.makedirs("mutants", exist_ok=True)
m.copy_src_dir()
m.copy_also_copy_files()
m.create_mutants(int(sys.argv[1]))
"""


def _env() -> dict[str, str]:
    """mutmut's environment: no bytecode written into the work copy, and output that cannot fail to print. When
    the tests' first run fails, mutmut prints what they wrote; a test id holding a lone surrogate (a
    parametrized "\\ud800") made that print raise, and the run stopped without saying what had failed."""
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8:backslashreplace"}


def run(
    target: Target, max_children: int, sample: int | None = None, seed: int = 1, timeout_multiplier: float | None = None
) -> int:
    work = prepare(target, timeout_multiplier)
    env = _env()
    argv = [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)]
    if sample is None:
        code = subprocess.call(argv, cwd=work, env=env)
    else:
        subprocess.run([sys.executable, "-c", _GENERATE, str(max_children)], cwd=work, env=env, check=True)
        every = [name for codes in _exit_codes(work, target).values() for name in codes]
        names = draw_sample(every, sample, seed)
        drawn = {"seed": seed, "size": len(names), "population": len(set(every)), "names": names}
        (work / SAMPLE_FILE).write_text(json.dumps(drawn, indent=1) + "\n", encoding="utf-8")
        print(f"{target.name}: {len(names)} of {len(set(every))} mutants drawn (seed {seed})", flush=True)
        code = _check_lean(work, target, names, max_children, timeout_multiplier)
    _keep_summary(work, target)
    return code


def _check_lean(
    work: Path, target: Target, names: list[str], jobs: int, timeout_multiplier: float | None = None
) -> int:
    """A sampled run's mutants checked by mutation/lean.py (no mutmut stats phase: the target's tests run once,
    spread over `jobs` workers, noting which tests reach the sampled functions; each mutant then runs against
    those alone). Returns 0."""
    if not names:
        return 0
    pyproject = tomllib.loads((work / "pyproject.toml").read_text(encoding="utf-8"))
    tests = [t for t in target.tests if (work / "mutants" / t.split("::")[0]).exists()]
    tests += [arg for node in target.deselect for arg in ("--deselect", node)]
    multiplier = timeout_multiplier or pyproject["tool"]["mutmut"].get("timeout_multiplier", 15.0)
    lean.check(work, names, tests, jobs, multiplier, _env(), pyproject, lean.meta_recorder(work))
    return 0


def _exit_codes(work: Path, target: Target) -> dict[Path, dict[str, int | None]]:
    """{meta file: {mutant name: mutmut's exit code, None when not checked}} of the target's modules."""
    out = {}
    for meta in sorted((work / "mutants").rglob("*.py.meta")):
        module = str(meta.relative_to(work / "mutants"))[: -len(".meta")]
        if any(Path(module).match(p) for p in target.modules):
            out[meta] = dict(json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {}))
    return out


def _restore_earlier_results(before: dict[Path, dict[str, int | None]], rerun_names: set[str]) -> int:
    """mutmut clears the results of every mutant of a function whose tests changed, also those it is not asked
    to run again: each such mutant gets back the result the last run gave it (a kill stays a kill: the same
    tests still run against it). A mutant the last run never checked stays unchecked: it is not a kill.
    Returns the number of results put back."""
    restored = 0
    for meta, earlier in before.items():
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data.get("exit_code_by_key", {})
        for name, code in codes.items():
            if code is None and name not in rerun_names and earlier.get(name) is not None:
                codes[name] = earlier[name]
                restored += 1
        meta.write_text(json.dumps(data), encoding="utf-8")
    return restored


def rerun(target: Target, max_children: int, timeout_multiplier: float | None = None) -> int:
    """Refresh the tests (and the narrowed config) in the target's work copy, then run its survivors again."""
    work = WORK / target.name
    summary_path = RESULTS / f"{target.name}.json"
    if not summary_path.exists() or not (work / "mutants").exists():
        print(f"no run of {target.name} here: run `python -m mutation run {target.name}` first", file=sys.stderr)
        return 2
    _refresh_tests(work, target, timeout_multiplier)
    names = [n for m in json.loads(summary_path.read_text("utf-8"))["modules"].values() for n in m["survivors"]]
    code = 0
    if names:
        env = _env()
        argv = [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)]
        # The first call collects the new tests' stats by running them in mutmut's own process, whose forks
        # then inherit what those tests left running (seen: a killable mutant reported as survived); the
        # second call, with the stats in place, forks from a clean process and gives the results kept.
        before = _exit_codes(work, target)
        if read_sample(work) is not None:  # a sampled run's survivors: checked as the run checked them
            code = _check_lean(work, target, names, max_children, timeout_multiplier)
        else:
            subprocess.call([*argv, names[0]], cwd=work, env=env)
            code = subprocess.call([*argv, *names], cwd=work, env=env)
        _restore_earlier_results(before, set(names))
    _keep_summary(work, target)
    return code


def resume(target: Target, max_children: int, timeout_multiplier: float | None = None) -> int:
    """Go on with a run that was stopped: mutmut checks only the mutants without a result yet, against the
    tests as they are now; the results it had stay (the score counts a run's mutants in pieces)."""
    work = WORK / target.name
    if not (work / "mutants").exists():
        print(f"no run of {target.name} here: run `python -m mutation run {target.name}` first", file=sys.stderr)
        return 2
    _refresh_tests(work, target, timeout_multiplier)
    env = _env()
    before = _exit_codes(work, target)
    argv = [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)]
    sample = read_sample(work)
    if sample is None:
        code = subprocess.call(argv, cwd=work, env=env)
    else:  # a sampled run goes on with its own unchecked names only (mutmut runs every name it is given)
        code = _check_lean(work, target, unchecked_of_sample(sample, before), max_children, timeout_multiplier)
    _restore_earlier_results(before, set())
    _keep_summary(work, target)
    return code


def _refresh_tests(work: Path, target: Target, timeout_multiplier: float | None = None) -> None:
    """The tests (and the narrowed config) of the project as they are now, in the target's work copy."""
    for rel in _project_files():  # the tests, and the runner's own plugin (mutation/cold_caches.py)
        ours = rel.parts[0] == "tests" or (rel.parts[0] == "mutation" and rel.suffix == ".py")
        if ours and (ROOT / rel).is_file():
            for dest in (work / rel, work / "mutants" / rel):  # mutmut runs the tests from its mutants/ copy
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / rel, dest)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (work / "pyproject.toml").write_text(_narrowed_config(pyproject, target, timeout_multiplier), encoding="utf-8")


def _keep_summary(work: Path, target: Target) -> None:
    summary = summarize(work, target)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{target.name}.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(table([summary]))


def _estimate(counts: dict[str, int]) -> str:
    """A sampled row's score: the share killed among the checked non-equivalent mutants of the sample, with its
    95 % Wilson interval and the sample size it rests on."""
    n = _checked(counts)
    if not n:
        return "–"
    killed = counts.get("killed", 0) + counts.get("timeout", 0)
    low, high = wilson(killed, n)
    return f"est. {100 * killed / n:.1f} % (95 % CI {100 * low:.1f}–{100 * high:.1f} %, n = {n})"


def table(summaries: list[dict]) -> str:
    lines = [
        "| target | module | mutants | killed | timeout | survived | no tests | equivalent | score |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in summaries:
        sample = s.get("sample")
        rows = [(m, d["counts"], d["score"], d.get("population")) for m, d in s["modules"].items()]
        if len(rows) > 1:
            rows.append(("**all**", s["counts"], s["score"], sample["population"] if sample else None))
        for module, counts, sc, population in rows:
            unchecked = counts.get("not checked", 0) + counts.get("skipped", 0)
            if sample:
                shown = _estimate(counts)
                mutants = f"{sum(counts.values())} sampled of {population} (seed {sample['seed']})"
            else:
                shown = "–" if sc is None else f"{sc:.1f} %"
                mutants = f"{sum(counts.values())}"
            if unchecked:
                mutants += f" ({sum(counts.values()) - unchecked} checked)"
                if shown != "–":
                    shown += " of those checked"
            lines.append(
                f"| {s['target']} | {module} | {mutants} | {counts.get('killed', 0)} |"
                f" {counts.get('timeout', 0)} | {counts.get('survived', 0)} | {counts.get('no tests', 0)} |"
                f" {counts.get('equivalent', 0)} | {shown} |"
            )
    return "\n".join(lines)


def _module_figures(summaries: list[dict], prefix: str) -> dict[str, dict]:
    """Each module under `prefix` with the counts of the kept summary that checked most of it (a module two
    targets mutate, such as `bot/store/stance.py`, is counted once), its population and how it was measured."""
    best: dict[str, dict] = {}
    for s in summaries:
        for module, d in s["modules"].items():
            if not module.startswith(prefix):
                continue
            counts = d["counts"]
            figures = {
                "target": s["target"],
                "counts": counts,
                "population": d.get("population") or sum(counts.values()),
                "sampled": "sample" in s,
                "whole": "sample" not in s and not counts.get("not checked", 0) and not counts.get("skipped", 0),
            }
            if module not in best or _checked(counts) > _checked(best[module]["counts"]):
                best[module] = figures
    return dict(sorted(best.items()))


def package_estimate(summaries: list[dict], prefix: str, z: float = 1.96) -> dict:
    """One score for a package from its modules' kept figures, as a stratified estimate.

    A module measured whole counts with its exact score; one measured by sample (or by a run stopped before its
    end) counts with the share it killed of those checked, weighted by its mutants that are not equivalent (its
    population times the non-equivalent share of what was checked), with a binomial variance (the Agresti–Coull
    share (k + 2) / (n + 4), so a sample that killed all it drew still has one) and the finite-population
    correction. The 95 % interval is the normal one around the weighted share. Modules no run measured are
    named, not counted."""
    modules = _module_figures(summaries, prefix)
    weight_sum, killed_sum, variance = 0.0, 0.0, 0.0
    rows = []
    for module, f in modules.items():
        counts = f["counts"]
        n, equivalent = _checked(counts), counts.get("equivalent", 0)
        if not n:
            continue
        k = counts.get("killed", 0) + counts.get("timeout", 0)
        weight = f["population"] * n / (n + equivalent)  # the module's mutants that are not equivalent (estimated)
        share = k / n
        if not f["whole"]:
            adjusted = (k + 2) / (n + 4)
            variance_of_share = adjusted * (1 - adjusted) / (n + 4) * max(0.0, 1 - n / weight)
        else:
            variance_of_share = 0.0
        rows.append({"module": module, **f, "checked": n, "killed": k, "weight": weight, "share": share})
        weight_sum += weight
        killed_sum += weight * share
        variance += weight * weight * variance_of_share
    if not weight_sum:
        return {"prefix": prefix, "modules": rows, "score": None, "interval": (0.0, 1.0)}
    share = killed_sum / weight_sum
    half = z * math.sqrt(variance) / weight_sum
    return {
        "prefix": prefix,
        "modules": rows,
        "score": share,
        "interval": (max(0.0, share - half), min(1.0, share + half)),
        "exact": all(r["whole"] for r in rows),
    }


def package_table(estimate: dict, unmeasured: list[str]) -> str:
    lines = ["| module | target | mutants | measured | killed / checked | score |", "|---|---|---|---|---|---|"]
    for r in estimate["modules"]:
        how = "whole" if r["whole"] else ("sample" if r["sampled"] else "stopped run (fastest first)")
        lines.append(
            f"| {r['module']} | {r['target']} | {r['population']} | {how} | {r['killed']} / {r['checked']} |"
            f" {100 * r['share']:.1f} % |"
        )
    if estimate["score"] is None:
        lines.append(f"| **{estimate['prefix']}** | | | | | – |")
    else:
        low, high = estimate["interval"]
        shown = f"{100 * estimate['score']:.1f} %"
        if not estimate["exact"]:
            shown = f"est. {shown} (95 % CI {100 * low:.1f}–{100 * high:.1f} %)"
        lines.append(f"| **{estimate['prefix']}** (weighted by mutants) | | | | | {shown} |")
    if unmeasured:
        lines.append(f"\nNot measured by any kept run (not counted): {', '.join(unmeasured)}")
    return "\n".join(lines)


def _unmeasured(prefix: str, measured: set[str]) -> list[str]:
    """The Python files under `prefix` (a folder of the project) that no kept summary has a row for."""
    folder = ROOT / prefix
    files = [str(p.relative_to(ROOT)) for p in sorted(folder.rglob("*.py"))] if folder.is_dir() else []
    return [f for f in files if f not in measured and (ROOT / f).read_text("utf-8").count("def ")]


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive number: {text}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"not a positive number: {text}")
    return value


_TIMEOUT_HELP = (
    "each mutant's wall time at most (its tests' time + 1 s) × X (mutmut's default 15); a mutant past it is a timeout"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mutation", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="mutate one target and run its tests")
    r.add_argument("target", choices=sorted(TARGETS))
    r.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    r.add_argument("--sample", type=_positive, metavar="N", help="check only N mutants drawn at random")
    r.add_argument("--seed", type=int, default=1, help="the draw's seed (default 1): the same seed, the same names")
    rr = sub.add_parser("rerun", help="run the survivors of a target's last run again against the current tests")
    rr.add_argument("target", choices=sorted(TARGETS))
    rr.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    rs = sub.add_parser("resume", help="go on with a stopped run of a target (its unchecked mutants)")
    rs.add_argument("target", choices=sorted(TARGETS))
    rs.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    for each in (r, rr, rs):
        each.add_argument("--timeout-multiplier", type=_positive_float, metavar="X", help=_TIMEOUT_HELP)
    sub.add_parser("table", help="scores per target from mutation/results")
    s = sub.add_parser("survivors", help="diffs of the surviving mutants of a target's last run")
    s.add_argument("target", choices=sorted(TARGETS))
    pk = sub.add_parser("package", help="one score for a package from its modules' kept figures (stratified)")
    pk.add_argument("prefix", help="a folder of the project, such as bot/services/")
    sub.add_parser("targets", help="list the targets")
    m = sub.add_parser("summarize", help="rebuild a target's summary from its last run's files (no new run)")
    m.add_argument("target", choices=sorted(TARGETS))
    args = parser.parse_args(argv)

    if args.command == "run":
        return run(TARGETS[args.target], args.max_children, args.sample, args.seed, args.timeout_multiplier)
    if args.command == "rerun":
        return rerun(TARGETS[args.target], args.max_children, args.timeout_multiplier)
    if args.command == "resume":
        return resume(TARGETS[args.target], args.max_children, args.timeout_multiplier)
    if args.command == "summarize":
        _keep_summary(WORK / args.target, TARGETS[args.target])
        return 0
    if args.command == "table":
        found = [json.loads(p.read_text("utf-8")) for p in sorted(RESULTS.glob("*.json"))]
        if not found:
            print("no results yet: run `python -m mutation run TARGET` first", file=sys.stderr)
            return 2
        print(table(found))
        return 0
    if args.command == "package":
        found = [json.loads(p.read_text("utf-8")) for p in sorted(RESULTS.glob("*.json"))]
        estimate = package_estimate(found, args.prefix)
        print(package_table(estimate, _unmeasured(args.prefix, {r["module"] for r in estimate["modules"]})))
        return 0
    if args.command == "survivors":
        summary_path = RESULTS / f"{args.target}.json"
        work = WORK / args.target
        if not summary_path.exists() or not (work / "mutants").exists():
            print(f"no run of {args.target} here: run `python -m mutation run {args.target}` first", file=sys.stderr)
            return 2
        summary = json.loads(summary_path.read_text("utf-8"))
        for module in summary["modules"].values():
            for name in module["survivors"]:
                subprocess.call([sys.executable, "-m", "mutmut", "show", name], cwd=work)
        return 0
    for t in TARGETS.values():
        print(f"{t.name}: {' '.join(t.modules)}\n    tests: {' '.join(t.tests)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A sampled run's mutants checked without mutmut's stats phase and runner (`run TARGET --sample N`, `resume`
and `rerun` of a sampled run).

mutmut itself, before its first mutant, runs every test of the target once in one process under its
trampolines (its "stats", to know which tests reach which function), then every test a mutant needs once more
without a mutant (its "clean run"). For extract that is ~150 test files, one process, twice: more than a round
on two shared cores (branch mut30 never left the stats). A sample of 120 mutants needs none of that for the
other ~24,000: here

1. the target's tests run once in the mutants copy with `MUTANT_UNDER_TEST=stats`, spread over the xdist
   workers (`-n JOBS`), and the plugin `mutation.reach` notes for each test which of the *sampled* functions it
   reaches, how long it takes and whether it passes (that run is also the clean run: a test that fails without
   a mutant is not used against one);
2. each sampled mutant then runs in a fresh pytest process (`MUTANT_UNDER_TEST=<mutant>`, `-x`, the
   `cold_caches` plugin), against the passing tests that reach its function only, at most JOBS at a time, with
   a wall limit of `startup + (those tests' seconds + 1) × timeout multiplier`;
3. its result goes into mutmut's own `.meta` file under mutmut's exit codes (0 survived, 1 killed, 5 or 33 no
   tests, 36 timeout), so `summarize`, `table`, `survivors` and `mutmut show` read it as any other.

A fresh process per mutant also means no mutant inherits state an earlier test left in a forked parent (the
reason `run` called mutmut twice). What it gives up: mutmut's forced-fail check (here one test is run with
`MUTANT_UNDER_TEST=fail` first, and must fail) and its per-mutant CPU limit (a wall limit instead).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# mutmut's exit codes as written in its .meta files (mutmut.stats.status_by_exit_code)
SURVIVED, KILLED, NO_TESTS, TIMEOUT = 0, 1, 33, 36
STARTUP_SECONDS = (
    600.0  # a fresh pytest process: imports and collection; at nice 15 beside a load of 16 it took over 90 s
)
REACH_FILE = "reach.json"  # in a work copy: what each test reaches, kept for `resume` and `rerun`  # a fresh pytest process: imports and collection of the selected files, on a loaded machine


def function_of(mutant: str) -> str:
    """The trampolined function a mutant belongs to, as the trampolines record it when reached
    (`bot.extract.stance.x__subjects__mutmut_269` → `bot.extract.stance.x__subjects`)."""
    if "__mutmut_" not in mutant:
        raise ValueError(f"not a mutant name: {mutant}")
    return mutant.partition("__mutmut_")[0]


def tests_by_function(reach: dict[str, dict]) -> dict[str, list[str]]:
    """{function: the passing tests that reach it, in run order} from the merged notes of `mutation.reach`."""
    out: dict[str, list[str]] = {}
    for nodeid, note in reach.items():
        if not note.get("passed"):
            continue
        for function in note.get("hits", ()):
            out.setdefault(function, []).append(nodeid)
    return out


def wall_limit(seconds: float, multiplier: float, startup: float = STARTUP_SECONDS) -> float:
    """A mutant's wall time at most: mutmut's (tests' time + 1 s) × multiplier, plus a fresh process's start."""
    return startup + (seconds + 1.0) * multiplier


def exit_code(pytest_code: int | None) -> int:
    """pytest's exit code as mutmut records it (None: the wall limit was reached). pytest's 5 (nothing
    collected) is mutmut's "no tests"; its 2–4 (interrupted, internal error, usage) are kept as they are."""
    if pytest_code is None:
        return TIMEOUT
    return {0: SURVIVED, 1: KILLED, 5: NO_TESTS}.get(pytest_code, pytest_code)


UNCOLLECTED = (2, 4)  # pytest: errors while collecting, or an id it found no test for


def kill_if_clean(code: int, clean: int | None) -> int:
    """A mutant's run that pytest stopped while collecting (2, or 4 when the file whose test was named failed to
    import): each mutant runs in a fresh process, so a test file that calls the mutated function as it is
    imported (a parametrize list built by the code under test) meets the mutant there. The suite fails: a kill,
    when the same tests pass without the mutant; else the tests themselves cannot run here (kept as pytest's
    code: "suspicious" in the table, never a kill)."""
    return KILLED if code in UNCOLLECTED and clean == 0 else code


def _arg_ids(nodeids: Iterable[str]) -> list[str]:
    """Test ids that can be written on a command line: an id holding a lone surrogate or a NUL is replaced by its
    test's id without parameters (all its cases run: more tests, never fewer)."""
    out: list[str] = []
    for nodeid in nodeids:
        try:
            nodeid.encode("utf-8")
            writable = "\0" not in nodeid
        except UnicodeEncodeError:
            writable = False
        if not writable:
            nodeid = nodeid.split("[", 1)[0]
        if nodeid not in out:
            out.append(nodeid)
    return out


def _pytest_args(pyproject: dict) -> list[str]:
    mutmut = pyproject.get("tool", {}).get("mutmut", {})
    return ["--rootdir=.", "-q", "-p", "no:randomly", *mutmut.get("pytest_add_cli_args", [])]


def _run(argv: list[str], cwd: Path, env: dict[str, str], limit: float | None) -> int | None:
    """Run a command in its own process group; on reaching `limit` seconds the group is killed and None given."""
    with subprocess.Popen(argv, cwd=cwd, env=env, start_new_session=True, stdout=subprocess.DEVNULL) as proc:
        try:
            return proc.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return None


def reach(
    mutants_dir: Path, tests: list[str], functions: set[str], jobs: int, env: dict[str, str], pyproject: dict
) -> dict[str, dict]:
    """Run `tests` once in the mutants copy with the trampolines noting which of `functions` each test reaches."""
    with tempfile.TemporaryDirectory(prefix="reach-") as tmp:
        want = Path(tmp) / "want.json"
        want.write_text(json.dumps(sorted(functions)), "utf-8")
        out = Path(tmp) / "out"
        run_env = {
            **env,
            "MUTANT_UNDER_TEST": "stats",
            "MUTATION_REACH_OUT": str(out),
            "MUTATION_REACH_WANT": str(want),
        }
        argv = [sys.executable, "-m", "pytest", *_pytest_args(pyproject), "-p", "mutation.reach", "--tb=no"]
        if jobs > 1:
            argv += ["-n", str(jobs)]
        started = time.monotonic()
        code = _run([*argv, *tests], mutants_dir, run_env, None)
        print(f"reach: the target's tests ran in {time.monotonic() - started:.0f} s (pytest exit {code})", flush=True)
        merged: dict[str, dict] = {}
        for part in sorted(out.glob("*.json")) if out.exists() else []:
            merged.update(json.loads(part.read_text("utf-8")))
    return merged


def ordered_for_kill(selected: list[str], seconds: dict[str, float]) -> list[str]:
    """A mutant's tests with the files whose reaching tests take least time first (most mutants fall to the first
    failure, and a story-wide test file takes minutes); each file's tests stay together, in their order, so a
    module-scoped fixture is built once."""
    by_file: dict[str, list[str]] = {}
    for nodeid in selected:
        by_file.setdefault(nodeid.split("::", 1)[0], []).append(nodeid)
    files = sorted(by_file, key=lambda f: sum(seconds.get(t, 0.0) for t in by_file[f]))
    return [t for f in files for t in by_file[f]]


FIRST_FILES = 5  # test files a mutant meets in a first process: what kills most mutants, without collecting ~100 files


def stages(ordered: list[str], first_files: int = FIRST_FILES) -> list[list[str]]:
    """A mutant's ordered tests in two runs: its first (cheapest) few files, then, only if it survives them, the
    rest. Most mutants fall to a unit test of those files, and a fresh process that collects all the files a
    function is reached from (often ~100) took longer than the tests that killed it."""
    files: list[str] = []
    for nodeid in ordered:
        file = nodeid.split("::", 1)[0]
        if file not in files:
            files.append(file)
    head = set(files[:first_files])
    first = [t for t in ordered if t.split("::", 1)[0] in head]
    rest = [t for t in ordered if t.split("::", 1)[0] not in head]
    return [part for part in (first, rest) if part]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else ""


def _support_digest(mutants_dir: Path) -> str:
    """One digest of what every test reads besides its own file: the conftest files and helper modules under
    tests/ (every .py not named test_*), and the plugins the runs load (mutation/reach.py, cold_caches.py)."""
    h = hashlib.sha256()
    paths = [p for p in (mutants_dir / "tests").glob("**/*.py") if not p.name.startswith("test_")]
    paths += [mutants_dir / "mutation" / name for name in ("reach.py", "cold_caches.py")]
    for path in sorted(paths):
        if path.is_file():
            h.update(str(path.relative_to(mutants_dir)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _test_files(tests: list[str]) -> list[str]:
    """The test files named by the target's arguments (`--deselect` and the id after it left out)."""
    out: list[str] = []
    skip = False
    for arg in tests:
        if skip or arg == "--deselect":
            skip = not skip
            continue
        file = arg.split("::", 1)[0]
        if file not in out:
            out.append(file)
    return out


def _deselect_args(tests: list[str]) -> list[str]:
    return [arg for i, arg in enumerate(tests) if arg == "--deselect" or (i and tests[i - 1] == "--deselect")]


def stale_files(kept: dict | None, functions: set[str], files: dict[str, str], support: str) -> list[str] | None:
    """Which test files must run again to know what each test reaches: None when the kept notes cannot be used
    at all (none, other functions wanted, the shared test code changed), else those files that are new or changed
    since (an empty list: the kept notes answer)."""
    if not kept or not functions <= set(kept.get("functions", ())) or kept.get("support") != support:
        return None
    known = kept.get("files", {})
    return [f for f, digest in files.items() if known.get(f) != digest]


def check(
    work: Path,
    names: list[str],
    tests: list[str],
    jobs: int,
    timeout_multiplier: float,
    env: dict[str, str],
    pyproject: dict,
    record: Callable[[str, int], None],
) -> dict[str, int]:
    """Check each of `names` (mutants written in `work`/mutants) against those of `tests` that reach its
    function; `record(name, code)` is called (in this thread's order of completion) as each result comes."""
    mutants_dir = work / "mutants"
    functions = {function_of(n) for n in names}
    files = {f: _digest(mutants_dir / f) for f in _test_files(tests)}
    support = _support_digest(mutants_dir)
    kept_path = work / REACH_FILE
    kept = json.loads(kept_path.read_text("utf-8")) if kept_path.exists() else None
    stale = stale_files(kept, functions, files, support)
    if stale is None:  # the whole target's tests, once
        notes = reach(mutants_dir, tests, functions, jobs, env, pyproject)
        functions_noted = functions
    else:  # only the new or changed files again (`rerun` after new tests, `resume` after a stop)
        assert kept is not None
        notes = {
            n: v for n, v in kept["notes"].items() if n.split("::", 1)[0] in files and n.split("::", 1)[0] not in stale
        }
        functions_noted = set(kept["functions"])
        print(f"reach: kept notes of {len(notes)} tests; {len(stale)} test files new or changed", flush=True)
        if stale:
            notes |= reach(mutants_dir, [*stale, *_deselect_args(tests)], functions_noted, jobs, env, pyproject)
    kept_path.write_text(
        json.dumps(
            {"functions": sorted(functions_noted), "files": files, "support": support, "notes": notes},
            ensure_ascii=False,
        ),
        "utf-8",
    )
    by_function = tests_by_function(notes)
    failing = sum(1 for note in notes.values() if not note.get("passed"))
    print(f"reach: {len(notes)} tests, {failing} not passing without a mutant (not used)", flush=True)
    base = [sys.executable, "-m", "pytest", *_pytest_args(pyproject), "-x", "--tb=no"]

    any_test = next((t for ts in by_function.values() for t in ts), None)
    if any_test is not None:  # mutmut's forced-fail check: with every trampoline raising, a reached test fails
        code = _run([*base, any_test], mutants_dir, {**env, "MUTANT_UNDER_TEST": "fail"}, None)
        if code in (0, 5, None):  # (a call made while its file is collected fails there: pytest's 2 or 4)
            raise SystemExit(f"forced-fail check: {any_test} gave pytest exit {code} with every mutant failing")

    seconds = {nodeid: float(note.get("seconds", 0.0)) for nodeid, note in notes.items()}
    results: dict[str, int] = {}
    lock = threading.Lock()

    def attempt(name: str, tests: list[str]) -> int:
        limit = wall_limit(sum(seconds.get(t, 0.0) for t in tests), timeout_multiplier)
        argv = [*base, *_arg_ids(tests)]
        code = exit_code(_run(argv, mutants_dir, {**env, "MUTANT_UNDER_TEST": name}, limit))
        if code in UNCOLLECTED:  # the same tests without the mutant tell a kill from tests that cannot run
            code = kill_if_clean(code, _run(argv, mutants_dir, {**env, "MUTANT_UNDER_TEST": ""}, limit))
        return code

    def one(name: str) -> None:
        selected = by_function.get(function_of(name), [])
        code = NO_TESTS
        for stage in stages(ordered_for_kill(selected, seconds)):
            code = attempt(name, stage)
            if code != SURVIVED:
                break
        with lock:
            results[name] = code
            record(name, code)
            print(f"{len(results)}/{len(names)} {name}: {code} ({len(selected)} tests)", flush=True)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        list(pool.map(one, names))
    return results


def meta_recorder(work: Path) -> Callable[[str, int], None]:
    """`record` for `check`: writes a result into the mutant's module's mutmut .meta file."""

    def record(name: str, code: int) -> None:
        for meta in (work / "mutants").rglob("*.py.meta"):
            data = json.loads(meta.read_text("utf-8"))
            codes = data.get("exit_code_by_key", {})
            if name in codes:
                codes[name] = code
                meta.write_text(json.dumps(data), "utf-8")
                return
        raise KeyError(f"{name} is in no .meta file of {work / 'mutants'}")

    return record

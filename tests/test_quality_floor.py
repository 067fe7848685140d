"""Quality floors: the dev set and each of our own evaluation stories, scored with the scorer's own
functions (eval/score.py) through the CLI run in-process, must not fall below the figures last reached
(eval/floors.json). One issue's gain must not be the next one's loss.

Floors are scores, never timings. When a change raises a figure, raise its floor in eval/floors.json
(`python -m tests.test_quality_floor` prints today's figures in that file's shape).
"""

from __future__ import annotations

import asyncio
import importlib.util
import io
import json
import shutil
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "eval"
FLOORS = EVAL / "floors.json"


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("newsdesk_eval_score", EVAL / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpora() -> dict[str, tuple[Path, list[Path]]]:
    """name → (folder of gold cases, articles to ingest; none for the seeds' own cases)."""
    found = {"dev": (EVAL / "dev", []), "dev_about": (EVAL / "dev" / "about", [])}
    found["seeds_about"] = (EVAL / "dev" / "seeds_about", [])  # free-text stance cases over the seeds, written blind
    for story in sorted(p for p in (EVAL / "stories").glob("*") if (p / "quotes.jsonl").exists()):
        found[story.name] = (story, sorted(story.glob("*.txt")))
    return found


class InProcessCLI:
    """The scorer's CLI callable, calling `bot.terminal.cli.main` in this process instead of a subprocess."""

    def __init__(self, db: Path) -> None:
        self.db = str(db)

    def __call__(self, *args: str, parse: bool = True) -> Any:
        from bot.terminal.cli import main

        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(["--db", self.db, *args])
            except SystemExit as e:  # argparse refuses an argument this way
                code = e.code if isinstance(e.code, int) else 2
        if code != 0:
            raise RuntimeError(f"{' '.join(args)[:80]} exited {code}: {err.getvalue().strip()[-300:]}")
        return json.loads(out.getvalue()) if parse else out.getvalue()


def measure(name: str, db: Path, *, ingested: bool = False) -> dict[str, float]:
    """Today's figures for one corpus, on a database that already holds the seeds (and the corpus's articles,
    `ingested`: else they are ingested first)."""
    score = _scorer()
    cases, articles = corpora()[name]
    cli = InProcessCLI(db)
    with redirect_stdout(sys.stderr):  # the scorer prints a failed command's error; keep stdout for figures
        if articles and not ingested:
            cli("ingest", *map(str, articles), parse=False)
        return _measure(score, cases, articles, cli)


def _measure(score: Any, cases: Path, articles: list[Path], cli: InProcessCLI) -> dict[str, float]:
    figures: dict[str, float] = {}
    q = score.score_quotes(cli, score.load(cases / "quotes.jsonl"), False)
    for key in ("doc", "url", "spk", "absent"):
        if q[key]:
            figures[f"quote_{key}"] = round(q[f"{key}_ok"] / q[key], 3)
    stance_cases = score.load(cases / "stance.jsonl")
    if stance_cases:
        ok, n = score.score_stance(cli, stance_cases, False)
        figures["stance"] = round(ok / n, 3)
    gold = score.load(cases / "timeline.jsonl")
    if gold:
        only = [a.name for a in articles] or None
        p, r, dup, _ = score.score_timeline(cli, gold, False, only)
        figures.update(timeline_p=round(p, 3), timeline_r=round(r, 3), timeline_dup=round(dup, 3))
    return figures


@pytest.mark.parametrize("name", sorted(corpora()))
def test_quality_does_not_fall_below_its_floor(name: str, story_db: Callable[[str], Path]) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert name in floors, f"no floor recorded for {name!r} in eval/floors.json: record today's figures"
    figures = measure(name, story_db(name), ingested=True)  # the seeds and the story's articles (conftest.py)
    below = []
    for key, floor in floors[name].items():
        got = figures.get(key)
        # duplicates per event: lower is better, so its floor is a ceiling
        worse = got is None or (got > floor + 1e-9 if key == "timeline_dup" else got < floor - 1e-9)
        if worse:
            below.append(f"{key} {got} (floor {floor})")
    assert not below, f"{name}: " + "; ".join(below)


def seeded_template(folder: Path) -> Path:  # pragma: no cover - maintenance helpers' database
    """A database holding the seeds, made in `folder` once (`template.db`), to copy for each corpus."""
    from bot.ingest.pipeline import open_store

    template = folder / "template.db"
    if not template.exists():

        async def build() -> None:
            store = await open_store(str(template), ROOT / "seeds")
            await store.close()

        asyncio.run(build())
    return template


def _print_today() -> None:  # pragma: no cover - a maintenance helper
    out: dict[str, dict[str, float]] = {}
    tmp = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/newsdesk-floors")
    tmp.mkdir(parents=True, exist_ok=True)
    template = seeded_template(tmp)
    for name in sorted(corpora()):
        db = tmp / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        shutil.copy(template, db)
        out[name] = measure(name, db)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":  # pragma: no cover
    _print_today()

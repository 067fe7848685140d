"""Quality floors: the dev set and each of our own evaluation stories, scored with the scorer's own
functions (eval/score.py) through the CLI's commands run in-process — the queries on one open store per corpus
(tests/cli_session.py), the ingest by the CLI's own `main` — must not fall below the figures last reached
(eval/floors.json). One issue's gain must not be the next one's loss.

Floors are scores, never timings. When a change raises a figure, raise its floor in eval/floors.json
(`python -m tests.test_quality_floor` prints today's figures in that file's shape).

The timeline has two precisions. The scorer's `timeline_p` is right entries over entries (c/n): merging two
entries that report one gold event lowers it on any story whose P is below 1 ((c-1)/(n-1) < c/n), although the
timeline got better. `timeline_pd` is precision over distinct events: gold events matched / (gold events matched +
entries matching none), which a right merge leaves unchanged and a wrong entry lowers; its floor holds as any other.
`timeline_n` is not a floor but the number of entries the corpus had when its `timeline_p` floor was recorded: the P
floor may fall by exactly the merges' arithmetic — with m = timeline_n - n entries fewer today, P may be as low as
(c0 - m) / (n0 - m), c0 = round(P0 * n0) — and by nothing else (`p_floor`). A P fall not explained that way (a wrong
entry added, a right one lost with no fewer entries) fails. Raise `timeline_p` and `timeline_n` together.
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
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from tests.claims_identity import cold_claims, extracted, stored_claims_hold
from tests.cli_session import StoreSession

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "eval"
FLOORS = EVAL / "floors.json"


@lru_cache(maxsize=1)
def eval_scorer() -> Any:
    """eval/score.py, loaded once a process (each corpus's `measure` loaded it again)."""
    spec = importlib.util.spec_from_file_location("newsdesk_eval_score", EVAL / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@lru_cache(maxsize=1)
def corpora() -> dict[str, tuple[Path, list[Path]]]:
    """name → (folder of gold cases, articles to ingest; none for the seeds' own cases). Read once a process (the
    folders globbed and stat'ed, ~4 ms): collection alone asked for it ~80 times in each xdist worker."""
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


def measure(
    name: str, db: Path, *, ingested: bool = False, then: Callable[[StoreSession, dict], None] | None = None
) -> dict[str, float]:
    """Today's figures for one corpus, on a database that already holds the seeds (and the corpus's articles,
    `ingested`: else they are ingested first). `then(session, answers)`: run on the same open store once the
    figures are made, with every `stance --about` answer the scorer was given (`KeptAbout.answers`)."""
    score = eval_scorer()
    cases, articles = corpora()[name]
    with redirect_stdout(sys.stderr):  # the scorer prints a failed command's error; keep stdout for figures
        if articles and not ingested:
            InProcessCLI(db)("ingest", *map(str, articles), parse=False)
        with StoreSession(db) as session:  # the queries on one open store (tests/cli_session.py)
            cli = KeptAbout(session)
            figures = _measure(score, cases, articles, cli)
            if then is not None:
                then(session, cli.answers)
            return figures


class KeptAbout:
    """The scorer's CLI, keeping each `stance --about` answer it gives: its JSON, or its refusal."""

    def __init__(self, cli: Callable[..., Any]) -> None:
        self.cli = cli
        self.answers: dict[tuple[str, ...], Any] = {}

    def __call__(self, *args: str, parse: bool = True) -> Any:
        if "--about" not in args:
            return self.cli(*args, parse=parse)
        self.answers[args] = answer = _answer(self.cli, args)
        if isinstance(answer, RuntimeError):
            raise answer
        return answer


def _answer(cli: Callable[..., Any], args: tuple[str, ...]) -> Any:
    try:
        return cli(*args)
    except RuntimeError as e:  # a refusal (StoreSession raises what `main` would exit 2 for)
        return e


def _measure(score: Any, cases: Path, articles: list[Path], cli: Callable[..., Any]) -> dict[str, float]:
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
        # the timeline asked once: the scorer's P and R and the distinct precision read the same answer
        timeline = cli("timeline", "--json")
        p, r, dup, n = score.score_timeline(_answered(("timeline", "--json"), timeline), gold, False, only)
        matched, wrong = timeline_distinct(score, timeline.get("events") or [], gold, only)
        pd = matched / (matched + wrong) if matched + wrong else 0.0
        figures.update(timeline_p=round(p, 3), timeline_pd=round(pd, 3), timeline_r=round(r, 3))
        figures.update(timeline_dup=round(dup, 3), timeline_n=n)
    return figures


def _answered(asked: tuple[str, ...], answer: Any) -> Callable[..., Any]:
    """The scorer's CLI for a question already asked: its answer again, and no other question."""

    def cli(*args: str, parse: bool = True) -> Any:
        assert args == asked and parse, f"asked {args}, answered {asked}"
        return answer

    return cli


def own_events(
    score: Any, events: list[dict], gold: list[dict], only: list[str] | None
) -> tuple[list[dict], list[dict]]:
    """The entries and gold rows of a corpus judged on its own articles (`only`), as `score.score_timeline` keeps
    them: entries with a source among them, gold rows reported by one of them (or by no document named)."""
    if not only:
        return events, gold
    events = [ev for ev in events if any(score.doc_matches(ev.get("sources"), d) for d in only)]
    gold = [
        g
        for g in gold
        if not g.get("docs")
        or any(n == d or n.startswith(d + "_") or n.startswith(d + ".") for d in g["docs"] for n in only)
    ]
    return events, gold


def timeline_distinct(score: Any, events: list[dict], gold: list[dict], only: list[str] | None) -> tuple[int, int]:
    """(distinct gold events matched, entries matching no gold event), judged as `score.score_timeline` judges:
    the same entries and gold rows kept for a corpus scored on its own, the same fit (a gold date and keyword)."""
    events, gold = own_events(score, events, gold, only)
    matched: set[str] = set()
    wrong = 0
    for ev in events:
        summary = score.norm(ev.get("summary"))
        hits = [
            g["id"]
            for g in gold
            if ev.get("date") in g["dates"] and any(score.norm(k) in summary for k in g["keywords"])
        ]
        matched.update(hits)
        wrong += not hits
    return len(matched), wrong


def p_floor(floor: float, entries_then: float | None, entries_now: float | None) -> float:
    """The scorer's P floor today: `floor` itself, or, with m entries fewer than when it was recorded, lowered by
    exactly m right entries merged away ((c0 - m) / (n0 - m)); never lower for any other reason."""
    if not entries_then or entries_now is None or entries_now >= entries_then or entries_now <= 0:
        return floor
    n0 = int(entries_then)
    merged = n0 - int(entries_now)
    right = round(floor * n0)
    return min(floor, round(max(right - merged, 0) / (n0 - merged), 3))  # figures are kept to 3 places


def below_floors(floors: dict[str, float], figures: dict[str, float]) -> list[str]:
    """Each figure under its floor (over its ceiling for duplicates per event), as `key got (floor f)`."""
    below = []
    for key, floor in floors.items():
        if key == "timeline_n":  # the entries behind the P floor, not a floor of its own
            continue
        got = figures.get(key)
        if key == "timeline_p":
            floor = p_floor(floor, floors.get("timeline_n"), figures.get("timeline_n"))
        # duplicates per event: lower is better, so its floor is a ceiling
        worse = got is None or (got > floor + 1e-9 if key == "timeline_dup" else got < floor - 1e-9)
        if worse:
            below.append(f"{key} {got} (floor {round(floor, 3)})")
    return below


@pytest.mark.parametrize("name", sorted(corpora()))
def test_quality_does_not_fall_below_its_floor(
    name: str, story_db: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """And, on a corpus with `about` cases, the claims stored at ingest answer each of them exactly as extracting
    them at query time does (`extracted_answers_hold`: the stored-claims identity's answers, asked once), and are
    the claims, readings and ties extraction gives today (`stored_claims_hold`, on the same store)."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert name in floors, f"no floor recorded for {name!r} in eval/floors.json: record today's figures"
    stored = StoredReads(monkeypatch)
    # the seeds and the story's articles (conftest.py)
    figures = measure(name, story_db(name), ingested=True, then=lambda s, a: identity_holds(s, a, monkeypatch))
    below = below_floors(floors[name], figures)
    assert not below, f"{name}: " + "; ".join(below)
    if stored.asked:
        assert stored.used > 0, "the stored path never read a stored claim"
        assert stored.seeded > 0, "the stored path never took a stored reading"


class StoredReads:
    """Counts, while the floors' queries run (each corpus's first pass starts cold, `cold_claims`), the `--about`
    questions asked, the stored claims the service reads and the documents whose stored readings it hands over."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from bot.services import stance_about as about_service

        cold_claims()
        self.asked = self.used = self.seeded = 0
        real_ask, real_load, real_remember = (
            about_service.stance_about,
            about_service.load_claims,
            about_service.remember,
        )

        async def asking(*args: Any, **kwargs: Any) -> Any:
            self.asked += 1
            return await real_ask(*args, **kwargs)

        def counting(records: bytes, provisional: dict[int, int]) -> Any:
            self.used += 1
            return real_load(records, provisional)

        def remembering(readings: dict | None) -> None:
            self.seeded += bool(readings)
            real_remember(readings)

        from bot.services import stance_query

        monkeypatch.setattr(stance_query, "stance_about", asking)
        monkeypatch.setattr(about_service, "load_claims", counting)
        monkeypatch.setattr(about_service, "remember", remembering)


def identity_holds(session: StoreSession, answers: dict[tuple[str, ...], Any], mp: pytest.MonkeyPatch) -> None:
    """The stored-claims identity on a corpus with `about` cases: its answers (`extracted_answers_hold`), then every
    document's claims, readings and ties (tests/claims_identity.py), the claims the re-asking has just extracted
    compared as they are."""
    extracted_answers_hold(session, answers, mp)
    if answers:
        session.on_store(lambda store: stored_claims_hold(store, extracted(store)))


def extracted_answers_hold(
    session: Callable[..., Any], answers: dict[tuple[str, ...], Any], mp: pytest.MonkeyPatch
) -> None:
    """Every `stance --about` answer the floors were given (the stored path: claims and readings stored at ingest)
    is what the command answers with no stored claim (the stored rows hidden from the service, every reading
    computed at query time, from empty caches): the same report, to the last statement, or the same refusal."""
    from bot.services import stance_about as about_service

    async def none_stored(store: Any, doc_ids: list[int]) -> dict:
        return {}

    mp.setattr(about_service, "stored_claims", none_stored)
    cold_claims()
    for args, answer in answers.items():
        again = _answer(session, args)
        if isinstance(answer, RuntimeError):
            answer, again = str(answer), str(again)
        assert again == answer, f"{' '.join(args)}: the stored claims answer otherwise than extraction"


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

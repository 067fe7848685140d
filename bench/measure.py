"""Measure one corpus size: build a fresh database through the real ingestion path, then time the services.

Everything here calls what the bot calls: ``bot.ingest.pipeline.ingest_text`` on a store from
``bot.store.backend.open_backend``, and the service functions behind /quote, /timeline, /stance and the actor
autocomplete. Stage timers are thin wrappers installed on module attributes for the duration of a
pass (they add about a microsecond per call); nothing in ``bot/`` is changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import corpus
from bench.pg import fresh_database, is_database_url
from bench.pg import store_figures as pg_store_figures
from bench.queries import QuerySet, build_queries
from bench.rows import row_counts
from bench.stats import summarize

ROOT = Path(__file__).resolve().parent.parent


@dataclass(slots=True)
class Options:
    queries: int = 200  # quote queries (half present, a quarter typo, a quarter absent); others cycle to this count
    jobs: int = 1  # concurrent ingest tasks of the single path (1 = one article after another)
    ingest: str = "bulk"  # bulk: the path of `ingest FOLDER` (process pool, batches); single: ingest_text each
    skip_baselines: bool = False
    baseline_queries: int = 20  # quote queries the naive baselines run (a sample: a full scan is slow)
    cold_runs: int = 3
    timeline_all_budget_s: float = 3.0  # the unfiltered timeline stops repeating after this much time
    breakdown_queries: int = 30
    profile_dir: Path | None = None
    seed: int = 0
    progress: bool = True
    # Answer as this Discord server (the tenancy filter on): after the build, a tenth of the documents become
    # its own, a tenth another server's (hidden from it), the rest stay shared.
    guild_id: int | None = None


def _log(opts: Options, msg: str) -> None:
    if opts.progress:
        print(f"[bench] {msg}", file=sys.stderr, flush=True)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is in KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# --- stage timers -------------------------------------------------------------------------------


class StageTimer:
    """Accumulates seconds and calls per named stage; safe to use from worker threads.

    With ``exclusive=True`` a stage called inside another is subtracted from the outer one, so the
    stages add up to the whole (only for sequential use: one query at a time).
    """

    def __init__(self, exclusive: bool = False) -> None:
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._exclusive = exclusive
        self._inner: list[float] = []  # per open stage: seconds spent in stages nested inside it

    def _enter(self) -> float:
        if self._exclusive:
            self._inner.append(0.0)
        return time.perf_counter()

    def _exit(self, stage: str, started: float) -> None:
        elapsed = time.perf_counter() - started
        own = elapsed
        if self._exclusive:
            own -= self._inner.pop()
            if self._inner:
                self._inner[-1] += elapsed
        with self._lock:
            self.seconds[stage] += own
            self.calls[stage] += 1

    def sync(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = self._enter()
            try:
                return fn(*args, **kwargs)
            finally:
                self._exit(stage, t)

        return wrapper

    def coro(self, stage: str, fn: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = self._enter()
            try:
                return await fn(*args, **kwargs)
            finally:
                self._exit(stage, t)

        return wrapper


class _Patch:
    """Set attributes for the duration of a ``with`` block, then put the originals back."""

    def __init__(self, changes: list[tuple[Any, str, Any]]) -> None:
        self.changes = changes
        self.saved: list[tuple[Any, str, Any, bool]] = []

    def __enter__(self) -> None:
        for obj, name, value in self.changes:
            own = name in vars(obj) if hasattr(obj, "__dict__") else True
            self.saved.append((obj, name, getattr(obj, name), own))
            setattr(obj, name, value)

    def __exit__(self, *exc: object) -> None:
        for obj, name, value, own in reversed(self.saved):
            if own:
                setattr(obj, name, value)
            else:  # an instance attribute shadowing a method: remove it
                delattr(obj, name)


# --- ingestion ------------------------------------------------------------------------------------


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


async def bulk_ingest_corpus(store: Any, n: int, opts: Options) -> dict[str, Any]:
    """Ingest ``corpus.generate(n)`` through ``bulk_ingest`` (what `ingest FOLDER` runs): worker
    processes extract, the store writes in batches. Corpus generation time is excluded. CPU seconds
    are reported apart (this process: the writes; the workers: reading, parsing, extraction), since
    the machine may be shared: their sum over the cores is what the rate would be on an idle one."""
    from bot.ingest.bulk import BATCH_SIZE, BulkOptions, BulkProgress, TextSource, bulk_ingest

    gen = corpus.generate(n, seed=opts.seed)
    statuses: Counter[str] = Counter()
    state = {"chars": 0, "gen": 0.0}
    marks: list[tuple[int, float]] = []
    step = max(1, n // 10)
    start = time.perf_counter()

    def sources() -> Iterator[Any]:
        while True:
            t = time.perf_counter()
            item = next(gen, None)
            state["gen"] += time.perf_counter() - t
            if item is None:
                return
            state["chars"] += len(item[1])
            yield TextSource(item[1], item[0], "bench")

    def on_progress(p: BulkProgress) -> None:
        # Additions are reported a batch at a time: a tenth smaller than a few batches has no rate.
        tenth = step >= 4 * BATCH_SIZE and (p.done % step == 0 or p.done == n)
        if tenth and (not marks or marks[-1][0] != p.done):
            marks.append((p.done, time.perf_counter() - start - state["gen"]))
            if len(marks) > 1:  # a long run's log says how the rate holds up as the store grows
                (n0, t0), (n1, t1) = marks[-2:]
                _log(opts, f"  ingested {n1:,}/{n:,}: {(n1 - n0) / max(t1 - t0, 1e-9):.1f}/s over the last tenth")
        if p.done % max(1, n // 5) == 0 and not p.finished:
            _log(opts, f"  ingested {p.done:,}/{n:,} ({p.rate:.0f}/s)")

    cpu, children = time.process_time(), _children_cpu()
    final = await bulk_ingest(
        store,
        sources(),
        total=n,
        options=BulkOptions(workers=None if opts.jobs <= 1 else opts.jobs),
        on_result=lambda _s, r: statuses.update([r.status]),
        on_progress=on_progress,
    )
    seconds = time.perf_counter() - start - state["gen"]
    cpu_main = time.process_time() - cpu - state["gen"]
    cpu_workers = _children_cpu() - children
    by_tenth = _rate_by_tenth(marks)
    return {
        "mode": "bulk",
        "articles": n,
        "chars": state["chars"],
        "statuses": dict(statuses),
        "seconds": round(seconds, 3),
        "generate_seconds_excluded": round(state["gen"], 3),
        "articles_per_s": round(n / seconds, 2) if seconds else None,
        "chars_per_s": round(state["chars"] / seconds) if seconds else None,
        "ms_per_article": round(seconds / n * 1000, 3) if n else None,
        "jobs": os.cpu_count() if opts.jobs <= 1 else opts.jobs,
        "cpu_ms_per_article": {
            "main": round(cpu_main / n * 1000, 3),
            "workers": round(cpu_workers / n * 1000, 3),
        },
        "idle_machine_articles_per_s": round(
            n * (os.cpu_count() or 1) / max(cpu_main + cpu_workers, cpu_main * (os.cpu_count() or 1)), 1
        ),
        # read, parse (with the hash), dedup and extract: in the workers, side by side; write: the store
        "breakdown_ms_per_article": {k: round(v / n * 1000, 3) for k, v in final.stage_seconds.items()},
        "throughput_by_tenth": by_tenth,
    }


def _rate_by_tenth(marks: list[tuple[int, float]]) -> list[dict[str, float]]:
    """Articles per second between successive progress marks (article count, seconds since start)."""
    rates = []
    prev_n, prev_t = 0, 0.0
    for k, t in marks:
        if k > prev_n and t > prev_t:
            rates.append({"up_to": k, "articles_per_s": round((k - prev_n) / (t - prev_t), 1)})
        prev_n, prev_t = k, t
    return rates


async def ingest_corpus(store: Any, n: int, opts: Options) -> dict[str, Any]:
    """Ingest ``corpus.generate(n)`` through ``ingest_text``; corpus generation time is excluded."""
    from bot.ingest import pipeline

    if opts.ingest == "bulk":
        return await bulk_ingest_corpus(store, n, opts)

    timer = StageTimer()
    gen = corpus.generate(n, seed=opts.seed)
    statuses: Counter[str] = Counter()
    state = {"chars": 0, "gen": 0.0, "done": 0}
    marks: list[tuple[int, float]] = []  # (articles done, net seconds) at every tenth
    step = max(1, n // 10)
    lock = asyncio.Lock()
    start = time.perf_counter()

    def next_article() -> tuple[str, str] | None:
        t = time.perf_counter()
        item = next(gen, None)
        state["gen"] += time.perf_counter() - t
        return item

    async def worker() -> None:
        while True:
            async with lock:  # one generator, handed out in order
                item = next_article()
            if item is None:
                return
            name, text = item
            result = await pipeline.ingest_text(store, text, name=name, origin="bench")
            statuses[result.status] += 1
            state["chars"] += len(text)
            state["done"] += 1
            if state["done"] % step == 0 or state["done"] == n:
                marks.append((state["done"], time.perf_counter() - start - state["gen"]))
                if state["done"] % max(1, n // 5) == 0:
                    _log(opts, f"  ingested {state['done']:,}/{n:,}")

    patch = _Patch(
        [
            (pipeline, "parse_document", timer.sync("parse", pipeline.parse_document)),
            (pipeline, "content_hash", timer.sync("hash", pipeline.content_hash)),
            (pipeline, "extract_document", timer.sync("extract", pipeline.extract_document)),
            (store, "add_document", timer.coro("write", store.add_document)),
            (store, "find_duplicate", timer.coro("dedup", store.find_duplicate)),
        ]
    )
    with patch:
        await asyncio.gather(*(worker() for _ in range(max(1, opts.jobs))))
    seconds = time.perf_counter() - start - state["gen"]
    done = state["done"]
    breakdown = {k: round(v / done * 1000, 3) for k, v in timer.seconds.items()} if done else {}
    if opts.jobs == 1 and done:
        breakdown["other"] = round(seconds / done * 1000 - sum(breakdown.values()), 3)
    by_tenth = _rate_by_tenth(marks)
    return {
        "mode": "single",
        "articles": done,
        "chars": state["chars"],
        "statuses": dict(statuses),
        "seconds": round(seconds, 3),
        "generate_seconds_excluded": round(state["gen"], 3),
        "articles_per_s": round(done / seconds, 2) if seconds else None,
        "chars_per_s": round(state["chars"] / seconds) if seconds else None,
        "ms_per_article": round(seconds / done * 1000, 3) if done else None,
        "jobs": opts.jobs,
        "breakdown_ms_per_article": breakdown,
        "throughput_by_tenth": by_tenth,
    }


async def store_figures(store: Any) -> dict[str, Any]:
    """Row counts, then checkpoint the WAL into the file and report the file sizes."""
    counts = await row_counts(store, "SELECT count(*) FROM passage_vocab")
    await store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(store.path)
    wal = Path(str(path) + "-wal")
    db_bytes = path.stat().st_size
    wal_bytes = wal.stat().st_size if wal.exists() else 0
    total = db_bytes + wal_bytes
    docs = counts["documents"] or 1
    return {
        **counts,
        "db_bytes": db_bytes,
        "wal_bytes": wal_bytes,
        "total_bytes": total,
        "bytes_per_article": round(total / docs),
    }


# --- query latency --------------------------------------------------------------------------------


@dataclass(slots=True)
class Timed:
    seconds: list[float]
    results: list[Any]  # what `keep` took from each answer; None where the service raised QueryError
    query_errors: int
    failures: list[str]
    cpu: list[float] = field(default_factory=list)  # the process's CPU seconds (every thread's) per call


async def time_calls(
    calls: list[Callable[[], Awaitable[Any]]],
    keep: Callable[[Any], Any] = len,
    budget_s: float | None = None,
    at_least: int = 10,
) -> Timed:
    """Await each call and time it. A QueryError is an answer (the user is told what to type instead).

    Only ``keep(answer)`` is retained: holding every answer (a timeline is thousands of objects) would
    grow the heap and make the garbage collector's pauses part of later timings.
    """
    from bot.services.errors import QueryError

    out = Timed([], [], 0, [])
    spent = 0.0
    for call in calls:
        t, cpu = time.perf_counter(), time.process_time()
        result: Any = None
        try:
            result = await call()
        except QueryError:
            out.query_errors += 1
        except Exception as e:  # a crash is not an answer: report it
            out.failures.append(f"{type(e).__name__}: {e}")
        dt_s = time.perf_counter() - t
        out.cpu.append(time.process_time() - cpu)
        out.seconds.append(dt_s)
        out.results.append(None if result is None else keep(result))
        result = None
        spent += dt_s
        if budget_s is not None and spent > budget_s and len(out.seconds) >= at_least:
            break
    return out


def cpu_figures(t: Timed) -> dict[str, float | None]:
    """p50 / p95 of the process's CPU per call (ms): on a shared machine, less moved by other work than wall time."""
    cpu = summarize(t.cpu)
    return {"cpu_p50_ms": cpu["p50_ms"], "cpu_p95_ms": cpu["p95_ms"]}


def _cycle(items: list[Any], count: int) -> list[Any]:
    return [items[i % len(items)] for i in range(count)] if items else []


async def _week_windows(store: Any, count: int) -> list[tuple[str, str]]:
    """``count`` seven-day windows spread evenly over the 2nd–98th percentile of day-precise event dates."""
    row = await store.fetchone("SELECT count(*) FROM events WHERE precision = 'day' AND background = 0")
    total = int(row[0]) if row else 0
    if not total:
        return [("2025-03-01", "2025-03-07")] * count
    dates = []
    for frac in (0.02, 0.98):
        r = await store.fetchone(
            "SELECT date FROM events WHERE precision = 'day' AND background = 0 ORDER BY date LIMIT 1 OFFSET ?",
            (int(frac * (total - 1)),),
        )
        dates.append(dt.date.fromisoformat(r[0]))
    lo, hi = dates
    span = max(0, (hi - lo).days - 6)
    out = []
    for i in range(count):
        start = lo + dt.timedelta(days=round(span * i / max(1, count - 1)))
        out.append((start.isoformat(), (start + dt.timedelta(days=6)).isoformat()))
    return out


async def spread_guilds(store: Any, guild_id: int) -> dict[str, int]:
    """Give a tenth of the documents to `guild_id` and a tenth to another server (ids ending in 5 and 0),
    with their statements, day counts and cluster scopes, as if those servers had uploaded them."""
    from bot.store import cluster_views

    other = guild_id + 1
    async with store.transaction() as db:
        await db.execute(
            "UPDATE documents SET guild_id = CASE id % 10 WHEN 5 THEN ? WHEN 0 THEN ? ELSE 0 END", (guild_id, other)
        )
        for table in ("statements", "events"):
            await db.execute(
                f"UPDATE {table} SET guild_id = (SELECT d.guild_id FROM documents d WHERE d.id = {table}.document_id)"
            )
        await db.execute("DELETE FROM stance_days")
        await db.execute(
            "INSERT INTO stance_days(actor_id, topic, date, position, guild_id, n)"
            " SELECT actor_id, topic, sort_date, position, guild_id, count(*) FROM statements GROUP BY 1, 2, 3, 4, 5"
        )
        await db.execute(
            "UPDATE clusters SET scope = coalesce((SELECT CASE WHEN min(d.guild_id) = 0 THEN 0"
            " WHEN min(d.guild_id) = max(d.guild_id) THEN min(d.guild_id) ELSE -1 END"
            " FROM events e JOIN documents d ON d.id = e.document_id WHERE e.cluster_id = clusters.id), 0)"
        )
        for table in ("cluster_actors", "cluster_topics"):
            await db.execute(
                f"UPDATE {table} SET scope = (SELECT c.scope FROM clusters c WHERE c.id = {table}.cluster_id)"
            )
        await cluster_views.refresh_all(db)  # what each server sees of the events several report
    rows = await store.fetchall("SELECT scope, count(*) FROM clusters GROUP BY scope")
    counts = {f"clusters_scope_{r[0]}": int(r[1]) for r in rows}
    return {"guild_id": guild_id, **counts}


async def measure_queries(
    store: Any, qs: QuerySet, opts: Options, rss: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], Timed]:
    """Latency of every service the bot answers with; returns (latency, quote quality, quote timings) and
    records the peak memory of the bot's own work in ``rss["bot_peak_mb"]``."""
    from bot.services.quotes import find_quote
    from bot.services.stance import stance, suggest_actors
    from bot.services.stance_about import stance_about
    from bot.services.timeline import count_timeline, timeline, timeline_page, validate_timeline_query
    from bot.services.warm import warm_vocabularies
    from bot.text import normalize
    from commands.embeds import PER_PAGE, STATEMENTS_PER_PAGE

    latency: dict[str, Any] = {}
    count = opts.queries
    guild = opts.guild_id
    # the word lists the bot builds in a worker thread as it starts (commands/client.py), before any question
    await asyncio.to_thread(warm_vocabularies, store.actors)

    quotes = qs.quotes()
    _log(opts, f"  quote × {len(quotes)}")
    q_t = await time_calls(
        [lambda q=q: find_quote(store, q, guild_id=guild) for _, q in quotes],
        keep=lambda m: normalize(m[0].text) if m else "",
    )
    quality: dict[str, Any] = {}
    for kind in ("present", "typo", "absent"):
        idx = [i for i, (k, _) in enumerate(quotes) if k == kind]
        answered = [i for i in idx if q_t.results[i]]
        exact = [i for i in answered if normalize(quotes[i][1]) in q_t.results[i]]  # the top passage holds it verbatim
        quality[kind] = {"n": len(idx), "answered": len(answered), "top_holds_query": len(exact)}
    latency["quote"] = summarize(
        q_t.seconds, query_errors=q_t.query_errors, failures=q_t.failures[:3], **cpu_figures(q_t)
    )

    # What the bot does for /timeline and /stance: count, then the first page (the others load on a click).
    async def timeline_answer(**f: str) -> tuple[int, int]:
        q = await validate_timeline_query(store, **f, guild_id=guild)
        total = await count_timeline(store, q)
        page = await timeline_page(store, q, limit=PER_PAGE)
        return total, sum(len(e.sources) for e in page)

    _log(opts, "  timeline (all)")
    t_all = await time_calls([timeline_answer] * count, keep=lambda r: r)
    totals = [r[0] for r in t_all.results if r is not None]
    latency["timeline_all"] = summarize(
        t_all.seconds,
        events_mean=round(statistics.fmean(totals), 1) if totals else 0,
        sources_per_page_mean=round(statistics.fmean(r[1] for r in t_all.results if r), 1) if totals else 0,
        failures=t_all.failures[:3],
    )
    last = max(0, (max(totals, default=0) - 1) // PER_PAGE * PER_PAGE)
    q_all = await validate_timeline_query(store, guild_id=guild)
    everything = max(totals, default=0)  # the count the bot has when it pages (/timeline counts first)
    t_last = await time_calls(
        [lambda: timeline_page(store, q_all, limit=PER_PAGE, offset=last, total=everything)] * min(count, 50)
    )
    latency["timeline_last_page"] = summarize(t_last.seconds, offset=last, failures=t_last.failures[:3])

    filters = _cycle([f for f in qs.timeline_filters if f], count)
    _log(opts, f"  timeline (filtered) × {len(filters)}")
    t_f = await time_calls([lambda f=f: timeline_answer(**f) for f in filters], keep=lambda r: r[0])
    sizes = [r for r in t_f.results if r is not None]
    latency["timeline_filtered"] = summarize(
        t_f.seconds,
        events_mean=round(statistics.fmean(sizes), 1) if sizes else 0,
        query_errors=t_f.query_errors,
        failures=t_f.failures[:3],
    )

    windows = await _week_windows(store, count)
    _log(opts, f"  timeline (week) × {len(windows)}")
    t_w = await time_calls([lambda w=w: timeline_answer(since=w[0], until=w[1]) for w in windows], keep=lambda r: r[0])
    sizes = [r for r in t_w.results if r is not None]
    latency["timeline_week"] = summarize(
        t_w.seconds,
        events_mean=round(statistics.fmean(sizes), 1) if sizes else 0,
        query_errors=t_w.query_errors,
        failures=t_w.failures[:3],
    )

    stances = _cycle(qs.stance, count)
    _log(opts, f"  stance × {len(stances)}")
    t_s = await time_calls(
        [lambda a=a, t=t: stance(store, a, topic=t, limit=STATEMENTS_PER_PAGE, guild_id=guild) for a, t in stances],
        keep=lambda r: r.total,
    )
    sizes = [r for r in t_s.results if r is not None]
    latency["stance"] = summarize(
        t_s.seconds,
        **cpu_figures(t_s),
        statements_mean=round(statistics.fmean(sizes), 1) if sizes else 0,
        statements_max=max(sizes, default=0),
        query_errors=t_s.query_errors,
        failures=t_s.failures[:3],
    )
    if sizes:  # the last page of the longest answer: the deepest OFFSET a user can reach
        actor, topic = stances[t_s.results.index(max(sizes))]
        offset = (max(sizes) - 1) // STATEMENTS_PER_PAGE * STATEMENTS_PER_PAGE
        t_sl = await time_calls(
            [  # as the pager asks it: the first page's total given, the summary not read again
                lambda: stance(
                    store,
                    actor,
                    topic=topic,
                    limit=STATEMENTS_PER_PAGE,
                    offset=offset,
                    guild_id=guild,
                    total=max(sizes),
                )
            ]
            * min(count, 50),
            keep=lambda r: len(r.statements),
        )
        latency["stance_last_page"] = summarize(t_sl.seconds, actor=actor, offset=offset, failures=t_sl.failures[:3])

    abouts = _cycle(qs.stance_about, count)
    _log(opts, f"  stance --about × {len(abouts)}")
    t_ab = await time_calls(
        [lambda a=a, x=x: stance_about(store, a, x, limit=STATEMENTS_PER_PAGE, guild_id=guild) for a, x in abouts],
        keep=lambda r: r.total,
    )
    sizes = [r for r in t_ab.results if r is not None]
    latency["stance_about"] = summarize(
        t_ab.seconds,
        **cpu_figures(t_ab),
        statements_mean=round(statistics.fmean(sizes), 1) if sizes else 0,
        query_errors=t_ab.query_errors,
        failures=t_ab.failures[:3],
    )

    typed = _cycle(qs.actors, count)
    _log(opts, f"  autocomplete × {len(typed)}")
    t_a = await time_calls([lambda x=x: suggest_actors(store, x, guild_id=guild) for x in typed])
    latency["autocomplete"] = summarize(t_a.seconds, query_errors=t_a.query_errors, failures=t_a.failures[:3])

    # Discord asks for choices as soon as the field gets focus, before anything is typed.
    t_e = await time_calls([lambda: suggest_actors(store, "", guild_id=guild)] * min(count, 50))
    latency["autocomplete_empty"] = summarize(t_e.seconds, failures=t_e.failures[:3])
    # Peak memory of everything the bot does, before the CLI-only whole timeline (every event and source
    # of the store in memory at once) is measured.
    rss["bot_peak_mb"] = peak_rss_mb()

    _log(opts, "  timeline (whole, as the CLI prints it)")
    t_whole = await time_calls(
        [lambda: timeline(store)] * count, budget_s=opts.timeline_all_budget_s, keep=len, at_least=3
    )
    latency["timeline_whole"] = summarize(
        t_whole.seconds,
        events_mean=round(statistics.fmean(r for r in t_whole.results if r is not None), 1) if t_whole.results else 0,
        capped_by_budget=len(t_whole.seconds) < count,
        failures=t_whole.failures[:3],
    )

    return latency, quality, q_t


async def quote_breakdown(store: Any, qs: QuerySet, opts: Options) -> dict[str, Any]:
    """Where a quote query's time goes: the stages of ``find_quote`` timed on a sample of the queries."""
    from bot.services import quotes as qmod
    from bot.services.errors import QueryError

    timer = StageTimer(exclusive=True)
    candidates: list[int] = []
    fts = timer.coro("fts_candidates", qmod.candidate_ids)

    async def counted_candidates(*args: Any, **kwargs: Any) -> list[int]:
        ids = await fts(*args, **kwargs)
        candidates.append(len(ids))
        return ids

    stages: list[tuple[str, str, bool]] = [  # (function in bot.services.quotes, stage, is a coroutine)
        ("query_tokens", "tokenize_query", False),
        ("fetch_passages", "fetch_passages", True),
        ("normalize", "normalize", False),
        ("_score", "fuzzy_score", False),
        ("_weigh_coverage", "coverage_recheck", True),
        ("normalize_with_map", "speaker_span_map", False),
        ("item_contexts", "speaker_context_sql", True),
        ("attribute", "speaker_attribute", False),
    ]
    changes: list[tuple[Any, str, Any]] = [(qmod, "candidate_ids", counted_candidates)]
    for name, stage, is_coro in stages:
        fn = getattr(qmod, name, None)
        if fn is not None:  # the service may have changed shape; time what is there
            changes.append((qmod, name, timer.coro(stage, fn) if is_coro else timer.sync(stage, fn)))
    patch = _Patch(changes)
    sample = _spread([q for _, q in qs.quotes()], opts.breakdown_queries)
    total = 0.0
    with patch:
        for q in sample:
            t = time.perf_counter()
            with contextlib.suppress(QueryError):
                await qmod.find_quote(store, q)
            total += time.perf_counter() - t
    k = len(sample) or 1
    per_query = {name: round(sec / k * 1000, 3) for name, sec in timer.seconds.items()}
    per_query["other"] = round(total / k * 1000 - sum(per_query.values()), 3)
    return {
        "queries": len(sample),
        "ms_per_query": per_query,
        "total_ms_per_query": round(total / k * 1000, 3),
        "candidates_per_query": round(statistics.fmean(candidates), 1) if candidates else 0,
        "fuzzy_scores_per_query": round(timer.calls["fuzzy_score"] / k, 1),
        "speaker_attributions_per_query": round(timer.calls["speaker_attribute"] / k, 1),
    }


def _spread(items: list[Any], count: int) -> list[Any]:
    """``count`` items spread evenly over the list (all of them when it is shorter)."""
    if count >= len(items):
        return list(items)
    return [items[i * len(items) // count] for i in range(count)]


# --- cold start -----------------------------------------------------------------------------------


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DISCORD_TOKEN", None)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONDONTWRITEBYTECODE"] = "0"
    return env


def _run_child(cmd: list[str]) -> tuple[float, float | None, bytes, bytes, int, float]:
    """Run a child through ``bench.launch``: (seconds to exit, seconds to first stdout byte, stdout, stderr,
    exit code, the child's own peak RSS in MB)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "launch.json"
        done = subprocess.run(
            [sys.executable, "-m", "bench.launch", str(report), "--", *cmd],
            cwd=ROOT,
            env=_child_env(),
            capture_output=True,
            check=False,
        )
        if not report.exists():
            return float("nan"), None, done.stdout, done.stderr, done.returncode or 1, float("nan")
        info = json.loads(report.read_text(encoding="utf-8"))
    return (
        info["seconds"],
        info["first_output_s"],
        done.stdout,
        done.stderr,
        info["exit_code"],
        round(info["peak_rss_mb"], 1),
    )


def cold_start(db: Path, text: str, runs: int) -> dict[str, Any]:
    """Process start → first answered query: ``python -m bot --db DB quote TEXT --json``, plus its parts."""
    cli = [sys.executable, "-m", "bot", "--db", str(db), "quote", text, "--json"]
    totals, firsts, rss, answered, failures = [], [], [], [], []
    for _ in range(max(1, runs)):
        elapsed, t_first, out, err, code, peak = _run_child(cli)
        totals.append(round(elapsed, 3))
        firsts.append(None if t_first is None else round(t_first, 3))
        rss.append(peak)
        if code != 0:
            failures.append(err.decode("utf-8", "replace").strip()[-300:])
            answered.append(False)
        else:
            answered.append(bool(json.loads(out).get("matches")))
    startup = [_run_child([sys.executable, "-c", "pass"])[0] for _ in range(max(1, runs))]
    imports = []
    for _ in range(2):
        code_s = "import time; t = time.perf_counter(); import bot.terminal.cli; print(time.perf_counter() - t)"
        _, _, out, _, _, _ = _run_child([sys.executable, "-c", code_s])
        imports.append(float(out.decode() or "nan"))
    _, _, out, err, code, _ = _run_child([sys.executable, "-m", "bench.coldstart", str(db), text])
    stages = json.loads(out) if code == 0 else {"error": err.decode("utf-8", "replace")[-300:]}
    return {
        "command": "python -m bot --db DB quote TEXT --json",
        "query": text,
        "runs": len(totals),
        "cli_s": totals,
        "cli_median_s": round(statistics.median(totals), 3),
        "cli_first_run_s": totals[0],
        "first_output_s": firsts,
        "answered": answered,
        "failures": failures,
        "python_startup_s": round(statistics.median(startup), 3),
        "import_s": round(statistics.median(imports), 3),
        "stages": stages,
        "child_peak_rss_mb": max(rss),
    }


# --- naive baselines ------------------------------------------------------------------------------


def _like_pattern(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def baselines(db: Path, quotes: list[tuple[str, str]], ours: list[float], sample_size: int) -> dict[str, Any]:
    """The quote lookup done naively on the same database and queries, on an even sample of the queries."""
    from rapidfuzz import fuzz, process

    from bot.services.quotes import MIN_SCORE
    from bot.text import normalize

    idx = _spread(list(range(len(quotes))), sample_size)
    sample = [quotes[i] for i in idx]
    our_sample = [ours[i] for i in idx]
    our_p50_all = summarize(ours)["p50_ms"]
    our_p50_sample = summarize(our_sample)["p50_ms"]

    def with_ratio(summary: dict[str, Any]) -> dict[str, Any]:
        p50 = summary.get("p50_ms")
        summary["ratio_p50"] = round(p50 / our_p50_all, 2) if p50 and our_p50_all else None
        summary["ratio_p50_same_sample"] = round(p50 / our_p50_sample, 2) if p50 and our_p50_sample else None
        return summary

    conn = sqlite3.connect(db)
    try:
        t = time.perf_counter()
        texts = [normalize(text) for (text,) in conn.execute("SELECT text FROM passages ORDER BY id")]
        load_s = time.perf_counter() - t
        scan_s, scan_found = [], Counter()
        for kind, q in sample:
            qn = normalize(q)
            t = time.perf_counter()
            hits = process.extract(qn, texts, scorer=fuzz.partial_ratio, limit=5, score_cutoff=MIN_SCORE)
            scan_s.append(time.perf_counter() - t)
            scan_found[kind] += bool(hits)
        rss_with_texts = peak_rss_mb()
        del texts
        like_s, like_found = [], Counter()
        for kind, q in sample:
            t = time.perf_counter()
            rows = conn.execute(
                "SELECT id FROM passages WHERE text LIKE ? ESCAPE '\\'", (_like_pattern(q.strip()),)
            ).fetchall()
            like_s.append(time.perf_counter() - t)
            like_found[kind] += bool(rows)
    finally:
        conn.close()
    kinds = Counter(kind for kind, _ in sample)
    return {
        "sample": len(sample),
        "sample_kinds": dict(kinds),
        "our_p50_ms_all": our_p50_all,
        "our_p50_ms_same_sample": our_p50_sample,
        "rapidfuzz_scan": with_ratio(
            summarize(
                scan_s,
                method="rapidfuzz.process.extract(normalize(q), all normalized passages, scorer=fuzz.partial_ratio, "
                f"limit=5, score_cutoff={MIN_SCORE:g})",
                load_and_normalize_s=round(load_s, 3),
                answered=dict(scan_found),
                rss_mb_with_texts=rss_with_texts,
            )
        ),
        "sql_like": with_ratio(
            summarize(
                like_s,
                method="SELECT id FROM passages WHERE text LIKE '%q%' (no index can serve it)",
                answered=dict(like_found),
            )
        ),
    }


# --- profiles -------------------------------------------------------------------------------------


def _top(prof: cProfile.Profile, path: Path, limit: int = 15) -> list[dict[str, Any]]:
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(40)
    path.write_text(buf.getvalue(), encoding="utf-8")
    rows = []
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (file, line, func), (_, calls, tottime, cumtime, _) in sorted(raw.items(), key=lambda kv: -kv[1][2])[:limit]:
        where = (
            file
            if file == "~"
            else f"{Path(file).relative_to(ROOT) if file.startswith(str(ROOT)) else Path(file).name}:{line}"
        )
        rows.append(
            {
                "function": f"{where}({func})",
                "calls": calls,
                "tottime_s": round(tottime, 4),
                "cumtime_s": round(cumtime, 4),
            }
        )
    return rows


async def profile(store: Any, n: int, qs: QuerySet, opts: Options) -> dict[str, Any]:
    """cProfile of ingesting 20 more articles (another seed) and of 20 quote queries at this size."""
    from bot.extract.document import content_hash, extract_document
    from bot.extract.events import same_event
    from bot.ingest.parse import parse_document
    from bot.services.errors import QueryError
    from bot.services.quotes import find_quote

    assert opts.profile_dir is not None
    opts.profile_dir.mkdir(parents=True, exist_ok=True)
    # Another seed's articles, new to the store; anything already stored is skipped, as ingestion would.
    extra = list(corpus.generate(21, seed=opts.seed + 1))
    prof = cProfile.Profile()
    for name, text in extra:  # the pipeline's steps, run inline so the profile sees the extraction thread's work
        prof.enable()
        parsed = parse_document(text, name=name, origin="bench")
        if await store.find_duplicate(content_hash(parsed), parsed.url) is None:
            ex = extract_document(parsed, store.actors)
            await store.add_document(parsed, ex, same_event=same_event)
        prof.disable()
    ingest_top = _top(prof, opts.profile_dir / f"profile_{n}_ingest.txt")
    prof = cProfile.Profile()
    for q in _spread([q for _, q in qs.quotes()], 20):
        prof.enable()
        with contextlib.suppress(QueryError):
            await find_quote(store, q)
        prof.disable()
    quote_top = _top(prof, opts.profile_dir / f"profile_{n}_quote.txt")
    return {"ingest_top_tottime": ingest_top, "quote_top_tottime": quote_top, "dir": str(opts.profile_dir)}


# --- one size -------------------------------------------------------------------------------------


async def run_size(n: int, db: Path, opts: Options) -> dict[str, Any]:
    """Every figure for one corpus size, on a fresh database at ``db``."""
    from bot import text as bot_text
    from bot.store.backend import open_backend

    postgres = is_database_url(str(db))
    if postgres:
        fresh_database(str(db))
    else:
        remove_db(db)
    qs = build_queries(n=opts.queries, seed=opts.seed)
    result: dict[str, Any] = {"n": n, "db": str(db), "coverage_size": corpus.coverage_size()}
    phases: dict[str, float] = {}
    clock = time.perf_counter()

    def phase(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        phases[name] = round(now - clock, 2)
        clock = now

    _log(opts, f"{n:,} articles → {db}")
    rss: dict[str, Any] = {"start_mb": peak_rss_mb()}
    threads: set[int] = set()  # threads that asked for a SudachiPy tokenizer (each loads its own dictionary)
    with _Patch([(bot_text, "sudachi_tokenizer", _recording(bot_text.sudachi_tokenizer, threads))]):
        store = await open_backend(db)
        try:
            await store.set_meta("seeded", "0")  # an existing bot database: the CLI will not try to load seeds
            result["ingest"] = await ingest_corpus(store, n, opts)
            rss["after_ingest_mb"] = peak_rss_mb()
            rss["tokenizer_threads_ingest"] = len(threads)
            _log(opts, f"  ingest: {result['ingest']['articles_per_s']} articles/s")
            result["store"] = await (pg_store_figures(store) if postgres else store_figures(store))
            if opts.guild_id is not None:
                result["tenancy"] = await spread_guilds(store, opts.guild_id)
            phase("ingest")
            latency, quality, q_t = await measure_queries(store, qs, opts, rss)
            result["latency"] = latency
            result["quote_quality"] = quality
            phase("queries")
            result["quote_breakdown"] = await quote_breakdown(store, qs, opts)
            phase("quote_breakdown")
        finally:
            await store.close()
    rss["bench_peak_mb"] = peak_rss_mb()
    rss["tokenizer_threads"] = len(threads)
    result["rss"] = rss

    _log(opts, "  cold start")
    present = qs.quotes_present[0] if qs.quotes_present else "停戦"
    result["cold_start"] = cold_start(db, present, opts.cold_runs)
    result["rss"]["cold_start_child_mb"] = result["cold_start"]["child_peak_rss_mb"]
    phase("cold_start")

    if opts.skip_baselines or postgres:  # the baselines read SQLite's file
        result["baselines"] = None
    else:
        _log(opts, f"  baselines on {min(opts.baseline_queries, len(qs.quotes()))} queries")
        result["baselines"] = baselines(db, qs.quotes(), q_t.seconds, opts.baseline_queries)
        result["rss"]["bench_peak_with_baselines_mb"] = peak_rss_mb()
        phase("baselines")

    if opts.profile_dir is not None:
        _log(opts, "  profile")
        store = await open_backend(db)
        try:
            result["profile"] = await profile(store, n, qs, opts)
        finally:
            await store.close()
        phase("profile")
    result["phase_seconds"] = phases
    return result


def _recording(fn: Callable[[], Any], threads: set[int]) -> Callable[[], Any]:
    def wrapper() -> Any:
        threads.add(threading.get_ident())
        return fn()

    return wrapper


def iter_sizes(text: str) -> Iterator[int]:
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        if not part:
            continue
        mult = 1
        if part.endswith("k"):
            part, mult = part[:-1], 1000
        yield int(float(part) * mult)

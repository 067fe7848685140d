"""``python -m bench.bulk``: the bulk ingest path alone, and where its milliseconds go.

Builds a fresh database of ``corpus.generate(n)`` through ``bulk_ingest`` (what `ingest FOLDER`
runs) and prints the rate, the rate by tenth, the CPU per article of the writer (this process) and
of the extraction workers, and the stage breakdown. ``--profile`` also runs cProfile in the writer
thread (every batch's write) and over the extraction of a sample of articles in this process (what
a worker does per source), and writes the top functions of each next to ``--out``.

    python -m bench.bulk --n 10000                   # rate and breakdown
    python -m bench.bulk --n 10000 --profile         # + cProfile of the writer and of extraction
    python -m bench.bulk --n 1000 --record batches.pickle            # keep what the writer was given
    python -m bench.bulk --replay batches.pickle --database-url URL  # the writer alone, on PostgreSQL

With ``--database-url`` a replay writes to that PostgreSQL database (dropped and made again first) and also
counts what the server was asked per article: statements (each executed one, every row of an ``executemany``
counted) and round trips (an ``executemany`` is one: psycopg pipelines it).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import itertools
import json
import os
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import corpus
from bench.measure import ROOT, Options, bulk_ingest_corpus, remove_db

DEFAULT_OUT = ROOT / "bench" / "out" / "bulk.json"


def _top(prof: cProfile.Profile | pstats.Stats, calls: int, limit: int = 30) -> list[dict[str, Any]]:
    """The functions with most own time (and cumulative), in ms per article."""
    stats = prof if isinstance(prof, pstats.Stats) else pstats.Stats(prof)
    rows = []
    for (file, line, name), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append(
            {
                "function": f"{Path(file).name}:{line}({name})",
                "calls_per_article": round(nc / calls, 2),
                "own_ms": round(tt / calls * 1000, 3),
                "cumulative_ms": round(ct / calls * 1000, 3),
            }
        )
    rows.sort(key=lambda r: -r["own_ms"])
    return rows[:limit]


class _WriterProfile:
    """cProfile (optional) and CPU time around every batch write (the writer thread's work)."""

    def __init__(self, profile: bool, log_every: int = 0) -> None:
        # CPU time of the writer thread, not wall time: the machine may be shared
        self.prof = cProfile.Profile(time.thread_time) if profile else None
        self.cpu = 0.0
        self.articles = 0
        self.marks: list[tuple[int, float]] = []  # (articles written, writer CPU seconds so far) per batch
        self.log_every = log_every  # a line on stderr every this many articles (a long run's figures so far)
        self._logged = (0, 0.0, 0.0, time.perf_counter())  # articles, writer CPU, workers' CPU, wall clock

    def install(self) -> None:
        from bot.store.store import Store

        original = Store._write_batch_in_thread
        me = self

        def measured(store: Store, items: Any, *args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            if me.prof is not None:
                me.prof.enable()
            try:
                return original(store, items, *args, **kwargs)
            finally:
                if me.prof is not None:
                    me.prof.disable()
                me.cpu += time.thread_time() - started
                me.articles += len(items)
                me.marks.append((me.articles, me.cpu))
                if me.log_every and me.articles - me._logged[0] >= me.log_every:
                    me.log_stretch()

        Store._write_batch_in_thread = measured  # type: ignore[method-assign]

    def log_stretch(self) -> None:
        """Since the last line: articles/s, writer and workers' CPU ms per article, and the load average."""
        n0, cpu0, workers0, wall0 = self._logged
        workers, wall = _workers_cpu(), time.perf_counter()
        k = self.articles - n0
        print(
            f"[bench.bulk] {self.articles:,} written: {k / max(wall - wall0, 1e-9):.1f}/s,"
            f" writer {(self.cpu - cpu0) / k * 1000:.2f} ms/article, workers {(workers - workers0) / k * 1000:.2f}"
            f" ms/article (load {os.getloadavg()[0]:.1f}, {time.strftime('%H:%M:%S')})",
            file=sys.stderr,
            flush=True,
        )
        self._logged = (self.articles, self.cpu, workers, wall)

    def by_tenth(self, n: int) -> list[dict[str, float]]:
        """Writer CPU ms per article between tenths of the run (how the write grows with the store)."""
        out, prev_n, prev_cpu = [], 0, 0.0
        for k, cpu in self.marks:
            if k - prev_n >= max(1, n // 10) or k == self.articles:
                if k > prev_n:
                    out.append({"up_to": k, "writer_cpu_ms": round((cpu - prev_cpu) / (k - prev_n) * 1000, 3)})
                prev_n, prev_cpu = k, cpu
        return out


def _workers_cpu() -> float:
    """CPU seconds of this process's live child processes so far (Linux /proc; 0 elsewhere)."""
    import multiprocessing

    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    for child in multiprocessing.active_children():
        try:
            fields = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


class StatementCount:
    """Statements and round trips psycopg sent while installed (every connection of the process)."""

    def __init__(self) -> None:
        self.statements = 0
        self.round_trips = 0
        self.by_kind: dict[str, list[float]] = {}  # first words → [statements, round trips, seconds]

    def install(self) -> None:
        import psycopg

        me = self
        execute, executemany = psycopg.AsyncCursor.execute, psycopg.AsyncCursor.executemany

        def note(query: Any, statements: int, started: float) -> None:
            text = query if isinstance(query, str) else str(query)
            kind = " ".join(text.split()[:3])[:40]
            counts = me.by_kind.setdefault(kind, [0, 0, 0.0])
            counts[0] += statements
            counts[1] += 1
            counts[2] += time.perf_counter() - started
            me.statements += statements
            me.round_trips += 1

        async def counted(cur: Any, query: Any, params: Any = None, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await execute(cur, query, params, **kwargs)
            finally:
                note(query, 1, started)

        async def counted_many(cur: Any, query: Any, params_seq: Any, **kwargs: Any) -> Any:
            rows, started = list(params_seq), time.perf_counter()
            try:
                return await executemany(cur, query, rows, **kwargs)
            finally:
                note(query, len(rows), started)

        psycopg.AsyncCursor.execute = counted  # type: ignore[method-assign]
        psycopg.AsyncCursor.executemany = counted_many  # type: ignore[method-assign]

    def per_article(self, n: int) -> dict[str, Any]:
        top = sorted(self.by_kind.items(), key=lambda kv: -kv[1][2])[:15]
        return {
            "statements_per_article": round(self.statements / n, 2),
            "round_trips_per_article": round(self.round_trips / n, 2),
            "by_kind_per_article": {k: [round(s / n, 2), round(r / n, 2), round(t / n * 1000, 2)] for k, (s, r, t) in top},
        }


def record_batches(path: Path) -> None:
    """Append every batch the store is asked to write to `path` (pickles), to replay the writer alone."""
    import pickle

    from bot.store.store import Store

    original = Store.add_documents

    async def recording(store: Store, items: Any, **kwargs: Any) -> Any:
        with path.open("ab") as f:
            pickle.dump(list(items), f, protocol=pickle.HIGHEST_PROTOCOL)
        return await original(store, items, **kwargs)

    Store.add_documents = recording  # type: ignore[method-assign]


def _recorded(path: Path, rebatch: int | None) -> Any:
    """The recorded batches, or their documents regrouped `rebatch` at a time."""
    import pickle

    pending: list[Any] = []
    with path.open("rb") as f:
        while True:
            try:
                items = pickle.load(f)
            except (EOFError, pickle.UnpicklingError):  # the end (of a recording still being written)
                break
            if rebatch is None:
                yield items
                continue
            pending += items
            while len(pending) >= rebatch:
                yield pending[:rebatch]
                pending = pending[rebatch:]
    if pending:
        yield pending


_NUMBERED = re.compile(r"syn_(\d{6})\.txt")


def renumbered_text(item: Any, index: int) -> tuple[Any, list[str], str, str] | None:
    """`renumbered`'s text: (the parsed document, its passages' tokens, the old mark, the new) of article `item` as
    article `index` — its number replaced in the headline passage, file name, URLs and that token; None for an
    article whose passages do not hold its number."""
    import dataclasses

    m = _NUMBERED.fullmatch(item.parsed.name)
    if m is None:
        return None
    old, new = m.group(1), f"{index:06d}"
    mark, new_mark = f"No.{old}", f"No.{new}"
    if not any(mark in p.text for p in item.parsed.passages):
        return None

    def url(u: str | None) -> str | None:
        return None if u is None else u.replace(f"/{old}", f"/{new}")

    passages = [
        dataclasses.replace(p, text=p.text.replace(mark, new_mark), url=url(p.url)) for p in item.parsed.passages
    ]
    parsed = dataclasses.replace(
        item.parsed,
        name=f"syn_{new}.txt",
        title=item.parsed.title.replace(mark, new_mark),
        passages=passages,
        url=url(item.parsed.url),
        raw_text=item.parsed.raw_text.replace(mark, new_mark).replace(f"/{old}", f"/{new}"),
    )
    tokens = [
        " ".join(new if w == old else w for w in t.split()) if mark in p.text else t
        for t, p in zip(item.ex.tokens, item.parsed.passages, strict=True)
    ]
    return parsed, tokens, mark, new_mark


def renumbered(item: Any, index: int) -> Any | None:
    """A recorded bench article as article `index` of the corpus: its number (`No.000123` in its headline
    passage, its file name, its URLs' `/000123`) replaced, that word's token and term with it, its content hash
    computed again, its claims' context text renumbered (and what those texts read as, stored by their digests,
    read again). Nothing else holds the number, so it is a distinct
    document with distinct text; None for an article whose passages do not hold its number (format B: it is
    in the title only, so the copy's text would be the original's). `tests/test_bench_copies.py` extracts a
    renumbered text and finds the copy."""
    import dataclasses
    import zlib

    from bot.extract.claim_records import dump_claims, load_claims, load_ties
    from bot.extract.document import content_hash
    from bot.extract.text_readings import readings_of
    from bot.store.store import term_counts

    text = renumbered_text(item, index)
    if text is None:
        return None
    parsed, tokens, mark, new_mark = text
    passages = parsed.passages
    claims = item.ex.claims
    if claims is not None:  # their records keep the text around each claim, the headline's number with it
        records = zlib.decompress(claims.records).decode().replace(mark, new_mark)
        renamed = load_claims(zlib.compress(records.encode(), 6))
        if renamed is None:  # a record of another extractor: its text renumbered, nothing read again
            claims = dataclasses.replace(claims, records=zlib.compress(records.encode(), 6))
        else:  # the texts' readings are stored under each text's digest: read the renumbered texts again
            readings = readings_of(renamed, passages, parsed.title or "")
            ties = load_ties(zlib.compress(records.encode(), 6))  # who speaks for whom: renumbered with the text
            claims = dataclasses.replace(claims, records=dump_claims(renamed, readings, ties))
    ex = dataclasses.replace(item.ex, content_hash=content_hash(parsed), tokens=tokens, claims=claims)
    return dataclasses.replace(item, parsed=parsed, ex=ex, terms=term_counts(tokens))


def _with_copies(path: Path, rebatch: int | None, limit: int) -> Any:
    """The recorded batches, then their renumbered copies (article i as i + m, i + 2m…, m past the largest
    number recorded) until `limit` documents: a larger store from one extraction run, every text distinct."""
    recorded = 0  # past the largest article number recorded: no copy takes a recorded article's number
    for items in _recorded(path, rebatch):
        for item in items:
            if number := _NUMBERED.fullmatch(item.parsed.name):
                recorded = max(recorded, int(number.group(1)) + 1)
        yield items
    for round_ in itertools.count(1):
        made = 0
        for items in _recorded(path, rebatch):
            copies = []
            for item in items:
                number = _NUMBERED.fullmatch(item.parsed.name)
                twin = renumbered(item, int(number.group(1)) + round_ * recorded) if number else None
                if twin is not None:
                    copies.append(twin)
            made += len(copies)
            if copies:
                yield copies
        if not made:
            return


async def replay(
    path: Path,
    db: Path | str,
    writer: _WriterProfile,
    limit: int | None = None,
    rebatch: int | None = None,
    count: StatementCount | None = None,
    copies: bool = False,
) -> dict[str, Any]:
    """Write the recorded batches to a fresh store: the writer's cost without extraction beside it."""

    from bench.pg import fresh_database
    from bot.extract.events import same_event
    from bot.store.backend import open_backend
    from bot.store.store import term_counts

    if isinstance(db, str):
        fresh_database(db)
    else:
        remove_db(db)
    store = await open_backend(db)
    if count is not None:
        count.install()
    n, started, cpu = 0, time.perf_counter(), time.process_time()
    try:
        await store.set_meta("seeded", "0")
        await store.bulk_index_settings(True)
        batches = _with_copies(path, rebatch, limit) if copies and limit else _recorded(path, rebatch)
        for items in batches:
            if limit is not None and n >= limit:
                break
            for item in items:  # the workers count the terms (a recording from before they did has none)
                if getattr(item, "terms", None) is None:
                    item.terms = term_counts(item.ex.tokens)
            await store.add_documents(items, same_event=same_event)
            n += len(items)
        merge_started = time.thread_time()
        await store.bulk_index_settings(False)
        merge_cpu = time.thread_time() - merge_started
    finally:
        await store.close()
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {
        "mode": "replay",
        "articles": n,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 2) if seconds else None,
        "writer_cpu_ms_per_article": round(writer.cpu / n * 1000, 3) if n else None,
        "end_merge_cpu_s": round(merge_cpu, 3),
    }
    if isinstance(db, str) and n:  # PostgreSQL: no writer thread; this process's CPU, the server's apart
        result["writer_cpu_ms_per_article"] = round((time.process_time() - cpu) / n * 1000, 3)
    if count is not None and n:
        result.update(count.per_article(n))
    return result


def extraction_profile(sample: int, seed: int) -> tuple[cProfile.Profile, float]:
    """cProfile of `prepare` (parse, hash, extract) on `sample` articles in this process, as a worker
    runs it (the actor index of a fresh store, no duplicate check); returns (profile, seconds)."""
    import pickle

    from bot.actors import ActorEntry, ActorIndex, load_registry_file
    from bot.ingest import bulk

    entries = [
        ActorEntry(
            i, a["name"], a.get("name_en"), a.get("kind", "person"), sorted(a.get("aliases", [])), a.get("description")
        )
        for i, a in enumerate(load_registry_file(), 1)
    ]
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as f:
        pickle.dump(ActorIndex(entries), f)
    bulk._init_worker(None)
    sources = [bulk.TextSource(text, name, "bench") for name, text in corpus.generate(sample, seed=seed)]
    bulk.prepare(sources[0], 1, f.name)  # warm: the tokenizer's dictionary, the actor index
    prof = cProfile.Profile(time.thread_time)
    started = time.thread_time()
    prof.enable()
    for s in sources:
        bulk.prepare(s, 1, f.name)
    prof.disable()
    Path(f.name).unlink()
    return prof, time.thread_time() - started


def _dump(prof: cProfile.Profile, path: Path) -> None:
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(60)
    path.write_text(buf.getvalue(), encoding="utf-8")


async def run(n: int, db: Path, writer: _WriterProfile, seed: int) -> dict[str, Any]:
    from bot.store.backend import open_backend

    remove_db(db)
    store = await open_backend(db)
    try:
        await store.set_meta("seeded", "0")
        result = await bulk_ingest_corpus(store, n, Options(seed=seed))
    finally:
        await store.close()
    result["writer_cpu_ms_per_article"] = round(writer.cpu / max(1, writer.articles) * 1000, 3)
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.bulk", description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--n", type=int, help="articles (default 10000; with --replay: at most this many, in whole batches)")
    p.add_argument("--db", type=Path, help="database file (default: a temporary one, removed after)")
    p.add_argument("--profile", action="store_true", help="cProfile the writer thread and a sample's extraction")
    p.add_argument("--sample", type=int, default=300, help="articles whose extraction is profiled (default 300)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results")
    p.add_argument("--record", type=Path, metavar="FILE", help="also keep every batch written (pickles) in FILE")
    p.add_argument(
        "--replay", type=Path, metavar="FILE", help="only write the batches kept by --record (no extraction)"
    )
    p.add_argument(
        "--copies",
        action="store_true",
        help="with --replay and --n: after the recording, its articles again renumbered (distinct texts) until --n",
    )
    p.add_argument("--rebatch", type=int, metavar="N", help="with --replay: regroup the documents N per batch")
    p.add_argument(
        "--database-url",
        metavar="URL",
        help="with --replay: write to this PostgreSQL database (made again first) and count statements per article",
    )
    p.add_argument(
        "--log-every", type=int, metavar="N", help="a line of figures so far every N articles (default: a twentieth)"
    )
    args = p.parse_args(argv)
    args.n_given = args.n is not None
    args.n = args.n if args.n_given else 10_000
    if args.n < 1:
        print("error: --n must be at least 1", file=sys.stderr)
        return 2
    if args.copies and (args.replay is None or not args.n_given):
        print("error: --copies goes with --replay and --n", file=sys.stderr)
        return 2
    if args.database_url is not None and args.replay is None:
        print("error: --database-url goes with --replay", file=sys.stderr)
        return 2
    tmp = tempfile.mkdtemp(prefix="newsdesk-bench-bulk-")
    db = args.db or Path(tmp) / "bulk.db"
    writer = _WriterProfile(args.profile, args.log_every if args.log_every is not None else max(1, args.n // 20))
    writer.install()
    if args.replay is not None:
        target: Path | str = db if args.database_url is None else args.database_url
        count = None if args.database_url is None else StatementCount()
        result = asyncio.run(
            replay(args.replay, target, writer, args.n if args.n_given else None, args.rebatch, count, args.copies)
        )
        args.n = result["articles"]
    else:
        if args.record is not None:
            args.record.unlink(missing_ok=True)
            record_batches(args.record)
        result = asyncio.run(run(args.n, db, writer, args.seed))
    result["writer_cpu_by_tenth"] = writer.by_tenth(args.n)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if writer.prof is not None:
        result["writer_profile_top"] = _top(writer.prof, args.n)
        _dump(writer.prof, args.out.with_name(f"bulk_{args.n}_writer_profile.txt"))
    if args.profile and args.replay is None:
        prof, seconds = extraction_profile(args.sample, args.seed)
        _dump(prof, args.out.with_name(f"bulk_{args.n}_extract_profile.txt"))
        result["extract_profile"] = {"sample": args.sample, "ms_per_article": round(seconds / args.sample * 1000, 3)}
        result["extract_profile_top"] = _top(prof, args.sample)
    if args.db is None:
        remove_db(db)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.replay is None:
        print(
            f"{args.n:,} articles: {result['articles_per_s']}/s; CPU ms/article: this process"
            f" {result['cpu_ms_per_article']['main']} (writer thread {result['writer_cpu_ms_per_article']}),"
            f" workers {result['cpu_ms_per_article']['workers']}; on 2 idle cores ~{result['idle_machine_articles_per_s']}/s"
        )
        print("articles/s by tenth:", " ".join(f"{r['articles_per_s']}" for r in result["throughput_by_tenth"]))
        print("stages ms/article:", json.dumps(result["breakdown_ms_per_article"]))
    else:
        print(
            f"replay of {args.n:,} articles: writer CPU {result['writer_cpu_ms_per_article']} ms/article,"
            f" end merge {result['end_merge_cpu_s']} s CPU, {result['seconds']} s ({result['articles_per_s']}/s)"
        )
        if "statements_per_article" in result:
            print(
                f"per article: {result['statements_per_article']} statements,"
                f" {result['round_trips_per_article']} round trips (load {os.getloadavg()[0]:.1f})"
            )
            print("  statements  round trips  ms (wall)  per article, by their first words")
            for kind, (statements, trips, ms) in result["by_kind_per_article"].items():
                print(f"  {statements:10.2f} {trips:12.2f} {ms:10.2f}  {kind}")
    print("writer CPU ms/article by tenth:", " ".join(f"{r['writer_cpu_ms']}" for r in result["writer_cpu_by_tenth"]))
    for key in ("writer_profile_top", "extract_profile_top"):
        if key in result:
            print(f"\n{key} (ms per article: own, cumulative; calls per article)")
            for r in result[key][:25]:
                print(f"  {r['own_ms']:8.3f} {r['cumulative_ms']:8.3f} {r['calls_per_article']:8.2f}  {r['function']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

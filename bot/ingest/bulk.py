"""Bulk ingestion: many sources read, parsed and extracted in a process pool, written in batches.

The single-document path (`pipeline.ingest_text`) stays as it is for Discord, pasted text and feed
items: one thread hop, one transaction. This path is for backlogs (`ingest` of folders, a feed's
first poll, an archive upload): extraction holds the GIL, so it runs in worker processes, and the
store writes many documents per transaction (`Store.add_documents`, a SAVEPOINT per document).

Every source's fate is reported once, through `on_result`: added, duplicate (already stored, or
earlier in the same run) or refused with its reason. A bad source never stops the run. A run killed
at any point leaves only whole documents (each batch commits or not at all); running it again adds
exactly the missing ones, since what is stored is found as a duplicate before it is extracted. A run
asked to stop (`BulkOptions.stop`: the CLI's SIGTERM and SIGINT) ends cleanly between batches: see
`bot/ingest/bulk_stop.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import multiprocessing
import os
import pickle
import shutil
import tempfile
import threading
import time
from collections import deque
from collections.abc import AsyncIterable, Awaitable, Callable, Iterable
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.actors import ActorIndex
from bot.ingest.bulk_collector import fewer_collections
from bot.ingest.bulk_stop import StopRequest, init_worker_process, pool_job, pool_result, terminate_workers
from bot.ingest.parse import FrontMatter
from bot.ingest.pipeline import empty_refusal, imported_later, parse_text, read_file
from bot.models import IngestResult, ParsedDocument
from bot.rows import Extraction, Provenance
from bot.store import Store
from bot.store.dialect import is_database_url
from bot.store.duplicates import open_reader, stored_as
from bot.store.store import BatchItem, WithDocument, term_counts
from bot.user_errors import SaidError

log = logging.getLogger(__name__)

# The extraction rules and the claims' upkeep, imported at their first use as in bot/ingest/pipeline.py: the command
# line imports this module for every command (its batch sizes), a `quote` included. Still this module's names
# (`bulk.same_event`), which the tests replace here.
LATER = {
    "extract_document": "bot.extract.document",
    "same_event": "bot.extract.events",
    "refresh_claims": "bot.ingest.claims_refresh",
    "refresh_claims_naming": "bot.ingest.claims_refresh",
}


def __getattr__(name: str) -> Any:
    return imported_later(globals(), LATER, name)


def _later(name: str) -> Any:
    return imported_later(globals(), LATER, name)


BATCH_SIZE = 250  # documents per transaction (`ingest --batch-size N` for one run)
MAX_BATCH_SIZE = 10_000  # the most `--batch-size` takes (a batch's documents are held in memory until written)
BATCH_SECONDS = 2.0  # …or fewer, when they arrive slowly (a feed's pages)
# A pool run's batches wait longer for the next result: its pool is behind whenever the machine is busy (a loaded
# machine's 2 s held ~5-10 documents), and each batch pays a commit (FTS5's segment flush and merges, the WAL
# pages it dirtied) and a read of the clustering candidates whatever its size. Where the batches end changes
# nothing the run computes (tests/test_bulk_deterministic.py); only how soon a document is visible to questions
# asked during the run, and what a kill loses of the work (not of the store: a batch commits whole or not at all).
POOL_BATCH_SECONDS = 6.0
ACTOR_FLUSH_MIN = 25  # in a pool run, a batch ends early on discovered actors once it holds this many
POOL_MIN_SOURCES = 40  # fewer sources are extracted in one thread: starting worker processes costs ~1 s


class BulkError(SaidError, RuntimeError):
    """The run cannot go on (a worker process died): a code of the locale files and its parameters."""


@dataclass(frozen=True, slots=True)
class FileSource:
    """An article file (.txt/.md, front matter honoured)."""

    path: Path
    origin: str = "file"

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True, slots=True)
class TextSource:
    """An article's text already in memory (a fetched page, an archive member)."""

    text: str
    name: str
    origin: str = "text"
    fm: FrontMatter | None = None


Source = FileSource | TextSource
ResultHook = Callable[[Source, IngestResult], Awaitable[None] | None]
ProgressHook = Callable[["BulkProgress"], Awaitable[None] | None]


@dataclass(slots=True)
class BulkProgress:
    """Where a bulk run stands; `total` is None when the sources are not counted in advance."""

    total: int | None
    done: int = 0
    added: int = 0
    duplicates: int = 0
    refused: int = 0
    started: float = field(default_factory=time.monotonic)
    finished: bool = False
    stopped: str | None = None  # why the run ended early (a signal's name), when it did
    reasons: dict[str, int] = field(default_factory=dict)  # refusal reason (without the file name) → count
    examples: dict[str, IngestResult] = field(default_factory=dict)  # reason → its first refusal (its error's words)
    # seconds spent per stage, added over sources: read, parse (with the content hash), dedup and
    # extract in the workers (in parallel, so they add up to more than the run), write in the store
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def timed(self, stages: dict[str, float]) -> None:
        for stage, seconds in stages.items():
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Sources a second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the rate so far, when the total is known."""
        if self.total is None or self.rate <= 0:
            return None
        return max(0.0, (self.total - self.done) / self.rate)

    def count(self, result: IngestResult) -> None:
        self.done += 1
        if result.status == "added":
            self.added += 1
        elif result.status == "duplicate":
            self.duplicates += 1
        else:
            self.refused += 1
            kind = reason_kind(result)
            self.reasons[kind] = self.reasons.get(kind, 0) + 1
            self.examples.setdefault(kind, result)


def reason_kind(result: IngestResult) -> str:
    """A refusal's reason without its file name and figures, to count refusals of one kind together."""
    reason = result.reason or "refused"
    for prefix in (f"{result.name}: ",):
        if reason.startswith(prefix):
            reason = reason[len(prefix) :]
    if ": " in reason and reason.split(": ", 1)[0].startswith(("/", ".")):  # "path: permission denied"
        reason = reason.split(": ", 1)[1]
    cut = reason.find(" (")
    return reason[:cut] if cut > 0 else reason


# --- the work done in a worker (a process of the pool, or one thread for small runs) -------------


@dataclass(slots=True)
class Prepared:
    """A source after reading, parsing, the duplicate check and extraction."""

    result: IngestResult | None  # a refusal or a duplicate; None when ready to write
    parsed: ParsedDocument | None = None
    ex: Extraction | None = None
    terms: dict[str, int] | None = None  # the full-text terms' counts, counted here rather than in the writer
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, in the worker


_local = threading.local()  # per worker: its read-only connection and its copy of the actor index


def _init_worker(db_path: str | None) -> None:
    _local.db = None
    _local.version = -1
    _local.actors = None
    if db_path and db_path != ":memory:" and not is_database_url(db_path):
        # Read-only, its own connection: finds what is stored already, so re-runs skip extraction.
        _local.db = open_reader(db_path)  # None when it cannot: the writer checks again; this only saves work


# A pool worker's cyclic garbage collector runs its youngest generation every WORKER_GC_THRESHOLD allocations
# (Python's default is 700). Extraction allocates ~10^5 short-lived objects an article (matches, tuples, lists of
# a passage's readings), nearly none of them in cycles: at 700 a collection ran every few passages, moved the
# document's still-live objects into the older generations, and so paid for full walks of the worker's heap (the
# actor index, the rules' tables and their memos, ~170,000 objects) too — ~1.4 CPU ms an article in all, 5 % of
# extraction (the bench corpus, one process, the collector's own time by `gc.callbacks`: 1.46 ms at 700, 0.24 ms
# at 20,000; the peak memory the same, 260 MB). Only when the collector runs changes: what is unreachable is freed
# all the same, and no extraction code reads anything the collector decides (the memos keyed weakly by an actor
# index drop an entry when that index dies, whenever that is; none is found again by another index). The worker
# only: the bot's own process keeps the default.
WORKER_GC_THRESHOLD = 20_000


def _init_worker_process(db_path: str | None) -> None:
    init_worker_process()
    gc.set_threshold(WORKER_GC_THRESHOLD)
    _init_worker(db_path)


def _stored_as(content_hash: str, url: str | None, guild_id: int | None) -> int | None:
    """A stored document this server sees with the same content or URL (another server's is no duplicate)."""
    return stored_as(getattr(_local, "db", None), content_hash, url, guild_id)


def _actors(version: int, actors_file: str) -> ActorIndex:
    if getattr(_local, "version", -1) != version:
        with open(actors_file, "rb") as f:
            _local.actors = pickle.load(f)
        _local.version = version
    return _local.actors


def prepare(source: Source, version: int, actors_file: str, guild_id: int | None = None) -> Prepared:
    """Read, parse, check for a stored duplicate and extract one source (runs in a worker).

    Besides its stages' seconds it reports `idle`: how long this worker waited for the source since it
    finished the one before (a writer that cannot keep up starves the pool: the bench shows it)."""
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    last = getattr(_local, "last_done", None)
    if last is not None:
        seconds["idle"] = max(0.0, clock - last)
    try:
        return _prepare(source, version, actors_file, seconds, clock, guild_id)
    finally:
        _local.last_done = time.perf_counter()


def _prepare(
    source: Source, version: int, actors_file: str, seconds: dict[str, float], clock: float, guild_id: int | None
) -> Prepared:
    """`prepare`'s stages, each lap timed into `seconds` from `clock` on."""

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now

    try:
        if isinstance(source, FileSource):
            text = read_file(source.path)
            lap("read")
            if isinstance(text, IngestResult):
                return Prepared(text, seconds=seconds)
            done = parse_text(text, source.name, source.origin)
        else:
            done = parse_text(source.text, source.name, source.origin, source.fm)
        lap("parse")
        if isinstance(done, IngestResult):
            return Prepared(done, seconds=seconds)
        parsed, digest = done
        empty = empty_refusal(parsed)
        if empty is not None:
            return Prepared(empty, seconds=seconds)
        dup = _stored_as(digest, parsed.url, guild_id)
        lap("dedup")
        if dup is not None:
            return Prepared(_duplicate(parsed.name, dup), seconds=seconds)
        ex = _later("extract_document")(parsed, _actors(version, actors_file), digest)
        lap("extract")
        terms = term_counts(ex.tokens)
        lap("terms")
        # The source's whole text is not sent back: the writer stores the passages, never `raw_text` (a sixth of
        # what a pool's worker pickled and piped per article, read by nothing after parsing)
        parsed.raw_text = ""
        return Prepared(None, parsed, ex, terms, seconds=seconds)
    except Exception as e:  # a source that breaks a parser is refused, not the run
        log.exception("source %s could not be prepared", source.name)
        return Prepared(IngestResult.refused_because(source.name, "ingest.unreadable", why=f"{type(e).__name__}: {e}"))


def _duplicate(name: str, dup: int | None, earlier: str | None = None) -> IngestResult:
    return IngestResult.duplicate(name, dup, earlier)


# --- the run --------------------------------------------------------------------------------------


@dataclass(slots=True)
class BulkOptions:
    workers: int | None = None  # worker processes; None: one per core; 0: one thread, no processes
    batch_size: int = BATCH_SIZE
    batch_seconds: float | None = None  # None: BATCH_SECONDS in one thread, POOL_BATCH_SECONDS with a pool
    provenance: Provenance = field(default_factory=Provenance)  # every document's: who, which server, quiet
    stop: StopRequest | None = None  # set it to end the run early, cleanly (bot/ingest/bulk_stop.py)
    # a source's own row written in its document's transaction when it is added (a feed item's record), or None
    with_document: Callable[[Source], WithDocument | None] | None = None


async def bulk_ingest(
    store: Store,
    sources: Iterable[Source] | AsyncIterable[Source],
    *,
    total: int | None = None,
    options: BulkOptions | None = None,
    on_result: ResultHook | None = None,
    on_progress: ProgressHook | None = None,
) -> BulkProgress:
    """Ingest many sources; returns the final counts. `on_result` hears each source's fate once
    (refusals and duplicates as soon as known, additions when their batch commits), `on_progress`
    after each. Pass `total` (or a list) to get an ETA; a small run (< POOL_MIN_SOURCES) uses a thread.
    """
    opts = options or BulkOptions()
    if total is None and isinstance(sources, list | tuple):
        total = len(sources)
    workers = opts.workers
    if workers is None:
        workers = 0 if total is not None and total < POOL_MIN_SOURCES else max(1, os.cpu_count() or 1)
    run = _Run(store, opts, BulkProgress(total), on_result, on_progress)
    known_before = store.actors.generation  # what the run teaches the registry is learned after it
    # a pool run: the parent collects young objects as rarely as its workers (bot/ingest/bulk_collector.py)
    with fewer_collections(WORKER_GC_THRESHOLD) if workers else contextlib.nullcontext():
        tmp = tempfile.mkdtemp(prefix="newsdesk-bulk-")
        try:
            executor: Executor
            if workers > 0:
                executor = ProcessPoolExecutor(
                    max_workers=workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init_worker_process,
                    initargs=(store.path,),
                )
            else:
                executor = ThreadPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(store.path,))
            try:
                if workers:  # a large run: FTS5 merges fewer, larger segments, and merges what is left at the end
                    await store.bulk_index_settings(True)
                await run.go(executor, sources, tmp, window=max(4, 2 * opts.batch_size) if workers else 1)
            finally:
                if run.stopping:  # the sources still in the workers are left for a re-run
                    terminate_workers(executor)
                else:
                    executor.shutdown(wait=True, cancel_futures=True)
            # the workers read the run's documents with the actors known when they started: their claims again
            # where an actor discovered later in the run is named (bot/ingest/claims_refresh.py)
            await _later("refresh_claims")(store, run.added)
            # and the documents stored before the run that name an actor it discovered (a body first named as a
            # subject in this run, named in passing in an older article): read with today's index
            await _later("refresh_claims_naming")(store, known_before, skip=run.added)
            if workers:
                await store.bulk_index_settings(False)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    run.progress.finished = True
    if run.stopping and opts.stop is not None:
        run.progress.stopped = opts.stop.reason
    await _call(on_progress, run.progress)
    return run.progress


async def _call(hook: Callable[..., Awaitable[None] | None] | None, *args: object) -> None:
    if hook is not None:
        out = hook(*args)
        if out is not None:
            await out


class _Run:
    def __init__(
        self,
        store: Store,
        opts: BulkOptions,
        progress: BulkProgress,
        on_result: ResultHook | None,
        on_progress: ProgressHook | None,
    ) -> None:
        self.store = store
        self.opts = opts
        self.progress = progress
        self.on_result = on_result
        self.on_progress = on_progress
        self.batch: list[tuple[Source, ParsedDocument, Extraction, dict[str, int] | None]] = []
        self.batch_started = time.monotonic()
        self.seen: dict[str, str] = {}  # content hash or URL → the name of the run's first source with it
        self.version = 0
        self.actors_file = ""
        self.actors_seen: ActorIndex | None = None
        self.actor_flush = 1  # documents a batch needs before a discovery ends it (see _take)
        self.unpublished = 0  # documents taken into batches since the workers were last handed the actors
        self.added: list[int] = []  # the documents the run stored
        self.stopping = False  # a stop was asked and heard: no more sources are taken
        self._stop_heard: asyncio.Future[object] | None = None
        self.executor: Executor | None = None  # the run's pool, watched for a worker dead mid-result
        self.batch_seconds = BATCH_SECONDS  # how long a batch waits for a source not ready (set by `go`)

    def _publish_actors(self, tmp: str) -> None:
        """Write the store's actor index for the workers when it changed (actors discovered by a batch)."""
        if self.store.actors is self.actors_seen:
            return
        self.version += 1
        path = os.path.join(tmp, f"actors-{self.version}.pickle")
        with open(path + ".part", "wb") as f:
            pickle.dump(self.store.actors, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(path + ".part", path)
        self.actors_file, self.actors_seen = path, self.store.actors

    async def go(
        self, executor: Executor, sources: Iterable[Source] | AsyncIterable[Source], tmp: str, window: int
    ) -> None:
        self.executor = executor
        self.actor_flush = 1 if window == 1 else ACTOR_FLUSH_MIN
        pooled = BATCH_SECONDS if window == 1 else POOL_BATCH_SECONDS
        self.batch_seconds = pooled if self.opts.batch_seconds is None else self.opts.batch_seconds
        pending: deque[tuple[Source, asyncio.Future[Prepared]]] = deque()
        stop = self.opts.stop
        if stop is not None:
            self._stop_heard = asyncio.ensure_future(stop.event.wait())
        try:
            self._publish_actors(tmp)
            async for source in _aiter(sources):
                if self.stopping or (stop is not None and stop.requested):
                    break
                job = pool_job(executor, prepare, source, self.version, self.actors_file, self.opts.provenance.guild_id)
                pending.append((source, job))
                while len(pending) >= window and not self.stopping:
                    await self._take(*pending.popleft(), tmp, waiting=_waiting(pending))
            while pending and not self.stopping:
                await self._take(*pending.popleft(), tmp, waiting=_waiting(pending))
            self.stopping = self.stopping or (stop is not None and stop.requested)
            for _, job in pending:  # what a stop leaves unprepared is not waited for
                job.cancel()
            await self._flush(tmp)  # the documents already prepared are written
        finally:
            if self._stop_heard is not None:
                self._stop_heard.cancel()

    async def _prepared(self, future: asyncio.Future[Prepared]) -> Prepared | None:
        """The prepared source, or None when a stop is asked before it is ready (the run then stops)."""
        if self._stop_heard is not None and not future.done():
            await asyncio.wait({future, self._stop_heard}, return_when=asyncio.FIRST_COMPLETED)
        if self.opts.stop is not None and self.opts.stop.requested:  # ready or not, it is left for a re-run
            self.stopping = True
            future.cancel()
            return None
        return await pool_result(future, self.executor) if self.executor is not None else await future

    async def _take(self, source: Source, future: asyncio.Future[Prepared], tmp: str, *, waiting: bool = True) -> None:
        """Account for one prepared source; write the batch when it is full, when a discovery ends it, or
        when it has waited `batch_seconds` and the next source is not ready (`waiting`): slow sources
        (a feed's pages) are not held back, and a busy pool's batches stay full however loaded the machine."""
        try:
            prepared = await self._prepared(future)
        except BrokenExecutor as e:
            await self._flush(tmp)  # what was prepared is kept
            if self.opts.stop is not None and self.opts.stop.requested:  # the signal reached the workers too
                self.stopping = True
                return
            raise BulkError("bulk.worker_died", detail="", detail_en=str(e), added=self.progress.added) from e
        if prepared is None:
            return
        self.progress.timed(prepared.seconds)
        if prepared.result is not None:
            await self._report(source, prepared.result)
        else:
            assert prepared.parsed is not None and prepared.ex is not None
            keys = [prepared.ex.content_hash, *([prepared.parsed.url] if prepared.parsed.url else [])]
            earlier = next((self.seen[k] for k in keys if k in self.seen), None)
            if earlier is not None:
                await self._report(source, _duplicate(prepared.parsed.name, None, earlier))
            else:
                for k in keys:
                    self.seen[k] = prepared.parsed.name
                self.batch.append((source, prepared.parsed, prepared.ex, prepared.terms))
                self.unpublished += 1
                # A document that discovered actors ends its batch, so that the sources extracted after the
                # batch is written see them: in a small run (one source at a time) exactly as the single path
                # would; in a pool, where hundreds are already extracted ahead, once the batch holds a few
                # dozen (a backlog's first pages discover many people; tiny batches would cost a commit each).
                # Counted in documents taken, in the sources' order, whatever was written meanwhile: the actors
                # each source is extracted with depend on the run's input alone, never on when results came.
                if self.unpublished >= self.opts.batch_size or (
                    bool(prepared.ex.new_actors) and self.unpublished >= self.actor_flush
                ):
                    await self._flush(tmp)
                    self._publish_actors(tmp)
                    self.unpublished = 0
                    return
        # A batch that waited `batch_seconds` while the next source is not ready is written (its actors handed
        # to the workers at the next count above: when it is written changes nothing the run computes).
        if self.batch and waiting and time.monotonic() - self.batch_started >= self.batch_seconds:
            await self._flush(tmp)

    async def _flush(self, tmp: str) -> None:
        batch, self.batch = self.batch, []
        self.batch_started = time.monotonic()
        if not batch:
            return
        o = self.opts
        items = [
            BatchItem(p, ex, o.provenance, terms=terms, with_document=o.with_document(s) if o.with_document else None)
            for s, p, ex, terms in batch
        ]
        started = time.perf_counter()
        outcomes = await self.store.add_documents(items, same_event=_later("same_event"))
        self.progress.timed({"write": time.perf_counter() - started})
        for (source, parsed, ex, _), out in zip(batch, outcomes, strict=True):
            if out.document_id is not None:
                self.added.append(out.document_id)
                result = IngestResult(
                    "added",
                    parsed.name,
                    document_id=out.document_id,
                    title=parsed.title,
                    outlet=parsed.outlet,
                    published=parsed.published,
                    passages=len(parsed.passages),
                    events=len(ex.events),
                    statements=len(ex.statements),
                    new_actors=out.new_actors,
                )
            elif out.duplicate_of is not None:
                result = _duplicate(parsed.name, out.duplicate_of)
            else:
                result = IngestResult("error", parsed.name, reason=out.error or "could not be stored")
            await self._report(source, result)

    async def _report(self, source: Source, result: IngestResult) -> None:
        self.progress.count(result)
        await _call(self.on_result, source, result)
        await _call(self.on_progress, self.progress)


def _waiting(pending: deque[tuple[Source, asyncio.Future[Prepared]]]) -> bool:
    """Whether the next source is still being prepared (or none is submitted yet)."""
    return not pending or not pending[0][1].done()


async def _aiter(sources: Iterable[Source] | AsyncIterable[Source]) -> AsyncIterable[Source]:
    if isinstance(sources, AsyncIterable):
        async for s in sources:
            yield s
    else:
        for s in sources:
            yield s

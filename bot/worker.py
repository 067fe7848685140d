"""`python -m bot worker`: ingestion and feed polling as a process of its own, beside `python -m bot run`.

Work reaches a worker through the database (bot/store/jobs.py), never an in-process queue, so any
number of workers on any machine share one PostgreSQL store:
- **jobs**: `ingest_text` {text, name, guild_id?, added_by?}, `ingest_url` {url, title?, published?, guild_id?,
  added_by?}, and what `/source add` hands over (bot/handoff.py): `add_text` {text, title?, published?, guild_id?,
  added_by?} and `add_upload` {data (base64), filename, content_type?, title?, published?, guild_id?, added_by?};
  a refusal the service raises is the job's result (`raised`), not its failure; each claimed with a lease, retried by another worker when its worker dies (lease expiry),
  written in the store's one transaction per document, so a worker killed mid-job leaves no part of it;
- **feeds**: each due feed is polled under a lease named for it, so one worker polls a feed at a time
  (the bot's own feed loop takes the same lease).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import os
import signal
import socket
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.ingest.bulk import BulkProgress
from bot.ingest.bulk_stop import StopRequest, stop_on_signals
from bot.ingest.fetcher import Fetcher
from bot.ingest.pipeline import ingest_text
from bot.job_results import to_payload
from bot.models import IngestResult
from bot.rows import Provenance
from bot.services import feeds
from bot.services.claims import keep_claims_current
from bot.services.handoff import archive_payload
from bot.services.sources import ArchiveFailed, add_archive, add_text, add_upload, add_url, get_source
from bot.store import Store, jobs
from bot.user_errors import UserError

if TYPE_CHECKING:  # an annotation: fetching imports aiohttp where it fetches (~0.1 s of CPU at a worker's start)
    import aiohttp

log = logging.getLogger(__name__)


def default_owner() -> str:
    """Who holds a job or lease: host and process, so a log says which worker did what."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _now() -> datetime:
    return datetime.now(UTC)


async def poll_feeds_leased(
    store: Store,
    owner: str,
    now: datetime,
    *,
    interval: timedelta,
    fetcher: Fetcher,
    stop: asyncio.Event | None = None,
) -> list[feeds.PollResult]:
    """Poll every due feed that no other process is polling (a lease per feed); the others are skipped. Once
    `stop` is set, no other feed is begun (the one being polled is finished)."""
    results = []
    for feed in await feeds.due_feeds(store, now):
        if stop is not None and stop.is_set():
            break
        name = f"feed:{feed.id}"
        if not await jobs.take_lease(store, name, owner, now=now):
            continue
        try:
            fresh = await feeds.get_feed(store, feed.id)  # polled meanwhile by the lease's last holder?
            if fresh is None or fresh.id not in {f.id for f in await feeds.due_feeds(store, now)}:
                continue
            results.append(
                await feeds.poll_feed(store, fresh, interval=interval, fetcher=fetcher, now=now)
            )
        except Exception:
            log.exception("polling feed #%d %s failed", feed.id, feed.url)
        finally:
            await jobs.release_lease(store, name, owner)
    return results


def _provenance(payload: dict[str, Any]) -> Provenance:
    return Provenance(added_by=payload.get("added_by"), guild_id=payload.get("guild_id"))


class Worker:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        owner: str | None = None,
        clock: Callable[[], datetime] = _now,
        trusted_hosts: tuple[str, ...] = (),
    ) -> None:
        self.store = store
        self.settings = settings
        self.owner = owner or default_owner()
        self.clock = clock
        self.fetcher = Fetcher(allow_private=settings.allow_private_fetch, trusted_hosts=trusted_hosts)
        self.lease = timedelta(seconds=settings.job_lease)
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def run_job(self, job: jobs.Job) -> IngestResult | BulkProgress:
        p = job.payload
        given = {"title": p.get("title"), "published": p.get("published")}
        if job.kind == "add_text":
            return await add_text(self.store, p["text"], **given, url=p.get("url"), provenance=_provenance(p))
        if job.kind == "add_archive":
            return await add_archive(self.store, base64.b64decode(p["data"]), provenance=_provenance(p))
        if job.kind == "add_upload":
            data = base64.b64decode(p["data"])
            return await add_upload(
                self.store, data, p["filename"], p.get("content_type"), **given, provenance=_provenance(p)
            )
        if job.kind == "ingest_text":
            return await ingest_text(self.store, p["text"], name=p["name"], provenance=_provenance(p))
        if job.kind == "ingest_url":
            return await add_url(
                self.store,
                p["url"],
                fetcher=self.fetcher,
                **given,
                provenance=_provenance(p),
            )
        raise ValueError(f"unknown job kind {job.kind!r}")

    async def do_one_job(self) -> bool:
        """Claim and run one job; False when none was ready."""
        job = await jobs.claim(self.store, self.owner, now=self.clock(), lease=self.lease)
        if job is None:
            return False
        heartbeat = asyncio.create_task(self._heartbeat(job))
        try:
            result = await self.run_job(job)
        except UserError as e:  # the service refused the input: the answer to give, in the reader's language
            refused = {"raised": {"code": e.code, "params": e.params}}
            await jobs.finish(self.store, job, self.owner, now=self.clock(), result=refused)
            return True
        except ArchiveFailed as e:  # not an archive it could read, or its bulk run broke off: said by its key
            await jobs.finish(self.store, job, self.owner, now=self.clock(), result={"archive_failed": e.key})
            return True
        except Exception as e:  # the job's failure, recorded; the worker goes on
            log.exception("job #%d (%s) failed", job.id, job.kind)
            await jobs.finish(self.store, job, self.owner, now=self.clock(), error=str(e)[:500] or type(e).__name__)
            return True
        except asyncio.CancelledError:  # stopped mid-job (its write rolled back): any worker may take it now
            await asyncio.shield(jobs.give_back(self.store, job, self.owner))
            raise
        finally:
            heartbeat.cancel()
        if job.attempts > 1 and isinstance(result, IngestResult):
            result = await self._own_earlier_write(job, result)
        done = archive_payload(result) if isinstance(result, BulkProgress) else to_payload(result)
        await jobs.finish(self.store, job, self.owner, now=self.clock(), result=done)
        return True

    async def _own_earlier_write(self, job: jobs.Job, result: IngestResult) -> IngestResult:
        """A retried job's "already stored" about the document its own earlier attempt stored (stopped after the
        commit, before recording its end) is that document added, as the first attempt would have said."""
        if result.status != "duplicate" or result.duplicate_of is None:
            return result
        if not await jobs.added_by_its_earlier_attempt(self.store, job, result.duplicate_of):
            return result
        doc = await get_source(self.store, result.duplicate_of)
        if doc is None:
            return result
        return IngestResult(
            "added",
            result.name,
            document_id=doc.id,
            title=doc.title,
            outlet=doc.outlet,
            published=doc.published,
            passages=doc.passages,
            events=doc.events,
            statements=doc.statements,
        )

    async def _heartbeat(self, job: jobs.Job) -> None:
        """Renew the job's lease (and this worker's presence) while it runs: only a dead worker's job expires."""
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            try:
                await jobs.renew(self.store, job, self.owner, now=self.clock(), lease=self.lease)
                await self.announce()
            except Exception:  # a passing database error: the next beat tries again
                log.warning("could not renew the lease of job #%d", job.id, exc_info=True)

    async def announce(self) -> None:
        """Say that this worker is alive (a presence lease the bot reads before handing it work)."""
        await jobs.take_lease(
            self.store, jobs.WORKER_LEASE + self.owner, self.owner, now=self.clock(), lease=self.lease
        )

    async def poll_feeds(self, stop: asyncio.Event | None = None) -> list[feeds.PollResult]:
        return await poll_feeds_leased(
            self.store,
            self.owner,
            self.clock(),
            interval=timedelta(minutes=self.settings.feed_minutes),
            fetcher=self.fetcher,
            stop=stop,
        )

    async def run(self, *, drain: bool = False, stop: asyncio.Event | None = None) -> int:
        """Work until `stop` is set (or, with `drain`, until no job is ready); returns the number of jobs done.
        A stop ends the run after the job or feed poll in progress: no other one is begun."""
        done = 0
        stop = stop or asyncio.Event()
        # claims an older extractor stored, rebuilt beside the jobs (one process at a time: bot/services/claims.py)
        upkeep = None if drain else asyncio.create_task(keep_claims_current(self.store, self.owner, clock=self.clock))
        try:
            while not stop.is_set():
                if not drain:
                    await self.announce()
                while not stop.is_set() and await self.do_one_job():
                    done += 1
                if drain or stop.is_set():
                    return done
                await self.poll_feeds(stop)
                with contextlib.suppress(TimeoutError):  # idle, but a stop ends the wait
                    await asyncio.wait_for(stop.wait(), self.settings.worker_idle)
        finally:
            if upkeep is not None:
                upkeep.cancel()
            if not drain:
                await jobs.release_lease(self.store, jobs.WORKER_LEASE + self.owner, self.owner)
        return done


# How long a stopped worker waits for the job or feed poll in progress to end before it cancels it (each document
# is its own transaction, with its feed item's record: a cancelled one is rolled back whole). Under the 10 s a
# container runtime gives between SIGTERM and SIGKILL.
STOP_GRACE_SECONDS = 8.0


def run_worker(settings: Settings, *, drain: bool = False, owner: str | None = None) -> int:
    """The process: open the store, work until stopped (or drained). Returns the exit code: 0, or 128 + the
    signal that stopped it (SIGTERM, SIGINT), as a shell's is."""
    from bot.ingest.pipeline import open_store

    async def main() -> int:
        store = await open_store(settings.db_path, settings.seeds_dir, lock_wait=settings.lock_wait)
        worker = Worker(store, settings, owner=owner)
        try:
            with stop_on_signals(WorkerStop()) as stop:
                done = await worker_until_stopped(worker, drain, stop)
            log.info("worker %s: %d jobs done", worker.owner, done)
            return 128 + int(getattr(signal.Signals, stop.reason, signal.SIGTERM)) if stop.reason else 0
        finally:
            await worker.close()
            await store.close()

    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return asyncio.run(main())
    except KeyboardInterrupt:
        return 130


class WorkerStop(StopRequest):
    """The first SIGTERM or SIGINT asks the worker to stop after the work in progress; a second cancels it."""

    work: asyncio.Task[int] | None = None

    def __call__(self, reason: str = "stop") -> None:
        if self.requested and self.work is not None:
            self.work.cancel()
            return
        log.info("%s: finishing the job or feed poll in progress, then stopping", reason)
        super().__call__(reason)


async def worker_until_stopped(worker: Worker, drain: bool, stop: WorkerStop) -> int:
    """Run the worker until `stop`; the work in progress then has STOP_GRACE_SECONDS to end before it is cancelled
    (and waited for: a cancelled job is queued again, a cancelled bulk batch still commits, `_finished` in
    bot/store/store.py)."""
    work = stop.work = asyncio.create_task(worker.run(drain=drain, stop=stop.event))
    stopped = asyncio.ensure_future(stop.event.wait())
    try:
        done, _ = await asyncio.wait({work, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if work not in done and not (await asyncio.wait({work}, timeout=STOP_GRACE_SECONDS))[0]:
            log.warning("the work in progress did not end within %.0f s of the stop: cancelled", STOP_GRACE_SECONDS)
            work.cancel()
        return await work
    except asyncio.CancelledError:
        if not work.done():  # cancelled from outside: the work too, and waited for
            work.cancel()
            await asyncio.wait({work})
            raise
        if stop.requested:  # cancelled by the stop
            return 0
        raise
    finally:
        stopped.cancel()


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


async def enqueue_sources(store: Store, targets: list[str], *, now: datetime | None = None) -> list[tuple[str, int]]:
    """Queue each URL or text file for the workers (the same source twice is one job); (target, job id) each.

    Raises FileNotFoundError / UnicodeDecodeError / IsADirectoryError for a file that cannot be read;
    nothing is queued then.
    """
    import hashlib
    from pathlib import Path

    now = now or _now()
    planned: list[tuple[str, str, dict[str, Any], str]] = []
    for target in targets:
        if is_url(target):
            planned.append((target, "ingest_url", {"url": target}, f"url:{target}"))
            continue
        text = Path(target).read_text(encoding="utf-8")
        key = "text:" + hashlib.sha256(text.encode()).hexdigest()
        planned.append((target, "ingest_text", {"text": text, "name": Path(target).name}, key))
    return [
        (target, await jobs.enqueue(store, kind, payload, key=key, now=now)) for target, kind, payload, key in planned
    ]

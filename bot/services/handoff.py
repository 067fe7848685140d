"""`/source add` handed to a worker: with a shared store (PostgreSQL) and a live `python -m bot worker`, the bot
queues the ingestion as a job instead of fetching and extracting in its own process, and waits for its outcome.

With SQLite, or when no worker has announced itself lately (`jobs.workers_alive`), the bot ingests in-process
as before. Every way of adding goes: a URL, a file, pasted text (the option, or the Add article form) and a
.zip of articles (`add_archive`: its final counts come back, not its progress). The outcome is the worker's `IngestResult` (bot/job_results.py); a refusal the service raised
(an empty text, a bad date) comes back raised, as it would have been in-process.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

from bot.ingest.bulk import BulkProgress
from bot.job_results import from_payload, to_payload
from bot.models import IngestResult
from bot.services.sources import ArchiveFailed
from bot.store import Store, jobs
from bot.user_errors import UserError

POLL_SECONDS = 1.0
WAIT_SECONDS = 14 * 60.0  # an interaction's reply can be edited for 15 minutes


class JobFailed(RuntimeError):
    """The worker recorded a failure that is no refusal (it crashed on the source, or died too many times)."""


async def worker_ready(store: Store, *, now: datetime | None = None) -> bool:
    """True when ingestion should go to a worker: a shared store and at least one worker alive."""
    return store.shared and await jobs.workers_alive(store, now=now or datetime.now(UTC)) > 0


async def hand_over(store: Store, kind: str, payload: dict[str, Any], *, now: datetime | None = None) -> int:
    """Queue one ingestion (`add_text`, `add_upload`, `ingest_url`, `add_archive`); returns the job's id."""
    return await jobs.enqueue(store, kind, payload, now=now or datetime.now(UTC))


async def _ended(store: Store, job_id: int, poll: float, wait: float) -> dict[str, Any] | None:
    """The result the worker recorded once the job is done; None when it has not ended within `wait` seconds.

    Raises the refusal (UserError) the service raised in the worker, or JobFailed for any other failure."""
    deadline = time.monotonic() + wait
    while True:
        state = await jobs.job_state(store, job_id)
        if state is None:
            raise JobFailed(f"job {job_id} is gone")
        if state.state == "done" and state.result is not None:
            refused = state.result.get("raised")
            if refused:
                raise UserError(refused["code"], **refused["params"])
            return state.result
        if state.state == "failed":
            raise JobFailed(f"job {job_id} failed: {state.error}")
        if time.monotonic() >= deadline:
            return None
        await asyncio.sleep(poll)


async def outcome(
    store: Store, job_id: int, *, poll: float = POLL_SECONDS, wait: float = WAIT_SECONDS
) -> IngestResult | None:
    """The ingestion job's result once it ends; None when it has not ended within `wait` seconds."""
    result = await _ended(store, job_id, poll, wait)
    return None if result is None else from_payload(result)


async def archive_outcome(
    store: Store, job_id: int, *, poll: float = POLL_SECONDS, wait: float = WAIT_SECONDS
) -> BulkProgress | None:
    """A zip upload's final counts once its job ends (None when not within `wait` seconds); raises ArchiveFailed
    when the worker could not take the archive, as `add_archive` would have in-process."""
    result = await _ended(store, job_id, poll, wait)
    if result is None:
        return None
    if result.get("archive_failed"):
        raise ArchiveFailed(result["archive_failed"])
    return archive_from_payload(result)


def archive_payload(p: BulkProgress) -> dict[str, Any]:
    """A zip upload's outcome as the jobs table keeps it: its counts, time and refusals by reason."""
    return {
        "total": p.total,
        "done": p.done,
        "added": p.added,
        "duplicates": p.duplicates,
        "refused": p.refused,
        "seconds": p.elapsed,
        "reasons": p.reasons,
        "examples": {reason: to_payload(result) for reason, result in p.examples.items()},
    }


def archive_from_payload(payload: dict[str, Any]) -> BulkProgress:
    """The worker's final counts, as the bot's own bulk run would have ended (its time the worker's)."""
    return BulkProgress(
        total=payload["total"],
        done=payload["done"],
        added=payload["added"],
        duplicates=payload["duplicates"],
        refused=payload["refused"],
        started=time.monotonic() - payload["seconds"],
        finished=True,
        reasons=dict(payload["reasons"]),
        examples={reason: from_payload(r) for reason, r in payload["examples"].items()},
    )

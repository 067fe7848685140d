"""`/source add` handed to a worker: with a shared store (PostgreSQL) and a live `python -m bot worker`, the bot
queues the ingestion as a job instead of fetching and extracting in its own process, and waits for its outcome.

With SQLite, or when no worker has announced itself lately (`jobs.workers_alive`), the bot ingests in-process
as before. The outcome is the worker's `IngestResult` (bot/job_results.py); a refusal the service raised
(an empty text, a bad date) comes back raised, as it would have been in-process.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

from bot.job_results import from_payload
from bot.models import IngestResult
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
    """Queue one ingestion (`add_text`, `add_upload`, `ingest_url`); returns the job's id."""
    return await jobs.enqueue(store, kind, payload, now=now or datetime.now(UTC))


async def outcome(
    store: Store, job_id: int, *, poll: float = POLL_SECONDS, wait: float = WAIT_SECONDS
) -> IngestResult | None:
    """The job's result once it ends; None when it has not ended within `wait` seconds.

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
            return from_payload(state.result)
        if state.state == "failed":
            raise JobFailed(f"job {job_id} failed: {state.error}")
        if time.monotonic() >= deadline:
            return None
        await asyncio.sleep(poll)

"""Stored claims kept current without anyone typing `python -m bot claims`.

A new extractor (any change under `bot/extract/`, the actor or text code, the data files) marks every stored
claim as outdated: `/stance --about` stays right (it extracts such documents at query time) but runs at the
old speed. So each long-running process — the bot (`run`) and every worker — starts this in the background
when it starts: one process at a time rebuilds them (a named lease in the database, renewed after every
chunk, released at the end; a process that dies leaves it to expire), chunked and safe to stop, as the
command does. Nothing is done when every document's claims are of the current extractor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from bot.extract.claim_records import extractor_version
from bot.ingest.claims_refresh import ClaimsRefresh, refresh_claims
from bot.store import Store, jobs
from bot.store.claims import count_outdated

log = logging.getLogger(__name__)

CLAIMS_LEASE = "claims-refresh"


async def refresh_outdated_claims(store: Store, owner: str, *, clock: Callable[[], datetime]) -> ClaimsRefresh | None:
    """Rebuild the claims an older extractor stored, unless none are outdated or another process is at it
    (then None)."""
    _, outdated = await count_outdated(store, extractor_version())
    if not outdated or not await jobs.take_lease(store, CLAIMS_LEASE, owner, now=clock()):
        return None
    log.info("stored claims: %d documents from an older extractor, rebuilding", outdated)

    async def renew(_: ClaimsRefresh) -> None:
        await jobs.take_lease(store, CLAIMS_LEASE, owner, now=clock())

    try:
        done = await refresh_claims(store, on_progress=renew)
    finally:
        await jobs.release_lease(store, CLAIMS_LEASE, owner)
    log.info("stored claims: %d documents checked, %d rebuilt", done.checked, done.rebuilt)
    return done


async def keep_claims_current(store: Store, owner: str, *, clock: Callable[[], datetime]) -> None:
    """`refresh_outdated_claims` as a long-running process's background task: a failure is logged, never
    raised (the answers stay right without it — extracted at query time — only slower)."""
    try:
        await refresh_outdated_claims(store, owner, clock=clock)
    except Exception:
        log.warning("could not rebuild the stored claims", exc_info=True)

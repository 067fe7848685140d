"""Claims an older extractor stored are rebuilt by the long-running processes themselves
(`bot/services/claims.py`): the worker and the bot start it; one process at a time (a lease), nothing to do
when every document's claims are current."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.extract.claim_records import dump_claims, extractor_version
from bot.rows import ClaimsRow
from bot.services.claims import CLAIMS_LEASE, refresh_outdated_claims
from bot.store import jobs
from bot.store.claims import count_outdated, replace_claims, stored_claims
from bot.worker import Worker
from tests.test_discord_support import close_store, make_bot, make_settings, settings_fixture  # noqa: F401
from tests.test_store_claims import _add

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


async def _outdated(store) -> int:  # type: ignore[no-untyped-def]
    return (await count_outdated(store, extractor_version()))[1]


async def _make_outdated(store, doc_id: int) -> None:  # type: ignore[no-untyped-def]
    await replace_claims(store, [(doc_id, ClaimsRow("an older extractor", 0, dump_claims([])), {})])
    assert await _outdated(store) == 1


async def test_outdated_claims_are_rebuilt_by_one_process_at_a_time(store, caplog):
    doc_id = await _add(store)
    assert await _outdated(store) == 0
    assert await refresh_outdated_claims(store, "a", clock=lambda: NOW) is None  # all current: nothing done
    assert await jobs.take_lease(store, CLAIMS_LEASE, "a", now=NOW)  # ...and no lease left held
    await jobs.release_lease(store, CLAIMS_LEASE, "a")

    await _make_outdated(store, doc_id)
    assert await jobs.take_lease(store, CLAIMS_LEASE, "b", now=NOW)  # another process is at it
    assert await refresh_outdated_claims(store, "a", clock=lambda: NOW) is None
    assert await _outdated(store) == 1

    later = NOW + jobs.LEASE + timedelta(seconds=1)  # that process died: its lease ran out
    with caplog.at_level(logging.INFO, logger="bot.services.claims"):
        done = await refresh_outdated_claims(store, "a", clock=lambda: later)
    assert done is not None and done.rebuilt == 1
    assert [r.getMessage() for r in caplog.records if r.name == "bot.services.claims"] == [
        "stored claims: 1 documents from an older extractor, rebuilding",  # what the operator's log says
        f"stored claims: {done.checked} documents checked, 1 rebuilt",
    ]
    assert await _outdated(store) == 0
    assert (await stored_claims(store, [doc_id]))[doc_id].version == extractor_version()
    assert await jobs.take_lease(store, CLAIMS_LEASE, "c", now=later)  # released when done


async def test_a_worker_rebuilds_outdated_claims_beside_its_jobs(store, seeded_target):
    doc_id = await _add(store)
    await _make_outdated(store, doc_id)
    stop = asyncio.Event()
    worker = Worker(store, make_settings(seeded_target, worker_idle=0.01), owner="w", clock=lambda: NOW)
    running = asyncio.create_task(worker.run(stop=stop))
    try:
        for _ in range(2000):
            if await _outdated(store) == 0:
                break
            await asyncio.sleep(0.01)
    finally:
        stop.set()
        await running
    assert await _outdated(store) == 0



@pytest.fixture(name="simcord_bot")
async def outdated_bot_fixture(settings):  # type: ignore[no-untyped-def]
    """A bot whose store holds a document with claims of an older extractor."""
    bot = await make_bot(settings)
    await _make_outdated(bot.store, await _add(bot.store))
    yield bot
    await close_store(bot)


async def test_the_bot_rebuilds_outdated_claims_when_it_starts(simcord_env, simcord_bot):  # type: ignore[no-untyped-def]
    for _ in range(2000):  # setup_hook started the refresh beside the digest and feed loops
        if await _outdated(simcord_bot.store) == 0:
            break
        await simcord_env.advance_time(0.01)
    assert await _outdated(simcord_bot.store) == 0

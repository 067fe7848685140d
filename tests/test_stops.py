"""Stops in the middle of work: a cancelled task (a SIGINT's, a bot's close, a cog unloaded) leaves the store
usable and nothing half-written, and never hangs."""

from __future__ import annotations

import asyncio

import pytest

from bot.store import Store


@pytest.fixture
async def sqlite_store(tmp_path):  # type: ignore[no-untyped-def]
    s = await Store.open(tmp_path / "s.db")
    try:
        yield s
    finally:
        await s.close()


async def test_a_write_cancelled_while_it_begins_leaves_no_transaction_open(sqlite_store: Store):
    """aiosqlite runs a statement in its own thread whether or not its awaiter is still there: a task cancelled
    while it awaited BEGIN IMMEDIATE (its first suspension) left the connection inside a transaction nobody would
    end — every later write of the process failed ("cannot start a transaction within a transaction"; a worker
    stopped by SIGINT could not release its leases, and exited with a traceback) and the file stayed locked."""

    async def write() -> None:
        async with sqlite_store.transaction() as db:
            await db.execute("INSERT INTO meta(key, value) VALUES ('never', 'written')")

    task = asyncio.create_task(write())
    await asyncio.sleep(0)  # the task now awaits its BEGIN
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await sqlite_store.fetchone("SELECT 1")  # queued behind whatever the cancelled write left running
    assert not sqlite_store.conn.in_transaction
    await sqlite_store.set_meta("after", "written")  # the next write works
    assert await sqlite_store.get_meta("after") == "written"
    assert await sqlite_store.get_meta("never") is None

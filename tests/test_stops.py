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


# Run in a process of its own: without the fix the store's bulk connection is closed under the thread writing
# with it, which can take the whole process down (SIGSEGV, seen 5 times in 6 runs).
_CANCELLED_BATCH = """
import asyncio, contextlib, json, sys, threading
from bot.extract.document import extract_document
from bot.ingest.pipeline import parse_text
from bot.store import Store
from bot.store.store import BatchItem
from tests.test_worker import article

began, resume = threading.Event(), threading.Event()
kept = Store._kept_candidates

def paused(self, conn, same_event):  # the batch's thread, inside its transaction (BEGIN IMMEDIATE done)
    began.set()
    resume.wait(120)
    return kept(self, conn, same_event)

Store._kept_candidates = paused

async def main(path):
    store = await Store.open(path)
    items = []
    for i in range(12):
        parsed, digest = parse_text(article(100 + i), f"a{i}.txt", "text")
        items.append(BatchItem(parsed, extract_document(parsed, store.actors, digest)))
    task = asyncio.create_task(store.add_documents(items))
    while not began.is_set():
        await asyncio.sleep(0.01)
    task.cancel()  # as a SIGINT's asyncio.run, a bot's close or a cog unloaded cancels its task
    for _ in range(20):
        await asyncio.sleep(0)
    waited = not task.done()  # the cancelled write still waits for its batch
    resume.set()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await store.close()
    n = (await (await Store.open(path)).fetchone("SELECT count(*) AS n FROM documents WHERE name LIKE 'a%'"))["n"]
    print(json.dumps({"waited": waited, "stored": n}))

asyncio.run(main(sys.argv[1]))
"""


def test_a_bulk_batch_cancelled_midway_is_written_whole_before_the_store_closes(tmp_path):
    """The bulk writer's batch runs in a thread, which a cancellation cannot stop: the cancelled task returned at
    once, handing on the write lock while the batch was still being written, and the caller's store.close() closed
    the thread's connection under it — the batch lost at best, the process killed by SIGSEGV at worst (a SQLite
    worker stopped by SIGINT during a first poll, the bot closed during one). Now the cancelled write waits for
    its batch (which commits) before the cancellation goes on. Staged: the batch's thread holds inside its
    transaction until the task has been cancelled."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", _CANCELLED_BATCH, str(tmp_path / "b.db")], cwd=root, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert json.loads(done.stdout.decode().splitlines()[-1]) == {"waited": True, "stored": 12}


async def test_the_bots_close_waits_for_its_loops_before_closing_the_store(seeded_db, monkeypatch: pytest.MonkeyPatch):
    """close() cancelled the digest and feed loops and closed the store at once, while a cancelled feed poll could
    still be writing: a first poll's bulk batch runs on in its thread (and is waited for, `_finished`), so the store
    was closed under it — the batch lost, or the process killed (see the test above). Now close() waits for the
    loops to end (bounded) before it closes the store. Staged: the loop's batch holds inside its transaction until
    close() has been called."""
    import threading

    from bot.extract.document import extract_document
    from bot.ingest.pipeline import parse_text
    from bot.store.store import BatchItem
    from commands.client import NewsdeskBot
    from tests.test_discord_support import make_settings
    from tests.test_worker import article

    began, resume = threading.Event(), threading.Event()
    kept = Store._kept_candidates

    def paused(self: Store, conn: object, same_event: object) -> object:
        began.set()
        resume.wait(120)
        return kept(self, conn, same_event)  # type: ignore[arg-type]

    bot = NewsdeskBot(make_settings(seeded_db))

    async def synced() -> bool:  # syncing needs a logged-in client
        return True

    async def ready() -> None:  # the loops start as if connected
        return None

    async def a_first_poll() -> None:  # what a feed's first poll writes: a batch of documents
        parsed = [parse_text(article(200 + i), f"b{i}.txt", "text") for i in range(6)]
        items = [BatchItem(p, extract_document(p, bot.store.actors, d)) for p, d in parsed]  # type: ignore[misc]
        await bot.store.add_documents(items)

    monkeypatch.setattr(bot, "sync_commands", synced)
    monkeypatch.setattr(bot, "wait_until_ready", ready)
    monkeypatch.setattr(bot, "poll_due_feeds", a_first_poll)
    monkeypatch.setattr(Store, "_kept_candidates", paused)
    async with bot:
        await bot.setup_hook()
        while not began.is_set():
            await asyncio.sleep(0.01)
        closing = asyncio.create_task(bot.close())
        for _ in range(50):
            await asyncio.sleep(0)
        waited = not closing.done()  # the store is still open for the batch
        resume.set()
        await closing
    assert waited
    check = await Store.open(seeded_db)
    try:
        row = await check.fetchone("SELECT count(*) AS n FROM documents WHERE name LIKE 'b%'")
        assert row["n"] == 6
    finally:
        await check.close()

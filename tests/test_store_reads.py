"""`Store.fetchone` and `Store.fetchall` on SQLite: one trip to aiosqlite's thread each, and what they leave behind.

A read that stops after the first of several rows must still end its statement: an open statement holds its read
transaction, and no checkpoint can then copy the log past it (nor can another writer's COMMIT reset it)."""

from __future__ import annotations

import sqlite3

import aiosqlite

from bot.store import Store


async def test_fetchone_of_several_rows_gives_the_first_and_holds_no_read_open(tmp_path):
    store = await Store.open(str(tmp_path / "reads.db"))
    try:
        async with store.transaction() as db:
            await db.execute("CREATE TABLE t (n INTEGER)")
            await db.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(50)])
        row = await store.fetchone("SELECT n FROM t ORDER BY n")
        assert row is not None and row["n"] == 0
        # another connection writes, then truncates the log: possible only with no reader left in it
        other = sqlite3.connect(tmp_path / "reads.db", isolation_level=None)
        try:
            other.execute("INSERT INTO t VALUES (99)")
            busy, _, _ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            other.close()
        assert busy == 0, "the first row's statement still holds a read transaction"
        assert await store.fetchone("SELECT n FROM t WHERE n = ?", (1000,)) is None
        rows = await store.fetchall("SELECT n FROM t WHERE n >= ? ORDER BY n", (48,))
        assert isinstance(rows, list) and [r["n"] for r in rows] == [48, 49, 99]
        assert await store.fetchall("SELECT n FROM t WHERE n < 0") == []
    finally:
        await store.close()


async def test_each_read_is_one_trip_to_the_thread(tmp_path, monkeypatch):
    store = await Store.open(str(tmp_path / "trips.db"))
    trips = 0
    real = aiosqlite.Connection._execute

    async def counting(self, fn, *args, **kwargs):
        nonlocal trips
        trips += 1
        return await real(self, fn, *args, **kwargs)

    try:
        monkeypatch.setattr(aiosqlite.Connection, "_execute", counting)
        await store.fetchone("SELECT 1")
        await store.fetchall("SELECT 1 UNION ALL SELECT 2")
        assert trips == 2
    finally:
        monkeypatch.undo()
        await store.close()


_UNCLOSED = """
import asyncio, sys
from bot.store import Store

async def main(path):
    store = await Store.open(path)  # never closed: its aiosqlite thread ends when the connection is collected
    await store.fetchone("SELECT 1")
    await store.fetchall("SELECT 1 UNION ALL SELECT 2")
    print("read")

asyncio.run(main(sys.argv[1]))
"""


def test_a_store_left_unclosed_after_reads_lets_its_process_end(tmp_path):
    """The reads' function, which aiosqlite's thread keeps until the next one comes, must not hold the store's
    connection: held, the connection is never collected, its (non-daemon) thread never told to stop, and the
    process never ends (tests/test_stops.py's cancelled batch hung this way for its whole 300 s)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-W", "ignore::ResourceWarning", "-c", _UNCLOSED, str(tmp_path / "u.db")],
        cwd=root,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert done.stdout.decode().split() == ["read"]

"""Which store a target opens: a PostgreSQL URL the `PgStore`, anything else the SQLite `Store` (a file path or
":memory:"). The one place that knows both backends, so neither imports the other to choose."""

from __future__ import annotations

from pathlib import Path

from bot.store.dialect import is_database_url
from bot.store.store import BUSY_MS, LOCK_WAIT_SECONDS, Store


async def open_backend(target: str | Path, *, lock_wait: float = LOCK_WAIT_SECONDS, busy_ms: int = BUSY_MS) -> Store:
    """Open (creating and migrating as needed) the store `target` names; see `Store.open` and `PgStore.open`."""
    target = str(target)
    if is_database_url(target):
        # imported here: psycopg and its pool are about a tenth of `python -m bot`'s import CPU (ten imports of
        # bot.terminal.cli, 10.2 → 9.5 s), which every SQLite command, worker and bot process paid for nothing
        from bot.store.pgstore import PgStore

        return await PgStore.open(target, lock_wait=lock_wait)
    return await Store.open(target, lock_wait=lock_wait, busy_ms=busy_ms)

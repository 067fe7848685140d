"""The embedded store: SQLite with FTS5 through aiosqlite."""

from bot.store.store import Store, StoreError

__all__ = ["Store", "StoreError"]

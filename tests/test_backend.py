"""Which store a target opens (`bot/store/backend.py`): the SQLite `Store` for a path, the `PgStore` for a
PostgreSQL URL (the suite's PostgreSQL-backed fixtures open theirs so); the SQLite store never takes a URL."""

from __future__ import annotations

import pytest

from bot.store import Store
from bot.store.backend import open_backend
from bot.store.pgstore import PgStore


async def test_a_path_opens_the_sqlite_store(tmp_path):
    store = await open_backend(tmp_path / "new.db")
    try:
        assert type(store) is Store and (tmp_path / "new.db").is_file()
    finally:
        await store.close()


async def test_the_sqlite_store_refuses_a_database_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="open_backend"):
        await Store.open("postgresql://nobody@/newsdesk")
    assert list(tmp_path.iterdir()) == []  # no file named after the URL


async def test_each_backend_opens_its_store(backend, seeded_target):
    store = await open_backend(seeded_target)
    try:
        assert type(store) is (PgStore if backend == "postgresql" else Store)
    finally:
        await store.close()

"""Shared fixtures: the seed folder, a seeded database built once per session, and a store on a fresh copy.

- `seeds_dir`  → Path of the shipped seed articles (000–004).
- `seeded_db`  → Path of a fresh copy of a database holding the 5 seeds (the template is built once per
                 session; each test gets its own copy, so tests may write to it freely).
- `store`      → an open `bot.store.Store` on that copy (closed after the test).
- `httpserver_listen_address` → pytest-httpserver listens on 127.0.0.1 (its default is the name
                 `localhost`): a test that says "127.0.0.1 is refused" meets the address rule, not the
                 `localhost` name rule, and trusting "127.0.0.1:port" trusts the server's own endpoint.

SimCord's settle timeout (how long the simulator waits, in real seconds, for the bot to finish what an
interaction started) is raised from 5 s to 60 s for every test that does not set its own: a `/source add
url:` starts a sandbox worker process, which takes more than 5 s on a loaded 2-core machine. It guards
against a bot that never settles, not against a slow one.
"""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))


SETTLE_TIMEOUT = 60.0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("simcord") is None:
            item.add_marker(pytest.mark.simcord(settle_timeout=SETTLE_TIMEOUT))


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def _seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bot.ingest.pipeline import open_store

    path = tmp_path_factory.mktemp("seeded") / "template.db"

    async def build() -> None:
        store = await open_store(str(path), SEEDS_DIR)
        try:
            names = [d.name for d in await store.list_documents()]
        finally:
            await store.close()
        assert names == SEED_NAMES, f"seeding did not load every seed: {names}"

    asyncio.run(build())
    # Fold the write-ahead log into the main file so that copying one file copies everything.
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return path


@pytest.fixture
def seeded_db(_seeded_template: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "seeded.db"
    shutil.copy(_seeded_template, dest)
    wal = Path(str(_seeded_template) + "-wal")
    if wal.exists() and wal.stat().st_size:  # normally folded in and removed by the checkpoint above
        shutil.copy(wal, Path(str(dest) + "-wal"))
    return dest


@pytest.fixture
async def store(seeded_db: Path):
    from bot.store import Store

    s = await Store.open(seeded_db)
    try:
        yield s
    finally:
        await s.close()

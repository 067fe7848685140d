"""Migration 6 (per-item feed state) on a file from before it: old outcomes become the new states."""

from __future__ import annotations

import sqlite3

from bot.services import feeds
from bot.store import Store
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION
from bot.user_errors import stored_in


async def test_a_version_5_file_gets_per_item_state(tmp_path) -> None:
    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:5]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 5")
    conn.execute(
        "INSERT INTO feeds(id, guild_id, url, added_at, next_poll_at, last_ok_at)"
        " VALUES (1, 0, 'https://news.example/rss', '2025-01-01', '2025-01-01', '2025-01-01')"
    )
    rows = [
        ("g1", "https://news.example/1", "added", None),
        (None, "https://news.example/2", "duplicate", "already stored as document #1"),
        ("g3", "https://news.example/3", "error", "The site answered HTTP 503."),
        ("g4", None, "error", "the item has no link"),
    ]
    conn.executemany(
        "INSERT INTO feed_items(feed_id, guid, link, status, reason, seen_at) VALUES (1, ?, ?, ?, ?, '2025-01-02')",
        rows,
    )
    conn.commit()
    conn.close()

    store = await Store.open(path)
    try:
        assert (await store.fetchone("PRAGMA user_version"))[0] == SCHEMA_VERSION
        got = [
            dict(r)
            for r in await store.fetchall("SELECT item_key, status, retry_at, attempted_at FROM feed_items ORDER BY id")
        ]
        assert got == [
            {"item_key": "guid:g1", "status": "fetched", "retry_at": None, "attempted_at": "2025-01-02"},
            {
                "item_key": "link:https://news.example/2",
                "status": "fetched",
                "retry_at": None,
                "attempted_at": "2025-01-02",
            },
            {"item_key": "guid:g3", "status": "failed", "retry_at": "2025-01-02", "attempted_at": "2025-01-02"},
        ]  # the linkless error is forgotten: the item is taken again, from its own text
        feed = await feeds.get_feed(store, 1)
        assert feed is not None and (feed.items, feed.fetched, feed.failed, feed.retrying) == (3, 2, 1, 1)
        # kept as an English sentence by that version: migration 14 keeps it as its code and parameters
        assert '"code":"fetch.http_status"' in (feed.last_item_error or "")
        assert stored_in(feed.last_item_error, "en") == "https://news.example/3: The site answered HTTP 503."
        assert stored_in(feed.last_item_error, "ja").startswith("https://news.example/3: ")
        assert "503" in stored_in(feed.last_item_error, "ja") and "site" not in stored_in(feed.last_item_error, "ja")
    finally:
        await store.close()

"""A stored event written straight into a store's `events`, for tests of what clustering compares it with."""

from __future__ import annotations

import json
from typing import Any


async def store_event(store: Any, event_id: int, date: str, features: dict) -> None:
    """An event of `date` with `features`, alone in a cluster of its own id, on the store's first passage."""
    doc, passage = await store.fetchone("SELECT document_id, id FROM passages LIMIT 1")
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO events(id, document_id, passage_id, date, precision, summary, cluster_id, features)"
            " VALUES (?, ?, ?, ?, 'day', 'stored', ?, ?)",
            (event_id, doc, passage, date, event_id, json.dumps(features, ensure_ascii=False)),
        )

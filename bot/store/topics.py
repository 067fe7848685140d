"""Topics kept in the database: added by admins, discovered in new stories, seed topics renamed or removed."""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.store.store import Store, utcnow


@dataclass(slots=True)
class TopicRow:
    id: str
    label: str
    cues: list[str]
    origin: str  # seed | admin | discovered
    documents: int
    removed: bool
    added_by: str | None


def _row(r) -> TopicRow:
    return TopicRow(
        r["id"],
        r["label"],
        list(json.loads(r["cues"])),
        r["origin"],
        int(r["documents"]),
        bool(r["removed"]),
        r["added_by"],
    )


async def stored_topics(store: Store) -> list[TopicRow]:
    rows = await store.fetchall(
        "SELECT id, label, cues, origin, documents, removed, added_by FROM topics ORDER BY origin, documents DESC, id"
    )
    return [_row(r) for r in rows]


async def get_topic(store: Store, topic_id: str) -> TopicRow | None:
    r = await store.fetchone(
        "SELECT id, label, cues, origin, documents, removed, added_by FROM topics WHERE id = ?", (topic_id,)
    )
    return _row(r) if r else None


async def put_topic(store: Store, row: TopicRow) -> None:
    """Insert or replace one topic."""
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO topics(id, label, cues, origin, documents, removed, added_by, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET label = excluded.label,"
            " cues = excluded.cues, origin = excluded.origin, documents = excluded.documents,"
            " removed = excluded.removed, added_by = excluded.added_by",
            (
                row.id,
                row.label,
                json.dumps(row.cues, ensure_ascii=False),
                row.origin,
                row.documents,
                int(row.removed),
                row.added_by,
                utcnow(),
            ),
        )


async def delete_topic(store: Store, topic_id: str) -> None:
    async with store.transaction() as db:
        await db.execute("DELETE FROM topics WHERE id = ?", (topic_id,))


async def replace_discovered(store: Store, found: list[TopicRow], documents: int) -> None:
    """The discovered topics become `found` (ids an admin added or removed are left alone)."""
    async with store.transaction() as db:
        await db.execute("DELETE FROM topics WHERE origin = 'discovered' AND removed = 0")
        taken = {r[0] for r in await (await db.execute("SELECT id FROM topics")).fetchall()}
        now = utcnow()
        await db.executemany(
            "INSERT INTO topics(id, label, cues, origin, documents, removed, added_by, added_at)"
            " VALUES (?, ?, ?, 'discovered', ?, 0, NULL, ?)",
            [
                (t.id, t.label, json.dumps(t.cues, ensure_ascii=False), t.documents, now)
                for t in found
                if t.id not in taken
            ],
        )
        await db.execute(
            "INSERT INTO meta(key, value) VALUES ('topics_discovered_docs', ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(documents),),
        )


async def actor_passage_texts(store: Store, limit: int) -> list[tuple[int, str]]:
    """(document id, text) of the newest `limit` passages that name an actor."""
    rows = await store.fetchall(
        "SELECT p.document_id AS doc, p.text AS text FROM passages p WHERE p.id IN"
        " (SELECT DISTINCT passage_id FROM mentions ORDER BY passage_id DESC LIMIT ?)",
        (limit,),
    )
    return [(int(r["doc"]), r["text"]) for r in rows]


async def document_count(store: Store) -> int:
    row = await store.fetchone("SELECT count(*) AS n FROM documents")
    return int(row["n"]) if row else 0

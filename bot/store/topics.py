"""Topics kept in the database: added by admins, discovered in new stories, seed topics renamed or removed.

Each row belongs to a server (`guild_id`) or is shared (0: the command line's); a server reads its own rows
and the shared ones (migration 11)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.instants import utcnow
from bot.store.store import Store


@dataclass(slots=True)
class TopicRow:
    id: str
    label: str
    cues: list[str]
    origin: str  # seed | admin | discovered
    documents: int
    removed: bool
    added_by: str | None
    guild_id: int = 0  # the server it belongs to; 0: shared


_COLUMNS = "id, label, cues, origin, documents, removed, added_by, guild_id"


def _row(r) -> TopicRow:
    return TopicRow(
        r["id"],
        r["label"],
        list(json.loads(r["cues"])),
        r["origin"],
        int(r["documents"]),
        bool(r["removed"]),
        r["added_by"],
        int(r["guild_id"]),
    )


async def stored_topics(store: Store, guild_id: int = 0) -> list[TopicRow]:
    """The shared rows and (for a server) the server's own, the shared first."""
    rows = await store.fetchall(
        f"SELECT {_COLUMNS} FROM topics WHERE guild_id IN (0, ?) ORDER BY guild_id, origin, documents DESC, id",
        (guild_id,),
    )
    return [_row(r) for r in rows]


async def get_topic(store: Store, topic_id: str, guild_id: int = 0) -> TopicRow | None:
    """The row of this topic that belongs to this server (0: the shared one)."""
    r = await store.fetchone(f"SELECT {_COLUMNS} FROM topics WHERE guild_id = ? AND id = ?", (guild_id, topic_id))
    return _row(r) if r else None


async def put_topic(store: Store, row: TopicRow) -> None:
    """Insert or replace one topic."""
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO topics(guild_id, id, label, cues, origin, documents, removed, added_by, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(guild_id, id) DO UPDATE SET label = excluded.label,"
            " cues = excluded.cues, origin = excluded.origin, documents = excluded.documents,"
            " removed = excluded.removed, added_by = excluded.added_by",
            (
                row.guild_id,
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


async def delete_topic(store: Store, topic_id: str, guild_id: int = 0) -> None:
    async with store.transaction() as db:
        await db.execute("DELETE FROM topics WHERE guild_id = ? AND id = ?", (guild_id, topic_id))


def discovered_meta_key(guild_id: int) -> str:
    """The meta key holding how many documents a server saw when its topics were last discovered."""
    return f"topics_discovered_docs:{guild_id}"


async def replace_discovered(store: Store, found: list[TopicRow], documents: int, guild_id: int = 0) -> None:
    """A server's discovered topics become `found` (ids an admin of it or the command line added or removed
    are left alone)."""
    async with store.transaction() as db:
        await db.execute("DELETE FROM topics WHERE guild_id = ? AND origin = 'discovered' AND removed = 0", (guild_id,))
        taken = {
            r[0]
            for r in await (
                await db.execute(
                    "SELECT id FROM topics WHERE guild_id = ? OR (guild_id = 0 AND (origin <> 'discovered' OR removed = 1))",
                    (guild_id,),
                )
            ).fetchall()
        }
        now = utcnow()
        await db.executemany(
            "INSERT INTO topics(guild_id, id, label, cues, origin, documents, removed, added_by, added_at)"
            " VALUES (?, ?, ?, ?, 'discovered', ?, 0, NULL, ?)",
            [
                (guild_id, t.id, t.label, json.dumps(t.cues, ensure_ascii=False), t.documents, now)
                for t in found
                if t.id not in taken
            ],
        )
        await db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (discovered_meta_key(guild_id), str(documents)),
        )


async def actor_passage_texts(store: Store, limit: int, guild_id: int = 0) -> list[tuple[int, str]]:
    """(document id, text) of the newest `limit` passages that name an actor, in the documents a server
    sees (its own and the shared ones)."""
    rows = await store.fetchall(
        "SELECT p.document_id AS doc, p.text AS text FROM passages p WHERE p.id IN"
        " (SELECT DISTINCT m.passage_id FROM mentions m JOIN passages mp ON mp.id = m.passage_id"
        " JOIN documents d ON d.id = mp.document_id WHERE d.guild_id IN (0, ?) ORDER BY m.passage_id DESC LIMIT ?)",
        (guild_id, limit),
    )
    return [(int(r["doc"]), r["text"]) for r in rows]


async def document_count(store: Store, guild_id: int = 0) -> int:
    """How many documents a server sees (0: the shared ones)."""
    row = await store.fetchone("SELECT count(*) AS n FROM documents WHERE guild_id IN (0, ?)", (guild_id,))
    return int(row["n"]) if row else 0

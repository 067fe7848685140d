"""The `document_claims` rows (migration 13): a document's claims, written with the document, rebuilt by version.

The records are compressed JSON (bot/extract/claim_records.py writes and reads them); here they are only stored,
with the stored ids of the provisional ones (-1, -2, …) the document's own new actors were extracted under.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.rows import ClaimsRow

if TYPE_CHECKING:
    import aiosqlite

    from bot.store.store import Store


@dataclass(slots=True)
class StoredClaims:
    """One document's claims row: the version that extracted them, the registry generation its index knew
    (`ActorIndex.generation`; a row of schema 18 or before: the largest actor id), the actors the document added
    itself (known to the extraction whatever their generation), the stored ids of the provisional ones the records
    name, the records, and the generation the document taught the registry at (its actors and aliases: known to its
    extraction; 0: it taught nothing, or its claims were rebuilt since)."""

    version: str
    actors_known: int
    own_actors: frozenset[int]
    provisional: dict[int, int]
    records: bytes
    own_generation: int = 0


async def write_claims(
    db: aiosqlite.Connection,
    doc_id: int,
    claims: ClaimsRow | None,
    real: dict[int, int],
    own: list[int],
    own_generation: int = 0,
) -> None:
    """The document's claims row, in the document's transaction. `real`: provisional → stored actor ids; `own`:
    the actors this document added to the store (the others of `real` were there already: another index's);
    `own_generation`: the generation its actors and aliases were stored at (0: none was)."""
    if claims is None:
        return
    await db.execute(
        "INSERT INTO document_claims(document_id, version, actors_known, own_actors, provisional, claims,"
        " own_generation) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            doc_id,
            claims.version,
            claims.actors_known,
            json.dumps(sorted(own)),
            json.dumps(real),
            claims.records,
            own_generation,
        ),
    )


async def stored_claims(store: Store, doc_ids: list[int]) -> dict[int, StoredClaims]:
    """The claims rows of these documents (a document without one is absent)."""
    if not doc_ids:
        return {}
    marks = ",".join("?" * len(doc_ids))
    rows = await store.fetchall(
        "SELECT document_id, version, actors_known, own_actors, provisional, claims, own_generation"
        f" FROM document_claims WHERE document_id IN ({marks})",
        doc_ids,
    )
    return {
        int(r["document_id"]): StoredClaims(
            r["version"],
            int(r["actors_known"]),
            frozenset(json.loads(r["own_actors"])),
            {int(k): int(v) for k, v in json.loads(r["provisional"]).items()},
            bytes(r["claims"]),
            int(r["own_generation"]),
        )
        for r in rows
    }


async def documents_after(store: Store, after: int, limit: int) -> list[tuple[int, str | None, int | None]]:
    """(document id, its claims' version or None, the registry generation they knew) of the next `limit`
    documents after id `after`, in id order: what a rebuild walks through."""
    rows = await store.fetchall(
        "SELECT d.id, c.version, c.actors_known FROM documents d LEFT JOIN document_claims c ON c.document_id = d.id"
        " WHERE d.id > ? ORDER BY d.id LIMIT ?",
        (after, limit),
    )
    return [(int(r["id"]), r["version"], r["actors_known"]) for r in rows]


async def count_outdated(store: Store, version: str) -> tuple[int, int]:
    """(documents, those without claims of `version`)."""
    row = await store.fetchone(
        "SELECT count(*) AS n, sum(CASE WHEN c.version IS NULL OR c.version <> ? THEN 1 ELSE 0 END) AS old"
        " FROM documents d LEFT JOIN document_claims c ON c.document_id = d.id",
        (version,),
    )
    return (int(row["n"] or 0), int(row["old"] or 0)) if row else (0, 0)


async def replace_claims(store: Store, rows: list[tuple[int, ClaimsRow, dict[int, int]]]) -> None:
    """Claims rebuilt for existing documents (each with the stored ids of the provisional ones its records name),
    one transaction for the chunk (a document removed meanwhile is skipped: its row would have nothing to belong
    to)."""
    async with store.transaction() as db:
        for doc_id, claims, provisional in rows:
            await db.execute("DELETE FROM document_claims WHERE document_id = ?", (doc_id,))
            await db.execute(
                "INSERT INTO document_claims(document_id, version, actors_known, own_actors, provisional, claims)"
                " SELECT id, ?, ?, '[]', ?, ? FROM documents WHERE id = ?",
                (claims.version, claims.actors_known, json.dumps(provisional), claims.records, doc_id),
            )

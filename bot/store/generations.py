"""The registry's generations (migration 19): what the store has learned of actors, counted.

Each write that teaches the registry something — a document's new actors and the aliases it adds to actors stored
before, the shipped registry's new entries — stores them at one new generation, one above the largest stored (an
actor's `generation`, an alias's learned after its actor). A document's claims record the generation its actor index
knew (`ActorIndex.generation`) and are stale only where a name learned after it is written in the document
(`claim_records.fresh_claims`).

PostgreSQL's document writers run side by side: two of them may take the same generation, as they may commit actor
ids out of order; a claims row then counts as known what a writer committed later at a generation it read as taken.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import aiosqlite

__all__ = ["next_generation", "unknown_aliases"]


async def next_generation(db: aiosqlite.Connection) -> int:
    """The generation a write teaching the registry something stores it at: one above every actor's and alias's
    (and every actor id: an actor written without one counts as learned at its id)."""
    rows = await (
        await db.execute(
            "SELECT max(generation) AS g FROM actors UNION ALL SELECT max(id) AS g FROM actors"
            " UNION ALL SELECT max(generation) AS g FROM actor_aliases"
        )
    ).fetchall()
    return max((int(r["g"]) for r in rows if r["g"] is not None), default=0) + 1


async def unknown_aliases(db: aiosqlite.Connection, actor_id: int, names: Iterable[str]) -> list[str]:
    """The names, in order and each once, that the stored actor holds neither as its name nor as an alias."""
    wanted = list(dict.fromkeys(names))
    if not wanted:
        return []
    rows = await (
        await db.execute(
            "SELECT name AS n FROM actors WHERE id = ? UNION ALL SELECT alias AS n FROM actor_aliases WHERE actor_id = ?",
            (actor_id, actor_id),
        )
    ).fetchall()
    held = {r["n"] for r in rows}
    return [n for n in wanted if n not in held]

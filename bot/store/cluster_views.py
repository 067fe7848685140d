"""What each server sees of an event that several servers' documents report, kept at write time (issue 13).

A cluster reported only by shared documents looks the same to everyone and has no rows here. A cluster one of
whose reports is a server's (guild_id > 0) has a row per view (migration 12, `cluster_views`): guild 0 — what
a server without reports of its own sees: the shared reports, how many, and their representative; and one row
per server with reports — its own reports' count and the representative of the shared reports and its own.
A server's timeline page then reads, per event, its count and (when the cluster's representative is hidden
from it) its representative in the same query as the event itself, instead of counting and choosing again.

Rows are written in the transaction that writes (or removes) the documents, for the clusters it touched;
`representative` NULL where a view has reports: counted by the migration from earlier data, chosen at the end
of migrating (`fill_missing`); a page that still finds one chooses again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from bot.store import clusters
from bot.store.clusters import MEMBER_COLUMNS, Joined, Member, choose

REPORTS_READ = 200  # reports of one view a representative is chosen among (the first ones stored)


def touched(groups: Sequence[Sequence[Joined]]) -> set[int]:
    """The clusters a batch's events joined (read before the batch's `finish`, which empties its groups)."""
    return {joined[0] for group in groups for joined in group}


async def _rows(db: Any, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    async with db.execute(sql, params) as cur:
        return list(await cur.fetchall())


async def refresh(db: Any, cluster_ids: Iterable[int]) -> None:
    """Write again the views of these clusters (inside the writer's transaction)."""
    ids = sorted(set(cluster_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        await db.execute(f"DELETE FROM cluster_views WHERE cluster_id IN ({marks})", chunk)
        mixed = await _rows(
            db, f"SELECT DISTINCT cluster_id FROM events WHERE cluster_id IN ({marks}) AND guild_id > 0", chunk
        )
        rows: list[tuple[int, int, int, int | None]] = []
        for (cluster_id,) in mixed:
            rows.extend(await _views(db, int(cluster_id)))
        await db.executemany(
            "INSERT INTO cluster_views(cluster_id, guild_id, reports, representative) VALUES (?, ?, ?, ?)", rows
        )


async def _views(db: Any, cluster_id: int) -> list[tuple[int, int, int, int | None]]:
    """(cluster id, guild id, its reports, the representative of what it sees) for guild 0 and each server
    with reports in the cluster."""
    by_guild: dict[int, list[Member]] = defaultdict(list)
    counts: dict[int, int] = defaultdict(int)
    for r in await _rows(
        db, f"SELECT {MEMBER_COLUMNS}, guild_id FROM events WHERE cluster_id = ? ORDER BY id", (cluster_id,)
    ):
        guild = int(r[-1] or 0)
        counts[guild] += 1
        if len(by_guild[guild]) < REPORTS_READ:
            by_guild[guild].append(Member.from_row(tuple(r)[:-1]))
    shared = by_guild.get(0, [])
    out = [(cluster_id, 0, counts.get(0, 0), choose(shared).representative if shared else None)]
    for guild in sorted(g for g in counts if g > 0):
        seen = sorted(shared + by_guild[guild], key=lambda m: m.id)[:REPORTS_READ]  # the first visible reports
        out.append((cluster_id, guild, counts[guild], choose(seen).representative))
    return out


async def fill_missing(db: Any) -> None:
    """Choose the representatives the migration could not (its rows counted from earlier data)."""
    rows = await _rows(db, "SELECT DISTINCT cluster_id FROM cluster_views WHERE representative IS NULL AND reports > 0")
    await refresh(db, [int(r[0]) for r in rows])


async def refresh_all(db: Any) -> None:
    """Every cluster's views (a rebuild; the bench after it hands documents to servers)."""
    rows = await _rows(db, "SELECT DISTINCT cluster_id FROM events WHERE guild_id > 0")
    await db.execute("DELETE FROM cluster_views")
    await refresh(db, [int(r[0]) for r in rows])


async def rebuild(db: Any, cluster_ids: Iterable[int]) -> None:
    """Recompute clusters from their stored members (`clusters.rebuild`), then what each server sees of them."""
    cluster_ids = list(cluster_ids)
    await clusters.rebuild(db, cluster_ids)
    await refresh(db, cluster_ids)


async def rebuild_all(db: Any) -> None:
    """Every cluster and its views again (a migration that made the cluster tables)."""
    rows = await _rows(db, "SELECT DISTINCT cluster_id FROM events ORDER BY cluster_id")
    await rebuild(db, [r["cluster_id"] for r in rows])

"""Event clusters (the events that report one real event), kept up to date as events are written.

A cluster's date, representative event and filter rows (cluster_actors, cluster_topics) are
computed at write time, so that /timeline reads one page of clusters in index order instead of
merging every event of the store on each request.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import aiosqlite

# Up to this many members a joining event re-chooses the representative among all of them (the
# choice weighs what each member shares with the others); beyond it, the newcomer only competes
# with the current representative, so a join costs the same however often an event was reported.
EXACT_LIMIT = 8

MEMBER_COLUMNS = "id, date, precision, summary, background, weight, features"


class Member(NamedTuple):
    id: int
    date: str
    precision: str
    summary: str
    background: bool
    weight: float
    features: dict[str, Any]

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> Member:
        return cls(row[0], row[1], row[2], row[3], bool(row[4]), row[5], json.loads(row[6]))

    @property
    def report(self) -> bool:
        """Dated by its report (a headline) rather than by the event itself."""
        return bool(self.features.get("report"))

    def terms(self) -> set[str]:
        return set(self.features.get("tokens", [])) | {f"@{p}" for p in self.features.get("persons", [])}


@dataclass(slots=True)
class ClusterState:
    date: str
    precision: str
    background: bool
    representative: int
    members: int
    day_dates: dict[str, int]  # reports dated to the day, per date


def _own_key(m: Member, shared: int = 0) -> tuple:
    """Rank of a member as the cluster's representative: a report of the event, dated to the day, saying
    most (what it shares with the other reports, its own content words, and who did it), then prose, whole."""
    named = 2 * len(m.features.get("persons", []))
    return (
        not m.report,
        m.precision == "day",
        shared + len(m.terms()) + named,
        m.weight,
        not m.summary.endswith("…"),
        -m.id,
    )


def representative(members: Sequence[Member]) -> Member:
    """The member that says most of what the cluster's reports say."""
    terms = [m.terms() for m in members]
    union: Counter[str] = Counter()
    for t in terms:
        union.update(t)
    best = max(range(len(members)), key=lambda i: _own_key(members[i], sum(union[t] - 1 for t in terms[i])))
    return members[best]


def _most_reported(day_dates: dict[str, int]) -> str:
    """The date most reports give (ties: the earliest)."""
    return min(day_dates, key=lambda d: (-day_dates[d], d))


def _state(best: Member, day_dates: dict[str, int], background: bool, members: int) -> ClusterState:
    if day_dates:
        date, precision = _most_reported(day_dates), "day"
    else:
        date, precision = best.date, best.precision
    return ClusterState(date, precision, background, best.id, members, day_dates)


def choose(members: Sequence[Member]) -> ClusterState:
    """A cluster's state from all its members (headlines count for the date only when nothing else does)."""
    best = representative(members)
    reports = [m for m in members if not m.report] or members
    day_dates = dict(Counter(m.date for m in reports if m.precision == "day"))
    return _state(best, day_dates, all(m.background for m in members), len(members))


def join(state: ClusterState, current: Member, new: Member) -> ClusterState:
    """The state after `new` joins a large cluster whose representative is `current`."""
    day_dates = dict(state.day_dates)
    if not new.report and new.precision == "day":
        day_dates[new.date] = day_dates.get(new.date, 0) + 1
    best = new if _own_key(new) > _own_key(current) else current
    return _state(best, day_dates, state.background and new.background, state.members + 1)


# --- storage ---------------------------------------------------------------------------------------


async def _fetchall(db: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    async with db.execute(sql, params) as cur:
        return list(await cur.fetchall())


async def _load(db: aiosqlite.Connection, cluster_id: int) -> ClusterState | None:
    rows = await _fetchall(
        db,
        "SELECT date, precision, background, representative, members, day_dates FROM clusters WHERE id = ?",
        (cluster_id,),
    )
    if not rows:
        return None
    r = rows[0]
    return ClusterState(r[0], r[1], bool(r[2]), r[3], r[4], json.loads(r[5]))


async def _members(db: aiosqlite.Connection, cluster_id: int) -> list[Member]:
    rows = await _fetchall(db, f"SELECT {MEMBER_COLUMNS} FROM events WHERE cluster_id = ? ORDER BY id", (cluster_id,))
    return [Member.from_row(r) for r in rows]


async def _save(db: aiosqlite.Connection, cluster_id: int, state: ClusterState, before: ClusterState | None) -> None:
    await db.execute(
        "INSERT INTO clusters(id, date, precision, background, representative, members, day_dates)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET date = excluded.date,"
        " precision = excluded.precision, background = excluded.background,"
        " representative = excluded.representative, members = excluded.members, day_dates = excluded.day_dates",
        (
            cluster_id,
            state.date,
            state.precision,
            int(state.background),
            state.representative,
            state.members,
            json.dumps(state.day_dates, ensure_ascii=False),
        ),
    )
    if before is not None and (before.date, before.background) != (state.date, state.background):
        for table in ("cluster_actors", "cluster_topics"):
            await db.execute(
                f"UPDATE {table} SET date = ?, background = ? WHERE cluster_id = ?",
                (state.date, int(state.background), cluster_id),
            )


async def _add_filters(
    db: aiosqlite.Connection, cluster_id: int, state: ClusterState, actor_ids: Iterable[int], topics: Iterable[str]
) -> None:
    key = (int(state.background), state.date)
    await db.executemany(
        "INSERT OR IGNORE INTO cluster_actors(cluster_id, actor_id, background, date) VALUES (?, ?, ?, ?)",
        [(cluster_id, a, *key) for a in actor_ids],
    )
    await db.executemany(
        "INSERT OR IGNORE INTO cluster_topics(cluster_id, topic, background, date) VALUES (?, ?, ?, ?)",
        [(cluster_id, t, *key) for t in topics],
    )


async def add_member(
    db: aiosqlite.Connection, cluster_id: int, new: Member, actor_ids: Sequence[int], topics: Sequence[str]
) -> None:
    """Account for the just-inserted event `new` in its cluster (`cluster_id == new.id` starts one)."""
    before = await _load(db, cluster_id) if cluster_id != new.id else None
    if before is None:
        state = choose([new])
    elif before.members < EXACT_LIMIT:
        state = choose(await _members(db, cluster_id))
    else:
        rows = await _fetchall(db, f"SELECT {MEMBER_COLUMNS} FROM events WHERE id = ?", (before.representative,))
        state = join(before, Member.from_row(rows[0]), new) if rows else choose(await _members(db, cluster_id))
    await _save(db, cluster_id, state, before)
    await _add_filters(db, cluster_id, state, sorted(actor_ids), topics)


async def rebuild(db: aiosqlite.Connection, cluster_ids: Iterable[int]) -> None:
    """Recompute clusters from their stored members (after a removal, or to fill the tables); a cluster
    with no member left is deleted with its filter rows."""
    for cluster_id in cluster_ids:
        members = await _members(db, cluster_id)
        await db.execute("DELETE FROM clusters WHERE id = ?", (cluster_id,))
        if not members:
            continue
        state = choose(members)
        await _save(db, cluster_id, state, None)
        ids = ",".join(str(m.id) for m in members)
        actor_rows = await _fetchall(
            db, f"SELECT event_id, actor_id FROM event_actors WHERE event_id IN ({ids}) ORDER BY event_id, actor_id"
        )
        topic_rows = await _fetchall(db, f"SELECT topics FROM events WHERE id IN ({ids}) ORDER BY id")
        topics = [t for (raw,) in topic_rows for t in json.loads(raw)]
        await _add_filters(db, cluster_id, state, [a for _, a in actor_rows], topics)


async def rebuild_all(db: aiosqlite.Connection) -> None:
    rows = await _fetchall(db, "SELECT DISTINCT cluster_id FROM events ORDER BY cluster_id")
    await rebuild(db, [r[0] for r in rows])

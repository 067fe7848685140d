"""The timeline's reads: a query's index-ordered runs of cluster ids, their count, one page of them, and the
events of those clusters as a server sees them (what `bot/services/timeline.py` validates, this reads)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.models import TimelineEvent
from bot.store.clusters import choose
from bot.store.refs import SOURCE_COLUMNS, source_ref
from bot.store.store import Store
from bot.store.tenancy import actor_visible, cluster_visible, cluster_visible_parts, visible, visible_reports


class TimelineFilter(Protocol):
    """What a validated query says (`bot.services.timeline.TimelineQuery`): dates as ISO prefixes, the actor's
    canonical name, the topic's id, the order, and the server whose view it is (None: everything)."""

    since: str | None
    until: str | None
    actor: str | None
    topic: str | None
    latest_last: bool
    guild_id: int | None


# Member rows read per event on a page: enough for its source links, however often it was reported.
PAGE_SOURCES = 25


async def timeline_page(
    store: Store,
    q: TimelineFilter,
    *,
    limit: int | None = None,
    offset: int = 0,
    total: int | None = None,
    after: TimelineEvent | None = None,
    before: TimelineEvent | None = None,
) -> list[TimelineEvent]:
    """`limit` events of a validated query (all of them without `limit`): from `offset`, or (a keyset page,
    what a pager's Next and Previous ask) the `limit` events right after the event `after` or right before
    the event `before` — read from the index at that point, with no walk over the events in between.

    With `total` (what `count_timeline` said) a page past the middle is read from the end of the index
    backwards, so that the last page (the view that opens on the latest events, the pager's "Last") costs what
    the first does."""
    segments = _segments(store, q)
    if limit is not None and (after is not None or before is not None):
        ids = await _keyset_ids(store, segments, limit, after, before)
    elif limit is not None and total is not None and offset > total // 2:
        ids = await _ids_from_end(store, segments, limit, offset, total)
    else:
        ids = await _ids_from_start(store, segments, limit, offset)
    return await _events(store, ids, sources_limit=None if limit is None else PAGE_SOURCES, guild_id=q.guild_id)


async def _ids_from_start(store: Store, segments: list[_Segment], limit: int | None, offset: int) -> list[int]:
    ids: list[int] = []
    want = -1 if limit is None else limit
    skip = max(0, offset)
    for segment in segments:
        if want == 0:
            break
        rows = await store.fetchall(segment.select(ascending=True) + " LIMIT ? OFFSET ?", (*segment.params, want, skip))
        ids.extend(r["id"] for r in rows)
        if want > 0:
            want -= len(rows)
        if skip:  # what this segment did not hold is skipped in the next
            skip = max(0, skip - await _count(store, segment)) if not rows else 0
    return ids


async def _ids_from_end(store: Store, segments: list[_Segment], limit: int, offset: int, total: int) -> list[int]:
    """The page [offset, offset + limit) read backwards from the end: the segments last to first, each in
    descending order, skipping the `total - (offset + limit)` events after the page."""
    offset = min(max(0, offset), total)
    want = min(limit, total - offset)
    skip = max(0, total - offset - limit)
    ids: list[int] = []
    for segment in reversed(segments):
        if want <= 0:
            break
        rows = await store.fetchall(
            segment.select(ascending=False) + " LIMIT ? OFFSET ?", (*segment.params, want, skip)
        )
        ids.extend(r["id"] for r in rows)
        want -= len(rows)
        if skip:
            skip = max(0, skip - await _count(store, segment)) if not rows else 0
    return ids[::-1]


async def _keyset_ids(
    store: Store, segments: list[_Segment], limit: int, after: TimelineEvent | None, before: TimelineEvent | None
) -> list[int]:
    """The `limit` ids after `after` (or before `before`) in timeline order: from the segment that holds
    that event, past it in the index ((date, id) beyond the event's), then the next segments from their start."""
    anchor = after if after is not None else before
    assert anchor is not None and anchor.id is not None
    forward = after is not None
    home = next((i for i, s in enumerate(segments) if s.holds(anchor)), None)
    order = range(len(segments)) if forward else range(len(segments) - 1, -1, -1)
    ids: list[int] = []
    for i in order:
        if home is not None and (i < home if forward else i > home):
            continue
        want = limit - len(ids)
        if want <= 0:
            break
        segment = segments[i]
        if i == home:
            sql, params = segment.select_beyond(anchor, forward=forward), (*segment.params, anchor.date, anchor.id)
        else:
            sql, params = segment.select(ascending=forward), segment.params
        rows = await store.fetchall(sql + " LIMIT ?", (*params, want))
        ids.extend(r["id"] for r in rows)
    return ids if forward else ids[::-1]


async def count_timeline(store: Store, q: TimelineFilter) -> int:
    """How many events `timeline_page` pages through."""
    return sum([await _count(store, segment) for segment in _segments(store, q)])


@dataclass(slots=True)
class _Segment:
    """One index-ordered run of cluster ids; the timeline is their concatenation."""

    table: str
    id_col: str
    where: list[str]  # on `f`, the scope condition of a server's view excluded
    params: tuple  # the parameters of `where`, then of `scope`
    scope: str  # " AND …" a server's view adds ("" for the command line)
    guild_id: int | None  # whose view (None: the command line's)
    background: int
    since: tuple[str, Any] | None  # ("in", [coarse dates]) or ("from", date): which dates this run holds

    def select(self, *, ascending: bool) -> str:
        order = "" if ascending else " DESC"
        return (
            f"SELECT f.{self.id_col} AS id FROM {self.table} f WHERE {' AND '.join(self.where)}{self.scope}"
            f" ORDER BY f.date{order}, f.{self.id_col}{order}"
        )

    def select_beyond(self, anchor: TimelineEvent, *, forward: bool) -> str:
        """`select` past the anchor's (date, id) in the index's order: its parameters are `params`, then the
        anchor's date and id."""
        op = ">" if forward else "<"
        order = "" if forward else " DESC"
        return (
            f"SELECT f.{self.id_col} AS id FROM {self.table} f WHERE {' AND '.join(self.where)}{self.scope}"
            f" AND (f.date, f.{self.id_col}) {op} (?, ?) ORDER BY f.date{order}, f.{self.id_col}{order}"
        )

    def holds(self, event: TimelineEvent) -> bool:
        """Whether this run is the one an event of the query belongs to."""
        if int(event.background) != self.background:
            return False
        if self.since is None:
            return True
        kind, value = self.since
        return event.date in value if kind == "in" else event.date >= value


def _segments(store: Store, q: TimelineFilter) -> list[_Segment]:
    """Runs in timeline order: per background flag, dates coarser than `since` that still overlap it
    (「2025-03」 for since 2025-03-15), then the dates from `since` on. Each run is one index range."""
    if q.actor:
        actor = store.actors.resolve(q.actor)
        table, id_col, where, params = "cluster_actors", "cluster_id", ["f.actor_id = ?"], [actor.id if actor else 0]
        if q.topic:
            where.append("EXISTS (SELECT 1 FROM cluster_topics t WHERE t.cluster_id = f.cluster_id AND t.topic = ?)")
            params.append(q.topic)
    elif q.topic:
        table, id_col, where, params = "cluster_topics", "cluster_id", ["f.topic = ?"], [q.topic]
    else:
        table, id_col, where, params = "clusters", "id", [], []
    scoped, scope_params = cluster_visible("f", id_col, q.guild_id)
    if q.until:  # dates that start with `until` or sort before it ('2025-03' covers all of March)
        where.append("f.date < ?")
        params.append(q.until + "\x7f")
    ranges: list[tuple[str, list[Any], tuple[str, Any] | None]] = [("", [], None)]
    if q.since:
        coarse = [q.since[:n] for n in (4, 7) if len(q.since) > n]
        ranges = [
            *([(f"f.date IN ({','.join('?' * len(coarse))})", coarse, ("in", coarse))] if coarse else []),
            ("f.date >= ?", [q.since], ("from", q.since)),
        ]
    out = []
    for background in (1, 0) if q.latest_last else (0, 1):
        for cond, values, since in ranges:
            clauses = [*where, "f.background = ?", *([cond] if cond else [])]
            out.append(
                _Segment(
                    table,
                    id_col,
                    clauses,
                    (*params, background, *values, *scope_params),
                    scoped,
                    q.guild_id,
                    background,
                    since,
                )
            )
    return out


async def _count(store: Store, segment: _Segment) -> int:
    """How many ids a run holds. A server's count of the whole timeline (the clusters table) is the sum of the
    two parts of its view, each counted over its own range of the clusters_scope index (background, scope,
    date): no entry is tested against the server's condition, as the command line's count tests none."""
    where = " AND ".join(segment.where)
    if segment.guild_id is not None and segment.table == "clusters":
        own = segment.params[: len(segment.params) - 2]  # the run's parameters without the view's two
        parts = cluster_visible_parts("f", segment.id_col, segment.guild_id)
        sql = " + ".join(f"(SELECT count(*) FROM clusters f WHERE {where} AND {cond})" for cond, _ in parts)
        row = await store.fetchone(f"SELECT {sql} AS n", [v for _, part_params in parts for v in (*own, *part_params)])
    else:
        row = await store.fetchone(
            f"SELECT count(*) AS n FROM {segment.table} f WHERE {where}{segment.scope}", segment.params
        )
    return int(row["n"]) if row else 0


async def _events(
    store: Store, ids: Sequence[int], *, sources_limit: int | None, guild_id: int | None = None
) -> list[TimelineEvent]:
    """The events of these clusters, in this order; for a server, told by the reports it sees."""
    if not ids:
        return []
    scoped, scope_params = visible("d.guild_id", guild_id)
    actor_scope, actor_params = actor_visible("a", guild_id)
    first = f"SELECT * FROM ({_SOURCES_SQL} = ?{scoped} ORDER BY e.id LIMIT ?)"
    events: dict[int, TimelineEvent] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        retell: set[int] = set()
        # The chunk's reads do not depend on each other: asked at once (on PostgreSQL each on a pooled connection
        # of its own, so a page waits for one round trip instead of four), their rows applied in this order.
        reads = [
            store.fetchall(
                "SELECT c.id, c.date, c.precision, c.background, c.members, e.summary"
                + ("" if guild_id is None else VIEW_COLUMNS)
                + " FROM clusters c JOIN events e ON e.id = c.representative"
                + ("" if guild_id is None else VIEW_JOINS)
                + f" WHERE c.id IN ({marks})",
                (*chunk,) if guild_id is None else (guild_id, *chunk),
            ),
            store.fetchall(
                "SELECT ca.cluster_id, a.name FROM cluster_actors ca JOIN actors a ON a.id = ca.actor_id"
                f" WHERE ca.cluster_id IN ({marks}){actor_scope} ORDER BY ca.rowid",
                (*chunk, *actor_params),
            ),
            store.fetchall(
                f"SELECT cluster_id, topic FROM cluster_topics WHERE cluster_id IN ({marks}) ORDER BY rowid", chunk
            ),
        ]
        if sources_limit is None:
            reads.append(store.fetchall(_SOURCES_SQL + f" IN ({marks}){scoped} ORDER BY e.id", (*chunk, *scope_params)))
        else:  # each event's first sources, one statement per 100 events (not one per event)
            for j in range(0, len(chunk), 100):
                part = chunk[j : j + 100]
                reads.append(
                    store.fetchall(
                        " UNION ALL ".join([first] * len(part)),
                        [v for c in part for v in (c, *scope_params, sources_limit)],
                    )
                )
        heads, actor_rows, topic_rows, *source_rows = await asyncio.gather(*reads)
        for r in heads:
            events[r["id"]] = TimelineEvent(
                date=r["date"],
                precision=r["precision"],
                summary=r["summary"],
                actors=[],
                topics=[],
                sources=[],
                background=bool(r["background"]),
                id=r["id"],
                sources_total=r["members"],
            )
            if guild_id is not None and not _told_by_view(events[r["id"]], r, guild_id):
                retell.add(r["id"])
        for r in actor_rows:
            events[r["cluster_id"]].actors.append(r["name"])
        for r in topic_rows:
            events[r["cluster_id"]].topics.append(r["topic"])
        if retell:  # views counted from earlier data, without a representative: chosen again here
            await _retell(store, events, retell, guild_id or 0)
        for rows in source_rows:
            _add_sources(events, rows)
    out = [events[i] for i in ids if i in events]
    for ev in out:
        # Exact when every report was read; else the listed sources plus one per report not read.
        read = min(ev.sources_total, sources_limit) if sources_limit is not None else ev.sources_total
        ev.sources_total = len(ev.sources) + (ev.sources_total - read)
    return out


# A server's view of each cluster (bot/store/cluster_views.py), read with the cluster: the representative's
# server, the shared reports' count, the server's own, and the representative of what it sees.
VIEW_COLUMNS = (
    ", e.guild_id AS rep_guild, v0.reports AS shared_reports, vg.reports AS own_reports,"
    " vr.id AS view_rep, vr.summary AS view_summary"
)
VIEW_JOINS = (
    " LEFT JOIN cluster_views v0 ON v0.cluster_id = c.id AND v0.guild_id = 0"
    " LEFT JOIN cluster_views vg ON vg.cluster_id = c.id AND vg.guild_id = ?"
    " LEFT JOIN events vr ON vr.id = CASE WHEN vg.cluster_id IS NULL THEN v0.representative ELSE vg.representative END"
    " AND vr.cluster_id = c.id"  # a representative that left the cluster is chosen again
)


def _told_by_view(ev: TimelineEvent, row: Any, guild_id: int) -> bool:
    """Tell an event as the server sees it from its view row: its visible reports counted, and another
    representative's summary when the cluster's is another server's. False: the view has no representative
    yet (counted by the migration from earlier data), to be chosen again."""
    if row["shared_reports"] is None:  # only shared documents report it: everyone sees the same
        return True
    if int(row["rep_guild"]) not in (0, guild_id):
        if row["view_rep"] is None:
            return False
        ev.summary = row["view_summary"]
    ev.sources_total = int(row["shared_reports"]) + int(row["own_reports"] or 0)
    return True


async def _retell(store: Store, events: dict[int, TimelineEvent], cluster_ids: set[int], guild_id: int) -> None:
    """Events that documents hidden from the server also report: counted without those reports, and told
    by another representative, chosen among the visible reports, when theirs is hidden."""
    ids = sorted(cluster_ids & events.keys())
    if not ids:
        return
    reps = {
        int(r["id"]): int(r["representative"])
        for r in await store.fetchall(
            f"SELECT id, representative FROM clusters WHERE id IN ({','.join('?' * len(ids))})", ids
        )
    }
    for cluster_id, seen in (await visible_reports(store, reps, guild_id)).items():
        ev = events[cluster_id]
        ev.sources_total -= seen.hidden
        if seen.members:
            state = choose(seen.members)
            ev.summary = next(m.summary for m in seen.members if m.id == state.representative)


_SOURCES_SQL = (
    f"SELECT e.cluster_id, {SOURCE_COLUMNS}"
    " FROM events e JOIN passages p ON p.id = e.passage_id JOIN documents d ON d.id = e.document_id"
    " WHERE e.cluster_id"
)


def _add_sources(events: dict[int, TimelineEvent], rows: Sequence[Sequence[Any]]) -> None:
    seen = {(ev.id, s.document_id, s.url) for ev in events.values() for s in ev.sources}
    for r in rows:
        source = source_ref(r)
        if (r["cluster_id"], source.document_id, source.url) not in seen:
            seen.add((r["cluster_id"], source.document_id, source.url))
            events[r["cluster_id"]].sources.append(source)

"""/timeline: dated events, one entry per real event with all the sources that report it."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from bot.extract.dates import parse_date_arg
from bot.models import SourceRef, TimelineEvent
from bot.services.errors import QueryError
from bot.services.resolve import resolve_actor, resolve_topic
from bot.store import Store


@dataclass(slots=True)
class TimelineQuery:
    since: str | None = None
    until: str | None = None
    actor: str | None = None  # canonical name once resolved
    topic: str | None = None


def _date_arg(value: str | None, what: str) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        iso, _ = parse_date_arg(value.strip())
    except ValueError as e:
        raise QueryError(f"The {what} date {value!r} is not a date: {e} Use YYYY-MM-DD, YYYY-MM or YYYY.") from None
    return iso


async def validate_timeline_query(
    store: Store,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    topic: str | None = None,
) -> TimelineQuery:
    q = TimelineQuery(_date_arg(since, "since"), _date_arg(until, "until"))
    if q.since and q.until and q.since[: len(q.until)] > q.until:
        raise QueryError(f"The range is empty: since {q.since} is after until {q.until}.")
    if actor and actor.strip():
        q.actor = resolve_actor(store, actor).name
    if topic and topic.strip():
        q.topic = resolve_topic(topic)
    return q


async def timeline(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    topic: str | None = None,
) -> list[TimelineEvent]:
    """Events in date order (background dates last), filtered by date range, actor and topic."""
    q = await validate_timeline_query(store, since, until, actor, topic)
    where, params = ["1"], []
    if q.since:
        where.append("e.date >= ?")
        params.append(q.since)
    if q.until:  # dates that start with `until` or sort before it ('2025-03' covers all of March); index-friendly
        where.append("e.date < ?")
        params.append(q.until + "\x7f")
    if q.actor:
        where.append(
            "e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE a.name = ?)"
        )
        params.append(q.actor)
    if q.topic:
        where.append("EXISTS (SELECT 1 FROM json_each(e.topics) WHERE value = ?)")
        params.append(q.topic)
    cluster_rows = await store.fetchall(
        f"SELECT DISTINCT e.cluster_id FROM events e WHERE {' AND '.join(where)}", params
    )
    clusters = [r[0] for r in cluster_rows]
    if not clusters:
        return []
    members = []
    for i in range(0, len(clusters), 500):
        chunk = clusters[i : i + 500]
        marks = ",".join("?" * len(chunk))
        members.extend(
            await store.fetchall(
                "SELECT e.id, e.cluster_id, e.date, e.precision, e.summary, e.background, e.topics, e.weight, e.features,"
                " p.url, p.outlet, d.id, d.name, d.title, d.url, d.outlet,"
                " (SELECT group_concat(a.name, char(31)) FROM event_actors ea JOIN actors a ON a.id = ea.actor_id"
                "  WHERE ea.event_id = e.id)"
                " FROM events e JOIN passages p ON p.id = e.passage_id JOIN documents d ON d.id = e.document_id"
                f" WHERE e.cluster_id IN ({marks}) ORDER BY e.id",
                chunk,
            )
        )
    grouped: dict[int, list] = defaultdict(list)
    for row in members:
        grouped[row[1]].append(row)
    events = [_merge(rows) for rows in grouped.values()]
    if q.since or q.until:  # a cluster's chosen date may fall outside the range its members matched
        events = [
            e
            for e in events
            if (not q.since or e.date >= q.since[: len(e.date)]) and (not q.until or e.date[: len(q.until)] <= q.until)
        ]
    events.sort(key=lambda e: (e.background, e.date, e.id))
    return events


def _representative(rows: list) -> tuple:
    """The member that says most of what the cluster's reports say (then: day precision, prose, whole)."""
    feats = [json.loads(r[8]) for r in rows]
    tokens = [set(f.get("tokens", [])) | {f"@{p}" for p in f.get("persons", [])} for f in feats]
    union: dict[str, int] = defaultdict(int)
    for t in tokens:
        for tok in t:
            union[tok] += 1

    def key(i: int) -> tuple:
        r = rows[i]
        shared = sum(union[t] - 1 for t in tokens[i])
        named = 2 * len(feats[i].get("persons", []))  # who did it is the most informative part
        return (
            not feats[i].get("report"),
            r[3] == "day",
            shared + len(tokens[i]) + named,
            r[7],
            not r[4].endswith("…"),
            -r[0],
        )

    return rows[max(range(len(rows)), key=key)]


def _merge(rows: list) -> TimelineEvent:
    best = _representative(rows)
    reports = [r for r in rows if not json.loads(r[8]).get("report")] or rows
    day_dates = [r[2] for r in reports if r[3] == "day"]
    date = max(set(day_dates), key=day_dates.count) if day_dates else best[2]
    precision = "day" if day_dates else best[3]
    actors: dict[str, None] = {}
    topics: dict[str, None] = {}
    sources: dict[tuple, SourceRef] = {}
    for r in rows:
        for name in (r[16] or "").split("\x1f"):
            if name:
                actors.setdefault(name, None)
        for t in json.loads(r[6]):
            topics.setdefault(t, None)
        url = r[9] or r[14]
        key = (r[11], url)
        if key not in sources:
            sources[key] = SourceRef(document=r[12], url=url, outlet=r[10] or r[15], document_id=r[11], title=r[13])
    return TimelineEvent(
        date=date,
        precision=precision,
        summary=best[4],
        actors=list(actors),
        topics=list(topics),
        sources=list(sources.values()),
        background=all(bool(r[5]) for r in rows),
        id=best[1],
    )

"""/stance: what an actor said or did, by topic, with position, date and source, and how it changed."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import cast

from bot.extract.actors import ActorEntry
from bot.models import ActorInfo, Position, SourceRef, StanceReport, Statement, TopicStance
from bot.services.resolve import resolve_actor, resolve_topic
from bot.store import Store


def actor_info(actor: ActorEntry, statements: int = 0) -> ActorInfo:
    return ActorInfo(
        id=actor.id,
        name=actor.name,
        name_en=actor.name_en,
        kind=actor.kind,
        aliases=list(actor.aliases),
        description=actor.description,
        statements=statements,
    )


async def stance(store: Store, actor: str, *, topic: str | None = None) -> StanceReport:
    """Statements of one actor (newest first) and, per topic, the latest position and its history."""
    entry = resolve_actor(store, actor)
    topic_id = resolve_topic(topic) if topic and topic.strip() else None
    sql = (
        "SELECT s.id, s.topic, s.position, s.text, s.date, s.kind, s.passage_id,"
        " p.url, p.outlet, d.id, d.name, d.title, d.url, d.outlet, d.published"
        " FROM statements s JOIN passages p ON p.id = s.passage_id JOIN documents d ON d.id = s.document_id"
        " WHERE s.actor_id = ?"
        + (" AND s.topic = ?" if topic_id else "")
        + " ORDER BY coalesce(s.date, d.published, '') DESC, s.id DESC"
    )
    rows = await store.fetchall(sql, (entry.id, topic_id) if topic_id else (entry.id,))
    statements = [
        Statement(
            actor=entry.name,
            topic=r[1],
            position=r[2],
            text=r[3],
            date=r[4] or r[14],
            kind=r[5],
            passage_id=r[6],
            id=r[0],
            sources=[
                SourceRef(
                    document=r[10],
                    url=r[7] or r[12],
                    outlet=r[8] or r[13],
                    document_id=r[9],
                    title=r[11],
                    date=r[4] or r[14],
                )
            ],
        )
        for r in rows
    ]
    return StanceReport(actor=actor_info(entry, len(statements)), topics=summarize(statements), statements=statements)


def summarize(statements: list[Statement]) -> list[TopicStance]:
    """Per topic: the latest position taken (neutral only when nothing else was said), and whether it shifted."""
    by_topic: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        by_topic[s.topic].append(s)
    out = []
    for topic, items in by_topic.items():
        history = sorted(((s.date, s.position) for s in items), key=lambda h: (h[0] or "", h[1]))
        taken = [h for h in history if h[1] != "neutral"]
        latest_date, latest = (taken or history)[-1]
        shifts = [p for _, p in taken]
        changed = any(a != b for a, b in itertools.pairwise(shifts))
        out.append(
            TopicStance(
                topic=topic,
                latest=cast(Position, latest),
                latest_date=latest_date,
                statements=len(items),
                changed=changed,
                history=history,
            )
        )
    out.sort(key=lambda t: (t.latest_date or "", t.statements), reverse=True)
    return out


async def list_actors(store: Store) -> list[ActorInfo]:
    """Known actors with aliases and statement counts, most quoted first."""
    counts = dict(await store.fetchall("SELECT actor_id, count(*) FROM statements GROUP BY actor_id"))
    actors = [actor_info(a, counts.get(a.id, 0)) for a in store.actors.actors.values()]
    actors.sort(key=lambda a: (-a.statements, a.name))
    return actors


async def suggest_actors(store: Store, text: str, limit: int = 25) -> list[ActorInfo]:
    """Autocomplete: actors matching what was typed (aliases, spelling variants, typos), best first."""
    text = (text or "").strip()[:100]
    if not text:
        return (await list_actors(store))[:limit]
    exact = store.actors.resolve(text)
    ranked = [a for a, _ in store.actors.fuzzy(text, limit=limit, cutoff=50)]
    if exact:
        ranked = [exact, *(a for a in ranked if a.id != exact.id)]
    return [actor_info(a) for a in ranked[:limit]]

"""The stance reads: an actor's statements per day and position (kept at write time in `stance_days`), one
page of its statements newest first, and every actor's statement count; for a server, its documents' and the
shared ones'."""

from __future__ import annotations

from typing import Any

from bot.actors import ActorEntry
from bot.models import Statement
from bot.store.refs import SOURCE_COLUMNS, source_ref
from bot.store.store import Store
from bot.store.tenancy import visible


def _filter(actor_id: int, topic_id: str | None, guild_id: int | None) -> tuple[str, tuple]:
    scoped, scope_params = visible("guild_id", guild_id)
    by_topic = (" AND topic = ?" if topic_id else "") + scoped
    return by_topic, ((actor_id, topic_id) if topic_id else (actor_id,)) + scope_params


async def stance_days(
    store: Store, actor_id: int, topic_id: str | None, guild_id: int | None
) -> list[tuple[str, str | None, str, int]]:
    """(topic, date, position, statements) in topic and date order: what `summarize` reads."""
    by_topic, params = _filter(actor_id, topic_id, guild_id)
    return [
        (r["topic"], r["date"], r["position"], r["n"])
        for r in await store.fetchall(
            f"SELECT topic, date, position, sum(n) AS n FROM stance_days WHERE actor_id = ?{by_topic}"
            " GROUP BY topic, date, position ORDER BY topic, date, position",
            params,
        )
    ]


async def statements_page(
    store: Store,
    entry: ActorEntry,
    topic_id: str | None,
    guild_id: int | None,
    *,
    total: int,
    limit: int | None,
    offset: int,
) -> list[Statement]:
    """`limit` of the actor's `total` statements from `offset` (all without `limit`), newest first."""
    by_topic, params = _filter(entry.id, topic_id, guild_id)
    rows = await store.fetchall(
        "SELECT s.id, s.topic, s.position, s.text, s.date, s.kind, s.passage_id,"
        f" {SOURCE_COLUMNS}, d.published AS src_published"
        " FROM statements s JOIN passages p ON p.id = s.passage_id JOIN documents d ON d.id = s.document_id"
        f" WHERE s.id IN ({_page_ids(by_topic, total, limit, offset)}) ORDER BY s.sort_date DESC, s.id DESC",
        (*params, *_page_params(total, limit, offset)),
    )
    return [_statement(entry.name, r) for r in rows]


async def statement_counts(store: Store, guild_id: int | None) -> dict[int, int]:
    """Actor id → its statements (a server's: those of its documents and the shared ones)."""
    scoped, scope_params = visible("guild_id", guild_id)
    return {
        r["actor_id"]: r["n"]
        for r in await store.fetchall(
            f"SELECT actor_id, sum(n) AS n FROM stance_days WHERE 1 = 1{scoped} GROUP BY actor_id", scope_params
        )
    }


def _page_ids(by_topic: str, total: int, limit: int | None, offset: int) -> str:
    """Ids of one page, newest first, from the index alone. A page past the middle is counted from the
    oldest end, so that the last page (the pager's "Last" button) costs what the first does."""
    from_end = limit is not None and offset > total // 2
    order = "sort_date ASC, id ASC" if from_end else "sort_date DESC, id DESC"
    return f"SELECT id FROM statements WHERE actor_id = ?{by_topic} ORDER BY {order} LIMIT ? OFFSET ?"


def _page_params(total: int, limit: int | None, offset: int) -> tuple[int, int]:
    offset = max(0, offset)
    if limit is None:
        return -1, offset
    if offset > total // 2:
        end = min(total, offset + limit)
        return max(0, end - offset), total - end
    return limit, offset


def _statement(actor: str, r: Any) -> Statement:
    date = r["date"] or r["src_published"]
    return Statement(
        actor=actor,
        topic=r["topic"],
        position=r["position"],
        text=r["text"],
        date=date,
        kind=r["kind"],
        passage_id=r["passage_id"],
        id=r["id"],
        sources=[source_ref(r, date)],
    )

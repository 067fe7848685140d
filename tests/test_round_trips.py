"""Statements per answer: on PostgreSQL each is a round trip through the pool (a few ms each on a loaded machine),
so an answer reads a stage's rows in one statement, never one statement per row of the page."""

from __future__ import annotations

from typing import Any

from bot.services.timeline import timeline_page, validate_timeline_query
from bot.store import Store


def counting(store: Store, monkeypatch: Any) -> list[str]:
    """The statements the store reads from now on (fetchall and fetchone), in order."""
    seen: list[str] = []
    for name in ("fetchall", "fetchone"):
        original = getattr(store, name)

        async def counted(sql: str, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
            seen.append(sql)
            return await _original(sql, *args, **kwargs)

        monkeypatch.setattr(store, name, counted)
    return seen


async def test_a_timeline_page_reads_its_events_sources_in_one_statement(store: Store, monkeypatch) -> None:
    q = await validate_timeline_query(store)
    statements = counting(store, monkeypatch)
    page = await timeline_page(store, q, limit=10)
    assert len(page) == 10 and all(ev.sources for ev in page)
    sources = [s for s in statements if "src_passage_url" in s]
    assert len(sources) == 1, f"{len(sources)} statements for the sources of 10 events"
    assert len(statements) <= 7, statements

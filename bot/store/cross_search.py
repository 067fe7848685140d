"""Candidate passages for a quote typed in the other language (`bot/services/quote_cross.py`): the passages that
hold two of its concepts, each concept any of its words. Both backends answer the same FTS5 text (PostgreSQL
through `bot/store/tsquery.py`)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bot.store.search import fts_string, matching_hits
from bot.store.store import Store

MAX_GROUP_TERMS = 24  # words of one concept a query names (its likeliest: the caller orders them)


def _any_of(terms: Sequence[str]) -> str:
    """One concept: any of its words (a word of several index tokens is a phrase)."""
    parts = [fts_string(t) for t in list(dict.fromkeys(terms))[:MAX_GROUP_TERMS] if t.strip()]
    return "(" + " OR ".join(parts) + ")" if len(parts) > 1 else parts[0] if parts else ""


def concept_pairs_query(groups: Sequence[Sequence[str]]) -> str:
    """An FTS5 query for the passages holding any two of the concept groups (one group alone when only one)."""
    parts = [p for p in (_any_of(g) for g in groups) if p]
    if len(parts) == 1:
        return parts[0]
    return " OR ".join(f"({a} AND {b})" for a, b in itertools.combinations(parts, 2))


async def holding_two_concepts(
    store: Store, groups: Sequence[Sequence[str]], limit: int = 100, *, guild_id: int | None = None
) -> list[int]:
    """Passage ids holding any two of the concepts (each a list of index terms or phrases), at most `limit`, in
    rowid order; with `guild_id` only what that server sees."""
    query = concept_pairs_query(groups)
    return await matching_hits(store, query, limit, guild_id) if query else []

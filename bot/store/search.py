"""Full-text candidate retrieval over passages.

User text never reaches FTS5's query parser as syntax: every token is a quoted string, so
`"`, AND, NEAR(, *, ^ and parentheses are just characters.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from bot.store.store import Store

MAX_TERMS = 24


def fts_string(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


@dataclass(slots=True)
class PassageRow:
    id: int
    document_id: int
    kind: str
    text: str
    url: str | None
    outlet: str | None
    date: str | None
    default_speaker: str | None
    heading: str | None
    doc_name: str
    doc_title: str
    doc_url: str | None
    doc_outlet: str | None
    doc_published: str | None


async def term_frequencies(store: Store, terms: list[str]) -> dict[str, int]:
    """How many passages hold each term (0 for a term the corpus never uses: a typo, usually)."""
    out = dict.fromkeys(terms, 0)
    if not terms:
        return out
    marks = ",".join("?" * len(terms))
    for term, doc in await store.fetchall(f"SELECT term, doc FROM term_df WHERE term IN ({marks})", terms):
        out[term] = int(doc)
    return out


async def candidate_ids(store: Store, tokens: list[tuple[str, bool]], limit: int = 200) -> list[int]:
    """Passage ids worth reranking for a quote, best first.

    1. the whole token sequence as a phrase (an exact quote);
    2. every known content word (AND): reordered clauses, other spacing;
    3. pairs of the rarest content words (OR of ANDs, bm25): typos and partial recall, without
       scoring every passage that holds any one common word.
    Terms no passage holds are dropped first, so a typo does not sink the AND.
    """
    seq = [t for t, _ in tokens][:MAX_TERMS]
    if not seq:
        return []
    content = list(dict.fromkeys(t for t, c in tokens if c)) or list(dict.fromkeys(seq))
    df = await term_frequencies(store, list(dict.fromkeys(seq)))
    found: dict[int, None] = {}

    async def run(match: str, ranked: bool) -> None:
        order = " ORDER BY rank" if ranked else ""
        rows = await store.fetchall(
            f"SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?{order} LIMIT ?", (match, limit)
        )
        for (rowid,) in rows:
            found.setdefault(rowid, None)

    if all(df.get(t, 0) for t in seq) and len(seq) > 1:
        await run(fts_string(" ".join(seq)), ranked=False)
    known = [t for t in content if df.get(t, 0)]
    if known and len(found) < limit:
        await run(" AND ".join(fts_string(t) for t in known[:MAX_TERMS]), ranked=True)
    if known and len(found) < limit // 4:
        rarest = sorted(known, key=lambda t: df[t])[:4]
        if len(rarest) == 1:
            await run(fts_string(rarest[0]), ranked=True)
        else:
            pairs = [f"({fts_string(a)} AND {fts_string(b)})" for a, b in itertools.combinations(rarest, 2)]
            await run(" OR ".join(pairs), ranked=True)
    return list(found)[:limit]


async def fetch_passages(store: Store, ids: list[int]) -> list[PassageRow]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = await store.fetchall(
        "SELECT p.id, p.document_id, p.kind, p.text, p.url, p.outlet, p.date, p.default_speaker, p.heading,"
        " d.name, d.title, d.url, d.outlet, d.published"
        f" FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id IN ({marks})",
        ids,
    )
    by_id = {r[0]: PassageRow(*r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


async def item_context(store: Store, row: PassageRow, max_chars: int = 20000) -> str:
    """The text of the item (same heading) or, for articles without items, the document around a passage."""
    rows = await store.fetchall(
        "SELECT text FROM passages WHERE document_id = ? AND heading IS ? ORDER BY seq", (row.document_id, row.heading)
    )
    return "\n".join(r[0] for r in rows)[:max_chars]

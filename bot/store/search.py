"""Full-text candidate retrieval over passages.

User text never reaches FTS5's query parser as syntax: every token is a quoted string, so
`"`, AND, NEAR(, *, ^ and parentheses are just characters.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from bot.store.store import Store

MAX_TERMS = 24
RAREST = 3  # content words a candidate query uses: the rarest select about as well as all, and read far less
# Passages a NEAR or phrase is checked on: the first (lowest rowids) that hold all its words (Store.near_matches).
# PostgreSQL's index has no positions, so each row it checks is read from the table; without this bound a NEAR of
# common words read every passage holding them (8,526 rows, 0.47 s at 22.5k articles) and grew with the store.
# Both backends check the same passages, so their answers stay identical; under the bound (every store the
# evaluation uses) nothing changes.
NEAR_ROWS = 1_000


def fts_string(token: str) -> str:
    """The token as an FTS5 string: quotes doubled; NUL dropped (FTS5 reads it as the end of the query)."""
    return '"' + token.replace("\x00", "").replace('"', '""') + '"'


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


# Within one answer (`one_answer`): the passages' count of each store read so far, by the store's id.
_COUNTED: ContextVar[dict[int, int] | None] = ContextVar("newsdesk_passages_counted", default=None)
# Within one answer: each full-text read's ids so far, by (store id, query, limit, server).
_MATCHED: ContextVar[dict[tuple[int, str, int, int | None], list[int]] | None] = ContextVar(
    "newsdesk_matched", default=None
)
# Within one answer: the passages' indexed tokens read so far, by (store id, passage id).
_TOKENS: ContextVar[dict[tuple[int, int], str | None] | None] = ContextVar("newsdesk_tokens", default=None)


@contextlib.contextmanager
def one_answer() -> Iterator[None]:
    """Within it, `passage_count` reads the count once per store: an answer's stages (a quote's second opinion,
    gist and other language) weigh words against the same count, and each read was a round trip. And `matching_hits`
    reads a query once: an absent quote's candidates end with any two of its three rarest words, and its gist
    often looks up the same pairs (`sharing_rare_words`), 3-6 ms of the server's CPU at 100k articles. And
    `passage_token_texts` reads a passage's tokens once: the second opinion's misses are the gist's candidates."""
    token = _COUNTED.set({})
    matched = _MATCHED.set({})
    tokens = _TOKENS.set({})
    try:
        yield
    finally:
        _TOKENS.reset(tokens)
        _MATCHED.reset(matched)
        _COUNTED.reset(token)


async def passage_count(store: Store) -> int:
    """The highest passage id: how many passages a term's rarity is weighed against."""
    counted = _COUNTED.get()
    if counted is not None and id(store) in counted:
        return counted[id(store)]
    row = await store.fetchone("SELECT coalesce(max(id), 0) AS n FROM passages")
    n = int(row["n"]) if row else 0
    if counted is not None:
        counted[id(store)] = n
    return n


async def passage_tokens(store: Store, ids: list[int]) -> dict[int, set[str]]:
    """Passage id → the words indexed for it (its normalized tokens)."""
    return {pid: set(tokens.split()) for pid, tokens in (await passage_token_texts(store, ids)).items()}


async def passage_token_texts(store: Store, ids: list[int]) -> dict[int, str]:
    """Passage id → its tokens as the full-text index holds them, space-joined (`index_tokens` of its text)."""
    if not ids:
        return {}
    held = _TOKENS.get()
    if held is None:
        return await _token_texts(store, ids)
    wanted = [i for i in dict.fromkeys(ids) if (id(store), i) not in held]
    if wanted:
        read = await _token_texts(store, wanted)
        held.update(((id(store), i), read.get(i)) for i in wanted)  # None: no such passage (asked again: not read)
    return {i: text for i in ids if (text := held[(id(store), i)]) is not None}


async def _token_texts(store: Store, ids: list[int]) -> dict[int, str]:
    marks = ",".join("?" * len(ids))
    rows = await store.fetchall(f"SELECT {store.TOKEN_TEXTS} WHERE rowid IN ({marks})", ids)
    return {r["rowid"]: r["tokens"] for r in rows}


async def matching_hits(
    store: Store, match: str, limit: int, guild_id: int | None = None, cost: tuple[int, int] | None = None
) -> list[int]:
    """Passage ids for an FTS5 query in rowid order, at most `limit`: FTS5 stops there. With `guild_id`,
    only passages of that server's documents and the shared ones (each match's document read by its key).
    `cost`: what an OR of pairs costs (`_pairs_cost`), when known (PostgreSQL chooses its read by it)."""
    matched = _MATCHED.get()
    key = (id(store), match, limit, guild_id)
    if matched is not None and key in matched:
        return list(matched[key])
    join, scoped, params = store.passage_scope(guild_id)
    reads, holders = cost or (0, 0)
    found = await store.first_matching(match, limit, join, scoped, params, reads=reads, holders=holders)
    if matched is not None:
        matched[key] = list(found)
    return found


def _rarest(words: list[str], df: dict[str, int], n: int = RAREST) -> list[str]:
    """The `n` rarest of the words some passage holds."""
    return sorted((w for w in dict.fromkeys(words) if df[w]), key=lambda w: df[w])[:n]


def _all_of(words: list[str]) -> str:
    return " AND ".join(fts_string(w) for w in words)


def _any_two_of(words: list[str]) -> str:
    if len(words) == 1:
        return fts_string(words[0])
    return _any_pair_of(itertools.combinations(words, 2))


def _any_pair_of(pairs: Iterable[tuple[str, str]]) -> str:
    return " OR ".join(f"({fts_string(a)} AND {fts_string(b)})" for a, b in pairs)


def _pairs_cost(words: list[str], df: dict[str, int], pairs: list[tuple[str, str]] | None = None) -> tuple[int, int]:
    """(the postings an inverted index reads for any of the pairs of `words` (all pairs when `pairs` is None), at
    most how many passages hold one of them), from each word's `term_frequencies`. The index reads every posting of
    the rarest words until the rest hold no pair (a match must hold one of those: GIN's fast scan skips through the
    others' postings); a pair's holders are at most its rarer word's."""
    pairs = list(itertools.combinations(words, 2)) if pairs is None else pairs
    if not pairs:
        return (df.get(words[0], 0),) * 2 if words else (0, 0)
    ranked = sorted({w for pair in pairs for w in pair}, key=lambda w: df.get(w, 0))
    reads = 0
    for i, word in enumerate(ranked):
        reads += df.get(word, 0)
        rest = set(ranked[i + 1 :])
        if not any(a in rest and b in rest for a, b in pairs):
            break
    return reads, sum(min(df.get(a, 0), df.get(b, 0)) for a, b in pairs)


def _span(tokens: list[tuple[str, bool]], df: dict[str, int]) -> tuple[str, list[str]] | None:
    """An FTS5 query for passages that hold a run of the quote's tokens, with words every passage it matches
    holds (at most RAREST: what its passages are first looked up by); None when there is none.

    With two or more known content words: the rarest of them within the run's length of each other
    (NEAR). Not a phrase: that also pins the particles, whose doclists span most of the corpus, and a
    phrase no passage holds (one wrong particle) reads them through to the end.
    """
    words = _rarest([t for t, content in tokens if content], df)
    if len(words) >= 2:
        return f"NEAR({' '.join(fts_string(w) for w in words)}, {len(tokens)})", words
    if len(tokens) >= 2 and all(df[t] for t, _ in tokens):
        return fts_string(" ".join(t for t, _ in tokens)), _rarest([t for t, _ in tokens], df)
    return None


async def _span_matches(
    store: Store, span: tuple[str, list[str]], limit: int, guild_id: int | None, df: dict[str, int] | None = None
) -> list[int]:
    """The passages matching the span's query among the first NEAR_ROWS holding its words, at most `limit`.
    `df`: the words' `term_frequencies` when known (PostgreSQL chooses its read by the rarest's)."""
    query, words = span
    join, scoped, params = store.passage_scope(guild_id)
    held = min((df.get(w, 0) for w in words), default=0) if df else 0
    return await store.near_matches(query, _all_of(words), NEAR_ROWS, limit, join, scoped, params, held)


def _without_fragments(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The tokens without a one-character first or last token (but never none).

    A quote cut mid-word starts or ends with a fragment, and a one-character fragment is often a
    word of its own (国 of 米国, 部 of 一部) that the passages holding the quote need not hold.
    """
    start = 1 if len(tokens) > 1 and len(tokens[0][0]) == 1 else 0
    end = len(tokens) - 1 if len(tokens) - start > 1 and len(tokens[-1][0]) == 1 else len(tokens)
    return tokens[start:end]


def _inner_halves(tokens: list[tuple[str, bool]]) -> list[list[tuple[str, bool]]]:
    """The two halves of the quote without its first and last token, each of two tokens or more.

    A quote cut mid-word starts or ends with a token the stored text splits otherwise, and a typo
    spoils one half only.
    """
    inner = tokens[1:-1]
    half = len(inner) // 2
    return [inner[:half], inner[half:]] if half >= 2 else []


async def candidate_ids(
    store: Store, tokens: list[tuple[str, bool]], limit: int = 100, *, guild_id: int | None = None
) -> list[int]:
    """Passage ids worth reranking for a quote, at most `limit`, the likeliest first.

    No query is ranked: bm25 would score every passage that matches, and most passages hold the
    common words, so the time would grow with the corpus. Unranked, each query stops at its limit.
    1. the passages that hold the quote's rarest content words (AND): all of them when there are
       `limit` or fewer (an exact quote is among them), else those holding the words close together
       (looked for among the first NEAR_ROWS holding them: the same bound on both backends);
    2. too few yet: the same for each inner half of the quote (a typo, a word cut at the quote's
       edges), then the first passages that hold the rarest words;
    3. still too few: any two of the rarest words (OR of ANDs): partial recall.
    One-character fragments at the quote's edges and terms no passage holds are dropped first, so
    a cut word or a typo does not sink the AND. With `guild_id`, only what that server sees.
    """
    tokens = _without_fragments(tokens[:MAX_TERMS])
    if not tokens:
        return []
    seq = [t for t, _ in tokens]
    df = await term_frequencies(store, list(dict.fromkeys(seq)))
    rarest = _rarest([t for t, content in tokens if content] or seq, df)
    enough = max(1, limit // 4)
    found: dict[int, None] = {}

    def add(ids: list[int]) -> None:
        found.update(dict.fromkeys(ids))

    whole = _span(tokens, df)
    if rarest and whole is not None and whole[1] == rarest:  # the NEAR's words are the rarest: read them once
        join, scoped, params = store.passage_scope(guild_id)
        holding, near = await store.holders_and_near(
            _all_of(rarest), limit + 1, whole[0], NEAR_ROWS, limit, join, scoped, params, held=df[rarest[0]]
        )
    else:
        holding = await matching_hits(store, _all_of(rarest), limit + 1, guild_id) if rarest else []
        near = await _span_matches(store, whole, limit, guild_id, df) if whole and len(holding) > limit else []
    add(holding if len(holding) <= limit else near)
    if len(found) < enough:
        for half in _inner_halves(tokens):
            if part := _span(half, df):
                add(await _span_matches(store, part, max(1, limit // 2), guild_id, df))
        add(holding[:limit])
    if rarest and len(found) < enough:
        add(await matching_hits(store, _any_two_of(rarest), limit, guild_id, _pairs_cost(rarest, df)))
    return list(found)[:limit]


async def sharing_rare_words(
    store: Store,
    words: list[str],
    df: dict[str, int],
    limit: int = 100,
    *,
    guild_id: int | None = None,
    rarest: int = RAREST,
) -> list[int]:
    """Passage ids that hold two of the words' `rarest` rarest (the one, when only one is held), at most `limit`:
    where a reworded quote may be, and the passages its gist is weighed against. `df`: the words'
    `term_frequencies`. The pairs of the RAREST rarest are looked up first, the pairs with a less rare word only
    for the room left: FTS5 stops at `limit` in rowid order, so a wider first query would crowd out the
    passages the narrow one finds."""
    ranked = _rarest(words, df, max(rarest, 1))
    if not ranked:
        return []
    found = await matching_hits(store, _any_two_of(ranked[:RAREST]), limit, guild_id, _pairs_cost(ranked[:RAREST], df))
    later = [(a, b) for i, b in enumerate(ranked) if i >= RAREST for a in ranked[:i]]
    if later and len(found) < limit:
        seen = set(found)
        more = await matching_hits(store, _any_pair_of(later), limit, guild_id, _pairs_cost(ranked, df, later))
        found += [i for i in more if i not in seen][: limit - len(found)]
    return found


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


async def passages_of_documents(store: Store, name_part: str) -> dict[int, str]:
    """Passage id → text of every document whose name holds `name_part` (the evaluation tools' gold documents)."""
    rows = await store.fetchall(
        "SELECT p.id AS id, p.text AS text FROM passages p JOIN documents d ON d.id = p.document_id"
        " WHERE d.name LIKE ?",
        (f"%{name_part}%",),
    )
    return {r["id"]: r["text"] for r in rows}


async def item_contexts(
    store: Store, rows: list[PassageRow], max_chars: int = 20000
) -> dict[tuple[int, str | None], str]:
    """For each (document, heading) of rows, in one query: the text of the item (same heading) or,
    for articles without items, of the document."""
    keys = list(dict.fromkeys((r.document_id, r.heading) for r in rows))
    if not keys:
        return {}
    values = ",".join("(?, ?)" for _ in keys)
    texts = await store.fetchall(
        f"WITH item(document_id, heading) AS (VALUES {values})"
        " SELECT p.document_id, p.heading, p.text FROM item"
        " JOIN passages p ON p.document_id = item.document_id AND p.heading IS item.heading"
        " ORDER BY p.document_id, p.seq",
        [v for key in keys for v in key],
    )
    parts: dict[tuple[int, str | None], list[str]] = {key: [] for key in keys}
    for document_id, heading, text in texts:
        parts[(document_id, heading)].append(text)
    return {key: "\n".join(p)[:max_chars] for key, p in parts.items()}

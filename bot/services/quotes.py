"""/quote: the passage, speaker, date and original outlet behind a quote as a person remembers it."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.extract.speakers import attribute
from bot.models import QuoteMatch, SourceRef
from bot.services.errors import QueryError
from bot.store import Store
from bot.store.search import PassageRow, candidate_ids, fetch_passages, item_context
from bot.text import normalize, normalize_with_map, query_tokens, to_source_span

MAX_QUERY_CHARS = 1000
MIN_SCORE = 80.0  # below this a match is a guess, and a guess is not an answer
COVERAGE_FULL = 0.75  # share of the query's content words a passage must hold to keep its full score
_CLAUSE_SPLIT = re.compile(r"[、。，,．.！!？?「」『』()（）\s・…:：;；]+")
_KIND_RANK = {"prose": 0, "bullet": 0, "label": 0, "heading": 1, "caption": 2}


def _clauses(query: str) -> list[str]:
    parts = [normalize(p) for p in _CLAUSE_SPLIT.split(query)]
    return [p for p in parts if len(p) >= 2]


def _score(qnorm: str, clauses: list[str], pnorm: str) -> tuple[float, int, int]:
    """Score 0–100 and the matched span in pnorm (start, end)."""
    whole = fuzz.partial_ratio_alignment(qnorm, pnorm)
    best, start, end = whole.score, whole.dest_start, whole.dest_end
    if len(clauses) > 1:  # reordered clauses: each clause on its own, weighted by length
        total, spans = 0.0, []
        for c in clauses:
            al = fuzz.partial_ratio_alignment(c, pnorm)
            total += al.score * len(c)
            spans.append((al.dest_start, al.dest_end))
        clause_score = total / sum(len(c) for c in clauses)
        if clause_score > best:
            best = clause_score
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if len(pnorm) < len(qnorm):  # a passage shorter than the quote can only hold part of it
        best *= len(pnorm) / len(qnorm)
    return best, start, end


async def _weigh_coverage(store: Store, query: str, scored: list) -> list:
    """Lower the score of a passage that lacks the query's content words (the names align, 英雄 does not)."""
    if not scored:
        return scored
    wanted = {t for t, content in query_tokens(query) if content}
    if len(wanted) < 3:  # one typo in a two-word quote is half its words: coverage says nothing there
        return scored
    marks = ",".join("?" * len(scored))
    rows = await store.fetchall(
        f"SELECT rowid, tokens FROM passage_fts WHERE rowid IN ({marks})", [row.id for _, row, _, _ in scored]
    )
    have = {rowid: set(tokens.split()) for rowid, tokens in rows}
    out = []
    for score, row, s, e in scored:
        if score < 100:  # an exact substring needs no second opinion
            pnorm = normalize(row.text)
            tokens = have.get(row.id, set())
            covered = sum(1 for w in wanted if w in tokens or w in pnorm)
            score *= min(1.0, covered / len(wanted) / COVERAGE_FULL)
        if score >= MIN_SCORE:
            out.append((score, row, s, e))
    return out


def validate_query(text: str) -> str:
    query = (text or "").strip()
    if not query:
        raise QueryError("The quote is empty: type a few words of it.")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"The quote is too long ({len(query):,} characters); paste at most {MAX_QUERY_CHARS:,}.")
    if len(normalize(query)) < 2:
        raise QueryError("The quote has no words to search for: type at least two letters of it.")
    return query


async def find_quote(store: Store, text: str, *, limit: int = 5) -> list[QuoteMatch]:
    """Ranked matches for a remembered quote; empty when the corpus does not hold it."""
    query = validate_query(text)
    qnorm = normalize(query)
    clauses = _clauses(query)
    ids = await candidate_ids(store, query_tokens(query))
    rows = await fetch_passages(store, ids)
    scored: list[tuple[float, PassageRow, int, int]] = []
    for row in rows:
        pnorm = normalize(row.text)
        if len(qnorm) <= 4:  # too short to be fuzzy about
            pos = pnorm.find(qnorm)
            if pos >= 0:
                scored.append((100.0, row, pos, pos + len(qnorm)))
            continue
        score, s, e = _score(qnorm, clauses, pnorm)
        if score >= MIN_SCORE:
            scored.append((score, row, s, e))
    scored = await _weigh_coverage(store, query, scored) if len(qnorm) > 4 else scored
    scored.sort(key=lambda t: -t[0])

    # Speakers for the leading candidates; among equal scores a passage that names its speaker comes first.
    top: list[tuple[float, PassageRow, tuple[int, int], str | None]] = []
    for score, row, s, e in scored[: limit * 4]:
        _, index_map = normalize_with_map(row.text)
        span = to_source_span(index_map, s, e, len(row.text))
        context = await item_context(store, row)
        speaker = attribute(row.text, span[0], span[1], store.actors, row.default_speaker, context=context)
        top.append((score, row, span, speaker))
    top.sort(key=lambda t: (-round(t[0], 1), _KIND_RANK.get(t[1].kind, 1), t[3] is None, t[1].document_id, t[1].id))

    matches: list[QuoteMatch] = []
    by_text: dict[str, QuoteMatch] = {}
    for score, row, span, speaker in top:
        key = normalize(row.text)
        source = SourceRef(
            document=row.doc_name,
            url=row.url or row.doc_url,
            outlet=row.outlet or row.doc_outlet,
            document_id=row.document_id,
            title=row.doc_title,
            date=row.date or row.doc_published,
        )
        if key in by_text:  # the same passage stored in several documents: one match, several sources
            if all(src.document_id != row.document_id for src in by_text[key].sources):
                by_text[key].sources.append(source)
            continue
        if len(matches) >= limit:
            continue
        match = QuoteMatch(
            score=round(score, 1),
            text=row.text,
            span=span,
            speaker=speaker,
            date=row.date or row.doc_published,
            sources=[source],
            passage_id=row.id,
        )
        by_text[key] = match
        matches.append(match)
    return matches

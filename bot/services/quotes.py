"""/quote: the passage, speaker, date and original outlet behind a quote as a person remembers it."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.actors import ActorIndex, strip_title
from bot.extract.attribution import attribute, written_in_full
from bot.extract.other_script import written_in_script
from bot.models import QuoteMatch
from bot.services import quote_cross, quote_edit, quote_gist, quote_lang, quote_score, quote_voice
from bot.services.errors import QueryError
from bot.services.quote_query import only_function_words, parse_quote_query
from bot.services.resolve import latin_person
from bot.store import Store
from bot.store.refs import cited_source
from bot.store.search import (
    PassageRow,
    candidate_ids,
    fetch_passages,
    item_contexts,
    one_answer,
    passage_count,
    passage_token_texts,
    passage_tokens,
    sharing_rare_words,
    term_frequencies,
)
from bot.text import fold_variants, normalize, normalize_with_map, query_tokens, strip_parentheticals, to_source_span

MAX_QUERY_CHARS = 1000
MIN_SCORE = 80.0  # below this a match is a guess, and a guess is not an answer
SAME_WORDS_MIN = 8  # matched words this long, found in two passages, are one statement reported twice
GIST_RAREST = 4  # a reworded quote's passages are looked up by any two of its 4 rarest words: its rarest are often
# the ones the speaker said another way (3 left 6 of the 45 corpora's remembered quotes unreached)
COVERAGE_FULL = 0.75  # share of the query's content words a passage must hold to keep its full score
_CLAUSE_SPLIT = re.compile(r"[、。，,．.！!？?「」『』()（）\s・…:：;；]+")
_KIND_RANK = {"prose": 0, "bullet": 0, "label": 0, "heading": 1, "caption": 2}


@dataclass(slots=True)
class _Hit:
    """A candidate passage that matches the quote."""

    score: float
    row: PassageRow
    pnorm: str  # the passage's matching form (normalize)
    start: int  # the matched span in pnorm
    end: int
    span: tuple[int, int] = (0, 0)  # the matched span in row.text, set with the speaker
    speaker: str | None = None
    stated_date: str | None = None  # the date the item's own text gives (「2025年2月28日、…」) when nothing dates it
    hinted: bool = False  # said by the speaker the user typed before the quote


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
            lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
            # clauses found far apart (a reworded quote's words, each wherever it aligns best: "the" at the
            # passage's start, "Friday" at its end) say where its words are, not where it is: the whole query's
            # alignment stays the span
            if hi - lo <= 2 * len(qnorm):
                start, end = lo, hi
    if len(pnorm) < len(qnorm):  # a passage shorter than the quote can only hold part of it
        best *= len(pnorm) / len(qnorm)
    return best, start, end


def _match_one(qnorm: str, clauses: list[str], pnorm: str) -> tuple[float, int, int]:
    """Score and span of one normalized passage (a score below MIN_SCORE is not a match)."""
    if len(qnorm) <= 4:  # too short to be fuzzy about
        pos = pnorm.find(qnorm)
        return (100.0, pos, pos + len(qnorm)) if pos >= 0 else (0.0, 0, 0)
    return _score(qnorm, clauses, pnorm)


def _variant_forms(text: str, plain: str | None = None) -> list[str]:
    """Other matching forms of a text: without asides in parentheses, with spelling variants folded. `plain`: the
    text's `normalize`, when known (each form is normalized once, and a text no variant is folded in not again)."""
    bare = strip_parentheticals(text)
    base = plain if plain is not None and bare == text else normalize(bare)
    forms = [base] if bare != text else []
    folded = fold_variants(bare)
    if folded != bare and (folded := normalize(folded)) != base:
        forms.append(folded)
    return forms


def _match_rows(query: str, qnorm: str, rows: list[PassageRow]) -> tuple[list[_Hit], list[_Hit]]:
    """(rows that match the quote, rows that do not), each scored. The same passage is often stored in
    several documents: each distinct text is normalized and scored once. A passage also scores in its
    other matching forms (asides dropped, variants folded) against the quote's, and keeps its best."""
    clauses = _clauses(query)
    qforms = [(f, _clauses(v)) for f, v in zip(_variant_forms(query), _variant_texts(query), strict=True)]
    by_text: dict[str, tuple[str, tuple[float, int, int]]] = {}
    hits: list[_Hit] = []
    misses: list[_Hit] = []
    for row in rows:
        if row.text not in by_text:
            pnorm = normalize(row.text)
            best = _match_one(qnorm, clauses, pnorm)
            if best[0] < MIN_SCORE and len(qnorm) > 4:
                pforms = _variant_forms(row.text, pnorm)
                for qf, qc in [(qnorm, clauses), *qforms]:
                    for pf in pforms or [pnorm]:
                        score = _score(qf, qc, pf)[0]
                        if score > best[0]:
                            best = (score, best[1], best[2])
            by_text[row.text] = (pnorm, best)
        pnorm, match = by_text[row.text]
        (hits if match[0] >= MIN_SCORE else misses).append(_Hit(match[0], row, pnorm, match[1], match[2]))
    return hits, misses


def _variant_texts(text: str) -> list[str]:
    """The texts _variant_forms normalizes, in the same order (for their clauses)."""
    bare = strip_parentheticals(text)
    texts = [bare] if bare != text else []
    if normalize(fold_variants(bare)) != normalize(bare):
        texts.append(fold_variants(bare))
    return texts


async def _second_opinion(store: Store, query: str, misses: list[_Hit]) -> list[_Hit]:
    """Passages the character score rejected that hold the quote's rare content words in order (a condensed
    or reworded quote): scored by quote_score, kept at or above MIN_SCORE."""
    words = quote_score.content_words(query)
    if len(words) < quote_score.MIN_WORDS or not misses:
        return []
    df = await term_frequencies(store, list(dict.fromkeys(words)))
    weights = quote_score.weights(words, df, await passage_count(store))
    kept: list[_Hit] = []
    seen: dict[str, float] = {}
    alike = [h for h in misses if h.score >= 40]  # below: nothing alike in the characters, not a rewording of it
    # the passages' indexed tokens tell most that cannot hold the words (tokenizing each was most of an absent
    # quote's CPU here); the gist reads the same passages' tokens next (`one_answer` keeps them)
    firsts = {h.row.text: h.row.id for h in reversed(alike)}  # the passage each text is read from (copies: not)
    stored = await passage_token_texts(store, list(dict.fromkeys(firsts.values()))) if alike else {}
    for h in alike:
        if h.row.text not in seen:
            reach = quote_score.may_reach(words, weights, stored.get(h.row.id), h.row.text)
            share = quote_score.ordered_share(words, weights, quote_score.content_words(h.row.text)) if reach else 0.0
            seen[h.row.text] = quote_score.as_score(share)
        score = seen[h.row.text]
        if score >= MIN_SCORE:
            h.score = min(score, 99.0)
            kept.append(h)
    return kept


async def _by_gist(store: Store, query: str, misses: list[_Hit], guild_id: int | None) -> list[_Hit]:
    """A reworded quote: the one passage that says the quote's gist (quote_gist), with its copies in other
    documents; none when no passage clearly does."""
    words = quote_gist.gist_words(query)
    if len(words) < quote_gist.GIST_WORDS:
        return []
    keys = [quote_gist.index_key(w) for w in words]
    by_key = await term_frequencies(store, list(dict.fromkeys(keys)))
    df = {w: by_key.get(k, 0) for w, k in zip(words, keys, strict=True)}
    weighed = quote_gist.weigh(words, df, await passage_count(store))
    # the candidates, and the passages sharing the gist's rare words: more places it may be, and the passages
    # it must clearly beat (a quote weighed against one candidate alone always leads)
    known = {h.row.id for h in misses}
    looked_up = [quote_gist.index_key(w) for w in quote_gist.lookup_words(words)]
    sharing = await sharing_rare_words(store, looked_up, by_key, guild_id=guild_id, rarest=GIST_RAREST)
    more = [i for i in sharing if i not in known]
    forms = {h.row.text: h.pnorm for h in misses}  # a text's matching form made once (copies of a passage abound)
    misses = misses + [
        _Hit(0.0, row, forms.get(row.text) or forms.setdefault(row.text, normalize(row.text)), 0, 0)
        for row in await fetch_passages(store, more)
    ]
    if not misses:
        return []
    # the words held are read from each text's first passage only: its copies in other documents (most of the
    # candidates of a store of syndicated reports) are the same text
    firsts = {h.pnorm: h.row.id for h in reversed(misses)}
    stored = await passage_tokens(store, list(dict.fromkeys(firsts.values())))
    by_text: dict[str, tuple[float, int, _Hit]] = {}
    for h in misses:
        if h.pnorm not in by_text:
            held = quote_gist.held_words(weighed, stored.get(h.row.id, set()), h.row.text)
            by_text[h.pnorm] = (*quote_gist.share(weighed, held), h)
    ranked = sorted(by_text.values(), key=lambda x: -x[0])
    picked = quote_gist.pick(query, weighed, [(share, found, h.row.text) for share, found, h in ranked])
    if picked is None:
        return []
    index, segment, first = picked
    best = ranked[index][2]
    if not quote_gist.keeps_figures(query, best.row.text):  # another number or month: another statement
        return []
    score = 80.0 + max(0.0, first - quote_gist.GIST_MIN) / (1 - quote_gist.GIST_MIN) * 19.0
    at = best.pnorm.find(normalize(segment))
    kept = [h for h in misses if h.pnorm == best.pnorm]
    for h in kept:
        h.score = score
        if at >= 0:
            h.start, h.end = at, at + len(normalize(segment))
    return kept


async def _in_other_language(store: Store, query: str, guild_id: int | None) -> list[_Hit]:
    """The passage of the other language that says the quote (`quote_cross`), with its copies; its quotation or
    sentence that says it is the matched span."""
    found = await quote_cross.find(store, query, guild_id=guild_id)
    kept = []
    for h in found:
        pnorm = normalize(h.row.text)
        part = normalize(h.segment)
        at = pnorm.find(part)
        start, end = (at, at + len(part)) if at >= 0 and part else (0, len(pnorm))
        score = 80.0 + max(0.0, h.share - quote_cross.CROSS_MIN) / (1 - quote_cross.CROSS_MIN) * 19.0
        kept.append(_Hit(min(score, 99.0), h.row, pnorm, start, end))
    return kept


_SENTENCE_BREAK = re.compile(r"[。！？!?\n]")


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence(s) of a text that hold [start, end)."""
    before = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)]
    after = _SENTENCE_BREAK.search(text, max(end - 1, start))
    return text[(before[-1] if before else 0) : (after.end() if after else len(text))]


_JAPANESE = re.compile(r"[ぁ-んァ-ヶ一-龥々]")
_JA_NOT_AFTER = re.compile(r"(?:では|じゃ|で|く|が|は|され|せ|し)?(?:な[いくかけ]|ず|ません)")


def _negated_in(form: str, query: str) -> bool:
    """The quote says its word under a negation (合法ではない, 有効でない): its opposite (違法, 無効) is then the same
    claim, not a changed one."""
    at = query.find(form)
    return at >= 0 and _JA_NOT_AFTER.match(query, at + len(form)) is not None


def _not_said_otherwise(query: str, hits: list[_Hit]) -> list[_Hit]:
    """The hits but those whose matched sentence says one of a Japanese quote's words by its opposite, not the word
    (違法 where the quote says 合法, 利上げ for 利下げ: `quote_gist.says_opposite`, which the gist's matches pass
    already): the characters align because one word changed, and that word turns the claim around — a line nobody
    said. An exact match (100) is the quote itself.

    Japanese only: the opposites of Japanese words (JMdict's, the polarity prefixes) are few and exact; WordNet's
    English ones are loose (give / take, many / few), and a reworded English quote says its words otherwise anyway:
    on the tuned stories they dropped reworded quotes and kept out no line nobody said."""
    if not _JAPANESE.search(query):
        return hits
    words = quote_gist.gist_words(query)
    weighed = [
        dataclasses.replace(w, antonyms=w.antonyms - set(words))  # a word the quote says itself is none it changed
        for w in quote_gist.weigh(words, {}, 1)  # the weights play no part in the test
        if not _negated_in(w.form, query)
    ]
    if not any(w.antonyms for w in weighed):
        return hits
    turned: dict[tuple[str, int, int], bool] = {}  # a passage's copies in other documents: read once
    kept = []
    for h in hits:
        if h.score < 100:
            key = (h.row.text, h.start, h.end)
            if key not in turned:
                start, end = to_source_span(normalize_with_map(h.row.text)[1], h.start, h.end, len(h.row.text))
                turned[key] = quote_gist.says_opposite(weighed, _sentence_of(h.row.text, start, end))
            if turned[key]:
                continue
        kept.append(h)
    return kept


def _claim_kept(query: str, qnorm: str, hits: list[_Hit]) -> list[_Hit]:
    """The hits but those whose matched words change the quote's claim (`quote_edit.changed_claim`: another number,
    date or country, a negation added or taken away, a word put for its opposite): a line nobody said made from a
    real quote keeps its characters. A passage that holds the quote's characters as they are says it (a score of 100
    alone does not: each clause found on its own scores 100, and "2,000 yen" is the clauses "2" and "000 yen")."""
    changed: dict[tuple[str, int, int], bool] = {}  # a passage's copies in other documents: read once
    kept = []
    for h in hits:
        if qnorm not in h.pnorm:
            key = (h.row.text, h.start, h.end)
            if key not in changed:
                start, end = to_source_span(normalize_with_map(h.row.text)[1], h.start, h.end, len(h.row.text))
                part = quote_edit.window(query, h.row.text, start, end)
                changed[key] = quote_edit.changed_claim(query, part, _sentence_of(h.row.text, start, end)) is not None
            if changed[key]:
                continue
        kept.append(h)
    return kept


async def _weigh_coverage(store: Store, tokens: list[tuple[str, bool]], hits: list[_Hit]) -> list[_Hit]:
    """Lower the score of a passage that lacks the query's content words (the names align, 英雄 does not)."""
    wanted = {t for t, content in tokens if content}
    if len(wanted) < 3:  # one typo in a two-word quote is half its words: coverage says nothing there
        return hits
    unsure = [h for h in hits if h.score < 100]  # an exact substring needs no second opinion
    if not unsure:
        return hits
    stored = await passage_tokens(store, [h.row.id for h in unsure])
    for h in unsure:
        words = stored.get(h.row.id, set())
        covered = sum(1 for w in wanted if w in words or w in h.pnorm)
        h.score *= min(1.0, covered / len(wanted) / COVERAGE_FULL)
    return [h for h in hits if h.score >= MIN_SCORE]


async def _attribute_speakers(store: Store, hits: list[_Hit]) -> None:
    """Set each hit's matched span in its source text and the speaker of that span."""
    contexts = await item_contexts(store, [h.row for h in hits])
    await asyncio.to_thread(_attribute_all, store.actors, hits, contexts)  # CPU work: off the event loop


def _attribute_all(actors: ActorIndex, hits: list[_Hit], contexts: dict[tuple[int, str | None], str]) -> None:
    index_maps: dict[str, list[int]] = {}
    for h in hits:
        text = h.row.text
        if text not in index_maps:
            index_maps[text] = normalize_with_map(text)[1]
        h.span = to_source_span(index_maps[text], h.start, h.end, len(text))
        context = contexts[(h.row.document_id, h.row.heading)]
        if not (h.row.date or h.row.doc_published):
            before = context[: max(context.find(text), 0)] if text in context else ""
            h.stated_date = _stated_date(before) or _stated_date(h.row.doc_title or "") or _stated_date(context)
        speaker = attribute(text, h.span[0], h.span[1], actors, h.row.default_speaker, context=context)
        # a person whose name the index holds in the other script shown as this report writes it ("Elon Musk")
        speaker = written_in_script(speaker, text, h.span[0], actors, context)
        h.speaker = written_in_full(speaker, text, h.span[0], actors, context)


_STATED_DATE_RE = re.compile(r"(20\d\d|19\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _stated_date(text: str) -> str | None:
    """The last full date a text states (「2025年2月28日、ワシントンで…」), as ISO."""
    found = list(_STATED_DATE_RE.finditer(unicodedata.normalize("NFKC", text)))
    if not found:
        return None
    y, m, d = (int(x) for x in found[-1].groups())
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None


def _voice(h: _Hit, store: Store) -> quote_voice.Voice | None:
    return quote_voice.speaker_voice(h.speaker, store.actors, h.row.text)


def _rank(h: _Hit) -> tuple[float, int, bool, int, int]:
    """Best first: by score, then kind of passage; among equals a passage that names its speaker first."""
    return (
        -round(h.score + 5.0 * h.hinted, 1),
        _KIND_RANK.get(h.row.kind, 1),
        h.speaker is None,
        h.row.document_id,
        h.row.id,
    )


def validate_query(text: str) -> str:
    query = (text or "").strip()
    if not query:
        raise QueryError("quote.empty")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError("quote.too_long", length=len(query), limit=MAX_QUERY_CHARS)
    if len(normalize(query)) < 2:
        raise QueryError("quote.no_words")
    return query


def _speaker_matches(hint: str | None, speaker: str | None, store: Store) -> bool:
    if not hint or not speaker:
        return False
    entry = store.actors.resolve(hint) or latin_person(store.actors, hint)  # Hayashi typed, 林 said it
    want = normalize(entry.name if entry else strip_title(hint))
    return bool(want) and (want in normalize(speaker) or normalize(speaker) in want)


@dataclass(frozen=True, slots=True)
class QuoteSearch:
    """A /quote request parsed (everything a user can get wrong is refused here, before any answer): the
    words searched for (asides dropped), the speaker typed before them, and whose documents are searched."""

    text: str  # the quote as typed, validated
    words: str  # what is searched for
    hint: str | None  # a speaker typed before the quote: ranks their passages first
    guild_id: int | None
    nothing: bool = False  # only function words ("the", 「はい」): no match, and no error


async def parse_quote(store: Store, text: str, *, guild_id: int | None = None) -> QuoteSearch:
    """The search for a remembered quote; raises QueryError for an empty, oversized or wordless query, and
    for a query that is only a person's name (a name alone is not a quote)."""
    parsed = parse_quote_query(validate_query(text))
    query, hint = parsed.text, parsed.speaker_hint
    named = store.actors.resolve(query) if hint is None else None
    if named is not None and named.kind == "person":
        raise QueryError("quote.only_name")
    if only_function_words(query):  # "the", 「はい」: nothing a quote could be found by
        return QuoteSearch(text, query, hint, guild_id, nothing=True)
    query = strip_parentheticals(query) if strip_parentheticals(query).strip() else query
    if len(normalize(query)) < 2:
        raise QueryError("quote.no_words")
    return QuoteSearch(text, query, hint, guild_id)


async def find_quote(store: Store, text: str, *, limit: int = 5, guild_id: int | None = None) -> list[QuoteMatch]:
    """Ranked matches for a remembered quote; empty when the corpus does not hold it. With `guild_id`,
    only in that server's documents and the shared ones (`parse_quote`, then `quote_page`)."""
    return await quote_page(store, await parse_quote(store, text, guild_id=guild_id), limit=limit)


async def quote_page(store: Store, q: QuoteSearch, *, limit: int = 5, offset: int = 0) -> list[QuoteMatch]:
    """The matches of a parsed search from `offset`, at most `limit`, best first.

    A speaker typed before the quote (「トランプ「…」」, `Trump: "…"`) is not searched for: it ranks the
    passages that speaker said first.
    """
    if q.nothing:
        return []
    with one_answer():  # the passages counted once for all its stages
        return await _quote_page(store, q, limit=limit, offset=offset)


async def _quote_page(store: Store, q: QuoteSearch, *, limit: int, offset: int) -> list[QuoteMatch]:
    quote_lang.prepare_in_background()  # the other language's tables, ready before a quote needs them
    query, hint, guild_id, limit = q.words, q.hint, q.guild_id, limit + max(0, offset)
    qnorm = normalize(query)
    tokens = query_tokens(query)
    ids = await candidate_ids(store, tokens, guild_id=guild_id)
    hits, misses = _match_rows(query, qnorm, await fetch_passages(store, ids))
    if len(qnorm) > 4:
        if any(h.score < 100 for h in hits):  # an exact match needs no reading; the rest tokenizes: off the loop
            hits = await asyncio.to_thread(_not_said_otherwise, query, hits)
        if any(qnorm not in h.pnorm for h in hits):
            hits = await asyncio.to_thread(_claim_kept, query, qnorm, hits)
        hits = await _weigh_coverage(store, tokens, hits)
        if not hits:
            hits = await asyncio.to_thread(_claim_kept, query, qnorm, await _second_opinion(store, query, misses))
        if not hits:
            hits = await asyncio.to_thread(_claim_kept, query, qnorm, await _by_gist(store, query, misses, guild_id))
        if not hits:  # nothing in the query's language says it: a quote read in a translation
            hits = await _in_other_language(store, query, guild_id)
    hits.sort(key=lambda h: -h.score)

    top = hits[: limit * 4]
    await _attribute_speakers(store, top)
    quoted = quote_voice.voice(query, store.actors)  # 日本政府として, "we at Toyota": who the quote says speaks
    if quoted is not None:  # another country's or body's passage on the same topic is not the answer
        top = [h for h in top if not quote_voice.contradicts(quoted, _voice(h, store), h.row.text)]
    if hint:  # the speaker typed before the quote: their passages first among near-equal matches
        for h in top:
            h.hinted = _speaker_matches(hint, h.speaker, store)
    top.sort(key=_rank)

    matches: list[QuoteMatch] = []
    by_text: dict[str, QuoteMatch] = {}
    by_words: dict[str, QuoteMatch] = {}  # the matched words, when long enough to be one statement
    for hit in top:
        row = hit.row
        source = cited_source(
            document=row.doc_name,
            document_id=row.document_id,
            title=row.doc_title,
            passage_url=row.url,
            passage_outlet=row.outlet,
            document_url=row.doc_url,
            document_outlet=row.doc_outlet,
            date=row.date or row.doc_published or hit.stated_date,
        )
        if hit.pnorm in by_text:  # the same passage stored in several documents: one match, several sources
            if all(src.document_id != row.document_id for src in by_text[hit.pnorm].sources):
                by_text[hit.pnorm].sources.append(source)
            continue
        words = hit.pnorm[hit.start : hit.end]
        same = by_words.get(words) if len(words) >= SAME_WORDS_MIN else None
        if same is not None and (same.speaker is None or hit.speaker is None or same.speaker == hit.speaker):
            # the same words in another passage or report: more evidence for that match, not another match
            if all(src.document_id != row.document_id for src in same.sources):
                same.sources.append(source)
            same.date = same.date or source.date
            same.speaker = same.speaker or hit.speaker
            by_text[hit.pnorm] = same
            continue
        if len(matches) >= limit:
            continue
        match = QuoteMatch(
            score=round(hit.score, 1),
            text=row.text,
            span=hit.span,
            speaker=hit.speaker,
            date=row.date or row.doc_published or hit.stated_date,
            sources=[source],
            passage_id=row.id,
        )
        by_text[hit.pnorm] = match
        by_words.setdefault(words, match)
        matches.append(match)
    return matches[max(0, offset) :]

"""A quote typed in the other language: "Insurers must not abandon the victims" for 「保険会社は被災者を見捨てては
ならない」, or 「大地震のほとんどは前触れもなく起きる」 for "Most large earthquakes come with no warning at all".

The query's content words become concepts in the other language (`quote_lang`); the passages holding two of the
rarest are read (`bot/store/cross_search.py`), and each passage of the other language is scored by its best
quotation or sentence: the share of the query's concepts it says, each concept once, weighed by its rarity in the
store (a name and a number weigh more: they are what a translation keeps). A passage is taken when that share
reaches CROSS_MIN, CROSS_WORDS concepts or more are found, and it leads the next passage by CROSS_LEAD× (or, when
no other quotation comes near, ALONE_MIN and ALONE_LEAD×; the same quotation in another passage is a copy, not a
rival, and a rival is weighed by what its quotation says in its own words, not its passage's narration); a plausible
quote nobody said, made of a story's words, finds some of them scattered, not most in one quotation. A bracketed
name or designation with no predicate (「特別指定国際テロリスト」) is nobody's quotation.
The thresholds were set on the tuned stories' absent quotes (README, "A quote in the other language").
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass

from bot.services import quote_claim, quote_gist
from bot.services.quote_lang import Concept, concepts, english_marks, holds, is_japanese, japanese_name_marks
from bot.store import Store
from bot.store.cross_search import holding_two_concepts
from bot.store.search import PassageRow, fetch_passages, passage_count, passage_tokens, term_frequencies
from bot.text import fold_variants, normalize

CROSS_MIN = 0.55  # share of the query's concept weight one quotation or sentence must say
CROSS_LEAD = 1.3  # … and this many times the next passage's share
CROSS_WORDS = 3  # concepts found, at the least
# A quotation no other candidate comes near is taken at a lower share: ALONE_MIN, leading the next passage ALONE_LEAD×
# (or no other passage's quotation saying any concept). A rendering in the other language says a quote's concepts in
# words the glossary links only in part (buy time / 時間を稼ぐ), so the speaker's own quotation often holds 0.45–0.55,
# and the claim check (`quote_claim`) still reads it; on the tuned stories no absent quote and no near miss whose
# claim check passes leads its next passage 3× at 0.40 or more (the highest: 0.46 at 2.6×).
ALONE_MIN = 0.45
ALONE_LEAD = 3.0
QUOTED_CHARS = 8  # a quotation shorter than this is a term or a title
MIN_CONCEPTS = 3  # a query with fewer concepts in the other language is not looked for there
NAME_WEIGHT = 1.5  # a name's or a number's weight, times its rarity's
RAREST = 6  # the concepts whose pairs find the candidates
LIMIT = 200  # candidates read
RIVALS = 10  # candidates, best by share, whose quotations' own words are weighed as rivals


@dataclass(frozen=True, slots=True)
class CrossHit:
    row: PassageRow
    share: float
    segment: str  # the quotation or sentence that says the quote


def weights(found: list[Concept], df: dict[str, int], total: int) -> list[float]:
    """Each concept's weight: the rarity of its words in the store (how many passages hold any of them, at most
    the store's size), times NAME_WEIGHT for a name or a number."""
    out = []
    for c in found:
        # a common noun of one kanji (日, 面) is counted only where a quotation writes it as a token (`holds`): its
        # passages, most of them its compounds' readings, would make the concept it adds to look common
        terms = [t for t in c.terms if len(t) > 1] or c.terms
        held = min(total, sum(_term_df(t, df) for t in terms))
        rarity = math.log((total + 1) / (held + 1)) + 1.0
        out.append(rarity * (NAME_WEIGHT if c.kind in ("name", "number") else 1.0))
    return out


def _term_df(term: str, df: dict[str, int]) -> int:
    """A word's passages; a phrase's at most its rarest token's."""
    return min((df.get(t, 0) for t in term.split()), default=0)


def share(found: list[Concept], weight: list[float], japanese_text: str, english: frozenset[str]) -> tuple[float, int]:
    """(the weighted share of the concepts a text says, how many it says). A loose concept (a word only rarer
    Japanese words gloss: creditor → 債権者) counts where the text says it and is not missed where it does not: a
    translation may say it by a common word the glossary does not link (whistleblower → 通報者, not 内部告発者)."""
    said = [holds(c, japanese_text, english) for c in found]
    total = sum(w for c, w, s in zip(found, weight, said, strict=True) if s or c.kind != "loose")
    got = sum(w for w, s in zip(weight, said, strict=True) if s)
    return (got / total if total else 0.0), sum(said)


def best_part(
    found: list[Concept], weight: list[float], text: str, tokens: set[str], japanese: bool, said: bool = False
) -> tuple[float, int, str, float]:
    """The passage's quotation that says most of the concepts: (share, concepts said, the quotation, the share it
    says in its own words); with `said`, of the quotations that say a predicate only (`quote_claim.has_predicate`).
    Only a quotation: on the tuned stories a plausible line nobody said finds its words in narration (a report of the
    same event) as often as a remembered one, inside a speaker's quotation marks far less often."""
    best = (0.0, 0, "", 0.0)
    names = japanese_name_marks(text) if japanese and any(not c.terms for c in found) else frozenset()
    for part in quote_gist.quotations(text):
        if len(normalize(part)) < QUOTED_CHARS:  # a term in brackets (「型式指定」), not what someone said
            continue
        if japanese:
            plain = normalize(fold_variants(part))
            held = share(found, weight, plain, frozenset(tokens) | names)
            if held[0] <= best[0] or (said and not quote_claim.has_predicate(part)):
                continue
            best = (held[0], held[1], part, share(found, weight, plain, names)[0])
        else:
            held = share(found, weight, "", english_marks(part))
            if held[0] > best[0]:
                best = (held[0], held[1], part, held[0])
    return best


@dataclass(frozen=True, slots=True)
class Ranked:
    """A candidate text of the other language with what it says of the query's concepts."""

    share: float
    said: int
    segment: str
    rows: list[PassageRow]
    own: float | None = None  # the share its quotation says in its own words (a Japanese passage's share reads the
    # indexed words of the whole passage, its narration's too); None: as `share`


async def rank(store: Store, query: str, *, guild_id: int | None = None) -> list[Ranked]:
    """The candidate passages of the other language, one per distinct text, best share first."""
    # CPU work (tokenizing, the tables' first reading, which may wait for the thread building them): off the loop
    found = await asyncio.to_thread(concepts, query, store.actors)
    return await ranked_for(store, found, query, guild_id=guild_id)


async def ranked_for(store: Store, found: list[Concept], query: str, *, guild_id: int | None = None) -> list[Ranked]:
    """`rank` with the query's concepts read."""
    if len(found) < MIN_CONCEPTS:
        return []
    terms = list(dict.fromkeys(t for c in found for term in c.terms for t in term.split()))
    df = await term_frequencies(store, terms)
    weight = weights(found, df, await passage_count(store))
    held = [(i, sum(_term_df(t, df) for t in c.terms)) for i, c in enumerate(found)]
    rarest = [found[i] for i, _ in sorted((x for x in held if x[1]), key=lambda x: x[1])[:RAREST]]
    ids = await holding_two_concepts(store, [c.terms for c in rarest], LIMIT, guild_id=guild_id)
    want_japanese = not is_japanese(query)
    rows = [r for r in await fetch_passages(store, ids) if is_japanese(r.text) == want_japanese]
    stored = await passage_tokens(store, [r.id for r in rows]) if want_japanese and rows else {}
    return await asyncio.to_thread(_ranked, found, weight, rows, stored, want_japanese)


def _ranked(
    found: list[Concept],
    weight: list[float],
    rows: list[PassageRow],
    stored: dict[int, set[str]],
    want_japanese: bool,
) -> list[Ranked]:
    """Each distinct text's best quotation scored (CPU: tokenizing up to LIMIT passages), best share first."""
    by_text: dict[str, Ranked] = {}
    for r in rows:
        if r.text not in by_text:
            held, said, segment, own = best_part(found, weight, r.text, stored.get(r.id, set()), want_japanese)
            by_text[r.text] = Ranked(held, said, segment, [], own)
        by_text[r.text].rows.append(r)
    ranked = sorted(by_text.values(), key=_rank)
    if not want_japanese:
        return ranked
    # a name or a designation in brackets with no predicate (「特別指定国際テロリスト」, 「欧州再軍備銀行(European Rearmament
    # Bank)」) is nobody's words: the best candidates' quotations are read again without them (tokenizing every
    # candidate's quotations would cost the query more than the rest of its reading)
    for i, r in enumerate(ranked[:RIVALS]):
        if r.segment and not quote_claim.has_predicate(r.segment):
            text = r.rows[0]
            held, said, segment, own = best_part(found, weight, text.text, stored.get(text.id, set()), True, said=True)
            ranked[i] = Ranked(held, said, segment, r.rows, own)
    return sorted(ranked, key=_rank)


def _rank(r: Ranked) -> tuple[float, float]:
    """Best first: by share; of equal shares, the one whose quotation says the concepts in its own words (a Japanese
    passage's share reads its narration's words too: a report of the same topic whose quotation says none of them
    ties with the speaker's own words, and stood first by the store's order)."""
    return -r.share, -_own(r)


def taken(ranked: list[Ranked]) -> Ranked | None:
    """The candidate that clearly says the quote (CROSS_WORDS, and CROSS_MIN with CROSS_LEAD or ALONE_MIN with
    ALONE_LEAD over the next candidate quoting other words), else None."""
    if not ranked:
        return None
    first = ranked[0]
    # a rival is what another speaker's quotation says in its own words: the words its passage's narration holds
    # are a report of the topic, not a second reading of the quote
    second = max((_own(r) for r in ranked[1:RIVALS] if not _same_quotation(first, r)), default=0.0)
    if first.said < CROSS_WORDS:
        return None
    if first.share >= CROSS_MIN and first.share >= CROSS_LEAD * second:
        return first
    if first.share >= ALONE_MIN and first.share >= ALONE_LEAD * second:
        return first
    return None


def _own(r: Ranked) -> float:
    return r.share if r.own is None else r.own


def _same_quotation(one: Ranked, other: Ranked) -> bool:
    """Two candidates whose best quotation is the same words: one statement reported twice (another outlet's copy of
    the sentence), not a rival."""
    return bool(one.segment) and normalize(one.segment) == normalize(other.segment)


def says_claim(query: str, found: list[Concept], best: Ranked) -> str | None:
    """The quotation of the taken passage that says the query's claim, not only its topic (its numbers, its words in
    the quotation's own text, the polarity of the words both sides say, its subject: `quote_claim`), else None."""
    passage, japanese = best.rows[0].text, is_japanese(query)
    if quote_claim.refusal(query, found, best.segment, passage, japanese) is not None:
        return None
    return quote_claim.saying_part(found, best.segment, passage, japanese)


async def find(store: Store, query: str, *, guild_id: int | None = None) -> list[CrossHit]:
    """The passages in the other language that say the quote (the one that clearly does, with its copies in other
    documents); none when no passage clearly does, or when the one that does says another claim on its topic. The
    segment named (whose speaker is the answer's) is the quotation that says the query in its own words."""
    found = await asyncio.to_thread(concepts, query, store.actors)
    ranked = await ranked_for(store, found, query, guild_id=guild_id)
    best = taken(ranked)
    segment = None if best is None else await asyncio.to_thread(says_claim, query, found, best)
    if best is None or segment is None:
        return []
    copies = [r for x in ranked if x is best or _same_quotation(best, x) for r in x.rows]
    return [CrossHit(r, best.share, segment) for r in copies]

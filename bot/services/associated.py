"""Words the store says beside a target: what the user's words call by another name (pseudo-relevance feedback).

The user names the target in their own words ("the army taking over", 「刑務所に閉じ込め続けること」) and the
article in its own (クーデター, 収監): no dictionary joins them. The store does: the newest passages naming the
target's rare head say the article's word again and again, and say it more often there than anywhere else in the
store. Those words (at most `TERMS`) name the heads in part, as a word-vector neighbour does (`near_weight`), in a
view of the target (`associated_view`) read only for a statement the user's words do not find.

Bounded: read only for a head at most `HEAD_MOST` passages hold; one full-text read of at most `PASSAGES`
passages, their stored tokens and the store's passage counts of their words (`term_df`): no text tokenized again.
"""

from __future__ import annotations

import asyncio
import math
import re
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from bot.actors import ActorIndex
from bot.extract.about import Target, TargetWord, about_settings, english_glosses, form, indexed_forms, is_generic
from bot.extract.roles import vocabulary
from bot.store import Store
from bot.store.about import passage_ids_matching
from bot.store.search import fts_string, passage_token_texts, term_frequencies
from bot.text import index_tokens, normalize

PASSAGES = 40  # the newest passages naming the target read for its associated words
TERMS = 4  # at most this many words added
LEAST_PASSAGES = 3  # a word said in fewer of them is no word of the target's story
LEAST_SHARE = 0.2  # nor one said in less than this share of them
LEAST_LIFT = 4.0  # and said this many times more often there than in the store's passages at large
SPREAD = 25  # and said at most this many times as often in the store as beside the target (not a word of all news)
HEAD_SHARE = 0.1  # read only for a head in at most this share of the store's passages
HEAD_MOST = 5000  # and in this many at most

_KANJI_RX = re.compile(r"^[一-龥々]{2,}$")
_KATAKANA_RX = re.compile(r"^[ァ-ヺー]{3,}$")
_LATIN_RX = re.compile(r"^[a-z][a-z-]{3,}$")
_JAPANESE_RX = re.compile(r"[ぁ-ゖァ-ヺ一-龥]")


def _phrases(target: Target, w: TargetWord, k: int) -> list[str]:
    """A word's spellings as the index holds them, with its words in the other language (an English word's
    Japanese words, a Japanese word's first English glosses): the passages of either language are read."""
    said = [*w.index_forms, *indexed_forms(w), *w.glosses]
    said += english_glosses(target, k, 2) if not w.form.isascii() else []
    return [p for p in dict.fromkeys(index_tokens(s) if s not in w.index_forms else s for s in said) if p]


def head_phrases(target: Target) -> list[str]:
    """The target's heads as the index holds them, in either language (see `_phrases`); none when the store holds
    no head of it (the passages read would be another story's). A word of one letter (国, 所) is said of anything:
    it chooses no story's passages."""
    if target.any_word:
        return []
    heads = [
        (k, w)
        for k, w in enumerate(target.words)
        if w.head and w.variant_of is None and w.weight > 0 and not w.actor and len(w.form) >= 2
    ]
    return list(dict.fromkeys(p for k, w in heads for p in _phrases(target, w, k) if " " not in p))


def about_the_target(target: Target, tokens: Iterable[str]) -> list[str]:
    """The read passages (their indexed tokens) that name another word of the target beside its head, where it has
    one of two letters or more: the head's passages about another story (再開 of talks, for a service's 再開) say
    that story's words."""
    rest = {
        p
        for k, w in enumerate(target.words)
        if not w.head and w.weight > 0 and len(w.form) >= 2
        for p in _phrases(target, w, k)
        if " " not in p
    }
    if not rest:
        return list(tokens)
    return [t for t in tokens if rest & set(t.split())]


def said_beside(tokens: Iterable[str]) -> tuple[Counter[str], int]:
    """How many of the read passages (`tokens`: each one's indexed tokens, space-joined) say each word that can
    be associated (a Japanese passage's kanji and katakana words, an English one's Latin words), and how many
    passages were read; the words said in fewer than `least_of` of them left out."""
    read = [t.split() for t in tokens]
    counts: Counter[str] = Counter()
    for words in read:
        if sum(1 for t in words if _JAPANESE_RX.search(t)) * 2 > len(words):
            counts.update({t for t in words if _KANJI_RX.match(t) or _KATAKANA_RX.match(t)})
        else:
            counts.update({t for t in words if _LATIN_RX.match(t)})
    least = least_of(len(read))
    return Counter({t: c for t, c in counts.items() if c >= least}), len(read)


def least_of(read: int) -> int:
    """The fewest of `read` passages a word must be said in (`LEAST_PASSAGES`, `LEAST_SHARE`)."""
    return max(LEAST_PASSAGES, math.ceil(LEAST_SHARE * read))


def associated_words(
    target: Target, counts: Counter[str], read: int, df: dict[str, int], passages: int, actors: ActorIndex
) -> list[str]:
    """The words (matching forms) said beside the target (`counts` of `read` passages, see `said_beside`),
    `LEAST_LIFT` times as often as in the store's `passages` at large (`df`: a word's passages), most specific
    first; none a word of the target, a name of an actor (the speaker's own name is beside every statement of
    theirs), a stop or weak word."""
    if not read:
        return []
    own = _own_forms(target)
    least = least_of(read)
    scored: list[tuple[float, str]] = []
    for t, c in counts.items():
        d = df.get(t, 0)
        if c < least or d < c or d > SPREAD * c:
            continue
        if (c / read) / (d / max(passages, 1)) < LEAST_LIFT:
            continue
        f = normalize(t)
        if (
            not f
            or f in own
            or any(f in o or o in f for o in own if len(o) >= 2)
            or names_nothing_alone(form(t))
            or names_nothing_alone(f)
        ):
            continue
        if actors.resolve(t) is not None:
            continue
        scored.append(((c / read) * math.log((passages + 2) / (d + 1)), f))
    return [f for _, f in sorted(scored, reverse=True)[:TERMS]]


@lru_cache(maxsize=1)
def _alone_nothing() -> frozenset[str]:
    """Stop words and titles (matching forms): words that name no target by themselves (首相, 代表)."""
    settings = about_settings()
    stop = [*settings["stop_words"], *settings.get("target_stop_words", [])]
    return frozenset(form(w) for w in stop) | frozenset(normalize(t) for t in vocabulary().ja_titles if len(t) >= 2)


def names_nothing_alone(word: str) -> bool:
    """A stop word, a weak or kind word (案, 問題, 協定), a title (首相, or any two to four kanji ending in 相)."""
    return (
        word in _alone_nothing()
        or is_generic(word)
        or (2 <= len(word) <= 4 and word.endswith("相") and _KANJI_RX.match(word) is not None)
    )


def _own_forms(target: Target) -> set[str]:
    out: set[str] = set()
    for view in (target, target.near, target.english, target.opposite):
        if view is not None:
            out.update(normalize(f) for w in view.words for f in (w.form, *w.forms, *w.glosses))
    return {f for f in out if f}


def add_associated(target: Target, words: list[str]) -> None:
    """The target read with its associated words (`associated_view`): said as near forms of its heads (every
    head: they are said beside the whole target, not beside one of its words), else of its heaviest word. The
    target itself is left as it is: a statement it finds is read as before, the view only finds others."""
    if not words or target.any_word or not target.words:
        return
    own = [k for k, w in enumerate(target.words) if w.weight > 0]
    if not own:
        return
    at = [k for k in own if target.words[k].head] or [max(own, key=lambda k: target.words[k].weight)]
    near = [
        TargetWord(w.form, list(w.forms), [], w.weight, w.head)
        for w in (target.near.words if target.near is not None else target.words)
    ]
    if target.near is None:
        for w in near:
            w.forms = []
    for k in at:
        near[k].forms = sorted([*near[k].forms, *(f for f in words if f not in near[k].forms)], key=len, reverse=True)
    view = replace(target, near=replace(target.near or target, words=near))
    _ADDED[id(target)] = (target, list(words), view)
    _ADDED.move_to_end(id(target))
    while len(_ADDED) > _ADDED_MAX:
        _ADDED.popitem(last=False)


# each target prepared lately, by its id, with its associated words and view; the entry holds the target, so no
# other object takes its id while it is kept (a target lives for one question and its pages: a few hundred do)
_ADDED: OrderedDict[int, tuple[Target, list[str], Target]] = OrderedDict()
_ADDED_MAX = 256


def associated_of(target: Target) -> list[str]:
    """The words `add_associated` found for this target (none when it found none, or forgot it)."""
    held = _ADDED.get(id(target))
    return list(held[1]) if held is not None and held[0] is target else []


def associated_view(target: Target) -> Target | None:
    """The target whose near view says its heads by its associated words too (see `add_associated`), or None."""
    held = _ADDED.get(id(target))
    return held[2] if held is not None and held[0] is target else None


def associated_query(target: Target) -> str:
    """An FTS5 query for the passages naming an associated word of the target (see `add_associated`)."""
    return " OR ".join(fts_string(p) for p in dict.fromkeys(index_tokens(f) for f in associated_of(target)) if p)


async def associate(store: Store, target: Target, passages: int, guild_id: int | None = None) -> list[str]:
    """Read the store for the target's associated words (see the module's docstring); the words found. Only for a
    rare head (in `HEAD_SHARE` of the store's `passages` at most, and `HEAD_MOST`): a common one's passages are
    about many things, and reading the newest of them costs a long walk of the index."""
    phrases = head_phrases(target)
    held = await term_frequencies(store, phrases) if phrases else {}
    named = sum(held.values())
    if not LEAST_PASSAGES <= named <= min(HEAD_MOST, HEAD_SHARE * passages):
        return []
    query = " OR ".join(fts_string(p) for p in phrases if held.get(p))
    ids = await passage_ids_matching(store, query, PASSAGES, guild_id)
    if len(ids) < LEAST_PASSAGES:
        return []
    texts = await passage_token_texts(store, ids)
    about = about_the_target(target, texts.values())
    if len(about) < LEAST_PASSAGES:
        return []
    counts, read = await asyncio.to_thread(said_beside, about)
    if not counts:
        return []
    df = await term_frequencies(store, sorted(counts))
    words = await asyncio.to_thread(associated_words, target, counts, read, df, passages, store.actors)
    add_associated(target, words)
    return words

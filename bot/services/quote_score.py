"""A second opinion on a quote match: the quote's content words, in order, weighted by rarity.

The character score (rapidfuzz) rejects a quote whose wording was condensed or swapped; this score keeps
it when the passage holds the quote's rare content words in the same order. A word most passages hold
(a name, 大統領) weighs little, so an absent quote that shares only names with a passage stays absent.
"""

from __future__ import annotations

import math

from bot.text import analyze, fold_variants, strip_parentheticals

MIN_WORDS = 4  # fewer content words than this say too little about order
MIN_SHARE = 0.8  # weighted share of the quote's content words a passage must hold in order


def content_words(text: str) -> list[str]:
    a = analyze(fold_variants(strip_parentheticals(text)))
    return [f for f, content in zip(a.forms, a.content, strict=True) if content and len(f) > 0]


def weights(words: list[str], df: dict[str, int], total: int) -> list[float]:
    """Inverse document frequency of each word (an unknown word, a typo, weighs as the rarest known)."""
    total = max(total, 1)
    return [math.log(1 + total / (1 + df.get(w, 0))) for w in words]


def may_reach(query_words: list[str], query_weights: list[float], tokens: str | None, text: str) -> bool:
    """False when a passage cannot hold MIN_SHARE of the quote's words in order, told from its indexed tokens
    (`search.passage_token_texts`) without tokenizing it: they are `analyze(text)`'s forms, so where the text is the
    one `content_words` tokenizes (no aside in parentheses, no variant to fold) its content words are among them, and
    the words it holds at all weigh at least what it holds in order. True when that cannot be told."""
    if tokens is None or any(w.split() != [w] for w in query_words):  # (a form with a space is split in the tokens)
        return True
    if fold_variants(strip_parentheticals(text)) != text:
        return True
    held = set(tokens.split())
    total = sum(query_weights)
    found = sum(wt for w, wt in zip(query_words, query_weights, strict=True) if w in held)
    return not total or found / total >= MIN_SHARE - 1e-9


def ordered_share(query_words: list[str], query_weights: list[float], passage_words: list[str]) -> float:
    """Weighted longest common subsequence of the quote's words in the passage's, as a share of the quote."""
    if not query_words:
        return 0.0
    n = len(passage_words)
    prev = [0.0] * (n + 1)
    for qw, wt in zip(query_words, query_weights, strict=True):
        cur = [0.0] * (n + 1)
        for j in range(1, n + 1):
            if passage_words[j - 1] == qw:
                cur[j] = prev[j - 1] + wt
            else:
                cur[j] = max(prev[j], cur[j - 1])
        prev = cur
    return prev[n] / sum(query_weights)


def as_score(share: float) -> float:
    """The share mapped onto the character score's scale: MIN_SHARE → 80, all → 100."""
    if share < MIN_SHARE:
        return 0.0
    return 80.0 + (share - MIN_SHARE) / (1 - MIN_SHARE) * 20.0

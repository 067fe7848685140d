"""What a /quote query holds: the remembered words, and a speaker typed in front of them.

「トランプ「あなたはギャンブルをしている」」, 「トランプ大統領：あなたは…」 and `Trump: "You are gambling"` search for
the quoted words and keep the name as a hint; a query that is only a name, only punctuation or only
function words is not a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text import normalize, query_tokens

_JA_PREFIX_RE = re.compile(
    r"^\s*(?P<who>[^「」『』:：\"“”\s][^「」『』:：\"“”]{0,24}?)\s*(?:[:：]\s*)?[「『](?P<quote>.+?)[」』]?\s*$", re.S
)
_LABEL_RE = re.compile(r"^\s*(?P<who>[^:：「」\"“”]{1,24}?)\s*[:：]\s*(?P<quote>.+)$", re.S)
_EN_PREFIX_RE = re.compile(
    r"^\s*(?P<who>[A-Z][\w.'’\- ]{1,40}?)\s*(?::|\bsaid\b|\bsays\b)\s*[\"“](?P<quote>.+?)[\"”]?\s*$", re.S
)
EN_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "i",
        "you",
        "he",
        "she",
        "we",
        "they",
        "me",
        "him",
        "her",
        "us",
        "them",
        "my",
        "your",
        "his",
        "our",
        "their",
        "not",
        "no",
        "yes",
        "so",
        "do",
        "does",
        "did",
    ]
)


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    text: str  # the words to search for
    speaker_hint: str | None = None  # the name typed in front of them, if any


def parse_quote_query(query: str) -> QuoteQuery:
    """Split a speaker typed before the quote from the quoted words (the words alone when there is none)."""
    for rx in (_JA_PREFIX_RE, _EN_PREFIX_RE, _LABEL_RE):
        m = rx.match(query)
        if m and _name_like(m.group("who")) and len(normalize(m.group("quote"))) >= 2:
            return QuoteQuery(m.group("quote").strip().strip('」』"”'), m.group("who").strip())
    return QuoteQuery(query)


def _name_like(who: str) -> bool:
    """A short phrase without a verb or sentence punctuation: 「トランプ大統領」, "President Trump"."""
    w = who.strip()
    if not w or len(w) > 24 or re.search(r"[。、,.!?！？]", w):
        return False
    if w.isascii():
        return len(w.split()) <= 4 and w[0].isupper()
    return not re.search(r"[ぁ-ゖ]", w.replace("の", ""))


def only_function_words(text: str) -> bool:
    """Nothing to search for: English stop-words only, or Japanese particles and auxiliaries only."""
    if text.isascii():
        words = re.findall(r"[A-Za-z0-9']+", text.lower())
        return bool(words) and all(w in EN_STOP for w in words)
    tokens = query_tokens(text)
    return bool(tokens) and not any(content for _, content in tokens)

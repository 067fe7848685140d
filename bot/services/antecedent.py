"""What a definite noun of a statement points back to: its nearest full mention earlier in the article.

News text names a thing in full once ("a bill that would overturn the convictions of sub-postmasters", 「停戦案」)
and after that by its head noun alone: "the bill", "the legislation", 同案, この計画. A statement that says only
"the bill is the least worst option" is about the bill the article named, however far back. `antecedents` finds,
for each such noun of a clause (English the/this/these/those/such + noun; Japanese 同 + noun, この/その/今回の/
こうした + noun), the nearest earlier sentence of the document holding the same noun where it is not itself only
pointed at again; the caller decides whether that sentence names the target (`/stance --about`: the clause is
then about the target, as a reply to it is). Nothing here depends on the target: read once per clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.extract.whole_words import whole_starts

__all__ = ["Antecedent", "antecedents"]

# (the anaphor's start, its end, the sentence it points back to)
Antecedent = tuple[int, int, str]

MAX_PER_CLAUSE = 3  # anaphors read in one clause
MAX_SENTENCES = 80  # earlier sentences searched for one anaphor

# English: a determiner and one or two lower-case words (the second kept only when it is no function word)
_EN_RX = re.compile(
    r"(?<![A-Za-z])(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose|[Ss]uch(?: an?)?)\s+([a-z][a-z-]{2,})(?:\s+([a-z][a-z-]{2,}))?"
)
# Japanese: 同 + a noun (not a person, body, place or date pointed at: 同氏, 同社, 同省, 同日), or a demonstrative +
# a noun
_JA_RX = re.compile(r"(?:同|(?:この|その|今回の|こうした|当該の?))([一-龥々ァ-ヺー]{1,6})")
_JA_NOT_THINGS = frozenset(
    [
        "氏",
        "社",
        "日",
        "年",
        "月",
        "週",
        "省",
        "庁",
        "党",
        "国",
        "相",
        "市",
        "県",
        "町",
        "村",
        "区",
        "府",
        "都",
        "紙",
        "局",
        "署",
        "行",
        "社長",
        "会長",
        "首相",
        "大統領",
        "長官",
        "知事",
        "議員",
        "委員長",
        "代表",
        "容疑者",
        "被告",
        "選手",
        "監督",
        "大臣",
        "容疑",
        "時",
        "後",
        "前",
        "中",
        "際",
        "ため",
        "上",
        "方",
        "人",
        "者",
        "とき",
        "日夜",
        "日午前",
        "日午後",
        "時期",
        "時点",
        "様",
        "様子",
        "場",
        "ほか",
    ]
)
# English nouns a determiner points at that are no thing asked about: the speakers and bodies, times, amounts
_EN_NOT_THINGS = frozenset(
    [
        "government",
        "president",
        "company",
        "minister",
        "ministry",
        "prime",
        "premier",
        "party",
        "group",
        "board",
        "court",
        "agency",
        "people",
        "country",
        "city",
        "state",
        "states",
        "nation",
        "world",
        "public",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "officials",
        "statement",
        "ministers",
        "leaders",
        "leader",
        "chief",
        "governor",
        "mayor",
        "police",
        "military",
        "army",
        "administration",
        "firm",
        "bank",
        "day",
        "week",
        "year",
        "month",
        "time",
        "times",
        "morning",
        "afternoon",
        "evening",
        "night",
        "moment",
        "end",
        "first",
        "last",
        "same",
        "other",
        "most",
        "rest",
        "way",
        "thing",
        "things",
        "case",
        "matter",
        "issue",
        "question",
        "fact",
        "number",
        "part",
        "side",
        "kind",
        "sort",
        "lot",
        "couple",
        "latter",
        "former",
        "next",
        "following",
        "past",
        "future",
        "country's",
        "move",
        "news",
        "report",
        "reports",
        "media",
        "press",
        "newspaper",
        "interview",
        "conference",
        "meeting",
        "remarks",
        "comments",
    ]
)
_JA_END = "。！？\n"
_EN_END_RX = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n")


def _nouns(clause: str) -> list[tuple[int, int, tuple[str, ...], bool]]:
    """(start, end, the noun phrases to look for, most particular first, English) of each anaphor of a clause, in
    order: an English determiner's two words together, then the second alone (its head: "the fuel loading"), then
    the first ("the bill throughout")."""
    out: list[tuple[int, int, tuple[str, ...], bool]] = []
    for m in _EN_RX.finditer(clause):
        first, second = m.group(1), m.group(2)
        words = [w for w in (first, second) if w and w not in _EN_NOT_THINGS and _nounish(w)]
        if not words or (first in _EN_NOT_THINGS and not second):
            continue
        phrases = ([f"{first} {second}"] if len(words) == 2 else []) + words[::-1]
        out.append((m.start(), m.end(), tuple(phrases), True))
    for m in _JA_RX.finditer(clause):
        noun = _ja_noun(m.group(1))
        if noun and noun not in _JA_NOT_THINGS:
            out.append((m.start(), m.start(1) + len(noun), (noun,), False))
    return sorted(out)[:MAX_PER_CLAUSE]


_EN_FUNCTION = frozenset(
    [
        "was",
        "were",
        "are",
        "is",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "did",
        "does",
        "been",
        "being",
        "not",
        "also",
        "said",
        "says",
        "says",
        "and",
        "but",
        "for",
        "with",
        "from",
        "into",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "than",
        "then",
        "there",
        "their",
        "they",
        "its",
        "his",
        "her",
        "our",
        "your",
    ]
)


def _nounish(word: str) -> bool:
    """Whether an English word after a determiner may be the noun pointed at (no verb, auxiliary or function word,
    no adverb in -ly)."""
    return word not in _EN_FUNCTION and not word.endswith("ly")


def _ja_noun(run: str) -> str:
    """The noun of a Japanese run after 同 or a demonstrative: up to the first kana-less break (a katakana word whole,
    else the kanji run)."""
    m = re.match(r"[ァ-ヺー]{2,}|[一-龥々]{1,6}", run)
    return m.group(0) if m else ""


def _sentences(text: str, english: bool) -> list[str]:
    if english:
        return [s for s in _EN_END_RX.split(text) if s.strip()]
    return [s for s in re.split(f"(?<=[{_JA_END}])", text) if s.strip()]


_POINTED_EN_RX = re.compile(r"(?:^|[^A-Za-z])(?:the|this|that|these|those|such(?: an?)?)\s+$", re.IGNORECASE)
_POINTED_JA_RX = re.compile(r"(?:同|この|その|今回の|こうした)$")


def _mentions(sentence: str, phrase: str, english: bool) -> int:
    """2: the sentence names the noun in full (an omnibus bill, Milei's bill, 停戦案); 1: only pointed at again,
    right after a determiner ("the bill", 同案, この計画); 0: not at all."""
    if english:
        at = whole_starts(phrase, sentence)
        pointed = _POINTED_EN_RX
    else:
        at = [m.start() for m in re.finditer(re.escape(phrase), sentence)]
        pointed = _POINTED_JA_RX
    if not at:
        return 0
    return 2 if any(pointed.search(sentence[max(0, s - 12) : s]) is None for s in at) else 1


def antecedents(clause_lo: int, clause_hi: int, text: str, earlier: Sequence[str]) -> list[Antecedent]:
    """For each anaphor of the clause `text[clause_lo:clause_hi]`, (its start, its end, the nearest earlier sentence
    mentioning its noun): searched back from the clause's own sentence through its passage and the `earlier`
    passages (nearest last), at most MAX_SENTENCES sentences."""
    nouns = _nouns(text[clause_lo:clause_hi])
    if not nouns:
        return []
    own_start = max(text.rfind(c, 0, clause_lo) for c in "。\n") + 1
    if (en := re.search(r"[.!?][\"”’']?\s+(?=[^.!?]*$)", text[:clause_lo])) is not None:
        own_start = max(own_start, en.end())
    out: list[Antecedent] = []
    for lo, hi, phrases, english in nouns:
        for phrase in phrases:
            found = _nearest(text[:own_start], earlier, phrase, english)
            if found is not None:
                out.append((clause_lo + lo, clause_lo + hi, found))
                break
    return out


def _nearest(own: str, earlier: Sequence[str], phrase: str, english: bool) -> str | None:
    """The nearest sentence naming the phrase in full (not only pointed at again: "the bill" after "the bill"), in
    the clause's passage before its sentence, then the earlier passages, nearest first; else the earliest that
    points at it (the article's first mention); at most MAX_SENTENCES read."""
    seen = 0
    first: str | None = None
    for passage in (own, *reversed(earlier)):
        for sentence in reversed(_sentences(passage, english)):
            said = _mentions(sentence, phrase, english)
            if said == 2:
                return sentence.strip()
            if said == 1:
                first = sentence.strip()
            seen += 1
            if seen >= MAX_SENTENCES:
                return first
    return first

"""What a statement says it is about by its own words: the topic it states, and a paragraph turning to another
matter.

A reaction quoted further down a report ("We welcome this", 「評価したい」, "a dark day") names no matter of its own:
the reader takes it as said of the story the headline and lead tell. A remark that states a topic of its own
(「国会を軽んじるつもりはない」, 「黒海の穀物輸出を再開したい」, "The children deserve better classrooms") is about that
topic, and about the report's story only when that topic is the story's (its words are the headline's, the lead's or
the target's). `stated_topics` finds those topics; `turns_away` finds a paragraph that has turned to another matter
before the remark (「また、」「一方、」, "Separately", "also visited"). Both read the clause alone, whatever the target
asked about: the caller decides whether a topic is the story's.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from bot.actors import TITLES
from bot.extract.polarity import evaluation
from bot.text import morphemes

__all__ = ["stated_topics", "turns_away"]

# A noun run marked as what the clause is about: topic or subject (は, が), object (を), or named as the matter
# (について, に関して, をめぐり, に対して). に/で/と mark a place, a time, a partner: no topic of the remark's own.
_JA_MARKS = frozenset({"は", "が", "を"})
_JA_MATTER_RX = re.compile(r"について|につき|に関して|に関し|に関する|をめぐ[りっる]|を巡[りっる]|に対して|に対する")
_QUOTE_JA_RX = re.compile(r"「([^「」]*)」|『([^『』]*)』")
_QUOTE_EN_RX = re.compile(r"[\"“]([^\"“”]+)[\"”]")

# English: the noun a determiner opens (the Diet, these exports, our farmers), and a sentence's subject before its
# first auxiliary (Grain exports must resume); a pronoun states no topic
_EN_OPENERS = "the|these|those|this|that|our|their|its|his|her|my|your"
_EN_OPENED_RX = re.compile(
    rf"(?<![A-Za-z])(?<!for )(?<!in )(?<!at )(?<!to )(?<!with )(?<!from )(?<!by )(?<!of )(?<!on )(?<!into )(?:{_EN_OPENERS})\s+([A-Za-z][a-z-]+)(?:\s+([a-z][a-z-]+))?",
    re.I,
)
_EN_AUX = (
    "is|are|was|were|will|would|must|should|can|could|has|have|had|need|needs|deserve|deserves|remain|remains|"
    "may|might|does|do|did"
)
_AUX = frozenset(_EN_AUX.split("|"))
_EN_SUBJECT_RX = re.compile(rf"^\s*((?:[A-Za-z][a-z-]+\s+){{0,2}}[A-Za-z][a-z-]+)\s+(?:{_EN_AUX})(?![A-Za-z])")
_EN_SENTENCE_RX = re.compile(r"[^.!?;]+")

# a paragraph that turns to another matter before the remark: a sentence opening on a turn (「また、」「一方、」
# 「このほか」, "Separately,", "Elsewhere,", "In other news"), or a visit, a meeting, a trip told as another of the
# actor's doings ("also visited", 「も視察した」)
_TURN_JA_RX = re.compile(
    r"(?:^|[。\n」])\s*(?:また|一方|他方|このほか|この他|ほかに|他に|別の|さらに別)[、,，]|"
    r"(?:も|には)(?:視察|訪問|訪れ|面会|会談|出席)"
)
_TURN_EN_RX = re.compile(
    r"(?<![A-Za-z])(?:separately|elsewhere|in other news|meanwhile|on another (?:matter|note|topic)|turning to)"
    r"(?![A-Za-z])|(?<![A-Za-z])also (?:visited|met|toured|travel(?:l)?ed|went|attended|spoke (?:about|on)|"
    r"addressed|turned to)(?![A-Za-z])",
    re.I,
)


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """(Japanese nouns, English words) that state no topic: `bot/data/own_matter.json`."""
    data = json.loads(resources.files("bot.data").joinpath("own_matter.json").read_text(encoding="utf-8"))
    return frozenset(data["ja_generic"]), frozenset(data["en_not_nouns"])


@lru_cache(maxsize=8192)
def _states_nothing(word: str) -> bool:
    """A word that names no topic: listed (`_words`), or one that evaluates (懸念, disgrace)."""
    ja, en = _words()
    return word in ja or word in en or word in _AUX or evaluation(word) != 0


def turns_away(before: str) -> bool:
    """The paragraph's text before a remark (and the remark's own opening) turns to another matter: the remark is
    about that matter, not about what the report's lead told."""
    return bool(_TURN_JA_RX.search(before) or _TURN_EN_RX.search(before))


def stated_topics(clause: str, skip: tuple[tuple[int, int], ...] = ()) -> tuple[tuple[str, ...], ...]:
    """The topics a clause states of its own, each as the words that name it (a noun run with the runs that modify
    it by の: 「黒海の穀物輸出を」 → (黒海, 穀物, 輸出); "grain exports" → (grain, exports)). Read in its quotes when
    it quotes, else in the clause; `skip`: spans of the clause that name people (the speaker of 「…大統領は、…と
    述べた」) and state no topic. Pronouns, forms and the speakers' selves (これ, つもり, 全力, we) state none."""
    return _stated(clause, skip)


@lru_cache(maxsize=4096)
def _stated(clause: str, skip: tuple[tuple[int, int], ...]) -> tuple[tuple[str, ...], ...]:
    japanese = re.search(r"[ぁ-ゖァ-ヺ一-龥]", clause) is not None
    quotes = _QUOTE_JA_RX if japanese else _QUOTE_EN_RX
    spans = [(m.start(m.lastindex or 0), m.end(m.lastindex or 0)) for m in quotes.finditer(clause)]
    if not spans:
        spans = [(0, len(clause))]
    out: list[tuple[str, ...]] = []
    for lo, hi in spans:
        part = "".join(" " if any(s <= k < e for s, e in skip) else ch for k, ch in enumerate(clause[lo:hi], lo))
        out += _japanese_topics(part) if japanese else _english_topics(part)
    return tuple(dict.fromkeys(out))


def _japanese_topics(text: str) -> list[tuple[str, ...]]:
    words = morphemes(text)
    out: list[tuple[str, ...]] = []
    group: list[str] = []  # the nouns of the run being read, with the runs before it joined by の
    run: list[str] = []
    person = False  # the run names a person (a speaker): no topic
    at = 0
    for m in words:
        at += len(m.surface)
        nominal = (m.pos[0] == "名詞" and m.pos[1] != "数詞") or (m.pos[0] in ("接尾辞", "接頭辞") and run)
        if nominal:
            run.append(m.dictionary)
            person = person or m.pos[2] == "人名"
            continue
        if not run:
            group = []
            continue
        if m.surface == "の" and m.pos[0] == "助詞":
            group += run
            run = []
            continue
        whole = [*group, *run]
        marked = (m.surface in _JA_MARKS and m.pos[0] == "助詞") or _JA_MATTER_RX.match(text, at - len(m.surface))
        named = [w for w in whole if len(w) > 1 and not w.startswith("同") and not _states_nothing(w)]
        titled = "".join(run).endswith(TITLES)  # a speaker by office (ゼレンスキー大統領は): no topic
        if marked and not person and not titled and named and not run[0].startswith("同"):
            out.append(tuple(named))
        group, run, person = [], [], False
    return out


def _english_topics(text: str) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for sentence in _EN_SENTENCE_RX.findall(text):
        found: list[list[str]] = []
        if m := _EN_SUBJECT_RX.match(sentence):
            found.append(m.group(1).split())
        for m in _EN_OPENED_RX.finditer(sentence):
            found.append([w for w in m.groups() if w])
        for words in found:
            named = tuple(w.lower() for w in words if len(w) > 2 and not _states_nothing(w.lower()))
            if named:
                out.append(named)
    return out

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
from bot.text import Morpheme, morphemes

__all__ = ["stated_topics", "turns_away"]

# A noun run marked as what the clause is about: topic or subject (は, が), object (を), or named as the matter
# (について, に関して, をめぐり, に対して). に/で/と mark a place, a time, a partner: no topic of the remark's own.
_JA_MARKS = frozenset({"は", "が", "を"})
_JA_MATTER_RX = re.compile(r"について|につき|に関して|に関し|に関する|をめぐ[りっる]|を巡[りっる]|に対して|に対する")
_QUOTE_JA_RX = re.compile(r"「([^「」]*)」|『([^『』]*)』")
_QUOTE_EN_RX = re.compile(r"[\"“]([^\"“”]+)[\"”]")

# English: a quoted sentence's own subject before its first auxiliary ("Grain exports must resume", "Our farmers
# deserve better"); a pronoun states no topic, and a definite one ("the draft", "this plan") points back to a thing
# named before (`antecedents`' question)
_EN_DEFINITE = frozenset(["the", "this", "that", "these", "those", "such"])
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
    if not spans and japanese:  # an English clause with no quote: no subject of its own to read (the speaker's)
        spans = [(0, len(clause))]
    out: list[tuple[str, ...]] = []
    for lo, hi in spans:
        part = "".join(" " if any(s <= k < e for s, e in skip) else ch for k, ch in enumerate(clause[lo:hi], lo))
        out += _japanese_topics(part) if japanese else _english_topics(part)
    return tuple(dict.fromkeys(out))


# a noun run these open points back to a thing named before (この計画, こうした行為): what it names is
# `antecedents`' question, no topic of the remark's own
_JA_POINTING = (
    "この",
    "その",
    "あの",
    "こうした",
    "そうした",
    "こんな",
    "そんな",
    "こういう",
    "そういう",
    "ような",
    "当該",
    "今回の",
)
# after its marker, the remark's own predicate: nothing but verbs, their endings and adverbs, a verbal noun said
# with する (再開したい), or a form of the predicate (つもり, こと, はず); a comma, a condition or a cause (ば, ので),
# another noun (the object of a relative clause: 「財政を元手にした賭けだ」) end it: the noun was in a clause under it
_JA_FORMS = frozenset(
    [
        "つもり",
        "こと",
        "はず",
        "わけ",
        "もの",
        "の",
        "ため",
        "よう",
        "必要",
        "方針",
        "考え",
        "予定",
        "意向",
        "覚悟",
        "構え",
        "用意",
        "所存",
        "限り",
    ]
)
_JA_SUBORDINATE = frozenset(
    ["ば", "たら", "なら", "ので", "から", "けれど", "けど", "が", "のに", "ても", "でも", "つつ", "ながら", "し"]
)
_SURU = ("し", "する", "します", "しま", "でき", "さ", "せ", "され", "させ")


def _japanese_topics(text: str) -> list[tuple[str, ...]]:
    """The noun runs (with the runs joined to them by の) marked as the topic, subject or object (は, が, を, に
    just before it, について) of a sentence's own predicate."""
    words = morphemes(text)
    out: list[tuple[str, ...]] = []
    k, n = 0, len(words)
    while k < n:
        start = k
        group: list[str] = []
        while k < n and (_nominal(words[k]) or (group and words[k].pos[0] == "接尾辞")):
            if group or words[k].surface not in _JA_FORMS:  # 「ない限り和平合意に」: the form is no part of it
                group.append(words[k].dictionary)
            k += 1
            if k + 1 < n and words[k].surface == "の" and _nominal(words[k + 1]):
                k += 1  # 黒海の穀物輸出: one topic
        if not group:
            k += 1
            continue
        if k >= n or _person(words[start:k]) or _pointed(words, start):
            continue
        marker = words[k]
        after = k + 1
        if marker.pos[0] != "助詞":
            continue
        if marker.surface == "に":
            # 「和平合意に署名しない」: only right before a verbal noun said with する (the act's matter), not a
            # contrast (には, にも) nor a plain verb's (「動機に基づく」)
            ok = after + 1 < n and words[after].pos[2] == "サ変可能" and words[after + 1].surface.startswith(_SURU)
        else:
            ok = marker.surface in _JA_MARKS or bool(_JA_MATTER_RX.match("".join(w.surface for w in words[k:])))
        if not ok or not _own_predicate(words, after):
            continue
        named = [m for m in words[start:k] if len(m.dictionary) > 1 and not _states_nothing(m.dictionary)]
        if named and not _verbal_alone(named):
            out.append(tuple(group))
    return out


def _nominal(m: Morpheme) -> bool:
    return m.pos[0] == "名詞" and m.pos[1] != "数詞"


def _person(run: list[Morpheme]) -> bool:
    """A run naming a person or a speaker by office (ゼレンスキー大統領は): no topic."""
    return any(m.pos[2] == "人名" for m in run) or "".join(m.surface for m in run).endswith(TITLES)


def _pointed(words: list[Morpheme], start: int) -> bool:
    before = "".join(m.surface for m in words[max(0, start - 3) : start])
    return before.endswith(_JA_POINTING) or words[start].surface.startswith("同")


def _verbal_alone(run: list[Morpheme]) -> bool:
    """One verbal noun and no other word that names something (一つ一つ改善を図る, 協力を求める): an act whose object
    the remark does not name."""
    return len(run) == 1 and run[0].pos[2] == "サ変可能"


def _own_predicate(words: list[Morpheme], at: int) -> bool:
    """From `at` to the end of the sentence (or the quoting と after a predicate), the remark's own predicate only."""
    for k in range(at, len(words)):
        m = words[k]
        if m.surface in ("。", "」", "』", "！", "？"):
            return True
        if (
            m.surface == "と"
            and m.pos[1] == "格助詞"
            and k > at
            and words[k - 1].pos[0] in ("動詞", "助動詞", "形容詞")
        ):
            return True  # 「…再開したい」と述べた: the reported content ends there
        if m.pos[0] == "補助記号" or (m.pos[1] == "接続助詞" and m.surface in _JA_SUBORDINATE):
            return False
        if m.pos[0] == "名詞" and not (
            m.surface in _JA_FORMS
            or m.pos[2] == "副詞可能"
            or m.pos[1] == "数詞"
            or (m.pos[2] == "サ変可能" and k + 1 < len(words) and words[k + 1].surface.startswith(_SURU))
        ):
            return False
    return True


def _english_topics(text: str) -> list[tuple[str, ...]]:
    """The subjects of a quote's sentences, where they are no pronoun and no definite noun."""
    out: list[tuple[str, ...]] = []
    for sentence in _EN_SENTENCE_RX.findall(text):
        m = _EN_SUBJECT_RX.match(sentence)
        if m is None or m.group(1).split()[0].lower() in _EN_DEFINITE:
            continue
        named = tuple(w.lower() for w in m.group(1).split() if len(w) > 2 and not _states_nothing(w.lower()))
        if named:
            out.append(named)
    return out

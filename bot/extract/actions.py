"""The act a Japanese clause reports: the kind of its main predicate, outside quotes.

「気象庁は…津波警報を発表した」 and 「気象庁は…津波警報を津波注意報に切り替えました」 share most of their words
(the agency, the warning, the coast) but not their act: one issues a warning, the other downgrades it. The
act is read from the clause's last predicate — a verb run (切り替え, 呼びかけ) or a verbal noun before する
(発表, 指示) — skipping light verbs (なる, ある, いる) and mapped to the concepts of
`bot/data/event_words.json` (its "concepts" and its "actions"), so that 述べた, 語った and 強調した are one
act. A predicate the lexicon does not know, and English text, give no act: nothing is told apart then.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.extract.event_words import CONCEPT_PREFIX, event_terms, is_english
from bot.extract.speakers import mask_quotes
from bot.text import normalize, tokenized

_LIGHT = frozenset(
    [
        "なる",
        "ある",
        "いる",
        "おる",
        "する",
        "できる",
        "れる",
        "られる",
        "せる",
        "させる",
        "みる",
        "いく",
        "くる",
        "しまう",
        "おく",
    ]
)
_SURU = frozenset(["する", "できる"])
_MAX_CHARS = 400
_SAY = frozenset([CONCEPT_PREFIX + "say"])
_ANNOUNCEMENT = frozenset([CONCEPT_PREFIX + "announcement"])


@lru_cache(maxsize=1)
def _stems() -> tuple[tuple[str, frozenset[str]], ...]:
    """(Japanese word or stem, its concepts), longest first, from the lexicon's concepts and actions."""
    data = json.loads(resources.files("bot.data").joinpath("event_words.json").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for section in ("concepts", "actions"):
        for concept, words in data.get(section, {}).items():
            for w in words:
                if not w.isascii():
                    found.setdefault(normalize(w), set()).add(CONCEPT_PREFIX + concept)
    return tuple(sorted(((w, frozenset(c)) for w, c in found.items()), key=lambda x: -len(x[0])))


@lru_cache(maxsize=1)
def _stems_by_text() -> tuple[dict[str, frozenset[str]], int]:
    """`_stems` as a lookup, and the longest stem's length."""
    stems = _stems()
    return dict(stems), max((len(w) for w, _ in stems), default=0)


def _concepts(predicate: str) -> frozenset[str]:
    """The concepts of the longest stem the predicate starts with (one lookup per length, longest first:
    of one length only one stem can begin it)."""
    form = normalize(predicate)
    stems, longest = _stems_by_text()
    for n in range(min(len(form), longest), -1, -1):
        concepts = stems.get(form[:n])
        if concepts is not None:
            return concepts
    return frozenset()


def _predicates(text: str) -> list[tuple[str, bool, bool]]:
    """The predicates of a text in order: each run of verbs (their surfaces joined), with the verbal noun
    right before it when the run is する; whether it only describes the noun after it (「出していた津波警報」,
    「起きた巨大地震」: a relative clause, no act of the sentence's own); whether it follows the quoting と
    (「…14人が搬送されたと発表した」 reports what was said, 「津波警報を発表した」 issues a warning)."""
    tokens = list(tokenized(text))
    out: list[tuple[str, bool]] = []
    run: list[str] = []
    quoting = False
    previous: tuple[str, bool] | None = None
    before = ""
    for i, m in enumerate(tokens):
        pos = m.part_of_speech()
        if pos[0] == "動詞":
            lemma = m.dictionary_form()
            if not run and lemma in _SURU and previous is not None and previous[1]:
                run.append(previous[0])  # 発表 + し
            elif lemma in _LIGHT and not run and not (lemma == "ある" and previous and previous[0] == "が"):
                previous = None  # a light verb, but 「地震があった」 tells that something happened
                continue
            if len(run) <= 1:  # the token before the run (before its verbal noun when it has one)
                quoting = (before if run else previous[0] if previous else "") == "と"
            run.append(m.surface())
        else:
            if run:
                out.append(("".join(run), _describes_a_noun(tokens, i), quoting))
                run = []
            if pos[0] == "助動詞" or (pos[0] == "接尾辞" and out):
                continue
        before = previous[0] if previous else ""
        previous = (m.surface(), pos[0] == "名詞" and pos[2] == "サ変可能")
    if run:
        out.append(("".join(run), False, quoting))
    return out


def _describes_a_noun(tokens: list, i: int) -> bool:
    """Whether the predicate ending before tokens[i] is adnominal: its auxiliaries (て, いる, た) lead straight
    into a noun, the last of them not the conjunctive て (「推定して午前8時37分に」 goes on as a clause)."""
    last = ""
    while i < len(tokens):
        m = tokens[i]
        pos = m.part_of_speech()
        if pos[0] == "助動詞" or (pos[0] == "動詞" and m.dictionary_form() in _LIGHT) or m.surface() in ("て", "で"):
            last = m.surface()
            i += 1
            continue
        return last not in ("て", "で") and pos[0] in ("名詞", "接頭辞", "代名詞", "形状詞")
    return False


def _told(concepts: frozenset[str], quoting: bool) -> frozenset[str]:
    """「…と発表した」「…と公表した」 tell what was said: an act of saying, not of issuing."""
    return _SAY if quoting and _ANNOUNCEMENT & concepts else concepts


@dataclass(frozen=True, slots=True)
class Acts:
    """A clause's main act, and every act and event word it names outside quotes (its other predicates,
    the nouns of 「辞任を表明した」): a report whose main act the other names is not told apart from it."""

    main: frozenset[str]
    named: frozenset[str]


_NONE = Acts(frozenset(), frozenset())


@lru_cache(maxsize=1)
def _english_verbs() -> dict[str, frozenset[str]]:
    """English verb forms → the acts they name: the lexicon's English "actions", and its concepts' words in the
    past tense (resigned, signed, replaced)."""
    data = json.loads(resources.files("bot.data").joinpath("event_words.json").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for section in ("actions", "concepts"):
        for concept, words in data.get(section, {}).items():
            for w in words:
                if w.isascii() and " " not in w and (section == "actions" or w.endswith("ed")):
                    found.setdefault(w.lower(), set()).add(CONCEPT_PREFIX + concept)
    return {w: frozenset(c) for w, c in found.items()}


# 「Koizumi replaced Taku Eto, who stepped down Wednesday after…」: what a relative or subordinate clause tells is
# not the sentence's act.
_EN_SUBORDINATE_RE = re.compile(
    r",\s*(?:who|which|whose|where|when)\b[^,;]*|\b(?:after|before|since|because|while|as|who|which|that)\b[^,;]*"
)
_EN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*")


# 「fired a salvo of ballistic missiles」「fired warning shots」「fired at a convoy」「opened fire on」: "fired" with a
# weapon or a target is an attack, not a dismissal ("fired at 9 a.m." names an hour, no target).
_EN_FIRED_WEAPON_RE = re.compile(
    r"\bfired\b(?=(?:\s+[\w,-]+){0,4}?\s+(?:missiles?|rockets?|shots|shells|drones?|rounds|bullets|artillery"
    r"|torpedo(?:es)?|tear gas|projectiles?)\b|\s+(?:at|upon)\s+(?![0-9]))|\bopened\s+fire\b",
    re.IGNORECASE,
)


def _english_acts(summary: str) -> Acts:
    """An English clause's act: its first verb (outside quotes and relative clauses) that the lexicon names."""
    masked = _EN_FIRED_WEAPON_RE.sub("attacked", mask_quotes(summary[:_MAX_CHARS]))
    verbs = _english_verbs()
    main_clause = _EN_SUBORDINATE_RE.sub(" ", masked)
    main = next((verbs[w] for w in map(str.lower, _EN_WORD_RE.findall(main_clause)) if w in verbs), frozenset())
    words = [w.lower() for w in _EN_WORD_RE.findall(masked)]
    named = {c for w in words for c in verbs.get(w, ())}
    named |= {
        c for c in event_terms([], " ".join(f for w in words for f in _base_forms(w))) if c.startswith(CONCEPT_PREFIX)
    }
    if main & (_ANNOUNCEMENT | _SAY):
        # "announced Sunday he will step down" is what 「…意向を表明した」 says; "said they had ended talks" what
        # 「…打ち切ると正式に発表した」 announces: English reports use either verb for either act
        named |= _ANNOUNCEMENT | _SAY
    return Acts(main, frozenset(named))


def _base_forms(word: str) -> list[str]:
    """A word and the forms it may be inflected from (stepped → step, resigns → resign)."""
    forms = [word]
    for suffix in ("s", "d", "ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms.append(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # stepped → stepp → step
    return forms


@lru_cache(maxsize=4096)
def acts(summary: str) -> Acts:
    """The concepts (「~say」, 「~downgrade」…) of the clause's acts."""
    if is_english(summary):
        return _english_acts(summary)
    masked = mask_quotes(summary[:_MAX_CHARS])
    kinds = [(p, _told(_concepts(p), quoting)) for p, relative, quoting in _predicates(masked) if not relative]
    named = {c for _, found in kinds for c in found}
    named |= {c for c in event_terms([], masked) if c.startswith(CONCEPT_PREFIX)}
    main: frozenset[str] = frozenset()
    for predicate, concepts in reversed(kinds):
        if concepts or normalize(predicate) not in _LIGHT:
            main = concepts  # the last predicate the lexicon does not know leaves the act unknown
            break
    return Acts(main, frozenset(named))


@lru_cache(maxsize=1)
def _incident_words() -> tuple[frozenset[str], frozenset[str]]:
    """(the concepts a disaster or accident is named by, the acts its day is told by), from the lexicon."""
    data = json.loads(resources.files("bot.data").joinpath("event_words.json").read_text(encoding="utf-8"))
    return (
        frozenset(CONCEPT_PREFIX + c for c in data.get("incidents", [])),
        frozenset(CONCEPT_PREFIX + c for c in data.get("incident_acts", [])),
    )


def names_an_incident(tokens: list[str]) -> bool:
    """Whether an event's words name a disaster or an accident (an earthquake, a flood, a collision…)."""
    return not _incident_words()[0].isdisjoint(tokens)


def incident_act(clause: str) -> bool:
    """Whether a clause's main act is one a disaster day is told by (an evacuation, a halt, a measured wave, a
    death: the data's "incident_acts"), which a same-day report of the disaster need not date."""
    return bool(acts(clause).main & _incident_words()[1])

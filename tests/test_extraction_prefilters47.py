"""fast47's cuts of extraction's CPU, each checked against the way it replaced (no timing asserted).

- `discover.may_stand_alone`: a necessary test before a given name's pattern is compiled; wherever the pattern
  matches, the test holds.
- `attribution_en.head_phrases`: the head phrase regex's finditer, searched from near each head word; the same
  matches.
- `event_words.is_english`: the Latin letters counted from the ASCII bytes; the same count as the regex's findall.
- `discover._EN_APPOSED_END_RX`: every apposition match ends with what the gate finds.
- `alternation.Alternation`'s ASCII parts led by one plain class of their starting characters (with
  `ASCII_FOLDS`): the whole alternation's matches.
"""

from __future__ import annotations

import random
import re

import pytest

from bot.extract import discover, stance
from bot.extract.alternation import ASCII_FOLDS
from bot.extract.attribution_en import _head_phrase_re, head_phrases
from bot.extract.event_words import _JA_CHAR_RE, _LATIN_RE, is_english

_SENTENCES = [
    "Surakiart Sathirathai, the envoy, met the press on Monday. Mr Surakiart said the talks had stalled.",
    "Dr. Amelia Korvath arrived late. Amelia, who chairs the panel, said it would meet again.",
    "Tobias Wendt left. Tobias later told reporters nothing had changed. Mrs  Tobias is someone else.",
    "Marisol Quint spoke first; Marisol Quint then added a remark. Marisolas said nothing.",
    "Ms\u00a0Petra Lind warned of delays. Ms Petra Lind-Holm wrote back. Petra also warned them.",
    "The bank's chief, Oskar Bremen, said rates would rise.\nOskar\tsaid so twice.",
    "Nothing here names anyone, and nobody said anything about Kestrel.",
    "Kestrel,   who had run the agency for a decade and more, said goodbye. (Kestrel) wrote.",
]
_PIECES = [
    "Anna",
    " ",
    "  ",
    "\n",
    "Mr",
    "Mrs",
    "Ms.",
    "Dr",
    ".",
    ",",
    " said",
    " told",
    "saidx",
    " also",
    " later",
    ", who ran it,",
    "Annabel",
    "x",
    "-",
    "’",
    "\u3000",
    "氏",
]


def _alone_rx(given: str) -> re.Pattern[str]:
    """The pattern `_given_names_alone` compiles for `given`."""
    return re.compile(
        rf"(?:\b(?:Mr|Mrs|Ms|Dr)\.?\s+{re.escape(given)}(?![\w'’-])(?!\s+[A-Z])"
        rf"|(?<![\w.'’-]){re.escape(given)}{discover._EN_ALONE_TAIL})"
    )


def _random_texts(pieces: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))) for _ in range(n)]


@pytest.mark.parametrize("text", _SENTENCES)
def test_may_stand_alone_holds_wherever_the_pattern_matches(text: str) -> None:
    for given in sorted(set(re.findall(r"[A-Z][a-z]+", text))):
        if _alone_rx(given).search(text):
            assert discover.may_stand_alone(text, given), given


def test_may_stand_alone_on_random_texts() -> None:
    matched = passed = 0
    for text in _random_texts(_PIECES, 6000, 47):
        for given in ("Anna", "Annabel"):
            found = _alone_rx(given).search(text) is not None
            ok = discover.may_stand_alone(text, given)
            assert ok or not found, repr(text)
            matched += found
            passed += ok
    assert matched > 100 and passed < 6000  # both sides reached: the test is not vacuous, nor always true


def test_may_stand_alone_refuses_a_full_name_only() -> None:
    assert not discover.may_stand_alone("Tobias Wendt said the plan was sound. Tobias Wendt left.", "Tobias")
    assert discover.may_stand_alone("Tobias Wendt left. Tobias said so.", "Tobias")
    assert discover.may_stand_alone("Tobias Wendt left. Mr. \n Tobias", "Tobias")
    assert discover.may_stand_alone(" " * 50 + "Tobias", "Tobias")  # a long run of spaces: not looked past


def test_given_names_alone_pattern_text_unchanged() -> None:
    """The tail kept apart is the one the pattern always had."""
    tail = rf"(?:,\s+who\s[^,;]{{2,80}},)?\s+(?:(?:also|later|then)\s+)?{discover._EN_ALONE_AFTER}"
    assert tail == discover._EN_ALONE_TAIL


@pytest.mark.parametrize("head", ["ministry", "agency", "bank", "it"])
def test_head_phrases_as_finditer(head: str) -> None:
    texts = [
        *_SENTENCES,
        "Japan's transport ministry said on Friday that the Ministry of Finance and the health ministry agreed.",
        "A  b\tc\nd  e f g the agency,the agency; agencyx agency-wide AGENCY it's it.",
    ]
    texts += _random_texts(
        ["ministry", "Ministry", " ", "  ", "\n", "a", "x's", "’", ".", "&", "-", "(", "省"], 3000, 7
    )
    for text in texts:
        want = [(m.span(), m.groups()) for m in _head_phrase_re(head).finditer(text)]
        got = [(m.span(), m.groups()) for m in head_phrases(head, text)]
        assert got == want, repr(text)


def _is_english_by_findall(text: str) -> bool:
    latin = len(_LATIN_RE.findall(text))
    if not latin:
        return False
    limit = latin * 0.2
    return all(ja < limit for ja, _ in enumerate(_JA_CHAR_RE.finditer(text), 1))


def test_is_english_as_by_findall() -> None:
    pieces = ["a", "Z", "é", "ß", "Ａ", "ａ", "\ud800", " ", "1", "日本", "ア", "の", "\n", "İ", "K", "ſ"]
    texts = [
        "The minister said so.",
        "首相は、Reuters の取材に応じた。",
        "Kishida said 「検討する」 on Monday.",
        "",
        *_random_texts(pieces, 3000, 3),
    ]
    for text in texts:
        is_english.cache_clear()
        assert is_english(text) == _is_english_by_findall(text), repr(text)


def test_apposition_gate_holds_wherever_an_apposition_matches() -> None:
    texts = [
        "Oskar Bremen, the bank's chief executive, said rates would rise.",
        "Petra Lind, the mayor, or also known as the boss, told them.",
        "Petra Lind, a senator,\n\twrote that she would stay.",
        "Petra Lind, a senator said nothing.",
        *_random_texts(
            ["Oskar Bremen", ", ", ",", " ", "\n", "the minister", "said", "saidx", "or Bob, ", "told", "x"], 4000, 11
        ),
    ]
    hits = 0
    for text in texts:
        if discover._EN_APPOSED_RX.search(text):
            hits += 1
            assert discover._EN_APPOSED_END_RX.search(text), repr(text)
    assert hits > 10


def test_ascii_folds_are_every_character_beyond_ascii_a_case_blind_ascii_class_matches() -> None:
    every = "".join(map(chr, range(0x80, 0x110000)))
    beyond = {m.group() for m in re.finditer(r"(?i:[\x00-\x7f])", every)}
    assert beyond == set(ASCII_FOLDS)


def test_position_scan_as_one_alternation() -> None:
    """The ASCII parts led by one plain class of their starting characters: the whole alternation's matches."""
    texts = [
        "The minister stopped short of saying so, but would not hesitate to act; they don't hesitate either.",
        "Officials declined to comment. How can anyone accept this? We call on them to reconsider.",
        "NOT IN A POSITION TO JUDGE, said the spokesman. Spare no effort, ſtop, Kelvin K.",
        "首相は「コメントは控える」と述べ、判断は難しいとした。Cannot judge it without data.",
        *_random_texts(
            ["not ", "n't ", "hesitate", "cannot", " judge", "x", " ", "ſ", "K", "。", "い", "How can it be", "?"],
            2000,
            5,
        ),
    ]
    for scanner in (stance._POS_SCAN, stance._TOPICS_SCAN):
        alt = scanner.patterns
        assert alt is not None and alt.parts
        for text in texts:
            want = [(m.start(), m.end(), int(m.lastgroup[1:])) for m in alt.whole.finditer(text)]  # type: ignore[index]
            assert alt.finditer(text) == want, repr(text)

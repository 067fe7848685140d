"""A body's name in a person's phrase (`names_body`) and a body named as a clause's capacity (`member_clause`) are
found without a regular expression compiled for each name (perf37): the name is looked for as a string, and the
characters around it are tested by patterns compiled once. What is found must be what the patterns of one name
found before — the name between its boundaries, searched with `re` — on every phrase: sentences of our own in both
scripts, each way, and a grid of generated phrases around each name (the boundary letters, case, the characters
`re` folds with Latin ones under IGNORECASE: K of the Kelvin sign, the long s, the dotless i)."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.extract.affiliation import _in_capacity, _named_in, member_clause, names_body


def _by_pattern(name: str, phrase: str) -> bool:
    """The pattern each name was searched with before (affiliation._name_rx)."""
    if name.isascii():
        return re.search(r"(?<![A-Za-z])" + re.escape(name) + r"(?![a-z])", phrase, re.IGNORECASE) is not None
    return re.search(re.escape(name) + r"(?![一-龥々ァ-ヶー])", phrase) is not None


def _capacity_by_pattern(name: str, text: str, scan: int, hi: int) -> bool:
    """The pattern a body's capacity was searched with before (affiliation._capacity_rx)."""
    rx = re.compile(r"(?<![一-龥々ァ-ヶ])" + re.escape(name) + r"(?:として(?:は|も)?|の立場(?:として|から)は?)")
    return rx.search(text, scan, hi) is not None


@pytest.mark.parametrize(
    ("name", "phrase", "named"),
    [
        ("CrowdStrike", "a lawyer for CrowdStrike", True),
        ("CrowdStrike", "a lawyer for crowdstrike", True),  # any case
        ("CrowdStrike", "CrowdStrike's chief", True),
        ("Trump", "a Trumpism adviser", False),  # inside a longer word
        ("Trump", "an aide of Trump", True),
        ("Trump", "a TRUMPS aide", False),  # the lookahead's case folds too: no letter of any case after it
        ("Trump", "TRUMP-era aides", True),
        ("Hamas", "NotHamas spokesperson", False),  # a letter before it
        ("Hamas", "pro-Hamas spokesperson", True),
        ("U.S.", "a U.S. official", True),  # the name's own dots are no pattern
        ("U.S.", "a UxSx official", False),
        ("検察", "最高検察庁", False),  # another body's name holding it
        ("検察", "検察の幹部", True),
        ("検察", "最高検察庁と検察当局", False),  # 検察当局 goes on in kanji too
        ("検察", "最高検察庁と、検察は", True),  # its second mention stands whole
        ("トヨタ", "トヨタ自動車の", False),
        ("トヨタ", "トヨタの", True),
        ("トヨタ", "トヨター", False),  # a long vowel mark goes on with the name
        ("経団連", "経団連々", False),
    ],
)
def test_a_name_is_found_whole_as_its_pattern_found_it(name: str, phrase: str, named: bool) -> None:
    assert _named_in(name, phrase) is named
    assert _by_pattern(name, phrase) is named


def test_every_phrase_around_a_name_is_read_as_the_pattern_read_it() -> None:
    """Each name with every pair of characters before and after it, once and twice in the phrase (the first
    occurrence failing its boundary, the second standing whole)."""
    edges = ["", " ", "a", "Z", "k", "\u212a", "\u017f", "\u0131", "\u0130", "1", "-", "'", "検", "の", "ー", "々", "ア", "\u3000"]
    names = ["Kis", "sky", "Ii", "NATO", "A.B", "検察", "トヨタ", "経団連", "ジョージ・カーツ"]
    for name in names:
        for before, after in itertools.product(edges, repeat=2):
            for phrase in (before + name + after, before + name + after + name, name + after + before + name + "x"):
                assert _named_in(name, phrase) is _by_pattern(name, phrase), (name, phrase)


def test_names_body_reads_the_names_as_before() -> None:
    assert names_body(["最高検察庁"], ["検察", "最高検察庁"])
    assert not names_body(["最高検察庁"], ["検察"])
    assert names_body(["a lawyer for CrowdStrike"], ["crowdstrike"])
    assert not names_body(["a CrowdStriker fan"], ["CrowdStrike"])


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("田中会長は「大日本猟友会としては反対だ」と述べた。", True),
        ("田中会長は「大日本猟友会としても反対だ」と述べた。", True),
        ("田中会長は大日本猟友会の立場から反対した。", True),
        ("田中会長は全大日本猟友会としては反対だと述べた。", False),  # the end of a longer name
        ("田中会長は大日本猟友会に反対した。", False),  # named, in no capacity
    ],
)
def test_a_body_named_as_the_clauses_capacity(text: str, named: bool) -> None:
    at = text.index("は") + 1
    assert member_clause("大日本猟友会", text, 0, at, len(text)) is named


def test_a_capacity_is_read_within_the_clause_as_the_pattern_read_it() -> None:
    """Every window of a text naming the body twice, the first time as another name's end: the character before
    the name read even where it lies before the window, the capacity only within it."""
    name = "猟友会"
    for text in (
        "全猟友会としては反対、猟友会としても反対だ",
        "猟友会の立場からは、大猟友会の立場として",
        "ア猟友会として、の猟友会の立場として",
        "猟友会猟友会として",
    ):
        for scan in range(len(text) + 1):
            for hi in range(scan, len(text) + 1):
                assert _in_capacity(name, text, scan, hi) is _capacity_by_pattern(name, text, scan, hi), (
                    text,
                    scan,
                    hi,
                )

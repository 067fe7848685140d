"""Names and their identity, twenty-first round (sentences of our own, none from a corpus).

- An English person named with a title ("Senator Ruth Cole said …", "Mayor Carol Dunn told …") is one actor under
  the surname, the title no part of any of its names, whatever order the sentences and the reports come in.
- A title's complement ends where the name begins: "Osamu Kanemitsu, president of Harbor Media, denied …" names
  no person "Media".
- A surname alone after a full name of it that the index holds is that person, whoever else of the surname the
  index met first (Domingo after Sara Domingo).
- A katakana full name met once and later by one of its parts (the family name, the given name, the name used) is
  one person: 「ペートンタン・シナワット首相」 … 「ペートンタン首相」, 「フン・セン氏」 … 「フン氏」; a family name
  written first keeps the whole name (フン・マネット, チェ・サンモク).
"""

from __future__ import annotations

from itertools import permutations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute, speaker_actors
from bot.extract.discover import discover_actors
from bot.models import ParsedPassage

BASE = ActorIndex([ActorEntry(-1, "北海市", None, "body", [], None)])


def _ingest(index: ActorIndex, texts: list[str]) -> ActorIndex:
    """One document read as ingestion reads it: its titled names, then the speakers its attribution names."""
    new = discover_actors([ParsedPassage(text=t) for t in texts], index)
    extended = index.extended([(a.name, a.aliases, a.kind, a.description) for a in new]) if new else index
    more = speaker_actors(["\n".join(texts)], extended)
    if more:
        new = [*new, *more]
        extended = index.extended([(a.name, a.aliases, a.kind, a.description) for a in new])
    return extended


def _speaker(texts: list[str], quote: str, index: ActorIndex = BASE) -> str | None:
    index = _ingest(index, texts)
    text = "\n".join(texts)
    at = text.index(quote)
    return attribute(text, at, at + len(quote), index, context=text)


def _people(index: ActorIndex) -> list[tuple[str, frozenset[str]]]:
    return sorted((a.name, frozenset(a.aliases)) for a in index.actors.values() if a.kind == "person")


COLE = [
    "Senator Ruth Cole said on Monday that the harbor bill was dead.",
    '"We will fight it in committee," Senator Ruth Cole said.',
    "Ruth Cole, the senator who chairs the committee, said the vote would wait.",
    '"It is not over," Cole said.',
]


@pytest.mark.parametrize("order", list(permutations(range(4))))
def test_a_titled_english_person_is_one_actor_in_any_order_of_sentences(order: tuple[int, ...]) -> None:
    index = _ingest(BASE, [COLE[i] for i in order])
    assert _people(index) == [("Cole", frozenset({"Ruth Cole"}))]


@pytest.mark.parametrize("order", list(permutations(range(3))))
def test_a_titled_english_person_is_one_actor_in_any_order_of_reports(order: tuple[int, ...]) -> None:
    reports = [
        ["Prime Minister Mark Example said on Monday the border would stay open."],
        ['"We are ready," Mark Example said.', "Mark Example said the talks would go on."],
        ["Example told reporters the talks would go on.", '"We are ready," Prime Minister Mark Example said.'],
    ]
    index = BASE
    for i in order:
        index = _ingest(index, reports[i])
    assert _people(index) == [("Example", frozenset({"Mark Example"}))]
    assert len({index.resolve(n).id for n in ("Example", "Mark Example")}) == 1  # type: ignore[union-attr]


def test_a_title_is_no_part_of_a_name_said_with_it() -> None:
    found = discover_actors([ParsedPassage(text='"We will rebuild," Mayor Carol Dunn said.')], BASE)
    assert [(f.name, f.aliases) for f in found] == [("Dunn", ["Carol Dunn"])]


@pytest.mark.parametrize(
    "text",
    [
        "Osamu Kanemitsu, president of Harbor Media, denied that the adviser kept any influence.",
        "The plan was backed by the chairman of Northern Power, who spoke on Monday.",
    ],
)
def test_a_word_after_a_titles_complement_is_no_person(text: str) -> None:
    found = discover_actors([ParsedPassage(text=text)], BASE)
    assert not any(f.name in ("Media", "Power") for f in found)


def test_an_office_with_a_complement_still_finds_the_full_name_after_it() -> None:
    found = discover_actors([ParsedPassage(text="Ambassador to Japan George Glass said on Monday.")], BASE)
    assert [(f.name, f.aliases[0]) for f in found] == [("Glass", "George Glass")]


@pytest.mark.parametrize("first", ["Rodrigo", "Sara"])
def test_a_surname_alone_is_the_namesake_the_report_named_in_full(first: str) -> None:
    """Whichever Domingo the index met first holds the surname; the report's own full name decides."""
    other = "Sara" if first == "Rodrigo" else "Rodrigo"
    index = ActorIndex(
        [
            ActorEntry(-1, "Domingo", None, "person", [f"{first} Domingo"], None),
            ActorEntry(-2, f"{other} Domingo", None, "person", [], None),
        ]
    )
    for who in ("Sara", "Rodrigo"):
        text = f'{who} Domingo spoke at a rally on Monday. "We will not back down," Domingo said.'
        at = text.index("We will not")
        got = attribute(text, at, at + len("We will not back down,"), index, context=text)
        assert got is not None and index.resolve(got) is index.resolve(f"{who} Domingo")


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (
            ["タイのペートンタン・シナワット首相は28日、会見した。", "ペートンタン首相は「停戦を守る」と述べた。"],
            "シナワット",
        ),
        (["カンボジアのフン・セン前首相は28日、声明を出した。", "フン氏は「停戦を守る」と述べた。"], "フン・セン"),
        (["カンボジアのフン・セン前首相は28日、声明を出した。", "セン氏は「停戦を守る」と述べた。"], "フン・セン"),
        (
            [
                "ミャンマー国軍のミン・アウン・フライン総司令官は演説した。",
                "フライン総司令官は「停戦を守る」と述べた。",
            ],
            "フライン",
        ),
        (
            ["カンボジアのフン・マネット首相は28日、会見した。", "マネット首相は「停戦を守る」と述べた。"],
            "フン・マネット",
        ),
    ],
)
def test_a_part_of_a_katakana_full_name_is_the_whole_person(texts: list[str], want: str) -> None:
    index = _ingest(BASE, texts)
    got = _speaker(texts, "停戦を守る")
    assert got is not None and index.resolve(got) is index.resolve(want)
    assert len([a for a in index.actors.values() if a.kind == "person"]) == 1  # no second actor for the part


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_family_name_first_is_one_actor_in_any_order_of_reports(order: tuple[int, ...]) -> None:
    reports = [
        ["カンボジアのフン・マネット首相は28日、会見した。", "フン・マネット首相は「停戦を守る」と述べた。"],
        ["フン・マネット首相は29日、国境を視察した。"],
    ]
    index = BASE
    for i in order:
        index = _ingest(index, reports[i])
    assert _people(index) == [("フン・マネット", frozenset())]

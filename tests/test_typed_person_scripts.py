"""A person typed in one script whom the reports write only in the other (issue #11): a foreign name typed in Latin
letters that a Japanese report writes in katakana (John Smith: ジョン・スミス長官), a Japanese name typed given name
first that the reports write in kanji (Taro Yamada: 山田太郎経済産業相), a kanji name typed that only an English report
names, family name first (渡辺健二: Watanabe Kenji), and a two-word Latin name typed in the other order (Kenji Watanabe
for the Watanabe Kenji of the report, `resolve.swapped_latin`). A name that covers only part of the person's, or two
people, answers for no one."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.resolve import latin_person, swapped_latin
from bot.services.stance_about import read_actor, stance_about
from bot.store import Store

JA = """\
---
title: 米長官が来日、防衛協力を協議
published: 2024-10-31
---
来日した米国のジョン・スミス国防長官は31日、山田太郎経済産業相と会談し「同盟の強化が重要だ」と述べた。山田太郎経済産業相は「緊密に連携したい」と応じた。
"""
EN = """\
---
title: Japan minister backs tariff talks
published: 2024-11-01
---
Japan's trade minister, Watanabe Kenji, said on Friday that the talks should continue, adding that tariffs would hurt both sides.
"""


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("John Smith", {"スミス", "ジョン・スミス", "ジョン スミス"}),  # Latin typed, katakana in the report
        ("Taro Yamada", {"山田", "山田太郎"}),  # given name first, kanji in the report
        ("Yamada Taro", {"山田", "山田太郎"}),  # family name first
        ("渡辺健二", {"Watanabe Kenji"}),  # kanji typed, only an English report, family name first
        ("Kenji Watanabe", {"Watanabe Kenji"}),  # the other order of the English report's name
    ],
)
async def test_a_person_typed_in_the_other_script(store: Store, typed: str, names: set[str]) -> None:
    assert (await ingest_text(store, JA, name="ja.md")).status == "added"
    assert (await ingest_text(store, EN, name="en.md")).status == "added"
    reading = await read_actor(store, typed, "同盟の強化", None)
    entry, named = reading.entry, reading.named
    assert names & {entry.name, *entry.aliases, (named or "").strip('"')}


@pytest.mark.parametrize("typed", ["Jane Smith", "Jiro Yamada", "山田次郎", "渡辺健一", "Kenichi Watanabe"])
async def test_a_name_that_covers_only_part_of_the_person_is_no_one(store: Store, typed: str) -> None:
    """Another given name with the same surname: the whole name typed must be the person's."""
    assert (await ingest_text(store, JA, name="ja.md")).status == "added"
    assert (await ingest_text(store, EN, name="en.md")).status == "added"
    with pytest.raises(QueryError):
        await read_actor(store, typed, "同盟の強化", None)


def _index(*names: tuple[str, str]) -> ActorIndex:
    return ActorIndex([ActorEntry(i, name, None, kind, []) for i, (name, kind) in enumerate(names, 1)])


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Kenji Watanabe", "Watanabe Kenji"),
        ("Fumio Kishida", "Kishida Fumio"),
        ("Kishida", None),  # a surname alone is `latin_person`'s
        ("Bank Japan", None),  # not a person
        ("Kenji Watanabe Jr", None),  # two words only
        ("kenji watanabe", None),  # not written as a name
    ],
)
def test_a_latin_name_typed_in_the_other_order(typed: str, found: str | None) -> None:
    index = _index(("Watanabe Kenji", "person"), ("Kishida Fumio", "person"), ("Japan Bank", "org"))
    entry = swapped_latin(index, typed)
    assert (entry and entry.name) == found


async def test_the_statements_of_a_name_typed_in_the_other_order(store: Store) -> None:
    """/stance end to end: Kenji Watanabe typed, "Watanabe Kenji" in the English report."""
    assert (await ingest_text(store, EN, name="en.md")).status == "added"
    report = await stance_about(store, "Kenji Watanabe", "tariffs")
    assert [s.text[:32] for s in report.statements] == ["Japan's trade minister, Watanabe"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Taro Yamada", "山田太郎"),  # given name first
        ("Yamada Taro", "山田太郎"),  # family name first
        ("Yamada", None),  # two people of that surname: neither is guessed
        ("Jiro Yamada", None),  # a given name neither has
    ],
)
def test_a_japanese_name_typed_in_latin_letters_among_two_of_one_surname(typed: str, found: str | None) -> None:
    index = _index(("山田太郎", "person"), ("山田花子", "person"))
    entry = latin_person(index, typed)
    assert (entry and entry.name) == found


@pytest.mark.parametrize(
    ("typed", "found"), [("Nielsen Jens-Frederik", "ニールセン"), ("Jae-myung Lee", "Lee Jae-myung")]
)
def test_a_hyphenated_given_name_in_the_other_order(typed: str, found: str) -> None:
    index = ActorIndex(
        [
            ActorEntry(1, "ニールセン", None, "person", ["Jens-Frederik Nielsen", "Nielsen"]),
            ActorEntry(2, "Lee Jae-myung", None, "person", []),
        ]
    )
    entry = swapped_latin(index, typed)
    assert entry is not None and entry.name == found

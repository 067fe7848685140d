"""A French or Spanish name heard in katakana as its own language sounds it, part by part and before the key folds
its letters: Saint-Martin サンマルタン (a part's final t not sounded, ain and in as アン), Llorca ジョルカ (the
Spanish ll, which the key would fold to one l); never a name that only shares some of its sounds."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.romaji import sounds_like
from bot.services.resolve import across_scripts


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Saint-Martin", "サンマルタン"),
        ("Laurent Saint-Martin", "ローラン・サンマルタン"),
        ("Alain", "アラン"),
        ("Llorca", "ジョルカ"),
        ("Pérez Llorca", "ペレス・ジョルカ"),
        ("Castillo", "カスティージョ"),
        ("Llorca", "ロルカ"),  # …or as written
        ("Martin", "マーティン"),  # the English reading stays
    ],
)
def test_a_name_heard_as_its_language_says_it(latin: str, kana: str) -> None:
    assert sounds_like(latin, kana)


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Saint-Martin", "サンマリノ"),
        ("Saint-Martin", "マルタン"),  # a part of the name is not the name
        ("Llorca", "ジョーカー"),
        ("Alain", "アライ"),
    ],
)
def test_a_name_that_only_shares_some_sounds(latin: str, kana: str) -> None:
    assert not sounds_like(latin, kana)


def test_the_french_and_the_spanish_name_typed_find_their_katakana_person() -> None:
    actors = ActorIndex(
        [
            ActorEntry(1, "サンマルタン", None, "person", []),
            ActorEntry(2, "ジョルカ", None, "person", ["ペレス・ジョルカ"]),
            ActorEntry(3, "マルタン", None, "person", []),
        ]
    )

    def found(typed: str) -> list[str]:
        return [a.name for a in across_scripts(actors, ActorEntry(0, typed, None, "person", []))]

    assert found("Saint-Martin") == ["サンマルタン"]
    assert found("Pérez Llorca") == ["ジョルカ"]

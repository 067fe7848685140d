"""A foreign name typed in Latin letters finds the same person in Japanese reports, which write it in katakana
(Grossi, グロッシ): no reading links the two, so they are compared by sound (`romaji.sounds_like`)."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.romaji import sounds_like
from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.stance import stance
from bot.services.stance_about import stance_about
from bot.store import Store


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Grossi", "グロッシ"),  # the vowel katakana adds after a consonant, sh for s
        ("Bessent", "ベッセント"),
        ("Lutnick", "ラトニック"),  # ck
        ("Zelensky", "ゼレンスキー"),  # l as r, y as a long vowel
        ("Lavrov", "ラブロフ"),  # v as b, f
        ("Starmer", "スターマー"),  # an r after a vowel is not written
        ("Hartmann", "ハルトマン"),  # …or written as ル
        ("Rubio", "ルビオ"),  # two consonants: the letters must agree
        ("Park Sang-woo", "パクサンウ"),  # Korean: a syllable-final ng is ン, the r of Park is not written
        ("Choi Sang-mok", "チェサンモク"),
        ("King", "キング"),  # an English ng stays ング
        ("Leghari", "レガリ"),  # the h of an aspirated consonant is not written
        ("Bhutto", "ブット"),
        ("Dhaka", "ダッカ"),
        ("Taylor", "テイラー"),  # English: ay before a consonant as エイ, a final -or / -er as アー
        ("Rayner", "レイナー"),
        ("Connor", "コナー"),
    ],
)
def test_names_that_sound_alike(latin: str, kana: str) -> None:
    assert sounds_like(latin, kana)


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Grossi", "グローバル"),
        ("Trump", "トランス"),
        ("Bessent", "ベース"),
        ("Rubio", "ルビー"),  # two consonants, letters that differ
        ("Macron", "マクロ"),
        ("Vance", "バランス"),
        ("Markey", "マーケット"),
        ("Park Sang-woo", "パクサンモク"),  # another given name
        ("Leghari", "レバリ"),  # the aspirated consonant's own sound still counts
        ("Taylor", "タイラー"),  # ay is エイ, not アイ
        ("Tyler", "テイラー"),
        ("Rayner", "ライナー"),
    ],
)
def test_names_that_do_not(latin: str, kana: str) -> None:
    assert not sounds_like(latin, kana)


def test_a_latin_name_and_a_katakana_one_are_one_person_across_scripts() -> None:
    from bot.services.resolve import across_scripts

    index = ActorIndex(
        [
            ActorEntry(1, "ハルトマン", None, "person", [], None),
            ActorEntry(2, "Hartmann", None, "person", [], None),
            ActorEntry(3, "Lena Hartmann", None, "person", [], None),
            ActorEntry(4, "ハートランド", None, "person", [], None),
            ActorEntry(5, "ペーター・ハルトマン", None, "person", [], None),
            ActorEntry(6, "Hartmann Group", None, "body", [], None),
        ]
    )
    assert sorted(a.id for a in across_scripts(index, index.actors[2])) == [1, 5]
    assert sorted(a.id for a in across_scripts(index, index.actors[1])) == [2, 3]
    # a full name in both scripts: every word must agree (Lena is not Peter)
    assert [a.id for a in across_scripts(index, index.actors[3])] == [1]
    assert across_scripts(index, index.actors[4]) == []


def test_a_korean_name_in_katakana_with_no_dot_is_the_same_person() -> None:
    """パクサンウ (written with no dot between family and given name) and Park Sang-woo: the whole names are
    compared when the words do not pair up one to one; another given name is another person."""
    from bot.services.resolve import across_scripts

    index = ActorIndex(
        [
            ActorEntry(1, "朴相禹", None, "person", ["パクサンウ"], None),
            ActorEntry(2, "Park Sang-woo", None, "person", [], None),
            ActorEntry(3, "Park Sang-mok", None, "person", [], None),
        ]
    )
    assert [a.id for a in across_scripts(index, index.actors[2])] == [1]
    assert across_scripts(index, index.actors[3]) == []


ARTICLE = """\
---
title: 国際機関トップ、処理計画に「科学的に妥当」
published: 2025-06-10
outlet: 共同通信
---
国際機関トップ、処理計画に「科学的に妥当」

来日中のハルトマン事務局長は10日、都内で記者会見し、政府の処理計画について「科学的に妥当であり、国際基準に沿っている」と述べた。
ハルトマン氏は「計画を承認する立場にはない」とも語った。
"""


async def test_a_name_typed_in_latin_letters_finds_the_speaker_written_in_katakana(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="iaea.md")).status == "added"
    report = await stance_about(store, "Hartmann", "処理計画")
    assert report.actor.name == "ハルトマン"
    assert any("科学的に妥当" in s.text for s in report.statements)
    assert (await stance(store, "Hartmann")).actor.name == "ハルトマン"
    with pytest.raises(QueryError):  # counter-example: a name that only shares some letters
        await stance_about(store, "Hartland", "処理計画")


def test_an_arabic_name_with_its_article_finds_the_surname_in_katakana() -> None:
    """Ahmed al-Sharaa in English reports, シャラア in Japanese ones: the article (al-, el-) joined to the name
    is no word of its own, so the name after it is compared; a name no word of which sounds alike stays apart."""
    from bot.services.resolve import across_scripts

    index = ActorIndex(
        [
            ActorEntry(1, "シャラア", None, "person", [], None),
            ActorEntry(2, "Ahmed al-Sharaa", None, "person", [], None),
            ActorEntry(3, "Hassan el-Baradi", None, "person", [], None),
            ActorEntry(4, "バラディ", None, "person", [], None),
        ]
    )
    assert [a.id for a in across_scripts(index, index.actors[2])] == [1]
    assert [a.id for a in across_scripts(index, index.actors[3])] == [4]
    assert [a.id for a in across_scripts(index, index.actors[1])] == [2]

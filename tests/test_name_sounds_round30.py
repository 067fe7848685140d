"""English names as they are said, not spelt (Turner ターナー, Wright ライト, Gray グレイ), and a full name whose
given names agree and whose surname is close (Carlos Ghosn, カルロス・ゴーン): one person in English and Japanese
reports (`romaji.sounds_like`, `romaji.sounds_near`, `resolve.across_scripts`)."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.romaji import sounds_like, sounds_like_by_rule, sounds_near
from bot.services.resolve import across_scripts


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Turner", "ターナー"),  # ur before a consonant as アー
        ("Parker", "パーカー"),  # ar before a consonant, the r not written
        ("Baker", "ベーカー"),  # a long a before one consonant and -er: エー or エイ
        ("Baker", "ベイカー"),
        ("Gates", "ゲイツ"),
        ("Fowler", "ファウラー"),  # ow as アウ
        ("Brown", "ブラウン"),
        ("Powell", "パウエル"),
        ("Hayes", "ヘイズ"),  # ay at the end, -es as ズ
        ("Gray", "グレイ"),  # the u katakana adds in グレ
        ("Blair", "ブレア"),  # air as エア
        ("Wright", "ライト"),  # a first wr and kn, igh
        ("Knight", "ナイト"),
        ("Jane", "ジェーン"),
        ("Carole", "キャロル"),
        ("Cheatle", "チートル"),  # each of these found unjoined in a tuned story's store (butler2024)
        ("Whitaker", "ウィテカー"),  # boeing2024: a first wh
        ("Kurtz", "カーツ"),  # crowdstrike2024: tz as ツ
        ("Crowley", "クローリー"),  # lafires2025: ow as オー
        ("Crowe", "クロウ"),
        ("Yellen", "イエレン"),  # svb2023, yen2024: a first ye as イエ
        ("Summers", "サマーズ"),  # openai2023: a short u as ア, a final s as ズ
        ("Hunt", "ハント"),
        ("Sanders", "サンダース"),
    ],
)
def test_english_names_as_they_are_said(latin: str, kana: str) -> None:
    assert sounds_like(latin, kana)


@pytest.mark.parametrize(
    ("latin", "kana"),
    [
        ("Gates", "ゲッツ"),  # Getz: the long e only where katakana writes a long vowel
        ("Gray", "グリー"),
        ("Knight", "ネイト"),  # Nate
        ("Wright", "ライス"),  # Rice
        ("Hayes", "ヘス"),  # Hess
        ("Blair", "ブラー"),
        ("Ghosn", "ゴメス"),
        ("Gosse", "ゴーン"),
        ("Baker", "ビーカー"),
        ("Kurt", "カーツ"),  # ツ only for a ts or tz
        ("Roberts", "ロバート"),
        ("Merz", "マシュー"),  # a final z is never シュ
        ("Hun", "ハン"),  # a short u only before two consonants (Hun Sen is フン)
        ("Sir", "シャー"),  # too short a reading
        ("Yellen", "エレン"),
    ],
)
def test_names_said_differently(latin: str, kana: str) -> None:
    assert not sounds_like(latin, kana)


@pytest.mark.parametrize(
    ("latin", "kana", "near"),
    [
        ("Ghosn", "ゴーン", True),  # the s not sounded
        ("Gomes", "ゴメス", True),
        ("Gomez", "ゴーン", False),  # letters that only begin alike
        ("Ghosn", "ゴメス", False),
        ("Goss", "ゴーン", False),
        ("Stone", "スノー", False),
        ("Ghosn", "コーン", False),  # another first consonant
    ],
)
def test_a_surname_near_in_sound(latin: str, kana: str, near: bool) -> None:
    assert sounds_near(latin, kana) is near


@pytest.mark.parametrize(
    ("latin", "kana", "same"),
    [
        ("Michael", "マイケル", True),
        ("James", "ジェームズ", True),
        ("Thomas", "トマス", True),
        ("Matthew", "マシュー", True),
        ("Michael", "ミハイル", False),  # the Russian name is another given name
        ("Thomas", "トーレス", False),
        ("Peter", "ピョートル", False),  # the Russian Pyotr
        ("James", "ジャマル", False),
    ],
)
def test_english_given_names_katakana_writes_its_own_way(latin: str, kana: str, same: bool) -> None:
    assert sounds_like(latin, kana) is same


def test_a_full_name_whose_given_names_agree_and_surname_is_close_is_one_person() -> None:
    index = ActorIndex(
        [
            ActorEntry(1, "カルロス・ゴーン", None, "person", ["ゴーン"], None),
            ActorEntry(2, "Carlos Ghosn", None, "person", ["Ghosn"], None),
            ActorEntry(3, "Carlos Gomez", None, "person", [], None),
            ActorEntry(4, "Ghosn", None, "person", [], None),
            ActorEntry(5, "Carole Ghosn", None, "person", [], None),
            ActorEntry(6, "カルロス・ゴメス", None, "person", [], None),
            ActorEntry(7, "Michael Ghosn", None, "person", [], None),
            ActorEntry(8, "マイケル・ゴーン", None, "person", [], None),
        ]
    )
    # Michael Ghosn is not カルロス・ゴーン for that actor's short name ゴーン: both have a full name, and they differ
    assert [a.id for a in across_scripts(index, index.actors[7])] == [8]
    assert [a.id for a in across_scripts(index, index.actors[2])] == [1]
    # the surname alone is his short name as Grossi is グロッシ's (JMnedict gives Ghosn as ゴーン)
    assert [a.id for a in across_scripts(index, index.actors[1])] == [2, 4]
    # … and, typed alone, may be either Ghosn the index holds in katakana (a caller answers for one person only)
    assert [a.id for a in across_scripts(index, index.actors[4])] == [1, 8]
    # another surname, another given name: no one
    assert [a.id for a in across_scripts(index, index.actors[3])] == [6]
    assert across_scripts(index, index.actors[5]) == []


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("ロシアと中国", ["ロシア", "中国"]),
        ("ロシア、ウクライナ及び米国", ["ロシア", "ウクライナ", "米国"]),
        ("Russia and China", ["ロシア", "中国"]),
        ("Zelensky, Putin and Trump", ["ゼレンスキー", "プーチン", "トランプ"]),
        ("the EU & NATO", ["EU", "NATO"]),
    ],
)
async def test_two_actors_joined_are_named_in_one_line(store, typed: str, named: list[str]) -> None:
    """米財務省とFRB, "the Fed and the Treasury": a stance is one actor's, so the user is told in one line which
    actors were typed (rather than one's statements lent to the other, or "unknown actor")."""
    from bot.services.errors import QueryError
    from bot.services.resolve import resolve_visible_actor
    from bot.user_errors import UserError

    with pytest.raises(QueryError) as info:
        await resolve_visible_actor(store, typed, None, across=True)
    assert info.value.code == "actor.several" and info.value.params["actors"] == named
    line = UserError(info.value.code, **info.value.params).render("en")
    assert "\n" not in line and all(n in UserError(info.value.code, **info.value.params).render("ja") for n in named)


@pytest.mark.parametrize("typed", ["ロシアとXYZ", "Russia and Xyzzy", "ロシアとロシア政府", "Tom and Jerry"])
async def test_a_coordinated_name_not_all_actors_is_unknown(store, typed: str) -> None:
    from bot.services.errors import QueryError
    from bot.services.resolve import resolve_visible_actor

    with pytest.raises(QueryError) as info:
        await resolve_visible_actor(store, typed, None, across=True)
    assert info.value.code in ("actor.unknown", "actor.unknown_suggest")


def test_a_surname_alone_is_never_joined_by_a_close_sound_by_rule() -> None:
    # Ghosn and ゴーン are one name because the dictionary of names says so (JMnedict), not because they sound close
    assert not sounds_like_by_rule("Ghosn", "ゴーン")
    assert sounds_like("Ghosn", "ゴーン")


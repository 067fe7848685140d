"""A Korean person named in Latin letters by English reports and in katakana by Japanese ones: one person,
surname and every syllable of the given name, never another of the same surname or a similar given name."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.korean_names import katakana_key, korean_keys, same_korean_name
from bot.services.resolve import across_scripts, korean_people


@pytest.mark.parametrize(
    ("latin", "katakana"),
    [
        ("Lee Nak-yon", "イ・ナギョン"),  # 이낙연: the k carried on to the next syllable
        ("Lee Nak-yon", "イナギョン"),  # the reading as a report gives it after 李洛淵, no dot
        ("Choi Sang-mok", "チェ・サンモク"),
        ("Park Jin", "パク・チン"),
        ("Kim Jong Un", "キム・ジョンウン"),
        ("Moon Jae-in", "ムン・ジェイン"),
        ("Kang Kyung-wha", "カン・ギョンファ"),  # 경 gyeong, 화 hwa
        ("Sung Yun-mo", "ソン・ユンモ"),  # 성 seong
        ("Chung Eui-yong", "チョン・ウィヨン"),
        ("Kim Keon-hee", "キム・ゴンヒ"),
        ("Han Dong-hoon", "ハン・ドンフン"),
        ("Cho Tae-yul", "チョ・テヨル"),
        ("Han Duck-soo", "ハン・ドクス"),
        ("Ahn Cheol-soo", "アン・チョルス"),
        ("Yoo Myung-hee", "ユ・ミョンヒ"),
    ],
)
def test_a_korean_name_in_both_scripts(latin: str, katakana: str) -> None:
    assert same_korean_name(latin, katakana)


@pytest.mark.parametrize(
    ("latin", "katakana"),
    [
        ("Lee Jae-myung", "イ・ジェヨン"),  # the same surname, another given name
        ("Kim Jong Un", "キム・ジョンナム"),
        ("Moon Jae-in", "ムン・ジェイル"),
        ("Lee Nak-yon", "イ・ナクヨン"),
        ("Donald Trump", "ドナルド・トランプ"),  # no Korean name
        ("Lee", "イ"),  # a surname alone says no one
    ],
)
def test_another_name_is_not_the_korean_name(latin: str, katakana: str) -> None:
    assert not same_korean_name(latin, katakana)


def test_what_is_no_korean_name_has_no_key() -> None:
    assert korean_keys("Joe Biden") == frozenset()
    assert korean_keys("Kim") == frozenset()
    assert katakana_key("李洛淵") == ""


def test_one_of_several_people_of_a_surname_is_found_by_the_whole_name() -> None:
    actors = ActorIndex(
        [
            ActorEntry(1, "イ・ジェミョン", None, "person", []),
            ActorEntry(2, "イ・ジェヨン", None, "person", []),
            ActorEntry(3, "李洛淵", None, "person", ["イナギョン"]),
            ActorEntry(4, "Lee Jae-myung", None, "person", []),
            ActorEntry(5, "イ・ジェミョン記念館", None, "body", []),
        ]
    )

    def typed(name: str) -> list[str]:
        return [a.name for a in korean_people(actors, ActorEntry(0, name, None, "person", []))]

    assert typed("Lee Jae-myung") == ["イ・ジェミョン"]
    assert typed("Lee Jae-yong") == ["イ・ジェヨン"]
    assert typed("Lee Nak-yon") == ["李洛淵"]
    assert typed("Lee") == []
    assert typed("イ・ジェミョン") == ["Lee Jae-myung"]
    assert "李洛淵" in [a.name for a in across_scripts(actors, ActorEntry(0, "Lee Nak-yon", None, "person", []))]

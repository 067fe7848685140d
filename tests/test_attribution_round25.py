"""Attribution of statements, twenty-fifth round (issue 11): one actor stored under two names, one per script.

- a Chinese or Korean person named in kanji by a Japanese report and in Latin letters by an English one (頼清徳 /
  Lai Ching-te, 王毅 / Wang Yi, 李洛淵 / Lee Nak-yon, 兪明希 / Yoo Myung-hee): the kanji's Mandarin readings (pinyin
  and Wade–Giles) and Korean readings (hangul, romanised) spell the Latin name (`bot/extract/cjk_names.py`);
- an English report's Chinese name written surname first with the given name's syllables run together (Wang Yi,
  Zhu Fenglian): the surname is the first word, as for "Kim Yong-hyun";
- a company's short name in Latin letters and in katakana spelled alike letter for letter (Toyota トヨタ, Daihatsu
  ダイハツ), too few consonants for the sound comparison: one body.

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.cjk_names import is_cjk_given_name, same_cjk_name
from bot.extract.discover import discover_actors
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.resolve import across_scripts
from bot.services.stance_about import stance_about
from bot.store import Store


@pytest.mark.parametrize(
    ("kanji", "latin"),
    [
        ("頼清徳", "Lai Ching-te"),  # Wade–Giles, as Taiwan writes its names
        ("韓国瑜", "Han Kuo-yu"),
        ("陳建仁", "Chen Chien-jen"),
        ("王毅", "Wang Yi"),  # pinyin
        ("呉江浩", "Wu Jianghao"),  # the Japanese form of 吳
        ("習近平", "Xi Jinping"),
        ("李洛淵", "Lee Nak-yon"),  # Korean: 李 리 Lee, 洛 락 Nak
        ("兪明希", "Yoo Myung-hee"),
        ("金有根", "Kim You-geun"),  # 金 read 김 as a surname
        ("文在寅", "Moon Jae-in"),
        ("謝長廷", "Hsieh"),  # the surname alone
        ("謝長廷", "Frank Hsieh"),  # a Western given name before it
    ],
)
def test_a_kanji_name_is_spelled_as_english_reports_write_it(kanji: str, latin: str) -> None:
    assert same_cjk_name(kanji, latin)


@pytest.mark.parametrize(
    ("kanji", "latin"),
    [
        ("王毅", "Wang Wenbin"),  # another Wang: the given names disagree
        ("頼清徳", "Chen Chien-jen"),
        ("李洛淵", "Lee Jae-myung"),
        ("林芳正", "Hayashi"),  # a Japanese name's reading is not this module's
        ("石破茂", "Ishiba"),
        ("国務院台湾事務弁公室", "Taiwan Affairs Office"),  # no person's name
    ],
)
def test_other_names_are_not_spelled_so(kanji: str, latin: str) -> None:
    assert not same_cjk_name(kanji, latin)


def _person(i: int, name: str, *aliases: str) -> ActorEntry:
    return ActorEntry(i, name, None, "person", list(aliases))


def test_the_two_scripts_stored_actors_are_one_person() -> None:
    actors = ActorIndex(
        [
            _person(1, "王毅", "王外相"),
            _person(2, "Wang", "Wang Yi"),
            _person(3, "Wang", "Wang Wenbin"),  # another Wang, in another store's English report
            _person(4, "Lai", "Lai Ching-te"),
            _person(5, "頼清徳"),
            _person(6, "朱鳳", "朱鳳蓮"),  # a name the tokenizer cut, its full form an alias
            _person(7, "Zhu", "Zhu Fenglian"),
        ]
    )
    by_id = actors.actors
    assert [a.id for a in across_scripts(actors, by_id[1])] == [2]  # not Wang Wenbin
    assert [a.id for a in across_scripts(actors, by_id[4])] == [5]
    assert [a.id for a in across_scripts(actors, by_id[7])] == [6]
    # counter-example: a Japanese person's kanji name is no Chinese name of the same letters
    japanese = ActorIndex([_person(1, "石破茂"), _person(2, "Shi", "Shi Tao")])
    assert across_scripts(japanese, japanese.actors[1]) == []


@pytest.mark.parametrize(
    ("text", "name", "full"),
    [
        ("Wang Yi told reporters in Cairo that the island was part of China.", "Wang", "Wang Yi"),
        ("Zhu Fenglian said the offer of help still stood.", "Zhu", "Zhu Fenglian"),
        # counter-example: a Western name keeps its last word as the surname
        ("Andrzej Duda said the alliance would hold.", "Duda", "Andrzej Duda"),
    ],
)
def test_a_chinese_name_in_latin_letters_goes_by_its_first_word(text: str, name: str, full: str) -> None:
    found = {a.name: a.aliases for a in discover_actors([ParsedPassage(text=text)], ActorIndex([]))}
    assert full in found.get(name, [])
    assert is_cjk_given_name(*full.split()) == (name != "Duda")


def _body(i: int, name: str) -> ActorEntry:
    return ActorEntry(i, name, None, "body", [])


def test_a_short_company_name_in_both_scripts_is_one_body() -> None:
    actors = ActorIndex(
        [_body(1, "Toyota"), _body(2, "トヨタ"), _body(3, "Daihatsu"), _body(4, "ダイハツ"), _body(5, "トヨダ")]
    )
    assert [a.id for a in across_scripts(actors, actors.actors[1])] == [2]  # not トヨダ: letter for letter
    assert [a.id for a in across_scripts(actors, actors.actors[4])] == [3]


ENGLISH = """\
---
title: Taiwan's new president sworn in
published: 2024-05-20
---
Chinese Foreign Minister Wang Yi told reporters in Cairo that "Taiwan independence is a dead end".
"""

JAPANESE = """\
---
title: 台湾の新総統が就任
published: 2024-05-21
---
中国の王毅外相は21日、台湾の新政権について「台湾独立に未来はない」と述べた。
"""


async def test_a_chinese_ministers_english_statement_answers_his_kanji_name(store: Store) -> None:
    assert (await ingest_text(store, ENGLISH, name="en.md")).status == "added"
    assert (await ingest_text(store, JAPANESE, name="ja.md")).status == "added"
    report = await stance_about(store, "王毅外相", "Taiwan independence")
    assert any("dead end" in s.text for s in report.statements)
    assert any("未来はない" in s.text for s in report.statements)

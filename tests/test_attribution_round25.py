"""Attribution of statements, twenty-fifth round (issue 11): one actor stored under two names, one per script.

- a Chinese or Korean person named in kanji by a Japanese report and in Latin letters by an English one (頼清徳 /
  Lai Ching-te, 王毅 / Wang Yi, 李洛淵 / Lee Nak-yon, 兪明希 / Yoo Myung-hee): the kanji's Mandarin readings (pinyin
  and Wade–Giles) and Korean readings (hangul, romanised) spell the Latin name (`bot/extract/cjk_names.py`);
- a company's short name in Latin letters and in katakana spelled alike letter for letter (Toyota トヨタ, Daihatsu
  ダイハツ), too few consonants for the sound comparison: one body;
- an unnamed member of a body: "said an official at the Ministry of Economy, Trade and Industry" (a name with
  commas, which the speaker rules cut), "Von der Leyen said" (a name written in lower case opening a sentence),
  "a company spokesperson" (the company that spoke last);
- 同社 for a company the item named but not as a subject, when no company was one (「経済産業省はダイハツ工業に…。
  同社は」).

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.cjk_names import same_cjk_name
from bot.extract.romaji import sounds_like
from bot.extract.stance import extract_claims
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


# --- unnamed members of bodies, and 同社 for a company named but not the subject ---------------------------------


def _claimed(text: str, *entries: ActorEntry) -> list[tuple[int, str]]:
    index = ActorIndex(list(entries))
    passages = [ParsedPassage(text=t) for t in text.split("\n")]
    return [(c.actor_id, passages[c.passage].text[c.lo : c.hi]) for c in extract_claims(passages, index)]


METI = ActorEntry(2, "経済産業省", None, "org", ["経産省", "METI", "Ministry of Economy, Trade and Industry"])
DAIHATSU = ActorEntry(9, "ダイハツ工業", None, "org", ["ダイハツ", "Daihatsu"])
BOEING = ActorEntry(6, "ボーイング", None, "org", ["Boeing"])


@pytest.mark.parametrize(
    "text",
    [
        # the speaker rules cut the body's name at its comma: the whole name is the body's mention
        '"There is no plan to follow the U.S. with tariffs," said an official at the Ministry of Economy, Trade and'
        " Industry.",
        "An official at the Ministry of Economy, Trade and Industry said there was no plan to follow the U.S.",
    ],
)
def test_an_official_at_a_body_with_commas_in_its_name_speaks_for_it(text: str) -> None:
    assert [a for a, _ in _claimed(text, METI)] == [2]


def test_a_lower_case_name_opening_a_sentence_is_named() -> None:
    leyen = ActorEntry(3, "フォンデアライエン", None, "person", ["von der Leyen", "Ursula von der Leyen"])
    said = _claimed("Von der Leyen said the tariffs were a proportionate response.", leyen)
    assert [a for a, _ in said] == [3]
    # counter-example: a capitalised name is not written in lower case inside a sentence ("wells" is no Wells)
    wells = ActorEntry(5, "ウェルズ", None, "person", ["Wells"])
    assert _claimed("Residents said the wells had run dry.", wells) == []


def test_a_company_spokesperson_speaks_for_the_company_that_spoke_last() -> None:
    text = (
        "Within hours, Boeing said it had handed over the list of the door team. A company spokesperson said the"
        " records would be shared with investigators."
    )
    assert [a for a, _ in _claimed(text, BOEING)] == [6, 6]
    # counter-example: a spokesperson of no kind the item named a body of is nobody's here
    assert [
        a
        for a, _ in _claimed(
            "Boeing said it had handed over the list. A union spokesperson said more was needed.", BOEING
        )
    ] == [6]


def test_dosha_is_the_company_named_when_no_company_was_the_subject() -> None:
    text = "経済産業省はダイハツ工業に報告を求めた。同社は「全面的に協力する」とコメントした。"
    assert _claimed(text, METI, DAIHATSU) == [
        (2, "経済産業省はダイハツ工業に報告を求めた。"),
        (9, "同社は「全面的に協力する」とコメントした。"),
    ]
    # counter-example: a company that was the subject is still the one 同社 names
    subject = "ダイハツ工業は経済産業省に報告書を提出した。同社は「全面的に協力する」とコメントした。"
    assert [a for a, _ in _claimed(subject, METI, DAIHATSU)] == [9, 9]
    # and 同省 is never a company named after the ministry
    ministry = "経済産業省はダイハツ工業に報告を求めた。同省は「厳正に対処する」としている。"
    assert [a for a, _ in _claimed(ministry, METI, DAIHATSU)] == [2, 2]


# --- a foreign name in katakana: kh, a soft g, an m before b ---------------------------------------------------------


@pytest.mark.parametrize(
    ("latin", "kana", "same"),
    [
        ("Khamenei", "ハメネイ", True),  # kh: ハ行
        ("Khalil", "ハリル", True),
        ("Farage", "ファラージ", True),  # a soft g
        ("Dombrovskis", "ドムブロフスキス", True),  # m before b: ム
        ("Geithner", "ジェイトナー", False),  # a hard g is no j (ガイトナー)
        ("Khamenei", "カメラ", False),
    ],
)
def test_a_foreign_name_in_katakana_by_how_its_letters_sound(latin: str, kana: str, same: bool) -> None:
    assert sounds_like(latin, kana) is same

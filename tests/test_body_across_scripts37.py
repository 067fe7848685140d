"""A body typed in one language that only the other language's reports name, thirty-seventh round (st37r): a
Japanese name the English reports write in English (米連邦取引委員会: "the US Federal Trade Commission"), and an
English name the Japanese reports write with a country or a loanword in katakana ("Federation of Nepali
Journalists": ネパール・ジャーナリスト連盟). Names made up in the patterns of news text; each with the cases the
rule must not take."""

from __future__ import annotations

import pytest

from bot.extract.body_glosses import english_body_names, english_heads, japanese_body_names
from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.store import Store

ENGLISH_TEXTS = [
    "The US Federal Trade Commission said on Tuesday it was reviewing the merger.",
    "At a briefing on Thursday, Commerce Ministry spokesperson He Yadong said talks would go on.",
    "China's Commerce Ministry said it opposed the export curbs.",
    "The US Commerce Department said the rule would take effect in May.",
    "The White House said the president had been briefed.",
    "The Conservative Party said it would table an amendment.",
    "Party officials declined to comment.",
    "The US Chamber of Commerce urged lawmakers to pass the bill.",
]


@pytest.mark.parametrize(
    ("japanese", "found"),
    [
        ("米連邦取引委員会", ["US Federal Trade Commission"]),  # 米: America, US; 連邦取引委員会 glossed in three words
        ("連邦取引委員会", []),  # every word of "US" must be a word typed: a country typed may be left out, not added
        ("中国商務省", ["China's Commerce Ministry", "Commerce Ministry"]),  # the country said first, or left out
        ("米商務省", ["US Commerce Department"]),  # 省: a ministry, a department; not China's
        ("保守党", ["Conservative Party"]),  # not "Party officials": one word names too many bodies
        ("全米商工会議所", ["US Chamber of Commerce"]),  # the head before "of": chamber
        ("米下院", []),  # "White House" is not the lower house: every word must gloss one typed
        ("英商務省", []),  # no report names Britain's
        ("労働党", []),  # labour: no report names the Labour Party here
    ],
)
def test_a_japanese_body_named_in_english(japanese: str, found: list[str]) -> None:
    assert english_body_names(japanese, ENGLISH_TEXTS) == found


@pytest.mark.parametrize(
    ("japanese", "heads"),
    [
        ("中国商務省", ["department", "commerce"]),
        ("保守党", ["conservative", "party"]),
        ("ボルチモア", []),  # a word the glosses lack: nothing to look for
        ("the FTC", []),  # not a Japanese name
    ],
)
def test_the_english_words_a_japanese_body_is_looked_up_by(japanese: str, heads: list[str]) -> None:
    assert english_heads(japanese)[:2] == heads


JAPANESE_TEXTS = [
    "ネパール・ジャーナリスト連盟は声明で「直ちに撤回すべきだ」と批判した。",
    "インド農民連盟は抗議集会を開いた。",
    "国家安全保障委員会は声明を出した。",
]


@pytest.mark.parametrize(
    ("english", "found"),
    [
        ("Federation of Nepali Journalists", ["ネパール・ジャーナリスト連盟"]),  # the head before "of", in katakana
        ("Nepali Journalists Federation", ["ネパール・ジャーナリスト連盟"]),
        ("Nepalese Journalists Federation", ["ネパール・ジャーナリスト連盟"]),  # the country's other adjective
        ("Federation of Indian Journalists", []),  # another country: ネパール is not India
        ("Federation of Nepali Farmers", []),  # farmers: no word of the name
        ("Journalists Federation", []),  # the country typed away: ネパール glosses no word typed
        ("National Security Committee", ["国家安全保障委員会"]),  # as before: the last word the head
    ],
)
def test_an_english_body_named_in_japanese_with_katakana(english: str, found: list[str]) -> None:
    assert japanese_body_names(english, JAPANESE_TEXTS) == found


ENGLISH_ARTICLE = """\
---
title: Regulator weighs in on chip merger
published: 2025-03-04
language: en
---
The US Federal Trade Commission said on Tuesday it would oppose the merger of the two chipmakers, citing higher prices.
Shares of both companies fell in early trading.

Separately, Japanese trading house Marubeni said on Wednesday it would make its joint venture a wholly owned unit.
"""

JAPANESE_ARTICLE = """\
---
title: SNS禁止に報道団体が反発
published: 2025-09-05
---
政府は4日、登録していない26のSNSの利用を禁止した。これに対し、ネパール・ジャーナリスト連盟は声明で「SNSの禁止は国民の知る権利を奪うもので、直ちに撤回すべきだ」と批判した。

一方、京都アニメーションは声明で「SNSの禁止には反対する」と述べた。
"""


async def test_a_body_typed_in_the_other_script_is_answered(store: Store) -> None:
    """Typed in Japanese, found in the English report; typed in English, in the Japanese one. A body no report
    names in either language is still refused."""
    from bot.services.stance_about import stance_about

    assert (await ingest_text(store, ENGLISH_ARTICLE, name="ftc.md")).status == "added"
    assert (await ingest_text(store, JAPANESE_ARTICLE, name="fnj.md")).status == "added"
    ftc = await stance_about(store, "米連邦取引委員会", "the merger of the two chipmakers")
    assert ftc.actor.name == "US Federal Trade Commission"
    assert any("oppose the merger" in s.text for s in ftc.statements)
    fnj = await stance_about(store, "Federation of Nepali Journalists", "SNSの禁止")
    assert fnj.actor.name == "ネパール・ジャーナリスト連盟"
    assert any("知る権利" in s.text for s in fnj.statements)
    kyoani = await stance_about(store, "Kyoto Animation", "SNSの禁止")  # a place and a loanword: 京都アニメーション
    assert kyoani.actor.name == "京都アニメーション"
    assert any("反対する" in s.text for s in kyoani.statements)
    for typed in ("米国際貿易委員会", "Federation of Indian Journalists", "Osaka Animation"):
        with pytest.raises(QueryError):
            await stance_about(store, typed, "the merger of the two chipmakers")


@pytest.mark.parametrize(
    ("typed", "spelled"),
    [
        ("伊藤忠", "itochu"),  # いとうちゅう: the long vowels English news leaves out
        ("東芝", "toshiba"),
        ("丸紅", "marubeni"),
        ("大阪", "osaka"),  # a place
        ("日本", ""),  # a country: its English name, not its reading
        ("岸田", ""),  # a person's name: the tokenizer's reading is a guess
        ("三菱商事", ""),  # two words: 商事 is not said in romaji (Mitsubishi Corp.)
        ("トヨタ", ""),  # katakana: the sound rules' (`romaji.sounds_like`)
        ("Itochu", ""),
    ],
)
def test_a_kanji_name_as_english_news_spells_it(typed: str, spelled: str) -> None:
    from bot.extract.latin_written import latin_spelling

    assert latin_spelling(typed) == spelled


def test_a_kanji_name_found_in_latin_letters() -> None:
    from bot.extract.latin_written import latin_written

    texts = [
        "Japanese trading house Itochu and its partners said on Wednesday they would take over the business.",
        "An Itochu-backed company was set up in May. Itochu declined to comment.",
        "Itou, a spokesman, said the talks went on.",  # another name: not the key itochu
    ]
    assert latin_written("伊藤忠", texts) == ["Itochu"]
    assert latin_written("丸紅", texts) == []  # named in no text
    assert latin_written("伊藤", texts) == []  # a surname: never read here


async def test_a_company_typed_in_kanji_is_found_in_english(store: Store) -> None:
    """丸紅 typed, "Marubeni" in the only report; 住友 typed, named nowhere: refused."""
    from bot.services.stance_about import stance_about

    assert (await ingest_text(store, ENGLISH_ARTICLE, name="mb.md")).status == "added"
    report = await stance_about(store, "丸紅", "the joint venture a wholly owned unit")
    assert report.actor.name == "Marubeni"
    with pytest.raises(QueryError):
        await stance_about(store, "住友", "the joint venture a wholly owned unit")


@pytest.mark.parametrize(
    ("japanese", "found"),
    [
        ("京都アニメーション", ["Kyoto Animation"]),  # 京都 spelled Kyoto, アニメーション glossed animation
        ("アムネスティ・インターナショナル", ["Amnesty International"]),  # アムネスティ sounds as Amnesty
        ("大阪府警", ["Osaka Prefectural Police"]),
        ("奈良アニメーション", []),  # 奈良 is not Kyoto
        ("京都", []),  # one word names too many
        ("グリーンピース", []),  # one katakana word: no head the glosses give, nothing to say it by
    ],
)
def test_a_japanese_name_with_a_place_or_a_loanword_named_in_english(japanese: str, found: list[str]) -> None:
    texts = [
        "Kyoto Animation president Hideaki Hatta said the company was shocked by the ruling.",
        "Amnesty International said the law must be repealed.",
        "The Osaka Prefectural Police said the suspect had been arrested.",
        "Greenpeace said the release was unacceptable.",
    ]
    assert english_body_names(japanese, texts) == found


@pytest.mark.parametrize(
    ("english", "found"),
    [
        ("Kyoto Animation", ["京都アニメーション"]),
        ("Amnesty International", ["アムネスティ・インターナショナル"]),  # not the 国際人権団体 before it
        ("Osaka Animation", []),  # the place is not said
        ("Amnesty", []),  # one word: too many names hold it
        ("Kyoto Animation Studio", []),  # studio: no word of the Japanese name
    ],
)
def test_an_english_name_with_a_place_or_a_loanword_named_in_japanese(english: str, found: list[str]) -> None:
    from bot.extract.body_glosses import japanese_names_of

    texts = [
        "京都アニメーションの八田英明社長はコメントを出し、「極めて残念だ」と述べた。",
        "国際人権団体アムネスティ・インターナショナルは声明で「重大な侵害だ」と非難した。",
    ]
    assert japanese_names_of(english, texts) == found

"""A name typed in Latin letters that the Japanese reports write only in katakana, found wherever the store writes
it (forty-second round, issue 11): not only in the reports about the target (`katakana_named`), but in the index's
katakana words (`katakana_in_store`, `store_katakana_name`): a company in brackets (「レディット」), a person named
with a post joined (カシュ・パテルFBI長官), a body by its loanword name (「フリーダム・コーカス」). Never two people
sharing the surname typed, a dictionary loanword, a name a word of the store only starts. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.discover import discover_actors
from bot.extract.romaji import near_outline, sounds_like
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.stance_about import (
    find_katakana_named,
    katakana_in_store,
    latin_in_store,
    store_katakana_name,
    store_latin_name,
)
from bot.store import Store


@pytest.mark.parametrize(
    ("typed", "texts", "kana"),
    [
        # must fire: a company in brackets, a person with a post joined, a given name typed alone with a long post
        (
            "Reddit",
            ["禁止の対象となった米掲示板サイト「レディット」は12日、法律は違憲だとして提訴した。"],
            "レディット",
        ),
        ("Kash Patel", ["カシュ・パテルFBI長官は職員に返信しないよう指示した。"], "パテル"),
        ("Abdullah", ["和平交渉を率いてきたアブドラ国家和解高等評議会議長は動画で語った。"], "アブドラ"),
        (
            "Freedom Caucus",
            ["下院の保守強硬派でつくる「フリーダム・コーカス」は相殺すべきだと主張している。"],
            "コーカス",
        ),
        (
            "Park Chan-dae",
            ["最大野党の朴賛大（パク・チャンデ）院内代表は批判した。"],
            "チャンデ",
        ),  # the last word typed
        # must not fire: two people sharing the surname typed alone
        ("Moore", ["ウェス・ムーア知事は述べた。", "ジョン・ムーア議員は反対した。"], None),
        (
            "Wes Moore",
            ["ウェス・ムーア知事は述べた。", "ジョン・ムーア議員は反対した。"],
            "ムーア",
        ),  # the given name tells
        # a dictionary loanword, not a name (police: ポリス; union: ユニオン)
        ("Police", ["ポリスは現場を封鎖した。"], None),
        ("Union", ["ユニオンは声明を出した。"], None),
        # a longer name only starting with the sounds typed (アブドラヒアン is not Abdullah)
        ("Abdullah", ["イランのアブドラヒアン外相と会談した。"], None),
        # the given name typed, a katakana name without it: not that person
        ("Kash Patel", ["パテル氏は述べた。"], None),
        # an English report: no katakana to read
        ("Reddit", ["Reddit said it would challenge the law in the High Court."], None),
    ],
)
def test_the_katakana_name_of_a_latin_name_anywhere(typed: str, texts: list[str], kana: str | None) -> None:
    assert store_katakana_name(typed, texts) == kana


@pytest.mark.parametrize(
    ("latin", "kana", "same"),
    [
        ("Caucus", "コーカス", True),  # au as オー, an unstressed -us as アス
        ("Caucus", "コカス", True),  # as the index holds it (ー dropped)
        ("Marcus", "マーカス", True),
        ("Julius", "ユリウス", True),  # a Latin -us as written, still
        ("Marcus", "マーク", False),
        ("Caucus", "カカオ", False),
        # an English oo as ウ, with a final -y as イー; a possessive's s as ズ
        ("Moody", "ムーディー", True),
        ("Moody's", "ムーディーズ", True),
        ("Rooney", "ルーニー", True),
        ("Brooks", "ブルックス", True),
        ("Moody", "マディ", False),
        # a Scottish and English final -och as ック, never a German ッホ read as it
        ("Badenoch", "ベイドノック", True),
        ("Murdoch", "マードック", True),
        ("Murdoch", "マードッホ", False),
        ("Murdoch", "マーダー", False),
    ],
)
def test_an_english_final_us_is_heard_as(latin: str, kana: str, same: bool) -> None:
    assert sounds_like(latin, kana) is same


FAR = """\
---
title: 豪州のSNS規制、運営企業が相次ぎ対応
published: 2025-12-12
---
禁止の対象となった米掲示板サイト「レディット」は12日、法律は憲法に反するとして高等法院に提訴した。
"""
MOORES = """\
---
title: 橋の再建費用を巡り議論
published: 2024-03-30
---
ウェス・ムーア知事は「橋を必ず再建する」と述べた。一方、ジョン・ムーア下院議員は連邦予算の支出に反対した。
"""


async def test_a_latin_name_is_found_far_from_the_target(store: Store) -> None:
    """The target's reports do not name レディット (the article's words are about the ban, not 年齢制限法): the
    index's katakana words do."""
    assert (await ingest_text(store, FAR, name="far.md")).status == "added"
    found = await find_katakana_named(store, "Reddit", "年齢制限法の施行時期", None)
    assert found is not None and found[0].name == "レディット"
    assert await katakana_in_store(store, "Reddit", None) is not None
    assert await katakana_in_store(store, "Twitter", None) is None  # no katakana word sounds like it
    assert await katakana_in_store(store, "レディット", None) is None  # typed in katakana: not this reading


async def test_a_surname_two_people_share_is_no_one(store: Store) -> None:
    assert (await ingest_text(store, MOORES, name="moores.md")).status == "added"
    assert await katakana_in_store(store, "Moore", None) is None


@pytest.mark.parametrize(
    ("typed", "texts", "latin"),
    [
        # must fire: a person the English reports name, typed as the Japanese ones write him
        (
            "プリゴジン",
            ["Yevgeny Prigozhin, the founder of Russia's Wagner group, praised the coup in an audio message."],
            "Prigozhin",
        ),
        ("グレッグ・ケリー", ["Paul Kelly said.", "Greg Kelly denied the charge."], "Kelly"),  # the given name tells
        ("ベイドノック", ["Business Secretary Kemi Badenoch said the firm must pay."], "Badenoch"),
        # must not fire: two people sharing the surname typed alone; the given name typed, another's in the reports
        ("ケリー", ["Paul Kelly said.", "Greg Kelly denied the charge."], None),
        ("グレッグ・ケリー", ["The Taylors' lawyer, Paul Kelly, said in a statement."], None),
        # an English dictionary word is not a name (Bill, Rose)
        ("ビル", ["Bill said it was over."], None),
        ("ローズ", ["Rose was there."], None),
        # a Japanese report: no name in Latin letters to read
        ("プリゴジン", ["ロシアの民間軍事会社ワグネルの創設者プリゴジン氏は称賛した。"], None),
    ],
)
def test_the_latin_name_of_a_katakana_name_anywhere(typed: str, texts: list[str], latin: str | None) -> None:
    assert store_latin_name(typed, texts) == latin


PRIGOZHIN = """\
---
title: Niger junta closes airspace
published: 2023-08-07
---
Yevgeny Prigozhin, the founder of Russia's Wagner mercenary group, praised the coup in an audio message posted on Telegram.
"""
MOODYS = """\
---
title: 仏国債の格付け、引き下げ
published: 2024-12-14
---
米格付け大手ムーディーズ・レーティングスは13日、フランスの格付けを「Aa2」から1段階引き下げたと発表した。ムーディーズは財政の悪化を理由に挙げた。
"""


async def test_a_katakana_name_is_found_in_the_english_reports(store: Store) -> None:
    assert (await ingest_text(store, PRIGOZHIN, name="pr.md")).status == "added"
    found = await find_katakana_named(store, "プリゴジン", "ニジェールの軍事クーデター", None)
    assert found is not None and found[0].name == "Prigozhin"
    assert await latin_in_store(store, "ゼレンスキー", None) is None  # no Latin word sounds like it


async def test_a_body_held_in_katakana_is_found_by_its_latin_name(store: Store) -> None:
    """ムーディーズ, held as ムデイズ by the index (ー dropped, ィ read large): found by its consonants, the passages'
    own spelling deciding."""
    assert (await ingest_text(store, MOODYS, name="md.md")).status == "added"
    found = await katakana_in_store(store, "Moody's", None)
    assert found is not None and "ムーディーズ" in found[0].name
    assert await katakana_in_store(store, "Moderna", None) is None


# --- a Chinese, Korean or Taiwanese name whose first two kanji the dictionary reads as a place -------------------


def _found(*texts: str) -> dict[str, list[str]]:
    return {a.name: a.aliases for a in discover_actors([ParsedPassage(text=t) for t in texts], ActorIndex([]))}


@pytest.mark.parametrize(
    ("text", "name", "cut"),
    [
        # must fire: 韓国 (a country) + 瑜; 呉江 (a place) + 浩 after China's 「中国の」
        ("立法院長に最大野党・国民党の韓国瑜氏が選出された。", "韓国瑜", "韓国"),
        ("外務省の事務次官は、中国の呉江浩駐日大使を同省に呼び抗議した。", "呉江浩", "呉江"),
    ],
)
def test_a_name_read_as_a_place_is_not_cut(text: str, name: str, cut: str) -> None:
    found = _found(text)
    assert name in found and cut not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # must not fire: Japanese surnames the dictionary tags as places keep their cut (a later 福島氏 is the person)
        ("社民党の福島瑞穂党首は記者団に語った。", "福島"),
        ("自民党の岸田文雄首相は述べた。", "岸田"),
    ],
)
def test_a_japanese_surname_read_as_a_place_is_cut_as_before(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize(
    ("latin", "kana", "near"),
    [
        ("prigozhin", "プリゴジン", True),
        ("Moody's", "ムデイズ", True),  # as the index holds ムーディーズ
        ("Caucus", "コカス", True),
        ("prigozhin", "ゼレンスキー", False),  # another first consonant
        ("Reddit", "レディットコミュニティー", False),  # far more consonants
    ],
)
def test_a_cheap_outline_before_the_sounds_of_every_word(latin: str, kana: str, near: bool) -> None:
    """`near_outline` keeps the index's words worth `sounds_like`'s reading (~50× fewer; none it would take)."""
    assert near_outline(latin, kana) is near

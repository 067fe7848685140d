"""A person typed by the parts of a name (`bot/services/typed_person.py`): a surname and a post (泉代表, 森山参院幹事長),
a party before it (公明党の斉藤代表), a full name the index tokenizes unlike running text (福岡資麿), a relative named once
by the given name (渡辺達子: 「渡辺美希子さんの母達子さん」), or the surname in an English report (泉 → Kenta Izumi):
/stance --about finds the person as the reports write them (mynacard2024, ukelection2024, kyoani2024)."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.stance_about import find_katakana_named, find_unregistered, stance_about
from bot.services.typed_person import (
    kanji_named,
    katakana_relative,
    latin_full_names,
    name_part_people,
    typed_parts,
    written_full_names,
)
from bot.store import Store


@pytest.mark.parametrize(
    ("typed", "parts"),
    [
        ("泉代表", ("", "泉", "代表", False)),
        ("森山参院幹事長", ("", "森山", "参院幹事長", False)),
        ("公明党の斉藤代表", ("公明党", "斉藤", "代表", False)),
        ("渡辺達子", ("", "渡辺", "達子", True)),
        ("福岡資麿", ("", "福岡", "資麿", True)),
        # no surname: a post alone, a surname alone (the other readings), Latin letters, katakana, too long
        ("首相", None),
        ("林", None),
        ("Hayashi", None),
        ("ゼレンスキー大統領", None),
        ("泉" * 2000, None),
        ("の", None),
    ],
)
def test_the_parts_of_a_typed_name(typed: str, parts: tuple[str, str, str, bool] | None) -> None:
    found = typed_parts(typed)
    assert (found and (found.prefix, found.surname, found.rest, found.given)) == parts


@pytest.mark.parametrize(
    ("typed", "texts", "names"),
    [
        ("泉代表", ["立憲民主党の泉健太代表は8日、述べた。"], ["泉健太"]),
        ("森山参院幹事長", ["自民党の森山裕幹事長は述べた。"], ["森山裕"]),  # the title the post typed ends in
        ("林官房長官", ["林官房長官は31日の記者会見で述べた。"], ["林"]),  # 官房 is no given name
        ("泉代表", ["温泉代表は述べた。"], []),  # a surname inside another word is none
        ("渡辺達子", ["渡辺美希子さん(当時35)の母達子さんは話した。"], ["達子"]),  # the relative named once
        ("渡辺達子", ["母達子さんは話した。"], []),  # the surname named in no passage of hers
        ("福岡資麿", ["平将明デジタル相と福岡資麿厚生労働相は2日述べた。"], ["福岡資麿"]),
        # two people of that surname and post: both named (the service asks which)
        ("鈴木代表", ["鈴木一郎代表は述べた。", "鈴木健二代表は反論した。"], ["鈴木一郎", "鈴木健二"]),
        # the party typed before the name chooses among them; it never names anyone alone
        ("公明党の鈴木代表", ["公明党の鈴木一郎代表は述べた。", "自民党の鈴木健二代表は反論した。"], ["鈴木一郎"]),
        (
            "公明党の鈴木代表",
            ["公明党は述べた。自民党の鈴木健二代表は反論した。"],
            ["鈴木健二"],
        ),  # chooses, never names
    ],
)
def test_the_full_names_the_reports_write(typed: str, texts: list[str], names: list[str]) -> None:
    parts = typed_parts(typed)
    assert parts is not None
    assert written_full_names(parts, texts) == names


@pytest.mark.parametrize(
    ("typed", "texts", "names"),
    [
        (
            "泉代表",
            ["Kenta Izumi, leader of the main opposition, said.", "Izumi told a news conference."],
            ["Kenta Izumi"],
        ),
        ("泉代表", ["Prime Minister Kenta Izumi said."], ["Kenta Izumi"]),  # the title words are no given name
        ("泉代表", ["Minister Izumi said."], []),
        (
            "林芳正",
            ["Yoshimasa Hayashi said.", "Hideki Hayashi said."],
            ["Yoshimasa Hayashi"],
        ),  # the given name decides
        ("林芳正", ["Japan's top spokesman, Hayashi Yoshimasa, said."], ["Hayashi Yoshimasa"]),  # family name first
        ("林芳正", ["Hayashi Hideki said."], []),  # family name first, another given name
        ("泉代表", ["Izumi Kenta said."], []),  # family name first: only with the given name typed
        ("泉代表", ["Kenta Izumi said.", "Ken Izumi replied."], ["Kenta Izumi", "Ken Izumi"]),  # two: none is taken
    ],
)
def test_the_names_an_english_report_writes(typed: str, texts: list[str], names: list[str]) -> None:
    parts = typed_parts(typed)
    assert parts is not None
    assert latin_full_names(parts, texts) == names


JA = """\
---
title: 立憲代表、英政権交代に「勇気」
published: 2024-07-06
---
立憲民主党の泉健太代表は6日、英総選挙での労働党の勝利について「政権交代は可能だと勇気をもらった」と述べた。
"""

EN = """\
---
title: Japan's opposition takes heart from Labour win
published: 2024-07-06
---
Kenta Izumi, leader of the main opposition Constitutional Democratic Party, welcomed the result. "The change of government in Britain gives us courage," Izumi told a news conference.
"""

TWO = """\
---
title: 二つの党の代表
published: 2024-07-06
---
A党の鈴木一郎代表は述べた。B党の鈴木健二代表は反論した。
"""


async def test_a_surname_and_post_typed_is_the_full_name_the_reports_give(store: Store) -> None:
    assert (await ingest_text(store, JA, name="ja.md")).status == "added"
    found = await find_unregistered(store, "泉代表", None)
    if store.actors.resolve("泉健太") is None:  # not discovered: the parts find the full name the report writes
        assert found is not None and found[0].name == "泉健太" and "泉代表" in found[0].aliases
    else:  # discovered (泉, alias 泉健太): the actor answers, not a second reading of it
        assert found is None
    report = await stance_about(store, "泉代表", "英国の政権交代")
    assert any("勇気" in s.text for s in report.statements)


async def test_a_japanese_surname_typed_is_the_name_an_english_report_writes(store: Store) -> None:
    assert (await ingest_text(store, EN, name="en.md")).status == "added"
    found = await find_unregistered(store, "立憲民主党の泉代表", None)
    assert found is not None and found[0].name == "Kenta Izumi"
    report = await stance_about(store, "泉代表", "the change of government in Britain")
    assert any("courage" in s.text for s in report.statements)


async def test_two_people_of_one_surname_and_post_are_named_not_guessed(store: Store) -> None:
    assert (await ingest_text(store, TWO, name="two.md")).status == "added"
    if store.actors.resolve("鈴木一郎") or store.actors.resolve("鈴木健二"):  # discovered: the actors answer
        assert await find_unregistered(store, "鈴木代表", None) is None
        return
    with pytest.raises(QueryError) as e:
        await find_unregistered(store, "鈴木代表", None)
    assert e.value.code == "actor.ambiguous" and "鈴木一郎" in str(e.value.params) and "鈴木健二" in str(e.value.params)
    found = await find_unregistered(store, "A党の鈴木代表", None)
    assert found is not None and found[0].name == "鈴木一郎"


async def test_a_name_the_store_does_not_hold_is_unknown(store: Store) -> None:
    assert (await ingest_text(store, JA, name="ja.md")).status == "added"
    assert await find_unregistered(store, "山本代表", None) is None


@pytest.mark.parametrize(
    ("typed", "texts", "kanji"),
    [
        ("Hayashi", ["これに対し、林官房長官は31日の記者会見で述べた。"], "林"),
        ("Yoshimasa Hayashi", ["林芳正官房長官は述べた。"], "林"),
        ("Yoshimasa Hayashi", ["林官房長官は述べた。"], None),  # the given name typed is named nowhere with it
        ("Hayashi", ["森林の保護を訴えた。"], None),  # a word holding the surname's kanji is no name
        ("Kishida", ["岸田首相は述べた。"], "岸田"),
        ("Kono", ["河野氏と香野氏は述べた。"], None),  # two names read so: none is taken
    ],
)
def test_a_japanese_surname_typed_in_latin_letters_is_read_in_kanji(
    typed: str, texts: list[str], kanji: str | None
) -> None:
    assert kanji_named(typed, texts) == kanji


KANJI = """\
---
title: 「年収の壁」見直し、官房長官「協議を注視」
published: 2024-10-31
---
国民民主党が求める所得税の非課税枠の引き上げについて、林官房長官は31日の記者会見で「各党の協議の状況を注視していきたい」と述べた。
"""


async def test_a_surname_typed_in_latin_letters_is_the_kanji_name_of_the_reports(store: Store) -> None:
    assert (await ingest_text(store, KANJI, name="kanji.md")).status == "added"
    found = await find_katakana_named(store, "Hayashi", "所得税の非課税枠の引き上げ", None)
    assert found is not None and found[0].name == "林"


@pytest.mark.parametrize(
    ("typed", "kana"),
    [
        ("Helen Comperatore", "ヘレン"),  # his widow, named once by her given name after the family's
        ("Mary Comperatore", None),  # another given name
        ("Helen Smith", None),  # another family
        ("Comperatore", None),  # a surname alone is the family's, read by `katakana_named`
    ],
)
def test_a_relative_named_by_the_given_name_after_the_family(typed: str, kana: str | None) -> None:
    texts = ["元消防団長コリー・コンペラトーレさんの妻ヘレンさんは話した。"]
    assert katakana_relative(typed, texts) == kana


def _index(*people: tuple[int, str, list[str], str | None]) -> ActorIndex:
    return ActorIndex([ActorEntry(i, name, None, "person", aliases, post) for i, name, aliases, post in people])


@pytest.mark.parametrize(
    ("people", "asked", "joined"),
    [
        # a surname stored alone and the one full name with it: one person, both ways
        ([(1, "鈴木", [], None), (2, "鈴木俊一", [], "財務相")], 1, [2]),
        ([(1, "鈴木", [], None), (2, "鈴木俊一", [], "財務相")], 2, [1]),
        # a given name stored alone (「章浩社長は」) and the full name an alias holds
        ([(1, "小林", ["小林章浩"], "社長"), (2, "章浩", [], None)], 1, [2]),
        # two full names with that surname (father and son): the surname alone is neither's
        ([(1, "小林", [], None), (2, "小林一雅", [], "会長"), (3, "小林章浩", [], "社長")], 1, []),
        # two posts, neither holding the other: two people of one surname
        ([(1, "鈴木", [], "社長"), (2, "鈴木俊一", [], "財務相")], 1, []),
        # a Latin surname and the one full name with it
        ([(1, "Kim", [], "CEO"), (2, "Kim E-bae", [], None)], 1, [2]),
        ([(1, "Kim", [], None), (2, "Kim E-bae", [], None), (3, "Kim Yoo-jin", [], None)], 1, []),
        # a full name is never a part of another's
        ([(1, "Gotabaya Rajapaksa", [], None), (2, "Rajapaksa", ["Mahinda Rajapaksa"], None)], 1, []),
    ],
)
def test_one_person_stored_under_a_part_of_the_name(
    people: list[tuple[int, str, list[str], str | None]], asked: int, joined: list[int]
) -> None:
    index = _index(*people)
    assert [a.id for a in name_part_people(index, index.actors[asked])] == joined


KAMIKAWA = """\
---
title: Japan vows to close bail loophole
published: 2020-01-07
---
Japan's justice minister, Yoko Kamikawa, told reporters on Tuesday that prosecutors would work to uncover the full picture.
"""


async def test_a_name_found_by_its_parts_that_is_an_actor_is_left_to_the_actor(store: Store) -> None:
    """上川法相 finds Yoko Kamikawa in the English report; an actor of that name is the answer, not a new reading."""
    assert (await ingest_text(store, KAMIKAWA, name="k.md")).status == "added"
    if store.actors.resolve("Yoko Kamikawa") is not None:  # discovered from the report: the actor answers
        assert await find_unregistered(store, "上川法相", None) is None
    else:  # not discovered: the parts find the name the report writes
        found = await find_unregistered(store, "上川法相", None)
        assert found is not None and found[0].name == "Yoko Kamikawa"

"""A body typed by a name the reports do not write (st47a): a dictionary name in the other language, an
abbreviation, a company's short name (`bot.extract.org_names`, `tools/make_org_names.py`), and a body typed with
its country as a Japanese report does not write it (`country_qualified.japanese_country_forms`)."""

from __future__ import annotations

import pytest

from bot.extract.cjk_names import same_cjk_name
from bot.extract.group_typed import group_forms
from bot.extract.org_names import groups_named, key
from bot.ingest.pipeline import ingest_text
from bot.services.country_qualified import country_forms, japanese_country_forms
from bot.services.errors import QueryError
from bot.services.stance_about import read_actor
from bot.store import Store
from tools.make_org_names import acronyms, company_short, group

BANK_REPORT = """\
---
title: 人民銀が利下げ
published: 2026-03-02
language: ja
---
中国人民銀行は2日、政策金利を0.1ポイント引き下げると発表した。同行は「景気の下支えが必要だ」と説明した。
"""

FEDERATION_REPORT = """\
---
title: 電事連会長が会見
published: 2026-03-03
language: ja
---
電気事業連合会の会長は3日の記者会見で、送電網の増強に「国と連携して取り組む」と述べた。
"""


def test_an_acronym_is_read_with_and_without_its_function_words() -> None:
    assert acronyms("People's Bank of China") == ["PBC", "PBOC"]
    assert acronyms("European Central Bank") == ["ECB"]
    assert acronyms("interior ministry") == []  # not a capitalised name


def test_a_company_s_short_name_drops_its_form() -> None:
    assert company_short("Toyota Motor Corporation", ("Corporation", "Motor")) == "Toyota Motor"
    assert company_short("ソニー株式会社", ("株式会社",)) == "ソニー"
    assert company_short("Reporters Without Borders", ("Corporation",)) is None
    made = group(["山河自動車"], ["Sanga Motor", "SGM"], True)
    assert made is not None
    assert "山河" in made["ja"] and "Sanga" in made["en"] and made["abbreviations"] == ["SGM"]


def test_the_table_gives_a_body_s_names_in_the_other_language() -> None:
    assert any("中国人民銀行" in names for names in groups_named("PBOC"))
    assert any("電気事業連合会" in names for names in groups_named("the Federation of Electric Power Companies"))
    assert any("日産自動車" in names for names in groups_named("Nissan"))
    assert groups_named("no such body anywhere") == []
    assert key("The People’s Bank of China") == "people's bank of china"


async def test_an_abbreviation_typed_reads_the_body_the_reports_name_in_japanese(store: Store) -> None:
    assert (await ingest_text(store, BANK_REPORT, name="pb.md")).status == "added"
    assert (await ingest_text(store, FEDERATION_REPORT, name="fe.md")).status == "added"
    for typed, name in (("PBOC", "中国人民銀行"), ("Federation of Electric Power Companies", "電気事業連合会")):
        reading = await read_actor(store, typed, "利下げ", None)
        assert reading.entry.name == name


async def test_a_body_the_store_does_not_name_stays_unknown(store: Store) -> None:
    assert (await ingest_text(store, BANK_REPORT, name="pb.md")).status == "added"
    with pytest.raises(QueryError):
        await read_actor(store, "ECB", "利下げ", None)  # the European Central Bank: no report names it


@pytest.mark.parametrize(
    ("typed", "forms"),
    [
        ("日本の外務省", ["日本外務省", "外務省"]),
        ("日本防衛省", ["防衛省"]),
        ("中国の商務省", ["中国商務省", "中商務省"]),
        ("チュニジアの内務省", ["チュニジア内務省"]),
    ],
)
def test_a_japanese_body_with_its_country_is_read_as_reports_write_it(typed: str, forms: list[str]) -> None:
    assert japanese_country_forms(typed) == forms


@pytest.mark.parametrize("typed", ["日本", "日本の", "インドネシア", "外務省", "Japan's foreign ministry"])
def test_a_country_alone_or_no_country_gives_no_form(typed: str) -> None:
    assert japanese_country_forms(typed) == []


def test_an_english_body_named_head_first_is_read_head_last() -> None:
    found = country_forms("Tunisia's Ministry of Interior")
    assert found is not None and found.body == "Interior Ministry"
    assert "Tunisian Interior Ministry" in found.forms
    assert country_forms("Tunisia's ministry of interior") is None  # a field in lower case: no body's name


@pytest.mark.parametrize(
    ("typed", "first"), [("漁業者団体", "漁業者でつくる団体"), ("地元住民の団体", "地元住民でつくる団体")]
)
def test_a_group_typed_by_its_members_is_read_as_reports_name_it(typed: str, first: str) -> None:
    assert group_forms(typed)[0] == first


@pytest.mark.parametrize("typed", ["経済団体連合会", "日本看護協会団体", "団体", "Fishermen's group"])
def test_a_named_group_or_no_members_gives_no_form(typed: str) -> None:
    assert group_forms(typed) == []


def test_a_korean_given_name_spells_u_as_woo() -> None:
    # 우 after no consonant is Woo in a person's name (Sung-woo, Hyun-woo), 욱 Wook, beside the romanisations' u
    assert same_cjk_name("朴賢佑", "Park Hyun-woo")
    assert same_cjk_name("朴賢佑", "Park Hyeon-u")
    assert not same_cjk_name("朴賢佑", "Park Hyun-woon")

"""A country's body typed with its country another way than the reports write it ("Moroccan interior ministry",
"Morocco's interior ministry", the bare "interior ministry"), a Japanese one whose English name the reports give
under the country's adjective (アルジェリア大統領府: "the Algerian presidency"), a katakana name with its post
(コリンズ上院議員), and the country table those read (tools/make_countries.py)."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services.country_qualified import country_forms, leading_country
from bot.services.errors import QueryError
from bot.services.quote_countries import by_english, by_japanese
from bot.services.stance_about import katakana_posted, read_actor
from bot.store import Store

REPORT = """\
---
title: Flood relief arrives in Tunisia
published: 2026-02-03
language: en
---
Tunisia's interior ministry said on Tuesday that relief convoys had reached the flooded south.
The interior ministry said it would not accept foreign teams until roads were cleared.
The Libyan presidency said it was ready to send doctors if Tunis asked for them.
"""

OTHER = """\
---
title: Harbour strike ends
published: 2026-02-04
language: en
---
The harbour authority said on Wednesday that the strike had ended after talks with the dockers.
"""


@pytest.mark.parametrize(
    ("typed", "country", "body"),
    [
        ("Tunisian interior ministry", "Tunisia", "interior ministry"),
        ("the Tunisian Interior Ministry", "Tunisia", "Interior Ministry"),
        ("Tunisia's interior ministry", "Tunisia", "interior ministry"),
        ("the interior ministry of Tunisia", "Tunisia", "interior ministry"),
        ("Ghanaian Parliament", "Ghana", "Parliament"),
        ("Chadian army command", "Chad", "army command"),
        ("Libyan presidency", "Libya", "presidency"),
    ],
)
def test_a_body_typed_with_its_country_reads_its_other_shapes(typed: str, country: str, body: str) -> None:
    found = country_forms(typed)
    assert found is not None and found.country.en == country and found.body == body
    assert all(typed.casefold().removeprefix("the ") != f.casefold() for f in found.forms)
    assert f"{country}'s {body}" in found.forms or typed.startswith(f"{country}'s")


@pytest.mark.parametrize(
    "typed", ["Tunisians", "Tunisia", "Tunisian aid", "Tunisians' union", "Kais Saied", "チュニジア内務省", "Tunisian"]
)
def test_a_people_a_country_alone_or_no_body_is_no_country_body(typed: str) -> None:
    assert country_forms(typed) is None


@pytest.mark.parametrize(
    ("typed", "en"),
    [("チュニジア内務省", "Tunisia"), ("南スーダン外務省", "South Sudan"), ("インドネシア政府", "Indonesia")],
)
def test_a_japanese_body_opens_with_its_country_the_longest_name_first(typed: str, en: str) -> None:
    country = leading_country(typed)
    assert country is not None and country.en == en


@pytest.mark.parametrize("typed", ["インドネシア", "チュニジア", "マリオ"])
def test_a_country_inside_a_katakana_word_or_alone_is_none(typed: str) -> None:
    assert leading_country(typed) is None


@pytest.mark.parametrize(
    ("typed", "name"),
    [("ワーナー上院議員", "ワーナー"), ("オカシオコルテス議員", "オカシオコルテス"), ("ハリス副大統領", "ハリス")],
)
def test_a_katakana_name_with_its_post_is_the_name(typed: str, name: str) -> None:
    assert katakana_posted(typed) == name


@pytest.mark.parametrize(
    "typed",
    [
        "ソニー銀行",
        "トヨタ自動車",
        "ワーナー",
        "山田議員",
        "トヨタ自動車社長",
        "ソフトバンクグループ会長",
        "ホンダ社長",
    ],
)
def test_a_company_a_bare_name_or_a_kanji_name_is_not_read_so(typed: str) -> None:
    assert katakana_posted(typed) is None


def test_the_table_holds_the_other_countries_with_their_adjectives_and_japanese_names() -> None:
    for en, adjective, ja in (("Tunisia", "Tunisian", "チュニジア"), ("Peru", "Peruvian", "ペルー")):
        country = by_english(adjective)
        assert country is not None and country.en == en and by_japanese(ja) is country


async def test_a_country_body_typed_with_the_adjective_is_read_as_the_reports_name_it(store: Store) -> None:
    assert (await ingest_text(store, REPORT, name="tn.md")).status == "added"
    assert (await ingest_text(store, OTHER, name="hb.md")).status == "added"
    reading = await read_actor(store, "Tunisian interior ministry", "foreign rescue teams", None)
    assert reading.named is not None
    assert {"Tunisia's interior ministry", "interior ministry"} <= set(reading.entry.aliases)
    # a bare body no document naming the country names is not its body: nothing reads it
    with pytest.raises(QueryError):
        await read_actor(store, "Tunisian harbour authority", "the strike", None)


async def test_a_body_of_a_country_no_report_names_stays_unknown(store: Store) -> None:
    assert (await ingest_text(store, OTHER, name="hb.md")).status == "added"
    with pytest.raises(QueryError):
        await read_actor(store, "Peruvian interior ministry", "the strike", None)

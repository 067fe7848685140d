"""A country the registry lacks, asked by name (Thailand, タイ, the Danish government): the question's actor, whose
statements are those of its government's bodies the store holds; a country only named in running text is no
speaker, and a people in the plural is not its state."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.resolve import _government_bodies, resolve_visible_actor, visible_country
from bot.services.resolve_country import COUNTRY_ID, country_actor, typed_country
from bot.services.stance_about import stance_about
from bot.store import Store

ARTICLE = """\
---
title: 国境で衝突、地雷めぐり非難の応酬
published: 2025-07-24
---
カンボジア国防省は24日、声明を発表し、タイ軍の軍事行動を「明白な侵略だ」と強く非難した。
タイ外務省は同日、カンボジアによる対人地雷の使用を「国際法違反だ」と非難した。
マレーシアのアンワル首相は両国に停戦を呼びかけた。カンボジアとタイの国境では住民が避難している。
"""

REPORT = """\
---
title: Denmark rejects US pressure
published: 2025-03-27
---
Denmark's Foreign Ministry said on Thursday that it opposes any US pressure on Greenland.
Many tourists from Sweden visit Greenland every summer.
"""


@pytest.mark.parametrize(
    ("typed", "en"),
    [
        ("Thailand", "Thailand"),
        ("thailand", "Thailand"),
        ("Thai", "Thailand"),
        ("the Philippines", "Philippines"),
        ("Philippine", "Philippines"),
        ("the Danish government", "Denmark"),
        ("Cambodia's government", "Cambodia"),
        ("the government of Denmark", "Denmark"),
        ("Cambodian authorities", "Cambodia"),
        ("タイ", "Thailand"),
        ("カンボジア政府", "Cambodia"),
        ("フィリピン", "Philippines"),
        ("ＤＥＮＭＡＲＫ".lower(), "Denmark"),
    ],
)
def test_a_country_typed_by_name_adjective_or_government(typed: str, en: str) -> None:
    country = typed_country(typed)
    assert country is not None and country.en == en


@pytest.mark.parametrize(
    "typed", ["Filipinos", "Koreans", "Thai Foreign Ministry", "タイ外務省", "Thaksin", "タイ人", "Denmark's"]
)
def test_a_people_a_body_or_another_word_is_not_the_country(typed: str) -> None:
    assert typed_country(typed) is None


def _index() -> ActorIndex:
    return ActorIndex(
        [
            ActorEntry(1, "タイ外務省", None, "body", []),
            ActorEntry(2, "Thailand's Foreign Ministry", None, "body", []),
            ActorEntry(3, "タイ航空", None, "body", ["Thai Airways"]),
            ActorEntry(4, "タイムズ紙", None, "body", []),
            ActorEntry(5, "Thaksin Shinawatra", None, "person", []),
            ActorEntry(6, "中国", "China", "state", ["China"]),
            ActorEntry(7, "中国外務省", None, "body", []),
            ActorEntry(8, "India", "Neighbouring India", "person", []),  # discovered so by an article
            ActorEntry(9, "インド政府", None, "body", []),
        ]
    )


def test_the_country_speaks_through_its_government_bodies_only() -> None:
    entry, bodies = country_actor(_index(), "Thailand", _government_bodies) or (None, [])
    assert entry is not None and entry.id == COUNTRY_ID and entry.name == "タイ" and entry.kind == "state"
    assert sorted(a.id for a in bodies) == [1, 2]  # not Thai Airways, nor the Times, nor Thaksin


def test_a_listed_country_or_one_with_no_body_in_the_store_is_not_made_again() -> None:
    assert country_actor(_index(), "China", _government_bodies) is None  # the registry's 中国 answers
    assert country_actor(_index(), "インド", _government_bodies) is None  # the India an article discovered answers
    assert country_actor(_index(), "Denmark", _government_bodies) is None  # nothing it could have said


async def test_a_country_is_asked_by_either_language_and_answers_with_its_ministry(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="tc.md")).status == "added"
    assert (await ingest_text(store, REPORT, name="dk.md")).status == "added"
    for typed in ("Cambodia", "カンボジア", "Cambodian government"):
        report = await stance_about(store, typed, "タイ軍の軍事行動")
        assert report.actor.name == "カンボジア"
        assert [s.position for s in report.statements] == ["oppose"]
        assert "侵略" in report.statements[0].text
    report = await stance_about(store, "Thailand", "カンボジアによる対人地雷の使用")
    assert report.actor.name == "タイ" and [s.position for s in report.statements] == ["oppose"]
    assert "国際法違反" in report.statements[0].text
    report = await stance_about(store, "デンマーク", "US pressure on Greenland")
    assert report.actor.name_en == "Denmark" and [s.position for s in report.statements] == ["oppose"]


async def test_a_country_only_named_in_the_text_is_no_speaker(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="tc.md")).status == "added"
    assert (await ingest_text(store, REPORT, name="dk.md")).status == "added"
    assert await visible_country(store, "カンボジア", None) is not None
    # マレーシア: named, its prime minister speaks, no body of its government does; Sweden: named, nothing said
    for typed in ("Malaysia", "マレーシア", "Sweden"):
        assert await visible_country(store, typed, None) is None
    assert all(a.name not in ("カンボジア", "タイ", "デンマーク") for a in store.actors.actors.values())  # none stored
    with pytest.raises(QueryError):  # only a question with a target reads a country
        await resolve_visible_actor(store, "Thai", None)

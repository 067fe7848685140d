"""/stance --about: a target that names a doing (調査, 購入, 見直す), named in the actor's own clause with no stance
word at all, is something the actor does or takes part in (support); a clause that declines to say anything of it
(申し上げられる段階にない, 話せることは何もない) stays neutral, and so does a target that names no doing."""

from __future__ import annotations

import pytest

from bot.extract.about import _names_an_act, names_an_act, parse_target
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.services.topics import topic_cue_map
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE = """\
---
title: 倉庫火災 運営会社が会見 原因の調査続く
published: 2025-10-14
---
東京都江東区の物流倉庫で12日に起きた火災で、倉庫を運営する東和ロジテックは13日、都内で記者会見を開いた。
東和ロジテックの森本浩二社長は、消防による出火原因の調査に全面的に協力するとした。
森本氏は、焼けた冷蔵庫を新たに購入する方針を決めたと明らかにした。
森本氏は、倉庫の再建は「現時点で申し上げられる段階にない」と述べるにとどめた。
同社の取引先で組む協議会の岡田真一会長は、倉庫の再建計画について「話せることは何もない」と語った。
森本氏は会見の冒頭、近隣の住民への補償について説明した。
"""


@pytest.fixture
async def story(store: Store) -> Store:
    assert (await ingest_text(store, ARTICLE, name="warehouse.md")).status == "added"
    return store


async def positions(store: Store, actor: str, about: str) -> dict[str, str]:
    """text → position of every statement the store gives the actor about the target."""
    return {s.text: s.position for s in (await stance_about(store, actor, about)).statements}


def test_a_verbal_noun_or_a_verb_names_a_doing_and_a_thing_does_not() -> None:
    assert _names_an_act("調査") and _names_an_act("購入") and _names_an_act("見直す")
    assert not _names_an_act("関税") and not _names_an_act("住宅") and not _names_an_act("compensation")


async def test_a_target_whose_head_is_a_doing_names_an_act(store: Store) -> None:
    cues = await topic_cue_map(store)
    assert names_an_act(parse_target("消防の調査", store.actors, cues))
    assert not names_an_act(parse_target("住民の住宅", store.actors, cues))


async def test_taking_part_in_the_act_named_with_no_stance_word_supports_it(story: Store) -> None:
    found = await positions(story, "森本", "出火原因の調査")
    assert [p for t, p in found.items() if "協力" in t] == ["support"]


async def test_deciding_to_do_the_act_supports_it(story: Store) -> None:
    found = await positions(story, "森本", "冷蔵庫の購入")
    assert [p for t, p in found.items() if "購入" in t] == ["support"]


async def test_declining_to_say_anything_of_it_stays_neutral(story: Store) -> None:
    assert [p for t, p in (await positions(story, "森本", "倉庫の再建")).items() if "段階" in t] == ["neutral"]
    assert [p for t, p in (await positions(story, "岡田", "倉庫の再建")).items() if "何もない" in t] == ["neutral"]

"""/stance --about across languages, twenty-seventh round (issue 11): an English target read in the Japanese words
of the sentence before a reaction or of its headline (`_said_before`), a country typed by its name or its people's
adjective said by its other names (Israeli: Israel, イスラエル), a name typed in one script said in the
other as the documents read spell it (`spell_names`: Davao ダバオ, Mazón マソン), and English support verbs
(taking, keeping, setting) counting only where a statement names them. Each on words or sentences of our own, with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, parse_target, spell_names, weigh
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _target(text: str) -> Target:
    return parse_target(text, ActorIndex([]), {})


def _word(target: Target, start: str) -> list[str]:
    return next(w.forms for w in target.words if w.form.startswith(start))


def test_a_country_adjective_is_said_by_the_country_s_names() -> None:
    target = _target("Israeli troops entering southern Lebanon")
    assert {"イスラエル", "israel"} <= set(_word(target, "israeli"))
    assert "lebanese" in _word(target, "lebanon")
    # counter-example: a Japanese name keeps its own weight (said in English too, イラン weighed as often as "Iran"
    # is written and lost a statement naming it)
    assert "lebanon" not in _word(_target("レバノンでの戦闘の拡大"), "レバノン")


def test_a_lower_case_word_or_a_longer_country_is_no_country() -> None:
    # counter-examples: turkey the bird, and Korea inside North Korea (not 韓国)
    assert "トルコ" not in _word(_target("the price of turkey meat"), "turkey")
    target = _target("North Korea's missile launches")
    assert not any("韓国" in w.forms for w in target.words)


def test_a_name_is_said_as_the_other_script_spells_it() -> None:
    target = _target("the vote count in Davao")
    spell_names(target, ["ダバオ市で開票が進んだ。", "ダイバーが集まった。"])
    assert "ダバオ" in _word(target, "davao")
    assert not any("ダイバ" in f for f in _word(target, "davao"))  # counter-example: another name
    japanese = _target("マソン氏の辞任")
    spell_names(japanese, ["Carlos Mazón said he would stay. Madrid disagreed."])
    forms = _word(japanese, "マソン")
    assert "mazón" in forms and "madrid" not in forms


def test_a_common_word_opening_the_target_is_no_name() -> None:
    target = _target("Raising taxes on income")
    spell_names(target, ["レイジングの税"])
    assert not any(not f.isascii() and "レイジ" in f for f in _word(target, "raising"))


def test_support_verbs_count_only_where_named() -> None:
    target = _target("taking legal action and revoking the permit")
    weigh(target, {}, 100)
    optional = {w.form for w in target.words if w.optional}
    assert "taking" in optional
    assert not optional & {"revoking", "action"}  # counter-examples: the verb naming the act, and the noun


REPORT = """\
---
title: 政府、会見で説明
published: 2023-08-24
---
政府は24日、半導体材料の輸出規制を強化すると発表した。
岸田首相は記者団に「当然の対応だ」と語った。
"""

OTHER = """\
---
title: 新しい経済対策を発表
published: 2023-08-25
---
政府は25日、物価高への経済対策を発表した。
岸田首相は記者団に「当然の対応だ」と語った。
"""


@pytest.fixture
async def story(store: Store) -> Store:
    assert (await ingest_text(store, REPORT, name="release.md")).status == "added"
    assert (await ingest_text(store, OTHER, name="other.md")).status == "added"
    return store


async def test_an_english_target_named_in_japanese_just_before_a_reaction(story: Store) -> None:
    # 輸出規制の強化 just before the reaction, which names none of it: the English words said in Japanese there
    # (export, controls: 輸出規制); the same reaction after a sentence on something else is no reply to it
    found = (await stance_about(story, "岸田", "tighter export controls")).statements
    said = [([x.document for x in s.sources], s.via) for s in found if "当然の対応" in s.text]
    assert said == [(["release.md"], None)]

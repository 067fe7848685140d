"""A Japanese and an English report of one day that name one place or thing written by its sound — a katakana word one
of the English words sounds as (イドリブ / Idlib, クレーン / crane), which the bridge's name keys miss when short or
spelled apart — and share a plain word translated are one happening (`event_match._heard_alike`, read by
`_named_alike` with its guards). Not a country or a capital (the story's setting), not a saying, not the place alone,
not a report dated by its month, not two reports in one script. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.extract import event_match
from bot.extract.event_match import BRIDGED_SCORE
from bot.extract.events import same_event
from tests.article_events import event_dict

features = event_dict

OFFENSIVE_JA = "反体制派の部隊は27日朝、イドリブ県の山間部にある拠点から一斉に攻勢に出た。"
OFFENSIVE_EN = "The offensive began at dawn on Nov. 27 from the hills of Idlib."
HOISTED_JA = "作業員らは12日午後、重さ約30トンの橋げたをクレーンでゆっくりと持ち上げた。"
HOISTED_EN = "Workers used a crane to hoist the girder into place on Tuesday afternoon."
PAIRS = [(OFFENSIVE_JA, OFFENSIVE_EN), (HOISTED_JA, HOISTED_EN)]


@pytest.mark.parametrize(("ja", "en"), PAIRS)
def test_a_word_heard_alike_and_a_word_translated_are_one_happening(ja: str, en: str) -> None:
    a, b = features(ja), features(en)
    assert same_event(a, b) == same_event(b, a) == BRIDGED_SCORE


@pytest.mark.parametrize(("ja", "en"), PAIRS)
def test_the_word_heard_is_what_joins_them(ja: str, en: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_match, "_heard_alike", lambda ja, en: False)
    assert same_event(features(ja), features(en)) == 0


def test_a_country_is_the_setting_not_a_name_alike() -> None:
    ja = features("反体制派の部隊は27日朝、イスラエル国境に近い山間部の拠点から一斉に攻勢に出た。")
    en = features("The offensive began at dawn on Nov. 27 from the hills near Israel.")
    assert same_event(ja, en) == 0


def test_a_saying_is_not() -> None:
    said = features("反体制派の報道官は27日、イドリブ県の山間部から攻勢に出たと述べた。", act=["~say"])
    assert same_event(said, features(OFFENSIVE_EN)) == 0


def test_the_place_alone_is_not() -> None:
    assert same_event(features("27日朝、イドリブ県の山間部で大雨が降った。"), features(OFFENSIVE_EN)) == 0


def test_a_month_or_one_script_is_not() -> None:
    assert same_event(features(OFFENSIVE_JA, vague=True), features(OFFENSIVE_EN)) == 0
    a = features("The offensive began from Idlib.")  # one word in common in one script: its own rules decide
    b = features("Heavy rain fell in Idlib.")
    assert same_event(a, b) == 0

"""One happening told twice, by two outlets or in two languages, kept as one entry (issue 12, round 17: the
`cross-lang` and `same-lang` duplicates `eval/timeline_classes.py` counts). A wrongdoing that came to light is told
as 発覚, 判明, "surfaced" or "came to light": one event word across outlets and languages, so two reports of one
discovery share it. Sentences of our own, each with a counter-example the rule must leave alone: the word alone
(another thing found that day) never makes two reports one."""

from __future__ import annotations

from bot.extract.event_match import same_event
from tests.test_timeline_dup16 import concepts, features

FOUND_JA = (
    "倉庫を借りていた顧客の1人から「預けた品が足りない」との指摘があり、社内で調べた結果、5月12日に着服が判明した。"
)
FOUND_JA_2 = "着服は昨年5月12日、顧客からの申し出をきっかけに発覚。"
FOUND_EN = "The embezzlement came to light on May 12 after a client complained that goods stored in the warehouse were missing."
OTHER_FOUND_JA = "警察によると、12日に遺体の身元が判明した。"


def test_came_to_light_is_one_event_word_in_both_languages() -> None:
    for text in ("不正が発覚した", "不正が判明した", "The fraud surfaced in May", "The fraud came to light in May"):
        assert "~came_to_light" in concepts(text), text
    assert "~came_to_light" not in concepts("The submarine report was released in May")


def test_two_outlets_telling_one_discovery_are_one_event() -> None:
    assert same_event(features(FOUND_JA), features(FOUND_JA_2)) > 0
    assert same_event(features(FOUND_JA_2), features(FOUND_EN)) > 0


def test_another_thing_found_that_day_is_another_event() -> None:
    assert same_event(features(FOUND_JA), features(OTHER_FOUND_JA)) <= 0
    assert same_event(features(FOUND_EN), features(OTHER_FOUND_JA)) <= 0

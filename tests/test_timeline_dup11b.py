"""A Japanese and an English report of one happening that share no word as written, and no event word, but two plain
words once the Japanese one is read in English (issue 12, round 11b: the duplicates class `cross-lang` that
`eval/timeline_classes.py` counts). Sentences of our own, each with a counter-example the rule must leave alone:
one word translated, two Japanese words glossed by one English word, two people's doings, a saying."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.actions import acts
from bot.extract.event_match import same_event
from bot.extract.events import event_features

WHALE_JA = "漁民らは同日朝、港の桟橋に打ち上げられた鯨を見つけ、市役所に通報した。"
WHALE_EN = "On Monday morning, fishermen found a whale on the pier."
NETS_EN = "On Monday morning, fishermen repaired their nets on the beach."  # one word of the Japanese one (漁民)
HOSPITAL_JA = "消防は同日、負傷者を病院に搬送し、現場の検証を続けた。"
HOSPITAL_EN = "On Monday, beds at the hospital ran short."  # 病院 and 搬送 are both "hospital": one word, not two
SAID_EN = "On Monday morning, fishermen found a whale on the pier, officials said."  # its main act is a saying


def features(text: str, persons: tuple[int, ...] = ()) -> dict:
    f = event_features(text, ActorIndex([]))
    act = sorted(acts(text).main)
    return {"tokens": sorted(f.tokens), "persons": list(persons), "names": sorted(f.names), "report": False, "act": act}


def test_two_plain_words_translated_make_one_event_across_the_languages() -> None:
    ja, en = features(WHALE_JA), features(WHALE_EN)
    assert not set(ja["tokens"]) & set(en["tokens"])  # nothing in common as written
    assert same_event(ja, en) > 0
    assert same_event(en, ja) > 0


def test_one_plain_word_translated_is_not_enough() -> None:
    assert same_event(features(WHALE_JA), features(NETS_EN)) == 0


def test_two_japanese_words_read_as_one_english_word_count_once() -> None:
    assert same_event(features(HOSPITAL_JA), features(HOSPITAL_EN)) == 0


def test_two_people_doing_the_same_are_not_one_event() -> None:
    assert same_event(features(WHALE_JA, (1,)), features(WHALE_EN, (2,))) == 0
    assert same_event(features(WHALE_JA, (1,)), features(WHALE_EN, (1,))) > 0


def test_a_saying_is_not_one_event_with_what_its_words_tell() -> None:
    said = features(SAID_EN)
    assert said["act"] == ["~say"] and set(said["tokens"]) >= set(features(WHALE_EN)["tokens"])
    assert same_event(features(WHALE_JA), said) == 0

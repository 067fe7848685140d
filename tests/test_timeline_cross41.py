"""A Japanese and an English report of one day that name one place, body or thing alike across the scripts (a katakana
name and its Latin spelling) and share an event word are one happening (`event_match._named_alike`): across the
scripts a name is a word the glosses never read, so it counts as one shared word does within a script. Not a saying,
not two parties named apart, not a name alone, not two reports in one script, not a report dated only by its month."""

from __future__ import annotations

from bot.extract.event_match import BRIDGED_SCORE
from bot.extract.events import same_event
from tests.article_events import event_dict

features = event_dict


# A town's airport taken: the town in katakana and in Latin letters, the airport glossed (空港: airport).
SEIZED_JA = "武装勢力は9日、ハルゲイサの空港を制圧した。"
SEIZED_EN = "Rebels seized the airport in Hargeisa on Tuesday."
# A death in a city: the city alike, the death glossed (死去: death).
DIED_JA = "元州知事は3日、カンダハルで死去した。"
DIED_EN = "The former governor died on Monday in Kandahar."


def test_a_name_alike_and_a_word_translated_are_one_happening() -> None:
    for ja, en in ((SEIZED_JA, SEIZED_EN), (DIED_JA, DIED_EN)):
        a, b = features(ja), features(en)
        assert not set(a["tokens"]) & set(b["tokens"])  # nothing in common as written
        assert same_event(a, b) == same_event(b, a) == BRIDGED_SCORE


def test_the_place_alone_is_not() -> None:
    # the same town, another happening of the day, no word in common
    assert same_event(features("ハルゲイサでは9日、大雨が降った。"), features(SEIZED_EN)) == 0


def test_a_saying_on_either_side_is_not() -> None:
    # a party's word names the places of what it is about
    said = features("報道官は9日、ハルゲイサの空港が制圧されたと述べた。", act=["~say"])
    assert same_event(said, features(SEIZED_EN)) == 0
    statement = features("報道官は9日の声明で、ハルゲイサの空港の制圧を非難した。")  # ~statement among its words
    assert same_event(statement, features(SEIZED_EN)) == 0
    told = features("Rebels seized the airport in Hargeisa on Tuesday, the governor said.", act=["~say"])
    assert same_event(features(SEIZED_JA), told) == 0


def test_each_naming_someone_the_other_does_not_is_not() -> None:
    ja = features("カルデナス特使は9日、ハルゲイサの空港に到着した。")
    en = features("Kowalczyk flew into the airport in Hargeisa on Tuesday.")
    assert same_event(ja, en) == 0


def test_two_people_on_one_side_is_not() -> None:
    assert same_event(features(SEIZED_JA, persons=[3, 4]), features(SEIZED_EN)) == 0


def test_a_report_dated_by_its_month_or_two_in_one_script_are_not() -> None:
    assert same_event(features(SEIZED_JA, vague=True), features(SEIZED_EN)) == 0
    # two Japanese reports go by the shared-word rules: the town and the airport as written are two shared words,
    # which one script's rules read on their own (no name is bridged)
    a = {"tokens": ["harugeisa-x"], "names": ["harugeisa"]}
    b = {"tokens": ["harugeisa-y"], "names": ["hargeisa"]}
    assert same_event(a, b) == 0


def test_a_disasters_place_with_its_word_is_not() -> None:
    # a quake near a town and an aftershock there share the place and the word: the incident rule and the measured
    # figures decide those (tests/test_timeline_dup16.py)
    ja = features("14日、ハルゲイサ近郊で強い地震があり、多くの建物が倒壊した。")
    for told in (
        "A strong earthquake struck near Hargeisa on Tuesday.",
        "An aftershock shook buildings near Hargeisa.",
    ):
        assert same_event(ja, features(told)) == 0

"""A Japanese and an English report of one happening that share no word as written, bridged across the scripts
(bot/extract/bridge.py): the actors agree and a second name in katakana and in Latin letters, or the same figure
written another way, matches. The same date and the same person alone never are."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.bridge import ScriptBridge
from bot.extract.event_words import number_terms
from bot.extract.events import bridge_names, same_event
from bot.store import clusters as cl
from tests.article_events import event_dict
from tests.stored_events import store_event

features = event_dict


# A visit to a place named in katakana and in two Latin words; the person also only as a name.
CARDENAS_JA = "カルデナス特使がアブダビで湾岸諸国の高官と非公式に接触"
CARDENAS_EN = "Cardenas, meanwhile, spent two days in Abu Dhabi with Gulf officials whose names were withheld."
# The same person, the same day, somewhere else: a different happening.
CARDENAS_ELSEWHERE = "Cardenas flew back to Washington late Tuesday and briefed lawmakers behind closed doors."
# The same place, the same day, another person: a different happening.
OTHER_IN_ABU_DHABI = "Kowalczyk opened a trade fair in Abu Dhabi on Tuesday, drawing exhibitors from forty countries."


def test_a_place_in_katakana_and_in_latin_letters_with_the_same_person_bridges_two_reports() -> None:
    ja, en = features(CARDENAS_JA), features(CARDENAS_EN)
    assert not set(ja["tokens"]) & set(en["tokens"])  # nothing in common as written
    assert same_event(ja, en) > 0
    assert same_event(en, ja) > 0


def test_the_same_person_on_the_same_day_alone_does_not() -> None:
    ja = features(CARDENAS_JA)
    assert set(bridge_names(ja)) & set(features(CARDENAS_ELSEWHERE)["names"])  # the person agrees
    assert same_event(ja, features(CARDENAS_ELSEWHERE)) == 0


def test_the_same_place_without_the_same_person_does_not() -> None:
    assert same_event(features(CARDENAS_JA), features(OTHER_IN_ABU_DHABI)) == 0


def test_a_report_dated_only_by_its_month_is_not_bridged() -> None:
    assert same_event(features(CARDENAS_JA, vague=True), features(CARDENAS_EN)) == 0


def test_two_reports_in_one_script_are_not_bridged() -> None:
    # two English reports sharing a person and a place go by the shared-word rules, not by the bridge
    a = {"tokens": ["alpha"], "persons": [7], "names": ["%krdns", "abudhabi"]}
    b = {"tokens": ["beta"], "persons": [7], "names": ["%krdns", "abudhabi"]}
    assert same_event(a, b) == 0


def test_figures_written_another_way_are_one_value_and_unit() -> None:
    assert number_terms("内閣支持率は6割を超えた") == number_terms("approval topped 60% of voters") == {"#60%"}
    assert number_terms("34億円の赤字") == number_terms("a loss of 3.4 billion yen")
    assert number_terms("全品2割引で販売した") == set()  # a discount, not a share
    assert number_terms("3割増しの売り上げ") == set()


def test_a_bare_year_is_no_figure_but_a_year_like_count_with_a_unit_or_comma_is() -> None:
    # two reports of one year's events must not be bridged by the year they share
    assert number_terms("the talks resumed in 2024 after a pause") == set()
    assert number_terms("2,000 people were evacuated") == {"#2000"}
    assert number_terms("a 2 billion dollar fund") == {"#2e+09"}
    assert number_terms("2025年に2000万円を計上した") == {"#2e+07"}


def test_the_same_figure_with_the_same_person_bridges_but_the_figure_alone_does_not() -> None:
    bridge = ScriptBridge()
    ja = (frozenset({"#60%", "支持"}), frozenset({3}), frozenset({"%brgmn"}))
    en = (frozenset({"#60%", "approval"}), frozenset({3}), frozenset({"%brgmn", "bergman"}))
    assert bridge.bridged(ja, en)
    stranger = (frozenset({"#60%", "approval"}), frozenset({4}), frozenset({"%klsn"}))
    assert not bridge.bridged(ja, stranger)  # the figure without the actor
    assert not bridge.bridged((frozenset({"支持"}), *ja[1:]), (frozenset({"approval"}), *en[1:]))  # the actor alone


def test_the_agreeing_actors_own_name_is_no_second_bridge() -> None:
    bridge = ScriptBridge()
    # ドリスコル "dorisukoru" and Driscoll: the actor; nothing else matches
    ja = (frozenset({"接触"}), frozenset(), frozenset({"%drskr", "dorisukoru"}))
    en = (frozenset({"talks"}), frozenset(), frozenset({"%drskr", "driscol"}))
    assert bridge.agree(ja[1], en[1], ja[2], en[2])
    assert bridge.names(ja[2], en[2], bridge.agree(ja[1], en[1], ja[2], en[2])) == 0
    assert not bridge.bridged(ja, en)


def test_names_match_closely_or_not_at_all() -> None:
    bridge = ScriptBridge()
    actors = frozenset({"%xxxx"})
    assert bridge.names(frozenset({"abudabi"}), frozenset({"abudhabi"}), actors) == 1
    assert bridge.names(frozenset({"sheremetebo"}), frozenset({"sheremetyevo"}), actors) == 1
    assert bridge.names(frozenset({"abudabi"}), frozenset({"adelaide"}), actors) == 0
    assert bridge.names(frozenset({"nipon"}), frozenset({"nipon"}), actors) == 0  # too short to tell names apart


async def test_clustering_compares_reports_that_share_only_a_name_in_two_scripts(store) -> None:
    await store_event(store, 9200001, "2031-11-24", features(CARDENAS_EN))
    japanese = cl.Member(9200002, "2031-11-24", "day", "new", False, 1.0, features(CARDENAS_JA))
    assert await cl.assign(store.conn, [japanese], same_event) == [9200001]
    elsewhere = cl.Member(9200003, "2031-11-24", "day", "new", False, 1.0, features(CARDENAS_ELSEWHERE))
    assert await cl.assign(store.conn, [elsewhere], same_event) == [9200003]


def test_an_english_sentence_judging_a_day_is_no_event() -> None:
    from bot.extract.events import extract_events
    from bot.models import ParsedPassage

    def events(text: str) -> list[str]:
        passage = ParsedPassage(text=text)
        return [e.summary for e in extract_events([passage], ActorIndex([]), "2031-10-20")[0]]

    assert events("That night, Sept. 4, remains the festival's worst memory.") == []
    assert events("That day, Oct. 2, was the wettest of the season.") == []
    # the day as a time, not the subject judged: a happening
    assert events("That night, Sept. 4, police closed the bridge to traffic.")

"""One happening told twice, by two outlets or in two languages, kept as one entry (issue 12, round 16: the
duplicates `eval/timeline_classes.py` counts as `cross-lang`), and a day a year off that made a false event.
Sentences of our own, each with a counter-example the rule must leave alone: a measurement told to a tenth is a
figure (マグニチュード6.3 / "a 6.3 magnitude quake"), and another one is another happening; a figure makes no
report the cluster's summary; "fired at" a target is an attack, not the dismissal "fired" names alone (two outlets'
shooting had been one event with a sacking); 起用 and "named" are one appointment, not a saying and an election; a
bare month-day whose verb is a plan embedded in an announcement is not put most of a year ahead."""

from __future__ import annotations

import datetime as dt

from bot.actors import ActorIndex
from bot.extract.actions import acts
from bot.extract.dates import find_dates
from bot.extract.event_match import DIFFERENT, same_event
from bot.extract.event_words import english_words, event_terms, number_terms
from bot.extract.events import event_features
from bot.store import clusters as cl


def features(text: str) -> dict:
    f = event_features(text, ActorIndex([]))
    a = acts(text)
    return {
        "tokens": sorted(f.tokens),
        "persons": [],
        "names": sorted(f.names),
        "report": False,
        "act": sorted(a.main),
        "acts": sorted(a.named),
    }


def concepts(text: str) -> set[str]:
    return {t for t in event_terms(english_words(text), text) if t.startswith("~")}


QUAKE_JA = "14日、ミナト州を震源とするマグニチュード6.3の大きな地震があり、多数の建物が倒壊したほか、広い範囲で被害が出ています。"
QUAKE_EN = "The 6.3 magnitude quake struck near Minato on Tuesday."
AFTERSHOCK_EN = "A 5.1 magnitude aftershock struck near Minato on Tuesday."


def test_a_figure_told_to_a_tenth_is_a_figure_however_small() -> None:
    assert number_terms("マグニチュード6.3の地震") == number_terms("a 6.3 magnitude quake") == {"#6.3"}
    assert number_terms("水位は1.5メートル上昇した") == {"#1.5"}
    assert number_terms("3人がけがをした") == set()  # a small bare count stays out
    assert number_terms("1.25 billion dollars") == {"#1.25e+09"}


def test_the_same_magnitude_makes_one_quake_across_the_languages() -> None:
    ja, en = features(QUAKE_JA), features(QUAKE_EN)
    assert same_event(ja, en) > 0
    without = {**ja, "tokens": [t for t in ja["tokens"] if not t.startswith("#")]}
    assert same_event(without, en) == 0  # the figure is what tells them one


def test_another_magnitude_is_another_quake() -> None:
    assert same_event(features(QUAKE_JA), features(AFTERSHOCK_EN)) == 0


CONVOY_EN = "On Friday night, militants fired at a United Nations convoy near the border."
CONVOY_OTHER_EN = "Gunmen opened fire on a United Nations convoy near the border late on Friday."
SACKED_EN = "On Friday night, the United Nations fired the head of its convoy unit near the border."


def test_fired_at_a_target_is_an_attack_in_words_and_act() -> None:
    assert "~attack" in concepts(CONVOY_EN) and "~dismissal" not in concepts(CONVOY_EN)
    assert acts(CONVOY_EN).main == {"~attack"}
    assert "~fire" not in concepts(CONVOY_OTHER_EN)  # no blaze either
    assert acts(CONVOY_OTHER_EN).main == {"~attack"}


def test_a_phrase_leaves_the_senses_its_words_name_elsewhere() -> None:
    both = "Guards fired at the crowd hours after the board dismissed the warden and a fire broke out."
    assert {"~attack", "~dismissal", "~fire"} <= concepts(both)
    assert acts("The company fired its spokesman on Monday.").main == {"~dismissal"}
    assert acts("The board fired him at 9 a.m. on Friday.").main == {"~dismissal"}  # an hour, no target


def test_a_shooting_told_two_ways_is_one_and_no_dismissal() -> None:
    assert same_event(features(CONVOY_EN), features(CONVOY_OTHER_EN)) > 0
    assert same_event(features(CONVOY_EN), features(SACKED_EN)) == DIFFERENT  # they shared words enough to merge


APPOINT_JA = "新知事は同日、元副知事の田中氏を首席補佐官に起用すると発表した。"
APPOINT_EN = "The new governor on Monday named former deputy governor Tanaka as his chief of staff."
DISMISS_JA = "新知事は同日、元副知事の田中氏を首席補佐官から更迭すると発表した。"


def test_an_appointment_announced_and_an_appointment_made_are_one() -> None:
    ja, en = features(APPOINT_JA), features(APPOINT_EN)
    assert "~appointment" in ja["acts"] and "~appointment" in en["act"]
    assert same_event(ja, en) > 0


def test_a_dismissal_is_not_the_appointment() -> None:
    assert same_event(features(DISMISS_JA), features(APPOINT_EN)) == DIFFERENT


def _dates(text: str, published: str) -> list[str]:
    return [m.value for m in find_dates(text, dt.date.fromisoformat(published))]


def test_a_bare_month_day_is_not_put_most_of_a_year_ahead() -> None:
    # the date's own verb is embedded (起用する), but a date eleven months ahead would carry its year (来年)
    said = "市長は11月12日に元副市長を参与に起用すると発表し、新体制づくりを進めている。"
    assert _dates(said, "2024-12-17") == ["2024-11-12"]
    assert _dates("市は11月12日に新庁舎を開くと明らかにし、準備を進めている。", "2024-12-17") == ["2024-11-12"]


def test_a_plan_not_embedded_in_an_announcement_keeps_its_side() -> None:
    # no announcement the day could be the day of: the plan's day, ahead (within half a year: a day farther into the
    # next calendar year is written with its year or 来年, tests/test_timeline_sides22.py)
    assert _dates("委員会は5月12日に結論を出す見通し。", "2024-12-17") == ["2025-05-12"]
    assert _dates("The city will hold the vote on May 12.", "2024-12-17") == ["2025-05-12"]


def test_a_plan_weeks_or_months_ahead_keeps_next_year() -> None:
    assert _dates("新市長は1月20日に就任する。", "2024-12-17") == ["2025-01-20"]
    assert _dates("市長選は4月に行われる予定だ。", "2024-12-10") == ["2025-04"]
    assert _dates("市長選は11月に行われる予定だ。", "2024-12-10") == ["2025-11"]  # a month alone: as its tense reads
    assert _dates("同社は5月28日に株主総会を開く。", "2025-01-10") == ["2025-05-28"]
    assert _dates("He will take office on Jan. 20.", "2024-12-17") == ["2025-01-20"]


def test_two_measurements_that_differ_are_two_happenings() -> None:
    main = features("同日午後、ミナト州でマグニチュード6.3の地震が起きた。")
    after = features("A 5.1 magnitude quake struck near Minato on Tuesday afternoon.")
    same = features("A 6.3 magnitude quake struck near Minato on Tuesday afternoon.")
    assert main["act"] == after["act"] == ["~occur"]  # one kind of incident, one act: the incident rule's pair
    assert same_event(main, same) > 0
    assert same_event(main, after) == 0
    rate = features("The index fell 4.2% on Tuesday afternoon after the quake struck Minato.")
    assert same_event(main, rate) >= 0  # a share is no measurement of the same kind


def test_a_figure_makes_no_report_the_cluster_s_summary() -> None:
    # the same words each; the English one also gives the magnitude: it is no fuller a summary for that
    ja = cl.Member(
        100,
        "2025-03-14",
        "day",
        "14日午後、北部で強い地震があり、震度6強を観測した。",
        False,
        1.0,
        {"tokens": ["~earthquake", "北部", "震度", "観測"]},
    )
    en = cl.Member(
        101,
        "2025-03-14",
        "day",
        "A magnitude 6.3 quake hit the north on Friday.",
        False,
        1.0,
        {"tokens": ["~earthquake", "north", "hit", "friday", "#6.3"]},
    )
    assert cl.representative([ja, en]).id == 100
    fuller = cl.Member(
        102,
        "2025-03-14",
        "day",
        "A magnitude 6.3 quake hit the north of the island on Friday.",
        False,
        1.0,
        {"tokens": ["~earthquake", "north", "hit", "friday", "island", "#6.3"]},
    )
    assert cl.representative([ja, fuller]).id == 102  # a word more is


def test_an_index_told_to_the_hundredth_is_no_measurement() -> None:
    # two reports of one day's close, each giving another of its figures: no veto (the words decide)
    a = features("The Nikkei index closed down 4,451.28 points on Monday, its steepest fall.")
    b = features("The Nikkei index closed at 31,458.42 on Monday, its steepest fall.")
    assert same_event(a, b) > 0


def test_a_person_named_still_counts_for_the_summary() -> None:
    words = {"tokens": ["~meeting", "moscow", "envoy"]}
    plain = cl.Member(100, "2025-12-02", "day", "Envoys met in Moscow.", False, 1.0, words)
    named = cl.Member(
        101, "2025-12-02", "day", "Putin met the envoys in Moscow.", False, 1.0, {**words, "persons": [3]}
    )
    assert cl.representative([plain, named]).id == 101

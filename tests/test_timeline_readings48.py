"""A tie between a stored cluster's reports that match a new report and those whose act sets it apart (issue 12, round
48): broken by a match that says much the same only when the act that set it apart and the new report's act are one
happening's two readings (`event_match.one_happening_readings`: a decision issued and the order it gives, a statement
issued and its words said), whether or not the matching report states an act; never for two acts of two happenings (a
warning issued and a warning lowered). Sentences of our own, in Japanese and English."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.event_match import one_happening_readings, retold_in_one_article
from bot.extract.events import same_event
from bot.store import clusters as cl
from tests.article_events import article_clusters, event_features
from tests.test_timeline_classes8 import members


def _act(text: str, actors: ActorIndex) -> tuple[str, ...]:
    found = members(text, actors)
    assert found, text
    return tuple(found[0].features.get("act") or ())


@pytest.mark.parametrize(
    "first, second, alike",
    [
        # a board's decision issued and the order it gives: one happening
        (
            "県の審査会は14日、北浜化学に工場の操業停止を命じる決定を出した。",
            "県の審査会は14日、北浜化学に工場の操業停止を命じた。",
            True,
        ),
        # a statement issued and what it said
        (
            "山城電機は9日、工場火災について声明を出した。",
            "山城電機は9日、工場火災について「深くおわびする」と述べた。",
            True,
        ),
        (
            "The port authority issued a statement on Friday about the crane collapse.",
            "The port authority said on Friday that the crane collapse had injured two workers.",
            True,
        ),
        # a meeting held and the agreement reached at it
        (
            "両国の外相は20日、ジュネーブで会談した。",
            "両国の外相は20日、ジュネーブでの会談で捕虜交換に合意した。",
            True,
        ),
        # a demand and the words it was made in
        ("野党の党首は8日、首相の辞任を求めた。", "野党の党首は8日、「首相は辞任すべきだ」と述べた。", True),
        # a warning issued and a warning lowered: two happenings of one day
        ("気象台は5日朝、大雨警報を出した。", "気象台は5日夜、大雨警報を注意報に切り替えた。", False),
        (
            "The weather service issued a flood warning for the valley on Sunday.",
            "The weather service downgraded the valley's flood warning on Sunday.",
            False,
        ),
    ],
)
def test_acts_read_from_sentences(first: str, second: str, alike: bool, actors: ActorIndex) -> None:
    a, b = _act(first, actors), _act(second, actors)
    assert a and b and a != b, (a, b)
    assert one_happening_readings(a, b) is alike
    assert one_happening_readings(b, a) is alike


def test_readings_need_two_acts() -> None:
    assert not one_happening_readings((), ("~order",))
    assert not one_happening_readings(("~order",), ())
    assert one_happening_readings(("~order",), ("~order",))
    assert not one_happening_readings(("~occur",), ("~observe",))  # a quake struck, a wave measured: two
    assert not one_happening_readings(("~announcement",), ("~increase",))  # a warning issued, then raised


# A cluster holding one happening's reports: one whose act is a decision issued, one saying much the same as the new
# report with no act read.
ISSUED = {
    "tokens": ["~suspension", "工場", "操業", "審査会", "北浜"],
    "persons": [],
    "act": ["~announcement"],
    "acts": [],
}
PLAIN = {"tokens": ["~suspension", "工場", "操業", "審査会", "北浜", "化学"], "persons": []}


def _new(act: str) -> cl.Member:
    features = {"tokens": ["~suspension", "工場", "操業", "審査会", "北浜", "化学"], "persons": [], "act": [act]}
    return cl.Member(40, "2025-11-14", "day", "x", False, 1.0, features)


def _joined(new: cl.Member, *stored: dict) -> int:
    key = cl._candidate_key(new)
    candidates = [(7, "2025-11-14", cl._Features(f)) for f in stored]
    return cl.match_events([new], {key: candidates}, same_event)[0]


def test_a_tie_is_broken_when_the_acts_are_one_happening_s_two_readings() -> None:
    ordered = _new("~order")
    assert same_event(ordered.features, ISSUED) < 0
    assert same_event(ordered.features, PLAIN) >= cl.TIE_BROKEN_SCORE
    assert _joined(ordered, ISSUED, PLAIN) == 7
    # the issued report alone still keeps it out: nothing outvotes it
    assert _joined(ordered, ISSUED) == ordered.id


def test_a_tie_between_two_happenings_acts_stays_a_veto() -> None:
    # the same words, but lowered: an issue and a lowering are two happenings however much the reports share
    lowered = _new("~downgrade")
    assert same_event(lowered.features, ISSUED) < 0
    assert same_event(lowered.features, PLAIN) >= cl.TIE_BROKEN_SCORE
    assert _joined(lowered, ISSUED, PLAIN) == lowered.id


@pytest.mark.parametrize(
    "against, matched, best, alike, joins",
    [
        (1, 1, 0.8, True, True),
        (1, 1, 0.8, False, False),  # a tie of two happenings' acts
        (1, 1, 0.6, True, False),  # a tie matched only as well as a few words shared
        (1, 2, 0.6, False, True),  # outvoted: the readings are not asked
    ],
)
def test_outvoted_reads_the_acts_only_on_a_tie(
    against: int, matched: int, best: float, alike: bool, joins: bool
) -> None:
    assert cl.outvoted(against, matched, best, alike) is joins


# One article: its lead tells a press conference held and what was asked there (a demand), a sentence below tells the
# conference itself (its topic) and what was said at it: one happening, though the two acts read apart.
LEAD = "市民団体の代表、山本花子さん（40）が10日、東京都内で記者会見を開き、市に水道事故の再調査を求めた。"
BELOW = "会見は午後2時から都内のホテルで開かれ、山本さんは事故当日の経緯を説明した。"
# the same lead, then another party's doing of the day, told with its own topic: two happenings
PUBLISHED = "2025-11-10"
OTHER = "市の担当者は10日、市役所で取材に応じ、再調査の予定はないと説明した。"


def test_an_article_s_retelling_joins_its_lead_when_the_acts_read_one_happening(actors: ActorIndex) -> None:
    lead, below = event_features(f"{LEAD}\n\n{BELOW}", actors, PUBLISHED)
    assert one_happening_readings(lead.get("act"), below.get("act"))
    assert same_event(lead, below) < 0, "the case needs the acts to set the two apart"
    assert retold_in_one_article(lead, below), "the case needs the sentence below to tell the lead's conference"
    (first, _), (second, _) = article_clusters(f"{LEAD}\n\n{BELOW}", actors, PUBLISHED)
    assert first == second


def test_another_party_s_doing_below_the_lead_stays_apart(actors: ActorIndex) -> None:
    got = article_clusters(f"{LEAD}\n\n{OTHER}", actors, PUBLISHED)
    assert len(got) == 2 and got[0][0] != got[1][0]

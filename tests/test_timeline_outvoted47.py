"""One report of an outlet kept out of its happening's entry by one other report in it (issue 12, round 47: the
duplicates `eval/timeline_classes.py` counts that a veto made). A report whose act reads as another happening's
(`same_event` negative: 「…解散を命じる決定を出した」 read as an announcement, 「…解散を命じた」 as an order) used to keep
every later report of the happening with the other act out of the cluster it was in, however well that report matched
the cluster's other reports. Now a new report that matches a stored cluster at `clusters.OUTVOTED_SCORE` or more joins
it when more of the cluster's reports match it than set it apart (`clusters.outvoted`), or as many when one match by a
report says much the same (`clusters.TIE_BROKEN_SCORE`) and the act that set it apart and its own are one happening's
two readings (`event_match.one_happening_readings`: round 48); a weaker tie, a weak match, or an earlier event of its own document that
sets it apart still keeps it out. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.events import same_event
from bot.store import clusters as cl
from tests.test_timeline_classes8 import members

# One court's ruling of one day, told by four outlets: two tell it with no act the extractor reads (認定した, 認めた),
# one as a ruling handed down (決定を出した: read as an announcement), one as an order (命じた).
RULED = "東京地裁の裁判長は25日の決定で、天光会の献金勧誘で少なくとも900人に被害が生じたと認定した。"
HANDED_DOWN = "東京地裁は25日、宗教法人「天光会」に対し、宗教法人法に基づく解散を命じる決定を出した。"
FOUND = "東京地裁は25日の決定で、天光会の献金勧誘による被害は900人に上ると認めた。"
ORDERED = "東京地裁は25日、高額献金の被害を重く見て、宗教法人「天光会」の解散を命じた。"
ORDERED_EN = (
    "A Tokyo court on October 25 ordered the Tenkokai religious group to be dissolved over its donation practices."
)
# a tie (one report matching, one setting apart): the order told briefly, a report sharing less with it (the harm found)
# and one saying much the same (the claim ruled on)
ORDERED_BRIEFLY = "東京地裁は25日、宗教法人「天光会」の解散を命じた。"
HARM_FOUND = "東京地裁は25日、天光会の献金勧誘で被害が生じたと認定した。"
CLAIM_RULED_ON = "東京地裁は25日、天光会の解散請求について判断を示した。"


def _one(text: str, actors: ActorIndex, event_id: int) -> cl.Member:
    found = members(text, actors, event_id)
    assert found, text
    return found[0]


def _joined(new: cl.Member, *stored: tuple[int, cl.Member]) -> int:
    """The cluster `new` joins among the stored (cluster, member) of its day (its own id: none)."""
    candidates = [(cluster, m.date, cl._Features(m.features)) for cluster, m in stored]
    return cl.match_events([new], {cl._candidate_key(new): candidates}, same_event)[0]


@pytest.fixture(scope="module")
def told(actors: ActorIndex) -> dict[str, cl.Member]:
    texts = {
        "ruled": RULED,
        "handed": HANDED_DOWN,
        "found": FOUND,
        "ordered": ORDERED,
        "ordered_en": ORDERED_EN,
        "briefly": ORDERED_BRIEFLY,
        "harm": HARM_FOUND,
        "claim": CLAIM_RULED_ON,
    }
    return {key: _one(text, actors, 100 * (i + 1)) for i, (key, text) in enumerate(texts.items())}


def test_the_reports_read_as_the_rule_needs(told: dict[str, cl.Member]) -> None:
    # what makes the case: the handed-down report sets the order apart, the others match it and each other
    assert same_event(told["handed"].features, told["ordered"].features) < 0
    assert same_event(told["ruled"].features, told["handed"].features) > 0
    assert same_event(told["found"].features, told["handed"].features) > 0
    assert same_event(told["ordered"].features, told["ruled"].features) >= cl.OUTVOTED_SCORE
    assert same_event(told["ordered"].features, told["found"].features) >= cl.OUTVOTED_SCORE


def test_a_report_outvoting_the_one_that_sets_it_apart_joins_the_happening(told: dict[str, cl.Member]) -> None:
    # the cluster holds three reports of the ruling; two match the order, one sets it apart: the order joins
    stored = ((1, told["ruled"]), (1, told["handed"]), (1, told["found"]))
    assert _joined(told["ordered"], *stored) == 1


def test_a_tie_is_broken_by_a_match_saying_much_the_same_when_the_two_acts_read_one_happening(
    told: dict[str, cl.Member],
) -> None:
    # one report matches, one sets it apart: the cluster is vetoed as before when the match is no stronger than sharing
    # a few words (the harm found and the order)
    new = told["briefly"]
    assert cl.OUTVOTED_SCORE <= same_event(new.features, told["harm"].features) < cl.TIE_BROKEN_SCORE
    assert same_event(new.features, told["handed"].features) < 0
    assert _joined(new, (1, told["harm"]), (1, told["handed"])) == new.id
    # a match that says much the same breaks it: the ruling handed down (an announcement) and the order are one
    # happening's two readings (round 48: the tie no longer asks whether the matching report states an act)
    assert same_event(new.features, told["claim"].features) >= cl.TIE_BROKEN_SCORE
    assert not told["claim"].features.get("act") and new.features.get("act")
    assert _joined(new, (1, told["claim"]), (1, told["handed"])) == 1
    assert same_event(new.features, told["ordered"].features) >= cl.TIE_BROKEN_SCORE
    assert _joined(new, (1, told["ordered"]), (1, told["handed"])) == 1


def test_a_weak_match_does_not_outvote(told: dict[str, cl.Member]) -> None:
    # the English report matches the two Japanese ones below OUTVOTED_SCORE: the veto holds
    en = told["ordered_en"]
    assert all(0 < same_event(en.features, told[k].features) < cl.OUTVOTED_SCORE for k in ("ruled", "found")), (
        "the case needs a weak match across the languages"
    )
    stored = ((1, told["ruled"]), (1, told["handed"]), (1, told["found"]))
    assert _joined(en, *stored) == en.id


def test_an_earlier_event_of_its_own_document_still_sets_it_apart(told: dict[str, cl.Member]) -> None:
    # the handed-down sentence and the order in one article: the article told two things; never one cluster
    ruled, found = told["ruled"], told["found"]
    handed = told["handed"]._replace(id=2)
    ordered = told["ordered"]._replace(id=3)
    stored = [(1, ruled.date, cl._Features(ruled.features)), (1, found.date, cl._Features(found.features))]
    # the article's first event joins the stored cluster, its second is vetoed by it whatever the others say
    got = cl.match_events([handed, ordered], {cl._candidate_key(handed): stored}, same_event)
    assert got[0] == 1
    assert got[1] == ordered.id


@pytest.mark.parametrize(
    "against, matched, best, joins",
    [
        (1, 2, 0.6, True),
        (1, 1, 0.6, False),  # a tie, matched only as well as a few words shared
        (1, 1, 0.8, True),  # a tie broken by a report saying much the same
        (2, 3, 0.5, True),
        (1, 3, 0.45, False),  # matched only weakly
        (0, 0, 0.0, False),  # nothing read
    ],
)
def test_outvoted(against: int, matched: int, best: float, joins: bool) -> None:
    assert cl.outvoted(against, matched, best) is joins

"""A day in a done relative clause right before its noun, with the lead's day later in the sentence (issue 12, round
18: conclave2025's 「21日に…死去した教皇の葬儀ミサが26日、…営まれた」 dated the funeral on the death's day). The sentence
tells the later day's happening; the clause's day is the noun's. Sentences of our own, with the counter-examples the
rule must leave alone."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from tests.test_timeline_classes8 import members


def dates(text: str, actors: ActorIndex) -> list[str]:
    return [m.date for m in members(text, actors)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("3日に辞任した社長の後任が10日、決まった。", "2025-11-10"),
        ("5日に死去した元市長の葬儀が12日、市内の寺で営まれた。", "2025-11-12"),
        ("1日に発生した地震の被災地を首相が8日午前、訪れた。", "2025-11-08"),
        # 「…について、」 after the clause: `_FRAMED_NOUN_RE`'s, before this rule; kept beside it
        ("4日に発表された報告書について、県議会は11日、集中審議を行った。", "2025-11-11"),
    ],
)
def test_the_lead_s_day_dates_the_sentence_not_its_noun_s(text: str, day: str, actors: ActorIndex) -> None:
    assert dates(text, actors) == [day]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("7日に発生した山林火災は8日も燃え続け、延焼が広がった。", "2025-11-07"),  # 〜も: the fire's start is told
        ("補佐官は13日に公開されたインタビューで、合意した30日の停戦案について述べた。", "2025-11-13"),  # a length
        ("社長は3日に辞任した。", "2025-11-03"),  # no later day
    ],
)
def test_a_later_day_that_opens_no_lead_leaves_the_first(text: str, day: str, actors: ActorIndex) -> None:
    assert day in dates(text, actors)


def test_a_clause_after_another_keeps_the_first_day(actors: ActorIndex) -> None:
    # the later day opens a clause after 「…したあと、」, not a subject's lead: the meeting's day stays an event date
    text = "両国は、10日に首都で行われた会談が決裂したあと、今月14日、日本時間の15日に支援を停止した。"
    assert "2025-11-10" in dates(text, actors)

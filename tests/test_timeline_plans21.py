"""A plan told in the past is no happening (issue 12, round 21).

「停戦は当初、19日午前8時半に始まる予定だった。」「人質は18日に解放されるはずだった。」 "He had been scheduled to fly out
on Friday afternoon", "The party had been due on Monday to collect…": the sentence's own predicate is what was to
happen, not what happened; what happened instead is told on its own. Counter-examples: the sentence goes on to what
happened (「…予定だったが、…は10月6日、発表した」, a done act the day is of 「19日、…説明した後、公表する予定だった」, "…were scheduled for Monday but were postponed"), the plan is a noun's
("The talks, which were scheduled for Monday, went ahead"), the date is another clause's ("…the rate Trump unveiled
on April 2"). Sentences of our own, in both languages."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from tests.test_timeline_classes7 import events_of


@pytest.mark.parametrize(
    "body",
    [
        "停戦は当初、19日午前8時半に始まる予定だった。",
        "首相は18日に被災地を視察する予定だった。",
        "人質の女性は18日に解放されるはずだった。",
        "He had been scheduled to fly out of the city on a government plane on Friday afternoon.",
        "The party had been due on Monday to collect written requests from its lawmakers.",
    ],
)
def test_a_plan_told_in_the_past_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors, published="2025-01-20") == []


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("買収は当初12月に始める予定だったが、同社は17日、開始の延期を発表した。", "2025-01-17"),
        ("委員会は19日、遺族に説明した後、報道陣に結果を公表する予定だった。", "2025-01-19"),  # the briefing was done
        ("The talks, which were scheduled for Monday, went ahead in the capital on Monday.", "2025-01-20"),
        ("The president unveiled the tariffs on Friday, which were due to take effect next month.", "2025-01-17"),
    ],
)
def test_a_happening_beside_a_plan_is_kept(body: str, day: str, actors: ActorIndex) -> None:
    assert day in [d for d, _ in events_of(body, actors, published="2025-01-20")]

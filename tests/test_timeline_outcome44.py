"""A done act told with the outcome it did not reach is that day's happening (issue 12, round 44).

「両社の経営陣は4日に面談したが、溝は埋まらなかった」「大統領は29日、…と会談しましたが、歩み寄りはみられませんでした」
「上院は30日、つなぎ予算案を採決しましたが、…60票に届きませんでした」: the sentence ends on what did not happen, which
alone is no event (「…には触れなかった」), but its first clause tells a done act — the talks held, the vote taken — on
that day. It was dropped whole (four gold cases of three stories on the tuned set). What had been (「出席していたが、
…触れなかった」) and a bare not-done (「…には触れなかった」) stay no event. Sentences of our own.
"""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from tests.test_timeline_classes7 import events_of


@pytest.mark.parametrize(
    "body, day",
    [
        ("両国の外相は14日に会談したが、合意には至らなかった。", "2024-10-14"),
        ("首相は15日、野党党首と会談しましたが、歩み寄りはみられませんでした。", "2024-10-15"),
        ("議会は16日、法案を採決しましたが、可決に必要な票に届きませんでした。", "2024-10-16"),
        ("組合は17日に団体交渉を開いたが、会社側は回答を示さなかった。", "2024-10-17"),
    ],
)
def test_a_done_act_with_an_outcome_not_reached_is_an_event(body: str, day: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == [day]


@pytest.mark.parametrize(
    "body",
    [
        "社長は14日の会見で、この問題には触れなかった。",  # only what was not done
        "社長は14日の決算会見に出席していたが、この問題には触れなかった。",  # what had been, then what was not done
        "知事は15日、会見に出席していましたが、発言しませんでした。",
    ],
)
def test_what_was_not_done_stays_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors) == []

"""A party's own doing told as one more that day (issue 12, round 15): 「Bも同日、…」「官房長官も13日、…」 names the
sentence's party as 〜は does, so one article's two parties' doings on one day stay two happenings
(`apart_in_one_article`), each joining its own reports."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.events import same_event
from bot.store import clusters as cl
from tests.test_timeline_classes8 import members

FREED = "ノルド国政府は10日、拘束していた漁船の乗組員5人を解放した。"


@pytest.mark.parametrize(
    "also",
    [
        "ズード国も同日、拘束していたノルド国の漁船の乗組員12人を解放した。",
        "ズード国も10日、拘束していたノルド国の漁船の乗組員12人を解放した。",
    ],
)
def test_another_party_s_doing_told_with_mo_is_its_own_happening(also: str, actors: ActorIndex) -> None:
    first, second = members(f"{FREED}\n\n{also}", actors)
    assert first.date == second.date == "2025-11-10"
    assert second.features.get("subject")  # the も names the party as は would
    assert same_event(first.features, second.features) >= cl.SAME_DOCUMENT_SCORE  # their words alone would merge
    assert cl.match_events([first, second], {}, same_event) == [100, 101]


def test_mo_without_a_day_after_it_names_no_party(actors: ActorIndex) -> None:
    # 「ズード国も強く反発し」: also, but not the opener of a doing of a day (the day is the clause's, later)
    (only,) = members("ズード国も強く反発し、10日に抗議文を送った。", actors)
    assert not only.features.get("subject")

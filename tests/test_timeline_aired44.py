"""The day a programme aired dates the word said in it (issue 12, round 44).

「25日放映の米CBSテレビのインタビューで…と指摘した」「27日放送のNHKの番組で…と説明しました」「9日放送のFOXニュースのイン
タビューで…と警告した」: the day names the broadcast, the occasion of the party's word, as 「13日の記者会見で」 does — not a
noun's own day as 「27日投開票の日程」 is, and as an English report already read it ("said in an interview broadcast on
Sunday"). It was read as a noun's date and the word went undated (four gold cases of four stories on the tuned set). Sentences of our own, each with a counter-example (a noun's day stays no event's day).
"""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from tests.test_timeline_classes7 import events_of


@pytest.mark.parametrize(
    "body, day",
    [
        ("外相は12日放送の民放テレビの番組で、交渉の進展に期待を示した。", "2024-10-12"),
        ("国務長官は13日放映の米テレビ局のインタビューで、停戦は「近い」と述べた。", "2024-10-13"),
        ("知事は14日配信の動画で、住民に節水を呼びかけた。", "2024-10-14"),
        ("経済相は15日放送のラジオ番組に出演し、追加の支援策を検討していると明らかにした。", "2024-10-15"),
        # the English reading it matches
        ("The foreign minister said in an interview broadcast on Sunday that talks had stalled.", "2024-10-20"),
        ("The governor told a radio programme aired on Tuesday that the dam would hold.", "2024-10-15"),
    ],
)
def test_an_aired_programme_s_day_dates_the_word_said_in_it(body: str, day: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == [day]


@pytest.mark.parametrize(
    "body",
    [
        "同局は、18日放送の特別番組の内容を変更すると発表した。",  # a programme to come, named by its day
        "27日投開票の日程で、選挙戦が始まった。",  # a noun's day
    ],
)
def test_a_programme_named_by_its_day_dates_nothing_of_its_own(body: str, actors: ActorIndex) -> None:
    assert all(d not in ("2024-10-18", "2024-10-27") for d, _ in events_of(body, actors))

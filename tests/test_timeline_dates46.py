"""A day inside a relative clause that describes a Japanese sentence's topic (issue 12, round 46). 「21日に就任したばかり
の長官は22日、…説明した」「9日から閉鎖されていた空港は、10日午後に運用を再開した」: the first day is of what the
topic did or underwent before; the predicate is the later day's. Read whole, the sentence took the first day, so the
predicate's happening was dated a day or a week early (doge2025, sudan2023, nepal2025, rwanda2024, ofunato2025:
the later day's happening was the one the reports told). Each is now two happenings: the topic's, told by the clause
up to the topic, and the predicate's, told by the sentence. Each case has its pair the rule must leave alone."""

from __future__ import annotations

from tests.article_events import events_of


def test_a_topics_earlier_day_does_not_date_the_predicate() -> None:
    # a relative clause with ばかり before the topic, no comma between the two days
    got = events_of("2025-03-05", "1日に着任したばかりの新しい署長は3日、記者団に方針を説明した。")
    assert [d for d, _ in got] == ["2025-03-01", "2025-03-03"]
    assert got[0][1] == "1日に着任したばかりの新しい署長"  # the topic's own happening, told by its clause
    assert got[1][1].endswith("説明した。")
    # a number opens the topic noun, and a comma comes before the later day
    got = events_of("2024-06-30", "6月20日に始まった10日間の協議は、最終日の29日に共同声明をまとめて閉幕した。")
    assert [d for d, _ in got] == ["2024-06-20", "2024-06-29"]
    # a passive relative clause, then 翌N日
    got = events_of("2023-09-20", "15日に逮捕された元社員は翌16日、検察庁に送られた。")
    assert [d for d, _ in got] == ["2023-09-15", "2023-09-16"]
    # a state the topic was in since a day, ended on the next
    got = events_of("2025-04-12", "8日から運休していた路線は、11日朝に運転を再開した。")
    assert [d for d, _ in got][-1] == "2025-04-11"


def test_a_setting_or_a_frame_keeps_its_own_day() -> None:
    # the relative clause names the setting (で): its day is the predicate's own
    assert [d for d, _ in events_of("2025-02-20", "政府は12日に開かれた会議で、新たな支援策を決めた。")] == [
        "2025-02-12"
    ]
    # 「については」 is a frame, not a topic that did anything: left to the clause rules (one event, its first day)
    got = events_of("2024-01-10", "昨年12月20日に署名された政令の一部については、今月8日、裁判所が効力を停止した。")
    assert "2023-12-20" not in [d for d, _ in got][1:]
    # a time noun after the clause (「就任した後」) is a frame, not the topic
    got = events_of("2025-03-05", "1日に就任した後の初の会見は3日、都内で開かれた。")
    assert [d for d, _ in got] == ["2025-03-03"]
    # one day only: nothing later to date the predicate, the sentence keeps it
    assert [d for d, _ in events_of("2025-03-05", "1日に着任した署長は記者団に方針を説明した。")] == ["2025-03-01"]
    # the later day is before the first (a recap told backwards): no split
    got = events_of("2025-03-20", "18日に再開した工場は、先月28日に停止していた。")
    assert "2025-03-18" in [d for d, _ in got]

"""Dates as real articles write them: a bulleted chronology whose bare days go on in the month the item before
named, an English month and day read by its sentence's tense, a day that only bounds a span (「31日までの」)."""

from __future__ import annotations

import datetime as dt

from bot.actors import ActorIndex
from bot.extract.dates import DateContext
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document


def events_in(text: str, name: str, actors: ActorIndex) -> list:
    doc = parse_document(text, name=name)
    return extract_events(doc.passages, actors, doc.published)[0]


CHRONOLOGY = """---
published: 2025-05-18
---
協定は4月30日に署名されました。

■ 2月：最初の案を拒否

・2月12日、財務長官がキーウを訪れて協定案を提示した。
・当初案は、権益の50%を米国側に渡し、5000億ドル規模の収益を見込むものだった。
・大統領は15日、ミュンヘンで記者団に「国益を守る内容になっていない」と述べた。

大統領は16日、ロンドンで首相と会談した。
"""


def test_a_bare_day_in_a_bulleted_chronology_goes_on_in_the_month_of_the_item_before(actors: ActorIndex) -> None:
    rows = events_in(CHRONOLOGY, "note.txt", actors)
    dated = {e.summary[:8]: e.date for e in rows}
    assert dated["大統領は15日、"] == "2025-02-15"
    assert dated["大統領は16日、"] == "2025-05-16"  # prose after the list: the article's own month again


def test_a_list_item_needs_an_item_before_it_that_named_its_month() -> None:
    ctx = DateContext(dt.date(2025, 5, 18))
    assert [m.value for m in ctx.scan("政府は2月12日に提示した。")] == ["2025-02-12"]
    assert [m.value for m in ctx.scan("大統領は15日に述べた。", item=True)] == ["2025-05-15"]


def test_an_english_month_and_day_take_the_year_their_sentence_reads() -> None:
    sept = DateContext(dt.date(2024, 9, 22))
    assert [m.value for m in sept.scan("The magnitude 7.6 earthquake on Jan. 1 killed more than 370 people.")] == [
        "2024-01-01"
    ]
    assert [m.value for m in sept.scan("The election will be held on Jan. 5.")] == ["2025-01-05"]
    july = DateContext(dt.date(2025, 7, 20))
    had_been_due = "Japan had been due to face a 24% rate under the package Trump unveiled on April 2 in Washington."
    assert [m.value for m in july.scan(had_been_due)] == ["2025-04-02"]


def test_a_day_that_bounds_a_span_dates_no_clause_of_its_own(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-11-16\n---\n"
        "航空大手3社は15日、日本発着の路線について、12月31日までの搭乗分は手数料なしで払い戻しに応じると発表した。\n"
    )
    rows = events_in(text, "nhk.txt", actors)
    assert [(e.date, "払い戻し" in e.summary) for e in rows] == [("2025-11-15", True)]


def test_what_someone_said_will_happen_and_plans_called_off_are_no_events(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-11-21\n---\n"
        "中国で12月6日に公開予定だった日本のアニメ映画の上映が見合わせとなった。\n\n"
        "特使は19日、次の協議を23日にサウジアラビアで開くと明らかにした。\n\n"
        "同社は今月27日に、参加者を限定しない形で改めて会見を開くとしています。\n\n"
        "両社は来年6月に最終契約を結び、持ち株会社を上場させる計画だ。\n"
    )
    rows = events_in(text, "plans.txt", actors)
    assert [e.date for e in rows] == ["2025-11-19"]


def test_a_date_that_is_the_predicate_of_a_cleft_sentence_dates_no_new_event(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-11-16\n---\n"
        "中国外務省は14日夜、自国民に日本への渡航を控えるよう呼びかけた。"
        "呼びかけが出されたのは北京時間の14日午後10時すぎ、日本時間では14日午後11時すぎでした。\n\n"
        "火の勢いが収まったのは15日午前7時半ごろだった。\n"
    )
    rows = events_in(text, "cleft.txt", actors)
    assert [e.summary[:6] for e in rows] == ["中国外務省は"]


def test_an_english_sentence_that_only_announces_its_happening_takes_the_next_one(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-11-13\nlanguage: en\n---\n"
        "The United States weighed in on Monday. U.S. Ambassador George Glass wrote on X that the consul was "
        "threatening the prime minister. Officials met again on Tuesday to discuss the matter further.\n"
    )
    rows = events_in(text, "reuters.txt", actors)
    assert [(e.date, "Glass" in e.summary) for e in rows] == [("2025-11-10", True), ("2025-11-11", False)]


def test_an_english_day_restated_in_the_other_zone_gives_its_other_date(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-07-30\nlanguage: en\n---\n"
        "The magnitude 8.8 quake struck off the Kamchatka Peninsula at about 1:25 p.m. Hawaii time on Tuesday, "
        "which was already Wednesday morning in Russia and Japan.\n"
    )
    rows = events_in(text, "ap.txt", actors)
    assert [(e.date, e.alt) for e in rows] == [("2025-07-29", "2025-07-30")]


def test_the_day_a_span_started_is_not_the_day_of_what_ended_it(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-08-01\n---\n"
        "気象庁は31日午後4時半、全ての津波注意報を解除した。"
        "30日午前8時37分に最初の注意報を出してから、約32時間ぶりに全ての津波情報が解けた。\n"
    )
    rows = events_in(text, "jiji.txt", actors)
    assert "2025-07-30" not in [e.date for e in rows]


def test_english_reported_on_days_and_recalled_happenings_date_no_event(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2024-09-22\nlanguage: en\n---\n"
        "Separately, it was learned Friday that barriers at five railway crossings stayed down during the warning.\n\n"
        "The magnitude 7.6 earthquake on Jan. 1 killed more than 370 people and destroyed tens of thousands of homes.\n\n"
        "The agency issued its highest-level heavy rain emergency warning for Wajima on Saturday.\n"
    )
    rows = events_in(text, "ap.txt", actors)
    assert [e.date for e in rows] == ["2024-09-21"]


def test_an_abbreviation_does_not_end_the_sentence_whose_tense_dates_a_weekday() -> None:
    ctx = DateContext(dt.date(2025, 8, 5))  # a Tuesday
    text = 'Washington\'s new "reciprocal" tariffs are set to take effect at 12:01 a.m. Thursday U.S. Eastern time.'
    assert [m.value for m in ctx.scan(text)] == ["2025-08-07"]


def test_the_hour_a_span_started_does_not_date_the_sentence(actors: ActorIndex) -> None:
    text = (
        "---\npublished: 2025-08-01\n---\n"
        "気象庁は31日午後4時半、全ての津波注意報を解除した。\n\n"
        "午前8時37分に最初の注意報を出してから、約32時間ぶりに全ての津波情報が解けた。\n"
    )
    rows = events_in(text, "jiji.txt", actors)
    assert len(rows) == 1

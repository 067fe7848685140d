"""Classes of phrasing that made false or misdated timeline events (issue 12, round 9, from the classes
`eval/timeline_classes.py` counts): each rule with sentences of our own, in Japanese and English, and a
counter-example it must leave alone. The report is of 20 October 2024 unless a case says otherwise."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.ingest.stamps import stamp_date
from tests.test_timeline_classes7 import events_of

# --- a reporter's credit closing the last paragraph is not the sentence's end ---------------------------------------


def test_a_plan_before_a_credit_is_still_a_plan(actors: ActorIndex) -> None:
    assert events_of("市長選は来月10日に投開票される。【田中一郎】", actors) == []


def test_a_happening_before_a_credit_keeps_its_day_without_the_credit(actors: ActorIndex) -> None:
    assert events_of("市長は18日、辞職願を提出した。【田中一郎】", actors) == [
        ("2024-10-18", "市長は18日、辞職願を提出した。")
    ]


# --- a day ahead of the report with no done act: a schedule ---------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "次の定例会合は11月5～6日です。",
        "開票は27日だ。",
        "His second term begins on Nov. 1.",
        "The central bank's next policy meeting is on Oct. 30 and 31.",
    ],
)
def test_a_day_ahead_without_a_done_act_is_a_schedule(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors) == []


@pytest.mark.parametrize(
    "body, day",
    [
        ("定例会合は18日に終わった。", "2024-10-18"),  # a day behind the report: what happened
        ("His second term began on Oct. 1.", "2024-10-01"),
    ],
)
def test_a_day_behind_the_report_stays(body: str, day: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == [day]


# --- the day of a record a figure is measured against ----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "下げ幅は、2008年10月16日の1089円を上回り、過去2番目の大きさとなった。",
        "上げ幅は1990年10月2日の2676円を上回って過去最大です。",
    ],
)
def test_the_day_of_a_record_compared_with_is_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors) == []


def test_a_day_whose_figure_is_the_happening_stays(actors: ActorIndex) -> None:
    assert [d for d, _ in events_of("2008年10月16日、株価は1089円下落した。", actors)] == ["2008-10-16"]


# --- the author's question tells no happening ------------------------------------------------------------------------


def test_the_authors_question_is_no_event(actors: ActorIndex) -> None:
    assert events_of("9月には決裂したはずの交渉が、なぜ18日にまとまったのか。", actors) == []


def test_a_quoted_question_is_the_speakers_word(actors: ActorIndex) -> None:
    body = "知事は18日、「なぜ今なのか。説明が足りない」と記者団に述べた。"
    assert [d for d, _ in events_of(body, actors)] == ["2024-10-18"]


# --- a day told as what had been is the background's: the hours after it are still of the day told ------------------


def test_an_hour_after_a_past_before_day_is_of_the_day_told(actors: ActorIndex) -> None:
    body = (
        "5日の東京株式市場で平均株価は大幅に下落した。平均株価は7月11日に最高値を付けたばかりだった。"
        "財務相も夕方、財務省で取材に応じ、市場を注視すると表明した。"
    )
    got = events_of(body, actors, published="2024-08-05")
    assert [d for d, s in got if s.startswith("財務相")] == ["2024-08-05"]


def test_an_hour_after_a_past_day_told_as_done_is_of_that_day(actors: ActorIndex) -> None:
    body = "平均株価は7月11日に最高値を付けた。財務相も夕方、財務省で取材に応じ、市場を注視すると表明した。"
    got = events_of(body, actors, published="2024-08-05")
    assert [d for d, s in got if s.startswith("財務相")] == ["2024-07-11"]


@pytest.mark.parametrize(
    "sentence, days",
    [
        ("東京モノレールは運転を見合わせていた。", []),  # what had been: background of a later report
        ("東京モノレールは運転を見合わせた。", ["2024-01-02"]),  # one of the day's happenings
    ],
)
def test_an_incidents_day_takes_what_happened_not_what_had_been(
    sentence: str, days: list[str], actors: ActorIndex
) -> None:
    body = "羽田空港で2日夕、日航機と海保機が衝突する事故があった。\n\n" + sentence
    got = events_of(body, actors, published="2024-01-02")
    assert [d for d, s in got if s == sentence] == days


# --- a marked section heading is context when its section tells its day ---------------------------------------------


def blog(section: str) -> str:
    """A blog post of cited sections (each from its marked heading down to its 「出典:」 line)."""
    return "今月の動きを振り返ります。\n\n" + section + "\n出典: https://example.com/a\n"


def test_a_section_heading_whose_day_the_section_tells_is_context(actors: ActorIndex) -> None:
    body = blog("■ 10月2日～6日：株価の急落と反発\n- 2日、平均株価は2216円下落した。")
    assert [s for _, s in events_of(body, actors)] == ["2日、平均株価は2216円下落した。"]


def test_a_section_heading_that_is_the_only_report_of_its_day_stays(actors: ActorIndex) -> None:
    body = blog("■ 10月2日：日銀が追加利上げ\n- 市場では円高が進んだ。")
    assert [d for d, _ in events_of(body, actors)] == ["2024-10-02"]


# --- a stamp line that ends with its writer's credit is a stamp ------------------------------------------------------


@pytest.mark.parametrize(
    "line, day",
    [
        ("公開日：2024年8月25日　文・けいざいメモ編集部", "2024-08-25"),
        ("更新日：2025年3月2日 写真：山田花子", "2025-03-02"),
        ("公開日：2024年8月25日", "2024-08-25"),
    ],
)
def test_a_stamp_with_its_credit_is_a_stamp(line: str, day: str) -> None:
    assert stamp_date(line) == day


def test_a_sentence_with_a_date_is_no_stamp() -> None:
    assert stamp_date("2024年8月25日、けいざいメモ編集部が記事を公開した") is None

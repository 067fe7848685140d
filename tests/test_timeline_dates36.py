"""Days given to the wrong happening (issue 12, round 36). A day after the report whose verb a plan's noun or a word
passed on embeds (「12日に…再開する方針を示した」「13日に辞任するとの連絡があった」), or that begins a sentence telling what
someone said would be done (「撤退を5月1日に始め、9月11日までに完了させると正式に表明した」), is no happening of that day,
and is read ahead, not in the month or year before; nor is an English day a party "was preparing to" act on. A day the
clause only refers to (「14日の就任以降、」) is not what a later 同日 counts from. Each case has its pair the rule must
leave alone: the same words told done, or of a day already past."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorIndex
from bot.extract.dates import DateContext
from bot.extract.events import extract_events
from bot.extract.plans import reads_future, said_ahead
from bot.ingest.parse import parse_document
from tests.article_events import days_of, events_of


def test_a_plan_or_word_passed_on_for_a_later_day_is_no_happening_of_it() -> None:
    assert events_of("2019-06-10", "長官は、12日に立法会で審議を再開する考えを示した。") == []
    assert events_of("2022-07-10", "議長は、大統領から13日に辞任するとの連絡があったと発表した。") == []
    assert events_of("2025-01-18", "同社は19日にサービスを停止せざるを得ないとの声明を出していた。") == []
    # the day the plan was told stays the happening's
    assert days_of("2019-06-10", "長官は10日、記者会見し、12日に審議を再開する考えを示した。") == ["2019-06-10"]
    # a word passed on of a day already past is a happening of that day
    assert days_of("2022-07-15", "議長は、大統領から13日に辞任したとの連絡があったと発表した。") == ["2022-07-13"]


@pytest.mark.parametrize(
    ("report", "text", "day"),
    [
        # 「19日に…との声明を出していた」 in a report of the 18th: the 19th to come, not the month before
        ("2025-01-18", "同社は19日にサービスを停止するとの声明を出していた。", "2025-01-19"),
        ("2022-07-10", "大統領から13日に辞任するとの連絡があったと発表した。", "2022-07-13"),
        # 「9月11日までに完了させると正式に表明した」 in April: this September, not last
        ("2021-04-15", "大統領は9月11日までに完了させると正式に表明した。", "2021-09-11"),
        # the same days told done keep the side behind the report
        ("2025-01-18", "同社は19日に声明を出した。", "2024-12-19"),
        ("2021-04-15", "大統領は9月11日までに撤退を完了させた。", "2020-09-11"),
    ],
)
def test_a_day_a_word_passed_on_or_an_announcement_embeds_is_read_ahead(report: str, text: str, day: str) -> None:
    on = dt.date.fromisoformat(report)
    assert [m.value for m in DateContext(on).scan(text, on)] == [day]


def test_what_was_said_would_be_done_carries_the_clause_before_it() -> None:
    assert said_ahead("9月11日までに完了させると正式に表明した。")
    assert said_ahead("撤退させると改めて発表した。")
    assert not said_ahead("撤退を完了させたと正式に発表した。")
    found = days_of(
        "2021-04-15",
        "大統領は14日、演説し、米軍の撤退を5月1日に始め、9月11日までに完了させると正式に表明した。",
    )
    assert found == ["2021-04-14"]
    # told done, the clause keeps its day
    found = days_of("2021-09-15", "米軍は撤退を5月1日に始め、8月30日に完了させた。")
    assert found == ["2021-05-01", "2021-08-30"]
    # on the report's own day the clause is the saying's occasion
    found = days_of("2024-10-02", "厚労相は2日、就任会見に臨み、12月2日に移行する方針を維持すると表明した。")
    assert found == ["2024-10-02"]


def test_an_english_day_a_party_was_preparing_to_act_on_is_a_plan() -> None:
    assert reads_future("United said it was preparing to bring them back on Sunday.", True)
    assert not reads_future("United said it had prepared the jets on Sunday.", True)
    assert events_of("2024-01-24", "United Airlines said it was preparing to bring the jets back on Sunday.") == []
    found = days_of("2024-01-29", "United Airlines brought the jets back on Sunday.")
    assert found == ["2024-01-28"]


def test_a_day_the_clause_refers_back_to_is_not_what_the_same_day_counts_from() -> None:
    found = days_of(
        "2025-03-24",
        "首相は23日、下院の解散を発表した。",
        "14日の就任以降、両首脳は電話で話していない。野党の党首は同日、遊説を開始した。",
    )
    assert found == ["2025-03-23", "2025-03-23"]
    ctx = DateContext(dt.date(2025, 3, 24))
    ctx.scan("首相は23日、解散を発表した。", dt.date(2025, 3, 24))
    found = ctx.scan("10月7日の奇襲以降、攻撃が続く。軍は同日、声明を出した。", dt.date(2025, 3, 24))
    assert [m.value for m in found if m.text == "同日"] == ["2025-03-23"]


def test_a_day_the_article_tells_is_still_what_the_same_day_counts_from() -> None:
    assert days_of("2025-03-24", "首相は14日、就任した。", "野党党首は同日、声明を出した。") == ["2025-03-14", "2025-03-14"]
    # a day that opens its own clause, even after one the clause refers to, is the anchor
    found = days_of("2025-12-10", "1月8日の事件から11カ月となる8日、追悼式が開かれた。知事は同日、献花した。")
    assert found == ["2025-12-08", "2025-12-08"]


def test_a_headlines_day_ahead_is_not_the_day_the_lead_tells() -> None:
    """「カナダ、4月28日に総選挙」 over a report of 24 March: the lead's day is the 23rd it tells, so a paragraph that opens
    with 同日 after others gone back to the 14th is back on the 23rd."""
    paragraphs = "\n\n".join(
        [
            "首相は23日、下院を解散し、4月28日に総選挙を実施すると発表した。14日に就任したばかりの首相は信を問う。",
            "首相は記者の質問に答えた。",
            "野党党首は同日、遊説を開始した。",
        ]
    )
    for title, day in (("カナダ、4月28日に総選挙", "2025-03-23"), ("カナダで総選挙へ", "2025-03-23")):
        # (the headline opens the body too, as an outlet's page repeats it)
        doc = parse_document(f"---\ntitle: {title}\npublished: 2025-03-24\n---\n{title}\n\n{paragraphs}\n", name="a.txt")
        rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
        assert [e.date for e in rows if e.summary.startswith("野党党首")] == [day]

"""An earlier month retold (issue 12, round 21: false events by class over every tuned story). Of the entries
dated only by a month, 42 matched no gold case and 2 did: a report tells its own happenings by the day, and a
happening it dates only by an earlier month (「X氏は7月、…に就任した。」 in an October report, 「検察側は先月、…を
求刑していた。」, 「…は昨年8月、…をまとめており、」) is the story's past it recalls, told whole in the past or the
perfect. Kept: this month's, what a source tells or the report found out, a noun-stop, a present state, a clause
that leads into the news (「…就任して以来」), a year (`_recap`'s) and every day.

Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.events import extract_events, no_comment
from bot.ingest.parse import parse_document


def _events(body: str, published: str = "2024-10-20") -> list[tuple[str, str]]:
    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    return [(r.date, r.summary) for r in rows]


@pytest.mark.parametrize(
    "sentence",
    [
        "北野氏は7月、女性として初めて港湾局長に就任した。",  # three months back, plain past
        "検察側は5月、禁錮3年を求刑していた。",  # five months back, pluperfect
        "同庁は昨年3月、この団体を監督対象に指定した。",  # last year's month
        "県は昨年8月、業者の選定に関する指針をまとめており、今回の判断はその試金石となる。",  # perfect, leading on
    ],
)
def test_an_earlier_month_told_whole_is_no_event(sentence: str) -> None:
    assert not [d for d, _ in _events(sentence) if len(d) == 7]


@pytest.mark.parametrize(
    "sentence",
    [
        "北野氏は今月、港湾局長に就任した。",  # the report's own month
        "関係者によると、同局は7月初旬に事態を把握していた。",  # what a source tells: the report's news
        "ウクライナ軍は8月、ロシア領内への越境攻撃を開始。不意をつかれたロシア軍は国境沿いを奪われた。",  # a noun-stop
        "検察側は先月、禁錮3年を求刑していた。",  # the last two months: a recent report may bridge the days it tells
        "関係者によると、同社は6月に調査を終えていた。",  # what a source tells
        "事務総長は8月、「加盟国は支出を増やすべきだ」と語っている。",  # a present state
    ],
)
def test_this_month_a_source_a_noun_stop_or_a_state_stays(sentence: str) -> None:
    assert [d for d, _ in _events(sentence) if len(d) == 7]


def test_a_day_of_an_earlier_month_stays() -> None:
    assert ("2024-07-15", "北野氏は7月15日、港湾局長に就任した。") in _events("北野氏は7月15日、港湾局長に就任した。")


# A wire report's closing line: a party's silence asked for is no happening (takarazuka2023, sevenandi2025: two
# entries matching no gold case, the only two such lines among all the tuned stories' entries).
@pytest.mark.parametrize(
    "sentence",
    [
        "Northline Rail, which runs the troupe, did not immediately respond to a request for comment on Friday.",
        "An official at the transport ministry declined to comment on Thursday, saying it was a matter for the firms.",
        "The mayor could not be reached for comment on Monday.",
    ],
)
def test_no_comment_is_no_event(sentence: str) -> None:
    assert no_comment(sentence)
    assert not _events(sentence, "2024-10-20")


@pytest.mark.parametrize(
    "sentence",
    [
        "Northline Rail recalled 40,000 cars on Friday; its rival declined to comment.",  # a happening before it
        "The minister resigned on Friday, and his office declined to comment further.",
        "The company commented on the ruling on Friday.",
        "北野氏は18日、取材に応じなかった。",  # Japanese: not read here
    ],
)
def test_a_happening_joined_to_it_stays(sentence: str) -> None:
    assert not no_comment(sentence)

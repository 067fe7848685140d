"""Round 28 (issue 12): dates read on the wrong day, and a sentence's second day lost.

- 「4月26、27日」「9月19・20日」: two days that share their month and 日 are both of that month (the second had been
  read as a bare day of the report's month: benikoji2024, yen2024).
- An English weekday's future: "is due to arrive … on Friday" (`due to` before a word that starts with a, the, its…
  had been read as "due to the storm"), "would begin as planned on Sunday" (as planned is no past verb): evtariffs2024,
  gaza2025.
- "the same day the 20-year-old registered", "the same day his son … made", "On the same day he resigned, …": the day
  a clause after it tells, not the last day the article named (butler2024, greenland2025, valencia2024).
- Two days of one predicate, each opening its clause alike (「10日にSVBが、12日にはシグネチャー・バンクが相次いで破綻
  した」「12日にAを補佐官に、翌13日にはBを国務長官に起用すると発表し」), each date a happening of their own (svb2023,
  uselection2024); so does an English predicate joined
  by and with a day of its own ("contacted police on June 9 and reported the outage … on Wednesday": kadokawa2024,
  noto2024, matsumoto2024, shenzhen2024, surname2025).

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorIndex
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document
from tests.test_timeline_dates19 import _days
from tests.test_timeline_retold21 import _events


def _english_events(body: str, published: str = "2024-06-14") -> list[tuple[str, str]]:
    doc = parse_document(f"---\ntitle: t\npublished: {published}\nlanguage: en\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    return [(r.date, r.summary) for r in rows]


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        ("弁護士会は4月26、27日に電話相談を開いた。", dt.date(2024, 9, 27), ["2024-04-26", "2024-04-27"]),
        ("次回の会合は9月19・20日に開かれる。", dt.date(2024, 8, 8), ["2024-09-19", "2024-09-20"]),
        ("会合は9月19～20日に開かれる。", dt.date(2024, 8, 8), ["2024-09-19", "2024-09-20"]),  # a range, as before
        ("26日、27日に相談会を開いた。", dt.date(2024, 9, 28), ["2024-09-26", "2024-09-27"]),  # each with its 日
    ],
)
def test_two_days_of_one_month_share_it(text: str, published: dt.date, days: list[str]) -> None:
    assert _days(text, published) == days


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The minister, whose government criticised the duties, is due to arrive in China on Friday.", "2024-06-21"),
        ("He told reporters he was confident the ceasefire would begin as planned on Sunday.", "2024-06-23"),
        ("The minister said on Friday that talks had stalled.", "2024-06-14"),  # a past verb: behind
        ("Flights were cancelled due to a storm on Friday.", "2024-06-14"),  # due to a noun: no future
        ("The vote went ahead as planned on Friday.", "2024-06-14"),  # past, with as planned
    ],
)
def test_an_english_weekday_reads_its_clauses_future(text: str, day: str) -> None:
    assert _days(text, dt.date(2024, 6, 17)) == [day]  # a Monday


@pytest.mark.parametrize(
    "text",
    [
        "Police met on May 2. The search came the same day the 20-year-old registered for the rally.",
        "Police met on May 2. He refused to rule it out, the same day his eldest son, Donald Jr, made a visit.",
        "Police met on May 2. On the same day he resigned, the journalist gave evidence to the judge.",
    ],
)
def test_the_same_day_a_clause_tells_is_not_the_last_day_named(text: str) -> None:
    assert _days(text, dt.date(2025, 5, 4)) == ["2025-05-02"]


@pytest.mark.parametrize(
    "text",
    [
        "Sales fell on May 2. The same day, the central bank joined the Fed.",
        "Sales fell on May 2. The same day the central bank joined the Fed.",  # opens the sentence: its main clause
        "Sales fell on May 2. The company said the same day that an outside firm found it.",
        "Sales fell on May 2. A second lawsuit filed the same day blames the utility.",
    ],
)
def test_the_same_day_told_alone_is_the_last_day_named(text: str) -> None:
    assert _days(text, dt.date(2025, 5, 4)) == ["2025-05-02", "2025-05-02"]


@pytest.mark.parametrize(
    ("body", "days"),
    [
        ("米国では10日にA銀行が、12日にはB銀行が相次いで破綻した。", ["2025-02-10", "2025-02-12"]),
        ("氏は12日にA氏を補佐官に、翌13日にはB氏を国務長官に起用すると発表した。", ["2025-02-12", "2025-02-13"]),
    ],
)
def test_a_second_day_of_a_parallel_clause_dates_its_own_happening(body: str, days: list[str]) -> None:
    assert [d for d, _ in _events(body, published="2025-02-14")] == days


@pytest.mark.parametrize(
    "body",
    [
        "首相は10日の会見で、12日に訪米すると述べた。",  # a plan's day inside the clause: one happening
        "同社は10日、12日に工場を公開すると発表した。",  # the announcement's day; the 12th is still to come
        "9月10日の記録的な大雨の後、県は同日夜に対策本部を設けた。",  # a frame's day
        "首相が10日に、記者団の質問に答えた。",  # an open clause with no second day
        "代表は前日の記者会見で、10日に提出する方針を明らかにしていた。",  # the first clause is not opened by a day and に
    ],
)
def test_one_happening_keeps_one_day(body: str) -> None:
    assert len(_events(body, published="2025-09-11")) == 1


@pytest.mark.parametrize(
    ("body", "days"),
    [
        (
            "The company contacted police on June 9 and reported the outage to the finance bureau on Wednesday.",
            ["2024-06-09", "2024-06-12"],
        ),
        (
            "The first 18 temporary housing units were completed in Wajima on June 1, and residents began moving in on"
            " June 3.",
            ["2024-06-01", "2024-06-03"],
        ),
    ],
)
def test_an_english_predicate_joined_by_and_with_its_own_day_is_its_own_happening(body: str, days: list[str]) -> None:
    assert [d for d, _ in _english_events(body)] == days


@pytest.mark.parametrize(
    "body",
    [
        # the second day is a relative clause's, not the joined predicate's
        "The index posted a record fall on Friday, and left the market below the record close it set on June 11.",
        # a pronoun's second act: one thing's course told on
        "Radar first picked it up on Saturday over Montana, and it reappeared on Sunday over Wisconsin.",
        # no predicate joined: a list of days of one verb
        "The city lifted the orders for 957 people on Friday, for 333 people on Saturday and for 882 on Sunday.",
    ],
)
def test_an_english_sentence_without_a_second_predicate_keeps_one_day(body: str) -> None:
    assert len(_english_events(body)) == 1

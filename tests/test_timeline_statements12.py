"""Issue #12: in a report of its day, the headline's party's word given on an occasion (a statement issued through
someone, an answer when asked) is that day's happening though the sentence names no date; another party's
reaction, an anonymous source, a word told as past (〜ていた) and an old day's report are not dated so."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document

ACTORS = ActorIndex([ActorEntry(1, "山田電機", None, "body", [], None)])  # a party the registry knows
LEAD = "山田電機の田中一郎社長は4日、都内で記者会見し、業績不振の責任を取って辞任すると表明した。"


def _events(
    body: str, *, published: str = "2024-06-04", title: str = "山田電機、田中氏が辞任を表明"
) -> list[tuple[str, str]]:
    text = f"---\ntitle: {title}\npublished: {published}\nlanguage: ja\n---\n{title}\n\n{body}"
    doc = parse_document(text, name="a.txt")
    rows, _ = extract_events(doc.passages, ACTORS, doc.published)
    return [(e.date, e.summary) for e in rows if not e.report]


ANSWER = "田中氏は後任について問われ、「取締役会で速やかに決める」と答えた。"


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        (ANSWER, True),
        ("田中氏は代理人弁護士を通じてコメントを出し、取引先に謝罪した。", True),
        ("田中氏は記者の質問に対し、「経営陣の刷新が必要だ」と述べた。", True),
        # another party's reaction: the headline does not name it
        ("競合する佐藤商事の佐藤次郎社長は記者の質問に対し、「驚いている」と述べた。", False),
        # an anonymous source, though of a party the registry and the headline name
        ("山田電機関係者は記者の質問に対し、「社内は混乱している」と語った。", False),
        # what the party had said before
        ("田中氏はかねて進退を問われ、「続投する」と述べていた。", False),
        # a word at no occasion: a view held
        ("田中氏は「経営陣の刷新が必要だ」と述べた。", False),
        # what it will say
        ("田中氏は後任について問われ、「取締役会で決める」と答える予定だ。", False),
    ],
)
def test_the_headline_partys_word_on_an_occasion_takes_the_reported_day(sentence: str, dated: bool) -> None:
    events = _events(LEAD + "\n\n" + sentence)
    assert [d for d, s in events if s == sentence] == (["2024-06-04"] if dated else [])


def test_a_headline_naming_the_party_as_an_object_dates_nothing() -> None:
    events = _events(LEAD + "\n\n" + ANSWER, title="取締役会が田中氏を解任 山田電機")
    assert ANSWER not in [s for _, s in events]


def test_an_old_days_report_leaves_the_word_undated() -> None:
    events = _events(LEAD + "\n\n" + ANSWER, published="2024-09-30")
    assert ANSWER not in [s for _, s in events]

"""Issue #12, thirteenth round: the day in focus. 同日, 前日 and 翌日, and a sentence dated only by its hour, count from
the day the article tells — not from a day ahead that a plan names (「24日に作業を始めることを決めた」) nor from a day a
noun carries (「21日召集の臨時国会」「先月25日に出した命令」) once the paragraph has named its own day."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorIndex
from bot.extract.dates import DateContext
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document


def _days(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in DateContext(published).scan(text)]


@pytest.mark.parametrize(
    ("text", "published", "relative", "value"),
    [
        # a plan's day after the sentence's own day: 前日 counts from the 22nd, the day of the decision
        (
            "政府は22日朝、関係閣僚会議を開き、24日に放水を始めることを決めた。首相は前日に漁協の会長と面会した。",
            dt.date(2023, 8, 22),
            "前日",
            "2023-08-21",
        ),
        # a noun's day after the sentence's own day: 同日 is the day the party appealed
        (
            "教団は7日、地裁が先月25日に出した命令を不服として抗告した。広報担当の幹部は同日午後、取材に応じた。",
            dt.date(2025, 4, 7),
            "同日",
            "2025-04-07",
        ),
        (
            "両党の党首は20日夕、合意書に署名した。21日召集の臨時国会で投票する。代表は同日午前、記者団に経緯を明かした。",
            dt.date(2025, 10, 21),
            "同日",
            "2025-10-20",
        ),
        # a noun's day that is the paragraph's only day is still what 同日 counts from
        (
            "7日投開票の市長選で2位だった候補は同日夜、事務所で会見した。",
            dt.date(2024, 7, 8),
            "同日",
            "2024-07-07",
        ),
        # a day ahead told alone (no day of the sentence before it) is left as it was: 翌日 counts from it
        (
            "会合は25日に開く。翌日には閣議で決める予定だ。",
            dt.date(2024, 6, 20),
            "翌日",
            "2024-06-26",
        ),
    ],
)
def test_relative_days_count_from_the_day_in_focus(text: str, published: dt.date, relative: str, value: str) -> None:
    assert (relative, value) in _days(text, published)


def _events(body: str, published: str) -> list[tuple[str, str]]:
    text = f"---\ntitle: 山林火災\npublished: {published}\nlanguage: ja\n---\n山林火災\n\n{body}"
    doc = parse_document(text, name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    return [(e.date, e.summary) for e in rows if not e.report]


HOUR = "市は午後4時に避難指示を出しました。"


def test_an_hour_after_a_planned_day_is_of_the_day_told() -> None:
    """「…27日朝から再開する予定です」 names a day the report has not reached: an hour told after it is the 26th's."""
    body = (
        "26日午後、山林で火事があり、火は住宅に燃え広がっています。\n\n"
        "ヘリコプターによる消火は日没で中断し、27日朝から再開する予定です。\n\n" + HOUR
    )
    assert ("2025-02-26", HOUR) in _events(body, "2025-02-26")


def test_an_hour_after_a_day_that_happened_is_of_that_day() -> None:
    body = "26日午後、山林で火事があり、火は住宅に燃え広がった。\n\n27日未明には隣の地区でも火が確認された。\n\n" + HOUR
    assert ("2025-02-27", HOUR) in _events(body, "2025-02-27")


def _scan_paragraphs(paragraphs: list[str], published: dt.date) -> list[tuple[str, str]]:
    ctx = DateContext(published)
    return [(m.text, m.value) for p in paragraphs for m in ctx.scan(p)]


LEAD17 = "銀行の頭取は17日朝、本店で取材に応じ、顧客に謝罪した。"
BACK16 = "同行は前日の16日、役員の報酬を減らす処分を発表した。"
ON17 = "頭取は続投する。「信頼を取り戻すことで責任を果たしたい」と語った。"


@pytest.mark.parametrize("published", [dt.date(2025, 1, 17), dt.date(2025, 1, 18)])  # the day's report, the morning's
def test_a_paragraph_opening_with_the_same_day_returns_to_the_lead_after_an_earlier_day(published: dt.date) -> None:
    """In a report of the 17th (or the next morning's), 同日 opening a paragraph after one gone back to the 16th and one
    going on with the lead's account is the lead's day."""
    days = _scan_paragraphs([LEAD17, BACK16, ON17, "金融担当相は同日の閣議後記者会見で「検討する」と述べた。"], published)
    assert days[-1] == ("同日", "2025-01-17")


@pytest.mark.parametrize(
    ("paragraphs", "published", "value"),
    [
        # 同日 opening the paragraph right after the earlier day's goes on with it
        ([LEAD17, BACK16, "会長は同日、記者会見した。"], dt.date(2025, 1, 17), "2025-01-16"),
        # 同日 inside the paragraph that named the earlier day goes on with it
        ([LEAD17, BACK16 + "同日、会長も辞任の意向を示した。"], dt.date(2025, 1, 17), "2025-01-16"),
        # a day ahead (the next meeting's) is not gone back from: the paragraph after it goes on with it
        (
            ["協会は20日、理事会を開いた。", "次の総会は25日に開く。", "会長は再任された。", "同日には新しい役員も選ぶ予定だ。"],
            dt.date(2024, 6, 20),
            "2024-06-25",
        ),
        # a report of a later day than its lead: no day to return to
        ([LEAD17, BACK16, ON17, "金融担当相は同日、記者会見した。"], dt.date(2025, 1, 20), "2025-01-16"),
    ],
)
def test_the_same_day_goes_on_with_the_last_day_elsewhere(paragraphs: list[str], published: dt.date, value: str) -> None:
    assert _scan_paragraphs(paragraphs, published)[-1] == ("同日", value)


def test_a_partys_comment_on_a_day_the_article_told_in_any_paragraph_before_is_no_event() -> None:
    """「両社は同日、…とのコメントを出した」: a word on the happening of that day, told in the lead though three
    events of earlier days came between."""
    comment = "両社は同日、「指摘を真摯に受け止める」とのコメントを出した。"
    body = "\n\n".join(
        [
            "総務省は4日、放送局2社に行政指導を行った。",
            "同省は1日に2社の幹部から事情を聴いた。2日には社内調査の報告書を受け取った。3日には有識者の意見を聞いた。",
            comment,
        ]
    )
    events = _events(body, "2025-04-04")
    assert ("2025-04-01", "同省は1日に2社の幹部から事情を聴いた。") in events  # the days between are events
    assert comment not in [s for _, s in events]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the day of the meeting the decision was taken at, joined by a comma: the decision's past, this month
        ("漁協は12日に組合員で話し合い、漁具を新たに購入する方針を決めた。", "2025-03-12"),
        ("同社は14日に取締役会を開き、工場を閉鎖することを決議した。", "2025-03-14"),
        # a visit is no occasion of the decision: it is what was decided, still to come (next month's 28th)
        ("知事は28日に現地を訪れ、住民と話し合うことを決めた。", "2025-03-28"),
        # 「…にも」: as early as a day still to come
        ("市は20日にも説明会を開き、住民の意見を聞く方針を決めた。", "2025-03-20"),
    ],
)
def test_a_day_of_the_occasion_a_decision_was_taken_at_reads_past(text: str, value: str) -> None:
    assert _days(text, dt.date(2025, 3, 17))[0][1] == value


# --- an English sentence told within the day's happening: 「During a break in the talks, …」 ----------------------------

MET = "The two foreign ministers met in Geneva on Wednesday to discuss the ceasefire."


def _english_events(*paragraphs: str) -> list[tuple[str, str]]:
    text = "---\npublished: 2025-06-12\nlanguage: en\n---\n" + "\n\n".join(paragraphs)
    doc = parse_document(text, name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    return [(e.date, e.summary) for e in rows]


def test_a_sentence_told_during_a_break_in_the_talks_is_of_their_day() -> None:
    call = "During a break in the talks, the minister phoned the president and proposed a summit."
    assert ("2025-06-11", call) in _english_events(MET, call)


@pytest.mark.parametrize(
    "paragraph",
    [
        "During a break in the talks, the minister told reporters the mood was good.",  # a word on the day's happening
        "During a break in the talks next week, the ministers will sign the text.",  # a plan
        "During the talks, the two sides exchanged lists of prisoners.",  # the talks themselves, no sequence
    ],
)
def test_other_sentences_of_the_talks_day_stay_undated(paragraph: str) -> None:
    assert len(_english_events(MET, paragraph)) == 1

"""Round 25 (issue 12): false entries by class over every corpus.

- **A sentence cut before its predicate** (daihatsu2023, jpkorea2019, johnnys2023, myanmarquake2025): a Japanese
  opener's date, then a phrase that awaits the sentence's predicate (「…について、」「…を受け、」「…を通じ、」), then a later
  date the plan is for: the segment before that later date had been an event of its own, with no predicate
  (「ダイハツは31日、国内で全面停止している車両生産について」). The opener's date is the whole sentence's, as for a bare
  opener (「農林水産省は21日、」); when the opener's day is told again after the cut (「…を通じ、戦闘を同日から…停止すると
  発表した」), that clause holds the act and the cut opener is no event.
- **A count of days after 今後 or 向こう, or after a count in a range** (hualien2024's 「今後3日から4日の間に」, and every
  「約3日から4日」「ここ2、3日」): the second number had been read as a day of the month.
- **同日 in a done sentence after a plan's later day**, **a minister's word after a cabinet meeting** and **a lead's
  frame before its topic**: see their sections.

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.dates import DateContext
from bot.extract.event_match import apart_in_one_article
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document
from tests.test_timeline_retold21 import _events

# --- a sentence cut before its predicate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("北川工業は31日、停止している車両生産について、南工場で2月12日に一部を再開すると発表した。", "2024-01-31"),
        ("産業省は1日、半導体の材料3品目について、輸出管理を今月4日から厳しくすると発表しました。", "2024-01-01"),
        ("南北劇団は30日、記者会見を開き、一連の問題を受け、2月17日付で社名を変更すると発表した。", "2024-01-30"),
        ("県は31日、来月の知事選を巡り、2月20日に告示すると発表した。", "2024-01-31"),
    ],
)
def test_an_opener_cut_before_its_predicate_takes_the_whole_sentence(sentence: str, day: str) -> None:
    assert _events(sentence, published=day) == [(day, sentence)]


def test_the_openers_day_told_again_is_one_event() -> None:
    # the clause of the opener's own day holds the act: the cut opener is no event of its own
    sentence = "国軍は2日夜、国営テレビを通じ、武装勢力との戦闘を同日から22日まで一時停止すると発表した。"
    assert _events(sentence, published="2025-04-03") == [
        ("2025-04-02", "武装勢力との戦闘を同日から22日まで一時停止すると発表した。")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a clause with its own predicate before the next date stays an event of its own
        ("市は15日、記者会見を開き、10日に説明会を開いたと発表した。", ["2024-01-15", "2024-01-10"]),
        # a theme with no opener's date before it: the clause's own day (test_timeline_classes8's)
        ("知事が15日に示した方針について、県議会は18日に審議を始めた。", ["2024-01-18"]),
    ],
)
def test_a_clause_with_its_own_predicate_is_not_an_opener(sentence: str, expected: list[str]) -> None:
    assert [d for d, _ in _events(sentence, published="2024-01-20")] == expected


# --- a count of days -----------------------------------------------------------------------------------------------


def _days(text: str) -> list[str]:
    ctx = DateContext(dt.date(2024, 4, 3))
    return [m.value for m in ctx.scan(text, dt.date(2024, 4, 3))]


@pytest.mark.parametrize(
    "text",
    [
        "気象署は今後3日から4日の間に強い余震が起きるおそれがあるとしている。",
        "向こう3日は雨が続く見込みだ。",
        "過去3日から4日の間に揺れが相次いだ。",
        "ここ2、3日で気温が急に下がった。",
        "工事は約3日から4日かかる。",
    ],
)
def test_a_count_of_days_is_no_date(text: str) -> None:
    assert _days(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("首相は3日から4日まで米国を訪れた。", ["2024-04-03", "2024-04-04"]),  # a range of days of the month
        ("3日、4日の両日に会合を開いた。", ["2024-04-03", "2024-04-04"]),
    ],
)
def test_days_of_the_month_stay(text: str, expected: list[str]) -> None:
    assert _days(text) == expected


def test_kongo_with_a_comma_is_the_adverb() -> None:
    assert len(_days("政府は今後、2日の会合で決めた方針に沿って対応する。")) == 1  # 「今後、」: from now on, no count


# --- 同日 after a day still to come --------------------------------------------------------------------------------
# (tiktok2025, germany2025, bojaug2024, toyota2024: a paragraph names a plan's later day, 「首相は来年1月15日に信任投票を
# 行う考えを表明した。」「同省は5日に…を検査する予定で」, and the next one's done act 「…は同日、…と述べた。」 had been dated on
# that later day, after its own report)


def _scan_all(paragraphs: list[str], published: dt.date) -> list[list[str]]:
    ctx = DateContext(published)
    return [[m.value for m in ctx.scan(p, published)] for p in paragraphs]


@pytest.mark.parametrize(
    "done",
    [
        "野党党首は同日、記者団に「責任を取るべきだ」と述べた。",
        "野党党首は同日夜、街頭演説で「遅すぎる」と批判。",
        "同社の社長は同日、動画を投稿し、利用者に感謝した。",
    ],
)
def test_a_done_act_of_the_same_day_is_not_on_a_plans_later_day(done: str) -> None:
    paragraphs = ["首相は6日、財務相を解任した。", "首相は来年1月15日に信任投票を行う考えを表明した。", done]
    assert _scan_all(paragraphs, dt.date(2024, 11, 7))[-1] == ["2024-11-06"]


@pytest.mark.parametrize(
    "planned",
    [
        "同日夜には大統領と会談する予定だ。",  # a plan of that later day: 同日 is the later day
        "首脳は同日、共同声明を発表する。",
    ],
)
def test_a_plan_of_the_same_day_stays_on_the_later_day(planned: str) -> None:
    paragraphs = ["首相は6日、訪米を発表した。", "首相は15日にワシントンに到着する。", planned]
    assert _scan_all(paragraphs, dt.date(2024, 11, 7))[-1] == ["2024-11-15"]


# --- a minister's word at the regular briefing after a cabinet meeting ---------------------------------------------
# (ten gold cases of nine stories hold it: bigmotor2023, haneda2024, henoko2023, japanpost2025, mufg2024, mynacard2024,
# nankai2024, rideshare2024, toyota2024; a party's own word to the press on the day's happening stays a reaction)

LEAD = "国土交通省は4日、北川自動車の本社に立ち入り検査に入った。"


def test_a_ministers_word_after_a_cabinet_meeting_is_an_event() -> None:
    said = "国交相は同日の閣議後記者会見で、「極めて遺憾だ」と述べた。"
    assert [d for d, _ in _events(f"{LEAD}\n\n{said}", published="2024-06-04")] == ["2024-06-04", "2024-06-04"]


def test_a_partys_word_to_the_press_on_the_day_stays_a_reaction() -> None:
    said = "北川自動車の社長は同日、記者会見で「深くおわびする」と述べた。"
    assert [d for d, _ in _events(f"{LEAD}\n\n{said}", published="2024-06-04")] == ["2024-06-04"]


# --- a lead's frame before its topic --------------------------------------------------------------------------------
# 「…認証不正問題で、国土交通省は4日午前、…立ち入り検査を始めた。」: the topic after the frame names the party, so that
# the minister's word at his briefing that day, told below in the same article, stays apart from the inspection
# (toyota2024; the frame 「…問題で、」「…を巡り、」 opens Japanese leads in every story)


PARTIES = ActorIndex(
    [
        ActorEntry(1, "国土交通省", "Ministry of Land, Infrastructure, Transport and Tourism", "organization", [], None),
        ActorEntry(2, "斉藤鉄夫", "Tetsuo Saito", "person", [], None),
    ]
)


def test_a_leads_frame_leaves_its_topic_the_party() -> None:
    body = (
        "北川自動車など5社による認証不正問題で、国土交通省は4日午前、北川自動車の本社への立ち入り検査を始めた。\n\n"
        "斉藤鉄夫国土交通相は同日の閣議後記者会見で、「認証制度の根本を揺るがす」と述べた。"
    )
    doc = parse_document(f"---\ntitle: t\npublished: 2024-06-04\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, PARTIES, doc.published)
    assert [r.subject for r in rows] == [["国土交通省"], ["斉藤鉄夫"]]
    first, second = ({"subject": r.subject, "persons": r.persons, "act": r.act} for r in rows)
    assert apart_in_one_article(first, second)


def test_a_clause_before_a_topic_with_no_frame_gives_no_party() -> None:
    body = "北川自動車の本社では4日、国土交通省の検査が始まった。"  # (では: a place, no topic of a party)
    doc = parse_document(f"---\ntitle: t\npublished: 2024-06-04\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, PARTIES, doc.published)
    assert [r.subject for r in rows] == [[]]

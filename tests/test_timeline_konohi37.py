"""Issue 12, round 37 (a happening dated by 「この日」).

News writes 「この日」 for the day its article tells, as it writes 同日: 「共産党大阪府委員会もこの日、協会を訪れ、…申し入れ
た」「旧正月にあたるこの日、空港のロビーでは遺族らが…儀式を営み」「参加首脳はこの日、連名で声明を発表した」. The date scanner
read 同日 only, so these sentences had no date and their happenings were missed (expo2025, jejuair2024; ukraine2025e,
hidankyo2024 and slushfund2024 hold more). 「この日」 set off as the clause's adverbial (a comma after it, or a part of
the day and a comma) after another party's も or opening its clause is now 同日 (`dates.SAME_DAY`) — not after a topic's
は (「知事はこの日、報道陣に…改めて説明した」: more of the day of the party the article tells, which its lead holds;
measured, not read) — with one difference: it points at a day the article tells as its news, so after a
background day named behind the lead (「市は11日、…決定した。市長が9日夜、…表明したのが決め手となった。市議会もこの
日、…可決した」) it is the lead's day, not that background day. The day made a topic or a noun's (「この日は長い列ができた」「この日の説明会には」
「この日も漁船が沖合へ出た」) tells the day itself, its scene: no date. English reads "the same day" so already.

A count of the days left (「開幕まで2日」「期限まであと3日」) is no date either: as a headline's, it had been taken for the
2nd, the lead's day 「この日」 would count from.

Sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.actors import ActorIndex
from bot.extract.dates import DateContext
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document


def _events(body: str, published: str = "2025-04-12") -> list[tuple[str, str]]:
    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ActorIndex([]), doc.published)
    return [(r.date, r.summary) for r in rows]


LEAD = "市は11日、新しい博物館の建設計画を正式に決定し、記者会見で発表した。"


@pytest.mark.parametrize(
    "sentence",
    [
        "市民団体もこの日、市役所を訪れ、計画の見直しを求める要望書を提出した。",  # another party's doing too
        "県議会の議員団もこの日夕、現地を視察し、地元の商店街の代表者と意見を交わした。",  # a part of the day
        "開館記念日にあたるこの日、館の前庭では地元の子どもたちが植樹式を行った。",  # the day's scene opening it
    ],
)
def test_a_happening_dated_by_kono_hi_is_of_the_day_the_article_tells(sentence: str) -> None:
    events = _events(LEAD + "\n\n" + sentence)
    assert ("2025-04-11", sentence) in events


def test_kono_hi_after_a_background_day_is_the_lead_s_day() -> None:
    body = (
        "市は11日、新しい博物館の建設計画を正式に決定した。市長が9日夜、予算の確保にめどが立ったと表明したのが"
        "決め手となった。市議会もこの日、計画を承認する決議を賛成多数で可決した。"
    )
    dated = dict((s, d) for d, s in _events(body))
    assert dated.get("市議会もこの日、計画を承認する決議を賛成多数で可決した。") == "2025-04-11"


def test_kono_hi_after_a_later_day_the_article_goes_on_to_is_that_day() -> None:
    body = LEAD + "\n\n市議会は14日、計画を審議した。市民団体もこの日、市役所前で計画に反対する集会を開いた。"
    dated = dict((s, d) for d, s in _events(body, published="2025-04-15"))
    assert dated.get("市民団体もこの日、市役所前で計画に反対する集会を開いた。") == "2025-04-14"


@pytest.mark.parametrize(
    "sentence",
    [
        "この日は限られた傍聴席を求めて、開館前から長い列ができた。",  # the day as a topic: its scene
        "この日の説明会には地元の21事業者が参加し、補償の額を批判する声が上がった。",  # a noun's day
        "港では、この日も漁船が沖合へ出た。",  # the day too: what goes on
        "この日本の文化を次の世代に伝えたいと市長は語った。",  # この日本: no day at all
        # after a topic's は: more of the day of the party the article tells (measured: not read)
        "市長はこの日、報道陣に「市民の理解を得ながら進めたい」と改めて説明した。",
    ],
)
def test_kono_hi_as_a_topic_or_a_noun_s_day_dates_nothing(sentence: str) -> None:
    assert all(s != sentence for _, s in _events(LEAD + "\n\n" + sentence))


def test_the_same_day_in_english_is_read_as_before() -> None:
    body = (
        "The city approved plans for a new museum on Friday.\n\n"
        "A citizens' group submitted a petition against the project to the city hall the same day."
    )
    assert [d for d, _ in _events(body)] == ["2025-04-11", "2025-04-11"]


@pytest.mark.parametrize("text", ["万博会場でメタン検知―開幕まで2日", "申請の期限まであと3日となった。"])
def test_a_count_of_the_days_left_is_no_date(text: str) -> None:
    ctx = DateContext(dt.date(2025, 4, 11))
    assert ctx.scan(text, dt.date(2025, 4, 11)) == []

"""Classes of phrasing that made extra or misdated timeline events (issue 12, round 8, from the classes counted by
`eval/timeline_classes.py`): each rule with sentences of our own, in Japanese and English, and a counter-example
it must leave alone."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.actions import acts
from bot.extract.events import extract_events, same_event
from bot.ingest.parse import parse_document
from bot.ingest.stamps import stamp_date
from bot.store import clusters as cl
from tests.test_timeline_classes7 import events_of

# --- a day in a done relative clause of the noun a sentence is about: the noun's day, not the sentence's ----------


@pytest.mark.parametrize(
    "body",
    [
        "知事が15日に示した方針について、県議会の会派は「拙速だ」と反発している。",
        "県が先月5日に公表した計画を巡り、住民団体が反対の署名を集めている。",
        "市長が12日夜に行った発言に対し、野党会派は撤回を求めた。",
    ],
)
def test_a_day_of_the_framed_noun_dates_no_event(body: str, actors: ActorIndex) -> None:
    assert events_of(body, actors) == []


@pytest.mark.parametrize(
    "body, day",
    [
        ("知事は15日、新たな方針について記者団に説明した。", "2024-10-15"),  # the day dates the sentence (a comma)
        ("15日に発表した計画で、市は新駅の建設を決めた。", "2024-10-15"),  # no frame word: the plan's report
        ("知事が15日に示した方針について、県議会は18日に審議を始めた。", "2024-10-18"),  # the clause's own day
    ],
)
def test_a_day_that_dates_its_sentence_stays(body: str, day: str, actors: ActorIndex) -> None:
    assert [d for d, _ in events_of(body, actors)] == [day]


# --- one article, two people's words on one day: two happenings ---------------------------------------------------

ZELENSKY = "ゼレンスキー大統領は21日、演説で、米国の和平案の受け入れ期限について「極めて難しい局面だ」と述べた。"
TRUMP = "トランプ大統領は21日、ラジオ番組で、米国の和平案の受け入れ期限について「木曜日が適切だ」と述べた。"
TRUMP_AGAIN = "トランプ大統領は同日夜、ラジオ番組で、米国の和平案の受け入れ期限について改めて「木曜日だ」と語った。"


def members(body: str, actors: ActorIndex, first_id: int = 100) -> list[cl.Member]:
    doc = parse_document(f"---\ntitle: t\npublished: 2025-11-22\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, actors, doc.published)
    return [
        cl.Member(
            first_id + i,
            r.date,
            r.precision,
            r.summary,
            False,
            1.0,
            {
                "tokens": r.tokens,
                "persons": r.persons,
                "names": r.names,
                "act": r.act,
                "acts": r.acts,
                "subject": r.subject,
            },
        )
        for i, r in enumerate(rows)
    ]


def test_two_people_s_words_in_one_article_are_two_happenings(actors: ActorIndex) -> None:
    zelensky, trump = members(f"{ZELENSKY}\n\n{TRUMP}", actors)
    assert same_event(zelensky.features, trump.features) >= cl.SAME_DOCUMENT_SCORE  # their words alone would merge
    assert cl.match_events([zelensky, trump], {}, same_event) == [100, 101]


def test_one_person_s_words_told_twice_in_an_article_stay_one(actors: ActorIndex) -> None:
    first, again = members(TRUMP + TRUMP_AGAIN, actors)
    assert first.date == again.date == "2025-11-21"
    assert cl.match_events([first, again], {}, same_event) == [100, 100]


def test_two_articles_may_name_different_people_for_one_statement(actors: ActorIndex) -> None:
    # across articles the rule does not hold (one outlet names the speaker, another whom it was about)
    (zelensky,) = members(ZELENSKY, actors)
    (trump,) = members(TRUMP, actors, first_id=200)
    stored = {cl._candidate_key(trump): [(100, zelensky.date, cl._Features(zelensky.features))]}
    assert cl.match_events([trump], stored, same_event) == [100]


# --- a day inside a quote is the speaker's: 同日 after it counts from the article's own last day ------------------


@pytest.mark.parametrize(
    "body, days",
    [
        (TRUMP + TRUMP_AGAIN, ["2025-11-21", "2025-11-21"]),  # not the Thursday (the 20th) of the quote
        ("市長は18日、「工事は25日に終わる」と述べた。同日夜、市議会も説明会を開いた。", ["2025-11-18", "2025-11-18"]),
    ],
)
def test_same_day_counts_from_the_article_s_day_not_the_quote_s(body: str, days: list[str], actors: ActorIndex) -> None:
    assert [m.date for m in members(body, actors)] == days


# --- one article, two parties' doings on one day: two happenings, never in one cluster ---------------------------

STRIKE = "イスラエル軍は13日未明、イラン各地の核関連施設や軍事拠点を空爆した。"
RETALIATION = "イランは同日夜、報復として弾道ミサイルを発射し、イスラエル中部で爆発が起きた。"
DETAIL = "攻撃は13日午前3時ごろに始まり、イラン各地の核関連施設で爆発が起きた。"
WIRE = "中東情勢を巡り、13日にイスラエル軍がイランの核関連施設を空爆し、イランも報復として弾道ミサイルを発射した。"


def test_two_parties_doings_in_one_article_never_share_a_cluster(actors: ActorIndex) -> None:
    strike, retaliation = members(STRIKE + RETALIATION, actors)
    assert strike.features["subject"] == ["イスラエル"] and retaliation.features["subject"] == ["イラン"]
    assert same_event(strike.features, retaliation.features) >= cl.SAME_DOCUMENT_SCORE  # words alone would merge
    assert cl.match_events([strike, retaliation], {}, same_event) == [100, 101]
    # another outlet's report that tells both: the lead joins it, the retaliation may not join the lead's cluster
    (wire,) = members(WIRE, actors, first_id=10)
    stored = {cl._candidate_key(strike): [(10, "2025-11-13", cl._Features(wire.features))]}
    assert same_event(retaliation.features, wire.features) > 0
    assert cl.match_events([strike, retaliation], stored, same_event) == [10, 101]


def test_a_sentence_whose_topic_is_a_thing_tells_more_of_the_lead(actors: ActorIndex) -> None:
    strike, detail = members(STRIKE + DETAIL, actors)
    assert detail.features["subject"] == []  # 攻撃は: no party
    assert cl.match_events([strike, detail], {}, same_event) == [100, 100]


# --- "fired" with a weapon is an attack, not a dismissal (the act veto would keep it from its Japanese report) -----


@pytest.mark.parametrize(
    "text, act",
    [
        ("Iran fired a salvo of ballistic missiles at the air base on Monday.", "~attack"),
        ("Police fired tear gas at protesters.", "~attack"),
        ("The company fired its chief executive on Monday.", "~dismissal"),
        ("The board fired the coach after the season.", "~dismissal"),
    ],
)
def test_fired_with_a_weapon_is_an_attack(text: str, act: str) -> None:
    assert acts(text).main == frozenset([act])


# --- a time stamp line with "at" and a US time zone is a stamp, not a lead's opening --------------------------------


@pytest.mark.parametrize(
    "line, day",
    [
        ("November 17, 2025 at 1:05 PM GMT+9", "2025-11-17"),
        ("March 9, 2025 at 10:30 AM EST", "2025-03-09"),
        ("Mar 4, 2025 at 7:02 p.m. ET", "2025-03-04"),
        ("Trump spoke on March 9, 2025 at 10:30 AM.", None),  # a sentence
        ("Talks at 10:30 on March 9, 2025", None),
    ],
)
def test_a_stamp_line_with_at_and_a_zone_is_a_stamp(line: str, day: str | None) -> None:
    assert stamp_date(line) == day


def test_a_stamp_line_does_not_open_the_lead_s_event(actors: ActorIndex) -> None:
    body = (
        "Title of the story\n\nNovember 17, 2025 at 1:05 PM GMT+9\n\n"
        "Shares of carmakers tumbled on Monday after the tariff announcement."
    )
    assert [s for _, s in events_of(body, actors, "2025-11-17")] == [
        "Shares of carmakers tumbled on Monday after the tariff announcement."
    ]

"""Issue 12, round 43 (one article's duplicates: a doing told again with its doer as the topic).

A Japanese lead tells a person's doing of the day with the person's name where the topic pattern does not read it —
a clause before the name (「…発言をした静岡県の川勝平太知事(75)は10日、…辞職願を提出した」), a connective
(「これを受けて、北海道の鈴木知事は18日、…意見を伝えました」) — so the lead stores no doer and no topic; a sentence
below tells the same doing again with the person as its topic (「川勝氏は10日午前9時過ぎ、…辞職願を手渡した」, 「鈴木知事は
18日、梶山大臣にメールで意見を送りました」). The two share the person and a plain word but score below what two
events of one article ask (`SAME_DOCUMENT_SCORE`); they now join on `SAME_MOMENT_SCORE`
(`event_match.restated_by_its_doer`, read by `clusters.match_events` through `restated_in_one_article`).

Not when the later names someone the lead does not, not a saying (a briefing is an occasion of its own), not when the
lead reads a topic of its own (`named_again` and `apart_in_one_article` judge those), not when they share no word as
written, not another day, not English, not two acts told apart.

Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.event_match import restated_by_its_doer, same_event
from bot.store.clusters import SAME_DOCUMENT_SCORE
from tests.article_events import article_clusters, event_features

ACTORS = ActorIndex(
    [
        ActorEntry(1, "山田太郎", "Taro Yamada", "person", ["山田太郎", "山田氏", "山田知事"], None),
        ActorEntry(2, "佐藤花子", "Hanako Sato", "person", ["佐藤花子", "佐藤氏"], None),
        ActorEntry(3, "田中一郎", "Ichiro Tanaka", "person", ["田中一郎", "田中氏"], None),
    ]
)


def _clusters(body: str) -> list[tuple[int, str]]:
    return article_clusters(body, ACTORS, "2024-05-20")


def _features(body: str) -> list[dict]:
    return event_features(body, ACTORS, "2024-05-20")


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        # a clause before the name: the lead's topic is not read
        (
            "職員への差別と受け取られかねない発言をした青葉県の山田太郎知事(68)は20日、佐藤花子県議会議長に辞職願を提出した。",
            "山田氏は20日午前10時過ぎ、議長室を訪れて辞職願を手渡した。",
        ),
        # a connective before the name
        (
            "これを受けて、青葉県の山田知事は20日、田中一郎環境相に対し、放射性廃棄物の最終処分場の県内への持ち込みは"
            "受け入れがたいとする意見を伝えた。",
            "山田知事は20日、大臣にメールで意見を送った。",
        ),
        # a connective, then a clause before the name
        (
            "これに対し、青葉県の山田太郎知事は20日、県庁で開いた臨時の幹部会議の後、佐藤花子県議会議長に辞職願を提出した。",
            "山田氏は20日午前10時過ぎ、議長室を訪れて辞職願を手渡した。",
        ),
    ],
)
def test_a_doing_told_again_by_its_doer_is_one_entry(lead: str, later: str) -> None:
    first, second = _features(f"{lead}\n\n{later}")
    assert 0 < same_event(first, second) < SAME_DOCUMENT_SCORE  # apart without the rule
    got = _clusters(f"{lead}\n\n{later}")
    assert len(got) == 2, got
    assert got[0][0] == got[1][0], got
    assert restated_by_its_doer(*_features(f"{lead}\n\n{later}"))


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        # the later names a person the lead does not
        (
            "職員への差別と受け取られかねない発言をした青葉県の山田太郎知事(68)は20日、県議会議長に辞職願を提出した。",
            "山田氏は20日午後、田中一郎氏と会い、辞職願の扱いを協議した。",
        ),
        # a saying: the person's word at a briefing is an occasion of its own
        (
            "職員への差別と受け取られかねない発言をした青葉県の山田太郎知事(68)は20日、佐藤花子県議会議長に辞職願を提出した。",
            "山田氏は20日午後の記者会見で、辞職願について「けじめをつけたかった」と述べた。",
        ),
        # the lead has a topic of its own, a party the index does not know
        (
            "県選挙管理委員会は20日、山田太郎知事の辞職に伴う知事選の日程を決めた。",
            "山田氏は20日午前10時過ぎ、議長室を訪れて辞職願を手渡した。",
        ),
        # no word as written in common
        (
            "職員への差別と受け取られかねない発言をした青葉県の山田太郎知事(68)は20日、佐藤花子県議会議長に辞職願を提出した。",
            "山田氏は20日夕、地元の支援者の会合に姿を見せた。",
        ),
    ],
)
def test_another_party_a_saying_or_no_word_stays_apart(lead: str, later: str) -> None:
    assert not restated_by_its_doer(*_features(f"{lead}\n\n{later}"))
    got = _clusters(f"{lead}\n\n{later}")
    assert len(got) == 2, got
    assert got[0][0] != got[1][0], got


def test_the_other_person_the_lead_names_by_a_title_is_not_read() -> None:
    """The lead's other person, told below as the doer by a title the lead gave no doer: their own doing."""
    lead, later = _features(
        "職員への差別と受け取られかねない発言をした青葉県の山田太郎知事(68)は20日、佐藤花子県議会議長に辞職願を提出した。\n\n"
        "佐藤花子議長は20日午後、辞職願について各会派の代表者と協議した。"
    )
    assert later["titled"] == ["議長"] and later["persons"] == [2]
    assert not restated_by_its_doer(lead, later)


def test_another_day_stays_apart() -> None:
    got = _clusters(
        "職員への差別と受け取られかねない発言をした青葉県の山田太郎知事(68)は19日、佐藤花子県議会議長に辞職願を提出した。\n\n"
        "山田氏は20日午前10時過ぎ、県議会の議長室を訪れて辞職願を手渡した。"
    )
    assert len(got) == 2, got
    assert got[0][0] != got[1][0], got


def test_english_is_not_read() -> None:
    lead, later = _features(
        "Under fire for his remarks, Aoba Governor Taro Yamada on Monday handed his resignation to the assembly.\n\n"
        "Yamada visited the assembly chair's office on Monday morning to hand over his resignation."
    )
    assert not restated_by_its_doer(lead, later)

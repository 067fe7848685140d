"""Issue 12, round 40 (one article's duplicates: a person's word of the day told again at its occasion).

A Japanese report leads with a person's word of the day, then gives more of it in a sentence of its own that names
the briefing, interview or reporters' questions it was given at: 「高市…相は13日の閣議後記者会見で、…「…」と述べた」
then 「高市氏は13日の会見で、…との考えを重ねて示した」 (defense2022); 「ルラ大統領は15日、…に言及した」 then 「ルラ氏は
15日、…ラジオ局のインタビューに応じ、…と明言した」 (venezuela2024); 「荒井氏は3日夜、…記者団の取材に応じた際、…と語った」
then 「荒井氏は3日の取材で、…問題の発言をした」 (samesex2024). Each quotes another part of what was said, so the two
shared few words and stayed two entries of one happening. The later sentence now joins the earlier one when the
earlier is a saying, the later is a saying or tells no act, both have one person, the same, as their doer, the
later's topic names only that person, it names the occasion (`~press_conference`, インタビュー, 取材), no address
(演説) is in either, and it names no one the earlier does not (`event_match.said_again`, read by
`retold_in_one_article`).

Not a later act or plan of the person (「…就任する予定だ」 after his words to reporters), not a sentence naming no
occasion (a criticism after a post: two topics of the day the gold holds apart, twitter2022), not an address (「…夜の
ビデオ演説で…と述べた」, ukraine2025c), not another person's word at a briefing of the same day, not a word naming a
second person, not a lead that is an act (an ambassador summoned, then the minister's word at the briefing: the gold
holds those apart as often as together, round 39).

Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.event_match import said_again, same_event
from bot.extract.events import extract_events
from bot.ingest.parse import parse_document
from bot.store.clusters import match_events
from bot.store.store import _event_members

ACTORS = ActorIndex(
    [
        ActorEntry(1, "山田", "Taro Yamada", "person", ["山田"], None),
        ActorEntry(2, "佐藤", "Hanako Sato", "person", ["佐藤"], None),
    ]
)


def _rows(body: str, published: str = "2024-03-13"):
    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ACTORS, doc.published)
    return rows


def _clusters(body: str) -> list[tuple[int, str]]:
    """(cluster, summary) of each event of one article, clustered as the store clusters them."""
    rows = _rows(body)
    members = _event_members(list(range(1, len(rows) + 1)), rows, int)
    return list(zip(match_events(members, {}, same_event), [r.summary for r in rows], strict=True))


def _features(body: str) -> list[dict]:
    rows = _rows(body)
    return [m.features for m in _event_members(list(range(1, len(rows) + 1)), rows, int)]


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        (
            "山田外相は13日の閣議後記者会見で、隣国との漁業交渉について「合意は近い。最後まで粘り強く交渉する」と述べた。",
            "山田氏は13日の会見で、漁獲枠の配分には課題が残るとの認識を重ねて示した。",
        ),
        (
            "佐藤氏は13日夜、首相官邸で記者団の取材に応じた際、同性婚について「導入には反対だ」と語った。",
            "佐藤氏は13日の取材で、答弁の真意を問われる中で問題の発言をした。",
        ),
        (
            "山田大統領は13日、隣国の選挙を巡り、やり直し選挙の実施に言及した。",
            "山田氏は13日、地元ラジオ局のインタビューに応じ、現職の勝利は認めていないと明言した。",
        ),
    ],
)
def test_a_person_s_word_told_again_at_its_occasion_is_one_entry(lead: str, later: str) -> None:
    got = _clusters(f"{lead}\n\n{later}")
    assert len(got) == 2, got
    assert got[0][0] == got[1][0], got
    assert said_again(*_features(f"{lead}\n\n{later}"))


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        # a plan of the person, after their word to reporters
        (
            "山田外相は13日、首相官邸で記者団に対し「交渉はまとめる」と述べた。",
            "山田氏は13日夜、皇居での認証式を経て正式に就任する予定だ。",
        ),
        # no occasion named: another topic of the day
        (
            "山田外相は13日、ツイッターに「交渉は最終段階だ」と投稿した。",
            "山田氏は13日、「野党が交渉を妨げている」と批判した。",
        ),
        # an address: an occasion of its own
        (
            "山田外相は13日、首相官邸で記者団に対し「交渉はまとめる」と述べた。",
            "山田氏は13日夜のビデオ演説で「国民の団結が必要だ」と述べた。",
        ),
        # another person's word at a briefing of the day
        (
            "山田外相は13日の記者会見で「交渉はまとめる」と述べた。",
            "佐藤氏は13日の記者会見で「交渉には反対だ」と述べた。",
        ),
        # the person's word naming a second person
        (
            "山田外相は13日の記者会見で「交渉はまとめる」と述べた。",
            "山田氏は13日の記者会見で、佐藤氏と協議したと明らかにした。",
        ),
        # the lead is an act, not a saying
        ("山田外相は13日、隣国の大使を呼んで抗議した。", "山田氏は13日の記者会見で「容認できない」と述べた。"),
    ],
)
def test_another_happening_or_another_s_word_stays_apart(lead: str, later: str) -> None:
    got = _clusters(f"{lead}\n\n{later}")
    assert len(got) == 2, got
    assert got[0][0] != got[1][0], got
    assert not said_again(*_features(f"{lead}\n\n{later}"))


def test_english_is_left_to_quoted_below() -> None:
    lead, later = _features(
        "Foreign Minister Yamada said on Wednesday that the talks were close to a deal.\n\n"
        "Yamada told a news conference on Wednesday that the quota remained an issue."
    )
    assert not said_again(lead, later)

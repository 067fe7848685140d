"""Issue 12, round 36 (one article's duplicates: the lead's happening told again at its hour).

A Japanese report leads with a happening on its day, then tells its hour and place in a sentence of its own whose
predicate names the same act or the same thing acted on, with no party of its own (「…貨物船が3日、座礁した」, then
「現地時間3日午前6時20分ごろ、…沖で座礁したという」): the two shared few words besides that act, so they stayed two
entries of one article (airindia2025, evergiven2021, bears2025). The later sentence's act told at a clock time
(`hour_told`, stored as the event's `hour`) joins the earlier event of its day that holds it
(`event_match.told_at_its_hour`, read by `retold_in_one_article`). Not a part of the day alone, not another place's
happening of the kind (「…港では」「…でも」), not a sentence that names people the lead does not, and not an act the
lead does not name (the act, the thing acted on: 「…遺体を発見した」, or the thing befallen: 「…登録が決まった」); English reports tell the hour in other words than their lead's, and are not read.

Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.event_match import retold_in_one_article, same_event, told_at_its_hour
from bot.extract.events import extract_events
from bot.extract.hour_told import hour_told
from bot.extract.speakers import mask_quotes
from bot.ingest.parse import parse_document
from bot.store.clusters import match_events
from bot.store.store import event_members

ACTORS = ActorIndex(
    [
        ActorEntry(1, "山本一郎", None, "person", [], None),
        ActorEntry(2, "川村次郎", None, "person", [], None),
    ]
)


def _rows(body: str, published: str = "2024-03-04"):
    doc = parse_document(f"---\ntitle: t\npublished: {published}\n---\n{body}\n", name="a.txt")
    rows, _ = extract_events(doc.passages, ACTORS, doc.published)
    return rows


def _clusters(body: str, published: str = "2024-03-04") -> list[tuple[int, str]]:
    """(cluster, summary) of each event of one article, clustered as the store clusters them."""
    rows = _rows(body, published)
    members = event_members(list(range(1, len(rows) + 1)), rows, int)
    return list(zip(match_events(members, {}, same_event), [r.summary for r in rows], strict=True))


LEAD = "北海道の港を出た貨物船が3日朝、襟裳岬の沖で座礁し、航路をふさいだ。"
AGAIN = "現地時間3日午前6時20分ごろ、岬の南東約4キロの浅瀬で座礁したという。"


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (AGAIN, ["座礁"]),  # a verbal noun's act
        ("午後2時過ぎ、捜索隊が林の中で男性の遺体を発見した。", ["発見", "遺体"]),  # the thing acted on, and the act
        ("同日午後4時ごろ、県庁で知事が退避命令を解除しました。", ["命令", "退避"]),  # (解除: a concept, no word)
        ("3日午前9時半、駅の手前で列車が脱線したということです。", ["脱線"]),  # 半: a clock time
        ("午前10時ごろ、2台のカメラの映像が途切れた。", ["映像"]),  # the thing the act befell
        ("審議は午後1時半すぎに始まり、全会一致で遺産への登録が決まりました。", ["登録"]),
        ("同日午後、県庁で知事が退避命令を解除した。", []),  # a part of the day only: no clock time
        ("輪島港では午後4時21分に1.2メートルの津波を観測した。", []),  # another place's happening of the kind
        ("隣の駅でも午前7時ごろに列車が脱線した。", []),
        ("作業は8時間にわたって続いた。", []),  # a duration, no clock time
        ("午前10時から記者会見を開く予定だ。", []),  # no done act at its end
    ],
)
def test_the_act_a_sentence_tells_at_its_hour(sentence: str, words: list[str]) -> None:
    assert hour_told(mask_quotes(sentence)) == words


@pytest.mark.parametrize(
    "body",
    [
        LEAD + AGAIN,  # the act (a verbal noun's) told again
        # the thing acted on told again, by another verb
        "山中で行方不明になっていた男性について、県警は3日、登山道の近くで男性とみられる遺体を見つけた。"
        "捜索は3日午前7時に再開され、午前10時過ぎ、捜索隊が沢の中で遺体を発見した。",
        # the thing the act befell told again
        "ユネスコの委員会は3日、北海道の鉱山跡を世界文化遺産に登録することを決めた。"
        "審議は現地時間3日午後1時半すぎに始まり、委員国から異論は出ず、全会一致で登録が決まった。",
    ],
)
def test_the_lead_s_happening_told_again_at_its_hour_is_one_entry(body: str) -> None:
    got = _clusters(body)
    assert len(got) == 2
    assert got[0][0] == got[1][0]


@pytest.mark.parametrize(
    "later",
    [
        # the act named again without its hour: as often another happening of the kind told by the same article
        "3日、岬の南東約4キロの浅瀬で別の漁船が座礁したという。",
        # the hour, but an act the lead does not name
        "現地時間3日午後3時ごろ、近くの港で別の船の火災が起きたという。",
    ],
)
def test_another_happening_of_the_day_stays_apart(later: str) -> None:
    got = _clusters(LEAD + later)
    assert len(got) == 2
    assert got[0][0] != got[1][0]


def test_a_sentence_that_names_people_the_lead_does_not_stays_apart() -> None:
    lead, later = (
        r
        for r in _rows(
            "県は3日、沿岸の住民に退避命令を出した。同日午後4時ごろ、山本一郎氏が川村次郎氏に命令書を手渡した。"
        )
    )
    features = event_members([1, 2], [lead, later], int)
    earlier, told = features[0].features, features[1].features
    assert told["hour"]  # the act at its hour is read …
    assert not told_at_its_hour(earlier, told)  # … but two people the lead does not name did it
    assert not retold_in_one_article(earlier, told)


def test_the_earlier_event_must_name_the_act() -> None:
    earlier = {"tokens": ["港", "貨物", "航路"]}
    assert not told_at_its_hour(earlier, {"tokens": ["浅瀬"], "hour": ["座礁"]})
    assert told_at_its_hour({"tokens": ["座礁", *earlier["tokens"]]}, {"tokens": ["浅瀬"], "hour": ["座礁"]})
    # a topic of its own that the earlier does not name: another party's doing
    assert not told_at_its_hour(
        {"tokens": ["座礁", "貨物"]}, {"tokens": ["浅瀬"], "hour": ["座礁"], "subject": ["海上保安庁"]}
    )


def test_an_english_report_s_hour_is_not_read() -> None:
    # English reports tell the hour in other words than their lead's ("halted the line" / "service stopped at…"),
    # and a verb they share is no act named again ("who took 41 percent" / "he took over command")
    rows = _rows(
        "A cargo ship ran aground off Cape Erimo on Sunday, blocking the shipping lane. "
        "The ship ran aground at about 6:20 a.m. on Sunday on a shoal 4 km southeast of the cape."
    )
    assert rows and all(not r.hour for r in rows)

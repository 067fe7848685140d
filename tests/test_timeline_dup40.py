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

A Japanese report also opens a sentence on the day's happening its lead told, to tell what was done or said at it:
「…代表者が16日、大阪市内で会合を開き、…」 then 「16日の会合後、吉村知事は記者団に…と語り」 (expo2025); 「…前日の22日に
…公聴会で証言したが、…」 then 「22日の公聴会で、チートル氏は冒頭、…と認め」 (butler2024); 「…静岡地方裁判所は26日、無罪を
言い渡しました」 then 「26日午後2時に始まった判決の言い渡しで、…裁判長は冒頭で無罪を告げました」 (hakamada2024). The
happening that opening names (`events._scene`, stored as the event's `scene`: its own day, an hour perhaps, the noun
through の, からの or 始まった, then で, 後 or では and a comma) is among the lead's words: one happening
(`retold_in_one_article`). Not a market's day (「13日の東京株式市場では」), a briefing or a cabinet meeting (each party
holds its own; one cabinet meeting decides several things), not another day's, not a happening the lead does not name,
and never against a veto (two parties' topics, acts told apart).

Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.event_match import said_again
from bot.extract.events import _scene
from tests.article_events import article_clusters, event_features, event_rows

ACTORS = ActorIndex(
    [
        ActorEntry(1, "山田", "Taro Yamada", "person", ["山田"], None),
        ActorEntry(2, "佐藤", "Hanako Sato", "person", ["佐藤"], None),
    ]
)


def _rows(body: str, published: str = "2024-03-13"):
    return event_rows(body, ACTORS, published)


def _clusters(body: str) -> list[tuple[int, str]]:
    return article_clusters(body, ACTORS, "2024-03-13")


def _features(body: str) -> list[dict]:
    return event_features(body, ACTORS, "2024-03-13")


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


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        (
            "旧庁舎の扱いを巡り、市や経済界の代表者が13日、市内で会合を開き、保存範囲を半分に縮める案を示した。",
            "13日の会合後、山田市長は記者団に「半分でも十分に価値がある」と語った。",
        ),
        (
            "米議会下院の委員会は13日、警備の失敗を巡る公聴会を開き、警護庁の長官が証言した。",
            "13日の公聴会で、佐藤氏は冒頭、「私たちは失敗した」と認めた。",
        ),
        (
            "再審で、地方裁判所は13日、被告に無罪を言い渡しました。",
            "13日午後2時に始まった判決の言い渡しで、裁判長は冒頭で無罪を告げました。",
        ),
    ],
)
def test_a_sentence_opening_on_the_lead_s_happening_is_one_entry(lead: str, later: str) -> None:
    got = _clusters(f"{lead}\n\n{later}")
    assert len(got) == 2, got
    assert got[0][0] == got[1][0], got


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        # a market's day
        ("日銀は13日、金融政策決定会合で利上げを決めた。", "13日の東京株式市場では、銀行株を中心に買いが広がった。"),
        # one cabinet meeting's second decision
        ("政府は13日の閣議で、補正予算案を決定した。", "13日の閣議で、首相は新たな経済対策の策定も指示した。"),
        # another party's briefing of the day
        (
            "山田首相は13日、記者会見を開き、増税の方針を表明した。",
            "13日の記者会見で、佐藤官房長官は「影響は限定的だ」と述べた。",
        ),
        # a happening the lead does not name
        ("山田首相は13日、隣国の首相と電話で会談した。", "13日の初公判で、被告は起訴内容を認めた。"),
        # another day's meeting
        (
            "旧庁舎の扱いを巡り、市や経済界の代表者が13日、市内で会合を開き、保存範囲を半分に縮める案を示した。",
            "12日の会合後、山田市長は記者団に「半分でも十分に価値がある」と語った。",
        ),
    ],
)
def test_another_happening_opened_on_stays_apart(lead: str, later: str) -> None:
    got = _clusters(f"{lead}\n\n{later}")
    assert len(got) == 2, got
    assert got[0][0] != got[1][0], got


@pytest.mark.parametrize(
    ("text", "scene"),
    [
        ("16日の会合後、知事は記者団に「…」と語った。", ["~meeting"]),
        ("16日午後2時に始まった判決の言い渡しで、裁判長は無罪を告げた。", ["~verdict"]),
        ("16日の東京株式市場では、日経平均株価が反発した。", []),
        ("16日の閣議後の記者会見で、官房長官は「…」と述べた。", []),
        ("15日の会合後、知事は記者団に「…」と語った。", []),  # not the event's own day
        ("知事は16日の会合後、記者団に「…」と語った。", []),  # no opening on it
    ],
)
def test_the_scene_a_sentence_opens_on(text: str, scene: list[str]) -> None:
    assert _scene(text, "2025-09-16") == scene

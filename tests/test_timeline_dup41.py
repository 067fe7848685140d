"""Issue 12, round 41 (one article's duplicates: a person named again by a word pointing back).

A Japanese report tells a person's doing of the day, then more of it in a sentence whose topic names that person
again by a word that points back — 同氏, a bare title, a family name with 氏 (often one the actor index does not know),
after a connective perhaps: 「…財務相は3日、…撤回すると発表した」 then 「同氏は3日朝、ツイッターに声明を投稿し、…」
(truss2022); 「岸田文雄首相が18日夜、…解散を検討していると表明した」 then 「首相は18日夜、官邸で記者団の取材に応じ…」
(slushfund2024); 「平将明デジタル相は1日、…考えを示した」 then 「平氏は同日、…イベントで講演した」 (deepseek2025); 「…河野
太郎デジタル相は9日の閣議後記者会見で…明言した」 then 「これに対し、河野氏は9日の会見で…」 (mynacard2024). The later
sentence's topic named no actor (or named it after a connective the topic pattern did not read), so it had no doer
and shared too few words to join. Its topic's word is now stored (`events.back_reference`, the event's `ref`), with
the titles each sentence names its persons by (`titled`: 岸田文雄首相 → 首相), and the later sentence joins the
earlier one of its article and day when the earlier names one person and the word points to that person
(`event_match.named_again`, read by `retold_in_one_article`; never against a veto: two acts told apart stay apart).

Not another person (「佐藤氏は18日、…」), not a sentence naming a second person, not an earlier sentence naming two
people (同氏 is then not read), not another day, not a body (「同社は」), not English, not two acts told apart
(a resignation announced, then a visit).

Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.event_match import named_again, same_event
from bot.extract.events import _scene
from bot.extract.quotemarks import mask_quotes
from bot.store.clusters import match_events, representative
from bot.store.store import event_members
from tests.article_events import article_clusters, event_features, event_rows

ACTORS = ActorIndex(
    [
        ActorEntry(1, "山田太郎", "Taro Yamada", "person", ["山田太郎", "山田氏"], None),
        ActorEntry(2, "佐藤花子", "Hanako Sato", "person", ["佐藤花子", "佐藤氏"], None),
        ActorEntry(3, "平将明", "Masaaki Taira", "person", ["平将明"], None),
        ActorEntry(4, "クワーテング", "Kwasi Kwarteng", "person", ["クワーテング"], None),
        ActorEntry(5, "東和電機", "Towa Denki", "body", ["東和電機"], None),
    ]
)


def _rows(body: str, published: str = "2024-03-18"):
    return event_rows(body, ACTORS, published)


def _clusters(body: str) -> list[tuple[int, str]]:
    return article_clusters(body, ACTORS, "2024-03-18")


def _features(body: str) -> list[dict]:
    return event_features(body, ACTORS, "2024-03-18")


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        # 同氏
        (
            "クワーテング財務相は18日、所得税の最高税率を廃止する計画を撤回すると発表した。",
            "同氏は18日朝、ツイッターに声明を投稿し、「税率の廃止は進めない」と表明した。",
        ),
        # a bare title the lead named the person with
        (
            "山田太郎首相が18日夜、自らが率いる派閥の解散を検討していると表明した。",
            "首相は18日夜、官邸で記者団の取材に応じ「派閥を解散することも考えている」と述べた。",
        ),
        # a family name the index does not know
        (
            "平将明デジタル相は18日、新しい生成AIについて、職員に利用を控えるよう促す考えを示した。",
            "平氏は同日、那覇市で開かれたイベントで講演し、「個人情報が守られるのかが問題だ」と語った。",
        ),
        # a connective before the topic
        (
            "山田太郎デジタル相は18日の閣議後記者会見で「政府の方針を変えるつもりはない」と明言した。",
            "これに対し、山田氏は18日の会見で「来年秋に廃止し、その後も猶予がある」と説明した。",
        ),
    ],
)
def test_a_person_named_again_is_one_entry(lead: str, later: str) -> None:
    got = _clusters(f"{lead}\n\n{later}")
    assert len(got) == 2, got
    assert got[0][0] == got[1][0], got
    assert named_again(*_features(f"{lead}\n\n{later}"))


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        # another person
        (
            "山田太郎首相は18日、派閥の解散を検討していると表明した。",
            "佐藤氏は18日、記者団に「派閥の解散は当然だ」と述べた。",
        ),
        # the later sentence names a second person
        (
            "山田太郎首相は18日、派閥の解散を検討していると表明した。",
            "首相は18日夜、佐藤花子氏と会談し、派閥の解散について協議した。",
        ),
        # the lead names two people: 同氏 is not read
        (
            "山田太郎首相は18日、佐藤花子外相と会談し、派閥の解散を検討していると伝えた。",
            "同氏は18日夜、記者団に「派閥の解散は考えていない」と述べた。",
        ),
        # another title than the lead's
        (
            "山田太郎首相は18日、派閥の解散を検討していると表明した。",
            "知事は18日夜、記者団に「残念でならない」と述べた。",
        ),
        # a body's doing of the day
        (
            "東和電機の山田太郎社長は18日、記者会見で工場の閉鎖を発表した。",
            "同社は18日、工場の従業員に閉鎖を説明した。",
        ),
        # a second doing of the person (not a saying)
        (
            "これに対し、山田太郎法相は18日未明に臨時の記者会見を開き、「潔白なら司法の場で証明すべきだ」と反論した。",
            "法相は同日、「証明」は「主張」の言い間違いだったとツイッターで訂正した。",
        ),
        # an address: an occasion of its own
        (
            "クワーテング財務相は18日、所得税の最高税率を廃止する計画を撤回すると発表した。",
            "財務相は18日午後の党大会で演説し、「成長のための計画はぶれない」と訴えた。",
        ),
        # the lead's one person is whom something was done to, not its doer
        (
            "派閥の会長は同日朝、山田太郎首相に電話で退会を伝えたという。",
            "首相は18日、官邸で記者団に「ご本人が熟慮の末に判断されたものと受け止めている」と述べた。",
        ),
        # the lead's doer is a body
        (
            "東和電機も18日の声明で山田太郎社長の死亡を認め、「事業は続ける」と表明した。",
            "同氏は18日に都内の講演で「工場は止めない」と語ったばかりだった。",
        ),
        # two acts told apart
        (
            "山田太郎首相は18日、辞任する意向を表明した。",
            "首相は18日午後、被災地を訪れ、仮設住宅を視察した。",
        ),
    ],
)
def test_another_person_or_another_act_stays_apart(lead: str, later: str) -> None:
    got = _clusters(f"{lead}\n\n{later}")
    assert len(got) == 2, got
    assert got[0][0] != got[1][0], got


def test_another_day_stays_apart() -> None:
    got = _clusters(
        "山田太郎首相は17日、派閥の解散を検討していると表明した。\n\n"
        "首相は18日、官邸で記者団に「派閥を解散することも考えている」と述べた。"
    )
    assert len(got) == 2, got
    assert got[0][0] != got[1][0], got


def test_english_is_not_read() -> None:
    lead, later = _features(
        "Prime Minister Taro Yamada said on Monday that he would dissolve his faction.\n\n"
        "The prime minister told reporters on Monday that the faction would go."
    )
    assert not named_again(lead, later)


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("同氏は18日朝、ツイッターに声明を投稿した。", ["同氏"]),
        ("同首相は18日、記者団に述べた。", ["同氏"]),
        ("首相は18日夜、官邸で記者団に述べた。", ["首相"]),
        ("平氏は同日、講演した。", ["平"]),
        ("これに対し、山田氏は18日の会見で説明した。", ["@1"]),
        ("米メディアによると、チートル氏は18日、メールで伝えた。", ["チートル"]),
        ("山田太郎首相は18日、記者団に述べた。", []),  # named in full: its doer
        ("山田氏は18日、記者団に「交渉はまとめる」と述べた。", []),  # a person the index knows: its doer
        ("同社は18日、記者会見を開き、工場の閉鎖を発表した。", []),  # a body
        ("政府は18日、閣議で決めた。", []),
        ("首相官邸は18日、記者会見を開き、新たな対策を発表した。", []),
    ],
)
def test_the_word_a_topic_points_back_by(text: str, ref: list[str]) -> None:
    (features,) = _features(text)
    assert features.get("ref", []) == ref


def test_the_lead_s_summary_stays_the_entry_s() -> None:
    """The sentence naming the person (not the one saying 同氏, though it holds more words) tells the entry."""
    rows = _rows(
        "クワーテング財務相は18日、所得税の最高税率を廃止する計画を撤回すると発表した。\n\n"
        "同氏は18日朝、ツイッターに声明を投稿し、「税率の廃止は進めない。我々は理解し、耳を傾けた」と表明した。"
        "最高税率の廃止が「国が直面する課題に取り組むという、より重要な任務の妨げになっている」とも説明した。"
    )
    members = event_members(list(range(1, len(rows) + 1)), rows, int)
    assert len(set(match_events(members, {}, same_event))) == 1
    assert representative(members).summary.startswith("クワーテング財務相は18日")


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        (
            "米航空機大手のボーイングは18日、2024年通期の業績見通しの公表を見送った。",
            "同日発表した23年10～12月期決算は、売上高が前年同期比10%増の220億ドルだった。",
        ),
        (
            "東和電機は18日、2025年3月期の連結純利益が前期比14%減の97億円になりそうだと発表した。",
            "同日発表した24年4～6月期の連結決算は、売上高が前年同期比12%増の658億円だった。",
        ),
        (
            "県は18日、原発の再稼働をめぐる県民意識調査の最終結果を公表した。",
            "18日に公表された30キロ圏の集計では、「条件は整っている」との問いに否定的な回答が半数を超えた。",
        ),
    ],
)
def test_more_of_the_day_s_announcement_is_one_entry(lead: str, later: str) -> None:
    got = _clusters(f"{lead}\n\n{later}")
    assert len(got) == 2, got
    assert got[0][0] == got[1][0], got


@pytest.mark.parametrize(
    ("lead", "later"),
    [
        # the lead announced nothing
        (
            "山田太郎首相は18日、被災地を訪れ、仮設住宅を視察した。",
            "同日発表した10月の統計では、失業率が前月比0.2ポイント上昇した。",
        ),
        # a party named before the announcement: its own
        (
            "東和電機は18日、2025年3月期の連結純利益が前期比14%減になりそうだと発表した。",
            "政府が同日発表した10月の統計では、失業率が前月比0.2ポイント上昇した。",
        ),
    ],
)
def test_another_announcement_or_none_stays_apart(lead: str, later: str) -> None:
    got = _clusters(f"{lead}\n\n{later}")
    assert len(got) == 2, got
    assert got[0][0] != got[1][0], got


@pytest.mark.parametrize(
    ("text", "scene"),
    [
        ("同日発表した23年10～12月期決算は、売上高が前年同期比10%増だった。", ["~announcement"]),
        ("18日に公表された30キロ圏の集計では、否定的な回答が半数を超えた。", ["~announcement"]),
        ("政府が同日発表した10月の統計では、失業率が上昇した。", []),
        ("17日に発表した決算は、赤字だった。", []),  # not the event's own day (its date is the 17th: no match needed)
    ],
)
def test_an_opening_on_the_day_s_announcement(text: str, scene: list[str]) -> None:
    assert _scene(mask_quotes(text), "2024-03-18") == scene

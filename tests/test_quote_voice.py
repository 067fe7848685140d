"""/quote: a quote that names its speaker's capacity (日本政府として, "as the Japanese government") is not answered by
another country's speaker saying its topic (bot/services/quote_voice.py). Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.ingest.pipeline import ingest_text
from bot.services import find_quote
from bot.services.quote_voice import Voice, contradicts, speaker_voice, titled_countries, voice
from bot.store import Store

FOREIGN = """\
---
title: 難民政策、オーストリア外相が会見
url: https://example.jp/news/refugees-0601
published: 2025-06-01
---
オーストリアのベルガー外相は1日の記者会見で「難民の受け入れ枠を拡大することは検討しておらず、国境の管理を緩める考えもない」と述べた。
"""

OWN = """\
---
title: 物流の停滞、政府が対策
url: https://example.jp/news/logistics-0602
published: 2025-06-02
---
松井運輸相は2日の閣議後会見で「政府として、港湾の人手不足の解消に全力で取り組む」と述べた。
"""

# the capacity's words are common in a story about a country (日本政府, 日本, 政府): they weigh little in the gist
BACKGROUND = """\
---
title: 日本政府の動き
url: https://example.jp/news/background-0603
published: 2025-06-03
---
日本政府は3日、関係省庁の会議を開いた。

日本政府は各国の動向を注視している。

日本政府の担当者は詳細を明らかにしなかった。

日本政府として新たな方針を示す時期は未定だ。

政府は来週にも日本の立場を説明する。

日本政府は国会への報告を予定している。
"""

ACTORS = ActorIndex(
    [
        ActorEntry(1, "ラブロフ", "Sergey Lavrov", "person", ["Lavrov"], "ロシア外相 / Russian Foreign Minister"),
        ActorEntry(2, "石破", "Shigeru Ishiba", "person", ["石破茂"], "首相 / Prime Minister of Japan"),
        ActorEntry(3, "金融庁", "Financial Services Agency", "body", [], "金融庁 / Japan's Financial Services Agency"),
        ActorEntry(4, "日本銀行", "Bank of Japan", "body", ["日銀"], "中央銀行 / Japan's central bank"),
        ActorEntry(5, "中山", None, "person", [], None),
    ]
)


@pytest.fixture
async def news(store: Store) -> Store:
    for name, text in (("foreign.md", FOREIGN), ("own.md", OWN), ("background.md", BACKGROUND)):
        assert (await ingest_text(store, text, name=name)).status == "added"
    return store


async def test_a_quote_said_as_japan_is_not_a_foreign_ministers_passage(news: Store) -> None:
    said = await find_quote(news, "難民の受け入れ枠を拡大することは検討していない")
    assert said and "ベルガー" in (said[0].speaker or "")  # the words alone are his
    assert await find_quote(news, "日本政府として、難民の受け入れ枠を拡大することは検討していない") == []


async def test_a_capacity_the_speaker_holds_is_still_found(news: Store) -> None:
    found = await find_quote(news, "政府として港湾の人手不足の解消に全力を挙げる")
    assert found and "港湾の人手不足" in found[0].text


def test_the_capacity_a_quote_names() -> None:
    assert voice("米国の攻撃は国際法違反であり、日本として容認できない", ACTORS) == Voice("日本", frozenset({"Japan"}))
    assert voice("犯行だったことを中国当局として認める", ACTORS) == Voice("中国当局", frozenset({"China"}))
    assert voice("金融庁として業務停止を命じる", ACTORS) == Voice("金融庁", frozenset({"Japan"}), 3)
    assert voice("国交省として検討には応じない", ACTORS) == Voice("国交省", frozenset({"Japan"}))  # a ministry: Japan's
    assert voice("As the Japanese government, we will not send troops", ACTORS) == Voice(
        "the Japanese government", frozenset({"Japan"})
    )
    # an object's or an adverb's として, a title, a generic body: no one named
    for quote in (
        "業務停止命令も選択肢として排除しない",
        "買収を断固として拒否する",
        "政府として支援する",
        "次期大統領として承認する",
    ):
        assert voice(quote, ACTORS) is None, quote


def test_the_country_of_a_speaker() -> None:
    assert speaker_voice("ラブロフ", ACTORS) == Voice("ラブロフ", frozenset({"Russia"}))
    assert speaker_voice("石破", ACTORS) == Voice("石破", frozenset({"Japan"}))  # the description's English part
    assert speaker_voice("米政府当局者", ACTORS) == Voice("米政府当局者", frozenset({"America"}))
    assert speaker_voice("日本銀行", ACTORS) == Voice("日本銀行", frozenset({"Japan"}), 4)
    assert speaker_voice("中山", ACTORS) is None  # 中 of a surname is not China
    assert speaker_voice("ベルガー", ACTORS, "オーストリアのベルガー外相は") == Voice(
        "ベルガー", frozenset({"Austria"})
    )


def test_the_country_a_passage_writes_with_a_name() -> None:
    assert titled_countries("ネタニヤフ・イスラエル首相は", {"ネタニヤフ"}) == {"Israel"}
    assert titled_countries("ブリンケン米国務長官は", {"ブリンケン"}) == {"America"}
    assert titled_countries("Iranian President Masoud Pezeshkian said", {"Masoud Pezeshkian"}) == {"Iran"}
    assert titled_countries("Netanyahu, Israel's prime minister, said", {"Netanyahu"}) == {"Israel"}
    assert titled_countries("Officials met Iranian counterparts while Netanyahu spoke", {"Netanyahu"}) == set()
    assert titled_countries("岩屋外相は", {"岩屋"}) == set()  # no country written: unknown, not Japan


def test_a_contradiction_needs_both_known_and_the_capacity_unnamed() -> None:
    japan, russia = Voice("日本政府", frozenset({"Japan"})), Voice("ラブロフ", frozenset({"Russia"}))
    assert contradicts(japan, russia, "ラブロフ外相は「…」と述べた")
    assert not contradicts(japan, russia, "日本政府の方針について、ラブロフ外相は「…」と述べた")  # named there
    assert not contradicts(japan, None, "…")
    assert not contradicts(japan, Voice("日中関係筋", frozenset({"Japan", "China"})), "…")
    fsa, boj = Voice("金融庁", frozenset({"Japan"}), 3), Voice("日本銀行", frozenset({"Japan"}), 4)
    assert contradicts(fsa, boj, "日銀の植田総裁は「…」と述べた")  # another body of the registry

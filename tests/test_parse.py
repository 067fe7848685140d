"""bot.ingest.parse: front matter, citation-line sections (seeds 000–003), numbered items (seed 004), line repair."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.parse import (
    logical_lines,
    normalize_iso_date,
    parse_document,
    split_front_matter,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse_document(path.read_text(encoding="utf-8"), name=path.name, origin="seed")


def passage(doc, needle: str):
    hits = [p for p in doc.passages if needle in p.text]
    assert hits, f"no passage holds {needle!r}"
    return hits[0]


# --- front matter ----------------------------------------------------------------------------------------------

FRONT = """---
url: https://www.example.com/news/ceasefire?utm_source=feed&id=42#comments
title: "停戦交渉の行方"
published: 2025/3/4
outlet: テスト新聞
language: ja
author: 山田太郎
tags: ウクライナ, 停戦
---
米国とウクライナの高官がサウジアラビアで協議し、30日間の停戦案で合意した。
ロシア側は回答を保留しており、今後の対応が焦点となる。
"""


def test_front_matter_fields():
    fm, body = split_front_matter(FRONT)
    assert fm.url == "https://www.example.com/news/ceasefire?utm_source=feed&id=42#comments"
    assert fm.title == "停戦交渉の行方"  # quotes removed
    assert fm.published == "2025-03-04"
    assert fm.outlet == "テスト新聞"
    assert fm.language == "ja"
    assert fm.author == "山田太郎"
    assert fm.extra == {"tags": "ウクライナ, 停戦"}
    assert body.startswith("米国とウクライナの高官が")


def test_front_matter_metadata_reaches_document_and_passages():
    doc = parse_document(FRONT, name="ceasefire.md")
    assert doc.title == "停戦交渉の行方"
    assert doc.url == "https://www.example.com/news/ceasefire?id=42"  # tracking and fragment dropped
    assert doc.outlet == "テスト新聞"
    assert doc.published == "2025-03-04"
    assert doc.language == "ja"
    assert doc.author == "山田太郎"
    assert [p.text for p in doc.passages] == [
        "米国とウクライナの高官がサウジアラビアで協議し、30日間の停戦案で合意した。",
        "ロシア側は回答を保留しており、今後の対応が焦点となる。",
    ]
    for p in doc.passages:
        assert (p.url, p.outlet, p.date) == (doc.url, "テスト新聞", "2025-03-04")


def test_front_matter_with_bom_crlf_and_aliases():
    text = "\ufeff---\r\nurl: https://x.example.jp/a\r\nsource: 共同通信\r\ndate: 2025-03-12T09:00:00+09:00\r\nlang: en\r\n---\r\n本文です。"
    fm, body = split_front_matter(text)
    assert (fm.url, fm.outlet, fm.published, fm.language) == ("https://x.example.jp/a", "共同通信", "2025-03-12", "en")
    assert body == "本文です。"


@pytest.mark.parametrize(
    "text",
    ["--- not front matter\n本文", "本文\n---\nurl: x\n---\n", "---\nurl: https://a.jp\n本文 (never closed)"],
)
def test_no_front_matter(text):
    fm, body = split_front_matter(text)
    assert fm.url is None and fm.title is None
    assert body == text


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2025/3/4", "2025-03-04"),
        ("2025-03-04", "2025-03-04"),
        ("2025年3月4日", "2025-03-04"),
        ("2025.03.04 12:00", "2025-03-04"),
        ("2025-03", "2025-03"),
        ("2025/13/01", None),
        ("yesterday", None),
    ],
)
def test_normalize_iso_date(value, iso):
    assert normalize_iso_date(value) == iso


# --- format A: sections closed by a citation line (seeds 000–003) ---------------------------------------------

CNN = "https://www.cnn.co.jp/usa/35230020.html"
LOGMI = "https://logmi.jp/main/social_economy/331525"
YOMIURI = "https://www.yomiuri.co.jp/world/20250304-OYT1T50158/"
TOYOKEIZAI = "https://toyokeizai.net/articles/-/863731?display=b"
TOKYO = "https://www.tokyo-np.co.jp/article/388964"
REUTERS = "https://jp.reuters.com/world/ukraine/KAHPNXYC35OCDD7RNYZMVZZ5WI-2024-06-13/"
MAINICHI = "https://mainichi.jp/articles/20250228/k00/00m/030/258000c"

SECTIONS = "\n".join(
    [
        "停戦をめぐる各国の動きを、報道をもとに詳しく整理してお伝えします。各国の思惑が交錯しています。",
        "米国の提案",
        "米国は何を提案したのか?",
        "30日間の停戦。",
        "大きな一歩ですね。",
        "公開日:2025/03/12",
        "",
        "✅ 米国は30日間の停戦を提案した。",
        "✅ ウクライナは提案を受け入れた。",
        "さらに読む ⇒ロイター出典/画像元: https://jp.reuters.com/world/ukraine/TEST-2025-03-12/ロシアの回答が焦点です。",
        "ルビオ国務長官は、ロシアの回答が和平への意思を示すことになると述べ、協議の継続を呼びかけた。",
        "欧州の反応",
        "欧州はどう動く?",
        "支援を継続。",
        "注目ですね。",
        "",
        "✅ 欧州は支援の継続を表明した。",
        "さらに読む ⇒出典/画像元: https://www.example.org/europe/123?utm_source=x今後に期待です。",
    ]
)
SECTIONS_REUTERS = "https://jp.reuters.com/world/ukraine/TEST-2025-03-12/"


def test_seed_000_url_glued_to_the_next_sentence():
    doc = seed("000")
    glued = passage(doc, "会談での口論が原因とは")
    assert glued.text == "会談での口論が原因とは、驚きです。"  # the URL is not part of the text
    assert glued.url == CNN
    assert glued.outlet == "CNN.co.jp"
    assert all("http" not in p.text and "出典" not in p.text for p in doc.passages)


@pytest.mark.parametrize(
    ("needle", "url", "outlet"),
    [
        # bullets above the citation line
        ("トランプ大統領は、ウクライナへの軍事支援を一時停止するよう指示した。", CNN, "CNN.co.jp"),
        # prose after it, in the same section
        ("2月28日の会談で両首脳は口論となり", CNN, "CNN.co.jp"),
        ("ゼレンスキー氏はこれを「国を売ることはできない」として拒否している", LOGMI, "ログミー"),
        ("ロシアはトランプ氏の決定を「実に前向き」と評価し", LOGMI, "ログミー"),
        ("トランプ大統領の強硬姿勢は、交渉を有利に進めるためなのでしょうか。", LOGMI, "ログミー"),  # glued
        ("ゼレンスキー氏は、ウォルツ氏とイェルマーク氏の協議で前向きな進展があった", YOMIURI, "読売新聞オンライン"),
        ("トランプ政権は、2月末の米ウクライナ首脳会談の決裂を受け", YOMIURI, "読売新聞オンライン"),
        # a section's own header lines belong to it
        ("関係修復への動きと今後の展望", YOMIURI, "読売新聞オンライン"),
        ("米・ウクライナ関係の悪化と援助停止の背景", CNN, "CNN.co.jp"),
    ],
)
def test_seed_000_sections_cite_their_outlet(needle, url, outlet):
    p = passage(seed("000"), needle)
    assert (p.url, p.outlet) == (url, outlet)


def test_seed_000_published_line_dates_its_section_only():
    doc = seed("000")
    assert passage(doc, "マイク・ウォルツ国家安全保障担当大統領補佐官は").date == "2025-03-04"
    assert passage(doc, "関係修復への動きと今後の展望").date == "2025-03-04"
    assert passage(doc, "2月28日の会談で両首脳は口論となり").date is None  # the CNN section has no 公開日
    assert passage(doc, "国を売ることはできない").date is None
    assert not any(p.text.startswith("公開日") for p in doc.passages)
    assert doc.published == "2025-03-04"


def test_seed_000_blog_summary_cites_nothing():
    doc = seed("000")
    summary = passage(doc, "鉱物資源取引が、和平交渉の行方を左右する重要な要素となっている。")
    assert summary.url is None and summary.outlet is None
    assert summary.kind == "bullet"
    assert not summary.text.startswith("💡")


@pytest.mark.parametrize(
    ("prefix", "needle", "url", "outlet", "date"),
    [
        ("002", "非常に深刻な状況ですね。", TOYOKEIZAI, "東洋経済オンライン", "2025-03-11"),
        (
            "002",
            "ゼレンスキー大統領は「国を売れ」と言われているのではないかと懸念",
            TOYOKEIZAI,
            "東洋経済オンライン",
            "2025-03-11",
        ),
        ("002", "両国間の対立は、感情的な対立に発展しているようですね。", TOKYO, "東京新聞", None),
        ("002", "ゼレンスキー大統領を「独裁者」とまで呼んだ", TOKYO, "東京新聞", None),
        (
            "003",
            "ウクライナのゼレンスキー大統領と日本の岸田首相による安全保障協定締結は",
            REUTERS,
            "ロイター",
            "2024-06-13",
        ),
        ("003", "ゼレンスキー大統領は日本の「揺るぎない連帯」", REUTERS, "ロイター", "2024-06-13"),
        (
            "003",
            "イェルマーク大統領府長官は、米国との協議が進展していると発表しました。",
            MAINICHI,
            "毎日新聞",
            "2025-03-01",
        ),
    ],
)
def test_seeds_002_003_outlets_urls_dates(prefix, needle, url, outlet, date):
    p = passage(seed(prefix), needle)
    assert (p.url, p.outlet, p.date) == (url, outlet, date)


def test_seed_002_url_query_survives_and_glued_text_is_cut():
    doc = seed("002")
    assert TOYOKEIZAI in {p.url for p in doc.passages}
    assert passage(doc, "非常に深刻な状況ですね").text == "非常に深刻な状況ですね。"


@pytest.mark.parametrize(
    ("prefix", "needle", "url"),
    [
        ("003", "米国との経済及び安全保障に関する交渉", MAINICHI),  # the heading of the 毎日新聞 section
        ("002", "なるほど、アメリカは、ウクライナの安全保障を担保する必要があり", TOYOKEIZAI),  # closes 東洋経済
        ("000", "うーん、難しい。大人の事情ってやつ?", CNN),  # closes the CNN section
        ("synthetic", "ルビオ国務長官は、ロシアの回答が", SECTIONS_REUTERS),  # the outlet's own prose, not a comment
    ],
)
def test_section_boundaries_follow_the_headings(prefix, needle, url):
    doc = parse_document(SECTIONS, name="sections.txt") if prefix == "synthetic" else seed(prefix)
    assert passage(doc, needle).url == url


def test_seed_boilerplate_is_dropped():
    texts = [p.text for prefix in ("000", "001", "002", "003") for p in seed(prefix).passages]
    for junk in (
        "この記事は広告を掲載してます。",
        "undefined",
        "それでは、詳しく見ていきましょう。",
        "次のページを読む ⇒",
    ):
        assert junk not in texts


def test_seed_001_plain_article_with_lost_emoji():
    doc = seed("001")
    assert all(p.url is None for p in doc.passages)  # it cites no outlet
    texts = [p.text for p in doc.passages]
    assert "会談の背景と目的" in texts  # 「? 会談の背景と目的」: the lost emoji is gone
    assert passage(doc, "ワシントンのホワイトハウスで、トランプ米大統領").text.startswith("2025年2月28日")
    for t in texts:
        assert "\ufe0f" not in t and not t.startswith(("?", "？")) and "??" not in t
    bullet = passage(doc, "あなたはギャンブルをしている")
    assert bullet.kind == "bullet"
    assert bullet.text.startswith("トランプ大統領:これに対し")


def test_seed_003_title_and_published():
    doc = seed("003")
    assert doc.title.startswith("ゼレンスキー大統領外交")
    assert doc.published == "2025-03-01"  # the latest 公開日
    assert doc.language == "ja"


def test_synthetic_citation_sections():
    doc = parse_document(SECTIONS, name="sections.txt")
    reuters = SECTIONS_REUTERS
    expect = {
        "米国の提案": (reuters, "ロイター", "2025-03-12", "prose"),
        "米国は30日間の停戦を提案した。": (reuters, "ロイター", "2025-03-12", "bullet"),
        "ロシアの回答が焦点です。": (reuters, "ロイター", "2025-03-12", "prose"),
        "欧州の反応": ("https://www.example.org/europe/123", "example.org", None, "prose"),
        "欧州は支援の継続を表明した。": ("https://www.example.org/europe/123", "example.org", None, "bullet"),
        "今後に期待です。": ("https://www.example.org/europe/123", "example.org", None, "prose"),
    }
    by_text = {p.text: p for p in doc.passages}
    for text_, (url, outlet, date, kind) in expect.items():
        p = by_text[text_]
        assert (p.url, p.outlet, p.date, p.kind) == (url, outlet, date, kind), text_
    assert passage(doc, "停戦をめぐる各国の動き").url is None


# --- format B: numbered items (seed 004) -----------------------------------------------------------------------

ITEM_URLS = [
    "https://news.yahoo.co.jp/articles/80dd33735cfb2afd5fd0833e8e21ac07a6844f8b/images/000",
    "https://news.yahoo.co.jp/articles/accb9557fec4a4aff0b498a32fd05cc9dfb343e4",
    "https://news.yahoo.co.jp/articles/1b1071b20bb53d6d94433c4c7ef0c057a2fed708/images/000",
    "https://news.yahoo.co.jp/articles/3ee8d981473d0455c1f2d82e521bc69edd039ec5/images/000",
    "https://news.yahoo.co.jp/articles/02d66b47e911f0ad19c1a7b512f0af4d99c06b13/images/000",
    "https://news.yahoo.co.jp/articles/c8fe1ea4ce0580af3c2717eca29c85aa1ff58afa/images/000",
    "https://sputniknews.jp/20250313/19638254.html",
    "https://sputniknews.jp/20250312/15-19637924.html",
    "https://sputniknews.jp/20250312/19636315.html",  # bare URL line; tracking query and fragment dropped
    "https://sputniknews.jp/20250312/nato-19637255.html",  # markdown link whose text has a space
]
ITEM_DATES = ["2025-03-13"] * 7 + ["2025-03-12"] * 3


def test_seed_004_items():
    doc = seed("004")
    headings = [p for p in doc.passages if p.kind == "heading"]
    assert len(headings) == 10
    assert [h.url for h in headings] == ITEM_URLS
    assert [h.date for h in headings] == ITEM_DATES
    assert doc.title == "3月14のウクライナ情報"
    assert doc.published == "2025-03-13"
    # every passage of an item cites that item's URL and carries its date
    for p in doc.passages:
        assert p.url in ITEM_URLS, p.text
        assert p.date == ITEM_DATES[ITEM_URLS.index(p.url)], p.text
        assert p.heading is not None
    assert "安齋育郎" not in [p.text for p in doc.passages]  # preamble is not an item's text


@pytest.mark.parametrize(
    ("needle", "item", "outlet"),
    [
        ("ロシア側の反応が本当の問題だ", 2, "Yahoo!ニュース"),
        ("ロシアは何も得られない", 4, "Yahoo!ニュース"),
        ("ヤシオンカ経由の兵器輸送は以前のレベルに戻った", 5, "Newsweek"),  # outlet from (Newsweek, 2025年3月13日)
        ("入口まで塹壕を 500 メートル掘って", 8, "スプートニク日本"),
        ("極めて具体的なディテール", 9, "スプートニク日本"),
        ("NATO 加盟国軍のウクライナ駐留は、いかなる形でも", 10, "スプートニク日本"),
        ("写真：代表撮影/ロイター/アフロ", 4, "Yahoo!ニュース"),
    ],
)
def test_seed_004_passages_cite_their_item(needle, item, outlet):
    p = passage(seed("004"), needle)
    assert p.url == ITEM_URLS[item - 1]
    assert p.date == ITEM_DATES[item - 1]
    assert p.outlet == outlet


@pytest.mark.parametrize(
    "joined",
    [
        "「ロシアは何も得られない」「ウクライナ軍にとっての一時的な休息に過ぎない」と述べ",  # ウクライ / ナ軍
        "とのコメントにとどまった。",  # コメン / ト
        "米軍が参加することが不可欠だと主張してきた。",  # 不可 / 欠
        "欧州再軍備拡張銀行は最高位の信用格付けを得られる",  # 欧州再 / 軍備
        "AfD と左翼党によってブロックされる危険がある。",  # によっ / て
        "ロシアに敵対的行動をとるように米国をけしかけるため、「いろいろ言っている」。",  # bullet continued
    ],
)
def test_seed_004_page_breaks_are_repaired(joined):
    passage(seed("004"), joined)


def test_seed_004_speaker_labels_are_joined():
    doc = seed("004")
    assert passage(doc, "ロシア側の反応が本当の問題だ").text == "ルビオ米国務長官：「ロシア側の反応が本当の問題だ」"
    assert passage(doc, "見守るしかない").text.startswith("トランプ米大統領：「見守るしかない。")
    assert "ルビオ米国務長官" not in [p.text for p in doc.passages]


def test_seed_004_kinds_and_headline_speaker():
    doc = seed("004")
    assert passage(doc, "写真：代表撮影/ロイター/アフロ").kind == "caption"
    assert passage(doc, "Kremlin.ru/Handout via REUTERS").kind == "caption"
    nato = passage(doc, "NATO 加盟国軍のウクライナ駐留は")
    assert nato.kind == "bullet"
    assert nato.text.startswith("NATO 加盟国軍")  # 「- ・」 marker removed
    assert nato.default_speaker == "ラブロフ外相"  # 「…受け入れ不可能＝ラブロフ外相」
    assert passage(doc, "停戦の確立").text == "停戦の確立"


def test_synthetic_numbered_items_all_url_forms():
    text = "\n".join(
        [
            "ウクライナ情報まとめ",
            "",
            "① 停戦案に回答＝ペスコフ報道官(2025年3月14日)",
            "",
            "ロシアは停戦案について、内容を精査したうえで検討中だと述べた。",
            "",
            "・交渉の扉は開いている。",
            "",
            "<https://news.example.jp/articles/aaa111>",
            "",
            "②欧州、防衛費を増額へ(ロイター, 2025年3月15日)",
            "",
            "欧州連合は防衛費の大幅な増額で合意した。",
            "",
            "[欧州 防衛 記事 リンク](https://www.example.org/eu-defense?utm_medium=x&id=7#frag)",
            "",
            "③ 黒海の航行(2025 年 3 月 16 日)",
            "",
            "黒海の航行再開で関係国が合意した。",
            "",
            "https://example.net/black-sea?rcmd_alg=1",
        ]
    )
    doc = parse_document(text, name="items.md")
    assert doc.title == "ウクライナ情報まとめ"
    assert doc.published == "2025-03-16"
    rows = [(p.kind, p.text, p.url, p.outlet, p.date) for p in doc.passages]
    assert rows == [
        (
            "heading",
            "停戦案に回答＝ペスコフ報道官(2025年3月14日)",
            "https://news.example.jp/articles/aaa111",
            "news.example.jp",
            "2025-03-14",
        ),
        (
            "prose",
            "ロシアは停戦案について、内容を精査したうえで検討中だと述べた。",
            "https://news.example.jp/articles/aaa111",
            "news.example.jp",
            "2025-03-14",
        ),
        (
            "bullet",
            "交渉の扉は開いている。",
            "https://news.example.jp/articles/aaa111",
            "news.example.jp",
            "2025-03-14",
        ),
        (
            "heading",
            "欧州、防衛費を増額へ(ロイター, 2025年3月15日)",
            "https://www.example.org/eu-defense?id=7",
            "ロイター",
            "2025-03-15",
        ),
        (
            "prose",
            "欧州連合は防衛費の大幅な増額で合意した。",
            "https://www.example.org/eu-defense?id=7",
            "ロイター",
            "2025-03-15",
        ),
        ("heading", "黒海の航行(2025 年 3 月 16 日)", "https://example.net/black-sea", "example.net", "2025-03-16"),
        ("prose", "黒海の航行再開で関係国が合意した。", "https://example.net/black-sea", "example.net", "2025-03-16"),
    ]
    assert doc.passages[2].default_speaker == "ペスコフ報道官"


def test_an_item_without_a_url_does_not_borrow_the_next_items():
    text = "\n".join(
        [
            "まとめ",
            "① 出典のない項目(2025年3月10日)",
            "この項目の本文には、元記事へのリンクが付いていません。",
            "② 出典のある項目(2025年3月11日)",
            "この項目の本文には、元記事へのリンクが付いています。",
            "<https://news.example.jp/articles/bbb222>",
        ]
    )
    doc = parse_document(text, name="items.txt")
    first = passage(doc, "リンクが付いていません")
    second = passage(doc, "リンクが付いています")
    assert (first.url, first.date) == (None, "2025-03-10")
    assert (second.url, second.date) == ("https://news.example.jp/articles/bbb222", "2025-03-11")


@pytest.mark.parametrize(
    ("line", "url", "outlet"),
    [
        (
            "さらに読む ⇒NHK出典：https://www3.nhk.or.jp/news/html/20250312/k10014748.html続報です。",
            "https://www3.nhk.or.jp/news/html/20250312/k10014748.html",
            "NHK",
        ),
        (
            "画像元: https://www.asahi.com/articles/ASN3D.html?ref=rss続報です。",
            "https://www.asahi.com/articles/ASN3D.html?ref=rss",
            "朝日新聞",
        ),
        (
            "さらに読む ⇒地方紙出典/画像元: https://local.example.jp/a/1?utm_campaign=x続報です。",
            "https://local.example.jp/a/1",
            "地方紙",
        ),
    ],
)
def test_citation_line_variants(line, url, outlet):
    doc = parse_document("見出し\n✅ 要点です。\n" + line, name="c.txt")
    p = passage(doc, "続報です。")
    assert (p.url, p.outlet) == (url, outlet)
    assert passage(doc, "要点です。").url == url


# --- plain text and line repair ---------------------------------------------------------------------------------


def test_plain_text_paragraphs_and_language():
    en = parse_document("Talks resumed in Riyadh on Tuesday.\nBoth sides called them constructive.", name="en.txt")
    assert en.language == "en"
    assert [p.text for p in en.passages] == [
        "Talks resumed in Riyadh on Tuesday.",
        "Both sides called them constructive.",
    ]
    assert en.title == "Talks resumed in Riyadh on Tuesday."
    assert all(p.url is None and p.kind == "prose" for p in en.passages)
    ja = parse_document("停戦交渉が再開された。\n双方は建設的だったと評価した。", name="ja.txt")
    assert ja.language == "ja"


def test_empty_document():
    doc = parse_document("", name="empty.txt")
    assert doc.passages == []
    assert doc.title == "empty.txt"


def test_logical_lines_repairs_a_page_break():
    text = "これは三十文字以上ある長い行で、ページの区切りで途中で切れてしまったコメン\n\n\nトです。\n短い行\n\n次の行"
    assert logical_lines(text) == [
        "これは三十文字以上ある長い行で、ページの区切りで途中で切れてしまったコメントです。",
        "短い行",
        "次の行",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "これは三十文字以上ある長い行で、句点で終わっている文章なので結合されません。\n\n次の行",
        "短い行で終わる\n\n次の行",  # shorter than a page-width line
        "これは三十文字以上ある長い行で、ページの区切りで途中で切れてしまったコメン\n\n① 次の項目(2025年3月13日)",
        "これは三十文字以上ある長い行で、ページの区切りで途中で切れてしまったコメン\n\n<https://example.com/a>",
        "これは三十文字以上ある長い行で、ページの区切りで途中で切れてしまったコメン\n\n・箇条書き",
    ],
)
def test_logical_lines_leaves_real_breaks(text):
    assert len(logical_lines(text)) == 2


def test_logical_lines_joins_a_speaker_label_to_its_quote():
    assert logical_lines("ルビオ米国務長官\n\n「ロシア側の反応が本当の問題だ」") == [
        "ルビオ米国務長官：「ロシア側の反応が本当の問題だ」"
    ]
    # a line that merely mentions a title is not a label
    assert len(logical_lines("会見した国務長官の発言をまとめました。\n\n「発言」")) == 2


def test_crlf_and_cr_line_endings():
    assert logical_lines("一行目\r\n二行目\r三行目") == ["一行目", "二行目", "三行目"]


def test_a_blog_section_that_ends_in_its_citation_cites_from_its_heading_down():
    text = (
        "まとめ記事の見出し\n"
        "## 1月:「今は来ないで」\n"
        "- 知事は5日、県民に「今は来ないでほしい」と呼びかけた。\n"
        "- 県は6日、登録の受け付けを始めた。\n"
        "出典: https://www.example-a.jp/article/1\n"
        "## 5月:知事「当然正しい」\n"
        "知事は8日の会見で「当然正しいと思っている」と述べた。\n"
        "出典: https://www.example-b.jp/article/2\n"
        "これに対し、支援団体の代表は県の発信を批判した。\n"
    )
    parsed = parse_document(text, name="blog.txt")
    by_text = {p.text.lstrip("-・ "): p.url for p in parsed.passages}
    assert by_text["知事は5日、県民に「今は来ないでほしい」と呼びかけた。"] == "https://www.example-a.jp/article/1"
    assert by_text["県は6日、登録の受け付けを始めた。"] == "https://www.example-a.jp/article/1"
    assert by_text["知事は8日の会見で「当然正しいと思っている」と述べた。"] == "https://www.example-b.jp/article/2"
    # after the last citation and before any new heading: still that section's
    assert by_text["これに対し、支援団体の代表は県の発信を批判した。"] == "https://www.example-b.jp/article/2"


def test_a_headline_is_not_joined_to_the_lead_below_it() -> None:
    from bot.ingest.parse import parse_document

    text = (
        "---\ntitle: 対日関税25%通告「誠に遺憾」　石破首相、協議継続を指示\n---\n"
        "対日関税25%通告「誠に遺憾」　石破首相、協議継続を指示\n\n"
        "石破茂首相は8日、首相官邸で記者団に「誠に遺憾だ」と表明した。\n\n"
        "Japan welcomes Trump's tariff pause, vows to keep pushing on autos\n\n"
        "TOKYO, April 10 (Reuters) - Japan on Thursday welcomed the pause."
    )
    texts = [p.text for p in parse_document(text, name="t.txt").passages]
    assert texts[1] == "石破茂首相は8日、首相官邸で記者団に「誠に遺憾だ」と表明した。"
    assert texts[-1].startswith("TOKYO, April 10 (Reuters)")

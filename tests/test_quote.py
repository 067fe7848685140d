"""/quote: a remembered quote → the passage, document, cited outlet URL and speaker; absent quotes → nothing."""

from __future__ import annotations

import unicodedata

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services import QueryError, find_quote, quotes
from bot.services.quotes import MAX_QUERY_CHARS

ANY = object()  # speaker not checked
NONE = None  # speaker must be None


def norm(s):
    return "".join(unicodedata.normalize("NFKC", s or "").split()).lower()


def check(matches, doc, url=None, speaker=ANY):
    assert matches, "expected a match"
    top = matches[0]
    docs = [s.document for s in top.sources]
    assert any(d.startswith(doc) for d in docs), f"{doc} not in {docs} (top: {top.text[:60]!r})"
    if url is not None:
        urls = [s.url or "" for s in top.sources]
        assert any(url in u for u in urls), f"{url} not in {urls}"
    if speaker is NONE:
        assert top.speaker is None, top.speaker
    elif speaker is not ANY:
        assert top.speaker and norm(speaker) in norm(top.speaker), f"speaker {top.speaker!r}, expected {speaker!r}"
    return top


YAHOO_USHAKOV = "3ee8d981473d0455c1f2d82e521bc69edd039ec5"
YAHOO_RUBIO = "accb9557fec4a4aff0b498a32fd05cc9dfb343e4"
YAHOO_POLAND = "02d66b47e911f0ad19c1a7b512f0af4d99c06b13"
YAHOO_EU = "1b1071b20bb53d6d94433c4c7ef0c057a2fed708"
LOGMI = "logmi.jp/main/social_economy/331525"
REUTERS = "jp.reuters.com/world/ukraine/KAHPNXYC35OCDD7RNYZMVZZ5WI"
SPUTNIK_NATO = "sputniknews.jp/20250312/nato-19637255"
SPUTNIK_TRENCH = "sputniknews.jp/20250312/15-19637924"
SPUTNIK_YERMAK = "sputniknews.jp/20250312/19636315"
SPUTNIK_TRUMP = "sputniknews.jp/20250313/19638254"
TOKYO = "tokyo-np.co.jp/article/388964"
MAINICHI = "mainichi.jp/articles/20250228/k00/00m/030/258000c"

# (query, document, cited URL fragment, speaker)
FOUND = [
    # the examples
    ("あなたはギャンブルをしている", "001", None, "トランプ"),
    ("国を売ることはできない", "000", LOGMI, "ゼレンスキー"),
    ("ロシアは何も得られない", "004", YAHOO_USHAKOV, "ウシャコフ"),
    ("ヤシオンカ経由の兵器輸送は以前のレベルに戻った", "004", YAHOO_POLAND, "シコルスキ"),
    ("ＮＡＴＯ加盟国軍のウクライナ駐留は受け入れられない", "004", SPUTNIK_NATO, "ラブロフ"),
    ("入口まで塹壕を500メートル掘って", "004", SPUTNIK_TRENCH, NONE),
    ("第三次世界大戦まで賭けている、あなたはギャンブルをしている", "001", None, "トランプ"),
    # quotes spanning a page break in the source (「ウクライ\n\nナ軍」, 「不可\n\n欠」)
    ("ウクライナ軍にとっての一時的な休息に過ぎない", "004", YAHOO_USHAKOV, "ウシャコフ"),
    ("米軍が参加することが不可欠だと主張してきた", "004", YAHOO_EU, ANY),
    # X：「…」 (label joined across a blank line), and the sentence after it (rule: previous subject)
    ("ロシア側の反応が本当の問題だ", "004", YAHOO_RUBIO, "ルビオ"),
    ("見守るしかない。今はロシア次第だ", "004", YAHOO_RUBIO, "トランプ"),
    ("もし彼らの返答がイエスであれば、我々は本当に前進を遂げており", "004", YAHOO_RUBIO, "ルビオ"),
    # Xは「…」と語った / Xは…「…」と指摘した
    (
        "この計画によって、軍備拡張のために8000億ユーロ(128兆円)の資金を調達することを目指す",
        "004",
        YAHOO_EU,
        "フォンデアライエン",
    ),
    ("現在我々は最も重要で、最も脅威に満ちた時期を経験しつつある", "004", YAHOO_EU, "フォンデアライエン"),
    ("国際社会へのインパクトは１９４５年２月のヤルタ会談に匹敵する", "004", YAHOO_EU, "ヴィンクラー"),
    ("ディールができる相手", "004", YAHOO_EU, "ヴィンクラー"),
    ("殺人者に妥協しない", "001", None, "ゼレンスキー"),
    ("非常に公平だ", "001", None, "トランプ"),
    ("独裁者", "002", TOKYO, "トランプ"),
    ("ひどくいら立っている", "000", LOGMI, "トランプ"),
    ("揺るぎない連帯", "003", REUTERS, "ゼレンスキー"),
    ("ウィンウィン", "003", MAINICHI, "ゼレンスキー"),
    # 「…」とX(は)
    ("ロシア軍はクルスク州で確実に前進している", "004", YAHOO_POLAND, "戦争研究所"),
    (
        "トランプが装備と情報提供を打ち切ったタイミングで、ロシアはクルスクで攻勢を始めたようだ",
        "004",
        YAHOO_POLAND,
        "ブロガー",
    ),
    ("ウクライナ軍が撤退し始めた", "004", YAHOO_POLAND, "レビエフ"),
    # labels in bullets, and the item headline's attribution (…＝ラブロフ外相)
    ("侵略者はロシアだ", "001", None, "マクロン"),
    ("ウクライナの国民以上に平和を望む者はいない", "001", None, "ショルツ"),
    ("われわれ欧州人がその責務を果たす", "001", None, "カラス"),  # 「EU外交代表：」
    ("核大国は怒鳴り合っているはいけない", "004", SPUTNIK_NATO, "ラブロフ"),
    ("５０％でも合致しないだろう", "004", SPUTNIK_NATO, "ラブロフ"),
    # no speaker is a valid answer
    ("偽りの和平への取り組みであり、誰も必要としていない", "004", YAHOO_USHAKOV, ANY),
    ("ロシアにとって理にかなっていると思うが、多くの事情がある", "004", SPUTNIK_TRUMP, ANY),
    ("ウクライナ兵と戦闘になりました", "004", SPUTNIK_TRENCH, NONE),
    # typos
    ("ロシアは何も得られなし", "004", YAHOO_USHAKOV, "ウシャコフ"),
    ("停戦監視軍には米軍わ参加しない", "004", YAHOO_EU, "ヘグセス"),
    ("核大国は怒鳴り合っていてはいけない", "004", SPUTNIK_NATO, "ラブロフ"),
    ("揺るぎない連体", "003", REUTERS, "ゼレンスキー"),
    # width, spacing, punctuation, katakana spelling
    ("ＥＵは防衛支出をこの制約から免除する方針だ", "004", YAHOO_EU, ANY),
    ("ロシアは 何も 得られ ない", "004", YAHOO_USHAKOV, "ウシャコフ"),
    ("ロシアは何も得ら れない。", "004", YAHOO_USHAKOV, "ウシャコフ"),
    ("「ロシアは何も得られない」", "004", YAHOO_USHAKOV, "ウシャコフ"),
    ("ﾛｼｱは何も得られない", "004", YAHOO_USHAKOV, "ウシャコフ"),
    ("ウクライ\nナ軍にとっての一時的な休息に過ぎない", "004", YAHOO_USHAKOV, "ウシャコフ"),  # break in the query
    ("ゼレンスキー大統領は、日本の岸田首相とG7首脳会議の場で二国間安全保障協定を締結しました", "003", REUTERS, ANY),
    ("ゼレンシキー大統領は日本の揺るぎない連帯と国際法保護への献身に感謝の意を表しました", "003", REUTERS, ANY),
    # reordered clauses
    ("ウクライナ軍にとっての一時的な休息に過ぎない、ロシアは何も得られない", "004", YAHOO_USHAKOV, "ウシャコフ"),
    ("国際法保護への献身に感謝の意を表しました、ゼレンスキー大統領は日本の揺るぎない連帯と", "003", REUTERS, ANY),
    # partial recall of a longer passage
    ("第三次世界大戦まで賭けている", "001", None, "トランプ"),
    ("ポーランド東部を経由してウクライナに向かうアメリカの武器支援が再開された", "004", YAHOO_POLAND, ANY),
    ("EU の 27 カ国だけではなく、英国とノルウェーも出資者として参加する見込み", "004", YAHOO_EU, ANY),
]


@pytest.mark.parametrize(("query", "doc", "url", "speaker"), FOUND, ids=[q[:24] for q, *_ in FOUND])
async def test_found(store, query, doc, url, speaker):
    top = check(await find_quote(store, query), doc, url, speaker)
    assert 80 <= top.score <= 100


ABSENT = [
    "プーチン大統領は30日間の停戦に全面的に同意すると明言した",
    "岸田首相はウクライナへの武器輸出を全面解禁すると表明した",
    "ゼレンスキー大統領はロシアとの停戦交渉を完全に拒否すると述べた",
    "日本はウクライナに100億ドルを追加で提供すると発表した",
    "プーチン大統領はクルスク州から撤退すると発表した",
    "マクロン大統領は欧州軍の創設を宣言した",
    "ラブロフ外相は平和維持部隊の駐留を歓迎した",
    "ルビオ国務長官は停戦案を撤回すると述べた",
    "欧州は米国抜きでロシアに勝てる",
    "中国は停戦監視団に人民解放軍を派遣する",
    "ロシアは全てを手に入れる",
    "ゼレンスキー大統領は米国の核兵器の配備を求めた",
    "We will never surrender to Russia",
    "@everyone",
    "@everyone ロシアは何も得られない、今すぐ見て",
    "はい",
]


@pytest.mark.parametrize("query", ABSENT)
async def test_absent_quotes_find_nothing(store, query):
    assert await find_quote(store, query) == []


async def test_absent_quote_sharing_only_names_finds_nothing(store):
    assert await find_quote(store, "トランプ大統領はゼレンスキー大統領を英雄と呼んだ") == []


# --- speaker rules once got these wrong (kept as regressions) --------------------------------------------------------

SPEAKER_REGRESSIONS = [
    pytest.param(
        "ウクライナにとって前進になる",
        "001",
        "ゼレンスキー",
        id="mo-subject",
    ),
    pytest.param(
        "根本原因",
        "004",
        "ロシア",
        id="trailing-clause",
    ),
    pytest.param(
        "この支援中断により、多数のウクライナ兵が命を落とした",
        "004",
        "スタッフ",
        id="np-modifier",
    ),
    pytest.param(
        "極めて具体的なディテール",
        "004",
        "イェルマーク",
        id="niyoruto",
    ),
    pytest.param(
        "トランプ大統領、米議会、米国民に感謝する",
        "001",
        "ゼレンスキー",
        id="colon-next-line",
    ),
    pytest.param(
        "人権尊重や法による支配は、トランプ氏にとって何の意味も持たない",
        "004",
        "ヴィンクラー",
        id="doushi",
    ),
]


@pytest.mark.parametrize(("query", "doc", "speaker"), SPEAKER_REGRESSIONS)
async def test_speaker_regressions(store, query, doc, speaker):
    check(await find_quote(store, query), doc, speaker=speaker)


async def test_katakana_variant_in_the_query_finds_the_other_spelling(store):
    check(await find_quote(store, "イエルマク氏の協議で前向きな進展があった"), "000")  # 000 writes イェルマーク
    check(await find_quote(store, "イェルマーク長官によると、今回の会談は"), "004")  # 004 writes イエルマク
    check(await find_quote(store, "ビンクラー教授はドイツの有力紙"), "004", YAHOO_EU)


@pytest.mark.parametrize("query", ["イエルマク", "イェルマーク長官", "トランプ大統領", "Trump", "President Trump"])
async def test_a_name_alone_is_not_a_quote(store, query):
    with pytest.raises(QueryError, match="only a name"):
        await find_quote(store, query)


@pytest.mark.parametrize("query", ["!!??", "「」", "。、", "ー"])
async def test_punctuation_alone_is_too_short(store, query):
    with pytest.raises(QueryError, match="no words"):
        await find_quote(store, query)


@pytest.mark.parametrize("query", ["the", "The and of", "is it", "ですね"])
async def test_stop_words_alone_are_not_found(store, query):
    assert await find_quote(store, query) == []


# --- speaker rules on a fresh article ---------------------------------------------------------------------------

SPEAKERS_ARTICLE = """---
url: https://www.example.com/news/speakers-test
title: 発言テスト記事
outlet: テスト新聞
published: 2025-03-20
---
ペスコフ大統領報道官は20日、記者団に対し「交渉の扉はまだ開いている」と語った。
メローニ首相：「欧州は結束を保たなければならない」
「制裁の解除は時期尚早だ」と、カラス上級代表は強調した。
ザハロワ報道官は、西側の主張には根拠がないと述べた。
スターマー首相は21日の会見で「英国は地上部隊の派遣も排除しない」と述べた。
会場には「平和を今すぐ」と書かれた横断幕が掲げられた。
黒海では穀物を積んだ貨物船が予定どおりオデーサ港を出航した。
"""


@pytest.fixture
async def speakers_store(store):
    result = await ingest_text(store, SPEAKERS_ARTICLE, name="speakers.md")
    assert result.status == "added", result.reason
    return store


@pytest.mark.parametrize(
    ("query", "speaker"),
    [
        ("交渉の扉はまだ開いている", "ペスコフ"),  # Xは…「…」と語った
        ("欧州は結束を保たなければならない", "メローニ"),  # X：「…」
        ("制裁の解除は時期尚早だ", "カラス"),  # 「…」と、Xは
        ("西側の主張には根拠がない", "ザハロワ"),  # reported speech: Xは、…と述べた
        ("英国は地上部隊の派遣も排除しない", "スターマー"),  # 「…」と述べた
        ("穀物を積んだ貨物船が予定どおりオデーサ港を出航した", NONE),  # no one said it
        pytest.param(
            "平和を今すぐ",
            NONE,
        ),
    ],
)
async def test_speaker_rules(speakers_store, query, speaker):
    top = check(await find_quote(speakers_store, query), "speakers.md", "example.com/news/speakers-test", speaker)
    assert top.sources[0].outlet == "テスト新聞"
    assert top.date == "2025-03-20"


# --- the shape of an answer -------------------------------------------------------------------------------------


async def test_match_fields(store):
    matches = await find_quote(store, "ロシアは何も得られない")
    top = matches[0]
    assert top.score == 100.0
    assert top.matched == "ロシアは何も得られない"
    assert top.text[top.span[0] : top.span[1]] == top.matched
    assert top.date == "2025-03-13"
    src = top.sources[0]
    assert src.document.startswith("004_") and src.document.endswith(".txt")
    assert src.url == f"https://news.yahoo.co.jp/articles/{YAHOO_USHAKOV}/images/000"
    assert src.outlet == "Yahoo!ニュース"
    assert src.title == "3月14のウクライナ情報"
    assert top.passage_id > 0


async def test_matched_span_covers_the_source_spelling(store):
    top = (await find_quote(store, "入口まで塹壕を500メートル掘って"))[0]
    assert top.matched == "入口まで塹壕を 500 メートル掘って"
    top = (await find_quote(store, "ＮＡＴＯ加盟国軍のウクライナ駐留"))[0]
    assert top.matched == "NATO 加盟国軍のウクライナ駐留"


async def test_results_are_ranked_and_limited(store):
    for limit in (1, 3, 5):
        matches = await find_quote(store, "ウクライナ", limit=limit)
        assert 1 <= len(matches) <= limit
        scores = [m.score for m in matches]
        assert scores == sorted(scores, reverse=True)
        assert len({m.passage_id for m in matches}) == len(matches)


async def test_a_passage_stored_in_two_documents_is_one_match_with_two_sources(store):
    sentence = (
        "ポーランドのラドスワフ・シコルスキ外相は12日、自国南東部の「ヤシオンカ経由の兵器輸送は以前のレベルに戻った」"
        "と発表。ポーランド東部を経由してウクライナに向かうアメリカの武器支援が再開されたと確認した。"
    )
    article = f"---\nurl: https://www.example.com/poland\noutlet: 転載ブログ\n---\n{sentence}\n"
    assert (await ingest_text(store, article, name="repost.md")).status == "added"
    matches = await find_quote(store, "ヤシオンカ経由の兵器輸送は以前のレベルに戻った")
    assert len(matches) == 1
    sources = [(s.document[:6], s.url, s.outlet) for s in matches[0].sources]
    assert sources == [
        ("004_e7", f"https://news.yahoo.co.jp/articles/{YAHOO_POLAND}/images/000", "Newsweek"),
        ("repost", "https://www.example.com/poland", "転載ブログ"),
    ]
    assert matches[0].speaker == "ラドスワフ・シコルスキ"  # the person as the report writes them in full


async def test_a_passage_stored_in_several_documents_is_scored_once(store, monkeypatch):
    sentence = "ザンベジ川の水門は来週まで閉じたままだと、現地の技師は話した。"
    for i in range(3):
        article = f"---\nurl: https://www.example.com/copy{i}\ntitle: 転載{i}\n---\n{sentence}\n\n記事番号{i}。\n"
        assert (await ingest_text(store, article, name=f"copy{i}.md")).status == "added"
    scored: list[str] = []
    score = quotes._score
    monkeypatch.setattr(quotes, "_score", lambda q, clauses, p: scored.append(p) or score(q, clauses, p))
    matches = await find_quote(store, "ザンベジ川の水門は来週まで閉じたまま")
    assert len(matches) == 1 and len(matches[0].sources) == 3
    assert scored and len(scored) == len(set(scored))


# --- bad and hostile input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "\n\t\u3000",
        '"',
        "*",
        "()",
        "?!。、",
        "🔥🔥🇺🇦",
        "\x00\x01",
        "の",
        "x" * (MAX_QUERY_CHARS + 1),
        "あ" * 6000,
    ],
)
async def test_bad_queries_are_a_query_error(store, query):
    with pytest.raises(QueryError) as e:
        await find_quote(store, query)
    message = str(e.value)
    assert message and "\n" not in message


async def test_the_longest_allowed_quote_is_accepted(store):
    sentence = "ロシアは何も得られない。"
    query = (sentence * (MAX_QUERY_CHARS // len(sentence) + 1))[:MAX_QUERY_CHARS]
    await find_quote(store, query)  # no QueryError; the answer itself does not matter


HOSTILE = [
    '"',
    '""ロシア',
    "AND",
    "OR",
    "NOT",
    "ロシア AND ウクライナ",
    "ロシア OR",
    "NEAR(",
    "NEAR(ロシア 得られない, 2)",
    "ロシア*",
    "*ロシア",
    "^ロシアは何も得られない",
    "-ロシア",
    "ロシア -ウクライナ",
    "(ロシアは何も得られない)",
    '"ロシアは何も得られない"',
    'ロシア" OR "ウクライナ',
    "tokens:ロシア",
    "{tokens}: ロシア",
    "ロシア\x00は何も",
    "ロシアは何も得られない🔥🔥",
    "ロシア\x1b[31mは何も",
    "ロシアは何も得られない\u200b\u202e",
    "'; DROP TABLE passages; --",
    "ロシア" * 300,
]


@pytest.mark.parametrize("query", HOSTILE)
async def test_hostile_queries_never_crash(store, query):
    """Through the real analyzer, which drops FTS5 punctuation and folds operators: these test validation and
    tokenizing; FTS5 syntax that reaches MATCH is tested below (test_fts_syntax_in_indexed_words_is_matched_as_data)."""
    try:
        matches = await find_quote(store, query)
    except QueryError:
        return
    for m in matches:
        assert 0 < m.score <= 100
    assert await store.count_documents() == 5


@pytest.mark.parametrize(
    "query",
    [
        "ロシアは何も得られない🔥🔥",
        "ロシア\x00は何も得られない",
        "(ロシアは何も得られない)",
        '"ロシアは何も得られない"',
        "^ロシアは何も得られない",
        "ロシアは何も得られない\u200b",
    ],
)
async def test_noise_around_a_real_quote_is_ignored(store, query):
    check(await find_quote(store, query), "004", YAHOO_USHAKOV, "ウシャコフ")


OPERATORS_ARTICLE = """---
url: https://www.example.com/operators
title: Operators as words
---
The envoy said the plan was rock AND roll OR nothing NEAR the border (really) at all.
Critics answered NOT now, citing the ^ and * symbols in the draft text.
"""


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("rock AND roll OR nothing", "rock AND roll"),
        ("NOT now", "NOT now"),
        ("NEAR the border (really)", "NEAR the border"),
        ('"rock AND roll"', "rock AND roll"),
    ],
)
async def test_fts_operators_in_a_quote_are_just_words(store, query, needle):
    assert (await ingest_text(store, OPERATORS_ARTICLE, name="operators.md")).status == "added"
    matches = await find_quote(store, query)
    assert matches and needle in matches[0].text
    assert matches[0].sources[0].document == "operators.md"


# --- FTS5 syntax that does reach the index -----------------------------------------------------------------------
# SudachiPy drops punctuation and folds AND/NEAR to katakana, so none of the queries above puts FTS5 syntax into a
# MATCH: the quoting in bot.store.search is never exercised by them. Here a tokenizer that keeps every
# whitespace-separated word as written (as another tokenizer, or a future one, could) indexes an article and
# tokenizes the queries: the words `"rock`, `AND`, `NEAR(the`, `a*b` are stored terms, so they reach FTS5 through
# the public write and query paths, and only the quoting keeps them data.

RAW_ARTICLE = """---
url: https://www.example.com/raw
title: Raw tokens
---
The envoy said "rock AND roll" OR NOT NEAR(the border) with a*b -x ^y {tokens}: col:val (really) at all.
"""


@pytest.fixture
async def raw_tokens_store(store, monkeypatch):
    from bot.extract import document
    from bot.text import Analysis

    def raw(text: str) -> Analysis:
        words = text.split()
        return Analysis(words, [True] * len(words), [])

    monkeypatch.setattr(document, "analyze_remembered", raw)
    monkeypatch.setattr(quotes, "query_tokens", lambda text: [(w, True) for w in text.split()])
    assert (await ingest_text(store, RAW_ARTICLE, name="raw.md")).status == "added"
    stored = await store.fetchone("SELECT doc FROM term_df WHERE term = ?", ('"rock',))
    assert stored is not None and stored["doc"] == 1  # the raw word is a term some passage holds: queries keep it
    return store


@pytest.mark.parametrize(
    "query",
    [
        '"rock AND roll" OR NOT',  # quotes and operators
        'said "rock AND',  # an unbalanced quote
        "OR NOT NEAR(the border)",
        "NEAR(the border) with a*b",  # NEAR( and a prefix star
        "a*b -x ^y {tokens}:",  # star, minus, caret, a column filter
        "{tokens}: col:val (really)",  # column filters and parentheses
    ],
)
async def test_fts_syntax_in_indexed_words_is_matched_as_data(raw_tokens_store, query):
    matches = await find_quote(raw_tokens_store, query)
    assert matches, "the passage holds these words as written"
    assert matches[0].sources[0].document == "raw.md" and matches[0].score == 100.0

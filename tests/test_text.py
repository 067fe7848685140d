"""bot.text: one normalization at index and query time, display cleaning, sentences, tokens."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from bot.ingest.parse import parse_document
from bot.text import (
    clean_display,
    fold,
    index_tokens,
    normalize,
    normalize_with_map,
    query_tokens,
    split_sentences,
    to_source_span,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ROOT = Path(__file__).resolve().parents[1]


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# --- normalize: width, case, whitespace, noise, katakana variants -----------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ＮＡＴＯ加盟国軍", "NATO加盟国軍"),
        ("３０日間の停戦", "30日間の停戦"),
        ("ＥＵ外交代表", "eu外交代表"),
        ("ﾛｼｱは何も得られない", "ロシアは何も得られない"),  # half-width katakana
        ("ｶﾞｽﾏｽｸ", "ガスマスク"),  # half-width dakuten composes
        ("１５００億ユーロ（２４兆円）", "1500 億ユーロ(24 兆円)"),
        ("５０％でも合致しないだろう", "50%でも合致しないだろう"),
    ],
)
def test_width_and_case_fold_to_one_form(a, b):
    assert normalize(a) == normalize(b)


def test_nfkc_examples_from_the_issue():
    assert normalize("ＮＡＴＯ") == "nato"
    assert normalize("３０") == "30"


@pytest.mark.parametrize(
    "broken",
    [
        "ウクライ\n\nナ軍",  # seed 004: a page break inside a word
        "ウクライ\r\n\r\nナ軍",
        "ウクライ ナ軍",
        "ウクライ\u3000ナ軍",
        "ウクライ\tナ軍",
        " ウクライナ軍 ",
    ],
)
def test_line_breaks_and_spaces_inside_a_sentence_vanish(broken):
    assert normalize(broken) == normalize("ウクライナ軍") == "ウクライナ軍"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ゼレンスキー", "ゼレンシキー"),
        ("イェルマーク", "イエルマク"),
        ("ヴィンクラー", "ビンクラー"),
        ("ヴォロディミル", "ボロディミル"),
        ("ウォロディミル・ゼレンスキー", "ウォロディミル ゼレンシキー"),
        ("ゼレンシキー大統領は", "ゼレンスキー 大統領 は"),
    ],
)
def test_katakana_spelling_variants_fold(a, b):
    assert normalize(a) == normalize(b)


def test_fold_is_idempotent_and_only_on_the_matching_form():
    once = normalize("ヴォロディミル・ゼレンシキー")
    assert fold(once) == once
    assert normalize(once) == once
    # what users see keeps the article's own spelling
    assert clean_display("ゼレンシキー大統領") == "ゼレンシキー大統領"


@pytest.mark.parametrize(
    ("noisy", "clean"),
    [
        ("ロシア🔥は何も得られない", "ロシアは何も得られない"),
        ("「あなたはギャンブルをしている」??", "あなたはギャンブルをしている"),
        ("支援?が不可欠", "支援が不可欠"),
        ("ロシア\x00は\x07何も", "ロシアは何も"),
        ("ロシア‼は", "ロシアは"),
        ("米国🇺🇸と", "米国と"),
    ],
)
def test_noise_characters_are_dropped(noisy, clean):
    assert normalize(noisy) == normalize(clean)


@pytest.mark.parametrize(
    ("noisy", "clean"),
    [
        ("ホワイトハウス?️で", "ホワイトハウスで"),  # seed 001
        ("強化?️", "強化"),
        ("独裁者✌️", "独裁者"),
    ],
)
def test_variation_selectors_are_noise(noisy, clean):
    assert normalize(noisy) == normalize(clean)


def test_normalize_keeps_letters_digits_only():
    assert normalize("「侵略者はロシアだ。」") == "侵略者はロシアだ"
    assert normalize("?!。、「」()（）・…") == ""
    assert normalize("") == ""


# --- normalize_with_map: the same string, plus where each character came from ----------------------------------


def test_normalize_with_map_agrees_with_normalize_on_every_seed_passage():
    checked = 0
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        norm, index_map = normalize_with_map(raw)
        assert norm == normalize(raw), path.name
        assert len(index_map) == len(norm)
        assert index_map == sorted(index_map)
        for p in parse_document(raw, name=path.name).passages:
            n, m = normalize_with_map(p.text)
            assert n == normalize(p.text), p.text
            assert all(0 <= i < len(p.text) for i in m)
            checked += 1
    assert checked > 250


@pytest.mark.parametrize(
    "text",
    ["ＮＡＴＯ 加盟国軍の\nウクライナ駐留", "ｶﾞｽﾏｽｸも使いながら", "ヴォロディミル・ゼレンシキー大統領", "㍿と½", "Ⅲ世"],
)
def test_normalize_with_map_tricky_characters(text):
    assert normalize_with_map(text)[0] == normalize(text)


@pytest.mark.parametrize("text", ["cafe\u0301 Zelenskyy", "Mu\u0308ller sagte"])
def test_normalize_with_map_composes_combining_marks(text):
    assert normalize_with_map(text)[0] == normalize(text)


def test_normalize_with_map_table_path_agrees_with_the_character_path():
    """The per-character table (normalize_with_map) and the character-by-character path (_normalize_with_map) give
    the same string and the same map, on every story line and on random text full of characters that fold with a
    neighbour (marks, ヴァ, シキ across a dropped ・, half-width kana with their voicing marks)."""
    import random

    from bot.text import _normalize_with_map

    lines = [
        line
        for path in sorted((ROOT / "eval" / "stories").glob("*/*.txt"))[:120]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    alphabet = "アイウシキツヴァィェォーヶｼｷｳﾞｶﾞ・「」、。 ＡBｃée\u0301漢字かなabc１２３\u3000\n\u200d\ufe0f😀Ⅲ㍿"
    rnd = random.Random(7)
    lines += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24))) for _ in range(3000)]
    assert len(lines) > 3500
    for line in lines:
        assert normalize_with_map(line) == _normalize_with_map(line), line
    # the pair folds across the dropped mark, both output characters mapped to its first
    assert normalize_with_map("シ・キ") == ("スキ", [0, 0])
    assert normalize_with_map("ヴァイオリン") == _normalize_with_map("ヴァイオリン") == ("バイオリン", [0, 2, 3, 4, 5])


def test_span_maps_back_across_width_and_line_breaks():
    source = "だが、ＮＡＴＯ 加盟国軍の\nウクライナ駐留は受け入れられない。"
    norm, index_map = normalize_with_map(source)
    needle = normalize("NATO加盟国軍のウクライナ駐留")
    start = norm.index(needle)
    s, e = to_source_span(index_map, start, start + len(needle), len(source))
    assert source[s:e] == "ＮＡＴＯ 加盟国軍の\nウクライナ駐留"


def test_span_maps_back_over_folded_variants():
    source = "ウクライナのゼレンシキー大統領は、"
    norm, index_map = normalize_with_map(source)
    needle = normalize("ゼレンスキー大統領")
    start = norm.index(needle)
    s, e = to_source_span(index_map, start, start + len(needle), len(source))
    assert source[s:e] == "ゼレンシキー大統領"


def test_to_source_span_edge_cases():
    assert to_source_span([], 0, 3, 10) == (0, 0)
    assert to_source_span([0, 1, 2], 5, 9, 3) == (0, 0)
    assert to_source_span([0, 2, 4], 1, 1, 5) == (2, 3)  # an empty span still covers one character


# --- clean_display: what users see -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("ワシントンのホワイトハウス?️で、", "ワシントンのホワイトハウスで、"),  # seed 001
        ("? 会談の背景と目的", "会談の背景と目的"),
        ("と非難??。", "と非難。"),
        ("✅ トランプ大統領は、", "トランプ大統領は、"),
        ("⏩ 激しい口論の発端", "激しい口論の発端"),
        ("結論:分断\x07と連帯\x00", "結論:分断と連帯"),
        ("A  \u3000 B", "A B"),
        ("交渉決裂?和平交渉はどうなる?", "交渉決裂?和平交渉はどうなる?"),  # a real question mark stays
    ],
)
def test_clean_display(raw, shown):
    assert clean_display(raw) == shown


def test_clean_display_keeps_text_users_typed():
    text = "ゼレンシキー大統領：「国を売ることはできない」(2025年3月4日)"
    assert clean_display(text) == text


# --- split_sentences --------------------------------------------------------------------------------------------


def _sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_split_sentences_keeps_quotes_whole():
    text = (
        "ルビオ国務長官は述べた。「もし彼らの返答がイエスであれば、前進だ。もしノーであれば、残念だ」と語った。次の文"
    )
    assert _sentences(text) == [
        "ルビオ国務長官は述べた。",
        "「もし彼らの返答がイエスであれば、前進だ。もしノーであれば、残念だ」と語った。",
        "次の文",
    ]


def test_split_sentences_closers_and_line_breaks():
    assert _sentences("「本当か？」と聞いた。\n改行の後") == ["「本当か？」と聞いた。", "改行の後"]
    assert _sentences("（本当だ。）次の文") == ["（本当だ。）", "次の文"]
    assert [t.strip() for t in _sentences("一行目\n二行目！三行目?")] == ["一行目", "二行目！", "三行目?"]
    assert split_sentences("") == []
    assert split_sentences("  \n \n") == []


def test_split_sentences_spans_are_ordered_and_inside_the_text():
    text = seed_text("004")
    spans = split_sentences(text)
    assert spans
    prev_end = 0
    for s, e in spans:
        assert prev_end <= s < e <= len(text)
        prev_end = e


# --- tokens: the same at index and query time ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ＮＡＴＯ加盟国軍のウクライナ駐留は受け入れられない", "NATO加盟国軍のウクライナ駐留は受け入れられない"),
        ("入口まで塹壕を500メートル掘って", "入口まで塹壕を 500 メートル掘って"),
        ("ゼレンシキー大統領", "ゼレンスキー大統領"),
        ("ヴィンクラー教授", "ビンクラー教授"),
    ],
)
def test_index_and_query_tokens_agree_across_variants(a, b):
    assert index_tokens(a) == index_tokens(b)
    assert [t for t, _ in query_tokens(a)] == index_tokens(b).split()


def test_yermak_spellings_get_the_same_tokens():
    assert index_tokens("イェルマーク長官") == index_tokens("イエルマク長官")


def test_query_tokens_mark_content_words():
    tokens = query_tokens("ロシアは何も得られない")
    words = dict(tokens)
    assert words["ロシア"] is True
    assert words["は"] is False
    assert any(content for _, content in tokens)
    assert all(t == normalize(t) for t, _ in tokens)


@pytest.mark.parametrize(
    "hostile",
    ['"', "AND", "OR NOT", "NEAR(ロシア", "*", "^", "-", "()", "🔥🇺🇦", "\x00\x01\x1f", "@everyone", "{tokens}:x", ""],
)
def test_tokenizer_survives_hostile_text(hostile):
    tokens = query_tokens(hostile)
    assert all(t and t == normalize(t) for t, _ in tokens)
    assert index_tokens(hostile) == " ".join(t for t, _ in tokens)


def test_tokenizer_handles_text_longer_than_sudachis_input_limit():
    text = "ロシアは何も得られない。" * 6000  # ~216k bytes of UTF-8, far above Sudachi's ~49k cap
    tokens = index_tokens(text).split()
    assert tokens.count("ロシア") == 6000


def test_tokens_are_already_normalized():
    for token in index_tokens("ＮＡＴＯ 加盟国軍の ウクライナ駐留").split():
        assert token == normalize(token)
        assert unicodedata.is_normalized("NFKC", token)

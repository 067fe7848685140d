"""The fast paths in bot.text and mask_quotes give exactly what their plain per-character definitions give.

Each reference below is the straightforward definition the fast code replaced; the tests compare the two
on tricky strings, on seeded random strings and on the seed articles.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from bot.extract.speakers import mask_quotes
from bot.ingest.parse import parse_document
from bot.text import _CHUNK, analyze, index_tokens, normalize, nouns, query_tokens, split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# --- references ------------------------------------------------------------------------------------------------

_PAIRS = {"ヴァ": "バ", "ヴィ": "ビ", "ヴェ": "ベ", "ヴォ": "ボ", "シキ": "スキ", "ツィ": "チ"}
_CHARS = str.maketrans({"ヴ": "ブ", "ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ー": None, "ヶ": "ケ"})
_NOISE = {"\ufe0e", "\ufe0f", "\u200d", "\u20e3"}


def reference_normalize(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).lower()
    s = "".join(ch for ch in s if unicodedata.category(ch)[0] in "LNM" and ch not in _NOISE)
    return re.sub("|".join(_PAIRS), lambda m: _PAIRS[m.group(0)], s).translate(_CHARS)


def reference_split_sentences(text: str) -> list[tuple[int, int]]:
    spans, start, depth, n, i = [], 0, 0, len(text), 0
    while i < n:
        ch = text[i]
        if ch in "「『":
            depth += 1
        elif ch in "」』" and depth:
            depth -= 1
        if ch == "\n" or (ch in "。！？!?" and depth == 0):
            j = i + 1
            while j < n and text[j] in "」』)）】":
                j += 1
            if text[start:j].strip():
                spans.append((start, j))
            start = i = j
            continue
        i += 1
    if text[start:].strip():
        spans.append((start, n))
    return spans


def reference_mask_quotes(text: str) -> str:
    out, depth = [], 0
    for ch in text:
        if ch in "「『":
            depth += 1
            out.append(ch)
        elif ch in "」』" and depth:
            depth -= 1
            out.append(ch)
        else:
            out.append("＿" if depth else ch)
    return "".join(out)


# --- inputs ------------------------------------------------------------------------------------------------------

TRICKY = [
    "",
    "ＮＡＴＯ加盟国軍の３０日間の停戦",
    "ｶﾞｽﾏｽｸ ﾛｼｱ",  # half-width katakana, dakuten composes
    "cafe\u0301 Mu\u0308ller",  # combining marks compose
    "a\n\u0301b",  # a combining mark right after a line break
    "カ\n\u3099キ",  # a voiced sound mark after a line break
    "👍🏽✅\ufe0f 1\u20e3 🇺🇸 ‼ ☆",  # emoji, modifiers, variation selectors, keycap, flag
    "ヴァイオリン ヴィンクラー ヴェ ヴォ ゼレンシキー ツィ ヶ月",  # pair and character folds
    "ヴ\nァ シ キ ツ\u3000ィ",  # pairs that meet only once the spaces are gone
    "ﬁ ㍻ Ⅻ ½ ㍿",  # compatibility characters
    "ΟΔΟΣ\nΣΑΣ",  # final sigma next to a line break
    "行1\r\n行2\r\n\r\n行3\n",
    "「「入れ子」の引用」と述べた。」』)）】次？！",
    "「閉じない引用。\n次の行」は。",
    "」先に閉じる。「開く",
]


def random_strings(count: int, seed: int = 7) -> list[str]:
    alphabet = "「『」』\n。！？!?)）】 、あア漢ａA1ヴァシキツィーヶ\u0301\u3099ｶﾞ\ufe0f🇺\r\t\u3000Σ"
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16))) for _ in range(count)]


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


# --- normalize -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", TRICKY)
def test_normalize_equals_its_definition_on_tricky_text(text: str) -> None:
    assert normalize(text) == reference_normalize(text)


def test_normalize_equals_its_definition_on_random_text() -> None:
    for text in random_strings(3000):
        assert normalize(text) == reference_normalize(text), repr(text)


def test_normalize_equals_its_definition_on_whole_articles() -> None:
    for raw in seed_texts():  # many lines: normalized line by line
        assert normalize(raw) == reference_normalize(raw)


# --- sentences and quotes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", TRICKY)
def test_split_sentences_and_mask_quotes_equal_their_definitions(text: str) -> None:
    assert split_sentences(text) == reference_split_sentences(text)
    assert mask_quotes(text) == reference_mask_quotes(text)


def test_split_sentences_and_mask_quotes_on_random_and_seed_text() -> None:
    passages = [p.text for raw in seed_texts() for p in parse_document(raw, name="seed").passages]
    for text in random_strings(3000) + passages:
        assert split_sentences(text) == reference_split_sentences(text), repr(text)
        assert mask_quotes(text) == reference_mask_quotes(text), repr(text)


# --- one tokenization for the index, queries and nouns ---------------------------------------------------------


def test_analyze_agrees_with_index_query_and_nouns() -> None:
    raw = seed_texts()[0]
    for p in parse_document(raw, name="seed").passages:
        a = analyze(p.text)
        assert " ".join(a.forms) == index_tokens(p.text)
        assert list(zip(a.forms, a.content, strict=True)) == query_tokens(p.text)
        assert a.nouns == nouns(p.text)


def test_analyze_tokenizes_all_of_a_long_text_but_takes_nouns_from_its_first_chunk_as_nouns_does() -> None:
    sentence = "ロシアのプーチン大統領はウクライナとの停戦交渉について語った。"
    text = sentence * (_CHUNK // len(sentence) + 5)
    a = analyze(text)
    assert a.nouns == nouns(text)
    assert len(a.forms) > len(analyze(text[: _CHUNK - 100]).forms)

"""Text normalization, sentence splitting and the Japanese tokenizer wrapper.

The same functions run at index time and at query time, so a quote typed in full width,
with other spacing, or with another katakana spelling meets the stored text halfway.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Katakana spelling variants of foreign names (ゼレンシキー/ゼレンスキー, イェルマーク/イエルマク,
# ヴィンクラー/ビンクラー). Folding happens only in the matching form, never in what users see.
_PAIR_FOLDS: dict[str, str] = {
    "ヴァ": "バ",
    "ヴィ": "ビ",
    "ヴェ": "ベ",
    "ヴォ": "ボ",
    "シキ": "スキ",
    "ツィ": "チ",
}
_CHAR_FOLDS = str.maketrans(
    {"ヴ": "ブ", "ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ー": None, "ヶ": "ケ"}
)
_PAIR_RE = re.compile("|".join(map(re.escape, _PAIR_FOLDS)))

# Characters dropped from the matching form: everything but letters, digits and marks.
_KEEP_CATEGORIES = ("L", "N", "M")

_EMOJI_RE = re.compile(
    "["
    "\U0001f000-\U0001faff"  # pictographs, emoticons, flags …
    "\u2600-\u27bf"  # dingbats and misc symbols (✅ ⚡ ❌ ✊ ✨)
    "\u2b00-\u2bff"
    "\u23e9-\u23ff"  # ⏩ …
    "\ufe0f\ufe0e\u200d"  # variation selectors, zero-width joiner
    "]"
)
# A "?" that stands where an emoji was lost in conversion: before a variation selector,
# in a run, or at the start of a line.
_LOST_EMOJI_RE = re.compile(r"[?？](?=[\ufe0f\ufe0e])|[?？]{2,}|^[?？]+\s*", re.MULTILINE)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_display(text: str) -> str:
    """Remove conversion noise (lost emoji, control characters) from text shown to users."""
    text = _CONTROL_RE.sub("", text)
    text = _LOST_EMOJI_RE.sub("", text)
    text = _EMOJI_RE.sub("", text)
    return re.sub(r"[ \t\u3000]{2,}", " ", text).strip()


_NOISE_MARKS = {"\ufe0e", "\ufe0f", "\u200d", "\u20e3"}  # variation selectors, joiner, keycap: emoji debris


def _keep(ch: str) -> bool:
    return unicodedata.category(ch)[0] in _KEEP_CATEGORIES and ch not in _NOISE_MARKS


@lru_cache(maxsize=4096)
def _nfkc_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).lower()


def fold(s: str) -> str:
    """Fold katakana spelling variants in an already NFKC-normalized string."""
    return _PAIR_RE.sub(lambda m: _PAIR_FOLDS[m.group(0)], s).translate(_CHAR_FOLDS)


def normalize(text: str) -> str:
    """The matching form: NFKC, lower case, variants folded, only letters/digits/marks kept.

    Whitespace (and so line breaks inside a sentence) disappears, so 「ウクライ\\n\\nナ軍」 == 「ウクライナ軍」.
    """
    s = unicodedata.normalize("NFKC", text).lower()
    s = "".join(ch for ch in s if _keep(ch))
    return fold(s)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Like normalize(), also returning for each output character the index of its source character."""
    chars: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        for c in _nfkc_char(ch):
            if not _keep(c):
                continue
            if chars and unicodedata.combining(c):  # e + ◌́, ｶ + ﾞ: compose as normalize() does
                prev, j = chars[-1]
                composed = unicodedata.normalize("NFC", prev + c)
                if len(composed) == 1:
                    chars[-1] = (composed, j)
                    continue
            chars.append((c, i))
    out: list[tuple[str, int]] = []
    k = 0
    while k < len(chars):
        pair = chars[k][0] + chars[k + 1][0] if k + 1 < len(chars) else ""
        if pair in _PAIR_FOLDS:
            out.extend((c, chars[k][1]) for c in _PAIR_FOLDS[pair])
            k += 2
            continue
        folded = chars[k][0].translate(_CHAR_FOLDS)
        out.extend((c, chars[k][1]) for c in folded)
        k += 1
    return "".join(c for c, _ in out), [i for _, i in out]


def to_source_span(index_map: list[int], start: int, end: int, text_len: int) -> tuple[int, int]:
    """Map a [start, end) span of a normalized string back to the source text."""
    if not index_map or start >= len(index_map):
        return (0, 0)
    end = max(start + 1, min(end, len(index_map)))
    return index_map[start], min(index_map[end - 1] + 1, text_len)


_SENTENCE_END = "。！？!?"
_CLOSERS = "」』)）】"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a passage. A sentence ends at 。！？ (outside quotes) or a line break."""
    spans: list[tuple[int, int]] = []
    start, depth, n = 0, 0, len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in "「『":
            depth += 1
        elif ch in "」』" and depth:
            depth -= 1
        end_here = ch == "\n" or (ch in _SENTENCE_END and depth == 0)
        if end_here:
            j = i + 1
            while j < n and text[j] in _CLOSERS:
                j += 1
            if text[start:j].strip():
                spans.append((start, j))
            start = j
            i = j
            continue
        i += 1
    if text[start:].strip():
        spans.append((start, n))
    return spans


# --- tokenizer --------------------------------------------------------------------------------

_SKIP_POS = {"補助記号", "空白"}
_FUNCTION_POS = {"助詞", "助動詞"}
_local = threading.local()


_dictionary = None
_dictionary_lock = threading.Lock()


def _tokenizer():
    """One tokenizer per thread (they are not thread-safe) over one shared dictionary (~85 MB)."""
    global _dictionary
    tok = getattr(_local, "tok", None)
    if tok is None:
        from sudachipy import Dictionary, SplitMode

        with _dictionary_lock:
            if _dictionary is None:
                _dictionary = Dictionary(dict="core")
        tok = _dictionary.create(SplitMode.A)  # .tokenizer() needs sudachipy ≥ 0.6.9
        _local.tok = tok
    return tok


def _sudachi_text(text: str) -> str:
    # Sudachi caps one input at ~49k bytes; the matching form is letters only, so split freely.
    return unicodedata.normalize("NFKC", text)


def _morphemes(text: str) -> Iterator[tuple[str, bool]]:
    """(folded normalized form, is_content_word) for each token of text."""
    tok = _tokenizer()
    s = _sudachi_text(text)
    for chunk_start in range(0, len(s), 8000):
        for m in tok.tokenize(s[chunk_start : chunk_start + 8000]):
            pos = m.part_of_speech()[0]
            if pos in _SKIP_POS:
                continue
            form = _form(m)
            if not form:
                continue
            yield form, pos not in _FUNCTION_POS


_KATAKANA_RE = re.compile(r"^[\u30a0-\u30ffー・]+$")


def _form(m) -> str:
    """The indexed form of a token: the dictionary's normalized form, except for katakana words, whose
    spelling variants fold() already handles (Sudachi maps イェルマーク to エルマーク but leaves イエルマク)."""
    surface = m.surface()
    if _KATAKANA_RE.match(surface):
        return normalize(surface)
    return normalize(m.normalized_form())


def index_tokens(text: str) -> str:
    """The space-joined token string stored in the full-text index."""
    return " ".join(form for form, _ in _morphemes(text))


def query_tokens(text: str) -> list[tuple[str, bool]]:
    """Tokens of a query, with whether each is a content word (not a particle/auxiliary)."""
    return list(_morphemes(text))


def word_ends(text: str) -> list[int]:
    """Offsets in text where a word ends (for cutting text without splitting a word)."""
    return [m.end() for m in _tokenizer().tokenize(text[:8000])]


def nouns(text: str) -> list[str]:
    """Content nouns of text (normalized, folded): what two reports of one event share."""
    out = []
    for m in _tokenizer().tokenize(_sudachi_text(text)[:8000]):
        pos = m.part_of_speech()
        if pos[0] == "名詞" and pos[1] != "数詞" and pos[2] != "助数詞可能":
            form = _form(m)
            if len(form) > 1:
                out.append(form)
    return out

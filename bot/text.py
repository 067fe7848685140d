"""Text normalization, sentence splitting and the Japanese tokenizer wrapper.

The same functions run at index time and at query time, so a quote typed in full width,
with other spacing, or with another katakana spelling meets the stored text halfway.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress
from typing import Any

from bot import regex_cache

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
_CHAR_FOLDS: dict[str, str] = {
    "ヴ": "ブ",
    "ァ": "ア",
    "ィ": "イ",
    "ゥ": "ウ",
    "ェ": "エ",
    "ォ": "オ",
    "ー": "",
    "ヶ": "ケ",
}
_PAIR_RE = re.compile("|".join(map(re.escape, _PAIR_FOLDS)))
# The characters every fold begins with (ヴ ァ ィ ゥ ェ ォ ー ヶ シ ツ): a text holding none of them folds to itself,
# passed on one class search instead of the pair substitution and eight replaces (~1.5 us a call: `normalize` is
# called ~100 times an article, mostly on short texts, and most texts, every English one, hold none)
_FOLD_START_RE = re.compile("[" + "".join(sorted({k[0] for k in (*_PAIR_FOLDS, *_CHAR_FOLDS)})) + "]")

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
# Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they can make text
# read in another order than it is stored ("evil\u202egpj.exe"), so stored and echoed text drops them.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_BIDI_RE = re.compile(f"[{_BIDI}]")
_CONTROL_RE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f{_BIDI}]")


def strip_bidi(text: str) -> str:
    """text without bidirectional override, embedding and isolate characters."""
    return _BIDI_RE.sub("", text)


_SPACE_RUN_RE = re.compile(r"[ \t\u3000]{2,}")


def clean_display(text: str) -> str:
    """Remove conversion noise (lost emoji, control characters) from text shown to users."""
    text = _CONTROL_RE.sub("", text)
    text = _LOST_EMOJI_RE.sub("", text)
    text = _EMOJI_RE.sub("", text)
    return _SPACE_RUN_RE.sub(" ", text).strip()


_NOISE_MARKS = {"\ufe0e", "\ufe0f", "\u200d", "\u20e3"}  # variation selectors, joiner, keycap: emoji debris


class _KeepTable(dict[int, int | None]):
    """A str.translate table that keeps letters, digits and marks and drops everything else.

    Filled per code point on first sight; a race between threads only stores the same value twice.
    """

    def __missing__(self, code: int) -> int | None:
        ch = chr(code)
        kept = unicodedata.category(ch)[0] in _KEEP_CATEGORIES and ch not in _NOISE_MARKS
        self[code] = value = code if kept else None
        return value


_KEEP = _KeepTable()


def _keep(ch: str) -> bool:
    return _KEEP[ord(ch)] is not None


@lru_cache(maxsize=4096)
def _nfkc_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).lower()


def fold(s: str) -> str:
    """Fold katakana spelling variants in an already NFKC-normalized string."""
    if _FOLD_START_RE.search(s) is None:
        return s
    s = _PAIR_RE.sub(lambda m: _PAIR_FOLDS[m.group(0)], s)
    for variant, plain in _CHAR_FOLDS.items():  # on long text far faster than str.translate
        s = s.replace(variant, plain)
    return s


def _nfkc(text: str) -> str:
    """NFKC, line by line: most lines pass the normalizer's quick check and come back as they are, where one
    character anywhere in a long text would send all of it through the slow path. A line break neither
    composes nor reorders with its neighbours, so the result is the same."""
    if "\n" not in text:
        return unicodedata.normalize("NFKC", text)
    return "\n".join([unicodedata.normalize("NFKC", line) for line in text.split("\n")])


def normalize(text: str) -> str:
    """The matching form: NFKC, lower case, variants folded, only letters/digits/marks kept.

    Whitespace (and so line breaks inside a sentence) disappears, so 「ウクライ\\n\\nナ軍」 == 「ウクライナ軍」.
    """
    return fold(_nfkc(text).lower().translate(_KEEP))


@lru_cache(maxsize=1)
def _kanji_forms() -> dict[str, str]:
    data = json.loads(resources.files("bot.data").joinpath("kanji_forms.json").read_text(encoding="utf-8"))
    forms: dict[str, str] = data["forms"]
    return forms


def japanese_form(text: str) -> str:
    """The text with each Chinese or variant form of a character in its Japanese form (賴清德 → 頼清徳, 吴江浩 →
    呉江浩, 齋藤健 → 斎藤健, 髙橋 → 高橋; `bot/data/kanji_forms.json`, see `bot.extract.kanji_forms`); the text itself
    when it holds none."""
    forms = _kanji_forms()
    return "".join(forms.get(ch, ch) for ch in text)


@lru_cache(maxsize=1)
def _kanji_variants() -> dict[str, tuple[str, ...]]:
    """Each character of the table's either side → every character of the same Japanese form (斎: 斎 齋 斋)."""
    same: dict[str, list[str]] = {}
    for variant, plain in _kanji_forms().items():
        same.setdefault(plain, [plain]).append(variant)
    return {ch: tuple(group) for group in same.values() for ch in group}


def kanji_spellings(name: str, limit: int = 32) -> list[str]:
    """The other ways the table writes this whole name (斎藤健: 齋藤健, 斋藤健), at most `limit` of them (none when
    it would be more): what a stored name equal to it under `name_form` may be written as."""
    variants = _kanji_variants()
    out = [""]
    for ch in name:
        options = variants.get(ch, (ch,))
        if len(out) * len(options) > limit + 1:
            return []
        out = [head + o for head in out for o in options]
    return [w for w in out if w != name]


def name_form(name: str) -> str:
    """The matching form of a whole name written with any variant of its kanji: 齋藤健, 斎藤健 (the old and the
    common form of 斎) and 髙橋一郎, 高橋一郎 are one name each; Latin text is only normalized."""
    return normalize(name if name.isascii() else japanese_form(name))


def normalize_lowered(lowered: str) -> str:
    """normalize() of a text given its NFKC form lower-cased (`unicodedata.normalize("NFKC", text).lower()`, which
    a reader has at hand already): the same string, without normalizing the text again. _nfkc() line by line is
    NFKC of the whole (see there), so only the folding is left."""
    return fold(lowered.translate(_KEEP))


def lowered_and_normalized(text: str, lines: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """(`unicodedata.normalize("NFKC", text).lower()`, `normalize(text)`) from each line's, the lines' kept in
    `lines` (one document's texts: a claim's context repeats the item's passages, a long text is mostly lines read
    already). The same strings: a line break neither composes nor reorders in NFKC (see `_nfkc`), ends a final
    sigma's context for lower() as the text's end does, and is not kept; only the folding, whose katakana pairs
    may join across a dropped line break, is made over the whole."""
    lowered: list[str] = []
    kept: list[str] = []
    for line in text.split("\n"):
        found = lines.get(line)
        if found is None:
            low = unicodedata.normalize("NFKC", line).lower()
            found = lines[line] = (low, low.translate(_KEEP))
        lowered.append(found[0])
        kept.append(found[1])
    return "\n".join(lowered), fold("".join(kept))


# For each source character: what it becomes in the matching form (NFKC, lower case, only what is kept, each
# character folded alone), the first and last of what is kept before folding (a pair of _PAIR_FOLDS may span two
# source characters, or a dropped one between them: シ・キ), and whether it folds on its own terms (a combining
# mark composes with what precedes it; a pair inside one character's NFKC form).
_MAPPED_CHARS: dict[str, tuple[str, str, str, bool]] = {}


def _mapped_char(ch: str) -> tuple[str, str, str, bool]:
    kept = "".join(c for c in _nfkc_char(ch) if _keep(c))
    joins = any(unicodedata.combining(c) for c in kept) or any(kept[k : k + 2] in _PAIR_FOLDS for k in range(len(kept)))
    entry = ("".join(_CHAR_FOLDS.get(c, c) for c in kept), kept[:1], kept[-1:], joins)
    if len(_MAPPED_CHARS) < 65536:  # the characters of news text are a few thousand; a flood of rare ones is not kept
        _MAPPED_CHARS[ch] = entry
    return entry


class _MapTable(dict[int, str]):
    """A str.translate table of one part of each character's `_mapped_char` entry, filled on first sight: "out",
    what it becomes; "kept", what is kept of it before folding; "count", how many characters it becomes ("\x00"
    none, "\x01" one, "\x02" several, or it folds with its neighbours: a combining mark; "\x03" one that may open
    a pair of `_PAIR_FOLDS` with the next character kept: シ of シ・キ)."""

    def __init__(self, part: str) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        mapped, first, final, joins = _MAPPED_CHARS.get(ch) or _mapped_char(ch)
        if self.part == "out":
            value = mapped if first else ""
        elif self.part == "kept":
            value = "".join(c for c in _nfkc_char(ch) if _keep(c))
        else:
            value = "\x02" if joins or len(mapped) > 1 else ("\x01" if first and mapped else "\x00")
            if final in _PAIR_OPENERS:  # (an opener that becomes nothing, none does, is read a character at a time)
                value = "\x03" if value == "\x01" else "\x02"
        if len(self) < 65536:  # as `_MAPPED_CHARS`
            self[code] = value
        return value


_MAP_OUT, _MAP_KEPT, _MAP_COUNT = _MapTable("out"), _MapTable("kept"), _MapTable("count")
_PAIR_OPENERS = frozenset(pair[0] for pair in _PAIR_FOLDS)
_ONE_RUN_RE = re.compile("[\x01\x03]+")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Like normalize(), also returning for each output character the index of its source character.

    Each source character is mapped on its own (a table filled on first sight) unless the text folds across
    characters (a combining mark, a katakana pair such as ヴァ or シキ): those texts take `_normalize_with_map`,
    the character-by-character path. A first question reads hundreds of contexts through this, and the stored
    readings every clause of a document: where each character becomes at most one and no pair folds across
    characters (nearly every text), the form and the map come from the tables by `str.translate` and the
    characters that become one (`_map_by_char` is the same, a character at a time, for the rest)."""
    counts = _counts(text)
    if counts is None:
        return _map_by_char(text)
    return text.translate(_MAP_OUT), list(compress(range(len(text)), counts.encode("latin-1")))


def normalize_with_runs(text: str) -> tuple[str, list[int]]:
    """normalize_with_map(text)'s form and its map as runs of consecutive source offsets, flattened: start,
    length, start, length, … (as a document's stored readings keep it)."""
    counts = _counts(text)
    if counts is None:
        norm, index = _map_by_char(text)
        return norm, offset_runs(index)
    out: list[int] = []
    for m in _ONE_RUN_RE.finditer(counts):
        out += [m.start(), m.end() - m.start()]
    return text.translate(_MAP_OUT), out


def _counts(text: str) -> str | None:
    """The "count" of each character of text (`_MapTable`), or None when one becomes several, folds with its
    neighbours, or a pair of `_PAIR_FOLDS` is kept across characters (シ・キ): the text is mapped a character at
    a time then."""
    counts = text.translate(_MAP_COUNT)
    if "\x02" in counts or ("\x03" in counts and _PAIR_RE.search(text.translate(_MAP_KEPT))):
        return None
    return counts


def offset_runs(index: list[int]) -> list[int]:
    """A character map as runs of consecutive source offsets, flattened: start, length, start, length, …"""
    out: list[int] = []
    for i in index:
        if out and out[-2] + out[-1] == i:
            out[-1] += 1
        else:
            out += [i, 1]
    return out


def _map_by_char(text: str) -> tuple[str, list[int]]:
    """`normalize_with_map`, a character at a time (characters that become several)."""
    out: list[str] = []
    index: list[int] = []
    table = _MAPPED_CHARS
    last = ""
    for i, ch in enumerate(text):
        mapped, first, final, joins = table.get(ch) or _mapped_char(ch)
        if not first:
            continue
        if joins or (last + first) in _PAIR_FOLDS:
            return _normalize_with_map(text)
        last = final
        if mapped:
            out.append(mapped)
            if len(mapped) == 1:
                index.append(i)
            else:
                index.extend([i] * len(mapped))
    return "".join(out), index


def _normalize_with_map(text: str) -> tuple[str, list[int]]:
    """normalize_with_map, character by character: marks composed and pairs folded across characters."""
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
        folded = _CHAR_FOLDS.get(chars[k][0], chars[k][0])
        out.extend((c, chars[k][1]) for c in folded)
        k += 1
    return "".join(c for c, _ in out), [i for _, i in out]


def longest_first(words: Iterable[str]) -> list[str]:
    """The words longest first (an alternation tries 記者会見 before 会見), words of one length in a fixed order.

    Sorting by length alone leaves a set's words of one length in its iteration order, which differs in every
    process: an alternation built from them is then a new pattern text in each, compiled anew and never found in
    the patterns kept between processes (bot.regex_cache). Equal-length literals cannot both match at one place,
    so the fixed order changes no match."""
    return sorted(words, key=lambda w: (-len(w), w))


def to_source_span(index_map: list[int], start: int, end: int, text_len: int) -> tuple[int, int]:
    """Map a [start, end) span of a normalized string back to the source text."""
    if not index_map or start >= len(index_map):
        return (0, 0)
    end = max(start + 1, min(end, len(index_map)))
    return index_map[start], min(index_map[end - 1] + 1, text_len)


_SENTENCE_END = "。！？!?"
_CLOSERS = "」』)）】"
_SENTENCE_MARK_RE = re.compile("[「『」』\n" + _SENTENCE_END + "]")  # the characters split_sentences() acts on


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a passage. A sentence ends at 。！？ (outside quotes) or a line break.

    A list of its own for each caller, from spans remembered per text: one document's extraction splits each
    passage again in its events, statements, claims and speakers' windows (the tuned stories' 29,445 calls are
    14,899 distinct texts)."""
    return list(sentence_spans(text))


@lru_cache(maxsize=4096)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start, depth, n = 0, 0, len(text)
    i = 0
    while m := _SENTENCE_MARK_RE.search(text, i):
        i = m.start()
        ch = text[i]
        if ch in "「『":
            depth += 1
        elif ch in "」』":
            depth = max(depth - 1, 0)
        elif ch == "\n" or depth == 0:  # 。！？ end a sentence outside quotes only
            j = i + 1
            while j < n and text[j] in _CLOSERS:  # closers go with the sentence, uncounted
                j += 1
            if text[start:j].strip():
                spans.append((start, j))
            start = i = j
            continue
        i += 1
    if text[start:].strip():
        spans.append((start, n))
    return tuple(spans)


# --- regular expressions that fail fast -------------------------------------------------------

# A pattern that opens with lookbehinds, an optional group or an alternation of groups gets no first-character
# scan from Python's regex engine: at every position of the text it tries every alternative (the position
# cues' sixteen patterns, the English sentence end's twenty-three lookbehinds). guarded() puts a lookahead of
# the characters a match can start with in front, so the other positions cost one set test. A lookahead is
# zero-width and every match starts with one of those characters: the matches, groups and names are the same.
_Ranges = list[tuple[int, int]]


def first_chars(items: list[tuple[object, object]], flags: int) -> tuple[_Ranges, _Ranges, bool] | None:
    """(plain, case-insensitive) code point ranges a match of the parsed `items` can start with, and whether
    they can match the empty string; None when that is not known (., a negated class, \\w, a back-reference)."""
    from re import _constants as c  # the parser's opcodes (Python ≥ 3.11)

    plain: _Ranges = []
    folded: _Ranges = []
    for op, av in items:
        into = folded if flags & re.IGNORECASE else plain
        if op is c.LITERAL:
            into.append((av, av))  # type: ignore[arg-type]
            return plain, folded, False
        if op is c.IN:
            for member, value in av:  # type: ignore[attr-defined]
                if member is c.LITERAL:
                    into.append((value, value))
                elif member is c.RANGE:
                    into.append(value)
                else:
                    return None
            return plain, folded, False
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # zero-width: the next item consumes the first character
            continue
        if op is c.SUBPATTERN:
            _, add, remove, sub = av  # type: ignore[misc]
            alternatives, optional = [sub.data], False
            inner = (flags | add) & ~remove
        elif op is c.BRANCH:
            alternatives, optional, inner = [alt.data for alt in av[1]], False, flags  # type: ignore[index]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _, sub = av  # type: ignore[misc]
            alternatives, optional, inner = [sub.data], low == 0, flags
        else:
            return None
        nullable = optional
        for alt in alternatives:
            found = first_chars(alt, inner)
            if found is None:
                return None
            plain += found[0]
            folded += found[1]
            nullable = nullable or found[2]
        if not nullable:
            return plain, folded, False
    return plain, folded, True


def _scanned_already(items: list[tuple[object, object]]) -> bool:
    """Whether the engine skips to candidate positions by itself: the pattern opens with a literal, a class or
    an alternation of literals (a lookahead in front would only slow that scan down)."""
    from re import _constants as c

    while items and items[0][0] is c.SUBPATTERN:
        items = items[0][1][3].data  # type: ignore[index]
    if not items:
        return False
    op, av = items[0]
    if op is c.BRANCH:
        return all(alt.data and alt.data[0][0] is c.LITERAL for alt in av[1])  # type: ignore[index]
    return op is c.LITERAL or op is c.IN


def char_class(ranges: _Ranges) -> str:
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in sorted(set(ranges))
    )


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), led by a lookahead of the characters its matches start with where those are
    known (the same matches, found faster; see above); the plain compiled pattern where they are not. Which
    lookahead is read from the pattern's parse once and kept between processes (`regex_cache.remembered`)."""
    plain = re.compile(pattern, flags)
    lead = regex_cache.remembered(_guard_kind(), pattern, flags, lambda: _guard_of(pattern, flags))
    if lead is None:
        return plain
    try:
        return re.compile(f"{lead}(?:{pattern})", flags)
    except re.error:  # e.g. global flags such as (?i) at the pattern's start must stay first
        return plain


@lru_cache(maxsize=1)
def _guard_kind() -> str:
    return "guard." + regex_cache.code_digest(__file__)


def _guard_of(pattern: str, flags: int) -> str | None:
    """The lookahead `guarded` puts in front of `pattern`, or None where it puts none."""
    try:
        from re import _parser

        parsed = _parser.parse(pattern, flags)
        if _scanned_already(parsed.data):
            return None
        found = first_chars(parsed.data, parsed.state.flags)
    except Exception:  # the parser is Python's private module: without it (or on its error), no guard
        return None
    if found is None or found[2]:  # unknown, or a match may be empty (it starts anywhere)
        return None
    starts = [f"[{char_class(found[0])}]"] if found[0] else []
    starts += [f"(?i:[{char_class(found[1])}])"] if found[1] else []
    return f"(?=(?:{'|'.join(starts)}))"


# --- tokenizer --------------------------------------------------------------------------------

_SKIP_POS = {"補助記号", "空白"}
_FUNCTION_POS = {"助詞", "助動詞"}
_local = threading.local()


_dictionary = None
_dictionary_lock = threading.Lock()


def sudachi_tokenizer():
    """One tokenizer per thread (they are not thread-safe) over one shared dictionary (~85 MB)."""
    global _dictionary
    tok = getattr(_local, "tok", None)
    if tok is None:
        from sudachipy import Dictionary, SplitMode

        with _dictionary_lock:
            if _dictionary is None:
                _dictionary = Dictionary(dict="core")
                _pos_classes[:] = _classes_of(_dictionary)
        tok = _dictionary.create(SplitMode.A)  # .tokenizer() needs sudachipy ≥ 0.6.9
        _local.tok = tok
    return tok


_CHUNK = 8000  # characters per tokenizer call: Sudachi caps one input at ~49k bytes


@lru_cache(maxsize=256)
def tokenized(text: str) -> Any:
    """The tokenizer's morphemes of `text` (Sudachi's MorphemeList: only read, never changed), tokenized once for
    every caller that asks for the same string lately: an event's summary is tokenized for its nouns and again for
    its acts' predicates, a one-sentence passage for the index and again as that summary, a short word for each of
    the name checks. The same string to the same tokenizer gives the same morphemes, so a caller reads exactly what
    its own call would have given. Bounded: a document's texts, not a corpus's (each list holds its lattice path)."""
    return sudachi_tokenizer().tokenize(text)


def sudachi_text(text: str) -> str:
    # The matching form is letters only, so the text may be cut into chunks anywhere.
    return unicodedata.normalize("NFKC", text)


@dataclass(frozen=True, slots=True)
class Analysis:
    """One tokenization of a text, in the forms the index, queries and event clustering use."""

    forms: list[str]  # indexed form of each token, punctuation and spaces left out
    content: list[bool]  # per form: a content word, not a particle or auxiliary
    nouns: list[str]  # nouns(text)


# What analyze() does with a token, by its part of speech (Sudachi numbers each POS tuple; the classes
# of every id are listed once, with the dictionary): skipped, a function word, another content word, a
# content noun (nouns()), a proper noun (also proper_noun_readings()) that is not a content noun, or one that is.
_SKIP, _FUNCTION, _CONTENT, _NOUN, _PROPER, _PROPER_NOUN = range(6)
_pos_classes: list[int] = []


def _pos_class(pos: tuple[str, ...]) -> int:
    if pos[0] in _SKIP_POS:
        return _SKIP
    if pos[0] in _FUNCTION_POS:
        return _FUNCTION
    noun = _is_content_noun(pos)
    if pos[1] == "固有名詞":
        return _PROPER_NOUN if noun else _PROPER
    return _NOUN if noun else _CONTENT


def is_content_pos(pos: tuple[str, ...]) -> bool:
    """A word of this part of speech says something (not a particle, auxiliary, symbol or blank): `analyze`'s content."""
    return _pos_class(pos) not in (_SKIP, _FUNCTION)


def _classes_of(dictionary) -> list[int]:  # type: ignore[no-untyped-def]
    """The class of every POS id of the dictionary (ids run from 0 to the last POS, ~1,600)."""
    out: list[int] = []
    while (pos := dictionary.pos_of(len(out))) is not None:
        out.append(_pos_class(pos))
    return out


# nouns() and proper_noun_readings() of recent texts: an event's summary asks for both, and is often a
# passage analyze() has just tokenized. Bounded; dict operations are atomic under the GIL.
_NOUN_MEMO_MAX = 512
_noun_memo: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _remember_nouns(text: str, found: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
    if len(_noun_memo) >= _NOUN_MEMO_MAX:
        _noun_memo.clear()
    _noun_memo[text] = found


def analyze(text: str) -> Analysis:
    """Tokenize text once for index_tokens(), query_tokens() and nouns()."""
    analysis, found = _analyze(text)
    _remember_nouns(text, found)
    return analysis


def analyze_remembered(text: str) -> Analysis:
    """analyze(text), the same analysis (only read) for a text this process tokenized lately: a line an outlet repeats
    in every article (a byline, a footer), a story republished or updated tells its passages again. Bounded."""
    analysis, found = _analyzed(text)
    _remember_nouns(text, found)  # as analyze() leaves it: an event's summary asks for them next
    return analysis


@lru_cache(maxsize=4096)
def _analyzed(text: str) -> tuple[Analysis, tuple[tuple[str, ...], tuple[str, ...]]]:
    return _analyze(text)


def _analyze(text: str) -> tuple[Analysis, tuple[tuple[str, ...], tuple[str, ...]]]:
    """analyze(text), and the nouns and proper-noun readings it found (`_nouns_and_readings`)."""
    sudachi_tokenizer()  # the dictionary loaded, and with it `_pos_classes`
    s = sudachi_text(text)
    forms: list[str] = []
    content: list[bool] = []
    content_nouns: list[str] = []
    readings: list[str] = []
    classes = _pos_classes
    for chunk_start in range(0, len(s), _CHUNK):
        first = chunk_start == 0
        for m in tokenized(s[chunk_start : chunk_start + _CHUNK]):
            cls = classes[m.part_of_speech_id()]
            if cls >= _PROPER and first:
                readings.append(m.reading_form())
            if cls == _SKIP:
                continue
            form = _indexed_form(m.surface(), m.normalized_form())  # _form(m), inlined: this loop is hot
            if not form:
                continue
            forms.append(form)
            content.append(cls != _FUNCTION)
            if first and len(form) > 1 and cls in (_NOUN, _PROPER_NOUN):
                content_nouns.append(form)
    return Analysis(forms, content, content_nouns), (tuple(content_nouns), tuple(readings))


_KATAKANA_RE = re.compile(r"^[\u30a0-\u30ffー・]+$")


def _form(m) -> str:
    """The indexed form of a token: the dictionary's normalized form, except for katakana words, whose
    spelling variants fold() already handles (Sudachi maps イェルマーク to エルマーク but leaves イエルマク)."""
    return _indexed_form(m.surface(), m.normalized_form())


@lru_cache(maxsize=65536)
def _indexed_form(surface: str, normalized_form: str) -> str:
    return normalize(surface if _KATAKANA_RE.match(surface) else normalized_form)


def _is_content_noun(pos: tuple[str, ...]) -> bool:
    return pos[0] == "名詞" and pos[1] != "数詞" and pos[2] != "助数詞可能"


def index_tokens(text: str) -> str:
    """The space-joined token string stored in the full-text index."""
    return " ".join(analyze(text).forms)


def query_tokens(text: str) -> list[tuple[str, bool]]:
    """Tokens of a query, with whether each is a content word (not a particle/auxiliary)."""
    a = analyze(text)
    return list(zip(a.forms, a.content, strict=True))


@dataclass(frozen=True, slots=True)
class Morpheme:
    surface: str
    dictionary: str  # the dictionary form (見捨て → 見捨てる)
    form: str  # the indexed form (index_tokens)
    pos: tuple[str, ...]
    reading: str  # katakana


def morphemes(text: str) -> list[Morpheme]:
    """The text's words with their dictionary form, part of speech and reading (the first chunk only)."""
    return [
        Morpheme(m.surface(), m.dictionary_form(), _form(m), tuple(m.part_of_speech()), m.reading_form())
        for m in sudachi_tokenizer().tokenize(sudachi_text(text)[:_CHUNK])
    ]


def word_ends(text: str) -> list[int]:
    """Offsets in text where a word ends (for cutting text without splitting a word). From `tokenized`: an event's
    summary cut here is often a passage another reading tokenized just before (a quarter of the stories' cuts)."""
    return [m.end() for m in tokenized(text[:_CHUNK])]


def _nouns_and_readings(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """nouns(text) and proper_noun_readings(text), from one tokenization (remembered for the next ask)."""
    found = _noun_memo.get(text)
    if found is not None:
        return found
    sudachi_tokenizer()  # the dictionary loaded, and with it `_pos_classes`
    content_nouns: list[str] = []
    readings: list[str] = []
    classes = _pos_classes
    for m in tokenized(sudachi_text(text)[:_CHUNK]):
        cls = classes[m.part_of_speech_id()]
        if cls >= _PROPER:
            readings.append(m.reading_form())
        if cls in (_NOUN, _PROPER_NOUN):
            form = _form(m)
            if len(form) > 1:
                content_nouns.append(form)
    found = (tuple(content_nouns), tuple(readings))
    _remember_nouns(text, found)
    return found


@lru_cache(maxsize=16384)
def person_name_readings(word: str) -> tuple[str, ...]:
    """Every katakana reading the dictionary gives this word as a person's name, surname or given name (塩谷:
    シオタニ, シオノヤ; 文雄: フミオ, ブンユウ; 林: ハヤシ, リン): the tokenizer picks one reading in context, and a
    name is read several ways. () when the dictionary holds no such entry."""
    sudachi_tokenizer()  # loads the shared dictionary
    assert _dictionary is not None
    found = (m.reading_form() for m in _dictionary.lookup(sudachi_text(word)) if m.part_of_speech()[2] == "人名")
    return tuple(dict.fromkeys(found))


def person_name_words(name: str) -> list[tuple[str, str | None]]:
    """The words of a person's name that may be name words, in order: (surface, the reading in context when the
    tokenizer reads the word as a name there, else None); a word the dictionary knows as a name read otherwise in
    context (塩谷 of 塩谷立, read as a place) is one too."""
    out: list[tuple[str, str | None]] = []
    for m in sudachi_tokenizer().tokenize(sudachi_text(name)[:_CHUNK]):
        if m.part_of_speech()[2] == "人名":
            out.append((m.surface(), m.reading_form()))
        elif person_name_readings(m.surface()):
            out.append((m.surface(), None))
    return out


def proper_noun_readings(text: str) -> list[str]:
    """The katakana readings of the proper nouns (names of people and places) in text."""
    return list(_nouns_and_readings(text)[1])


def nouns(text: str) -> list[str]:
    """Content nouns of text (normalized, folded): what two reports of one event share."""
    return list(_nouns_and_readings(text)[0])


# --- variants a remembered quote swaps (とても/非常に, アメリカ/米国) and inserted asides ------------------------------

_PARENTHETICAL_RE = re.compile(r"[(（][^()（）]{0,30}[)）]")
_KANJI = "一-龥々"


@lru_cache(maxsize=1)
def _variant_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    import json
    from importlib import resources

    data = json.loads(resources.files("bot.data").joinpath("variants.json").read_text(encoding="utf-8"))
    to_key = {v: key for key, values in data["variants"].items() for v in values}
    alternation = "|".join(map(_whole_word, sorted(to_key, key=len, reverse=True)))
    # Every branch consumes its variant's first character first (a lookbehind reads nothing), so a position whose
    # character begins no variant is passed on one class test instead of trying the ~50 branches in turn (the
    # lookbehinds keep `re` from finding the class itself): the same matches, ~6x faster (~160 -> 25 us a passage)
    firsts = "".join(re.escape(c) for c in sorted({v[0] for v in to_key}))
    return re.compile(f"(?=[{firsts}])(?:{alternation})"), to_key


def _whole_word(variant: str) -> str:
    """A variant's pattern that does not match inside a compound: a variant whose first (last) run of kanji is one
    kanji is not preceded (followed) by another (事 of 事故 or 仕事, 実に of 確実に, 更に of 変更に, 今 of 今後, 時 of
    同時 are other words); a longer run is a word of its own (大変 of 大変遺憾だ)."""
    lead = re.match(rf"[{_KANJI}]+", variant)
    trail = re.search(rf"[{_KANJI}]+$", variant)
    before = rf"(?<![{_KANJI}])" if lead and len(lead.group()) == 1 else ""
    after = rf"(?![{_KANJI}])" if trail and len(trail.group()) == 1 else ""
    return before + re.escape(variant) + after


def fold_variants(text: str) -> str:
    """Text with each spelling or synonym variant replaced by its key (for scoring, never for display)."""
    pattern, to_key = _variant_pattern()
    return pattern.sub(lambda m: to_key[m.group()], text)


def strip_parentheticals(text: str) -> str:
    """Text without inserted asides in parentheses: 「トランプ(大統領)は」 → 「トランプは」."""
    return _PARENTHETICAL_RE.sub("", text)


# Latin letters no accent decomposes into: Turkish ı (Yılmaz), Scandinavian ø and æ (Sørensen), German ß (Strauß),
# Polish ł (Michał), Croatian đ, Icelandic þ, French œ
_LETTER_FOLDS = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L",
                               "đ": "d", "Đ": "D", "þ": "th", "œ": "oe", "Œ": "Oe"})  # fmt: skip


def without_marks(name: str) -> str:
    """A name with its letters' accents taken off: a macron or circumflex marks a long vowel (Ōno, Kôno, Satō),
    which the key writes single as it does oo, ou and oh; the Latin letters of other languages no accent makes
    (ı ø ß ł …) as the plain letters they are read as (Yılmaz, Sørensen, Strauß)."""
    if name.isascii():
        return name
    plain = unicodedata.normalize("NFKD", name.translate(_LETTER_FOLDS))
    return "".join(c for c in plain if not unicodedata.combining(c))


def latin_folded(name: str) -> str:
    """`without_marks(name)` when that leaves plain ASCII (a Latin name: Erdoğan → Erdogan), else the name as it is:
    a kana's voicing mark is never taken off (ガ is not カ), nor the marks of a name in another script."""
    bare = without_marks(name)
    return bare if bare.isascii() else name

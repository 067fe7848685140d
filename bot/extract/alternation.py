"""An alternation of patterns, found as one regex of them finds it, in a few regexes split by script.

`(?P<r0>p0)|(?P<r1>p1)|…` of the position cues' patterns (Japanese frames and English phrases together) costs
Python's regex engine every alternative at every position whose character some alternative can start with: in
Japanese text the English phrases are tried at each hiragana, in English text the Japanese frames' guard lets
nothing through but the English phrases are tried at each letter. Split by the characters a pattern's matches
start with (ASCII, hiragana, the rest), each part tries only its own alternatives, and a part none of whose
starting characters is in the text is not run at all (three quarters of the cost of a passage's scan).

`finditer` gives exactly the matches of the whole alternation's `finditer`: at each step the leftmost match of
any part, the first alternative in the original order where two start at the same place, and the search goes on
from its end (a part's earlier match that it overlaps is searched again from there; lookbehinds see the text
before the search's start, as in one scan). Only where no pattern can match the empty string (else one regex).
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _parser  # the parser's view of a pattern (as bot.text.guarded reads it)

from bot import regex_cache, text
from bot.text import char_class, first_chars, guarded

__all__ = ["Alternation"]

_ASCII, _KANA, _OTHER = range(3)
_WORD_START = ("(?<![A-Za-z])", "(?i:(?<![A-Za-z])")  # an English phrase's opening: no letter before it


# The characters beyond ASCII that a case-blind ASCII letter matches (Unicode's simple case maps: İ and ı for i,
# ſ for s, the Kelvin sign for k); tests/test_extraction_prefilters47.py checks every code point.
ASCII_FOLDS = "\u0130\u0131\u017f\u212a"


def _read(pattern: str) -> tuple[bool, int, str | None, str | None]:
    """Whether a pattern can match the empty string, its part, its starting class (`_script`) and, for an ASCII
    one, every character its matches may start with as one plain class (`_plain_starts`): read from its parse once
    and kept between processes (`regex_cache.remembered`)."""

    def read() -> tuple[bool, int, str | None, str | None]:
        return (_parser.parse(pattern).getwidth()[0] == 0, *_script(pattern))

    return tuple(regex_cache.remembered(_kind(), pattern, 0, read))  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _kind() -> str:
    """The code a note of `_read` comes from: this module and bot/text.py's `first_chars`."""
    return "alternation." + regex_cache.code_digest(__file__, text.__file__)


def _script(pattern: str) -> tuple[int, str | None, str | None]:
    """The part a pattern goes to, the character class its matches start with (None: not known) and, for the
    ASCII part, that class written plainly (`_plain_starts`)."""
    parsed = _parser.parse(pattern)
    found = first_chars(parsed.data, parsed.state.flags)
    if found is None or found[2]:
        return _OTHER, None, None
    plain, folded = found[0], found[1]
    classes = ([f"[{char_class(plain)}]"] if plain else []) + ([f"(?i:[{char_class(folded)}])"] if folded else [])
    if not classes:
        return _OTHER, None, None
    starts = "|".join(classes)
    ranges = plain + folded
    if all(hi < 128 for _, hi in ranges):
        return _ASCII, starts, _plain_starts(plain, folded)
    if any(lo <= 0x309F and hi >= 0x3041 for lo, hi in ranges):
        return _KANA, starts, None
    return _OTHER, starts, None


def _plain_starts(plain: list[tuple[int, int]], folded: list[tuple[int, int]]) -> str:
    """The characters of ASCII classes `plain` and case-blind `folded` as one case-sensitive class's contents: each
    folded letter in both cases, and the few characters beyond ASCII a case-blind ASCII letter matches (a superset
    is enough: it only says where a match cannot start)."""
    ranges = list(plain) + list(folded)
    for lo, hi in folded:
        for c in range(lo, hi + 1):
            ranges += [(ord(o), ord(o)) for o in (chr(c).lower(), chr(c).upper()) if len(o) == 1]
    return char_class(ranges) + ASCII_FOLDS


class Alternation:
    """The patterns as alternatives, each found under the name ``r{k}`` (k its index in `patterns`)."""

    def __init__(self, patterns: list[str]) -> None:
        self.whole = guarded("|".join(f"(?P<r{k}>{p})" for k, p in enumerate(patterns)))
        self.parts: list[tuple[re.Pattern[str], re.Pattern[str] | None]] = []
        read = [_read(p) for p in patterns]
        if any(empty for empty, _, _, _ in read):
            return  # an empty match: one regex (finditer's rule after an empty match is its own)
        # by script, and the ASCII patterns that open on a word's start apart from the others ("n't hesitate" may
        # follow a letter): the first can test the word's start before anything else
        groups: dict[tuple[int, bool], list[int]] = {}
        starts: dict[tuple[int, bool], list[str | None]] = {}
        plainly: dict[tuple[int, bool], list[str | None]] = {}
        for k, (_, script, chars, plain) in enumerate(read):
            part = (script, script == _ASCII and patterns[k].startswith(_WORD_START))
            groups.setdefault(part, []).append(k)
            starts.setdefault(part, []).append(chars)
            plainly.setdefault(part, []).append(plain)
        for script in sorted(groups):
            members = groups[script]
            alternatives = "|".join(f"(?P<r{k}>{patterns[k]})" for k in members)
            if all(patterns[k].startswith(_WORD_START) for k in members):
                # each opens on a word's start: tested once before the alternatives rather than in each (the
                # plain class's test is implied by each one's, case-blind or not)
                alternatives = f"{_WORD_START[0]}(?:{alternatives})"
            known, plain = starts[script], plainly[script]
            if None not in plain:
                # an ASCII part: led by its starting characters as one plain class, not `guarded`'s alternation of
                # each one's case-blind class (in English text that test passes at most letters and was half the
                # scan's cost), and the text's first such character found by that class alone
                chars = "".join(dict.fromkeys(c.removesuffix(ASCII_FOLDS) for c in plain)) + ASCII_FOLDS  # type: ignore[union-attr]
                self.parts.append((re.compile(f"(?=[{chars}])(?:{alternatives})"), re.compile(f"[{chars}]")))
                continue
            gate = None if None in known else re.compile("|".join(f"(?:{c})" for c in dict.fromkeys(known)))  # type: ignore[arg-type]
            self.parts.append((guarded(alternatives), gate))

    def finditer(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, k) of every match the whole alternation's finditer gives, in text order."""
        if not self.parts:
            return [(m.start(), m.end(), int(m.lastgroup[1:])) for m in self.whole.finditer(text)]  # type: ignore[index]
        pending: list[tuple[re.Match[str], re.Pattern[str]]] = []
        for rx, gate in self.parts:
            if gate is None:
                m = rx.search(text)
            else:
                first = gate.search(text)  # no match of the part starts before its first possible character
                m = None if first is None else rx.search(text, first.start())
            if m is not None:
                pending.append((m, rx))
        out: list[tuple[int, int, int]] = []
        while pending:
            if len(pending) == 1:
                m, rx = pending[0]
                out.append((m.start(), m.end(), int(m.lastgroup[1:])))  # type: ignore[index]
                out += [(n.start(), n.end(), int(n.lastgroup[1:])) for n in rx.finditer(text, m.end())]  # type: ignore[index]
                break
            m = min(pending, key=lambda p: (p[0].start(), int(p[0].lastgroup[1:])))[0]  # type: ignore[index]
            end = m.end()
            out.append((m.start(), end, int(m.lastgroup[1:])))  # type: ignore[index]
            kept = []
            for found, rx in pending:
                if found.start() < end:
                    again = rx.search(text, end)
                    if again is None:
                        continue
                    found = again
                kept.append((found, rx))
            pending = kept
        return out

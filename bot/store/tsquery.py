"""FTS5 query text → a PostgreSQL `tsquery`, for the PostgreSQL backend.

The store builds its full-text queries in FTS5's syntax (bot/store/search.py, bot/services/stance_about.py):
quoted strings (a phrase when it holds several tokens), AND, OR, NOT, parentheses, juxtaposition (AND)
and NEAR(p1 p2 …, N). PostgreSQL answers the same question over a `tsvector` of the same pre-tokenized
words: a phrase is `a <-> b`, AND `&`, OR `|`, NOT `& !`. FTS5's NEAR(a b, N) (at most N tokens between
them, either order) becomes, for each pair, `a <d> b | b <d> a` for d = 1 … N + 1.

Lexemes are lower-cased as the tsvector is (FTS5's unicode61 folds case too).

A GIN index cannot check positions: for a phrase or NEAR query it tests the whole `tsquery` on every posting
of its words with the positions unknown, and a NEAR of three words (60 alternatives of `<d>`) made that test
cost 0.5 s on 7,500 postings at 10k articles. So a match is written as two conditions (bot/store/dialect.py):
the index reads `index_tsquery` (the same query, phrases and NEAR as plain AND), and the row's own tsvector is
tested against the full query (positions and all) only for the rows that index found, until the LIMIT.
"""

from __future__ import annotations

import itertools
import re
from contextvars import ContextVar

NOTHING = "'\ue000'"  # a lexeme no passage holds: what an empty phrase matches
MAX_NEAR = 40  # a NEAR window wider than this is read as AND (the query would grow without selecting more)

# Lexemes (`lexeme`) held by so many passages that the index reads them at a cost the rows' check does not have
# (PgStore sets them around its full-text statements, `PgStore.common_words`): `index_tsquery` leaves them out where
# a match must hold them (a word of the query's top-level AND or of a top-level NEAR) and another word stays.
COMMON_WORDS: ContextVar[frozenset[str]] = ContextVar("newsdesk_common_words", default=frozenset())

_TOKEN = re.compile(r'\s*(?:(")((?:[^"]|"")*)"|(\()|(\))|(,)|([^\s"(),]+))')


class QuerySyntaxError(ValueError):
    """The text is not an FTS5 query this converter reads."""


def lexeme(word: str) -> str:
    """One word as a quoted tsquery lexeme (quotes doubled, backslashes escaped)."""
    return "'" + word.lower().replace("\\", "\\\\").replace("'", "''") + "'"


def _phrase_words(text: str) -> list[str]:
    return text.replace("\x00", "").split()


def _phrase(words: list[str], joint: str = " <-> ") -> str:
    if not words:
        return NOTHING
    if len(words) == 1:
        return lexeme(words[0])
    return "(" + joint.join(lexeme(w) for w in words) + ")"


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise QuerySyntaxError(f"cannot read the full-text query at {text[pos : pos + 20]!r}")
        pos = m.end()
        if m.group(1):
            out.append(("str", m.group(2).replace('""', '"')))
        elif m.group(3):
            out.append(("(", "("))
        elif m.group(4):
            out.append((")", ")"))
        elif m.group(5):
            out.append((",", ","))
        else:
            word = m.group(6)
            kind = word if word in ("AND", "OR", "NOT") else ("near" if word == "NEAR" else "bare")
            out.append((kind, word))
    return out


class _Parser:
    def __init__(self, text: str, *, words_only: bool = False, common: frozenset[str] = frozenset()) -> None:
        self.toks = _tokens(text)
        self.i = 0
        self.joint = " & " if words_only else " <-> "  # words_only: a phrase, or NEAR, is its words (AND)
        self.window = None if not words_only else MAX_NEAR + 1
        self.depth = 0  # parentheses open (a NEAR's own aside)
        # words a match must hold all of, at the top (no OR outside parentheses): where `common` ones may be left out
        self.common = common if words_only and common and not self._or_at_top() else frozenset()

    def _or_at_top(self) -> bool:
        depth = 0
        for kind, _ in self.toks:
            depth += (kind == "(") - (kind == ")")
            if kind == "OR" and depth == 0:
                return True
        return False

    def _uncommon(self, parts: list[str]) -> list[str]:
        """The parts a match must all hold, without the common words among them when another part stays."""
        if not self.common or self.depth:
            return parts
        kept = [p for p in parts if p not in self.common]
        return kept or parts

    def peek(self) -> str | None:
        return self.toks[self.i][0] if self.i < len(self.toks) else None

    def take(self, kind: str) -> str:
        if self.peek() != kind:
            raise QuerySyntaxError(f"expected {kind} in the full-text query")
        value = self.toks[self.i][1]
        self.i += 1
        return value

    def parse(self) -> str:
        if not self.toks:
            return NOTHING
        out = self.or_expr()
        if self.peek() is not None:
            raise QuerySyntaxError("unexpected text after the full-text query")
        return out

    def or_expr(self) -> str:
        parts = [self.and_expr()]
        while self.peek() == "OR":
            self.i += 1
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def and_expr(self) -> str:
        parts = [self.not_expr()]
        while self.peek() in ("AND", "str", "(", "near", "bare"):
            if self.peek() == "AND":
                self.i += 1
            parts.append(self.not_expr())
        parts = self._uncommon(parts)
        out = parts[0]
        for part in parts[1:]:
            out = f"({out} & {part})"
        return out

    def not_expr(self) -> str:
        out = self.primary()
        while self.peek() == "NOT":
            self.i += 1
            excluded = self.primary()
            if self.window is None:  # the index's query keeps no NOT: `a & !(b & c)` would miss a row with b, c apart
                out = f"({out} & !{excluded})"
        return out

    def primary(self) -> str:
        kind = self.peek()
        if kind in ("str", "bare"):
            return _phrase(_phrase_words(self.take(kind)), self.joint)
        if kind == "(":
            self.i += 1
            self.depth += 1
            out = self.or_expr()
            self.depth -= 1
            self.take(")")
            return out
        if kind == "near":
            return self.near()
        raise QuerySyntaxError("a full-text query term is missing")

    def near(self) -> str:
        self.take("near")
        self.take("(")
        phrases: list[list[str]] = []
        while self.peek() in ("str", "bare"):
            phrases.append(_phrase_words(self.toks[self.i][1]))
            self.i += 1
        window = 10
        if self.peek() == ",":
            self.i += 1
            raw = self.take("bare")
            if not raw.isdigit():
                raise QuerySyntaxError("NEAR's distance is not a number")
            window = int(raw)
        self.take(")")
        if self.window is not None:
            if not all(phrases):
                return near([[]], self.window)
            words = [w for p in phrases for w in p]
            kept = set(self._uncommon([lexeme(w) for w in words]))
            return near([[w] for w in words if lexeme(w) in kept], self.window)
        return near(phrases, window)


def near(phrases: list[list[str]], window: int) -> str:
    """Every phrase, each pair's first words at most `window` tokens apart (between them), in either order."""
    if not phrases or any(not p for p in phrases):
        return NOTHING
    whole = [_phrase(p) for p in phrases]
    if len(phrases) == 1 or window > MAX_NEAR:
        return "(" + " & ".join(whole) + ")"
    pairs = []
    for a, b in itertools.combinations(phrases, 2):
        x, y = lexeme(a[0]), lexeme(b[0])
        spans = [f"{x} <{d}> {y} | {y} <{d}> {x}" for d in range(1, window + 2)]
        pairs.append("(" + " | ".join(spans) + ")")
    return "(" + " & ".join(whole + pairs) + ")"


def to_tsquery(fts5: str) -> str:
    """The FTS5 query as tsquery text (cast with ::tsquery, never parsed by to_tsquery)."""
    return _Parser(fts5).parse()


def index_tsquery(fts5: str, common: frozenset[str] | None = None) -> str:
    """What the GIN index reads of the FTS5 query: its words with the same AND, OR and NOT, every phrase and
    NEAR read as the AND of its words (no positions); without the `common` lexemes (default `COMMON_WORDS`) a match
    must hold beside another word of the query's top-level AND or NEAR. It matches every row `to_tsquery` matches,
    and more: the rows it finds are checked against the full query (`dialect.MATCH_SQL`) whenever it differs."""
    return _Parser(fts5, words_only=True, common=COMMON_WORDS.get() if common is None else common).parse()

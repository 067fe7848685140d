"""The one SQL rule of the README: SQL is written in `bot/store/` only.

Every string literal of every other module of the project (f-strings read with their holes filled) is
checked: a statement (SELECT, INSERT, UPDATE … SET, DELETE FROM, WITH … AS, PRAGMA, CREATE/DROP/ALTER) or a
piece of one (a FROM/WHERE/JOIN/ORDER BY/GROUP BY clause with a `= ?`, `IN (`, `LIMIT ?` placeholder) outside the store fails.
No allow-list: bench/ and tests/ are not the project's modules and are not read.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

from tests.source_tree import broken_copy

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "commands")
STORE = ("bot", "store")

_STATEMENT = re.compile(
    r"^[\s(]*(SELECT\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|REPLACE\s+INTO\s"
    r"|WITH\s+(RECURSIVE\s+)?\w+(\([^)]*\))?\s+AS\s|PRAGMA\s|(CREATE|DROP|ALTER)\s+(TABLE|INDEX|VIEW|TRIGGER|VIRTUAL)\s)"
)
_CLAUSE = re.compile(r"\b(FROM|WHERE|JOIN|ORDER BY|GROUP BY)\b")
_PLACEHOLDER = re.compile(r"[=<>(,]\s*\?|\b(LIMIT|OFFSET|IN)\s+[?(]")


def _literals(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of every string constant and f-string (its holes read as `x`), outermost only."""
    inside_fstring = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(p.value if isinstance(p, ast.Constant) else "x" for p in node.values)
            out.append((node.lineno, text))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside_fstring:
            out.append((node.lineno, node.value))
    return out


def is_sql(text: str) -> bool:
    return bool(_STATEMENT.match(text)) or bool(_CLAUSE.search(text) and _PLACEHOLDER.search(text))


def sql_outside_the_store(root: Path) -> list[str]:
    found = []
    for top in PACKAGES:
        for path in sorted((root / top).rglob("*.py")):
            rel = path.relative_to(root)
            if rel.parts[: len(STORE)] == STORE:
                continue
            found += [f"{rel}:{line}: {text[:60]!r}" for line, text in _sql_literals(path.read_text(encoding="utf-8"))]
    return found


@functools.cache
def _sql_literals(source: str) -> tuple[tuple[int, str], ...]:
    """The SQL literals of a module's source. Kept per source text: the broken copies below share all but one
    file's text with the tree, so each test parses only the file it changed (the same result as anew)."""
    return tuple((line, text) for line, text in _literals(ast.parse(source)) if is_sql(text))


def test_no_sql_outside_the_store():
    assert sql_outside_the_store(ROOT) == []


@pytest.mark.parametrize(
    ("text", "sql"),
    [
        ("SELECT id FROM documents WHERE url = ?", True),
        ("  INSERT OR IGNORE INTO topics (name) VALUES (?)", True),
        ("UPDATE feeds SET status = ? WHERE id = ?", True),
        ("DELETE FROM jobs WHERE id = ?", True),
        ("WITH item(document_id, heading) AS (VALUES (?, ?)) SELECT 1", True),
        ("PRAGMA busy_timeout = 5000", True),
        (" FROM clusters c JOIN events e ON e.id = c.representative WHERE c.id = ?", True),
        ("Select the topic to follow", False),
        ("with the seeds in the store", False),
        ("Update the feed from its page", False),
        ("Sources from the store", False),
        ("WHERE is the answer?", False),  # a question, not a placeholder
        (" AND d.guild_id IN (0, ?)", False),  # a condition alone is not told from prose; its query is
        ("x ORDER BY e.id LIMIT ?", True),
    ],
)
def test_what_counts_as_sql(text, sql):
    assert is_sql(text) is sql


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("bot/services/quotes.py", 'X = "SELECT 1 FROM passages"'),
        ("commands/quote.py", 'def _q(n):\n    return f"DELETE FROM documents WHERE id = {n}"'),
        ("bot/ingest/bulk.py", 'X = "UPDATE documents SET quiet = 1"'),
    ],
)
def test_sql_outside_the_store_is_caught(tmp_path, module, line):
    broken_copy(tmp_path, module, line)
    assert [f for f in sql_outside_the_store(tmp_path) if f.startswith(module)]

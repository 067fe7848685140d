"""Things the README says are done in one place, checked over every module of the project:

- a `SourceRef` is built by one mapper (`bot/store/refs.py`), with the one fallback (the passage's cited URL
  and outlet, else its document's);
- an instant becomes the store's ISO-UTC text through one helper (`bot/instants.py`);
- rows are queried in the store only: no module outside `bot/store` calls `fetchall` / `fetchone` /
  `execute` on a connection or store (what it gets back are named rows or dataclasses, never a tuple read by
  position).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.source_tree import broken_copy

ROOT = Path(__file__).resolve().parents[1]

RULES = {
    "SourceRef built outside its mapper": (re.compile(r"\bSourceRef\("), ("bot/store/refs.py",)),
    "ISO-UTC text made by hand": (re.compile(r"astimezone\((UTC|timezone\.utc)\)\.isoformat\("), ("bot/instants.py",)),
    "a query run outside the store": (re.compile(r"\.(fetchall|fetchone|fetchmany|execute|executemany)\("), ("bot/store/",)),
}


def broken(root: Path) -> list[str]:
    found = []
    for top in ("bot", "commands"):
        for path in sorted((root / top).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8")
            for rule, (pattern, homes) in RULES.items():
                if any(rel == home or (home.endswith("/") and rel.startswith(home)) for home in homes):
                    continue
                found += [f"{rel}:{text.count(chr(10), 0, m.start()) + 1}: {rule}" for m in pattern.finditer(text)]
    return found


def test_each_is_done_in_its_one_place():
    assert broken(ROOT) == []


@pytest.mark.parametrize(
    ("module", "line", "rule"),
    [
        ("bot/services/quotes.py", "X = lambda r: SourceRef(document=r, url=None, outlet=None)", "SourceRef"),
        ("commands/digest.py", "X = lambda t: t.astimezone(UTC).isoformat(timespec='seconds')", "ISO-UTC"),
        ("bot/services/stance.py", "X = lambda store: store.fetchone('x')", "query"),
    ],
)
def test_a_second_place_is_caught(tmp_path, module, line, rule):
    broken_copy(tmp_path, module, line)
    assert [f for f in broken(tmp_path) if f.startswith(module) and rule in f]

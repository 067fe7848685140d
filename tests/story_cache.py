"""Where the evaluation stories' ingested stores are kept between runs, and the key that says they still hold.

Each story's articles ingested after the seeds (`story_db` in tests/conftest.py) are the same database for as long as
nothing that makes it changes: the code (every file of `bot/`, the seeds), the story's own articles, the tests that
build it, Python, SQLite and the installed packages (SudachiPy's dictionary among them), and the NEWSDESK_ settings.
`code_key` hashes all of those; a store is kept under its story's name and that key, so a run after any change
builds the store again and a store is never read by other code than the code that made it. A run only ever reads the
key it computed, so two checkouts at different commits sharing the folder each read their own stores.

The folder is `NEWSDESK_TEST_CACHE` when set, else `$XDG_CACHE_HOME/newsdesk-tests` (`~/.cache/…`): outside the
checkout, so that a fresh clone's `.ci/run` on the same machine finds what the last run built. `NEWSDESK_TEST_CACHE=off`
builds every store in the run's own folder, as mutation runs always do: mutmut keeps every mutant of a function in
the same source file and chooses one per test run by an environment variable, so the files' hash cannot tell one
mutant's store from another's. Stores unused for `KEEP_DAYS` are removed.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import os
import sqlite3
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What makes a story's store besides its articles: the product and its data, and the tests' code that builds it.
SOURCES = (ROOT / "bot", ROOT / "seeds", ROOT / "pyproject.toml", ROOT / "tests" / "conftest.py")
SOURCES_TESTS = (ROOT / "tests" / "test_quality_floor.py", ROOT / "tests" / "story_cache.py")
KEEP_DAYS = 3
# Settings of the tests themselves, which no store depends on (where stores are kept; .ci/run's PostgreSQL demand).
TEST_ONLY = frozenset({"NEWSDESK_TEST_CACHE", "NEWSDESK_REQUIRE_PG"})


def _files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += (p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif path.exists():
            found.append(path)
    return sorted(found)


def _environment() -> str:
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    settings = sorted(f"{k}={v}" for k, v in os.environ.items() if k.startswith("NEWSDESK_") and k not in TEST_ONLY)
    return "\n".join([sys.version, sqlite3.sqlite_version, *packages, *settings])


def code_key(sources: Iterable[Path] = (*SOURCES, *SOURCES_TESTS), root: Path = ROOT) -> str:
    """A hash of everything that makes a story's store but its articles: the environment, and each file of
    `sources` (folders walked, compiled caches left out) by its path under `root` and its bytes."""
    digest = hashlib.sha256(_environment().encode())
    for path in _files(sources):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def story_key(code: str, articles: Iterable[Path]) -> str:
    """`code_key()` with one story's articles: their names and their text."""
    digest = hashlib.sha256(code.encode())
    for path in sorted(articles):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def folder() -> Path | None:
    """The folder stores are kept in between runs, or None when they are not kept (`off`, a mutation run)."""
    chosen = os.environ.get("NEWSDESK_TEST_CACHE", "")
    if chosen.lower() == "off" or ".mutation" in ROOT.parts or os.environ.get("MUTANT_UNDER_TEST"):
        return None
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsdesk-tests"


def prune(where: Path, now: float | None = None) -> list[Path]:
    """Remove the stores not used for KEEP_DAYS (`story_db` touches a store when it copies it, holding the store's
    lock, which this takes too before it looks); returns what was removed. A store's lock file stays: another run
    may be waiting on it."""
    limit = (now if now is not None else time.time()) - KEEP_DAYS * 86400
    removed = []
    for path in where.glob("*.db"):
        with open(path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed.append(path)
            except FileNotFoundError:  # another run removed it first
                pass
    return removed

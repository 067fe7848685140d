"""The evaluation stories' stores kept between runs (tests/story_cache.py) are read only by the code that made them.

A kept store is named by a hash of the code, the environment and the story's articles: any change to a file of the
product, its data or the tests that build the store, to a NEWSDESK_ setting or to the articles must give another
name (the store is built again), and nothing else may (a compiled cache, the folder the checkout is in).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests import story_cache


def _tree(root: Path) -> list[Path]:
    (root / "bot" / "extract").mkdir(parents=True)
    (root / "bot" / "extract" / "rules.py").write_text("RULE = 1\n")
    (root / "bot" / "data.json").write_text('{"a": 1}')
    (root / "seeds").mkdir()
    (root / "seeds" / "000.txt").write_text("seed")
    return [root / "bot", root / "seeds"]


def test_the_key_follows_every_file_of_the_code(tmp_path: Path) -> None:
    sources = _tree(tmp_path)
    key = story_cache.code_key(sources, tmp_path)
    assert story_cache.code_key(sources, tmp_path) == key  # the same code, the same key
    seen = {key}
    for change in (
        lambda: (tmp_path / "bot" / "extract" / "rules.py").write_text("RULE = 2\n"),  # a rule's code
        lambda: (tmp_path / "bot" / "data.json").write_text('{"a": 2}'),  # data
        lambda: (tmp_path / "seeds" / "000.txt").write_text("seed!"),  # a seed
        lambda: (tmp_path / "bot" / "new.py").write_text(""),  # a new module, even empty
        lambda: (tmp_path / "bot" / "new.py").rename(tmp_path / "bot" / "other.py"),  # a module renamed
    ):
        change()
        key = story_cache.code_key(sources, tmp_path)
        assert key not in seen
        seen.add(key)


def test_compiled_caches_and_the_checkout_s_folder_do_not_change_the_key(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    keys = []
    for root in (one, two):
        root.mkdir()
        sources = _tree(root)
        keys.append(story_cache.code_key(sources, root))
    (one / "bot" / "__pycache__").mkdir()
    (one / "bot" / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\x00")
    assert story_cache.code_key(_sources(one), one) == keys[0] == keys[1]


def _sources(root: Path) -> list[Path]:
    return [root / "bot", root / "seeds"]


def test_the_key_follows_the_settings_and_the_installed_packages(tmp_path: Path, monkeypatch) -> None:
    sources = _tree(tmp_path)
    key = story_cache.code_key(sources, tmp_path)
    monkeypatch.setenv("NEWSDESK_LANG", "en")
    assert story_cache.code_key(sources, tmp_path) != key
    monkeypatch.delenv("NEWSDESK_LANG")
    monkeypatch.setenv("NEWSDESK_TEST_CACHE", str(tmp_path / "elsewhere"))  # where stores are kept is no input
    assert story_cache.code_key(sources, tmp_path) == key
    assert "sudachipy==" in story_cache._environment().lower()


def test_a_story_s_key_follows_its_articles(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("one")
    b.write_text("two")
    key = story_cache.story_key("code", [a, b])
    assert story_cache.story_key("code", [b, a]) == key  # the order given does not matter
    assert story_cache.story_key("other code", [a, b]) != key
    assert story_cache.story_key("code", [a]) != key
    b.write_text("two, corrected")
    assert story_cache.story_key("code", [a, b]) != key


def test_a_real_key_covers_the_product_the_seeds_and_the_builders(tmp_path: Path) -> None:
    files = {p.relative_to(story_cache.ROOT).as_posix() for p in story_cache._files(story_cache.SOURCES)}
    files |= {p.relative_to(story_cache.ROOT).as_posix() for p in story_cache._files(story_cache.SOURCES_TESTS)}
    for needed in (
        "bot/extract/stance.py",
        "bot/store/store.py",
        "bot/ingest/pipeline.py",
        next(f"seeds/{p.name}" for p in (story_cache.ROOT / "seeds").glob("*.txt")),
    ):
        assert needed in files
    assert {"tests/conftest.py", "tests/test_quality_floor.py", "pyproject.toml"} <= files
    assert not [f for f in files if "__pycache__" in f]


@pytest.mark.parametrize(
    ("env", "kept"),
    [
        ({"NEWSDESK_TEST_CACHE": "off"}, False),
        ({"NEWSDESK_TEST_CACHE": "OFF"}, False),
        ({"MUTANT_UNDER_TEST": "bot.x.x__mutmut_1"}, False),  # one source file holds every mutant
        ({"NEWSDESK_TEST_CACHE": "/somewhere"}, True),
        ({}, True),
    ],
)
def test_where_stores_are_kept(env: dict[str, str], kept: bool, monkeypatch) -> None:
    for name in ("NEWSDESK_TEST_CACHE", "MUTANT_UNDER_TEST"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    where = story_cache.folder()
    assert (where is not None) == kept
    if env.get("NEWSDESK_TEST_CACHE", "").startswith("/"):
        assert where == Path("/somewhere")


def test_only_stores_unused_for_days_are_pruned(tmp_path: Path) -> None:
    now = time.time()
    old, recent = tmp_path / "old-k1.db", tmp_path / "recent-k2.db"
    for path, age_days in ((old, story_cache.KEEP_DAYS + 1), (recent, story_cache.KEEP_DAYS - 1)):
        path.write_bytes(b"x")
        os.utime(path, (now - age_days * 86400,) * 2)
    assert story_cache.prune(tmp_path, now) == [old]
    assert not old.exists() and recent.exists()


def test_a_mutation_run_s_work_copy_keeps_no_stores(monkeypatch) -> None:
    monkeypatch.delenv("MUTANT_UNDER_TEST", raising=False)
    monkeypatch.delenv("NEWSDESK_TEST_CACHE", raising=False)
    monkeypatch.setattr(story_cache, "ROOT", Path("/work/x/.mutation/extract/mutants"))  # where mutmut runs the tests
    assert story_cache.folder() is None


def test_the_seeded_template_is_kept_under_the_code_s_key_and_is_what_the_run_copies(
    _seeded_template: Path, _story_dir: tuple[Path, str | None]
) -> None:
    """The run's seeded template (conftest.py) is a copy of the one kept beside the story stores for this code (or,
    with keeping off, built in the run): the same bytes, holding the seeds; a store of other code is never read."""
    import sqlite3

    folder, code = _story_dir
    conn = sqlite3.connect(f"file:{_seeded_template}?mode=ro", uri=True)
    try:
        names = sorted(row[0] for row in conn.execute("SELECT name FROM documents"))
    finally:
        conn.close()
    assert names == sorted(p.name for p in (story_cache.ROOT / "seeds").glob("*.txt"))
    if code is None:  # keeping off (NEWSDESK_TEST_CACHE=off, a mutation run): nothing kept
        assert not list(folder.glob("seeded-*.db"))
        return
    kept = folder / f"seeded-{code[:24]}.db"
    assert kept.read_bytes() == _seeded_template.read_bytes()

"""Tables kept between processes (bot/kept_tables.py): read from their file when their sources are the same, built
anew when a source changed or the file cannot be read, never written where Python writes no compiled modules; the
quote glossary read from its file is the one built."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.kept_tables import kept, kept_file
from bot.services import quote_lang


def _counting(table: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return table

    return calls, build


TABLE = {"fair": ((False, False, 0, 2), "公平"), "b": [("x", True)], "c": {"d": ["e"]}}


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data file, in a process that writes compiled modules."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "data.json"
    path.write_text("1", encoding="utf-8")
    return path


def test_a_table_is_built_once_and_then_read_from_its_file(tmp_path: Path, source: Path) -> None:
    calls, build = _counting(TABLE)
    assert kept("t", [source], build, tmp_path / "cache") == TABLE
    assert kept("t", [source], build, tmp_path / "cache") == TABLE
    assert len(calls) == 1
    assert kept_file("t", [source], tmp_path / "cache").exists()


def test_a_changed_source_builds_it_anew_and_drops_the_old_file(tmp_path: Path, source: Path) -> None:
    calls, build = _counting(TABLE)
    kept("t", [source], build, tmp_path)
    old = kept_file("t", [source], tmp_path)
    source.write_text("2", encoding="utf-8")
    kept("t", [source], build, tmp_path)
    assert len(calls) == 2
    assert not old.exists() and kept_file("t", [source], tmp_path).exists()


def test_an_unreadable_file_is_built_anew(tmp_path: Path, source: Path) -> None:
    kept_file("t", [source], tmp_path).write_bytes(b"\xff\x00not marshal")
    calls, build = _counting(TABLE)
    assert kept("t", [source], build, tmp_path) == TABLE
    assert len(calls) == 1
    assert kept("t", [source], build, tmp_path) == TABLE and len(calls) == 1  # written again, whole


def test_nothing_is_written_where_python_writes_no_compiled_modules(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    calls, build = _counting(TABLE)
    kept("t", [source], build, tmp_path)
    kept("t", [source], build, tmp_path)
    assert len(calls) == 2
    assert not list(tmp_path.glob("*.marshal"))


def test_the_quote_glossary_read_from_its_file_is_the_one_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    built = quote_lang._built_glossary()
    calls, build = _counting(built)
    kept("glossary", quote_lang._GLOSSARY_SOURCES, build, tmp_path)
    read = kept("glossary", quote_lang._GLOSSARY_SOURCES, build, tmp_path)
    assert len(calls) == 1
    assert read == built
    # the same types, so the same answers: ranks are tuples of bools and ints, derivations lists
    en, ranked = next(iter(built["ranked"].items()))
    assert read["ranked"][en] == ranked and type(read["ranked"][en][0][0][0]) is bool
    assert all(type(v) is list for v in read["derived_from"].values())
    assert quote_lang._glossary() == built


def test_the_japanese_words_read_from_their_file_are_the_ones_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.extract import gloss_words

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    built = gloss_words._built_japanese_words()
    kept("words", gloss_words._JAPANESE_WORDS_SOURCES, lambda: built, tmp_path)
    read = kept("words", gloss_words._JAPANESE_WORDS_SOURCES, lambda: {}, tmp_path)
    assert read == built and list(read) == list(built)
    assert gloss_words.japanese_words() == built


def test_mutation_runs_build_every_table(source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import kept_tables
    from mutation import cold_caches

    monkeypatch.setattr(kept_tables, "ENABLED", True)
    monkeypatch.setattr(cold_caches, "clear_memo_caches", lambda: 0)  # (this process's caches left as they are)
    cold_caches.pytest_sessionstart(None)
    assert kept_tables.ENABLED is False
    calls, build = _counting(TABLE)
    kept("t", [source], build, source.parent)
    kept("t", [source], build, source.parent)
    assert len(calls) == 2 and not list(source.parent.glob("*.marshal"))


def test_the_plain_glosses_reversed_read_from_their_file_are_the_ones_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `about.plain_gloss_index` (an English word → the unmarked nouns glossing it, with the word's place): the same
    # entries in the same order, places as ints, each pair a tuple, as `_reversed` builds them
    from bot.extract import about

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    built = about._built_plain_index()
    calls, build = _counting(built)
    kept("plain", about._PLAIN_INDEX_SOURCES, build, tmp_path)
    read = kept("plain", about._PLAIN_INDEX_SOURCES, build, tmp_path)
    assert len(calls) == 1
    assert read == built and list(read) == list(built)
    assert all(type(v) is list and all(type(p) is tuple and type(p[1]) is int for p in v) for v in read.values())
    assert about.plain_gloss_index() == built


def test_the_synonym_groups_by_word_read_from_their_file_are_the_ones_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `lexicon._groups_of` (a word's matching form → its groups' ids, tuples), which /quote's gist and `--about` read
    from bot.extract import lexicon

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    built = lexicon._built_groups_of()
    calls, build = _counting(built)
    kept("groups", lexicon._GROUPS_OF_SOURCES, build, tmp_path)
    read = kept("groups", lexicon._GROUPS_OF_SOURCES, build, tmp_path)
    assert len(calls) == 1
    assert read == built and list(read) == list(built)
    assert all(type(v) is tuple for v in read.values())
    assert lexicon._groups_of() == built
    assert lexicon.synonyms_of("辞任") and "辞任" in lexicon._groups_of()

"""Compiled regular expressions kept between processes (bot/regex_cache.py) are the patterns `re` compiles.

A pattern built from a kept entry must equal the one `re` compiles from the text (`re.Pattern` equality compares the
text, the flags and the engine's code words) and have the same groups; a file that is not one of ours is ignored;
the file is rewritten only when a process compiled many patterns anew, and never grows past a few processes' worth.
"""

from __future__ import annotations

import _sre
import hashlib
import marshal
import re
import sys
from pathlib import Path

import pytest

# the command line's patterns and those of the modules its commands import when they run (the extraction rules, the
# quote search), compiled through the installed cache
import bot.extract.document
import bot.services.quotes
import bot.terminal.cli  # noqa: F401
from bot import regex_cache
from bot.regex_cache import PatternCache, build, cache_file, entry_of, read

ORIGINAL = regex_cache._installed._original if regex_cache._installed else re._compiler.compile
# What went through the cache by the time this module is imported: the command line's patterns (compiled when its
# modules are imported) and those of whatever was imported before. Read when the test runs, the table held every
# pattern the worker's earlier tests had compiled too — in a full run ~5 s of CPU where the command line's take ~1 s.
AT_IMPORT = dict(regex_cache._installed.used) if regex_cache._installed else {}

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<year>\d{4})年(?P<month>\d{1,2})月", 0),
    (r"(?i)deputy secretary of state", 0),  # an inline flag: the compiled pattern's flags carry it
    (r"(?<![一-龥々])(?P<full>[一-龥々]{2,5}?)(?:氏|さん)(?=は|が)", 0),
    (r"\b(?:said|told|added)\b", re.IGNORECASE.value),
    (r"  a  # a comment\n  b+ ", re.VERBOSE.value),
    (r"^(\w+)\s+\1$", re.MULTILINE.value | re.ASCII.value),
    (rb"\x00(?P<tag>[a-z]+)\xff", 0),
]
TEXTS = ["2024年1月1日に", "Deputy Secretary of State Smith", "岸田文雄氏は述べた", "He SAID so", "abbb", "word word"]


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert a == b  # text, flags and code words
    assert (a.flags, a.groups, a.groupindex) == (b.flags, b.groups, b.groupindex)


def _kept(tmp_path: Path, patterns: list[tuple[str | bytes, int]]) -> PatternCache:
    """A cache that compiled `patterns` and wrote them, read again from its file as the next process reads it."""
    first = PatternCache(tmp_path / "regex.marshal")
    for pattern, flags in patterns:
        first.compile(pattern, flags)
    first.write()
    return PatternCache(tmp_path / "regex.marshal")


def test_a_pattern_built_from_its_kept_entry_is_the_pattern_re_compiles(tmp_path: Path) -> None:
    again = _kept(tmp_path, PATTERNS)
    assert set(again.kept) == set(PATTERNS)
    for pattern, flags in PATTERNS:
        kept = again.compile(pattern, flags)
        _same(kept, ORIGINAL(pattern, flags))
        for text in TEXTS:
            subject = text.encode() if isinstance(pattern, bytes) else text
            found, want = kept.search(subject), ORIGINAL(pattern, flags).search(subject)
            assert (found and (found.span(), found.groupdict())) == (want and (want.span(), want.groupdict()))
    assert again.new == 0, "the second process compiled anew what the first kept"


def test_every_pattern_the_command_line_compiles_is_kept_as_re_compiles_it(tmp_path: Path) -> None:
    assert len(AT_IMPORT) > 300, "the command line's and the extraction's patterns did not go through the cache"
    table = marshal.loads(marshal.dumps(AT_IMPORT))  # as written and read back
    for (pattern, flags), entry in table.items():
        _same(build(pattern, entry), ORIGINAL(pattern, flags))


def test_re_compiles_through_the_installed_cache() -> None:
    assert re._compiler.compile == regex_cache._installed.compile
    pattern = r"(?P<kept>through-the-cache-\d+)"
    re.purge()  # re's own per-process cache of 512 answers first
    re.compile(pattern)
    assert (pattern, 0) in regex_cache._installed.used


class Text(str):
    """A str subclass, as some libraries hand to `re` (marshal keeps none)."""


def test_a_str_subclass_is_compiled_by_re_and_not_kept(tmp_path: Path) -> None:
    cache = PatternCache(tmp_path / "regex.marshal")
    _same(cache.compile(Text(r"(?P<sub>x+)"), 0), ORIGINAL(r"(?P<sub>x+)", 0))
    for i in range(regex_cache.WRITE_AT_LEAST):
        cache.compile(f"plain{i}", 0)
    assert cache.worth_writing()
    cache.write()
    assert len(read(cache.path)) == regex_cache.WRITE_AT_LEAST


def test_a_bad_pattern_is_refused_as_re_refuses_it(tmp_path: Path) -> None:
    cache = PatternCache(tmp_path / "regex.marshal")
    with pytest.raises(re.error, match="unterminated"):
        cache.compile(r"(?P<open>abc", 0)


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal at all", marshal.dumps([1, 2, 3]), marshal.dumps({("a", 0): (1, 2)}), marshal.dumps({"a": 1})],
)
def test_a_file_that_is_not_ours_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "regex.marshal"
    path.write_bytes(content)
    assert read(path) == {}
    cache = PatternCache(path)
    _same(cache.compile(r"(?P<x>\d+)", 0), ORIGINAL(r"(?P<x>\d+)", 0))
    assert cache.new == 1


def test_a_pattern_compiled_again_in_the_same_process_is_built_from_its_entry_not_parsed_again(
    tmp_path: Path, monkeypatch
) -> None:
    # `re` keeps only its last 512 patterns: a pattern it dropped comes back here (bulk39), and is the same pattern
    cache = PatternCache(tmp_path / "regex.marshal")
    parsed: list[str | bytes] = []
    monkeypatch.setattr(regex_cache, "entry_of", lambda p, f: parsed.append(p) or entry_of(p, f))
    for pattern, flags in PATTERNS:
        first = cache.compile(pattern, flags)
        _same(cache.compile(pattern, flags), first)
        _same(cache.compile(pattern, flags), ORIGINAL(pattern, flags))
    assert parsed == [p for p, _ in PATTERNS] and cache.new == len(PATTERNS)


def test_code_the_engine_refuses_is_compiled_again(tmp_path: Path) -> None:
    pattern = r"(?P<x>ab+)c"
    flags, code, groups, groupindex, indexgroup = entry_of(pattern, 0)
    path = tmp_path / "regex.marshal"
    path.write_bytes(marshal.dumps({(pattern, 0): (flags, code[: len(code) // 2], groups, groupindex, indexgroup)}))
    cache = PatternCache(path)
    _same(cache.compile(pattern, 0), ORIGINAL(pattern, 0))
    assert cache.new == 1


def test_the_file_is_named_by_the_interpreter_and_the_engine() -> None:
    name = cache_file().name
    assert sys.implementation.cache_tag in name and str(_sre.MAGIC) in name
    assert cache_file().parent.name == "__pycache__"  # ignored by git, as the compiled modules are
    own = hashlib.sha256(Path(regex_cache.__file__).read_bytes()).hexdigest()[:12]
    assert own in name  # a file another version of the cache's code wrote is never read


def test_a_file_written_by_another_version_of_the_cache_is_removed(tmp_path: Path) -> None:
    tag = f"regex.{sys.implementation.cache_tag}.{_sre.MAGIC}"
    stale, other_python, ours = (
        tmp_path / f"{tag}.0123456789ab.marshal",
        tmp_path / "regex.cpython-399.1.x.marshal",
        cache_file(tmp_path),
    )
    stale.write_bytes(b"old")
    other_python.write_bytes(b"theirs")
    cache = PatternCache(ours)
    cache.compile("y+", 0)
    cache.write()
    assert ours.exists() and not stale.exists() and other_python.exists()


def test_the_file_is_written_only_after_many_new_patterns(tmp_path: Path) -> None:
    cache = PatternCache(tmp_path / "regex.marshal")
    cache.used = {(f"p{i}", 0): entry_of(f"p{i}", 0) for i in range(400)}
    cache.new = 5  # a few patterns changed, or built from a set's order
    assert not cache.worth_writing()
    cache.new = regex_cache.WRITE_AT_LEAST
    assert cache.worth_writing()
    small = PatternCache(tmp_path / "other.marshal")
    small.compile("only-one", 0)
    assert small.worth_writing()  # a first process with few patterns still keeps them


def test_the_file_keeps_what_it_held_until_it_outgrows_one_process(tmp_path: Path) -> None:
    path = tmp_path / "regex.marshal"
    before = PatternCache(path)
    for i in range(10):
        before.compile(f"old{i}", 0)
    before.write()
    mixed = PatternCache(path)
    for i in range(5):
        mixed.compile(f"new{i}", 0)
    mixed.write()
    assert {p for p, _ in read(path)} == {f"old{i}" for i in range(10)} | {f"new{i}" for i in range(5)}
    alone = PatternCache(path)
    alone.compile("lone", 0)  # 16 kept entries for 1 used: over KEEP_FACTOR, only this process's are written
    alone.write()
    assert set(read(path)) == {("lone", 0)}


def test_nothing_is_written_where_python_writes_no_compiled_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = PatternCache(tmp_path / "regex.marshal")
    for i in range(regex_cache.WRITE_AT_LEAST):
        cache.compile(f"w{i}", 0)
    monkeypatch.setattr(regex_cache, "_installed", cache)
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    regex_cache._at_exit()
    assert not cache.path.exists()
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    regex_cache._at_exit()
    assert len(read(cache.path)) == regex_cache.WRITE_AT_LEAST


def test_a_folder_it_cannot_write_leaves_every_pattern_compiled_as_before(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache's folder would be")  # (root ignores a read-only folder's mode)
    cache = PatternCache(blocker / "__pycache__" / "regex.marshal")
    _same(cache.compile("x+", 0), ORIGINAL("x+", 0))
    cache.write()  # no error: nothing kept
    assert blocker.read_text().startswith("a file")


_PATTERN_TEXTS = """
import hashlib, sys
import bot.extract.document, bot.services.quotes, bot.services.stance_about  # noqa: E401, F401
from bot import regex_cache
texts = sorted(repr(k) for k in regex_cache._installed.used)
print(len(texts), hashlib.sha256("\\n".join(texts).encode()).hexdigest())
"""


def test_the_patterns_a_process_compiles_read_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    """An alternation built from a set of words lists them in the set's order, which differs with the string hash
    seed of each process: such a pattern would be compiled anew by every process and never read from the kept
    file. `longest_first` fixes the order of words of one length."""
    import os
    import subprocess

    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run(
            [sys.executable, "-c", _PATTERN_TEXTS], env=env, capture_output=True, text=True, timeout=300, check=True
        )
        outs.append(done.stdout.split())
    assert int(outs[0][0]) > 500  # the extraction rules and the query services were imported
    assert outs[0] == outs[1]


# --- notes of a pattern's parse (`Notes`, `remembered`) ---------------------------------------------------------


def test_a_note_is_read_back_by_the_next_process_and_not_computed_again(tmp_path: Path) -> None:
    first = regex_cache.Notes(tmp_path / "notes.marshal")
    calls: list[str] = []

    def compute(value: object) -> object:
        calls.append("x")
        return value

    for i in range(regex_cache.WRITE_AT_LEAST):
        assert first.get("kind.a", f"p{i}", 0, lambda i=i: compute((i, f"s{i}", None))) == (i, f"s{i}", None)
    assert first.get("kind.a", "p0", 0, lambda: compute("again")) == (0, "s0", None)  # once a process
    assert len(calls) == regex_cache.WRITE_AT_LEAST and first.worth_writing()
    first.write()
    again = regex_cache.Notes(tmp_path / "notes.marshal")
    assert again.get("kind.a", "p3", 0, lambda: compute("computed")) == (3, "s3", None)
    assert again.get("kind.b", "p3", 0, lambda: compute("other code")) == "other code"  # another kind: its own
    assert again.get("kind.a", "p3", re.IGNORECASE.value, lambda: compute("flags")) == "flags"
    assert again.new == 2


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps([1, 2]), marshal.dumps({("a", 0): 1})])
def test_a_notes_file_that_is_not_ours_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.marshal"
    path.write_bytes(content)
    assert regex_cache.Notes(path).get("k", "p", 0, lambda: "computed") == "computed"


def test_notes_are_computed_when_turned_off(monkeypatch) -> None:
    monkeypatch.setattr(regex_cache, "NOTES_ENABLED", False)
    assert regex_cache.remembered("k", "p", 0, lambda: "computed") == "computed"


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![一-龥々])(?:首相|大統領)(?:は|が)",  # a lookbehind first: guarded
        r"(?:(?<=[。！？])|^)(?P<who>[一-龥]{2,4})氏",  # an alternation of lookbehinds: guarded
        r"said|told",  # literals: the engine scans for them itself, no guard
        r"(?i)(?<![a-z])(?:minister|president)",  # a global flag first: the guard cannot lead, plain
        r".*x",  # any character first: plain
    ],
)
def test_guarded_is_the_same_pattern_from_a_note_as_from_the_parse(monkeypatch, pattern: str) -> None:
    from bot.text import guarded

    monkeypatch.setattr(regex_cache, "NOTES_ENABLED", False)
    computed = guarded(pattern)
    monkeypatch.setattr(regex_cache, "NOTES_ENABLED", True)
    monkeypatch.setattr(regex_cache, "_notes", regex_cache.Notes(Path("/nonexistent/notes.marshal")))
    first = guarded(pattern)
    assert first == computed and guarded(pattern) == computed  # noted, then read from the note


def test_an_alternation_is_split_the_same_from_notes() -> None:
    from bot.extract.alternation import Alternation

    patterns = [r"(?<![A-Za-z])said", r"(?<![一-龥])と(?:述べ|語っ)た", r"[一-龥]{2}氏", r"(?<![A-Za-z])told"]
    text = "He said 首相と述べた 岸田氏 she told"
    saved = (regex_cache._notes, regex_cache.NOTES_ENABLED)
    try:
        regex_cache.NOTES_ENABLED = False
        computed = Alternation(patterns)
        regex_cache.NOTES_ENABLED = True
        regex_cache._notes = regex_cache.Notes(Path("/nonexistent/notes.marshal"))
        Alternation(patterns)
        noted = Alternation(patterns)
    finally:
        regex_cache._notes, regex_cache.NOTES_ENABLED = saved
    assert [rx.pattern for rx, _ in noted.parts] == [rx.pattern for rx, _ in computed.parts] and noted.parts
    assert noted.finditer(text) == computed.finditer(text) != []


def test_a_notes_file_written_by_another_version_of_the_cache_is_removed(tmp_path: Path) -> None:
    ours = regex_cache.notes_file(tmp_path)
    stale = ours.with_name(ours.name.rsplit(".", 2)[0] + ".0123456789ab.marshal")
    stale.write_bytes(marshal.dumps({}))
    notes = regex_cache.Notes(ours)
    for i in range(regex_cache.WRITE_AT_LEAST):
        notes.get("k", f"p{i}", 0, lambda: None)
    notes.write()
    assert ours.exists() and not stale.exists()

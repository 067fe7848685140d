"""Compiled regular expressions kept between processes, as Python keeps compiled modules.

Importing the command line compiles ~700 regular expressions (the extraction rules' alternations of titles, verbs
and cue words), ~0.27 s of a `python -m bot` start's ~0.55 s of CPU: `re` parses and compiles every pattern in
Python, and keeps nothing across processes. The bot, every CLI command, worker, bulk pool worker and sandbox, and
every test process pays it again. What `re` hands to its C engine for a pattern is a function of the pattern's text,
its flags and the interpreter alone (`re._compiler.compile`: the code words, the group count and names), so it is
kept here, in a file under the package's `__pycache__` beside the compiled modules, named by the interpreter's cache
tag and the engine's `MAGIC`: another Python never reads it. A process reads it once at start (~6 ms), builds each
pattern it finds there with the engine's own constructor (`_sre.compile`, which checks the code words before it
takes them) and compiles the others as `re` does; at exit, when it compiled many anew (the first run, a release
that changed its rules), it writes the file again — its own patterns and the ones it read, or only its own once the
file holds far more than one process uses (patterns built from a word set's iteration order differ in each process
and would otherwise pile up). The file is trusted as the compiled modules beside it are: only who can write the
package can write it. Nothing is written where Python writes no compiled modules (`sys.dont_write_bytecode`), nor
where the folder is read-only; a file that cannot be read is ignored.

What the project reads from a pattern's parse besides its code is kept the same way, in a second file (`Notes`,
`remembered`): `bot.text.guarded` parses each pattern it guards to find the characters its matches start with, and
`bot.extract.alternation` each alternative to split them by script (~0.07 s of CPU in every process that imports the
extraction rules, when the patterns themselves come from the file). A note's key names the code that made it
(`kind`, with a digest of that code's files), so a note another version made is never read.
"""

from __future__ import annotations

import _sre
import atexit
import hashlib
import marshal
import os
import sys
import tempfile
from array import array
from collections.abc import Callable
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

# (pattern text, flags) → (flags with the pattern's inline ones, code words as bytes, groups - 1, group index,
# index group): `_sre.compile`'s arguments but the text, as `re._compiler.compile` computes them.
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

# Write when this many patterns (or this share of those used) were compiled anew; fewer is a pattern or two
# changed or built from a set's order, not worth rewriting the file for each process.
WRITE_AT_LEAST = 32
WRITE_SHARE = 0.1
# Keep the read patterns too while the file stays within this many times what one process uses.
KEEP_FACTOR = 3

_CODE = "I" if _sre.CODESIZE == 4 else "H"


def cache_file(folder: Path | None = None) -> Path:
    """The file for this interpreter, its regular-expression engine and this module's own text (a file written by
    another version of the code that makes the entries is never read)."""
    tag = sys.implementation.cache_tag or "python"
    own = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    return (folder or Path(__file__).resolve().parent / "__pycache__") / f"regex.{tag}.{_sre.MAGIC}.{own}.marshal"


def entry_of(pattern: str | bytes, flags: int) -> Entry:
    """What `re._compiler.compile` hands to the engine for `pattern` and `flags`, to keep."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        array(_CODE, code).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def build(pattern: str | bytes, entry: Entry) -> Any:
    """The compiled pattern from a kept entry, as `re._compiler.compile` makes it."""
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_CODE, code).tolist(), groups, groupindex, indexgroup)


def _valid(table: object) -> bool:
    return isinstance(table, dict) and all(
        isinstance(k, tuple) and len(k) == 2 and isinstance(v, tuple) and len(v) == 5 for k, v in table.items()
    )


def read(path: Path) -> dict[tuple[str | bytes, int], Entry]:
    """The kept entries, or none when the file is missing or not one of ours."""
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if _valid(table) else {}


class _KeptFile:
    """What one file kept (`kept`), what this process used (`used`) and how many of those it made anew (`new`)."""

    path: Path
    kept: dict[Any, Any]
    used: dict[Any, Any]
    new: int

    def worth_writing(self) -> bool:
        return self.new >= WRITE_AT_LEAST or (self.new > 0 and self.new >= WRITE_SHARE * len(self.used))

    def table(self) -> dict[Any, Any]:
        """What to write: this process's entries, and the file's while it stays within KEEP_FACTOR of them."""
        table = {**self.kept, **self.used}
        return dict(self.used) if len(table) > KEEP_FACTOR * len(self.used) else table

    def write(self) -> None:
        """Keep this process's entries (and the file's, while it stays small), replacing the file at once."""
        if _replace(self.path, self.table()):
            _drop_others(self.path)


class PatternCache(_KeptFile):
    """The kept entries of one file and what this process compiled; `compile` stands in for
    `re._compiler.compile`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept = read(path)
        self.used: dict[tuple[str | bytes, int], Entry] = {}
        self.new = 0
        self._original = _compiler.compile

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        if type(pattern) not in (str, bytes) or flags & _compiler.SRE_FLAG_DEBUG:
            # a parsed pattern (re's own callers), a str subclass (marshal keeps neither) or a debug dump
            return self._original(pattern, flags)
        key = (pattern, int(flags))
        # what this process compiled already first (bulk39): `re` keeps only its last 512 patterns, first in first
        # out, and a pattern made per name (`rf"…{re.escape(name)}…"`, ~3 an article) pushes the rules' own out of
        # it, so the same patterns come here again and again (~1,400 of 6,300 compiles a round over the stories
        # and 300 bench articles) and were parsed again when the file did not hold them
        entry = self.used.get(key) or self.kept.get(key)
        if entry is not None:
            try:
                compiled = build(pattern, entry)
            except (RuntimeError, TypeError, ValueError, OverflowError):  # the engine refused the kept code
                entry = None
        if entry is None:
            entry = entry_of(pattern, flags)  # raises re.error as re does for a bad pattern
            compiled = build(pattern, entry)
            self.new += 1
        self.used[key] = entry
        return compiled


class Notes(_KeptFile):
    """Values read from a pattern's parse, kept between processes: (kind, pattern, flags) → a value marshal keeps."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept = _read_notes(path)
        self.used: dict[tuple[str, str | bytes, int], Any] = {}
        self.new = 0

    def get(self, kind: str, pattern: str | bytes, flags: int, compute: Callable[[], Any]) -> Any:
        key = (kind, pattern, int(flags))
        if key in self.used:
            return self.used[key]
        if key in self.kept:
            value = self.kept[key]
        else:
            value = compute()
            self.new += 1
        self.used[key] = value
        return value


def notes_file(folder: Path | None = None) -> Path:
    tag = sys.implementation.cache_tag or "python"
    own = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    return (folder or Path(__file__).resolve().parent / "__pycache__") / f"regex-notes.{tag}.{own}.marshal"


def _read_notes(path: Path) -> dict[tuple[str, str | bytes, int], Any]:
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    ok = isinstance(table, dict) and all(isinstance(k, tuple) and len(k) == 3 for k in table)
    return table if ok else {}


def _replace(path: Path, table: object) -> bool:
    """The table in its file, replaced at once (a reader sees the old file or the new, never a part); False where it
    cannot be written (a read-only install, a value marshal cannot keep): compiled and read as without it."""
    try:
        path.parent.mkdir(exist_ok=True)
        fd, part = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
        try:
            os.fchmod(fd, 0o644)  # readable as the compiled modules beside it are
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(table))
            os.replace(part, path)
        except BaseException:
            Path(part).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        return False
    return True


def _drop_others(path: Path) -> None:
    """Remove this interpreter's files of the same name written by another version of this module."""
    stem = path.name.rsplit(".", 2)[0]  # regex.<tag>.<magic> or regex-notes.<tag>: this interpreter's files
    try:
        for old in path.parent.glob(f"{stem}.*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return


# False: every note computed, none read or kept (mutation runs: each mutant's code must compute its own,
# `mutation/cold_caches.py`)
NOTES_ENABLED = True
_notes: Notes | None = None


def remembered(kind: str, pattern: str | bytes, flags: int, compute: Callable[[], Any]) -> Any:
    """`compute()`, a value read from `pattern`'s parse by the code `kind` names, kept between processes."""
    if _notes is None or not NOTES_ENABLED:
        return compute()
    return _notes.get(kind, pattern, flags, compute)


def code_digest(*files: str | Path) -> str:
    """A short digest of source files: the code a note's `kind` names."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(Path(f).read_bytes())
    return digest.hexdigest()[:12]


_installed: PatternCache | None = None


def _at_exit() -> None:
    cache = _installed
    if cache is not None and cache.worth_writing() and not sys.dont_write_bytecode:
        cache.write()
    if _notes is not None and NOTES_ENABLED and _notes.worth_writing() and not sys.dont_write_bytecode:
        _notes.write()


def install(path: Path | None = None) -> PatternCache:
    """Compile this process's regular expressions through the kept file (once a process; `bot/__init__.py`)."""
    global _installed, _notes
    if _installed is None:
        _installed = PatternCache(path or cache_file())
        _notes = Notes(notes_file(path.parent if path else None))
        _compiler.compile = _installed.compile
        atexit.register(_at_exit)
    return _installed

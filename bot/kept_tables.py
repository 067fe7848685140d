"""Tables built from the data files, kept between processes as Python keeps compiled modules.

Some tables are a function of the package's data files and of the code that builds them alone, and cost far more
to build than to read: the glossary a quote in the other language reads (`quote_lang`: JMdict's glosses read
backwards, ranked, ~1 s of CPU) loads from a marshal file in ~0.1 s. `kept(name, sources, build)` returns the table
kept in `bot/__pycache__/NAME.TAG.VERSION.DIGEST.marshal`, where DIGEST is the SHA-256 of the `sources` (the data
files and the modules whose code builds it), TAG the interpreter's cache tag and VERSION marshal's: a file written
from other data, by other code or by another Python is never read. Where there is none (the first use after an
install or a change), the table is built, and written for the next process unless Python writes no compiled
modules here (`sys.dont_write_bytecode`) or the folder is read-only; a file that cannot be read is built anew. The
file is trusted as the compiled modules beside it are: only who can write the package can write it (the rules of
`bot/regex_cache.py`).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FOLDER = Path(__file__).resolve().parent / "__pycache__"
# False: every table built, no file read or written (mutation runs: each mutant must build with its own code,
# `mutation/cold_caches.py`)
ENABLED = True


def kept_file(name: str, sources: Sequence[Path], folder: Path | None = None) -> Path:
    """The file that holds the table `name` built from `sources` by this interpreter."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    tag = sys.implementation.cache_tag or "python"
    return (folder or FOLDER) / f"{name}.{tag}.{marshal.version}.{digest.hexdigest()[:16]}.marshal"


def kept(name: str, sources: Sequence[Path], build: Callable[[], T], folder: Path | None = None) -> T:
    """The table `build()` makes from `sources`, read from its kept file when there is one, else built (and kept
    for the next process). `build` must return what marshal keeps (dicts, lists, tuples, strings, numbers)."""
    if not ENABLED:
        return build()
    try:
        path = kept_file(name, sources, folder)
    except OSError:  # a source that cannot be read: built, as without the file
        return build()
    try:
        return marshal.loads(path.read_bytes())  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or unreadable
        pass
    table = build()
    if not sys.dont_write_bytecode:
        _write(path, table)
    return table


def _write(path: Path, table: object) -> None:
    """The table in its file, replaced at once (a reader sees the old file or the new, never a part), and the
    files of the same name that other sources made removed."""
    try:
        data = marshal.dumps(table)
        path.parent.mkdir(exist_ok=True)
        fd, part = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
        try:
            os.fchmod(fd, 0o644)  # readable as the compiled modules beside it are
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(part, path)
        except BaseException:
            Path(part).unlink(missing_ok=True)
            raise
        stem = path.name.rsplit(".", 2)[0]  # NAME.TAG.VERSION: this interpreter's files of the table
        for old in path.parent.glob(f"{stem}.*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):  # a read-only install, a value marshal cannot keep: built again next time
        return

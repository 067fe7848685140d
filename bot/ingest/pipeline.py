"""From text to stored document: parse → extract (in a worker thread) → one transaction.

The extraction rules (`bot.extract.document`, ~0.3 s of CPU to import) and the encoding detector are imported at
their first use (`LATER`), not with this module: `open_store`, which every command line command, the bot and the
worker call, needs neither unless a shipped seed is missing, and a `quote` or `timeline` process imported the whole
extraction pipeline only to open its store. They are still this module's names (`pipeline.extract_document`), so
the bench and the tests that replace one here replace what the functions call.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import sqlite3
import stat
from pathlib import Path
from typing import Any

from bot.ingest.parse import BadFrontMatter, FrontMatter, parse_document
from bot.models import IngestResult, ParsedDocument
from bot.rows import Provenance
from bot.store import Store
from bot.store.backend import open_backend
from bot.store.store import WithDocument
from bot.user_errors import UserError

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 2_000_000
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}

# This module's names imported at their first use: name → its module.
LATER = {
    "content_hash": "bot.extract.document",
    "extract_document": "bot.extract.document",
    "same_event": "bot.extract.events",
    "decode_text": "bot.ingest.fetch",
}


def imported_later(namespace: dict[str, Any], later: dict[str, str], name: str) -> Any:
    """`namespace[name]` (a module's globals), imported from `later[name]` and kept there at its first use."""
    if name not in namespace:
        if name not in later:
            raise AttributeError(f"module {namespace.get('__name__')!r} has no attribute {name!r}")
        namespace[name] = getattr(importlib.import_module(later[name]), name)
    return namespace[name]


def __getattr__(name: str) -> Any:  # `pipeline.extract_document` from outside, before any use imported it
    return imported_later(globals(), LATER, name)


def _later(name: str) -> Any:
    return imported_later(globals(), LATER, name)


async def ingest_parsed(
    store: Store,
    parsed: ParsedDocument,
    *,
    provenance: Provenance | None = None,
    digest: str | None = None,
    with_document: WithDocument | None = None,
) -> IngestResult:
    """Store a parsed document unless it is empty or already there (`digest`: its content_hash, if known;
    `with_document`: the caller's row written in the document's transaction, only when it is added)."""
    content_hash, extract_document, same_event = map(_later, ("content_hash", "extract_document", "same_event"))
    empty = empty_refusal(parsed)
    if empty is not None:
        return empty
    digest = digest or await asyncio.to_thread(content_hash, parsed)
    dup = await store.find_duplicate(digest, parsed.url, provenance.guild_id if provenance else None)
    if dup is not None:
        return IngestResult.duplicate(parsed.name, dup)
    ex = await asyncio.to_thread(extract_document, parsed, store.actors, digest)
    try:
        doc_id, new_actors = await store.add_document(
            parsed, ex, provenance=provenance, same_event=same_event, with_document=with_document
        )
    except sqlite3.IntegrityError:  # the same content arrived concurrently
        dup = await store.find_duplicate(ex.content_hash, parsed.url, provenance.guild_id if provenance else None)
        return IngestResult.duplicate(parsed.name, dup)
    return IngestResult(
        "added",
        parsed.name,
        document_id=doc_id,
        title=parsed.title,
        outlet=parsed.outlet,
        published=parsed.published,
        passages=len(parsed.passages),
        events=len(ex.events),
        statements=len(ex.statements),
        new_actors=new_actors,
    )


async def ingest_text(
    store: Store,
    text: str,
    *,
    name: str,
    origin: str = "text",
    fm: FrontMatter | None = None,
    provenance: Provenance | None = None,
    with_document: WithDocument | None = None,
) -> IngestResult:
    done = await asyncio.to_thread(parse_text, text, name, origin, fm)
    if isinstance(done, IngestResult):
        return done
    parsed, digest = done
    return await ingest_parsed(store, parsed, provenance=provenance, digest=digest, with_document=with_document)


def empty_refusal(parsed: ParsedDocument) -> IngestResult | None:
    """The refusal of a parsed document without article text, or None when it has some."""
    if not parsed.passages or sum(len(p.text) for p in parsed.passages) < 20:
        return IngestResult.refused(parsed.name, UserError("ingest.no_text"))
    return None


def parse_text(
    text: str, name: str, origin: str, fm: FrontMatter | None = None
) -> tuple[ParsedDocument, str] | IngestResult:
    """(parsed document, content hash), or the refusal of a text too long or with bad front matter (CPU work)."""
    if len(text) > MAX_TEXT_CHARS:
        return IngestResult.refused(name, UserError("ingest.text_too_long", length=len(text), limit=MAX_TEXT_CHARS))
    try:
        parsed = parse_document(text, name=name, origin=origin, fm=fm)
    except BadFrontMatter as e:
        return IngestResult.refused(name, e)
    return parsed, _later("content_hash")(parsed)


# A file is refused from its size before a byte is read: MAX_TEXT_CHARS characters of Japanese are
# about 3 bytes each in UTF-8 (4 at most), so anything larger cannot be under the character limit.
MAX_FILE_BYTES = MAX_TEXT_CHARS * 4


class NotText(UserError):
    """The bytes are not an article's text (binary, or undecodable)."""


def decode_file(data: bytes, name: str) -> str:
    """A file's text: UTF-8 (BOM allowed), else the declared or detected legacy Japanese encoding.

    A NUL byte means binary (no text encoding an article arrives in produces one); a decoding that
    needs replacement characters for more than a sliver of the text means it is not text either.
    """
    if b"\x00" in data:
        raise NotText("file.binary", name=name)
    text, _ = _later("decode_text")(data)
    if text.count("\ufffd") > max(8, len(text) // 100):
        raise NotText("file.not_text", name=name)
    return text


def read_text_file(path: Path) -> str:
    """Read a regular file's text, refusing too-large or non-text files before decoding them.

    The size is checked from `stat` and again while reading (a file that grows, or lies about its
    size, stops at the cap), so a huge file never lands in memory whole.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        raise UserError("file.missing", path=str(path)) from None
    if not stat.S_ISREG(st.st_mode):
        raise UserError("file.folder" if stat.S_ISDIR(st.st_mode) else "file.not_regular", path=str(path))
    if st.st_size > MAX_FILE_BYTES:
        raise UserError("file.too_large", name=path.name, size=_size(st.st_size), limit=_size(MAX_FILE_BYTES))
    with path.open("rb") as f:
        data = f.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise UserError("file.too_large_over", name=path.name, limit=_size(MAX_FILE_BYTES))
    return decode_file(data, path.name)


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"  # unreachable


async def ingest_file(
    store: Store, path: Path, *, origin: str = "file", provenance: Provenance | None = None
) -> IngestResult:
    text = await asyncio.to_thread(read_file, path)
    if isinstance(text, IngestResult):
        return text
    return await ingest_text(store, text, name=path.name, origin=origin, provenance=provenance)


def article_files(path: Path) -> list[Path] | None:
    """The article files under a folder, sorted (.txt/.md, in subfolders too), or None when it is no folder."""
    try:
        if not path.is_dir():
            return None
        return sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
    except OSError:
        return None


def read_file(path: Path) -> str | IngestResult:
    """An article file's text, or the refusal of a file of another type, unreadable, too large or not text."""
    if path.suffix.lower() not in TEXT_SUFFIXES and path.is_file():
        return IngestResult.refused(path.name, UserError("file.type", suffix=path.suffix or "—"))
    try:
        return read_text_file(path)
    except PermissionError:
        return IngestResult.refused(path.name, UserError("file.permission", path=str(path)))
    except OSError as e:
        return IngestResult.refused(path.name, UserError("file.os_error", path=str(path), why=e.strerror or str(e)))
    except UserError as e:
        return IngestResult.refused(path.name, e)
    except ValueError as e:
        return IngestResult("error", path.name, reason=str(e))


async def load_seeds(store: Store, seeds_dir: Path) -> list[IngestResult]:
    """Load every shipped seed article the store lacks, at every start.

    Idempotent: a first run killed half-way through loading is completed by the next start. A seed
    removed on purpose (`source remove`) stays removed, and a database whose owner declined seeding
    (meta `seeded` = "0", as databases from before seeding and the bench's have) is left alone.
    """
    if await store.get_meta("seeded") == "0" or not seeds_dir.is_dir():
        return []
    stored, removed = await store.seed_state()
    results = []
    for path in sorted(seeds_dir.glob("*.txt")):
        if path.name not in stored and path.name not in removed:
            results.append(await ingest_file(store, path, origin="seed"))
    if results:
        log.info("loaded %d seed articles from %s", sum(r.status == "added" for r in results), seeds_dir)
    if await store.get_meta("seeded") is None:
        await store.set_meta("seeded", str(len(stored) + sum(r.status == "added" for r in results)))
    return results


async def open_store(db_path: str, seeds_dir: Path | None, *, lock_wait: float | None = None) -> Store:
    """Open the store and load any shipped seed it lacks (see `load_seeds`)."""
    store = await (open_backend(db_path) if lock_wait is None else open_backend(db_path, lock_wait=lock_wait))
    if seeds_dir is not None:
        await load_seeds(store, seeds_dir)
    return store

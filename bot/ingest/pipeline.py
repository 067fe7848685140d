"""From text to stored document: parse → extract (in a worker thread) → one transaction."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

from bot.extract.document import content_hash, extract_document
from bot.extract.events import same_event
from bot.ingest.parse import FrontMatter, parse_document
from bot.models import IngestResult, ParsedDocument
from bot.store import Store

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 2_000_000
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


async def ingest_parsed(
    store: Store,
    parsed: ParsedDocument,
    *,
    added_by: str | None = None,
    guild_id: int | None = None,
    digest: str | None = None,
) -> IngestResult:
    """Store a parsed document unless it is empty or already there (`digest`: its content_hash, if known)."""
    if not parsed.passages or sum(len(p.text) for p in parsed.passages) < 20:
        return IngestResult("error", parsed.name, reason="no article text found")
    digest = digest or await asyncio.to_thread(content_hash, parsed)
    dup = await store.find_duplicate(digest, parsed.url)
    if dup is not None:
        return IngestResult("duplicate", parsed.name, reason=f"already stored as document #{dup}", duplicate_of=dup)
    ex = await asyncio.to_thread(extract_document, parsed, store.actors, digest)
    try:
        doc_id, new_actors = await store.add_document(
            parsed, ex, added_by=added_by, guild_id=guild_id, same_event=same_event
        )
    except sqlite3.IntegrityError:  # the same content arrived concurrently
        dup = await store.find_duplicate(ex.content_hash, parsed.url)
        return IngestResult("duplicate", parsed.name, reason=f"already stored as document #{dup}", duplicate_of=dup)
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
    added_by: str | None = None,
    guild_id: int | None = None,
) -> IngestResult:
    if len(text) > MAX_TEXT_CHARS:
        return IngestResult(
            "error", name, reason=f"text is too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})"
        )
    parsed, digest = await asyncio.to_thread(_parse_and_hash, text, name, origin, fm)
    return await ingest_parsed(store, parsed, added_by=added_by, guild_id=guild_id, digest=digest)


def _parse_and_hash(text: str, name: str, origin: str, fm: FrontMatter | None) -> tuple[ParsedDocument, str]:
    parsed = parse_document(text, name=name, origin=origin, fm=fm)
    return parsed, content_hash(parsed)


def read_text_file(path: Path) -> str:
    """Read a text file as UTF-8 (BOM allowed), falling back to detection for legacy Japanese encodings."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ValueError(f"{path.name}: not a text file") from None
        return str(best)


async def ingest_file(store: Store, path: Path, *, origin: str = "file") -> IngestResult:
    if not path.is_file():
        return IngestResult("error", path.name, reason=f"no such file: {path}")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return IngestResult(
            "error", path.name, reason=f"unsupported file type {path.suffix or '(none)'}; use .txt or .md"
        )
    try:
        text = await asyncio.to_thread(read_text_file, path)
    except (OSError, ValueError) as e:
        return IngestResult("error", path.name, reason=str(e))
    return await ingest_text(store, text, name=path.name, origin=origin)


async def load_seeds(store: Store, seeds_dir: Path) -> list[IngestResult]:
    """Load the shipped seed articles into a new, empty store (once: remembered in meta)."""
    if await store.get_meta("seeded") is not None:
        return []
    results = []
    if seeds_dir.is_dir() and await store.count_documents() == 0:
        for path in sorted(seeds_dir.glob("*.txt")):
            results.append(await ingest_file(store, path, origin="seed"))
        log.info("loaded %d seed articles from %s", sum(r.status == "added" for r in results), seeds_dir)
    await store.set_meta("seeded", str(len(results)))
    return results


async def open_store(db_path: str, seeds_dir: Path | None) -> Store:
    """Open the store and, on a new database, load the seeds."""
    store = await Store.open(db_path)
    if seeds_dir is not None:
        await load_seeds(store, seeds_dir)
    return store

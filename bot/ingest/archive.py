"""A .zip upload of many articles (`/source add file:backlog.zip`): its .txt/.md members, read safely,
go through the bulk path.

Nothing is extracted to disk, so member paths cannot escape anywhere; sizes are checked from the
archive's directory and again while reading (a member that lies about its size stops at the cap),
so a zip bomb never lands in memory whole.
"""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import Awaitable, Callable
from pathlib import PurePosixPath

from bot.ingest.bulk import BulkOptions, BulkProgress, ResultHook, TextSource, bulk_ingest
from bot.ingest.pipeline import MAX_FILE_BYTES, TEXT_SUFFIXES, NotText, decode_file
from bot.models import IngestResult
from bot.rows import Provenance
from bot.store import Store

MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 400 * 1024 * 1024  # uncompressed, all members together


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


class BadArchive(ValueError):
    """The upload is not a zip archive this path can read (damaged, encrypted, or too large)."""


def read_archive(data: bytes) -> tuple[list[TextSource], list[IngestResult]]:
    """The article members as sources, and a refusal for each other member (CPU and memory work)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as e:
        raise BadArchive(str(e) or "not a zip archive") from None
    if len(infos) > MAX_MEMBERS:
        raise BadArchive(f"{len(infos):,} files (the limit is {MAX_MEMBERS:,})")
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise BadArchive(f"more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB uncompressed")
    sources: list[TextSource] = []
    refused: list[IngestResult] = []
    total = 0
    for info in infos:
        path = PurePosixPath(info.filename)
        name = path.name
        if name.startswith(".") or "__MACOSX" in path.parts:  # the Finder's companions, not articles
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES:
            refused.append(IngestResult.refused_because(name, "file.type", suffix=path.suffix or "-"))
            continue
        if info.file_size > MAX_FILE_BYTES:
            refused.append(IngestResult.refused_because(name, "archive.member_too_large", limit=_mb(MAX_FILE_BYTES)))
            continue
        try:
            with zf.open(info) as f:
                raw = f.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, RuntimeError, OSError, ValueError, NotImplementedError) as e:
            # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method
            refused.append(IngestResult.refused_because(name, "archive.member_unreadable", detail="", detail_en=str(e)))
            continue
        total += len(raw)
        if len(raw) > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            refused.append(IngestResult.refused_because(name, "archive.member_too_large", limit=_mb(MAX_FILE_BYTES)))
            continue
        try:
            text = decode_file(raw, name)
        except NotText as e:
            refused.append(IngestResult.refused(name, e))
            continue
        sources.append(TextSource(text, name, "upload"))
    return sources, refused


async def ingest_archive(
    store: Store,
    data: bytes,
    *,
    provenance: Provenance | None = None,
    on_result: ResultHook | None = None,
    on_progress: Callable[[BulkProgress], Awaitable[None] | None] | None = None,
) -> BulkProgress:
    """Ingest every article of a zip archive; its other members are counted as refused. Raises BadArchive."""
    sources, refused = await asyncio.to_thread(read_archive, data)
    final = await bulk_ingest(
        store,
        sources,
        options=BulkOptions(provenance=provenance or Provenance()),
        on_result=on_result,
        on_progress=on_progress,
    )
    for r in refused:  # members that were never sources: counted in the same summary
        final.count(r)
        if on_result is not None:
            out = on_result(TextSource("", r.name, "upload"), r)
            if out is not None:
                await out
    if final.total is not None:
        final.total += len(refused)
    return final

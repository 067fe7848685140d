"""What counts as already stored, per server (issue 13).

A document is a duplicate for a server when the same content or the same URL is among what that server
sees: its own documents and the shared ones. The same article uploaded by another server is not: it is
stored again as this server's own copy, so an upload never reveals another server's document (its id,
title or URL). The command line (guild None) sees everything: what any server holds is a duplicate for it.

`documents.content_hash` is unique; a server's copy keeps its content hash with the server's id after it
(`<hash>@<guild>`), the shared copy the hash alone (migration 11 renamed the rows stored before).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SHARED = 0


def stored_key(content_hash: str, guild_id: int | None) -> str:
    """The `documents.content_hash` of a document with this content, added by this server (0/None: shared)."""
    return f"{content_hash}@{guild_id}" if guild_id else content_hash


def duplicate_queries(content_hash: str, url: str | None, guild_id: int | None) -> list[tuple[str, tuple]]:
    """The lookups, in order, that find a stored document a server would add again: by content among the
    shared and its own, then by URL among the same; for the command line (None), among every document."""
    out: list[tuple[str, tuple]] = []
    if guild_id is None:
        if content_hash:  # the shared copy, or any server's (`<hash>@<guild>`: '@' < 'A')
            keys = (content_hash, f"{content_hash}@", f"{content_hash}A")
            out.append(
                ("SELECT id FROM documents WHERE content_hash = ? OR (content_hash > ? AND content_hash < ?)", keys)
            )
        if url:
            out.append(("SELECT id FROM documents WHERE url = ? ORDER BY guild_id LIMIT 1", (url,)))
        return out
    guild = guild_id or SHARED
    if content_hash:
        keys = (content_hash, stored_key(content_hash, guild))
        out.append(("SELECT id FROM documents WHERE content_hash IN (?, ?)", keys))
    if url:
        out.append(("SELECT id FROM documents WHERE url = ? AND guild_id IN (0, ?)", (url, guild)))
    return out


def open_reader(db_path: str) -> sqlite3.Connection | None:
    """A read-only connection of its own to an SQLite store (a bulk worker's, to find what is stored
    already), or None when the file cannot be opened so."""
    try:
        db = sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        db.execute("PRAGMA busy_timeout = 5000")
    except sqlite3.Error:
        db.close()
        return None
    db.row_factory = sqlite3.Row
    return db


def stored_as(db: sqlite3.Connection | None, content_hash: str, url: str | None, guild_id: int | None) -> int | None:
    """The stored document a server would add again (see `duplicate_queries`), through a reader of
    `open_reader`; None when there is none or no reader."""
    if db is None:
        return None
    try:
        for sql, params in duplicate_queries(content_hash, url, guild_id):
            row = db.execute(sql, params).fetchone()
            if row is not None:
                return int(row["id"])
    except sqlite3.Error:
        return None
    return None

"""What `/stance --about` reads: the documents where an actor is named beside a target, and their passages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.store.store import Store
from bot.store.tenancy import visible


@dataclass(slots=True)
class DocPassage:
    id: int
    seq: int
    kind: str
    text: str
    url: str | None
    outlet: str | None
    date: str | None
    heading: str | None
    default_speaker: str | None


@dataclass(slots=True)
class DocHead:
    id: int
    name: str
    title: str
    url: str | None
    outlet: str | None
    published: str | None


async def passage_count(store: Store) -> int:
    row = await store.fetchone("SELECT max(rowid) AS n FROM passage_fts")
    return int(row["n"] or 0) if row else 0


def _per_doc(guild_id: int | None) -> tuple[str, tuple[int, ...]]:
    """The documents of the matching passages with their counts; for a server, only those it sees. Each passage's
    document is read from the index of (id, document_id) alone (migration 17), not from the table's pages."""
    scoped, params = visible("d.guild_id", guild_id)
    join = " JOIN documents d ON d.id = p.document_id" if scoped else ""
    where = " WHERE" + scoped.removeprefix(" AND") if scoped else ""
    sql = (
        " per_doc(doc, n) AS (SELECT p.document_id, count(*) FROM hit JOIN passages p INDEXED BY passages_document_of"
        " ON p.id = hit.pid"
        f"{join}{where} GROUP BY p.document_id)"
    )
    return sql, params


async def _newest(store: Store, match: str, scan: int) -> tuple[str, tuple[Any, ...]] | None:
    """The `hit(pid)` CTE of the `scan` newest passages holding the FTS5 query, with its parameters: read by the
    statement itself (FTS5), or first by the store (`Store.newest_matching`: PostgreSQL) and given as ids; None
    when no passage holds it."""
    ids = await store.newest_matching(match, scan)
    if ids is None:
        return (
            "WITH hit(pid) AS (SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rowid DESC LIMIT ?),",
            (
                match,
                scan,
            ),
        )
    if not ids:
        return None
    return f"WITH hit(pid) AS (SELECT id FROM passages WHERE id IN ({','.join('?' * len(ids))})),", tuple(ids)


async def candidate_documents(
    store: Store, actor_id: int, match: str, limit: int, scan: int = 1500, *, guild_id: int | None = None
) -> list[int]:
    """Documents that name the actor and hold the FTS5 query `match`, the most matching passages first
    (newest first among equals), at most `limit`. Only the `scan` newest matching passages are read.
    With `guild_id`, only that server's documents and the shared ones."""
    hit = await _newest(store, match, scan)
    if hit is None:
        return []
    per_doc, params = _per_doc(guild_id)
    rows = await store.fetchall(
        hit[0]
        + per_doc
        # per document, one probe of the (actor, document) pairs its mentions were written with
        + " SELECT doc, n FROM per_doc WHERE EXISTS (SELECT 1 FROM document_actors da WHERE da.actor_id = ?"
        " AND da.document_id = per_doc.doc) ORDER BY n DESC, doc DESC LIMIT ?",
        (*hit[1], *params, actor_id, limit),
    )
    return [int(r["doc"]) for r in rows]


async def candidate_documents_naming(
    store: Store, name: str, match: str, limit: int, scan: int = 3000, *, guild_id: int | None = None
) -> list[int]:
    """Like candidate_documents, for an actor the registry lacks: documents holding the FTS5 query `name`."""
    hit = await _newest(store, match, scan)
    if hit is None:
        return []
    per_doc, params = _per_doc(guild_id)
    rows = await store.fetchall(
        hit[0] + per_doc + ", named(doc) AS (SELECT DISTINCT p.document_id FROM passage_fts f"
        " JOIN passages p INDEXED BY passages_document_of ON p.id = f.rowid"
        " WHERE passage_fts MATCH ?)"
        " SELECT doc, n FROM per_doc WHERE doc IN (SELECT doc FROM named) ORDER BY n DESC, doc DESC LIMIT ?",
        (*hit[1], *params, name, limit),
    )
    return [int(r["doc"]) for r in rows]


async def passages_matching(store: Store, match: str, guild_id: int | None = None) -> bool:
    """Whether any passage (of a document `guild_id` sees) holds the FTS5 query."""
    if guild_id is None:
        row = await store.fetchone("SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? LIMIT 1", (match,))
    else:
        row = await store.fetchone(
            "SELECT passage_fts.rowid FROM passage_fts JOIN passages p INDEXED BY passages_document_of"
            " ON p.id = passage_fts.rowid"
            " JOIN documents d ON d.id = p.document_id WHERE passage_fts MATCH ? AND d.guild_id IN (0, ?) LIMIT 1",
            (match, guild_id),
        )
    return row is not None


async def documents_naming(store: Store, match: str) -> list[int]:
    """The documents with a passage holding the FTS5 query (every server's)."""
    rows = await store.fetchall(
        "SELECT DISTINCT p.document_id FROM passage_fts f JOIN passages p INDEXED BY passages_document_of"
        " ON p.id = f.rowid WHERE passage_fts MATCH ?",
        (match,),
    )
    return [int(r["document_id"]) for r in rows]


async def passage_texts_matching(store: Store, match: str, limit: int, guild_id: int | None = None) -> list[str]:
    """The texts of the newest passages (of documents `guild_id` sees) holding the FTS5 query, at most `limit`."""
    source = "passage_fts f JOIN passages p ON p.id = f.rowid"
    return await _newest_texts(store, source, "passage_fts MATCH ?", (match,), "f.rowid", limit, guild_id)


async def passage_ids_matching(store: Store, match: str, limit: int, guild_id: int | None = None) -> list[int]:
    """The ids of the newest passages (of documents `guild_id` sees) holding the FTS5 query, at most `limit`."""
    scoped, params = visible("d.guild_id", guild_id)
    join = " JOIN passages p ON p.id = f.rowid JOIN documents d ON d.id = p.document_id" if scoped else ""
    rows = await store.fetchall(
        f"SELECT f.rowid AS id FROM passage_fts f{join} WHERE passage_fts MATCH ?{scoped} ORDER BY f.rowid DESC LIMIT ?",
        (match, *params, limit),
    )
    return [int(r["id"]) for r in rows]


async def _newest_texts(
    store: Store, source: str, where: str, args: tuple[Any, ...], newest: str, limit: int, guild_id: int | None
) -> list[str]:
    """The texts of passages `p` of `source` meeting `where` (of documents `guild_id` sees), `newest` first."""
    scoped, params = visible("d.guild_id", guild_id)
    join = " JOIN documents d ON d.id = p.document_id" if scoped else ""
    rows = await store.fetchall(
        f"SELECT p.text FROM {source}{join} WHERE {where}{scoped} ORDER BY {newest} DESC LIMIT ?",
        (*args, *params, limit),
    )
    return [str(r["text"]) for r in rows]


async def document_passages(store: Store, doc_ids: list[int]) -> tuple[dict[int, DocHead], dict[int, list[DocPassage]]]:
    """The documents' heads and their passages in order."""
    if not doc_ids:
        return {}, {}
    marks = ",".join("?" * len(doc_ids))
    heads = {
        int(r["id"]): DocHead(r["id"], r["name"], r["title"], r["url"], r["outlet"], r["published"])
        for r in await store.fetchall(
            f"SELECT id, name, title, url, outlet, published FROM documents WHERE id IN ({marks})", doc_ids
        )
    }
    passages: dict[int, list[DocPassage]] = {d: [] for d in heads}
    for r in await store.fetchall(
        "SELECT id, document_id, seq, kind, text, url, outlet, date, heading, default_speaker FROM passages"
        f" WHERE document_id IN ({marks}) ORDER BY document_id, seq",
        doc_ids,
    ):
        passages[int(r["document_id"])].append(
            DocPassage(
                r["id"],
                r["seq"],
                r["kind"],
                r["text"],
                r["url"],
                r["outlet"],
                r["date"],
                r["heading"],
                r["default_speaker"],
            )
        )
    return heads, passages


async def katakana_terms(store: Store) -> list[str]:
    """Every katakana word the passages' index holds (as it holds them: ー dropped, small ィ read large), for a
    name typed in Latin letters that the reports write only in katakana (`stance_about.katakana_in_store`)."""
    rows = await store.fetchall("SELECT term FROM term_df WHERE term >= ? AND term < ? AND doc > 0", ("ァ", "ヿ"))
    return [str(r["term"]) for r in rows]


async def latin_terms(store: Store) -> list[str]:
    """Every word in Latin letters the passages' index holds (lower case), for a name typed in katakana that the
    reports write only in Latin letters (`stance_about.latin_in_store`)."""
    rows = await store.fetchall("SELECT term FROM term_df WHERE term >= ? AND term < ? AND doc > 0", ("a", "{"))
    return [str(r["term"]) for r in rows]


async def passage_texts_bracketing(store: Store, short: str, limit: int, guild_id: int | None = None) -> list[str]:
    """The texts of the newest passages (of documents `guild_id` sees) holding `short` in brackets, as a report
    writes a body's short name after its full one (日本貿易振興機構(ジェトロ), "Ministry of External Affairs (MEA)"),
    at most `limit`. The full-text index leaves out what brackets hold, so these are read by their text: a scan of
    the passages, asked only once every other reading of a name typed has failed."""
    plain = short.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    where = "(p.text LIKE ? ESCAPE '\\' OR p.text LIKE ? ESCAPE '\\')"
    return await _newest_texts(store, "passages p", where, (f"%({plain})%", f"%（{plain}）%"), "p.id", limit, guild_id)

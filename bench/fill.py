"""``python -m bench.fill RECORDING BASE DB --n N``: a large SQLite bench store in minutes rather than hours.

`bench.bulk --replay FILE --copies --n N` writes renumbered copies of the recorded articles through the real
writer: ~7–12 documents/s on this machine at load 10–20, four hours for 100k, most of it clustering each copy's
events against up to 400 stored events of their day and reading each claim text again (`bench.bulk.renumbered`).
This writes the same copies, in the same order, with the same ids, as rows:
- the document, its passages and full-text rows made exactly as `renumbered` makes them (the number in the
  headline, file name, URLs and that token replaced, the content hash computed again), term counts by
  `term_counts` of the copy's tokens;
- its mentions, actors, events, event actors and statements the original's rows with the copy's ids (the
  extraction `renumbered` keeps is the original's, and a copy adds no actor: each is stored by name already);
- each copy's events in the cluster of the original's events (a copy's event is its original's word for word:
  the best-scored match `same_event` finds), the clusters' states then updated by the writer's own
  `clusters.add_member_groups`; no copy bridges two clusters (the real writer may, where a copy scores ≥ 0.5
  against a cluster formed after its original);
- **not** as the real writer: a copy's claims row is its original's (the records' context text keeps the original's
  headline number and their stored readings the original's title), since reading each copy's claim texts again
  is most of `renumbered`'s time. Only `/stance --about` reads claims (a copy's title is then read at query time).
`--check REAL` compares the result with a store `bench.bulk --replay --copies` made to the same size (table by
table, row for row, timestamps aside) and prints what differs.

    python -m bench.bulk --n 1500 --db base.db --record rec.pickle           # the real extraction (bulk path)
    python -m bench.fill rec.pickle base.db bench_100000.db --n 100000          # copies up to 100k
    python -m bench.bulk --replay rec.pickle --copies --n 2300 --db real.db     # the real writer, smaller
    python -m bench.fill rec.pickle base.db fill.db --n 2300 --check real.db    # what the fill does otherwise
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from bench.bulk import _NUMBERED, _recorded, renumbered_text

# Columns a write stamps with the time it ran: not compared by --check.
STAMPS = {"added_at", "seen_at", "updated_at", "created_at"}


@dataclasses.dataclass(slots=True)
class _Copy:
    """A copy's own values (what `renumbered` changes), and where its original's rows are."""

    original: int  # the original's document id
    document: tuple[Any, ...]  # its documents row (without id)
    passages: list[tuple[Any, ...]]  # (seq, kind, text, url, outlet, date, heading, default_speaker)
    tokens: list[str]
    terms: dict[str, int]


def _copy(item: Any, original: int, index: int, terms: dict[str, int]) -> _Copy | None:
    """Article `item` as article `index`, as `bench.bulk.renumbered` makes it (claims aside); None for one whose
    passages do not hold its number. `terms`: the original's `term_counts` (a copy's differ in the passages
    renumbered only, and are counted there again)."""
    from bot.extract.document import content_hash
    from bot.store.store import document_row, term_counts

    text = renumbered_text(item, index)
    if text is None:
        return None
    parsed, tokens, mark, _ = text
    changed = [i for i, p in enumerate(item.parsed.passages) if mark in p.text]
    passages = parsed.passages
    own = dict(terms)
    for term, k in term_counts([item.ex.tokens[i] for i in changed]).items():
        own[term] = own.get(term, 0) - k
    for term, k in term_counts([tokens[i] for i in changed]).items():
        own[term] = own.get(term, 0) + k
    document = document_row(parsed, content_hash(parsed), item.provenance)
    rows = [
        (seq, p.kind, p.text, p.url, p.outlet, p.date, p.heading, p.default_speaker) for seq, p in enumerate(passages)
    ]
    return _Copy(original, document, rows, tokens, {t: k for t, k in own.items() if k})


def _write(conn: sqlite3.Connection, copies: list[_Copy], terms: dict[str, int]) -> list[int]:
    """The copies' rows (their clusters' states aside); returns the copies' document ids."""
    from bot.store.store import INSERT_DOCUMENT

    next_passage = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM passages").fetchone()[0]
    next_event = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM events").fetchone()[0]
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS copy_map (original INTEGER, copy INTEGER PRIMARY KEY, passages INTEGER,"
        " events INTEGER)"
    )
    conn.execute("DELETE FROM copy_map")
    ids = []
    for c in copies:
        doc_id = conn.execute(INSERT_DOCUMENT, c.document).lastrowid
        first_passage, events = conn.execute(
            "SELECT (SELECT min(id) FROM passages WHERE document_id = ?), (SELECT count(*) FROM events"
            " WHERE document_id = ?)",
            (c.original, c.original),
        ).fetchone()
        first_event = conn.execute("SELECT min(id) FROM events WHERE document_id = ?", (c.original,)).fetchone()[0]
        conn.executemany(
            "INSERT INTO passages(id, document_id, seq, kind, text, url, outlet, date, heading, default_speaker)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(next_passage + p[0], doc_id, *p) for p in c.passages],
        )
        conn.executemany(
            "INSERT INTO passage_fts(rowid, tokens) VALUES (?, ?)",
            [(next_passage + i, t) for i, t in enumerate(c.tokens)],
        )
        conn.execute(
            "INSERT INTO copy_map VALUES (?, ?, ?, ?)",
            (c.original, doc_id, next_passage - first_passage, next_event - (first_event or next_event)),
        )
        next_passage += len(c.passages)
        next_event += events
        for term, k in c.terms.items():
            terms[term] = terms.get(term, 0) + k
        ids.append(doc_id)
    for statement in _FROM_ORIGINALS:
        conn.execute(statement)
    return ids


# A copy's rows that are its original's with the copy's ids (`copy_map`: the original, the copy, the offsets of
# its passage and event ids; CROSS JOIN: read from the copies out, never a scan of a table that grows). A copy's
# document actors are its mentions' actors, as the writer stores them.
_FROM_ORIGINALS = [
    """INSERT INTO mentions(passage_id, actor_id)
        SELECT m.passage_id + c.passages, m.actor_id FROM copy_map c
        CROSS JOIN passages p ON p.document_id = c.original CROSS JOIN mentions m ON m.passage_id = p.id""",
    """INSERT INTO document_actors(actor_id, document_id)
        SELECT DISTINCT m.actor_id, c.copy FROM copy_map c
        CROSS JOIN passages p ON p.document_id = c.original CROSS JOIN mentions m ON m.passage_id = p.id""",
    """INSERT INTO events(id, document_id, passage_id, date, precision, summary, background, topics, weight,
        cluster_id, features, guild_id)
        SELECT e.id + c.events, c.copy, e.passage_id + c.passages, e.date, e.precision, e.summary,
        e.background, e.topics, e.weight, e.cluster_id, e.features, e.guild_id
        FROM copy_map c JOIN events e ON e.document_id = c.original ORDER BY e.id + c.events""",
    """INSERT INTO event_actors(event_id, actor_id)
        SELECT a.event_id + c.events, a.actor_id FROM copy_map c
        CROSS JOIN events e ON e.document_id = c.original CROSS JOIN event_actors a ON a.event_id = e.id""",
    """INSERT INTO statements(document_id, passage_id, actor_id, topic, position, text, date, kind, sort_date,
        guild_id)
        SELECT c.copy, s.passage_id + c.passages, s.actor_id, s.topic, s.position, s.text, s.date, s.kind,
        s.sort_date, s.guild_id
        FROM copy_map c JOIN statements s ON s.document_id = c.original ORDER BY c.copy, s.id""",
    """INSERT INTO document_claims(document_id, version, actors_known, own_actors, provisional, claims)
        SELECT c.copy, k.version, k.actors_known, '[]', k.provisional, k.claims
        FROM copy_map c JOIN document_claims k ON k.document_id = c.original ORDER BY c.copy""",
]


async def _clusters(conn: sqlite3.Connection, documents: list[int]) -> None:
    """The clusters' states after the copies' events joined them, document after document (the writer's code)."""
    from bot.store.clusters import MEMBER_COLUMNS, Member, add_member_groups
    from bot.store.syncdb import SyncDB

    actors: dict[int, list[int]] = {}
    groups: dict[int, list[Any]] = {d: [] for d in documents}
    marks = ",".join("?" * len(documents))
    for event_id, actor_id in conn.execute(
        f"SELECT a.event_id, a.actor_id FROM events e JOIN event_actors a ON a.event_id = e.id"
        f" WHERE e.document_id IN ({marks})",
        documents,
    ):
        actors.setdefault(event_id, []).append(actor_id)
    for row in conn.execute(
        f"SELECT document_id, cluster_id, topics, {MEMBER_COLUMNS} FROM events WHERE document_id IN ({marks})"
        " ORDER BY id",
        documents,
    ):
        member = Member.from_row(row[3:])
        groups[row[0]].append((row[1], member, sorted(actors.get(member.id, [])), json.loads(row[2])))
    ordered = [groups[d] for d in documents if groups[d]]
    await add_member_groups(SyncDB(conn), ordered, [0] * len(ordered))  # type: ignore[arg-type]


async def fill(
    recording: Path, base: Path, db: Path, n: int, log_every: int = 5000, resume: bool = False
) -> dict[str, Any]:
    """`db` made from `base` (the recording's articles, written by the bulk path) and copies up to `n` documents,
    batch by batch as `bench.bulk --copies` writes them (each batch a transaction). `resume`: `db` holds the first
    batches already (a fill stopped), and the copies go on from there."""
    from bot.store.backend import open_backend
    from bot.store.store import BULK_AUTOMERGE, BULK_HASHSIZE

    if not resume:
        db.unlink(missing_ok=True)
        with contextlib.closing(sqlite3.connect(base)) as src, contextlib.closing(sqlite3.connect(db)) as dst:
            src.backup(dst)
    started, cpu = time.perf_counter(), time.process_time()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")  # a bench store: made again if the machine stops
    conn.execute("PRAGMA cache_size = -400000")  # 400 MB: the indexes' pages, not read again through the kernel
    with contextlib.closing(sqlite3.connect(f"file:{base}?mode=ro", uri=True)) as src:
        names = dict(src.execute("SELECT name, id FROM documents").fetchall())
    have = len(names)
    written = logged = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    skip = written - have  # copies the stopped fill wrote: whole batches, in this order
    from bot.store.store import term_counts

    batches = []  # the recorded batches' articles that have a number: (article, its number, its terms)
    for items in _recorded(recording, None):
        numbered = []
        for item in items:
            if number := _NUMBERED.fullmatch(item.parsed.name):
                terms = item.terms if getattr(item, "terms", None) is not None else term_counts(item.ex.tokens)
                numbered.append((item, int(number.group(1)), terms))
        batches.append(numbered)
    recorded = 1 + max((k for batch in batches for _, k, _ in batch), default=0)
    for setting, value in (("automerge", BULK_AUTOMERGE), ("hashsize", BULK_HASHSIZE)):
        conn.execute("INSERT INTO passage_fts(passage_fts, rank) VALUES (?, ?)", (setting, value))
    terms: dict[str, int] = {}
    round_ = 0
    while written < n:
        round_ += 1
        made = 0
        for batch in batches:
            if written >= n:
                break
            if skip > 0:  # as many copies as `_copy` would make: the articles whose passages hold their number
                k = sum(any(f"No.{number:06d}" in p.text for p in item.parsed.passages) for item, number, _ in batch)
                skip -= k
                made += k
                if skip < 0:
                    raise RuntimeError(f"{db} stopped inside a batch: not a fill of this recording")
                continue
            copies = [
                c
                for item, k, counts in batch
                if (c := _copy(item, names[item.parsed.name], k + round_ * recorded, counts)) is not None
            ]
            if not copies:
                continue
            conn.execute("BEGIN IMMEDIATE")
            documents = _write(conn, copies, terms)
            await _clusters(conn, documents)
            conn.executemany(
                "INSERT INTO term_df(term, doc) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET doc = term_df.doc"
                " + excluded.doc",
                sorted(terms.items()),
            )
            terms.clear()
            conn.execute("COMMIT")
            written += len(copies)
            made += len(copies)
            if written - logged >= log_every:
                logged = written
                print(
                    f"[bench.fill] {written:,} documents, {time.perf_counter() - started:.0f} s"
                    f" ({time.strftime('%H:%M:%S')})",
                    file=sys.stderr,
                    flush=True,
                )
        if not made:
            break
    conn.close()
    store = await open_backend(db)  # the index merged as a bulk run's end merges it
    try:
        await store.bulk_index_settings(False)
    finally:
        await store.close()
    return {
        "documents": written,
        "copies": written - have,
        "seconds": round(time.perf_counter() - started, 1),
        "cpu_ms_per_copy": round((time.process_time() - cpu) / max(1, written - have) * 1000, 2),
    }


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] not in STAMPS]


def check(filled: Path, real: Path) -> dict[str, tuple[int, int, int]]:
    """Per table: (rows in the fill, rows in the real store, rows of either not in the other), timestamps aside."""
    out: dict[str, tuple[int, int, int]] = {}
    with contextlib.closing(sqlite3.connect(f"file:{filled}?mode=ro", uri=True)) as conn:
        conn.execute("ATTACH ? AS real", (f"file:{real}?mode=ro",))
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'passage_fts_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
            )
        ]
        for table in [*tables, "passage_fts"]:
            columns = ["rowid", "tokens"] if table == "passage_fts" else _columns(conn, table)
            cols = ", ".join(f'"{c}"' for c in columns)
            mine = conn.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]
            theirs = conn.execute(f'SELECT count(*) FROM real."{table}"').fetchone()[0]
            apart = conn.execute(
                f'SELECT (SELECT count(*) FROM (SELECT {cols} FROM main."{table}" EXCEPT SELECT {cols} FROM real."{table}"))'
                f' + (SELECT count(*) FROM (SELECT {cols} FROM real."{table}" EXCEPT SELECT {cols} FROM main."{table}"))'
            ).fetchone()[0]
            out[table] = (mine, theirs, apart)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.fill", description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("recording", type=Path, help="the batches `bench.bulk --record` kept")
    p.add_argument("base", type=Path, help="the store that bulk run wrote (copied, not changed)")
    p.add_argument("db", type=Path, help="the store to make (replaced)")
    p.add_argument("--n", type=int, required=True, help="documents to reach (in whole batches)")
    p.add_argument("--check", type=Path, metavar="REAL", help="compare with a store `bench.bulk --copies` made")
    p.add_argument("--resume", action="store_true", help="go on with DB, a fill that was stopped")
    args = p.parse_args(argv)
    result = asyncio.run(fill(args.recording, args.base, args.db, args.n, resume=args.resume))
    print(
        f"{result['documents']:,} documents ({result['copies']:,} copies) in {result['seconds']} s,"
        f" {result['cpu_ms_per_copy']} CPU ms a copy"
    )
    if args.check is not None:
        apart = 0
        for table, (mine, theirs, differ) in check(args.db, args.check).items():
            apart += differ
            if differ or mine != theirs:
                print(f"  {table}: {mine:,} rows filled, {theirs:,} real, {differ:,} rows of either not in the other")
        print("same rows as the real writer's" if not apart else f"{apart:,} rows differ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m bench.pgfill RECORDING BASE DB URL``: `bench.fill`'s copies made by PostgreSQL's server as they are written.

Copying a 100k SQLite store with `bench.pgcopy` took 32 minutes at load 14–19, after the SQLite store itself was
made; this makes the same PostgreSQL database beside `bench.fill`, following it. The base store is copied
(`bench.pgcopy`), then, as `bench.fill` commits copies into DB, the same copies are made by the server from their
originals' rows with the same ids: the documents rows read from DB (their renumbered name, title, URL and content
hash), passages and their full-text rows with the number replaced in the text, URLs and tokens (as
`bench.bulk.renumbered` replaces it), mentions, document actors, events (in their originals' clusters), event
actors, statements (their stance days counted by the triggers, as ingestion counts them) and claims rows, each
chunk one transaction. When DB has gained no copy for `--idle` seconds (its fill ended, or was stopped: each of
its batches is a transaction, so it stops at a whole batch), the GIN index is built, and what `bench.fill` computed
in Python is taken from DB (`finish`: the clusters' states and `term_df`); every table's rows are then counted on
both. Checked at 2,301 documents: every row of every table the same on both (claims by their digest).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from bench.bulk import _NUMBERED, _recorded
from bench.pg import fresh_database

GIN = "passage_fts_tsv"
CHUNK = 2000  # copies written by the server at a time (one transaction)
PER_DOCUMENT = "SELECT document_id, min(id), count(*) FROM {} GROUP BY document_id"
DOCUMENT_COLUMNS = "id, name, title, url, outlet, published, language, origin, author, content_hash, added_at, added_by, guild_id, quiet"
FROM_CLUSTERS = ("clusters", "cluster_actors", "cluster_topics", "term_df")  # computed by bench.fill's Python

# The copies' rows from their originals' (`copy_map`: original, copy, passage and event id offsets, old and new
# number), as bench.fill's statements make them; the text, URLs and tokens renumbered as `renumbered` does.
_FROM_ORIGINALS = [
    """INSERT INTO passages(id, document_id, seq, kind, text, url, outlet, date, heading, default_speaker)
    SELECT p.id + c.passages, c.copy, p.seq, p.kind, replace(p.text, 'No.' || c.old, 'No.' || c.new),
        replace(p.url, '/' || c.old, '/' || c.new), p.outlet, p.date, p.heading, p.default_speaker
    FROM copy_map c JOIN passages p ON p.document_id = c.original ORDER BY 1""",
    """INSERT INTO passage_fts(rowid, tokens)
    SELECT f.rowid + c.passages, CASE WHEN strpos(p.text, 'No.' || c.old) > 0
        THEN regexp_replace(f.tokens, '(^| )' || c.old || '(?= |$)', '\\1' || c.new, 'g') ELSE f.tokens END
    FROM copy_map c JOIN passages p ON p.document_id = c.original JOIN passage_fts f ON f.rowid = p.id ORDER BY 1""",
    """INSERT INTO mentions(passage_id, actor_id)
    SELECT m.passage_id + c.passages, m.actor_id FROM copy_map c JOIN passages p ON p.document_id = c.original
    JOIN mentions m ON m.passage_id = p.id""",
    """INSERT INTO document_actors(actor_id, document_id)
    SELECT DISTINCT m.actor_id, c.copy FROM copy_map c JOIN passages p ON p.document_id = c.original
    JOIN mentions m ON m.passage_id = p.id""",
    """INSERT INTO events(id, document_id, passage_id, date, precision, summary, background, topics, weight,
        cluster_id, features, guild_id)
    SELECT e.id + c.events, c.copy, e.passage_id + c.passages, e.date, e.precision, e.summary, e.background,
        e.topics, e.weight, e.cluster_id, e.features, e.guild_id
    FROM copy_map c JOIN events e ON e.document_id = c.original ORDER BY 1""",
    """INSERT INTO event_actors(event_id, actor_id)
    SELECT a.event_id + c.events, a.actor_id FROM copy_map c JOIN events e ON e.document_id = c.original
    JOIN event_actors a ON a.event_id = e.id""",
    """INSERT INTO statements(id, document_id, passage_id, actor_id, topic, position, text, date, kind, sort_date,
        guild_id)
    SELECT nextval('newsdesk_ids_statements'), o.* FROM (SELECT c.copy, s.passage_id + c.passages, s.actor_id,
        s.topic, s.position, s.text, s.date, s.kind, s.sort_date, s.guild_id
        FROM copy_map c JOIN statements s ON s.document_id = c.original ORDER BY c.copy, s.id) AS o""",
    """INSERT INTO document_claims(document_id, version, actors_known, own_actors, provisional, claims)
    SELECT c.copy, k.version, k.actors_known, '[]', k.provisional, k.claims
    FROM copy_map c JOIN document_claims k ON k.document_id = c.original""",
]


def _copies(recording: Path, names: dict[str, int]) -> Iterator[tuple[int, str, str]]:
    """(original document id, old number, new number) of each copy, in `bench.fill`'s order (round after round,
    batch after batch, the recorded articles whose passages hold their number)."""
    batches = []
    for items in _recorded(recording, None):
        batch = []
        for item in items:
            if (m := _NUMBERED.fullmatch(item.parsed.name)) and any(
                f"No.{m.group(1)}" in p.text for p in item.parsed.passages
            ):
                batch.append((names[item.parsed.name], int(m.group(1))))
        batches.append(batch)
    recorded = 1 + max((int(m.group(1)) for name in names if (m := _NUMBERED.fullmatch(name))), default=0)
    for round_ in itertools.count(1):
        for batch in batches:
            for original, k in batch:
                yield original, f"{k:06d}", f"{k + round_ * recorded:06d}"


def fill(recording: Path, base: Path, url: str, follow: Path, idle: float = 120.0) -> None:
    """The database at `url` made again: the base store copied, then the copies `bench.fill` writes into `follow`,
    as it writes them, until it has written none for `idle` seconds; then the GIN index and `finish`."""
    import psycopg

    from bench.pgcopy import _migrated, copy_rows

    started = time.perf_counter()
    fresh_database(url)
    asyncio.run(_migrated(base, url))
    copy_rows(base, url, progress=False)
    with contextlib.closing(sqlite3.connect(f"file:{base}?mode=ro", uri=True)) as lite:
        names = dict(lite.execute("SELECT name, id FROM documents").fetchall())
        passages = {d: (first, k) for d, first, k in lite.execute(PER_DOCUMENT.format("passages"))}
        events = {d: (first, k) for d, first, k in lite.execute(PER_DOCUMENT.format("events"))}
        last_doc, last_passage, last_event = lite.execute(
            "SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM passages),"
            " (SELECT coalesce(max(id), 0) FROM events)"
        ).fetchone()
    copies = _copies(recording, names)
    source = sqlite3.connect(f"file:{follow}?mode=ro", uri=True)
    quiet_since = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP INDEX {GIN}")
        conn.execute(
            "CREATE TEMP TABLE copy_map (original BIGINT, copy BIGINT PRIMARY KEY, passages BIGINT, events BIGINT,"
            " old TEXT, new TEXT)"
        )
        while True:
            written = source.execute("SELECT max(id) FROM documents").fetchone()[0] or 0
            upto = min(written, last_doc + CHUNK)
            if upto <= last_doc:
                if time.perf_counter() - quiet_since > idle:
                    break
                time.sleep(5)
                continue
            quiet_since = time.perf_counter()
            documents = source.execute(
                f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id > ? AND id <= ? ORDER BY id", (last_doc, upto)
            ).fetchall()
            plan = []
            for row in documents:
                original, old, new = next(copies)
                if row[1] != f"syn_{new}.txt":
                    raise RuntimeError(f"document {row[0]} is {row[1]}, not the copy of {original} as {new}")
                first_event, k_events = events.get(original, (last_event + 1, 0))
                plan.append(
                    (original, row[0], last_passage + 1 - passages[original][0], last_event + 1 - first_event, old, new)
                )
                last_passage += passages[original][1]
                last_event += k_events
            with conn.transaction():
                conn.execute("TRUNCATE copy_map")
                with conn.cursor().copy(f"COPY documents ({DOCUMENT_COLUMNS}) FROM STDIN") as out:
                    for row in documents:
                        out.write_row(row)
                with conn.cursor().copy("COPY copy_map FROM STDIN") as out:
                    for row in plan:
                        out.write_row(row)
                conn.execute("ANALYZE copy_map")
                for statement in _FROM_ORIGINALS:
                    conn.execute(statement)
            last_doc = upto
            print(
                f"[bench.pgfill] {upto:,} documents, {time.perf_counter() - started:.0f} s"
                f" ({time.strftime('%H:%M:%S')})",
                file=sys.stderr,
                flush=True,
            )
        source.close()
        conn.execute("SET maintenance_work_mem = '512MB'")
        conn.execute(f"CREATE INDEX {GIN} ON passage_fts USING gin (tsv)")
        for table in ("documents", "passages", "events", "statements"):
            conn.execute(
                f"SELECT setval('newsdesk_ids_{table}', coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
            )
    print(f"[bench.pgfill] index built, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


def finish(db: Path, url: str) -> dict[str, tuple[int, int]]:
    """The clusters' states and term counts from `bench.fill`'s finished store, then ANALYZE; returns each table's
    rows (SQLite, PostgreSQL)."""
    import psycopg

    lite = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out: dict[str, tuple[int, int]] = {}
    with psycopg.connect(url, autocommit=True) as conn:
        with conn.transaction():
            conn.execute(f"TRUNCATE {', '.join(FROM_CLUSTERS)}")
            for table in FROM_CLUSTERS:
                columns = [r[1] for r in lite.execute(f"PRAGMA table_info({table})")]
                with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in lite.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                        copy.write_row(row)
            conn.execute(
                "SELECT setval('newsdesk_ids_clusters', coalesce((SELECT max(id) FROM clusters), 0) + 1, false)"
            )
        conn.execute("ANALYZE")
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                " AND table_type = 'BASE TABLE' AND table_name <> 'newsdesk_schema' ORDER BY 1"
            )
        ]
        for table in tables:
            if lite.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone() is None:
                continue
            out[table] = (
                lite.execute(f"SELECT count(*) FROM {table}").fetchone()[0],
                conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0],
            )
    lite.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m bench.pgfill", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    p.add_argument("recording", type=Path, help="the batches `bench.bulk --record` kept")
    p.add_argument("base", type=Path, help="the store that bulk run wrote")
    p.add_argument("db", type=Path, help="the store `bench.fill` is writing (or wrote)")
    p.add_argument("url", help="postgresql://… of the database to make again")
    p.add_argument("--idle", type=float, default=120.0, help="seconds without a new copy that end the fill")
    args = p.parse_args(argv)
    fill(args.recording, args.base, args.url, args.db, args.idle)
    differ = 0
    for table, (lite, pg) in finish(args.db, args.url).items():
        if lite != pg:
            differ += 1
            print(f"  {table}: {lite:,} rows on SQLite, {pg:,} on PostgreSQL")
    print("every table holds as many rows as the SQLite store" if not differ else f"{differ} tables differ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

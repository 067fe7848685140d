"""``python -m bench.pgfill RECORDING BASE URL --n N``: `bench.fill`'s copies written into PostgreSQL by the server.

Copying a 100k SQLite store with `bench.pgcopy` took 32 minutes at load 14–19, after the SQLite store itself; this
makes the same PostgreSQL database beside `bench.fill` (the two run at once): the base store is copied
(`bench.pgcopy`), then the copies' rows are made by the server from their originals' rows, round by round, in
the order and with the ids `bench.fill` gives them (each copy's documents row computed here as `bench.fill._copy`
computes it: the renumbered name, title, URL and content hash): passages and their full-text rows with the
number replaced in the text, URLs and tokens, mentions, document actors, events (in their originals' clusters),
event actors, statements (their stance days counted by the triggers, as ingestion counts them) and claims rows.
The GIN index is built after the rows. `--finish DB` then takes what `bench.fill` computed in Python from the
finished SQLite store: the clusters' states (`clusters`, `cluster_actors`, `cluster_topics`) and `term_df`, and
compares every table's row count with it.
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from bench.bulk import _NUMBERED, _recorded
from bench.fill import _copy
from bench.pg import fresh_database

GIN = "passage_fts_tsv"
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


def _plan(recording: Path, base: Path, n: int) -> list[list[tuple[Any, ...]]]:
    """Per round: each copy's (documents row with its id, original, passage offset, event offset, old, new number),
    as `bench.fill` writes them."""
    with contextlib.closing(sqlite3.connect(f"file:{base}?mode=ro", uri=True)) as lite:
        names = dict(lite.execute("SELECT name, id FROM documents").fetchall())
        passages = {
            d: (first, k)
            for d, first, k in lite.execute("SELECT document_id, min(id), count(*) FROM passages GROUP BY document_id")
        }
        events = {
            d: (first, k)
            for d, first, k in lite.execute("SELECT document_id, min(id), count(*) FROM events GROUP BY document_id")
        }
        next_doc, next_passage, next_event = lite.execute(
            "SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM passages), (SELECT max(id) FROM events)"
        ).fetchone()
    next_doc, next_passage, next_event = next_doc + 1, next_passage + 1, (next_event or 0) + 1
    batches = []
    for items in _recorded(recording, None):
        batches.append([(item, int(m.group(1))) for item in items if (m := _NUMBERED.fullmatch(item.parsed.name))])
    recorded = 1 + max((k for batch in batches for _, k in batch), default=0)
    rounds: list[list[tuple[Any, ...]]] = []
    written = len(names)
    while written < n:
        plan: list[tuple[Any, ...]] = []
        for batch in batches:
            if written >= n:
                break
            made = 0
            for item, k in batch:
                original = names[item.parsed.name]
                copy = _copy(item, original, k + (len(rounds) + 1) * recorded, {})
                if copy is None:
                    continue
                first_passage, _ = passages[original]
                first_event, k_events = events.get(original, (next_event, 0))
                plan.append(
                    (
                        next_doc,
                        copy.document,
                        original,
                        next_passage - first_passage,
                        next_event - first_event,
                        f"{k:06d}",
                        f"{k + (len(rounds) + 1) * recorded:06d}",
                    )
                )
                next_doc += 1
                next_passage += len(copy.passages)
                next_event += k_events
                made += 1
            written += made
        if not plan:
            break
        rounds.append(plan)
    return rounds


def fill(recording: Path, base: Path, url: str, n: int) -> None:
    """The database at `url` made again: the base store copied, then the copies up to `n` documents."""
    import psycopg

    from bench.pgcopy import _migrated, copy_rows

    started = time.perf_counter()
    rounds = _plan(recording, base, n)
    print(
        f"[bench.pgfill] planned {sum(map(len, rounds)):,} copies, {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
        flush=True,
    )
    import asyncio

    fresh_database(url)
    asyncio.run(_migrated(base, url))
    copy_rows(base, url, progress=False)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP INDEX {GIN}")
        conn.execute(
            "CREATE TEMP TABLE copy_map (original BIGINT, copy BIGINT PRIMARY KEY, passages BIGINT, events BIGINT,"
            " old TEXT, new TEXT)"
        )
        for i, plan in enumerate(rounds, 1):
            with conn.transaction():
                conn.execute("SET LOCAL synchronous_commit = off")
                conn.execute("TRUNCATE copy_map")
                with conn.cursor().copy(
                    "COPY documents (id, name, title, url, outlet, published, language, origin, author, content_hash,"
                    " added_at, added_by, guild_id, quiet) FROM STDIN"
                ) as out:
                    for row in plan:
                        out.write_row((row[0], *row[1]))
                with conn.cursor().copy("COPY copy_map FROM STDIN") as out:
                    for row in plan:
                        out.write_row((row[2], row[0], row[3], row[4], row[5], row[6]))
                conn.execute("ANALYZE copy_map")
                for statement in _FROM_ORIGINALS:
                    conn.execute(statement)
            print(
                f"[bench.pgfill] round {i}/{len(rounds)}: {len(plan):,} copies,"
                f" {time.perf_counter() - started:.0f} s ({time.strftime('%H:%M:%S')})",
                file=sys.stderr,
                flush=True,
            )
        conn.execute("SET maintenance_work_mem = '512MB'")
        conn.execute(f"CREATE INDEX {GIN} ON passage_fts USING gin (tsv)")
        for table in ("documents", "passages", "events", "statements"):
            conn.execute(
                f"SELECT setval('newsdesk_ids_{table}', coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
            )
    print(f"[bench.pgfill] done, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


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
    p.add_argument("url", help="postgresql://… of the database to make again")
    p.add_argument("--n", type=int, help="documents to reach (as bench.fill --n)")
    p.add_argument(
        "--finish", type=Path, metavar="DB", help="bench.fill's finished store: its clusters and term counts"
    )
    args = p.parse_args(argv)
    if args.finish is not None:
        differ = 0
        for table, (lite, pg) in finish(args.finish, args.url).items():
            if lite != pg:
                differ += 1
                print(f"  {table}: {lite:,} rows on SQLite, {pg:,} on PostgreSQL")
        print("every table holds as many rows as the SQLite store" if not differ else f"{differ} tables differ")
        return 0
    if args.n is None:
        p.error("--n is needed to fill")
    fill(args.recording, args.base, args.url, args.n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

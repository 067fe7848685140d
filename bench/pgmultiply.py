"""``python -m bench.pgmultiply URL --n N``: a PostgreSQL bench store grown to N documents by its own server.

`bench.fill` + `bench.pgfill` write each copy from Python beside SQLite (12–57 copies/s on this shared machine:
the 100k store was never reached, stopped at 34k). This grows a PostgreSQL database that already holds a bench
store (a `bench.bulk` run copied by `bench.pgcopy`) to `--n` documents with nothing but INSERT … SELECT on the
server: round after round, every original (a `syn_NNNNNN.txt` article whose passages hold its `No.NNNNNN`) is
copied once more under the next ids, renumbered as `bench.bulk.renumbered` renumbers it (`No.` + the number
in its text, name, title, URLs and token; a content key of its own), its mentions, actors, events (in their
originals' clusters), event actors, statements and claims rows as `bench.pgfill` writes them
(`pgfill._FROM_ORIGINALS`), without the foreign key checks and triggers (the rows are copies of valid rows, every
id given), the stance days the statements' trigger would count counted once a round. Each round is one transaction, so a stopped run leaves
whole rounds. What made the copies dear was PostgreSQL deriving each passage's `tsvector` (the generated column:
`newsdesk_tsvector` splits and quotes every token, ~0.2 ms a passage, 18 of `pgcopy`'s 32 minutes at 100k);
a copy's tokens are its original's but for the renumbered ones, so during the rounds the function first looks
the tokens up among the originals' (a hash index on a side table) and derives only what it does not find, and
is put back as it was after. Then the GIN index (dropped for the rounds) is built, `term_df` counted from the
originals' tokens exactly as the writer counts them (`store.term_counts`, the renumbered passages counted again),
and ANALYZE. Not kept up: the clusters' states (`clusters`, `cluster_actors`, `cluster_topics`: a copy's events
join their originals' clusters, whose counts stay the base's; `bench.pgfill` takes them from SQLite's fill).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import time
from typing import Any

from bench.pgfill import _FROM_ORIGINALS, DOCUMENT_COLUMNS, GIN, PER_DOCUMENT
from bot.store.dialect import POSTGRES_BOOTSTRAP
from bot.store.store import term_counts

CACHE = "newsdesk_tsv_originals"
_TSVECTOR = next(s for s in POSTGRES_BOOTSTRAP if "FUNCTION newsdesk_tsvector" in s)
# The same function with the originals' tokens looked up first: a copy's unchanged passages (all but the
# renumbered ones) are found there; what is not is derived by the function's own body.
_LOOKED_UP = _TSVECTOR.replace(
    "    SELECT coalesce(string_agg(",
    f"    SELECT coalesce((SELECT c.tsv FROM {CACHE} c WHERE c.tokens = $1 LIMIT 1), (SELECT coalesce(string_agg(",
).replace("WHERE w <> ''\n$$", "WHERE w <> ''))\n$$")
# What the statements' trigger (`statements_counted`) adds for the round's copies, in one statement.
_STANCE_DAYS = """INSERT INTO stance_days(actor_id, topic, date, position, guild_id, n)
    SELECT s.actor_id, s.topic, s.sort_date, s.position, s.guild_id, count(*) FROM copy_map c
    JOIN statements s ON s.document_id = c.copy GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (actor_id, topic, date, position, guild_id) DO UPDATE SET n = stance_days.n + excluded.n"""
# Each copy's documents row: the original's, renumbered (`renumbered_text`), a content key of its own.
_DOCUMENTS = f"""INSERT INTO documents ({DOCUMENT_COLUMNS})
    SELECT c.copy, 'syn_' || c.new || '.txt', replace(d.title, 'No.' || c.old, 'No.' || c.new),
        replace(d.url, '/' || c.old, '/' || c.new), d.outlet, d.published, d.language, d.origin, d.author,
        encode(sha256(convert_to(d.content_hash || ':' || c.new, 'UTF8')), 'hex'), d.added_at, d.added_by,
        d.guild_id, d.quiet
    FROM copy_map c JOIN documents d ON d.id = c.original ORDER BY c.copy"""
_NUMBERED = re.compile(r"syn_(\d{6})\.txt")


def _originals(conn: Any) -> tuple[list[tuple[int, str]], int]:
    """(document id, number) of each article a copy is made of, in id order; and the numbers' stride (1 + the
    largest number), as `bench.bulk`'s rounds number their copies."""
    numbered = [
        (d, m.group(1))
        for d, name in conn.execute("SELECT id, name FROM documents ORDER BY id")
        if (m := _NUMBERED.fullmatch(name))
    ]
    marked = {
        d
        for (d,) in conn.execute(
            "SELECT DISTINCT p.document_id FROM passages p JOIN documents d ON d.id = p.document_id"
            " WHERE d.name ~ '^syn_[0-9]{6}[.]txt$' AND strpos(p.text, 'No.' || substr(d.name, 5, 6)) > 0"
        )
    }
    return [(d, k) for d, k in numbered if d in marked], 1 + max((int(k) for _, k in numbered), default=0)


def _terms(conn: Any, originals: list[tuple[int, str]]) -> tuple[dict[int, dict[str, int]], dict[int, list[str]]]:
    """Each original's `term_counts`, and the tokens of its passages that hold its mark (the ones a copy renumbers)."""
    marks = dict(originals)
    tokens: dict[int, list[str]] = {d: [] for d in marks}
    marked: dict[int, list[str]] = {d: [] for d in marks}
    for d, text, t in conn.execute(
        "SELECT p.document_id, p.text, f.tokens FROM passages p JOIN passage_fts f ON f.rowid = p.id"
        " WHERE p.document_id = ANY(%s) ORDER BY p.id",
        (list(marks),),
    ):
        tokens[d].append(t)
        if f"No.{marks[d]}" in text:
            marked[d].append(t)
    return {d: term_counts(t) for d, t in tokens.items()}, marked


def _copy_terms(own: dict[str, int], marked: list[str], old: str, new: str, into: dict[str, int]) -> None:
    """A copy's term counts added to `into`: its original's, its renumbered passages counted again."""
    for term, k in own.items():
        into[term] = into.get(term, 0) + k
    for t in marked:
        if old in t.split():
            into[old] -= 1
            into[new] = into.get(new, 0) + 1


def _niced(conn: Any) -> None:
    """The server's process for this connection as nice as this one (`nice -n 15 python -m bench.pgmultiply`:
    the server does the work), when it runs on this machine and may be reniced; the GIN index built by it alone."""
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, pid, os.getpriority(os.PRIO_PROCESS, 0))
    conn.execute("SET max_parallel_maintenance_workers = 0")


def multiply(url: str, n: int, log: bool = True) -> dict[str, Any]:
    """The database at `url` (a bench store) grown to `n` documents; returns what was made and how long it took."""
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        _niced(conn)
        originals, stride = _originals(conn)
        if not originals:
            raise RuntimeError(f"no numbered article in {url} to copy")
        base_docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        last_doc, last_passage, last_event = conn.execute(
            "SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM passages),"
            " (SELECT coalesce(max(id), 0) FROM events)"
        ).fetchone()
        wanted = {d for d, _ in originals}
        passages = {d: (f, k) for d, f, k in conn.execute(PER_DOCUMENT.format("passages")) if d in wanted}
        events = {d: (f, k) for d, f, k in conn.execute(PER_DOCUMENT.format("events")) if d in wanted}
        own, marked = _terms(conn, originals)
        terms: dict[str, int] = {}
        conn.execute(f"DROP TABLE IF EXISTS {CACHE}")
        conn.execute(
            f"CREATE TABLE {CACHE} AS SELECT DISTINCT ON (f.tokens) f.tokens, f.tsv FROM passages p"
            " JOIN passage_fts f ON f.rowid = p.id WHERE p.document_id = ANY(%s)",
            (list(wanted),),
        )
        conn.execute(f"CREATE INDEX ON {CACHE} USING hash (tokens)")
        conn.execute(f"ANALYZE {CACHE}")
        conn.execute(f"DROP INDEX IF EXISTS {GIN}")
        conn.execute(
            "CREATE TEMP TABLE copy_map (original BIGINT, copy BIGINT PRIMARY KEY, passages BIGINT, events BIGINT,"
            " old TEXT, new TEXT)"
        )
        conn.execute(_LOOKED_UP)
        documents, round_ = base_docs, 0
        try:
            while documents < n:
                round_ += 1
                plan = []
                for original, old in originals[: n - documents]:
                    new = f"{int(old) + round_ * stride:06d}"
                    first_event, k_events = events.get(original, (last_event + 1, 0))
                    last_doc += 1
                    plan.append(
                        (
                            original,
                            last_doc,
                            last_passage + 1 - passages[original][0],
                            last_event + 1 - first_event,
                            old,
                            new,
                        )
                    )
                    last_passage += passages[original][1]
                    last_event += k_events
                    _copy_terms(own[original], marked[original], old, new, terms)
                with conn.transaction():
                    conn.execute("TRUNCATE copy_map")
                    with conn.cursor().copy("COPY copy_map FROM STDIN") as out:
                        for row in plan:
                            out.write_row(row)
                    conn.execute("ANALYZE copy_map")
                    # rows copied from valid rows need no foreign key checks, nor id triggers (every id is given);
                    # the stance days the statements' trigger counts row by row are counted once for the round
                    conn.execute("SET LOCAL session_replication_role = replica")
                    conn.execute(_DOCUMENTS)
                    for statement in _FROM_ORIGINALS:
                        conn.execute(statement)
                    conn.execute(_STANCE_DAYS)
                documents += len(plan)
                if log:
                    print(
                        f"[bench.pgmultiply] round {round_}: {documents:,} documents, {last_passage:,} passages,"
                        f" {time.perf_counter() - started:.0f} s ({time.strftime('%H:%M:%S')})",
                        file=sys.stderr,
                        flush=True,
                    )
        finally:
            conn.execute(_TSVECTOR)
            conn.execute(f"DROP TABLE IF EXISTS {CACHE}")
        rounds_at = time.perf_counter()
        with conn.transaction():
            conn.execute("CREATE TEMP TABLE copied_terms (term TEXT PRIMARY KEY, doc BIGINT)")
            with conn.cursor().copy("COPY copied_terms FROM STDIN") as out:
                for term, k in sorted(terms.items()):
                    if k:
                        out.write_row((term, k))
            conn.execute(
                "INSERT INTO term_df(term, doc) SELECT term, doc FROM copied_terms"
                " ON CONFLICT (term) DO UPDATE SET doc = term_df.doc + excluded.doc"
            )
        for table in ("documents", "passages", "events", "statements"):
            conn.execute(
                f"SELECT setval('newsdesk_ids_{table}', coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
            )
        conn.execute("SET maintenance_work_mem = '512MB'")
        conn.execute(f"CREATE INDEX {GIN} ON passage_fts USING gin (tsv)")
        index_at = time.perf_counter()
        conn.execute("VACUUM ANALYZE")
        # the copies' tsvectors as the function derives them (a sample of the rows, the renumbered ones among them)
        differ = conn.execute(
            "SELECT count(*) FROM passage_fts TABLESAMPLE SYSTEM (0.5) WHERE tsv <> newsdesk_tsvector(tokens)"
        ).fetchone()[0]
    return {
        "documents": documents,
        "passages": last_passage,
        "rounds": round_,
        "rounds_s": round(rounds_at - started, 1),
        "index_s": round(index_at - rounds_at, 1),
        "seconds": round(time.perf_counter() - started, 1),
        "sampled_tsvectors_differing": differ,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.pgmultiply", description=__doc__.split("\n\n")[0])
    p.add_argument("url", help="postgresql://… of a bench store (`bench.pgcopy` of a `bench.bulk` run)")
    p.add_argument("--n", type=int, required=True, help="documents to reach")
    args = p.parse_args(argv)
    found = multiply(args.url, args.n)
    print(", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in found.items()))
    return 1 if found["sampled_tsvectors_differing"] else 0


if __name__ == "__main__":
    raise SystemExit(main())

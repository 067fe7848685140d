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
and ANALYZE. A copy's events join their originals' clusters, so each cluster's state (`clusters`: members, day
dates, date) is then recomputed from its members as `clusters.rebuild` does (`_cluster_states`), and the filter rows
(`cluster_actors`, `cluster_topics`) follow its date: a timeline at N documents reads the counts and order of N.
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


def _cluster_states(conn: Any, made: dict[int, int], base_events: int) -> int:
    """Every cluster's state as `clusters.rebuild` makes it from its members (`clusters.choose`), written where the
    stored one differs, the filter rows (`cluster_actors`, `cluster_topics`) moved to its date and background;
    returns how many clusters changed. `made`: the copies made of each original document; `base_events`: the
    base's largest event id. A copy's event is its original's row under a larger id in the same cluster, so it
    never outranks its original (`choose` ranks equals by the lower id) and adds to the counts what the original
    does: `choose` over the base's members, each as many times as it exists, gives the state of all of them
    without reading the copies. The (cluster, actor) and (cluster, topic) pairs are the originals', and so is a
    cluster's scope (a copy keeps its original's server)."""
    from bot.store.clusters import MEMBER_COLUMNS, Member, _row, choose

    members: dict[int, list[Member]] = {}
    for row in conn.execute(
        f"SELECT cluster_id, document_id, {MEMBER_COLUMNS} FROM events WHERE id <= %s ORDER BY id", (base_events,)
    ):
        member = Member.from_row(row[2:])
        members.setdefault(row[0], []).extend([member] * (1 + made.get(row[1], 0)))
    stored = {
        r[0]: tuple(r[1:])
        for r in conn.execute(
            "SELECT id, date, precision, background, representative, members, day_dates FROM clusters"
        )
    }
    changed = []
    for cluster_id, ms in members.items():
        st = choose(ms)
        row = _row(cluster_id, st, 0)[1:7]  # the columns the writer writes, but the id and the scope (unchanged)
        if cluster_id in stored and stored[cluster_id] != row:
            changed.append((cluster_id, *row))
    with conn.transaction():
        conn.execute(
            "CREATE TEMP TABLE cluster_states (id BIGINT PRIMARY KEY, date TEXT, precision TEXT, background BIGINT,"
            " representative BIGINT, members BIGINT, day_dates TEXT)"
        )
        with conn.cursor().copy("COPY cluster_states FROM STDIN") as out:
            for row in changed:
                out.write_row(row)
        conn.execute(
            "UPDATE clusters c SET date = s.date, precision = s.precision, background = s.background,"
            " representative = s.representative, members = s.members, day_dates = s.day_dates"
            " FROM cluster_states s WHERE c.id = s.id"
        )
        for table in ("cluster_actors", "cluster_topics"):
            conn.execute(
                f"UPDATE {table} f SET date = s.date, background = s.background FROM cluster_states s"
                " WHERE f.cluster_id = s.id AND (f.date, f.background) IS DISTINCT FROM (s.date, s.background)"
            )
        conn.execute("DROP TABLE cluster_states")
    return len(changed)


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
        base_events, made = last_event, dict.fromkeys(wanted, 0)
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
                    made[original] += 1
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
        counted_at = time.perf_counter()
        states = _cluster_states(conn, made, base_events)
        states_at = time.perf_counter()
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
        "clusters_changed": states,
        "clusters_s": round(states_at - counted_at, 1),
        "index_s": round(index_at - states_at, 1),
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

"""bench.pgmultiply: a PostgreSQL bench store grown by its own server is a store the writer could have written."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from bench.bulk import _WriterProfile, replay
from bench.pgcopy import _migrated, copy_rows
from bench.pgmultiply import CACHE, multiply
from bot.store.clusters import MEMBER_COLUMNS, Member, _row, choose
from bot.store.store import term_counts
from tests.test_bench_fill import record_articles


async def test_copies_made_by_the_server_hold_what_the_writer_would(tmp_path: Path, actors, pg_url: str) -> None:
    import psycopg

    recording = tmp_path / "batches.pickle"
    record_articles(recording, actors, (6,))
    base = tmp_path / "base.db"
    await replay(recording, base, _WriterProfile(False))
    await _migrated(base, pg_url)
    await asyncio.to_thread(copy_rows, base, pg_url, False)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        before = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        statements = conn.execute("SELECT count(*) FROM statements").fetchone()[0]

    found = await asyncio.to_thread(multiply, pg_url, before + 8, False)

    assert found["documents"] == before + 8 and found["rounds"] >= 2  # more copies than originals: two rounds
    assert found["sampled_tsvectors_differing"] == 0
    with psycopg.connect(pg_url, autocommit=True) as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM documents ORDER BY id")]
        assert len(names) == len(set(names)) == before + 8
        # every copy renumbered: its headline's number is its name's
        for name, text in conn.execute(
            "SELECT d.name, p.text FROM documents d JOIN passages p ON p.document_id = d.id"
            " WHERE d.id > %s AND p.text LIKE '%%No.%%'",
            (before,),
        ):
            assert re.search(r"No\.(\d{6})", text).group(1) == name[4:10]
        # each passage's tsvector as the function (put back as it was) derives it; the side table gone
        assert (
            conn.execute("SELECT count(*) FROM passage_fts WHERE tsv <> newsdesk_tsvector(tokens)").fetchone()[0] == 0
        )
        assert CACHE not in conn.execute("SELECT pg_get_functiondef('newsdesk_tsvector'::regproc)").fetchone()[0]
        assert conn.execute("SELECT to_regclass(%s)", (CACHE,)).fetchone()[0] is None
        assert conn.execute("SELECT count(*) FROM pg_indexes WHERE indexname = 'passage_fts_tsv'").fetchone()[0] == 1
        # term counts as the writer counts them, from every passage's tokens
        tokens = [t for (t,) in conn.execute("SELECT tokens FROM passage_fts")]
        assert dict(conn.execute("SELECT term, doc FROM term_df WHERE doc > 0").fetchall()) == term_counts(tokens)
        # the stance days the statements' trigger would have counted
        assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] > statements
        days = conn.execute(
            "SELECT (SELECT sum(n) FROM stance_days), (SELECT count(*) FROM statements),"
            " (SELECT count(*) FROM (SELECT 1 FROM statements GROUP BY actor_id, topic, sort_date, position,"
            " guild_id) AS g), (SELECT count(*) FROM stance_days)"
        ).fetchone()
        assert days[0] == days[1] and days[2] == days[3]
        # the copies' rows reach their copies only (no copy's mention or event names another's passage)
        assert (
            conn.execute(
                "SELECT count(*) FROM mentions m LEFT JOIN passages p ON p.id = m.passage_id WHERE p.id IS NULL"
            ).fetchone()[0]
            == 0
        )
        assert (
            conn.execute(
                "SELECT count(*) FROM events e JOIN passages p ON p.id = e.passage_id"
                " WHERE p.document_id <> e.document_id"
            ).fetchone()[0]
            == 0
        )
        # each cluster's state as `clusters.rebuild` makes it from all its members, the copies' among them (the
        # base's counts before), its filter rows at its date and background
        assert found["clusters_changed"] > 0
        members: dict[int, list[Member]] = {}
        for row in conn.execute(f"SELECT cluster_id, {MEMBER_COLUMNS} FROM events ORDER BY id"):
            members.setdefault(row[0], []).append(Member.from_row(row[1:]))
        assert any(len(ms) > 1 for ms in members.values())
        states = {
            r[0]: tuple(r[1:])
            for r in conn.execute(
                "SELECT id, date, precision, background, representative, members, day_dates FROM clusters"
            )
        }
        assert set(states) == set(members)
        for cluster_id, ms in members.items():
            assert states[cluster_id] == _row(cluster_id, choose(ms), 0)[1:7]
        for table in ("cluster_actors", "cluster_topics"):
            assert (
                conn.execute(
                    f"SELECT count(*) FROM {table} f JOIN clusters c ON c.id = f.cluster_id"
                    " WHERE (f.date, f.background) IS DISTINCT FROM (c.date, c.background)"
                ).fetchone()[0]
                == 0
            )

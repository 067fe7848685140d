"""The PostgreSQL dialect: SQLite-spelled statements translated once, FTS5 queries as tsquery text."""

from __future__ import annotations

import pytest

from bot.store.dialect import is_database_url, postgres_ddl, postgres_sql
from bot.store.tsquery import NOTHING, QuerySyntaxError, index_tsquery, to_tsquery


def test_database_urls_are_told_from_files():
    assert is_database_url("postgresql://u@h/db") and is_database_url("postgres://h/db")
    assert not is_database_url("data/newsdesk.db") and not is_database_url(":memory:")


def test_placeholders_and_percent_signs():
    st = postgres_sql("SELECT id FROM documents WHERE title LIKE ? ESCAPE '\\' AND name = '10%' AND id > ?")
    assert st.sql == "SELECT id FROM documents WHERE title LIKE %s ESCAPE '\\' AND name = '10%%' AND id > %s"
    assert postgres_sql("SELECT '?' FROM t WHERE a = ?").sql == "SELECT '?' FROM t WHERE a = %s"


def test_insert_or_ignore_and_returning_ids():
    st = postgres_sql("INSERT OR IGNORE INTO mentions(passage_id, actor_id) VALUES (?, ?)")
    assert st.sql == "INSERT INTO mentions(passage_id, actor_id) VALUES (%s, %s) ON CONFLICT DO NOTHING"
    assert not st.returns_id  # mentions has no id
    st = postgres_sql("INSERT INTO documents(name) VALUES (?)")
    assert st.sql.endswith(" RETURNING id") and st.returns_id
    assert not postgres_sql("INSERT INTO documents(name) VALUES (?)", returning=False).returns_id
    assert not postgres_sql("INSERT INTO jobs(kind) VALUES (?) RETURNING id").sql.endswith("RETURNING id RETURNING id")


def test_is_between_values_and_sum_of_a_test():
    assert "p.heading IS NOT DISTINCT FROM item.heading" in postgres_sql("SELECT 1 WHERE p.heading IS item.heading").sql
    assert "x IS NULL" in postgres_sql("SELECT 1 WHERE x IS NULL AND y IS NOT NULL").sql
    assert "sum((status = 'failed')::int)" in postgres_sql("SELECT sum(status = 'failed') FROM feed_items").sql


def test_match_and_limit_parameters_are_found():
    st = postgres_sql(
        "WITH hit(pid) AS (SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rowid DESC LIMIT ?)"
        " SELECT pid FROM hit, passage_fts f WHERE f.passage_fts MATCH ? AND x = ?"
    )
    assert st.sql.count("tsv @@ %s::tsquery") == 2 and "MATCH" not in st.sql
    assert (st.match_params, st.limit_params) == ((0, 2), (1,))


def test_lists_of_placeholders_are_one_array_parameter():
    from bot.store.pgconn import _statement

    st = postgres_sql("SELECT 1 FROM t WHERE a NOT IN (?, ?) AND b IN (SELECT 1) AND c = ? AND d IN (?) LIMIT ?")
    assert st.sql == "SELECT 1 FROM t WHERE a <> ALL(%s) AND b IN (SELECT 1) AND c = %s AND d = ANY(%s) LIMIT %s"
    assert (st.array_params, st.limit_params) == (((0, 2), (3, 1)), (4,))
    assert _statement([1, 2, "x", 5, -1], st) == (st.sql, [[1, 2], "x", [5], None])
    three, four = postgres_sql("SELECT 1 WHERE x IN (?,?,?)"), postgres_sql("SELECT 1 WHERE x IN (?,?,?,?)")
    assert three.sql == four.sql  # one statement to prepare, whatever the list's length
    assert postgres_sql("SELECT 'IN (?)', x FROM t").sql == "SELECT 'IN (?)', x FROM t"


def test_sqlite_unary_plus_is_dropped_and_binary_plus_kept():
    st = postgres_sql("SELECT a + b FROM passage_fts WHERE x = ? AND +rowid IN (?, ?) AND (+ y < 2 OR z = 1)")
    assert st.sql == "SELECT a + b FROM passage_fts WHERE x = %s AND rowid = ANY(%s) AND (y < 2 OR z = 1)"
    assert postgres_sql("SELECT '+x' WHERE a = +1").sql == "SELECT '+x' WHERE a = +1"


def test_positions_are_checked_apart_only_for_phrases_and_near():
    from bot.store.pgconn import _statement

    st = postgres_sql("SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? AND rowid > ? LIMIT ?")
    assert _statement(['"a" OR "b"', 0, 5], st) == (
        "SELECT rowid FROM passage_fts WHERE tsv @@ %s::tsquery AND rowid > %s LIMIT %s",
        ["('a' | 'b')", 0, 5],
    )
    text, values = _statement(['NEAR("a" "b", 1) OR "c d"', 0, 5], st)
    assert text == st.positions_sql and "tsv @@ %s::tsquery AND newsdesk_positions(tsv, %s::tsquery)" in text
    assert values[:2] == ["(('a' & 'b') | ('c' & 'd'))", to_tsquery('NEAR("a" "b", 1) OR "c d"')]


def test_unnamed_subqueries_are_named_and_nulls_sort_as_in_sqlite():
    sql = postgres_sql("SELECT count(*) FROM (SELECT id FROM clusters WHERE d IN (SELECT 1)) WHERE 1 = 1").sql
    assert sql == "SELECT count(*) FROM (SELECT id FROM clusters WHERE d IN (SELECT 1)) AS _sq1 WHERE 1 = 1"
    assert "FROM (SELECT 1) AS y" in postgres_sql("SELECT * FROM (SELECT 1) AS y").sql
    sql = postgres_sql("SELECT a FROM t ORDER BY a.name, s.date DESC, s.id LIMIT ?").sql
    assert sql == "SELECT a FROM t ORDER BY a.name NULLS FIRST, s.date DESC NULLS LAST, s.id LIMIT %s"


def test_migrations_are_translated():
    table, trigger = postgres_ddl("CREATE TABLE feeds (id INTEGER PRIMARY KEY, weight REAL NOT NULL)")
    assert table == "CREATE TABLE feeds (id BIGINT PRIMARY KEY, weight DOUBLE PRECISION NOT NULL)"
    assert "BEFORE INSERT ON feeds" in trigger and "newsdesk_next_id" in trigger
    (plain,) = postgres_ddl("CREATE TABLE m (a TEXT, PRIMARY KEY (a)) WITHOUT ROWID")
    assert "ROWID" not in plain.upper().replace("ROWID BIGINT", "")
    (with_rowid,) = postgres_ddl("CREATE TABLE c (a INTEGER NOT NULL)")
    assert with_rowid.startswith("CREATE TABLE c (rowid BIGINT GENERATED BY DEFAULT AS IDENTITY, a BIGINT")
    (index,) = postgres_ddl("CREATE INDEX o ON clusters(background, date, id)")
    assert index == "CREATE INDEX o ON clusters(background NULLS FIRST, date NULLS FIRST, id)"
    assert postgres_ddl("CREATE VIRTUAL TABLE passage_vocab USING fts5vocab(passage_fts, 'row')") == []
    fts = postgres_ddl("CREATE VIRTUAL TABLE passage_fts USING fts5(tokens, tokenize = 'unicode61')")
    assert any("USING gin (tsv)" in s for s in fts)


@pytest.mark.parametrize(
    ("fts5", "tsquery"),
    [
        ('"停戦"', "'停戦'"),
        ('"停戦" AND "合意"', "('停戦' & '合意')"),
        ('"a" "b"', "('a' & 'b')"),
        ('"米国 と 合意"', "('米国' <-> 'と' <-> '合意')"),
        ('("a" AND "b") OR ("a" AND "c")', "(('a' & 'b') | ('a' & 'c'))"),
        ('"AND"', "'and'"),
        ('"it\'s"', "'it''s'"),
        ('"a""b"', "'a\"b'"),
        ('"a\\b"', "'a\\\\b'"),
        ('""', NOTHING),
        ('"a" NOT "b"', "('a' & !'b')"),
    ],
)
def test_fts5_queries_become_tsqueries(fts5, tsquery):
    assert to_tsquery(fts5) == tsquery


def test_near_is_every_pair_within_the_window_in_either_order():
    q = to_tsquery('NEAR("a" "b", 2)')
    assert q == "('a' & 'b' & ('a' <1> 'b' | 'b' <1> 'a' | 'a' <2> 'b' | 'b' <2> 'a' | 'a' <3> 'b' | 'b' <3> 'a'))"
    assert to_tsquery('NEAR("a" "b" "c", 1)').count("<2>") == 6  # three pairs, two orders


@pytest.mark.parametrize(
    ("fts5", "words"),
    [
        ('"停戦" AND "合意"', "('停戦' & '合意')"),
        ('"米国 と 合意"', "('米国' & 'と' & '合意')"),
        ('NEAR("a" "b c", 3)', "('a' & 'b' & 'c')"),
        ('("a" AND "b") OR NEAR("a" "c")', "(('a' & 'b') | ('a' & 'c'))"),
        ('"a" NOT "b c"', "'a'"),  # `a & !(b & c)` would miss a row holding b and c apart
        ('NEAR("" "a")', NOTHING),
    ],
)
def test_the_index_reads_the_words_without_positions(fts5, words):
    assert index_tsquery(fts5) == words


@pytest.mark.parametrize("bad", ['"a', "NEAR(", '"a" AND', 'NEAR("a", x)', '("a"'])
def test_unreadable_queries_are_refused(bad):
    with pytest.raises(QuerySyntaxError):
        to_tsquery(bad)


async def test_tsqueries_match_on_postgresql_as_fts5_does(pg_url):
    import psycopg

    from bot.store.dialect import POSTGRES_BOOTSTRAP

    async with await psycopg.AsyncConnection.connect(pg_url, autocommit=True) as conn:
        for statement in POSTGRES_BOOTSTRAP:
            await conn.execute(statement)

        async def matches(tokens: str, fts5: str) -> bool:
            cur = await conn.execute(
                "SELECT newsdesk_tsvector(%s) @@ %s::tsquery, newsdesk_tsvector(%s) @@ %s::tsquery",
                (tokens, to_tsquery(fts5), tokens, index_tsquery(fts5)),
            )
            full, words = await cur.fetchone()
            assert words or not full, f"the index's query misses a row the query matches: {fts5}"
            return full

        text = "米国 と ウクライナ は 停戦 案 で 合意 し た"
        assert await matches(text, '"停戦" AND "合意"')
        assert await matches(text, '"停戦 案"') and not await matches(text, '"案 停戦"')
        assert await matches(text, 'NEAR("合意" "停戦", 2)')  # reversed order, two tokens between
        assert not await matches(text, 'NEAR("米国" "合意", 2)')  # six tokens between
        assert await matches(text, 'NEAR("米国" "合意", 6)')
        assert await matches("It's O'Brien", '"it\'s"') and await matches("A\\B c", '"a\\b"')
        assert not await matches(text, '""')
        assert await matches(text, '"米国" NOT "案 停戦"') and not await matches(text, '"米国" NOT "停戦 案"')


async def test_the_gin_index_is_read_for_the_words_and_positions_checked_on_the_rows(pg_url):
    from bot.store.backend import open_backend

    store = await open_backend(pg_url)
    try:
        async with store.transaction() as db:
            await db.execute("SET LOCAL enable_seqscan = off")  # an empty table: the plan a large one gets
            cur = await db.execute(
                "EXPLAIN SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? LIMIT ?", ('NEAR("停戦" "合意", 5)', 100)
            )
            plan = "\n".join(r[0] for r in await cur.fetchall())
    finally:
        await store.close()
    index = next(line for line in plan.splitlines() if "Index Cond" in line)
    assert "passage_fts_tsv" in plan and "Seq Scan" not in plan
    assert "''停戦'' & ''合意''" in index and "<" not in index  # the words only: no position alternatives per posting
    assert "<6>" in plan  # the positions, checked on each row the index found


async def test_a_near_among_listed_passages_reads_those_rows_by_their_key(pg_url):
    """bot/store/search.py `_among`: the rows checked are the listed ones (the key's index), not every row the
    GIN index finds holding the words, whose count grows with the store."""
    from bot.store.backend import open_backend

    store = await open_backend(pg_url)
    try:
        async with store.transaction() as db:
            await db.execute("SET LOCAL enable_seqscan = off")
            cur = await db.execute(
                "EXPLAIN SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? AND rowid <= ? AND +rowid IN (?, ?, ?)"
                " ORDER BY rowid LIMIT ?",
                ('NEAR("停戦" "合意", 5)', 9, 3, 5, 9, 100),
            )
            plan = "\n".join(r[0] for r in await cur.fetchall())
    finally:
        await store.close()
    assert "passage_fts_pkey" in plan and "passage_fts_tsv" not in plan, plan
    index = next(line for line in plan.splitlines() if "Index Cond" in line)
    assert "rowid = ANY (" in index and "<6>" in plan, plan


async def test_an_unusable_database_url_is_one_clear_line(pg_server_session, tmp_path):
    from bot.store import StoreError
    from bot.store.backend import open_backend

    missing = pg_server_session.url("no_such_database").replace("://nobody@", "://nobody:hunter2@")
    with pytest.raises(StoreError) as e:
        await open_backend(missing)
    assert 'database "no_such_database" does not exist' in str(e.value)
    assert "hunter2" not in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(StoreError, match="No such file or directory"):
        await open_backend(f"postgresql://nobody@/x?host={tmp_path}")


async def test_the_planner_takes_index_probes_as_cheap_as_in_memory(pg_url):
    from bot.store.backend import open_backend
    from bot.store.pgstore import RANDOM_PAGE_COST

    store = await open_backend(pg_url)
    try:  # every pooled connection: PostgreSQL's default of 4 chose hash joins over whole tables (--about)
        rows = [await store.fetchone("SHOW random_page_cost") for _ in range(3)]
    finally:
        await store.close()
    assert {r[0] for r in rows} == {str(RANDOM_PAGE_COST)}


def test_an_executemany_insert_is_written_as_one_multi_row_statement():
    from bot.store.dialect import multi_row

    many = multi_row(postgres_sql("INSERT OR IGNORE INTO mentions(passage_id, actor_id) VALUES (?, ?)").sql)
    assert many is not None and many.keys == ()
    assert many.sql(3) == (
        "INSERT INTO mentions(passage_id, actor_id) VALUES (%s, %s), (%s, %s), (%s, %s) ON CONFLICT DO NOTHING"
    )
    assert many.distinct_keys([[1, 2], [1, 2]])  # DO NOTHING: a repeated row is simply not inserted twice
    upsert = multi_row(
        postgres_sql(
            "INSERT INTO term_df(term, doc) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET doc = term_df.doc + excluded.doc"
        ).sql
    )
    assert upsert is not None and upsert.keys == (0,)
    assert upsert.distinct_keys([["a", 1], ["b", 1]]) and not upsert.distinct_keys([["a", 1], ["a", 2]])
    assert upsert.rows_per_statement(2) == 1_000 and upsert.rows_per_statement(100) == 320
    for sql in (
        "INSERT INTO documents(name) VALUES (?)",  # RETURNING id: one row's id each
        "INSERT INTO t(a) SELECT ? FROM x",
        "INSERT INTO actors(name, origin) VALUES (?, 'discovered')",
        "UPDATE clusters SET date = ? WHERE id = ?",
    ):
        assert multi_row(postgres_sql(sql).sql) is None, sql


async def test_multi_row_inserts_store_what_row_by_row_stores(pg_url):
    import psycopg

    from bot.store.pgconn import PgDB

    async with await psycopg.AsyncConnection.connect(pg_url, autocommit=True) as conn:
        await conn.execute("CREATE TABLE c (k TEXT PRIMARY KEY, n BIGINT NOT NULL)")
        await conn.execute("CREATE TABLE r (rowid BIGINT GENERATED BY DEFAULT AS IDENTITY, a BIGINT, b TEXT)")
        db = PgDB(conn)
        upsert = "INSERT INTO c(k, n) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET n = c.n + excluded.n"
        await db.executemany(upsert, [("a", 1), ("b", 2)])
        await db.executemany(upsert, [("a", 10), ("c", 3), ("a", 100)])  # a key twice: row by row, not an error
        assert [tuple(r) for r in await (await db.execute("SELECT k, n FROM c ORDER BY k")).fetchall()] == [
            ("a", 111),
            ("b", 2),
            ("c", 3),
        ]
        rows = [(i, None if i % 3 else f"t{i}") for i in range(2_500)]  # more rows than one statement takes
        cur = await db.executemany("INSERT INTO r(a, b) VALUES (?, ?)", rows)
        assert cur.rowcount == 2_500
        stored = await (await db.execute("SELECT a, b FROM r ORDER BY rowid")).fetchall()
        assert [tuple(r) for r in stored] == rows  # in their order

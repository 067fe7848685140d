"""The store: a real SQLite file (WAL, foreign keys), forward migrations, one transaction per document,
duplicates, removal, and the seeded database."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from contextlib import closing

import pytest

import bot.store.store as store_module
from bot.extract.document import content_hash
from bot.ingest.pipeline import ingest_file, ingest_text, load_seeds, open_store
from bot.models import ParsedDocument, ParsedPassage
from bot.rows import EventRow, Extraction, NewActor, StatementRow
from bot.services import find_quote
from bot.store import Store, StoreError
from bot.store.pgstore import PgStore
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION
from bot.store.search import candidate_ids, fts_string
from bot.text import index_tokens

TABLES = (
    "documents",
    "passages",
    "passage_fts",
    "mentions",
    "events",
    "event_actors",
    "statements",
    "actors",
    "actor_aliases",
    "clusters",
    "cluster_actors",
    "cluster_topics",
    "stance_days",
)

ARTICLE = """---
url: https://www.example.com/news/black-sea-2025
title: 黒海の航行再開で合意
published: 2025-03-25
outlet: テスト通信
---
米国とロシアの代表団は25日、サウジアラビアのリヤドで協議し、黒海での商船の安全な航行を確保することで合意した。
ペスコフ大統領報道官は「合意の履行には西側の制裁緩和が前提だ」と述べた。
ウクライナ側は、合意の詳細を精査したうえで対応を決めるとしている。
"""


async def counts(store: Store) -> dict[str, int]:
    out = {}
    for table in TABLES:
        row = await store.fetchone(f"SELECT count(*) FROM {table}")
        out[table] = row[0]
    return out


async def integrity_ok(store: Store) -> None:
    if not isinstance(store, PgStore):  # PostgreSQL checks foreign keys at each statement; no FTS5 shadow tables
        assert (await store.fetchone("PRAGMA integrity_check"))[0] == "ok"
        assert await store.fetchall("PRAGMA foreign_key_check") == []
        await store.conn.execute("INSERT INTO passage_fts(passage_fts) VALUES ('integrity-check')")
    # every index row belongs to a passage, every passage has an index row
    orphans = await store.fetchone("SELECT count(*) FROM passage_fts WHERE rowid NOT IN (SELECT id FROM passages)")
    missing = await store.fetchone("SELECT count(*) FROM passages WHERE id NOT IN (SELECT rowid FROM passage_fts)")
    assert (orphans[0], missing[0]) == (0, 0)


def seed_id(docs, prefix: str) -> int:
    return next(d.id for d in docs if d.name.startswith(prefix))


# --- the file ---------------------------------------------------------------------------------------------------


async def test_a_new_store_is_a_wal_sqlite_file_with_foreign_keys(tmp_path):
    path = tmp_path / "deep" / "missing" / "folders" / "newsdesk.db"
    store = await Store.open(path)
    try:
        assert path.is_file()
        assert (await store.fetchone("PRAGMA journal_mode"))[0] == "wal"
        assert (await store.fetchone("PRAGMA foreign_keys"))[0] == 1
        assert (await store.fetchone("PRAGMA user_version"))[0] == SCHEMA_VERSION
        names = {r[0] for r in await store.fetchall("SELECT name FROM sqlite_master")}
        assert {"documents", "passages", "passage_fts", "events", "statements", "actors", "meta"} <= names
        assert await store.count_documents() == 0
        assert store.actors.resolve("ゼレンシキー").name == "ゼレンスキー"  # the registry is loaded
    finally:
        await store.close()
    with closing(sqlite3.connect(path)) as conn:  # a plain SQLite file any tool can read
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


async def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        async with store.transaction() as db:
            await db.execute("INSERT INTO passages(document_id, seq, kind, text) VALUES (999999, 0, 'prose', 'x')")


@pytest.mark.parametrize("kind", ["under_a_file", "a_directory", "not_a_database"])
async def test_unusable_paths_are_a_clear_store_error(tmp_path, kind):
    if kind == "under_a_file":
        (tmp_path / "plain.txt").write_text("x")
        path = tmp_path / "plain.txt" / "sub" / "newsdesk.db"
    elif kind == "a_directory":
        path = tmp_path
    else:
        path = tmp_path / "garbage.db"
        path.write_bytes(b"this is not a database file at all, just some bytes" * 100)
    with pytest.raises(StoreError) as e:
        await Store.open(path)
    await asyncio.sleep(0.05)  # let aiosqlite's worker thread finish its failed connect before the loop closes
    assert str(path.parent if kind == "under_a_file" else path).split("/")[-1] in str(e.value)
    assert "\n" not in str(e.value)


# --- migrations -------------------------------------------------------------------------------------------------


async def test_an_empty_version_0_file_is_migrated(tmp_path):
    path = tmp_path / "v0.db"
    sqlite3.connect(path).close()
    store = await Store.open(path)
    try:
        assert (await store.fetchone("PRAGMA user_version"))[0] == SCHEMA_VERSION
    finally:
        await store.close()


async def test_a_version_1_file_with_data_is_upgraded_without_loss(tmp_path):
    """A database written by the first release: schema 1 only, one document, one indexed passage."""
    path = tmp_path / "v1.db"
    text = "ペスコフ大統領報道官は、黒海での停戦について「検討に値する提案だ」と述べた。"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute(
        "INSERT INTO documents(id, name, title, origin, content_hash, added_at) "
        "VALUES (1, 'old.txt', '古い記事', 'file', 'abc', '2025-03-01T00:00:00+00:00')"
    )
    conn.execute("INSERT INTO passages(id, document_id, seq, kind, text) VALUES (1, 1, 0, 'prose', ?)", (text,))
    conn.execute("INSERT INTO passage_fts(rowid, tokens) VALUES (1, ?)", (index_tokens(text),))
    conn.execute("INSERT INTO meta(key, value) VALUES ('seeded', '0')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()

    store = await Store.open(path)
    try:
        assert (await store.fetchone("PRAGMA user_version"))[0] == SCHEMA_VERSION
        docs = await store.list_documents()
        assert [(d.id, d.name, d.title, d.passages) for d in docs] == [(1, "old.txt", "古い記事", 1)]
        assert await store.get_meta("seeded") == "0"
        matches = await find_quote(store, "検討に値する提案だ")
        assert [m.sources[0].document for m in matches] == ["old.txt"]
        assert matches[0].speaker == "ペスコフ"
        await integrity_ok(store)
    finally:
        await store.close()


async def test_a_future_migration_upgrades_a_seeded_file_without_loss(seeded_db, monkeypatch):
    extra = """
    CREATE TABLE test_notes (id INTEGER PRIMARY KEY, document_id INTEGER REFERENCES documents(id), note TEXT);
    ALTER TABLE documents ADD COLUMN test_flag INTEGER NOT NULL DEFAULT 7;  -- a comment; with a semicolon
    """
    monkeypatch.setattr(store_module, "MIGRATIONS", [*MIGRATIONS, extra])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    store = await Store.open(seeded_db)
    try:
        assert (await store.fetchone("PRAGMA user_version"))[0] == SCHEMA_VERSION + 1
        assert await store.count_documents() == 5
        flags = {r[0] for r in await store.fetchall("SELECT test_flag FROM documents")}
        assert flags == {7}
        assert (await store.fetchone("SELECT count(*) FROM test_notes"))[0] == 0
        assert (await find_quote(store, "ロシアは何も得られない"))[0].speaker == "ウシャコフ"
    finally:
        await store.close()


async def test_a_failing_migration_changes_nothing(seeded_db, monkeypatch):
    broken = """
    CREATE TABLE test_half_done (x INTEGER);
    ALTER TABLE no_such_table ADD COLUMN y TEXT;
    """
    monkeypatch.setattr(store_module, "MIGRATIONS", [*MIGRATIONS, broken])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError):
        await Store.open(seeded_db)
    with closing(sqlite3.connect(seeded_db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'test_half_done'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 5


async def test_a_file_from_a_newer_release_is_refused_untouched(seeded_db):
    with closing(sqlite3.connect(seeded_db)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    before = seeded_db.read_bytes()
    with pytest.raises(StoreError) as e:
        await Store.open(seeded_db)
    message = str(e.value)
    assert "newer" in message and str(SCHEMA_VERSION + 3) in message
    with closing(sqlite3.connect(seeded_db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 3
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    assert seeded_db.read_bytes() == before  # not a byte changed


async def test_a_newer_file_in_rollback_journal_mode_is_not_converted(tmp_path):
    path = tmp_path / "future.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE future_things (x INTEGER)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(StoreError):
        await Store.open(path)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert path.read_bytes() == before


def test_split_sql_ignores_comments_with_semicolons():
    script = """
    -- a whole-line comment; with a semicolon
    CREATE TABLE a (
        x TEXT,   -- the x column; it holds text
        y TEXT
    );
    CREATE TABLE b (z TEXT);
    """
    statements = store_module.split_sql(script)
    assert len(statements) == 2
    conn = sqlite3.connect(":memory:")
    for s in statements:
        conn.execute(s)
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master")} == {"a", "b"}


def test_every_shipped_migration_runs_statement_by_statement():
    conn = sqlite3.connect(":memory:")
    for script in MIGRATIONS:
        for statement in store_module.split_sql(script):
            conn.execute(statement)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").fetchone()[0] == 1


# --- the seeded database ----------------------------------------------------------------------------------------


async def test_seeded_database(store, seeds_dir):
    docs = await store.list_documents()
    assert [d.name for d in docs] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert all(d.origin == "seed" and d.passages > 0 for d in docs)
    published = {d.name[:3]: d.published for d in docs}
    assert published == {
        "000": "2025-03-04",
        "001": None,
        "002": "2025-03-11",
        "003": "2025-03-01",
        "004": "2025-03-13",
    }
    assert (await store.fetchone("SELECT count(*) FROM mentions"))[0] > 0
    await integrity_ok(store)
    # seeding happens once: a second call (or a store whose seeds were removed) does not reload them
    assert await load_seeds(store, seeds_dir) == []
    assert await store.count_documents() == 5


async def test_source_detail_lists_cited_urls(store):
    docs = await store.list_documents()
    detail = (await store.list_documents(doc_id=seed_id(docs, "000")))[0]
    assert detail.cited_urls == [
        "https://www.cnn.co.jp/usa/35230020.html",
        "https://logmi.jp/main/social_economy/331525",
        "https://www.yomiuri.co.jp/world/20250304-OYT1T50158/",
    ]
    assert detail.outlets == ["CNN.co.jp", "ログミー", "読売新聞オンライン"]


async def test_seeds_are_not_reloaded_into_an_emptied_store(store, seeds_dir):
    for d in await store.list_documents():
        assert await store.remove_document(d.id)
    assert await load_seeds(store, seeds_dir) == []
    assert await store.count_documents() == 0


async def test_open_store_seeds_a_new_database_once(tmp_path, seeds_dir):
    path = tmp_path / "fresh.db"
    store = await open_store(str(path), seeds_dir)
    try:
        assert await store.count_documents() == 5
    finally:
        await store.close()
    store = await open_store(str(path), seeds_dir)
    try:
        assert await store.count_documents() == 5
    finally:
        await store.close()


# --- one transaction per document -------------------------------------------------------------------------------


def handmade(store: Store, tag: str = "crash") -> tuple[ParsedDocument, Extraction]:
    """A document with everything derived from it: a new actor, mentions, an event and statements."""
    lavrov = store.actors.resolve("ラブロフ").id
    peskov = store.actors.resolve("ペスコフ").id
    texts = [
        f"ラブロフ外相は、平和維持部隊の駐留は受け入れられないと改めて述べた（{tag}）。",
        f"ペスコフ報道官と新任のテスト・{tag}特使は、停戦の監視方法について協議した。",
    ]
    url = f"https://www.example.com/{tag}"
    parsed = ParsedDocument(
        name=f"{tag}.txt",
        title=f"テスト記事 {tag}",
        passages=[ParsedPassage(text=t, url=url, outlet="テスト通信", date="2025-03-13") for t in texts],
        url=url,
        outlet="テスト通信",
        published="2025-03-13",
        origin="file",
    )
    ex = Extraction(
        content_hash=content_hash(parsed),
        tokens=[index_tokens(t) for t in texts],
        mentions=[[lavrov], [peskov, -1]],  # -1: the first actor this document discovers
        events=[
            EventRow(
                passage_seq=1,
                date="2025-03-13",
                precision="day",
                summary="停戦の監視方法について協議",
                background=False,
                actor_ids=[peskov, -1],
                topics=["ceasefire"],
            )
        ],
        statements=[
            StatementRow(
                passage_seq=0,
                actor_id=lavrov,
                topic="peacekeeping",
                position="oppose",
                text=texts[0],
                date="2025-03-13",
                kind="reported",
            ),
            StatementRow(
                passage_seq=1,
                actor_id=-1,
                topic="ceasefire",
                position="neutral",
                text=texts[1],
                date="2025-03-13",
                kind="reported",
            ),
        ],
        new_actors=[NewActor(name=f"テスト・{tag}特使", aliases=[f"{tag}特使"], kind="person")],
    )
    return parsed, ex


@pytest.mark.parametrize("step", ["passages", "events", "statements"])
async def test_a_crash_mid_write_leaves_nothing_behind(store, step):
    before = await counts(store)
    parsed, ex = handmade(store)
    with pytest.raises(RuntimeError, match="simulated crash"):
        await store.add_document(parsed, ex, _fail_after=step)
    assert await counts(store) == before
    assert await store.fetchone("SELECT id FROM actors WHERE name = 'テスト・crash特使'") is None
    assert await find_quote(store, "平和維持部隊の駐留は受け入れられないと改めて述べた") == []
    await integrity_ok(store)
    # the store is still usable: the transaction and its lock are released
    _, new_actors = await store.add_document(parsed, ex)
    assert new_actors == ["テスト・crash特使"]
    after = await counts(store)
    grew = {t: after[t] - before[t] for t in TABLES}
    assert grew == {
        "documents": 1,
        "passages": 2,
        "passage_fts": 2,
        "mentions": 3,
        "events": 1,
        "event_actors": 2,
        "statements": 2,
        "actors": 1,
        "actor_aliases": 1,
        "clusters": 1,
        "cluster_actors": 2,
        "cluster_topics": 1,
        "stance_days": 2,
    }


async def test_provisional_actor_ids_point_to_the_stored_actor(store):
    parsed, ex = handmade(store, tag="envoy")
    doc_id, _ = await store.add_document(parsed, ex)
    new_id = (await store.fetchone("SELECT id FROM actors WHERE name = 'テスト・envoy特使'"))[0]
    rows = await store.fetchall("SELECT actor_id FROM statements WHERE document_id = ? ORDER BY id", (doc_id,))
    assert rows[-1][0] == new_id
    ev = await store.fetchone("SELECT id FROM events WHERE document_id = ?", (doc_id,))
    ids = {r[0] for r in await store.fetchall("SELECT actor_id FROM event_actors WHERE event_id = ?", (ev[0],))}
    assert new_id in ids
    assert store.actors.resolve("envoy特使").id == new_id  # the in-memory registry is reloaded
    await integrity_ok(store)


async def test_a_crash_inside_event_clustering_rolls_back(store):
    before = await counts(store)
    parsed, ex = handmade(store, tag="cluster")

    def exploding(a, b):
        raise asyncio.CancelledError  # as if the task were cancelled mid-write

    that_day = await store.fetchone("SELECT features FROM events WHERE date = '2025-03-13'")
    assert that_day, "the seeds should hold an event on 2025-03-13 for this test to mean anything"
    ex.events[0].tokens.append(json.loads(that_day[0])["tokens"][0])  # shares a word: it is compared
    with pytest.raises(asyncio.CancelledError):
        await store.add_document(parsed, ex, same_event=exploding)
    assert await counts(store) == before
    await integrity_ok(store)


async def test_the_same_content_twice_is_a_duplicate_and_changes_nothing(store):
    first = await ingest_text(store, ARTICLE, name="black-sea.md")
    assert first.status == "added" and first.passages == 3
    before = await counts(store)
    again = await ingest_text(store, ARTICLE, name="black-sea-copy.md")
    assert again.status == "duplicate"
    assert again.duplicate_of == first.document_id
    assert f"#{first.document_id}" in again.reason
    assert await counts(store) == before


def _widen(text: str) -> str:
    """ASCII letters/digits to full width, and extra spaces inside the sentences."""
    out = []
    for ch in text:
        out.append(chr(ord(ch) + 0xFEE0) if ch.isascii() and ch.isalnum() else ch)
    return "".join(out).replace("は", "は ").replace("、", "、\u3000")


async def test_the_same_content_with_other_width_and_spacing_is_a_duplicate(store):
    body = ARTICLE.split("---\n", 2)[2]  # without front matter: only the content decides
    first = await ingest_text(store, body, name="plain.txt")
    assert first.status == "added"
    before = await counts(store)
    variant = _widen(body).replace("\n", "\n\n")
    assert variant != body
    again = await ingest_text(store, variant, name="plain-wide.txt")
    assert (again.status, again.duplicate_of) == ("duplicate", first.document_id)
    assert await counts(store) == before


async def test_the_same_url_is_a_duplicate(store):
    first = await ingest_text(store, ARTICLE, name="a.md")
    other_body = ARTICLE.replace("黒海での商船の安全な航行", "黒海とアゾフ海での航行")
    again = await ingest_text(store, other_body, name="b.md")
    assert (again.status, again.duplicate_of) == ("duplicate", first.document_id)


async def test_a_seed_under_another_name_is_a_duplicate(store, seeds_dir, tmp_path):
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(next(seeds_dir.glob("002_*.txt")).read_bytes())
    before = await counts(store)
    result = await ingest_file(store, copy)
    assert result.status == "duplicate"
    docs = await store.list_documents()
    assert result.duplicate_of == seed_id(docs, "002")
    assert await counts(store) == before


async def test_concurrent_ingests_of_the_same_text_store_it_once(store):
    results = await asyncio.gather(
        ingest_text(store, ARTICLE, name="one.md"), ingest_text(store, ARTICLE, name="two.md")
    )
    assert sorted(r.status for r in results) == ["added", "duplicate"]
    assert await store.count_documents() == 6
    await integrity_ok(store)


async def test_two_connections_to_one_file_both_write(seeded_db):
    """The bot and the CLI may hold the same file open; WAL and the busy timeout let both write."""
    a, b = await Store.open(seeded_db), await Store.open(seeded_db)
    try:
        other = ARTICLE.replace("black-sea-2025", "black-sea-2025-b").replace("25日", "24日")
        r1, r2 = await asyncio.gather(ingest_text(a, ARTICLE, name="a.md"), ingest_text(b, other, name="b.md"))
        assert (r1.status, r2.status) == ("added", "added")
        assert await a.count_documents() == await b.count_documents() == 7
        await integrity_ok(a)
    finally:
        await a.close()
        await b.close()


@pytest.mark.parametrize("text", ["", "   \n\n  ", "短い。", "---\ntitle: 空\n---\n"])
async def test_no_article_text_is_an_error_and_stores_nothing(store, text):
    before = await counts(store)
    result = await ingest_text(store, text, name="empty.txt")
    assert result.status == "error"
    assert result.reason
    assert await counts(store) == before


async def test_text_over_the_size_limit_is_refused(store):
    from bot.ingest.pipeline import MAX_TEXT_CHARS

    result = await ingest_text(store, "あ" * (MAX_TEXT_CHARS + 1), name="huge.txt")
    assert result.status == "error" and "too long" in result.reason
    assert await store.count_documents() == 5


async def test_quotes_on_an_empty_store_find_nothing(tmp_path):
    store = await Store.open(tmp_path / "empty.db")
    try:
        assert await find_quote(store, "ロシアは何も得られない") == []
        assert await find_quote(store, "AND") == []
    finally:
        await store.close()


async def test_ingest_file_errors(store, tmp_path):
    missing = await ingest_file(store, tmp_path / "nope.txt")
    assert missing.status == "error" and "no such file" in missing.reason
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    unsupported = await ingest_file(store, pdf)
    assert unsupported.status == "error" and ".pdf" in unsupported.reason
    assert await store.count_documents() == 5


async def test_ingest_file_reads_legacy_japanese_encodings(store, tmp_path):
    path = tmp_path / "sjis.txt"
    path.write_bytes((ARTICLE * 3).encode("cp932"))
    result = await ingest_file(store, path)
    assert result.status == "added", result.reason
    assert result.title == "黒海の航行再開で合意"
    match = (await find_quote(store, "合意の履行には西側の制裁緩和が前提だ"))[0]
    assert match.sources[0].document == "sjis.txt"


# --- removal ----------------------------------------------------------------------------------------------------


async def test_removing_a_document_removes_everything_derived_from_it(store, seeds_dir):
    docs = await store.list_documents()
    doc_id = seed_id(docs, "004")
    passage_ids = [r[0] for r in await store.fetchall("SELECT id FROM passages WHERE document_id = ?", (doc_id,))]
    assert len(passage_ids) > 100
    assert await find_quote(store, "ヤシオンカ経由の兵器輸送は以前のレベルに戻った")
    others_before = [(d.id, d.passages, d.events, d.statements) for d in docs if d.id != doc_id]

    assert await store.remove_document(doc_id) is True

    marks = ",".join("?" * len(passage_ids))
    for sql in (
        f"SELECT count(*) FROM passage_fts WHERE rowid IN ({marks})",
        f"SELECT count(*) FROM mentions WHERE passage_id IN ({marks})",
        f"SELECT count(*) FROM events WHERE passage_id IN ({marks})",
        f"SELECT count(*) FROM statements WHERE passage_id IN ({marks})",
    ):
        assert (await store.fetchone(sql, passage_ids))[0] == 0, sql
    for table in ("passages", "events", "statements"):
        row = await store.fetchone(f"SELECT count(*) FROM {table} WHERE document_id = ?", (doc_id,))
        assert row[0] == 0, table
    orphans = await store.fetchone("SELECT count(*) FROM event_actors WHERE event_id NOT IN (SELECT id FROM events)")
    assert orphans[0] == 0
    assert await find_quote(store, "ヤシオンカ経由の兵器輸送は以前のレベルに戻った") == []
    after = await store.list_documents()
    assert [(d.id, d.passages, d.events, d.statements) for d in after] == others_before
    await integrity_ok(store)

    assert await store.remove_document(doc_id) is False  # already gone
    again = await ingest_file(store, next(seeds_dir.glob("004_*.txt")))  # and no longer a duplicate
    assert again.status == "added"
    assert (await find_quote(store, "ヤシオンカ経由の兵器輸送は以前のレベルに戻った"))[0].speaker == "ラドスワフ・シコルスキ"


async def test_removing_a_handmade_document_removes_events_and_statements(store):
    before = await counts(store)
    parsed, ex = handmade(store, tag="removal")
    doc_id, _ = await store.add_document(parsed, ex)
    assert await store.remove_document(doc_id)
    after = await counts(store)
    # only the discovered actor (and its alias) stay: actors outlive the document that introduced them
    assert {t: after[t] - before[t] for t in TABLES if after[t] != before[t]} == {"actors": 1, "actor_aliases": 1}
    row = await store.fetchone("SELECT document_id FROM actors WHERE name = 'テスト・removal特使'")
    assert row[0] is None
    await integrity_ok(store)


async def test_remove_unknown_document(store):
    assert await store.remove_document(987654) is False
    assert await store.count_documents() == 5


# --- full-text search: user text is always data -----------------------------------------------------------------


def test_fts_string_quotes_everything():
    assert fts_string("ロシア") == '"ロシア"'
    assert fts_string('a"b') == '"a""b"'
    assert fts_string("NEAR(") == '"NEAR("'


@pytest.mark.parametrize(
    "token",
    ['"', '""', "AND", "OR", "NOT", "NEAR(", "NEAR(a b, 2)", "*", "^", "-", "(", ")", "tokens:x", "{tokens}", "\x00"],
)
async def test_candidate_ids_never_raise_on_fts_syntax(store, token, monkeypatch):
    """The token is made a known term (a passage "holds" it), so it is not dropped as unknown: it reaches MATCH."""
    from bot.store import search

    if token == "\x00" and isinstance(store, PgStore):
        pytest.skip("PostgreSQL text cannot hold NUL: no term can be one")

    async with store.transaction() as db:
        await db.execute("INSERT INTO term_df(term, doc) VALUES (?, 1)", (token,))
    matched: list[str] = []
    matching = search.matching_hits

    async def spy(store_, match, limit, guild_id=None, cost=None):  # type: ignore[no-untyped-def]
        matched.append(match)
        return await matching(store_, match, limit, guild_id, cost)

    monkeypatch.setattr(search, "matching_hits", spy)
    # in the middle: a one-character token at either end would be dropped as a fragment of a cut word
    ids = await candidate_ids(store, [("ロシア", True), (token, True), ("ウクライナ", True)])
    assert isinstance(ids, list)  # what the other two words find; no error
    assert any(fts_string(token) in m for m in matched)
    matched.clear()
    assert await candidate_ids(store, [(token, True)]) == []
    assert matched and set(matched) == {fts_string(token)}


async def test_match_on_a_quoted_operator_is_a_plain_term(store):
    rows = await store.fetchall("SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?", (fts_string("AND"),))
    assert rows == []  # no passage holds the word "and"; as syntax this would be an error

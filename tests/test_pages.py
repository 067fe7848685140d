"""What /timeline and /stance page through is kept at write time: clusters (with their date,
representative and filter rows) and per-day stance counts. These tests hold the kept tables to a
recomputation from the events and statements themselves, and the pages to the whole answer."""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections import Counter

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services.stance import stance
from bot.services.timeline import count_timeline, timeline, timeline_page, validate_timeline_query
from bot.store import Store
from bot.store import clusters as cl
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION


async def expected_clusters(store: Store) -> dict[int, tuple]:
    """Every cluster recomputed from its member events."""
    members: dict[int, list[cl.Member]] = {}
    for r in await store.fetchall(f"SELECT cluster_id, {cl.MEMBER_COLUMNS} FROM events ORDER BY id"):
        members.setdefault(r[0], []).append(cl.Member.from_row(r[1:]))
    out = {}
    for cluster_id, ms in members.items():
        state = cl.choose(ms)
        ids = ",".join(str(m.id) for m in ms)
        actors = {r[0] for r in await store.fetchall(f"SELECT actor_id FROM event_actors WHERE event_id IN ({ids})")}
        topics = {
            t for r in await store.fetchall(f"SELECT topics FROM events WHERE id IN ({ids})") for t in json.loads(r[0])
        }
        out[cluster_id] = (state.date, state.precision, state.background, state.representative, len(ms), actors, topics)
    return out


async def kept_clusters(store: Store) -> dict[int, tuple]:
    out = {}
    for r in await store.fetchall("SELECT id, date, precision, background, representative, members FROM clusters"):
        actors = await store.fetchall(
            "SELECT actor_id, background, date FROM cluster_actors WHERE cluster_id = ?", (r[0],)
        )
        topics = await store.fetchall(
            "SELECT topic, background, date FROM cluster_topics WHERE cluster_id = ?", (r[0],)
        )
        # the filter rows carry their cluster's sort key
        assert {(b, d) for _, b, d in [*actors, *topics]} <= {(r[3], r[1])}
        out[r[0]] = (r[1], r[2], bool(r[3]), r[4], r[5], {a[0] for a in actors}, {t[0] for t in topics})
    return out


async def stance_days_ok(store: Store) -> None:
    kept = {
        tuple(r[:4]): r[4] for r in await store.fetchall("SELECT actor_id, topic, date, position, n FROM stance_days")
    }
    recount = {
        tuple(r[:4]): r[4]
        for r in await store.fetchall(
            "SELECT actor_id, topic, sort_date, position, count(*) FROM statements GROUP BY 1, 2, 3, 4"
        )
    }
    assert kept == recount


async def derived_ok(store: Store) -> None:
    assert await kept_clusters(store) == await expected_clusters(store)
    await stance_days_ok(store)
    await document_actors_ok(store)


async def document_actors_ok(store: Store) -> None:
    """The (actor, document) pairs kept for /stance --about are those the mentions give, no more, no fewer."""
    kept = {(r["actor_id"], r["document_id"]) for r in await store.fetchall("SELECT * FROM document_actors")}
    derived = {
        (r["actor_id"], r["document_id"])
        for r in await store.fetchall(
            "SELECT DISTINCT m.actor_id, p.document_id FROM mentions m JOIN passages p ON p.id = m.passage_id"
        )
    }
    assert derived and kept == derived


SAME_EVENT = "2025年3月11日、米国とウクライナの代表団はサウジアラビアのジッダで協議し、30日間の停戦案で合意した。"


async def test_kept_tables_equal_a_recomputation_through_adds_and_removes(store):
    await derived_ok(store)  # the seeds
    added = []
    for i in range(3):  # the same event reported three more times, in words of its own each time
        r = await ingest_text(
            store, f"{SAME_EVENT}\n\n記事{i}番目の補足として、各国の反応をまとめた。", name=f"same{i}.txt"
        )
        assert r.status == "added"
        added.append(r.document_id)
        await derived_ok(store)
    jeddah = await store.fetchone(
        "SELECT c.members FROM clusters c JOIN events e ON e.cluster_id = c.id WHERE e.document_id = ?", (added[0],)
    )
    assert jeddah[0] >= 3  # one cluster holds the reports
    for doc_id in added:
        assert await store.remove_document(doc_id)
        await derived_ok(store)
    for doc in await store.list_documents():
        await store.remove_document(doc.id)
    for table in ("clusters", "cluster_actors", "cluster_topics", "stance_days", "document_actors"):
        assert (await store.fetchone(f"SELECT count(*) FROM {table}"))[0] == 0, table


def member(i: int, date: str, *, report: bool = False, tokens: int = 3, precision: str = "day") -> cl.Member:
    features = {"tokens": [f"t{i}_{k}" for k in range(tokens)], "persons": [], "report": report}
    return cl.Member(i, date, precision, f"summary {i}", False, 1.0, features)


def test_a_cluster_is_dated_by_most_reports_and_headlines_count_only_alone():
    ms = [
        member(1, "2025-03-11"),
        member(2, "2025-03-12"),
        member(3, "2025-03-11"),
        member(4, "2025-03-12", report=True),
    ]
    state = cl.choose(ms)
    assert (state.date, state.precision, state.members) == ("2025-03-11", "day", 4)
    assert state.day_dates == {"2025-03-11": 2, "2025-03-12": 1}
    assert cl.choose([member(5, "2025-03-12", report=True)]).date == "2025-03-12"
    tie = cl.choose([member(1, "2025-03-12"), member(2, "2025-03-11")])
    assert tie.date == "2025-03-11"  # a tie goes to the earlier day
    month = cl.choose([member(1, "2025-03", precision="month")])
    assert (month.date, month.precision) == ("2025-03", "month")


def test_a_large_cluster_joins_incrementally_like_the_full_choice_for_dates():
    ms = [member(i, "2025-03-11" if i % 3 else "2025-03-12", tokens=2) for i in range(1, cl.EXACT_LIMIT + 6)]
    state = cl.choose(ms[: cl.EXACT_LIMIT])
    for m in ms[cl.EXACT_LIMIT :]:
        rep = next(x for x in ms if x.id == state.representative)
        state = cl.join(state, rep, m)
    full = cl.choose(ms)
    assert (state.date, state.members, state.day_dates) == (full.date, full.members, full.day_dates)
    richer = member(99, "2025-03-12", tokens=9)  # says more than any member: it stands for the cluster
    assert cl.join(state, next(x for x in ms if x.id == state.representative), richer).representative == 99


async def test_a_cluster_reported_more_than_exact_limit_times_stays_consistent(store):
    for i in range(cl.EXACT_LIMIT + 3):
        r = await ingest_text(store, f"{SAME_EVENT}\n\n第{i}報。", name=f"many{i}.txt")
        assert r.status == "added"
    row = await store.fetchone(
        "SELECT c.members, c.date FROM clusters c JOIN events e ON e.cluster_id = c.id"
        " JOIN documents d ON d.id = e.document_id WHERE d.name = 'many0.txt'"
    )
    assert row[0] >= cl.EXACT_LIMIT + 3 and row[1] == "2025-03-11"
    kept, expected = await kept_clusters(store), await expected_clusters(store)
    assert kept.keys() == expected.keys()
    for cluster_id, want in expected.items():  # past EXACT_LIMIT the representative may differ; the rest may not
        got = kept[cluster_id]
        assert (got[:3], got[4:]) == (want[:3], want[4:])
    events = await timeline(store, since="2025-03-11", until="2025-03-11")
    jeddah = [e for e in events if "ジッダ" in e.summary]
    assert len(jeddah) == 1 and len(jeddah[0].sources) >= cl.EXACT_LIMIT + 3


# --- timeline pages ------------------------------------------------------------------------------------------------


async def oracle(store: Store, since=None, until=None, actor=None, topic=None) -> list[int]:
    """The timeline's cluster ids, by brute force over the kept clusters."""
    q = await validate_timeline_query(store, since, until, actor, topic)
    actor_id = store.actors.resolve(q.actor).id if q.actor else None
    kept = await kept_clusters(store)
    ids = []
    for cluster_id, (date, _, background, _, _, actors, topics) in kept.items():
        if q.since and date < q.since[: len(date)]:
            continue
        if q.until and date[: len(q.until)] > q.until:
            continue
        if actor_id is not None and actor_id not in actors:
            continue
        if q.topic and q.topic not in topics:
            continue
        ids.append((background, date, cluster_id))
    return [i for _, _, i in sorted(ids)]


FILTERS = [
    {},
    {"since": "2025-03-15"},
    {"since": "2025-03"},
    {"until": "2025-02-28"},
    {"since": "2025-02-28", "until": "2025-03-12"},
    {"actor": "トランプ"},
    {"actor": "ゼレンシキー", "since": "2025-03-01"},
    {"topic": "military_aid"},
    {"actor": "Trump", "topic": "ceasefire"},
    {"since": "2099-01-01"},
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "all")
async def test_timeline_pages_add_up_to_the_whole(store, f):
    whole = await timeline(store, **f)
    assert [e.id for e in whole] == await oracle(store, **f)
    q = await validate_timeline_query(store, **f)
    assert await count_timeline(store, q) == len(whole)
    paged = []
    for offset in range(0, len(whole) + 7, 7):
        page = await timeline_page(store, q, limit=7, offset=offset)
        assert len(page) == min(7, max(0, len(whole) - offset))
        paged.extend(page)
    assert [e.id for e in paged] == [e.id for e in whole]
    for a, b in zip(paged, whole, strict=True):  # a page lists the same event; sources may be capped
        assert (a.date, a.summary, a.actors, a.topics, a.background) == (
            b.date,
            b.summary,
            b.actors,
            b.topics,
            b.background,
        )
        assert a.sources_total == len(b.sources)


@pytest.mark.parametrize("latest_last", [False, True], ids=["oldest_first", "latest_last"])
@pytest.mark.parametrize("f", FILTERS[:-1], ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "all")
async def test_keyset_and_from_the_end_pages_equal_the_offset_pages(store, f, latest_last):
    """Every way a pager reaches a page gives the same events: by offset from the start, by offset read from
    the end (past the middle, with the count), and by keyset from either neighbour's edge; for the command
    line and for a server (whose own article another server's view does not hold)."""
    from bot.rows import Provenance

    await ingest_text(store, f"{SAME_EVENT}\n\nサーバー7の記事。", name="g7.txt", provenance=Provenance(guild_id=7))
    await ingest_text(store, "2025年3月12日、ウクライナは米国の提案を受け入れた。", name="g8.txt", provenance=Provenance(guild_id=8))
    for guild in (None, 7):
        q = await validate_timeline_query(store, **f, guild_id=guild)
        q.latest_last = latest_last
        total = await count_timeline(store, q)
        whole = [e.id for e in await timeline_page(store, q)]
        assert len(whole) == total
        size = 4
        offsets = list(range(0, total, size))
        from_start = [[e.id for e in await timeline_page(store, q, limit=size, offset=o)] for o in offsets]
        from_end = [[e.id for e in await timeline_page(store, q, limit=size, offset=o, total=total)] for o in offsets]
        assert [i for p in from_start for i in p] == whole
        assert from_end == from_start
        forward, page = [], await timeline_page(store, q, limit=size)
        while page:
            forward.append([e.id for e in page])
            page = await timeline_page(store, q, limit=size, after=page[-1])
        assert forward == from_start
        backward, page = [], await timeline_page(store, q, limit=size, offset=offsets[-1], total=total) if offsets else []
        while page:
            backward.insert(0, [e.id for e in page])
            page = await timeline_page(store, q, limit=size, before=page[0])
        assert backward == from_start


async def test_since_includes_coarser_dates_that_overlap_it(store):
    await ingest_text(store, "欧州議会は2025年3月中旬、新たな防衛基金の創設を可決した。", name="month.txt")
    events = await timeline(store, since="2025-03-15")
    coarse = [e for e in events if e.precision != "day"]
    assert coarse, "the seeds have month-precision events in March"
    assert all("2025-03".startswith(e.date) or e.date >= "2025-03-15" for e in events)


async def test_a_page_caps_the_sources_it_reads_and_counts_the_rest(store, monkeypatch):
    for i in range(5):
        await ingest_text(store, f"{SAME_EVENT}\n\n続報{i}。", name=f"cap{i}.txt")
    from bot.store import timeline as tl

    monkeypatch.setattr(tl, "PAGE_SOURCES", 2)
    q = await validate_timeline_query(store, since="2025-03-11", until="2025-03-11")
    page = await timeline_page(store, q, limit=50)
    whole = await timeline(store, since="2025-03-11", until="2025-03-11")
    big = next(e for e in whole if len(e.sources) > 3)
    capped = next(e for e in page if e.id == big.id)
    assert len(capped.sources) <= 2 and capped.sources_total == len(big.sources)
    assert capped.more_sources == len(big.sources) - len(capped.sources)


# --- stance pages --------------------------------------------------------------------------------------------------


def old_summary(statements) -> dict[str, tuple]:
    """Per topic from every statement, as the service computed it before counts were kept."""
    by_topic: dict[str, list] = {}
    for s in statements:
        by_topic.setdefault(s.topic, []).append(s)
    out = {}
    for topic, items in by_topic.items():
        history = sorted(((s.date, s.position) for s in items), key=lambda h: (h[0] or "", h[1]))
        taken = [h for h in history if h[1] != "neutral"]
        latest_date, latest = (taken or history)[-1]
        shifts = [p for _, p in taken]
        out[topic] = (latest, latest_date, len(items), any(a != b for a, b in itertools.pairwise(shifts)))
    return out


@pytest.mark.parametrize(
    "actor,topic", [("トランプ", None), ("ゼレンスキー", None), ("プーチン", "ceasefire"), ("EU", None)]
)
async def test_stance_pages_add_up_to_the_whole(store, actor, topic):
    whole = await stance(store, actor, topic=topic)
    assert whole.total == len(whole.statements) == whole.actor.statements
    summary = {t.topic: (t.latest, t.latest_date, t.statements, t.changed) for t in whole.topics}
    assert summary == old_summary(whole.statements)
    dates = [s.date or "" for s in whole.statements]
    assert dates == sorted(dates, reverse=True)  # newest first
    paged = []
    for offset in range(0, whole.total + 5, 5):
        page = await stance(store, actor, topic=topic, limit=5, offset=offset)
        assert page.total == whole.total and page.topics == whole.topics
        paged.extend(page.statements)
    assert [s.id for s in paged] == [s.id for s in whole.statements]
    # a pager's later page: the first page's total given, the statements alone (the summary is the first page's)
    turned = []
    for offset in range(0, whole.total + 5, 5):
        page = await stance(store, actor, topic=topic, limit=5, offset=offset, total=whole.total)
        assert page.total == whole.total and page.topics == []
        turned.extend(page.statements)
    assert [s.id for s in turned] == [s.id for s in whole.statements]


# --- an older file gets the kept tables ------------------------------------------------------------------------


async def test_a_version_4_file_gets_clusters_and_stance_counts(tmp_path, store, backend):
    """Copy the seeded data into a file at schema 4 (no kept tables), open it: the migration fills them."""
    if backend != "sqlite":
        pytest.skip("an SQLite file's upgrade; a PostgreSQL database starts at the current schema")
    path = tmp_path / "v4.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:4]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 4")
    conn.execute("ATTACH DATABASE ? AS src", (store.path,))
    for table in ("documents", "passages", "actors", "actor_aliases", "mentions", "events", "event_actors"):
        cols = ", ".join(r[1] for r in conn.execute(f"PRAGMA main.table_info({table})"))  # the columns of schema 4
        conn.execute(f"INSERT OR REPLACE INTO {table} ({cols}) SELECT {cols} FROM src.{table}")
    conn.execute(
        "INSERT INTO statements(id, document_id, passage_id, actor_id, topic, position, text, date, kind)"
        " SELECT id, document_id, passage_id, actor_id, topic, position, text, date, kind FROM src.statements"
    )
    conn.commit()
    conn.execute("DETACH DATABASE src")
    conn.close()

    old = await Store.open(path)
    try:
        assert (await old.fetchone("PRAGMA user_version"))[0] == SCHEMA_VERSION
        await derived_ok(old)
        assert await kept_clusters(old) == await kept_clusters(store)
        assert [e.id for e in await timeline(old)] == [e.id for e in await timeline(store)]
        a, b = await stance(old, "トランプ"), await stance(store, "トランプ")
        assert (a.topics, [s.id for s in a.statements]) == (b.topics, [s.id for s in b.statements])
        assert Counter(r[0] for r in await old.fetchall("SELECT sort_date FROM statements")) == Counter(
            r[0] for r in await store.fetchall("SELECT sort_date FROM statements")
        )
    finally:
        await old.close()


async def test_candidates_narrowed_in_sql_cluster_like_comparing_every_candidate(store, seeds_dir):
    """assign() decodes only stored events sharing a word or person; comparing all gives the same clusters."""
    from bot.extract.document import extract_document
    from bot.extract.events import same_event
    from bot.ingest.parse import parse_document

    text = next(seeds_dir.glob("004_*.txt")).read_text(encoding="utf-8")  # 50 events, already stored
    parsed = parse_document(text, name="again.txt", origin="file")
    ex = extract_document(parsed, store.actors)
    ordered = sorted(ex.events, key=lambda e: e.report)
    members = [
        cl.Member(
            10_000_000 + i,
            e.date,
            e.precision,
            e.summary,
            e.background,
            e.weight,
            {"tokens": e.tokens, "persons": e.persons, "report": e.report},
        )
        for i, e in enumerate(ordered)
    ]
    assert len(members) > 5
    got = await cl.assign(store.conn, members, same_event)

    expected: list[int] = []
    for m in members:
        key = cl._candidate_key(m)
        sql, values = cl._candidate_sql(key)
        rows = [(c, json.loads(f)) for c, _, f in await store.fetchall(sql, values)]
        if len(rows) < cl.CANDIDATES:
            rows += [(c, e.features) for c, e in zip(expected, members, strict=False) if cl._in_key(key, e.date)]
        scored = [(same_event(m.features, f), c) for c, f in rows if not (f.get("report") and m.report)]
        best = max((s for s in scored if s[0]), key=lambda s: s[0], default=(0, m.id))
        expected.append(best[1])
    assert got == expected
    assert any(c != m.id for c, m in zip(got, members, strict=True))  # some joined a stored cluster


async def test_a_stored_event_sharing_a_person_is_compared_but_needs_a_shared_word(store):
    from bot.extract.events import same_event

    doc, passage = await store.fetchone("SELECT document_id, id FROM passages LIMIT 1")
    person = store.actors.resolve("ゼレンスキー").id
    features = {"tokens": ["訪問"], "persons": [person], "report": False}
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO events(id, document_id, passage_id, date, precision, summary, cluster_id, features)"
            " VALUES (9000001, ?, ?, '2031-01-01', 'day', 'stored', 9000001, ?)",
            (doc, passage, json.dumps(features, ensure_ascii=False)),
        )
    new = cl.Member(
        9000002, "2031-01-01", "day", "new", False, 1.0, {"tokens": ["会談"], "persons": [person], "report": False}
    )
    assert not same_event(new.features, features)  # one person, no word in common: not enough
    assert await cl.assign(store.conn, [new], same_event) == [9000002]
    visit = cl.Member(
        9000004, "2031-01-01", "day", "new", False, 1.0, {"tokens": ["訪問"], "persons": [person], "report": False}
    )
    assert same_event(visit.features, features)  # the same person and the same event word
    assert await cl.assign(store.conn, [visit], same_event) == [9000001]
    stranger = cl.Member(
        9000003, "2031-01-01", "day", "new", False, 1.0, {"tokens": ["会談"], "persons": [], "report": False}
    )
    assert await cl.assign(store.conn, [stranger], same_event) == [9000003]

"""The store's behaviours that mutants of `bot/store` showed untested (issue 17, branch mut32, the seed-32 sample of
today's code): how the clustering keeps one article's events apart or joins them, the candidates a batch keeps up to
date as it writes, the features an event is stored with; a large cluster's representative; the views a rebuild gives
each server; a bulk batch indexed, found again as duplicates, or rolled back whole; outdated claims counted; a feed's
items counted; a job given back; a NEAR's default distance; PostgreSQL's staged read of the newest holders and its
stance-day triggers.

Each test was seen failing with its mutant applied in the run's mutants copy (`MUTANT_UNDER_TEST=<name>`) and
passing without it (tests/MUTATION.md, branch `mut32`).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bench import corpus
from bot.extract.claim_records import extractor_version
from bot.extract.document import extract_document
from bot.extract.events import same_event
from bot.ingest.pipeline import ingest_text, parse_text
from bot.rows import EventRow
from bot.store import Store, cluster_views
from bot.store import clusters as cl
from bot.store.about import candidate_documents_naming
from bot.store.claims import count_outdated
from bot.store.dialect import _stance_day_triggers
from bot.store.feeds import ItemKey, ItemValues, add_feed, read_feeds, record_item
from bot.store.jobs import claim, enqueue, give_back, job_state
from bot.store.search import fts_string
from bot.store.store import BatchItem, event_members
from bot.store.tsquery import to_tsquery

DAY = "2026-12-01"


def _member(event_id: int, tokens: list[str], *, date: str = DAY, precision: str = "day") -> cl.Member:
    return cl.Member(event_id, date, precision, "summary", False, 1.0, {"tokens": tokens, "persons": []})


def _rule(apart: bool):  # type: ignore[no-untyped-def]
    """A clustering rule for which every two events sharing a word are one happening (0.9), unless the rule
    says two events of one article are apart."""

    def same_event(a: dict, b: dict) -> float:
        return 0.9

    same_event.apart_in_one_article = lambda a, b: apart  # type: ignore[attr-defined]
    return same_event


# --- one article's events: apart when the rule says so, however well each matches a stored report ------------------


def test_an_event_its_article_tells_apart_from_an_earlier_one_joins_none_of_its_clusters() -> None:
    first, second = _member(11, ["会談"]), _member(12, ["会談"])
    stored = {cl._candidate_key(first): [(100, DAY, cl._Features({"tokens": ["会談"], "persons": []}))]}
    # both match the stored report; the article tells the second from the first: it starts its own cluster
    assert cl.match_events([first, second], stored, _rule(apart=True)) == [100, 12]
    # the same two events when the article does not tell them apart: both join the stored report's cluster
    assert cl.match_events([first, second], stored, _rule(apart=False)) == [100, 100]


def test_an_event_dated_by_its_month_joins_an_earlier_event_of_its_article_in_that_month() -> None:
    day, month = _member(11, ["会談"]), _member(12, ["会談"], date=DAY[:7], precision="month")
    # no stored report: the month's event meets the earlier events of its own document dated in its month
    assert cl.match_events([day, month], {}, _rule(apart=False)) == [11, 11]
    assert cl.match_events([day, _member(13, ["会談"], date="2026-11", precision="month")], {}, _rule(False)) == [
        11,
        13,
    ]


def test_an_event_that_shares_only_a_name_written_in_another_script_is_compared() -> None:
    """The rule's `bridge_names`: a stored report sharing no word and no person with the event, but a name (ドリスコル
    and Driscoll, both `driscoll`), is compared with it."""
    event = _member(11, ["会見"])
    event.features["names"] = ["driscoll"]
    other = cl._Features({"tokens": ["briefing"], "persons": [], "names": ["driscoll"]})
    rule = _rule(apart=False)
    assert cl.match_events([event], {cl._candidate_key(event): [(100, DAY, other)]}, rule) == [11]  # no bridge
    rule.bridge_names = lambda features: features.get("names") or ()  # type: ignore[attr-defined]
    assert cl.match_events([event], {cl._candidate_key(event): [(100, DAY, other)]}, rule) == [100]


# --- the candidates a batch holds: each event it writes joins the units already read -------------------------------


def test_an_event_written_by_the_batch_becomes_a_candidate_of_the_day_and_month_it_falls_in() -> None:
    candidates = cl.Candidates(_rule(apart=False), kept=True)
    old = (DAY, 1), (10, DAY, cl._Features({"tokens": ["会談"], "persons": []}))
    candidates._units[("day", DAY)] = [old]  # the day and the month as a read of the store filled them
    candidates._units[("month", DAY[:7])] = [old]
    candidates.add([_member(5, ["会談"])], [50])
    assert [c for c, _, _ in candidates.stored(("day", DAY))] == [10, 50]
    assert [c for c, _, _ in candidates.stored(("month", DAY[:7]))] == [10, 50]
    # a unit never read (another day) stays unread: the store is read for it when an event needs it
    candidates.add([_member(6, ["会談"], date="2026-12-02")], [60])
    assert ("day", "2026-12-02") not in candidates._units


# --- the features an event is stored with: what it holds, and nothing it does not ---------------------------------


def test_an_event_s_stored_features_hold_only_the_clues_it_has() -> None:
    bare = EventRow(0, DAY, "day", "会談した", False, [], [], tokens=["会談"], persons=[3])
    (member,) = event_members([7], [bare], lambda a: a + 1000)
    assert member.id == 7
    assert member.features == {"tokens": ["会談"], "persons": [1003], "names": [], "report": False}
    full = EventRow(
        0,
        DAY,
        "month",
        "会談した",
        False,
        [],
        [],
        tokens=["会談"],
        report=True,
        alt="2026-12-02",
        act=["~meet"],
        acts=["~meet", "~say"],
        subject=["首相"],
        people=["Lekhak"],
        theme=["会談"],
        retold=["会談"],
    )
    (member,) = event_members([8], [full], lambda a: a)
    assert member.features == {
        "tokens": ["会談"],
        "persons": [],
        "names": [],
        "report": True,
        "alt": "2026-12-02",
        "act": ["~meet"],
        "acts": ["~meet", "~say"],
        "subject": ["首相"],
        "people": ["Lekhak"],
        "theme": ["会談"],
        "retold": ["会談"],
        "vague": True,
    }


def test_a_member_s_terms_are_its_words_and_its_persons() -> None:
    member = cl.Member(1, DAY, "day", "s", False, 1.0, {"tokens": ["会談", "#3"], "persons": [7, 9]})
    # a person counts as a term of its own (`@id`): two reports naming one person share it (`representative`)
    assert member.terms() == {"会談", "#3", "@7", "@9"}
    assert cl.Member(2, DAY, "day", "s", False, 1.0, {}).terms() == set()


# --- the store: a rebuild's views, a bulk batch searched, outdated claims, a feed's counts --------------------------


async def _views(store) -> list[tuple]:  # type: ignore[no-untyped-def]
    rows = await store.fetchall("SELECT cluster_id, guild_id, reports, representative FROM cluster_views")
    return sorted(tuple(r) for r in rows)


async def test_a_rebuild_of_every_view_gives_each_server_s_and_the_shared_view(store) -> None:  # type: ignore[no-untyped-def]
    """`refresh_all` (the bench, after it hands documents to servers): every cluster with a server's report gets its
    views again, and no other cluster keeps a row."""
    row = await store.fetchone(
        "SELECT cluster_id FROM events GROUP BY cluster_id HAVING count(*) >= 3 ORDER BY cluster_id LIMIT 1"
    )
    assert row is not None
    cluster_id = int(row[0])
    first = await store.fetchone("SELECT min(id) FROM events WHERE cluster_id = ?", (cluster_id,))
    async with store.transaction() as db:
        await db.execute("UPDATE events SET guild_id = 0")
        await db.execute("UPDATE events SET guild_id = 5 WHERE id = ?", (int(first[0]),))
        await db.execute("DELETE FROM cluster_views")
        await cluster_views.refresh(db, [cluster_id])
    expected = await _views(store)
    reports = (await store.fetchone("SELECT count(*) FROM events WHERE cluster_id = ?", (cluster_id,)))[0]
    # the shared view counts the shared reports (all but one), the server's view its own one
    assert [(c, g, n) for c, g, n, _ in expected] == [(cluster_id, 0, reports - 1), (cluster_id, 5, 1)]
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO cluster_views(cluster_id, guild_id, reports, representative) VALUES (?, 9, 1, NULL)",
            (cluster_id + 1,),
        )  # a stale view of a cluster no server reports any more
        await cluster_views.refresh_all(db)
    assert await _views(store) == expected


def _batch(actors, *, seed: int) -> list[BatchItem]:  # type: ignore[no-untyped-def]
    """Two generated articles as a bulk batch's items."""
    items = []
    for name, text in corpus.generate(2, seed=seed):
        parsed, digest = parse_text(text, name, "file")
        items.append(BatchItem(parsed, extract_document(parsed, actors, digest)))
    return items


async def test_a_bulk_batch_s_passages_are_indexed_for_search(tmp_path, actors) -> None:  # type: ignore[no-untyped-def]
    """The full-text rows of a batch are written once after its last savepoint (`_write_index`)."""
    store = await Store.open(tmp_path / "bulk.db")
    try:
        items = _batch(actors, seed=32)
        outcomes = await store.add_documents(items, same_event=same_event)
        assert all(o.document_id is not None for o in outcomes)
        passages = await store.fetchone("SELECT count(*) FROM passages")
        indexed = await store.fetchone("SELECT count(*) FROM passage_fts")
        assert passages[0] > 0 and indexed[0] == passages[0]
        again = await store.add_documents(items, same_event=same_event)  # the same batch again: its duplicates
        assert [(o.document_id, o.duplicate_of) for o in again] == [(None, o.document_id) for o in outcomes]
    finally:
        await store.close()


async def test_documents_without_claims_of_a_version_are_counted_as_outdated(store) -> None:  # type: ignore[no-untyped-def]
    total, outdated = await count_outdated(store, extractor_version())
    assert total > 0 and outdated == 0  # the seeds' claims are the running extractor's
    assert await count_outdated(store, "an older version") == (total, total)


async def test_a_feed_counts_its_items_by_outcome(store) -> None:  # type: ignore[no-untyped-def]
    assert await add_feed(store, 3, "https://feeds.example/a.xml", "A", "admin", DAY) is None
    (feed,) = await read_feeds(store, guild_id=3)
    # the same server subscribing again: the subscription it has
    assert await add_feed(store, 3, "https://feeds.example/a.xml", "A", "admin", DAY) == feed.id

    def item(n: int) -> ItemKey:
        return ItemKey(f"k{n}", None, f"https://news.example/{n}", f"item {n}", None)

    outcomes = [
        ("fetched", None, None),
        ("fetched", None, None),
        ("failed", "timed out", "2026-12-02"),  # tried again later
        ("failed", "gone", None),
        ("skipped", None, None),
    ]
    for n, (status, reason, retry_at) in enumerate(outcomes):
        await record_item(store, feed.id, item(n), ItemValues(None, status, reason, 1, retry_at, f"{DAY}T00:0{n}"))
    (feed,) = await read_feeds(store, feed_id=feed.id)
    assert (feed.items, feed.fetched, feed.failed, feed.retrying, feed.skipped) == (5, 2, 2, 1, 1)
    assert (feed.failures, feed.last_error, feed.health) == (0, None, "not polled yet")
    assert feed.last_item_error == "item 3: gone"


async def test_a_bulk_batch_that_fails_after_its_documents_leaves_nothing_and_the_store_usable(
    tmp_path, actors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A batch written on the bulk connection is rolled back whole when it fails after its savepoints (here: its
    full-text rows), the failure itself reaches the caller, and the next batch is written."""
    store = await Store.open(tmp_path / "bulk.db")
    try:
        items = _batch(actors, seed=33)

        async def broken(self, db, fts_rows, terms) -> None:  # type: ignore[no-untyped-def]
            raise RuntimeError("the disk went away")

        with monkeypatch.context() as patch:
            patch.setattr(Store, "_write_index", broken)
            with pytest.raises(RuntimeError, match="the disk went away"):
                await store.add_documents(items, same_event=same_event)
        assert (await store.fetchone("SELECT count(*) FROM documents"))[0] == 0
        outcomes = await store.add_documents(items, same_event=same_event)
        assert all(o.document_id is not None for o in outcomes)
        assert (await store.fetchone("SELECT count(*) FROM documents"))[0] == 2
    finally:
        await store.close()


async def test_documents_naming_a_name_the_registry_lacks_are_found(store) -> None:  # type: ignore[no-untyped-def]
    match = fts_string("トランプ")
    found = await candidate_documents_naming(store, match, match, 10)
    holding = {int(r[0]) for r in await store.fetchall("SELECT document_id FROM passages WHERE text LIKE '%トランプ%'")}
    assert found and set(found) <= holding
    assert await candidate_documents_naming(store, fts_string("存在しない語"), fts_string("存在しない語"), 10) == []


async def test_postgresql_reads_the_newest_holders_in_stages_when_the_planner_expects_many(
    store, backend, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """`newest_matching` reads in stages when the planner's estimate of the holders (its EXPLAIN) is more than
    NEWEST_FEW times the limit; the stages give the newest holders, as the statement would."""
    if backend != "postgresql":
        pytest.skip("SQLite's FTS5 reads the newest holders inside the statement")
    from bot.store import pgstore

    monkeypatch.setattr(pgstore, "NEWEST_DIRECT_ROWS", 0)
    monkeypatch.setattr(pgstore, "NEWEST_FEW", 1)
    # the planner's statistics made now: the copied database holds the template's, from whenever autovacuum last
    # analysed it, and `newest_matching` returns None here only on an estimate of 2 holders or fewer (read in the
    # statement, rightly): this test failed so once in a clean-clone run. Analysed, the estimate is the count (69)
    async with store.transaction() as db:
        await db.execute("ANALYZE passage_fts")
    match = fts_string("トランプ")
    every = [
        int(r[0])
        for r in await store.fetchall(
            "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rowid DESC", (match,)
        )
    ]
    assert len(every) > 2
    assert await store.newest_matching(match, 2) == every[:2]
    assert await store.newest_matching(match, len(every) * 10) is None  # few for the limit: read in the statement


SAME_EVENT = "2025年3月11日、米国とウクライナの代表団はサウジアラビアのジッダで協議し、30日間の停戦案で合意した。"


async def test_a_newcomer_to_a_large_cluster_competes_with_its_stored_representative(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Past EXACT_LIMIT members a cluster's representative is not chosen again among all of them: the stored
    representative (read back by its id) meets the newcomer, and a headline that says less does not displace it."""
    store = await Store.open(tmp_path / "large.db")
    try:
        for i in range(cl.EXACT_LIMIT + 1):
            assert (await ingest_text(store, f"{SAME_EVENT}\n\n第{i}報。", name=f"many{i}.txt")).status == "added"
        row = await store.fetchone("SELECT id, representative, members FROM clusters ORDER BY members DESC LIMIT 1")
        cluster_id, representative, members = int(row[0]), int(row[1]), int(row[2])
        assert members >= cl.EXACT_LIMIT
        headline = cl.Member(
            10**6, "2025-03-11", "day", "協議", False, 1.0, {"tokens": [], "persons": [], "report": True}
        )
        async with store.transaction() as db:
            await cl.add_member_groups(db, [[(cluster_id, headline, [], [])]])
        after = await store.fetchone("SELECT representative, members FROM clusters WHERE id = ?", (cluster_id,))
        assert (int(after[0]), int(after[1])) == (representative, members + 1)
    finally:
        await store.close()


async def test_a_job_given_back_is_queued_again_only_by_its_own_worker(store) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 12, 6, tzinfo=UTC)
    job_id = await enqueue(store, "ingest_file", {"path": "a.txt"}, now=now)
    job = await claim(store, "worker-1", now=now)
    assert job is not None and job.id == job_id
    assert not await give_back(store, job, "worker-2")  # not its lease
    assert (await job_state(store, job_id)).state == "running"  # type: ignore[union-attr]
    assert await give_back(store, job, "worker-1")
    state = await job_state(store, job_id)
    assert state is not None and (state.state, state.owner) == ("queued", None)
    assert not await give_back(store, job, "worker-1")  # queued already: nothing to give back
    again = await claim(store, "worker-2", now=now)  # taken at once, not when the lease would have expired
    assert again is not None and again.id == job_id


def test_a_near_without_a_distance_is_fts5_s_ten_tokens() -> None:
    assert to_tsquery('NEAR("停戦" "合意")') == to_tsquery('NEAR("停戦" "合意", 10)')
    assert to_tsquery('NEAR("停戦" "合意")') != to_tsquery('NEAR("停戦" "合意", 11)')


def test_the_stance_day_triggers_count_by_server_since_migration_10() -> None:
    """The PostgreSQL functions behind the triggers (run when the dialect is loaded): keyed by the server too once
    `guild` is set, and created or replaced then (migration 10 redefines migration 5's)."""
    for guild, key, create in (
        (False, "actor_id, topic, date, position", "CREATE FUNCTION"),
        (True, "actor_id, topic, date, position, guild_id", "CREATE OR REPLACE FUNCTION"),
    ):
        triggers = _stance_day_triggers(guild)
        counted, uncounted = (
            triggers["CREATE TRIGGER statements_counted"],
            triggers["CREATE TRIGGER statements_uncounted"],
        )
        # (keywords compared case-blind, as PostgreSQL reads them)
        assert counted[0].upper().startswith(f"{create} NEWSDESK_STATEMENTS_COUNTED()")
        assert f"INSERT INTO stance_days({key}, n) VALUES (" in counted[0]
        assert f"ON CONFLICT ({key}) DO UPDATE" in counted[0]
        assert ("AND guild_id = OLD.guild_id" in uncounted[0]) is guild
        assert counted[1].endswith("EXECUTE FUNCTION newsdesk_statements_counted()")

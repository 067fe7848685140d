"""A feed's first poll goes through the bulk path (issue 19); later polls keep the single path."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from bot.ingest.fetcher import Fetcher
from bot.services import feeds
from bot.services.digest import build_digest
from tests.test_feeds import INTERVAL, serve_feed, trusted


async def test_the_first_poll_stores_through_the_bulk_path_and_later_polls_one_at_a_time(
    store, httpserver: HTTPServer, monkeypatch
):
    runs: list[tuple[int | None, bool, str | None, list[str]]] = []
    real = feeds.bulk_ingest

    async def spy(store_, sources, *, total=None, options=None, on_result=None, on_progress=None):
        names: list[str] = []

        async def seen():
            async for s in sources:
                names.append(s.name)
                yield s

        runs.append((total, options.provenance.quiet, options.provenance.added_by, names))
        return await real(store_, seen(), total=total, options=options, on_result=on_result, on_progress=on_progress)

    monkeypatch.setattr(feeds, "bulk_ingest", spy)
    serve_feed(httpserver, [0, 1, 2])
    feed = await feeds.subscribe(
        store, httpserver.url_for("/feed.xml"), guild_id=1, fetcher=Fetcher(trusted_hosts=trusted(httpserver))
    )

    first = await feeds.poll_feed(store, feed, interval=INTERVAL, fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    assert (first.error, first.added, first.stored_quietly) == (None, [], 3)
    assert len(runs) == 1
    total, quiet, added_by, names = runs[0]
    assert (total, quiet, added_by) == (3, True, f"feed:{feed.id}")
    assert [n.rsplit("/", 1)[-1] for n in names] == ["a0", "a1", "a2"]  # oldest first
    rows = await store.fetchall(
        "SELECT d.quiet, d.added_by, d.guild_id, f.status FROM feed_items f JOIN documents d ON d.id = f.document_id"
        " WHERE f.feed_id = ? ORDER BY d.id",
        (feed.id,),
    )
    assert [(r["quiet"], r["added_by"], r["guild_id"], r["status"]) for r in rows] == [
        (1, f"feed:{feed.id}", 1, "fetched")
    ] * 3

    serve_feed(httpserver, [0, 1, 2, 3])
    second = await feeds.poll_feed(
        store,
        await feeds.get_feed(store, feed.id),
        interval=INTERVAL,
        fetcher=Fetcher(trusted_hosts=trusted(httpserver)),
    )
    assert [r.title for r in second.added] == ["記事3"]
    assert len(runs) == 1  # a later poll: one item at a time, announced


async def test_a_digest_between_an_item_s_write_and_its_record_never_lists_an_unannounced_item(
    store, httpserver: HTTPServer, monkeypatch
):
    """The first poll's items are quiet from the document's own transaction on: a digest built the moment a
    document is stored (before the feed records the item) does not announce it."""
    record = feeds._record
    seen_by_digests: list[list[int]] = []

    async def digest_first(ctx, item, outcome, **kw):
        seen_by_digests.append([d.id for d in (await build_digest(store, since="2000-01-01")).sources])
        await record(ctx, item, outcome, **kw)

    monkeypatch.setattr(feeds, "_record", digest_first)
    serve_feed(httpserver, [0, 1])
    fetcher = Fetcher(trusted_hosts=trusted(httpserver))
    feed = await feeds.subscribe(store, httpserver.url_for("/feed.xml"), guild_id=1, fetcher=fetcher)
    before = {d.id for d in (await build_digest(store, since="2000-01-01")).sources}

    first = await feeds.poll_feed(store, feed, interval=INTERVAL, fetcher=fetcher)
    assert first.stored_quietly == 2 and len(seen_by_digests) == 2
    assert all(set(ids) == before for ids in seen_by_digests)  # neither stored item was ever in a digest

"""Caches keyed by object ids (`/stance --about`'s claims per store and actor index, a context's reading per index, a
server's view of the actors per store) hold those objects while they keep an entry. Stores opened
one after another in one process (the console, the tests, the scorer in-process) share the actor index and number
their documents alike: a claims cache keyed by object ids must never hand one store's claims to another store whose
object took a freed one's id."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store.backend import open_backend

LONG = """\
---
title: 長い記事
published: 2025-06-01
---
石破首相は1日、記者団に「工場事故の賠償は国が責任を持って進める」と語った。
被害者の家族は説明を求めている。
専門家は原因の調査が長引くとみている。
与野党の間では連携をめぐる協議が続いている。石破首相は「国民民主党との連携は考えていない」と述べた。
"""


async def test_claims_are_kept_per_live_store(tmp_path: Path) -> None:
    first = await open_backend(str(tmp_path / "a.db"))
    await ingest_text(first, LONG, name="long.md")
    assert [s.position for s in (await stance_about(first, "石破", "国民民主党との連携")).statements]
    ref = weakref.ref(first)
    await first.close()
    del first
    gc.collect()
    # the cache entry holds the store it was read from: its id cannot be another store's while it is kept
    assert ref() is not None



def test_a_contexts_reading_holds_its_index(actors) -> None:  # type: ignore[no-untyped-def]
    from bot.extract import attribution_ja

    index = actors.extended([("山田", ["山田太郎"], "person", "社長")])
    attribution_ja._document("山田太郎社長は「遺憾だ」と述べた。", index)
    ref = weakref.ref(index)
    del index
    gc.collect()
    assert ref() is not None  # kept with its reading: no other index reads as this one while it is cached


async def test_a_servers_view_holds_its_store(tmp_path: Path) -> None:
    from bot.services.stance import visible_actor_ids

    store = await open_backend(str(tmp_path / "v.db"))
    await ingest_text(store, LONG, name="long.md")
    assert await visible_actor_ids(store, 1) is not None
    ref = weakref.ref(store)
    await store.close()
    del store
    gc.collect()
    assert ref() is not None

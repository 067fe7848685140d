"""`/source add` handed to a worker: with PostgreSQL and a live worker, the bot queues the ingestion as a job, says
so, and edits that reply with what the worker added; a refusal the worker met is said as the bot would have said
it. With SQLite (even with a worker's presence on record) or without a live worker it stays in-process.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from simcord import assert_error

from bot.config import Settings
from bot.services import handoff
from bot.services.errors import QueryError
from bot.store import Store, jobs
from bot.store.backend import open_backend
from bot.worker import Worker
from tests.test_bulk_upload import backlog
from tests.test_discord_support import (  # noqa: F401
    World,
    close_store,
    make_bot,
    make_settings,
    rejected_fixture,
    world_fixture,
)

ARTICLE = """\
黒海の航行で実務者協議

米国とウクライナの代表団は2025年3月25日、黒海の航行の安全について実務者協議を行った。
ルビオ国務長官は「航行の安全は前進した」と述べた。
"""


# How often the worker looks for a job when idle (its `worker_idle` setting) and the bot for a job's end
# (`handoff.POLL_SECONDS`), 1 s each by default: a reply waited for both, ~1-2 s of every handed-over source's wall
# spent on timers. What the tests check is the reply, not when it comes.
POLL = 0.05


@pytest.fixture
def settings(seeded_target: str) -> Settings:
    return make_settings(seeded_target, worker_idle=POLL)


@pytest.fixture(autouse=True)
def quick_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handoff, "POLL_SECONDS", POLL)


@pytest.fixture
async def simcord_bot(settings: Settings):
    bot = await make_bot(settings)
    yield bot
    await close_store(bot)


@pytest.fixture
async def worker(settings: Settings):
    """A worker on its own connections to the same store, working until the test ends."""
    store = await open_backend(settings.db_path)
    worker = Worker(store, settings, owner="w1")
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop=stop))
    while not await jobs.workers_alive(store, now=datetime.now(UTC)):  # announced on its first round
        await asyncio.sleep(0.05)
    yield worker
    stop.set()
    await task
    await worker.close()
    await store.close()


def edits(world: World) -> list[str]:
    """The contents the bot put in its original replies, in order."""
    return [
        (r.json or {}).get("content") or ""
        for r in world.env.http_requests
        if r.method == "PATCH" and r.path.endswith("/messages/@original")
    ]


async def job_rows(store: Store) -> list:
    return await store.fetchall("SELECT id, kind, state, owner FROM jobs ORDER BY id")


async def test_with_a_worker_the_source_is_its_job_and_the_reply_shows_the_outcome(
    world: World, backend: str, worker: Worker
) -> None:
    added = await world.admin.slash(
        world.channel, "source add", text=ARTICLE, title="黒海の協議", published="2025-03-25"
    )
    assert added.ephemeral
    embed = added.response.embeds[0]
    assert embed.title.endswith(": 黒海の協議") and embed.title.startswith("Added #")
    store = world.env.bot.store
    rows = await job_rows(store)
    if backend == "sqlite":  # one file, one process's writes: nothing handed over
        assert rows == [] and not any("Queued" in e for e in edits(world))
        return
    assert [(r["kind"], r["state"], r["owner"]) for r in rows] == [("add_text", "done", "w1")]
    assert edits(world)[0] == f"Queued for a worker process (job {rows[0]['id']}); this message will show the result."
    doc = await store.fetchone("SELECT guild_id, title, published FROM documents WHERE title = ?", ("黒海の協議",))
    assert (doc["guild_id"], doc["published"]) == (world.guild.id, "2025-03-25")
    again = await world.admin.slash(world.channel, "source add", text=ARTICLE, title="黒海の協議")
    assert "already" in again.response.content  # the worker's duplicate, told as a refusal
    bad = await world.admin.slash(world.channel, "source add", text=ARTICLE, published="2025-13-45")
    assert bad.ephemeral and "2025-13-45" in (bad.followups[-1].content if bad.followups else bad.response.content)
    assert_error(world.env, QueryError)  # raised in the bot as in-process: the tree's one ephemeral line
    assert [r["state"] for r in await job_rows(store)] == ["done", "done", "done"]


async def test_without_a_live_worker_the_bot_ingests_itself(world: World, backend: str) -> None:
    store = world.env.bot.store
    long_ago = datetime.now(UTC) - timedelta(hours=1)
    await jobs.take_lease(store, jobs.WORKER_LEASE + "gone", "gone", now=long_ago)  # a worker that stopped
    added = await world.admin.slash(world.channel, "source add", text=ARTICLE, title="黒海の協議")
    assert added.response.embeds[0].title.startswith("Added #")
    assert await job_rows(store) == []


async def test_a_zip_of_articles_is_a_workers_job_and_the_reply_shows_its_counts(
    world: World, backend: str, worker: Worker
) -> None:
    done = await world.admin.slash(world.channel, "source add", file=("backlog.zip", backlog()))
    assert done.ephemeral
    final = edits(world)[-1]
    assert final.startswith("backlog.zip: 6 added, 1 already stored, 2 refused"), final
    store = world.env.bot.store
    rows = await job_rows(store)
    if backend == "sqlite":  # in-process, as before: its progress edits, no job
        assert rows == [] and not any("Queued" in e for e in edits(world))
        return
    assert [(r["kind"], r["state"], r["owner"]) for r in rows] == [("add_archive", "done", "w1")]
    assert edits(world)[0] == f"Queued for a worker process (job {rows[0]['id']}); this message will show the result."
    docs = await store.fetchall("SELECT guild_id, added_by FROM documents WHERE title LIKE '黒海の航行再開で合意%'")
    assert len(docs) == 6 and {(d["guild_id"], d["added_by"]) for d in docs} == {
        (world.guild.id, f"discord:{world.admin.user.id}")
    }
    broken = await world.admin.slash(world.channel, "source add", file=("broken.zip", b"PK\x03\x04garbage"))
    assert broken.ephemeral and "not a .zip archive that can be read" in edits(world)[-1]
    assert [r["state"] for r in await job_rows(store)] == ["done", "done"]  # a refusal, not the job's failure


async def test_the_add_article_form_is_a_workers_job(world: World, backend: str, worker: Worker) -> None:
    form = await world.admin.slash(world.channel, "source add")
    submitted = await world.admin.submit_modal(
        form,
        {
            "article:title": "黒海の協議",
            "article:url": "https://example.jp/news/black-sea",
            "article:date": "2025-03-25",
            "article:body": ARTICLE,
        },
    )
    assert submitted.ephemeral
    store = world.env.bot.store
    doc = await store.fetchone("SELECT id, url, published, guild_id FROM documents WHERE title = ?", ("黒海の協議",))
    assert (doc["url"], doc["published"], doc["guild_id"]) == (
        "https://example.jp/news/black-sea",
        "2025-03-25",
        world.guild.id,
    )
    rows = await job_rows(store)
    if backend == "sqlite":
        assert rows == [] and submitted.response.embeds[0].title == f"Added #{doc['id']}: 黒海の協議"
        return
    assert [(r["kind"], r["state"]) for r in rows] == [("add_text", "done")]
    embeds = [r.json["embeds"] for r in world.env.http_requests if r.method == "PATCH" and (r.json or {}).get("embeds")]
    assert embeds[-1][0]["title"] == f"Added #{doc['id']}: 黒海の協議"
    bad = await world.admin.slash(world.channel, "source add")
    await world.admin.submit_modal(bad, {"article:body": "本文", "article:date": "someday"})
    assert "not a date" in edits(world)[-1]  # the worker's refusal, in the reader's language
    assert [r["state"] for r in await job_rows(store)] == ["done", "done"]


@pytest.mark.parametrize("backend", ["postgresql"])  # only a shared store hands work over
@pytest.mark.parametrize(
    ("sent", "told"),
    [
        ({"text": ARTICLE, "title": "黒海の協議"}, "the article will be in /sources once it is added"),
        ({"file": ("backlog.zip", backlog())}, "the articles will be in /sources once they are added"),
    ],
    ids=["article", "zip"],
)
async def test_a_reply_waiting_on_a_job_says_so_when_the_bot_closes(
    world: World, backend: str, sent: dict, told: str
) -> None:
    """The bot waits up to 14 minutes for the worker's outcome, editing its "queued" reply when it comes. Closed
    meanwhile (a restart), it left that reply saying "this message will show the result" forever: the wait died
    with the store and the HTTP session under it. Now close() ends the wait and lets the reply say the job goes
    on in the worker before the session closes. Staged with a worker that is alive but never takes the job."""
    store = world.env.bot.store
    await jobs.take_lease(store, jobs.WORKER_LEASE + "busy", "busy", now=datetime.now(UTC))
    adding = asyncio.create_task(world.admin.slash(world.channel, "source add", **sent))
    while not any(e.startswith("Queued") for e in edits(world)):
        await asyncio.sleep(0.05)
    await world.env.bot.close()
    await adding
    (job,) = await job_rows(store)
    assert job["state"] == "queued"  # left for a worker, as said
    assert edits(world)[-1] == (
        f"The bot is shutting down, so this message will not show the result: job {job['id']} goes on in a worker"
        f" process, and {told}."
    )

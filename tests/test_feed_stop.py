"""A `python -m bot worker` process stopped between storing a feed item's document and recording the item, on both
backends: the document and the item's record are one transaction, so the stop leaves both or neither.

CI saw it once under load (39 of 40 `feed_items` in tests/test_processes_pg.py): a worker stopped after the document
committed and before `feed_items` was written left the item to the next poll. Staged here for certain: the test
build tests/stopped_worker.py kills itself (SIGKILL: nothing runs after it, not even a graceful stop's wait for
the poll in progress) the moment its first document write commits.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from pytest_httpserver import HTTPServer

from bot.ingest.fetcher import Fetcher
from bot.services import feeds
from bot.store import Store
from tests import forked
from tests.test_feeds import serve_feed, trusted

ROOT = Path(__file__).resolve().parents[1]


def stopped_worker(target: str, mode: str = "kill-after-write") -> tuple[int, bytes]:
    """Run the test build's worker until it stops itself; its exit code and what it wrote on stderr."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(NEWSDESK_ALLOW_PRIVATE_FETCH="127.0.0.1", NEWSDESK_WORKER_IDLE="0.1")
    proc = forked.Popen(
        [sys.executable, "-m", "tests.stopped_worker", mode, "--db", target, "worker", "--name", "w"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        _, err = proc.communicate(timeout=300)  # a hang guard: the worker stops itself at its first write
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    return proc.returncode, err


async def stored_and_recorded(store: Store, server: HTTPServer) -> tuple[list[int], list[int | None]]:
    """The feed's documents stored (ids) and the document ids its `feed_items` records name."""
    docs = await store.fetchall(
        "SELECT id FROM documents WHERE url LIKE ? ORDER BY id", (server.url_for("/a") + "%",)
    )
    items = await store.fetchall("SELECT document_id FROM feed_items ORDER BY document_id")
    return [r["id"] for r in docs], [r["document_id"] for r in items]


async def test_a_worker_stopped_after_a_first_polls_batch_leaves_its_items_recorded(store, seeded_target: str, httpserver: HTTPServer):
    """A first poll goes through the bulk path: the batch's documents and their items' records commit together."""
    serve_feed(httpserver, [0, 1])
    await feeds.subscribe(store, httpserver.url_for("/feed.xml"), fetcher=Fetcher(trusted_hosts=trusted(httpserver)))
    assert stopped_worker(seeded_target)[0] == -signal.SIGKILL
    docs, recorded = await stored_and_recorded(store, httpserver)
    assert docs and recorded == docs


async def test_a_worker_stopped_after_a_later_polls_document_leaves_its_item_recorded(store, seeded_target: str, httpserver: HTTPServer):
    """A later poll stores its new items one at a time: each document and its item's record commit together."""
    fetcher = Fetcher(trusted_hosts=trusted(httpserver))
    serve_feed(httpserver, [])
    feed = await feeds.subscribe(store, httpserver.url_for("/feed.xml"), fetcher=fetcher)
    first = await feeds.poll_feed(store, feed, interval=timedelta(0), fetcher=fetcher)  # nothing yet: polled once
    assert first.error is None and first.feed.last_ok_at is not None
    serve_feed(httpserver, [0])
    assert stopped_worker(seeded_target)[0] == -signal.SIGKILL
    docs, recorded = await stored_and_recorded(store, httpserver)
    assert len(docs) == 1 and recorded == docs

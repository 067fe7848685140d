"""Two bot processes and two `python -m bot worker` processes on one PostgreSQL store, 20 simulated days.

Each bot process (tests/sim_bot.py) runs the real digest scheduler and feed loop; the test ticks both at the
same simulated instants around the servers' digest time, so they race for every claim. The workers are the
real command, polling two feeds served by a real HTTP server on 127.0.0.1 (each a new item a day) and doing a
queued ingestion job a day. At the end: one digest per server per day (never two sends, whoever won), every
feed item stored exactly once, every job done once.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from bot.ingest.fetcher import Fetcher
from bot.services import digest, feeds
from bot.store import jobs
from bot.store.backend import open_backend
from bot.store.jobs import digest_nonce
from tests import forked
from tests.conftest import new_pg_database
from tests.test_worker import article

ROOT = Path(__file__).resolve().parents[1]
DAYS = 20
GUILDS = {101: 1010, 102: 1020, 103: 1030}  # server → its digest channel
FEED_GUILDS = (101, 102)
JST = timedelta(hours=9)
TICKS = [
    (8, 59),
    (9, 0),
    (9, 0),
    (9, 1),
    (9, 7),
    (23, 59),
]  # local times each day; 09:00 twice, 09:07 past a stale claim

PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="テスト通信"></head><body><article><h1>{title}</h1>
<p>米国とウクライナの代表団は2025年4月{day}日、第{n}回の実務者協議を開き、鉱物資源の協定について話し合った。</p>
<p>関係者によると、第{n}回の協議は{feed}番目の議題まで進み、次の会合の日程も近く決まる見通しだという。</p>
</article></body></html>"""


class Feeds:
    """The HTTP side: per feed, the items published so far (newest first in the RSS), and their pages."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.items: dict[int, list[int]] = {g: [] for g in FEED_GUILDS}
        for guild in FEED_GUILDS:
            server.expect_request(f"/feed{guild}.xml").respond_with_handler(self._feed(guild))
        server.expect_request("/item").respond_with_handler(self._page)

    def url(self, n: int) -> str:
        return self.server.url_for(f"/item?n={n}")

    def _feed(self, guild: int):  # type: ignore[no-untyped-def]
        def respond(request: Request) -> Response:
            entries = "".join(
                f"<item><title>第{n}回の協議</title><link>{self.url(n).replace('&', '&amp;')}</link>"
                f'<guid isPermaLink="false">g{n}</guid></item>'
                for n in reversed(self.items[guild])
            )
            body = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>通信{guild}</title>{entries}</channel></rss>'
            return Response(body, content_type="application/rss+xml; charset=utf-8")

        return respond

    def _page(self, request: Request) -> Response:
        n = int(request.args["n"])
        html = PAGE.format(title=f"第{n}回の協議", day=n % 28 + 1, n=n, feed=n % 7 + 1)
        return Response(html, content_type="text/html; charset=utf-8")

    def publish(self, day: int) -> list[int]:
        fresh = []
        for i, guild in enumerate(FEED_GUILDS):
            n = 1000 + day * 10 + i
            self.items[guild].append(n)
            fresh.append(n)
        return fresh


def spawn(args: list[str], **extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    # A feed is due 1.2 s after its last poll and an idle worker looks again after 0.1 s: the day's items and job
    # are taken as soon as they appear, so a simulated day costs the work it holds, not the production intervals.
    # (0.3 s was tried: the test alone went from 68 to 53 s, but in a full run the four processes' extra polls
    # cost CPU the other worker's tests lacked — its PostgreSQL tests took longer, the run's CPU time rose.)
    env.update(
        NEWSDESK_FEED_MINUTES="0.02", NEWSDESK_WORKER_IDLE="0.1", NEWSDESK_ALLOW_PRIVATE_FETCH="127.0.0.1",
        NEWSDESK_JOB_LEASE="60", **extra,
    )  # fmt: skip
    return forked.Popen(
        [sys.executable, "-m", *args], cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip


class BotProcess:
    def __init__(self, target: str, name: str, sink: Path) -> None:
        self.name = name
        self.sink = sink
        self.proc = spawn(["tests.sim_bot", target, name, str(sink)])
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.decode())
        self.lines.put("")

    def ask(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def answer(self, timeout: float = 300) -> dict:
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"bot {self.name} did not answer within {timeout} s") from None
            assert line, f"bot {self.name} exited with {self.proc.wait()}"
            return json.loads(line)

    def sent(self) -> list[dict]:
        """What the process posted, as its stand-in for Discord recorded it (tests/sim_bot.py's sink)."""
        if not self.sink.exists():
            return []
        return [json.loads(line) for line in self.sink.read_text(encoding="utf-8").splitlines()]


def jst(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 1, 2, hour, minute, tzinfo=UTC) - JST + timedelta(days=day)


async def wait_until(check, timeout: float = 240) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not await check():
        assert time.monotonic() < deadline, "the workers did not catch up in time"
        await asyncio.sleep(0.1)


@pytest.fixture
def pg_target(pg_server_session, _pg_seeded_template) -> str:  # type: ignore[no-untyped-def]
    return new_pg_database(pg_server_session, _pg_seeded_template)


async def test_two_bots_and_two_workers_twenty_days(pg_target: str, httpserver: HTTPServer, tmp_path: Path) -> None:
    served = Feeds(httpserver)
    store = await open_backend(pg_target)
    processes: list[subprocess.Popen] = []
    try:
        for guild, channel in GUILDS.items():
            await digest.configure(store, guild, channel, "09:00", "Asia/Tokyo", "ja")
        trusted = (f"{httpserver.host}:{httpserver.port}",)
        for guild in FEED_GUILDS:
            url = httpserver.url_for(f"/feed{guild}.xml")
            await feeds.subscribe(store, url, guild_id=guild, fetcher=Fetcher(trusted_hosts=trusted), discover=False)
        workers = [spawn(["bot", "--db", pg_target, "worker", "--name", f"w{i}"]) for i in (1, 2)]
        bots = [BotProcess(pg_target, f"b{i}", tmp_path / f"b{i}.jsonl") for i in (1, 2)]
        processes += workers + [b.proc for b in bots]
        published: list[int] = []
        job_ids = []
        for day in range(DAYS):
            published += served.publish(day)
            text = article(500 + day)
            job_ids.append(await jobs.enqueue(store, "ingest_text", {"text": text, "name": f"d{day}.txt",
                                                                      "guild_id": 103}, key=f"d{day}", now=jst(day, 8, 0)))  # fmt: skip
            for hour, minute in TICKS:
                for b in bots:
                    b.ask(f"tick {jst(day, hour, minute).isoformat()}")
                for b in bots:
                    b.answer()

            async def caught_up(published: list[int] = published) -> bool:
                row = await store.fetchone(
                    "SELECT count(*) AS n FROM documents WHERE url LIKE ?", (httpserver.url_for("/item") + "%",)
                )
                # an item's feed_items row is written after its document, in a transaction of its own: caught up
                # once both are there (waiting for the documents alone stopped the workers between the two when the
                # machine was busy: 39 rows for 40 documents, twice in full runs of four workers on two cores)
                items = await store.fetchone("SELECT count(*) AS n FROM feed_items")
                state = await jobs.job_state(store, job_ids[-1])
                return (
                    row["n"] >= len(published)
                    and items["n"] >= len(published)
                    and state is not None
                    and state.state == "done"
                )

            await wait_until(caught_up)
        for b in bots:  # all four told at once, then waited for: they stop side by side
            b.ask("quit")
        for w in workers:
            w.send_signal(signal.SIGINT)
        for b in bots:
            assert b.proc.wait(timeout=120) == 0
        for w in workers:
            w.wait(timeout=120)

        # One digest per server per day: a claim per (server, day), its message ids recorded by the bot that won
        # it; the messages the stand-in Discord holds are exactly those, each (server, day)'s nonce once.
        sends = [m for b in bots for m in b.sent()]
        claims = await store.fetchall("SELECT guild_id, day, owner, message_ids, posted_at FROM digest_posts")
        days = [(jst(day, 9, 0) + JST).date().isoformat() for day in range(DAYS)]
        assert sorted((c["guild_id"], c["day"]) for c in claims) == sorted((g, d) for g in GUILDS for d in days)
        assert all(c["posted_at"] for c in claims) and {c["owner"] for c in claims} <= {"b1", "b2"}
        recorded = {i: (c["guild_id"], c["day"], c["owner"]) for c in claims for i in json.loads(c["message_ids"])}
        assert len(recorded) == len(claims)  # one message a digest here
        assert sorted(m["message_id"] for m in sends) == sorted(recorded)  # no send without its claim's record
        for m in sends:
            guild, day, owner = recorded[m["message_id"]]
            assert (m["sent"], m["by"], m["nonce"]) == (GUILDS[guild], owner, digest_nonce(guild, day, 0))

        # Every feed item stored once (0 lost, 0 duplicates), each as its server's document.
        rows = await store.fetchall(
            "SELECT url, guild_id FROM documents WHERE url LIKE ?", (httpserver.url_for("/item") + "%",)
        )
        stored = sorted(int(r["url"].rsplit("=", 1)[1]) for r in rows)
        assert stored == sorted(published)
        item_rows = await store.fetchall("SELECT feed_id, guid, status FROM feed_items")
        assert len(item_rows) == len({(r["feed_id"], r["guid"]) for r in item_rows}) == len(published)
        assert {r["status"] for r in item_rows} == {"fetched"}

        # Every queued job done once, by one of the workers.
        states = [await jobs.job_state(store, i) for i in job_ids]
        assert {(s.state, s.attempts, s.result["status"]) for s in states} == {("done", 1, "added")}
        assert {s.owner for s in states} <= {"w1", "w2"}
        print(
            "digests by bot:", {b.name: len(b.sent()) for b in bots},
            "jobs by worker:", {o: sum(s.owner == o for s in states) for o in ("w1", "w2")},
        )  # fmt: skip
    finally:
        for p in processes:
            if p.poll() is None:
                p.kill()
                p.wait(timeout=30)
        await store.close()

"""``python -m bench.feeds --items 5000``: what polling a large feed costs, and whether the bot stays responsive.

A local HTTP server (a thread, 127.0.0.1) serves an RSS 2.0 feed of N items, newest first, and an article
page for each. A fresh store subscribes to it and polls it three times through ``bot.services.feeds.poll_feed``:

1. the first poll (the newest ``--cap`` items fetched and stored quietly, the rest recorded as skipped),
2. an unchanged re-poll (downloaded; the same bytes as last time are not parsed again),
3. a re-poll where only the channel's lastBuildDate changed (parsed; every item set aside as known),
4. a poll after two new items were published (both fetched and stored).

Meanwhile a ticker on the event loop sleeps 5 ms again and again; the loop lag is how late it wakes
(max and p99 per poll; an idle row gives the same ticker's lateness with nothing to do, the machine's own
noise). Parsing alone (``parse_feed`` in the calling thread) is timed as well.
Prints a table and writes the figures as JSON (default bench/out/feeds.json).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bot.ingest.feeds import parse_feed
from bot.ingest.fetcher import Fetcher
from bot.services import feeds
from bot.store import Store
from bot.threads import prefer_the_loop

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "bench" / "out" / "feeds.json"
TICK = 0.005

LEADS = (
    "マクロン大統領は2025年4月{d}日、欧州の防衛支出を増やす必要があると述べた。",
    "ルッテ事務総長は2025年4月{d}日、加盟国に防衛費の増額を求めた。",
    "シコルスキ外相は2025年4月{d}日、ウクライナへの兵器輸送が続いていると発表した。",
)


def feed_xml(base: str, total: int, built: int = 0) -> bytes:
    items = "".join(
        f'<item><title>記事{n}</title><link>{base}/a/{n}</link><guid isPermaLink="false">b{n}</guid>'
        f"<pubDate>{_date(n)}</pubDate><description>第{n}報の要約です。詳細は本文を参照。</description></item>"
        for n in range(total - 1, -1, -1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>大量配信</title>'
        f"<link>{base}/</link><description>bench</description><lastBuildDate>{_date(built)}</lastBuildDate>"
        f"{items}</channel></rss>"
    ).encode()


def _date(n: int) -> str:
    day, minute = divmod(n, 1440)
    return f"{1 + day % 28:02d} Mar 2025 {minute // 60:02d}:{minute % 60:02d}:00 +0900"


def page_html(n: int) -> bytes:
    lead = LEADS[n % len(LEADS)].format(d=1 + n % 28)
    return (
        (
            '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>記事{n}</title>'
            '<meta property="og:site_name" content="ベンチ通信"></head><body><article>'
            f"<h1>記事{n}</h1><p>{lead}</p><p>関係者によると、第{n}回の協議は今後も続く見通しで、"
            f"各国の担当者が近く再び会合を開く予定だという。第{n}項目の議題について意見を交わした。</p>"
            "</article></body></html>"
        )
        .replace("{n}", str(n))
        .encode()
    )


class _Server:
    """The feed and its pages from a thread; ``total`` can grow between polls."""

    def __init__(self, total: int) -> None:
        self.total = total
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/feed.xml":
                    body, ctype = outer.feed, "application/rss+xml; charset=utf-8"
                elif self.path.startswith("/a/"):
                    body, ctype = page_html(int(self.path[3:])), "text/html; charset=utf-8"
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.feed = feed_xml(self.base, total)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def publish(self, total: int, built: int = 0) -> None:
        self.total = total
        self.feed = feed_xml(self.base, total, built)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


async def _with_lag(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float, list[float]]:
    """Run work while a ticker measures how late the loop wakes it; (result, seconds, lags in ms)."""
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            start = time.perf_counter()
            await asyncio.sleep(TICK)
            lags.append((time.perf_counter() - start - TICK) * 1000)

    task = asyncio.create_task(ticker())
    start = time.perf_counter()
    try:
        result = await work()
    finally:
        elapsed = time.perf_counter() - start
        done.set()
        await task
    return result, elapsed, lags


def _p99(values: list[float]) -> float:
    if len(values) < 2:
        return max(values, default=0.0)
    return statistics.quantiles(values, n=100)[98]


async def run(items: int, cap: int) -> dict[str, Any]:
    server = _Server(items)
    trusted = (server.base.removeprefix("http://"),)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = await Store.open(Path(tmp) / "bench_feeds.db")
        try:
            start = time.perf_counter()
            parsed = parse_feed(server.feed, server.base + "/feed.xml", "application/rss+xml", "utf-8")
            parse_s = time.perf_counter() - start
            feed = await feeds.subscribe(store, server.base + "/feed.xml", fetcher=Fetcher(trusted_hosts=trusted), discover=False)
            interval = timedelta(minutes=15)
            steps = (
                ("first poll", None),
                ("unchanged re-poll", None),  # the same bytes: not parsed again
                ("new lastBuildDate", (items, 1)),  # only the channel's timestamp changed: parsed, all known
                ("2 new items", (items + 2, 2)),
            )
            _, idle_s, idle_lags = await _with_lag(lambda: asyncio.sleep(2))
            rows.append(
                {
                    "poll": "idle (baseline)",  # the machine's own noise: the same ticker with nothing to do
                    "seconds": round(idle_s, 3),
                    "stored": 0,
                    "skipped": 0,
                    "seen": 0,
                    "failed": 0,
                    "error": None,
                    "not_modified": False,
                    "lag_max_ms": round(max(idle_lags, default=0.0), 1),
                    "lag_p99_ms": round(_p99(idle_lags), 1),
                    "ticks": len(idle_lags),
                }
            )
            for label, publish in steps:
                if publish:
                    server.publish(*publish)
                current = await feeds.get_feed(store, feed.id)
                assert current is not None

                async def poll(current: feeds.Feed = current) -> feeds.PollResult:
                    return await feeds.poll_feed(
                        store, current, interval=interval, fetcher=Fetcher(trusted_hosts=trusted), max_items=cap
                    )

                result, seconds, lags = await _with_lag(poll)
                rows.append(
                    {
                        "poll": label,
                        "seconds": round(seconds, 3),
                        "stored": result.stored_quietly + len(result.added),
                        "skipped": result.skipped,
                        "seen": result.seen,
                        "failed": len(result.failed),
                        "error": result.error,
                        "not_modified": result.not_modified,
                        "lag_max_ms": round(max(lags, default=0.0), 1),
                        "lag_p99_ms": round(_p99(lags), 1),
                        "ticks": len(lags),
                    }
                )
        finally:
            await store.close()
            server.close()
    return {
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "items": items,
        "cap": cap,
        "feed_bytes": len(feed_xml("http://127.0.0.1:65535", items)),
        "parse_seconds_in_caller": round(parse_s, 3),
        "parsed_items": len(parsed.items),
        "polls": rows,
    }


def render(report: dict[str, Any]) -> str:
    lines = [
        f"feed of {report['items']} items ({report['feed_bytes'] / 1e6:.1f} MB), cap {report['cap']} a poll;"
        f" parse_feed alone: {report['parse_seconds_in_caller']:.2f} s;"
        f" load average {report['load_average'][0]} on {report['cpus']} CPUs",
        f"{'poll':<20} {'seconds':>8} {'stored':>7} {'skipped':>8} {'seen':>6} {'failed':>7} {'lag max':>9} {'lag p99':>9}",
    ]
    for r in report["polls"]:
        lines.append(
            f"{r['poll']:<20} {r['seconds']:>8.2f} {r['stored']:>7} {r['skipped']:>8} {r['seen']:>6} {r['failed']:>7}"
            f" {r['lag_max_ms']:>7.1f}ms {r['lag_p99_ms']:>7.1f}ms"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.feeds", description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--items", type=int, default=5000, help="items in the feed (default 5000)")
    p.add_argument("--cap", type=int, default=feeds.MAX_ITEMS_PER_POLL, help="items taken per poll (default 50)")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results (default bench/out/feeds.json)")
    p.add_argument(
        "--default-switch-interval",
        action="store_true",
        help="keep Python's 5 ms GIL switch interval (the bot uses 1 ms: bot/threads.py)",
    )
    args = p.parse_args(argv)
    if args.items < 1 or args.cap < 1:
        print("error: --items and --cap must be at least 1", file=sys.stderr)
        return 2
    if not args.default_switch_interval:
        prefer_the_loop()  # as the bot does (commands.client.run)
    report = asyncio.run(run(args.items, args.cap))
    report["switch_interval_ms"] = round(sys.getswitchinterval() * 1000, 3)
    print(render(report))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

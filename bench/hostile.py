"""``python -m bench.hostile``: how long the event loop stalls while the bot parses a hostile document.

A ticker coroutine wakes every 5 ms and records how late it woke (the event-loop lag) while each document of
``bench.hostile_docs`` goes through ``bot.ingest.untrusted`` as an upload would. Reported per document: the
outcome (refused and why), seconds until the answer, the worst and the 99th-percentile lag, and whether the
parser worker was replaced. The target is a worst lag of 100 ms or less. A first row measures the same ticker
with nothing parsed: on a shared machine, that is the floor the other rows stand on.

``--baseline`` also runs the smaller attribute attack the old way (``asyncio.to_thread`` on the bot's own
process), to show what the sandbox removes. ``--no-prechecks`` turns the markup checks off so the time limit
has to stop the attack.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench import hostile_docs as docs
from bot.ingest import sandbox, untrusted
from bot.ingest.fetch import FetchError
from bot.ingest.precheck import MarkupLimits
from bot.ingest.webpage import extract_bytes

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "bench" / "out" / "hostile.json"
TICK = 0.005
TARGET_MS = 100.0

CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "attributes (160,000 on one tag, 1.5 MB)": ("page.html", lambda: docs.many_attributes(160_000)),
    "nesting (100,000 levels)": ("page.html", lambda: docs.deeply_nested(100_000)),
    "elements (300,000)": ("page.html", lambda: docs.many_elements(300_000)),
    "PDF bomb (300 pages, one shared stream)": ("report.pdf", lambda: docs.pdf_bomb(300, 1_000_000)),
    "malformed feed (6 MB)": ("feed.xml", lambda: docs.malformed_feed(6_000_000)),
}


async def _with_ticker(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float, list[float]]:
    """Run ``work`` while a ticker measures lag; (outcome, seconds, lags in ms)."""
    lags: list[float] = []
    stop = asyncio.Event()

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            due = loop.time() + TICK
            await asyncio.sleep(TICK)
            lags.append(max(0.0, (loop.time() - due) * 1000))

    task = asyncio.create_task(ticker())
    await asyncio.sleep(TICK * 2)
    started = time.perf_counter()
    try:
        outcome: Any = await work()
    except FetchError as e:
        outcome = e
    seconds = time.perf_counter() - started
    stop.set()
    await task
    return outcome, seconds, lags


def _row(name: str, outcome: Any, seconds: float, lags: list[float], replaced: int) -> dict[str, Any]:
    if isinstance(outcome, FetchError):
        result = f"refused ({outcome.code}): {outcome.message}"
    elif isinstance(outcome, untrusted.ParsedFeed):
        result = f"parsed: {len(outcome.items)} items"
    else:
        result = f"extracted: {len(outcome.text):,} characters"
    ordered = sorted(lags) or [0.0]
    return {
        "document": name,
        "result": result,
        "seconds": round(seconds, 2),
        "max_lag_ms": round(ordered[-1], 1),
        "p99_lag_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 1),
        "median_lag_ms": round(statistics.median(ordered), 1),
        "workers_replaced": replaced,
    }


async def measure(*, prechecks: bool, timeout: float, baseline: bool) -> list[dict[str, Any]]:
    limits = untrusted.ParseLimits() if prechecks else untrusted.ParseLimits(markup=MarkupLimits(10**9, 10**9, 10**9))
    rows: list[dict[str, Any]] = []

    async def idle() -> None:  # the machine's own scheduling noise, for comparison
        await asyncio.sleep(2)

    outcome, seconds, lags = await _with_ticker(idle)
    rows.append({**_row("REFERENCE: nothing parsed (2 s)", untrusted.ParsedFeed(None, None, []), seconds, lags, 0),
                 "result": "idle"})  # fmt: skip
    with sandbox.use(sandbox.Sandbox(sandbox.Limits(timeout=timeout), workers=1)) as box:
        box.warm()
        for name, (filename, build) in CASES.items():
            data = build()
            before = box.replaced
            if filename.endswith(".xml"):

                async def work(data: bytes = data) -> Any:
                    return await untrusted.parse_feed(data, "https://example.jp/feed.xml", limits)
            else:

                async def work(data: bytes = data, filename: str = filename) -> Any:
                    return await untrusted.extract_upload(data, filename, None, limits)

            outcome, seconds, lags = await _with_ticker(work)
            rows.append(_row(name, outcome, seconds, lags, box.replaced - before))
            print(f"  {name}: {rows[-1]['result'][:70]} · max lag {rows[-1]['max_lag_ms']} ms", file=sys.stderr)
    if baseline:
        data = docs.many_attributes(20_000)

        async def in_thread() -> Any:
            return await asyncio.to_thread(extract_bytes, data, "page.html")

        outcome, seconds, lags = await _with_ticker(in_thread)
        rows.append(_row("BASELINE: attributes (20,000) in a thread, no sandbox", outcome, seconds, lags, 0))
    return rows


def render(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| document | result | s | max lag ms | p99 lag ms | worker replaced |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['document']} | {r['result'][:80]} | {r['seconds']} | {r['max_lag_ms']} | {r['p99_lag_ms']} "
            f"| {r['workers_replaced']} |"
        )
    sandboxed = [r["max_lag_ms"] for r in rows if not r["document"].startswith(("BASELINE", "REFERENCE"))]
    verdict = "met" if sandboxed and max(sandboxed) <= TARGET_MS else "NOT met"
    lines.append(f"\nworst event-loop lag while parsing hostile documents: {max(sandboxed, default=0)} ms "
                 f"(target ≤ {TARGET_MS:g} ms: {verdict})")  # fmt: skip
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results (default bench/out/hostile.json)")
    p.add_argument("--timeout", type=float, default=10.0, help="the sandbox's per-document time limit (default 10 s)")
    p.add_argument("--no-prechecks", action="store_true", help="turn the markup checks off: the time limit must act")
    p.add_argument("--baseline", action="store_true", help="also parse a 20,000-attribute page the old way")
    args = p.parse_args(argv)
    if args.timeout <= 0:
        print("error: --timeout must be positive", file=sys.stderr)
        return 2
    rows = asyncio.run(measure(prechecks=not args.no_prechecks, timeout=args.timeout, baseline=args.baseline))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"rows": rows, "prechecks": not args.no_prechecks}, indent=1), encoding="utf-8")
    print(render(rows), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m bench.timeouts``: how long a fetch from a server that never answers takes to give up.

The unit tests check that such a fetch ends in a "timeout" error with the configured limit in its
message; how long it really took is a timing, and timings live here. A fetch is given `--limit`
seconds (default 0.3) against a local server that answers after 10 s; the figure is the wall time
until the error, over `--runs` runs. Exit code 1 when the slowest run exceeds `--max` seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time

from aiohttp import web

from bot.ingest.fetch import FetchError, FetchPolicy, FetchRequest, fetch


async def _silent(request: web.Request) -> web.Response:
    await asyncio.sleep(10)
    return web.Response(text="too late")


async def measure(limit: float, runs: int) -> list[float]:
    app = web.Application()
    app.router.add_get("/slow", _silent)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    seconds: list[float] = []
    try:
        for _ in range(runs):
            started = time.perf_counter()
            try:
                await fetch(
                    FetchRequest(f"http://127.0.0.1:{port}/slow"),
                    FetchPolicy(trusted_hosts=(f"127.0.0.1:{port}",), total_timeout=limit),
                )
            except FetchError as e:
                if e.code != "timeout":
                    raise
            else:
                raise AssertionError("the fetch did not time out")
            seconds.append(time.perf_counter() - started)
    finally:
        await runner.cleanup()
    return seconds


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.timeouts", description=__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=float, default=0.3, help="the fetch's total timeout, seconds (default 0.3)")
    p.add_argument("--runs", type=int, default=5, help="how many fetches (default 5)")
    p.add_argument("--max", type=float, default=2.0, help="slowest acceptable run, seconds (default 2)")
    args = p.parse_args(argv)
    seconds = asyncio.run(measure(args.limit, args.runs))
    figures = {
        "limit_s": args.limit,
        "median_s": round(statistics.median(seconds), 3),
        "max_s": round(max(seconds), 3),
        "within": max(seconds) <= args.max,
    }
    print(json.dumps(figures))
    return 0 if figures["within"] else 1


if __name__ == "__main__":
    sys.exit(main())

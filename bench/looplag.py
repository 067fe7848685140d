"""``python -m bench.looplag``: how long the event loop stalls while the bot ingests the largest
upload it accepts, with /quote queries arriving meanwhile (what a Discord user waits on).

A probe task asks to wake every 10 ms and records how late it wakes (the loop's lag); quote queries
run one after another through the same service the cog calls. The upload is built from the bench
corpus (the seeds' sentences and layouts) up to just under the 5 MB upload cap, and goes through
`add_upload`, as `/source add file:` does. Prints JSON: lag max / p99 / p50 (ms), the quotes
answered and their latency, the ingest's wall time.

    python -m bench.looplag                  # 4.8 MB upload
    python -m bench.looplag --mb 1.5
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from bench.corpus import generate, seed_sentences
from bot.ingest.pipeline import open_store
from bot.services import find_quote
from bot.services.sources import MAX_UPLOAD_BYTES, add_upload
from bot.threads import prefer_the_loop

ROOT = Path(__file__).resolve().parents[1]


class LagProbe:
    """Measures the event loop's lag: how much later than asked a 10 ms sleep returns."""

    def __init__(self, interval: float = 0.01) -> None:
        self.interval = interval
        self.lags: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(self.interval)
            self.lags.append(max(0.0, time.perf_counter() - start - self.interval))

    def __enter__(self) -> LagProbe:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()

    def figures(self) -> dict[str, float]:
        lags = sorted(self.lags) or [0.0]
        return {
            "lag_max_ms": round(lags[-1] * 1000, 1),
            "lag_p99_ms": round(lags[int(0.99 * (len(lags) - 1))] * 1000, 1),
            "lag_p50_ms": round(statistics.median(lags) * 1000, 1),
            "samples": len(self.lags),
        }


def big_upload(max_bytes: int) -> bytes:
    """Bench-corpus articles joined into one document of at most max_bytes of UTF-8."""
    parts: list[bytes] = []
    size = 0
    for _, text in generate(100_000, seed=7):
        body = text.encode("utf-8")
        if size + len(body) + 1 > max_bytes:
            break
        parts.append(body)
        size += len(body) + 1
    return b"\n".join(parts)


async def measure(mb: float) -> dict[str, object]:
    prefer_the_loop()  # as the bot does at start (commands.client.run)
    data = big_upload(min(int(mb * 1_000_000), MAX_UPLOAD_BYTES))
    quotes = [s[: min(len(s), 24)] for s in seed_sentences(ROOT / "seeds") if len(s) >= 12][:50]
    with tempfile.TemporaryDirectory() as tmp:
        store = await open_store(str(Path(tmp) / "lag.db"), ROOT / "seeds")
        try:
            latencies: list[float] = []
            with LagProbe() as probe:
                started = time.perf_counter()
                upload = asyncio.create_task(add_upload(store, data, "large.txt", "text/plain"))
                i = 0
                while not upload.done():
                    t = time.perf_counter()
                    await find_quote(store, quotes[i % len(quotes)])
                    latencies.append(time.perf_counter() - t)
                    i += 1
                    await asyncio.sleep(0.05)
                result = await upload
                ingest_s = time.perf_counter() - started
            lat = sorted(latencies) or [0.0]
            return {
                "upload_mb": round(len(data) / 1_000_000, 2),
                "status": result.status,
                "events": result.events,
                "ingest_s": round(ingest_s, 2),
                **probe.figures(),
                "quotes_answered": len(latencies),
                "quote_p50_ms": round(statistics.median(lat) * 1000, 1),
                "quote_max_ms": round(lat[-1] * 1000, 1),
            }
        finally:
            await store.close()


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.looplag", description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=4.8, help="size of the upload in MB (default 4.8; the cap is 5)")
    args = ap.parse_args()
    print(json.dumps(asyncio.run(measure(args.mb)), indent=1))


if __name__ == "__main__":
    main()

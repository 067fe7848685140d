"""``python -m bench.firstask DB``: each `--about` target and quote of the bench asked once, timed one by one.

The bench's p95 of fifty `--about` questions is the first asking of its twelve targets (the other askings find
their documents' claims and contexts read already): this asks every target once on a copy of a kept store, then
once more, and prints each one's milliseconds, so a change to the first asking shows per target, not in a
percentile that moves ±10 ms from run to run. ``--profile FILE`` writes a cProfile of the first askings with the
worker threads run inline (so the profile sees their calls); ``--dump FILE`` writes every answer as sorted JSON
(the `--about` reports and the quote matches), for comparing two trees' answers line by line.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import dataclasses
import json
import pstats
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench.queries import build_queries
from bench.tenancy import measure_kept


@dataclasses.dataclass(slots=True)
class Asked:
    kind: str  # "about" or "quote"
    query: str
    first_ms: float
    again_ms: float
    first_cpu_ms: float  # the process's CPU (every thread's) during the first asking: less moved by the load
    answer: Any


async def _inline(func: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
    return func(*args, **kwargs)


async def _timed(call: Callable[[], Awaitable[Any]]) -> tuple[float, float, Any]:
    from bot.services.errors import QueryError

    t, cpu = time.perf_counter(), time.process_time()
    try:
        answer: Any = await call()
    except QueryError as e:
        answer = {"query_error": str(e)}
    return (time.perf_counter() - t) * 1000, (time.process_time() - cpu) * 1000, answer


def _plain(answer: Any) -> Any:
    if dataclasses.is_dataclass(answer) and not isinstance(answer, type):
        return dataclasses.asdict(answer)
    if isinstance(answer, list):
        return [_plain(a) for a in answer]
    return answer


async def ask_all(
    db: Path, guild: int | None, quotes: int, profile: Path | None, only: str | None = None, warm: bool = True
) -> list[Asked]:
    from bot.services.quotes import find_quote
    from bot.services.stance_about import stance_about
    from bot.store.backend import open_backend
    from commands.embeds import STATEMENTS_PER_PAGE

    qs = build_queries(n=quotes)
    calls: list[tuple[str, str, Callable[[], Awaitable[Any]]]] = []
    if only in (None, "about"):
        calls += [
            (
                "about",
                f"{a} / {x}",
                lambda a=a, x=x: stance_about(store, a, x, limit=STATEMENTS_PER_PAGE, guild_id=guild),
            )
            for a, x in qs.stance_about
        ]
    if only in (None, "quote"):
        calls += [("quote", q, lambda q=q: find_quote(store, q, guild_id=guild)) for _, q in qs.quotes()]
    store = await open_backend(db)
    out: list[Asked] = []
    try:
        if warm:  # as the bot does when it starts (commands/client.py)
            from bot.services.warm import warm_vocabularies

            await asyncio.to_thread(warm_vocabularies, store.actors)
        prof = cProfile.Profile() if profile else None
        saved = asyncio.to_thread
        for kind in ("quote", "about"):  # as the bench asks them: the quotes first (the tokenizers loaded by then)
            mine = [c for c in calls if c[0] == kind]
            first: list[tuple[float, float, Any]] = []
            if prof is not None and kind == "about":
                asyncio.to_thread = _inline  # type: ignore[assignment]
                prof.enable()
            try:
                for _, _, call in mine:
                    first.append(await _timed(call))
            finally:
                if prof is not None and kind == "about":
                    prof.disable()
                    asyncio.to_thread = saved  # type: ignore[assignment]
            for (_, query, call), (ms, cpu, answer) in zip(mine, first, strict=True):
                again, _, _ = await _timed(call)
                out.append(Asked(kind, query, ms, again, cpu, _plain(answer)))
        if prof is not None and profile is not None:
            prof.dump_stats(str(profile))
            pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
    finally:
        await store.close()
    return out


def render(asked: list[Asked]) -> str:
    lines = [f"{'kind':<6} {'first ms':>9} {'CPU ms':>7} {'again ms':>9}  query"]
    for a in asked:
        if a.kind == "about":
            lines.append(f"{a.kind:<6} {a.first_ms:>9.1f} {a.first_cpu_ms:>7.1f} {a.again_ms:>9.1f}  {a.query}")
    for kind in ("about", "quote"):
        firsts = sorted(a.first_ms for a in asked if a.kind == kind)
        cpu = sum(a.first_cpu_ms for a in asked if a.kind == kind)
        if firsts:
            total = sum(firsts)
            p95 = firsts[min(len(firsts) - 1, round(0.95 * (len(firsts) - 1)))]
            lines.append(
                f"{kind}: {len(firsts)} asked, first askings {total:.0f} ms in all ({cpu:.0f} ms CPU), max {firsts[-1]:.1f},"
                f" p95 {p95:.1f}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.firstask", description=__doc__.split("\n\n")[0])
    p.add_argument("db", type=Path, help="a database the bench kept (bench_10000.db)")
    p.add_argument("--guild", type=int, default=7, help="the server answered as (default 7, as the bench's --guild)")
    p.add_argument("--quotes", type=int, default=50, help="quote queries (the bench's set of that size)")
    p.add_argument("--only", choices=("about", "quote"))
    p.add_argument(
        "--profile", type=Path, help="cProfile of the `--about` first askings, threads inline (stats to stderr)"
    )
    p.add_argument("--cold", action="store_true", help="without the bot's start-up warming of the word lists")
    p.add_argument("--dump", type=Path, help="every answer as sorted JSON, one line per question")
    args = p.parse_args(argv)
    asked = measure_kept(
        args.db, lambda copy: ask_all(copy, args.guild, args.quotes, args.profile, args.only, not args.cold)
    )
    if asked is None:
        return 2
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for a in asked:
                f.write(
                    json.dumps(
                        {"kind": a.kind, "query": a.query, "answer": a.answer},
                        ensure_ascii=False,
                        sort_keys=True,
                        default=str,
                    )
                    + "\n"
                )
    print(render(asked))
    return 0


if __name__ == "__main__":
    sys.exit(main())

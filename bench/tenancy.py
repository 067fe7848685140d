"""``python -m bench.tenancy DB``: the tenancy filter's cost, on one store, query by query.

On a database the bench kept (``python -m bench --sizes 10000 --guild 7 --keep``; a copy is measured, the
store's migrations may run on it), every service the bench times is asked each of its queries twice in a
row: as the command line (no filter) and as server ``--guild`` (its documents and the shared ones; another
server's hidden), which of the two goes first alternating. On a shared machine whose load changes from one
second to the next, the two sides of a pair see the same load, which two bench runs minutes apart (or two
passes of a whole service) do not. ``--rounds`` passes over the queries; one pass before them is not
counted (it reads the file into the cache). Prints p50 / p95 per service and side and the ratio of the
p95s (and of the p50s).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from bench.measure import _cycle, _week_windows, spread_guilds
from bench.queries import build_queries
from bench.stats import summarize

T = TypeVar("T")

Ask = Callable[[int | None], Awaitable[Any]]  # one query, asked as the command line (None) or a server


async def _services(store: Any, queries: int, guild: int) -> dict[str, list[Ask]]:
    """Each service's queries, as the bench's latency table asks them (count, then the first page)."""
    from bot.services.quotes import find_quote
    from bot.services.stance import stance, suggest_actors
    from bot.services.stance_about import stance_about
    from bot.services.timeline import count_timeline, timeline_page, validate_timeline_query
    from bot.user_errors import UserError
    from commands.embeds import PER_PAGE, STATEMENTS_PER_PAGE

    qs = build_queries(n=queries, seed=0)

    async def timeline_answer(guild: int | None, **f: str) -> int:
        q = await validate_timeline_query(store, **f, guild_id=guild)
        await count_timeline(store, q)
        return len(await timeline_page(store, q, limit=PER_PAGE))

    # The deepest full page both sides have (a side's own last page may hold 3 events, the other's 8).
    totals = [await count_timeline(store, await validate_timeline_query(store, guild_id=g)) for g in (None, guild)]
    deepest = max(0, (min(totals) - PER_PAGE) // PER_PAGE * PER_PAGE)

    async def last_page(guild: int | None) -> int:
        q = await validate_timeline_query(store, guild_id=guild)
        total = await count_timeline(store, q)
        return len(await timeline_page(store, q, limit=PER_PAGE, offset=deepest, total=total))

    # The stance of the most quoted actor of the bench's queries, at the deepest full page both sides have.
    # As the pager asks it: the total is the first page's (the summary is not read again for a later page).
    sizes: dict[tuple[str, str | None], dict[int | None, int]] = {}
    for a, t in dict.fromkeys(qs.stance):
        with contextlib.suppress(UserError):
            sizes[(a, t)] = {g: (await stance(store, a, topic=t, limit=1, guild_id=g)).total for g in (None, guild)}
    biggest = max(sizes, key=lambda k: min(sizes[k].values())) if sizes else None
    stance_deepest = (
        max(0, (min(sizes[biggest].values()) - STATEMENTS_PER_PAGE) // STATEMENTS_PER_PAGE * STATEMENTS_PER_PAGE)
        if biggest
        else 0
    )

    async def stance_last(guild: int | None) -> int:
        assert biggest is not None
        actor, topic = biggest
        report = await stance(
            store,
            actor,
            topic=topic,
            limit=STATEMENTS_PER_PAGE,
            offset=stance_deepest,
            guild_id=guild,
            total=sizes[biggest][guild],
        )
        return len(report.statements)

    filters = _cycle([f for f in qs.timeline_filters if f], queries)
    weeks = await _week_windows(store, queries)
    stances = _cycle(qs.stance, queries)
    abouts = _cycle(qs.stance_about, queries)
    typed = _cycle(qs.actors, queries)
    return {
        "quote": [lambda g, q=q: find_quote(store, q, guild_id=g) for _, q in qs.quotes()],
        "timeline (all), first page": [lambda g: timeline_answer(g)] * queries,
        "timeline (filtered)": [lambda g, f=f: timeline_answer(g, **f) for f in filters],
        "timeline (week)": [lambda g, w=w: timeline_answer(g, since=w[0], until=w[1]) for w in weeks],
        "timeline, deepest full page": [last_page] * min(queries, 50),
        "stance, first page": [
            lambda g, a=a, t=t: stance(store, a, topic=t, limit=STATEMENTS_PER_PAGE, guild_id=g) for a, t in stances
        ],
        **({"stance, deepest full page": [stance_last] * min(queries, 50)} if biggest else {}),
        "stance --about": [
            lambda g, a=a, x=x: stance_about(store, a, x, limit=STATEMENTS_PER_PAGE, guild_id=g) for a, x in abouts
        ],
        "autocomplete": [lambda g, x=x: suggest_actors(store, x, guild_id=g) for x in typed],
        "autocomplete (empty)": [lambda g: suggest_actors(store, "", guild_id=g)] * min(queries, 50),
    }


async def _timed(ask: Ask, guild: int | None) -> float:
    from bot.user_errors import UserError

    start = time.perf_counter()
    with contextlib.suppress(UserError):  # a refusal (an actor the server does not see) is timed like an answer
        await ask(guild)
    return time.perf_counter() - start


async def measure(
    db: Path, guild: int, queries: int, rounds: int, progress: bool, only: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    from bot.store.backend import open_backend

    store = await open_backend(db)
    try:
        if await store.get_meta("bench_guild") != str(guild):
            await spread_guilds(store, guild)
            await store.set_meta("bench_guild", str(guild))
        services = await _services(store, queries, guild)
        out: dict[str, dict[str, Any]] = {}
        for name, asks in services.items():
            if only and not any(w in name for w in only):
                continue
            if progress:
                print(f"[bench.tenancy] {name} × {len(asks)} × {rounds}", file=sys.stderr, flush=True)
            for ask in asks:  # not counted: the first pass reads the file into the cache
                await _timed(ask, None)
            seconds: dict[str, list[float]] = {"all": [], "guild": []}
            for r in range(rounds):
                for i, ask in enumerate(asks):
                    sides = [("all", None), ("guild", guild)]
                    for side, guild_id in sides if (i + r) % 2 == 0 else sides[::-1]:
                        seconds[side].append(await _timed(ask, guild_id))
            out[name] = {side: summarize(s) for side, s in seconds.items()}
    finally:
        await store.close()
    return out


def render(found: dict[str, dict[str, Any]]) -> str:
    lines = [f"{'service':<28} {'p50':>7} {'p95':>7}   {'--guild p50':>11} {'p95':>7}   {'p50 ratio':>9} {'p95 ratio':>9}"]
    for name, sides in found.items():
        a, g = sides["all"], sides["guild"]
        r50 = f"{g['p50_ms'] / a['p50_ms']:.2f}" if a["p50_ms"] else "-"
        r95 = f"{g['p95_ms'] / a['p95_ms']:.2f}" if a["p95_ms"] else "-"
        lines.append(
            f"{name:<28} {a['p50_ms']:>7.2f} {a['p95_ms']:>7.2f}   {g['p50_ms']:>11.2f} {g['p95_ms']:>7.2f}"
            f"   {r50:>9} {r95:>9}"
        )
    return "\n".join(lines)


@contextlib.contextmanager
def kept_copy(db: Path) -> Iterator[Path]:
    """A copy of a store the bench kept (with its -wal and -shm) in a temporary folder: migrations may run on it."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / db.name
        for suffix in ("", "-wal", "-shm"):
            if Path(str(db) + suffix).exists():
                shutil.copyfile(str(db) + suffix, str(copy) + suffix)
        yield copy


def measure_kept(db: Path, measure: Callable[[Path], Awaitable[T]]) -> T | None:
    """`measure` run on a copy of the store the bench kept; None (said on stderr) when there is no such file."""
    if not db.is_file():
        print(f"error: no database at {db}", file=sys.stderr)
        return None
    with kept_copy(db) as copy:
        asyncio.run(current_claims(copy))
        return asyncio.run(measure(copy))


async def current_claims(db: Path) -> int:
    """Rebuild, on the copy, the stored claims an older extractor made; the number rebuilt. A store kept by another
    tree's code holds claims of that code's extractor version (a digest of `bot/extract`, the data files …); this
    code would extract every such document again at query time — `--about` measured several times slower than a
    store this code built, where the claims are current (as the running bot keeps them, `services.claims`)."""
    from bot.extract.claim_records import extractor_version
    from bot.ingest.claims_refresh import refresh_claims
    from bot.store.backend import open_backend
    from bot.store.claims import count_outdated

    store = await open_backend(db)
    try:
        _, outdated = await count_outdated(store, extractor_version())
        if not outdated:
            return 0
        print(f"[bench] {outdated} documents hold claims of another extractor: rebuilt first", file=sys.stderr)
        return (await refresh_claims(store)).rebuilt
    finally:
        await store.close()


def print_kept(db: Path, measure: Callable[[Path], Awaitable[T]], render: Callable[[T], str]) -> int:
    """A kept-store tool's whole run: `measure` on a copy, its table printed; the exit code (2: no such file)."""
    found = measure_kept(db, measure)
    if found is None:
        return 2
    print(render(found))
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.tenancy", description=__doc__.split("\n\n")[0])
    p.add_argument("db", type=Path, help="a database the bench kept (bench_10000.db)")
    p.add_argument("--guild", type=int, default=7, help="the server answered as (default 7, as the bench's --guild)")
    p.add_argument("--queries", type=int, default=50)
    p.add_argument("--rounds", type=int, default=3, help="passes over each service's queries (default 3)")
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--only", metavar="WORDS", help="only the services whose name holds one of these (comma-separated)")
    args = p.parse_args(argv)
    only = [w.strip() for w in (args.only or "").split(",") if w.strip()]
    return print_kept(
        args.db, lambda copy: measure(copy, args.guild, args.queries, max(1, args.rounds), not args.quiet, only), render
    )


if __name__ == "__main__":
    sys.exit(main())

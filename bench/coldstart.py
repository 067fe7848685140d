"""Cold start in parts, in a fresh process: ``python -m bench.coldstart DB TEXT`` prints JSON.

import (what ``python -m bot`` imports) → open the store (migrations, actor registry) → the first
quote query (loads the SudachiPy dictionary) → a second query (warm), as the CLI does them.
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402

import bot.terminal.cli  # noqa: E402, F401  (timed: everything the CLI imports)

_T_IMPORT = time.perf_counter() - _T0


async def _main(db: str, text: str) -> dict[str, float | int]:
    from bot.ingest.pipeline import open_store
    from bot.services.quotes import find_quote

    t = time.perf_counter()
    store = await open_store(db, None)
    t_open = time.perf_counter() - t
    try:
        t = time.perf_counter()
        first = await find_quote(store, text)
        t_first = time.perf_counter() - t
        t = time.perf_counter()
        await find_quote(store, text)
        t_second = time.perf_counter() - t
    finally:
        await store.close()
    return {
        "import_s": round(_T_IMPORT, 3),
        "open_s": round(t_open, 3),
        "first_query_s": round(t_first, 3),
        "second_query_s": round(t_second, 3),
        "first_query_matches": len(first),
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_main(sys.argv[1], sys.argv[2]))))

"""`python -m tests.paused_worker ARGS…`: `python -m bot ARGS…` as a test build whose document writes stop inside
their transaction — every row of the document written, the commit not yet — saying "paused in a write" on
stdout, so that a test can SIGKILL a real worker process at the worst moment of a job.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

from bot.store.store import Store
from bot.terminal.cli import main

PAUSED = "paused in a write"
_write = Store._write_document


async def _paused(self: Store, *args: Any) -> Any:
    written = await _write(self, *args)
    print(PAUSED, flush=True)
    await asyncio.sleep(3600)
    return written


if __name__ == "__main__":
    Store._write_document = _paused  # type: ignore[method-assign]
    sys.exit(main(sys.argv[1:]))

"""Worker threads beside the event loop: how soon the loop gets the interpreter back.

CPU work runs in threads (feed parsing, article extraction, tokenization), but a thread holds the GIL
until the interpreter asks it to let go, every ``sys.getswitchinterval()`` (5 ms by default); on a busy
machine the loop then waits a whole scheduling slice more for each wake-up. Asking every millisecond
instead cut the loop's lag while a 5,000-item feed was polled on a machine with a load of 28 on 2 CPUs
(bench.feeds, one run: the poll with two new items, p99 368 ms → 68 ms). C code that holds the GIL
(lxml, tokenizers) is not interrupted either way.
"""

from __future__ import annotations

import sys

__all__ = ["SWITCH_INTERVAL", "prefer_the_loop"]

SWITCH_INTERVAL = 0.001  # seconds


def prefer_the_loop() -> None:
    """Make worker threads hand the GIL back to the event loop every millisecond (process-wide)."""
    sys.setswitchinterval(SWITCH_INTERVAL)

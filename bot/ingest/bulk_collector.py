"""The calling process's cyclic garbage collector during a bulk run (`bulk_ingest` with a pool).

The parent of a pool run unpickles every prepared document, writes it (rows, clusters, JSON) and afterwards reads
the claims of the run's documents again where a later actor is named (`claims_refresh`): like a worker's extraction,
~10^5 short-lived objects an article, nearly none in cycles. At Python's default (a young collection every 700
allocations) each collection also moved the batch's still-live objects into older generations, whose collections
then walked the process's long-lived heap (the actor index, the kept clustering candidates, the rules' memos): ~0.8
CPU ms an article (bulk40). For the run's time the youngest generation is collected every `threshold` allocations,
as a pool worker's is (`bulk.WORKER_GC_THRESHOLD`); the process's own thresholds come back when the last run held
ends. Only when unreachable objects are freed changes, never what is computed (see `bulk.WORKER_GC_THRESHOLD`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["fewer_collections"]

_held = 0  # runs inside `fewer_collections` now (a bot may run two uploads' bulk runs at once)
_saved: tuple[int, int, int] | None = None  # the thresholds before the first of them


@contextmanager
def fewer_collections(threshold: int) -> Iterator[None]:
    """The youngest generation's threshold raised to at least `threshold` while any run is inside; restored after."""
    global _held, _saved
    if _held == 0:
        _saved = gc.get_threshold()
        first, *older = _saved
        gc.set_threshold(max(first, threshold), *older)
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        if _held == 0 and _saved is not None:
            gc.set_threshold(*_saved)
            _saved = None

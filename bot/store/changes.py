"""A count of the document writes of each server, per store (issue 13): what a cache of a server's view
compares to know whether it is still right.

Every write that adds or removes documents (`Store.add_document`, `add_documents`, `remove_document`)
counts one change for each server whose documents it touched (0: a shared document, which every server
sees). A server's view of the store changed when its own count or the shared count did. Only the writes
of this process are counted: a document another process writes (a worker on PostgreSQL) is not seen here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from weakref import WeakKeyDictionary

_COUNTS: WeakKeyDictionary[object, Counter[int]] = WeakKeyDictionary()


def documents_changed(store: object, guild_ids: Iterable[int | None]) -> None:
    """Documents of these servers (0 or None: shared) were written or removed in `store`."""
    counts = _COUNTS.setdefault(store, Counter())
    for guild_id in set(guild_ids):
        counts[int(guild_id or 0)] += 1


def generation(store: object, guild_id: int) -> tuple[int, int]:
    """What a server sees has changed since a cache was filled when this pair differs: (the shared
    documents' changes, the server's own)."""
    counts = _COUNTS.get(store)
    if counts is None:
        return (0, 0)
    return (counts[0], counts[guild_id] if guild_id else 0)

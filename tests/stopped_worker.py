"""`python -m tests.stopped_worker ARGS…`: `python -m bot ARGS…` as a test build that interrupts itself (SIGINT,
as Ctrl-C or a supervisor's stop would) the moment its first document write has committed — one document or a
bulk batch — so that the stop lands for certain between the document and whatever its caller writes after it.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from bot.store.pgstore import PgStore
from bot.store.store import Store
from bot.terminal.cli import main


def _interrupting(write: Any) -> Any:
    async def written(self: Store, *args: Any, **kwargs: Any) -> Any:
        done = await write(self, *args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)  # delivered before the caller's next await: the stop is here
        return done

    return written


if __name__ == "__main__":
    # PgStore writes one document through Store.add_document, a batch through its own add_documents.
    Store.add_document = _interrupting(Store.add_document)  # type: ignore[method-assign]
    Store.add_documents = _interrupting(Store.add_documents)  # type: ignore[method-assign]
    PgStore.add_documents = _interrupting(PgStore.add_documents)  # type: ignore[method-assign]
    sys.exit(main(sys.argv[1:]))

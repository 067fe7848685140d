"""`python -m tests.stopped_worker MODE ARGS…`: `python -m bot ARGS…` as a test build that stops itself at a chosen
point of its work, so that a test can put a stop exactly there in a real process:

- `kill-after-write`: SIGKILL the moment its first document write has committed (one document or a bulk batch):
  nothing runs after it, so only what that transaction holds is stored;
- `term-in-job`: SIGTERM (as a supervisor's stop) the moment a worker starts running a job.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from bot.store.pgstore import PgStore
from bot.store.store import Store
from bot.terminal.cli import main
from bot.worker import Worker


def _after(method: Any, sig: signal.Signals) -> Any:
    async def written(self: Any, *args: Any, **kwargs: Any) -> Any:
        done = await method(self, *args, **kwargs)
        os.kill(os.getpid(), sig)
        return done

    return written


def _before(method: Any, sig: signal.Signals) -> Any:
    async def started(self: Any, *args: Any, **kwargs: Any) -> Any:
        os.kill(os.getpid(), sig)
        return await method(self, *args, **kwargs)

    return started


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "kill-after-write":
        # PgStore writes one document through Store.add_document, a batch through its own add_documents.
        Store.add_document = _after(Store.add_document, signal.SIGKILL)  # type: ignore[method-assign]
        Store.add_documents = _after(Store.add_documents, signal.SIGKILL)  # type: ignore[method-assign]
        PgStore.add_documents = _after(PgStore.add_documents, signal.SIGKILL)  # type: ignore[method-assign]
    elif mode == "term-in-job":
        Worker.run_job = _before(Worker.run_job, signal.SIGTERM)  # type: ignore[method-assign]
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    sys.exit(main(args))

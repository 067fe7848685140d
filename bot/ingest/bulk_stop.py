"""Stopping a bulk run early and cleanly (issue 19): on SIGTERM or SIGINT from the command line, or when
a caller asks.

A stop ends the run between documents, never inside one: the batch being written commits, the documents
already extracted are written, the worker processes are terminated (none outlives the run), and the sources
not yet prepared are left for a re-run, which adds exactly them (what is stored is found as a duplicate).
The worker processes ignore SIGINT (Ctrl-C reaches the whole foreground group: the parent alone decides)
and, on Linux, ask the kernel to end them when the parent dies, even by SIGKILL.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import logging
import signal
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import TypeVar

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
T = TypeVar("T")


class StopRequest:
    """Set once to end a bulk run early; `reason` says why (a signal's name)."""

    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.reason: str | None = None

    def __call__(self, reason: str = "stop") -> None:
        if self.reason is None:
            self.reason = reason
        self.event.set()

    @property
    def requested(self) -> bool:
        return self.event.is_set()


@contextlib.contextmanager
def stop_on_signals(stop: StopRequest, signals: tuple[signal.Signals, ...] = STOP_SIGNALS) -> Iterator[StopRequest]:
    """While the block runs, these signals ask `stop` to end the run instead of killing the process (the
    running loop's handlers; where a loop cannot have them, outside the main thread or on Windows, the
    signals keep their usual effect). The handlers before are put back after."""
    loop = asyncio.get_running_loop()
    installed: list[tuple[signal.Signals, object]] = []
    for sig in signals:
        before = signal.getsignal(sig)
        try:
            loop.add_signal_handler(sig, stop, sig.name)
        except (NotImplementedError, RuntimeError, ValueError):
            continue
        installed.append((sig, before))
    try:
        yield stop
    finally:
        for sig, before in installed:
            loop.remove_signal_handler(sig)
            if before is not None:
                signal.signal(sig, before)  # type: ignore[arg-type]


def init_worker_process() -> None:
    """In a pool worker: Ctrl-C is the parent's to handle, and the worker ends when its parent does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


def terminate_workers(executor: Executor) -> None:
    """Shut the pool down now: queued work cancelled, running workers terminated and waited for, and the pool's
    manager thread ended (the interpreter's exit joins it: a thread left waiting hangs the process at exit)."""
    if not isinstance(executor, ProcessPoolExecutor):
        executor.shutdown(wait=True, cancel_futures=True)
        return
    # The pool's own processes, result pipe and manager thread, taken before `shutdown` forgets them. Python
    # 3.14's `terminate_workers` is not used: it leaves the manager thread as stuck as the code below would
    # without its last step.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    results = getattr(executor, "_result_queue", None)
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if p.is_alive():
            p.terminate()
    for p in processes:
        p.join(timeout=5)
        if p.is_alive():
            p.kill()
            p.join()
    # A worker terminated halfway through writing a result leaves half a message in the result pipe, and the
    # manager thread waits for the rest. With every worker gone, this process holds the pipe's last write end:
    # closing it turns that wait into an end-of-file, which the manager takes for a broken pool, and it ends.
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()
    if manager is not None:
        manager.join(timeout=30)


def pool_job(executor: Executor, fn: Callable[..., T], *args: object) -> asyncio.Future[T]:
    """`fn(*args)` in the pool, awaited through a future of the running loop that does not reach back: cancelling
    it (a stop, the task awaiting it cancelled) never cancels the pool's own future.

    `loop.run_in_executor` chains the two both ways, and a pool future cancelled from outside the pool's manager
    thread breaks that thread on Python 3.11: when the pool then breaks (a stop's `terminate_workers`, a worker
    killed), `terminate_broken` fails every pending future and raises InvalidStateError on the cancelled one
    (CPython gh-107219, fixed in 3.12), printing "Exception in thread …" after a stopped `ingest` and leaving the
    pool's queues unclosed. Pending pool work is cancelled by `shutdown(cancel_futures=True)` instead, in the
    manager thread itself."""
    loop = asyncio.get_running_loop()
    mine: asyncio.Future[T] = loop.create_future()

    def settle(done: Future[T]) -> None:
        if mine.done():  # cancelled here: the pool's outcome is nobody's now
            return
        if done.cancelled():
            mine.cancel()
        elif (error := done.exception()) is not None:
            mine.set_exception(error)
        else:
            mine.set_result(done.result())

    def heard(done: Future[T]) -> None:  # in the pool's manager thread
        with contextlib.suppress(RuntimeError):  # the loop already closed: nobody waits any more
            loop.call_soon_threadsafe(settle, done)

    executor.submit(fn, *args).add_done_callback(heard)
    return mine


DEAD_WORKER_GRACE = 5.0  # seconds a pool with a dead worker has to break by itself before it is ended


async def pool_result(future: asyncio.Future[T], executor: Executor) -> T:
    """A pool task's result, or BrokenProcessPool when a worker process died, even halfway through a result.

    The pool notices a dead worker by itself and breaks (every task's future fails) — except when the worker died
    halfway through writing a result: the pool's manager thread then reads the rest of that message for ever
    (this process holds the pipe's write end too: no end-of-file comes) and no future ever resolves. So while
    waiting, the workers are watched: one dead for DEAD_WORKER_GRACE seconds without the pool breaking, the pool
    is ended (`terminate_workers`, which ends that read) and the future fails like any broken pool's."""
    dead_since: float | None = None
    while True:
        done, _ = await asyncio.wait({future}, timeout=1.0)
        if done:
            return future.result()
        processes = (getattr(executor, "_processes", None) or {}).values()
        if not any(p.exitcode is not None for p in processes):
            continue
        dead_since = dead_since or time.monotonic()
        if time.monotonic() - dead_since >= DEAD_WORKER_GRACE:
            await asyncio.to_thread(terminate_workers, executor)
            return await future

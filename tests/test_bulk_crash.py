"""A bulk run's worker process that dies (the OOM killer, a crash) halfway through writing its result: the run ends
with the pool broken (BulkError, "a worker died"), never waiting for ever."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pytest

from bot.ingest import bulk_stop
from bot.ingest.bulk_stop import pool_result
from tests.test_bulk import _sleep_then


def _writing(pid: int) -> bool:
    """Whether the process is blocked writing to a pipe (Linux: its wait channel)."""
    with open(f"/proc/{pid}/wchan", encoding="ascii") as f:
        return "pipe_write" in f.read()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")
async def test_a_worker_killed_halfway_through_writing_its_result_breaks_the_pool_instead_of_hanging(
    tmp_path, monkeypatch
):
    """The pool's manager thread reads a result whole: a worker killed halfway through writing one leaves it reading
    the rest for ever (this process holds the pipe's write end too, so no end-of-file comes), and the task's future
    never resolves — the bulk run, not stopped by anyone, waited for ever. Staged for certain: the manager is held
    in the first task's done-callback while the second worker fills the pipe, that worker is SIGKILLed mid-write,
    then the manager is let go. Fails (the hang guard) without `pool_result`'s watch for a dead worker.

    The grace a pool with a dead worker has to break by itself is short here: staged this way the pool never breaks
    by itself, and the test waited the bot's 5 s out each run (of ~6 s of its wall not spent on its CPU)."""
    monkeypatch.setattr(bulk_stop, "DEAD_WORKER_GRACE", 0.2)
    executor = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"))
    held, release = threading.Event(), threading.Event()

    def hold(_future: object) -> None:
        held.set()
        release.wait(120)

    marker = tmp_path / "writing"
    first = executor.submit(_sleep_then, 1.0, 10)
    second = executor.submit(_sleep_then, 3.0, 64_000_000, str(marker))
    processes = list(executor._processes.values())
    first.add_done_callback(hold)
    try:
        deadline = time.monotonic() + 120
        while not (held.is_set() and marker.exists() and any(_writing(p.pid) for p in processes if p.is_alive())):
            assert time.monotonic() < deadline, "the tasks never ran"
            await asyncio.sleep(0.05)
        writer = next(p for p in processes if p.is_alive() and _writing(p.pid))
        os.kill(writer.pid, signal.SIGKILL)
        writer.join(timeout=30)
        release.set()
        with pytest.raises(BrokenProcessPool):
            await asyncio.wait_for(pool_result(asyncio.wrap_future(second), executor), timeout=90)  # a hang guard
    finally:
        release.set()
        for p in processes:
            if p.is_alive():
                p.kill()
        # the manager thread of the unfixed pool stays stuck: end its read the way terminate_workers does
        writer_end = getattr(executor._result_queue, "_writer", None)
        if writer_end is not None:
            writer_end.close()

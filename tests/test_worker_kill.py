"""A real `python -m bot worker` process SIGKILLed inside a job, on both backends: the job's document is not
half there, the lease expires (the dead worker no longer renews it), another worker process retries the job,
and the document is stored once.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.store import Store, jobs
from tests import forked
from tests.paused_worker import PAUSED
from tests.test_worker import T0, article, counts

ROOT = Path(__file__).resolve().parents[1]
LEASE_SECONDS = 3


def worker(target: str, name: str, *, paused: bool = False) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env["NEWSDESK_JOB_LEASE"] = str(LEASE_SECONDS)
    env["NEWSDESK_WORKER_IDLE"] = "0.2"  # an idle worker looks for work again soon after the lease expires
    module = "tests.paused_worker" if paused else "bot"
    return forked.Popen(
        [sys.executable, "-m", module, "--db", target, "worker", "--name", name],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


def wait_for_line(proc: subprocess.Popen, line: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 1.0)
        if ready:
            got = proc.stdout.readline().decode()
            if got.strip() == line:
                return
            assert got, f"the worker exited (code {proc.poll()}) before saying {line!r}"
    raise AssertionError(f"no {line!r} within {timeout} s")


async def wait_for_state(store: Store, job_id: int, state: str, timeout: float) -> jobs.JobState:
    import asyncio

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = await jobs.job_state(store, job_id)
        if current is not None and current.state == state:
            return current
        await asyncio.sleep(0.1)
    raise AssertionError(f"job {job_id} is {current.state if current else None}, not {state}, after {timeout} s")


async def _instant(store: Store, sql: str, *params: object) -> datetime | None:
    row = await store.fetchone(sql, params)
    value = row["at"] if row is not None else None
    return datetime.fromisoformat(value) if value else None


async def renewed_past(store: Store, job_id: int, first: datetime, timeout: float) -> datetime:
    """Wait until the job's first lease has run out on the clock and its lease reaches past it again (renewed
    by the heartbeat); the renewed expiry."""
    import asyncio

    deadline = time.monotonic() + timeout
    sql = "SELECT lease_until AS at FROM jobs WHERE id = ?"
    while True:
        lease_until = await _instant(store, sql, job_id)
        if datetime.now(UTC) > first and lease_until is not None and lease_until > first:
            return lease_until
        assert time.monotonic() < deadline, f"the lease of job {job_id} was not renewed past {first} in {timeout} s"
        await asyncio.sleep(0.1)


async def test_a_worker_process_killed_inside_its_write_is_retried_by_another(store: Store, seeded_target: str):

    before = await counts(store)
    job_id = await jobs.enqueue(store, "ingest_text", {"text": article(7), "name": "seven.txt"}, key="k7", now=T0)
    dying = worker(seeded_target, "dying", paused=True)
    survivor = None
    try:
        wait_for_line(dying, PAUSED, timeout=300)  # inside the job's transaction, every row written
        state = await jobs.job_state(store, job_id)
        assert (state.state, state.owner, state.attempts) == ("running", "dying", 1)
        assert await counts(store) == before  # not committed: nobody sees any of it
        survivor = worker(seeded_target, "survivor")
        if store.skip_locked:  # PostgreSQL: the paused worker's heartbeat keeps its lease while it lives
            first = await _instant(store, "SELECT lease_until AS at FROM jobs WHERE id = ?", job_id)
            assert first is not None
            await renewed_past(store, job_id, first, timeout=60)  # without a heartbeat it would have expired
            state = await jobs.job_state(store, job_id)
            assert (state.state, state.owner) == ("running", "dying")
        dying.send_signal(signal.SIGKILL)
        assert dying.wait(timeout=30) == -signal.SIGKILL
        done = await wait_for_state(store, job_id, "done", timeout=300)
        assert (done.owner, done.attempts, done.result["status"]) == ("survivor", 2, "added")
    finally:
        for proc in (dying, survivor):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
    after = await counts(store)
    assert after["documents"] == before["documents"] + 1
    assert after["passages"] - before["passages"] == after["passage_fts"] - before["passage_fts"] > 0
    row = await store.fetchone("SELECT count(*) AS n FROM documents WHERE name = ?", ("seven.txt",))
    assert row["n"] == 1

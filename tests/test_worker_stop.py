"""A real `python -m bot worker` process stopped as a supervisor stops it (SIGTERM; SIGINT alike), on both backends:
the job in progress is finished, the worker's leases are released, and it exits at once with 128 + the signal —
never killed halfway by the signal's default action, its job left "running" until its lease expires."""

from __future__ import annotations

import signal

from bot.store import Store, jobs
from tests import forked
from tests.test_feed_stop import stopped_worker
from tests.test_worker import T0, article


async def test_a_worker_stopped_by_sigterm_in_a_job_finishes_it_and_releases_its_leases(
    store: Store, seeded_target: str
):
    """Staged: the test build sends itself SIGTERM as it starts running the job. Before, SIGTERM's default action
    ended the process there (exit -15): the job stayed "running", retried only once its lease (300 s) expired,
    and the worker's presence lease told the bot a dead worker was alive."""
    job_id = await jobs.enqueue(store, "ingest_text", {"text": article(9), "name": "nine.txt"}, key="k9", now=T0)
    code, err = stopped_worker(seeded_target, "term-in-job")
    assert code == 128 + signal.SIGTERM, err.decode(errors="replace")[-2000:]
    assert b"Traceback" not in err, err.decode(errors="replace")
    state = await jobs.job_state(store, job_id)
    assert state is not None and (state.state, state.owner, state.attempts) == ("done", "w", 1)
    assert state.result["status"] == "added"
    assert await store.fetchall("SELECT name FROM leases WHERE owner = ?", ("w",)) == []


async def test_a_job_cancelled_by_a_second_stop_is_queued_again_at_once(store: Store, seeded_target: str):
    """A stop that cannot wait (a second signal, or the grace run out) cancels the job in progress: its write is
    rolled back and the job is queued again for any worker at once. Before, it stayed "running" under its dead
    owner's lease, retried only once the lease expired (300 s by default). Staged with the test build that pauses
    inside its document write (tests/paused_worker.py), so the first stop's wait cannot end by itself."""
    import os
    import select
    import subprocess
    import sys
    import time

    from tests.paused_worker import PAUSED
    from tests.test_feed_stop import ROOT
    from tests.test_worker import counts

    before = await counts(store)
    job_id = await jobs.enqueue(store, "ingest_text", {"text": article(8), "name": "eight.txt"}, key="k8", now=T0)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(NEWSDESK_WORKER_IDLE="0.1", NEWSDESK_LOG_LEVEL="INFO")
    proc = forked.Popen(
        [sys.executable, "-m", "tests.paused_worker", "--db", seeded_target, "worker", "--name", "w"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    try:
        assert proc.stdout.readline().decode().strip() == PAUSED  # inside the job's write transaction
        proc.send_signal(signal.SIGTERM)
        deadline, heard = time.monotonic() + 120, b""
        while b"SIGTERM: finishing" not in heard:  # the first stop is heard: it waits for the job
            assert time.monotonic() < deadline and proc.poll() is None, heard.decode(errors="replace")
            if select.select([proc.stderr], [], [], 1.0)[0]:
                heard += proc.stderr.readline()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=120)
        err = heard + proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    assert code == 128 + signal.SIGTERM, err.decode(errors="replace")[-2000:]
    assert b"Traceback" not in err, err.decode(errors="replace")
    state = await jobs.job_state(store, job_id)
    assert state is not None and (state.state, state.owner) == ("queued", None)
    assert await counts(store) == before  # nothing of the cancelled write
    assert await store.fetchall("SELECT name FROM leases WHERE owner = ?", ("w",)) == []

"""`python -m bot worker`: jobs handed over through the database, on both backends.

A worker that dies mid-job leaves no part of the document, and its job is done by another worker once
the lease expires; two worker processes on one store do each job once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import bot.store.store as store_module
from bot.store import Store, jobs
from bot.worker import Worker
from tests import forked
from tests.test_discord_support import make_settings

ROOT = Path(__file__).resolve().parents[1]
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def article(n: int) -> str:
    return (
        f"第{n}回の協議、黒海の航行で前進\n\n"
        f"米国とウクライナの代表団は2025年3月{n % 28 + 1}日、第{n}回の協議を行い、黒海での航行の安全について話し合った。"
        f"ルビオ国務長官は「第{n}回の協議は建設的だった」と述べた。\n"
    )


async def counts(store: Store) -> dict[str, int]:
    out = {}
    for table in ("documents", "passages", "passage_fts", "events", "statements", "mentions"):
        row = await store.fetchone(f"SELECT count(*) AS n FROM {table}")
        out[table] = int(row["n"])
    return out


async def test_a_worker_killed_mid_job_leaves_nothing_and_another_does_the_job(
    store, other, seeded_target, monkeypatch
):
    before = await counts(store)
    job_id = await jobs.enqueue(store, "ingest_text", {"text": article(1), "name": "one.txt"}, key="one", now=T0)
    dying = Worker(store, make_settings(seeded_target), owner="dying", clock=lambda: T0)
    write = store_module.Store._write_document

    async def killed(self, db, item, same_event, _fail_after):  # type: ignore[no-untyped-def]
        if self is store:  # the dying worker's process stops after writing the passages
            await write(self, db, item, same_event, "passages")
        return await write(self, db, item, same_event, _fail_after)

    monkeypatch.setattr(store_module.Store, "_write_document", killed)
    job = await jobs.claim(store, "dying", now=T0)
    with pytest.raises(RuntimeError, match="simulated crash"):
        await dying.run_job(job)  # it dies here: it never records the job's end
    assert await counts(store) == before  # no partial document
    assert (await jobs.job_state(store, job_id)).state == "running"

    later = T0 + jobs.LEASE + timedelta(seconds=1)
    survivor = Worker(other, make_settings(seeded_target), owner="survivor", clock=lambda: later)
    assert await survivor.do_one_job()
    state = await jobs.job_state(other, job_id)
    assert (state.state, state.owner, state.attempts, state.result["status"]) == ("done", "survivor", 2, "added")
    after = await counts(other)
    assert after["documents"] == before["documents"] + 1
    assert after["passages"] - before["passages"] == after["passage_fts"] - before["passage_fts"] > 0
    assert not await survivor.do_one_job()


async def test_a_failing_job_is_recorded_and_the_worker_goes_on(store, seeded_target):
    bad = await jobs.enqueue(store, "no_such_kind", {}, key="bad", now=T0)
    good = await jobs.enqueue(store, "ingest_text", {"text": article(2), "name": "two.txt"}, key="two", now=T0)
    worker = Worker(store, make_settings(seeded_target), owner="w", clock=lambda: T0)
    assert await worker.run(drain=True) == 2
    assert (await jobs.job_state(store, bad)).state == "failed"
    assert (await jobs.job_state(store, good)).result["status"] == "added"
    # what the bot waiting on each job gets: the failure named with the worker's error, the other's result
    from bot.services.handoff import JobFailed, outcome

    with pytest.raises(JobFailed) as failed:
        await outcome(store, bad, poll=0.01, wait=30)
    assert str(failed.value) == f"job {bad} failed: {(await jobs.job_state(store, bad)).error}"
    assert "no_such_kind" in str(failed.value)
    assert (await outcome(store, good, poll=0.01, wait=30)).status == "added"


async def test_two_worker_processes_do_each_job_once(store, seeded_target):
    before = (await counts(store))["documents"]
    ids = [
        await jobs.enqueue(store, "ingest_text", {"text": article(n), "name": f"{n}.txt"}, key=f"a{n}", now=T0)
        for n in range(20)
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    procs = [
        forked.Popen(
            [sys.executable, "-m", "bot", "--db", seeded_target, "worker", "--drain", "--name", name],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for name in ("w1", "w2")
    ]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()[-2000:]
    states = [await jobs.job_state(store, i) for i in ids]
    assert {s.state for s in states} == {"done"}
    assert all(s.attempts == 1 for s in states)  # none was done twice
    assert {s.result["status"] for s in states} == {"added"}
    assert (await counts(store))["documents"] == before + 20
    assert {s.owner for s in states} <= {"w1", "w2"}


def test_enqueue_from_the_command_line_then_a_worker_drains(tmp_path, seeded_db, capsys):
    from bot.terminal.cli import main

    db = str(seeded_db)  # the seeds, copied from the session's template (not ingested again)
    (tmp_path / "a.txt").write_text(article(3), encoding="utf-8")
    assert main(["--db", db, "enqueue", str(tmp_path / "a.txt"), str(tmp_path / "a.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[0].split()[2] == out[1].split()[2]  # the same file twice: one job
    assert main(["--db", db, "enqueue", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    done = forked.run(
        [sys.executable, "-m", "bot", "--db", db, "worker", "--drain"], cwd=ROOT, env=env, capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert main(["--db", db, "sources"]) == 0
    assert "第3回の協議" in capsys.readouterr().out


def test_run_takes_this_process_s_shards(tmp_path, monkeypatch, capsys):
    import commands.client
    from bot.__main__ import main

    seen = []
    monkeypatch.setattr(commands.client, "run", lambda settings, **kw: seen.append(kw) or 0)
    db = str(tmp_path / "s.db")
    assert main(["--db", db, "run", "--shard-ids", "0,2", "--shard-count", "4"]) == 0
    assert main(["--db", db, "run"]) == 0
    assert seen == [{"shard_ids": [0, 2], "shard_count": 4}, {}]
    assert main(["--db", db, "run", "--shard-ids", "3", "--shard-count", "2"]) == 2
    assert main(["--db", db, "run", "--shard-ids", "1"]) == 2
    assert capsys.readouterr().err.count("--shard-ids and --shard-count go together") == 2
    with pytest.raises(SystemExit) as e:
        main(["--db", db, "run", "--shard-ids", "0,x"])
    assert e.value.code == 2 and "shard ids are numbers" in capsys.readouterr().err


def test_the_terminal_front_end_alone_does_not_start_the_discord_one(tmp_path, monkeypatch, capsys):
    """Only the composition root (`bot/__main__.py`) hands `run` to the Discord front end."""
    import commands.client
    from bot.terminal.cli import main

    monkeypatch.setattr(commands.client, "run", lambda settings, **kw: 0)
    assert main(["--db", str(tmp_path / "s.db"), "run"]) == 2
    assert "python -m bot run" in capsys.readouterr().err


def test_the_idle_wait_and_the_lease_come_from_the_environment(monkeypatch):
    from bot.config import Settings

    for name in ("NEWSDESK_WORKER_IDLE", "NEWSDESK_JOB_LEASE"):
        monkeypatch.delenv(name, raising=False)
    assert (Settings.from_env().worker_idle, Settings.from_env().job_lease) == (1.0, 300.0)
    monkeypatch.setenv("NEWSDESK_WORKER_IDLE", "0.05")
    monkeypatch.setenv("NEWSDESK_JOB_LEASE", "3")
    assert (Settings.from_env().worker_idle, Settings.from_env().job_lease) == (0.05, 3.0)
    for bad in ("soon", "0", "-1"):  # not a positive number of seconds: the default
        monkeypatch.setenv("NEWSDESK_WORKER_IDLE", bad)
        assert Settings.from_env().worker_idle == 1.0


async def test_an_idle_worker_waits_its_setting_between_rounds(store, seeded_target, monkeypatch):
    import asyncio

    import bot.worker as worker_module

    waits: list[float] = []
    stop = asyncio.Event()
    real_wait_for = asyncio.wait_for

    async def recorded(waited, timeout: float):  # type: ignore[no-untyped-def]
        frame = getattr(waited, "cr_frame", None)
        if frame is None or frame.f_locals.get("self") is not stop:  # another wait_for (the database's)
            return await real_wait_for(waited, timeout)
        # the idle wait: the stop's, at most the setting's seconds (a stop ends it early)
        waits.append(timeout)
        if len(waits) == 2:
            stop.set()
        return await real_wait_for(waited, 0)

    monkeypatch.setattr(worker_module.asyncio, "wait_for", recorded)
    worker = Worker(store, make_settings(seeded_target, worker_idle=0.25), owner="idle", clock=lambda: T0)
    assert await worker.run(stop=stop) == 0
    assert waits == [0.25, 0.25]


async def test_a_job_stopped_just_after_its_write_says_added_when_retried(store, seeded_target, monkeypatch):
    """A worker stopped after the grace is cancelled wherever it is: just after its document's commit, the job
    was given back (its write taken for rolled back) and the retry found the document stored, so the user who
    added it read "already stored". The retry now tells its own earlier write as added; a document that was
    there before the job was queued, or that someone else added, stays a duplicate."""
    import asyncio

    worker = Worker(store, make_settings(seeded_target), owner="w", clock=lambda: datetime.now(UTC))
    add = store_module.Store.add_document

    async def stopped_after_commit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        await add(self, *args, **kwargs)
        raise asyncio.CancelledError  # the cancel arrives as the commit returns

    mine = {"text": article(5), "title": "五回目", "added_by": "discord:1", "guild_id": 7}
    job_id = await jobs.enqueue(store, "add_text", mine, now=datetime.now(UTC))
    with monkeypatch.context() as m:
        m.setattr(store_module.Store, "add_document", stopped_after_commit)
        with pytest.raises(asyncio.CancelledError):
            await worker.do_one_job()
    assert (await jobs.job_state(store, job_id)).state == "queued"  # given back
    assert await worker.do_one_job()
    state = await jobs.job_state(store, job_id)
    doc = await store.fetchone("SELECT id FROM documents WHERE title = ?", ("五回目",))
    assert (state.attempts, state.result["status"], state.result["document_id"]) == (2, "added", doc["id"])
    assert state.result["passages"] > 0

    # the same text again in retried jobs: by the same hand but queued after the document was stored, and by
    # someone else's hand
    for payload, queued in ((mine, datetime.now(UTC)), ({**mine, "added_by": "discord:2"}, T0)):
        again = await jobs.enqueue(store, "add_text", payload, now=queued)
        claimed = await jobs.claim(store, "gone", now=datetime.now(UTC))
        assert claimed is not None and claimed.id == again and await jobs.give_back(store, claimed, "gone")
        assert await worker.do_one_job()
        state = await jobs.job_state(store, again)
        assert (state.attempts, state.result["status"]) == (2, "duplicate")

"""The small services of the `services.upkeep` mutation target (claims upkeep, the server list, the worker's
handoff) on what their earlier tests left unasserted (branch mut28, tests/MUTATION.md): each test here failed on
a mutant that survived the target's run, and asserts what the operator or the bot sees, on a small store."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime, timedelta

import pytest

from bot.ingest.bulk import BulkProgress
from bot.job_results import to_payload
from bot.models import IngestResult
from bot.services import claims
from bot.services.guilds import GuildInfo, known_guilds, mark_left, reconcile, remove_guild
from bot.services.handoff import JobFailed, archive_from_payload, archive_payload, hand_over, outcome
from bot.store import jobs
from bot.store.digests import read_settings, save_settings
from bot.store.feeds import add_feed, read_feeds
from tests.test_claims_upkeep import _make_outdated
from tests.test_store_claims import _add

NOW = "2026-12-02T00:00:00+00:00"


async def test_removing_a_server_with_settings_only_removes_them_and_reports_what_it_held(store) -> None:  # type: ignore[no-untyped-def]
    """A server that added a feed and set a digest but stored no document is a known server; removing it
    takes its feed and digest settings away (and only its own) and says what it held."""
    for guild in (11, 22):
        await add_feed(store, guild, f"https://feeds.example/{guild}.xml", "t", "admin", NOW)
        await save_settings(store, guild, 5, "08:00", "Asia/Tokyo", "ja", NOW)
    removed = await remove_guild(store, 11)
    assert removed == GuildInfo(11, documents=0, feeds=1, digest=True)
    assert [g.guild_id for g in await known_guilds(store)] == [22]
    assert await read_feeds(store, guild_id=11) == [] and await read_settings(store, 11) is None
    assert await read_settings(store, 22) is not None


async def test_removing_a_server_the_store_holds_nothing_of_reports_an_empty_server(store) -> None:  # type: ignore[no-untyped-def]
    await save_settings(store, 22, 5, "08:00", "Asia/Tokyo", "ja", NOW)
    assert await remove_guild(store, 33) == GuildInfo(33)  # its id, nothing counted
    assert [g.guild_id for g in await known_guilds(store)] == [22]


def test_a_zip_uploads_final_counts_come_back_from_the_worker_as_they_ended() -> None:
    """The worker keeps a zip upload's outcome as JSON in the jobs table; the bot reads it back as the bulk run
    its own process would have ended with: the same counts, refusals and examples, finished, as long as it took."""
    refusal = IngestResult.refused_because("b.exe", "file.type", suffix=".exe")
    ended = BulkProgress(
        total=4,
        done=3,
        added=1,
        duplicates=1,
        refused=1,
        started=time.monotonic() - 42.0,
        finished=True,
        reasons={"file.type": 1},
        examples={"file.type": refusal},
    )
    back = archive_from_payload(json.loads(json.dumps(archive_payload(ended))))
    assert (back.total, back.done, back.added, back.duplicates, back.refused) == (4, 3, 1, 1, 1)
    assert back.finished is True and back.stopped is None
    assert back.reasons == {"file.type": 1}
    assert {k: to_payload(r) for k, r in back.examples.items()} == {"file.type": to_payload(refusal)}
    assert 42.0 <= back.elapsed < 42.0 + 3600  # it took the worker's time, not a negative one


async def test_a_failed_claims_rebuild_is_logged_with_its_traceback_never_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The bot and every worker run the rebuild in the background: a failure must not end them, and the operator's
    log says what failed (the exception and where), not only that something did."""

    async def broken(*_: object) -> None:
        raise RuntimeError("the claims table is locked")

    monkeypatch.setattr(claims, "count_outdated", broken)
    with caplog.at_level(logging.INFO, logger="bot.services.claims"):
        await claims.keep_claims_current(object(), "w", clock=lambda: datetime(2026, 12, 2, tzinfo=UTC))  # type: ignore[arg-type]
    [record] = [r for r in caplog.records if r.name == "bot.services.claims"]
    assert (record.levelno, record.getMessage()) == (logging.WARNING, "could not rebuild the stored claims")
    assert record.exc_info is not None and isinstance(record.exc_info[1], RuntimeError)


async def test_a_job_no_worker_ended_in_time_has_no_outcome_yet(store) -> None:  # type: ignore[no-untyped-def]
    """The bot stops waiting for a queued ingestion after `wait` seconds: no outcome (None), not an error."""
    job_id = await hand_over(store, "add_text", {"text": "本文", "name": "a.txt"})
    assert await outcome(store, job_id, poll=0.0, wait=0.0) is None


async def test_a_job_that_is_gone_or_failed_with_a_result_is_a_failure_named_as_such(store) -> None:  # type: ignore[no-untyped-def]
    """A job removed from the queue is a failure that says so; a job its worker recorded as failed is a failure
    even when the worker kept a (partial) result beside its error: the bot never reads it as an outcome."""
    with pytest.raises(JobFailed) as gone:
        await outcome(store, 9999, poll=0.0, wait=0.0)
    assert str(gone.value) == "job 9999 is gone"
    now = datetime(2026, 12, 2, tzinfo=UTC)
    job_id = await hand_over(store, "add_text", {"text": "本文", "name": "a.txt"}, now=now)
    job = await jobs.claim(store, "w", now=now)
    assert job is not None and job.id == job_id
    assert await jobs.finish(store, job, "w", now=now, result={"status": "added", "name": "a.txt"}, error="crashed")
    with pytest.raises(JobFailed) as failed:
        await outcome(store, job_id, poll=0.0, wait=0.0)
    assert str(failed.value) == f"job {job_id} failed: crashed"


async def test_reconciling_marks_only_this_processs_servers_and_only_changes(store) -> None:  # type: ignore[no-untyped-def]
    """On connecting: a server of another shard's (listed first) is skipped, not the end of the list; a server
    that is there and was never marked removed is not 'marked back'."""
    for guild in (11, 22, 33):
        await save_settings(store, guild, 5, "08:00", "Asia/Tokyo", "ja", NOW)
    await mark_left(store, 33, NOW)
    gone, back = await reconcile(store, present=[33, 44], at=NOW, ours=lambda guild_id: guild_id != 11)
    assert (gone, back) == ([22], [33])
    assert [(g.guild_id, g.left_at) for g in await known_guilds(store)] == [(11, None), (22, NOW), (33, None)]
    assert await reconcile(store, present=[11, 33], at=NOW) == ([], [])  # 22 stays marked; 11 and 33 are there


async def test_the_claims_lease_is_renewed_after_each_chunk_rebuilt(store, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A long rebuild keeps other processes off by renewing its lease after every chunk: a process that died
    right after its last chunk (its lease never released) holds it for a full lease from that chunk on, not from
    when it started."""
    await _make_outdated(store, await _add(store))
    start = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    chunk_done = start + jobs.LEASE - timedelta(minutes=1)
    moments = iter([start, chunk_done])  # the lease taken, then renewed after the one chunk

    async def died_before_release(*_: object) -> None:
        return None

    monkeypatch.setattr(jobs, "release_lease", died_before_release)
    done = await claims.refresh_outdated_claims(store, "a", clock=lambda: next(moments))
    assert done is not None and done.rebuilt == 1
    past_first_lease = start + jobs.LEASE + timedelta(minutes=1)
    assert not await jobs.take_lease(store, claims.CLAIMS_LEASE, "b", now=past_first_lease)
    assert await jobs.take_lease(store, claims.CLAIMS_LEASE, "b", now=chunk_done + jobs.LEASE + timedelta(seconds=1))

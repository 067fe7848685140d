"""Jobs, leases and digest claims (bot/store/jobs.py) on both backends, two stores standing for two processes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.store import Store, jobs

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


async def test_the_same_key_is_one_job(store):
    a = await jobs.enqueue(store, "ingest_url", {"url": "https://example.com/a"}, key="url:a", now=T0)
    b = await jobs.enqueue(store, "ingest_url", {"url": "https://example.com/a"}, key="url:a", now=T0)
    c = await jobs.enqueue(store, "ingest_url", {"url": "https://example.com/b"}, key="url:b", now=T0)
    assert a == b != c


async def test_two_workers_claim_every_job_once(store, other):
    ids = [await jobs.enqueue(store, "noop", {"n": n}, key=f"n:{n}", now=T0) for n in range(30)]

    async def work(s: Store, owner: str) -> list[int]:
        done = []
        while (job := await jobs.claim(s, owner, now=T0)) is not None:
            done.append(job.id)
            assert await jobs.finish(s, job, owner, now=T0, result={"ok": True})
            await asyncio.sleep(0)
        return done

    a, b = await asyncio.gather(work(store, "a"), work(other, "b"))
    assert sorted(a + b) == ids  # each job once, none lost
    assert not set(a) & set(b)
    states = {(await jobs.job_state(store, i)).state for i in ids}
    assert states == {"done"}


async def test_a_dead_workers_job_is_retried_by_another_after_its_lease(store, other):
    job_id = await jobs.enqueue(store, "noop", {}, key="k", now=T0)
    first = await jobs.claim(store, "dead", now=T0, lease=timedelta(minutes=5))
    assert first is not None and first.id == job_id and first.attempts == 1
    assert await jobs.claim(other, "alive", now=T0 + timedelta(minutes=4)) is None  # still leased
    again = await jobs.claim(other, "alive", now=T0 + timedelta(minutes=6))
    assert again is not None and again.id == job_id and again.attempts == 2
    assert not await jobs.finish(store, first, "dead", now=T0 + timedelta(minutes=7))  # lost its lease
    assert await jobs.finish(other, again, "alive", now=T0 + timedelta(minutes=7), result={"document_id": 9})
    state = await jobs.job_state(store, job_id)
    assert (state.state, state.owner, state.result) == ("done", "alive", {"document_id": 9})


async def test_a_job_whose_workers_keep_dying_is_failed(store):
    job_id = await jobs.enqueue(store, "noop", {}, key="k", now=T0)
    now = T0
    for _ in range(jobs.MAX_ATTEMPTS):
        assert (await jobs.claim(store, "w", now=now, lease=timedelta(minutes=1))).id == job_id
        now += timedelta(minutes=2)
    assert await jobs.claim(store, "w", now=now) is None
    state = await jobs.job_state(store, job_id)
    assert state.state == "failed" and state.attempts == jobs.MAX_ATTEMPTS and "too many" in state.error


async def test_a_lease_has_one_holder_until_it_expires(store, other):
    assert await jobs.take_lease(store, "feed:1", "a", now=T0, lease=timedelta(minutes=1))
    assert not await jobs.take_lease(other, "feed:1", "b", now=T0 + timedelta(seconds=30))
    assert await jobs.take_lease(store, "feed:1", "a", now=T0 + timedelta(seconds=30), lease=timedelta(minutes=1))
    assert await jobs.take_lease(other, "feed:2", "b", now=T0)  # another name is free
    assert await jobs.take_lease(other, "feed:1", "b", now=T0 + timedelta(minutes=3))  # expired: taken over
    await jobs.release_lease(other, "feed:1", "b")
    assert await jobs.take_lease(store, "feed:1", "a", now=T0 + timedelta(minutes=3))


async def test_twenty_days_of_digests_are_claimed_once_per_server_and_day(store, other):
    claimed: dict[tuple[int, str], list[str]] = {}
    for day in range(20):
        now = T0 + timedelta(days=day)
        key_day = now.date().isoformat()
        for guild in (1, 2, 3):
            a, b = await asyncio.gather(
                jobs.claim_digest(store, guild, key_day, "a", now=now),
                jobs.claim_digest(other, guild, key_day, "b", now=now),
            )
            winners = [o for o, c in (("a", a), ("b", b)) if c.ours]
            claimed[(guild, key_day)] = winners
            s = store if winners == ["a"] else other
            assert await jobs.digest_posted(s, guild, key_day, winners[0], [day * 10 + guild], now=now)
            again = await jobs.claim_digest(other, guild, key_day, "b", now=now + timedelta(hours=1))
            assert not again.ours and again.posted
    assert len(claimed) == 60 and all(len(w) == 1 for w in claimed.values())


async def test_a_claim_left_unposted_is_recovered_with_the_same_nonces(store, other):
    assert (await jobs.claim_digest(store, 1, "2025-03-01", "dead", now=T0)).ours
    soon = await jobs.claim_digest(other, 1, "2025-03-01", "b", now=T0 + timedelta(minutes=1))
    assert not soon.ours and not soon.posted  # the owner may still be posting
    later = await jobs.claim_digest(other, 1, "2025-03-01", "b", now=T0 + timedelta(minutes=10))
    assert later.ours and later.recovered
    assert not await jobs.digest_posted(store, 1, "2025-03-01", "dead", [1], now=T0 + timedelta(minutes=11))
    assert await jobs.digest_posted(other, 1, "2025-03-01", "b", [2], now=T0 + timedelta(minutes=11))


def test_digest_nonces_are_deterministic_and_short():
    a = jobs.digest_nonce(123456789012345678, "2025-03-01", 0)
    assert a == jobs.digest_nonce(123456789012345678, "2025-03-01", 0)
    assert a != jobs.digest_nonce(123456789012345678, "2025-03-01", 1)
    assert a != jobs.digest_nonce(123456789012345678, "2025-03-02", 0)
    assert len(a) <= 25 and a.isdigit()


async def test_a_renewed_lease_keeps_the_job_and_a_lost_one_cannot_be_renewed(store, other):
    job_id = await jobs.enqueue(store, "noop", {}, key="k", now=T0)
    job = await jobs.claim(store, "a", now=T0, lease=timedelta(minutes=1))
    assert await jobs.renew(store, job, "a", now=T0 + timedelta(seconds=50), lease=timedelta(minutes=1))
    assert await jobs.claim(other, "b", now=T0 + timedelta(seconds=90)) is None  # renewed until 1:50
    taken = await jobs.claim(other, "b", now=T0 + timedelta(minutes=2))
    assert taken is not None and taken.id == job_id
    assert not await jobs.renew(store, job, "a", now=T0 + timedelta(minutes=2))


async def test_workers_alive_counts_unexpired_presence_leases(store, other):
    assert await jobs.workers_alive(store, now=T0) == 0
    await jobs.take_lease(store, jobs.WORKER_LEASE + "a", "a", now=T0, lease=timedelta(seconds=30))
    await jobs.take_lease(other, jobs.WORKER_LEASE + "b", "b", now=T0, lease=timedelta(seconds=90))
    await jobs.take_lease(other, "feed:1", "b", now=T0, lease=timedelta(seconds=90))  # not a worker
    assert await jobs.workers_alive(other, now=T0 + timedelta(seconds=10)) == 2
    assert await jobs.workers_alive(store, now=T0 + timedelta(seconds=60)) == 1
    await jobs.release_lease(other, jobs.WORKER_LEASE + "b", "b")
    assert await jobs.workers_alive(store, now=T0 + timedelta(seconds=10)) == 1

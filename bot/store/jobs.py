"""Work handed over through the database, and what must happen once across processes (schema 8).

- **Jobs**: `enqueue` a kind and a JSON payload; a worker `claim`s the oldest ready job with a lease
  (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so concurrent workers take different jobs; SQLite: its write
  lock does the same for one process). A job whose worker died is ready again once its lease expires:
  another worker claims it, its attempts counted; after MAX_ATTEMPTS it is failed. A job's writes are
  the store's one-transaction writes, so a worker killed mid-job leaves no partial document.
- **Leases**: one holder at a time for a named thing (a feed being polled), taken over when expired.
- **Digest claims**: one row per (server, local day), written before posting; the message ids after.

Times are UTC ISO strings (microseconds), given by the caller so that tests can move the clock.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.instants import iso_utc
from bot.store.store import Store

MAX_ATTEMPTS = 3
LEASE = timedelta(minutes=5)


@dataclass(slots=True)
class Job:
    id: int
    kind: str
    payload: dict[str, Any]
    attempts: int


@dataclass(slots=True)
class JobState:
    id: int
    kind: str
    state: str  # queued | running | done | failed
    attempts: int
    owner: str | None
    result: dict[str, Any] | None
    error: str | None


async def enqueue(store: Store, kind: str, payload: dict[str, Any], *, key: str | None = None, now: datetime) -> int:
    """Add a job (or find the one already asked for with the same key); returns its id."""
    async with store.queue_transaction() as db:
        cur = await db.execute(
            "INSERT INTO jobs(kind, key, payload, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO NOTHING RETURNING id",
            (kind, key, json.dumps(payload, ensure_ascii=False), iso_utc(now)),
        )
        rows = await cur.fetchall()
        row = rows[0] if rows else None
        if row is not None:
            return int(row["id"])
        row = await (await db.execute("SELECT id FROM jobs WHERE key = ?", (key,))).fetchone()
        return int(row["id"])


async def claim(store: Store, owner: str, *, now: datetime, lease: timedelta = LEASE) -> Job | None:
    """The oldest ready job (queued, or running with an expired lease), leased to `owner`; None when none is."""
    async with store.queue_transaction() as db:
        # A job whose lease expired MAX_ATTEMPTS times is given up.
        await db.execute(
            "UPDATE jobs SET state = 'failed', error = 'its worker stopped before finishing, too many times',"
            " finished_at = ? WHERE state = 'running' AND lease_until < ? AND attempts >= ?",
            (iso_utc(now), iso_utc(now), MAX_ATTEMPTS),
        )
        cur = await db.execute(
            "UPDATE jobs SET state = 'running', owner = ?, lease_until = ?, attempts = attempts + 1"
            " WHERE id = (SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_until < ?)"
            f" ORDER BY id LIMIT 1{store.skip_locked}) RETURNING id, kind, payload, attempts",
            (owner, iso_utc(now + lease), iso_utc(now)),
        )
        rows = await cur.fetchall()
        row = rows[0] if rows else None
    if row is None:
        return None
    return Job(int(row["id"]), row["kind"], json.loads(row["payload"]), int(row["attempts"]))


async def finish(store: Store, job: Job, owner: str, *, now: datetime, result: dict[str, Any] | None = None,
                 error: str | None = None) -> bool:  # fmt: skip
    """Record a job's outcome; False when the lease was lost meanwhile (another worker has it now)."""
    async with store.queue_transaction() as db:
        cur = await db.execute(
            "UPDATE jobs SET state = ?, result = ?, error = ?, finished_at = ?, lease_until = NULL"
            " WHERE id = ? AND owner = ? AND state = 'running'",
            (
                "failed" if error else "done",
                None if result is None else json.dumps(result, ensure_ascii=False),
                error,
                iso_utc(now),
                job.id,
                owner,
            ),
        )
        return cur.rowcount > 0


async def give_back(store: Store, job: Job, owner: str) -> bool:
    """Queue again a job its worker stopped before finishing (its write rolled back): any worker takes it at once,
    not once the lease expires. False when the lease was lost meanwhile."""
    async with store.queue_transaction() as db:
        cur = await db.execute(
            "UPDATE jobs SET state = 'queued', owner = NULL, lease_until = NULL"
            " WHERE id = ? AND owner = ? AND state = 'running'",
            (job.id, owner),
        )
        return cur.rowcount > 0


async def added_by_its_earlier_attempt(store: Store, job: Job, doc_id: int) -> bool:
    """The document was stored by this job's own earlier attempt: a worker stopped just after its write committed
    gave the job back (`give_back`), and the retry found its own document. Told by the document's hand (the
    job's `added_by`) and time (added after the job was queued); only a retried job asks."""
    row = await store.fetchone(
        "SELECT d.added_by, d.added_at, j.created_at FROM documents d, jobs j WHERE d.id = ? AND j.id = ?",
        (doc_id, job.id),
    )
    return row is not None and row["added_by"] == job.payload.get("added_by") and row["added_at"] >= row["created_at"]


async def renew(store: Store, job: Job, owner: str, *, now: datetime, lease: timedelta = LEASE) -> bool:
    """Extend a running job's lease (its worker's heartbeat); False when the lease was lost meanwhile."""
    async with store.queue_transaction() as db:
        cur = await db.execute(
            "UPDATE jobs SET lease_until = ? WHERE id = ? AND owner = ? AND state = 'running'",
            (iso_utc(now + lease), job.id, owner),
        )
        return cur.rowcount > 0


async def job_state(store: Store, job_id: int) -> JobState | None:
    row = await store.fetchone(
        "SELECT id, kind, state, attempts, owner, result, error FROM jobs WHERE id = ?", (job_id,)
    )
    if row is None:
        return None
    result = json.loads(row["result"]) if row["result"] else None
    return JobState(row["id"], row["kind"], row["state"], row["attempts"], row["owner"], result, row["error"])


# --- leases ------------------------------------------------------------------------------------


async def take_lease(store: Store, name: str, owner: str, *, now: datetime, lease: timedelta = LEASE) -> bool:
    """Hold `name` until now + lease, unless someone else holds it still; True when it is ours."""
    async with store.queue_transaction() as db:
        cur = await db.execute(
            "INSERT INTO leases(name, owner, expires_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE"
            " SET owner = excluded.owner, expires_at = excluded.expires_at"
            " WHERE leases.owner = excluded.owner OR leases.expires_at < ? RETURNING owner",
            (name, owner, iso_utc(now + lease), iso_utc(now)),
        )
        return bool(await cur.fetchall())


async def release_lease(store: Store, name: str, owner: str) -> None:
    async with store.queue_transaction() as db:
        await db.execute("DELETE FROM leases WHERE name = ? AND owner = ?", (name, owner))


WORKER_LEASE = "worker:"  # each running worker holds `worker:<owner>`, renewed while it lives


async def workers_alive(store: Store, *, now: datetime) -> int:
    """How many workers hold an unexpired presence lease: the bot hands ingestion over only when one does."""
    row = await store.fetchone(
        "SELECT count(*) AS n FROM leases WHERE name LIKE ? AND expires_at >= ?", (WORKER_LEASE + "%", iso_utc(now))
    )
    return int(row["n"]) if row else 0


# --- digest claims -------------------------------------------------------------------------------


@dataclass(slots=True)
class DigestClaim:
    ours: bool  # this process may post (a new claim, or one whose owner died before posting)
    recovered: bool  # taken over from an owner that stopped between claim and post: send with the same nonces
    posted: bool  # already posted: nothing to do


async def claim_digest(
    store: Store, guild_id: int, day: str, owner: str, *, now: datetime, stale: timedelta = LEASE
) -> DigestClaim:
    """Claim a server's digest for a local day. A claim not marked posted within `stale` is taken over."""
    async with store.queue_transaction() as db:
        cur = await db.execute(
            "INSERT INTO digest_posts(guild_id, day, owner, claimed_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(guild_id, day) DO NOTHING RETURNING owner",
            (guild_id, day, owner, iso_utc(now)),
        )
        if await cur.fetchall():
            return DigestClaim(True, False, False)
        cur = await db.execute(
            "UPDATE digest_posts SET owner = ?, claimed_at = ? WHERE guild_id = ? AND day = ? AND posted_at IS NULL"
            " AND claimed_at < ? RETURNING owner",
            (owner, iso_utc(now), guild_id, day, iso_utc(now - stale)),
        )
        if await cur.fetchall():
            return DigestClaim(True, True, False)
        row = await (
            await db.execute("SELECT posted_at FROM digest_posts WHERE guild_id = ? AND day = ?", (guild_id, day))
        ).fetchone()
        return DigestClaim(False, False, row is not None and row["posted_at"] is not None)


async def digest_posted(
    store: Store, guild_id: int, day: str, owner: str, message_ids: list[int], *, now: datetime
) -> bool:
    async with store.queue_transaction() as db:
        cur = await db.execute(
            "UPDATE digest_posts SET message_ids = ?, posted_at = ? WHERE guild_id = ? AND day = ? AND owner = ?",
            (json.dumps(message_ids), iso_utc(now), guild_id, day, owner),
        )
        return cur.rowcount > 0


def digest_nonce(guild_id: int, day: str, part: int) -> str:
    """The same for every process and every try: Discord (enforce_nonce) posts a nonce's message once."""
    import hashlib

    digest = hashlib.sha256(f"digest:{guild_id}:{day}:{part}".encode()).hexdigest()
    return str(int(digest[:15], 16))  # a nonce is at most 25 characters; a number is what Discord expects

"""Shared fixtures: the seed folder, a seeded database built once per session, and a store on a fresh copy.

- `seeds_dir`  → Path of the shipped seed articles (000–004).
- `seeded_db`  → Path of a fresh copy of a database holding the 5 seeds (the template is built once per
                 run, shared by the xdist workers; each test gets its own copy, so tests may write to it freely).
- `store`      → an open `bot.store.Store` on that copy (closed after the test).
- `backend`    → "sqlite" or "postgresql": every test that takes `store` runs on both.
- `pg_server`  → a PostgreSQL server for the session (tests/pg_server.py), started as an unprivileged
                 user; skipped only when its binaries are absent and NEWSDESK_REQUIRE_PG is unset. Before
                 it starts, servers whose owner process is gone (a run killed with SIGKILL) are swept.
- `pg_url`     → the URL of a fresh, empty database on that server (dropped after the test, like the seeded
                 copies `seeded_target` makes: the server's folder, in /dev/shm where there is one, stays small).
- `httpserver_listen_address` → pytest-httpserver listens on 127.0.0.1 (its default is the name
                 `localhost`): a test that says "127.0.0.1 is refused" meets the address rule, not the
                 `localhost` name rule, and trusting "127.0.0.1:port" trusts the server's own endpoint.

SimCord's settle timeout (how long the simulator waits, in real seconds, for the bot to finish what an
interaction started) is raised from 5 s to 60 s for every test that does not set its own: a `/source add
url:` starts a sandbox worker process, which takes more than 5 s on a loaded 2-core machine. It guards
against a bot that never settles, not against a slow one.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import itertools
import os
import shutil
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.actors import ActorEntry, ActorIndex, load_registry_file
from tests import durations, pg_server, story_cache

# A shell starts a background job (`pytest … &`) with Ctrl-C ignored, and an ignored signal is inherited by every
# process a test starts: a Python child then never turns SIGINT into KeyboardInterrupt, and the tests that stop a
# worker or the console with Ctrl-C would wait for nothing. The tests start their processes as a terminal would.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))


SETTLE_TIMEOUT = 60.0

# Python's compiled-module caches stay on for the run and for every process it starts, even where the
# environment turns them off (PYTHONDONTWRITEBYTECODE=1): otherwise each xdist worker rewrites and compiles all
# ~110 test modules at every collection (measured: 6.8 s of CPU instead of 2.7 s with the cache), and every
# `python -m bot`, worker, bot and sandbox process the tests start compiles what it imports anew. The caches are
# __pycache__ folders, ignored by git.
if ".mutation" not in Path(__file__).resolve().parts:  # mutmut's work copies keep the tool's own setting
    sys.dont_write_bytecode = False
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


# Long tests first, so that under `-n auto` each xdist worker starts on one of them and the short tests fill in
# around them, instead of one long test starting last and holding the suite's end (longest-first scheduling): the
# tests recorded in tests/durations.json (a full run's seconds per test, `python -m tests.durations`) longest
# first; then the files whose tests run real processes for many seconds each (multi-process scenarios, kills,
# locks, the bench and quality runs), so that a new test of theirs not yet recorded comes early too; then the rest,
# in their order.
LONG_FIRST = (
    "test_processes_pg.py",
    "test_bulk.py",
    "test_bench_smoke.py",
    "test_untrusted.py",
    "test_reliability.py",
    "test_bulk_batches.py",
    "test_worker_kill.py",
    "test_worker.py",
    "test_quality_floor.py",
)


def _long_first(item: pytest.Item) -> int:
    name = item.path.name
    return LONG_FIRST.index(name) if name in LONG_FIRST else len(LONG_FIRST)


AUTO_WORKERS_MAX = 8


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto`: two workers per core. A good part of a test's time is spent waiting — for the processes it
    starts (CLI runs, workers, bots, sandboxes), for its PostgreSQL server's answers, for a lock or a lease — and
    with one worker per core that core then idles. Two runs' own per-test seconds replayed through xdist's
    scheduler (branch suite12, 3 December 2026): four workers on two cores end after ~165 s, two after ~253 s,
    for the same CPU. At most AUTO_WORKERS_MAX: each worker starts its own PostgreSQL server and seeds its own
    databases, which on a many-core runner would cost more than the waits it saves. PYTEST_XDIST_AUTO_NUM_WORKERS
    still decides when it is set (None: xdist's own hook reads it)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(AUTO_WORKERS_MAX, 2 * cores)


def pytest_configure(config: pytest.Config) -> None:
    # pytest-xdist's load scheduler (3.x) first hands each worker a run of *consecutive* tests, a quarter of its
    # share (~490 of 3,900 on two workers), and keeps them on that worker: with the long tests collected first,
    # every one of them went to the first worker, which ran them one after another while the others, their
    # share done, stopped — a full run's last minutes on one worker (measured: the last 6 % of the tests took
    # 4 of 6.5 minutes with `-n 4`). One test at a time (two queued per worker) hands them out in turn, as the
    # long-first order means. Only when the run did not choose its own chunk (`--maxschedchunk`).
    if getattr(config.option, "maxschedchunk", 0) is None:
        config.option.maxschedchunk = 1
    config.addinivalue_line("markers", f"{READING_RULES}: {pytest_generate_tests.__doc__.splitlines()[0]}")


# Every test that takes `store` runs on both backends (`backend`). A file of reading rules — positions, relevance,
# polarity by construction, each on sentences written for it — goes through the store only to ingest its text and
# ask the service, the one path the PostgreSQL store's own tests hold to SQLite's: the same rows from the same
# documents (tests/test_backend_rows.py), the same `--about` reports (tests/test_stance_about.py and
# test_stance_about_reports.py, test_store_claims.py, each on both). Its PostgreSQL cases re-ran the SQLite cases'
# logic on another server (83 cases, ~9.5 s of CPU a run, the server's half included); a PostgreSQL bug planted in
# that path fails those files' cases and the kept ones alike (the commit names them).
READING_RULES = "reading_rules"


@pytest.hookimpl(tryfirst=True)
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module marked `reading_rules` (`pytestmark = pytest.mark.reading_rules`) runs its stores on SQLite alone.

    Added as the test's own parametrization before any other generator runs: pytest's fixture manager leaves a
    fixture the test parametrizes itself to that parametrization (its `backend` params are not added)."""
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker(READING_RULES):
        metafunc.definition.add_marker(pytest.mark.parametrize("backend", ["sqlite"]))


COMPILED_MARK = "modules-compiled"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection(session: pytest.Session) -> Iterator[object]:
    """Under xdist, the first worker to collect compiles the modules alone; the others wait, then read its caches.

    Every worker imports every test module (rewritten by pytest's assertions) and the bot's modules they import.
    In a clean clone (`.ci/run`) no compiled cache exists yet, and the workers, starting together, each compiled
    all of them: ~13 s of CPU a worker instead of ~4.5 s with the caches written (`pytest --collect-only`). The
    first worker holds a lock in the workers' shared folder while it collects and leaves a mark when done; a worker
    that finds the mark collects at once, in parallel with the others, from the caches. A worker that dies while
    collecting releases the lock (`flock`) without a mark, and the next one compiles. What is collected is the
    same: only who compiles first changes."""
    basetemp = session.config.option.basetemp
    if not os.environ.get("PYTEST_XDIST_WORKER") or not basetemp:
        return (yield)
    shared = Path(basetemp).parent  # the controller's basetemp, as `run_dir` finds it
    with open(shared / "collect.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (shared / COMPILED_MARK).exists():
            fcntl.flock(lock, fcntl.LOCK_UN)
            return (yield)
        result = yield
        (shared / COMPILED_MARK).touch()
        return result


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_long_first)  # stable: within a file, and among the other files, the order is kept
    items[:] = durations.longest_first(items, (item.nodeid for item in items), durations.recorded())
    for item in items:
        if item.get_closest_marker("simcord") is None:
            item.add_marker(pytest.mark.simcord(settle_timeout=SETTLE_TIMEOUT))


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


def _store_seeds(target: str) -> None:
    """Open a new store at `target` (an SQLite path or a database URL), which stores the seeds, and check it did."""
    from bot.ingest.pipeline import open_store

    async def build() -> None:
        store = await open_store(target, SEEDS_DIR)
        try:
            names = [d.name for d in await store.list_documents()]
        finally:
            await store.close()
        assert names == SEED_NAMES, f"seeding did not load every seed: {names}"

    asyncio.run(build())


def _fold_wal(db: Path) -> None:
    """Fold a database's write-ahead log into its main file, so that copying one file copies everything."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def _seeded_template(run_dir: Path, _story_dir: tuple[Path, str | None]) -> Path:
    """The seeds stored once per run (by whichever xdist worker needs them first, under a lock in the run's shared
    folder; the others wait and read it): every worker seeded its own before, the same file four times. Tests
    never open it: `seeded_db` and `story_db` copy it.

    Kept between runs beside the story stores, under the key of the code that made it (tests/story_cache.py: the
    seeds are among its files), as `seeded-KEY.db`: a run whose code is unchanged copies it instead of storing the
    seeds again (~0.7–0.9 s of CPU, and the other workers' wait on the lock at the run's start)."""
    path = run_dir / "seeded-template.db"
    folder, code = _story_dir
    kept = folder / f"seeded-{code[:24]}.db" if code else None
    with open(run_dir / "seeded-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return path
        part = run_dir / "seeded-template.part.db"
        if kept is None:
            _store_seeds(str(part))
            _fold_wal(part)
        else:
            with open(kept.with_suffix(".lock"), "w") as kept_lock:  # the lock story_cache.prune takes too
                fcntl.flock(kept_lock, fcntl.LOCK_EX)
                if not kept.exists():
                    built = kept.with_suffix(f".part{os.getpid()}.db")
                    for suffix in ("", "-wal", "-shm"):  # a killed run's leftovers under a reused process id
                        Path(str(built) + suffix).unlink(missing_ok=True)
                    _store_seeds(str(built))
                    _fold_wal(built)
                    os.replace(built, kept)
                else:
                    os.utime(kept)  # used: kept KEEP_DAYS more
                shutil.copy(kept, part)
        os.replace(part, path)
    return path


@pytest.fixture
def seeded_db(_seeded_template: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "seeded.db"
    shutil.copy(_seeded_template, dest)
    wal = Path(str(_seeded_template) + "-wal")
    if wal.exists() and wal.stat().st_size:  # normally folded in and removed by the checkpoint above
        shutil.copy(wal, Path(str(dest) + "-wal"))
    return dest


@pytest.fixture(scope="session")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for work done once per run and read by every test that needs it: under xdist, the folder the
    workers' own temporary folders share (pytest-xdist's documented way to share a session's work between
    workers). Whoever builds there holds a lock (`fcntl.flock`) so the others wait and read the result.

    Not a module-scoped fixture: the suite runs its long tests first (tests/durations.py), so a module's tests
    are not consecutive on a worker and a module fixture is built again for each run of them (the bench smoke
    run was built three times in a full run, ~3 × 5 s of CPU)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    return base


@pytest.fixture(scope="session")
def _story_dir(run_dir: Path) -> tuple[Path, str | None]:
    """Where the evaluation stories' stores are built, and the key of the code that builds them: kept between runs
    under that key (tests/story_cache.py) unless keeping is off, else built once per run in the run's folder."""
    kept = story_cache.folder()
    if kept is None:
        folder = run_dir / "stories"
        folder.mkdir(exist_ok=True)
        return folder, None
    kept.mkdir(parents=True, exist_ok=True)
    with open(run_dir / "story-cache-prune.lock", "w") as once:  # one worker of the run prunes
        fcntl.flock(once, fcntl.LOCK_EX)
        marker = run_dir / "story-cache-pruned"
        if not marker.exists():
            story_cache.prune(kept)
            marker.touch()
    return kept, story_cache.code_key()


@pytest.fixture
def story_db(_seeded_template: Path, _story_dir: tuple[Path, str | None], tmp_path: Path) -> Callable[[str], Path]:
    """`story_db(name)`: a fresh copy of the seeded database with the evaluation story `name`'s articles
    ingested by the CLI (tests/test_quality_floor.py's corpora). The quality floors (with the stored-claims
    identity, tests/claims_identity.py) read every story: its articles are ingested once, by whichever worker
    needs them first (the others wait on its lock), kept between runs for as long as the code that made them is unchanged
    (tests/story_cache.py), and each test gets its own copy."""
    from tests.test_quality_floor import InProcessCLI, corpora

    folder, code = _story_dir

    def make(name: str) -> Path:
        _, articles = corpora()[name]
        dest = tmp_path / f"{name}.db"
        if not articles:
            shutil.copy(_seeded_template, dest)
            return dest
        built = folder / (f"{name}-{story_cache.story_key(code, articles)}.db" if code else f"{name}.db")
        with open(built.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not built.exists():
                part = built.with_suffix(f".part{os.getpid()}.db")
                for suffix in ("-wal", "-shm"):  # a killed run's leftovers under a reused process id
                    Path(str(part) + suffix).unlink(missing_ok=True)
                shutil.copy(_seeded_template, part)
                InProcessCLI(part)("ingest", *map(str, articles), parse=False)
                _fold_wal(part)
                os.replace(part, built)
            elif code:
                os.utime(built)  # used: kept KEEP_DAYS more
            shutil.copy(built, dest)
        return dest

    return make


@pytest.fixture(scope="session")
def pg_server_session() -> Iterator[pg_server.Server]:
    bin_dir = pg_server.binaries()
    if bin_dir is None:
        if os.environ.get("NEWSDESK_REQUIRE_PG"):
            pytest.fail("NEWSDESK_REQUIRE_PG is set but PostgreSQL's binaries (initdb, pg_ctl) are not installed")
        pytest.skip("PostgreSQL is not installed (set NEWSDESK_REQUIRE_PG to make this a failure)")
    pg_server.sweep_stale(bin_dir)  # servers left running by a run killed with SIGKILL, whose owner is gone
    server = pg_server.start(bin_dir)
    try:
        yield server
    finally:
        _close_admin(server)
        server.stop()


_DATABASES = itertools.count(1)


# One administration connection per server for the session, kept open: a connection is a backend process that
# PostgreSQL forks and warms up, and two were made per PostgreSQL test (its database created, then dropped).
# Measured: 36 -> 23 ms of the server's CPU per create + drop, for each of the suite's ~530 PostgreSQL tests.
_ADMIN: dict[Path, Any] = {}


def _admin(server: pg_server.Server, *statements: str) -> None:
    import psycopg

    conn = _ADMIN.get(server.root)
    if conn is None or conn.closed:
        conn = _ADMIN[server.root] = psycopg.connect(server.url(), autocommit=True)
    for statement in statements:
        conn.execute(statement)


def _close_admin(server: pg_server.Server) -> None:
    conn = _ADMIN.pop(server.root, None)
    if conn is not None:
        conn.close()


def new_pg_database(server: pg_server.Server, template: str = "template0") -> str:
    """A fresh database (a copy of `template`) on the session's server; returns its URL."""
    name = f"t{os.getpid()}_{next(_DATABASES)}"
    # FILE_COPY copies the template's files (a checkpoint, cheap with fsync off) instead of writing every block
    # to the WAL (PostgreSQL 15's default): measured here, create 0.08 s instead of 0.11–0.17 s, drop 0.04 s
    # instead of 0.08–0.10 s, for each of the suite's ~450 PostgreSQL tests.
    _admin(server, f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
    return server.url(name)


def drop_pg_database(server: pg_server.Server, url: str) -> None:
    """Drop a test's database once the test is done (a session creates hundreds: kept, they would fill
    the server's folder with gigabytes that its removal at the end then takes minutes to delete)."""
    name = url.split("@/", 1)[1].split("?", 1)[0]
    _admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_server_session: pg_server.Server) -> Iterator[str]:
    url = new_pg_database(pg_server_session)
    yield url
    drop_pg_database(pg_server_session, url)


@pytest.fixture(scope="session")
def _pg_seeded_template(pg_server_session: pg_server.Server) -> str:
    _admin(pg_server_session, "CREATE DATABASE seeded_template TEMPLATE template0")
    _store_seeds(pg_server_session.url("seeded_template"))
    return "seeded_template"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


def template_copy(
    request: pytest.FixtureRequest, backend: str, sqlite_copy: Callable[[], Path], pg_template: str
) -> Iterator[str]:
    """What `open_backend` takes for a fresh copy of a template store on the backend: on SQLite the file
    `sqlite_copy()` makes; on PostgreSQL a database copied from the one the fixture `pg_template` names (asked for
    only then, so a SQLite case starts no server), dropped after the test."""
    if backend == "sqlite":
        yield str(sqlite_copy())
        return
    server = request.getfixturevalue("pg_server_session")
    url = new_pg_database(server, request.getfixturevalue(pg_template))
    yield url
    drop_pg_database(server, url)


@pytest.fixture
def seeded_target(backend: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """What `open_backend` takes for a fresh seeded store on the backend: a file path or a database URL."""
    yield from template_copy(request, backend, lambda: request.getfixturevalue("seeded_db"), "_pg_seeded_template")


@contextlib.asynccontextmanager
async def opened(target: str):
    """The store `open_backend` opens at `target`, closed when the block ends."""
    from bot.store.backend import open_backend

    s = await open_backend(target)
    try:
        yield s
    finally:
        await s.close()


@pytest.fixture
async def store(seeded_target: str):
    async with opened(seeded_target) as s:
        yield s


@pytest.fixture
async def other(seeded_target: str, store):
    """A second store on the same database as `store`: another process's connection (its own pool or file
    handle)."""
    from bot.store.backend import open_backend

    s = await open_backend(seeded_target)
    try:
        yield s
    finally:
        await s.close()


@pytest.fixture(scope="session")
def actors() -> ActorIndex:
    """The actor registry as the extraction rules see it (read-only: tests extend copies of it)."""
    return ActorIndex(
        [
            ActorEntry(
                i, a["name"], a.get("name_en"), a.get("kind", "person"), a.get("aliases", []), a.get("description")
            )
            for i, a in enumerate(load_registry_file(), 1)
        ]
    )

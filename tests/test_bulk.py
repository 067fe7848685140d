"""Bulk ingestion: the same store as one document at a time, bad sources reported per file without
stopping the run, one bad document not sinking its batch, and a run killed with SIGKILL leaving only
whole documents (a re-run adds exactly the missing ones)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from pathlib import Path

import pytest

from bench import corpus
from bot.ingest.bulk import (
    BATCH_SIZE,
    MAX_BATCH_SIZE,
    POOL_MIN_SOURCES,
    BulkOptions,
    FileSource,
    TextSource,
    bulk_ingest,
    reason_kind,
)
from bot.ingest.bulk_stop import StopRequest, terminate_workers
from bot.ingest.pipeline import MAX_FILE_BYTES, ingest_file, parse_text
from bot.models import IngestResult
from bot.store import Store
from bot.store.store import BatchItem
from tests import forked

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

ARTICLE = """---
url: https://www.example.com/news/bulk-{n}
title: 黒海の航行再開で合意 {n}
published: 2025-03-{day:02d}
outlet: テスト通信
---
米国とロシアの代表団は{day}日、サウジアラビアのリヤドで協議し、黒海での商船の安全な航行を確保することで合意した。第{n}回の協議だった。
ペスコフ大統領報道官は「合意の履行には西側の制裁緩和が前提だ」と述べた。
"""


def article(n: int) -> str:
    return ARTICLE.format(n=n, day=1 + n % 28)


async def table_counts(store: Store) -> dict[str, int]:
    out = {}
    for table in ("documents", "passages", "passage_fts", "events", "clusters", "statements", "mentions", "term_df"):
        out[table] = (await store.fetchone(f"SELECT count(*) FROM {table}"))[0]
    return out


async def consistent(store: Store) -> None:
    assert (await store.fetchone("PRAGMA integrity_check"))[0] == "ok"
    assert await store.fetchall("PRAGMA foreign_key_check") == []
    await store.conn.execute("INSERT INTO passage_fts(passage_fts) VALUES ('integrity-check')")
    passages = (await store.fetchone("SELECT count(*) FROM passages"))[0]
    fts = (await store.fetchone("SELECT count(*) FROM passage_fts"))[0]
    assert passages == fts
    vocab = dict(await store.fetchall("SELECT term, doc FROM passage_vocab"))
    df = dict(await store.fetchall("SELECT term, doc FROM term_df"))
    assert df == vocab


@pytest.fixture
async def empty_store(tmp_path: Path):
    s = await Store.open(tmp_path / "bulk.db")
    await s.set_meta("seeded", "0")
    try:
        yield s
    finally:
        await s.close()


async def test_bulk_builds_the_same_store_as_one_document_at_a_time(tmp_path):
    one = await Store.open(tmp_path / "one.db")
    many = await Store.open(tmp_path / "many.db")
    try:
        seeds = sorted(SEEDS.glob("*.txt"))
        for path in seeds:
            assert (await ingest_file(one, path, origin="seed")).status == "added"
        final = await bulk_ingest(many, [FileSource(p, origin="seed") for p in seeds])
        assert (final.added, final.duplicates, final.refused) == (len(seeds), 0, 0)
        assert await table_counts(many) == await table_counts(one)
        for sql in (
            "SELECT date, summary FROM events ORDER BY id",
            "SELECT actor_id, topic, position, text FROM statements ORDER BY id",
            "SELECT id, date, representative, members FROM clusters ORDER BY id",
            "SELECT term, doc FROM term_df ORDER BY term",
        ):
            assert [tuple(r) for r in await many.fetchall(sql)] == [tuple(r) for r in await one.fetchall(sql)], sql
        await consistent(many)
    finally:
        await one.close()
        await many.close()


async def test_bad_files_are_reported_one_by_one_and_the_run_goes_on(empty_store, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(4):
        (folder / f"good{n}.md").write_text(article(n), encoding="utf-8")
    (folder / "copy.md").write_text(article(2), encoding="utf-8")  # the same article as good2.md
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    with open(folder / "huge.txt", "wb") as f:  # sparse: refused from its size before a byte is read
        f.truncate(MAX_FILE_BYTES + 1)
    (folder / "folder.txt").mkdir()  # a name that looks like an article but cannot be read as one
    (folder / "empty.md").write_text("---\ntitle: 空\n---\n", encoding="utf-8")
    sources = [FileSource(p) for p in sorted(folder.iterdir())] + [FileSource(folder / "gone.txt")]
    seen: list[tuple[str, IngestResult]] = []
    final = await bulk_ingest(empty_store, sources, on_result=lambda s, r: seen.append((s.name, r)))
    by_name = {name: r for name, r in seen}
    assert sorted(by_name) == sorted(s.name for s in sources)  # every source reported, once
    assert len(seen) == len(sources)
    added = {n for n, r in by_name.items() if r.status == "added"}
    assert added == {"copy.md", "good0.md", "good1.md", "good3.md"}  # copy.md comes first, good2.md is its copy
    assert by_name["good2.md"].status == "duplicate"
    assert "copy.md" in (by_name["good2.md"].reason or "")
    assert "binary" in by_name["binary.txt"].reason
    assert "too large" in by_name["huge.txt"].reason
    assert "folder" in by_name["folder.txt"].reason
    assert "no article text" in by_name["empty.md"].reason
    assert "no such file" in by_name["gone.txt"].reason
    assert (final.added, final.duplicates, final.refused) == (4, 1, 5)
    assert sum(final.reasons.values()) == 5
    await consistent(empty_store)


async def test_a_rerun_finds_everything_stored_as_duplicates(empty_store):
    texts = [TextSource(article(n), f"a{n}.md") for n in range(6)]
    first = await bulk_ingest(empty_store, texts)
    again = await bulk_ingest(empty_store, texts)
    assert (first.added, again.added, again.duplicates) == (6, 0, 6)


async def test_the_process_pool_path(empty_store):
    """Worker processes (spawn) extract; the actor registry and the read-only duplicate check reach them."""
    texts = [TextSource(article(n), f"p{n}.md") for n in range(12)]
    await bulk_ingest(empty_store, texts[:3], options=BulkOptions(workers=0))
    results: list[IngestResult] = []
    final = await bulk_ingest(
        empty_store, texts, options=BulkOptions(workers=2), on_result=lambda s, r: results.append(r)
    )
    assert (final.added, final.duplicates, final.refused) == (9, 3, 0)
    assert all(r.statements >= 1 for r in results if r.status == "added")  # ペスコフ's statement: actors known
    await consistent(empty_store)


async def test_one_bad_document_does_not_sink_its_batch(empty_store):
    from bot.extract.document import extract_document

    items = []
    for n in range(3):
        parsed, digest = parse_text(article(n), f"b{n}.md", "file")
        items.append(BatchItem(parsed, extract_document(parsed, empty_store.actors, digest)))
    bad = items[1].ex
    bad.statements[0].passage_seq = 99  # points past the document's passages: this document cannot be written
    outcomes = await empty_store.add_documents(items)
    assert [o.document_id is not None for o in outcomes] == [True, False, True]
    assert outcomes[1].error
    names = [r[0] for r in await empty_store.fetchall("SELECT name FROM documents ORDER BY id")]
    assert names == ["b0.md", "b2.md"]
    await consistent(empty_store)


def test_reason_kinds_drop_the_file_name():
    r = IngestResult("error", "x.txt", reason="x.txt: file is too large (9.0 MB; the limit is 7.6 MB)")
    assert reason_kind(r) == "file is too large"


# --- a real process, killed -------------------------------------------------------------------------------------


def _cli(db: Path, *args: object) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    env.update(PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", NEWSDESK_SEEDS=str(SEEDS))
    return forked.Popen(
        [sys.executable, "-m", "bot", "--db", str(db), "ingest", *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,  # the kill reaches the worker processes too
    )


def _stored(db: Path) -> int:
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _backlog(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "backlog"
    folder.mkdir()
    for name, text in corpus.generate(n, seed=7):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# The killed runs: 50 files (over POOL_MIN_SOURCES, so worker processes extract them) written 5 to a transaction
# (`ingest --batch-size`), on a copy of the seeded template (the seeds are not ingested again). The kill lands once
# the first batch is stored, with 9 batches or more still to extract and write: mid-run however busy the machine.
# With the default batch (250) a busy pool's first batch may hold 250 documents, so such a run needed 300 files,
# each ingested about twice (54–75 s a test at load 20; 7 s of CPU each now, against 15 s).
KILLED_RUN = 50
KILLED_BATCH = 5


def _run_until_a_batch(tmp_path: Path, n: int, db: Path) -> tuple[Path, int, subprocess.Popen[str]]:
    """A CLI bulk run of n files into the seeded database `db`, in batches of KILLED_BATCH, once its first batch
    is stored: (folder, seeds, process)."""
    assert n >= POOL_MIN_SOURCES + 2 * KILLED_BATCH  # a process pool, and batches left after the first
    folder = _backlog(tmp_path, n)
    seeds = _stored(db)
    assert seeds == len(list(SEEDS.glob("*.txt")))
    proc = _cli(db, folder, "--batch-size", KILLED_BATCH)
    deadline = time.monotonic() + 300
    while _stored(db) <= seeds and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return folder, seeds, proc


async def _only_whole_documents(db: Path, folder: Path, stored: int) -> None:
    store = await Store.open(db)
    try:
        await consistent(store)
        # whole documents: each stored one has every passage its file parses into (and, above, each
        # passage its index row)
        rows = await store.fetchall(
            "SELECT d.name, count(p.id) AS passages FROM documents d LEFT JOIN passages p ON p.document_id = d.id"
            " WHERE d.origin = 'file' GROUP BY d.id"
        )
        assert len(rows) == stored
        for r in rows:
            parsed, _ = parse_text((folder / r["name"]).read_text(encoding="utf-8"), r["name"], "file")
            assert r["passages"] == len(parsed.passages), r["name"]
    finally:
        await store.close()


def _rerun_adds_the_missing(db: Path, folder: Path, n: int, stored: int, seeds: int) -> None:
    proc = _cli(db, folder)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert err.strip().splitlines()[-1] == f"{n - stored} added, {stored} duplicate, 0 refused"
    assert _stored(db) == seeds + n


async def test_kill_9_leaves_only_whole_documents_and_a_rerun_adds_the_missing_ones(tmp_path, seeded_db):
    n, db = KILLED_RUN, seeded_db
    folder, seeds, proc = _run_until_a_batch(tmp_path, n, db)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    stored = _stored(db) - seeds
    assert 0 < stored < n, f"the kill came too late to prove anything ({stored} of {n} stored)"
    await _only_whole_documents(db, folder, stored)
    _rerun_adds_the_missing(db, folder, n, stored, seeds)


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    """Running (not gone, not a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")
async def test_sigterm_stops_cleanly_ends_the_workers_and_a_rerun_adds_the_missing_ones(tmp_path, seeded_db):
    n, db = KILLED_RUN, seeded_db
    folder, seeds, proc = _run_until_a_batch(tmp_path, n, db)
    workers = _children(proc.pid)
    assert workers, "the run has no worker processes to end"
    os.kill(proc.pid, signal.SIGTERM)  # the parent alone, as a service manager or `kill` sends it
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 128 + signal.SIGTERM, err
    lines = err.strip().splitlines()
    assert "Traceback" not in err
    assert lines[-2].startswith("stopped by SIGTERM"), lines[-3:]
    added = int(lines[-1].split(" added")[0])
    # That no worker outlives the run is not checked here: once the parent exits, its pool's shutdown and the
    # workers' parent-death signal end them whatever the stop did, so such a check could not fail. The test
    # below holds terminate_workers to it, with a worker that would never end by itself.

    stored = _stored(db) - seeds
    assert stored == added, "the summary counts what is stored"
    assert 0 < stored < n, f"the stop came too late to prove anything ({stored} of {n} stored)"
    await _only_whole_documents(db, folder, stored)
    _rerun_adds_the_missing(db, folder, n, stored, seeds)


def _touch_then_sleep(marker: str) -> None:
    """A pool task that never ends by itself: it says it has started, then sleeps for an hour."""
    Path(marker).touch()
    time.sleep(3600)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")
def test_terminate_workers_ends_a_busy_worker_at_once(tmp_path):
    """A stop does not wait for the documents the workers are extracting: a worker busy for an hour is
    terminated, and gone when terminate_workers returns (its parent, this process, still running). Fails with
    `shutdown(wait=True)` in its place (it would wait the hour: the guard below gives up after 60 s) and with
    `shutdown(wait=False)` alone (the worker would still be sleeping)."""
    executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    marker = tmp_path / "started"
    executor.submit(_touch_then_sleep, str(marker))
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert time.monotonic() < deadline, "the pool's worker never started its task"
        time.sleep(0.05)
    workers = _children(os.getpid()) & {p.pid for p in executor._processes.values()}
    assert workers, "no worker process to end"
    done = threading.Thread(target=terminate_workers, args=(executor,), daemon=True)
    done.start()
    done.join(timeout=60)  # a hang guard, not a timing check: the task would sleep for an hour
    try:
        assert not done.is_alive(), "terminate_workers waited for the busy worker"
        assert not [pid for pid in workers if _alive(pid)], "a worker process outlived terminate_workers"
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _sleep_then(seconds: float, size: int, marker: str | None = None) -> bytes:
    """A pool task: it sleeps, says it is about to return (if asked to), then returns `size` bytes."""
    time.sleep(seconds)
    if marker:
        Path(marker).touch()
    return b"x" * size


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")
def test_terminate_workers_ends_the_pool_thread_when_a_worker_dies_halfway_through_a_result(tmp_path):
    """A worker terminated while it writes a large result leaves half a message in the pool's result pipe; the
    pool's manager thread then waits for the rest, forever, and the interpreter's exit (which joins that thread)
    hangs after the run has printed its summary. Staged for certain: the manager thread is held in the first
    task's done-callback until the workers are dead, so the second worker is stuck mid-write when terminated.
    Fails without the result pipe's write end closed in terminate_workers (the thread is still waiting)."""
    executor = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"))
    manager_held = threading.Event()
    processes = list(executor._processes.values()) if executor._processes else []

    def hold_until_the_workers_are_dead(_future: object) -> None:
        manager_held.set()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (not processes or any(p.is_alive() for p in processes)):
            time.sleep(0.02)

    marker = tmp_path / "writing"
    first = executor.submit(_sleep_then, 1.0, 10)
    executor.submit(_sleep_then, 3.0, 64_000_000, str(marker))  # queued at once, beside the first
    processes.extend(executor._processes.values())
    first.add_done_callback(hold_until_the_workers_are_dead)
    deadline = time.monotonic() + 120
    while not (manager_held.is_set() and marker.exists()):
        assert time.monotonic() < deadline, "the tasks never ran"
        time.sleep(0.05)
    time.sleep(0.5)  # the second worker has filled the pipe and waits for a reader
    manager = executor._executor_manager_thread
    assert manager is not None
    done = threading.Thread(target=terminate_workers, args=(executor,), daemon=True)
    done.start()
    done.join(timeout=60)  # a hang guard, not a timing check
    assert not done.is_alive(), "terminate_workers never returned"
    manager.join(timeout=30)  # likewise: without the fix the thread never ends
    assert not manager.is_alive(), "the pool's manager thread still waits for the rest of a dead worker's result"


async def test_a_stop_request_ends_a_pool_run_and_its_workers(empty_store):
    stop = StopRequest()
    texts = [TextSource(article(i), f"a{i}.txt") for i in range(POOL_MIN_SOURCES + 20)]

    def on_result(_source, result):
        if result.status == "added":
            stop("test")

    final = await bulk_ingest(
        empty_store, texts, options=BulkOptions(workers=2, batch_size=5, stop=stop), on_result=on_result
    )
    assert final.stopped == "test"
    assert 0 < final.added < len(texts)
    assert final.done == final.added + final.duplicates + final.refused
    assert (await empty_store.fetchone("SELECT count(*) FROM documents"))[0] == final.added
    assert multiprocessing.active_children() == []
    await consistent(empty_store)


async def test_the_console_adds_a_folder_with_a_summary(empty_store, tmp_path, capsys):
    from bot.terminal.console import answer

    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(3):
        (folder / f"c{n}.md").write_text(article(n), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00binary")
    text = await answer(empty_store, f"/source add file:{folder}")
    assert text.splitlines()[-1] == "3 added, 0 duplicate, 1 refused"
    assert "refused 1: a binary file, not text" in text
    assert "bad.txt" in capsys.readouterr().err  # each refusal as it happens


def test_the_cli_shows_status_lines_and_a_summary_when_not_on_a_terminal(tmp_path, monkeypatch, capsys):
    from bot.terminal import progress
    from bot.terminal.cli import main

    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(3):
        (folder / f"s{n}.md").write_text(article(n), encoding="utf-8")
    monkeypatch.setattr(progress, "PLAIN_EVERY_SECONDS", 0.0)
    monkeypatch.setenv("NEWSDESK_SEEDS", str(tmp_path / "no-seeds"))
    code = main(["--db", str(tmp_path / "cli.db"), "ingest", str(folder)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert [line.split()[0] for line in out.splitlines()] == ["added"] * 3
    status = [line for line in err.splitlines() if line.startswith("ingest: ")]
    assert status and "/3 (" in status[0] and "/s" in status[0]
    assert err.splitlines()[-1] == "3 added, 0 duplicate, 0 refused"


def test_the_cli_writes_a_bulk_run_in_batches_of_batch_size_and_refuses_a_bad_one(tmp_path, monkeypatch, capsys):
    from bot.terminal import cli

    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(5):
        (folder / f"s{n}.md").write_text(article(n), encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_SEEDS", str(tmp_path / "no-seeds"))
    asked: list[int] = []
    written: list[int] = []
    real_bulk, real_add = cli.bulk_ingest, Store.add_documents

    async def bulk_ingest(*args, options, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(options.batch_size)
        return await real_bulk(*args, options=options, **kwargs)

    async def add_documents(self, items, **kwargs):  # type: ignore[no-untyped-def]
        written.append(len(items))
        return await real_add(self, items, **kwargs)

    monkeypatch.setattr(cli, "bulk_ingest", bulk_ingest)
    monkeypatch.setattr(Store, "add_documents", add_documents)
    db = str(tmp_path / "cli.db")
    assert cli.main(["--db", db, "ingest", "--batch-size", "2", str(folder)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "5 added, 0 duplicate, 0 refused"
    # batches of at most 2 (fewer when a batch waited BATCH_SECONDS for the next source)
    assert asked == [2] and sum(written) == 5 and max(written) <= 2, written
    assert cli.main(["--db", db, "ingest", str(folder)]) == 0  # the default
    assert asked[-1] == BATCH_SIZE
    capsys.readouterr()
    for bad in ("0", "-3", "x", "2.5", str(MAX_BATCH_SIZE + 1)):
        with pytest.raises(SystemExit) as stopped:
            cli.main(["--db", db, "ingest", "--batch-size", bad, str(folder)])
        assert stopped.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"a whole number from 1 to {MAX_BATCH_SIZE}" in err, err
    assert len(asked) == 2


class _DiesInTheWorker:
    """A source whose unpickling ends the worker process, as the OOM killer would."""

    name = "killer.md"

    def __reduce__(self):
        return (os._exit, (1,))


async def test_a_worker_that_dies_ends_the_run_with_one_clear_error(empty_store):
    from bot.ingest.bulk import BulkError

    sources = [TextSource(article(n), f"k{n}.md") for n in range(3)] + [_DiesInTheWorker()]
    with pytest.raises(BulkError, match=r"worker process died.*run the same command again"):
        await bulk_ingest(empty_store, sources, options=BulkOptions(workers=1))  # type: ignore[list-item]
    await consistent(empty_store)


async def test_a_worker_reports_how_long_it_waited_between_sources(empty_store, tmp_path):
    """`idle`: the time a worker spent waiting for its next source (a starved pool shows in the bench)."""
    import pickle
    from concurrent.futures import ThreadPoolExecutor

    from bot.ingest.bulk import _init_worker, prepare

    actors = tmp_path / "actors.pickle"
    actors.write_bytes(pickle.dumps(empty_store.actors))
    with ThreadPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(None,)) as pool:
        first = pool.submit(prepare, TextSource(article(1), "i1.md"), 1, str(actors)).result()
        time.sleep(0.05)
        second = pool.submit(prepare, TextSource(article(2), "i2.md"), 1, str(actors)).result()
    assert first.result is None and second.result is None
    assert "idle" not in first.seconds  # nothing was done before: no wait to count
    assert second.seconds["idle"] >= 0.05
    assert {"parse", "dedup", "extract", "terms"} <= set(second.seconds)


def test_the_cli_says_progress_and_summary_in_japanese_with_lang_ja(tmp_path, monkeypatch, capsys):
    """--lang ja: the status lines, the refusals by kind and the counts are Japanese, with no English word left."""
    from bot.terminal import progress
    from bot.terminal.cli import main

    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(3):
        (folder / f"s{n}.md").write_text(article(n), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00binary")
    monkeypatch.setattr(progress, "PLAIN_EVERY_SECONDS", 0.0)
    monkeypatch.setenv("NEWSDESK_SEEDS", str(tmp_path / "no-seeds"))
    code = main(["--db", str(tmp_path / "cli.db"), "--lang", "ja", "ingest", str(folder)])
    _, err = capsys.readouterr()
    assert code == 2, err  # a refused file: the run goes on, and says so in its exit code
    status = [line for line in err.splitlines() if line.startswith("ingest: ")]
    assert status and "毎秒" in status[0] and "追加" in status[0]
    lines = err.strip().splitlines()
    assert lines[-1] == "追加 3 件、重複 0 件、拒否 1 件"
    assert lines[-2].startswith("4 件を ") and "毎秒" in lines[-2]
    refused = [line for line in lines if line.startswith("  拒否 1 件：")]
    assert len(refused) == 1 and "binary" not in refused[0]
    for line in [*status, *refused, *lines[-2:]]:
        assert not any(word in line for word in ("added", "refused", "duplicate", "sources", "ETA")), line


async def test_a_wait_cancelled_leaves_the_pools_own_future_so_a_broken_pool_ends_without_a_thread_error():
    """A stopped CLI `ingest` once printed "Exception in thread Thread-2: Traceback …" after its summary. The cause:
    the run cancelled its waits on work still queued in the pool; `run_in_executor` cancels the pool's own future
    with them, and when the pool then breaks (its workers ended by the stop) Python 3.11's manager thread fails
    every pending future and raises InvalidStateError on the cancelled one (CPython gh-107219). `pool_job`'s
    waits do not reach back: with `run_in_executor` in its place this test sees that error."""
    import asyncio

    from bot.ingest.bulk_stop import pool_job

    errors: list[type[BaseException]] = []
    installed = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_type)
    executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        jobs = [pool_job(executor, time.sleep, 60) for _ in range(4)]
        # one worker: two items go to it (one running, one queued behind it), two stay pending in the pool
        work = executor._pending_work_items  # type: ignore[attr-defined]
        deadline = time.monotonic() + 60
        while sum(item.future.running() for item in list(work.values())) < 2:
            assert time.monotonic() < deadline, "the pool never took its first items"
            await asyncio.sleep(0.05)
        for job in jobs[2:]:
            job.cancel()  # a stop: what is not prepared yet is not waited for
        await asyncio.sleep(0.1)
        for process in list(executor._processes.values()):  # type: ignore[attr-defined]
            os.kill(process.pid, signal.SIGKILL)
        outcomes = await asyncio.gather(*jobs[:2], return_exceptions=True)
        assert all(isinstance(o, BrokenProcessPool) for o in outcomes), outcomes
        manager = executor._executor_manager_thread  # type: ignore[attr-defined]
        executor.shutdown(wait=True)
        if manager is not None:
            manager.join(timeout=30)
            assert not manager.is_alive()
    finally:
        threading.excepthook = installed
    assert errors == []
    assert all(job.cancelled() for job in jobs[2:])

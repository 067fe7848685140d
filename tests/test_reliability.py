"""Faults an operator meets: another process holding the lock, concurrent first opens, kills in the
middle of an ingest, damaged and read-only files, bad arguments. Nothing is lost or half-written, and
every refusal is one line on stderr with exit code 2.

No timings are asserted: waits here are liveness bounds (a hung process fails the test), not speeds.
The default run repeats each race a few times; `NEWSDESK_STRESS=1 pytest tests/test_reliability.py`
repeats them as the issue asks (30 kills, 10 rounds of first opens, 20 rounds of concurrent ingests).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot.ingest.pipeline import ingest_text, load_seeds
from bot.store import Store, StoreError
from bot.store.store import BUSY_MS
from tests import forked

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
STRESS = bool(os.environ.get("NEWSDESK_STRESS"))


def runs(default: int, stress: int) -> int:
    return stress if STRESS else default


def cli(*args: str | Path, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return forked.run(
        [PY, "-m", "bot", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


@pytest.fixture
def run_main(monkeypatch, capsys):
    """`bot.terminal.cli.main` in this process: the same code as `python -m bot` without the interpreter start-up."""
    from bot.terminal.cli import main

    for key in list(os.environ):
        if key.startswith(("NEWSDESK_", "DISCORD_")):
            monkeypatch.delenv(key)

    def run(*args: str | Path) -> subprocess.CompletedProcess:
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:
            code = e.code
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out, err)

    return run


def one_line_refusal(r: subprocess.CompletedProcess) -> str:
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("error:")
    return lines[0]


def article(i: int, size: int = 1) -> str:
    """A distinct article; `size` repeats its body paragraphs (a larger document, more events)."""
    body = "\n".join(
        f"{d}日、ワシントンで{i}回目の協議が行われ、担当者は「合意に向けて前進した{i}-{k}-{d}」と述べた。"
        for k in range(size)
        for d in range(1, 28)
    )
    return f"---\ntitle: 記事{i}\npublished: 2025-03-28\n---\n協議の記事{i}\n{body}\n"


class LockHolder:
    """Another process that takes the database's write lock and keeps it until told (or killed)."""

    def __init__(self, db: Path, seconds: float) -> None:
        code = textwrap.dedent(
            f"""
            import sqlite3, sys, time
            conn = sqlite3.connect({str(db)!r}, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            time.sleep({seconds})
            conn.execute("COMMIT")
            """
        )
        self.proc = subprocess.Popen([PY, "-c", code], stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "locked"

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


def doc_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        conn.close()


def check_whole(db: Path) -> list[str]:
    """Integrity, foreign keys, and every document whole: passages, each with its index row."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        empty = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.document_id = d.id)"
        ).fetchone()[0]
        assert empty == 0, "a document without passages"
        n_passages = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
        n_fts = conn.execute("SELECT count(*) FROM passage_fts").fetchone()[0]
        assert n_passages == n_fts
        return [r[0] for r in conn.execute("SELECT name FROM documents ORDER BY name")]
    finally:
        conn.close()


# --- the write lock ------------------------------------------------------------------------------


async def test_a_writer_waits_out_a_lock_held_longer_than_one_busy_wait(seeded_db):
    store = await Store.open(seeded_db, busy_ms=100, lock_wait=60)
    holder = LockHolder(seeded_db, seconds=1.0)  # ten of the writer's busy waits
    try:
        result = await ingest_text(store, article(1), name="waited.txt")
    finally:
        holder.stop()
        await store.close()
    assert result.status == "added", result.reason
    assert "waited.txt" in check_whole(seeded_db)


async def test_a_lock_never_released_is_one_clear_error_and_nothing_written(seeded_db):
    before = doc_count(seeded_db)
    store = await Store.open(seeded_db, busy_ms=50, lock_wait=0.5)
    holder = LockHolder(seeded_db, seconds=60)
    try:
        with pytest.raises(StoreError, match="stayed locked by another process"):
            await ingest_text(store, article(2), name="never.txt")
    finally:
        holder.stop()
        await store.close()
    assert doc_count(seeded_db) == before


@pytest.mark.parametrize("lock_wait, busy", [(120.0, BUSY_MS), (0.2, 200), (1, 1000)])
async def test_no_single_busy_wait_outlasts_the_whole_lock_wait(seeded_db, lock_wait, busy):
    # SQLite's busy handler waited BUSY_MS (5 s) before the first retry whatever the lock wait: NEWSDESK_LOCK_WAIT=1
    # gave up after 5 s. Each connection's busy wait (the store's and the bulk writer's) is the shorter of the two.
    store = await Store.open(seeded_db, lock_wait=lock_wait)
    try:
        assert (await store.fetchone("PRAGMA busy_timeout"))[0] == busy
        assert store._bulk_connection().execute("PRAGMA busy_timeout").fetchone()[0] == busy
    finally:
        await store.close()


def test_cli_ingest_waits_for_another_process_then_stores(seeded_db, tmp_path):
    f = tmp_path / "late.txt"
    f.write_text(article(3), encoding="utf-8")
    holder = LockHolder(seeded_db, seconds=6.0)  # longer than SQLite's 5 s busy wait, which used to lose the write
    try:
        r = cli("--db", seeded_db, "ingest", f)
    finally:
        holder.stop()
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("added #")
    assert "late.txt" in check_whole(seeded_db)


def test_cli_ingest_gives_up_on_a_lock_with_one_line_and_a_retry_works(seeded_db, tmp_path):
    f = tmp_path / "retry.txt"
    f.write_text(article(4), encoding="utf-8")
    holder = LockHolder(seeded_db, seconds=60)
    try:
        r = cli("--db", seeded_db, "ingest", f, env={"NEWSDESK_LOCK_WAIT": "1"})
    finally:
        holder.stop()
    assert "stayed locked by another process" in one_line_refusal(r)
    assert "retry.txt" not in check_whole(seeded_db)
    assert cli("--db", seeded_db, "ingest", f).returncode == 0
    assert "retry.txt" in check_whole(seeded_db)


# --- several processes at once ----------------------------------------------------------------------


def test_processes_opening_a_new_database_at_once_all_succeed(tmp_path):
    for run in range(runs(1, 10)):
        db = tmp_path / f"new{run}.db"
        procs = [
            forked.Popen(
                [PY, "-m", "bot", "--db", str(db), "sources", "--json"],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        outs = [p.communicate(timeout=120) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in outs]
        seeds = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
        assert check_whole(db) == seeds  # each seed once, whoever loaded it


def test_concurrent_ingests_of_large_documents_are_all_stored(seeded_db, tmp_path):
    for run in range(runs(1, 20)):
        _three_ingests_at_once(seeded_db, tmp_path, run)


def _three_ingests_at_once(seeded_db: Path, tmp_path: Path, run: int) -> None:
    files = []
    for i in range(3):
        f = tmp_path / f"large{run}-{i}.txt"
        f.write_text(article(1000 * run + 10 + i, size=8), encoding="utf-8")
        files.append(f)
    procs = [
        forked.Popen(
            [PY, "-m", "bot", "--db", str(seeded_db), "ingest", str(f)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in outs]
    names = check_whole(seeded_db)
    assert all(f.name in names for f in files)


# --- kills --------------------------------------------------------------------------------------------


def test_sigkill_during_ingest_leaves_whole_documents_and_a_rerun_completes(seeded_db, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(6):
        (folder / f"k{i:02d}.txt").write_text(article(100 + i, size=3), encoding="utf-8")
    rng = random.Random(20261201)
    for _ in range(runs(2, 30)):
        proc = forked.Popen(
            [PY, "-m", "bot", "--db", str(seeded_db), "ingest", str(folder)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        check_whole(seeded_db)
    r = cli("--db", seeded_db, "ingest", folder)
    assert r.returncode == 0, r.stderr
    names = check_whole(seeded_db)
    assert [n for n in names if n.startswith("k")] == sorted(p.name for p in folder.iterdir())


async def test_seeding_interrupted_on_the_first_run_is_completed_by_the_next_start(tmp_path, seeds_dir):
    partial = tmp_path / "seeds-partial"
    partial.mkdir()
    names = sorted(p.name for p in seeds_dir.glob("*.txt"))
    for name in names[:2]:  # the first run died after two seeds
        shutil.copy(seeds_dir / name, partial / name)
    db = tmp_path / "first.db"
    store = await Store.open(db)
    try:
        await load_seeds(store, partial)
        await store.conn.execute("DELETE FROM meta WHERE key = 'seeded'")  # killed before it said "done"
        assert [r.status for r in await load_seeds(store, seeds_dir)] == ["added"] * 3
        assert sorted(d.name for d in await store.list_documents()) == names
        assert await load_seeds(store, seeds_dir) == []  # and only once
    finally:
        await store.close()


async def test_a_seed_removed_on_purpose_stays_removed(store, seeds_dir):
    docs = await store.list_documents()
    assert await store.remove_document(docs[0].id)
    assert await load_seeds(store, seeds_dir) == []
    assert docs[0].name not in [d.name for d in await store.list_documents()]


# --- damaged, read-only, not a file ----------------------------------------------------------------------


def test_a_database_that_is_not_one_is_one_line(run_main, tmp_path):
    db = tmp_path / "garbage.db"
    db.write_bytes(os.urandom(8192))
    assert "damaged" in one_line_refusal(run_main("--db", db, "sources"))


def test_a_database_damaged_inside_is_one_line(run_main, seeded_db):
    data = bytearray(seeded_db.read_bytes())
    rng = random.Random(7)
    for page in range(2, len(data) // 4096):  # every page but the header page, scribbled on
        start = page * 4096
        data[start : start + 4096] = rng.randbytes(4096)
    seeded_db.write_bytes(bytes(data))
    r = run_main("--db", seeded_db, "quote", "あなたはギャンブルをしている")
    assert "damaged" in one_line_refusal(r)


def _make_read_only(path: Path) -> None:
    """Read-only for this user: a file mode for others, the immutable attribute for root (who ignores modes)."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)]).returncode != 0:
        pytest.skip("running as root on a file system without the immutable attribute: no way to make a file read-only")


def _make_writable(path: Path) -> None:
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(path)], check=False)
    path.chmod(0o644)


def test_a_read_only_database_refuses_ingest_with_one_line(seeded_db, tmp_path):
    f = tmp_path / "new.txt"
    f.write_text(article(5), encoding="utf-8")
    _make_read_only(seeded_db)
    try:
        line = one_line_refusal(cli("--db", seeded_db, "ingest", f))
    finally:
        _make_writable(seeded_db)
    assert "read-only" in line
    assert "new.txt" not in check_whole(seeded_db)


def test_a_folder_given_as_the_database_is_one_line_every_time(tmp_path):
    for _ in range(2):  # the failed connect used to report to a closed event loop at exit, now and then
        assert "not a file" in one_line_refusal(cli("--db", tmp_path, "sources"))
    (tmp_path / "file").write_text("x")
    for _ in range(2):  # a database under a file
        assert "cannot create the folder" in one_line_refusal(cli("--db", tmp_path / "file" / "under.db", "sources"))


# --- bad arguments and bad files -------------------------------------------------------------------------


def test_a_quote_that_is_not_utf8_is_one_line(seeded_db):
    r = subprocess.run(
        [PY.encode(), b"-m", b"bot", b"--db", str(seeded_db).encode(), b"quote", b"\xff\xfeabc"],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 2
    assert r.stderr.decode().strip() == "error: an argument is not valid UTF-8 text"


def test_numbers_out_of_range_are_one_line(run_main, seeded_db):
    assert "no document" in one_line_refusal(run_main("--db", seeded_db, "sources", "99999999999999999999"))
    assert "no feed" in one_line_refusal(run_main("--db", seeded_db, "feeds", "remove", "99999999999999999999"))
    r = run_main("--db", seeded_db, "console", "--once", "/sources id:99999999999999999999")
    assert r.returncode == 2 and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "sub").mkdir() or (d / "sub"), "no .txt or .md files"),
        (lambda d: Path("/dev/null"), "not a regular file"),
        (lambda d: os.mkfifo(d / "pipe.txt") or (d / "pipe.txt"), "not a regular file"),
        (lambda d: (d / "bin.txt").write_bytes(b"PK\x03\x04\x00\x00binary") and d / "bin.txt", "binary"),
        (
            lambda d: (d / "js.md").write_text("---\nurl: javascript:alert(1)\n---\n本文です。" * 3) and d / "js.md",
            "url",
        ),
        (
            lambda d: (d / "feb.md").write_text("---\npublished: 2025-02-30\n---\n" + "本文。" * 20) and d / "feb.md",
            "date",
        ),
        (lambda d: "file:///etc/passwd", "Only http and https URLs can be fetched (got file:)"),
        (lambda d: "ftp://example.com/a.txt", "Only http and https URLs can be fetched (got ftp:)"),
    ],
    ids=["missing", "empty-folder", "dev-null", "fifo", "nul-bytes", "js-url", "feb-30", "file-url", "ftp-url"],
)
def test_ingest_refuses_what_is_not_an_article_with_one_line(run_main, seeded_db, tmp_path, make, needle):
    target = make(tmp_path)
    r = run_main("--db", seeded_db, "ingest", target)
    assert needle in one_line_refusal(r)
    assert r.stdout == ""
    assert doc_count(seeded_db) == 5


def test_a_file_over_the_limit_is_refused_from_its_size_before_reading(run_main, seeded_db, tmp_path):
    from bot.ingest.pipeline import MAX_FILE_BYTES

    big = tmp_path / "huge.txt"
    with big.open("wb") as f:  # sparse: the size is there, the bytes are not, and nothing reads them
        f.truncate(MAX_FILE_BYTES * 200)
    assert "too large" in one_line_refusal(run_main("--db", seeded_db, "ingest", big))


def test_a_mixed_batch_keeps_the_good_files_and_says_which(run_main, seeded_db, tmp_path):
    (tmp_path / "a.txt").write_text(article(20), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text(article(21), encoding="utf-8")
    r = run_main(
        "--db", seeded_db, "ingest", tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt", tmp_path / "d.txt"
    )
    assert r.returncode == 2
    assert [line.split()[0] for line in r.stdout.strip().splitlines()] == ["added", "added"]
    errors = [line for line in r.stderr.strip().splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "b.txt" in errors[0] and "d.txt" in errors[1]
    assert r.stderr.strip().splitlines()[-1] == "2 added, 0 duplicate, 2 refused"
    assert {"a.txt", "c.txt"} <= set(check_whole(seeded_db))


# --- the console and the bot's logging --------------------------------------------------------------------------


def test_ctrl_c_at_the_console_prompt_leaves_at_once(seeded_db):
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: the console on a terminal
        os.chdir(ROOT)
        os.execv(PY, [PY, "-m", "bot", "--db", str(seeded_db), "console"])
    try:
        seen = b""
        deadline = time.monotonic() + 60
        while b"newsdesk> " not in seen and time.monotonic() < deadline:
            try:
                seen += os.read(fd, 1024)
            except OSError:
                break
        assert b"newsdesk> " in seen, seen
        os.kill(pid, signal.SIGINT)  # no Enter: the prompt is still waiting for a line
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.05)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the console kept waiting for Enter after Ctrl-C")
        assert os.WIFEXITED(status) or os.WIFSIGNALED(status)
    finally:
        os.close(fd)


def test_the_bot_sets_up_logging_once(tmp_path):
    code = textwrap.dedent(
        """
        import logging, sys
        import discord
        import commands.client

        def fake_run(settings):
            discord.utils.setup_logging(level=logging.INFO)
            logging.getLogger("newsdesk.test").error("login failed once")
            return 1

        commands.client.run = fake_run
        from bot.__main__ import main
        sys.exit(main(["--db", sys.argv[1], "run"]))
        """
    )
    r = subprocess.run(
        [PY, "-c", code, str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "DISCORD_TOKEN": "not-a-token"},
        timeout=120,
    )
    assert r.stderr.count("login failed once") == 1, r.stderr

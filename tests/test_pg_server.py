"""`python -m tests.pg_server` (a server for trying the backend by hand) leaves nothing behind when stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests import pg_server

ROOT = Path(__file__).resolve().parents[1]


def _postmaster(data_dir: Path) -> int:
    """The server's process id, from the file a running server keeps it in."""
    return int((data_dir / "postmaster.pid").read_text().split()[0])


def _alive(pid: int) -> bool:
    """Running (not gone, not a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the server's process from /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_the_hand_started_server_stops_and_removes_its_folder_on_a_signal(sig):
    if pg_server.binaries() is None:
        if os.environ.get("NEWSDESK_REQUIRE_PG"):
            pytest.fail("NEWSDESK_REQUIRE_PG is set but PostgreSQL's binaries (initdb, pg_ctl) are not installed")
        pytest.skip("PostgreSQL is not installed")
    # its own session: a signal for it alone, SIGINT not ignored as a background job's children inherit it
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import signal; signal.signal(signal.SIGINT, signal.default_int_handler);"
            " from tests.pg_server import serve; serve()",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        url = proc.stdout.readline().strip()
        socket_dir = Path(parse_qs(urlparse(url).query)["host"][0])
        root = socket_dir.parent
        postmaster = _postmaster(root / "data")
        assert _alive(postmaster), url
        proc.send_signal(sig)
        assert proc.wait(timeout=60) == 0
        deadline = time.monotonic() + 10
        while root.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not root.exists(), "the server's folder outlived it"
        assert not _alive(postmaster), "the server outlived the process that started it"
    finally:
        if proc.poll() is None:
            proc.kill()


def _hand_started() -> tuple[subprocess.Popen, Path, int]:
    """A `serve()` process of its own session: (process, the server's folder, its postmaster's pid)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "from tests.pg_server import serve; serve()"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    url = proc.stdout.readline().strip()
    assert url, "the server did not start"
    root = Path(parse_qs(urlparse(url).query)["host"][0]).parent
    return proc, root, _postmaster(root / "data")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the owner process from /proc")
def test_the_sweep_stops_servers_whose_owner_was_killed_and_leaves_the_others():
    if pg_server.binaries() is None:
        if os.environ.get("NEWSDESK_REQUIRE_PG"):
            pytest.fail("NEWSDESK_REQUIRE_PG is set but PostgreSQL's binaries (initdb, pg_ctl) are not installed")
        pytest.skip("PostgreSQL is not installed")
    killed, killed_root, killed_postmaster = _hand_started()
    alive, alive_root, alive_postmaster = _hand_started()
    try:
        killed.kill()  # SIGKILL: no `finally` runs, the server and its folder stay behind
        killed.wait(timeout=60)
        assert _alive(killed_postmaster) and killed_root.exists()

        swept = pg_server.sweep_stale(pg_server.binaries())

        assert killed_root in swept and not killed_root.exists(), "a dead owner's server was not swept"
        assert not _alive(killed_postmaster), "the swept server still runs"
        assert alive_root not in swept and alive_root.exists() and _alive(alive_postmaster), "a live one was swept"
    finally:
        for proc in (killed, alive):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=60)
        if killed_root.exists():
            pg_server.Server(pg_server.binaries(), killed_root, "nobody" if os.geteuid() == 0 else None).stop()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the server's process from /proc")
def test_the_cpu_profile_reads_the_servers_this_process_started_and_no_other(pg_server_session, pg_url):
    from tests import cpu_profile

    assert pg_server_session.root in pg_server.STARTED
    postmaster = _postmaster(pg_server_session.data_dir)
    # the folders in /dev/shm and the temporary folder whose owner file names this process: what the profile
    # listed for each test before
    owned = {
        root
        for base in {pg_server._memory_folder() or tempfile.gettempdir(), tempfile.gettempdir()}
        for root in Path(base).glob("newsdesk-pg-*")
        if (root / pg_server.OWNER_FILE).exists()
        and int((root / pg_server.OWNER_FILE).read_text().split()[0]) == os.getpid()
    }
    assert owned == {r for r in pg_server.STARTED if r.exists()}
    assert postmaster in cpu_profile._pg_cpu()

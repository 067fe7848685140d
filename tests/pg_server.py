"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, a Unix socket only.

PostgreSQL refuses to run as root, so as root the server runs as the unprivileged user `nobody`
(the folder is handed to it); as anyone else it runs as that user. `python -m tests.pg_server` starts
one and prints its URL (for trying the backend by hand); the pytest fixture in conftest.py uses `start`.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
PORT = 5432  # only names the socket file: the server listens on no TCP port


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (Debian's layout, else PATH), None when absent."""
    for d in BIN_DIRS:
        if (d / "initdb").exists() and (d / "pg_ctl").exists():
            return d
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


@dataclass
class Server:
    bin_dir: Path
    root: Path
    user: str | None  # who runs it (None: this process's user)

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        role = self.user or pwd.getpwuid(os.getuid()).pw_name
        return f"postgresql://{role}@/{database}?host={self.socket_dir}&port={PORT}"

    def _run(self, *args: str) -> None:
        subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            check=True,
            user=self.user,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=self.root,
            env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"},
        )

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


OWNER_FILE = "owner"  # in a server's folder: the process that started it (pid and start time), for the sweep
# The folders of the servers `start` made in this process (a forked child inherits the list: its owner file names
# the parent): what tests/cpu_profile.py reads for each test, instead of listing the temporary folders.
STARTED: list[Path] = []


def _started(pid: int) -> str | None:
    """When process `pid` started (clock ticks since boot, /proc/PID/stat's 22nd field), None when it is gone or
    a zombie: with the pid, it names one process even after the pid is reused."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return None if fields[0] == "Z" else fields[19]


def _owner_gone(root: Path) -> bool:
    """True when the folder names the process that started its server and that process is gone; False when it
    is alive or the folder names no owner (one being made this instant, or made before owners were recorded:
    whose it is cannot be told, so it is left alone)."""
    try:
        pid, started = (root / OWNER_FILE).read_text().split()
    except (OSError, ValueError):
        return False
    return _started(int(pid)) != started


def sweep_stale(bin_dir: Path) -> list[Path]:
    """Stop and remove the servers whose owner process is gone (a test run killed with SIGKILL leaves its
    server running, its folder in /dev/shm, until the machine restarts); returns their folders. Servers of
    live processes — other test runs on the machine, a hand-started one — are left alone."""
    swept = []
    for base in {_memory_folder() or tempfile.gettempdir(), tempfile.gettempdir()}:
        for root in sorted(Path(base).glob("newsdesk-pg-*")):
            if root.is_dir() and _owner_gone(root):
                Server(bin_dir, root, "nobody" if os.geteuid() == 0 else None).stop()
                swept.append(root)
    return swept


def _memory_folder() -> str | None:
    """/dev/shm when it is a writable folder (the server's files then live in memory: the hundreds of
    databases a test session creates and drops cost no disk writes), else the system's temporary folder."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


def start(bin_dir: Path | None = None, folder: str | None = None) -> Server:
    """initdb + start in a fresh temporary folder (in `folder`, else /dev/shm when there is one); returns when the
    server accepts connections. A bench store of 100k articles (~8 GB) goes on disk: `folder` /tmp."""
    bin_dir = bin_dir or binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL's binaries (initdb, pg_ctl) are not installed")
    user = "nobody" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="newsdesk-pg-", dir=folder or _memory_folder()))
    server = Server(bin_dir, root, user)
    if (started := _started(os.getpid())) is not None:  # (no /proc: no owner recorded, never swept)
        (root / OWNER_FILE).write_text(f"{os.getpid()} {started}")
        STARTED.append(root)
    server.socket_dir.mkdir()
    if user is not None:
        entry = pwd.getpwnam(user)
        for p in (root, server.socket_dir):
            os.chown(p, entry.pw_uid, entry.pw_gid)
    try:
        server._run("initdb", "-D", str(server.data_dir), "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{server.socket_dir}' -p {PORT}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
            " -c shared_buffers=128MB"
        )
        server._run("pg_ctl", "-D", str(server.data_dir), "-o", options, "-l", str(root / "log"), "-w", "start")
    except subprocess.CalledProcessError as e:
        log = (root / "log").read_text(errors="replace") if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {e.stderr.decode(errors='replace')}\n{log}") from e
    return server


def serve() -> None:
    """Start a server, print its URL, and stop it (its folder removed) on Ctrl-C or SIGTERM: `kill` or a job
    control's stop left the postmaster running before, its folder in /dev/shm, until the machine restarted."""
    s = start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # SystemExit runs the `finally` below
    try:
        print(s.url(), flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        s.stop()


if __name__ == "__main__":
    serve()

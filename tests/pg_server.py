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

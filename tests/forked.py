"""Real processes forked from a warm one: `python -m MODULE …` without paying the interpreter's start and imports.

Most of the CPU of a test that runs `python -m bot …` went to starting Python and importing the bot (a CLI command
~0.2–0.6 s, a worker ~1.1 s) before the few milliseconds of work the test is about. `Popen` and `run` here are
`subprocess`'s, with one difference: the child is not exec'd but forked from a server process (one per pytest
process, started at first use) that imported the bot's modules once (`WARM`) and has no thread. The child is a real
process with its own PID, exit code (negative for a signal), stdio on the pipes or files given, environment and
working directory, its own locks, and its own signals (`kill -9`, SIGINT, SIGTERM, a session for `killpg`): it
sets them up as `python -m` would (fresh `sys.stdin/stdout/stderr` on its descriptors with `PYTHONIOENCODING`,
`sys.argv`, `sys.path[0]`, a new `__main__`) and runs the module with `runpy`, so an exception, `SystemExit` or
KeyboardInterrupt ends it as the interpreter ends any process, atexit handlers and thread joins included.

What a forked child cannot have is refused (`ValueError`), not approximated: anything but `python -m MODULE`
(`-c`, `-W`, `-X`…), `executable`, `shell`, `preexec_fn`, `pass_fds`, user or group changes, a `PYTHON*` variable
that Python reads only at its start (`PYTHONHASHSEED`, `PYTHONWARNINGS`, `PYTHONDEVMODE`…, the locale's, or a
`PYTHONPATH` other than the project) with a value other than the server's, and `NEWSDESK_PG_POOL` (read when `bot.store.pgstore` is imported, so that module is not
warmed: its child imports it with its own environment). Children share the server's string hash seed. Tests about
starting a process — what it imports, its start-up cost, its interpreter flags — start one with `subprocess`.

The server answers each request on its own connection: the child's PID at once, then, when the child has ended,
its wait status and its CPU seconds (its own and its waited-for children's, plus the fork's in the server), which
`CPU` adds up so that `tests/cpu_profile.py` counts them as it counts a `subprocess` child's (the server's start and
imports are charged to the test that started it).
"""

from __future__ import annotations

import atexit
import codecs
import contextlib
import importlib
import io
import json
import os
import runpy
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# What a `python -m bot` command, the worker, the bulk ingest and the multi-process test's bot import between them
# (each command imports its services at its first use: bot/terminal/cli.py).
WARM = (
    "bot.__main__",
    "bot.ingest.claims_refresh",
    "bot.ingest.fetcher",
    "bot.extract.document",
    "bot.extract.events",
    "bot.ingest.fetch",
    "bot.services.digest",
    "bot.services.feeds",
    "bot.services.guilds",
    "bot.services.quotes",
    "bot.services.sources",
    "bot.services.stance",
    "bot.services.stance_query",
    "bot.services.timeline",
    "bot.services.topics",
    "bot.terminal.console",
    "bot.terminal.progress",
    "bot.worker",
    "tests.paused_worker",
)
# Modules that read the environment when imported: a warm copy would keep the server's values.
COLD = ("bot.store.pgstore",)
# `PYTHON*` variables a child may carry: the ones a start-up reads are the server's (hash seed, warnings, flags).
CHILD_PYTHON_VARS = frozenset({"PYTHONIOENCODING", "PYTHONUNBUFFERED", "PYTHONPATH"})
# Read at a start too (the standard streams' default encoding and errors): a child's must be the server's.
LOCALE_VARS = frozenset({"LANG", "LC_ALL", "LC_CTYPE"})
REFUSED_VARS = frozenset({"NEWSDESK_PG_POOL"})
_HEADER = struct.Struct("!I")


class _CPU:
    """The CPU seconds of the forked children this process has waited for (cpu_profile.py reads `seconds`)."""

    seconds = 0.0


CPU = _CPU()


# --- the client: in the test's process --------------------------------------------------------------------------


class _Server:
    """The fork server of this process: started at first use, stopped at exit (or when this process dies: it
    reads its stdin to the end)."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="newsdesk-fork-")
        self.path = os.path.join(self.folder, "socket")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
        env["PYTHONPATH"] = str(ROOT)
        env.pop("PYTHONIOENCODING", None)
        env.pop("PYTHONUNBUFFERED", None)
        # what the server's start read, and so every child has
        self.python_vars = {k: v for k, v in env.items() if _at_start(k)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.forked", self.path],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        ready = self.proc.stdout.readline()
        if ready != b"ready\n":
            self.proc.kill()
            raise RuntimeError(f"the fork server did not start: {ready!r}")
        CPU.seconds += _process_cpu(self.proc.pid)  # its start and imports, charged to the test that needed it
        self.pid = os.getpid()
        atexit.register(self.stop)

    def stop(self) -> None:
        if self.pid != os.getpid():  # a child of this process (a fork) does not own the server
            return
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for name in os.listdir(self.folder):
            os.unlink(os.path.join(self.folder, name))
        os.rmdir(self.folder)

    def start(self, request: dict[str, Any], fds: list[int]) -> tuple[socket.socket, int]:
        """The connection the child's end will be reported on, and the child's PID."""
        data = json.dumps(request).encode()
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(self.path)
        socket.send_fds(conn, [_HEADER.pack(len(data)) + data], fds)
        line = _read_line(conn, block=True)
        if line is None:
            conn.close()
            raise RuntimeError("the fork server ended before starting the process")
        return conn, int(line)


_server: _Server | None = None


def _process_cpu(pid: int) -> float:
    """A running process's own CPU seconds so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _the_server() -> _Server:
    global _server
    if _server is None or _server.pid != os.getpid() or _server.proc.poll() is not None:
        _server = _Server()
    return _server


def _read_line(conn: socket.socket, *, block: bool, buffer: bytearray | None = None) -> bytes | None:
    """One line from the connection (None at its end, b"" when not blocking and none is there yet)."""
    buffer = buffer if buffer is not None else bytearray()
    while b"\n" not in buffer:
        if not block and not select.select([conn], [], [], 0)[0]:
            return b""
        part = conn.recv(4096)
        if not part:
            return None
        buffer += part
    line, _, rest = bytes(buffer).partition(b"\n")
    buffer[:] = rest
    return line


def _module_argv(args: Any) -> tuple[str, list[str]]:
    argv = [os.fspath(a) for a in args] if not isinstance(args, (str, bytes)) else [args]
    if len(argv) < 3 or argv[0] != sys.executable or argv[1] != "-m":
        raise ValueError(f"only `sys.executable -m MODULE …` is forked, not {argv[:3]}")
    return argv[2], argv[3:]


def _python_path(env: dict[str, str]) -> list[Path]:
    return [Path(p).resolve() for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]


def _at_start(key: str) -> bool:
    return (key.startswith("PYTHON") and key not in CHILD_PYTHON_VARS) or key in LOCALE_VARS


def _checked_env(env: Any, python_vars: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ if env is None else env)
    at_start = {k: v for k, v in env.items() if _at_start(k)}
    for key in sorted(REFUSED_VARS & env.keys() | at_start.keys() ^ python_vars.keys()):
        raise ValueError(f"{key} is read at a process's start: start this one with subprocess")
    for key in sorted(k for k in at_start if at_start[k] != python_vars[k]):
        raise ValueError(f"{key}={at_start[key]!r} is read at a process's start: start this one with subprocess")
    if any(p != ROOT for p in _python_path(env)):
        raise ValueError(f"PYTHONPATH={env['PYTHONPATH']!r} is not the project's: start this one with subprocess")
    return env


class Popen(subprocess.Popen):  # type: ignore[type-arg]
    """`subprocess.Popen` for `[sys.executable, "-m", MODULE, …]`, the child forked from the warm server."""

    _channel: socket.socket | None = None

    def _execute_child(  # type: ignore[override]
        self,
        args: Any,
        executable: Any,
        preexec_fn: Any,
        close_fds: bool,
        pass_fds: Any,
        cwd: Any,
        env: Any,
        startupinfo: Any,
        creationflags: int,
        shell: bool,
        p2cread: int,
        p2cwrite: int,
        c2pread: int,
        c2pwrite: int,
        errread: int,
        errwrite: int,
        restore_signals: bool,
        gid: Any,
        gids: Any,
        uid: Any,
        umask: int,
        start_new_session: bool,
        process_group: int,
    ) -> None:
        try:
            unsupported = [executable, preexec_fn, pass_fds, shell, gid, gids, uid, umask >= 0, process_group != -1]
            if any(unsupported):
                raise ValueError("a forked child takes no executable, shell, preexec_fn, pass_fds, ids or umask")
            module, argv = _module_argv(args)
            folder = os.path.abspath(os.fspath(cwd)) if cwd is not None else os.getcwd()
            server = _the_server()
            found = _checked_env(env, server.python_vars)
            if module.split(".")[0] == "tests" and ROOT not in (Path(folder), *_python_path(found)):
                raise ValueError(f"python -m {module} in {folder} would not find {module}: give PYTHONPATH")
            request = {
                "module": module,
                "argv": argv,
                "env": found,
                "cwd": folder,
                "session": bool(start_new_session),
            }
            fds = [p2cread if p2cread != -1 else 0, c2pwrite if c2pwrite != -1 else 1, errwrite if errwrite != -1 else 2]
            self._channel, self.pid = server.start(request, fds)
            self._pending = bytearray()
            self._child_created = True
        finally:
            self._close_pipe_fds(p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

    def _status(self, block: bool) -> int | None:
        """The child's wait status once it has ended (None before: `block` waits for it)."""
        if self._channel is None:
            raise ChildProcessError(f"process {self.pid} was already waited for")
        line = _read_line(self._channel, block=block, buffer=self._pending)
        if line == b"":
            return None
        self._channel.close()
        self._channel = None
        if line is None:
            raise RuntimeError(f"the fork server ended before process {self.pid} did")
        ended = json.loads(line)
        CPU.seconds += ended["cpu"]
        return int(ended["status"])

    def _try_wait(self, wait_flags: int) -> tuple[int, int]:
        status = self._status(block=not wait_flags & os.WNOHANG)
        return (0, 0) if status is None else (self.pid, status)

    def _internal_poll(self, _deadstate: int | None = None, **_: Any) -> int | None:
        return super()._internal_poll(_deadstate, _waitpid=lambda pid, flags: self._try_wait(flags))  # type: ignore[misc]


def run(
    args: Any, *, input: Any = None, timeout: float | None = None, check: bool = False, capture_output: bool = False,
    **kwargs: Any,
) -> subprocess.CompletedProcess[Any]:  # fmt: skip
    """`subprocess.run` with a forked child."""
    if input is not None:
        kwargs["stdin"] = subprocess.PIPE
    if capture_output:
        kwargs["stdout"] = kwargs["stderr"] = subprocess.PIPE
    with Popen(args, **kwargs) as process:
        try:
            out, err = process.communicate(input, timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        code = process.poll()
    if check and code:
        raise subprocess.CalledProcessError(code, process.args, output=out, stderr=err)
    return subprocess.CompletedProcess(process.args, code, out, err)  # type: ignore[arg-type]


# --- the server: `python -m tests.forked SOCKET` ----------------------------------------------------------------


def _threads() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return 1


def _receive(conn: socket.socket) -> tuple[dict[str, Any], list[int]]:
    data, fds, _, _ = socket.recv_fds(conn, 1 << 16, 3)
    if len(data) < _HEADER.size or len(fds) != 3:
        for fd in fds:
            os.close(fd)
        raise ValueError("a malformed request")
    (size,) = _HEADER.unpack_from(data)
    body = bytearray(data[_HEADER.size :])
    while len(body) < size:
        part = conn.recv(size - len(body))
        if not part:
            raise ValueError("a request cut short")
        body += part
    return json.loads(body), fds


def _warm() -> None:
    """Import `WARM` and fill what a command reads once per process: SudachiPy's dictionary and the lexicon's
    synonym groups and neighbours (~0.7 s of every `quote` process's CPU)."""
    for name in WARM:
        importlib.import_module(name)
    from bot.extract import lexicon
    from bot.text import query_tokens

    query_tokens("停戦の合意")
    lexicon.synonyms_of("合意")
    lexicon.neighbours_of("合意", 0.5)


def serve(path: str) -> tuple[dict[str, Any], list[int]] | None:
    """Fork a child per request until stdin ends; in a child, return its request and descriptors (None in the
    server when it is done)."""
    _warm()
    cold = [name for name in COLD if name in sys.modules]
    if cold or _threads() != 1:  # a fork copies one thread: the others' locks could be held forever in the child
        raise RuntimeError(f"the fork server is not fit to fork: {_threads()} threads, {cold} imported")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # its only work: the wake-up byte that ends `select`
    waiting: dict[int, tuple[socket.socket, float]] = {}
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        ready = select.select([listener, wake_r, sys.stdin], [], [])[0]
        if wake_r in ready:
            os.read(wake_r, 4096)
        while waiting:
            try:
                pid, status, usage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            conn, fork_cpu = waiting.pop(pid)
            ended = {"status": status, "cpu": usage.ru_utime + usage.ru_stime + fork_cpu}
            with contextlib.suppress(OSError):  # the test's process may no longer listen
                conn.sendall(json.dumps(ended).encode() + b"\n")
            conn.close()
        if sys.stdin in ready and not os.read(sys.stdin.fileno(), 4096):
            return None  # the test's process ended
        if listener in ready:
            conn, _ = listener.accept()
            try:
                request, fds = _receive(conn)
            except (OSError, ValueError):
                conn.close()
                continue
            sys.stdout.flush()
            sys.stderr.flush()
            before = time.process_time()
            pid = os.fork()
            if pid == 0:
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                return request, fds
            fork_cpu = time.process_time() - before
            for fd in fds:
                os.close(fd)
            conn.sendall(f"{pid}\n".encode())
            waiting[pid] = (conn, fork_cpu)


def _stream(fd: int, old: io.TextIOWrapper, env: dict[str, str]) -> io.TextIOWrapper:
    """A standard stream on `fd` as Python's start makes it (`create_stdio`): `PYTHONIOENCODING`'s encoding and
    errors (the server's where it names none); buffered and line-buffered on a terminal (stderr always), or with `PYTHONUNBUFFERED` stdout and stderr
    unbuffered and written through."""
    encoding, _, errors = env.get("PYTHONIOENCODING", "").partition(":")
    buffered = not env.get("PYTHONUNBUFFERED")
    raw = io.FileIO(fd, "rb" if fd == 0 else "wb", closefd=False)
    layer: Any = raw
    if fd == 0:
        layer = io.BufferedReader(raw)
    elif buffered:
        layer = io.BufferedWriter(raw)
    return io.TextIOWrapper(
        layer,
        encoding=codecs.lookup(encoding).name if encoding else old.encoding,
        errors=(errors if fd != 2 else "") or old.errors,  # stderr's are backslashreplace whatever is asked
        newline="\n",
        line_buffering=buffered and (raw.isatty() or fd == 2),
        write_through=not buffered and fd != 0,
    )


def become(request: dict[str, Any], fds: list[int]) -> None:
    """In the forked child: take the request's stdio, environment, folder and session, and run its module as
    `python -m` runs one."""
    if request["session"]:
        os.setsid()
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # the server's socket and pipe, the received descriptors
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    env = request["env"]
    sys.stdin = sys.__stdin__ = _stream(0, sys.stdin, env)  # type: ignore[arg-type,misc]
    sys.stdout = sys.__stdout__ = _stream(1, sys.stdout, env)  # type: ignore[arg-type,misc]
    sys.stderr = sys.__stderr__ = _stream(2, sys.stderr, env)  # type: ignore[arg-type,misc]
    sys.path[0] = os.getcwd()  # `python -m` puts the working folder first
    sys.argv = [request["module"], *request["argv"]]  # runpy sets argv[0] to the module's file
    sys.modules["__main__"] = types.ModuleType("__main__")
    # run as `python -m` runs it: the module (or package's `__main__`) is not imported yet, only what it imports
    sys.modules.pop(request["module"] + ".__main__", None)
    sys.modules.pop(request["module"], None)
    runpy._run_module_as_main(request["module"])  # type: ignore[attr-defined]  # what `python -m` calls


if __name__ == "__main__":
    child = serve(sys.argv[1])
    if child is not None:
        become(*child)

"""Run untrusted parsing (HTML, PDF, feeds) in child processes with a wall-clock timeout and a memory limit.

Parsers of hostile input can hold the GIL for minutes (lxml on a tag with 160,000 attributes) or allocate
gigabytes (a PDF whose pages share one compressed stream). In a thread that freezes the whole bot; here it
costs one child process, which is killed and replaced:

* each worker is a fresh interpreter (``python -c`` via ``subprocess``: no inherited locks, sockets, ``__main__``
  re-import or token) talking pickles over a socket pair, limited with ``resource.setrlimit``: address space
  (``RLIMIT_AS``) and CPU seconds (a backstop);
* the parent enforces a wall-clock timeout per job, waiting on the pipe in a thread, so the event loop never
  waits on a parser;
* a worker that times out, runs out of memory or dies is killed; the next job gets a fresh one.

``Sandbox.run(func, *args)`` calls a module-level function in a worker and returns its result; exceptions it
raises come back as they are (they must pickle), limits broken raise ``SandboxError`` with ``code``
``"timeout"``, ``"memory"`` or ``"crashed"``. ``shared()`` is the process-wide sandbox the bot uses;
``use()`` swaps it (tests set low limits).
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import io
import logging
import math
import os
import pickle
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

__all__ = ["Limits", "Sandbox", "SandboxError", "shared", "use"]

log = logging.getLogger(__name__)

T = TypeVar("T")

_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What one job may use. ``memory_mb`` is the worker's whole address space (interpreter included)."""

    timeout: float = 30.0  # wall-clock seconds per job
    memory_mb: int = 1536
    cpu_seconds: int = 120  # per job; a backstop behind the wall-clock timeout
    startup_timeout: float = 60.0  # seconds a new worker may take to import the parsers
    preload: tuple[str, ...] = (  # imported when a worker starts (webpage imports its extractors where it uses them)
        "bot.ingest.webpage", "bot.ingest.feeds", "trafilatura", "trafilatura.xml", "pypdf", "feedparser", "lxml.html",
    )  # fmt: skip


class SandboxError(Exception):
    """A job broke a limit or killed its worker; ``code`` is ``timeout``, ``memory`` or ``crashed``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# --- the child --------------------------------------------------------------------------------------


def _limit(kind: int, value: int) -> None:
    """Lower one resource limit of this process (never above a hard limit already set)."""
    if resource is None:  # not a Unix system: the parent's wall-clock timeout still applies
        return
    with contextlib.suppress(ValueError, OSError):
        _soft, hard = resource.getrlimit(kind)
        resource.setrlimit(kind, (value if hard == resource.RLIM_INFINITY else min(value, hard), hard))


# What a worker may send back. The parent reads answers with a restricted unpickler: a worker that hostile input
# took over must not be able to run code in the bot through a crafted pickle.
_ANSWER_CLASSES = frozenset(
    {
        ("bot.ingest.webpage", "ExtractedArticle"),
        ("bot.ingest.feeds", "ParsedFeed"),
        ("bot.ingest.feeds", "FeedItem"),
        ("bot.ingest.fetch", "FetchError"),
        ("bot.ingest.fetch", "FetchedPage"),
        ("bot.user_errors", "UserError"),  # a refusal's words: a code and parameters (strings, numbers, lists)
        ("bot.user_errors", "_rebuild"),
        ("builtins", "RuntimeError"),
        ("builtins", "ValueError"),
        ("builtins", "set"),
        ("builtins", "frozenset"),
        ("copyreg", "_reconstructor"),
        ("builtins", "object"),
    }
)


def _answerable(exc: BaseException) -> bool:
    cls = type(exc)
    return (cls.__module__, cls.__qualname__) in _ANSWER_CLASSES


class _AnswerUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ANSWER_CLASSES:
            raise pickle.UnpicklingError(f"a parser worker sent {module}.{name}, which is not an answer")
        return super().find_class(module, name)


def _load_answer(data: bytes) -> Any:
    return _AnswerUnpickler(io.BytesIO(data)).load()


def _cpu_budget(seconds: int) -> None:
    """Let the next job use ``seconds`` of CPU from now (a long-lived worker must not run out between jobs)."""
    if resource is None:
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with contextlib.suppress(ValueError, OSError):
        _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        soft = math.ceil(usage.ru_utime + usage.ru_stime) + seconds
        resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def serve(fd: int, memory_mb: int, cpu_seconds: int, preload: list[str]) -> None:
    """A worker's life (``python -c``): set limits, import the parsers, answer jobs until the pipe closes."""
    import importlib

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in a terminal is the parent's to handle
    conn = Connection(fd)
    for name in preload:
        importlib.import_module(name)
    if resource is not None:
        _limit(resource.RLIMIT_AS, memory_mb * _MB)
    conn.send(("ready", os.getpid()))  # job timeouts start after this: imports are not the job's time
    while True:
        try:
            func, args = conn.recv()
        except (EOFError, OSError):
            return
        _cpu_budget(cpu_seconds)
        try:
            reply: tuple[str, Any] = ("ok", func(*args))
        except MemoryError:
            reply = ("memory", None)
        except Exception as exc:
            reply = ("raised", exc if _answerable(exc) else RuntimeError(f"{type(exc).__name__}: {exc}"))
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("memory", None))
        except Exception as exc:  # an unpicklable result or exception: say what it was
            conn.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))
        if reply[0] == "memory":
            return  # the heap may be fragmented past use; the parent starts a fresh worker


_PROJECT = Path(__file__).resolve().parents[2]  # the folder holding bot/
_SECRETS = ("DISCORD_TOKEN", "NEWSDESK_DATABASE_URL")


def _command(limits: Limits, fd: int) -> list[str]:
    call = f"from bot.ingest.sandbox import serve; serve({fd}, {limits.memory_mb}, {limits.cpu_seconds}, {list(limits.preload)!r})"
    return [sys.executable, "-c", call]


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SECRETS}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_PROJECT), env.get("PYTHONPATH", "")) if p)
    return env


# --- the parent -------------------------------------------------------------------------------------


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.wait(5)
        with contextlib.suppress(Exception):
            self.conn.close()


@dataclass
class _LoopState:
    loop: asyncio.AbstractEventLoop
    slots: asyncio.Semaphore


@dataclass
class Sandbox:
    """A small pool of worker processes for untrusted parsing (see the module docstring)."""

    limits: Limits = field(default_factory=Limits)
    workers: int = 2
    _idle: list[_Worker] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _state: _LoopState | None = None
    replaced: int = 0  # workers killed for breaking a limit (for tests and the bench)
    closed: bool = False

    def _slots(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if self._state is None or self._state.loop is not loop:
            self._state = _LoopState(loop, asyncio.Semaphore(self.workers))
        return self._state.slots

    def _start(self) -> _Worker:
        ours, theirs = socket.socketpair()
        try:
            process = subprocess.Popen(
                _command(self.limits, theirs.fileno()),
                pass_fds=(theirs.fileno(),),
                env=_environment(),
                stdin=subprocess.DEVNULL,
                close_fds=True,
            )
        finally:
            theirs.close()
        worker = _Worker(process, Connection(ours.detach()))
        try:
            if not worker.conn.poll(self.limits.startup_timeout):
                raise TimeoutError
            _load_answer(worker.conn.recv_bytes())
        except (TimeoutError, EOFError, OSError, pickle.UnpicklingError):
            worker.kill()
            raise SandboxError("crashed", "the parser process could not start") from None
        return worker

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.alive():
                    return worker
                worker.kill()
        return self._start()

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if self.closed:
                worker.kill()
            else:
                self._idle.append(worker)

    def warm(self) -> None:
        """Start one idle worker now (its imports take a second), so the first job does not wait for them."""
        worker = self._start()
        self._give_back(worker)

    async def run(self, func: Callable[..., T], *args: Any) -> T:
        """``func(*args)`` in a worker process; its result, its exception, or ``SandboxError``."""
        if self.closed:
            raise RuntimeError("the sandbox is closed")
        async with self._slots():
            worker = await asyncio.to_thread(self._take)
            try:
                await asyncio.to_thread(worker.conn.send, (func, args))
                await _readable(worker.conn, self.limits.timeout)  # the loop waits; no thread sits on the pipe
                kind, value = await asyncio.to_thread(_receive, worker)
            except TimeoutError:
                await self._replace(worker, "timeout")
                raise SandboxError("timeout", f"took longer than {self.limits.timeout:g} seconds") from None
            except (BrokenPipeError, ConnectionError, EOFError):
                await self._replace(worker, "pipe closed")
                raise SandboxError("crashed", "the parser process died") from None
            except BaseException:  # cancelled, or the job could not be pickled
                await asyncio.shield(self._replace(worker, "interrupted"))
                raise
            if kind == "ok":
                self._give_back(worker)
                return value  # type: ignore[no-any-return]
            if kind == "raised":
                self._give_back(worker)
                raise value
            await self._replace(worker, kind)
            if kind == "memory":
                raise SandboxError("memory", f"needed more than {self.limits.memory_mb} MB")
            if kind == "cpu":
                raise SandboxError("timeout", f"used more than {self.limits.cpu_seconds} seconds of CPU")
            raise SandboxError("crashed", value or "the parser process died")

    async def _replace(self, worker: _Worker, why: str) -> None:
        self.replaced += 1
        log.warning("parser worker %s killed (%s)", worker.pid, why)
        await asyncio.to_thread(worker.kill)

    def close(self) -> None:
        """Stop every idle worker (busy ones are killed when their job ends)."""
        with self._lock:
            self.closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()


async def _readable(conn: Connection, timeout: float) -> None:
    """Wait until the pipe has data (or the worker died and closed it); TimeoutError after ``timeout``."""
    if conn.poll(0):
        return
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = conn.fileno()
    try:
        loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
    except NotImplementedError:  # an event loop without readers (Windows' proactor): a thread polls instead
        if not await asyncio.to_thread(conn.poll, timeout):
            raise TimeoutError from None
        return
    try:
        await asyncio.wait_for(ready, timeout)
    finally:
        loop.remove_reader(fd)


def _receive(worker: _Worker) -> tuple[str, Any]:
    """The worker's answer; ('memory' | 'crashed', detail) when it died instead."""
    try:
        data = worker.conn.recv_bytes()
    except (EOFError, OSError):
        pass
    else:
        try:
            return _load_answer(data)  # type: ignore[no-any-return]
        except Exception as exc:  # not an answer we know: treat the worker as compromised
            return "crashed", f"the parser process sent something unexpected ({exc})"
    with contextlib.suppress(subprocess.TimeoutExpired):
        worker.process.wait(1)
    code = worker.process.returncode
    if code == -signal.SIGXCPU:
        return "cpu", None
    if code is not None and code < 0 and -code in (signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS):
        return "memory", None  # allocation failures in C code usually end this way under RLIMIT_AS
    return "crashed", f"the parser process died (exit code {code})"


_shared: Sandbox | None = None
_shared_lock = threading.Lock()


def shared() -> Sandbox:
    """The process-wide sandbox (created on first use, workers started as jobs need them)."""
    global _shared
    with _shared_lock:
        if _shared is None or _shared.closed:
            _shared = Sandbox(workers=max(1, min(2, os.cpu_count() or 1)))
        return _shared


@contextlib.contextmanager
def use(sandbox: Sandbox) -> Iterator[Sandbox]:
    """Make ``sandbox`` the shared one inside the block (tests: low limits); closes it afterwards."""
    global _shared
    with _shared_lock:
        previous, _shared = _shared, sandbox
    try:
        yield sandbox
    finally:
        with _shared_lock:
            _shared = previous
        sandbox.close()


@atexit.register
def _close_shared() -> None:
    """Stop the idle workers when the bot or the CLI exits (they would also stop on their own: the pipe closes)."""
    if _shared is not None:
        _shared.close()

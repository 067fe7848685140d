"""Jobs the sandbox tests send to a worker: module-level (the worker imports them by name) and light to import."""

from __future__ import annotations

import os
import time

from bot.ingest.fetch import FetchError


def worker_pid() -> int:
    return os.getpid()


def hog(megabytes: int) -> int:
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def refuse() -> None:
    raise FetchError("no_article", "No article text found on that page.", url="https://example.jp/a")


def spin(seconds: float) -> float:
    """Burn CPU (not wall-clock sleep) for about ``seconds``."""
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
    return time.process_time() - start


def foreign_answer() -> object:
    """An object of a class the parent does not accept from a worker (as a compromised worker might send)."""
    import datetime

    return datetime.date(2025, 1, 1)


def foreign_error() -> None:
    raise KeyError("lxml said no")

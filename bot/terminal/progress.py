"""Progress of a bulk ingest for a terminal: a bar (tqdm) on a TTY, plain periodic lines otherwise.

Used by the CLI and the console; the Discord front end edits its deferred reply instead (see
`commands/sources.py`). Lines printed while a bar is shown go through `write`, so they do not tear it.
"""

from __future__ import annotations

import os
import sys
import time
from typing import IO

from tqdm import tqdm

from bot.ingest.bulk import BulkProgress

PLAIN_EVERY_SECONDS = 10.0


def duration(seconds: float | None) -> str:
    """12s, 4m05s, 1h02m."""
    if seconds is None:
        return "?"
    s = round(seconds)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


def status_line(p: BulkProgress) -> str:
    """One line: how far, how fast, how long still, and the counts so far."""
    where = f"{p.done:,}/{p.total:,} ({p.done / p.total:.0%})" if p.total else f"{p.done:,}"
    eta = f", ETA {duration(p.eta)}" if p.total and not p.finished else ""
    return (
        f"{where} sources, {p.rate:.1f}/s{eta} — {p.added:,} added, {p.duplicates:,} duplicate, {p.refused:,} refused"
    )


def summary_lines(p: BulkProgress) -> list[str]:
    """The end of a run: the refusals by reason, the time, then the counts (the last line, as scripts read it)."""
    lines = [f"  refused {n:,}: {reason}" for reason, n in sorted(p.reasons.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines.append(f"{p.done:,} sources in {duration(p.elapsed)} ({p.rate:.1f}/s)")
    lines.append(f"{p.added} added, {p.duplicates} duplicate, {p.refused} refused")
    return lines


def _columns(stream: IO[str]) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 0


class TerminalProgress:
    """Shows a run's progress on `stream`: a live bar when it is a terminal, else a line every 10 s."""

    def __init__(self, total: int | None, stream: IO[str] | None = None, *, label: str = "ingest") -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.label = label
        self.last_line = time.monotonic()
        self.bar: tqdm | None = None
        if self.tty:
            # A terminal that reports no size (a bare pty: `script`, `docker run -t`) gets no bar at all
            # from tqdm (0 rows, 0 columns): it is drawn 80 columns wide instead.
            sized = _columns(self.stream) > 0
            self.bar = tqdm(
                total=total,
                unit=" articles",
                file=self.stream,
                dynamic_ncols=sized,
                ncols=None if sized else 80,
                nrows=None if sized else 24,
                desc=label,
            )

    def update(self, p: BulkProgress) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(f"{p.added} added, {p.duplicates} dup, {p.refused} refused", refresh=False)
            self.bar.update(p.done - self.bar.n)  # redraws at most every 0.1 s
        elif not p.finished and time.monotonic() - self.last_line >= PLAIN_EVERY_SECONDS:
            self.last_line = time.monotonic()
            print(f"{self.label}: {status_line(p)}", file=self.stream, flush=True)

    def write(self, line: str, stream: IO[str]) -> None:
        """Print a line (a per-source report) without breaking the bar."""
        if self.bar is not None:
            tqdm.write(line, file=stream)
        else:
            print(line, file=stream)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

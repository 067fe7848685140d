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
from bot.readable import reason_text
from bot.words import Words

EN = Words("en")

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


def status_line(p: BulkProgress, W: Words = EN) -> str:
    """One line: how far, how fast, how long still, and the counts so far."""
    where = f"{p.done:,}/{p.total:,} ({p.done / p.total:.0%})" if p.total else f"{p.done:,}"
    eta = W("text.bulk.eta", eta=duration(p.eta)) if p.total and not p.finished else ""
    counts = W("text.ingest.counts", added=f"{p.added:,}", duplicates=f"{p.duplicates:,}", refused=f"{p.refused:,}")
    return W("text.bulk.status", where=where, rate=f"{p.rate:.1f}", eta=eta, counts=counts)


def summary_lines(p: BulkProgress, W: Words = EN) -> list[str]:
    """The end of a run: the refusals by reason, the time, then the counts (the last line, as scripts read it).

    A kind of refusal is said by its first example in the reader's language (the kind itself, which has
    no file name or figures, in English)."""
    lines = [
        W("text.bulk.refused_kind", n=f"{n:,}", reason=_reason(p, kind, W))
        for kind, n in sorted(p.reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    lines.append(W("text.bulk.done", done=f"{p.done:,}", elapsed=duration(p.elapsed), rate=f"{p.rate:.1f}"))
    if p.stopped is not None:
        lines.append(W("text.bulk.stopped", reason=p.stopped))
    lines.append(W("text.ingest.counts", added=p.added, duplicates=p.duplicates, refused=p.refused))
    return lines


def _reason(p: BulkProgress, kind: str, W: Words) -> str:
    example = p.examples.get(kind)
    if W.lang == "en" or example is None or example.error is None:
        return kind
    return reason_text(example, W.lang)


def _columns(stream: IO[str]) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 0


class TerminalProgress:
    """Shows a run's progress on `stream`: a live bar when it is a terminal, else a line every 10 s."""

    def __init__(
        self, total: int | None, stream: IO[str] | None = None, *, label: str = "ingest", words: Words = EN
    ) -> None:
        self.stream = stream or sys.stderr
        self.words = words
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
            counts = self.words("text.ingest.counts", added=p.added, duplicates=p.duplicates, refused=p.refused)
            self.bar.set_postfix_str(counts, refresh=False)
            self.bar.update(p.done - self.bar.n)  # redraws at most every 0.1 s
        elif not p.finished and time.monotonic() - self.last_line >= PLAIN_EVERY_SECONDS:
            self.last_line = time.monotonic()
            print(f"{self.label}: {status_line(p, self.words)}", file=self.stream, flush=True)

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

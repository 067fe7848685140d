"""The CLI's bulk ingest on a real terminal (a pty): a progress bar with rate and ETA, the refusals as they
happen without tearing it, and the summary at the end."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests import forked
from tests.test_bulk import ROOT, article

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _read_all(fd: int, proc: subprocess.Popen[bytes], limit: float) -> str:
    out = b""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the other end closed (Linux: EIO)
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    return out.decode("utf-8", errors="replace")


@pytest.mark.parametrize("size", [(40, 120), (0, 0)], ids=["sized", "a pty that reports no size"])
def test_the_cli_draws_a_progress_bar_on_a_terminal_and_ends_with_the_summary(tmp_path: Path, size) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(3):
        (folder / f"t{n}.md").write_text(article(n), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00binary")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    env.update(PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", NEWSDESK_SEEDS=str(tmp_path / "no-seeds"))
    env.update(COLUMNS="120", LINES="40", TERM="xterm")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
    try:
        proc = forked.Popen(
            [sys.executable, "-m", "bot", "--db", str(tmp_path / "tty.db"), "ingest", str(folder)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=slave,
        )
        os.close(slave)
        slave = -1
        screen = _read_all(master, proc, 300)
        out = proc.stdout.read().decode("utf-8") if proc.stdout else ""
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)
    assert proc.returncode == 2  # something was refused
    text = ANSI.sub("", screen).replace("\r", "\n")
    bars = [line for line in text.splitlines() if line.startswith("ingest:") and "%|" in line]
    assert bars, screen  # tqdm's bar, not the plain status lines
    # done, with the rate: tqdm prints it as "articles/s", or inverted as "s/ articles" below one a second (a
    # loaded machine), so neither form is a timing asserted
    assert any("4/4" in b and re.search(r"articles/s|s/ articles", b) for b in bars), bars
    assert re.search(r"\d+/4 \[\d\d:\d\d<\d\d:\d\d", text), text  # elapsed < ETA
    assert "bad.txt: a binary file, not text" in text.split("refused 1:")[0]  # printed as it happens
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[-1] == "3 added, 0 duplicate, 1 refused"
    assert "  refused 1: a binary file, not text" in lines
    assert [line.split()[0] for line in out.splitlines()] == ["added"] * 3

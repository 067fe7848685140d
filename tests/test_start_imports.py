"""What a `python -m bot` command imports at start: the libraries only some commands use are imported where they
are used, not by every command, bulk worker and console (aiohttp by a fetch, feedparser and lxml by reading a feed, psycopg by a PostgreSQL store,
trafilatura and pypdf by reading a page or a PDF, discord.py by the bot). Each was ~0.1–0.3 s of CPU at every
start of a process the suite starts by the hundred."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LATER = ("aiohttp", "feedparser", "lxml", "psycopg", "psycopg_pool", "trafilatura", "pypdf", "discord")


def test_the_command_line_and_the_bulk_workers_import_no_library_they_may_not_use() -> None:
    code = (
        "import sys, bot.__main__, bot.ingest.bulk, bot.ingest.pipeline;"
        f"print(' '.join(m for m in {LATER!r} if m in sys.modules))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == []

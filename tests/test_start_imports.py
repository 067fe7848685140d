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


def imported_at_start(modules: str, names: tuple[str, ...]) -> list[str]:
    """Which of `names` a fresh process holds once it has imported `modules` (a comma-separated list)."""
    code = f"import sys, {modules}; print(' '.join(m for m in {names!r} if m in sys.modules))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


def test_the_command_line_and_the_bulk_workers_import_no_library_they_may_not_use() -> None:
    assert imported_at_start("bot.__main__, bot.ingest.bulk, bot.ingest.pipeline, bot.worker", LATER) == []


# What only some commands run: each command imports its service in its own function (bot/terminal/cli.py), and the
# ingestion modules import the extraction rules at their first use (bot/ingest/pipeline.py `LATER`): a `--help`,
# `timeline` or `sources` process imported them all (~0.2 s of CPU at each start).
LATER_IN_BOT = (
    "bot.extract.document",
    "bot.extract.stance",
    "bot.extract.events",
    "bot.ingest.claims_refresh",
    "bot.ingest.fetch",
    "bot.services.quotes",
    "bot.services.feeds",
    "bot.services.sources",
    "bot.services.stance_query",
    "bot.terminal.console",
    "bot.terminal.progress",
    "charset_normalizer",
    "sudachipy",
    "tqdm",
)


def test_the_command_line_imports_no_command_and_no_extraction_rule_at_start() -> None:
    modules = "bot.__main__, bot.ingest.bulk, bot.ingest.pipeline, bot.services"
    assert imported_at_start(modules, LATER_IN_BOT) == []


def test_the_names_imported_later_are_the_modules_own() -> None:
    """`pipeline.extract_document`, `bulk.same_event`, `bot.services.find_quote`: the functions themselves, which
    the bench and the tests replace there; a name not kept is still an AttributeError."""
    import pytest

    from bot import services
    from bot.extract import document, events
    from bot.ingest import bulk, claims_refresh, fetch, pipeline
    from bot.services import quotes

    assert pipeline.extract_document is document.extract_document
    assert pipeline.content_hash is document.content_hash
    assert pipeline.same_event is bulk.same_event is events.same_event
    assert pipeline.decode_text is fetch.decode_text
    assert bulk.refresh_claims is claims_refresh.refresh_claims
    assert services.find_quote is quotes.find_quote
    for module in (pipeline, bulk, services):
        with pytest.raises(AttributeError):
            module.no_such_name  # noqa: B018

"""The command line's query commands in-process, on one store opened once: the quality floors' CLI.

`InProcessCLI` (tests/test_quality_floor.py) calls `bot.terminal.cli.main` for each command, which opens the
store, runs one command and closes it again, each in a new event loop: ~60 % of a floor's query's CPU was that
opening and closing (measured on haneda2024: 36 ms per `quote`, of which the query itself is 16 ms), and the floors
make ~3,000 such calls a run. `StoreSession` parses each command's arguments with the command line's own parser
(the same words, defaults and refusals) and runs the command's own function (`COMMANDS`) on a store opened once, in
one event loop, so the JSON it prints is the command line's; a refusal raises, as a non-zero exit does for
`InProcessCLI`. The store's opening and closing are the command line's tests' to check (tests/test_cli*.py), not
the scorer's: the floors score answers.
"""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Callable, Coroutine
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from bot.config import Settings
from bot.ingest.bulk import BulkError
from bot.ingest.pipeline import open_store
from bot.services.errors import UserError, default_language
from bot.store import Store, StoreError
from bot.terminal.cli import COMMANDS, _parser, _refusal
from bot.terminal.parser_words import parser_words, requested_language

# The scorer's commands, which only read: a command that writes (ingest, topics add, …) goes through `InProcessCLI`.
QUERIES = frozenset({"quote", "stance", "timeline"})

T = TypeVar("T")


class StoreSession:
    """`with StoreSession(db) as cli: cli("quote", text, "--json")` — the scorer's CLI callable."""

    def __init__(self, db: Path) -> None:
        self.db = str(db)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._store: Store | None = None

    def __enter__(self) -> StoreSession:
        settings = Settings.from_env(db=self.db)
        self._loop = asyncio.new_event_loop()
        self._store = self._loop.run_until_complete(
            open_store(settings.db_path, settings.seeds_dir, lock_wait=settings.lock_wait)
        )
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        assert self._loop is not None and self._store is not None
        try:
            self._loop.run_until_complete(self._store.close())
        finally:
            self._loop.close()
            self._loop = self._store = None

    def __call__(self, *args: str, parse: bool = True) -> Any:
        assert self._loop is not None and self._store is not None, "use StoreSession in a with block"
        argv = ["--db", self.db, *args]
        lang = requested_language(argv)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                with parser_words(lang):
                    parsed = _parser(lang, default_language()).parse_args(argv)
                if parsed.command not in QUERIES or getattr(parsed, "guild", None) is not None:
                    raise ValueError(f"StoreSession answers queries without a server only, not {args[:2]}")
                code = self._loop.run_until_complete(COMMANDS[parsed.command](self._store, parsed))
            except SystemExit as e:  # argparse refuses an argument this way
                code = e.code if isinstance(e.code, int) else 2
            except (UserError, StoreError, BulkError) as e:  # `main` prints these and exits 2
                print(_refusal(parsed.lang, e.render(parsed.lang)), file=err)
                code = 2
        if code != 0:
            raise RuntimeError(f"{' '.join(args)[:80]} exited {code}: {err.getvalue().strip()[-300:]}")
        return json.loads(out.getvalue()) if parse else out.getvalue()

    def on_store(self, work: Callable[[Store], Coroutine[Any, Any, T]]) -> T:
        """`work(store)` run on the session's open store, in its event loop: a check of what the store holds made
        on the store the questions were just asked of (what they kept of it still refers to it)."""
        assert self._loop is not None and self._store is not None, "use StoreSession in a with block"
        return self._loop.run_until_complete(work(self._store))

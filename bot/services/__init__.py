"""The query API every front end calls (CLI, console, Discord cogs). Returns plain dataclasses.

`find_quote` is imported at its first use: every `bot.services.X` import runs this file first, and the quote search
behind it (its scorers, the attribution rules) is ~0.15 s of CPU that a `timeline`, `feeds` or `worker` process
never uses."""

from typing import Any

from bot.services.errors import QueryError

__all__ = ["QueryError", "find_quote"]


def __getattr__(name: str) -> Any:
    if name == "find_quote":
        from bot.services.quotes import find_quote

        return find_quote
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The query API every front end calls (CLI, console, Discord cogs). Returns plain dataclasses."""

from bot.services.errors import QueryError
from bot.services.quotes import find_quote

__all__ = ["QueryError", "find_quote"]

"""Errors every front end shows to the user as one short line."""

from __future__ import annotations


class QueryError(ValueError):
    """Bad user input: the message says what to do instead."""

    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions or []

    def __str__(self) -> str:
        if self.suggestions:
            return f"{self.message} Did you mean: {', '.join(self.suggestions)}?"
        return self.message

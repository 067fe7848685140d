"""Keep secrets out of log output: the bot token and Discord's interaction tokens.

At DEBUG level discord.py logs every gateway event (an interaction's ``"token"``: 15 minutes of acting as the
bot in that channel) and every HTTP route (``/webhooks/{app}/{token}``, ``/interactions/{id}/{token}/callback``).
``redact`` rewrites such text; ``RedactingFilter`` applies it to every record a handler emits; ``install`` puts
the filter on the root logger's handlers.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

__all__ = ["REDACTED", "RedactingFilter", "install", "redact"]

REDACTED = "[redacted]"

_PATTERNS = (
    re.compile(r"""(['"]token['"]\s*:\s*['"])[^'"]+"""),  # "token": "…" in a payload (JSON or a dict's repr)
    re.compile(r"(/webhooks/\d+/)[^/\s?'\"]+"),  # interaction follow-ups and webhooks
    re.compile(r"(/interactions/\d+/)[^/\s?'\"]+"),  # interaction callbacks
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with interaction/webhook tokens and each of ``secrets`` replaced by ``[redacted]``."""
    for secret in secrets:
        if secret and len(secret) >= 8:
            text = text.replace(secret, REDACTED)
    for pattern in _PATTERNS:
        text = pattern.sub(rf"\g<1>{REDACTED}", text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback text) through ``redact`` before it is formatted."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it for logging to report
            return True
        cleaned = redact(message, self.secrets)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        return True


def install(secrets: Iterable[str] = (), logger: logging.Logger | None = None) -> RedactingFilter:
    """Add a ``RedactingFilter`` to every handler of ``logger`` (default: the root logger)."""
    target = logger or logging.getLogger()
    found = RedactingFilter(secrets)
    for handler in target.handlers:
        handler.addFilter(found)
    return found

"""The services' error: ``UserError(code, **params)``, rendered by the front ends in the reader's language.

Defined in bot.user_errors (which imports nothing of the project, so the ingest modules and the models
can raise and carry it); re-exported here for the services and the front ends.
"""

from __future__ import annotations

from bot.user_errors import QueryError, UserError, address_kind, default_language, language, thing

__all__ = ["QueryError", "UserError", "address_kind", "default_language", "language", "thing"]

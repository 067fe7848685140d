"""An ingestion job's outcome as the jobs table keeps it (JSON), and back: what the worker did, for whoever waits.

The bot that handed `/source add` to a worker rebuilds the `IngestResult` from it and answers as if it had
ingested the source itself, the refusal's code and parameters included (said in the reader's language).
"""

from __future__ import annotations

from typing import Any

from bot.models import IngestResult
from bot.user_errors import UserError

FIELDS = ("status", "name", "document_id", "title", "outlet", "published", "passages", "events", "statements",
          "new_actors", "reason", "duplicate_of")  # fmt: skip


def to_payload(result: IngestResult) -> dict[str, Any]:
    payload = {name: getattr(result, name) for name in FIELDS}
    if result.error is not None:
        payload["error"] = {"code": result.error.code, "params": result.error.params}
    return payload


def from_payload(payload: dict[str, Any]) -> IngestResult:
    values = {name: payload[name] for name in FIELDS if name in payload}
    error = payload.get("error")
    return IngestResult(**values, error=UserError(error["code"], **error["params"]) if error else None)

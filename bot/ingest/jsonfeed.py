"""JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1): a JSON object with ``version`` and ``items``.

Each item: ``id`` (required, any string), ``url``, ``external_url``, ``title``, ``content_html`` /
``content_text``, ``summary``, ``date_published``, ``date_modified`` (RFC 3339). Only the fields the
store uses are read, and each one is checked for its type: a number where a string belongs is ignored.
"""

from __future__ import annotations

import json
from typing import Any

from bot.user_errors import UserError, stored

__all__ = ["JSON_FEED_VERSION_PREFIX", "JsonEntry", "read_json_feed"]

JSON_FEED_VERSION_PREFIX = "https://jsonfeed.org/version/"

JsonEntry = dict[str, str | None]


def _text(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key == "id":
        return str(value)  # 1.0 feeds often use numbers for ids
    return value if isinstance(value, str) and value.strip() else None


def read_json_feed(text: str) -> tuple[dict[str, str | None], list[JsonEntry]] | None:
    """(feed fields, item fields) of a JSON Feed, or None when the text is not one."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    version = data.get("version")
    items = data.get("items")
    if not isinstance(version, str) or not version.startswith(JSON_FEED_VERSION_PREFIX) or not isinstance(items, list):
        return None
    meta = {"title": _text(data, "title"), "link": _text(data, "home_page_url")}
    entries: list[JsonEntry] = []
    for item in items:
        if not isinstance(item, dict):
            entries.append({"error": stored(UserError("feed.entry_not_object"))})
            continue
        entries.append(
            {
                "id": _text(item, "id"),
                "link": _text(item, "url") or _text(item, "external_url"),
                "title": _text(item, "title"),
                "summary": _text(item, "summary") or _text(item, "content_text") or _text(item, "content_html"),
                "published": _text(item, "date_published") or _text(item, "date_modified"),
            }
        )
    return meta, entries

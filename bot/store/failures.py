"""Failures the database keeps (a feed's last poll, each feed item's outcome, the digest's last posting): since
migration 14 a code and its parameters (`bot.user_errors.stored`), said in each reader's language when shown
(`stored_in`). A row an older version kept as an English sentence is rewritten by that migration into its code
and parameters where the sentence is one of the locale file's messages (`read_message`); text no message
matches stays as it was and is shown as stored."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.user_errors import STORED_MARK, read_message, stored

# (table, key column, failure column, longest text kept)
COLUMNS = (
    ("feeds", "id", "last_error", 300),
    ("feed_items", "id", "reason", 500),
    ("digest_settings", "guild_id", "last_error", 500),
)


async def _rows(db: Any, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    async with db.execute(sql, params) as cur:
        return list(await cur.fetchall())


async def store_codes(db: Any) -> int:
    """Rewrite the failures older versions kept as English sentences (inside the migration's transaction);
    returns how many rows were rewritten."""
    changed = 0
    for table, key, column, limit in COLUMNS:
        rows = await _rows(
            db,
            f"SELECT {key}, {column} FROM {table} WHERE {column} IS NOT NULL AND substr({column}, 1, ?) <> ?",
            (len(STORED_MARK), STORED_MARK),
        )
        for row in rows:
            row_key, text = row[0], row[1]
            error = read_message(text)
            if error is None:
                continue
            await db.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (stored(error, limit=limit), row_key))
            changed += 1
    return changed

"""Failures the database keeps are a code and its parameters (issue 13): said in each reader's language when
shown, never an English sentence read back; rows an older version kept as English sentences are rewritten by
migration 14 (bot/store/failures.py), on both backends."""

from __future__ import annotations

import re

from bot.store import failures
from bot.user_errors import STORED_MARK, UserError, from_stored, stored, stored_in

KANA_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_a_stored_failure_is_its_code_and_parameters_nested_ones_too():
    error = UserError("feed.gave_up", reason=UserError("fetch.http_status", status=503), attempts=5)
    text = stored(error)
    assert text.startswith(STORED_MARK) and "gave up" not in text
    back = from_stored(text, english=False)
    assert back is not None and back.code == "feed.gave_up" and back.params["reason"].code == "fetch.http_status"
    assert stored_in(text, "en") == error.render("en")
    ja = stored_in(text, "ja")
    assert ja == error.render("ja") and KANA_KANJI.search(ja) and "gave up" not in ja
    # a label a query puts before it ("title: failure"), even one holding ": " itself
    assert stored_in(f"記事: 第2報: {text}", "ja") == f"記事: 第2報: {ja}"


def test_a_long_parameter_is_cut_so_the_failure_stays_within_its_column():
    text = stored(UserError("digest.failed.http", status=500, text="x" * 5000), limit=300)
    assert len(text) <= 300 and from_stored(text, english=False).code == "digest.failed.http"  # type: ignore[union-attr]


async def test_older_rows_english_sentences_are_rewritten_as_codes(store):
    """The rewrite migration 14 runs, on an older row of each kind; text no message matches stays as it was."""
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO feeds(id, guild_id, url, added_at, next_poll_at, last_error) VALUES (?, 0, ?, ?, ?, ?)",
            (901, "https://news.example/feed", "2025-01-01", "2025-01-01", "The site answered HTTP 503."),
        )
        await db.execute(
            "INSERT INTO feeds(id, guild_id, url, added_at, next_poll_at, last_error) VALUES (?, 0, ?, ?, ?, ?)",
            (902, "https://news.example/other", "2025-01-01", "2025-01-01", "something no message says"),
        )
        await db.execute(
            "INSERT INTO digest_settings(guild_id, channel_id, updated_at, last_error) VALUES (?, ?, ?, ?)",
            (5, 77, "2025-01-01", "channel 77 not found (deleted?); choose another with /digest setup"),
        )
    async with store.transaction() as db:
        assert await failures.store_codes(db) == 2
    rows = {r[0]: r[1] for r in await store.fetchall("SELECT id, last_error FROM feeds WHERE id IN (901, 902)")}
    assert rows[901].startswith(STORED_MARK) and stored_in(rows[901], "en") == "The site answered HTTP 503."
    assert KANA_KANJI.search(stored_in(rows[901], "ja")) and "site" not in stored_in(rows[901], "ja")
    assert rows[902] == "something no message says"
    digest = await store.fetchone("SELECT last_error FROM digest_settings WHERE guild_id = 5")
    assert digest is not None and digest[0].startswith(STORED_MARK)
    assert KANA_KANJI.search(stored_in(digest[0], "ja"))
    async with store.transaction() as db:  # done once: nothing left to rewrite
        assert await failures.store_codes(db) == 0

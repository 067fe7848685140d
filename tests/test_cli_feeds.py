"""`newsdesk feeds …` and `ingest URL` on a feed: CLI wording, `feeds resume`, item counts, one-line errors.

The feed comes from a real HTTP server on 127.0.0.1; the CLI reaches it with NEWSDESK_ALLOW_PRIVATE_FETCH=127.0.0.1
(an allowlist naming that loopback address alone).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from bot.terminal.cli import main
from tests.hostile_feeds import article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], seeded_db: Path):
    for key in list(os.environ):
        if key.startswith(("NEWSDESK_", "DISCORD_")):
            monkeypatch.delenv(key)
    monkeypatch.setenv("NEWSDESK_SEEDS", str(SEEDS))
    monkeypatch.setenv("NEWSDESK_ALLOW_PRIVATE_FETCH", "127.0.0.1")

    def call(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--db", str(seeded_db), *args])
        except SystemExit as e:
            code = int(e.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return call


def _loopback(url: str) -> str:
    return url.replace("//localhost:", "//127.0.0.1:")  # the allowlist names the address, not the name


def serve(server: HTTPServer) -> str:
    base = _loopback(server.url_for("").rstrip("/"))
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>CLI通信</title>'
        f'<item><title>記事1</title><link>{base}/a/1</link><guid isPermaLink="false">c1</guid></item>'
        '<item><title>記事2</title><link>http://h:99999/x</link><guid isPermaLink="false">c2</guid></item>'
        "</channel></rss>"
    )
    server.expect_request("/feed.xml").respond_with_data(feed, content_type="text/plain; charset=utf-8")
    server.expect_request("/same.xml").respond_with_data(feed, content_type="application/rss+xml")
    server.expect_request("/a/1").respond_with_data(article(1), content_type="text/html; charset=utf-8")
    return _loopback(server.url_for("/feed.xml"))


def test_feeds_add_poll_list_resume(run, httpserver: HTTPServer, seeded_db: Path) -> None:
    db = seeded_db
    url = serve(httpserver)
    code, out, err = run("feeds", "add", url)
    assert code == 0 and out.startswith("subscribed #1"), err
    code, out, _ = run("feeds", "poll", "--json")
    [polled] = json.loads(out)["polls"]
    assert code == 0 and polled["stored_quietly"] == 1 and polled["error"] is None
    assert polled["failed"][0]["label"] == "記事2" and polled["failed"][0]["retry_at"] is None
    assert run("feeds", "add", url.replace("/feed.xml", "/same.xml"))[0] == 0
    code, out, _ = run("feeds", "poll")  # the second feed lists the same two items
    assert code == 0 and out.startswith("feed #2 ") and "0 new, 1 failed" in out
    assert "failed: 記事2: the link 'http://h:99999/x' is not a valid URL" in out
    code, out, _ = run("feeds", "list")
    assert code == 0 and "#1 " in out and "2 items: 1 stored, 1 failed, 0 skipped — ok" in out
    assert "last item error: 記事2:" in out
    code, out, _ = run("feeds", "list", "--json")
    listed = json.loads(out)["feeds"][0]
    assert code == 0 and (listed["items"], listed["fetched"], listed["failed"], listed["skipped"]) == (2, 1, 1, 0)
    assert listed["last_item_error"].startswith("記事2: the link")
    code, out, _ = run("feeds", "resume", "2")
    assert code == 0 and "feed #2 was not paused" in out
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE feeds SET paused = 1, failures = 10, last_error = 'HTTP 500' WHERE id = 2")
    code, out, _ = run("feeds", "list")
    assert "paused after 10 failures: HTTP 500" in out
    with closing(sqlite3.connect(db)) as conn, conn:  # a failure stored as English text by an older version
        conn.execute("UPDATE feeds SET last_error = 'The feed URL is empty.' WHERE id = 2")
    code, out, _ = run("--lang", "ja", "feeds", "list")  # health words and stored failures in Japanese
    assert "— 正常" in out and "停止中(10回連続で失敗): フィードの URL が空です。" in out, out
    assert "直近の項目エラー：記事2: リンク「http://h:99999/x」は正しい URL ではありません" in out
    assert not re.search(r"\b(ok|paused|failing|failures|link|valid)\b", out), out
    code, out, _ = run("feeds", "resume", "2")
    assert code == 0 and "feed #2 resumed; it is polled at the next `feeds poll`" in out
    code, out, _ = run("feeds", "list")
    assert "paused" not in out
    code, out, err = run("feeds", "resume", "9")
    assert code == 2 and out == "" and err.strip() == "error: no feed #9; `feeds list` lists them"


def test_ingest_of_a_feed_names_the_cli_command(run, httpserver: HTTPServer) -> None:
    url = serve(httpserver)
    code, _, err = run("ingest", url)
    assert code == 2 and "Traceback" not in err
    assert f"follow it with `newsdesk feeds add {url}`" in err and "/source" not in err

"""Every word the command line says is the reader's language (issue 13): each path of the CLI scenarios —
`--help` of every command, argparse's usage errors, the answers, the refusals — run with `--lang ja` has no
English word but a name, an address, an id or a command (the allow-list below), and with the default
language no Japanese but the articles' own text."""

from __future__ import annotations

import argparse
import asyncio
import json
import re
from pathlib import Path

import pytest

from bot.ingest.pipeline import ingest_text
from bot.rows import Provenance
from bot.store import Store
from bot.store.tenancy import mark_left
from bot.terminal.cli import build_parser
from bot.topics import TOPIC_LABELS
from tests import test_cli
from tests.test_tenancy import ARTICLE_A

run_main = test_cli.run_main
ROOT = Path(__file__).resolve().parents[1]
KANA_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Every command the parser has: a command added later is walked too.
SUBCOMMANDS = sorted(
    name
    for action in build_parser()._actions
    if isinstance(action, argparse._SubParsersAction)
    for name in action.choices
)
# What a Japanese reader is shown as written: commands and their values, the program's and formats' names,
# ("error:", which starts a refusal, is the reader's word too: エラー:)
COMMANDS = {*SUBCOMMANDS, "list", "add", "remove", "rename", "resume", "poll", "newsdesk", "python", "bot"}
COMMANDS |= {"en", "ja", "host", "pid", "jobs", "help", "txt", "md", "json", "url"} | set(TOPIC_LABELS)
NAMES = {"Newsdesk", "Discord", "Asia", "Tokyo", "http", "https", "ftp", "Atom"}
# Names as written: the registry's (English names and aliases), the outlets', the topics' cue words, and every
# word of the seed articles (a passage, a title, an outlet an article cites are shown as the article has them).
REGISTRY = json.loads((ROOT / "bot/data/actors.json").read_text(encoding="utf-8"))
NAMES |= {w for a in REGISTRY["actors"] for n in [a.get("name_en") or "", *a["aliases"]] for w in LATIN_WORD.findall(n)}
# a body's other names (bot/data/body_names.json) are its aliases once discovered, shown as written: 外務省 is also
# "Japan's foreign ministry" (the whole name only: its words alone are no names)
BODY_NAMES = sorted(
    (n for g in json.loads((ROOT / "bot/data/body_names.json").read_text(encoding="utf-8"))["groups"] for n in g),
    key=len,
    reverse=True,
)
NAMES |= {w for n in json.loads((ROOT / "bot/data/outlets.json").read_text()).values() for w in LATIN_WORD.findall(str(n))}
NAMES |= {w for t in json.loads((ROOT / "bot/data/topics.json").read_text(encoding="utf-8"))["topics"]
          for w in LATIN_WORD.findall(" ".join(t.get("cues", []))) if len(w) > 3}
NAMES |= {w for f in (ROOT / "seeds").glob("*.*") for w in LATIN_WORD.findall(f.read_text(encoding="utf-8")) if w[0].isupper()}
AS_WRITTEN = re.compile(
    r"https?://\S+|ftp://\S+|`[^`]*`|(?<!\w)/[a-z]+(?: (?:add|list|remove|rename))?|\b[a-z]+:(?=\S)|\b[a-z]+(?:_[a-z]+)+\b|--?[a-z][a-z-]*|\b[A-Z][A-Z0-9_]+\b|\b\w+\.(?:txt|md|db)\b|\./\S+|"
    r"\b[A-Z]{2,}(?:-\d+)?\b|YYYY(?:-MM(?:-DD)?)?"
)
HUGE = "99999999999999999999"
SCENARIOS = [
    ["--help"],
    *([command, "--help"] for command in SUBCOMMANDS),
    ["nope"],
    ["quote"],
    ["timeline", "--since"],
    ["quote", "x", "--limit", "99"],
    ["quote", "国を売ることはできない"],
    ["quote", "まったく存在しない発言の文言です"],
    ["timeline"],
    ["timeline", "--since", "yesterday"],
    ["stance", "ゼレンスキー", "--topic", "ceasefire"],
    ["stance", "トランプ", "--about", "米国との鉱物資源の協定"],
    ["stance", "Trunp"],
    ["sources"],
    ["sources", "1"],
    ["sources", HUGE],
    ["topics"],
    ["actors"],
    ["digest", "--since", "2020-01-01"],
    ["guilds"],
    ["guilds", "remove", "555"],
    ["quote", "国を売る", "--guild", "999"],
    ["feeds"],
    ["feeds", "remove", HUGE],
    ["ingest", "ftp://example.com/a.txt"],
    ["ingest", "--batch-size", "0", "x"],
    ["run", "--shard-ids", "x"],
    *(["console", "--once", line] for line in ("/help", "/timeline", "/stance actor:Trunp", "/sources", "/nope")),
    ["console", "--once", "/quote text:国を売ることはできない"],
]
TYPED = {"Trunp", "yesterday", "nope", "x", "a", "often"}
PATH = re.compile(r"(?:/[\w.\-]+)+/?")  # a file's path, shown as written


@pytest.fixture
def with_server(seeded_db: Path) -> Path:
    """The seeds, and server 555's article; the bot was removed from 555."""

    async def build() -> None:
        store = await Store.open(seeded_db)
        try:
            await ingest_text(store, ARTICLE_A, name="north.txt", provenance=Provenance(guild_id=555))
            await mark_left(store, 555, "2026-12-01T00:00:00+00:00")
        finally:
            await store.close()

    asyncio.run(build())
    return seeded_db


def english_words(text: str) -> list[str]:
    """The Latin-letter words of a Japanese answer that are none of the names, addresses, ids and commands
    a Japanese reader is shown as written."""
    rest = text
    for name in BODY_NAMES:
        rest = rest.replace(name, " ")
    rest = AS_WRITTEN.sub(" ", rest)
    allowed = COMMANDS | NAMES | TYPED
    return [w for w in LATIN_WORD.findall(rest) if w not in allowed and w.lower() not in allowed]


@pytest.mark.parametrize("args", SCENARIOS, ids=" ".join)
def test_every_cli_path_speaks_japanese_with_lang_ja(run_main, with_server, args) -> None:  # type: ignore[no-untyped-def]
    _code, out, err = run_main("--db", with_server, "--lang", "ja", *args)
    assert "Traceback" not in err
    for line in (out + err).splitlines():
        if line.startswith("  一節：") or line.startswith("    • "):  # an article's own text, as written
            continue
        assert not english_words(line), f"{args}: English in a Japanese answer: {line!r}"


@pytest.mark.parametrize("args", [a for a in SCENARIOS if "--help" in a or a[0] in ("nope", "guilds", "feeds")])
def test_help_usage_and_refusals_have_no_japanese_in_english(run_main, with_server, args) -> None:  # type: ignore[no-untyped-def]
    _code, out, err = run_main("--db", with_server, *args)
    assert "Traceback" not in err
    assert not KANA_KANJI.search(out + err), f"{args}: Japanese in an English answer: {out + err}"


def test_newsdesk_lang_ja_also_gives_argparse_in_japanese(run_main, with_server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSDESK_LANG", "ja")
    code, _, err = run_main("--db", with_server, "quote")
    assert code == 2 and err.strip() == "newsdesk quote: エラー: 次の引数が必要です: TEXT"
    code, out, _ = run_main("--db", with_server, "--help")
    assert code == 0 and out.startswith("使い方: newsdesk") and "オプション:" in out
    code, out, _ = run_main("--db", with_server, "--lang", "en", "--help")  # --lang wins over the environment
    assert out.startswith("usage: newsdesk") and not KANA_KANJI.search(out)


# --- the error paths: what fails outside the services (the database, a setting) is said like a refusal ------------


def _failing_database(kind: str, tmp_path: Path, seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], object]:
    """The arguments that meet a database that cannot be used, and what holds it so (closed at the end)."""
    import sqlite3

    if kind == "a_folder":
        return ["--db", str(tmp_path), "sources"], None
    if kind == "under_a_file":
        (tmp_path / "plain.txt").write_text("x")
        return ["--db", str(tmp_path / "plain.txt" / "sub" / "newsdesk.db"), "sources"], None
    if kind == "damaged":
        bad = tmp_path / "garbage.db"
        bad.write_bytes(b"this is not a database file at all, just some bytes" * 100)
        return ["--db", str(bad), "sources"], None
    if kind == "newer":
        conn = sqlite3.connect(seeded_db)
        conn.execute("PRAGMA user_version = 999")
        conn.commit()
        conn.close()
        return ["--db", str(seeded_db), "sources"], None
    assert kind == "locked"  # another process holds the write lock for longer than the writer waits
    monkeypatch.setenv("NEWSDESK_LOCK_WAIT", "0.2")
    holder = sqlite3.connect(seeded_db, isolation_level=None, timeout=0.1)
    holder.execute("BEGIN IMMEDIATE")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_A, encoding="utf-8")
    return ["--db", str(seeded_db), "ingest", str(article)], holder


DATABASE_FAILURES = ["a_folder", "under_a_file", "damaged", "newer", "locked"]
SETTINGS_FAILURES = {
    "allowlist": ("NEWSDESK_ALLOW_PRIVATE_FETCH", "10.0.0.0/8, not a host!"),
    "feed_minutes": ("NEWSDESK_FEED_MINUTES", "often"),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("kind", DATABASE_FAILURES)
def test_a_database_that_cannot_be_used_is_one_line_in_the_readers_language(
    run_main, seeded_db, tmp_path, monkeypatch, kind, lang
) -> None:  # type: ignore[no-untyped-def]
    args, holder = _failing_database(kind, tmp_path, seeded_db, monkeypatch)
    try:
        code, _out, err = run_main("--lang", lang, *args)
    finally:
        if holder is not None:
            holder.close()
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("WARNING")]
    assert code == 2 and "Traceback" not in err and len(lines) == 1, err
    line = lines[0]
    if lang == "ja":
        assert line.startswith("エラー: ") and not english_words(PATH.sub(" ", line)), line
    else:
        assert line.startswith("error: ") and not KANA_KANJI.search(line), line


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("setting", sorted(SETTINGS_FAILURES))
def test_a_bad_setting_is_one_line_naming_it_in_the_readers_language(run_main, with_server, monkeypatch, setting, lang) -> None:  # type: ignore[no-untyped-def]
    name, value = SETTINGS_FAILURES[setting]
    monkeypatch.setenv(name, value)
    code, _out, err = run_main("--db", with_server, "--lang", lang, "sources")
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert name in err
    if lang == "ja":
        assert err.startswith("エラー: ") and not english_words(err.replace("not a host!", "")), err
    else:
        assert err.startswith("error: ") and not KANA_KANJI.search(err), err


# A refusal's hint is said once: the words a reader is told to type or fix appear once in the line.
HINTED = [
    (["timeline", "--since", "yesterday"], ("YYYY-MM-DD",)),
    (["timeline", "--until", "2025-13-45"], ("YYYY-MM-DD",)),
    (["stance", "Trunp"], ("Trump",)),
    (["ingest", "ftp://example.com/a.txt"], ("ftp://example.com/a.txt", "http")),
    (["quote", "国を売る", "--guild", "999"], ("guilds",)),
]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("args,hints", HINTED, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_a_refusal_says_its_hint_once_in_one_language(run_main, with_server, args, hints, lang) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run_main("--db", with_server, "--lang", lang, *args)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1, err
    line = lines[0]
    for hint in hints:
        hint = "トランプ" if hint == "Trump" and lang == "ja" else hint
        assert line.count(hint) == 1 if hint != "http" else line.count("http") <= 2, (hint, line)
    if lang == "ja":
        assert line.startswith("エラー: ") and not english_words(line), line
    else:
        assert line.startswith("error: ") and not KANA_KANJI.search(line), line

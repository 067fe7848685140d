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
# and "error:", the marker scripts read at the start of a refusal.
COMMANDS = {*SUBCOMMANDS, "list", "add", "remove", "rename", "resume", "poll", "newsdesk", "python", "bot", "error"}
COMMANDS |= {"en", "ja", "host", "pid", "jobs", "help", "txt", "md", "json", "url"} | set(TOPIC_LABELS)
NAMES = {"Newsdesk", "Discord", "Asia", "Tokyo", "http", "https", "ftp", "Atom"}
# Names as written: the registry's (English names and aliases), the outlets', the topics' cue words, and every
# word of the seed articles (a passage, a title, an outlet an article cites are shown as the article has them).
REGISTRY = json.loads((ROOT / "bot/data/actors.json").read_text(encoding="utf-8"))
NAMES |= {w for a in REGISTRY["actors"] for n in [a.get("name_en") or "", *a["aliases"]] for w in LATIN_WORD.findall(n)}
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
    ["run", "--shard-ids", "x"],
    *(["console", "--once", line] for line in ("/help", "/timeline", "/stance actor:Trunp", "/sources", "/nope")),
    ["console", "--once", "/quote text:国を売ることはできない"],
]
TYPED = {"Trunp", "yesterday", "nope", "x", "a"}


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
    rest = AS_WRITTEN.sub(" ", text)
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
    assert code == 2 and err.strip() == "newsdesk quote: error: 次の引数が必要です: TEXT"
    code, out, _ = run_main("--db", with_server, "--help")
    assert code == 0 and out.startswith("使い方: newsdesk") and "オプション:" in out
    code, out, _ = run_main("--db", with_server, "--lang", "en", "--help")  # --lang wins over the environment
    assert out.startswith("usage: newsdesk") and not KANA_KANJI.search(out)

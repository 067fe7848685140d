"""The command line and the console answer in the reader's language (issue 13): with `--lang ja` (or the
console's `ja`) every heading, label, "no results" line and summary is Japanese, from the same locale keys as
Discord's; with `en`, English. Article text, names, ids, URLs and dates are shown as written."""

from __future__ import annotations

import re
import string

import pytest

from bot.store import Store
from bot.terminal import console
from bot.words import load
from tests.test_cli import run_main  # noqa: F401

KANA = re.compile(r"[\u3040-\u30ff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
HIRAGANA = re.compile(r"[\u3040-\u309f]")


def _pieces(lang: str) -> set[str]:
    """The literal words of the plain-text labels (between their placeholders) that only one language uses."""
    found: set[str] = set()
    for key, template in load(lang)["labels"].items():
        if not key.startswith("text."):
            continue
        for literal, *_ in string.Formatter().parse(template):
            for piece in re.split(r"[{}\n:;,.。、：（）()「」“”—–\-→←…]+", literal or ""):
                piece = piece.strip()
                if lang == "en" and len(LATIN_WORD.findall(piece)) >= 2 and not KANA.search(piece):
                    found.add(piece)
                if lang == "ja" and HIRAGANA.search(piece) and len(piece) >= 3:
                    found.add(piece)
    return found


EN_ONLY = _pieces("en")
JA_ONLY = _pieces("ja")
NOT_FOUND_QUOTE = "まったく存在しない発言の文言です"
# (CLI arguments, what the Japanese answer must say, what the English one must say)
COMMANDS = [
    (["quote", "あなたはギャンブルをしている"], "発言者：", "speaker:"),
    (["quote", NOT_FOUND_QUOTE], "見つかりません", "Not found"),
    (["timeline", "--since", "2025-03-01", "--until", "2025-03-13"], "[ウクライナ", "[Ukraine"),  # names: the reader's
    (["timeline", "--since", "1999-01-01", "--until", "1999-01-02"], "該当する出来事はありません", "No events match"),
    (["stance", "ゼレンスキー"], "論点ごとの立場", "Positions by topic"),
    (["stance", "ゼレンスキー", "--about", "米国との鉱物資源の協定"], "対象：", "About:"),
    (["topics"], "標準", "seed"),
    (["actors"], "発言", "statement"),
    (["sources"], "見出し", "title"),
    (["sources", "1"], "公開日", "published"),
    (["digest", "--since", "2000-01-01T00:00+00:00"], "新しい記事", "New sources"),
    (["guilds"], "共有", "shared"),
]


def _assert_language(text: str, japanese: bool, what: str) -> None:
    if japanese:
        leaked = sorted(w for w in EN_ONLY if w in text)
        assert not leaked, f"{what}: English in a Japanese answer: {leaked}\n{text[:600]}"
    else:
        leaked = sorted(w for w in JA_ONLY if w in text)
        assert not leaked, f"{what}: Japanese in an English answer: {leaked}\n{text[:600]}"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_cli_answers_in_the_readers_language(run_main, seeded_db, lang) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    for args, ja, en in COMMANDS:
        code, out, err = run_main("--db", seeded_db, "--lang", lang, *args)
        assert code == 0, (args, err)
        assert (ja if lang == "ja" else en) in out, (args, out[:600])
        _assert_language(out, lang == "ja", " ".join(args))


def test_names_follow_the_reader(run_main, seeded_db) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _, ja, _ = run_main("--db", seeded_db, "--lang", "ja", "stance", "トランプ")
    _, en, _ = run_main("--db", seeded_db, "--lang", "en", "stance", "トランプ")
    assert ja.startswith("トランプ (Donald Trump)") and en.startswith("Donald Trump (トランプ)")
    _, en_quote, _ = run_main("--db", seeded_db, "--lang", "en", "quote", "あなたはギャンブルをしている")
    assert "speaker: Donald Trump" in en_quote


@pytest.mark.parametrize("lang", ["ja", "en"])
async def test_console_answers_in_the_readers_language(store: Store, lang: str) -> None:
    lines = {
        "/help": ("コマンド", "Commands"),
        "/quote text:あなたはギャンブルをしている": ("発言者：", "speaker:"),
        f"/quote text:{NOT_FOUND_QUOTE}": ("見つかりません", "Not found"),
        "/stance actor:ゼレンスキー": ("論点ごとの立場", "Positions by topic"),
        "/topic list": ("標準", "seed"),
        "/sources": ("見出し", "title"),
        "/actors": ("発言", "statement"),
        "/source remove id:4242": ("ありません", "No document"),
    }
    for line, (ja, en) in lines.items():
        said = await console.answer(store, line, lang)
        assert (ja if lang == "ja" else en) in said, (line, said[:400])
        _assert_language(said, lang == "ja", line)

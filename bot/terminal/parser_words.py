"""argparse's own words — `usage:`, the headings of `--help`, its errors — in the reader's language (issue 13).

argparse says them through gettext (`argparse._`, `argparse.ngettext`, looked up when it speaks); while
`parser_words(lang)` is in effect they are read from the `argparse` section of commands/locale/<lang>.json
(msgid → translation; English needs none). The language is chosen before the parser reads the command line:
`--lang` as given there, else NEWSDESK_LANG.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence

from bot.user_errors import default_language, language, load


def requested_language(argv: Sequence[str]) -> str:
    """The language a command line asks for (`--lang ja`, `--lang=ja`), else NEWSDESK_LANG's, else English."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return language(argv[i + 1])
        if arg.startswith("--lang="):
            return language(arg.split("=", 1)[1])
    return default_language()


@contextlib.contextmanager
def parser_words(lang: str) -> Iterator[None]:
    """argparse speaks `lang` inside this block (building the parser, parsing, printing help or an error)."""
    table: dict[str, str] = load(lang).get("argparse", {}) if lang != "en" else {}
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def said(message: str) -> str:
        return table.get(message, message)

    def said_n(singular: str, plural: str, n: int) -> str:
        return said(singular if n == 1 else plural)

    argparse._, argparse.ngettext = said, said_n  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]

"""The quality floors' shared-store CLI (tests/cli_session.py) answers as the command line does.

The floors score the answers of `StoreSession`, which runs the query commands on one open store instead of
opening it for each call (`bot.terminal.cli.main`): its JSON must be the command line's, word for word, for every
command the scorer uses, its refusals must still raise, and it must refuse what it does not share (a command that
writes, a server's scope).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli_session import StoreSession
from tests.test_quality_floor import InProcessCLI

CALLS = [
    ("quote", "国を売ることはできない", "--json"),
    ("quote", "ロシアは何も得られない", "--json", "--limit", "2"),
    ("quote", "nothing of the sort was ever said here", "--json"),
    ("quote", '"国を" OR NEAR(売る) AND *', "--json"),  # FTS operators are words to the query, never syntax
    ("stance", "ゼレンスキー", "--json"),
    ("stance", "トランプ", "--json", "--topic", "minerals"),
    ("stance", "トランプ", "--json", "--about", "鉱物資源の取引"),
    ("timeline", "--json"),
    ("timeline", "--json", "--actor", "トランプ"),
    ("quote", "国を売ることはできない"),  # the text form too
    ("--lang", "en", "stance", "ゼレンスキー"),
]


@pytest.mark.parametrize("args", CALLS, ids=lambda a: " ".join(a)[:40])
def test_a_session_answers_as_the_command_line(seeded_db: Path, args: tuple[str, ...]) -> None:
    expected = InProcessCLI(seeded_db)(*args, parse=False)
    with StoreSession(seeded_db) as cli:
        assert cli(*args, parse=False) == expected
        assert cli(*args, parse=False) == expected  # and again on the same open store


def test_the_answers_follow_one_another_as_the_command_line_gives_them(seeded_db: Path) -> None:
    expected = [InProcessCLI(seeded_db)(*args, parse=False) for args in CALLS]
    with StoreSession(seeded_db) as cli:
        assert [cli(*args, parse=False) for args in CALLS] == expected


def _refused(cli: Callable[..., Any]) -> list[str]:
    said = []
    for args in (
        ("stance", "誰でもない架空の人物", "--json"),
        ("quote", "--limit", "99", "x"),
    ):  # the service's, argparse's
        with pytest.raises(RuntimeError, match="exited 2") as e:
            cli(*args)
        said.append(str(e.value))
    return said


def test_a_refusal_raises_as_a_non_zero_exit_does(seeded_db: Path) -> None:
    expected = _refused(InProcessCLI(seeded_db))
    with StoreSession(seeded_db) as cli:
        assert _refused(cli) == expected
        assert cli("quote", "国を売ることはできない", "--json")["matches"]  # a refusal leaves the session usable


@pytest.mark.parametrize(
    "args", [("ingest", "seeds/000.txt"), ("topics", "add", "x", "--cues", "y"), ("quote", "x", "--guild", "1")]
)
def test_a_session_refuses_what_it_does_not_share(seeded_db: Path, args: tuple[str, ...]) -> None:
    with StoreSession(seeded_db) as cli, pytest.raises(ValueError, match="queries without a server"):
        cli(*args)

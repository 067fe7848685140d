"""The composition root: `python -m bot` and the `newsdesk` script.

Only this module knows every front end: the terminal one (`bot/terminal/cli.py`) parses the command line
and runs the commands; `run` hands over to the Discord front end (`commands/client.py`, loaded only then)
and `worker` to the worker process (`bot/worker.py`). No other module of `bot/` imports a front end.
"""

from __future__ import annotations

import sys
from typing import Any

from bot.config import Settings
from bot.terminal.cli import main as terminal_main


def run_discord(settings: Settings, **shards: Any) -> int:
    """The Discord bot until it stops (discord.py is imported only for it)."""
    from commands.client import run

    return run(settings, **shards)


def main(argv: list[str] | None = None) -> int:
    return terminal_main(argv, run_bot=run_discord)


if __name__ == "__main__":
    sys.exit(main())

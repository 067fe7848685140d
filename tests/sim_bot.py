"""`python -m tests.sim_bot TARGET NAME SINK`: one bot process of the multi-process test (tests/test_processes_pg.py).

The real `NewsdeskBot` — its digest scheduler (`post_due_digests`: due servers, the claim, the nonce'd sends,
the record) and its feed loop (`poll_due_feeds`: a lease per feed) — on its own connection pool, in its own
OS process, without a gateway: SimCord cannot be reached from another process, so the channels it posts in
are stand-ins that append each message to SINK (a JSON line: channel, sender, nonce, message id; the ids
unique across processes) for the test to read, as Discord would hold them. The bot records those ids in the
digest's claim (`digest_posts.message_ids`), so the test checks the claims against what was sent.

Driven on stdin, one command a line: `tick ISO-INSTANT` sets the digest clock and runs one iteration of both
loops (feeds on the real clock, as workers poll them), answering `{"done": …}`; `quit` closes the store.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import zlib
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import discord

from bot.config import Settings
from bot.ingest.pipeline import open_store
from commands.client import NewsdeskBot

_message_ids = itertools.count(1)


class SinkChannel(discord.abc.Messageable):
    """A text channel whose messages are appended to the sink file (with the bot's name and the nonce)."""

    def __init__(self, channel_id: int, bot: ProcessBot) -> None:
        self.id = channel_id
        self.guild = None
        self._bot = bot

    async def _get_channel(self) -> Any:
        return self

    async def send(self, content: str | None = None, *, nonce: str | int | None = None, **kwargs: Any) -> Any:  # type: ignore[override]
        message_id = self._bot.id_base + next(_message_ids)
        at = self._bot.clock().isoformat()
        line = {"sent": self.id, "by": self._bot.owner, "nonce": nonce, "at": at, "message_id": message_id}
        with open(self._bot.sink, "a", encoding="utf-8") as out:
            out.write(json.dumps(line) + "\n")
        return SimpleNamespace(id=message_id)


class ProcessBot(NewsdeskBot):
    sink: str
    id_base: int

    def get_channel(self, id: int, /) -> Any:  # type: ignore[override]
        return SinkChannel(id, self)


async def main(target: str, name: str, sink: str) -> int:
    settings = Settings.from_env(db=target)
    store = await open_store(target, settings.seeds_dir)
    moment = {"now": datetime.now(UTC)}
    bot = ProcessBot(settings, store=store, clock=lambda: moment["now"], shard_count=1)
    bot.owner = name
    bot.sink = sink
    bot.id_base = zlib.crc32(name.encode()) * 1_000_000  # message ids no other process gives
    try:
        while line := (await asyncio.to_thread(sys.stdin.readline)).strip():
            command, _, arg = line.partition(" ")
            if command == "quit":
                break
            moment["now"] = datetime.fromisoformat(arg)
            posted = await bot.post_due_digests()
            polled = await bot.poll_due_feeds(datetime.now(UTC))
            print(json.dumps({"done": arg, "posted": posted, "polled": len(polled)}), flush=True)
    finally:
        if bot._http is not None:
            await bot._http.close()
        await store.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3])))

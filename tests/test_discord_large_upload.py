"""A large upload is ingested while readers keep asking: every interaction sent meanwhile is
answered, and the upload is stored whole. How long the loop stalls is the bench's figure
(`python -m bench.looplag`); no timing is asserted here. `NEWSDESK_STRESS=1` runs the largest
upload the bot accepts (4.8 MB) against 50 interactions and prints their wall-clock times."""

from __future__ import annotations

import asyncio
import os
import time

from bench.looplag import big_upload
from bot.services.sources import add_upload
from tests.test_discord_support import (  # noqa: F401
    World,
    bot_fixture,
    rejected_fixture,
    settings_fixture,
    texts,
    world_fixture,
)

QUOTE = "あなたはギャンブルをしている"
STRESS = bool(os.environ.get("NEWSDESK_STRESS"))


async def test_quotes_are_answered_while_a_large_upload_is_ingested(world: World, simcord_bot) -> None:
    data = big_upload(4_800_000 if STRESS else 600_000)  # the upload cap is 5 MB
    upload = asyncio.create_task(add_upload(simcord_bot.store, data, "large.txt", "text/plain"))
    waits: list[float] = []
    while len(waits) < (50 if STRESS else 5) or (not upload.done() and len(waits) < 50):
        started = time.perf_counter()
        result = await world.reader.slash(world.channel, "quote", text=QUOTE)
        waits.append(time.perf_counter() - started)
        assert result.response is not None
        assert QUOTE in texts(result.response) and "トランプ" in texts(result.response)
        await asyncio.sleep(0.05)
    answered = len(waits)
    if STRESS:
        print(
            f"\n{answered} /quote interactions during the upload: max {max(waits):.2f} s, "
            f"median {sorted(waits)[answered // 2]:.2f} s (wall clock, whole interaction)"
        )
    done = await upload
    assert done.status == "added", done.reason
    assert answered >= 5
    listed = await world.reader.slash(world.channel, "sources", id=done.document_id)
    assert "large.txt" in texts(listed.response)

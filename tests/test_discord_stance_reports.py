"""/stance about: through SimCord, a statement found through the report about the target (not through its own
words) is marked as such in the embed, in the reader's language, and the one naming the target is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.ingest.pipeline import ingest_text, open_store
from tests.test_discord_support import (  # noqa: F401
    SEEDS_DIR,
    World,
    bot_fixture,
    make_settings,
    reader_locale,
    rejected_fixture,
    world_fixture,
)
from tests.test_stance_about_reports import ELSEWHERE, PORT

MARKERS = {"en": "in a report on it", "ja": "関連報道から"}


@pytest.fixture(name="settings")
async def settings_fixture(seeded_db: Path) -> Settings:
    store = await open_store(str(seeded_db), SEEDS_DIR)
    try:
        for name, text in (("port.md", PORT), ("elsewhere.md", ELSEWHERE)):
            assert (await ingest_text(store, text, name=name)).status == "added"
    finally:
        await store.close()
    return make_settings(seeded_db)


@pytest.mark.parametrize("locale", ["en", "ja"])
async def test_a_statement_found_through_its_report_is_marked_in_the_embed(
    world: World, locale: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader_locale(monkeypatch, locale)
    result = await world.reader.slash(world.channel, "stance", actor="石破", about="港湾の民営化")
    assert not result.ephemeral
    lines = (result.response.embeds[0].description or "").splitlines()
    entries = ["\n".join(lines[i : i + 2]) for i, line in enumerate(lines) if line.startswith("`")]
    reaction = [e for e in entries if "受け止めを注視" in e]
    direct = [e for e in entries if "着実に進める" in e]
    assert reaction and direct, entries
    assert MARKERS[locale] in reaction[0].splitlines()[0]  # on the statement's head line, after its position
    assert not [e for e in direct if MARKERS[locale] in e]
    other = MARKERS["ja" if locale == "en" else "en"]
    assert other not in "\n".join(lines)

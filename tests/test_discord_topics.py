"""End to end through SimCord: /stance about:, the topic autocomplete, and the /topic admin commands."""

from __future__ import annotations

import pytest
from simcord import assert_error
from simcord.backend.errors import OptionError

from bot.services.errors import QueryError
from commands.checks import NotAdmin
from commands.embeds import STATEMENTS_PER_PAGE
from commands.render import EMBED_TOTAL
from tests.test_discord_support import (  # noqa: F401
    World,
    bot_fixture,
    rejected_fixture,
    settings_fixture,
    texts,
    world_fixture,
)


def embed_size(embed) -> int:  # type: ignore[no-untyped-def]
    return (
        len(embed.title or "")
        + len(embed.description or "")
        + len(embed.footer.text or "")
        + sum(len(f.name) + len(f.value) for f in embed.fields)
    )


async def test_stance_about_summary_on_one_embed_and_statements_paged(world: World) -> None:
    result = await world.reader.slash(world.channel, "stance", actor="ゼレンスキー", about="米国との鉱物資源の協定")
    page = result.response
    first = page.embeds[0]
    assert "米国との鉱物資源の協定" in first.title
    assert [f.name for f in first.fields] == ["米国との鉱物資源の協定"]  # one summary for the target
    assert first.fields[0].value.startswith("**")
    assert embed_size(first) <= EMBED_TOTAL
    total = int(first.footer.text.split("/")[1].split()[0])
    statements = int(first.footer.text.rsplit("·", 1)[1].split()[0])
    assert total == -(-statements // STATEMENTS_PER_PAGE) and total > 1
    assert "国を売ることはできない" in "\n".join(texts(page).split("\n")) or total > 1
    await world.reader.click(page, custom_id="pager:next")
    second = world.channel.last_message.embeds[0]
    assert second.footer.text.startswith(f"Page 2/{total}") and not second.fields
    assert second.description != first.description


async def test_stance_about_bad_input_is_a_short_ephemeral_line(world: World) -> None:
    for about in ("について", "量子コンピューターの輸出規制", "   "):
        result = await world.reader.slash(world.channel, "stance", actor="ゼレンスキー", about=about)
        assert result.ephemeral and len(result.response.content.splitlines()) == 1
        assert "Traceback" not in result.response.content
    assert_error(world.env, QueryError)
    # 2,000 characters never reach the bot: the option's declared limit (300, the service's own) is Discord's to refuse
    with pytest.raises(OptionError, match="at most 300"):
        await world.reader.slash(world.channel, "stance", actor="ゼレンスキー", about="停戦" * 1000)


async def test_topic_autocomplete_offers_more_than_fixed_choices(world: World) -> None:
    everything = await world.reader.autocomplete(world.channel, "stance", "topic", "")
    assert [c["value"] for c in everything][:2] == ["ceasefire", "peace_talks"]
    typed = await world.reader.autocomplete(world.channel, "stance", "topic", "停戦")
    assert typed[0]["value"] == "ceasefire"


async def test_admin_adds_a_topic_and_stance_reads_it(world: World) -> None:
    added = await world.admin.slash(world.channel, "topic add", name="レアアース取引", cues="レアアース, 鉱物資源")
    assert added.ephemeral and "レアアース取引" in added.response.content
    twice = await world.admin.slash(world.channel, "topic add", name="レアアース取引", cues="レアアース")
    assert twice.ephemeral and "exists already" in twice.response.content
    empty = await world.admin.slash(world.channel, "topic add", name="鉱山", cues=" , ")
    assert empty.ephemeral and "cue words" in empty.response.content
    listed = await world.admin.slash(world.channel, "topic list")
    assert "レアアース取引" in texts(listed.response)
    choices = await world.reader.autocomplete(world.channel, "stance", "topic", "レアアース")
    assert choices[0]["value"] == "レアアース取引"
    answer = await world.reader.slash(world.channel, "stance", actor="ゼレンスキー", topic="レアアース取引")
    assert "レアアース取引" in answer.response.embeds[0].title
    renamed = await world.admin.slash(world.channel, "topic rename", topic="レアアース取引", name="鉱物協定")
    assert "鉱物協定" in renamed.response.content
    removed = await world.admin.slash(world.channel, "topic remove", topic="レアアース取引")
    assert removed.ephemeral and "鉱物協定" in removed.response.content
    assert_error(world.env, QueryError)


async def test_non_admin_cannot_add_a_topic(world: World) -> None:
    topic = world.env.backend.find_command("topic", None)
    world.guild.set_command_permissions(int(topic["id"]), {world.reader: True})
    result = await world.reader.slash(world.channel, "topic add", name="tariffs", cues="関税")
    assert result.ephemeral and "Manage Server" in result.response.content
    assert_error(world.env, NotAdmin)
    listed = await world.admin.slash(world.channel, "topic list")
    assert "tariffs" not in texts(listed.response)

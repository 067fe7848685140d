"""End to end through SimCord: every slash command as readers and admins run it."""

from __future__ import annotations

import re
from dataclasses import replace

import discord
import pytest
from simcord import SetupError, assert_error
from simcord.backend.errors import OptionError

from bot.ingest.netguard import Allowlist
from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.quotes import validate_query
from bot.services.stance import stance
from bot.services.timeline import timeline
from commands.checks import NotAdmin
from commands.embeds import PER_PAGE, STATEMENTS_PER_PAGE
from tests.test_discord_support import (  # noqa: F401
    World,
    bot_fixture,
    pings,
    rejected_fixture,
    settings_fixture,
    texts,
    world_fixture,
)

ARTICLE = """\
ゼレンスキー大統領、領土について発言

ゼレンスキー大統領は2025年3月20日、キーウで記者団に対し「占領された領土をロシアに譲ることは決してない」と述べた。
大統領はまた、欧州の安全の保証が停戦の前提だと強調した。
"""
QUOTE = "占領された領土をロシアに譲ることは決してない"


def buttons(message) -> dict[str, dict]:
    return {
        c["custom_id"]: c
        for row in message.components
        for c in row.get("components", [])
        if c.get("type") == discord.ComponentType.button.value
    }


async def source_count(world: World) -> int:
    result = await world.reader.slash(world.channel, "sources")
    return int(result.response.embeds[0].footer.text.rsplit("·", 1)[1].split()[0])


# --- /help -----------------------------------------------------------------------------------


async def test_help_lists_every_command_with_an_example(world: World) -> None:
    result = await world.reader.slash(world.channel, "help")
    assert result.ephemeral
    embed = result.response.embeds[0]
    lines = [f.name for f in embed.fields]
    assert lines[0].startswith("/timeline [since] [until] [actor] [topic]")
    for usage in (
        "/stance actor [topic] [about]",
        "/quote text",
        "/sources [id]",
        "/source add [url] [file] [text]",
        "/source remove id",
        "/digest setup channel [time] [timezone]",
        "/digest off",
        "/digest now",
        "/digest status",
        "/help",
    ):
        assert any(line.startswith(usage) for line in lines), usage
    assert all("Example: `/" in f.value for f in embed.fields)
    assert "Manage Server" in next(f.value for f in embed.fields if f.name.startswith("/source add"))


# --- /timeline -------------------------------------------------------------------------------


async def test_timeline_opens_on_the_latest_events_and_pages_back_for_the_invoker_only(world: World) -> None:
    result = await world.reader.slash(world.channel, "timeline")
    page = result.response
    assert not page.ephemeral
    latest = page.embeds[0]
    total = latest.footer.text.split()[1].split("/")[1]
    assert int(total) > 2 and latest.footer.text.startswith(f"Page {total}/{total}")
    assert latest.description.count("\n**") == 9  # a full page of 10 events, the latest ones
    assert "](https://" in latest.description  # outlets link to the original articles
    dates = [line.split("**")[1] for line in latest.description.splitlines() if line.startswith("**")]
    assert dates == sorted(dates)  # read forward within the page
    ids = buttons(page)
    assert ids["pager:next"].get("disabled") and not ids["pager:prev"].get("disabled")

    await world.reader.click(page, custom_id="pager:prev")
    page = world.channel.last_message
    assert page.embeds[0].footer.text.startswith(f"Page {int(total) - 1}/")
    earlier = [line.split("**")[1] for line in page.embeds[0].description.splitlines() if line.startswith("**")]
    assert earlier and max(d for d in earlier if d[:2] == "20") <= min(dates)

    other = await world.admin.click(page, custom_id="pager:prev")  # someone else's pager
    assert other.ephemeral and "Only the person who ran the command" in other.response.content
    assert world.channel.last_message.embeds[0].footer.text.startswith(f"Page {int(total) - 1}/")

    await world.reader.click(page, custom_id="pager:next")
    assert world.channel.last_message.embeds[0].description == latest.description

    await world.reader.click(page, custom_id="pager:first")
    first = world.channel.last_message
    assert first.embeds[0].footer.text.startswith("Page 1/")
    assert "Background" in texts(first)  # background dates, the oldest, come first, under their own heading

    await world.env.advance_time(181)  # the pager times out: its buttons are disabled
    assert all(b.disabled for row in world.channel.last_message.components for b in row.children)


async def test_timeline_with_dates_reads_forward_from_the_first_page(world: World) -> None:
    result = await world.reader.slash(world.channel, "timeline", since="2025-02")
    embed = result.response.embeds[0]
    assert embed.footer.text.startswith("Page 1/")
    dates = [line.split("**")[1] for line in embed.description.splitlines() if line.startswith("**")]
    assert dates == sorted(dates) and dates[0] >= "2025-02"


EVENT_LINE = re.compile(r"^\*\*\d{4}[-\d]*\*\* ", re.M)  # an event's first line: **date** summary
STATEMENT_LINE = re.compile(r"^`[^`\n]*` \*\*", re.M)  # a statement's first line: `date` **Topic**


def next_disabled(message) -> bool:  # type: ignore[no-untyped-def]
    """Whether the pager's "next" button is disabled (a response's raw components or a message's)."""
    if message.components and isinstance(message.components[0], dict):
        return bool(buttons(message)["pager:next"].get("disabled"))
    [button] = [b for row in message.components for b in row.children if b.custom_id == "pager:next"]
    return button.disabled


async def page_through(world: World, result, *, from_first: bool = False) -> list[discord.Embed]:  # type: ignore[no-untyped-def]
    """Every page of a pager, by pressing "next" until it is disabled (from the first page, when the pager
    opens elsewhere: /timeline without dates opens on its latest page)."""
    message = result.response
    if from_first:
        await world.reader.click(message, custom_id="pager:first")
        message = world.channel.last_message
    shown = [message.embeds[0]]
    while not next_disabled(message):
        await world.reader.click(message, custom_id="pager:next")
        message = world.channel.last_message
        shown.append(message.embeds[0])
        assert len(shown) < 100
    return shown


async def not_a_multiple(store, size: int, count, article: str) -> int:  # type: ignore[no-untyped-def]
    """The independent count, made not a multiple of the page size: a short last page must still be shown."""
    n, i = await count(), 0
    while n % size == 0:
        await ingest_text(store, article.format(i=i, day=1 + i), name=f"extra{i}.txt")
        n, i = await count(), i + 1
        assert i < size
    return n


EXTRA_EVENT = "2031年5月{day}日、トランプ大統領は記者団に対し「関税第{i}弾を必ず発動する」と述べた。"
# a statement on a seed topic (the tariff one above names none, so it adds an event but no statement)
EXTRA_STATEMENT = "2031年5月{day}日、トランプ大統領は記者団に対し「ウクライナへの軍事支援を第{i}弾まで続ける」と述べた。"


async def test_timeline_pages_hold_every_event_of_an_independent_count(world: World) -> None:
    """The pager's page count is its own count divided by 10, rounded up; the whole timeline (the CLI's
    answer, another query) is the reference, so a count rounded down loses the last page's events."""
    store = world.env.bot.store  # type: ignore[attr-defined]

    async def whole() -> int:
        return len(await timeline(store))

    n = await not_a_multiple(store, PER_PAGE, whole, EXTRA_EVENT)
    expected_pages = -(-n // PER_PAGE)
    shown = await page_through(world, await world.reader.slash(world.channel, "timeline"), from_first=True)
    assert [e.footer.text for e in shown] == [
        f"Page {i}/{expected_pages} · {n} events" for i in range(1, expected_pages + 1)
    ]
    per_page = [len(EVENT_LINE.findall(e.description)) for e in shown]
    # pages are counted back from the latest, so the oldest page (the first) holds the remainder
    assert per_page == [n - PER_PAGE * (expected_pages - 1)] + [PER_PAGE] * (expected_pages - 1)


async def test_stance_pages_hold_every_statement_of_an_independent_count(world: World) -> None:
    store = world.env.bot.store  # type: ignore[attr-defined]

    async def statements() -> int:
        return len((await stance(store, "トランプ")).statements)  # every statement, unpaged

    n = await not_a_multiple(store, STATEMENTS_PER_PAGE, statements, EXTRA_STATEMENT)
    expected_pages = -(-n // STATEMENTS_PER_PAGE)
    shown = await page_through(world, await world.reader.slash(world.channel, "stance", actor="トランプ"))
    assert [e.footer.text for e in shown] == [
        f"Page {i}/{expected_pages} · {n} statements" for i in range(1, expected_pages + 1)
    ]
    per_page = [len(STATEMENT_LINE.findall(e.description)) for e in shown]
    last = n - STATEMENTS_PER_PAGE * (expected_pages - 1)
    assert per_page == [STATEMENTS_PER_PAGE] * (expected_pages - 1) + [last]


async def test_timeline_filters(world: World) -> None:
    result = await world.reader.slash(world.channel, "timeline", since="2025-03", actor="Trump", topic="military_aid")
    embed = result.response.embeds[0]
    assert embed.title == "Timeline · since 2025-03 · トランプ · Military aid"
    dates = [line.split("**")[1] for line in embed.description.splitlines() if line.startswith("**")]
    assert dates and all(d >= "2025-03" for d in dates)
    assert "トランプ" in embed.description


async def test_timeline_bad_date_is_a_short_ephemeral_error(world: World) -> None:
    result = await world.reader.slash(world.channel, "timeline", since="the day after tomorrow")
    assert result.ephemeral and not result.deferred
    assert "YYYY-MM-DD" in result.response.content and len(result.response.content) < 300
    assert_error(world.env, QueryError)


# --- /stance ---------------------------------------------------------------------------------


async def test_stance_with_topic(world: World) -> None:
    result = await world.reader.slash(world.channel, "stance", actor="ゼレンスキー", topic="ceasefire")
    embed = result.response.embeds[0]
    assert embed.title == "Volodymyr Zelensky (ゼレンスキー)"  # an English reader reads the English name first
    assert [f.name for f in embed.fields] == ["Ceasefire"]
    assert embed.fields[0].value.startswith("**")  # the latest position, bold
    statements = [b for b in embed.description.split("\n`") if "**Ceasefire**" in b]
    assert statements
    for block in statements:
        assert block.lstrip("`")[:10].count("-") == 2  # YYYY-MM-DD
        assert "](https://" in block  # the outlet, linked


async def test_stance_pages_are_read_page_by_page(world: World) -> None:
    result = await world.reader.slash(world.channel, "stance", actor="トランプ")
    page = result.response
    first = page.embeds[0]
    statements = len((await stance(world.env.bot.store, "トランプ")).statements)  # type: ignore[attr-defined]
    total = -(-statements // STATEMENTS_PER_PAGE)
    assert first.footer.text == f"Page 1/{total} · {statements} statements"
    assert total > 1 and first.fields  # the per-topic summary is on the first page only
    await world.reader.click(page, custom_id="pager:next")
    second = world.channel.last_message.embeds[0]
    assert second.footer.text.startswith(f"Page 2/{total}") and not second.fields
    assert second.description != first.description
    await world.reader.click(page, custom_id="pager:last")
    last = world.channel.last_message.embeds[0]
    assert last.footer.text.startswith(f"Page {total}/{total}") and last.description.count("\n> ") >= 1


async def test_stance_unknown_actor_suggests(world: World) -> None:
    result = await world.reader.slash(world.channel, "stance", actor="Napoleon Bonaparte")
    assert result.ephemeral
    assert "Unknown actor" in result.response.content
    assert_error(world.env, QueryError)


# --- /quote ----------------------------------------------------------------------------------


async def test_quote_not_found(world: World) -> None:
    result = await world.reader.slash(world.channel, "quote", text="宇宙人が月面で記者会見を開いた")
    assert result.response.content.startswith("Not found:")
    assert "宇宙人が月面で記者会見を開いた" in result.response.content


@pytest.mark.parametrize(
    "text",
    ['"即時停戦"', "停戦 AND 領土", "NEAR(停戦 領土)", "@everyone 停戦 <@&{role}> <@{user}> @here"],
)
async def test_quote_with_search_syntax_and_mentions(world: World, text: str) -> None:
    role = world.guild.create_role("subscribers", mentionable=True)
    text = text.format(role=role.id, user=world.admin.id)
    result = await world.reader.slash(world.channel, "quote", text=text)
    assert texts(result.response)  # an answer (a match or "not found"), never an error
    if "@everyone" in text:  # "Not found: …" quotes the text as typed, mentions included
        assert "@everyone" in result.response.content and f"<@&{role.id}>" in result.response.content
    assert pings(world, result.response.message) == []


async def test_quote_option_declares_the_real_limit(world: World) -> None:
    """Discord refuses a longer text before sending it: the option's max_length is the service's 1,000."""
    with pytest.raises(OptionError, match="at most 1000 characters"):
        await world.reader.slash(world.channel, "quote", text="停" * 6000)
    result = await world.reader.slash(world.channel, "quote", text="停" * 1000)
    assert texts(result.response) and "too long" not in texts(result.response)


async def test_an_oversized_quote_from_another_front_end_is_a_short_error() -> None:
    with pytest.raises(QueryError) as info:
        validate_query("停" * 1001)
    assert "too long (1,001 characters); paste at most 1,000" in str(info.value)


# --- /sources --------------------------------------------------------------------------------


async def test_sources_list_and_detail(world: World) -> None:
    listing = await world.reader.slash(world.channel, "sources")
    embed = listing.response.embeds[0]
    assert embed.title == "Sources" and embed.footer.text.endswith("5 documents")
    assert "`#5` 3月14のウクライナ情報" in embed.description

    detail = await world.reader.slash(world.channel, "sources", id=1)
    d = detail.response.embeds[0]
    assert d.title.startswith("#1 ")
    fields = {f.name: f.value for f in d.fields}
    assert fields["Published"] == "2025-03-04"
    assert "[www.cnn.co.jp/usa/35230020.html](https://www.cnn.co.jp/usa/35230020.html)" in fields["Cited articles"]

    missing = await world.reader.slash(world.channel, "sources", id=999)
    assert missing.ephemeral and "no document #999" in missing.response.content
    assert_error(world.env, QueryError)


# --- autocomplete ----------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["ゼレンシキー", "Zelensky", "zelenski", "ゼレンスキ", ""])
async def test_actor_autocomplete(world: World, typed: str) -> None:
    choices = await world.reader.autocomplete(
        world.channel, "stance", "actor", typed
    )  # how fast: bench (autocomplete p95)
    assert 0 < len(choices) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    if typed:
        assert choices[0]["value"] == "ゼレンスキー"
        assert choices[0]["name"] == "ゼレンスキー (Volodymyr Zelensky)"


async def test_actor_autocomplete_on_timeline(world: World) -> None:
    choices = await world.reader.autocomplete(world.channel, "timeline", "actor", "trump")
    assert choices[0]["value"] == "トランプ"


async def test_source_id_autocomplete(world: World) -> None:
    everything = await world.reader.autocomplete(world.channel, "sources", "id", "")
    assert [c["value"] for c in everything] == [5, 4, 3, 2, 1]
    assert all(len(c["name"]) <= 100 for c in everything)
    assert [c["value"] for c in await world.reader.autocomplete(world.channel, "sources", "id", "3月14")] == [5]
    assert (await world.reader.autocomplete(world.channel, "sources", "id", "2"))[0]["value"] == 2
    removal = await world.admin.autocomplete(world.channel, "source remove", "id", "NATO")
    assert [c["value"] for c in removal] == [3]


# --- admin commands --------------------------------------------------------------------------


async def test_admin_commands_are_hidden_from_readers(world: World) -> None:
    visible = world.reader.available_commands(world.channel)
    assert "timeline" in visible and "help" in visible
    assert not any(name.startswith(("source ", "digest ")) for name in visible)
    with pytest.raises(SetupError):
        await world.reader.slash(world.channel, "source add", text=ARTICLE)


async def test_non_admin_is_refused_even_when_the_server_shows_them_the_command(world: World) -> None:
    source = world.env.backend.find_command("source", None)
    world.guild.set_command_permissions(int(source["id"]), {world.reader: True})
    before = await source_count(world)

    result = await world.reader.slash(world.channel, "source add", text=ARTICLE, title="試し")
    assert result.ephemeral and "Manage Server" in result.response.content
    remove = await world.reader.slash(world.channel, "source remove", id=1)
    assert remove.ephemeral and "Manage Server" in remove.response.content
    assert_error(world.env, NotAdmin)
    assert await source_count(world) == before


async def test_admin_adds_text_then_finds_its_quote(world: World) -> None:
    added = await world.admin.slash(
        world.channel, "source add", text=ARTICLE, title="領土は譲らない", published="2025-03-20"
    )
    assert added.ephemeral
    embed = added.response.embeds[0]
    assert embed.title == "Added #6: 領土は譲らない"
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Published"] == "2025-03-20" and int(fields["Passages"]) >= 1

    found = await world.reader.slash(world.channel, "quote", text=QUOTE)
    quote = found.response.embeds[0]
    assert f"**{QUOTE}**" in quote.description
    fields = {f.name: f.value for f in quote.fields}
    assert fields["Date"] == "2025-03-20"
    assert "領土は譲らない (#6)" in fields["Reported by"]

    again = await world.admin.slash(world.channel, "source add", text=ARTICLE)
    assert again.ephemeral and "already stored as document #6" in again.response.content


async def test_admin_uploads_a_text_file(world: World) -> None:
    upload = ("zelensky.txt", ARTICLE.encode("utf-8"))
    added = await world.admin.slash(world.channel, "source add", file=upload, published="2025-03-20")
    assert added.ephemeral and added.response.embeds[0].title.startswith("Added #6")
    detail = await world.reader.slash(world.channel, "sources", id=6)
    fields = {f.name: f.value for f in detail.response.embeds[0].fields}
    assert fields["Origin"] == "upload" and fields["File or URL"] == "zelensky.txt"


async def test_source_add_refusals(world: World) -> None:
    nothing = await world.admin.slash(world.channel, "source add", title="no article")
    assert nothing.ephemeral and "exactly one of url, file or text" in nothing.response.content
    image = await world.admin.slash(world.channel, "source add", file=("photo.png", b"\x89PNG\r\n"))
    assert image.ephemeral and "not a supported file" in image.response.content
    bad_date = await world.admin.slash(world.channel, "source add", text=ARTICLE, published="someday")
    assert bad_date.ephemeral and "not a date" in bad_date.response.content
    assert_error(world.env, QueryError)


async def test_source_remove(world: World) -> None:
    await world.admin.slash(world.channel, "source add", text=ARTICLE, title="領土は譲らない")
    removed = await world.admin.slash(world.channel, "source remove", id=6)
    assert removed.ephemeral and removed.response.content.startswith("Removed #6 領土は譲らない")
    gone = await world.reader.slash(world.channel, "quote", text=QUOTE)
    assert gone.response.content.startswith("Not found:")
    again = await world.admin.slash(world.channel, "source remove", id=6)
    assert again.ephemeral and "no document #6" in again.response.content
    assert_error(world.env, QueryError)


async def test_admin_adds_a_web_page_by_url(world: World, httpserver) -> None:  # type: ignore[no-untyped-def]
    body = "".join([ARTICLE.replace("\n", "")] * 3)
    page = (
        "<html><head><title>ジッダ協議</title><meta property='og:site_name' content='テスト新聞'></head>"
        f"<body><article><h1>ジッダ協議</h1><p>{body}</p></article></body></html>"
    )
    httpserver.expect_request("/news/1").respond_with_data(page, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/news/1")

    blocked = await world.admin.slash(world.channel, "source add", url=url)  # a private address, by default
    assert blocked.ephemeral and blocked.response.content.startswith("Not added:")
    assert "127.0.0.1 is a loopback address" in blocked.response.content

    world.env.bot.trusted_hosts = (f"127.0.0.1:{httpserver.port}",)  # the test server's endpoint, nothing else
    added = await world.admin.slash(world.channel, "source add", url=url)
    embed = added.response.embeds[0]
    assert added.ephemeral and embed.title == "Added #6: ジッダ協議"
    assert {f.name: f.value for f in embed.fields}["Outlet"] == "テスト新聞"
    detail = await world.reader.slash(world.channel, "sources", id=6)
    assert detail.response.embeds[0].url == url

    by_name = url.replace("127.0.0.1", "localhost")
    refused = await world.admin.slash(world.channel, "source add", url=by_name)
    assert "localhost is a local host name" in refused.response.content
    # NEWSDESK_ALLOW_PRIVATE_FETCH=true opens the private ranges only, never loopback or local names
    world.env.bot.settings = replace(world.env.bot.settings, allow_private_fetch=Allowlist.parse("true"))
    still = await world.admin.slash(world.channel, "source add", url=by_name)
    assert "localhost is a local host name" in still.response.content
    # an allowlist that names them lifts the rule for them
    world.env.bot.settings = replace(world.env.bot.settings, allow_private_fetch=Allowlist.parse("127.0.0.1,localhost"))
    fetched = await world.admin.slash(world.channel, "source add", url=by_name)
    assert "already stored as document #6" in fetched.response.content  # fetched, and the same article

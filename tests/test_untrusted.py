"""Untrusted parsing runs in sandboxed workers: hostile documents are refused with a reason, a worker that breaks
a limit is replaced, and the bot keeps answering meanwhile. Limits are set low so this runs fast."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator

import pytest

from bench.hostile_docs import ARTICLE, deeply_nested, malformed_feed, many_attributes, many_elements, pdf_bomb
from bot.ingest import sandbox, untrusted
from bot.ingest.fetch import FetchedPage, FetchError
from bot.ingest.precheck import MarkupLimits
from bot.ingest.sandbox import Limits, Sandbox, SandboxError
from bot.ingest.untrusted import ParseLimits, extract_page, extract_upload, parse_feed
from tests.sandbox_jobs import foreign_answer, foreign_error, hog, refuse, sleep, spin, worker_pid
from tests.test_discord_support import (  # noqa: F401
    World,
    bot_fixture,
    rejected_fixture,
    settings_fixture,
    world_fixture,
)

GOOD_PAGE = (
    f"<html><head><title>対策発表</title></head><body><article><h1>対策発表</h1>{ARTICLE}</article></body></html>"
)
NO_PRECHECKS = MarkupLimits(max_attributes=10**9, max_elements=10**9, max_depth=10**9)


@pytest.fixture(scope="module")
def tight_box() -> Iterator[Sandbox]:
    """A one-worker sandbox with a short timeout and a small memory limit, shared by this module's tests."""
    with sandbox.use(Sandbox(Limits(timeout=4, memory_mb=400, cpu_seconds=120), workers=1)) as box:
        yield box


@pytest.fixture
def tight(tight_box: Sandbox) -> Sandbox:
    tight_box.replaced = 0  # each test counts its own replacements
    return tight_box


# --- the sandbox itself ----------------------------------------------------------------------------------


async def test_results_and_exceptions_come_back(tight: Sandbox) -> None:
    assert await tight.run(hog, 1) == 1024 * 1024
    with pytest.raises(FetchError) as info:
        await tight.run(refuse)
    assert (info.value.code, info.value.url) == ("no_article", "https://example.jp/a")
    assert tight.replaced == 0
    assert await tight.run(worker_pid) != os.getpid()


async def test_answers_are_read_with_a_restricted_unpickler(tight: Sandbox) -> None:
    """A worker that hostile input took over must not run code in the bot: only known answer classes come back."""
    with pytest.raises(RuntimeError, match="KeyError: 'lxml said no'"):  # foreign exceptions arrive as text
        await tight.run(foreign_error)
    assert tight.replaced == 0
    with pytest.raises(SandboxError) as info:
        await tight.run(foreign_answer)
    assert info.value.code == "crashed" and "datetime.date" in info.value.message
    assert tight.replaced == 1


async def test_a_worker_over_its_memory_limit_is_replaced(tight: Sandbox) -> None:
    first = await tight.run(worker_pid)
    with pytest.raises(SandboxError) as info:
        await tight.run(hog, 2000)
    assert info.value.code == "memory"
    assert tight.replaced == 1
    assert await tight.run(worker_pid) != first  # a fresh worker answers the next job


async def test_a_worker_over_its_time_limit_is_killed_and_replaced_while_the_loop_runs(tight: Sandbox) -> None:
    first = await tight.run(worker_pid)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    task = asyncio.create_task(ticker())
    with pytest.raises(SandboxError) as info:
        await tight.run(sleep, 60)
    task.cancel()
    assert info.value.code == "timeout"
    assert ticks > 10  # the loop ran the ticker all along (no timing asserted: only that it ran)
    assert tight.replaced == 1
    assert await tight.run(worker_pid) != first


async def test_cpu_budget_is_per_job_and_a_job_over_it_is_stopped() -> None:
    """The CPU limit is a backstop per job: a long-lived worker doing many small jobs is never killed for their sum."""
    with sandbox.use(Sandbox(Limits(timeout=60, cpu_seconds=1), workers=1)) as box:
        pid = await box.run(worker_pid)
        for _ in range(3):
            await box.run(spin, 0.4)  # 1.2 s of CPU in all, 0.4 s per job
        assert await box.run(worker_pid) == pid and box.replaced == 0
        with pytest.raises(SandboxError) as info:
            await box.run(spin, 30)
        assert info.value.code == "timeout" and "CPU" in info.value.message
        assert box.replaced == 1


# --- hostile documents -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (many_attributes(20_000), "a tag with more than 1,000 attributes"),
        (deeply_nested(5_000), "nested more than 1,000 levels deep"),
        (many_elements(110_000), "more than 100,000 elements"),
    ],
    ids=["attributes", "nesting", "elements"],
)
async def test_absurd_markup_is_refused_before_parsing(tight: Sandbox, data: bytes, reason: str) -> None:
    with pytest.raises(FetchError) as info:
        await extract_upload(data, "page.html")
    assert info.value.code == "too_complex" and reason in info.value.message
    assert tight.replaced == 0  # refused by the cheap checks, inside the worker, without killing it


async def test_absurd_page_from_the_web_is_refused_too(tight: Sandbox) -> None:
    body = many_attributes(5_000)
    page = FetchedPage(
        "https://example.jp/a", "https://example.jp/a", 200, "text/html", "utf-8", body, body.decode(), None, None
    )
    with pytest.raises(FetchError) as info:
        await extract_page(page)
    assert info.value.code == "too_complex" and info.value.url == "https://example.jp/a"


async def test_a_page_the_checks_miss_is_stopped_by_the_timeout(tight: Sandbox) -> None:
    """With the pre-checks off, lxml's quadratic attribute handling runs until the worker is killed."""
    limits = ParseLimits(markup=NO_PRECHECKS)
    with pytest.raises(FetchError) as info:
        await extract_upload(many_attributes(60_000), "page.html", limits=limits)
    assert info.value.code == "too_slow"
    assert info.value.message == "Refused: that file took too long to read."
    assert tight.replaced == 1
    article = await extract_upload(GOOD_PAGE.encode(), "page.html")  # the replacement worker parses the next one
    assert "対策を発表した" in article.text


async def test_pdf_bomb_stops_at_the_character_limit(tight: Sandbox) -> None:
    bomb = pdf_bomb(pages=300, chars_per_page=20_000)  # 6 million characters from a few kilobytes
    assert len(bomb) < 100_000
    with pytest.raises(FetchError) as info:
        await extract_upload(bomb, "report.pdf", limits=ParseLimits(max_chars=100_000))
    assert info.value.code == "too_large"
    assert info.value.message == "Refused: that document is too large once extracted."


async def test_large_malformed_feed_is_refused(tight: Sandbox) -> None:
    feed = malformed_feed(6_000_000)
    with pytest.raises(FetchError) as info:
        await parse_feed(feed, "https://example.jp/feed.xml")
    assert info.value.code == "too_large" and "larger than 5 MB" in info.value.message
    with pytest.raises(FetchError) as info:  # under the size cap, its never-closed items are refused as nesting
        await parse_feed(malformed_feed(2_000_000), "https://example.jp/feed.xml")
    assert info.value.code == "too_complex" and "nested" in info.value.message


# --- the bot answers while a hostile upload is being parsed ------------------------------------------------


async def test_interactions_are_answered_while_a_hostile_document_is_parsed(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hostile document is being parsed (in the background, as a feed item would be) while readers use the
    bot: every interaction is answered while the parser is still busy; abandoning the job kills its worker."""
    monkeypatch.setattr(untrusted, "DEFAULT_LIMITS", ParseLimits(markup=NO_PRECHECKS))
    with sandbox.use(Sandbox(Limits(timeout=120, memory_mb=2000), workers=1)) as box:
        await box.run(worker_pid)  # the worker is up
        hostile = asyncio.create_task(extract_upload(many_attributes(80_000), "hostile.html"))
        await asyncio.sleep(0)
        answers = [
            await world.reader.slash(world.channel, "quote", text="あなたはギャンブルをしている"),
            await world.reader.slash(world.channel, "sources"),
            await world.reader.slash(world.channel, "help"),
        ]
        assert not hostile.done()  # minutes of lxml work: still running
        assert all(a.response is not None for a in answers)
        assert "トランプ" in str(answers[0].response.embeds[0].fields)
        hostile.cancel()
        with pytest.raises(asyncio.CancelledError):
            await hostile
        assert box.replaced == 1

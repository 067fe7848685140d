"""When a server's daily digest is due, in the server's own time zone.

Each schedule is driven minute by minute over whole local days through the functions the bot's loop
calls (`due`, then `mark_posted`), and the posting instants are compared with the ones a person reading
a wall clock in that zone expects: once a local day, at the digest time. The zones straddle UTC (Tokyo is
ahead of it, New York and Los Angeles behind), so a schedule that slips into UTC anywhere posts at the
wrong hour, every minute, or not at all; the DST days have a local hour that is skipped or repeated.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.services import digest
from bot.services.errors import QueryError
from bot.store import Store

GUILD, CHANNEL = 41, 42


@pytest.fixture(autouse=True)
def host_clock_not_in_utc(monkeypatch: pytest.MonkeyPatch):
    """The machine's own zone is neither UTC nor the server's: a time that slips into it shows."""
    import time

    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


MINUTE = timedelta(minutes=1)
STEP = timedelta(minutes=5)  # the loop runs every minute; every digest time here is a multiple of 5 minutes


def local(zone: str, *args: int, fold: int = 0) -> datetime:
    """An instant given as a wall-clock time in `zone`, as a UTC datetime."""
    return datetime(*args, tzinfo=ZoneInfo(zone), fold=fold).astimezone(UTC)


async def drive(store: Store, start: datetime, end: datetime) -> list[datetime]:
    """Run the loop every STEP from start to end (UTC); the instants at which it posted."""
    posted = []
    now = start
    while now <= end:
        for settings in await digest.due(store, now):
            assert settings.guild_id == GUILD
            await digest.mark_posted(store, settings, now)
            posted.append(now)
        now += STEP
    return posted


def wall(zone: str, instants: list[datetime]) -> list[str]:
    return [i.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M") for i in instants]


@pytest.mark.parametrize(
    ("zone", "at", "days", "expected"),
    [
        # east of UTC: 08:00 in Tokyo is 23:00 UTC the day before
        ("Asia/Tokyo", "08:00", ("2026-01-02", "2026-01-03"), ["2026-01-02 08:00", "2026-01-03 08:00"]),
        # west of UTC: 21:00 in New York is 02:00 UTC the next day
        ("America/New_York", "21:00", ("2026-01-02", "2026-01-03"), ["2026-01-02 21:00", "2026-01-03 21:00"]),
        # around local midnight, both sides
        ("Asia/Tokyo", "00:05", ("2026-01-02", "2026-01-03"), ["2026-01-02 00:05", "2026-01-03 00:05"]),
        ("America/Los_Angeles", "23:55", ("2026-01-02", "2026-01-03"), ["2026-01-02 23:55", "2026-01-03 23:55"]),
        ("Europe/Berlin", "00:00", ("2026-01-02", "2026-01-03"), ["2026-01-02 00:00", "2026-01-03 00:00"]),
    ],
)
async def test_posted_once_a_local_day_at_the_local_time(store: Store, zone: str, at: str, days, expected) -> None:
    await digest.configure(store, GUILD, CHANNEL, at=at, timezone=zone)
    first, last = (datetime.fromisoformat(d) for d in days)
    start = local(zone, first.year, first.month, first.day, 0, 0)
    end = local(zone, last.year, last.month, last.day, 23, 59)
    assert wall(zone, await drive(store, start, end)) == expected


async def test_spring_forward_a_time_that_does_not_exist_is_posted_when_the_clock_passes_it(store: Store) -> None:
    """New York, 8 March 2026: 02:00 jumps to 03:00, so 02:30 never happens that day."""
    zone = "America/New_York"
    await digest.configure(store, GUILD, CHANNEL, at="02:30", timezone=zone)
    posted = await drive(store, local(zone, 2026, 3, 7, 0, 0), local(zone, 2026, 3, 9, 23, 59))
    assert wall(zone, posted) == ["2026-03-07 02:30", "2026-03-08 03:00", "2026-03-09 02:30"]
    assert posted[1] - posted[0] == timedelta(hours=23, minutes=30)  # 24 h less the skipped hour and the half hour


async def test_fall_back_a_time_that_happens_twice_is_posted_once(store: Store) -> None:
    """New York, 1 November 2026: 02:00 goes back to 01:00, so 01:30 happens twice."""
    zone = "America/New_York"
    await digest.configure(store, GUILD, CHANNEL, at="01:30", timezone=zone)
    posted = await drive(store, local(zone, 2026, 10, 31, 0, 0), local(zone, 2026, 11, 2, 23, 59))
    assert wall(zone, posted) == ["2026-10-31 01:30", "2026-11-01 01:30", "2026-11-02 01:30"]
    assert posted[1] == local(zone, 2026, 11, 1, 1, 30, fold=0)  # the first 01:30, not the second
    assert posted[2] - posted[1] == timedelta(hours=25)


async def test_a_dst_day_in_europe_keeps_the_wall_clock_time(store: Store) -> None:
    """Berlin, 29 March 2026 (UTC+1 → UTC+2): the 09:00 digest stays at 09:00 local, 08:00 → 07:00 UTC."""
    zone = "Europe/Berlin"
    await digest.configure(store, GUILD, CHANNEL, at="09:00", timezone=zone)
    posted = await drive(store, local(zone, 2026, 3, 28, 0, 0), local(zone, 2026, 3, 29, 23, 59))
    assert wall(zone, posted) == ["2026-03-28 09:00", "2026-03-29 09:00"]
    assert [p.hour for p in posted] == [8, 7]


async def test_a_restart_the_same_local_day_does_not_post_again(store: Store) -> None:
    """The day is kept in the database: a new loop (a restarted bot) reads it back, in the server's zone."""
    zone = "America/New_York"
    await digest.configure(store, GUILD, CHANNEL, at="21:00", timezone=zone)
    assert wall(zone, await drive(store, local(zone, 2026, 1, 2, 20, 55), local(zone, 2026, 1, 2, 21, 5))) == [
        "2026-01-02 21:00"
    ]
    settings = await digest.get_settings(store, GUILD)
    assert settings is not None and settings.last_posted_day == "2026-01-02"  # the local day, not UTC's 3 January
    assert settings.last_posted_at == local(zone, 2026, 1, 2, 21, 0).isoformat(timespec="microseconds")
    # the bot was down past UTC midnight and comes back at 22:30 local: nothing more today
    assert await drive(store, local(zone, 2026, 1, 2, 22, 30), local(zone, 2026, 1, 2, 23, 59)) == []


async def test_down_at_the_time_posts_once_on_return_the_same_day(store: Store) -> None:
    zone = "Asia/Tokyo"
    await digest.configure(store, GUILD, CHANNEL, at="08:00", timezone=zone)
    back = local(zone, 2026, 1, 2, 13, 15)
    assert wall(zone, await drive(store, back, local(zone, 2026, 1, 2, 23, 59))) == ["2026-01-02 13:15"]


async def test_a_failure_skips_the_local_day_and_is_retried_the_next(store: Store) -> None:
    zone = "America/New_York"
    settings = await digest.configure(store, GUILD, CHANNEL, at="21:00", timezone=zone)
    failed_at = local(zone, 2026, 1, 2, 21, 0)
    assert [s.guild_id for s in await digest.due(store, failed_at)] == [GUILD]
    await digest.mark_failed(store, settings, failed_at, "channel not found")
    kept = await digest.get_settings(store, GUILD)
    assert kept is not None and (kept.last_posted_day, kept.last_error) == ("2026-01-02", "channel not found")
    assert kept.last_error_at == failed_at.isoformat(timespec="seconds")
    assert kept.last_posted_at != failed_at.isoformat(timespec="microseconds")  # not posted: no new "since"
    posted = await drive(store, failed_at + STEP, local(zone, 2026, 1, 3, 23, 59))
    assert wall(zone, posted) == ["2026-01-03 21:00"]
    after = await digest.get_settings(store, GUILD)
    assert after is not None and after.last_error is None and after.last_error_at is None  # a success clears it


async def test_disabled_is_never_due_and_setup_again_enables(store: Store) -> None:
    await digest.configure(store, GUILD, CHANNEL, at="09:00", timezone="Asia/Tokyo")
    assert await digest.disable(store, GUILD) is True
    assert await digest.disable(store, 999) is False
    noon = local("Asia/Tokyo", 2026, 1, 2, 12, 0)
    assert await digest.due(store, noon) == []
    off = await digest.get_settings(store, GUILD)
    assert off is not None and not off.enabled and not digest.is_due(off, noon)
    again = await digest.configure(store, GUILD, CHANNEL + 1, at="10:00", timezone="Europe/Berlin")
    assert (again.enabled, again.channel_id, again.time, again.timezone) == (
        True,
        CHANNEL + 1,
        "10:00",
        "Europe/Berlin",
    )
    assert [s.guild_id for s in await digest.due(store, local("Europe/Berlin", 2026, 1, 2, 10, 0))] == [GUILD]
    assert await digest.due(store, local("Europe/Berlin", 2026, 1, 2, 9, 59)) == []


async def test_several_servers_each_in_their_own_zone(store: Store) -> None:
    await digest.configure(store, 1, 10, at="09:00", timezone="Asia/Tokyo")  # 00:00 UTC
    await digest.configure(store, 2, 20, at="09:00", timezone="Europe/London")  # 09:00 UTC in January
    await digest.configure(store, 3, 30, at="09:00", timezone="America/Los_Angeles")  # 17:00 UTC
    order = []
    now = datetime(2026, 1, 1, 0, 0, tzinfo=UTC)  # a first day to settle each server's own "today"
    while now < datetime(2026, 1, 3, 0, 0, tzinfo=UTC):
        for s in await digest.due(store, now):
            await digest.mark_posted(store, s, now)
            order.append((s.guild_id, now.strftime("%d %H:%M")))
        now += STEP
    assert order[-3:] == [(1, "02 00:00"), (2, "02 09:00"), (3, "02 17:00")]
    # the first UTC day: Tokyo's 09:00, Los Angeles catching up on its 31 December, then London's and LA's 1 January
    assert sorted(order[:-3]) == [(1, "01 00:00"), (2, "01 09:00"), (3, "01 00:00"), (3, "01 17:00")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ja", "ja"),
        (" JA-jp ", "ja"),
        ("日本語", "ja"),
        ("Japanese", "ja"),
        ("Deutsch", None),
        ("en", "en"),
        ("English", "en"),
        ("en-GB", "en"),
        ("英語", "en"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_a_digest_language_is_read_from_any_japanese_or_english_name(value: str | None, expected: str | None) -> None:
    if value == "Deutsch":  # neither: refused, never taken for one of the two
        with pytest.raises(QueryError) as info:
            digest.parse_language(value)
        assert info.value.code == "digest.bad_language" and info.value.params["value"] == "Deutsch"
        return
    assert digest.parse_language(value) == expected


@pytest.mark.parametrize(
    ("locale", "expected"), [("ja", "ja"), ("JA", "ja"), ("en-US", "en"), ("ko", "en"), (None, "en")]
)
def test_without_a_choice_a_digest_is_in_the_servers_language_if_japanese(locale: str | None, expected: str) -> None:
    settings = digest.DigestSettings(1, 2, "09:00", "Asia/Tokyo", True, None, None, None, None)
    assert digest.digest_language(settings, locale) == expected
    assert digest.digest_language(None, locale) == expected


def test_local_day_is_the_servers_calendar_day() -> None:
    settings = digest.DigestSettings(1, 2, "09:00", "America/New_York", True, None, None, None, None)
    assert digest.local_day(settings, datetime(2026, 1, 3, 2, 0, tzinfo=UTC)) == "2026-01-02"
    tokyo = digest.DigestSettings(1, 2, "09:00", "Asia/Tokyo", True, None, None, None, None)
    assert digest.local_day(tokyo, datetime(2026, 1, 2, 23, 0, tzinfo=UTC)) == "2026-01-03"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "09:00"),
        ("9", "09:00"),
        ("18:30", "18:30"),
        ("18：30", "18:30"),
        (" 07:05 ", "07:05"),
        ("00:00", "00:00"),
        ("2130", "21:30"),
        ("T21", "21:00"),  # an ISO time with its designator: three characters read as ISO, not as an hour
    ],
)
def test_parse_time(value: str | None, expected: str) -> None:
    assert digest.parse_time(value) == expected


@pytest.mark.parametrize("value", ["25:00", "9am", "12:60", "noon", "-1"])
def test_parse_time_refuses(value: str) -> None:
    with pytest.raises(QueryError, match="HH:MM") as refused:
        digest.parse_time(value)
    assert str(refused.value).startswith(f"'{value}' is not a time")  # the refusal says what was typed


def test_parse_timezone() -> None:
    assert digest.parse_timezone(None) == "Asia/Tokyo"
    assert digest.parse_timezone(" Europe/Kyiv ") == "Europe/Kyiv"
    for bad in ("Mars/Olympus", "../etc/passwd", "Tokyo"):
        with pytest.raises(QueryError, match="Unknown time zone") as refused:
            digest.parse_timezone(bad)
        assert str(refused.value).startswith(f"Unknown time zone '{bad}'")  # the refusal says what was typed

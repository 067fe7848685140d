"""What both front ends say the same way: an instant in the reader's time zone, why a source was refused.

Shared by the Discord embeds (`commands/embeds.py`) and the terminal renderer (`bot/terminal/render_text.py`);
plain strings, no markup.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.models import IngestResult

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def human_time(iso: str | None, lang: str = "en", timezone: str = "UTC", *, reference: str | None = None) -> str:
    """An instant as a person reads it in a time zone: 12月1日 09:00 / Dec 1, 09:00 (with the year when it is
    not the year of `reference`, e.g. the end of the digest's period)."""
    if not iso:
        return "—"
    try:
        dt = datetime.fromisoformat(iso)
        zone = ZoneInfo(timezone)
    except (ValueError, ZoneInfoNotFoundError):
        return iso
    local = _local(dt, zone)
    try:
        year = reference is not None and local.year != _local(datetime.fromisoformat(reference), zone).year
    except ValueError:
        year = False
    if lang == "ja":
        return f"{f'{local.year}年' if year else ''}{local.month}月{local.day}日 {local:%H:%M}"
    return f"{MONTHS_EN[local.month - 1]} {local.day}{f' {local.year}' if year else ''}, {local:%H:%M}"


def _local(dt: datetime, zone: ZoneInfo) -> datetime:
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(zone)


def reason_text(r: IngestResult, lang: str = "en") -> str:
    """Why a source was not added, in the reader's language (the English reason when it has no code)."""
    return r.error.render(lang) if r.error is not None else r.reason or "?"

"""Instants as the store keeps them and the services pass them: ISO text in UTC. The one helper every layer
uses (the store's timestamps, the services' periods, the front ends' "now")."""

from __future__ import annotations

from datetime import UTC, datetime


def iso_utc(moment: datetime, timespec: str = "microseconds") -> str:
    """An instant as the store keeps it: ISO text in UTC (a naive time is taken as local, as astimezone does)."""
    return moment.astimezone(UTC).isoformat(timespec=timespec)


def utcnow() -> str:
    """UTC now as ISO text; microseconds so that "added after the last digest" is never a tie."""
    return iso_utc(datetime.now(UTC))

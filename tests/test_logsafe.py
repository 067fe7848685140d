"""Tokens never reach the log: the bot token, interaction tokens in payloads and in webhook routes."""

from __future__ import annotations

import logging

import pytest

from bot.logsafe import REDACTED, RedactingFilter, install, redact

INTERACTION = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpzZWNyZXQ"
BOT_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDe.secretsecretsecretsecretsecret"


def test_redact_payloads_and_routes() -> None:
    event = {"t": "INTERACTION_CREATE", "d": {"id": "1", "token": INTERACTION, "type": 2}}
    assert INTERACTION not in redact(str(event)) and f"'token': '{REDACTED}'" in redact(str(event))
    assert INTERACTION not in redact(f'{{"token": "{INTERACTION}"}}')
    route = f"POST https://discord.com/api/v10/webhooks/123456/{INTERACTION}/messages/@original"
    assert redact(route) == f"POST https://discord.com/api/v10/webhooks/123456/{REDACTED}/messages/@original"
    callback = f"/interactions/987/{INTERACTION}/callback"
    assert redact(callback) == f"/interactions/987/{REDACTED}/callback"
    assert redact(f"login with {BOT_TOKEN}", [BOT_TOKEN]) == f"login with {REDACTED}"
    assert redact("nothing secret here") == "nothing secret here"


def test_debug_records_are_redacted_by_the_handler_filter(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.handler.addFilter(RedactingFilter([BOT_TOKEN]))
    gateway = logging.getLogger("discord.gateway")
    gateway.debug("For Shard ID %s: WebSocket Event: %s", 0, {"d": {"token": INTERACTION}})
    logging.getLogger("discord.http").debug("%s %s has returned %s", "POST", f"/webhooks/1/{INTERACTION}", 200)
    try:
        raise RuntimeError(f"bad token {BOT_TOKEN}")
    except RuntimeError:
        gateway.exception("failed")
    text = caplog.text
    assert INTERACTION not in text and BOT_TOKEN not in text
    assert text.count(REDACTED) >= 3


def test_install_covers_every_root_handler() -> None:
    root = logging.getLogger()
    handler = logging.NullHandler()
    root.addHandler(handler)
    try:
        found = install([BOT_TOKEN])
        assert found in handler.filters
    finally:
        root.removeHandler(handler)

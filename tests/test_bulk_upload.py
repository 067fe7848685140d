"""/source add file:backlog.zip — the articles of a zip archive through the bulk path, the deferred
reply edited with progress, then a summary with the refusals by reason (through SimCord)."""

from __future__ import annotations

import io
import sys
import zipfile

import pytest

from bot.ingest.archive import BadArchive, read_archive
from tests.test_discord_support import (  # noqa: F401
    World,
    bot_fixture,
    rejected_fixture,
    settings_fixture,
    world_fixture,
)

ARTICLE = """---
title: 黒海の航行再開で合意 {n}
published: 2025-03-{day:02d}
---
米国とロシアの代表団は{day}日、サウジアラビアのリヤドで協議し、黒海での商船の安全な航行を確保することで合意した。第{n}回の協議だった。
ペスコフ大統領報道官は「合意の履行には西側の制裁緩和が前提だ」と述べた。
"""


def archive(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def backlog() -> bytes:
    members = {f"news/a{n:02d}.md": ARTICLE.format(n=n, day=1 + n % 28).encode() for n in range(6)}
    members["news/copy.md"] = members["news/a01.md"]
    members["news/photo.png"] = b"\x89PNG\r\n\x1a\n"
    members["news/binary.txt"] = b"\x00\x01\x02" * 50
    members["__MACOSX/news/._a00.md"] = b"\x00\x05\x16\x07"
    return archive(members)


def test_read_archive_keeps_articles_and_refuses_the_rest():
    sources, refused = read_archive(backlog())
    assert sorted(s.name for s in sources) == [f"a{n:02d}.md" for n in range(6)] + ["copy.md"]
    assert sorted((r.name, r.status) for r in refused) == [("binary.txt", "error"), ("photo.png", "error")]
    with pytest.raises(BadArchive):
        read_archive(b"PK\x03\x04 not really a zip")


async def test_admin_uploads_a_zip_of_articles(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    sources_cog = sys.modules["commands.sources"]  # the module the bot loaded (extensions load their own copy)
    shown: list[str] = []
    original = sources_cog.archive_progress_text

    def recording(*args, **kwargs):
        text = original(*args, **kwargs)
        shown.append(text)
        return text

    monkeypatch.setattr(sources_cog, "ARCHIVE_PROGRESS_SECONDS", 0.0)
    monkeypatch.setattr(sources_cog, "archive_progress_text", recording)
    done = await world.admin.slash(world.channel, "source add", file=("backlog.zip", backlog()))
    assert done.ephemeral
    text = done.response.content
    assert text.startswith("backlog.zip: 6 added, 1 already stored, 2 refused"), text
    assert "binary" in text and "unsupported file type" in text
    assert shown and "Adding the articles of backlog.zip" in shown[0]
    listing = await world.reader.slash(world.channel, "sources", id=7)
    fields = {f.name: f.value for f in listing.response.embeds[0].fields}
    assert fields["Origin"] == "upload"


async def test_a_damaged_zip_is_one_clear_line(world: World) -> None:
    done = await world.admin.slash(world.channel, "source add", file=("broken.zip", b"PK\x03\x04garbage"))
    assert done.ephemeral and "not a .zip archive that can be read" in done.response.content

"""Every reply in the reader's language (issue 13): the suite's main scenarios run in `ja` and in `en-US`.

The server's language is SimCord's own (`Env.create_guild(preferred_locale=…)`, what the digest reads); the
reader's is set by `tests.test_discord_support.reader_locale`, the one place that patches SimCord (it has no
supported way to set an interaction's locale). Each reply is
checked for the other language's words: no sentence of the English locale file in a Japanese reply, no
Japanese sentence of ours in an English one; and the chrome (titles, field names, footers, errors) of a
Japanese reply is Japanese, of an English reply English (article text and names are shown as written).
"""

from __future__ import annotations

import re
import string
from datetime import timedelta

import discord
import pytest
import simcord
from simcord import assert_error

from bot.services.errors import QueryError
from bot.user_errors import messages
from commands.i18n import load
from tests import test_discord_digest
from tests.test_cli_languages import english_words
from tests.test_discord_support import reader_locale, rejected_fixture, settings_fixture  # noqa: F401

# The digest tests' clock (the store stamps by it) and a bot that reads it.
clock = test_discord_digest.clock
simcord_bot = test_discord_digest.simcord_bot
KANA_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
ARTICLE = """\
ジッダ協議、30日間の停戦案で合意

米国とウクライナの代表団は2025年3月11日、サウジアラビアのジッダで協議し、30日間の即時停戦案で合意した。
ルビオ国務長官は「ボールはロシア側にある」と述べた。
"""
# What the scenarios type (quotes, names, titles): echoed as typed, in either language.
TYPED = ["国を売ることはできない", "まったく存在しない発言の文言です", "ゼレンスキー", "トランプ", "ジッダ協議", "Trunp", "yesterday"]
TYPED += ["北極航路", "北極海航路", "砕氷船", "氷"]  # a topic an admin adds, and its cue words
# Words shown as written in either language: names, outlets, formats, units, command and option names.
AS_WRITTEN = re.compile(
    r"https?://\S+|<[#@&!t:][^>]*>|`[^`]*`|/[a-z]+(?: [a-z]+)?|\b[a-z]+:|YYYY(?:-MM(?:-DD)?)?|HH:MM|"
    r"Asia/Tokyo|IANA|URL|RSS|Atom|JSON|PDF|HTTP|MB|\.(?:txt|md|html|pdf|zip)\b|Manage Server|"
    r"「[^」]*」|“[^”]*”|\([^)]*\)|\[[^\]]*\]\([^)]*\)|\*\*[^*]*\*\*"
)
# In a Japanese reply, only these are shown as written (every other Latin word must be a name, an id or a
# command of tests/test_cli_languages.py's allow-list): addresses, mentions and times, code, commands and
# option names, what the user typed in 「」.
JA_AS_WRITTEN = re.compile(
    r"[a-z]+://\S+|<[#@&!t:][^>]*>|`[^`]*`|/[a-z]+(?: [a-z]+)?|\b[a-z]+:|\[[^\]\s]*\]|「[^」]*」|YYYY(?:-MM(?:-DD)?)?|HH:MM|\.(?:txt|md|html|pdf|zip)\b"
)


def own_words(piece: str, japanese: bool) -> bool:
    """A Japanese sentence piece (kana or kanji with a particle), or English words (three or more, no kana)."""
    if japanese:
        return len(KANA_KANJI.findall(piece)) >= 3 and re.search(r"[\u3040-\u309f]", piece) is not None
    return len(LATIN_WORD.findall(piece)) >= 3 and not KANA_KANJI.search(piece)


def fragments(templates: dict[str, str], *, japanese: bool) -> set[str]:
    """The literal words of the templates (between their placeholders) long enough to be a language's own."""
    found: set[str] = set()
    for template in templates.values():
        for literal, *_ in string.Formatter().parse(template):
            for piece in re.split(r"[{}\n:;,.。、・()()「」“”—–-]+", literal or ""):
                piece = piece.strip()
                if own_words(piece, japanese):
                    found.add(piece)
    return found


EN_TEXTS = {**load("en")["labels"], **messages("en")}
JA_TEXTS = {**load("ja")["labels"], **messages("ja")}
# Words both files use (examples to type, names, URLs) belong to neither language.
EN_WORDS = {w for w in fragments(EN_TEXTS, japanese=False) if not any(w in t for t in JA_TEXTS.values())}
JA_WORDS = {w for w in fragments(JA_TEXTS, japanese=True) if not any(w in t for t in EN_TEXTS.values())}


@pytest.fixture(params=["ja", "en-US"])
def locale(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    reader_locale(monkeypatch, request.param)
    return request.param


def chrome_and_body(message) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    """(what the bot words itself: content, titles, field names, footers; what quotes articles: the rest)."""
    chrome = [message.content or ""]
    body: list[str] = []
    for embed in message.embeds:
        chrome += [embed.title or "", embed.footer.text or "", *(f.name or "" for f in embed.fields)]
        body += [embed.description or "", *(f.value or "" for f in embed.fields)]
    return [c for c in chrome if c.strip()], body


def check_language(reply, japanese: bool, what: str, typed: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The reply's words are the reader's language's; what the user typed is shown back as typed."""
    chrome, body = chrome_and_body(reply)
    for value in sorted(typed, key=len, reverse=True):
        chrome = [c.replace(value, " ") for c in chrome]
    everything = "\n".join(chrome + body)
    if japanese:
        leaked = [w for w in EN_WORDS if w in everything]
        assert not leaked, f"{what}: English in a Japanese reply: {leaked}"
        for line in (line for text in chrome + body for line in text.splitlines()):
            words = english_words(JA_AS_WRITTEN.sub(" ", line))  # any English word but a name, address, id, command
            assert not words, f"{what}: English in a Japanese reply: {words} in {line!r}"
    else:
        leaked = [w for w in JA_WORDS if w in everything]
        assert not leaked, f"{what}: Japanese in an English reply: {leaked}"
        for line in (line for text in chrome for line in text.splitlines()):
            assert not KANA_KANJI.search(AS_WRITTEN.sub(" ", line)), f"{what}: Japanese in English chrome: {line!r}"


async def test_every_reply_error_and_digest_in_the_readers_language(simcord_env: simcord.Env, locale: str, clock):
    japanese = locale == "ja"
    guild = simcord_env.create_guild("Newsroom", preferred_locale=locale)
    channel = guild.create_text_channel("news")
    digest_channel = guild.create_text_channel("digest")
    editors = guild.create_role("Editors", permissions=discord.Permissions(manage_guild=True))
    admin = guild.add_member(simcord_env.create_user("editor"), roles=[editors])
    reader = guild.add_member(simcord_env.create_user("reader"))

    replies = {
        "help": await reader.slash(channel, "help"),
        "quote": await reader.slash(channel, "quote", text="国を売ることはできない"),
        "quote not found": await reader.slash(channel, "quote", text="まったく存在しない発言の文言です"),
        "timeline": await reader.slash(channel, "timeline"),
        "timeline bad date": await reader.slash(channel, "timeline", since="yesterday"),
        "stance": await reader.slash(channel, "stance", actor="ゼレンスキー", topic="ceasefire"),
        "stance unknown actor": await reader.slash(channel, "stance", actor="Trunp"),
        "sources": await reader.slash(channel, "sources"),
        "sources unknown": await reader.slash(channel, "sources", id=999),
        "topic list": await admin.slash(channel, "topic list"),
        "stance about nothing": await reader.slash(channel, "stance", actor="トランプ", about="the of and"),
        "source add bad url": await admin.slash(channel, "source add", url="ftp://example.com/a.txt"),
        "source add bad date": await admin.slash(channel, "source add", text=ARTICLE, published="someday"),
        "digest setup bad time": await admin.slash(channel, "digest setup", channel=digest_channel, time="25:99"),
        "digest setup": await admin.slash(channel, "digest setup", channel=digest_channel),
    }
    clock.now += timedelta(minutes=5)
    replies["source add"] = await admin.slash(channel, "source add", text=ARTICLE, title="ジッダ協議")
    clock.now += timedelta(minutes=5)
    replies["digest now"] = await admin.slash(channel, "digest now")
    replies["digest status"] = await admin.slash(channel, "digest status")
    added = replies["source add"].response.embeds[0].title or ""
    own = int(added.split("#", 1)[1].split()[0].rstrip(":："))
    replies["sources id"] = await reader.slash(channel, "sources", id=own)
    replies["topic add"] = await admin.slash(channel, "topic add", name="北極航路", cues="北極海航路, 砕氷船")
    replies["topic add again"] = await admin.slash(channel, "topic add", name="北極航路", cues="氷")
    replies["topic remove"] = await admin.slash(channel, "topic remove", topic="北極航路")
    replies["source remove shared"] = await admin.slash(channel, "source remove", id=1)
    replies["source remove unknown"] = await admin.slash(channel, "source remove", id=4242)
    replies["source remove"] = await admin.slash(channel, "source remove", id=own)
    clock.now = clock.now.replace(day=clock.now.day + 1, hour=9, minute=1)  # the next morning's digest
    await simcord_env.advance_time(60)
    posted = [m for m in digest_channel.history() if m.author.bot]
    assert posted, "the scheduled digest was posted"
    for message in posted:
        check_language(message, japanese, "scheduled digest", TYPED)

    for what, result in replies.items():
        reply = result.response
        assert reply is not None, what
        check_language(reply, japanese, what, TYPED)
    for what in (
        "timeline bad date",
        "stance unknown actor",
        "sources unknown",
        "source add bad date",
        "topic add again",
        "source remove shared",
        "source remove unknown",
    ):
        assert replies[what].ephemeral, what
    digest = replies["digest now"].response
    assert digest.embeds, "the first digest right after setup shows the last 24 hours"
    header = digest.embeds[0].description or ""
    assert "T0" not in header and "+00:00" not in header  # dates a person reads, not ISO instants
    # the last 24 hours, in the server's zone (Tokyo): 08:10 on the 1st to 08:10 on the 2nd
    expected = ("1月1日 08:10", "1月2日 08:10") if japanese else ("From Jan 1, 08:10 to Jan 2, 08:10",)
    assert all(e in header for e in expected), header
    assert_error(simcord_env, QueryError)  # the refusals above, each answered in the reader's language
    quote = replies["quote"].response.embeds[0]
    speaker = next(f.value for f in quote.fields if f.name in ("Speaker", "発言者"))
    assert speaker == ("ゼレンスキー" if japanese else "Volodymyr Zelensky")  # names follow the reader

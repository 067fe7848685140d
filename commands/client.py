"""The Discord front end: the bot, its command sync, error handler, digest and feed loops, and `run(settings)`.

The core (`bot.services`, `bot.services.digest`) knows nothing of Discord; the cogs in `commands/` translate
between it and app commands.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import sys
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, TypeVar

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot import logsafe
from bot.config import Settings
from bot.ingest.fetch import make_session
from bot.ingest.fetcher import Fetcher
from bot.ingest.pipeline import open_store
from bot.instants import iso_utc
from bot.services import digest as digests
from bot.services import feeds, guilds
from bot.services.claims import keep_claims_current
from bot.services.errors import QueryError
from bot.services.warm import warm_vocabularies
from bot.store import Store
from bot.store.jobs import claim_digest, digest_nonce, digest_posted
from bot.store.store import StoreError
from bot.threads import prefer_the_loop
from bot.user_errors import UserError, default_language
from bot.words import Words
from bot.worker import default_owner, poll_feeds_leased
from commands.checks import NotAdmin
from commands.embeds import digest_posts, feed_paused_notice
from commands.i18n import JapaneseTranslator, Labels
from commands.render import NO_MENTIONS, echo, truncate

log = logging.getLogger(__name__)

EXTENSIONS = (
    "commands.timeline",
    "commands.stance",
    "commands.topics",
    "commands.quote",
    "commands.sources",
    "commands.digest",
    "commands.help",
)
ERROR_CHARS = 500
LOOPS_END_SECONDS = 60.0  # the most close() waits for its cancelled loops to end before closing the store
REPLIES_END_SECONDS = 10.0  # the most close() waits for the replies it cut short to be edited
T = TypeVar("T")


class Closed:
    """What `NewsdeskBot.unless_closing` returns when the bot began closing before the wait ended."""


class NewsdeskTree(app_commands.CommandTree):
    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        """Expected errors become one short ephemeral line; anything else is logged and apologised for."""
        original = getattr(error, "original", error)
        L = Labels.of(interaction)
        if isinstance(original, QueryError):
            message = L.error(original)
        elif isinstance(error, NotAdmin):
            message = L("error.not_admin")
        elif isinstance(error, app_commands.NoPrivateMessage):
            message = L("error.guild_only")
        elif isinstance(error, app_commands.TransformerError):
            message = L("error.bad_value", value=echo(truncate(str(error.value), 100)))
        elif isinstance(error, app_commands.CheckFailure):
            message = L("error.not_allowed")
        else:
            name = interaction.command.qualified_name if interaction.command else "?"
            log.error("/%s failed", name, exc_info=original)
            message = L("error.unexpected")
        if interaction.type is discord.InteractionType.autocomplete:
            return  # an autocomplete cannot show a message; Discord shows no choices
        message = truncate(message, ERROR_CHARS)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
            else:
                await interaction.response.send_message(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as e:  # the interaction expired or was deleted meanwhile
            log.warning("could not report an error to the user: %s", e)


class NewsdeskBot(commands.AutoShardedBot):
    """Slash commands over the news store, the daily digest poster and the feed poller.

    `store` may be given (tests, embedding); otherwise setup_hook opens settings.db_path and loads
    the seeds into a new database. `clock` is what the digest and feed loops call "now".
    `trusted_hosts` ("host:port" strings) are endpoints exempt from the private-address rule when
    fetching (bot.ingest.fetch); empty by default, tests put their 127.0.0.1 server there.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        store: Store | None = None,
        clock: Callable[[], datetime] = discord.utils.utcnow,
        **options: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents(guilds=True),
            help_command=None,
            allowed_mentions=NO_MENTIONS,
            tree_cls=NewsdeskTree,
            owner_ids=set(settings.owner_ids),
            **options,
        )
        self._fetcher = Fetcher()  # built from the settings (below); the session joins it at the first fetch
        self.settings = settings
        self.clock = clock
        self._store = store
        self._owns_store = store is None
        self._claims_upkeep: asyncio.Task[None] | None = None
        self._warming: asyncio.Task[None] | None = None
        self._http: aiohttp.ClientSession | None = None
        self._feed_lock = asyncio.Lock()  # one feed poll at a time, whether the loop or a caller started it
        self.owner = default_owner()  # who holds this process's digest claims and feed leases
        self._closing = asyncio.Event()
        self._waiting: set[asyncio.Task[Any]] = set()  # commands in unless_closing(): close() lets them answer

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is opened in setup_hook; it is not open yet")
        return self._store

    async def setup_hook(self) -> None:
        if self._store is None:
            self._store = await open_store(
                self.settings.db_path, self.settings.seeds_dir, lock_wait=self.settings.lock_wait
            )
        await self.tree.set_translator(JapaneseTranslator())
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        await self.sync_commands()
        self.digest_loop.start()
        self.feed_loop.start()
        # claims an older extractor stored, rebuilt in the background (one process at a time)
        self._claims_upkeep = asyncio.create_task(keep_claims_current(self.store, self.owner, clock=self.clock))
        # the word lists a first `/stance about:` question would build (~0.5 s), built now in a worker thread
        self._warming = asyncio.create_task(asyncio.to_thread(warm_vocabularies, self.store.actors))

    @property
    def fetcher(self) -> Fetcher:
        """How the bot fetches (feeds, `/source add url:`): the settings' allowlist, `trusted_hosts` and one
        pooled, guarded session (opened at the first fetch, inside the running loop; closed in close())."""
        if self._http is None:
            self._http = make_session()
            self._fetcher = replace(self._fetcher, session=self._http)
        return self._fetcher

    @property
    def settings(self) -> Settings:
        return self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        """The bot's settings; its fetcher follows their fetch policy (`NEWSDESK_ALLOW_PRIVATE_FETCH`)."""
        self._settings = settings
        self._fetcher = replace(self._fetcher, allow_private=settings.allow_private_fetch)

    @property
    def trusted_hosts(self) -> tuple[str, ...]:
        return self._fetcher.trusted_hosts

    @trusted_hosts.setter
    def trusted_hosts(self, hosts: tuple[str, ...]) -> None:
        """Endpoints exempt from the address rule (the tests' own server): the fetcher is the same otherwise."""
        self._fetcher = replace(self._fetcher, trusted_hosts=tuple(hosts))

    async def unless_closing(self, wait: Awaitable[T]) -> T | Closed:
        """`wait`'s result, or `Closed()` when the bot begins closing first (close() cancels the wait).

        A command that waits long on someone else's work (a worker's job) says so in its reply when it gets
        `Closed()`: close() waits for that command to end (at most REPLIES_END_SECONDS) before it closes the HTTP
        session that edits the reply, so the user is never left reading "this message will show the result"."""
        current = asyncio.current_task()
        if current is None:
            return await wait
        self._waiting.add(current)
        try:
            return await wait
        except asyncio.CancelledError:
            if not self._closing.is_set():  # cancelled for another reason: not ours to absorb
                raise
            current.uncancel()  # close()'s cancel ends the wait, not the command: it answers next
            return Closed()
        finally:
            self._waiting.discard(current)

    async def close(self) -> None:
        self._closing.set()
        if waiting := self._waiting - {asyncio.current_task()}:
            for task in waiting:
                task.cancel()
            await asyncio.wait(waiting, timeout=REPLIES_END_SECONDS)
        running = [
            t for t in (self._claims_upkeep, self._warming, self.digest_loop.get_task(), self.feed_loop.get_task()) if t
        ]
        if self._claims_upkeep is not None:
            self._claims_upkeep.cancel()
        self.digest_loop.cancel()
        self.feed_loop.cancel()
        try:
            await super().close()
        finally:
            # A cancelled loop may still be ending what cannot stop halfway (a first poll's bulk batch commits in
            # its thread): the store is closed once they have ended, never under them (bounded: a batch's write).
            if running:
                await asyncio.wait(running, timeout=LOOPS_END_SECONDS)
            if self._http is not None:
                await self._http.close()
                self._http = None
            if self._owns_store and self._store is not None:
                await self._store.close()
                self._store = None

    # --- command sync ----------------------------------------------------------------------

    async def command_payload(self, guild: discord.abc.Snowflake | None) -> list[dict[str, Any]]:
        """What tree.sync() would send for this scope, translations included."""
        translator = self.tree.translator
        payload = []
        for command in self.tree.get_commands(guild=guild):
            if translator is not None:
                payload.append(await command.get_translated_payload(self.tree, translator))
            else:
                payload.append(command.to_dict(self.tree))
        return payload

    async def sync_commands(self) -> bool:
        """Sync to NEWSDESK_GUILD_ID (instant) or globally, only when the definitions changed since the last sync."""
        guild = discord.Object(id=self.settings.guild_id) if self.settings.guild_id else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        payload = await self.command_payload(guild)
        digest = hashlib.sha256(
            json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()
        ).hexdigest()
        key = f"discord.commands.{self.application_id}.{guild.id if guild else 'global'}"
        if await self.store.get_meta(key) == digest:
            log.info("application commands unchanged since the last sync; not syncing")
            return False
        scope = f"guild {guild.id}" if guild else "globally (may take up to an hour to appear)"
        try:
            synced = await self.tree.sync(guild=guild)
        except discord.HTTPException as e:
            log.error(
                "could not sync application commands %s: %s (is the bot invited with applications.commands?)", scope, e
            )
            return False
        await self.store.set_meta(key, digest)
        log.info("synced %d application commands %s", len(synced), scope)
        return True

    # --- the daily digest ------------------------------------------------------------------

    @tasks.loop(minutes=1)
    async def digest_loop(self) -> None:
        try:
            await self.post_due_digests()
        except Exception:  # one bad iteration must not stop the loop
            log.exception("digest loop iteration failed")

    @digest_loop.before_loop
    async def _before_digest_loop(self) -> None:
        await self.wait_until_ready()

    async def post_due_digests(self) -> int:
        now = self.clock()
        posted = 0
        for settings in await digests.due(self.store, now):
            posted += await self.post_digest(settings, now)
        return posted

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """Removed from a server: its data stays (the operator removes it with `guilds remove ID`), its digest
        is no longer posted."""
        await guilds.mark_left(self.store, guild.id, iso_utc(self.clock(), "seconds"))
        log.info("removed from guild %s; its data stays until `newsdesk guilds remove %s`", guild.id, guild.id)

    async def on_guild_join(self, guild: discord.Guild) -> None:
        await guilds.mark_joined(self.store, guild.id)

    async def on_ready(self) -> None:
        """Connected: a server that removed the bot while it was offline (no GUILD_DELETE reached it) is
        marked removed, as `on_guild_remove` would have; one it was added back to meanwhile, marked back.
        Only this process's shards' servers are compared (another process holds the others)."""
        at = iso_utc(self.clock(), timespec="seconds")
        gone, back = await guilds.reconcile(self.store, [g.id for g in self.guilds], at, ours=self.owns_guild)
        for guild_id in gone:
            log.info(
                "not in guild %s any more (removed while offline); its data stays until `newsdesk guilds remove %s`",
                guild_id,
                guild_id,
            )
        for guild_id in back:
            log.info("in guild %s again", guild_id)

    def owns_guild(self, guild_id: int) -> bool:
        """Whether a server belongs to one of this process's shards (Discord's rule: (id >> 22) % count)."""
        if self.shard_ids is None:
            return True
        return (guild_id >> 22) % (self.shard_count or 1) in self.shard_ids

    async def post_digest(self, settings: digests.DigestSettings, now: datetime) -> bool:
        """Post one server's digest; a Discord failure is recorded (and retried the next day), never raised."""
        left = await guilds.left_at(self.store, settings.guild_id)
        if left is not None:
            reason = UserError("digest.failed.removed", guild=settings.guild_id, at=left)
            log.warning("digest for guild %s not posted: %s", settings.guild_id, reason)
            await digests.mark_failed(self.store, settings, now, reason)
            return False
        try:
            channel = self.get_channel(settings.channel_id) or await self.fetch_channel(settings.channel_id)
            if not isinstance(channel, discord.abc.Messageable):
                raise DigestChannelError(UserError("digest.failed.not_messageable", channel=settings.channel_id))
            until = iso_utc(now)
            digest = await digests.build_digest(
                self.store, since=settings.last_posted_at, until=until, guild_id=settings.guild_id
            )
            guild = getattr(channel, "guild", None)
            language = digests.digest_language(settings, str(guild.preferred_locale) if guild else None)
            labels = Labels(language).with_names(self.store.actors)
            day = digests.local_day(settings, now)
            # One process posts a server's digest for a day: the claim is written before posting. A claim
            # taken over from a process that died mid-post sends the same nonces, which Discord posts once
            # (discord.py sends `enforce_nonce: true` with every nonce; tests/test_discord_digest_claims.py).
            claim = await claim_digest(self.store, settings.guild_id, day, self.owner, now=now)
            if not claim.ours:
                return False
            message_ids = []
            for part, post in enumerate(digest_posts(digest, labels, settings.timezone)):
                kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
                if post.content:
                    kwargs["content"] = post.content
                if post.embeds:
                    kwargs["embeds"] = post.embeds
                sent = await channel.send(nonce=digest_nonce(settings.guild_id, day, part), **kwargs)
                message_ids.append(sent.id)
            await digest_posted(self.store, settings.guild_id, day, self.owner, message_ids, now=now)
        except discord.Forbidden as e:
            reason = UserError(
                "digest.failed.forbidden", channel=settings.channel_id, status=e.status, text=e.text or "Forbidden"
            )
        except discord.NotFound:
            reason = UserError("digest.failed.not_found", channel=settings.channel_id)
        except discord.HTTPException as e:
            reason = UserError("digest.failed.http", status=e.status, text=e.text or str(e))
        except DigestChannelError as e:
            reason = e.args[0]
        else:
            await digests.mark_posted(self.store, settings, now)
            log.info("posted the digest for guild %s in channel %s", settings.guild_id, settings.channel_id)
            return True
        log.warning("digest for guild %s not posted: %s", settings.guild_id, reason)
        await digests.mark_failed(self.store, settings, now, reason)
        return False

    # --- feeds ------------------------------------------------------------------------------

    @tasks.loop(minutes=1)
    async def feed_loop(self) -> None:
        try:
            await self.poll_due_feeds()
        except Exception:  # one bad iteration must not stop the loop
            log.exception("feed loop iteration failed")

    @feed_loop.before_loop
    async def _before_feed_loop(self) -> None:
        await self.wait_until_ready()

    async def poll_due_feeds(self, now: datetime | None = None) -> list[feeds.PollResult]:
        """Poll every feed that is due at `now` (default: the clock), then tell servers about newly paused feeds.

        Feeds are polled one after another: the network waits are awaited (commands keep being answered
        meanwhile) and extraction runs in threads, and sequential polling keeps two feeds listing the
        same article from ingesting it twice. An error in one feed is logged and the next one is polled.
        """
        async with self._feed_lock:
            now = now or self.clock()
            interval = timedelta(minutes=self.settings.feed_minutes)
            # Each feed under a lease in the database: with several processes on one store, one polls it.
            results = await poll_feeds_leased(
                self.store,
                self.owner,
                now,
                interval=interval,
                fetcher=self.fetcher,
            )
            for result in results:
                if result.added or result.stored_quietly:
                    log.info(
                        "feed poll: %d new, %d stored quietly, %d failed, %d already seen",
                        len(result.added), result.stored_quietly, len(result.failed), result.seen,
                    )  # fmt: skip
            await self.notify_paused_feeds()
            return results

    async def notify_paused_feeds(self) -> int:
        """Tell each server, once, in its digest channel, which of its feeds were paused and how to resume them.

        A server without a digest channel is not told (the pause shows in /source feeds); a notice that
        Discord refuses for good (no permission, channel gone) is not retried, one that fails for a
        passing reason (a 5xx) is retried at the next iteration.
        """
        told = 0
        for feed in await feeds.list_feeds(self.store):
            if not feed.paused or feed.pause_notified or not feed.guild_id:
                continue
            try:
                if await self._post_pause_notice(feed):
                    told += 1
            except Exception:
                log.exception("could not tell guild %s that feed #%d is paused", feed.guild_id, feed.id)
        return told

    async def _post_pause_notice(self, feed: feeds.Feed) -> bool:
        settings = await digests.get_settings(self.store, feed.guild_id)
        if settings is None:
            return False
        try:
            channel = self.get_channel(settings.channel_id) or await self.fetch_channel(settings.channel_id)
            if not isinstance(channel, discord.abc.Messageable):
                raise DigestChannelError(UserError("digest.failed.not_messageable", channel=settings.channel_id))
            labels = Labels.for_guild(getattr(channel, "guild", None))
            await channel.send(feed_paused_notice(feed, labels), allowed_mentions=NO_MENTIONS)
        except (discord.Forbidden, discord.NotFound, DigestChannelError) as e:
            log.warning("feed #%d is paused but guild %s could not be told: %s", feed.id, feed.guild_id, e)
            await feeds.mark_pause_notified(self.store, feed.id)  # retrying every minute would not help
            return False
        except discord.HTTPException as e:
            log.warning("feed #%d pause notice not posted (retried next minute): %s", feed.id, e)
            return False
        await feeds.mark_pause_notified(self.store, feed.id)
        log.info("told guild %s that feed #%d is paused", feed.guild_id, feed.id)
        return True


class DigestChannelError(Exception):
    """The digest channel exists but is not one the bot can post in."""


def run(settings: Settings, *, shard_ids: list[int] | None = None, shard_count: int | None = None) -> int:
    """`python -m bot run`: connect to Discord until stopped. Returns the process exit code."""
    words = Words(default_language())  # the operator's language (NEWSDESK_LANG), as the command line speaks
    if not settings.token:
        print(words("text.run.no_token"), file=sys.stderr)
        return 2
    discord.utils.setup_logging(level=logging.getLevelNamesMapping().get(settings.log_level, logging.INFO))
    logsafe.install([settings.token])  # no bot or interaction token in the log, even at DEBUG
    prefer_the_loop()  # worker threads (feeds, extraction) hand the GIL back to the loop every millisecond
    sharding: dict[str, Any] = {"shard_ids": shard_ids, "shard_count": shard_count} if shard_ids else {}
    bot = NewsdeskBot(settings, **sharding)

    async def main() -> None:
        async with bot:
            await bot.start(settings.token)  # type: ignore[arg-type]  # checked above

    try:
        asyncio.run(main())
    except discord.LoginFailure:
        print(words("text.error", message=words("text.run.bad_token")), file=sys.stderr)
        return 1
    except StoreError as e:  # in the operator's language (NEWSDESK_LANG), as the command line says it
        lang = default_language()
        print(Words(lang)("text.error", message=e.render(lang)), file=sys.stderr)
        return 1
    except (aiohttp.ClientError, OSError) as e:  # no route to Discord: say so in one line
        detail = f"{e.__class__.__name__}: {e}"
        print(words("text.error", message=words("text.run.unreachable", detail=detail)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0

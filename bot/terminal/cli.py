"""The command line: `python -m bot [--db PATH] COMMAND …` (also installed as `newsdesk`).

Every query command takes --json. Bad input is one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import re
import signal
import sqlite3
import sys
from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import Settings, SettingsError
from bot.ingest.bulk import BATCH_SIZE, MAX_BATCH_SIZE, BulkError, BulkOptions, FileSource, Source, bulk_ingest
from bot.ingest.bulk_stop import StopRequest, stop_on_signals
from bot.ingest.pipeline import article_files, ingest_file, open_store
from bot.models import TOPICS, IngestResult, to_jsonable
from bot.rows import Provenance
from bot.services.errors import UserError, default_language
from bot.store import Store, StoreError
from bot.store.store import describe_sqlite_error
from bot.store.tenancy import guild_known
from bot.terminal import render_text
from bot.terminal.parser_words import parser_words, requested_language
from bot.user_errors import stored_in
from bot.words import Words

if TYPE_CHECKING:
    from bot.ingest.claims_refresh import ClaimsRefresh

# Each command imports the services it calls (below, in its function): a process runs one command, and importing
# them all cost every command, `--help` included, what the heaviest needs (the claims' upkeep, fetching, the
# console, the feeds' service and the extraction rules behind them).

EXIT_USAGE = 2


CLIError = UserError  # a one-line error for the user; exit code 2


# Fields that hold a failure as the database keeps it (a code and its parameters): --json says them in English,
# the sentences scripts read before failures were stored as codes.
STORED_FAILURES = frozenset({"error", "reason", "last_error", "last_item_error"})


def _said_failures(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {
            k: stored_in(v, "en") if k in STORED_FAILURES and isinstance(v, str) else _said_failures(v)
            for k, v in obj.items()
        }
    if isinstance(obj, list):
        return [_said_failures(v) for v in obj]
    return obj


def _emit(args: argparse.Namespace, payload: Any, text: str) -> None:
    if args.json:
        print(json.dumps(_said_failures(to_jsonable(payload)), ensure_ascii=False, indent=1))
    else:
        print(text)


async def cmd_ingest(store: Store, args: argparse.Namespace) -> int:
    """Add files, folders and URLs; one line per source (refusals on stderr), every good one kept.

    Many files (folders, globs) go through the bulk path: extraction in worker processes, writes in
    batches, a progress bar on a terminal (a status line every 10 s otherwise) and a summary with
    the refusals by reason. The exit code is 2 when anything was refused or missing, 0 when
    everything was added or was already stored, so a script can tell a partial batch from a whole one.
    """
    from bot.ingest.fetcher import Fetcher
    from bot.services.sources import add_url

    results: list[IngestResult] = []
    settings = Settings.from_env()
    files: list[Path] = []
    for raw in args.paths:
        scheme = _url_scheme(raw)
        if scheme in ("http", "https"):
            result = await add_url(
                store,
                raw,
                fetcher=Fetcher(allow_private=settings.allow_private_fetch),
                provenance=Provenance(added_by="cli", guild_id=args.guild),
            )
            if result.error is not None and result.error.code == "url.is_feed_follow":
                result = IngestResult.refused(raw, UserError("cli.is_feed", url=raw))
        elif scheme is not None:
            result = IngestResult.refused(raw, UserError("url.scheme_refused", scheme=f"{scheme}:"))
        else:
            found = article_files(Path(raw))
            if found is None:
                files.append(Path(raw))
                continue
            if found:
                files.extend(found)
                continue
            result = IngestResult.refused(raw, UserError("file.empty_folder", path=raw))
        _report_ingest(args, result)
        results.append(result)
    if len(files) == 1:
        result = await ingest_file(store, files[0], provenance=Provenance(guild_id=args.guild))
        _report_ingest(args, result)
        results.append(result)
    stopped: str | None = None
    if len(files) > 1:
        many, stopped = await _ingest_many(store, args, files)
        results.extend(many)
    refused = sum(r.status == "error" for r in results)
    if args.json:
        print(json.dumps(to_jsonable({"results": results}), ensure_ascii=False, indent=1))
    if stopped is not None:  # SIGTERM or Ctrl-C: the exit code says so (128 + the signal), as a shell's does
        return 128 + int(getattr(signal.Signals, stopped, signal.SIGTERM))
    if len(results) > 1 and len(files) < 2:
        added = sum(r.status == "added" for r in results)
        dupes = sum(r.status == "duplicate" for r in results)
        print(Words(args.lang)("text.ingest.counts", added=added, duplicates=dupes, refused=refused), file=sys.stderr)
    return EXIT_USAGE if refused else 0


async def _ingest_many(
    store: Store, args: argparse.Namespace, files: list[Path]
) -> tuple[list[IngestResult], str | None]:
    """The bulk path, with progress on stderr and a summary (counts, refusals by reason) at the end; also the
    signal that stopped it early (SIGTERM, SIGINT: the batch being written commits, the rest is left)."""
    from bot.terminal.progress import TerminalProgress, summary_lines

    results: list[IngestResult] = []
    shown = TerminalProgress(len(files), sys.stderr, words=Words(args.lang))

    def on_result(_source: Source, result: IngestResult) -> None:
        results.append(result)
        if result.status == "error":
            shown.write(_refusal(args.lang, render_text.ingest_text(result, args.lang)), sys.stderr)
        elif not args.json:
            shown.write(render_text.ingest_text(result, args.lang), sys.stdout)

    try:
        with stop_on_signals(StopRequest()) as stop:
            final = await bulk_ingest(
                store,
                [FileSource(f) for f in files],
                options=BulkOptions(provenance=Provenance(guild_id=args.guild), stop=stop, batch_size=args.batch_size),
                on_result=on_result,
                on_progress=shown.update,
            )
    finally:
        shown.close()
    for line in summary_lines(final, Words(args.lang)):
        print(line, file=sys.stderr)
    return results, final.stopped


def _url_scheme(raw: str) -> str | None:
    """The scheme of a URL given where a path may stand (`file:///…`, `ftp://…`); None for a path."""
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]{1,15}):(?://|[^\\/])", raw)
    return m.group(1).lower() if m and not Path(raw).exists() else None


def _report_ingest(args: argparse.Namespace, result: IngestResult) -> None:
    """A refusal goes to stderr as it happens (also with --json); an addition to stdout without --json."""
    if result.status == "error":
        print(_refusal(args.lang, render_text.ingest_text(result, args.lang)), file=sys.stderr)
    elif not args.json:
        print(render_text.ingest_text(result, args.lang))


def _words(store: Store, args: argparse.Namespace) -> Words:
    """The answer's words in the reader's language (`--lang`), actor names as the reader reads them."""
    return Words(getattr(args, "lang", "en")).with_names(store.actors)


async def cmd_sources(store: Store, args: argparse.Namespace) -> int:
    from bot.services.sources import get_source, list_sources, remove_source

    if args.remove and args.id is None:
        raise CLIError("cli.remove_needs_id")
    if args.id is not None:
        doc = await get_source(store, args.id, args.guild) if 0 < args.id < 2**63 else None  # SQLite cannot bind more
        if doc is None:
            raise CLIError("cli.no_document", id=args.id)
        if args.remove:
            if not await remove_source(store, args.id, args.guild):
                raise CLIError("cli.no_document", id=args.id)
            _emit(args, {"removed": args.id}, _words(store, args)("text.source.removed", id=args.id, title=doc.title))
            return 0
        _emit(args, {"document": doc}, render_text.source_detail_text(doc, _words(store, args)))
        return 0
    docs = await list_sources(store, args.guild)
    _emit(args, {"documents": docs}, render_text.sources_text(docs, _words(store, args)))
    return 0


async def cmd_quote(store: Store, args: argparse.Namespace) -> int:
    from bot.services.quotes import parse_quote, quote_page

    text = " ".join(args.text)
    matches = await quote_page(store, await parse_quote(store, text, guild_id=args.guild), limit=args.limit)
    _emit(args, {"query": text, "matches": [_match_json(m) for m in matches]}, render_text.quote_text(text, matches, _words(store, args)))
    return 0


def _match_json(m: Any) -> dict[str, Any]:
    d = to_jsonable(m)
    d["matched"] = m.matched
    return d


async def cmd_timeline(store: Store, args: argparse.Namespace) -> int:
    from bot.services.timeline import timeline

    events = await timeline(
        store, since=args.since, until=args.until, actor=args.actor, topic=args.topic, guild_id=args.guild
    )
    _emit(args, {"events": events}, render_text.timeline_text(events, _words(store, args)))
    return 0


async def cmd_stance(store: Store, args: argparse.Namespace) -> int:
    from bot.services.stance_query import parse_stance_query, stance_page

    if args.about is not None and args.topic:
        raise CLIError("cli.topic_or_about")
    q = await parse_stance_query(store, " ".join(args.actor), topic=args.topic, about=args.about, guild_id=args.guild)
    report = await stance_page(store, q)
    _emit(args, report, render_text.stance_text(report, _words(store, args)))
    return 0


async def cmd_topics(store: Store, args: argparse.Namespace) -> int:
    """topics [list] | add NAME --cues A,B | remove NAME | rename NAME NEW"""
    from bot.services.topics import add_topic, list_topics, remove_topic, rename_topic

    words = args.words
    if args.action == "add":
        if len(words) != 1:
            raise CLIError("cli.topics_add_usage")
        topic = await add_topic(store, words[0], (args.cues or "").split(","), added_by="cli", guild_id=args.guild)
        _emit(args, {"topic": topic}, _words(store, args)("text.topic.added", id=topic.id, cues=", ".join(topic.cues)))
        return 0
    if args.action == "remove":
        if len(words) != 1:
            raise CLIError("cli.topics_remove_usage")
        topic = await remove_topic(store, words[0], by="cli", guild_id=args.guild)
        _emit(args, {"removed": topic}, _words(store, args)("text.topic.removed", id=topic.id))
        return 0
    if args.action == "rename":
        if len(words) != 2:
            raise CLIError("cli.topics_rename_usage")
        topic = await rename_topic(store, words[0], words[1], by="cli", guild_id=args.guild)
        _emit(args, {"topic": topic}, _words(store, args)("text.topic.renamed", id=topic.id, topic=topic.label))
        return 0
    topics = await list_topics(store, guild_id=args.guild)
    _emit(args, {"topics": topics}, render_text.topics_text(topics, _words(store, args)))
    return 0


async def cmd_actors(store: Store, args: argparse.Namespace) -> int:
    from bot.services.stance import list_actors

    actors = await list_actors(store, args.guild)
    _emit(args, {"actors": actors}, render_text.actors_text(actors, _words(store, args)))
    return 0


async def cmd_claims(store: Store, args: argparse.Namespace) -> int:
    """The stored claims made current (after a migration or a new extractor): chunked, safe to interrupt."""
    from bot.ingest.claims_refresh import refresh_claims

    W = _words(store, args)

    def progress(p: ClaimsRefresh) -> None:
        print(W("text.claims.progress", checked=p.checked, total=p.total, rebuilt=p.rebuilt), file=sys.stderr)

    done = await refresh_claims(store, on_progress=progress)
    _emit(args, done, W("text.claims.done", checked=done.checked, rebuilt=done.rebuilt))
    return 0


async def cmd_digest(store: Store, args: argparse.Namespace) -> int:
    from bot.services.digest import build_digest

    digest = await build_digest(store, since=args.since, guild_id=args.guild)
    _emit(args, digest, render_text.digest_text(digest, W=_words(store, args)))
    return 0


async def cmd_feeds(store: Store, args: argparse.Namespace) -> int:
    from bot.ingest.fetcher import Fetcher
    from bot.services import feeds

    settings = Settings.from_env()
    fetcher = Fetcher(allow_private=settings.allow_private_fetch)
    if args.action == "add":
        if not args.target:
            raise CLIError("cli.feeds_add_usage")
        feed = await feeds.subscribe(store, args.target, added_by="cli", fetcher=fetcher)
        _emit(args, {"feed": feed}, _words(store, args)("text.feeds.subscribed", id=feed.id, url=feed.url))
        return 0
    if args.action == "remove":
        feed_id = _int_arg(args.target)
        if not await feeds.unsubscribe(store, feed_id):
            raise CLIError("cli.no_feed", id=feed_id)
        _emit(args, {"removed": feed_id}, _words(store, args)("text.feeds.removed", id=feed_id))
        return 0
    if args.action == "resume":
        feed_id = _int_arg(args.target)
        feed = await feeds.get_feed(store, feed_id)
        if feed is None or not await feeds.resume(store, feed_id):
            raise CLIError("cli.no_feed", id=feed_id)
        said = _words(store, args)("text.feeds.resumed" if feed.paused else "text.feeds.not_paused", id=feed_id)
        _emit(args, {"resumed": feed_id}, said)
        return 0
    if args.action == "poll":
        interval = timedelta(minutes=settings.feed_minutes)
        results = [
            await feeds.poll_feed(store, f, interval=interval, fetcher=fetcher)
            for f in await feeds.due_feeds(store)
        ]
        W = _words(store, args)
        lines = [render_text.poll_text(r, W) for r in results] or [W("text.feeds.none_due")]
        _emit(args, {"polls": results}, "\n".join(lines))
        return 0
    items = await feeds.list_feeds(store)
    _emit(args, {"feeds": items}, render_text.feeds_text(items, _words(store, args)))
    return 0


def _int_arg(value: str | None) -> int:
    try:
        number = int((value or "").lstrip("#"))
    except ValueError:
        raise CLIError("cli.bad_feed_id", value=value) from None
    if not 0 < number < 2**63:  # SQLite's integers: a larger number names no row (and cannot be bound)
        raise CLIError("cli.no_feed", id=number)
    return number


async def cmd_enqueue(store: Store, args: argparse.Namespace) -> int:
    """Queue URLs and text files for `python -m bot worker` processes (README "Scaling out")."""
    from bot.worker import enqueue_sources

    try:
        queued = await enqueue_sources(store, args.targets)
    except (OSError, UnicodeDecodeError) as e:
        raise CLIError("cli.cannot_read", path=getattr(e, "filename", None) or "?") from e
    for target, job_id in queued:
        print(_words(store, args)("text.enqueued", id=job_id, target=target))
    return 0


async def cmd_console(store: Store, args: argparse.Namespace) -> int:
    from bot.terminal import console

    if args.once:
        reply = await console.answer(store, args.once, args.lang)
        print(reply)
        return EXIT_USAGE if console.is_refusal(reply) else 0
    return await console.repl(store, history=Path(store.path).with_name(".newsdesk_history"), lang=args.lang)


async def cmd_guilds(store: Store, args: argparse.Namespace) -> int:
    """guilds [list] | remove ID: the servers the store holds data of; remove one's documents, feeds and
    digest settings (a server that removed the bot keeps its data until then)."""
    from bot.services.guilds import known_guilds, remove_guild

    if args.action == "remove":
        guild_id = _guild_id(args.target)
        if not await guild_known(store, guild_id):
            raise CLIError("cli.no_guild", id=guild_id)
        if not args.yes:  # say what would go, and remove nothing
            [plan] = [g for g in await known_guilds(store) if g.guild_id == guild_id]
            _emit(args, {"would_remove": plan}, render_text.guild_remove_plan_text(plan, _words(store, args)))
            raise CLIError("cli.guilds_remove_unconfirmed", id=guild_id)
        removed = await remove_guild(store, guild_id)
        _emit(args, {"removed": removed}, render_text.guild_removed_text(removed, _words(store, args)))
        return 0
    if args.target is not None:
        raise CLIError("cli.guilds_usage")
    found = await known_guilds(store)
    _emit(args, {"guilds": found}, render_text.guilds_text(found, _words(store, args)))
    return 0


def _guild_id(value: str | None) -> int:
    try:
        number = int(value or "")
    except ValueError:
        raise CLIError("cli.not_a_guild_id", value=value) from None
    if not 0 < number < 2**63:
        raise CLIError("cli.no_guild", id=number)
    return number


COMMANDS: dict[str, Callable[[Store, argparse.Namespace], Awaitable[int]]] = {
    "digest": cmd_digest,
    "console": cmd_console,
    "feeds": cmd_feeds,
    "ingest": cmd_ingest,
    "enqueue": cmd_enqueue,
    "sources": cmd_sources,
    "quote": cmd_quote,
    "timeline": cmd_timeline,
    "stance": cmd_stance,
    "actors": cmd_actors,
    "claims": cmd_claims,
    "topics": cmd_topics,
    "guilds": cmd_guilds,
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage too; keep it short)
        self.exit(EXIT_USAGE, argparse._("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message})  # type: ignore[attr-defined]


def _guild_option(p: argparse.ArgumentParser, W: Words) -> None:
    p.add_argument(
        "--guild",
        type=int,
        metavar="ID",
        help=W("text.cli.guild"),
    )


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser, its help in `lang` (argparse's own words too, while `parser_words(lang)` is
    in effect: building, parsing and printing help or usage)."""
    W = Words(lang or default_language())
    parser = _Parser(prog="newsdesk", description=W("text.cli.description"))
    parser.add_argument("--db", help=W("text.cli.db"))
    parser.add_argument(
        "--lang", choices=("en", "ja"), default=default_language(), help=W("text.cli.lang")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("ingest", help=W("text.cli.ingest"))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))
    p.add_argument(
        "--batch-size", type=_batch_size(W), default=BATCH_SIZE, metavar="N", help=W("text.cli.batch_size", n=BATCH_SIZE)
    )
    _guild_option(p, W)

    p = sub.add_parser("sources", help=W("text.cli.sources"))
    p.add_argument("id", nargs="?", type=int, metavar="ID")
    p.add_argument("--remove", action="store_true", help=W("text.cli.sources_remove"))
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))
    _guild_option(p, W)

    p = sub.add_parser("quote", help=W("text.cli.quote"))
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--limit", type=int, default=5, choices=range(1, 26), metavar="N", help=W("text.cli.limit"))
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))
    _guild_option(p, W)

    p = sub.add_parser("timeline", help=W("text.cli.timeline"))
    p.add_argument("--since", metavar="DATE", help=W("text.cli.since"))
    p.add_argument("--until", metavar="DATE", help=W("text.cli.until"))
    p.add_argument("--actor", metavar="NAME", help=W("text.cli.actor"))
    p.add_argument("--topic", metavar="TOPIC", help=W("text.cli.topic", topics=", ".join(TOPICS)))
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))
    _guild_option(p, W)

    p = sub.add_parser("stance", help=W("text.cli.stance"))
    p.add_argument("actor", nargs="+", metavar="ACTOR")
    p.add_argument("--topic", metavar="TOPIC", help=W("text.cli.stance_topic"))
    p.add_argument("--about", metavar="TEXT", help=W("text.cli.about"))
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))
    _guild_option(p, W)

    p = sub.add_parser("topics", help=W("text.cli.topics"))
    p.add_argument("action", nargs="?", default="list", choices=("list", "add", "remove", "rename"))
    p.add_argument("words", nargs="*", metavar="NAME")
    p.add_argument("--cues", metavar="A,B,…", help=W("text.cli.cues"))
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))
    _guild_option(p, W)

    p = sub.add_parser("actors", help=W("text.cli.actors"))
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))
    _guild_option(p, W)

    p = sub.add_parser("claims", help=W("text.cli.claims"))
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))

    p = sub.add_parser("digest", help=W("text.cli.digest"))
    p.add_argument("--since", metavar="ISO", help=W("text.cli.digest_since"))
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))
    _guild_option(p, W)

    p = sub.add_parser("guilds", help=W("text.cli.guilds"))
    p.add_argument("action", nargs="?", default="list", choices=("list", "remove"))
    p.add_argument("target", nargs="?", metavar="ID")
    p.add_argument("--yes", action="store_true", help=W("text.cli.yes"))
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))

    p = sub.add_parser("console", help=W("text.cli.console"))
    p.add_argument("--once", metavar="COMMAND", help=W("text.cli.once"))

    p = sub.add_parser("feeds", help=W("text.cli.feeds"))
    p.add_argument("action", nargs="?", default="list", choices=("list", "add", "remove", "resume", "poll"))
    p.add_argument("target", nargs="?", metavar="URL|ID")
    p.add_argument("--json", action="store_true", help=W("text.cli.json"))

    p = sub.add_parser("run", help=W("text.cli.run"))
    p.add_argument("--shard-ids", type=_shard_ids(W), help=W("text.cli.shard_ids"))
    p.add_argument("--shard-count", type=int, help=W("text.cli.shard_count"))
    p = sub.add_parser("enqueue", help=W("text.cli.enqueue"))
    p.add_argument("targets", nargs="+", metavar="URL_OR_FILE")
    p = sub.add_parser("worker", help=W("text.cli.worker"))
    p.add_argument("--drain", action="store_true", help=W("text.cli.drain"))
    p.add_argument("--name", help=W("text.cli.name"))
    return parser


@lru_cache(maxsize=4)
def _parser(lang: str, default_lang: str) -> argparse.ArgumentParser:
    """`build_parser(lang)` made once per process for each language and default language (NEWSDESK_LANG, the
    `--lang` default it bakes in). A parser holds no state of a parse, and building one is ~65 `add_argument`
    calls, each making a help formatter that asks for the terminal's size: a third of an in-process call's CPU
    (the console, the scorer and the tests' in-process CLI call `main` hundreds of times). Built, like every
    use of it, inside `parser_words(lang)`: argparse's words baked in at build time are in `lang`."""
    return build_parser(lang)


def _batch_size(W: Words) -> Callable[[str], int]:
    def batch_size(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            n = 0
        if not 1 <= n <= MAX_BATCH_SIZE:
            raise argparse.ArgumentTypeError(W("text.cli.batch_size_bad", most=MAX_BATCH_SIZE))
        return n

    return batch_size


def _shard_ids(W: Words) -> Callable[[str], list[int]]:
    def shard_ids(text: str) -> list[int]:
        try:
            ids = [int(x) for x in text.split(",") if x.strip()]
        except ValueError:
            raise argparse.ArgumentTypeError(W("text.cli.shard_ids_bad")) from None
        if not ids or min(ids) < 0:
            raise argparse.ArgumentTypeError(W("text.cli.shard_ids_negative"))
        return ids

    return shard_ids


async def run(args: argparse.Namespace, settings: Settings) -> int:
    store = await open_store(settings.db_path, settings.seeds_dir, lock_wait=settings.lock_wait)
    try:
        guild = getattr(args, "guild", None)
        if guild is not None and not await guild_known(store, guild):
            raise CLIError("cli.no_guild", id=guild)
        return await COMMANDS[args.command](store, args)
    finally:
        await store.close()


def main(argv: list[str] | None = None, *, run_bot: Callable[..., int] | None = None) -> int:
    """The command line. `run_bot(settings, **shards)` starts the Discord front end for `run`: the composition
    root (`bot/__main__.py`) passes it, so this front end never imports the other."""
    argv = sys.argv[1:] if argv is None else argv
    lang = requested_language(argv)
    W = Words(lang)
    bad = next((a for a in argv if _has_surrogates(a)), None)
    if bad is not None:  # bytes that are not UTF-8 reach Python as lone surrogates
        print(_refusal(lang, W("text.cli.not_utf8")), file=sys.stderr)
        return EXIT_USAGE
    with parser_words(lang):  # argparse's own words (usage, --help, its errors) in the reader's language
        parser = _parser(lang, default_language())
        args = parser.parse_args(argv)
    try:
        settings = Settings.from_env(db=args.db)
    except SettingsError as e:
        print(_refusal(args.lang, e.render(args.lang)), file=sys.stderr)
        return EXIT_USAGE
    if args.command is None:  # the README's run command: the bot with a token, else the console
        args = parser.parse_args([*(["--db", args.db] if args.db else []), "run" if settings.token else "console"])
    if args.command == "run":  # the bot sets up its own logging (once: a second handler prints every line twice)
        if run_bot is None:
            print(_refusal(lang, W("text.cli.run_from_bot")), file=sys.stderr)
            return EXIT_USAGE
        shard_ids, shard_count = getattr(args, "shard_ids", None), getattr(args, "shard_count", None)
        if (shard_ids is None) != (shard_count is None) or (shard_ids and max(shard_ids) >= (shard_count or 0)):
            print(_refusal(lang, W("text.cli.shards_together")), file=sys.stderr)
            return EXIT_USAGE
        return run_bot(settings, **({"shard_ids": shard_ids, "shard_count": shard_count} if shard_ids else {}))
    if args.command == "worker":
        from bot.worker import run_worker

        return run_worker(settings, drain=args.drain, owner=args.name)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return asyncio.run(run(args, settings))
    except UserError as e:
        print(_refusal(args.lang, e.render(args.lang)), file=sys.stderr)
        return EXIT_USAGE
    except (StoreError, BulkError) as e:
        print(_refusal(args.lang, e.render(args.lang)), file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.Error as e:  # a file damaged or made read-only after it was opened
        print(_refusal(args.lang, describe_sqlite_error(settings.db_path, e).render(args.lang)), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `newsdesk … | head`: the reader left; not an error
        sys.stderr.close()
        return 0


def _refusal(lang: str, message: str) -> str:
    """A refusal's line on stderr: the reader's word for "error", then the message (exit code 2 says it too)."""
    return Words(lang)("text.error", message=message)


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False

"""`python -m bot console`: the slash commands in a terminal, offline, over the same services.

Type what you would type in Discord: `/quote text:あなたはギャンブルをしている`,
`/stance actor:トランプ topic:ceasefire`, `/timeline since:2025-03-01`. History and tab completion
(command, option and actor names) come from readline where the platform has it.
"""

from __future__ import annotations

import asyncio
import re
import sys
import threading
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from pathlib import Path

from bot.ingest.bulk import BulkError, BulkOptions, FileSource, Source, bulk_ingest
from bot.ingest.pipeline import article_files, ingest_file
from bot.models import TOPICS, IngestResult
from bot.rows import Provenance
from bot.services import QueryError
from bot.services.digest import build_digest
from bot.services.errors import default_language
from bot.services.quotes import parse_quote, quote_page
from bot.services.sources import add_text, get_source, list_sources, remove_source
from bot.services.stance import list_actors
from bot.services.stance_query import parse_stance_query, stance_page
from bot.services.timeline import timeline
from bot.services.topics import add_topic, list_topics, remove_topic, rename_topic
from bot.store import Store
from bot.terminal import render_text
from bot.terminal.progress import TerminalProgress, summary_lines
from bot.user_errors import LANGS
from bot.words import Words

Handler = Callable[[Store, dict[str, str]], Awaitable[str]]

# command → (options in order, required options, help line)
SPEC: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "/quote": (("text",), ("text",), "/quote text:あなたはギャンブルをしている — who said it, when, where"),
    "/timeline": (("since", "until", "actor", "topic"), (), "/timeline since:2025-03-01 actor:トランプ — dated events"),
    "/stance": (
        ("actor", "topic", "about"),
        ("actor",),
        "/stance actor:ゼレンスキー topic:ceasefire | about:米国との鉱物資源の協定 — positions",
    ),
    "/topic list": ((), (), "/topic list — every topic: seed, added, found in the news"),
    "/topic add": (("name", "cues"), ("name",), "/topic add name:関税 cues:追加関税, 相互関税 — add a topic"),
    "/topic rename": (("topic", "name"), ("topic", "name"), "/topic rename topic:関税 name:米国の関税"),
    "/topic remove": (("topic",), ("topic",), "/topic remove topic:関税 — remove a topic"),
    "/sources": (("id",), (), "/sources [id:3] — documents in the store"),
    "/actors": ((), (), "/actors — known actors and aliases"),
    "/digest": (("since",), (), "/digest since:2025-03-13 — what the daily digest would post"),
    "/source add": (("text", "title", "url", "published", "file"), (), "/source add file:article.md — add a source"),
    "/source remove": (("id",), ("id",), "/source remove id:6 — remove a document"),
    "/help": ((), (), "/help — this list"),
}


_LANG: ContextVar[str] = ContextVar("console_lang", default="en")  # the language of this answer


def _words(store: Store) -> Words:
    """This answer's words in the console's language, actor names as its reader reads them."""
    return Words(_LANG.get()).with_names(store.actors)


def parse_command(line: str) -> tuple[str, dict[str, str]]:
    """'/stance actor:トランプ topic:ceasefire' → ('/stance', {'actor': 'トランプ', 'topic': 'ceasefire'}).

    Values run to the next `name:`; a bare value fills the command's first option.
    """
    line = line.strip()
    if not line.startswith("/"):
        line = "/quote " + line if line else "/help"
    name = next((c for c in sorted(SPEC, key=len, reverse=True) if line == c or line.startswith(c + " ")), None)
    if name is None:
        word = line.split()[0]
        raise QueryError("console.unknown_command", command=word)
    rest = line[len(name) :].strip()
    options, _, _ = SPEC[name]
    values: dict[str, str] = {}
    if options:
        marker = re.compile(r"(?:^|\s)(" + "|".join(options) + r")[:：]")
        found = list(marker.finditer(rest))
        if found and found[0].start() > 0:
            values[options[0]] = rest[: found[0].start()].strip()
        elif not found and rest:
            values[options[0]] = rest
        for i, m in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(rest)
            values[m.group(1)] = rest[m.end() : end].strip()
    elif rest:
        raise QueryError("console.no_options", command=name)
    for required in SPEC[name][1]:
        if not values.get(required):
            raise QueryError("console.needs", command=name, option=required, example=SPEC[name][2].split(" — ")[0])
    return name, values


async def _quote(store: Store, o: dict[str, str]) -> str:
    return render_text.quote_text(o["text"], await quote_page(store, await parse_quote(store, o["text"])), _words(store))


async def _timeline(store: Store, o: dict[str, str]) -> str:
    events = await timeline(
        store, since=o.get("since"), until=o.get("until"), actor=o.get("actor"), topic=o.get("topic")
    )
    return render_text.timeline_text(events, _words(store))


async def _stance(store: Store, o: dict[str, str]) -> str:
    q = await parse_stance_query(store, o["actor"], topic=o.get("topic"), about=o.get("about"))
    return render_text.stance_text(await stance_page(store, q), _words(store))


async def _topic_list(store: Store, o: dict[str, str]) -> str:
    return render_text.topics_text(await list_topics(store), _words(store))


async def _topic_add(store: Store, o: dict[str, str]) -> str:
    topic = await add_topic(store, o["name"], o.get("cues", "").replace("、", ",").split(","), added_by="console")
    return _words(store)("text.console.topic_added", topic=topic.label, cues=", ".join(topic.cues))


async def _topic_rename(store: Store, o: dict[str, str]) -> str:
    topic = await rename_topic(store, o["topic"], o["name"], by="console")
    return _words(store)("text.console.topic_renamed", id=topic.id, topic=topic.label)


async def _topic_remove(store: Store, o: dict[str, str]) -> str:
    removed = await remove_topic(store, o["topic"], by="console")
    return _words(store)("text.console.topic_removed", topic=removed.label)


async def _sources(store: Store, o: dict[str, str]) -> str:
    if o.get("id"):
        doc = await get_source(store, _int(o["id"]))
        if doc is None:
            raise QueryError("sources.unknown", id=o["id"].strip())
        return render_text.source_detail_text(doc, _words(store))
    return render_text.sources_text(await list_sources(store), _words(store))


async def _actors(store: Store, o: dict[str, str]) -> str:
    return render_text.actors_text(await list_actors(store), _words(store))


async def _digest(store: Store, o: dict[str, str]) -> str:
    return render_text.digest_text(await build_digest(store, since=o.get("since") or None), W=_words(store))


async def _source_add(store: Store, o: dict[str, str]) -> str:
    if o.get("file"):
        path = Path(o["file"]).expanduser()
        files = article_files(path)
        if files:  # a folder: the bulk path, with a progress bar (a status line when not a terminal)
            return await _add_folder(store, files)
        return render_text.ingest_text(await ingest_file(store, path, origin="upload"), _LANG.get())
    if not o.get("text"):
        raise QueryError("console.give_text")
    result = await add_text(
        store,
        o["text"],
        title=o.get("title"),
        url=o.get("url"),
        published=o.get("published"),
        provenance=Provenance(added_by="console"),
    )
    return render_text.ingest_text(result, _LANG.get())


async def _add_folder(store: Store, files: list[Path]) -> str:
    words = Words(_LANG.get())
    shown = TerminalProgress(len(files), sys.stderr, label="/source add", words=words)
    refused: list[str] = []

    def on_result(_source: Source, result: IngestResult) -> None:
        if result.status == "error":
            refused.append(render_text.ingest_text(result, _LANG.get()))
            shown.write(refused[-1], sys.stderr)

    try:
        final = await bulk_ingest(
            store,
            [FileSource(f, origin="upload") for f in files],
            options=BulkOptions(provenance=Provenance(added_by="console")),
            on_result=on_result,
            on_progress=shown.update,
        )
    finally:
        shown.close()
    return "\n".join(summary_lines(final, words))


async def _source_remove(store: Store, o: dict[str, str]) -> str:
    doc_id = _int(o["id"])
    removed = await remove_source(store, doc_id)
    return _words(store)("text.console.removed" if removed else "text.console.no_document", id=doc_id)


async def _help(store: Store, o: dict[str, str]) -> str:
    W = _words(store)
    return "\n".join(
        [
            W("text.console.commands"),
            *(f"  {spec[2].split(' — ')[0]} — {W(f'text.console.{name}')}" for name, spec in SPEC.items()),
            f"  /quit — {W('text.console.quit')}",
            W("text.console.topics", topics=", ".join(TOPICS)),
        ]
    )


def _int(value: str) -> int:
    try:
        number = int(value.strip().lstrip("#"))
    except ValueError:
        raise QueryError("sources.bad_id", value=value) from None
    if not 0 < number < 2**63:  # SQLite's integers: a larger number names no row (and cannot be bound)
        raise QueryError("sources.unknown", id=number)
    return number


HANDLERS: dict[str, Handler] = {
    "/quote": _quote,
    "/timeline": _timeline,
    "/stance": _stance,
    "/topic list": _topic_list,
    "/topic add": _topic_add,
    "/topic rename": _topic_rename,
    "/topic remove": _topic_remove,
    "/sources": _sources,
    "/actors": _actors,
    "/digest": _digest,
    "/source add": _source_add,
    "/source remove": _source_remove,
    "/help": _help,
}


async def answer(store: Store, line: str, lang: str | None = None) -> str:
    """The console's reply to one line (errors become one short line)."""
    _LANG.set(lang or default_language())
    try:
        name, options = parse_command(line)
        return await HANDLERS[name](store, options)
    except (QueryError, BulkError) as e:
        return Words(_LANG.get())("text.error", message=e.render(_LANG.get()))


def is_refusal(reply: str) -> bool:
    """Whether a reply of `answer` is a refusal (it starts with "error: " in one of the languages)."""
    return any(reply.startswith(Words(lang)("text.error", message="")) for lang in LANGS)


def _completer(store: Store) -> Callable[[str, int], str | None]:
    names = sorted(
        {a.name for a in store.actors.actors.values()}
        | {alias for a in store.actors.actors.values() for alias in a.aliases}
    )
    words = [
        *SPEC,
        "/quit",
        *(f"{opt}:" for spec in SPEC.values() for opt in spec[0]),
        *(f"actor:{n}" for n in names),
        *(f"topic:{t}" for t in TOPICS),
    ]
    matches: list[str] = []

    def complete(text: str, state: int) -> str | None:
        nonlocal matches
        if state == 0:
            matches = [w for w in words if w.startswith(text)]
        return matches[state] if state < len(matches) else None

    return complete


def _read_line(loop: asyncio.AbstractEventLoop, prompt: str) -> asyncio.Future[str]:
    """input() in a daemon thread of its own.

    Not the loop's default executor: asyncio.run waits for that executor's threads when Ctrl-C ends
    the loop, so a pending input() would hold the exit until Enter was pressed.
    """
    future: asyncio.Future[str] = loop.create_future()

    def settle(value: str | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value or "")

    def read() -> None:
        try:
            value, error = input(prompt), None
        except BaseException as e:  # EOFError ends the console; anything else is reported the same way
            value, error = None, e
        if not loop.is_closed():
            loop.call_soon_threadsafe(settle, value, error)

    threading.Thread(target=read, name="console-input", daemon=True).start()
    return future


async def repl(store: Store, *, history: Path | None = None, lang: str | None = None) -> int:
    try:
        import readline
    except ImportError:  # Windows without pyreadline: no history, still usable
        readline = None  # type: ignore[assignment]
    if readline is not None:
        readline.set_completer(_completer(store))
        readline.set_completer_delims(" ")
        readline.parse_and_bind("tab: complete")
        if history and history.exists():
            readline.read_history_file(history)
    print("Newsdesk console — offline. Type /help for commands, /quit to leave.")
    loop = asyncio.get_running_loop()
    try:
        while True:
            try:
                line = await _read_line(loop, "newsdesk> ")
            except EOFError:
                print()
                break
            if line.strip() in ("/quit", "/exit", "quit", "exit"):
                break
            if line.strip():
                print(await answer(store, line, lang))
    finally:
        if readline is not None and history:
            try:
                history.parent.mkdir(parents=True, exist_ok=True)
                readline.write_history_file(history)
            except OSError:
                pass
    return 0

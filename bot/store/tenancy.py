"""Which rows a server (guild) sees: its own documents and the shared ones (guild_id 0: the seeds and what
the command line adds). `guild_id=None` is the command line's view: everything.

The conditions are SQL, added to the queries that read documents, statements and clusters, so that a
server's page is read from an index like everyone's; nothing is filtered after the fact in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.store.clusters import MEMBER_COLUMNS, Member
from bot.store.store import Store, valid_id

SHARED = 0  # the guild_id of a shared document, feed or topic


def visible(column: str, guild_id: int | None) -> tuple[str, tuple[int, ...]]:
    """` AND column IN (0, ?)` and its parameter: the rows of the shared documents and of `guild_id`'s."""
    if guild_id is None:
        return "", ()
    return f" AND {column} IN (0, ?)", (guild_id,)


def cluster_visible(alias: str, id_column: str, guild_id: int | None) -> tuple[str, tuple[int, ...]]:
    """A condition on a cluster row (clusters, cluster_actors, cluster_topics) with a `scope` column: the
    clusters one of the visible documents reports. Only a cluster reported by several guilds and no shared
    document (scope -1) asks its members."""
    if guild_id is None:
        return "", ()
    (own, own_params), (several, several_params) = cluster_visible_parts(alias, id_column, guild_id)
    return f" AND ({own} OR ({several}))", (*own_params, *several_params)


def cluster_visible_parts(alias: str, id_column: str, guild_id: int) -> list[tuple[str, tuple[int, ...]]]:
    """`cluster_visible` as its two disjoint parts, each an index range of a (…, scope, …) index: the clusters
    a shared document or only the server's own report (scope 0 or the server), and those several servers and
    no shared document report (scope -1), one of them the server (its members asked). A count of each part
    reads the entries of its range alone, where the whole condition is tested on every entry of the range."""
    return [
        (f"{alias}.scope IN (0, ?)", (guild_id,)),
        (
            f"{alias}.scope < 0 AND EXISTS (SELECT 1 FROM events ve WHERE ve.cluster_id = {alias}.{id_column}"
            " AND ve.guild_id = ?)",
            (guild_id,),
        ),
    ]


def actor_visible(alias: str, guild_id: int | None) -> tuple[str, tuple[int, ...]]:
    """A condition on an actors row: the actors a server can see (see `actors_seen_by`)."""
    if guild_id is None:
        return "", ()
    return (
        f" AND ({alias}.origin = 'registry'"
        f" OR EXISTS (SELECT 1 FROM documents vd WHERE vd.id = {alias}.document_id AND vd.guild_id IN (0, ?))"
        f" OR EXISTS (SELECT 1 FROM stance_days vs WHERE vs.actor_id = {alias}.id AND vs.guild_id IN (0, ?))"
        f" OR EXISTS (SELECT 1 FROM document_actors vda JOIN documents vmd ON vmd.id = vda.document_id"
        f" WHERE vda.actor_id = {alias}.id AND vmd.guild_id IN (0, ?)))",
        (guild_id, guild_id, guild_id),
    )


REPORTS_READ = 200  # visible reports read to choose another representative among them


@dataclass(slots=True)
class VisibleReports:
    """What a server sees of one event another server also reports: how many of its reports are hidden,
    and (only when the representative is one of them) the first REPORTS_READ visible reports."""

    hidden: int = 0
    members: list[Member] = field(default_factory=list)


async def visible_reports(store: Store, clusters: dict[int, int], guild_id: int) -> dict[int, VisibleReports]:
    """For these clusters ({cluster id: its representative event}), read from events(cluster_id, guild_id):
    the count of reports hidden from `guild_id` (two index ranges on either side of its own), and the
    visible reports where the representative is hidden."""
    out: dict[int, VisibleReports] = {c: VisibleReports() for c in clusters}
    columns = ", ".join(f"e.{c.strip()}" for c in MEMBER_COLUMNS.split(","))
    for cluster_id, reports in out.items():
        row = await store.fetchone(
            "SELECT (SELECT count(*) FROM events WHERE cluster_id = ? AND guild_id > 0 AND guild_id < ?)"
            " + (SELECT count(*) FROM events WHERE cluster_id = ? AND guild_id > ?)",
            (cluster_id, guild_id, cluster_id, guild_id),
        )
        reports.hidden = int(row[0]) if row else 0
        rep = await store.fetchone("SELECT guild_id FROM events WHERE id = ?", (clusters[cluster_id],))
        if rep is None or int(rep[0]) not in (0, guild_id):
            rows = await store.fetchall(
                f"SELECT {columns} FROM events e WHERE e.cluster_id = ? AND e.guild_id IN (0, ?) ORDER BY e.id LIMIT ?",
                (cluster_id, guild_id, REPORTS_READ),
            )
            reports.members = [Member.from_row(tuple(r)) for r in rows]
    return out


async def actors_seen_by(store: Store, guild_id: int) -> set[int]:
    """The actors a server can see: the registry's, those discovered in a document it sees, and those with a
    statement or a mention in one (an actor only another server's uploads name stays that server's)."""
    scoped, params = actor_visible("a", guild_id)
    return {int(r[0]) for r in await store.fetchall(f"SELECT a.id FROM actors a WHERE 1 = 1{scoped}", params)}


async def actors_seen_among(store: Store, actor_ids: list[int], guild_id: int) -> set[int]:
    """Which of these actors a server can see (see `actors_seen_by`)."""
    if not actor_ids:
        return set()
    scoped, params = actor_visible("a", guild_id)
    marks = ",".join("?" * len(actor_ids))
    rows = await store.fetchall(f"SELECT a.id FROM actors a WHERE a.id IN ({marks}){scoped}", (*actor_ids, *params))
    return {int(r[0]) for r in rows}


async def actor_seen_by(store: Store, actor_id: int, guild_id: int | None) -> bool:
    """Whether a server can see this actor (see `actors_seen_by`); the command line sees every actor."""
    scoped, params = actor_visible("a", guild_id)
    return await store.fetchone(f"SELECT 1 FROM actors a WHERE a.id = ?{scoped}", (actor_id, *params)) is not None


async def document_guild(store: Store, doc_id: int) -> int | None:
    """The guild a document belongs to (0: shared); None when there is no such document."""
    if not valid_id(doc_id):
        return None
    row = await store.fetchone("SELECT guild_id FROM documents WHERE id = ?", (doc_id,))
    return None if row is None else int(row["guild_id"] or 0)


@dataclass(slots=True)
class GuildInfo:
    """A server the store holds something of: its documents, feeds and whether it has a digest."""

    guild_id: int
    documents: int = 0
    feeds: int = 0
    digest: bool = False
    left_at: str | None = None  # when the bot was removed from the server (its data stays until removed here)


_GUILD_COUNTS = (
    ("documents", "SELECT guild_id AS g, count(*) AS n FROM documents WHERE guild_id > 0 GROUP BY guild_id"),
    ("feeds", "SELECT guild_id AS g, count(*) AS n FROM feeds WHERE guild_id > 0 GROUP BY guild_id"),
    ("digest", "SELECT guild_id AS g, 1 AS n FROM digest_settings WHERE guild_id > 0"),
)


async def known_guilds(store: Store) -> list[GuildInfo]:
    """Every server the store holds documents, feeds or digest settings of, by id."""
    found: dict[int, GuildInfo] = {}
    for what, sql in _GUILD_COUNTS:
        for r in await store.fetchall(sql):
            info = found.setdefault(int(r["g"]), GuildInfo(int(r["g"])))
            setattr(info, what, bool(r["n"]) if what == "digest" else int(r["n"]))
    for r in await store.fetchall("SELECT key, value FROM meta WHERE key LIKE 'guild_left:%'"):
        guild_id = int(r["key"].split(":", 1)[1])
        if guild_id in found:
            found[guild_id].left_at = r["value"]
    return [found[g] for g in sorted(found)]


async def mark_left(store: Store, guild_id: int, at: str) -> None:
    """The bot was removed from this server (Discord said so): its data stays, its digest is not posted."""
    await store.set_meta(f"guild_left:{guild_id}", at)


async def mark_joined(store: Store, guild_id: int) -> None:
    """The bot is in this server (again)."""
    async with store.transaction() as db:
        await db.execute("DELETE FROM meta WHERE key = ?", (f"guild_left:{guild_id}",))


async def left_at(store: Store, guild_id: int) -> str | None:
    """When the bot was removed from this server; None while it is in it."""
    return await store.get_meta(f"guild_left:{guild_id}")


async def guild_known(store: Store, guild_id: int) -> bool:
    """Whether the store holds anything of this server."""
    if not valid_id(guild_id):
        return False
    for _, sql in _GUILD_COUNTS:
        table = sql.split(" FROM ")[1].split()[0]
        if await store.fetchone(f"SELECT 1 FROM {table} WHERE guild_id = ? LIMIT 1", (guild_id,)):
            return True
    return False


async def guild_document_ids(store: Store, guild_id: int) -> list[int]:
    rows = await store.fetchall("SELECT id FROM documents WHERE guild_id = ? ORDER BY id", (guild_id,))
    return [int(r["id"]) for r in rows]


async def remove_guild_settings(store: Store, guild_id: int) -> None:
    """A server's feeds (their items with them) and digest settings; its documents go one by one
    through `Store.remove_document`, which keeps the index and the clusters right."""
    async with store.transaction() as db:
        await db.execute("DELETE FROM feeds WHERE guild_id = ?", (guild_id,))
        await db.execute("DELETE FROM digest_settings WHERE guild_id = ?", (guild_id,))
        await db.execute("DELETE FROM meta WHERE key = ?", (f"guild_left:{guild_id}",))

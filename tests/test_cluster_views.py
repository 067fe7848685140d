"""What each server sees of an event several servers report is kept at write time (bot/store/cluster_views.py,
migration 12): a server's timeline page reads it with the event, never counting and choosing again per page;
views the migration counted from earlier data (no representative yet) are still told right."""

from __future__ import annotations

import pytest

from bot.services.sources import remove_source
from bot.services.timeline import timeline
from bot.store import Store, cluster_views
from bot.store import timeline as timeline_service
from tests.test_tenancy import EVENT, A, B, _add

TOLD = EVENT.replace("外相が出席", "外相とヨルゲンセン事務総長が出席")  # says more: the representative


async def _bergen(store: Store) -> tuple[int, int, int]:
    shared = await _add(store, f"ベルゲン会議\n\n{EVENT}\n", None, "shared.txt")
    mine = await _add(store, f"和平会議、ベルゲンで\n\n{EVENT}\n会議は非公開で行われた。\n", A, "mine.txt")
    theirs = await _add(store, f"ベルゲン和平会議\n\n{TOLD}\n各国は共同声明を出さなかった。\n", B, "theirs.txt")
    return shared, mine, theirs


async def _views(store: Store) -> dict[int, tuple[int, int | None]]:
    """guild → (reports, representative's document) of the Bergen cluster's views."""
    rows = await store.fetchall(
        "SELECT v.guild_id AS guild, v.reports AS reports, r.document_id AS doc FROM cluster_views v"
        " LEFT JOIN events r ON r.id = v.representative"
        " WHERE v.cluster_id = (SELECT cluster_id FROM events WHERE summary LIKE '%ヨルゲンセン%')"
    )
    return {int(r["guild"]): (int(r["reports"]), r["doc"]) for r in rows}


def _bergen_of(events):  # type: ignore[no-untyped-def]
    return [e for e in events if "ベルゲン" in e.summary]


async def test_views_are_written_with_the_documents_and_removed_with_them(store: Store) -> None:
    shared, _, theirs = await _bergen(store)
    assert await _views(store) == {0: (1, shared), A: (1, shared), B: (1, theirs)}
    assert await remove_source(store, theirs)
    assert await _views(store) == {}  # B's report gone: the event is the same for every server again


async def test_a_servers_page_is_told_from_the_views_without_choosing_again(store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shared, mine, _ = await _bergen(store)

    async def never(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a page chose a representative again")

    monkeypatch.setattr(timeline_service, "visible_reports", never)
    [in_a] = _bergen_of(await timeline(store, since="2025-03-25", guild_id=A, limit=10))
    [outside] = _bergen_of(await timeline(store, since="2025-03-25", guild_id=333, limit=10))
    assert "ヨルゲンセン" not in in_a.summary + outside.summary
    assert in_a.sources_total == 2 and {s.document_id for s in in_a.sources} == {shared, mine}
    assert outside.sources_total == 1


@pytest.mark.parametrize("guild", [A, 333])
async def test_views_counted_from_earlier_data_are_told_right(store: Store, guild: int) -> None:
    await _bergen(store)
    async with store.transaction() as db:  # as migration 12 leaves them: counts, no representative
        await db.execute("UPDATE cluster_views SET representative = NULL")
    [seen] = _bergen_of(await timeline(store, since="2025-03-25", guild_id=guild, limit=10))
    assert "ヨルゲンセン" not in seen.summary and seen.sources_total == (2 if guild == A else 1)


async def test_views_the_migration_only_counted_are_chosen_when_migrating_ends(store: Store) -> None:
    shared, _, theirs = await _bergen(store)
    async with store.transaction() as db:  # as migration 12 leaves them: counts, no representative
        await db.execute("UPDATE cluster_views SET representative = NULL")
        assert await _views(store) == {0: (1, None), A: (1, None), B: (1, None)}
        await cluster_views.fill_missing(db)  # what the last migration step does
    assert await _views(store) == {0: (1, shared), A: (1, shared), B: (1, theirs)}

"""Stores holding the same actors share one index (`bot.actors.shared_index`: built once per process instead of
at every open), and a store whose actors changed in any field gets an index of what it holds now."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.actors import ActorEntry, shared_index
from bot.store import Store

BASE = [
    ActorEntry(1, "高市早苗", "Sanae Takaichi", "person", ["高市首相"], None),
    ActorEntry(2, "石破茂", "Shigeru Ishiba", "person", ["石破首相"], "前首相"),
]


def _copy(entries: list[ActorEntry]) -> list[ActorEntry]:
    return [dataclasses.replace(e, aliases=list(e.aliases)) for e in entries]


def test_equal_entries_share_an_index() -> None:
    first = shared_index(_copy(BASE))
    assert shared_index(_copy(BASE)) is first


@pytest.mark.parametrize(
    "change",
    [
        {"aliases": ["高市首相", "高市総裁"]},  # an alias learned: the ids and names are the same
        {"name_en": "Takaichi Sanae"},
        {"kind": "org"},
        {"description": "首相"},
        {"name": "高市"},
    ],
)
def test_a_change_in_any_field_gives_an_index_of_the_new_entries(change: dict) -> None:
    shared_index(_copy(BASE))
    changed = _copy(BASE)
    changed[0] = dataclasses.replace(changed[0], **change)
    index = shared_index(changed)
    assert index.actors[1] == changed[0]
    if "aliases" in change:
        assert [m.actor_id for m in index.mentions("高市総裁は述べた")] == [1]


def test_a_new_actor_gives_an_index_that_knows_it() -> None:
    shared_index(_copy(BASE))
    grown = [*_copy(BASE), ActorEntry(3, "玉木雄一郎", None, "person", [], None)]
    assert [m.actor_id for m in shared_index(grown).mentions("玉木雄一郎代表")] == [3]


async def test_two_stores_share_the_index_until_one_learns_an_alias(seeded_db: Path, tmp_path: Path) -> None:
    other_db = tmp_path / "other.db"
    shutil.copy(seeded_db, other_db)
    a, b = await Store.open(str(seeded_db)), await Store.open(str(other_db))
    try:
        assert a.actors is b.actors
        actor_id = a.actors.resolve("ルビオ").id  # type: ignore[union-attr]
        conn = sqlite3.connect(other_db)
        try:
            conn.execute("INSERT INTO actor_aliases(actor_id, alias) VALUES (?, ?)", (actor_id, "マルコ国務長官殿"))
            conn.commit()
        finally:
            conn.close()
        await b.reload_actors()
        assert [m.actor_id for m in b.actors.mentions("マルコ国務長官殿が述べた")] == [actor_id]
        assert a.actors.mentions("マルコ国務長官殿が述べた") == []  # the other store's index is not changed
    finally:
        await a.close()
        await b.close()

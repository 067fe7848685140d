"""Clusters that merge after the fact (issue 12, round 15): a later report that matches two clusters bridges
them (`match_events(..., bridged)`), and the batch's end merges the two (`clusters.merge_bridged`) unless an
article is in both (it told them apart) or two of their reports are surely two happenings."""

from __future__ import annotations

import pytest

from bot.ingest import pipeline
from bot.services.timeline import timeline
from bot.store import Store
from bot.store import clusters as cl
from tests.test_tenancy import _add


def _member(event_id: int, tokens: list[str], act: list[str] | None = None) -> cl.Member:
    return cl.Member(event_id, "2025-03-25", "day", "s", False, 1.0, {"tokens": tokens, "act": act or []})


def words_in_common(a: dict, b: dict) -> float:
    """A rule of our own: two shared words make one happening; different acts make two."""
    if a.get("act") and b.get("act") and a["act"] != b["act"]:
        return -1.0
    return 0.6 if len(set(a["tokens"]) & set(b["tokens"])) >= 2 else 0.0


def test_a_report_matching_two_clusters_names_the_bridge() -> None:
    x, y = _member(1, ["会議", "ベルゲン"]), _member(2, ["外相", "出席"])
    both = _member(3, ["会議", "ベルゲン", "外相", "出席"])
    key = cl._candidate_key(both)
    stored = {key: [(1, x.date, cl._Features(x.features)), (2, y.date, cl._Features(y.features))]}
    bridged: list[tuple[int, int]] = []
    assert cl.match_events([both], stored, words_in_common, bridged) == [1]
    assert bridged == [(1, 2)]
    lone: list[tuple[int, int]] = []
    cl.match_events([_member(4, ["会議", "ベルゲン"])], stored, words_in_common, lone)
    assert lone == []  # one cluster matched: nothing to bridge


def test_a_merged_cluster_s_old_id_is_read_as_the_one_it_joined() -> None:
    c = cl.Candidates(words_in_common)
    x = _member(7, ["会議", "ベルゲン"])
    c._units[("day", x.date)] = [((x.date, 7), (7, x.date, cl._Features(x.features)))]
    c.relabel({7: 3})  # a merge at the end of a batch (`Batch.finish`)
    assert [cid for cid, *_ in c.stored(cl._candidate_key(x))] == [3]


MEETING = "ノルウェー政府は2025年3月25日、ベルゲンで北欧和平会議を開いた。\n"
MINISTERS = "十か国の外相は2025年3月25日、オスロに集まった。\n"
BOTH = "ノルウェー政府は2025年3月25日、ベルゲンで北欧和平会議を開き、オスロに集まった十か国の外相が出席した。\n"
TWO_DOINGS = MEETING + MINISTERS


def _toy(a: dict, b: dict) -> float:
    """Words of the two reports above: the meeting's and the ministers' never meet, the whole one meets both."""
    shared = set(a.get("tokens") or ()) & set(b.get("tokens") or ())
    return 0.6 if shared & {"ベルゲン", "オスロ"} else 0.0


def _two_happenings(a: dict, b: dict) -> float:
    """`_toy`, and the meeting's report and the ministers' are surely two happenings (their acts differ, say)."""
    places = [{"ベルゲン", "オスロ"} & set(f.get("tokens") or ()) for f in (a, b)]
    return -1.0 if {frozenset(p) for p in places} == {frozenset({"ベルゲン"}), frozenset({"オスロ"})} else _toy(a, b)


async def _meetings(store: Store) -> list[str]:
    events = await timeline(store, since="2025-03-25", until="2025-03-25")
    return [e.summary for e in events if "ノルウェー" in e.summary or "外相" in e.summary]


async def test_a_later_report_merges_the_two_clusters_it_bridges(store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pipeline, "same_event", _toy)
    await _add(store, f"会議\n\n{MEETING}", None, "meeting.txt")
    await _add(store, f"外相\n\n{MINISTERS}", None, "ministers.txt")
    assert len(await _meetings(store)) == 2
    await _add(store, f"和平会議\n\n{BOTH}", None, "both.txt")
    [one] = await _meetings(store)
    assert "外相" in one  # the report that says most stands for the three
    rows = await store.fetchall(
        "SELECT DISTINCT cluster_id FROM events WHERE date = '2025-03-25' AND summary LIKE '%十か国%'"
    )
    [(cluster,)] = [tuple(r) for r in rows]
    [row] = await store.fetchall("SELECT members FROM clusters WHERE id = ?", (cluster,))
    assert row["members"] == 3


@pytest.mark.parametrize("guard", ["one article", "a server's report", "two happenings"])
async def test_clusters_told_apart_are_not_merged(store: Store, monkeypatch, guard: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pipeline, "same_event", _two_happenings if guard == "two happenings" else _toy)
    if guard == "one article":
        await _add(store, f"会議と外相\n\n{TWO_DOINGS}", None, "two.txt")  # one article, two happenings
        await _add(store, f"和平会議\n\n{BOTH}", None, "both.txt")
    else:
        await _add(store, f"会議\n\n{MEETING}", None, "meeting.txt")
        await _add(store, f"外相\n\n{MINISTERS}", None, "ministers.txt")
        await _add(store, f"和平会議\n\n{BOTH}", 111 if guard == "a server's report" else None, "both.txt")
    assert len(await _meetings(store)) == 2

"""A person typed in Latin letters whom the Japanese reports name only in katakana (Lankford: ランクフォード上院議員,
Carlson: メアリー・ケイ・カールソン駐フィリピン大使): /stance --about finds the name in the reports about the target
(`katakana_named`) and reads the statements there as the person's (svb2023, scs2024)."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services import stance_about as stance_about_module
from bot.services.stance_about import find_katakana_named, find_unregistered, katakana_named, stance_about
from bot.services.stance_query import parse_stance_query, stance_page
from bot.store import Store

ARTICLE = """\
---
title: 米上院公聴会で預金保護巡り論戦
published: 2023-03-16
---
共和党のランクフォード上院議員は、地元の小さな地域銀行の預金も全額守られるのかとただした。イエレン氏は、保護が認められるのは当局が判断した場合に限られると説明した。ランクフォード氏は「大口の預金者は、全額守られる大銀行へお金を移すことになる」と批判した。
"""


@pytest.mark.parametrize(
    ("typed", "texts", "kana"),
    [
        ("Lankford", ["共和党のランクフォード上院議員は、ただした。"], "ランクフォード"),
        ("Carlson", ["米国のメアリー・ケイ・カールソン駐フィリピン大使はXへの投稿で非難した。"], "カールソン"),
        ("Mary Kay Carlson", ["メアリー・ケイ・カールソン駐フィリピン大使は非難した。"], "カールソン"),
        # his widow is named by her given name alone: the surname the reports give is another person's
        ("Helen Comperatore", ["元消防団長コリー・コンペラトーレさんの妻ヘレンさんは話した。"], None),
        ("Lankford", ["トランプ大統領は述べた。"], None),  # no katakana name sounds like it
        ("Carlson", ["カールソン氏とカルソン氏は述べた。"], None),  # two names fit: no one
    ],
)
def test_the_katakana_name_of_a_latin_name(typed: str, texts: list[str], kana: str | None) -> None:
    assert katakana_named(typed, texts) == kana


async def test_a_latin_name_is_read_in_the_katakana_the_reports_write(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="kt.md")).status == "added"
    assert await find_unregistered(store, "Lankford", None) is None  # no report writes it in Latin letters
    found = await find_katakana_named(store, "Lankford", "大銀行への預金の移動", None)
    assert found is not None and found[0].name == "ランクフォード"
    assert (await parse_stance_query(store, "Lankford", about="大銀行への預金の移動")).actor == "Lankford"
    report = await stance_about(store, "Lankford", "大銀行への預金の移動")
    assert any("大口の預金者" in s.text for s in report.statements)


async def test_a_known_actor_is_not_read_again_in_katakana(store: Store) -> None:
    """イエレン is an actor: the katakana reading is asked last, and never for a name an actor already holds."""
    assert (await ingest_text(store, ARTICLE, name="kt.md")).status == "added"
    assert store.actors.resolve("イエレン") is not None
    assert await find_katakana_named(store, "Yellen", "大銀行への預金の移動", None) is None


@pytest.mark.parametrize(
    ("typed", "reader"),
    [
        ("Lankford", "find_katakana_named"),  # typed in Latin letters: the katakana reading
        ("ランクフォード", "find_unregistered"),  # typed as the articles write it: a name the registry lacks
    ],
)
async def test_the_reading_found_while_parsing_is_not_searched_again(
    store: Store, monkeypatch: pytest.MonkeyPatch, typed: str, reader: str
) -> None:
    """parse_stance_query reads ランクフォード once; the page reads the query's reading, not a second scan of the
    reports about the target, and answers as reading the name again would."""
    assert (await ingest_text(store, ARTICLE, name="kt.md")).status == "added"
    expected = await stance_about(store, typed, "大銀行への預金の移動")
    query = await parse_stance_query(store, typed, about="大銀行への預金の移動")
    assert query.reading is not None and query.reading[0].name == "ランクフォード"

    async def searched_again(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{reader} was called twice")

    monkeypatch.setattr(stance_about_module, reader, searched_again)
    report = await stance_page(store, query)
    assert report == expected and any("大口の預金者" in s.text for s in report.statements)


async def test_the_target_prepared_for_the_katakana_reading_is_not_prepared_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The katakana reading prepares the target to find the reports about it; the query keeps that preparation
    (the same call) instead of making it a second time, and answers as before."""
    from bot.services import stance_query as stance_query_module

    assert (await ingest_text(store, ARTICLE, name="kt.md")).status == "added"
    expected = await stance_about(store, "Lankford", "大銀行への預金の移動")
    calls: list[tuple] = []
    real = stance_about_module.prepare_target

    async def counting(*args: object, **kwargs: object) -> object:
        calls.append(args[1:])
        return await real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stance_about_module, "prepare_target", counting)
    monkeypatch.setattr(stance_query_module, "prepare_target", counting)
    query = await parse_stance_query(store, "Lankford", about="大銀行への預金の移動")
    assert len(calls) == 1
    assert (await stance_page(store, query)) == expected

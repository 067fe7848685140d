"""An envoy's post between the name and the title (カールソン駐フィリピン大使, 南官杓駐日大使, 薛剣駐大阪総領事): the
person is found, described by the post, and typed with the title alone (カールソン大使, 南大使) or with the post."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.discover import discover_actors
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.resolve import resolve_visible_actor
from bot.store import Store
from bot.user_errors import UserError


def _names(actors: ActorIndex, text: str) -> dict[str, str | None]:
    return {a.name: a.description for a in discover_actors([ParsedPassage(text=text)], actors)}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "米国のメアリー・ケイ・カールソン駐フィリピン大使はX(旧ツイッター)への投稿で中国側を非難した。",
            "カールソン",
            "駐フィリピン大使",
        ),
        (
            "ロシアのジルノフ駐アフガニスタン大使は記者団に「大使館は通常通り業務を続ける」と述べた。",
            "ジルノフ",
            "駐アフガニスタン大使",
        ),
        ("河野外相は19日、韓国の南官杓駐日大使を外務省に呼び、抗議した。", "南官杓", "駐日大使"),
        ("中国の薛剣駐大阪総領事はXに投稿した。", "薛剣", "駐大阪総領事"),
        ("金杉憲治駐中国大使は会見で「邦人の安全確保に全力を挙げる」と語った。", "金杉", "駐中国大使"),
    ],
)
def test_an_envoy_is_found_with_the_post_as_description(actors: ActorIndex, text: str, name: str, post: str) -> None:
    assert _names(actors, text).get(name) == post


def test_a_post_is_never_taken_for_a_name(actors: ActorIndex) -> None:
    found = _names(actors, "駐日米国大使は声明を出した。韓国の南官杓駐日大使が会談した。")
    assert not any(n.startswith("駐") or "駐" in n for n in found)


async def test_an_envoy_is_typed_with_the_title_alone(store: Store) -> None:
    text = (
        "---\ntitle: 比中衝突\npublished: 2024-06-18\n---\n"
        "米国のメアリー・ケイ・カールソン駐フィリピン大使はX(旧ツイッター)への投稿で、中国側の「攻撃的で危険な行動」を"
        "非難した。ロシアのジルノフ駐アフガニスタン大使は記者団に「大使館は業務を続ける」と述べた。"
    )
    assert (await ingest_text(store, text, name="ja.md")).status == "added"
    for typed, name in (
        ("カールソン大使", "カールソン"),
        ("ジルノフ大使", "ジルノフ"),
        ("カールソン駐フィリピン大使", "カールソン"),
    ):
        found = await resolve_visible_actor(store, typed, None, across=True)
        assert found is not None and found.name == name, typed


async def test_a_surname_with_an_office_nobody_holds_is_not_the_namesake_with_another_office(store: Store) -> None:
    text = (
        "---\ntitle: 男児刺殺\npublished: 2024-09-19\n---\n"
        "外務省の岡野事務次官は18日、中国の呉江浩駐日大使を呼んで深刻な懸念を伝えた。"
        "韓国の李在明氏は「遺憾だ」と述べた。"
    )
    assert (await ingest_text(store, text, name="ja.md")).status == "added"
    # 呉市長 (a mayor the store does not know) is not the ambassador who shares the surname
    with pytest.raises(UserError):
        await resolve_visible_actor(store, "呉市長", None, across=True)
    assert (await resolve_visible_actor(store, "呉大使", None, across=True)).name.startswith("呉江")
    # a person first named with 氏 only: the surname with an office still finds them (李大統領 → 李在明)
    assert (await resolve_visible_actor(store, "李大統領", None, across=True)).name == "李在明"

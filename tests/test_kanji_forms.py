"""A Chinese or Taiwanese name typed in traditional or simplified characters finds the person a Japanese report
names in Japan's forms (賴清德 and 赖清德 → 頼清徳, 吳江浩 → 呉江浩), and never another person of a similar name."""

from __future__ import annotations

import pytest

from bot.extract.kanji_forms import japanese_form
from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.resolve import resolve_visible_actor
from bot.services.stance_about import find_unregistered
from bot.store import Store

ARTICLE = """\
---
title: 台湾の新総統が就任
published: 2024-05-20
---
台湾の頼清徳総統は20日、就任演説を行った。頼清徳氏は「現状を維持する」と述べた。
中国の呉江浩駐日大使は20日、「日本の民衆が火の中に連れ込まれる」と述べた。呉江浩氏は講演で発言した。
呉江海氏は同日、別の会合で「交流を続けたい」と語った。
"""


@pytest.mark.parametrize(
    ("typed", "japanese"),
    [
        ("賴清德", "頼清徳"),  # Taiwan's forms
        ("赖清德", "頼清徳"),  # China's
        ("吳江浩", "呉江浩"),
        ("吴江浩", "呉江浩"),
        ("韓國瑜", "韓国瑜"),
        ("韩国瑜", "韓国瑜"),
        ("謝長廷", "謝長廷"),  # already Japan's
        ("Lai Ching-te", "Lai Ching-te"),
        ("干", "干"),  # a simplified character of more than one traditional form is left as it is (幹, 乾, 干)
    ],
)
def test_each_character_in_its_japanese_form(typed: str, japanese: str) -> None:
    assert japanese_form(typed) == japanese


async def test_a_name_typed_in_chinese_forms_is_the_person_of_the_japanese_reports(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="kf.md")).status == "added"
    lai = await resolve_visible_actor(store, "頼清徳", None)
    wu = await resolve_visible_actor(store, "呉江浩", None)
    for typed in ("賴清德", "赖清德"):
        assert (await resolve_visible_actor(store, typed, None)).id == lai.id, typed
    for typed in ("吳江浩", "吴江浩"):
        assert (await resolve_visible_actor(store, typed, None)).id == wu.id, typed
    other = await resolve_visible_actor(store, "呉江海", None)  # another person, one character apart
    assert other.id != wu.id
    assert (await resolve_visible_actor(store, "吳江海", None)).id == other.id
    with pytest.raises(QueryError):
        await resolve_visible_actor(store, "吳江浩然", None)  # no one of that name


async def test_a_name_the_registry_lacks_is_read_in_japanese_forms(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="kf.md")).status == "added"
    found = await find_unregistered(store, "吳江浩駐日大使", None)
    assert found is not None and found[0].name == "呉江浩駐日大使"
    assert await find_unregistered(store, "吳江浩然", None) is None

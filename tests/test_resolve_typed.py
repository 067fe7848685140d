"""What a user types around an actor's name: a title or honorific, a company's legal form, an English body's other
names. The actor the store knows is answered; a wrong cut finds nobody."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.resolve import resolve_visible_actor, typed_forms
from bot.store import Store

ARTICLE = """\
---
title: 型式指定の不正で立ち入り検査
published: 2024-06-04
---
国土交通省は4日、トヨタ自動車の本社に立ち入り検査に入った。斉藤鉄夫国土交通相は閣議後の記者会見で「極めて遺憾だ」と述べた。
トヨタの豊田章男会長は3日に記者会見を開き、謝罪した。
林芳正官房長官は「ユーザーの信頼を損なう」と述べた。
"""


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("斉藤国交相", "斉藤"),
        ("斉藤鉄夫国土交通相", "斉藤鉄夫"),
        ("林官房長官", "林"),
        ("トヨタの豊田会長", "豊田"),
        ("大谷選手", "大谷"),
        ("袴田巌さん", "袴田巌"),
        ("トヨタ自動車", "トヨタ"),
        ("株式会社KADOKAWA", "KADOKAWA"),
        ("Transport Minister Saito", "Saito"),
        ("Prime Minister Shigeru Ishiba", "Shigeru Ishiba"),
        ("Saito, the transport minister", "Saito"),
        ("Mr. Toyoda", "Toyoda"),
        ("Toyota Motor Corp.", "Toyota"),
        ("the transport ministry", "国土交通省"),
        ("transport ministry", "国土交通省"),
    ],
)
def test_typed_forms(typed: str, first: str) -> None:
    assert typed_forms(typed)[0] == first


@pytest.mark.parametrize("typed", ["石破", "Trump", "国土交通省"])
def test_a_bare_name_is_not_cut(typed: str) -> None:
    assert typed not in typed_forms(typed)
    assert all(len(f) >= 2 for f in typed_forms(typed))


def test_a_wrong_cut_is_not_offered() -> None:
    assert "斉藤国" not in typed_forms("斉藤国交相")[:1]  # 交相 is no title
    assert "斉" not in typed_forms("斉藤鉄夫国土交通相")


async def test_the_actor_behind_what_was_typed(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="ty.md")).status == "added"
    body = await resolve_visible_actor(store, "国土交通省", None)
    for typed in ("国交省", "the transport ministry", "MLIT", "Japan's transport ministry"):
        assert (await resolve_visible_actor(store, typed, None)).id == body.id, typed
    minister = await resolve_visible_actor(store, "斉藤", None)
    for typed in ("斉藤国交相", "斉藤鉄夫国土交通相"):
        assert (await resolve_visible_actor(store, typed, None)).id == minister.id, typed
    assert (await resolve_visible_actor(store, "Transport Minister Saito", None, across=True)).id == minister.id
    assert (await resolve_visible_actor(store, "林官房長官", None)).name in ("林", "林芳正")
    with pytest.raises(QueryError):
        await resolve_visible_actor(store, "斉藤国", None)
    with pytest.raises(QueryError):
        await resolve_visible_actor(store, "the health ministry", None)  # listed, but not in the store


async def test_a_company_named_after_a_person_is_not_that_person(store: Store) -> None:
    text = ARTICLE.replace("トヨタの豊田章男会長は", "小林製薬の小林章浩社長は")
    assert (await ingest_text(store, text, name="kb.md")).status == "added"
    assert (await resolve_visible_actor(store, "小林", None)).kind == "person"
    with pytest.raises(QueryError):  # 小林製薬 is no actor here, and not the president 小林
        await resolve_visible_actor(store, "小林製薬", None)


@pytest.mark.parametrize(
    "typed", ["Ukraine government", "the government of Ukraine", "Ukraine authorities", "the Ukraine administration"]
)
async def test_the_government_of_a_place_is_the_place(store: Store, typed: str) -> None:
    assert (await ingest_text(store, ARTICLE, name="ty.md")).status == "added"
    place = await resolve_visible_actor(store, "Ukraine", None)
    assert place.kind != "person"
    assert (await resolve_visible_actor(store, typed, None)).id == place.id


def test_an_administration_named_for_a_person_is_offered_as_a_body_only() -> None:
    from bot.services.resolve import _typed

    assert ("Trump", True) in _typed("the Trump administration")  # a body only: never the person Trump
    assert ("Trump", False) not in _typed("the Trump administration")


async def test_a_given_name_with_another_spelling_of_the_surname(store: Store) -> None:
    """Outlets spell a surname each their way (Zelensky, Zelenskiy, Zelenskyy) and write the first name with it: the
    store's person is found from the first name and any surname alias; a first name that is not the person's is not."""
    zelensky = await resolve_visible_actor(store, "Zelensky", None)
    assert zelensky.kind == "person" and "Zelenskiy" in zelensky.aliases
    for typed in ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "volodymyr zelenskiy"):
        assert (await resolve_visible_actor(store, typed, None)).id == zelensky.id, typed
    for typed in ("Olena Zelenskiy", "Ukraine Zelenskiy"):
        with pytest.raises(QueryError):
            await resolve_visible_actor(store, typed, None)


async def test_a_name_with_a_role_the_vocabulary_does_not_list_whole(store: Store) -> None:
    """林芳正官房副長官室長 is no title of the vocabulary, but it ends in one (室長) and is a run of kanji after a
    person's name: the person. A name that is no person before it finds nobody."""
    assert (await ingest_text(store, ARTICLE, name="ty.md")).status == "added"
    hayashi = await resolve_visible_actor(store, "林芳正", None)
    assert (await resolve_visible_actor(store, "林芳正内閣広報室長", None)).id == hayashi.id
    with pytest.raises(QueryError):
        await resolve_visible_actor(store, "林芳樹内閣広報室長", None)
    with pytest.raises(QueryError):
        await resolve_visible_actor(store, "林芳正さんの友人", None)  # no title at its end


POSSESSIVE = """\
---
title: 印の水利条約停止に対抗措置
published: 2025-04-24
---
シャリフ首相は24日、国家安全保障委員会を開催した。国家安全保障委員会は声明で、水の流れを止める試みは「戦争行為とみなす」と警告した。
パキスタンのレガリ電力相は、条約の停止を「卑劣で違法な措置だ」と非難した。
国土交通省は同日、空港の安全点検を指示した。
"""


@pytest.mark.parametrize(
    ("typed", "body"),
    [
        ("Pakistan's National Security Committee", "National Security Committee"),
        ("South Korea's Personal Information Protection Commission", "Personal Information Protection Commission"),
        ("パキスタンの国家安全保障委員会", "国家安全保障委員会"),
        ("韓国の個人情報保護委員会", "個人情報保護委員会"),
        ("Korea's transport ministry", None),  # a body every country has: not Japan's without its country
        ("韓国の国土交通省", None),
        ("トヨタの豊田会長", None),  # トヨタ is no place, 豊田会長 no body
        ("Trump's National Security Council", None),  # a person's, not a place's
    ],
)
def test_a_body_typed_with_its_places_possessive(typed: str, body: str | None) -> None:
    from bot.services.resolve import possessive_body

    assert possessive_body(typed) == body


async def test_a_possessive_body_and_a_minister_named_once_are_found(store: Store) -> None:
    """A body the reports name without its country, typed with it; a minister named once, in katakana, typed in
    English with his country and role. A ministry every country has, typed with another country, is no one."""
    from bot.services.stance_about import stance_about

    assert (await ingest_text(store, POSSESSIVE, name="pk.md")).status == "added"
    report = await stance_about(store, "パキスタンの国家安全保障委員会", "水の流れを止める試み")
    assert any("戦争行為" in s.text for s in report.statements)
    english = await stance_about(store, "Pakistan's National Security Committee", "水の流れを止める試み")
    assert english.actor.name == "国家安全保障委員会"  # the English name glossed: no English report names it
    assert any("戦争行為" in s.text for s in english.statements)
    minister = await stance_about(store, "Pakistan's power minister Leghari", "条約の停止")
    assert minister.actor.name == "レガリ"
    with pytest.raises(QueryError):
        await stance_about(store, "インドの国土交通省", "空港の安全点検")


@pytest.mark.parametrize(
    ("english", "found"),
    [
        ("National Security Committee", ["国家安全保障委員会"]),
        ("Security Committee", ["安全保障委員会"]),  # the words glossed, no more
        ("National Election Committee", []),  # election glosses no word of the name
        ("Committee", []),  # a head alone names no one
    ],
)
def test_an_english_body_name_found_in_japanese(english: str, found: list[str]) -> None:
    from bot.extract.body_glosses import japanese_body_names

    texts = ["首相は24日、国家安全保障委員会を開催した。", "原子力規制委員会は同日、審査を終えた。"]
    assert japanese_body_names(english, texts) == found


@pytest.mark.parametrize(
    ("english", "found"),
    [
        ("Presidential Office", ["総統府"]),  # 府 a (government) office, 総統 the president (of Taiwan): later senses
        ("Taiwan Presidential Office", ["総統府"]),  # whose office JMdict says: "president (of Taiwan)"
        ("Presidential Palace", []),
        ("Korea Presidential Office", []),  # no word of 総統府 says Korea
        ("Commerce Office", []),
    ],
)
def test_an_office_named_by_a_later_sense_of_its_words(english: str, found: list[str]) -> None:
    from bot.extract.body_glosses import japanese_body_names

    texts = ["台湾の総統府は5日、報道官名でコメントを出した。", "中央気象署によると、余震が続いている。"]
    assert japanese_body_names(english, texts, later=True) == found
    assert japanese_body_names(english, texts) == []  # the heads' first senses: no office


FOREIGN = """\
---
title: Border clash
published: 2025-07-25
---
Thailand's Foreign Ministry said on Thursday that it had recalled its ambassador.
South Korea's foreign ministry said it was watching closely.
"""


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Thai Foreign Ministry", "Thailand's Foreign Ministry"),
        ("the Thai Foreign Ministry", "Thailand's Foreign Ministry"),
        ("North Korean foreign ministry", "North Korea's foreign ministry"),
        ("Japanese government", "Japan's government"),
        ("Thai", "Thailand"),
    ],
)
def test_a_country_typed_by_its_adjective(typed: str, first: str) -> None:
    assert typed_forms(typed)[0] == first


@pytest.mark.parametrize("typed", ["Thailand's Foreign Ministry", "Thailand", "Foreign Ministry of Thailand", "Trump"])
def test_a_country_named_as_itself_is_not_turned_again(typed: str) -> None:
    assert not any(f.startswith(("Thailand's Thailand", "Thailand Thailand")) for f in typed_forms(typed))


async def test_the_body_of_a_country_typed_by_its_adjective(store: Store) -> None:
    assert (await ingest_text(store, FOREIGN, name="fm.md")).status == "added"
    ministry = await resolve_visible_actor(store, "Thailand's Foreign Ministry", None)
    assert (await resolve_visible_actor(store, "Thai Foreign Ministry", None)).id == ministry.id
    japan = await resolve_visible_actor(store, "Japan", None)  # a listed country
    assert (await resolve_visible_actor(store, "Japanese government", None)).id == japan.id
    with pytest.raises(QueryError):
        await resolve_visible_actor(store, "Danish Foreign Ministry", None)  # not in the store


@pytest.mark.parametrize(
    "typed", ["Saudi National Bank", "the Saudi National Bank", "Saudi Arabia's central bank", "Swiss National Bank"]
)
def test_a_country_whose_adjective_begins_its_name_is_turned_once(typed: str) -> None:
    # "Saudi" is Saudi Arabia's adjective and the first word of its name: turning "Saudi Arabia National Bank" again
    # gave "Saudi Arabia's Arabia National Bank" and so on until the recursion limit (a traceback on /quote)
    forms = typed_forms(typed)
    assert not any("Arabia Arabia" in f or "Arabia's Arabia" in f for f in forms)
    if typed.lstrip("the ").startswith("Saudi National"):
        assert "Saudi Arabia's National Bank" in forms

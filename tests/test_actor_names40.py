"""The names behind /stance's attribution misses (fortieth round, issue 11): a foreign office holder typed with the
post the Japanese reports give (ソイル内相, アブドルアジズ・エネルギー相, ムジャヒド報道担当) while the store keeps the name
alone, and a body NHK writes by its letters and its name after an equals sign (「FSB=連邦保安庁は」), so that the
letters a user types and the English report's "Federal Security Service (FSB)" find the one body."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.discover import discover_actors
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.errors import QueryError
from bot.services.resolve import _katakana_named_posts, resolve_visible_actor
from bot.services.stance_about import stance_about
from bot.store import Store


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("ソイル内相", "ソイル"),  # an open-class minister after a katakana name (turkeyquake2023)
        ("アブドルアジズ・エネルギー相", "アブドルアジズ"),  # a field in katakana, set off by a dot (cop2023)
        ("グルン通信・情報技術相", "グルン"),  # a field of two words joined by a dot (nepal2025)
        ("ムジャヒド報道担当", "ムジャヒド"),  # a spokesperson's post (kabul2021)
        ("ギュンゲン駐日大使", "ギュンゲン"),  # an envoy's post (turkeyquake2023)
    ],
)
def test_a_katakana_name_typed_with_its_post(typed: str, name: str) -> None:
    assert name in _katakana_named_posts(typed)


@pytest.mark.parametrize(
    ("typed", "not_a_name"),
    [
        ("エネルギー相", "エネルギー"),  # a field before a bare 相: the post alone, no name
        ("インフラ相", "インフラ"),
        ("アブドルアジズ・エネルギー相", "アブ"),  # never a cut inside a katakana word
        ("トヨタ自動車", "トヨタ自"),
    ],
)
def test_no_name_cut_from_a_post_alone_or_inside_a_word(typed: str, not_a_name: str) -> None:
    assert not_a_name not in _katakana_named_posts(typed)


async def test_the_minister_typed_with_the_post_finds_the_person_stored_by_name(store: Store) -> None:
    """Where no passage writes the name and the post as typed (「通信・情報技術相のプリトビ・スッバ・グルン氏」), the
    person stored by the name alone answers; a post alone names no one."""
    text = (
        "---\ntitle: ネパール\npublished: 2025-09-05\n---\n"
        "通信・情報技術相のプリトビ・スッバ・グルン氏は記者会見で「われわれはSNSを禁止したいのではない。"
        "ネパールの法律に従ってほしいだけだ」と述べた。"
    )
    assert (await ingest_text(store, text, name="nepal.md")).status == "added"
    assert (await resolve_visible_actor(store, "グルン通信・情報技術相", None, across=True)).name == "グルン"
    report = await stance_about(store, "グルン通信・情報技術相", "SNSの禁止")
    assert any("法律に従ってほしい" in s.text for s in report.statements)
    with pytest.raises(QueryError):
        await resolve_visible_actor(store, "エネルギー相", None, across=True)


async def test_the_name_and_post_as_a_passage_writes_them_are_read_first(store: Store) -> None:
    """「シャー内相は…と明言した」: the passage writing the name with the post as typed is read as written, not left
    to a person stored by the name alone from another sentence (シャー氏)."""
    text = (
        "---\ntitle: インド\npublished: 2025-06-21\n---\n"
        "シャー内相はインタビューで、インダス川水利条約について「二度と元に戻すことはない」と明言した。"
        "シャー氏は「水は運河を造って引く」とも語った。"
    )
    assert (await ingest_text(store, text, name="india.md")).status == "added"
    report = await stance_about(store, "シャー内相", "インダス川水利条約を元に戻すこと")
    assert any("元に戻すことはない" in s.text for s in report.statements)


def _bodies(actors: ActorIndex, text: str) -> dict[str, list[str]]:
    return {a.name: a.aliases for a in discover_actors([ParsedPassage(text=text)], actors) if a.kind == "body"}


@pytest.mark.parametrize(
    ("text", "name", "letters"),
    [
        ("治安機関のFSB=連邦保安庁は、23日夜のうちに刑事事件として捜査を始めました。", "連邦保安庁", "FSB"),
        ("NUMO=原子力発電環境整備機構は、文献調査の報告書を公表しました。", "原子力発電環境整備機構", "NUMO"),
        ("ICPO=国際刑事警察機構は、容疑者を国際手配したと明らかにしました。", "国際刑事警察機構", "ICPO"),
    ],
)
def test_a_body_glossed_by_its_letters_and_an_equals_sign(
    actors: ActorIndex, text: str, name: str, letters: str
) -> None:
    assert letters in _bodies(actors, text).get(name, [])


@pytest.mark.parametrize(
    "text",
    [
        "EV=電気自動車の販売は伸び悩んでいます。",  # a thing, not a body
        "CEO=最高経営責任者は辞任しました。",  # a post
        "TOB=株式公開買い付けを始めると発表しました。",  # an act
        "会見する社長（写真　EV=ロイター）",  # a photo credit
        "ICC＝国際刑事裁判所の逮捕状に基づき、11日、拘束しました。",  # a body qualifying a thing: no actor (duterte2025)
        "ICPO＝国際刑事警察機構のマニラ支部が逮捕状の写しを受け取りました。",
    ],
)
def test_letters_glossed_by_no_bodys_name_are_no_body(actors: ActorIndex, text: str) -> None:
    found = _bodies(actors, text).values()
    assert not any(letters in aliases for aliases in found for letters in ("EV", "CEO", "TOB", "ICC", "ICPO"))


async def test_the_letters_typed_find_the_body_the_japanese_report_glossed(store: Store) -> None:
    japanese = (
        "---\ntitle: ワグネル反乱\npublished: 2023-06-24\n---\n"
        "治安機関のFSB=連邦保安庁は、プリゴジン氏が武装反乱を呼びかけた疑いがあるとして、刑事事件として捜査を始めました。"
    )
    english = (
        "---\ntitle: Wagner\npublished: 2023-06-28\n---\n"
        "In Moscow, the Federal Security Service (FSB) announced on Tuesday that it had closed its criminal case."
    )
    assert (await ingest_text(store, japanese, name="nhk.md")).status == "added"
    assert (await ingest_text(store, english, name="guardian.md")).status == "added"
    assert (await resolve_visible_actor(store, "FSB", None)).name == "連邦保安庁"


@pytest.mark.parametrize(
    ("latin", "kana", "same"),
    [
        ("Rowe", "ロウ", True),  # a short surname: -owe a long o (butler2024, the Secret Service's acting director)
        ("Zhao", "ジャオ", True),  # pinyin's zh (ftx2022, Binance's chief executive)
        ("Go", "ゴー", True),
        ("Ghosn", "ゴーン", True),  # as before: the s not sounded
        ("Rowe", "ロス", False),  # a consonant more
        ("Roy", "ロウ", False),  # ロイ
        ("Zhao", "ジョウ", False),
        ("Gomez", "ゴーン", False),
        ("Kim", "キン", False),
    ],
)
def test_a_short_surname_beside_a_given_name_that_agrees(latin: str, kana: str, same: bool) -> None:
    from bot.extract.romaji import sounds_near

    assert sounds_near(latin, kana) is same


def _person(i: int, name: str, full: str) -> ActorEntry:
    return ActorEntry(i, name, full if full.isascii() else None, "person", [full])


@pytest.mark.parametrize(
    ("latin", "kana", "same"),
    [
        (("Rowe", "Ronald Rowe"), ("ロウ", "ロナルド・ロウ"), True),
        (("Zhao", "Changpeng Zhao"), ("ジャオ", "チャンポン・ジャオ"), True),
        (("Rowe", "Ronald Rowe"), ("ロス", "ロナルド・ロス"), False),  # two people sharing a given name
        (("Roy", "Ronald Roy"), ("ロウ", "ロナルド・ロウ"), False),
        (("Rowe", "Michael Rowe"), ("ロウ", "ロナルド・ロウ"), False),  # sharing a surname: the given names differ
    ],
)
def test_one_person_in_two_scripts_by_a_full_name(latin: tuple[str, str], kana: tuple[str, str], same: bool) -> None:
    from bot.services.resolve import across_scripts

    index = ActorIndex([_person(1, *latin), _person(2, *kana)])
    assert (2 in {a.id for a in across_scripts(index, index.actors[1])}) is same

"""Actors the command refused as unknown, thirty-eighth round (st38a; issue 11, the blind round's unknown-actor
class): a government typed by its leader's name (ユヌス暫定政権, "the Yunus administration"), a katakana place's
own body that only the English reports name (ボルティモア市: Baltimore), and an English body of capitalised words
with a head the discovery did not read (the Alliance for Automotive Innovation, the House Freedom Caucus, typed
as "Freedom Caucus"). Names made up in the patterns of news text where a real one is not needed; each rule with
the cases it must not take."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.discover import discover_actors
from bot.extract.place_names import english_places, place_governed
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.errors import QueryError
from bot.services.resolve import _body_named_longer, led_by_person
from bot.store import Store


def _store(*entries: ActorEntry) -> SimpleNamespace:
    return SimpleNamespace(actors=ActorIndex(list(entries)))


YUNUS = ActorEntry(1, "ユヌス", None, "person", ["ムハマド・ユヌス"])
YUNUS_EN = ActorEntry(2, "Yunus", "Muhammad Yunus", "person", ["Muhammad Yunus"])
THAILAND = ActorEntry(3, "タイ", "Thailand", "state", ["Thailand"])
LABOUR = ActorEntry(4, "Labour Party", None, "body", ["Labour"])


@pytest.mark.parametrize(
    ("typed", "leader"),
    [
        ("ユヌス暫定政権", "ユヌス"),  # a person's name + 暫定政権: the government that person leads
        ("ユヌス政権", "ユヌス"),
        ("ムハマド・ユヌス暫定政権", "ユヌス"),  # the full name
        ("ユヌス氏率いる政権", None),  # not a name + 政権: the words between are no part of a name
        ("the Yunus administration", "Yunus"),
        ("Yunus's interim government", "Yunus"),
        ("Muhammad Yunus government", "Yunus"),
        ("タイ暫定政権", None),  # a country's: only a person answers for 政権 here
        ("Labour government", None),  # a party's: not a person
        ("暫定政権", None),  # no name at all
        ("ハシナ政権", None),  # a person the store does not hold
        ("ユヌス政権幹部", None),  # an official of it: not the government
    ],
)
def test_a_government_typed_by_its_leader(typed: str, leader: str | None) -> None:
    found = led_by_person(_store(YUNUS, YUNUS_EN, THAILAND, LABOUR), typed)  # type: ignore[arg-type]
    assert (found.name if found else None) == leader


@pytest.mark.parametrize(
    ("typed", "split"),
    [
        ("ボルティモア市", ("ボルティモア", "市")),
        ("テキサス州政府", ("テキサス", "州政府")),  # the longest ending: 州政府, not 州 + 政府
        ("マウイ郡", ("マウイ", "郡")),
        ("トランプ政府", None),  # a katakana word the tokenizer reads as no place
        ("日本政府", None),  # kanji: the registry's and the glosses' readings answer
        ("ボルティモア", None),  # the place alone: no body of it typed
    ],
)
def test_a_katakana_place_and_its_body(typed: str, split: tuple[str, str] | None) -> None:
    assert place_governed(typed) == split


def test_a_katakana_place_spelled_in_english() -> None:
    texts = [
        "Baltimore Mayor Brandon Scott said the city would rebuild the bridge.",
        "The city of Baltimore said in a court filing that the owner was liable.",
        "John Bolton said the city should wait.",  # Bolton: the same first letter, another sound
        "Boston officials said they were watching.",
    ]
    assert english_places("ボルティモア", texts) == ["Baltimore"]  # two runs: "Baltimore Mayor Brandon Scott"
    assert english_places("ボストン", texts) == ["Boston"]
    assert english_places("ボルチモア", texts) == []  # チ is no t by the sound rules: not guessed
    assert english_places("ロサンゼルス", texts) == []  # a place no text names


ENGLISH_ARTICLE = """\
---
title: Bridge collapse
published: 2024-03-27
language: en
---
The Francis Scott Key Bridge in Baltimore collapsed on Tuesday after a container ship struck it.

The city of Baltimore said in a court filing that the ship's owner should be held liable for the collapse.

Maryland Governor Wes Moore said the state would seek federal funds.
"""


async def test_a_place_typed_in_katakana_is_answered_from_the_english_reports(store: Store) -> None:
    """ボルティモア市 typed, "the city of Baltimore" in the only report: its statement; ボストン市, named nowhere:
    refused."""
    from bot.services.stance_about import stance_about

    assert (await ingest_text(store, ENGLISH_ARTICLE, name="bridge.md")).status == "added"
    city = await stance_about(store, "ボルティモア市", "the ship's owner")
    assert any("held liable" in s.text for s in city.statements)
    with pytest.raises(QueryError):
        await stance_about(store, "ボストン市", "the ship's owner")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The Alliance for Automotive Innovation, which represents General Motors and Toyota, said the deal fell short.",
            "Alliance for Automotive Innovation",  # its head first, then what it is for
        ),
        ("In Washington, the House Freedom Caucus said it would oppose the bill.", "House Freedom Caucus"),
        (
            "The Federation of Electric Power Companies said on Monday it would cooperate.",
            "Federation of Electric Power Companies",
        ),
        ("Officials of the ruling coalition said on Monday it would cooperate.", None),  # a common noun: no body
        ("Freedom Caucus members said they opposed it.", None),  # its members: no speaker's name
    ],
)
def test_an_english_body_of_capitalised_words_is_discovered(text: str, body: str | None) -> None:
    found = discover_actors([ParsedPassage(text=text)], ActorIndex([]))
    assert [a.name for a in found if a.kind == "body"] == ([body] if body else [])
    assert all(a.kind != "person" or a.name != "Caucus" for a in found)  # never Mr Caucus


CAUCUS = ActorEntry(1, "House Freedom Caucus", None, "body", [])
POLICY = ActorEntry(2, "American Automotive Policy Council", None, "body", [])
UNSC = ActorEntry(3, "UN Security Council", None, "body", [])
NSC = ActorEntry(4, "National Security Council", None, "body", [])
HARRIS = ActorEntry(5, "Harris", None, "person", ["Andy Freedom Caucus"])  # a person's name never answers


@pytest.mark.parametrize(
    ("typed", "body"),
    [
        ("Freedom Caucus", "House Freedom Caucus"),
        ("the Freedom Caucus", "House Freedom Caucus"),
        ("Automotive Policy Council", "American Automotive Policy Council"),
        ("Security Council", None),  # two bodies end so: asked, not guessed
        ("Caucus", None),  # one word: a head alone
        ("Freedom", None),  # no head
        ("Policy Council", None),  # two words more than typed: too far from the name (a field, not a body)
    ],
)
def test_a_body_typed_without_the_words_before_its_name(typed: str, body: str | None) -> None:
    found = _body_named_longer(ActorIndex([CAUCUS, POLICY, UNSC, NSC, HARRIS]), typed)
    assert (found.name if found else None) == body


@pytest.mark.parametrize(
    ("name", "posts"),
    [
        ("呉健富", ["呉健富主任"]),  # 主任: a post no title list holds
        ("藤田望", ["藤田望警備救難部長"]),  # a department and its head
        ("王芳明", []),  # 王芳明氏: an honorific, not a post (the titles' aliases hold it)
        ("李明宏", []),  # 李明宏の発言: the name's own thing, not a post
        ("陳建", []),  # two kanji: 陳建国委員長 may be 陳建国's post, never guessed as 陳建's
    ],
)
def test_a_person_typed_without_the_post_the_reports_give(name: str, posts: list[str]) -> None:
    from bot.services.stance_about import _posts_after

    texts = [
        "中央気象署地震測報センターの呉健富主任は23日朝の記者会見で、「余震が続く」と説明。",
        "1管の藤田望警備救難部長は同日の記者会見で「慎重に捜査した」と説明した。",
        "王芳明氏は「遺憾だ」と述べた。李明宏の発言が波紋を広げた。陳建国委員長は欠席した。",
    ]
    assert _posts_after(name, texts) == posts


async def test_a_person_typed_by_name_is_found_under_the_post(store: Store) -> None:
    """呉健富 typed, 「呉健富主任は」 and a statement carried on from it in the only report: its statements; 呉健一,
    named nowhere: refused."""
    from bot.services.stance_about import stance_about

    article = (
        "---\ntitle: 余震続く\npublished: 2024-04-23\n---\n"
        "中央気象署地震測報センターの呉健富主任は23日朝の記者会見で、「エネルギーがなお放出されている」と説明。"
        "「今後半年は余震が起きる可能性がある」と述べ、揺れへの備えを続けるよう呼び掛けた。\n"
    )
    assert (await ingest_text(store, article, name="quake.md")).status == "added"
    report = await stance_about(store, "呉健富", "揺れへの備え")
    assert any("備えを続ける" in s.text for s in report.statements)
    with pytest.raises(QueryError):
        await stance_about(store, "呉健一", "揺れへの備え")


async def test_a_titled_name_the_registry_lacks_is_the_person_named_in_english(store: Store) -> None:
    """ラスムセン外相 typed (a Japanese report's 「ラスムセン外相は」 makes it a name the registry lacks), the statement
    in the English report under Lars Lokke Rasmussen: his. ボルトン外相, whom no report names in either script: refused;
    and a name going by another (グラスムセン外相 is not Rasmussen) finds no one."""
    from bot.services.stance_about import stance_about

    english = (
        "---\ntitle: Visit changed\npublished: 2025-03-26\nlanguage: en\n---\n"
        "Denmark's foreign minister, Lars Lokke Rasmussen, welcomed the change of plans on Wednesday. "
        '"I think it\'s very positive that the Americans have canceled their visit," Rasmussen said.\n'
    )
    japanese = "---\ntitle: 訪問を縮小\npublished: 2025-03-26\n---\nデンマークのラスムセン外相は記者会見を開いた。\n"
    assert (await ingest_text(store, english, name="en.md")).status == "added"
    assert (await ingest_text(store, japanese, name="ja.md")).status == "added"
    report = await stance_about(store, "ラスムセン外相", "cancelling their visit")
    assert any("very positive" in s.text for s in report.statements)
    with pytest.raises(QueryError):
        await stance_about(store, "ボルトン外相", "cancelling their visit")

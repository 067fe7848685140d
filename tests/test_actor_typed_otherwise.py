"""/stance ACTOR --about: an actor typed otherwise than the reports write it is still found (issue 11).

Each reading on sentences of our own: a name the reports give in brackets after the full one, a name written
with a word more inside it, a person the reports call by the given name alone, an English body name written in a
lower-case house style; and the query parsed as the answer reads the actor (nothing refused while parsing that
the answer would read)."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, suggestion_fits
from bot.extract.body_glosses import english_body_names
from bot.extract.post_holders import holders, split_post
from bot.extract.written_names import owner_typed, spelled_in_full, spelled_out, with_word_inside
from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.name_part import name_splits
from bot.services.resolve import kanji_short
from bot.services.stance_about import read_actor, stance_about
from bot.services.stance_query import parse_stance_query
from bot.store import Store

ARTICLE = """\
---
title: 支援継続へ 各機関が表明
published: 2025-05-10
---
国際協力機構(ジャイカ)は10日、東南アジアでの道路整備への支援を続けると表明した。
市が設置した第三者検証委員会は12日、補助金の不正受給を認定し、全額の返還を求めた。
ガルシア氏の長男で下院議員のマテオ氏は11日、関税の撤回を求めた。
マテオ氏は「交渉は続ける」と述べた。
"""


@pytest.fixture
async def story(store: Store) -> Store:
    result = await ingest_text(store, ARTICLE, name="agencies.md")
    assert result.status == "added"
    return store


@pytest.mark.parametrize(
    ("short", "text", "full"),
    [
        ("ジャイカ", "国際協力機構(ジャイカ)の担当者は", ["国際協力機構"]),
        ("JICA", "the Japan International Cooperation Agency (JICA) said", ["Japan International Cooperation Agency"]),
        ("NPA", "officials of the National Police Agency （NPA） said", ["National Police Agency"]),
        ("ジャイカ", "ジャイカは支援を続ける", []),  # no full name before it
        ("支援を続けると表明した", "国際協力機構(支援を続けると表明した)", []),  # a sentence is no short name
    ],
)
def test_a_short_name_in_brackets_is_spelled_out_by_the_name_before_it(short: str, text: str, full: list[str]) -> None:
    assert spelled_out(short, [text]) == full


def test_a_name_written_with_a_word_more_inside_it() -> None:
    texts = ["市が設置した第三者検証委員会は12日、", "第三者検証委員会の委員長は", "駐日ペルー大使のサンチェス氏"]
    assert with_word_inside("第三者委員会", texts) == ["第三者検証委員会"]
    assert with_word_inside("サンチェス駐日大使", ["ルイス・サンチェス駐日ペルー大使は会見で"]) == [
        "サンチェス駐日ペルー大使"
    ]
    assert with_word_inside("第三者委員会", ["第三者が委員会"]) == []  # a particle is no word of the name
    assert with_word_inside("カルタゴ経済裁判所", ["地元カルタゴの経済裁判所は"]) == ["カルタゴの経済裁判所"]
    assert with_word_inside("委員会", ["第三者調査委員会"]) == []  # too short to tell
    text = "a report by the House oversight and government reform committee found"
    assert with_word_inside("House oversight committee", [text]) == ["House oversight and government reform committee"]
    assert with_word_inside("House oversight committee", ["the House oversight committee"]) == []  # as typed


@pytest.mark.parametrize(
    ("typed", "splits"),
    [
        ("Mateo Garcia", [("Mateo", ["Garcia"])]),
        ("マテオ・ガルシア", [("マテオ", ["ガルシア"])]),
        ("山本花子", [("本花子", ["山"]), ("花子", ["山本"])]),
        ("Garcia", []),  # one word: no rest to check
    ],
)
def test_a_full_name_splits_into_each_given_name_and_the_rest(typed: str, splits: list) -> None:
    assert name_splits(typed) == splits


def test_an_english_body_name_in_lower_case_house_style() -> None:
    text = "Members of the Hokkaido federation of fisheries cooperatives told reporters they were opposed."
    name = "北海道漁業協同組合連合会"
    assert english_body_names(name, [text], lower=True) == ["Hokkaido federation of fisheries cooperatives"]
    assert english_body_names(name, [text]) == []  # asked for apart, after the capitalised names
    # the lower-case words after the name are none of it
    assert english_body_names(name, ["the Hokkaido federation said"], lower=True) == []


async def test_the_short_name_typed_answers_for_the_body_the_reports_name(story: Store) -> None:
    report = await stance_about(story, "ジャイカ", "道路整備への支援")
    assert report.actor.name == "国際協力機構"
    query = await parse_stance_query(story, "ジャイカ", about="道路整備への支援")
    assert query.reading is not None and query.reading.entry.name == "国際協力機構"


async def test_a_committee_typed_without_its_qualifier(story: Store) -> None:
    reading = await read_actor(story, "第三者委員会", "補助金の不正受給", None)
    assert reading.entry.name == "第三者検証委員会"


async def test_a_relative_typed_by_full_name_is_the_one_the_reports_call_by_the_given_name(story: Store) -> None:
    assert story.actors.resolve("マテオ・ガルシア") is None  # held under the given name only
    reading = await read_actor(story, "マテオ・ガルシア", "関税の撤回", None)
    assert reading.entry.name == "マテオ"


async def test_a_name_nothing_reads_is_still_refused(story: Store) -> None:
    with pytest.raises(QueryError, match="Unknown actor"):
        await parse_stance_query(story, "架空技術振興会", about="道路整備への支援")


@pytest.mark.parametrize(
    ("typed", "owner"),
    [
        ("Peruvian Foreign Ministry official", "Peruvian Foreign Ministry"),
        ("the Fair Trade Commission officials", "Fair Trade Commission"),
        ("Tanabe's lawyers", "Tanabe"),
        ("Tanabe’s defense team", "Tanabe"),
        ("国土交通省関係者", "国土交通省"),
        ("原告側の弁護団", "原告"),
        ("Tanabe", None),
        ("関係者", None),  # nobody's
    ],
)
def test_the_people_around_a_body_or_a_person_typed_for_it(typed: str, owner: str | None) -> None:
    assert owner_typed(typed) == owner


def test_a_short_name_made_of_a_written_names_characters() -> None:
    texts = ["日本私立大学振興・育英事業団は3日、", "私立大学振興・育英事業団の理事長は", "私大連盟は"]
    assert spelled_in_full("私大事業団", texts, kanji_short) == ["私立大学振興・育英事業団"]
    # a whole word left out is another name, not a short one (`with_word_inside` reads that)
    assert spelled_in_full("森林事業団", ["森林保全事業団は"], kanji_short) == []
    assert spelled_in_full("日森連", ["日本森林組合連合会は"], kanji_short) == []  # its head not as typed


async def test_the_people_around_a_body_typed_are_its_side(story: Store) -> None:
    reading = await read_actor(story, "国際協力機構の関係者", "道路整備への支援", None)
    assert reading.entry.name == "国際協力機構"


@pytest.mark.parametrize(
    ("typed", "split"),
    [
        ("国連事務総長", ("国連", "事務総長")),
        ("県警の本部長", ("県警", "本部長")),
        ("Delta Air Lines CEO", ("Delta Air Lines", "CEO")),
        ("the IAEA chief", ("IAEA", "chief")),
        ("Tanabe", None),
        ("事務総長", None),  # no body before the post
    ],
)
def test_a_post_typed_after_its_body_splits_into_both(typed: str, split: tuple[str, str] | None) -> None:
    assert split_post(typed) == split


def test_the_holder_of_a_post_is_read_beside_the_post_and_its_body() -> None:
    assert holders("国連", "事務総長", ["グテレス国連事務総長は", "国連のグテレス事務総長も"]) == ["グテレス"]
    assert holders("Delta Air Lines", "CEO", ["Delta CEO Ed Bastian told reporters"]) == ["Ed Bastian"]
    assert holders("Delta Air Lines", "CEO", ["Delta ceo told reporters"]) == []  # no name beside it


async def test_a_post_typed_is_answered_by_its_holder_and_two_holders_are_named(store: Store) -> None:
    one = "---\ntitle: 市長が表明\npublished: 2025-06-01\n---\n北浜市の大川義男市長は1日、新庁舎の建設を進めると表明した。\n"
    assert (await ingest_text(store, one, name="mayor1.md")).status == "added"
    reading = await read_actor(store, "北浜市の市長", "新庁舎の建設", None)
    assert reading.entry.name in ("大川", "大川義男")  # the person the index holds, by the name it holds
    two = "---\ntitle: 前市長\npublished: 2025-06-02\n---\n北浜市の森田健一市長(当時)は新庁舎の建設に反対した。\n"
    assert (await ingest_text(store, two, name="mayor2.md")).status == "added"
    with pytest.raises(QueryError) as refused:
        await read_actor(store, "北浜市の市長", "新庁舎の建設", None)
    assert "大川義男" in str(refused.value) and "森田健一" in str(refused.value)


def _entry(name: str, name_en: str | None = None) -> ActorEntry:
    return ActorEntry(id=1, name=name, name_en=name_en, kind="person", aliases=[], description=None)


@pytest.mark.parametrize(
    ("typed", "name", "name_en", "fits"),
    [
        ("Jon Tanabe", "Jun Tanabe", None, True),  # a word close to one of its names
        ("Trunp", "トランプ", "Donald Trump", True),
        ("北浜県公安委員会", "県公安委員会", None, True),
        ("ペルー外務省", "ペルー政府", None, True),  # its start
        ("トラ", "トルコ", None, True),  # still being typed
        ("財務省とECB", "欧州中央銀行", "European Central Bank", False),
        ("財務省とECB", "ECB", None, True),  # a Latin word typed among kanji
        ("Association for Tidal Innovation", "NATO", None, False),  # a short name scoring well inside a long one
        ("Ingrid Halvorsen", "Keir Starmer", None, False),
        ("ルイス・サンチェス", "Recep Tayyip Erdoğan", None, False),
    ],
)
def test_a_suggestion_shares_a_word_or_a_run_of_characters_with_what_was_typed(
    typed: str, name: str, name_en: str | None, fits: bool
) -> None:
    assert suggestion_fits(typed, _entry(name, name_en)) is fits

"""Who a speaker is when the post after the name is one no title list holds, or when the index knows better than the
letters what a subject is, forty-fourth round (issue 11 item 4).

Japanese: a person named with an assistant's post (国務次官補, 高等弁務官補: an office, then 補) or a desk (報道担当,
広報担当) is that person, and the next sentence that carries the speaker on (「…と反発。「…」と警告した」) is theirs, not
the speaker of the paragraph before. English: "the company" and "it" never point back at a person the index holds,
and "he" never at a body it holds, however the subject was written. Sentences written for this test.
"""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.attribution import attribute


def _speaker(text: str, words: str, actors: ActorIndex) -> str | None:
    at = text.index(words)
    return attribute(text, at, at + len(words), actors, context=text)


@pytest.fixture
def people(actors: ActorIndex) -> ActorIndex:
    return actors.extended(
        [
            ("ハルトマン", ["カミラ・ハルトマン"], "person", None),
            ("ベルガー", ["ユリウス・ベルガー"], "person", None),
            ("オコンクォ", ["エメカ・オコンクォ"], "person", None),
            ("ドラモンド", ["ペネロペ・ドラモンド"], "person", None),
            ("Hollis Marsh", [], "person", None),
            ("Kestrel Dynamics", [], "body", None),
            ("Halvorsen", ["Ingrid Halvorsen"], "person", None),
        ]
    )


# (text, the quoted words, their speaker): each a post after the name that no title list holds
POSTS = [
    # an assistant to an office: the office, then 補; the next sentence carries the speaker on past a noun stop
    (
        "ベルガー事務総長は会見で「撤収は秩序立てて進める」と述べた。\n"
        "これに対し、国際移住機関のハルトマン高等弁務官補は声明で、計画には反対すると表明。"
        "「人々を取引の対象にしてはならない」と批判した。\n",
        "人々を取引の対象にしてはならない",
        "ハルトマン",
    ),
    (
        "財務省のカミラ・ハルトマン国務次官補は声明で、「制裁の効果は明らかだ」と強調した。\n",
        "制裁の効果は明らかだ",
        "ハルトマン",
    ),
    # a desk: 報道担当, 広報担当
    (
        "ベルガー首相は14日、部隊の撤収で合意したと発表した。\n"
        "一方、武装勢力のエメカ・オコンクォ報道担当はSNSで、期限を過ぎれば合意違反だと反発。"
        "「責任は約束を守らなかった側が負う」と警告した。\n",
        "責任は約束を守らなかった側が負う",
        "オコンクォ",
    ),
    (
        "ベルガー首相は「交渉は続ける」と述べた。\n同社のドラモンド広報担当は「詳細は答えられない」と話した。\n",
        "詳細は答えられない",
        "ドラモンド",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), POSTS)
def test_a_post_no_list_holds_after_a_name_is_the_person(
    text: str, words: str, speaker: str, people: ActorIndex
) -> None:
    assert _speaker(text, words, people) == speaker


def test_a_desk_or_an_assistant_alone_is_no_name(people: ActorIndex) -> None:
    # 補 and 担当 are read after a person's name only: a bare desk is no one the registry holds
    text = "ベルガー首相は「交渉は続ける」と述べた。\n報道担当は「詳細は答えられない」と話した。\n"
    assert _speaker(text, "詳細は答えられない", people) not in ("ハルトマン", "ドラモンド", "オコンクォ")
    # a post that ends in 補 after something that is no office is not read as one (候補: a candidate)
    from bot.extract.attribution_ja import post_of_office

    assert post_of_office("国務次官補") and post_of_office("報道担当") and not post_of_office("候補")


def test_the_company_is_a_body_the_index_holds_though_written_as_a_name(people: ActorIndex) -> None:
    # "Kestrel Dynamics" is a body the index holds, read by its letters as a person's name; "Hollis Marsh" a person
    text = (
        "Kestrel Dynamics said it would cooperate with regulators. "
        '"We have nothing to hide," the company said. '
        "Hollis Marsh, an analyst, said the fine was small. "
        '"We will appeal the ruling," the company said.'
    )
    assert _speaker(text, "We have nothing to hide", people) == "Kestrel Dynamics"
    assert _speaker(text, "We will appeal the ruling", people) == "Kestrel Dynamics"


def test_he_is_never_a_body_the_index_holds(people: ActorIndex) -> None:
    text = (
        "Ingrid Halvorsen, the chief executive, defended the merger on Monday. "
        "Kestrel Dynamics said the deal would close in May. "
        '"We are not slowing down," she said.'
    )
    assert _speaker(text, "We are not slowing down", people) == "Halvorsen"


def test_he_is_never_a_place_that_acted(people: ActorIndex) -> None:
    # a sentence led by a place ("Paris agreed …") sets who "it" is, never "he"
    text = (
        "Asked when the clinics would reopen, Hollis Marsh said that depended on donors. "
        "Paris agreed last week to send 2 million doses. "
        '"We will reopen as soon as the doses arrive," he said.'
    )
    assert _speaker(text, "We will reopen as soon as the doses arrive", people) == "Hollis Marsh"


def test_a_sentence_led_by_a_title_sets_who_he_is(people: ActorIndex) -> None:
    # the person named before with that title, past a nearer person of another post
    text = (
        "Prime Minister Hollis Marsh met the cabinet on Saturday. "
        "Ingrid Halvorsen, the new finance minister, will set out the budget in July. "
        "The prime minister was careful not to promise quick results. "
        '"Nothing can be fixed overnight," he said.'
    )
    assert _speaker(text, "Nothing can be fixed overnight", people) == "Hollis Marsh"


# (text, the quoted words, their speaker): a subject, then a relative clause whose " and " joins its own verbs
RELATED = [
    (
        "Marsh's daughter Clara, who lives in Lisbon and faces charges of her own in the High Court, rejected the "
        'offer. "Either it is a full pardon or it is nothing," she told supporters.',
        "Either it is a full pardon or it is nothing",
        "Clara",
    ),
    (
        "Kestrel Dynamics, which makes the only turbine approved in Norway and the European Union, said it would "
        'double output. "We can deliver by March," the company said.',
        "We can deliver by March",
        "Kestrel Dynamics",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), RELATED)
def test_a_relative_clause_after_the_subject_is_no_clause_boundary(
    text: str, words: str, speaker: str, people: ActorIndex
) -> None:
    assert _speaker(text, words, people) == speaker


# (text, the quoted words, their speaker): a が inside what a sentence is about is never the speaker carried on
TOPIC_GA = [
    (
        "ベルガー長官は6日の会見で「極めて遺憾だ」と述べた。"
        "元職員が不正を訴える3件については、県から報告を受けていると説明。"
        "訴えの当否は「調べの中で確かめていく」と述べるにとどめた。\n",
        "調べの中で確かめていく",
        "ベルガー",
    ),
    (
        "遺族の男性は28日、「ほっとした」と話した。被告が法廷で述べた謝罪については、納得していないと強調。"
        "「あれは謝罪ではない」と突き放した。\n",
        "あれは謝罪ではない",
        "遺族の男性",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), TOPIC_GA)
def test_a_subject_inside_the_topic_is_not_carried(text: str, words: str, speaker: str, people: ActorIndex) -> None:
    assert _speaker(text, words, people) == speaker


def test_a_subject_set_off_by_a_comma_before_the_topic_is_still_the_speaker(people: ActorIndex) -> None:
    text = "ベルガー長官が14日の会見で、増税について「時期は決めていない」と述べた。\n"
    assert _speaker(text, "時期は決めていない", people) == "ベルガー"


def test_a_surname_that_is_a_place_is_still_he(people: ActorIndex) -> None:
    # Nagasaki is a city and a surname: named in full before, it is the person "he" is
    text = (
        "Governor Kotaro Nagasaki visited the site with the mayor. "
        "Nagasaki welcomed the news on Wednesday. "
        '"It is only one step along the way," he said.'
    )
    assert _speaker(text, "It is only one step along the way", people) in ("Nagasaki", "Kotaro Nagasaki")

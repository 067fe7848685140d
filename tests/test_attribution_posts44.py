"""Who a speaker is, forty-fourth round (issue 11 item 4): a post after the name that no title list holds, a が inside
what a sentence is about, and what the index knows of a subject that its letters do not tell.

Japanese: a person named with an assistant's post (国務次官補, 高等弁務官補: an office, then 補) or a desk (報道担当,
広報担当) is that person, and the next sentence that carries the speaker on (「…と反発。「…」と警告した」) is theirs, not
the speaker of the paragraph before; a が inside the topic of a sentence (「元職員が訴える3件については、…と説明。」) is
never the speaker carried on. English: a body the index holds is what "the company" points back at and never "he"; a
place that acted is never "he" unless a person the text named in full bears its name; a sentence led by a title
alone ("The prime minister was …") is that person's; a relative clause after the subject is no clause boundary.
Sentences written for this test.
"""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.attribution import attribute
from bot.extract.attribution_ja import post_of_office


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


# (text, the quoted words, their speaker): each a reading of this round
SPEAKERS = [
    # an assistant to an office (the office, then 補); the next sentence carries the speaker on past a noun stop
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
    # a が inside what a sentence is about is never the speaker carried on
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
    # …but a が set off by a comma before the topic is the sentence's speaker
    ("ベルガー長官が14日の会見で、増税について「時期は決めていない」と述べた。\n", "時期は決めていない", "ベルガー"),
    # a body the index holds, read by its letters as a person's name, is what "the company" points back at
    (
        "Kestrel Dynamics said it would cooperate with regulators. "
        "Hollis Marsh, an analyst, said the fine was small. "
        '"We will appeal the ruling," the company said.',
        "We will appeal the ruling",
        "Kestrel Dynamics",
    ),
    # …and never "she"
    (
        "Ingrid Halvorsen, the chief executive, defended the merger on Monday. "
        "Kestrel Dynamics said the deal would close in May. "
        '"We are not slowing down," she said.',
        "We are not slowing down",
        "Halvorsen",
    ),
    # a sentence led by a place ("Paris agreed …") sets who "it" is, never "he"
    (
        "Asked when the clinics would reopen, Hollis Marsh said that depended on donors. "
        "Paris agreed last week to send 2 million doses. "
        '"We will reopen as soon as the doses arrive," he said.',
        "We will reopen as soon as the doses arrive",
        "Hollis Marsh",
    ),
    # …unless the place is the surname of a person the text named in full (Nagasaki)
    (
        "Governor Kotaro Nagasaki visited the site with the mayor. Nagasaki welcomed the news on Wednesday. "
        '"It is only one step along the way," he said.',
        "It is only one step along the way",
        "Kotaro Nagasaki",
    ),
    # a sentence led by a title alone: the person named before with that title, past a nearer one of another post
    (
        "Prime Minister Hollis Marsh met the cabinet on Saturday. "
        "Ingrid Halvorsen, the new finance minister, will set out the budget in July. "
        "The prime minister was careful not to promise quick results. "
        '"Nothing can be fixed overnight," he said.',
        "Nothing can be fixed overnight",
        "Hollis Marsh",
    ),
    # a relative clause after the subject: its " and " joins the clause's own verbs
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


@pytest.mark.parametrize(("text", "words", "speaker"), SPEAKERS)
def test_speaker(text: str, words: str, speaker: str, people: ActorIndex) -> None:
    assert _speaker(text, words, people) == speaker


def test_a_desk_or_an_assistant_is_read_after_a_name_only() -> None:
    # 補 after no office (候補: a candidate) is no post
    assert post_of_office("国務次官補") and post_of_office("報道担当") and not post_of_office("候補")

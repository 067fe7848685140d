"""Attribution, twenty-first round: who "he" or "she" is after a sentence that opens with a fronted clause or
participle ("When X suggested …, Y demurred. '…,' she said": Y, not X), and the speaker of a speech participle
after a main clause whose verb is no speech verb ("Thailand's foreign ministry summoned the ambassador, saying …").
The Japanese forms of both constructions (「Xが…と示唆したのに対し、Yは難色を示した。「…」と述べた」, 「外務省は大使を
呼び出し、…と抗議した」) were read already and are kept here beside the English ones. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from bot.extract.attribution_en import main_clause

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "Anna Berg", None, "person", ["Berg"], None),
        ActorEntry(-2, "Tom Reyes", None, "person", ["Reyes"], None),
        ActorEntry(-3, "外務省", "Foreign Ministry", "body", ["Foreign Ministry"], None),
        ActorEntry(-4, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-5, "川口", None, "person", ["川口次郎"], None),
    ]
)


def _said(text: str, said: str) -> str | None:
    at = text.index(said)
    return attribute(text, at, at + len(said), ACTORS, context=text)


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            'When Tom Reyes suggested on Monday that the alliance "might have to step in," Prime Minister Anna Berg '
            'demurred. "We will not drag the alliance into this," she said.',
            "We will not drag",
            "Anna Berg",
        ),
        (
            "Standing alongside Prime Minister Tom Reyes last week, Berg sent a pointed message to the capital. "
            '"We are not for sale," she said.',
            "We are not for sale",
            "Anna Berg",
        ),
        (
            'After Tom Reyes left the room, Anna Berg was more blunt. "This is unacceptable," she said.',
            "This is",
            "Anna Berg",
        ),
        (
            'Asked whether Tom Reyes would resign, Anna Berg shook her head. "No, never," she said.',
            "No, never",
            "Anna Berg",
        ),
        # Japanese: the subordinate clause's subject was never the one who goes on speaking
        (
            "川口次郎知事が同盟の関与を示唆したのに対し、山川一郎首相は難色を示した。そのうえで「同盟を巻き込むつもりはない」と述べた。",
            "同盟を巻き込む",
            "山川",
        ),
        (
            "川口次郎知事が退席した後、山川一郎首相は語気を強めた。「到底受け入れられない」と述べた。",
            "到底受け入れ",
            "山川",
        ),
    ],
)
def test_the_main_clause_subject_after_a_fronted_clause_goes_on_speaking(text: str, said: str, speaker: str) -> None:
    assert _said(text, said) == speaker


def test_a_quote_inside_the_fronted_clause_stays_its_speakers() -> None:
    text = 'When Tom Reyes suggested that the alliance "might have to step in," Anna Berg demurred.'
    assert _said(text, "might have") == "Tom Reyes"


def test_a_speech_verb_of_the_main_clause_outranks_one_in_the_fronted_clause() -> None:
    assert (
        _said('Asked about what Tom Reyes said, Anna Berg told reporters "we disagree."', "we disagree") == "Anna Berg"
    )


def test_a_sentence_with_no_fronted_part_is_kept_whole() -> None:
    for s in ("Anna Berg met Tom Reyes, who said nothing.", "The talks, which began Monday, ended."):
        assert main_clause(s) == s


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            "Thailand's foreign ministry summoned the ambassador on Thursday to lodge a protest, saying the leak was "
            '"unacceptable" and a breach of courtesy.',
            "unacceptable",
            "Thailand's foreign ministry",
        ),
        (
            "Tom Reyes spoke first. Anna Berg also lashed out at the interim government, saying it had come to power "
            "not through the constitution.",
            "not through",
            "Anna Berg",
        ),
        (
            "Tom Reyes spoke first. The Foreign Ministry summoned the ambassador, urging Tokyo to reflect on its words.",
            "reflect on",
            "外務省",
        ),
        # Japanese: the act the subject does, then what it says (連用形 and と抗議した)
        (
            "川口次郎知事は会見した。外務省は大使を呼び出し、「流出は容認できない」と抗議した。",
            "流出は容認できない",
            "外務省",
        ),
    ],
)
def test_a_speech_participle_after_the_main_clause_is_its_subjects(text: str, said: str, speaker: str) -> None:
    assert _said(text, said) == speaker


def test_a_participle_that_says_nothing_names_no_speaker() -> None:
    assert _said("Tom Reyes spoke. Shares fell sharply, adding to losses of the week.", "losses") is None


def test_a_second_quote_joined_by_and_is_the_subjects() -> None:
    text = (
        'According to Anna Berg, Tom Reyes replied, "Let me take this back." Berg said she believed "his thinking is '
        'close to ours" and added, "We should reach a conclusion soon."'
    )
    assert _said(text, "Let me take") == "Tom Reyes"  # "According to X," opens the sentence: Reyes replied
    assert _said(text, "We should reach") == "Anna Berg"


def test_the_main_clause_may_open_with_a_description() -> None:
    text = (
        "Meeting the ministers two days after her election, the new prime minister said her predecessor, Prime "
        'Minister Tom Reyes, had "laid the groundwork." She also asked them to renew their "complete commitment" '
        "to the plan."
    )
    assert main_clause(text.split(". ")[0]).lstrip().startswith("the new prime minister said")
    assert _said(text, "complete commitment") != "Tom Reyes"

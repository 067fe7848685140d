"""Attribution, seventeenth round: a が subject inside a deed made a noun that the quote answers (「Xが欠席したことには
「…」と批判した」, 「Yが…を決めたことを受け、「…」と述べた」) is not the speaker; the speaker is carried from before,
for /quote's speaker and /stance's clauses alike. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-2, "北海鉄道", None, "body", [], None),
        ActorEntry(-3, "川村", None, "person", ["川村花子"], None),
    ]
)

CASES = [
    (
        "山川一郎代表は記者会見を開いた。川村氏が説明会を欠席したことには「住民に向き合っていない」と批判した。",
        "住民に向き合っていない",
    ),
    (
        "山川一郎代表は記者会見を開いた。北海鉄道が路線の廃止を決めたことを受け、「地域の足が失われる」と述べた。",
        "地域の足が失われる",
    ),
    (
        "山川一郎代表は記者会見を開いた。北海鉄道が運賃を上げたことに対し、「到底受け入れられない」と反発した。",
        "到底受け入れられない",
    ),
]


@pytest.mark.parametrize(("text", "said"), CASES)
def test_quote_a_deed_made_a_noun_is_not_the_speakers(text: str, said: str) -> None:
    at = text.index(said)
    assert attribute(text, at, at + len(said), ACTORS, context=text) == "山川"


@pytest.mark.parametrize(("text", "said"), CASES)
def test_stance_a_deed_made_a_noun_is_not_the_speakers(text: str, said: str) -> None:
    found = clause_texts(ACTORS, text)
    assert any(said in t for t in found.get(-1, []))


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("山川一郎代表は会見した。川村氏が「辞任する」と述べた。", "辞任する", "川村"),  # a subject of its own
        (
            "山川一郎代表は会見した。川村氏は欠席したことに「遺憾だ」と述べた。",
            "遺憾だ",
            "川村",
        ),  # は: the topic speaks
    ],
)
def test_a_subject_of_the_sentences_own_still_speaks(text: str, said: str, speaker: str) -> None:
    at = text.index(said)
    assert attribute(text, at, at + len(said), ACTORS, context=text) == speaker


BODIES = ActorIndex(
    [
        ActorEntry(-1, "緑の党", None, "body", [], None),
        ActorEntry(-2, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-3, "北国", None, "state", [], None),
    ]
)


@pytest.mark.parametrize(
    "text",
    [
        "緑の党の川上次郎書記局長は記者会見で「企業献金を禁止しない限り、同じことが繰り返される」と述べた。",
        "緑の党の森下委員長は「協定には反対だ」と強調した。",
    ],
)
def test_a_bodys_officer_named_by_a_name_no_actor_holds_speaks_for_it(text: str) -> None:
    said = text[text.index("「") + 1 : text.index("」")]
    assert any(said in t for t in clause_texts(BODIES, text).get(-1, []))


def test_a_states_minister_named_so_is_not_every_word_the_states() -> None:
    assert -3 not in clause_texts(BODIES, "北国の川上次郎外相は「協定には反対だ」と述べた。")


def test_a_known_officer_keeps_the_clause_too() -> None:
    found = clause_texts(BODIES, "緑の党の山川一郎代表は「協定には反対だ」と述べた。")
    assert -1 in found and -2 in found

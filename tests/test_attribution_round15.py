"""Whose clause it is when a sentence names a second subject inside what its speaker says (issue 11, fifteenth
round; sentences written for these tests, none from a corpus): news text puts the speaker first as the topic and
what they speak of after it (「Xは25日の記者会見で、Yは「…」と批判した」, 「Xは同日、Zが…やめるならYも…すると表明
した」); the later subject is what X speaks of, not a second speaker."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-2, "北海鉄道", None, "body", [], None),
        ActorEntry(-3, "ロシア", None, "state", [], None),
        ActorEntry(-4, "緑の党", None, "body", [], None),
        ActorEntry(-5, "川村", None, "person", ["川村花子"], None),
    ]
)


def test_a_subject_after_the_speakers_topic_and_adverbials_is_what_the_speaker_speaks_of() -> None:
    found = clause_texts(ACTORS, "山川一郎代表は25日の記者会見で、北海鉄道は「運賃の値上げを撤回すべきだ」と批判した。")
    assert any("運賃の値上げを撤回すべき" in t for t in found.get(-1, []))
    assert not any("運賃" in t for t in found.get(-2, []))


def test_a_subject_inside_a_reported_condition_is_the_speakers() -> None:
    found = clause_texts(
        ACTORS, "山川一郎代表は同日、北海鉄道が路線を廃止するなら緑の党も新しい協定に反対すると交流サイトで表明した。"
    )
    assert any("新しい協定に反対する" in t for t in found.get(-1, []))
    assert not any("協定" in t for t in found.get(-4, []))


def test_a_person_named_inside_what_the_speaker_says() -> None:
    found = clause_texts(ACTORS, "山川一郎代表は、川村氏は「経営の経験が乏しい」と指摘した。")
    assert any("経営の経験が乏しい" in t for t in found.get(-1, []))
    assert not any("経営" in t for t in found.get(-5, []))


def test_two_speakers_each_with_a_predicate_keep_their_own_clauses() -> None:
    # the speaker's own verb (会談し) ends their clause: what follows is another subject's
    found = clause_texts(ACTORS, "山川一郎代表は北海鉄道の幹部と会談し、緑の党は「協定には反対する」と述べた。")
    assert any("協定には反対する" in t for t in found.get(-4, []))
    assert not any("協定には反対" in t for t in found.get(-1, []))


def test_a_body_and_then_its_head_are_two_speakers() -> None:
    # a body as the topic, a person after it: the head speaks too (「北海鉄道は同日、川村社長も…」), not of the body
    found = clause_texts(ACTORS, "北海鉄道は同日、川村花子社長も「運賃の値上げは避けられない」と述べた。")
    assert any("値上げは避けられない" in t for t in found.get(-5, []))


def test_a_condition_s_subject_does_not_take_the_carried_speaker_s_words() -> None:
    found = clause_texts(
        ACTORS,
        "山川一郎代表は「協定には反対だ」と述べた。北海鉄道が路線を廃止すれば「地域の足が失われる」と警告した。",
    )
    assert any("地域の足が失われる" in t for t in found.get(-1, []))


def test_the_subject_of_a_clause_qualifying_a_noun_is_not_the_speaker() -> None:
    found = clause_texts(
        ACTORS,
        "山川一郎代表は記者団の質問に答えた。北海鉄道が示した運賃の値上げについては「到底受け入れられない」と批判した。",
    )
    assert any("到底受け入れられない" in t for t in found.get(-1, []))


def test_a_body_s_own_policy_after_a_person_s_words_stays_the_body_s() -> None:
    # 「Xが…する方針を示した」: the clause before 方針 is the subject's own stance, not a qualifier of what was said
    found = clause_texts(ACTORS, "山川一郎代表は「協定には反対だ」と述べた。北海鉄道が運賃を値上げする方針を示した。")
    assert not any("値上げする方針" in t for t in found.get(-1, []))
    assert any("値上げする方針" in t for t in found.get(-2, []))


def test_a_bodys_spokesperson_speaks_for_it_named_or_not() -> None:
    # 「<body>の<name>報道官は」: a name no rule reads, the body's spokesperson all the same
    found = clause_texts(ACTORS, "北海鉄道の田中次郎報道官は3日、「運賃の値上げは避けられない」と述べた。")
    assert any("値上げは避けられない" in t for t in found.get(-2, []))
    found = clause_texts(ACTORS, "北海鉄道の報道局長は3日、「運賃の値上げは避けられない」と述べた。")
    assert any("値上げは避けられない" in t for t in found.get(-2, []))
    found = clause_texts(ACTORS, "ロシアの田中次郎報道官は3日、「制裁は効かない」と述べた。")  # a state's: not every word
    assert -3 not in found


EN = ActorIndex([ActorEntry(-1, "Marsh", None, "person", ["Ellen Marsh"], "Ellen Marsh")])


def _speaker_of(text: str, fragment: str) -> str | None:
    at = text.index(fragment)
    return attribute(text, at, at + len(fragment), EN, context=text)


def test_a_wire_dateline_is_never_the_speaker() -> None:
    text = "TOKYO, Aug 14 (Reuters) - Prime Minister Ellen Marsh said on Wednesday she would not seek another term."
    assert _speaker_of(text, "not seek another term") == "Marsh"
    text = "OSLO/BERLIN, Jan 16 (Reuters) - Ellen Marsh said on Thursday that the talks had failed."
    assert _speaker_of(text, "the talks had failed") == "Marsh"


def test_a_persons_office_speaks_for_them_and_its_statement_goes_on() -> None:
    lead = "OSLO/BERLIN, Jan 16 (Reuters) - Prime Minister Ellen Marsh's office said on Thursday that the union had gone back on the deal."
    assert _speaker_of(lead, "gone back on the deal") == "Marsh"
    passages = [
        lead,
        '"The union is walking back several points," the office said in a statement.',
        "The cabinet will not meet unless the union accepts every term, the statement added.",
    ]
    found = clause_texts(EN, *passages)
    assert any("walking back several points" in t for t in found.get(-1, []))
    assert any("will not meet unless" in t for t in found.get(-1, []))


JA = ActorIndex([ActorEntry(-1, "山川", None, "person", ["山川一郎"], None), ActorEntry(-5, "川村", None, "person", [], None)])


def test_quote_the_speaker_is_the_first_topic_not_the_one_spoken_of() -> None:
    text = "山川一郎代表は、川村氏は「経営の経験が乏しい」と指摘した。"
    at = text.index("経営")
    assert attribute(text, at, at + 4, JA, context=text) == "山川"
    # a predicate of the first topic's own ends its clause: the quote is the later subject's
    text = "山川一郎代表は川村氏と会談し、川村氏は「経営の経験が乏しい」と述べた。"
    at = text.index("経営")
    assert attribute(text, at, at + 4, JA, context=text) == "川村"

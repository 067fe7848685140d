"""Who a speaker is, forty-fifth round (issue 11 item 4, a statement stored with no speaker): a name with its role side
by side, the role's modifier between them.

Japanese: a title with a modifier of its own after a name (「ソルベルグ新代表」 new, 「村井前代表」 former, 「ハドリー影の内相」
an opposition's shadow minister) and a candidate by name (「ペトレスク候補」) are that person, not an unnamed role, so the
quote is theirs and the speaker is discovered as an actor; a role with no name before it (「対立候補」, 「首相候補」)
stays no one; the shadow minister's whole sentence is their statement, not only its quote (「…と批判し、…と明言した」).
English: the same speakers written in English ("shadow home secretary Dana Whitcombe said") keep their reading.
Sentences written for this test.
"""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute, speaker_actors
from bot.extract.attribution_ja import classify
from bot.extract.roles import title_suffix
from tests.test_attribution_chain32 import document_claims

EMPTY = ActorIndex([])


def _speaker(text: str, words: str, actors: ActorIndex = EMPTY) -> str | None:
    at = text.index(words)
    return attribute(text, at, at + len(words), actors, context=text)


@pytest.mark.parametrize(
    ("phrase", "name", "title"),
    [
        ("ソルベルグ新代表", "ソルベルグ", "新代表"),
        ("村井前代表", "村井", "前代表"),
        ("ハドリー影の内相", "ハドリー", "影の内相"),
        ("野党・労働党のハドリー影の財務相", "ハドリー", "影の財務相"),
        ("ペトレスク候補", "ペトレスク", "候補"),
    ],
)
def test_a_title_with_its_modifier_after_a_name_is_that_person(phrase: str, name: str, title: str) -> None:
    ref = classify(phrase, EMPTY)
    assert ref is not None and ref.kind == "person"
    assert (ref.display, ref.title) == (name, title)


@pytest.mark.parametrize("phrase", ["対立候補", "首相候補", "与党統一候補", "影の内閣"])
def test_a_role_with_no_name_before_it_names_no_one(phrase: str) -> None:
    ref = classify(phrase, EMPTY)
    assert ref is None or ref.kind != "person"


def test_a_one_kanji_before_a_modified_title_is_left_alone() -> None:
    # 「林新大臣」: a one-kanji surname before 新 is not read off the dictionary's word
    assert title_suffix("林新大臣") is None or title_suffix("林新大臣")[0] != "林"


def test_the_quote_of_a_shadow_minister_and_of_a_candidate_is_theirs() -> None:
    text = (
        "野党は反発した。労働党のハドリー影の内相は「税金の無駄遣いだ」と批判し、政権を取れば撤回すると明言した。"
        "一方、決選投票を目指していたペトレスク候補も「裁判所の判断は違法だ」と訴えた。"
        "新たに就任したソルベルグ新代表は「対話の扉は開いている」と語った。"
    )
    assert _speaker(text, "税金の無駄遣い") == "ハドリー"
    assert _speaker(text, "裁判所の判断") == "ペトレスク"
    assert _speaker(text, "対話の扉") == "ソルベルグ"
    assert {a.name for a in speaker_actors([text], EMPTY)} >= {"ハドリー", "ペトレスク", "ソルベルグ"}


def test_an_english_shadow_minister_keeps_the_name() -> None:
    text = 'Shadow home secretary Dana Whitcombe said the plan was "a costly gimmick" and vowed to scrap it.'
    assert _speaker(text, "a costly gimmick") == "Dana Whitcombe"


SPEAKERS = ActorIndex([ActorEntry(1, "ハドリー", "Maya Hadley", "person", [])])


@pytest.mark.parametrize("title", ["影の内相", "影の安全保障担当相", "内相"])
def test_a_shadow_ministers_whole_sentence_is_their_statement(title: str) -> None:
    # the promise after the quote is the minister's too, not only the quote's words
    text = f"労働党のハドリー{title}は「税金の無駄遣いだ」と批判し、政権を取れば計画を撤回すると明言した。"
    got = document_claims(text, SPEAKERS)
    assert any(name == "ハドリー" and "計画を撤回すると明言" in said for name, said in got)


def test_a_shadow_minister_in_english_is_the_speaker_of_the_sentence() -> None:
    actors = ActorIndex([ActorEntry(1, "Hadley", "Maya Hadley", "person", ["Maya Hadley"])])
    text = "Shadow home secretary Maya Hadley said Labour would scrap the plan if it won power."
    got = document_claims(text, actors)
    assert any(name == "Hadley" and "scrap the plan" in said for name, said in got)

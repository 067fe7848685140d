"""English: where the words were said, set before the subject (`In a statement, it said …`, `In a letter to
employees, the company said …`), is no part of the subject: the pronoun or the body's kind after it is read as at a
sentence's opening, lower case (`stance_en._FRONTED_RX`, its statement forms)."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "Nippon Steel", None, "company", [], None),
        ActorEntry(-2, "Trump", None, "person", ["Donald Trump", "President Donald Trump"], None),
    ]
)


def _holders(text: str, words: str) -> set[int]:
    return {a for a, found in clause_texts(ACTORS, text).items() if any(words in t for t in found)}


def test_it_after_in_a_statement_is_the_body_before() -> None:
    text = "Nippon Steel welcomed the order on Friday. In a statement, it said it would keep investing in U.S. plants."
    assert _holders(text, "keep investing") == {-1}


def test_the_company_after_in_a_letter_is_the_company_not_the_person_named_last() -> None:
    text = (
        "Nippon Steel welcomed the order on Friday, which President Donald Trump signed. "
        "In a letter to employees on Sunday, the company said it would keep investing in U.S. plants."
    )
    assert _holders(text, "keep investing") == {-1}


PUTIN = ActorIndex([ActorEntry(-3, "Putin", None, "person", ["Vladimir Putin", "President Vladimir Putin"], None)])


def test_he_is_not_the_registered_person_when_quote_names_one_the_index_lacks() -> None:
    """`he` after a sentence about someone the index lacks: /quote's speaker rules name that person, so the pronoun is
    not read as the last registered person named (`stance_en._names_unregistered`)."""
    text = (
        "President Vladimir Putin granted the family asylum on Sunday. "
        "Bashar Assad told Russian television on Monday that he had not fled. "
        "He said his departure was not planned."
    )
    found = clause_texts(PUTIN, text)
    assert not any("not planned" in t for t in found.get(-3, []))


def test_he_is_still_the_person_named_when_quote_names_no_one_else() -> None:
    text = "President Vladimir Putin spoke on Sunday. He said the talks had gone well."
    assert any("gone well" in t for t in clause_texts(PUTIN, text).get(-3, []))

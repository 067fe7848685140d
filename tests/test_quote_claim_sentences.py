"""A quote in the other language read clause by clause as it is written (bot/services/quote_claim.py, forty-ninth
round): an English full stop ends a clause as 。 does, so a negation stays with the sentence it negates; ない spelled
inside a word (損なう, 揺るぎない) is no negation; a request keeps its forms after an adverb or an addressee and in a
form that goes on asking, and is read in the sentences that say the query, not a quotation's other sentence. The
changed claims stay refused. Lines of our own."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.services.quote_claim import (
    clauses,
    in_word_negations_out,
    negations,
    polarity_clash,
    refusal,
    request,
    saying_sentences,
    subject_heads,
)
from bot.services.quote_lang import concepts, holds
from bot.text import analyze, normalize


def _found(query: str) -> list:
    return concepts(query, ActorIndex([]))


def test_an_english_sentence_is_a_clause_of_its_own() -> None:
    assert clauses("The bridge must not reopen. It is a danger that should be removed today.") == [
        "The bridge must not reopen",
        "It is a danger that should be removed today.",
    ]
    # a decimal point and an initial end no sentence
    assert clauses("The U.S. paid 3.5 billion dollars") == ["The U.S. paid 3.5 billion dollars"]


def test_a_negation_stays_with_its_sentence() -> None:
    query = "The museum should not close. It is a treasure that the city must protect"
    segment = "博物館は閉館すべきではない。市が守らなければならない宝だ"
    found = _found(query)
    assert polarity_clash(query, segment, found, False) == 0
    # the claim turned in the second sentence still clashes
    turned = "The museum should close. It is not a treasure that the city must protect"
    assert polarity_clash(turned, segment, _found(turned), False) >= 1


def test_nai_spelled_inside_a_word_is_no_negation() -> None:
    assert in_word_negations_out("市民の信頼を損ない、揺るぎなく進める") == "市民の信頼を・・・、・・・・・進める"
    assert negations("市民の信頼を損ない", True) == 0
    assert negations("揺るぎなく支援する", True) == 0
    for said_no in ("会わせてもらえない", "問題はない", "正しくない", "誰も知らない"):
        assert negations(said_no, True) == 1, said_no


def test_a_request_read_after_an_adverb_or_an_addressee_and_going_on() -> None:
    for asked in (
        "工事を中止するよう、引き続き強く求めていく",
        "協議に応じるよう県に求め続ける",
        "運行を止めるよう強く求める",
        "早期の再開を、改めて求めていく",
        "回答を控えることはご理解いただきたい",
    ):
        assert request(asked, True), asked
    assert not request("そのように考えている", True)
    assert not request("工事は中止すると決めた", True)


def test_a_request_is_read_in_the_sentences_that_say_the_query() -> None:
    query = "I am glad that such a fair decision was made"
    found = _found(query)
    segment = "公正な決定が出て、うれしく思う。市は一日も早く条例を改めてほしい"
    said = saying_sentences(segment, found, lambda c, s: holds(c, normalize(s), frozenset(analyze(s).forms)))
    assert said == "公正な決定が出て、うれしく思う。"
    assert refusal(query, found, segment, segment, False) != "request"


def test_an_indefinite_pronoun_opening_a_sentence_is_no_subject() -> None:
    query = "The city has closed the park. Everyone should stay calm"
    heads = [c.word for c in subject_heads(query, _found(query), False)]
    assert "Everyone" not in heads

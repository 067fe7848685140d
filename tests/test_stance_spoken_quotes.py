"""A spoken quote (「…」と述べ、…) takes its speaker from the attribution /quote uses, and what follows it up to the
next subject is that speaker's too (`stance._spoken_quotes`)."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "トランプ", None, "person", ["トランプ氏", "トランプ大統領"], None),
        ActorEntry(-2, "カーニー", None, "person", ["カーニー氏", "カーニー首相"], None),
    ]
)


def test_what_follows_a_ga_subjects_quote_is_the_speakers() -> None:
    found = clause_texts(
        ACTORS,
        "関税を巡っては、記者に問われたトランプ氏が「何もない。そういうものだ」と述べ、見直しに応じない姿勢を鮮明にした。",
    )
    assert any("応じない姿勢" in t for t in found.get(-1, []))


def test_the_rest_of_the_sentence_stays_with_the_quotes_speaker_only() -> None:
    found = clause_texts(
        ACTORS,
        "カーニー首相が「カナダは売り物ではない」と強調し、併合論をけん制した。トランプ氏は関税を維持する考えを示した。",
    )
    assert any("けん制" in t for t in found.get(-2, []))
    assert not any("けん制" in t for t in found.get(-1, []))

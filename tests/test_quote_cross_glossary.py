"""An English word said in Japanese beyond its own glosses (bot/services/quote_lang.py `_japanese_of`): a word whose
glosses are idioms reaches its plain sense through its derivation (fair → fairness → 公平), a compound only a gloss
phrase names comes after a word's own glosses, a word no marked word glosses reads the unmarked nouns (creditor →
債権者) as a loose concept, which counts where a passage says it and is not missed where it does not
(quote_cross.share, quote_claim.refusal). Sentences of our own, in the shape news quotes take."""

from __future__ import annotations

from bot.services import quote_claim, quote_cross
from bot.services.quote_english import english_keys
from bot.services.quote_lang import (
    Concept,
    _by_ending,
    _japanese_of,
    _related,
    english_concepts,
    english_marks,
    holds,
    japanese_concepts,
)
from bot.text import analyze


def _concept(query: str, word: str, actors) -> Concept:  # type: ignore[no-untyped-def]
    return {c.word: c for c in english_concepts(query, actors)}[word]


def test_an_adjective_and_its_noun_are_one_word_by_their_endings() -> None:
    assert "fairness" in _related("fair") and "fair" in _related("fairness")
    assert "stability" in _related("stable") and "stable" in _related("stability")
    assert "independence" in _related("independent")
    assert "participation" in _related("participate")  # WordNet's noun of the verb
    assert "participate" in _related("participation")  # … and the verb of the noun
    assert _by_ending("current") == []  # currency: no adjective's noun by the endings read


def test_a_word_whose_glosses_are_idioms_reaches_its_plain_sense(actors) -> None:  # type: ignore[no-untyped-def]
    fair = _concept("We want a fair deal for the workers", "fair", actors)
    said = "公平な取引を求める"
    assert holds(fair, said, frozenset(analyze(said).forms))  # 公平 glosses "fairness" first
    participate = _concept("Every country will participate in the talks", "participate", actors)
    assert holds(participate, "全ての国が協議に参加する", frozenset())


def test_a_phrase_s_compound_comes_after_the_word_s_own_glosses() -> None:
    japanese, _ = _japanese_of(english_keys("fair"))
    assert japanese.index("公平") < japanese.index("公正取引")  # "fair trade" is the phrase's, not the word's


def test_a_word_no_marked_word_glosses_reads_the_unmarked_nouns_as_a_loose_concept(actors) -> None:  # type: ignore[no-untyped-def]
    creditor = _concept("All creditor countries must take part", "creditor", actors)
    assert creditor.kind == "loose"
    assert holds(creditor, "全ての債権国が参加する", frozenset())
    assert _concept("All creditor countries must take part", "countries", actors).kind == "word"


def test_a_loose_concept_counts_where_said_and_is_not_missed_where_not() -> None:
    words = [
        Concept("track", ("探す",), frozenset({"探し"}), "word"),
        Concept("foundation", ("根幹",), frozenset({"根幹"}), "word"),
        Concept("system", ("制度",), frozenset({"制度"}), "word"),
        Concept("whistleblower", ("内部告発者",), frozenset({"内部告発者"}), "loose"),
    ]
    weight = [1.0, 1.0, 1.0, 1.0]
    assert quote_cross.share(words, weight, "通報者を探し出す行為は制度の根幹を揺るがす", frozenset()) == (1.0, 3)
    assert quote_cross.share(words, weight, "内部告発者を探し出す行為は制度の根幹を揺るがす", frozenset()) == (1.0, 4)
    as_word = [*words[:3], Concept("whistleblower", ("内部告発者",), frozenset({"内部告発者"}), "word")]
    assert quote_cross.share(as_word, weight, "通報者を探し出す行為は制度の根幹を揺るがす", frozenset())[0] == 0.75
    passage = "委員長は「通報者を探し出す行為は制度の根幹を揺るがす」と述べた。"
    query = "Tracking down the whistleblower shakes the foundation of the system"
    segment = "通報者を探し出す行為は制度の根幹を揺るがす"
    others = [Concept(w, (ja,), frozenset({ja}), "word") for w, ja in (("shakes", "揺さぶ"), ("x", "甲"), ("y", "乙"))]
    assert quote_claim.refusal(query, [*words, *others], segment, passage, False) != "words"  # 3 of the 6 counted
    assert quote_claim.refusal(query, [*as_word, *others], segment, passage, False) == "words"  # 3 of 7


def test_a_japanese_word_s_english_gloss_finds_its_adjective(actors) -> None:  # type: ignore[no-untyped-def]
    fair = {c.word: c for c in japanese_concepts("公平な債務再編が重要だ", actors)}["公平"]
    assert holds(fair, "", english_marks("a fair debt restructuring"))  # 公平 glosses "fairness"

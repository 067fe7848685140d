"""/stance --about across languages, twenty-third round (issue 11): what was read before a statement (the question
put to the speaker, the sentence before, the headline) names an English target in a Japanese statement's words,
through the same glosses a clause is read by; a relational adjective names the thing it pertains to (WordNet's pertainyms:
American → America, presidential → president); a word naming an actor is matched by the actor's names, not by a
dictionary's words for them; and English prepositions and conjunctions name no part of a target. Each on sentences
of our own, with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.about import Target, english_word_data, gloss_candidates, parse_target, relevance
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE = """\
---
title: 水産庁の会見
published: 2024-07-09
---
商業捕鯨の再開について記者から問われると、田中長官は「再開を歓迎したい」と述べた。
田中長官は同日、漁港の整備について「予算の確保を急ぐ」とも語った。
"""


@pytest.fixture
async def story(store: Store) -> Store:
    assert (await ingest_text(store, ARTICLE, name="whaling.md")).status == "added"
    return store


async def test_the_question_put_names_the_english_targets_head_in_japanese(story: Store) -> None:
    # 「再開を歓迎したい」 names "resuming" (再開); the question before it names the whaling (捕鯨, its gloss)
    found = (await stance_about(story, "田中長官", "resuming commercial whaling")).statements
    assert [(s.position, s.via) for s in found if "再開を歓迎" in s.text] == [("support", None)]
    # counter-example: the same speaker's other remark, whose context names none of it
    assert not any("予算" in s.text for s in found)


def _target(text: str, actors: ActorIndex | None = None) -> Target:
    return parse_target(text, actors or ActorIndex([]), {})


def test_a_word_named_only_in_the_context_through_its_gloss_counts_there_and_names_the_head() -> None:
    target = _target("resuming commercial whaling")
    for w in target.words:
        w.weight = 1.0
    k = {w.form: n for n, w in enumerate(target.words)}
    head = k["whaling"]
    assert target.words[head].head
    without = relevance(target, set(), set(), frozenset({k["resuming"]}))
    with_context = relevance(target, set(), set(), frozenset({k["resuming"]}), across=frozenset({head}))
    assert without == 0 < with_context  # named in context: no longer a statement that names no head
    # counter-example: said in the clause itself, a word counts for more than said only before it
    assert relevance(target, set(), set(), frozenset({k["resuming"], head})) > with_context


def test_a_relational_adjective_pertains_to_its_noun() -> None:
    pertains = english_word_data()["pertains"]
    assert pertains["american"] == ["America"] and pertains["presidential"] == ["president"]
    assert pertains["electoral"] == ["election"]
    assert "cheap" not in pertains  # counter-example: an adjective that names a quality relates to no noun


def test_an_adjective_names_the_registry_actor_it_pertains_to() -> None:
    actors = ActorIndex([ActorEntry(1, "米国", "America", "country", ["America", "アメリカ", "US"])])
    american = next(w for w in _target("American soldiers in the force", actors).words if w.form == "american")
    assert {"米国", "アメリカ"} <= set(american.forms)
    # counter-example: an adjective of another place names no actor of this registry
    canadian = next(w for w in _target("Canadian soldiers in the force", actors).words if w.form == "canadian")
    assert "米国" not in canadian.forms


def test_a_relational_adjective_is_looked_up_in_the_glosses_as_its_noun() -> None:
    target = _target("the electoral reform")
    found = gloss_candidates(target)
    electoral = next(n for n, w in enumerate(target.words) if w.form == "electoral")
    assert "選挙" in found[electoral]
    assert target.words[electoral].derived_glosses  # named where a statement says it, held against none that does not


def test_a_word_naming_an_actor_takes_no_gloss_of_the_dictionary() -> None:
    actors = ActorIndex([ActorEntry(1, "ロシア", "Russia", "country", ["Russia", "クレムリン"])])
    target = _target("contacts with Russian officials", actors)
    russian = next(n for n, w in enumerate(target.words) if w.form == "russian")
    assert target.words[russian].actor and russian not in gloss_candidates(target)
    # counter-example: a word naming no actor is looked up as before
    officials = next(n for n, w in enumerate(target.words) if w.form == "officials")
    assert gloss_candidates(target)[officials]


def test_english_prepositions_and_conjunctions_name_no_part_of_the_target() -> None:
    words = [w.form for w in _target("settling the border row through talks rather than force").words]
    assert not {"through", "rather", "than"} & set(words) and {"border", "talks", "force"} <= set(words)
    assert "between" not in [w.form for w in _target("mediation between India and Pakistan").words]
    # counter-example: the head phrase still ends at the preposition (the mediation, not India)
    assert [w.form for w in _target("mediation between India and Pakistan").words if w.head] == ["mediation"]

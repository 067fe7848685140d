"""/stance --about asked in Japanese over English statements (issue 11, thirty-second round): a Japanese target word
is said in English by the same glossary /quote reads a Japanese quote in an English passage by
(`quote_lang.japanese_concepts`: JMdict's glosses with WordNet's derived nouns, a country by its English name and
adjective), in the statement's clause and in what was read before it (the other way round from an English word
read in a Japanese clause's context), and such a word counts where the clause names none of the head. Each rule
on targets and sentences of our own, with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import Target, add_related, parse_target, relevance
from bot.services.stance_about import _context_in_english, _said_before, said_in_english

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _target(text: str) -> Target:
    target = parse_target(text, ActorIndex([]), {})
    for w in target.words:
        w.weight = 1.0
    add_related(target)
    said_in_english(target, ActorIndex([]))
    return target


def _english(target: Target, form: str) -> list[str]:
    assert target.english is not None
    k = next(k for k, w in enumerate(target.words) if w.form == form)
    return target.english.words[k].forms


def test_a_japanese_country_is_said_in_english_by_its_name_and_adjective() -> None:
    target = _target("アルゼンチンの新政権")
    assert {"argentina", "argentine"} <= set(_english(target, "アルゼンチン"))  # /quote's country table
    target = _target("中国への輸出規制")
    assert "china" in _english(target, "中国")
    # counter-example: an English target has no English view made of it
    assert parse_target("the new government in Argentina", ActorIndex([]), {}).english is None
    english = _target("the new government in Argentina").english
    assert english is None or not any("argentine" in w.forms for w in english.words)


def test_a_japanese_word_is_said_in_english_by_the_nouns_its_glosses_derive() -> None:
    # 保証: guarantee; 補給: supply, supplying — the words /quote finds a Japanese quote's word by in English
    assert "guarantee" in _english(_target("預金の全額保証"), "保証")
    assert {"supply", "supplying"} <= set(_english(_target("補給の継続"), "補給"))


def test_the_sentence_before_an_english_clause_names_a_japanese_target_in_english() -> None:
    target = _target("戦闘の即時停止")
    before = "Tokyo has repeatedly called for an immediate end to the fighting."
    named = {target.words[k].form for k in _context_in_english(target, before, "He said it was urgent.")}
    assert {"戦闘", "即時"} <= named
    assert {target.words[k].form for k in _said_before(target, before, "He said it was urgent.", "")} >= named
    # counter-example: before a Japanese clause the English words are not read (its context is read in Japanese)
    assert _context_in_english(target, before, "林官房長官は「重要だ」と述べた。") == set()
    assert _context_in_english(target, "The weather was fine on Monday.", "He said it was urgent.") == set()
    # nor before a further remark on a matter of its own ("also said", as 「…」とも述べた in Japanese)
    further = "He also said the embassy would stay open."
    immediate = next(k for k, w in enumerate(target.words) if w.form == "即時")
    assert immediate in _said_before(target, before, "He said it was urgent.", "He said it was urgent.")
    assert immediate not in _said_before(target, before, further, further)


def test_a_clause_naming_the_target_in_english_counts_where_it_names_none_of_the_head() -> None:
    target = _target("預金の全額保証を銀行に広げること")
    heads = {k for k, w in enumerate(target.words) if w.head or w.act}
    rest = frozenset(k for k, w in enumerate(target.words) if k not in heads and w.weight > 0)
    assert heads and rest
    # said in English in the clause (`glossed`): read as the clause's own words, at headless_weight
    assert relevance(target, set(), set(), rest, latin=True, glossed=rest) > 0
    # counter-example: named only by word-vector neighbours, a headless clause still counts for nothing
    assert relevance(target, set(), set(), rest, latin=True) == 0

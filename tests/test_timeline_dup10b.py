"""A Japanese and an English report of one happening, one word apart (issue 12, round 10b: the duplicates class
`cross-lang` that `eval/timeline_classes.py` counts): they share the happening's event word and one plain word once
the Japanese one is read in English. Sentences of our own, each with a counter-example the rule must leave alone:
two people's doings, and a word the English report has only inside a name."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.events import event_features, same_event

BANK_JA = "大手銀行は同日、システム障害の原因について社内調査を始め、顧客への説明を急いだ。"
BANK_EN = "The bank opened an internal investigation on Tuesday after payments froze for hours across the country."
# the same words, but "Bank" only as a part of a name: 銀行 is read in no plain word of the English report
NAMED_EN = (
    "The Central Bank ordered an internal investigation on Tuesday after payments froze for hours across the country."
)


def features(text: str, persons: tuple[int, ...] = ()) -> dict:
    f = event_features(text, ActorIndex([]))
    return {"tokens": sorted(f.tokens), "persons": list(persons), "names": sorted(f.names), "report": False}


def test_an_event_word_and_one_translated_word_make_one_event_across_the_languages() -> None:
    ja, en = features(BANK_JA), features(BANK_EN)
    assert set(ja["tokens"]) & set(en["tokens"]) == {"~investigation"}  # one word in common as written
    assert same_event(ja, en) > 0
    assert same_event(en, ja) > 0


def test_two_people_doing_one_kind_of_thing_are_not_one_event() -> None:
    # 「小泉氏は…と述べました」 and "Ishiba said…": each names a person, and not the same one
    assert same_event(features(BANK_JA, (1,)), features(BANK_EN, (2,))) == 0
    assert same_event(features(BANK_JA, (1,)), features(BANK_EN, (1,))) > 0


def test_a_word_the_english_report_has_only_in_a_name_does_not_count() -> None:
    assert same_event(features(BANK_JA), features(NAMED_EN)) == 0

"""Tests written against the survivors of extract's seed-33 sample (branch mut33, a lean sampled run of the current
code: `python -m mutation run extract --sample 120 --seed 33`). Each was seen failing with its mutant switched on in
the run's own mutants copy (`MUTANT_UNDER_TEST=<name>`) and passing without it; the mutant is named on each test.
They pin what the rules are meant to do (a docstring's examples, an invariant), not one sentence's reading."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.roles import strip_country
from tests.test_stance import run
from tests.test_stance_about_heads import _head


@pytest.mark.parametrize(
    ("name", "stripped"),
    [
        ("ドイツ・ショルツ", "ショルツ"),  # the docstring's examples
        ("フランス・マクロン", "マクロン"),
        ("ルビオ米", "ルビオ"),
        ("韓国の尹錫悦", "尹錫悦"),
        ("ショルツ・ドイツ", "ショルツ・ドイツ"),  # only a place in front is a country tag
        ("ルスラン・レビエフ", "ルスラン・レビエフ"),  # a foreign name's given name and surname stay together
    ],
)
def test_a_country_in_front_of_a_name_is_stripped(name: str, stripped: str) -> None:
    """`roles.strip_country_24` (`tagged_place(parts[0])` → `parts[1]`): the part that is a place is the one in
    front of the middle dot, and only it goes."""
    assert strip_country(name) == stripped


def test_a_label_naming_a_person_and_a_country_is_the_persons(actors: ActorIndex) -> None:
    """`stance._label_actor_74` (`kind == "person"` → `"PERSON"`): a label 「名前＋肩書（国）：」 names a person and
    the country after them; the words are the person's, not the last name's in the label."""
    for text, speaker in (
        ("スターマー首相（英国）：「ウクライナへの支援は続けなければならない」", "スターマー"),
        ("ゼレンスキー大統領（ウクライナ）：「停戦案は受け入れられない」", "ゼレンスキー"),
    ):
        assert {r[0] for r in run(actors, text)} == {speaker}, text


def test_a_role_after_an_english_act_is_no_head() -> None:
    """`about.parse_target_235` (`endswith(("ing", "down"))` → `("ING", "down")`): "as" after a gerund opens the
    role the act is done in ("serving as mediator", "resigning as chairman"), no part of the thing done; after a
    noun the role says which of its posts ("dropping Matsumoto as Expo ambassador")."""
    assert _head("serving as mediator") == ["serving"]
    assert _head("resigning as chairman of the party") == ["resigning"]
    assert _head("dropping Matsumoto as Expo ambassador") == ["ambassador"]

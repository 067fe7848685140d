"""Tests written against the survivors of extract's seed-34 sample (branch mut34, a lean sampled run of the current
code: `python -m mutation run extract --sample 120 --seed 34`). Each was seen failing with its mutant switched on in
the run's own mutants copy (`MUTANT_UNDER_TEST=<name>`) and passing without it; the mutant is named on each test.
They pin what the rules are meant to do (a docstring's words, an invariant), not one sentence's reading."""

from __future__ import annotations

import pytest

from bot.extract.attribution import _full_name
from bot.extract.discover import _Found, _part_of_another


def test_only_a_person_is_part_of_a_persons_full_name() -> None:
    """`discover._part_of_another_2` (`kind != "person" or …` → `and`): a body (a party, a ministry) whose name is
    also one part of a katakana full name the document writes (「ジョージ・ワシントン」 … 「ワシントン」) is no
    part of that person: only a person found by a part of a person's name is the person written before."""
    parts_of = {"ワシントン": "ジョージ・ワシントン", "ジョージ": "ジョージ・ワシントン"}
    assert not _part_of_another(_Found("ワシントン", kind="body"), parts_of)
    assert _part_of_another(_Found("ワシントン"), parts_of)  # a person: the one written in full before
    assert not _part_of_another(_Found("ジョージ・ワシントン"), parts_of)  # the full name is its own


@pytest.mark.parametrize(
    ("surname", "context", "full"),
    [
        ("松本", "松本人志さんは会見で述べた", "松本人志"),  # the docstring's example
        ("一色", "一色正春さんは会見で述べた", "一色正春"),  # 一 (U+4E00) is the first kanji of the range
        ("一条", "一条和生氏は", "一条和生"),
    ],
)
def test_a_surname_written_with_any_kanji_gets_its_full_name(surname: str, context: str, full: str) -> None:
    """`attribution._full_name_8` (`"一" <= c` → `"一" < c`): a surname is kanji from 一 to 龥 (or 々), the range
    `_is_kanji` reads; 一 itself opens surnames (一色, 一条, 一宮) and is no reason to give up the full name."""
    assert _full_name(surname, [context]) == full

"""Positions toward a target said to stay as it is, thirty-ninth round (issue 11; sentences written for these tests
in the forms of the LOOK stories' statements: bolsonaro2025 「…への支持は揺るがない」, boeing2024 「導入計画に変更は
ない」, mynacard2024 and olympics2020 「…に変わりはない」, none copied from a corpus).

A change said not to be there (「揺るがない」「変わらない」「変更はない」「変わりはない」「ぶれはない」) is no denial of
the phrase it is said of: the phrase stays as it is, a support of it (`predicates.Predicate.steady`, read by
`stance._predicate_evaluated`). Not 「何も変わらない」 (a change said to bring nothing), not a change the actor does
not make to the target (「社名を変えない」, the target's own verb), not a change that is only a condition (「変更が
あれば」)."""

from __future__ import annotations

import pytest

from bot.extract.predicates import governing
from tests.stance_clauses import position_of

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _steady(text: str, word: str) -> tuple[bool, bool] | None:
    at = text.index(word) + len(word)
    found = governing(text, at, len(text))
    return None if found is None else (found.steady, found.denies)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("同盟への支持は揺るがない", "支持"),
        ("計画に変更はない", "計画"),
        ("方針に変わりはない", "方針"),
        ("方針は変わらない", "方針"),
        ("姿勢にぶれはない", "姿勢"),
        ("決意は揺らがない", "決意"),
    ],
)
def test_a_change_said_not_to_be_there_is_steady(text: str, word: str) -> None:
    assert _steady(text, word) == (True, False)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("体質は何も変わらない", "体質", (False, True)),  # a change said to bring nothing: still a denial
        ("増税の必要はない", "増税", (False, True)),  # another noun said not to exist
        ("計画に変更があれば", "計画", (False, False)),  # a condition
        ("庁舎を建て替えない", "庁舎", (False, True)),  # another verb negated
    ],
)
def test_no_steadiness_elsewhere(text: str, word: str, expected: tuple[bool, bool] | None) -> None:
    assert _steady(text, word) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("山川氏は党の声明で「前首相への支持は揺るがない」と強調した。", "支持"),
        ("担当者は「現時点で導入計画に変更はない」と話す。", "導入"),
        ("山川氏は「移行計画に変わりはない」と述べた。", "移行"),
        ("山川氏は「計画は変わらない」と述べた。", "計画"),
    ],
)
def test_the_target_said_to_stay_is_supported(text: str, target: str) -> None:
    assert position_of(text, target) == "support"


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        ("山川氏は「計画は何も変わらない」と述べた。", "計画", "oppose"),
        ("山川氏は「増税はしない」と述べた。", "増税", "oppose"),
        ("山川氏は「計画に変更があれば説明する」と述べた。", "計画", "conditional"),
    ],
)
def test_not_read_as_staying(text: str, target: str, position: str) -> None:
    assert position_of(text, target) == position


# --- an open-ended commitment is no condition ------------------------------------------------------------------------
# 「必要とされる限り、トルコと共にある」 (turkeyquake2023), 「必要な限り支援を続ける」 (valencia2024), "as long as it
# takes": the commitment lasts while it is needed, a support; a term on the other side (「安全が確認される限り」, "as
# long as the other side keeps to it") stays a condition


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("山川氏は「米国は、必要とされる限り、トルコと共にある」と述べ、長期的な復興を支える考えを示した。", "復興"),
        ("山川氏は「必要な限り支援を続ける」と述べた。", "支援"),
        ("山川氏は「可能な限り早く再開したい」と述べた。", "再開"),
        ("Ono said Britain would keep sending aid as long as needed.", "aid"),
        ("Ono said Britain would keep sending aid for as long as it takes.", "aid"),
    ],
)
def test_an_open_ended_commitment_is_support(text: str, target: str) -> None:
    assert position_of(text, target) == "support"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("山川氏は「安全が確認される限り、運転を続ける」と述べた。", "運転"),
        ("Ono said they would keep the truce as long as the other side keeps to it.", "truce"),
        ("山川氏は「政府が認めない限り、参加しない」と述べた。", "参加"),
    ],
)
def test_a_term_stays_a_condition(text: str, target: str) -> None:
    assert position_of(text, target) == "conditional"


# --- the same in English ---------------------------------------------------------------------------------------------
# "the plan remains unchanged", "the policy does not change" (korea2025's "does not change no matter which
# administration takes office"), "no change to the plan": the target stays as it is, a support; not "nothing changes
# under the plan", not a target that is the change itself, not "is the same as before" (a comparison)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ono said the plan remains unchanged.", "plan"),
        ("Ono said there is no change to the plan.", "plan"),
        ("Ono said there were no changes to the government's plan.", "plan"),
        ("Ono said the policy does not change no matter who wins.", "policy"),
        ("Ono said the policy won't change.", "policy"),
        ("Ono said the reform plan will remain on track.", "plan"),
    ],
)
def test_an_english_target_said_to_stay_is_supported(text: str, target: str) -> None:
    assert position_of(text, target) == "support"


@pytest.mark.parametrize(
    ("text", "target", "position"),
    [
        ("Ono said nothing changes under the plan.", "plan", "neutral"),
        ("Ono said changing the date does not change anything.", "changing", "neutral"),
        ("Ono said the ban is the same as before and wrong.", "ban", "oppose"),
        ("Ono said the sanctions remain in place until Russia withdraws.", "sanctions", "conditional"),
    ],
)
def test_an_english_target_not_read_as_staying(text: str, target: str, position: str) -> None:
    assert position_of(text, target) == position

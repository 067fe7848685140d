"""The predicate that governs the target word decides its position when no stance word does (issue 11, eighth
round): read over SudachiPy tokens (bot/extract/predicates.py), on sentences written for this test (none from a
corpus), each class with a counter-example that must not fire:

- a te-form leaning on the verb after it passes the phrase on (「他市に比べて劣っていた」 is 劣る's);
- a predicate nominalized and negated as a whole (〜わけではない, 〜のではなく) or set aside (〜より) denies it;
- a modifier of the predicate's argument (「県民の命を守れない」) is not what the predicate denies;
- a relative clause on a noun (「住民に負わせる制度」) is no predicate of the phrase: the noun's predicate is;
- not knowing or not having decided (まだ決めていない) denies nothing;
- a noun said not to exist denies the phrase (「増税の必要はない」), unless it is trouble (問題はない) or a manner
  (「対策も抜かりなく」);
- the target named as what a condition is about (「市長が続投するのであれば」) gives no position where the clause
  states one of it elsewhere (「山田市長にノーを突きつけた」), and stays conditional where it is named only there;
- a neutral predicate before the target (「取材に応じ、「…」」) does not govern it (Japanese is head-final)."""

from __future__ import annotations

import pytest

from bot.extract.predicates import governing
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _after(text: str, word: str) -> tuple[bool, bool] | None:
    at = text.index(word) + len(word)
    found = governing(text, at, len(text))
    return None if found is None else (found.negated, found.denies)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("他市に比べて対応が遅れていたわけではない。", "他市", (True, True)),  # te-form, then わけではない
        ("住民に負担させるのではなく、国が賄うべきだ", "住民", (True, True)),
        ("需要はないだろう", "需要", (True, True)),
        ("会合には参加しませんでした", "会合", (True, True)),
        ("庁舎は建て替えない", "庁舎", (True, True)),
        ("まだ決めていない", "まだ", (True, False)),  # undecided: negated, denying nothing
        ("住民に負わせる制度は見直すべきだ", "住民", (False, False)),  # a relative clause: 見直す governs
        ("会合に参加した", "会合", (False, False)),
    ],
)
def test_the_predicate_that_governs_a_phrase(text: str, word: str, expected: tuple[bool, bool]) -> None:
    assert _after(text, word) == expected


def test_the_predicate_of_a_condition() -> None:
    """A condition's predicate (すれば, であれば, しない限り) is one, and denies nothing: 「増税しない限り」 is no
    refusal of 増税."""
    found = governing("市長が続投するのであれば、理由を説明すべきだ", 2, 20)  # after 市長
    assert found is not None and found.condition and not found.denies
    found = governing("増税しない限り、賛成できる", 2, 12)
    assert found is not None and found.negated and found.condition and not found.denies
    found = governing("増税には反対だ", 2, 7)
    assert found is not None and not found.condition


def test_a_comparison_sets_its_first_term_aside() -> None:
    found = governing("新庁舎を建てるより、今の庁舎を直すべきだ", 3, 20)  # after 新庁舎
    assert found is not None and found.contrast and found.denies


def test_another_noun_said_not_to_exist() -> None:
    """「Xの必要はない」「Xの予定はない」 deny X; trouble said not to exist (問題はない, 変わりはない) and a noun
    right before ない (抜かりなく: a manner) do not."""
    assert _after("増税の必要はない", "増税") == (True, True)
    assert _after("利上げの予定はない", "利上げ") == (True, True)
    assert _after("見通しには問題はない", "見通し") is None
    # a change said not to be there: the phrase stays as it is (a steady predicate, no denial; thirty-ninth round)
    assert _after("方針に変わりはない", "方針") == (False, False)
    # the predicate's own subject is trouble: 「計画に「技術的な問題は見当たらない」」 denies the trouble, not the plan
    assert _after("計画に「技術的な問題は見当たらない」と述べた", "計画") is None
    assert _after("計画に「技術的な問題は無い」と述べた", "計画") is None
    assert _after("対策も抜かりなく進める", "対策") is None


def test_no_predicate_of_the_phrase() -> None:
    assert governing("新しい庁舎。建て替えない", 5, 12) is None  # the sentence ends first
    # a modifier (Xの) of the predicate's argument: 「県民の命を守れない」 denies nothing of 県民
    assert _after("県民の命を守れない", "県民") is None


ARTICLE = """\
---
title: 市議会の反応
published: 2025-11-04
---
山口一郎市長は「新しい体育館を建てるより、今の体育館を直すほうが先だ」と述べた。

山口一郎市長は「下水道の点検費用を住民に負わせるのではなく、国の交付金で賄う」と述べた。

中川二郎委員長は記者団の取材に応じ、「市の検査の手順が、ほかの市に比べて劣っていたわけではない」と述べた。

中川二郎委員長は、駅前の再開発について「まだ決めていない」と述べた。

西田三郎知事は「避難所の暑さ対策も抜かりなく進める」と述べた。

大西四郎代表は「有権者は山田市長に明確にノーを突きつけた」と述べ、山田市長が続投するのであれば、理由を説明すべきだとした。

大西四郎代表は「駅前の再開発が住民の理解を得られるのであれば、協力する」と述べた。
"""


async def test_positions_read_at_the_governing_predicate(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="governing.md")).status == "added"
    assert await positions(store, "山口", "新しい体育館の建設", "建てるより") == ["oppose"]
    assert await positions(store, "山口", "点検費用を住民に負わせること", "負わせるのではなく") == ["oppose"]
    assert await positions(store, "中川", "市の検査の手順がほかの市より劣っていたという見方", "劣っていた") == [
        "oppose"
    ]
    assert await positions(store, "中川", "駅前の再開発", "まだ決めていない") != ["oppose"]
    assert await positions(store, "西田", "避難所の暑さ対策", "抜かりなく") != ["oppose"]
    # the target named again as what a condition is about: the position stated of it stands
    assert await positions(store, "大西", "山田市長", "ノーを突きつけた") == ["oppose"]
    assert await positions(store, "大西", "駅前の再開発", "協力する") == ["conditional"]  # named only there

"""/stance --about (issue 11, thirty-fourth round): a statement that names the target by a definite noun alone ("the
bill", 同案, この計画) is about the thing the article named in full at that noun's nearest earlier mention, far
beyond the few sentences a clause carries as its context; not when that nearest mention names something else. On
articles and sentences of our own, with counter-examples."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services.antecedent import antecedents
from bot.store import Store
from tests.test_stance_about_round33 import _positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

# filler between the full mention and the statement: longer than the context a clause carries (CONTEXT_CHARS)
_FILLER_JA = "".join(
    f"{place}では{n}日、住民向けの説明会が開かれ、参加者から交通や医療、学校の今後について多くの質問が出た。"
    for n, place in enumerate(("北町", "南町", "東町", "西町", "中町"), start=1)
)
_FILLER_EN = " ".join(
    f"In {place}, residents met on Monday to ask about roads, clinics and schools for the coming years."
    for place in ("Northtown", "Southtown", "Easttown", "Westtown", "Midtown")
)

ARTICLE_JA = f"""\
---
title: 与党、財源巡り協議続く
published: 2025-03-10
---
政府は9日、防衛費を賄うための増税案を与党に示した。
{_FILLER_JA}
山川一郎幹事長は記者団に「同案には賛成できない」と述べた。
政府は同日、子育て支援の拡充案も示した。
{_FILLER_JA}
北川次郎政調会長は「同案は評価できる」と語った。
"""

ARTICLE_EN = f"""\
---
title: Ministers set out their plans for the week
published: 2025-03-10
---
Ministers introduced legislation on Wednesday to quash the convictions of sub-postmasters in the Horizon scandal.
{_FILLER_EN}
"We welcome the legislation," said Alan Bates.
Ministers also set out a draft on fishing quotas.
{_FILLER_EN}
"The draft is a good start," said Peter Noble.
"""


def test_the_nearest_earlier_sentence_holding_the_noun() -> None:
    text = "政府は停戦案を閣議で承認した。極右閣僚は反発した。スモトリッチ氏は「同案は受け入れられない」と述べた。"
    lo = text.index("スモトリッチ")
    at = text.index("同案")
    assert antecedents(lo, len(text), text, []) == [(at, at + 2, "政府は停戦案を閣議で承認した。")]
    # searched back through the earlier passages, nearest first
    text = '"The bill is the least worst option," he said.'
    found = antecedents(0, len(text), text, ["A bill on fishing was tabled.", "A bill to quash convictions passed."])
    assert [s for _, _, s in found] == ["A bill to quash convictions passed."]
    # a speaker, a body or a day pointed at is no thing asked about (同氏, 同社, 同日; "the government")
    text = "同社は同日、「政府の対応を注視する」と述べた。"
    assert antecedents(0, len(text), text, ["同社は新工場を発表した。"]) == []
    text = '"The government will decide," she said.'
    assert antecedents(0, len(text), text, ["The government met."]) == []


async def test_a_japanese_statement_naming_the_target_by_its_kind_word(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE_JA, name="zouzei.md")).status == "added"
    assert await _positions(store, "山川一郎", "防衛費のための増税", "同案には賛成できない") == ["oppose"]
    # counter-example: the nearest 案 before the statement is another plan (子育て支援の拡充案)
    assert await _positions(store, "北川次郎", "防衛費のための増税", "評価できる") == []


async def test_an_english_statement_naming_the_target_by_its_kind_word(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE_EN, name="horizon.md")).status == "added"
    assert await _positions(store, "Alan Bates", "quashing the sub-postmasters' convictions", "welcome") == ["support"]
    # counter-example: "the draft" points back to the fishing quotas, not to the convictions
    assert await _positions(store, "Peter Noble", "quashing the sub-postmasters' convictions", "good start") == []

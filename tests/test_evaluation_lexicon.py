"""Evaluation said as a predicate (issue 11, twentieth round, branch lex20): what a statement calls the target, with
no stance word the rules know — 「…は暴挙だ」, 「…を誘拐と非難」, 「解決にはならない」, "was highly aggressive",
"will not solve" — read with the predicate nouns of 日本語評価極性辞書 and VADER's weak words
(`bot/extract/evaluation_lexicon.py`, `ja_nouns` and `en_weak` of `bot/data/polarity.json`). Sentences written for
this test (none from a corpus), each with a counter-example: the same words as no predicate, a fact noun, a subject
that identifies, a block of the target."""

from __future__ import annotations

import pytest

from bot.extract import evaluation_lexicon
from bot.extract.polarity import evaluation
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("隣国の今回の行為は暴挙だ", -1),  # a noun of the 名詞編 as the copula's predicate
        ("政府の決定は愚行にほかならない", -1),  # 〜にほかならない: its ない denies nothing
        ("市の説明は言い訳に過ぎない", -1),
        ("野党は法案を悪法と批判した", -1),  # 〜と批判: what the object is called
        ("この法案は解決にはならない", -1),  # a positive noun denied
        ("この法案は解決になる", 0),  # a positive noun as it stands names the state hoped for
        ("これは犯罪ではない", 1),  # a negative one denied
        ("合意を阻止する動きは暴挙だ", 1),  # the evaluated subject blocks the thing: turned toward it
        ("事故の原因は人為的な誤りだ", 0),  # a subject that identifies (原因 is …): no evaluation
        ("誘拐事件の捜査が続いている", 0),  # not a predicate: an event named
        ("死因は窒息だ", 0),  # a fact noun (a death, an illness) stays out of the data
        ("The move was highly aggressive.", -1),  # a weak word as the predicate
        ("The senator called the plan aggressive.", -1),
        ("The tariffs will not solve the problem.", -1),  # the predicate governs its object's words
        ("Blocking the deal is aggressive.", 1),  # a block of the thing: turned
        ("An aggressive timetable was set for the talks.", 0),  # not a predicate
        ("The cause was aggressive driving.", 0),  # identifies
    ],
)
def test_evaluation_as_a_predicate(text: str, value: int) -> None:
    assert evaluation(text) == value


def test_the_lexicons_not_a_hand_list() -> None:
    """The words come from the kept lexicons, thousands of them, not from a list written for our stories."""
    lex = evaluation_lexicon._lexicon()
    assert len(lex.nouns) > 5000 and len(lex.weak) > 500
    assert lex.nouns[("暴挙",)] == -1 and lex.nouns[("偉業",)] == 1
    assert ("死亡",) not in lex.nouns and ("事故",) not in lex.nouns  # facts of news, kept out
    assert lex.weak["aggressive"] < 0 < lex.weak["solve"]


JA = """\
---
title: 各国の反応
published: 2025-11-04
---
高田一郎外相は、隣国の入国禁止措置について「国際法上、到底許容できる行為ではなく、暴挙だ」と述べた。

高田一郎外相は、新しい港湾協定の署名について「重要な前進だ」と語った。

中川二郎議員は、補助金の延長について「根本的な解決にはならない」と述べた。

中川二郎議員は、堤防の工事について「工事の遅れは人為的な誤りが原因だ」と述べた。
"""

EN = """\
---
title: Trade reactions
published: 2025-11-05
---
Senator Ruth Cole said the new tariffs on steel would not solve the trade deficit.

Senator Ruth Cole said the naval exercise near the strait was highly aggressive.

Governor Alan Pike said the cause of the blackout was aggressive pruning of the budget.
"""


async def test_a_target_called_something(store: Store) -> None:
    for name, text in (("lex-ja.md", JA), ("lex-en.md", EN)):
        assert (await ingest_text(store, text, name=name)).status == "added"
    assert await positions(store, "高田", "入国禁止措置", "暴挙") == ["oppose"]
    assert await positions(store, "高田", "港湾協定の署名", "前進") == ["support"]  # the rules' cue keeps its reading
    assert await positions(store, "中川", "補助金の延長", "解決には") == ["oppose"]
    assert await positions(store, "Cole", "the steel tariffs", "solve") == ["oppose"]
    assert await positions(store, "Cole", "the naval exercise", "aggressive") == ["oppose"]

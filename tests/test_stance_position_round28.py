"""Wrong positions by construction, twenty-eighth round (issue 11): a request or wish that the thing not be done
(「引き出さないよう求めた」「近づかないでほしい」「騒ぎ立てないことを望む」) opposes it, one cue whose 求め / ほしい /
望む ask for nothing of their own; 〜ことは決してない after a cue negates it as 〜ない does; a thing called the
solution (解決策, "the only solution") is approved of, and said never to be one (「解決策になることは決してない」,
"no military solution") is not; a non-answer in its other words ("declined to give a yes or no", "too early to draw
any conclusions", 「結論を出すには早すぎる」) declines to judge, no excess said of the thing. Sentences written for
this test, none from a corpus."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions
from tests.test_stance_said_frame import _cues

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("社長は取引先に預金を引き出さないよう求めた。", "ないよう求め"),
        ("長官は「住民は川に近づかないでほしい」と述べた。", "ないでほしい"),
        ("報道官は「日本が米国に追随して騒ぎ立てないことを望む」と述べた。", "ないことを望"),
        ("知事は住民に海岸へ近づかないよう注意を呼びかけた。", "ないよう注意を呼びかけ"),
    ],
)
def test_asking_that_it_not_be_done_is_one_oppose_cue(text: str, cue: str) -> None:
    assert _cues(text) == [(cue, "att", -1)]


def test_a_cue_before_keeps_its_own_negation() -> None:
    # 撤退しない is read at 撤退 (its negation taken there), and 求め still asks for it
    assert _cues("外相は部隊を撤退しないよう求めた。") == [("撤退", "act", 1), ("求め", "att", 1)]


def test_never_after_a_cue_negates_it() -> None:
    assert [c for c in _cues("知事は「放出を認めることは決してない」と述べた。") if c[0] == "認め"] == [
        ("認め", "att", -1)
    ]


@pytest.mark.parametrize(
    ("text", "pol"),
    [
        ("財務相は「これは商業的な解決策だ」と述べた。", 1),
        ('He said the new runway was "the only solution" for the noise.', 1),
        ("市長は「暴力が解決策になることは決してない」と述べた。", -1),
        ("The minister said there was no military solution to the conflict.", -1),
    ],
)
def test_the_solution_is_approved_of(text: str, pol: int) -> None:
    assert [c[1:] for c in _cues(text) if c[0].lower() in ("解決策", "solution")] == [("att", pol)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Asked about the strikes, the prime minister declined to give a yes or no.",
            "declined to give a yes or no",
        ),
        ("The minister declined to answer.", "declined to answer"),
        ('"It is too early to draw any conclusions," a spokesperson said.', "too early to draw any conclusions"),
        ("影響について、長官は「結論を出すには早すぎる」と述べた。", "結論を出すには早すぎ"),
    ],
)
def test_a_non_answer_declines_to_judge(text: str, cue: str) -> None:
    assert _cues(text) == [(cue, "att", 0)]


ARTICLE = """\
---
title: 銀行の経営不安、各界が反応
published: 2025-03-12
---
山田一郎社長は電話会議で、取引先に預金を引き出さないよう求めた。
佐藤花子長官は記者会見で「注意報が解除されるまでは、海岸に近づかないでほしい」と呼びかけた。
鈴木次郎市長は、庁舎での破壊行為について「破壊行為が解決策になることは決してない」と述べた。
"""


async def test_positions_toward_the_target_asked_about(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="round28.md")).status == "added"
    assert await positions(store, "山田一郎", "預金の引き出し", "引き出さないよう") == ["oppose"]
    assert await positions(store, "佐藤花子", "海岸に近づくこと", "近づかないでほしい") == ["oppose"]
    assert await positions(store, "鈴木次郎", "庁舎での破壊行為", "決してない") == ["oppose"]

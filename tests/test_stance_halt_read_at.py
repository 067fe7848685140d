"""A halt said by a word that is read toward itself, thirty-ninth round (issue 11; makino2025's 「開始を遅らせる理由は
見当たらない」 asked as 「TOBの開始を先送りすること」). A Japanese target whose halt (先送り) the statement says by another
word (遅らせる, matched as the halt's own form) that the reading does not compose as a halt (`stance.composes_halt`:
延期, 中止 and 撤回 are read toward what they halt and turned back) was turned once more toward the thing halted:
「遅らせる理由は見当たらない」 came out as support of the postponement. Read only at the halt, the position is the
halt's own and is not turned; a statement that names the thing halted, or the halt by a composing word, still is.
Sentences written for this test, none from a corpus."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import halt_words, parse_target
from bot.extract.stance import composes_halt
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE = """\
---
title: 買収提案、開始時期で対立
published: 2025-04-01
---
山田商事は1日、北海製作所への買収提案について、買い付けの開始を5月まで先送りするよう求められたと発表した。
山田一郎社長は同日、記者団に「これ以上、開始を遅らせる理由は見当たらない」と述べた。
佐藤花子社外取締役は「株主が判断するため、開始を遅らせるべきだ」と語った。
鈴木次郎会長は「買い付けの開始は急ぐべきだ」と強調した。
"""


def test_which_words_compose_a_halt() -> None:
    assert composes_halt("延期") and composes_halt("中止") and composes_halt("撤回") and composes_halt("postpone")
    assert not composes_halt("遅らせ") and not composes_halt("を遅らせ") and not composes_halt("開始")
    target = parse_target("買い付けの開始を先送りすること", ActorIndex([]), {})
    assert {target.words[k].form for k in halt_words(target)} == {"先送り"}


async def test_a_halt_said_by_a_word_read_toward_itself_is_not_turned(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="halt.md")).status == "added"
    about = "買い付けの開始を先送りすること"
    assert await positions(store, "山田一郎", about, "理由は見当たらない") == ["oppose"]
    assert await positions(store, "佐藤花子", about, "遅らせるべき") == ["support"]
    # the thing halted named alone (開始) is still turned: urging it on opposes the postponement
    assert await positions(store, "鈴木次郎", about, "急ぐべき") == ["oppose"]

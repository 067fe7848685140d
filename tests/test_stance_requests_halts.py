"""Requests to stop, denials and non-answers as news text reports them (issue 11, eighteenth round), each tested on
sentences written for this test (none from a corpus), with counter-examples that must keep their reading:

- a request that someone not do a thing opposes the thing ("urged the government not to rush into a deal",
  "told staff not to use the app"); without its not, it still supports it ("told staff to use the app");
- "we do not think / believe" that something is so opposes it (not "we think");
- restricting said of a thing (制限, 規制) acts against it, so asking that it be restricted opposes it
  (「使用制限を求めた」); not a target's own act (「兵力制限」 asked about is no halt of the troops);
- declining to say, as Japanese officials word it: 「申し上げる立場にはない」, 「答えるのは控えたい」, 「冷静に対応
  したい」, 「適切に対応したい」 (the wish to respond, not a commitment to act: 「適切に対応する」 keeps its reading); "before deciding";
- a target ending in its own act, then a quote and the verb that frames it (「条約の停止を「…」と非難した」): the act
  is read with that verb, so the criticism opposes the halt (it read support: the act alone, then turned)."""

from __future__ import annotations

import pytest

from bot.extract.stance import _combine, _pos_hits, _probe
from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


def _reading(text: str) -> str | None:
    return _combine(_pos_hits(_probe(text)), english=text.isascii())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He urged the city council not to rush into a new contract", "oppose"),
        ("The agency told its staff not to use the messaging app", "oppose"),
        ("The agency told its staff to use the messaging app", "support"),  # no not: what is asked is wanted
        ("We do not think the weather played a part in the accident", "oppose"),
        ("We think the weather played a part in the accident", None),  # no cue without the denial,
        ("I don't believe the new rules will work", "oppose"),
        ("外国製ソフトの使用制限を求めた", "oppose"),
        ("輸出の規制を強く求めた", "oppose"),
        ("外国製ソフトの使用を求めた", "support"),  # no restriction: what is asked is wanted
    ],
)
def test_requests_to_stop_and_denials(text: str, expected: str | None) -> None:
    assert _reading(text) == expected


def _declines(text: str) -> bool:
    """The text holds a cue that declines to judge (an attitude with no polarity)."""
    return any(h.kind == "att" and h.pol == 0 for h in _pos_hits(_probe(text)))


@pytest.mark.parametrize(
    ("text", "declines"),
    [
        ("ほかの団体がどうあるべきかについて、私が何か申し上げる立場にはない", True),
        ("仮定の質問に答えるのは控えたい", True),
        ("冷静に対応したい", True),
        ("今後も適切に対処したい", True),
        ("The ministry will gather more information before deciding how to respond", True),
        ("法令にのっとって適切に対応する", False),  # a commitment to act, no wish to wait
        ("関係省庁が連携して対応したい", False),
    ],
)
def test_non_answers(text: str, declines: bool) -> None:
    assert _declines(text) is declines


ARTICLE = """\
---
title: 隣国の協定停止に反発
published: 2025-04-25
---
東川国の北田電力相は25日、隣国による協定の停止を「力ずくの行為であり、卑劣で違法な措置だ」と非難した。
西山国の南野外相は同日、隣国による協定の停止を「地域の安定に役立つ判断であり、評価できる」と歓迎した。
"""


async def test_a_halt_criticised_in_a_quote_is_opposed(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="halt.md")).status == "added"
    assert await positions(store, "北田", "隣国による協定の停止", "非難") == ["oppose"]
    assert await positions(store, "南野", "隣国による協定の停止", "歓迎") == ["support"]


CONCESSION = """\
---
title: 停戦案に条件
published: 2025-03-14
---
北国の東田大統領は13日、停戦の考え方には賛成するとしつつも、「紛争の原因を取り除く必要がある」と述べた。
南国の西田首相は同日、停戦の考え方には賛成するとしつつも、「実現までの道のりは長い」と述べた。
北国の南川外相は、停戦案に条件付きで賛成する考えを示した。
"""


async def test_support_granted_before_a_demand_is_conditional(store: Store) -> None:
    """Support granted as a concession (〜としつつも) before a need or a demand of the speaker's waits on it; before
    anything else it stays support. Support said as 条件付き is conditional."""
    assert (await ingest_text(store, CONCESSION, name="concession.md")).status == "added"
    assert await positions(store, "東田", "停戦", "賛成するとしつつも") == ["conditional"]
    assert await positions(store, "西田", "停戦", "賛成するとしつつも") == ["support"]
    assert await positions(store, "南川", "停戦案", "条件付き") == ["conditional"]

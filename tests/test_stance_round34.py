"""/stance --about position (issue 11, thirty-fourth round): which predicate decides when a clause criticizes and
then says what the speaker will do or asks of someone. A deed of the speaker's own done to a thing the clause names
after a criticism is its answer to what it criticized; a target named only as the one a request is put to
(「東電に猛省を促す」) is read by the clause's main predicate; an intent said of an act (「…を進める考え」) is the
act's, not a support of its own. On sentences of our own, with counter-examples."""

from __future__ import annotations

import pytest

from tests.test_stance_criticism_frame import _position

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

CASES = [
    # a deed of the speaker's own, on its own object, after a criticism: the criticism is the stance
    ("山川氏は「卑劣な攻撃だ」と非難し、船舶への攻撃を続けると表明した。", None, "oppose"),
    ("山川氏は「到底容認できない」と強く反発し、独自の調査を進めると述べた。", None, "oppose"),
    # counter-example: the deed after a welcome keeps its reading
    ("山川氏は「合意を歓迎する」と述べ、対話を続けると表明した。", None, "support"),
    # counter-example: no criticism before it, the deed alone
    ("山川氏は、船舶への攻撃を続けると表明した。", None, "support"),
    # the target is the one the demand is put to: the regret before it decides
    ("山川大臣は「極めて遺憾だ」と述べ、東電に猛省を促す考えを示した。", "東電", "oppose"),
    ("山川大臣は「誠に遺憾だ」と批判し、会社に対し再発防止を求めた。", "会社", "oppose"),
    # counter-example: the demand's object is the target: the demand is for it
    ("山川大臣は「極めて遺憾だ」と述べ、東電に説明を求めた。", "説明", "support"),
    # counter-example: the one asked, with a welcome before it: no criticism to read
    ("山川大臣は「対応を歓迎する」と述べ、東電に着実な実施を促した。", "東電", "support"),
    # the intent carries the act, and the act's object's own verb (否決) governs the target
    ("山川氏は、議会で大統領令を否決する手続きを進める考えを示した。", "大統領令", "oppose"),
    ("山川氏は、法案への反対を続ける方針だ。", "法案", "oppose"),
    # counter-examples: an intent said of a plain act keeps the act's reading
    ("山川氏は、支援を続ける考えを示した。", "支援", "support"),
    ("山川氏は、支援を停止する考えを示した。", "支援", "oppose"),
    # a need said as a demand (べきだと訴えた) after a criticism: the counter-proposal, the criticism decides
    (
        "山川氏は、和平案には相手の譲歩が一つも含まれていないと批判し、相手の軍備にこそ上限を設けるべきだと訴えた。",
        None,
        "oppose",
    ),
    ("山川氏は「到底受け入れられない」と反発し、計画を見直す必要があると強調した。", None, "oppose"),
    # counter-example: the same demand after a welcome
    ("山川氏は「合意を歓迎する」と述べ、着実に履行するべきだと訴えた。", None, "support"),
    # no opposition granted, then a demand: the acceptance waits on it
    (
        "山川会長は「制度の導入に反対はしていないが、現場の負担が増えないよう丁寧な対応を求めたい」と述べた。",
        "制度の導入",
        "conditional",
    ),
    (
        "The association does not oppose the plan, but it has asked the government to protect patients first.",
        "plan",
        "conditional",
    ),
    # counter-examples: no demand after the concession, and a plain opposition
    ("山川会長は「制度の導入に反対はしていないが、議論は続いている」と述べた。", "制度の導入", "support"),
    (
        "The association opposes the plan, but it has asked the government to protect patients first.",
        "plan",
        "oppose",
    ),
]


@pytest.mark.parametrize(("text", "target", "position"), CASES)
def test_which_predicate_decides(text: str, target: str | None, position: str) -> None:
    assert _position(text, target) == position

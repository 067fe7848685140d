"""`events.speculates`: the hedge, plan and not-known tests split out of one pattern, answering as it did.

The not-known clause was one alternative of `_SPECULATION_RE`, written `^X*(?:によると,)?X*…` (X: not a comma), whose two
runs side by side are tried at every split of a summary; it is now `^(?:X*によると,)?X*…` (the same strings) and only
tried on a summary that holds いない or いません. The old single pattern is kept here to compare against.
"""

from __future__ import annotations

import random
import re

from bot.extract.events import speculates

_OLD = re.compile(
    r"(?:可能性が(?:ある|高い)|かもしれない|とみられる|と見られる|のではないか|だろう)[。．.]?$"
    r"|^[^、，,]*(?:によると[、，,])?[^、，,]*(?:(?:確認|把握|特定)されて|(?:分|わ)かって|明らかになって)(?:は)?(?:いない|いません)"
    r"(?:という|とされる)?[。．.]?$"
    r"|\b(?:is|are) (?:expected|likely) to\b"
    r"|(?:見通し|見込み)(?:だ|です)[。．.]?$"
    r"|(?:ていきます|ていきましょう|ましょう|てみます|てみましょう|ていきたいと思います|ておきます)[。．.]?$"
)

_WRITTEN = [
    "港湾局によると、倉庫の損害額は把握されていない。",
    "港湾局によると、倉庫の損害額は把握されていない",
    "倉庫の損害額はまだ分かっていません。",
    "倉庫の損害額はまだわかってはいないという。",
    "調査団の見解によると、原因は特定されていないとされる。",
    "市の担当者によると、けが人の数は明らかになっていない。\n",
    "火は消えたが、原因は確認されていない。",  # a clause of its own before it: no match
    "関係者によると、会合は中止され、理由は確認されていない。",  # two commas: no match
    "理由は確認されていなかった。",
    "委員会は来週にも結論を出す見通しです。",
    "被害はさらに広がる可能性がある。",
    "The council is expected to vote on Friday.",
    "市は15日、新しい橋の建設計画を発表した。",
    "原因は確認されていない。背景を調べる。",
    "",
]
_PIECES = ["によると", "、", "，", ",", "確認", "把握", "特定", "されて", "分", "わ", "かって", "明らかになって", "は",
           "いない", "いません", "という", "とされる", "。", "．", ".", "\n", "市", "被害", "可能性がある", "見通しだ",
           "ましょう", "is likely to", " ", "した"]  # fmt: skip


def test_written_summaries_answer_as_the_one_pattern() -> None:
    for text in _WRITTEN:
        assert speculates(text) == bool(_OLD.search(text)), text


def test_random_summaries_of_the_patterns_pieces_answer_as_the_one_pattern() -> None:
    rng = random.Random(46)
    for _ in range(20_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 9)))
        assert speculates(text) == bool(_OLD.search(text)), text


def test_the_not_known_clause() -> None:
    assert speculates("港湾局によると、倉庫の損害額は把握されていない。")
    assert speculates("倉庫の損害額はまだ分かっていません")
    assert not speculates("火は消えたが、原因は確認されていない。")
    assert not speculates("理由は確認されていなかった。")

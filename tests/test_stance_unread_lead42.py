"""A sentence opening on an agent no rule names and the means it spoke by (「一方、メタは声明で「…」と批判した」,
「CANは声明で「…」と断じた」, 「RSFはSNSで」) is that agent's, never the person the passage before carried on
(forty-second round, st42a; issue 11: the "wrong speaker" class, a statement stored under the speaker before).
Sentences of our own, each with cases the rule must leave alone."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from tests.stance_clauses import clause_texts


def _index() -> ActorIndex:
    return ActorIndex(
        [
            ActorEntry(1, "マスク", "Elon Musk", "person", ["イーロン・マスク"], "実業家"),
            ActorEntry(2, "岸田", "Fumio Kishida", "person", ["岸田文雄"], "首相"),
        ]
    )


def _all(out: dict[int, list[str]]) -> str:
    return " | ".join(t for texts in out.values() for t in texts)


def test_an_unread_agent_and_its_means_stop_the_carried_speaker() -> None:
    index = _index()
    text = (
        "マスク氏は法案の審議中、「ネット統制の裏口だ」と批判していた。"
        "一方、ノースウィンドは声明で「十分に練られていない法律だ」と批判した。「懸念が現実になりつつある」とも述べた。"
    )
    out = clause_texts(index, text)
    assert "十分に練られていない" not in _all(out) and "懸念が現実に" not in _all(out)
    assert any("ネット統制" in t for t in out[1])  # the person's own words stay theirs
    # an agent in Latin letters, a date between the は and the means
    text = "岸田文雄首相は1日、「脱炭素化に貢献する」と述べた。CANは2日、声明で「グリーンウオッシュだ」と断じた。"
    out = clause_texts(index, text)
    assert "グリーンウオッシュ" not in _all(out) and any("脱炭素化" in t for t in out[2])
    # across a paragraph break as within one
    out = clause_texts(index, "岸田文雄首相は「賛成だ」と述べた。", "ブルーリーフはSNSで「反対だ」と訴えた。")
    assert "反対だ" not in _all(out)


def test_a_named_or_titled_agent_is_read_as_before() -> None:
    index = _index()
    # the person named again (同氏, the name with its honorific): theirs, as before
    out = clause_texts(index, "マスク氏は「裏口だ」と批判した。同氏は声明で「法律は悪い」と述べた。")
    assert any("法律は悪い" in t for t in out[1])
    out = clause_texts(index, "岸田文雄首相は「賛成だ」と述べた。岸田氏は会見で「急ぐ」と語った。")
    assert any("急ぐ" in t for t in out[2])
    # no means after the は (a thing as the topic, 「法案は…」): the carried speaker's sentence as before
    out = clause_texts(index, "マスク氏は会見した。「裏口だ」と批判し、「撤回すべきだ」とも述べた。")
    assert any("撤回すべきだ" in t for t in out[1])

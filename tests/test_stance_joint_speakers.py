"""A 「両社は」 subject whose two companies the stance rules do not hold (no subject before, or only one) takes the
pair the attribution /quote uses names (`stance._joint_speakers`): each is the clause's actor."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "日本製鉄", None, "company", [], None),
        ActorEntry(-2, "USスチール", None, "company", [], None),
        ActorEntry(-3, "フジテレビ", None, "company", [], None),
        ActorEntry(-4, "フジ・メディアHD", None, "company", ["フジ・メディア・ホールディングス"], None),
        ActorEntry(-5, "総務省", None, "ministry", [], None),
        ActorEntry(-6, "バイデン", None, "person", ["バイデン大統領"], None),
    ]
)


def test_both_companies_joined_by_to_before_a_joint_statement() -> None:
    found = clause_texts(
        ACTORS,
        "日本製鉄と米鉄鋼大手USスチールは6日、バイデン大統領が出した買収の禁止命令は違法だとして提訴した。"
        "両社は共同声明で、大統領が法の支配を無視したと主張した。",
    )
    assert any("法の支配を無視" in t for t in found.get(-1, []))
    assert any("法の支配を無視" in t for t in found.get(-2, []))


def test_both_companies_a_ministry_addressed_before_their_joint_comment() -> None:
    found = clause_texts(
        ACTORS,
        "総務省は3日、フジテレビと親会社のフジ・メディアHDに行政指導をした。同省は再発防止策の報告を求めた。",
        "両社は同日、「指導内容を真摯に受け止め、対応していく」とする連名のコメントを出した。",
    )
    assert any("真摯に受け止め" in t for t in found.get(-3, []))
    assert any("真摯に受け止め" in t for t in found.get(-4, []))
    assert not any("真摯に受け止め" in t for t in found.get(-5, []))


def test_one_company_is_no_pair() -> None:
    found = clause_texts(ACTORS, "総務省はフジテレビに行政指導をした。両社は「真摯に受け止める」とした。")
    assert not any("真摯に受け止め" in t for t in found.get(-5, []))


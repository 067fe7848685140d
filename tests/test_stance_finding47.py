"""A finding told after と is the carried speaker's (issue 11, forty-seventh round; sentences written for these
tests, none from a corpus): what a court, a panel or a regulator concluded, in a sentence with no subject of its
own after the one that names it (「地裁は…と述べた。…は違憲だと判断した」, 「委員会は…。…は妥当だと結論づけた」), is
that body's position, as 「…と述べた」 is; a finding with a subject of its own (「地裁は…」) or after no speaker at all
is nobody's carried."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from tests.stance_clauses import clause_texts

COURT, PANEL, MAYOR = -1, -2, -3
ACTORS = ActorIndex(
    [
        ActorEntry(COURT, "北浜地裁", None, "org", [], None),
        ActorEntry(PANEL, "港湾審査会", None, "org", [], None),
        ActorEntry(MAYOR, "川辺", None, "person", ["川辺市長"], None),
    ]
)


def clauses(text: str) -> dict[int, list[str]]:
    return clause_texts(ACTORS, text)


def test_a_court_s_finding_goes_on_from_its_sentence() -> None:
    text = "北浜地裁は12日、原告の請求の一部を退けた。一方、条例の規定は憲法に違反すると判断した。"
    assert any("憲法に違反すると判断した" in t for t in clauses(text)[COURT])


def test_a_panel_s_conclusion_goes_on_from_its_sentence() -> None:
    text = "港湾審査会は報告書をまとめ、市に提出した。埋め立て計画の環境評価は不十分だったと結論づけた。"
    assert any("不十分だったと結論づけた" in t for t in clauses(text)[PANEL])
    text = "港湾審査会は報告書をまとめた。事故は人為的な誤りによるものだと断じた。"
    assert any("人為的な誤りによるものだと断じた" in t for t in clauses(text)[PANEL])


def test_a_person_s_judgement_goes_on_too() -> None:
    text = "川辺市長は「再開は急がない」と述べた。そのうえで、安全性は確保されたと判断した。"
    assert any("安全性は確保されたと判断した" in t for t in clauses(text)[MAYOR])


def test_a_finding_with_a_subject_of_its_own_is_not_carried() -> None:
    text = "川辺市長は「再開は急がない」と述べた。北浜地裁は条例が違憲だと判断した。"
    found = clauses(text)
    assert not any("違憲だと判断した" in t for t in found.get(MAYOR, []))
    assert any("違憲だと判断した" in t for t in found[COURT])


def test_no_speaker_before_no_finding_carried() -> None:
    text = "市内の港では10日、荷役が再開された。安全性は確保されたと判断した。"
    assert clauses(text) == {}


def test_a_finding_inside_a_clause_is_no_report() -> None:
    # 「…と判断し」 qualifying what the body decided is still the body's sentence, read as its own subject's
    text = "港湾審査会は、安全性は確保されたと判断し、再開を認めた。"
    assert list(clauses(text)) == [PANEL]


def test_a_people_s_judgement_after_a_body_is_not_the_body_s() -> None:
    text = "港湾審査会は報告書をまとめた。地元の住民は安全性が確保されていないと判断した。"
    assert not any("判断した" in t for t in clauses(text).get(PANEL, []))

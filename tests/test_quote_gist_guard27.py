"""quote_gist's guard (`denies_or_asks`) on forms it misread: a speaker's own remark reported with 「…」と指摘 (not a
question or demand put to them: that is 「…」との指摘), 〜ない気がする (a negation, not a noun's modifier), and 予想外
(a word that says "not expected"). Sentences of our own; the counter-examples still refused."""

from __future__ import annotations

from bot.services import quote_gist as g


def test_a_remark_the_speaker_pointed_out_is_their_own() -> None:
    text = "委員長は会見で「工事の遅れは住民の暮らしに大きな影響を与えている」と指摘した。"
    segment = "工事の遅れは住民の暮らしに大きな影響を与えている"
    assert not g.denies_or_asks("工事の遅れが住民の生活に大きく響いている", text, segment)
    # a remark others made about the speaker's project, put to them, is still not theirs
    asked = "住民からは「工事の遅れは住民の暮らしに大きな影響を与えている」との指摘が相次いだ。"
    assert g.denies_or_asks("工事の遅れが住民の生活に大きく響いている", asked, segment)


def test_a_negation_before_the_feeling_it_is_said_with_is_a_negation() -> None:
    said = "誰も責任を取ろうとしない気がする"
    assert not g.denies_or_asks("誰も責任を取ろうとしないように思う", said, said)
    assert g.denies_or_asks("みんなが責任を取ろうとしているように思う", said, said)
    modifier = "言い表せない苦労があった"  # ない before a noun it modifies says nothing of the clause
    assert not g.denies_or_asks("大変な苦労があった", modifier, modifier)


def test_unexpected_says_what_was_not_expected() -> None:
    said = "全く予想していなかった結果だ"
    assert not g.denies_or_asks("まったく予想外の結果だった", said, said)
    assert g.denies_or_asks("予想どおりの結果だった", said, said)

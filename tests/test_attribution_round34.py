"""Round 34 (issue 11, branch st34b): statements read as the actor's that the subject and carry rules left to no one.

- A Japanese sentence that reports speech or a stance act and that no subject or carry rule gives anyone takes the
  speaker /quote's attribution gives it (one module for both): a body's sentence ended on a gapped noun
  (「…と反論。」) then 「自国の対応は…と主張し、「…」との声明を出した」; a person's 「…と言及。」 then 「国と県が
  話し合いを重ね、…との考えを示した」. Never a sentence that reports no speech (the reporter's remark), one whose
  words a source is named for (によると), nor one with a topic of its own no rule names (「…円より子衆院議員は」).
- A が subject inside a clause that qualifies a noun (「米国が提案しウクライナが受け入れた全面停戦」) is not the
  subject of a sentence ending on a stance act (「…には同意しなかった」): the sentence is the speaker's before.
"""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.stance import extract_claims
from bot.models import ParsedPassage

CAMBODIA_MOD = ActorEntry(1, "カンボジア国防省", None, "org", [])
THAI_ARMY = ActorEntry(2, "タイ軍", None, "org", [])
JUDGE = ActorEntry(3, "三浦隆志", None, "person", ["三浦裁判長", "三浦隆志裁判長"])
PUTIN = ActorEntry(4, "プーチン", None, "person", ["プーチン大統領"])
UKRAINE = ActorEntry(5, "ウクライナ", None, "country", [])
USA = ActorEntry(6, "米国", None, "country", ["アメリカ"])
HAMAGUCHI = ActorEntry(7, "浜口誠", None, "person", ["浜口", "浜口政調会長"])
FLAING = ActorEntry(8, "ミン・アウン・フライン", None, "person", ["フライン", "フライン総司令官"])


def _claimed(text: str, *entries: ActorEntry) -> list[tuple[int, str]]:
    index = ActorIndex(list(entries))
    passages = [ParsedPassage(text=t) for t in text.split("\n")]
    return [(c.actor_id, passages[c.passage].text[c.lo : c.hi]) for c in extract_claims(passages, index)]


def _holders(claims: list[tuple[int, str]], words: str) -> set[int]:
    return {a for a, t in claims if words in t}


def test_a_statement_issued_after_a_bodys_gapped_rebuttal_is_the_bodys() -> None:
    text = (
        "これに対し、カンボジア国防省は「タイ軍が先に領内へ侵入した」と反論。"
        "自国の対応は自衛権の行使にすぎないと主張し、「無謀な軍事侵略を強く非難する」との声明を出した。"
    )
    assert _holders(_claimed(text, CAMBODIA_MOD, THAI_ARMY), "無謀な軍事侵略") == {1}


def test_a_view_shown_after_a_persons_gapped_mention_is_the_persons() -> None:
    text = (
        "一方で三浦裁判長は判決の付言で、県民の思いには「理解できる面がある」と言及。"
        "国と県が話し合いを重ね、根本的な解決を図ることが望ましいとの考えを示した。"
    )
    assert _holders(_claimed(text, JUDGE), "根本的な解決") == {3}


def test_a_description_or_another_topics_sentence_is_not_given_to_the_speaker_before() -> None:
    # counter-examples: the reporter's own remark tells no speech, a topic no rule names is that one's own
    remark = (
        "フライン総司令官は28日、「どの国からの支援でも歓迎する」と表明。\n"
        "孤立してきた軍が外国に支援を求めるのは異例です。"
    )
    assert _holders(_claimed(remark, FLAING), "異例です") == set()
    other = (
        "浜口政調会長は「導入の方向で考えている」と語った。"
        "法案づくりを主導した円より子衆院議員は「本当の保守は寛大だ」と語った。"
    )
    assert _holders(_claimed(other, HAMAGUCHI), "本当の保守") == set()


def test_a_relative_clauses_subject_does_not_take_the_act_of_the_speaker_before() -> None:
    text = (
        "プーチン大統領は18日、エネルギー施設への攻撃を30日間停止すると述べた。"
        "ただ、米国が提案しウクライナが受け入れた30日間の全面停戦には同意しなかった。"
    )
    assert 4 in _holders(_claimed(text, PUTIN, UKRAINE, USA), "全面停戦には同意しなかった")
    # counter-example: a が subject of the sentence's own predicate keeps it
    own = "プーチン大統領は18日、攻撃を停止すると述べた。ただ、ウクライナが全面停戦に同意しなかった。"
    assert _holders(_claimed(own, PUTIN, UKRAINE, USA), "全面停戦に同意しなかった") == {5}

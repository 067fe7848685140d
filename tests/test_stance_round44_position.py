"""Positions read in context, forty-fourth round (issue 11, part 3: a demand toward the target, negation scope, a
hedge that is only a manner). Sentences written for these tests in the forms news statements take across outlets,
none copied from a corpus:

- **an English attitude whose infinitive is another attitude** composes with it: "urged lawmakers to reject the
  bill", "called on members to vote against the deal", "called for the plan to be rejected" oppose what is to be
  rejected, as 「法案を拒否するよう求めた」 already did; "plans to oppose" opposes, "refused to accept" still opposes,
  "urged them not to reject" supports. English took the first attitude of the part alone, so the demand read as
  support of what it asked to be rejected. A conjunction between them is no infinitive;
- **慎重 as the manner of a deed** is no reluctance: 「計画を慎重に進める」「工事を慎重に再開する」 support the deed,
  「慎重な審議を求めた」 asks for the deliberation; 慎重な姿勢, 慎重に検討する, 慎重にならざるを得ない keep the reluctance
  (the English manner adverb, "will cautiously resume", was never a cue);
- **the act said as a state of not having done it** (「関与していない」「一切参加しておらず」) is the act not done, as
  「関与しない」 and "was not involved" are; a question put (「関与していないか調べる」) is not;
- **a negation continued with なく** (「受け入れたことはなく、今後も受け入れない」「撤回することなく」) negates the cue
  before it, as ない does ("has never accepted it and never will"); 〜なくても, 〜なくては, 〜なくして are no negation;
- **a vote's tally** (賛成多数で, 反対多数で, 全会一致で) is no stance word: what a body passed says its stance
  (「保証を承認しない決議を賛成多数で可決した」 opposes the guarantee, "adopted a motion calling for the plan to be
  scrapped" opposes the plan); 否決 still opposes, 「協定の締結で一致した」 still agrees;
- **the critic criticized** is for the target: an attitude against those who take one against it (「協定に反対する野党を
  批判した」「停戦を拒否するロシアを非難した」, "condemned those who reject the ceasefire") or against a criticism of it
  (「計画への批判を一蹴した」「法案への反対意見を退けた」, "dismissed criticism of the plan", "rejected concerns about
  it"); a criticism of the target's own opponents named by a noun that is the target (反対派) and two attitudes in
  sequence (「反対し、撤回を求めた」, "rejected the plan and criticized its authors") stay against, and so does denying
  allegations;
- **a deed called wrong** (「協議を打ち切るのは間違いだ」「運転を停止するのは誤りだ」「発言は誤っている」) opposes it, as
  "it would be a mistake to abandon the talks" already did; 「間違っていない」 approves; 間違いない and 間違いなく
  ("certainly") are no evaluation;
- **an English rhetorical question** ("How can anyone support this plan?", "How can we accept a conclusion …?")
  turns the attitude it asks about, as Japanese's なぜ…のか and 本当に…だろうか already read; with no attitude, "Why
  should we trust …?" and "How can it be kidnapping …?" are against what is asked, while "How can we help the
  victims?" asks for a way and a reported "asked how the plan could work" is no question of the speaker's.
"""

from __future__ import annotations

import pytest

from tests.stance_clauses import position_of

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("He urged lawmakers to reject the bill.", "the bill", "oppose"),
        ("She called on members to reject the proposal.", "the proposal", "oppose"),
        ("The union appealed to members to vote against the deal.", "the deal", "oppose"),
        ("The group called for the plan to be rejected.", "the plan", "oppose"),
        ("He told shareholders to reject the offer.", "the offer", "oppose"),
        ('The minister urged delegations "to firmly reject any text" on coal.', "any text", "oppose"),
        ("The party plans to oppose the bill.", "the bill", "oppose"),
        ("彼は株主に買収案を拒否するよう求めた", "買収案", "oppose"),
        ("彼は議員に法案に反対するよう呼びかけた", "法案", "oppose"),
    ],
)
def test_a_demand_to_reject_opposes_what_is_rejected(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("He urged lawmakers to approve the bill.", "the bill", "support"),
        ("She urged the board to accept the offer.", "the offer", "support"),
        ("He urged lawmakers not to reject the bill.", "the bill", "support"),
        ("He refused to accept the offer.", "the offer", "oppose"),
        ("The party is ready to accept the offer.", "the offer", "support"),
        ("彼は議員に法案に賛成するよう求めた", "法案", "support"),
    ],
)
def test_a_demand_to_accept_supports_and_a_refusal_still_refuses(text: str, target: str, expected: str) -> None:
    # counter-examples: what the outer verb wants of an approving attitude is approval; refusing stays against
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("政府は計画を慎重に進める考えだ", "計画", "support"),
        ("会社は工事を慎重に再開する方針だ", "工事", "support"),
        ("県警は慎重な捜査を進める", "捜査", "support"),
        ("野党は慎重な審議を求めた", "審議", "support"),
        ("The company will cautiously resume production.", "production", "support"),
    ],
)
def test_careful_as_a_manner_is_no_reluctance(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("政府は慎重な姿勢を崩していない", "姿勢"),
        ("首相は法案の成立に慎重な姿勢を示した", "法案"),
        ("首相は増税に慎重だ", "増税"),
        ("首相は慎重に検討すると述べた", "検討"),
        ("首相は増税には慎重にならざるを得ないと述べた", "増税"),
    ],
)
def test_careful_as_an_attitude_stays_reluctance(text: str, target: str) -> None:
    # counter-examples: a stance noun, thinking or judging, becoming careful: the actor's reluctance
    assert position_of(text, target) == "oppose"


@pytest.mark.parametrize(
    ("text", "target", "negated"),
    [
        ("我々は関与していないことを明確にした", "関与", True),
        ("同社は交渉に一切参加しておらず、結果も知らない", "参加", True),
        ("社長は「会合には出席していなかった」と述べた", "出席", True),
        ("We were not involved in the revolt, he said.", "involved", True),
        ("我々は関与していると認めた", "関与", False),
        ("県は職員が関与していないか調べる", "関与", False),
    ],
)
def test_an_act_not_done_said_as_a_state(text: str, target: str, negated: bool) -> None:
    from bot.extract.negated_act import act_negated

    at = text.find(target)
    assert act_negated(text, [(at, at + len(target))]) is negated


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("インドは仲介を受け入れたことはなく、今後も受け入れない", "仲介", "oppose"),
        ("政府は支援を打ち切ったことはなく、今後も続ける", "支援", "support"),
        ("政府は法案を撤回することなく、成立を目指す", "法案", "support"),
        ("India has never accepted mediation and never will.", "mediation", "oppose"),
        ("政府は合意を受け入れなくても交渉を続ける", "交渉", "support"),
    ],
)
def test_a_negation_continued_with_naku(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("議会は保証を承認しない決議を賛成多数で可決した", "保証", "oppose"),
        ("議会は計画の撤回を求める決議を全会一致で採択した", "計画", "oppose"),
        ("議会は計画に反対する決議を賛成多数で可決した", "計画", "oppose"),
        ("The council adopted a motion calling for the plan to be scrapped.", "the plan", "oppose"),
        ("議会は協定を支持する決議を賛成多数で採択した", "協定", "support"),
        ("議会は法案を賛成多数で可決した", "法案", "support"),
        ("議会は法案を反対多数で否決した", "法案", "oppose"),
        ("両党は協定の締結で一致した", "協定", "support"),
    ],
)
def test_a_vote_tally_is_no_stance_word(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("協定に反対する野党を批判した", "協定", "support"),
        ("停戦を拒否するロシアを非難した", "停戦", "support"),
        ("人質の解放を拒むハマスを強く非難した", "人質の解放", "support"),
        ("計画への批判を一蹴した", "計画", "support"),
        ("首相は法案への反対意見を退けた", "法案", "support"),
        ("He criticized those who oppose the deal.", "the deal", "support"),
        ("He condemned those who reject the ceasefire.", "the ceasefire", "support"),
        ("He dismissed criticism of the plan.", "the plan", "support"),
        ("She rejected concerns about the merger.", "the merger", "support"),
    ],
)
def test_the_critic_criticized_is_for_the_target(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("政府は反対派を批判した", "反対派"),
        ("協定に反対し、撤回を求めた", "協定"),
        ("協定に反対する立場を強調した", "協定"),
        ("政府は計画への懸念を表明した", "計画"),
        ("He rejected the plan and criticized its authors.", "the plan"),
        ("He denied allegations of corruption.", "corruption"),
    ],
)
def test_two_attitudes_against_that_are_no_critic_criticized(text: str, target: str) -> None:
    # counter-examples: the opponents as the target, attitudes in sequence, a concern stated, allegations denied
    assert position_of(text, target) == "oppose"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("協議を打ち切るのは間違いだ", "協議", "support"),
        ("支援を打ち切ることは間違いだ", "支援", "support"),
        ("原発の運転を停止するのは誤りだ", "原発の運転", "support"),
        ("首相の発言は極めて誤っている", "首相の発言", "oppose"),
        ("政府の判断は間違っていなかった", "政府の判断", "support"),
        ("He said it would be a mistake to abandon the talks.", "the talks", "support"),
        ("協定は間違いなく前進だ", "協定", "support"),
        ("協定が結ばれるのは間違いない", "協定", "neutral"),
    ],
)
def test_a_deed_called_wrong(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("How can anyone support this plan?", "this plan", "oppose"),
        ("How can we accept a conclusion when they will not show us the data?", "a conclusion", "oppose"),
        ("How can it be kidnapping if there is a warrant?", "kidnapping", "oppose"),
        ("Why should we trust their report?", "their report", "oppose"),
        ("Why would we oppose a deal that helps our workers?", "a deal", "support"),
        ("なぜこの案を今受け入れなければならないのか", "この案", "oppose"),
        ("この計画で本当に住民を守れるのだろうか", "この計画", "oppose"),
    ],
)
def test_a_rhetorical_question_turns_what_it_asks(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("How can we help the victims?", "the victims"),
        ("He asked how the plan could work.", "the plan"),
        ("How can the government fix this? I do not know.", "the government"),
    ],
)
def test_a_question_asking_for_a_way_is_no_stance(text: str, target: str) -> None:
    assert position_of(text, target) == "neutral"

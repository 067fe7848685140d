"""The position toward the target asked about, by the target's role in the clause (issue 11, part 3, forty-sixth
round). Sentences written for these tests, none copied from a corpus, one or more a role and language:

- **the question put to the speaker** (「法案に賛成するかと問われ、「賛成しない」と答えた」, "Asked whether she would back
  the bill, she said she would not"): the question's stance words are the reporter's; the answer is the position, and
  an answer that only says yes or no (「当然だ」, 「そうした考えは持ち合わせていない」, "he said no") takes the question's
  reading, turned by a no (`bot/extract/question_asked.py`);
- **a restriction the target names** (「新たな規制」, 規制 and 制限: `action_oppose_said`): the thing asked about, no
  restricting done to it (「規制に反対した」 was read as support: the word's own act composed with 反対);
- **a need said for the target** (「派遣には後ろ盾が欠かせない」, 「支援を実行する前に保証が不可欠だ」, "a lasting
  settlement requires …"): a condition toward the target; the thing needed stays supported
  (`bot/extract/prerequisite.py`);
- and the roles the rules already read, pinned here in both languages: a block of the target criticised, a demand
  for it, a demand for its end, a refusal, a condition, a negated support and a negated opposition.
"""

from __future__ import annotations

import pytest

from bot.extract.prerequisite import needed_for
from bot.extract.question_asked import answer_polarity, question_spans
from tests.stance_clauses import position_of

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # the answer's own words decide
        ("法案に賛成するかと問われ、「賛成しない」と答えた。", "法案", "oppose"),
        ("Asked whether she would back the bill, she said she would not.", "the bill", "oppose"),
        ("Asked whether she would support the bill, she said no.", "the bill", "oppose"),
        # a bare yes or no: the question's reading, turned by a no
        ("法案に賛成するかと問われ、「いいえ」と答えた。", "法案", "oppose"),
        ("停戦を求めているかと記者団に問われ、「もちろんだ」と答えた。", "停戦", "support"),
        ("計画を見直す可能性を問われ、「そうした考えは持ち合わせていない」と明言した。", "計画を見直す", "oppose"),
        ("解散は確実かと問われると、「当然だ。武装組織が国を動かすことはできない」と答えた。", "解散", "support"),
        ("Asked whether he would resign, he said no.", "resign", "oppose"),
        ("Asked whether she supported the plan, she said yes.", "the plan", "support"),
        ("Asked whether he backed the deal, he said he did.", "the deal", "support"),
        (
            'Asked whether he was ready to meet the president, he answered: "We are ready."',
            "meet the president",
            "support",
        ),
        # the question's words alone say nothing of the speaker's position
        ("委員会を設けるべきかを問われると、「議会が判断することだ」と述べた。", "委員会", "neutral"),
        # an answer with words of its own keeps them ("don't mind": not opposed)
        (
            'Asked whether they would welcome mediation, he said: "We don\'t mind mediation, but the talks are ours."',
            "mediation",
            "support",
        ),
        ("Asked about the tariffs, he said they would hurt farmers.", "the tariffs", "oppose"),
    ],
)
def test_the_question_put_is_not_the_speakers_position(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


def test_question_spans_and_answers() -> None:
    text = "法案に賛成するかと問われ、「いいえ」と答えた。"
    spans = question_spans(text)
    assert spans == ((0, text.index("問われ") + 3),)
    assert answer_polarity(text, spans) == -1
    assert question_spans("「賃上げを実施するという声が多く聞かれる」と説明した。") == ()  # heard, not asked
    assert question_spans("殺人罪に問われ、公判が始まった。") == ()  # charged
    assert question_spans("Asked whether he would run again") == ()  # no answer in the sentence
    english = "Asked whether he would run again, he said yes."
    assert answer_polarity(english, question_spans(english)) == 1
    assert answer_polarity("Asked about it, he said the plan was flawed.", question_spans("Asked about it, he")) == 0


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("規制に反対した。", "規制", "oppose"),
        ("規制に賛成した。", "規制", "support"),
        ("「新たな規制を設けるべきだ」と述べた。", "新たな規制", "support"),
        ("「新たな規制を設けるべきではない」と述べた。", "新たな規制", "oppose"),
        ("「新たな規制は必要ない」と述べた。", "新たな規制", "oppose"),
        ("「新たな規制が必要だ」と述べた。", "新たな規制", "support"),
        ("「ツアーを規制で縛るべきではない」と述べた。", "規制", "oppose"),
        # a restriction said of another thing is still done to it
        ("「兵力の制限には応じない」と述べた。", "兵力", "support"),
    ],
)
def test_a_restriction_the_target_names_is_no_act_done_to_it(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("「部隊の派遣には米国の後ろ盾が欠かせない」と述べた。", "部隊の派遣", "conditional"),
        ("「部隊の派遣には米国の後ろ盾が欠かせない」と述べた。", "米国の後ろ盾", "support"),
        ("「支援を実行する前に債権国の保証が不可欠だ」と語った。", "支援", "conditional"),
        ("「再稼働のためには安全対策が不可欠だ」と述べた。", "再稼働", "conditional"),
        ("「再稼働には地元の同意が必要だ」と述べた。", "再稼働", "conditional"),
        ("「再稼働が必要だ」と述べた。", "再稼働", "support"),
        ("「経済の再生には減税が必要だ」と述べた。", "減税", "support"),
        ('"A lasting settlement requires addressing the root causes," he said.', "settlement", "conditional"),
        ("He said the plan needs a full explanation to the public.", "the plan", "conditional"),
        ('"Ukraine needs more air defence," he said.', "air defence", "support"),
        ('"The ceasefire needs to hold," he said.', "The ceasefire", "support"),
        ("They would follow the island's lead on what help was needed.", "help", "support"),  # what is needed
    ],
)
def test_a_need_said_for_the_target_is_a_condition(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


def test_needed_for() -> None:
    assert needed_for("派遣には後ろ盾が欠かせない", [(0, 2)])
    assert not needed_for("後ろ盾が欠かせない", [(0, 3)])
    assert needed_for("the plan needs a full explanation", [(4, 8)])
    assert not needed_for("the plan needs to pass", [(4, 8)])


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # a block of the target, or those who stall it, criticised: for the target
        ("法案の成立を阻止する野党を批判した。", "法案の成立", "support"),
        ("停戦協議を妨げる勢力を非難した。", "停戦協議", "support"),
        ("He accused Republicans of blocking the aid package.", "the aid package", "support"),
        ("He condemned the blocking of the aid deal.", "the aid deal", "support"),
        # a demand for it
        ("停戦を呼びかけた。", "停戦", "support"),
        ("She urged lawmakers to pass the bill.", "the bill", "support"),
        # a demand for its end, its withdrawal, a halt
        ("計画の中止を要求した。", "計画", "oppose"),
        ("法案の撤回を求めた。", "法案", "oppose"),
        ("They called for an end to the blockade.", "the blockade", "oppose"),
        ("They demanded the withdrawal of the bill.", "the bill", "oppose"),
        # a refusal
        ("停戦案を受け入れない考えを示した。", "停戦案", "oppose"),
        ("She refused to accept the plan.", "the plan", "oppose"),
        # a condition on it
        ("財源が確保されない限り増税は認めない。", "増税", "conditional"),
        ("「再稼働は地元の同意が条件だ」と述べた。", "再稼働", "conditional"),
        ("We will back the deal only if the tariffs are removed.", "the deal", "conditional"),
        # a negated support, a negated opposition
        ("増税には賛成しない。", "増税", "oppose"),
        ("She said she was not in favour of the tax.", "the tax", "oppose"),
        ("増税に反対はしない。", "増税", "support"),
        ("He said he was not against the merger.", "the merger", "support"),
    ],
)
def test_the_targets_role(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected

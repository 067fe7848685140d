"""The position toward the target asked about (issue 11, part 3, forty-ninth round). Sentences written for these
tests, none copied from a corpus:

- **the report says the speaker took no side**: 「…」と述べるにとどめた (said only this much), 賛否は明言しなかった,
  具体的な評価を避けた, "stopped short of calling for", "has neither endorsed nor opposed", "it was not appropriate
  for the government to comment": neutral, whatever the quote's own words (`attitude_neutral_patterns`);
- **a bare yes or no said in katakana** (「イエス」と答えた, 「ノー」と答えた) answers the question put as はい and
  いいえ do (`question_asked`); 「ノーコメント」 is no answer;
- **a condition inside the question put** (「…場合の対応を問われ」, "Asked what he would do if …") is the reporter's
  words, no term the speaker sets, and a target named only inside the question (「…とは組まないという約束を破ったの
  ではないかと問われると」) is read by the answer's main predicate, not by the question's own negation
  (`stance._position_toward`);
- **watching after a stance** (「…支持してきた。…注視している」, 「…と評価したうえで、影響を見極める考えを示した」): the
  stance said before is the position; a clause that only watches stays neutral (`stance._watched_after_stance`);
- **solidarity** (連帯を表明, 「…と共にある」, "stand with") supports who it is shown to.
"""

from __future__ import annotations

import pytest

from tests.stance_clauses import position_of

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("補償の要望については「まずは被害の全体像をつかみたい」と述べるにとどめた。", "補償"),
        ("社長は増資について「市場の動向を見て考えていきたい」と語るにとどめた。", "増資"),
        ("知事は移設について「国の説明を聞きたい」と述べ、賛否は明言しなかった。", "移設"),
        ("長官は「他国の判断を尊重する」と述べ、具体的な評価を避けた。", "他国の判断"),
        ("The mayor, who has neither endorsed nor opposed the plan, said he would watch closely.", "the plan"),
        ("She said it was not appropriate for the government to comment on the merger.", "the merger"),
        ("He stopped short of calling for the vote to be annulled.", "the vote"),
    ],
)
def test_a_statement_the_report_says_takes_no_side_is_neutral(text: str, target: str) -> None:
    assert position_of(text, target) == "neutral"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # にとどめ of no speech verb (keeping the damage down) declines nothing
        ("知事は避難計画を支持すると述べ、被害を最小限にとどめたいと語った。", "避難計画", "support"),
        # a stance the report says was said, not limited
        ("知事は計画への反対を表明した。", "計画", "oppose"),
        ("The senator endorsed the plan on Monday.", "the plan", "support"),
    ],
)
def test_a_stance_said_in_full_keeps_its_reading(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("記者団から、組合が求める賃上げを支持するかと問われると、知事は「イエス」と短く答えた。", "賃上げ", "support"),
        ("記者団から、組合が求める賃上げを支持するかと問われると、知事は「ノー」と短く答えた。", "賃上げ", "oppose"),
        ("記者団から、計画に反対するかと問われると、知事は「イエスだ」と答えた。", "計画", "oppose"),
        ("記者団から計画を支持するかと問われ、知事は「ノーコメントだ」と答えた。", "計画", "neutral"),
        ("首相は、計画を支持するかと問われ、「もちろんだ」と答えた。", "計画", "support"),
        ('Asked whether he backed the plan, the minister said: "Absolutely."', "the plan", "support"),
    ],
)
def test_a_bare_yes_or_no_answers_the_question_put(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("増税を求められた場合の対応を問われると、大臣は「増税は必要ない」と述べた。", "増税", "oppose"),
        ("相手が交渉を拒めば制裁を科すのかと問われ、大臣は「制裁は既に十分だ」と答えた。", "制裁", "neutral"),
        (
            "Asked what he would do if the union rejected the offer, the minister said the offer was fair.",
            "the offer",
            "neutral",
        ),
        # a condition in the answer is still a term
        (
            "Asked whether he would back the plan, the minister said he would if the tariffs were cut.",
            "the plan",
            "conditional",
        ),
        ("外相は、相手が証拠を示せば協議に応じる用意があると述べた。", "協議", "conditional"),
    ],
)
def test_a_condition_inside_the_question_put_is_no_term(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        (
            "長官は「わが国は同国がEU加盟を目指す方針を支持してきた。法律が加盟にどう影響するかも含め、"
            "懸念をもって注視している」と述べた。",
            "EU加盟",
            "support",
        ),
        ("大臣は、当局が措置を素早く講じていると評価したうえで、影響を見極める考えを示した。", "措置", "support"),
        ("長官は判決について「遺憾だ」と述べる一方、今後の対応を注視する考えを示した。", "判決", "oppose"),
        # watching alone, or declining to judge, stays neutral
        ("長官は、判決について「今後の動向を注視したい」と述べた。", "判決", "neutral"),
        ("知事は「今後の国の対応を注視したい」と述べた。", "国の対応", "neutral"),
    ],
)
def test_watching_after_a_stance_keeps_the_stance(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "首相はメッセージで「被災地が困難な時を乗り越えるにあたり、我々は常に被災地と共にあります」と連帯を表明した。",
            "被災地",
        ),
        ("大臣は、困難に直面する同国の人々への連帯を示した。", "同国の人々"),
        (
            "The president said America would always stand with the people of Ukraine in this terrible war.",
            "the people of Ukraine",
        ),
    ],
)
def test_solidarity_supports_who_it_is_shown_to(text: str, target: str) -> None:
    assert position_of(text, target) == "support"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        (
            "記者から「野党とは組まないという約束を破ったのではないか」と問われると、首相は「混乱を終わらせるには"
            "必要な判断だった」と答えた。",
            "組まない",
            "support",
        ),
        (
            "記者から、増税を見送らないのかと問われると、大臣は「財政再建には必要な判断だった」と答えた。",
            "増税",
            "support",
        ),
        ("記者団から計画に反対するかと問われ、知事は「計画には問題がある」と答えた。", "計画", "oppose"),
        # the answer's own stance word decides
        ("記者団から計画を支持するかと問われ、知事は「計画は支持しない」と答えた。", "計画", "oppose"),
    ],
)
def test_a_target_named_only_in_the_question_is_read_by_the_answer(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected

"""Japanese positions read by how the statement says it, forty-second round (issue 11, part 3; the blind round's 8
position misses were all Japanese statements). Sentences written for these tests in the forms of the LOOK stories'
statements across outlets, none copied from a corpus:

- **only X** (「死刑以外に選べる刑はない」 kyoani2024, 「対話以外に解決の道はない」): 〜以外に…はない, 〜以外の…はない
  say X is the one way: support of X, not a denial of it; not 〜以外にも (besides X), nor a question (〜ないのか);
- **a judgment that is not held** (「安全でないとは考えていない」 airindia2025, 「…とは言えない」): the clause under
  〜とは思わない / 考えていない / 言えない is said not to be so, for a stance word (the cue scanner), for the target's own
  predicate (`stance._governed`: a negated one under any, a plain one under 〜とは言えない only) and for an evaluative
  word (`polarity`): 「適切だとは言えない」 opposes, 「安全でないとは考えていない」 supports; not 〜とも言えない (no
  judgment made either way), nor 「助かればいいとは思っていない」 (not enough), and a need 〜ないと…できない is no
  longer read in 〜ないとは言えない;
- **criticism said by its verb** (「「…法人税に偏っている」と苦言を呈した」 defense2022, 「「…いかがなものか」と苦言」
  samesex2024, 「「…」と憤った」 gcap2024 and abe2022, 「…と注文をつけた」, 「…とくぎを刺した」): 苦言, 憤る, 注文をつける,
  くぎを刺す oppose what they are said of and frame a quote as 批判 does (`_CRITICISM_FRAME_RX`: the quote's own stance
  toward a target it names is read by its words); 「…」とけん制した only after a quote, since けん制 takes an object of
  its own (「介入も辞さない構えで市場をけん制した」 is for the intervention); 〜のはいかがなものか opposes;
- **a scenario** 〜となれば (「法人税の増税となれば、国内投資を冷ましてしまう」と懸念) is a plain scenario as 〜れば is:
  an opposing reading under it stays opposition; a supporting one stays conditional;
- **no authority to do it** (「解雇させる権限はない」と判断 doge2025, 「裁く権限がない」 bolsonaro2025, 「干渉する権利はない」,
  「延ばし続ける権限はない」): the act said not to be one's to do is opposed; not 権限がある, nor a noun's 権限 (「権限の
  ない者」);
- **a demand that it be changed** (「法律を変えてほしい」, 「都政を、都民の手で変えてほしい」 tokyogov2024, 「根幹を変える
  べきだ」): opposes it as it stands, as 見直すべき does; not 「変えるべきではない」 (keep it), nor a compound
  (「切り替えてほしい」).

Tried and dropped (full LOOK and CHECK runs, README): 〜次第 after a verb's stem as "as soon as" (henoko2023 gained,
kadokawa2024 lost: the same 「…が整い次第、速やかに…」 is gold support in one and conditional in the other); a verb
before ほかない / しかない as "the one way" (kazu2022 lost: a cue added in a later sentence moved the reading off the
condition's sentence, nothing gained).
"""

from __future__ import annotations

import pytest

from bot.extract.polarity import evaluation
from tests.stance_clauses import position_of

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("重い判断になるが、死刑以外に選べる刑はない", "死刑", "support"),
        ("対話以外に解決の道はない", "対話", "support"),
        ("外交以外の選択肢はありません", "外交", "support"),
    ],
)
def test_only_x_supports_x(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("再稼働以外にも課題は多い", "再稼働", "neutral"),  # besides it: no only
        ("増税するほか、歳出も削る", "増税", "support"),  # ほか, besides: the act done, as before
        ("増税に反対しないわけではない", "増税", "oppose"),  # no only, the old reading kept
    ],
)
def test_no_only_without_its_frame(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


def test_only_x_asked_is_no_support() -> None:
    assert position_of("対話以外に道はないのか", "対話") != "support"  # a question put, not the speaker's one way


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("その判断は適切だとは言えない", "判断", "oppose"),
        ("この計画は必ずしも適切とは言えない", "計画", "oppose"),
        ("その案が安全だとは言えない", "安全", "oppose"),  # the target's own predicate
        ("FAAはロック機構が安全でないとは考えていない", "安全", "support"),
        ("協定が有効でないとは思わない", "協定", "support"),
    ],
)
def test_a_judgment_not_held_turns_the_clause(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("その判断は適切だ", "判断", "support"),
        ("その案は安全ではない", "安全", "oppose"),
        ("その判断が適切とも言えない", "判断", "support"),  # neither way: the cue as it stands
        ("計画に問題がないとは言えない", "計画", "neutral"),  # no need read in 〜ないとは言えない
        ("一部の企業が助かればいいとは思っていない", "助か", "neutral"),  # not enough: no denial of 助かる
    ],
)
def test_no_turn_without_a_judgment_denied(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ロック機構が安全でないとは考えていない", 1),
        ("その対応が適切だとは思わない", -1),
        ("措置が危険だとは言えない", 1),
        ("その対応は適切ではない", -1),
        ("その対応が適切とも言えない", 0),  # a positive word as it stands: no evaluation, as before
    ],
)
def test_the_polarity_layer_reads_the_judgment_denied(text: str, value: int) -> None:
    assert evaluation(text) == value


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("十倉会長は増税案について「結果的にやや法人税に偏っている」と苦言を呈した", "増税案", "oppose"),
        (
            "十倉氏は国会の議論に対し「前段階の法案を出すことすら議論しているのはいかがなものか」と苦言を呈した",
            "国会の議論",
            "oppose",
        ),
        ("杉原代表は、戦闘機輸出を密室で決めたとして「こんな民主主義の国があるのか」と憤った", "戦闘機輸出", "oppose"),
        ("同氏は「関税収入は労働者の支援に充てるべきだ」と述べ、政府の対応には注文をつけた", "政府の対応", "oppose"),
        ("委員長は「福島への責任を忘れないでほしい」と東電にくぎを刺した", "東電", "oppose"),
        ("報道官は「日比の接近は地域の安定を損なう」とけん制した", "日比の接近", "oppose"),
    ],
)
def test_criticism_said_by_its_verb(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # the quote's own stance toward a target it names is read by its words, as under 批判
        ("同氏は「関税収入は労働者の支援に充てるべきだ」と述べ、政府の対応には注文をつけた", "労働者の支援", "support"),
        ("財務官は、介入も辞さない構えで市場をけん制した", "介入", "support"),  # けん制 of its own object, not a frame
        ("注文が相次ぎ、増産を決めた", "増産", "neutral"),  # an order placed, no criticism (as before)
    ],
)
def test_no_criticism_where_the_verb_is_not_said_of_it(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("小林会頭は「法人税の増税となれば、国内投資を冷ましてしまう」と懸念を示した", "法人税の増税", "oppose"),
        ("首相は「景気が悪化すれば、消費税の減税も検討する」と述べた", "減税", "conditional"),
        ("首相は「増税となれば、国民の理解が必要だ」と述べた", "増税", "conditional"),
    ],
)
def test_tonareba_is_a_scenario(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("判事は、人事局には他の省庁の職員を解雇させる権限はないと判断した", "解雇", "oppose"),
        ("「大統領には法律を無視して期限を延ばし続ける権限はない」と批判した", "期限", "oppose"),
        ("「よその国の選挙に干渉する権利はない」と書き込んだ", "干渉", "oppose"),
        ("「裁判所には法令の適否を判断する権限がある」と述べた", "判断", "support"),
        ("「権限のない者が命令を出した」と述べた", "命令", "neutral"),  # a noun's 権限: as before
    ],
)
def test_no_authority_to_do_it(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("知事は「国には法律を一刻も早く変えてほしい」と訴えた", "法律", "oppose"),
        ("代表は「裏金政治に手を貸してきた都政を、都民の手で変えてほしい」と述べた", "都政", "oppose"),
        ("議員は「戸籍制度の根幹を変えるべきだ」と述べた", "戸籍制度", "oppose"),
        ("首相は「現行の制度を変えるべきではない」と述べた", "制度", "support"),
        ("首相は「制度を変える」と述べた", "制度", "neutral"),  # the act said, no demand
    ],
)
def test_a_demand_that_it_be_changed(text: str, target: str, expected: str) -> None:
    assert position_of(text, target) == expected

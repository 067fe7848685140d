"""A character match whose changed words turn the quote's claim (`bot.services.quote_edit`): near misses of the
tuned stories' real quotes (eval/nearmiss/nm40.jsonl) refused, their reworded, mistyped and cut quotes kept."""

import pytest

from bot.services.quote_edit import changed_claim, window

# (query, the part of the passage its characters align with, why): lines nobody said, each from another story
MUST_FIRE = [
    ("I have deep sympathy for him", "I have no sympathy for him at all", "negation"),  # kyoani2024
    ("If confirmed, everyone should be surprised.", "If confirmed, no one should be surprised.", "negation"),  # wagner
    (
        "The United States must be the government for the whole world",  # myanmarquake2025
        "The United States cannot be the government for the whole world",
        "negation",
    ),
    (
        "I am taking no responsibility, and I cannot promise that the lives and property of the people will be protected",
        "I am taking full responsibility, and I promise that the lives and property of the people will be protected",
        "negation",
    ),  # bangladesh2024: two clauses, each turned
    (
        "現時点でロシア国内で大規模な衝突が発生していると承知している",  # wagner2023
        "現時点でロシア国内で大規模な衝突が発生しているとは承知していない",
        "negation",
    ),
    (
        "インドがここで止まっても、我々は止めることは考えない",
        "インドがここで止まるなら、我々も止めることを考える",
        "negation",
    ),
    ("We cannot wait another 20 years", "We cannot wait another 10 years", "number"),  # samesex2024
    (
        "犠牲者12人全員の身元が特定され、搭乗者名簿と一致した",
        "犠牲者10人全員の身元が特定され、搭乗者名簿と一致した",
        "number",
    ),
    ("August is usually our best month", "April is usually our best month", "number"),  # hualien2024: a month
    ("経営陣の責任は来年の役員の報酬で示す", "経営陣の責任は今年の役員の報酬で示す", "date"),
    (
        "We fully accept this presumption of pilot guilt",  # airindia2025: reject is a word that says no
        "We categorically reject this presumption of pilot guilt",
        "antonym",
    ),
    (
        "If Nepal does not extradite Sheikh Hasina, it will be a clear violation of the treaty",
        "If India does not extradite Sheikh Hasina, it will be a clear violation of the treaty",
        "country",
    ),
    (
        "情報収集を急ぎ、米国当局による調査の進み具合を見ながら",
        "情報収集を急ぎ、インド当局による調査の進み具合を見ながら",
        "country",
    ),
]

# (query, part): the tuned stories' reworded, mistyped and partial quotes against the words they were found in
MUST_NOT_FIRE = [
    ("nobody is above the law, including a former president", "no one is above the law, not even a former president"),
    (
        "The defendant was niether insane nor of diminished capacity",
        "The defendant was neither insane nor of diminished capacity",
    ),
    (
        "How can we acept a conclusion when they wont show us what it is built on?",
        "How can we accept a conclusion when they won't show us what it is built on",
    ),
    ("急激な変化は好ましくあい", "急激な変化は好ましくない"),  # a typo of the negation itself
    (
        "ボーイングは本物の、根本的な改善に取り組まなければなたない",
        "ボーイングは本物の、根本的な改善に取り組まなければならない",
    ),
    (
        "このすごい停戦合意は11月の歴史的な勝利がなければ実現しなかった",
        "この壮大な停戦合意は、11月の歴史的な勝利があったからこそ実現した",
    ),
    (
        "われわれは許さない。必ず追い詰めて、代償を払わせる",
        "われわれは許さない。忘れない。必ず追い詰めて、代償を払わせる",
    ),
    (
        "30年も変わっていない数字で、今の物価や賃金に見合っていない",
        "30年近く据え置かれてきた数字で、いまの物価や賃金の実態に合っていない",
    ),
    (
        "電動化や知能化の競争に勝ち抜くためには規模とスピードが不可欠",
        "電動化や知能化の競争に勝ち抜くには、規模とスピードが欠かせない",
    ),
    (
        "派閥を解散しても、お金の流れを透明にしなければ看板を掛け替えただけだ",
        "派閥をなくしても、金の流れを透明にしなければ看板の掛け替えにすぎない",
    ),
    ("前例のない事故で想定外の課題が次々に起き", "誰も経験したことのない事故で、想定できなかった課題が次々に生じ"),
    (
        "地下水を守れないのであれば、第3工場を誘致することはない",
        "地下水を守ることが前提だ。守れないなら第3工場の誘致はありえない",
    ),
    ("着工がずれ込んでも、稼働の時期さえ変わらなければ問題ない", "着工が遅れても稼働時期が変わらないなら問題はない"),
    (
        "当然の事実を歪めてしまうので、危険だからダウンロードしないでほしい",
        "当たり前の事実をねじ曲げてしまう。危ないのでダウンロードはやめていただきたい",
    ),
    (
        "We accept this is unprecedented and not desirable, but it is the least bad option",
        "that this is unprecedented and undesirable, but we believe it is the least worst option",
    ),
    (
        "経営陣の責任は今年の役員の報酬で示す",
        "経営陣の責任については「今年度の役員報酬に反映する」",
    ),  # a fiscal year is the year's
    (
        "法人格を失っても信仰は終わらないし、信者を見捨てたりはしない",
        "法人格がなくなっても信仰は続く。信者を見捨てることはない",
    ),
    (
        "There will be time later to debate what has to improve",
        "Later there will be time to discuss, without a doubt, what we need to improve",
    ),
]


@pytest.mark.parametrize(("query", "part", "why"), MUST_FIRE)
def test_a_changed_claim_is_refused(query: str, part: str, why: str) -> None:
    assert changed_claim(query, part, part) == why


@pytest.mark.parametrize(("query", "part"), MUST_NOT_FIRE)
def test_a_reworded_or_mistyped_quote_is_kept(query: str, part: str) -> None:
    assert changed_claim(query, part, part) is None


def test_a_number_the_passage_does_not_say_in_its_place_is_no_change() -> None:
    # a rewording that adds a figure the sentence says elsewhere, or none in the aligned words: kept
    assert changed_claim("36人もの命が奪われた", "多くの尊い命が奪われた", "多くの尊い命が奪われた") is None


def test_the_window_takes_the_words_the_quote_stands_for() -> None:
    text = '"The Rwanda scheme was dead." He added: "I\'m not prepared to continue with gimmicks that don\'t act."'
    start = text.index("prepared")
    part = window("I'm prepared to continue with gimmicks", text, start, start + 30)
    assert part.startswith("I'm not prepared")  # back to the quote's first word, in the same clause
    text2 = 'shift in the bargain. "Nothing about the July 22 agreement has changed at all," he said.'
    part2 = window("Everything about the July 22 agreement has changed", text2, 12, 70)
    assert part2.startswith("Nothing")  # cut at the quotation's edge the quote does not cross
    assert window("承知している", "「発生しているとは承知していない」と", 10, 15).endswith("していない")

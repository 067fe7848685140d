"""A near miss that turns a quote's claim — a predicate said yes for no in any verb form, a counted figure changed
where the characters align elsewhere, two words swapped in place — is refused (`quote_edit.changed_claim`); a
rewording, a typo or a question that says the same is not. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.services.quote_edit import changed_claim, figure_changed, predicate_turned, roles_swapped

TURNED = [
    # potential, passive, polite and honorific negations of the same verb
    ("組合の要求を全面的に受け入れる", "組合の要求は受け入れられない"),
    ("来月の総会には必ず出席する", "来月の総会に出席しない考えを伝えた"),
    ("この条件ではお引き受けになりません", "この条件ではお引き受けになります"),
    ("市は新しい橋の建設を認めた", "市は新しい橋の建設を認めなかった"),
    ("私は委員長の職にとどまる", "私は委員長の職にとどまらない"),
    ("再交渉に応じる用意がある", "再交渉に応じる用意はない"),
    ("The council is interested in a merger", "The council is not interested in a merger"),
    ("The club will sell its stadium", "The club will never sell its stadium"),
    ("The risk of a flood is no higher than usual", "the risk of a flood was higher than usual"),  # another tense
]

KEPT = [
    ("辞退はしない", "辞退は考えていない"),  # the clause says no elsewhere: the same claim
    ("抽選会は中止しない", "抽選会は中止しません"),  # polite ません is one negation, as ない
    ("資料はコピーしないでほしい", "資料のコピーはやめていただきたい"),  # a verb of its own says the no
    ("議論する意味なんてない", "議論に何の意味があるのか"),  # a question that says no by asking
    ("The mayor was niether tired nor angry", "The mayor was neither tired nor angry"),  # a typo
    ("They wont tell us the reason", "They won't tell us the reason"),
    ("I cannot see why we should join", "it is impossible for me to see why we should join"),
    ("規則が守れないなら、ここで働くことはない", "規則が守れないなら、ここで働くことはありえない"),
    ("退院してもすぐ仕事に戻れるものではない", "退院しても、仕事にすぐ戻れるわけではない"),  # a formal noun's grammar
]


@pytest.mark.parametrize(("query", "part"), TURNED)
def test_a_predicate_said_the_other_way_is_a_changed_claim(query: str, part: str) -> None:
    assert predicate_turned(query, part)
    assert changed_claim(query, part, part) is not None
    assert changed_claim(part, query, query) is not None  # either way round


@pytest.mark.parametrize(("query", "part"), KEPT)
def test_the_same_claim_said_otherwise_is_kept(query: str, part: str) -> None:
    assert not predicate_turned(query, part)
    assert changed_claim(query, part, part) is None


def test_a_word_said_both_ways_in_the_passage_is_no_turn() -> None:
    assert not predicate_turned("提案を受け入れる", "提案を受け入れない党もあるが、私たちは提案を受け入れる")


@pytest.mark.parametrize(
    ("query", "sentence"),
    [
        ("The bridge opened 40 years ago", "We waited long. The bridge opened 70 years ago, he said."),
        ("They pledged $300 million to the fund", "They pledged $450 million to the fund, the minister said."),
        ("the vote will be on April 12", "The vote will be held on April 2, officials said."),
        ("工場は30年前に建てられた", "工場は60年前に建てられたという"),
    ],
)
def test_a_figure_counting_the_same_thing_changed_is_refused(query: str, sentence: str) -> None:
    assert figure_changed(query, sentence, any("\u3040" <= c <= "\u9fff" for c in query))


@pytest.mark.parametrize(
    ("query", "sentence"),
    [
        ("The bridge opened 40 years ago", "The bridge opened 40 years ago."),
        ("about 3,000 people came", "Around 3,000 people came in 2023."),  # a figure added, none changed
        ("36人が死亡した", "36人が死亡し、2人が行方不明"),
    ],
)
def test_a_figure_kept_is_no_change(query: str, sentence: str) -> None:
    assert not figure_changed(query, sentence, any("\u3040" <= c <= "\u9fff" for c in query))


@pytest.mark.parametrize(
    ("query", "part", "swapped"),
    [
        ("She treated us like a partner, not like a client", "She treated us like a client, not like a partner", True),
        ("It is a bridge, not just a wall", "It is a wall, not just a bridge", True),
        ("トヨタがホンダを提訴した", "ホンダがトヨタを提訴した", True),
        ("prices and wages", "wages and prices", False),  # A and B is B and A
        ("トヨタとホンダの協議", "ホンダとトヨタの協議", False),
        ("雨どころか雪も降らない", "雪どころか雨も降らない", False),  # a comparison alone: remembered either way
    ],
)
def test_two_words_swapped_in_place(query: str, part: str, swapped: bool) -> None:
    assert roles_swapped(query, part) is swapped

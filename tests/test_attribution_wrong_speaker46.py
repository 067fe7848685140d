"""The wrong speaker (issue 11, forty-sixth round; sentences written for these tests, none from a corpus): a
member called by the kind of body (「a ministry spokesperson」) after a sentence that names a body the index does
not hold is that body's member, not "a ministry's"; a minister whose portfolio is written in katakana
(「…デジタル相は」) is the sentence's subject, not the topic of the clause before; and the stance diagnosis tells
the same person named in the other script, or the typed body's officer, from a wrong speaker."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from tests.stance_clauses import clause_texts
from tools.stance_diagnosis import officer_of, other_script

EMPTY = ActorIndex([])
ACTORS = ActorIndex(
    [
        ActorEntry(-1, "北川", None, "person", ["北川一郎"], None),
        ActorEntry(-2, "山川", None, "person", ["山川次郎"], None),
        ActorEntry(-3, "Harbor Board", None, "org", [], "Harbor Board"),
        ActorEntry(-4, "Lena Varga", None, "person", ["Varga"], "Lena Varga"),
    ]
)


def speaker(text: str, quote: str, actors: ActorIndex = EMPTY) -> str | None:
    at = text.index(quote)
    return attribute(text, at, at + len(quote), actors, context=text)


# --- English: a member called by the kind of body --------------------------------------------------------------


def test_a_ministry_spokesperson_is_the_ministry_the_sentence_before_named() -> None:
    text = 'Peru\'s foreign ministry summoned the envoy. "This is unacceptable," a ministry spokesperson said.'
    assert speaker(text, "This is unacceptable") == "Peru's foreign ministry spokesperson"


def test_the_fullest_name_of_that_body_is_kept() -> None:
    text = (
        "Brazil's trade ministry opened a probe on Monday into steel imports. The trade ministry said the probe "
        'would last a year.\n\n"We will handle the case strictly," a ministry spokesperson said in a statement.'
    )
    assert speaker(text, "We will handle the case") == "Brazil's trade ministry spokesperson"


def test_an_agency_official_after_a_named_agency_the_index_lacks() -> None:
    text = 'The coast guard agency began an inquiry. "The crew followed the rules," an agency official told reporters.'
    assert speaker(text, "The crew followed") == "coast guard agency official"


def test_a_kind_word_alone_names_no_body() -> None:
    # "to the ministry" writes no name of its own: the member stays as the text calls them
    text = 'The envoy was called to the ministry on Monday. "We expect an answer," a ministry spokesperson said.'
    assert speaker(text, "We expect an answer") == "ministry spokesperson"


def test_a_body_the_index_holds_still_wins() -> None:
    text = 'The Harbor Board closed the pier. "Safety comes first," a board official said.'
    assert speaker(text, "Safety comes first", ACTORS) == "Harbor Board official"


# --- English: the person of a body, a place in apposition ----------------------------------------------------


def test_a_person_of_a_body_speaks_not_the_body() -> None:
    assert speaker('Enver Malik of the Tenants Council said the plan was "unworkable".', "unworkable") == "Enver Malik"
    text = '"The deal is fair to both sides," said Tom Baker of the law firm Hale Partners, who advised the buyer.'
    assert speaker(text, "The deal is fair") == "Tom Baker"
    text = 'Governor Alan Pike of the Bank of Norland said rates would "stay high for longer".'
    assert speaker(text, "stay high") == "Alan Pike"


def test_a_body_of_a_place_is_still_the_body() -> None:
    text = 'The Federation of Harbor Pilots said the rules were "a step backwards".'
    assert speaker(text, "a step backwards") == "Federation of Harbor Pilots"


def test_a_place_after_a_placed_apposition_is_not_the_speaker() -> None:
    text = 'Rita Moss, a maritime lawyer in Austin, Texas, said: "The waiver does not protect them."'
    assert speaker(text, "The waiver does not protect") == "Rita Moss"
    text = 'Maria Ortega, a tax lawyer in Springfield, Illinois, said the rule was "doomed in court".'
    assert speaker(text, "doomed in court") == "Maria Ortega"


# --- Japanese: a minister whose portfolio is written in katakana -----------------------------------------------


def test_a_katakana_portfolio_minister_is_the_second_clause_s_subject() -> None:
    text = (
        "北川一郎元幹事長は8日、増税の見直しに含みを持たせた一方、山川次郎デジタル相は9日の記者会見で"
        "「方針を変えるつもりはない」と明言した。"
    )
    out = clause_texts(ACTORS, text)
    assert any("方針を変えるつもりはない" in t for t in out[-2])
    assert not any("方針を変えるつもりはない" in t for t in out.get(-1, []))


def test_a_katakana_portfolio_minister_with_ga_and_a_former_post() -> None:
    out = clause_texts(ACTORS, "北川一郎氏は反対した。山川前デジタル相は「見直すべきだ」と語った。")
    assert out[-2] == ["山川前デジタル相は「見直すべきだ」と語った。"]
    out = clause_texts(ACTORS, "山川次郎エネルギー担当相が10日、「計画は予定どおり進める」と述べた。")
    assert any("予定どおり" in t for t in out[-2])


def test_a_katakana_word_that_is_no_portfolio_is_not_read_as_one() -> None:
    # 「北川一郎ファンド」 is no minister: the sentence names no subject by it
    out = clause_texts(ACTORS, "北川一郎ファンド相は「買い増す」と述べた。")
    assert -1 not in out


# --- the stance diagnosis: not a wrong speaker ------------------------------------------------------------------


def test_the_same_name_in_the_other_script() -> None:
    assert other_script("Anika Wells", "ウェルズ")
    assert other_script("Kobakhidze", "コバヒゼ")
    assert other_script("Jim Ryan", "ライアン")
    assert not other_script("Trump", "バイデン")
    assert not other_script("Albanese", "アルバレス")
    assert not other_script("Wells", "Wells")  # one script: the bot's own test decides


def test_the_typed_body_s_officer() -> None:
    text = "Harbor Board spokesperson Lena Varga said the pier would stay shut."
    typed = ACTORS.actors[-3]
    assert officer_of(text, ACTORS, -4, typed, ["Harbor Board"])
    assert not officer_of("Lena Varga said the pier would stay shut.", ACTORS, -4, typed, ["Harbor Board"])


def test_a_title_s_of_is_no_person_of_a_body() -> None:
    text = 'Last Thursday, US Secretary of State Alan Reed announced a policy for those "undermining democracy".'
    assert speaker(text, "undermining democracy") == "Alan Reed"


def test_a_body_the_member_s_phrase_qualifies_is_not_replaced() -> None:
    # "the high court" is the member's own words for the body: not the district court the report named before
    text = (
        'The Kobe District court sentenced him in May. "The appeal was withdrawn," an official at the high court said.'
    )
    assert speaker(text, "The appeal was withdrawn") != "Kobe District court official"

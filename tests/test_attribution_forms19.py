"""Attribution, nineteenth round (the largest forms of the "not attributed" class, `tools/statement_forms.py`):
a person the speaker rules give a sentence's quotes goes on speaking though the subject rules do not read the
subject phrase; a former post after a 「・」 (「…・元文部科学相は」) is the name's title; what the reporter passes on
after the speaker (「…ということです」, 「…という」) is the speaker's, never others' voices; a が subject after the
speaker's own opening quote is inside what they say, and one whose first part only sets the time or place (「Xが
25日、「…」と述べた」) speaks the whole sentence; a name no dictionary reads before a title is a person when the item
later calls them by surname and 氏 (孫衛東外務次官 … 孫氏); English subjects with a ticker, two appositives or a
relative clause before the verb. Sentences of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute, speaker_actors
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-2, "北海鉄道", None, "body", [], None),
        ActorEntry(-3, "ベルナー", None, "person", [], None),
        ActorEntry(-4, "海野", None, "person", [], None),
    ]
)


def test_a_quotes_speaker_under_an_unread_title_goes_on_speaking() -> None:
    # 外交安全保障上級代表 is no title of the vocabulary: only the quote rules name ベルナー
    opening = "ベルナー外交安全保障上級代表は会議後の記者会見で「値上げは困る」と述べた。"
    then = "新線の計画には譲歩が一つも含まれていないと批判し、運賃こそ据え置くべきだと訴えた。"
    found = clause_texts(ACTORS, opening + then)
    assert then in found.get(-3, [])


def test_a_quote_of_a_body_does_not_carry_as_a_person() -> None:
    text = "北海鉄道は「値上げは困る」とのコメントを出した。株価は大きく下落したという。"
    found = clause_texts(ACTORS, text)
    assert all("株価" not in t for ts in found.values() for t in ts)


@pytest.mark.parametrize("post", ["元文部科学相", "前幹事長"])
def test_a_former_post_after_the_name_is_its_title(post: str) -> None:
    text = f"座長の山川一郎・{post}は記者会見で「心からおわびしたい」と頭を下げた。"
    found = clause_texts(ACTORS, text)
    assert any(t.startswith(f"山川一郎・{post}は") for t in found.get(-1, []))
    q = text.index("「")
    assert attribute(text, q + 1, q + 2, ACTORS, context=text) == "山川"


def test_a_name_ending_in_moto_is_not_a_former_post() -> None:
    # 「・」 is what marks the post: 秋元 is a surname, never 秋 + 元
    text = "秋元幹事長は記者会見で「心からおわびしたい」と述べた。"
    q = text.index("「")
    assert attribute(text, q + 1, q + 2, ACTORS, context=text) != "秋"


@pytest.mark.parametrize(
    "passed_on",
    [
        "刑事告訴などの法的な手段については、現時点では考えていないということです。",
        "新しい覚書には、停戦の期間などを盛り込むという。",
        "運賃の改定は当面見送るとのことです。",
    ],
)
def test_what_the_reporter_passes_on_from_the_speaker_is_the_speakers(passed_on: str) -> None:
    found = clause_texts(ACTORS, "海野氏は「値上げは困る」と述べた。" + passed_on)
    assert passed_on in found.get(-4, [])


@pytest.mark.parametrize(
    "text",
    [
        "大雨で線路が冠水した。運転の再開は明日になるという。",  # no speaker before
        "海野氏は「値上げは困る」と述べた。出席者の一部からは異論も出たという。",  # others' voices
    ],
)
def test_hearsay_that_is_not_the_speakers_is_nobodys(text: str) -> None:
    found = clause_texts(ACTORS, text)
    assert all("という" not in t for ts in found.values() for t in ts)


def test_a_ga_subject_after_the_speakers_opening_quote_is_inside_what_they_say() -> None:
    text = (
        "山川氏は同日、講演した。「問題は料金だ」と語り、必要があれば北海鉄道が対応すべきだとの認識を示した。"
        "そのうえで「値上げは困る」と強調した。"
    )
    found = clause_texts(ACTORS, text)
    assert "そのうえで「値上げは困る」と強調した。" in found.get(-1, [])
    assert "そのうえで「値上げは困る」と強調した。" not in found.get(-2, [])


@pytest.mark.parametrize("setting", ["25日、", "２５日、", "同日夜、", "記者会見で、"])
def test_a_ga_subject_whose_first_part_only_sets_the_time_or_place_goes_on(setting: str) -> None:
    text = f"北海鉄道の海野社長が{setting}「運賃は据え置きたい」とのコメントを発表した。"
    found = clause_texts(ACTORS, text)
    assert any(t.endswith("とのコメントを発表した。") for t in found.get(-4, []))


@pytest.mark.parametrize(
    "text",
    [
        "北海鉄道が運賃を上げたため、利用者は「困る」と話した。",  # a verb of its own
        "北海鉄道が運賃改定、利用者団体が「困る」と反発",  # a headline's noun ending a clause of its own
    ],
)
def test_a_ga_subject_with_a_predicate_of_its_own_keeps_its_own_part(text: str) -> None:
    found = clause_texts(ACTORS, text)
    assert all("困る" not in t for t in found.get(-2, []))


EN_ACTORS = ActorIndex(
    [
        ActorEntry(-1, "Harbor Airways", None, "body", [], None),
        ActorEntry(-2, "Harbor Party", None, "body", [], None),
        ActorEntry(-3, "Kenji Mori", None, "person", ["Mori"], None),
    ]
)


def test_an_english_body_with_a_ticker_and_a_relative_clause_is_the_subject() -> None:
    text = (
        "Harbor Airways (9999.T), which has featured the band in its ads for a decade, said on Thursday it would "
        "hold off on new ads."
    )
    assert text in clause_texts(EN_ACTORS, text).get(-1, [])


def test_an_english_person_with_two_appositives_is_the_subject_not_the_body_inside() -> None:
    text = (
        "Kenji Mori, acting secretary-general of the Harbor Party, which quietly backed the mayor, said Sunday that "
        "the result was not its own victory."
    )
    found = clause_texts(EN_ACTORS, text)
    assert text in found.get(-3, [])


GOV = ActorIndex([ActorEntry(-1, "北国外務省", None, "body", [], None)])


@pytest.mark.parametrize(
    ("lead", "name"),
    [
        ("北国外務省は14日、孫衛東外務次官が13日夜に大使を呼び出し、抗議したと発表した。", "孫衛東"),
        ("保安局の鄧炳強局長は記者会見で、基準を満たしていたと説明した。", "鄧炳強"),
        ("北国の薛剣駐大阪総領事は同日、投稿を削除したと明らかにした。", "薛剣"),  # 駐: the post's, not the name's
    ],
)
def test_a_name_no_dictionary_reads_is_a_person_when_the_item_calls_them_by_surname(lead: str, name: str) -> None:
    text = lead + f"{name[0]}氏は「決して許さない」と主張した。"
    q = text.rindex("「")
    assert attribute(text, q + 1, q + 2, GOV, context=text) == name
    assert [a.name for a in speaker_actors([text], GOV)] == [name]


def test_a_titled_phrase_is_no_person_without_a_surname_referring_to_it() -> None:
    text = "保安局の鄧炳強局長は記者会見で、基準を満たしていたと説明した。「責任を問う」と強調した。"
    assert speaker_actors([text], GOV) == []

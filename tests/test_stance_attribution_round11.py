"""Whose clause it is, the classes left on text nobody tuned for (issue 11; sentences written for these tests,
none from a corpus): a company's officer named by a bare business title after the company's sentence, and an
officer who goes on as `He said`; 同社 after an officer of the company (its full name before the の); a
subjectless sentence right after a body's; a が subject that is what the speaker is asked about; a request
(〜よう求めた) going on from the last speaker; 「XなどYは」 with X one of the subject."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "北海鉄道", None, "body", [], None),
        ActorEntry(-2, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-3, "Kestrel", None, "body", [], None),
        ActorEntry(-4, "Ono", None, "person", ["Kenji Ono"], None),
        ActorEntry(-5, "運輸省", None, "body", [], None),
        ActorEntry(-6, "川田", None, "person", ["川田次郎"], None),
        ActorEntry(-7, "緑の党", None, "body", [], None),
        ActorEntry(-8, "Trump", None, "person", [], None),
    ]
)


def claims_of(*texts: str) -> dict[int, list[str]]:
    return clause_texts(ACTORS, *texts)


def test_a_bare_business_title_after_the_companys_sentence_speaks_for_it() -> None:
    found = claims_of(
        "Kestrel said it would recall 4,000 buses. Chief Executive Kenji Ono said the fares would stay unchanged."
    )
    assert any("fares would stay" in t for t in found.get(-3, []))
    # a head of state is not the company's, however near: `President` is no business title here
    found = claims_of("Kestrel said it would recall 4,000 buses. President Trump said the tariffs would stay.")
    assert all("tariffs" not in t for t in found.get(-3, []))


def test_an_officer_goes_on_speaking_for_the_company_as_he() -> None:
    found = claims_of('"We are sorry," Kestrel President Kenji Ono told reporters. He said the fares would stay.')
    assert any("fares would stay" in t for t in found.get(-3, []))


def test_dosha_after_the_companys_officer_with_its_full_name() -> None:
    found = claims_of(
        "北海鉄道株式会社の山川一郎社長は3日、記者会見を開いた。",
        "同社は「運賃の値上げは見送る」と説明した。",
    )
    assert any("値上げは見送る" in t for t in found.get(-1, []))


def test_a_sentence_without_subject_goes_on_with_the_bodys_acts() -> None:
    found = claims_of("運輸省は4日、北海鉄道の本社に立ち入り検査に入った。書類を確認した上で、行政処分を検討する。")
    assert any("行政処分を検討" in t for t in found.get(-5, []))
    # a sentence with a subject of its own is not the body's
    found = claims_of("運輸省は4日、北海鉄道の本社に立ち入り検査に入った。大手に国が立ち入るのは異例だ。")
    assert all("異例" not in t for t in found.get(-5, []))


def test_a_ga_subject_asked_about_is_the_questions_not_the_answers() -> None:
    found = claims_of(
        "川田次郎運輸相は5日の記者会見で「極めて遺憾だ」と述べた。",
        "山川一郎社長が前日に運賃を据え置くと説明したことについて問われ、「説明は不十分だ」と指摘した。",
    )
    assert any("説明は不十分" in t for t in found.get(-6, []))


def test_a_request_goes_on_from_the_last_speaker() -> None:
    found = claims_of("川田次郎運輸相は「点検を急ぐ」と述べた。各社には運行を続けつつ、点検を徹底するよう求めた。")
    assert any("点検を徹底" in t for t in found.get(-6, []))


def test_one_body_of_the_subject_nado() -> None:
    found = claims_of("緑の党など野党は9日、早期に審議を開くよう与党に求めた。")
    assert any("審議を開く" in t for t in found.get(-7, []))


def test_one_body_under_its_short_form_and_its_other_names() -> None:
    from bot.services.resolve import across_scripts

    index = ActorIndex(
        [
            ActorEntry(1, "国土交通省", None, "body", [], None),
            ActorEntry(2, "国交省", None, "body", [], None),
            ActorEntry(3, "経済産業省", None, "body", [], None),
            ActorEntry(4, "transport ministry", None, "body", [], None),
            ActorEntry(5, "国交", None, "person", [], None),
        ]
    )
    assert sorted(a.id for a in across_scripts(index, index.actors[2])) == [1, 4]
    assert sorted(a.id for a in across_scripts(index, index.actors[1])) == [2, 4]
    assert across_scripts(index, index.actors[3]) == []


def _position(text: str, target: str) -> str:
    from bot.extract.stance import Claim, position_toward

    at = text.find(target)
    claim = Claim(0, -2, 0, 0, len(text), "reported", (), "")
    return position_toward(text, claim, [(at, at + len(target))], ACTORS)[0]


def test_no_need_to_stop_it_supports_it() -> None:
    # the auxiliary's negation (必要はない, べきではない) is the cue's before it
    assert _position("山川氏は「車両の使用を控える必要はない」と述べた。", "使用") == "support"
    assert _position("山川氏は「計画を拒否すべきではない」と述べた。", "計画") == "support"
    assert _position("山川氏は「車両の使用を控えるべきだ」と述べた。", "使用") == "oppose"
    # an English modal comes first and carries only its negation; a negation is its first cue's
    assert _position("Ono said owners did not need to stop driving the buses.", "driving") == "support"
    assert _position("Ono said owners should not stop driving the buses.", "driving") == "support"
    assert _position("Ono said Japan must not reject the plan.", "plan") == "support"
    assert _position("Ono said owners should stop driving the buses.", "driving") == "oppose"
    assert _position("Ono said Japan should not accept the plan.", "plan") == "oppose"
    assert _position("Ono said it was not his final offer.", "final offer") == "oppose"


def test_excess_hope_and_given_considerations() -> None:
    # 行き過ぎ is an evaluation, whether said as a predicate or of a noun (行き過ぎた反応)
    assert _position("山川氏は、予約のキャンセルは行き過ぎた反応だったとの認識を示した。", "キャンセル") == "oppose"
    # hoping, aiming, planning to do it supports it
    assert _position("Ono said he hoped to return to the stage through his own channel.", "return") == "support"
    assert _position("Kestrel said it aims to restart production in July.", "restart production") == "support"
    # 「…を考えれば」 gives a reason, no condition: 「値上げすれば」 is one
    assert _position("山川町長は「住民の命を考えれば、閉鎖は避けられなかった」と述べた。", "閉鎖") != "conditional"
    assert _position("山川氏は「運賃を値上げすれば客が離れる」と述べた。", "値上げ") == "conditional"


def _speaker(text: str, quote: str) -> str | None:
    from bot.extract.attribution import attribute

    at = text.find(quote)
    return attribute(text, at, at + len(quote), ACTORS, context=text)


def test_quote_speaker_past_a_ga_subject_asked_about() -> None:
    text = (
        "川田次郎運輸相は5日の記者会見で「極めて遺憾だ」と述べた。\n"
        "山川一郎社長が前日に運賃を据え置くと説明したことについて問われ、「説明は不十分だ」と指摘。"
        "「まずは事実を確認する」と強調した。"
    )
    assert _speaker(text, "説明は不十分だ") == "川田"
    assert _speaker(text, "まずは事実を確認する") == "川田"


def test_a_peoples_adjective_is_no_speaker_and_the_age_anaphor_is_the_person() -> None:
    text = (
        "Japanese comedian Kenji Ono returned to the stage on Friday.\n\n"
        '"I am back," the 62-year-old said. "I heard Japanese comedy was struggling."\n\n'
        'He thanked his fans. "I caused a lot of trouble," he said.'
    )
    assert _speaker(text, "I am back") == "Ono"
    assert _speaker(text, "I caused a lot of trouble") == "Ono"


def test_one_body_with_and_without_its_organisation_ending() -> None:
    from bot.services.resolve import across_scripts

    index = ActorIndex(
        [
            ActorEntry(1, "北海", None, "body", [], None),
            ActorEntry(2, "北海興業", None, "body", [], None),
            ActorEntry(3, "日本", None, "state", [], None),
            ActorEntry(4, "日本航空", None, "body", [], None),
        ]
    )
    assert [a.id for a in across_scripts(index, index.actors[1])] == [2]
    assert [a.id for a in across_scripts(index, index.actors[2])] == [1]
    assert across_scripts(index, index.actors[3]) == [] and across_scripts(index, index.actors[4]) == []


def test_the_ministry_goes_on_from_the_latest_ministry_the_item_named() -> None:
    index = ACTORS.extended([("Transport Ministry", [], "body", None)])
    ministry = index.resolve("Transport Ministry")
    assert ministry is not None
    first = "The Transport Ministry on Friday lifted its ban on three models made by Kestrel."
    later = "The ministry has said it will lift the remaining halt only if its own tests show the models comply."
    said = clause_texts(index, first, "Kestrel said it would resume shipments.", later)
    assert any("remaining halt" in t for t in said.get(ministry.id, []))
    # `the ministry` is no company: with no ministry named before, the company is not given it
    said = clause_texts(ACTORS, "Kestrel said it would resume shipments.", later)
    assert all("remaining halt" not in t for t in said.get(-3, []))


def test_a_speaker_after_reported_words_without_quotation_marks() -> None:
    text = (
        "Kenji Ono said in a statement that the lawyers had written to Kestrel. "
        "After consulting the drivers, the company agreed to the withdrawal, he said."
    )
    assert _speaker(text, "the company agreed") == "Ono"

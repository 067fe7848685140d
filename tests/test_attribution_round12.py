"""Who said it, the classes left on text nobody tuned for (issue 11, twelfth round; sentences written for these
tests, none from a corpus): a given name written in kana (「姉みつ子さんは」); a verb's own が (広がっている) that is no
subject; voices from a group (「野党議員からも「…」との声」); 同行 for a bank named only in passing; "Ministry officials
have …. They say …"; "an agency official told reporters. He said …"; "the statement said" after the one who issued
it; a court's or a prosecutors' office's short form typed for its full name."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from bot.services.resolve import same_body, typed_forms
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "運輸省", None, "body", ["transport ministry"], None),
        ActorEntry(-2, "防災庁", None, "body", ["Disaster Response Agency"], None),
        ActorEntry(-3, "Tanabe", None, "person", ["Goro Tanabe"], None),
        ActorEntry(-4, "北浜地方検察庁", None, "body", [], None),
        ActorEntry(-5, "北浜地検", None, "body", [], None),
    ]
)


def speaker(text: str, quote: str) -> str | None:
    at = text.index(quote)
    return attribute(text, at, at + len(quote), ACTORS, context=text)


def test_a_given_name_in_kana_before_its_honorific() -> None:
    text = "被告は出廷せず、妹みつ子さんが法廷に立った。みつ子さんは最後に「弟を早く家に帰してください」と訴えた。"
    assert speaker(text, "弟を早く家に帰して") == "みつ子"
    # after a verb's kana, the name the text wrote so before
    text = "妹みつ子さんが法廷に立った。花束を受け取ったみつ子さんは「夢のようです」と語った。"
    assert speaker(text, "夢のようです") == "みつ子"


def test_a_verbs_own_ga_is_no_subject() -> None:
    text = "利用者の間に不安が広がっている。社の調べに対し、元行員は「申し訳ないことをした」と話しているという。"
    assert speaker(text, "申し訳ないことをした") == "元行員"
    # a subject carried over past a sentence whose only が is a verb's (広がった): not 「広」
    text = "北浜銀行の田中一郎頭取は5日に会見した。利用者の間には不安が広がった。そのうえで「再発防止に努める」と述べた。"
    assert speaker(text, "再発防止に努める") == "田中一郎"


def test_voices_from_a_group_are_the_groups() -> None:
    text = "処分には厳しい声も上がる。与党の若手議員からも「説明が足りない」との声が出ている。"
    assert speaker(text, "説明が足りない") == "与党の若手議員"


def test_doko_is_the_bank_named_in_passing() -> None:
    text = "北浜信用銀行の行員が顧客の金品を盗んだ。同行は5日、「深くおわびします」とするコメントを出した。"
    assert speaker(text, "深くおわびします") == "北浜信用銀行"


def test_they_after_officials_of_a_kind_of_body() -> None:
    text = (
        "The transport ministry inspected the plant on Monday. Ministry officials have pushed back. "
        "They say the older standard was scrapped years ago."
    )
    assert speaker(text, "older standard") == "運輸省 officials"
    found = clause_texts(ACTORS, text)
    assert any("scrapped years ago" in t for t in found.get(-1, []))


def test_he_after_an_official_of_a_kind_of_body() -> None:
    text = (
        "The Disaster Response Agency set up a panel. "
        '"We want fires stopped early," an agency official told reporters. '
        "He said the agency hoped towns would use the alerts next year."
    )
    assert speaker(text, "hoped towns") == "防災庁 official"
    found = clause_texts(ACTORS, text)
    assert any("use the alerts" in t for t in found.get(-2, []))
    text = 'The Disaster Response Agency set up a panel. "Towns must act," a senior agency official told a newspaper.'
    assert speaker(text, "Towns must act") == "防災庁 official"


def test_the_statement_said_is_whoever_issued_it() -> None:
    text = (
        "In a statement released through his lawyers and posted on the club's website, Tanabe's side said it had "
        "settled. Club chairman Ken Mori said he welcomed the end. "
        '"He chose to end the case," the statement said.'
    )
    assert speaker(text, "He chose to end") == "Tanabe"


def test_a_courts_short_form_is_the_same_body() -> None:
    assert "北浜地方検察庁" in typed_forms("北浜地検")
    assert [a.id for a in same_body(ACTORS, ACTORS.actors[-4])] == [-5]


def test_a_ga_subject_inside_what_the_quote_is_about_is_not_its_speaker() -> None:
    text = (
        "北浜地裁の西川和夫裁判長は無罪を言い渡した。判決はまず鑑定の結果を検討した。"
        "また、捜査官が作成した供述調書について「強制によるものだ」とした。"
    )
    assert speaker(text, "強制によるもの") == "西川和夫"


def test_a_ga_subject_inside_a_thought_reported_before_the_quote() -> None:
    text = (
        "一方、北浜港湾労働者連絡会議は5日、声明を発表した。捜査が先に進めば、関係者が口を閉ざすと懸念を示し、"
        "「調査を妨げる捜査には反対する」と訴えた。"
    )
    assert speaker(text, "調査を妨げる捜査") == "北浜港湾労働者連絡会議"


def test_a_lead_quote_standing_alone_is_the_next_sentences_subject() -> None:
    text = "写真・図版の説明。\n「やっと終わった、と思えた」。判決の出た5日、北浜市に住む元社員の男性（60）は涙ぐんだ。"
    assert speaker(text, "やっと終わった") == "元社員の男性"


def test_a_sentence_passing_on_what_was_told_is_not_the_next_turn() -> None:
    text = (
        "山本選手は5日、記者会見を開いた。元通訳の男性は当初、借金は友人のものだと周囲に説明していたということです。"
        "そのうえで「すべて弁護士に任せたい」と述べました。"
    )
    assert speaker(text, "すべて弁護士に任せたい") == "山本"

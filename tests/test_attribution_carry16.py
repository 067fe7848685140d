"""Statements whose speaker is not in their sentence (issue 11, sixteenth round; sentences written for these tests,
none from a corpus): the discourse's current speaker carried over to them — English `he said` after a sentence that
made a person its subject without a speech verb (past an opening phrase of any length, a body before them, a name
outside ASCII), a speaker phrase opened by a preposition or holding an apposition with "and" in it, a title with a
full stop inside a sentence (`the U.N. Human Rights Council`); Japanese words on lines of their own that a sentence
before announced (「…はこう話した。」「…は次のように述べた。」), and a Q&A passage whose answers stand without brackets
under a heading that names the one asked (「…首相と記者団との主なやりとり」) or after a person described by their
post; /stance reading a quote under its speaker's label line as /quote does. And the resets: a person named as the
object or in a possessive is no one's `he`; a sentence of report between the announcement and a line ends its
reach; a new announcement names its own speaker."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from bot.extract.attribution_en import sentences
from tests.stance_clauses import article_clause_texts, clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "北川", None, "person", ["北川一郎"], None),
        ActorEntry(-2, "緑の党", None, "body", [], None),
        ActorEntry(-3, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-4, "北海市", None, "body", [], None),
        ActorEntry(-5, "Lena Varga", None, "person", ["Varga"], "Lena Varga"),
        ActorEntry(-6, "Tomas Berg", None, "person", ["Berg"], "Tomas Berg"),
        ActorEntry(-7, "Harbor Alliance", None, "body", [], "Harbor Alliance"),
    ]
)


def speaker(text: str, quote: str) -> str | None:
    at = text.index(quote)
    return attribute(text, at, at + len(quote), ACTORS, context=text)


# --- English ---------------------------------------------------------------------------------------------------


def test_he_is_the_person_a_sentence_without_a_speech_verb_made_its_subject() -> None:
    text = (
        '"The port will reopen next week," Lena Varga said. '
        "At a crowded town hall in the northern city on Monday, Mayor Tomas Berg unveiled new funds for the docks. "
        '"We cannot leave the fishermen alone," he said.'
    )
    assert speaker(text, "cannot leave the fishermen") == "Tomas Berg"


def test_he_after_a_person_acting_whose_name_is_written_outside_ascii() -> None:
    text = (
        '"Talks have stalled," Lena Varga said. '
        "On the other side of the table, Labour Minister José Núñez was less gloomy. "
        '"We are one meeting away from a deal," he told reporters.'
    )
    assert speaker(text, "one meeting away") == "José Núñez"


def test_a_body_opening_the_sentence_is_it_and_the_person_in_it_is_he() -> None:
    text = (
        "Tomas Berg said the strike would go on. "
        "Alliance spokesperson Lena Varga was dismissive of the offer. "
        '"Nobody will accept crumbs," she said.'
    )
    assert speaker(text, "Nobody will accept crumbs") == "Lena Varga"


def test_a_person_in_a_possessive_or_as_an_object_is_not_he() -> None:
    # the reset's other side: naming someone is not making them the subject
    text = (
        'Tomas Berg said the port "must reopen." '
        "The council rejected Lena Varga's proposal and thanked Mayor Lena Varga for her work. "
        '"This is the right call," he said.'
    )
    assert speaker(text, "This is the right call") == "Tomas Berg"


def test_an_opening_phrase_with_a_place_is_not_the_speaker() -> None:
    text = (
        "In Northport, Harbor Commissioner Lena Varga, the city's top port official, has said the damage is "
        'spreading. "It is a serious situation for every family here," she told a meeting on Friday.'
    )
    assert speaker(text, "has said the damage") == "Lena Varga"
    assert speaker(text, "serious situation for every family") == "Lena Varga"


def test_an_apposition_holding_and_is_not_cut_at_its_and() -> None:
    text = (
        "Lena Varga, a member of the Committee on Trade and Industry, told reporters the plan was flawed. "
        '"Nobody asked the workers," she said.'
    )
    assert speaker(text, "the plan was flawed") == "Lena Varga"
    assert speaker(text, "Nobody asked the workers") == "Lena Varga"


def test_a_title_or_body_with_a_full_stop_does_not_end_the_sentence() -> None:
    text = "Lena Varga, a member of the U.N. Working Group on Ports, told reporters that Gen. Tomas Berg had resigned."
    assert len(sentences(text)) == 1


def test_stance_reads_the_carried_he_for_the_person_acting() -> None:
    text = (
        '"Fares must rise," Lena Varga said. '
        "On Tuesday, in a packed hall in the old port district, Tomas Berg toured the old docks with union leaders. "
        '"We oppose the fare increase because families cannot pay it," he said.'
    )
    found = clause_texts(ACTORS, text)
    assert any("oppose the fare increase" in t for t in found.get(-6, []))


# --- Japanese ---------------------------------------------------------------------------------------------------


def test_a_block_quote_after_an_announcement_is_the_announcers() -> None:
    text = (
        "緑の党の北川一郎代表は連立からの離脱を伝えた。北川氏は会見でこう話した。\n"
        "\n"
        "> 政治資金の透明化は、わが党にとって譲れない一線だ。\n"
    )
    assert speaker(text, "政治資金の透明化は") == "北川"


def test_a_labelled_quote_after_next_as_follows_is_the_announcers() -> None:
    text = (
        "北海市は10日、条例の改正案を公表した。\n"
        "北海市の担当者は記者会見で次のように述べた。\n"
        "北海市港湾部の担当者「市民の安全を最優先に考えた」\n"
    )
    assert speaker(text, "市民の安全を最優先") == "北海市の担当者"


def test_unbracketed_answers_under_a_heading_naming_the_one_asked() -> None:
    text = (
        "山川一郎知事は9日、会見で新しい港湾計画を発表した。北川一郎代表は「説明が足りない」と批判した。\n"
        "\n"
        "◇港湾計画を巡る知事と記者団との主なやりとり\n"
        "\n"
        "――計画の狙いは。\n"
        "物流の拠点を一つにまとめることだ。\n"
        "――批判にどう答えるか。\n"
        "丁寧に説明を重ねていきたい。\n"
    )
    assert speaker(text, "物流の拠点を一つに") == "山川"
    assert speaker(text, "丁寧に説明を重ねて") == "山川"


def test_a_report_sentence_ends_the_announcements_reach() -> None:
    # the reset: a sentence of report after the announced words is no one's quote
    text = "北川一郎代表は会見でこう話した。\n> 連立には戻らない。\n市の財政は3年連続で赤字となっている。\n"
    assert speaker(text, "連立には戻らない") == "北川"
    assert speaker(text, "市の財政は3年連続") is None


def test_a_second_announcement_names_its_own_speaker() -> None:
    text = (
        "北川一郎代表は会見でこう話した。\n"
        "> 連立には戻らない。\n"
        "これに対し、山川一郎知事は次のように述べた。\n"
        "> 対話の扉は開いている。\n"
    )
    assert speaker(text, "連立には戻らない") == "北川"
    assert speaker(text, "対話の扉は開いている") == "山川"


def test_answers_are_the_persons_described_by_their_post_before_the_passage() -> None:
    # 「…責任者の<name><title>は」 reads as a role phrase; its name makes it a person the reporters question
    text = (
        "北海市は3日、港の再開発計画を公表した。緑の党の北川一郎代表は「拙速だ」と述べた。\n"
        "記者会見した最高財務責任者の山川一郎専務執行役員は「計画は市民の声を聞いて決めた」と説明した。\n"
        "記者団との主なやりとりは次の通り。\n"
        "――費用の見通しは。\n"
        "「国の補助を含めて精査している」\n"
    )
    # 専務 + 執行役員 is one office (sp20): the name is read whole and resolves to the registry's 山川 (山川一郎)
    assert speaker(text, "国の補助を含めて") == "山川"


def test_stance_reads_a_quote_under_its_speakers_label_line_with_full_width_brackets() -> None:
    # the passage is read with full-width letters made ASCII; its item context must be found in the same writing
    found = article_clause_texts(
        ACTORS,
        "一方、野党側は反発を強めている。\n緑の党 北川代表\n「約束を守らないのは（市民への）裏切りだ。北海市の増税には反対する」\n",
    )
    assert any("増税には反対する" in t for t in found.get(-1, []))

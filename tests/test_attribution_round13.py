"""Who said it, thirteenth round (issue 11; sentences written for these tests, none from a corpus): how news text
carries a speaker past a sentence without one — 「…考えも示した」 (also shown), a bare title opening a sentence
(「知事は」), an answer to reporters' question paragraphs after the speaker last spoke, `the official added` after `a
senior ministry official` — and who stands for whom: an unnamed member of a party or a union (「緑の党の議員は」,
「…労働組合（北鉄労）の関係者は」), a body named in brackets (「最大野党「緑の党」が」) and its quote also said (「「…」とも
訴えた」), `the spokesperson` and `foreign ministry spokesperson X` (the ministry named a paragraph before), voices from a group (「株主からは「…」「…」と厳しい意見が相次いだ」), a head named
right after the body's own sentence (「北海市政府は…発表した。田中一郎市長は「…」」), and a country's government for the
country (韓国外務省 for Seoul)."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from bot.extract.attribution_en import sentences
from bot.extract.roles import org_suffix
from bot.services.resolve import across_scripts
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "北川", None, "person", ["北川一郎"], None),
        ActorEntry(-2, "緑の党", None, "body", [], None),
        ActorEntry(-3, "北鉄労", None, "body", [], None),
        ActorEntry(-4, "株主", None, "person", [], None),
        ActorEntry(-5, "山川", None, "person", ["山川一郎"], None),
        ActorEntry(-6, "運輸省", None, "body", ["transport ministry"], None),
        ActorEntry(-7, "北海市政府", None, "body", [], None),
        ActorEntry(-8, "田中", None, "person", ["田中一郎"], None),
        ActorEntry(-9, "北海鉄道", None, "body", [], None),
    ]
)


def claims_of(*texts: str) -> dict[int, list[str]]:
    return clause_texts(ACTORS, *texts)


def speaker(text: str, quote: str) -> str | None:
    at = text.index(quote)
    return attribute(text, at, at + len(quote), ACTORS, context=text)


def test_an_attitude_also_shown_goes_on_from_the_speaker() -> None:
    found = claims_of(
        "北川一郎知事は3日、「地元の理解が欠かせない」と強調した。港湾の予算とは別に、県として財源を用意する考えも示した。"
    )
    assert any("財源を用意する" in t for t in found.get(-1, []))


def test_a_bare_title_opening_a_sentence_is_the_one_named_with_it() -> None:
    found = claims_of(
        "北川一郎知事は「国は責任を果たしてほしい」と求めた。知事は工事の是非について、これまで「県が判断することではない」との考えを示してきた。"
    )
    assert any("県が判断することではない" in t for t in found.get(-1, []))
    # a title the item gave nobody names nobody
    found = claims_of("北川一郎知事は「国は責任を果たしてほしい」と求めた。社長は「工事を急ぐ」と述べた。")
    assert all("工事を急ぐ" not in t for t in found.get(-1, []))


def test_an_unnamed_member_speaks_for_the_party_or_union() -> None:
    found = claims_of("国会でも追及が続く。緑の党の議員は委員会で「監督の責任は重い」と述べた。")
    assert any("監督の責任は重い" in t for t in found.get(-2, []))
    found = claims_of("北海鉄道労働組合（北鉄労）の関係者は「人手不足を放置したのは会社だ」と批判した。")
    assert any("人手不足を放置" in t for t in found.get(-3, []))


def test_voices_from_a_group_are_the_groups_not_the_last_speaker() -> None:
    text = (
        "山川一郎社長は冒頭、「深くおわびする」と陳謝した。"
        "株主からは「法令を守る意識がない」「経営陣は責任を取るべきだ」と厳しい意見が相次いだ。"
    )
    assert speaker(text, "経営陣は責任を取る") == "株主"
    found = claims_of(text)
    assert any("責任を取るべきだ" in t for t in found.get(-4, []))
    assert all("責任を取るべきだ" not in t for t in found.get(-5, []))
    # a body's unnamed member among the voices speaks for the body
    found = claims_of("処分には厳しい声も上がる。緑の党の若手議員からも「説明が足りない」との声が出ている。")
    assert any("説明が足りない" in t for t in found.get(-2, []))


def test_an_answer_to_reporters_is_the_speaker_the_item_quoted() -> None:
    text = (
        "北海鉄道の山川一郎社長は5日、記者会見で「重く受け止めている」と述べた。\n"
        "再発防止策として、鍵を本部で一括管理する。全支店の点検も終えた。\n"
        "補償は約20人に始めた。申し出は今も続いている。\n"
        "記者団から自身の責任を問われると、「調査の結果を踏まえて判断したい」と答えた。"
    )
    assert speaker(text, "調査の結果を踏まえて") == "山川"
    found = claims_of(*text.split("\n"))
    assert any("調査の結果を踏まえて" in t for t in found.get(-5, []))


def test_the_official_is_the_unnamed_official_who_spoke_before() -> None:
    text = (
        "The transport ministry ordered the operator to halt 300 buses. "
        '"The violations far exceeded the threshold," a senior ministry official told reporters. '
        "The ministry would not reverse the order unless the company showed new facts, the official added."
    )
    assert speaker(text, "would not reverse") == "運輸省 official"
    found = claims_of(text)
    assert any("would not reverse the order" in t for t in found.get(-6, []))


def test_a_head_named_after_the_bodys_sentence_speaks_for_it() -> None:
    found = claims_of(
        "北海市政府は22日、水産物の輸入を止めると発表した。田中一郎(たなか・いちろう)市長は「無責任な計画に強く反対する」とSNSに投稿した。"
    )
    assert any("強く反対する" in t for t in found.get(-7, []))
    # another body's officer is that body's, not the one that spoke before
    found = claims_of(
        "北海市政府は22日、水産物の輸入を止めると発表した。北海鉄道の山川一郎社長は「運行は続ける」と述べた。"
    )
    assert all("運行は続ける" not in t for t in found.get(-7, []))


def test_a_local_office_or_cooperative_called_by_its_kind() -> None:
    # a name with such an ending is a body's, typed too (the /stance service reads an unregistered one so)
    assert org_suffix("北浜漁協") == "漁協" and org_suffix("南山気象台") == "気象台"
    actors = ActorIndex(
        [ActorEntry(-1, "北浜漁協", None, "body", [], None), ActorEntry(-2, "南山気象台", None, "body", [], None)]
    )
    found = clause_texts(
        actors, "北浜漁協によると、網が全て焼けた。漁協は12日に話し合い、網を新たに購入する方針を決めた。"
    )
    assert any("新たに購入する" in t for t in found.get(-1, []))
    # 同社 is a company, never the co-operative, in /stance and /quote alike
    text = "北浜漁協によると、網が全て焼けた。南浜水産の設備も焼けた。同社は「再開は見通せない」としている。"
    assert all("再開は見通せない" not in t for t in clause_texts(actors, text).get(-1, []))
    at = text.index("再開は")
    assert attribute(text, at, at + 3, actors, context=text) != "北浜漁協"
    found = clause_texts(
        actors, "南山気象台によると、雨は朝から降り始めた。ただ、気象台の担当者は「乾燥は続く」と話した。"
    )
    assert any("乾燥は続く" in t for t in found.get(-2, []))


def test_a_bodys_name_in_brackets_and_a_quote_it_also_said() -> None:
    found = claims_of(
        "北海国の最大野党「緑の党」が政権への批判を強めている。",
        "同党は、展示に「強制」という表現がない点も問題視する。「肝心な言葉が抜けた展示だ」とも訴えた。",
    )
    assert any("強めている" in t for t in found.get(-2, []))  # the name in brackets is the subject
    assert any("肝心な言葉が抜けた" in t for t in found.get(-2, []))  # 同党 is it, and goes on in 「…」とも訴えた
    # a quote standing alone after the body's sentence, not said to be also said, is not taken for the body
    found = claims_of("緑の党は展示を問題視する。「肝心な言葉が抜けた展示だ」。")
    assert all("肝心な言葉" not in t for t in found.get(-2, []))


def test_the_spokesperson_is_the_one_named_with_that_role_in_lower_case() -> None:
    actors = ActorIndex(
        [
            ActorEntry(-1, "Lin", None, "person", ["Lin Hao"], None),
            ActorEntry(-2, "北海外務省", None, "body", ["Northland's foreign ministry"], None),
        ]
    )
    text = (
        "Northland Foreign Ministry spokesperson Lin Hao told a news conference that the plan was reckless. "
        "Asked about the data, the spokesperson said Northland would not accept one-sided monitoring."
    )
    at = text.index("would not accept")
    assert attribute(text, at, at + 5, actors, context=text) == "Lin"
    # the ministry called by its kind before the name, a paragraph after it was named: its officer speaks for it
    found = clause_texts(
        actors,
        "Northland's foreign ministry called the discharge a selfish act.",
        '"The ocean is not one country\'s sewer," foreign ministry spokesperson Lin Hao said in a statement.',
    )
    assert any("not one country" in t for t in found.get(-2, []))


def test_a_countrys_government_speaks_for_the_country() -> None:
    actors = ActorIndex(
        [
            ActorEntry(-1, "韓国外務省", None, "body", ["South Korea's foreign ministry"], None),
            ActorEntry(-2, "Seoul", None, "person", [], None),  # typed, read as a name the registry lacks
            ActorEntry(-3, "中国", None, "state", ["China"], None),
            ActorEntry(-4, "中国外務省", None, "body", [], None),
            ActorEntry(-5, "中国銀行", None, "body", [], None),
            ActorEntry(-6, "日本", None, "state", ["Japan"], None),
            ActorEntry(-7, "日本郵便", None, "body", [], None),
            ActorEntry(-8, "Ishiba", None, "person", [], None),
        ]
    )
    assert [a.id for a in across_scripts(actors, actors.actors[-2])] == [-1]  # Seoul: South Korea's, by the data
    assert [a.id for a in across_scripts(actors, actors.actors[-3])] == [-4]  # not a bank named after the country
    assert across_scripts(actors, actors.actors[-6]) == []  # nor a company
    assert across_scripts(actors, actors.actors[-8]) == []  # a person is no country


def test_a_sentence_ending_inside_a_quotation_ends_at_its_closing_mark() -> None:
    text = 'Kestrel said it would stay away "in view of the circumstances." It added that the fares would stay.'
    assert [text[a:b].strip() for a, b in sentences(text)] == [
        'Kestrel said it would stay away "in view of the circumstances."',
        "It added that the fares would stay.",
    ]
    # a full stop inside a quotation that goes on is no sentence's end
    text = '"We will fight. We will win," Ono said.'
    assert len(sentences(text)) == 1

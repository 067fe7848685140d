"""How far a speaker carries, thirty-second round (issue 11 item 4): a が subject inside a clause cited as the
ground of what the speaker says (「ロシアや中国が…しているとして、…を訴えた」) does not break the chain of the
speaker named before, for /quote (`attribution_ja`) and /stance (`stance._inside_report`) alike; and a body whose
sentence ended a paragraph goes on into the next one when it opens on a report or an act with no subject of its own
(「NATOは…と発表した。」 then 「…計画も決めた。」), as a person does. Sentences written for this test."""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.attribution_ja import attribute_ja
from bot.extract.stance import extract_claims
from bot.ingest.pipeline import parse_text


def document_claims(text: str, actors: ActorIndex) -> list[tuple[str, str]]:
    """(actor name, clause) of every claim `extract_claims` reads in a one-item document of this text."""
    parsed = parse_text("---\ntitle: t\npublished: 2025-03-29\n---\n" + text, "chain.md", "file")
    assert isinstance(parsed, tuple)
    passages = parsed[0].passages
    return [
        (actors.actors[c.actor_id].name, c.text_of(passages[c.passage].text)[c.lo : c.hi])
        for c in extract_claims(passages, actors)
    ]


def _holders(claims: list[tuple[str, str]], words: str) -> set[str]:
    return {name for name, text in claims if words in text}


CITED = (
    "バンス副大統領は29日、グリーンランドの米軍基地を訪れ、「デンマークは投資を怠ってきた」と指摘した。"
    "ロシアや中国が北極圏で活動を活発にしているとして、米国の関与を強める必要性を訴えた。\n"
    "一方、軍事力の行使については「必要になるとは思わない」と語った。\n"
)


def test_a_subject_cited_as_the_ground_does_not_take_the_speakers_words(actors: ActorIndex) -> None:
    claims = document_claims(CITED, actors)
    assert "バンス" in _holders(claims, "必要性を訴えた")
    assert "バンス" in _holders(claims, "必要になるとは思わない")  # the next paragraph goes on with him
    assert "中国" not in _holders(claims, "必要になるとは思わない")


def test_a_subject_of_the_sentences_own_act_keeps_it(actors: ActorIndex) -> None:
    text = CITED.replace("しているとして、米国の関与を強める必要性を訴えた", "し、米国の関与を批判した")
    claims = document_claims(text, actors)
    assert "中国" in _holders(claims, "北極圏で活動を活発にし")
    assert "バンス" not in _holders(claims, "米国の関与を批判した")  # the sentence has a subject of its own


def test_quote_speaker_past_a_cited_subject(actors: ActorIndex) -> None:
    text = (
        "バンス副大統領は29日、「デンマークは投資を怠ってきた」と指摘した。"
        "中国が北極圏で活動を活発にしているとして、「米国の関与を強める必要がある」と訴えた。"
    )
    at = text.index("米国の関与を強める")
    assert attribute_ja(text, at, at + 9, actors, context=text) == "バンス"
    own = text.replace("しているとして、", "しており、")  # 「中国が…しており、「…」と訴えた」: 中国's own words
    at = own.index("米国の関与を強める")
    assert attribute_ja(own, at, at + 9, actors, context=own) == "中国"


BODY = (
    "北大西洋条約機構（NATO）は5日、ブリュッセルで国防相会合を開き、東部の防衛態勢を強化すると発表した。\n"
    "バルト3国に展開する部隊を増強するほか、2030年までに防空網を倍増させる計画も決めた。\n"
)


def test_a_body_goes_on_into_the_next_paragraph(actors: ActorIndex) -> None:
    assert "NATO" in _holders(document_claims(BODY, actors), "防空網を倍増させる計画も決めた")


def test_a_body_does_not_go_on_past_another_subject_or_into_a_plain_fact(actors: ActorIndex) -> None:
    other = BODY.replace("強化すると発表した。", "強化すると発表した。ロシア軍は同日、東部で攻撃を続けた。")
    assert "NATO" not in _holders(document_claims(other, actors), "防空網を倍増させる")
    fact = BODY.replace("2030年までに防空網を倍増させる計画も決めた。", "東部では激しい戦闘が続いている。")
    assert "NATO" not in _holders(document_claims(fact, actors), "激しい戦闘が続いている")


PART = (
    "ロシア国防省は24日、ワグネルの戦闘員に向けた声明を出した。ペスコフ大統領報道官は「大統領は状況を把握している」と述べた。"
    "一方、国防省は「戦闘員たちはだまされて巻き込まれた」として、速やかに連絡するよう求めた。\n"
)


def test_a_body_called_again_by_the_head_of_its_name(actors: ActorIndex) -> None:
    assert "ロシア国防省" in _holders(document_claims(PART, actors), "速やかに連絡するよう求めた")
    at = PART.index("戦闘員たちは")
    assert attribute_ja(PART, at, at + 6, actors, context=PART) == "ロシア国防省"


def test_a_part_no_body_named_before_ends_with_is_no_one_of_theirs(actors: ActorIndex) -> None:
    text = PART.replace("一方、国防省は", "一方、外務省は")
    assert "ロシア国防省" not in _holders(document_claims(text, actors), "速やかに連絡するよう求めた")
    at = text.index("戦闘員たちは")
    assert attribute_ja(text, at, at + 6, actors, context=text) != "ロシア国防省"

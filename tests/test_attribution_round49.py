"""Round 49 (issue 11, branch st49a): speakers lost to a sentence's shape, in both languages.

- Japanese: a bare 「首相は」 or 「大統領は」 in an item that names no one with that title but names the cabinet or the
  administration by its head (「岸田内閣の支持率」, 「トランプ政権は」) is that head: /quote names them and /stance stores
  the statement under them (before: the title itself, which no actor is).
- Japanese: a statement without quote marks that a news outlet relays (「ロイター通信によると、X氏は…との考えを示した」)
  is the speaker's the sentence names after the outlet, as a quote after 「…によると」 already was; never a hearsay
  sentence (「…という」) nor another kind of source (「警察によると」).
- English: a pronoun that speaks inside the relative clause of a sentence that opens on a name ("Ruiz, who was in
  Spain, where he promised …, responded") is that name's, not the speaker of the sentence before.
- English: a body the index holds, opening a sentence by its one-word name with no speech verb ("Northway answered on
  Sunday", "Northway, which runs …, hit back"), is what "it" is next (before: only a person's name so opening was
  read, and the body's statement after it had no speaker).
"""

from __future__ import annotations

from bot.actors import ActorEntry
from tests.test_attribution_round48 import _said, _stored

KATO = ActorEntry(1, "加藤", None, "person", ["加藤首相", "加藤一郎"])
MORI = ActorEntry(2, "森山", None, "person", ["森山花子"])
SMITH = ActorEntry(3, "スミス", None, "person", ["スミス大統領"])
WIRE = ActorEntry(4, "共同通信", None, "org", ["Kyodo"])
POLICE = ActorEntry(5, "県警", None, "org", [])
RUIZ = ActorEntry(6, "Mark Ruiz", None, "person", ["Ruiz"])
VEGA = ActorEntry(7, "Luis Vega", None, "person", ["Vega"])
SILVA = ActorEntry(8, "Ana Silva", None, "person", ["Silva"])
ALL = (KATO, MORI, SMITH, WIRE, POLICE, RUIZ, VEGA, SILVA)


def test_a_bare_head_of_government_is_the_head_the_item_names_by_cabinet() -> None:
    text = "加藤内閣の支持率が3割を切った。\n首相は10日、国会で予算案を説明した。首相は「消費税の増税には反対だ」と述べた。"
    assert _said(text, "消費税の増税には反対だ", *ALL) == "加藤"
    assert _stored(text, "消費税の増税には反対だ", *ALL) == {"加藤"}
    text = "スミス政権は輸入車の関税を上げた。\n大統領は3日、「関税の引き上げを支持する」と記者団に語った。"
    assert _said(text, "関税の引き上げを支持する", *ALL) == "スミス"
    # the cabinet named after the title, in a lead that names the title first
    text = "首相は「改革を急ぐ」と述べた。加藤内閣は先月発足した。"
    assert _said(text, "改革を急ぐ", *ALL) == "加藤"


def test_a_head_of_government_is_not_read_where_it_is_unsaid() -> None:
    # two heads' cabinets named before: whose title it is, the item does not say
    text = "森山内閣の方針を加藤内閣が改めた。\n首相は「方針は正しい」と述べた。"
    assert _said(text, "方針は正しい", *ALL) == "首相"
    # a title the item gives its person already stays theirs
    text = "加藤内閣が発足した。森山花子首相は「改革を急ぐ」と述べた。首相は「増税はしない」とも述べた。"
    assert _said(text, "増税はしない", *ALL) == "森山"
    # not a head of government's title
    text = "加藤内閣が発足した。\n知事は「協力する」と述べた。"
    assert _said(text, "協力する", *ALL) == "知事"


def test_an_outlet_relays_the_speaker_it_names() -> None:
    text = "共同通信によると、森山花子氏は増税を急がない考えを示した。"
    assert _said(text, "増税を急がない", *ALL) == "森山"
    assert _stored(text, "増税を急がない", *ALL) == {"森山"}
    text = "英紙によると、加藤首相は予算案の修正に応じないと強調した。"
    assert _said(text, "予算案の修正に応じない", *ALL) == "加藤"
    text = "米CNNテレビによれば、スミス大統領は関税の撤回を否定した。"
    assert _said(text, "関税の撤回を否定した", *ALL) == "スミス"


def test_what_a_source_tells_stays_the_sources() -> None:
    # another kind of source: what the police tell of a suspect is theirs
    text = "県警によると、森山花子容疑者は容疑を認めている。"
    assert _said(text, "容疑を認めている", *ALL) == "県警"
    # hearsay, not a statement the person made
    text = "共同通信によると、森山花子氏は来月にも辞任する意向だという。"
    assert _said(text, "来月にも辞任する意向", *ALL) == "共同通信"
    # no one said it: the outlet's report of a plan
    text = "共同通信によると、政府は来月にも法案を提出する方針だ。"
    assert _said(text, "来月にも法案を提出する方針", *ALL) == "共同通信"


def test_a_pronoun_inside_a_relative_clause_is_the_name_it_follows() -> None:
    text = (
        "Luis Vega, the head of the bloc, asked for a new vote. Mark Ruiz, who was on a visit to Spain, where he "
        "promised to move the embassy, responded within hours."
    )
    assert _said(text, "promised to move the embassy", *ALL) == "Mark Ruiz"
    text += ' "We will not give in," he wrote.'
    assert _said(text, "We will not give in", *ALL) == "Mark Ruiz"
    assert _stored(text, "We will not give in", *ALL) == {"Mark Ruiz"}
    text = 'Luis Vega criticized the plan. Ruiz, 63, who says he opposed the cuts, struck back. "Nonsense," he said.'
    assert _said(text, "Nonsense", *ALL) == "Mark Ruiz"


def test_a_pronoun_past_another_name_in_the_clause_is_not_read_so() -> None:
    text = (
        "Luis Vega asked for a vote. Mark Ruiz, who was criticized by Ana Silva after she said the plan would fail, "
        "stayed silent."
    )
    assert _said(text, "the plan would fail", *ALL) != "Mark Ruiz"
    # no relative clause: the speaker before goes on
    text = 'Luis Vega asked for a vote. Mark Ruiz stayed silent. "We will wait," Vega said. "It is early," he said.'
    assert _said(text, "It is early", *ALL) == "Luis Vega"


NORTHWAY = ActorEntry(9, "Northway", None, "org", [])


def test_a_body_by_its_one_word_name_opening_a_sentence_is_it_next() -> None:
    quote = '"We are disappointed that the board refused to talk," it said in a statement.'
    for lead in ("Northway answered on Sunday.", "Northway, which runs the Circle chain, hit back on Sunday."):
        text = f"Mark Ruiz spoke first. {lead} {quote}"
        assert _said(text, "We are disappointed", *ALL, NORTHWAY) == "Northway"
        assert _stored(text, "We are disappointed", *ALL, NORTHWAY) == {"Northway"}
    # never "he": a body is no person's antecedent
    text = 'Mark Ruiz spoke first. Northway answered on Sunday. "We will wait," he said.'
    assert _said(text, "We will wait", *ALL, NORTHWAY) == "Mark Ruiz"

"""Attribution of statements, twenty-fourth round (issue 11, /stance --about: the statement is there but read as no
one's, or as another actor's).

- an English speaker introduced with a relative clause giving their office by its verb of leading, and an
  auxiliary before the verb ("Gabriel Attal, who now leads the group, has warned …", "Mathilde Panot, who heads the
  party's group, told …"): a person, found as "X said" is, and the sentence is theirs;
- 「X氏自身も」「首相自身は」: the person themself, still the subject (not the speaker of the sentence before);
- a bare title (「首相は」「市長は」) whose person the item named with it further back than the item context's
  window of passages: the latest person named with that title;
- a committee's short name cut after 委 (「欧州委は」「調査委は」, after 欧州委員会, 航空鉄道事故調査委員会): the body the
  item named, as 「県は」 is;
- a capitalised particle inside an English name (Marine Le Pen, Charles De Gaulle): the surname starts there;
- of more reactions in reports than are shown, among those of reports equally about the target, the one whose
  paragraph is most about it (a reaction to being asked about it, before congratulations in the lead).

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.discover import discover_actors
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.stance_about import stance_about
from bot.store import Store
from tests.stance_clauses import clause_texts


def _discovered(text: str) -> list[str]:
    return [a.name for a in discover_actors([ParsedPassage(text=text)], ActorIndex([]))]


# --- an English speaker introduced with a relative clause ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Paul Verdier, who now leads the centrist group in the assembly, has warned that his MPs cannot back it.",
            "Verdier",
        ),
        ("Claire Moreau, who heads the hard-left group (LFI), told reporters the government would fall.", "Moreau"),
        ("Tomas Lindqvist, who chairs the trade committee, said the tariffs were justified.", "Lindqvist"),
        ("Anna Berg also said the plan was late.", "Berg"),
        ("Claire Le Roux, who leads the party's lawmakers, said it would vote.", "Le Roux"),
        ("Pieter Van Dam told reporters the vote was close.", "Van Dam"),
    ],
)
def test_a_speaker_with_a_relative_clause_or_an_auxiliary_is_discovered(text: str, name: str) -> None:
    assert _discovered(text) == [name]


def test_a_relative_clause_before_a_verb_that_says_nothing_discovers_no_one() -> None:
    # counter-examples: resigning is no speech, and a place with a relative clause has no speech verb either
    assert _discovered("Paul Verdier, who co-led the safety team, also resigned.") == []
    # an aside that gives no office (no verb of leading) does not make the speaker either
    assert _discovered("Paul Verdier, who met them in May, said nothing.") == []
    assert _discovered("The Palais Bourbon, which houses the assembly, was closed on Monday.") == []


def test_the_sentence_of_a_speaker_with_a_relative_clause_is_theirs() -> None:
    index = ActorIndex([ActorEntry(1, "Verdier", None, "person", ["Paul Verdier"], None)])
    text = "Paul Verdier, who now leads the centrist group in the assembly, has warned that his MPs cannot back tax increases."
    assert clause_texts(index, text)[1] == [text]


# --- 自身 after the name ---------------------------------------------------------------------------------------

SELF = ActorIndex(
    [
        ActorEntry(1, "ミラー", None, "person", [], "社長"),
        ActorEntry(2, "ハント", None, "person", [], "氏"),
    ]
)


def test_the_person_themself_is_the_subject() -> None:
    found = clause_texts(
        SELF,
        "ミラー社長は16日夜、会議で解任を告げられたという。"
        "ハント氏自身も会議の直後に職を外れると知らされたとし、「私たちは衝撃を受けている」とつづった。",
    )
    assert found[2] == [
        "ハント氏自身も会議の直後に職を外れると知らされたとし、「私たちは衝撃を受けている」とつづった。"
    ]
    assert all("衝撃" not in t for t in found.get(1, []))


def test_jishin_as_a_word_of_the_sentence_is_no_subject() -> None:
    # counter-example: 「自身の」 after the name is a possessive, not the subject's particle
    found = clause_texts(SELF, "ミラー社長は「続ける」と述べた。ハント氏自身の発言については「知らない」と話した。")
    assert 2 not in found


# --- a bare title far from the name ------------------------------------------------------------------------------

TITLED = ActorIndex(
    [
        ActorEntry(1, "ガルシア", None, "person", [], "首相"),
        ActorEntry(2, "ロペス", None, "person", [], "州首相"),
        ActorEntry(3, "ベガ", None, "person", [], "党首"),
    ]
)

FILLER = (
    "洪水の死者は3日までに217人に達した。",
    "行方不明者の数は公表されていない。",
    "被災地では緊急警報が遅れたことに批判が集中している。",
    "住民は泥の中で片付けを続けている。",
    "ベガ党首は国家緊急事態の宣言を求めている。",
)


def test_a_bare_title_paragraphs_after_the_name_is_the_person_named_with_it() -> None:
    found = clause_texts(
        TITLED,
        "ガルシア首相とロペス州首相は3日、被災地を訪れた。",
        *FILLER,
        "首相は「対応が十分でないことは承知している」と認めた。",
    )
    assert "首相は「対応が十分でないことは承知している」と認めた。" in found[1]
    assert all("対応が十分" not in t for t in found.get(2, []))


def test_a_longer_title_does_not_name_the_shorter_one() -> None:
    # counter-example: 「ロペス州首相」 is no 首相, so a bare 首相 later names no one from it
    found = clause_texts(TITLED, "ロペス州首相は3日、被災地を訪れた。", *FILLER, "首相は「対応を急ぐ」と述べた。")
    assert all("対応を急ぐ" not in t for t in found.get(2, []))


# --- a committee's short name ----------------------------------------------------------------------------------

COMMITTEES = ActorIndex(
    [
        ActorEntry(1, "北欧連合", None, "org", ["北欧委員会"], None),
        ActorEntry(2, "航空事故調査委員会", None, "org", [], None),
        ActorEntry(3, "南海商事", None, "org", [], None),
    ]
)


@pytest.mark.parametrize(
    ("named", "short", "body"),
    [
        ("北欧委員会は12日、追加関税を発表した。", "北欧委", 1),
        ("航空事故調査委員会は27日、報告書を公表した。", "調査委", 2),
    ],
)
def test_a_committees_short_name_is_the_committee_the_item_named(named: str, short: str, body: int) -> None:
    said = f"{short}は声明で、「制度は国際ルールに沿っている」と反論した。"
    found = clause_texts(COMMITTEES, named, "南海商事は反発している。", said)
    assert said in found[body]
    assert all(said not in t for t in found.get(3, []))


def test_a_short_name_no_committee_of_the_item_ends_with_is_no_one() -> None:
    # counter-example: 規制委 is no short name of the committees the item named
    said = "規制委は声明で、「制度は国際ルールに沿っている」と反論した。"
    found = clause_texts(COMMITTEES, "北欧委員会は12日、追加関税を発表した。", said)
    assert all(said not in t for texts in found.values() for t in texts)


# --- which reactions of a report are shown --------------------------------------------------------------------


async def test_of_more_reactions_than_shown_the_one_in_the_paragraph_about_the_target_is_kept(store: Store) -> None:
    # a correct attribution more (a bare title read further back) must not push out the reaction to the question
    # itself: among reactions of one report, the paragraph naming the target comes first
    said = "".join(f"石破首相は「{w}の行方を注視したい」と述べた。\n" for w in ("地域", "雇用", "株価", "対話"))
    text = (
        "---\ntitle: 港湾の民営化、政府が決定\npublished: 2025-06-04\n---\n政府は港湾を民営化する。\n"
        "港湾の民営化は来年度に始まる。運営会社の選定も進む。石破首相は「丁寧に説明していく」と語った。\n"
        f"{said}"
    )
    assert (await ingest_text(store, text, name="many.md")).status == "added"
    report = await stance_about(store, "石破", "港湾の民営化")
    shown = [s.text for s in report.statements if s.via == "report"]
    assert len(shown) == 3
    assert any("丁寧に説明していく" in t for t in shown)

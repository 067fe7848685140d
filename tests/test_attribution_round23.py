"""Attribution of statements, twenty-third round (issue 11, /stance --about on stories nobody tuned for): the
statement is there but read as no one's, or as another actor's.

- a one-kanji surname and an office (「林官房長官は」, 「尹大統領は」) in a report that never gives the full name, while
  another report names the person in full with that office: the person's words;
- 師 after a katakana name, a Muslim cleric's title (「カリミ師は…と主張した」): the subject of the sentence, for /quote too;
- a bare title after a connective written without a comma (「一方で首相は」「これに対し首相は」): the person the item
  names with that title, as after 「一方、首相は」;
- a body goes on without a subject past a が that only qualifies a noun (「…を公表した。国交省が通知した許可取り消しに
  ついても、受け入れる方針を明らかにした」): the body's, as a person's sentence goes on, and past a が inside a condition;
- a subjectless sentence ending on 「…とした」「…としている」 goes on from the speaker before.

Sentences of our own, each with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute
from bot.extract.discover import discover_actors
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.rows import NewActor
from bot.services.stance_about import stance_about
from bot.store import Store
from tests.stance_clauses import clause_texts


def _discover(*texts: str) -> list[NewActor]:
    return discover_actors([ParsedPassage(text=t) for t in texts], ActorIndex([]))


# --- a one-kanji surname and an office -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("林健太官房長官は10日の記者会見で「遺憾だ」と述べた。", "林健太", "林健太官房長官"),
        ("呉健一外相は会談後、記者団に語った。", "呉健一", "呉外相"),
        ("高志明前大統領は声明を出した。", "高志明", "高前大統領"),
        # a Chinese or Korean name the dictionary holds as one word: its first kanji is the surname
        ("王毅外相は7日、北京で記者会見した。", "王毅", "王外相"),
        ("尹錫悦大統領は3日夜、非常戒厳を宣言した。", "尹錫悦", "尹大統領"),
    ],
)
def test_a_one_kanji_surname_goes_by_the_surname_and_the_office_too(text: str, name: str, alias: str) -> None:
    (found,) = _discover(text)
    assert found.name == name
    assert alias.replace(name, name[0]) in found.aliases


def test_a_longer_surname_or_an_honorific_adds_no_such_alias() -> None:
    # a two-kanji surname is the actor's name already (田中 of 田中角雄), and 林氏 could be any 林 of another report
    assert _discover("田中角雄首相は述べた。") == [NewActor("田中", ["田中角雄"], "person", "首相")]
    assert _discover("林健太氏は述べた。") == [NewActor("林健太", [], "person", "氏")]


def test_the_surname_and_office_form_is_the_persons_clause_in_a_report_without_the_full_name() -> None:
    index = ActorIndex([ActorEntry(1, "林健太", None, "person", ["林官房長官"], "官房長官")])
    found = clause_texts(
        index,
        "林官房長官は11日午前の記者会見で、「対応を検討する」と述べた。",
        "林氏は「遺憾だ」とも語った。",
    )
    assert found[1] == [
        "林官房長官は11日午前の記者会見で、「対応を検討する」と述べた。",
        "林氏は「遺憾だ」とも語った。",
    ]
    # counter-example: another office of the surname is someone else's
    assert clause_texts(index, "林外相は11日、「対応を検討する」と述べた。") == {}


ARTICLES = (
    """\
---
title: 林官房長官「深い懸念」
published: 2024-10-01
---
林官房長官は1日午前の記者会見で、南部の港湾封鎖について「深い懸念を表明する。即時の撤回を求める」と述べた。
""",
    """\
---
title: 港湾封鎖で政府が抗議
published: 2024-10-02
---
林健太官房長官は2日の記者会見で、港湾封鎖を巡り相手国に抗議したと明らかにした。
""",
)


@pytest.fixture
async def story(store: Store) -> Store:
    for k, text in enumerate(ARTICLES):
        assert (await ingest_text(store, text, name=f"hb{k}.md")).status == "added"
    return store


async def test_the_earlier_report_of_the_surname_and_office_answers_for_the_person(story: Store) -> None:
    # the report naming 林官房長官 only was ingested before the one that made 林健太 an actor: its claims are read again
    report = await stance_about(story, "林健太", "港湾封鎖")
    assert any("深い懸念を表明する" in s.text for s in report.statements)


# --- 師 after a katakana name ----------------------------------------------------------------------------------

CLERICS = ActorIndex(
    [
        ActorEntry(1, "カリミ", None, "person", [], "師"),
        ActorEntry(2, "ハザル", None, "person", [], None),
        ActorEntry(3, "ベルナ", None, "person", [], "首相"),
    ]
)


def test_a_clerics_title_after_a_katakana_name_makes_the_subject() -> None:
    found = clause_texts(
        CLERICS,
        "ベルナ首相は27日、演説した。",
        "西部の宗教指導者カリミ師は28日、首都で演説し、ハザル政権が倒れたことについて「外国が仕組んだ」と主張した。",
    )
    assert found[1] == ["カリミ師は28日、首都で演説し、ハザル政権が倒れたことについて「外国が仕組んだ」と主張した。"]
    assert 2 not in found and found[3] == ["ベルナ首相は27日、演説した。"]
    # counter-example: 師 as a part of a word (医師, 牧師) after a name is no title
    found = clause_texts(CLERICS, "ベルナ首相は27日、演説した。", "ハザルの医師は「容体は安定している」と話した。")
    assert 2 not in found


@pytest.mark.parametrize("subject", ["カリミ師は", "西部の宗教指導者カリミ師は", "宗教指導者カリミ師は"])
def test_quote_names_the_cleric_as_the_stance_rules_do(subject: str) -> None:
    text = f"{subject}28日、首都で演説し、「外国が仕組んだ」と主張した。"
    at = text.index("外国が仕組んだ")
    assert attribute(text, at, at + len("外国が仕組んだ"), CLERICS, context=text) == "カリミ"
    # counter-example: 医師 after a possessive is a doctor, not the person named before it
    text = "ハザルの医師は28日、「容体は安定している」と話した。"
    at = text.index("容体は")
    assert attribute(text, at, at + len("容体は安定している"), CLERICS, context=text) != "ハザル"


# --- a bare title after a connective -----------------------------------------------------------------------------

LEADERS = ActorIndex(
    [
        ActorEntry(1, "石田", None, "person", ["石田一郎"], "首相"),
        ActorEntry(2, "東西運輸", None, "body", [], None),
        ActorEntry(3, "国土交通省", None, "body", ["国交省"], None),
    ]
)


@pytest.mark.parametrize("connective", ["一方で", "これに対し", "そのうえで", "ただ"])
def test_a_bare_title_after_a_connective_is_the_person_named_with_it(connective: str) -> None:
    found = clause_texts(
        LEADERS,
        "石田一郎首相は8日、被爆者団体の代表らと面会した。",
        f"{connective}首相は、周辺国の核戦力を念頭に「今の立場はやむを得ない」と述べ、核抑止の必要性を強調した。",
    )
    assert any(t.endswith("核抑止の必要性を強調した。") for t in found[1])


def test_a_title_after_a_connective_the_item_gives_no_one_is_no_ones() -> None:
    # 石田 is named as foreign minister here: 「一方で首相は」 is someone else, not read as 石田 nor carried to him
    index = ActorIndex([ActorEntry(1, "石田", None, "person", ["石田一郎"], "外相")])
    found = clause_texts(
        index,
        "石田一郎外相は8日、被爆者団体の代表らと面会した。",
        "一方で首相は、周辺国の核戦力を念頭に「今の立場はやむを得ない」と述べ、核抑止の必要性を強調した。",
    )
    assert found[1] == ["石田一郎外相は8日、被爆者団体の代表らと面会した。"]


# --- a body goes on past a が that qualifies a noun ----------------------------------------------------------------


def test_a_body_goes_on_past_another_bodys_clause_qualifying_a_noun() -> None:
    found = clause_texts(
        LEADERS,
        "東西運輸は17日、点呼の不正について社内調査の結果を公表した。点呼の約2割で、記録簿の改ざんがあった。"
        "国交省が通知した事業許可の取り消しについても、受け入れる方針を明らかにした。",
    )
    assert any(t.endswith("受け入れる方針を明らかにした。") for t in found[2])
    # counter-example: the other body as the sentence's own subject speaks for itself
    found = clause_texts(
        LEADERS,
        "東西運輸は17日、点呼の不正について社内調査の結果を公表した。国交省は事業許可の取り消しを通知する方針を明らかにした。",
    )
    assert not any("方針を明らかにした" in t for t in found[2])
    assert any("方針を明らかにした" in t for t in found[3])


# --- 「…としている」 goes on from the speaker before -----------------------------------------------------------------

PEOPLE = ActorIndex(
    [
        ActorEntry(1, "宮田", None, "person", ["宮田正人"], "社長"),
        ActorEntry(2, "南北交通", None, "body", [], None),
    ]
)


@pytest.mark.parametrize("end", ["としている", "とした", "としています"])
def test_a_sentence_ending_on_toshiteiru_goes_on_from_the_speaker_before(end: str) -> None:
    found = clause_texts(
        PEOPLE,
        "宮田正人社長は10日の記者会見で「時間がほしい」と述べた。"
        f"第三者から最終的な提案を受け取った場合は、今回の意見を見直す{end}。",
    )
    assert any(t.startswith("第三者から最終的な提案") for t in found[1])
    # counter-example: 「…を基本とした」 qualifying a noun is no report, and a sentence of another subject is its own
    found = clause_texts(
        PEOPLE,
        "宮田正人社長は10日の記者会見で「時間がほしい」と述べた。安全を基本とした運行計画が示された。",
    )
    assert not any(t.startswith("安全を基本とした") for t in found[1])


def test_a_bodys_sentence_goes_on_past_a_ga_inside_a_condition() -> None:
    found = clause_texts(
        PEOPLE,
        "南北交通によると、システムを作り直す作業はほぼ終わったという。"
        "ただ、安全性の確認が不十分と判断した場合には、再開の予定を見直す可能性もあるとしている。",
    )
    assert any(t.startswith("ただ、安全性の確認が不十分") for t in found[2])
    # counter-example: a が of the sentence's own (not a condition's) is another subject
    found = clause_texts(
        PEOPLE,
        "南北交通によると、システムを作り直す作業はほぼ終わったという。ただ、国の確認が遅れている。",
    )
    assert not any(t.startswith("ただ、国の確認") for t in found.get(2, []))

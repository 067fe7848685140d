"""/stance --about: relevance classes — the target named in the user's words, found in statements that name it
otherwise (issue 11, seventh round). Each class on sentences of our own, with a counter-example that must not
match."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.about import add_related, named_words, parse_target, relevance
from bot.ingest.pipeline import ingest_text
from bot.services.errors import QueryError
from bot.services.stance_about import stance_about
from bot.store import Store

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE = """\
---
title: 各方面の反応
published: 2025-05-10
---
県は9日、漁港での夜間の荷揚げを全面的に禁止する条例案を発表した。発表は午後、県庁で行われた。
石破首相は同日、記者団に「漁業者の暮らしが成り立たなくなる。到底受け入れられない」と語った。
岸田前首相は同日、地元の視察を終えて東京に戻った。
岸田前首相は「港の防災対策は急務だ」と述べた。
石破首相は10日、「国会を軽んじるつもりはない」と語った。
ペルー国会は9日、鉱山を国有化する法案を否決した。
"""

ARTICLE_EN = """\
---
title: Reactions
published: 2025-05-11
---
The prefecture on Friday proposed a full ban on night-time unloading at fishing ports. The announcement came in the afternoon.
"It would ruin the fishermen. We cannot accept it," Zelensky told reporters on Saturday.
Zelensky also visited a school on Saturday. "The children deserve better classrooms," Zelensky said.
"""


@pytest.fixture
async def story(store: Store) -> Store:
    assert (await ingest_text(store, ARTICLE, name="port.md")).status == "added"
    assert (await ingest_text(store, ARTICLE_EN, name="port_en.md")).status == "added"
    return store


async def positions(store: Store, actor: str, about: str) -> list[tuple[str, str]]:
    return [(s.position, s.text) for s in (await stance_about(store, actor, about)).statements]


async def test_a_stance_right_after_the_sentence_naming_the_whole_target_is_about_it(story: Store) -> None:
    # the target is named in full two sentences up (the sentence just before speaks of something else)
    found = await positions(story, "石破", "夜間の荷揚げを禁止する条例案")
    assert [p for p, t in found if "受け入れられない" in t] == ["oppose"]


async def test_a_stance_after_a_sentence_naming_only_part_of_the_target_is_not(story: Store) -> None:
    # 防災対策 shares nothing with the target; the context names only 港 (not the head 条例案): not about it
    found = await positions(story, "岸田", "夜間の荷揚げを禁止する条例案")
    assert not any("急務" in t for _, t in found)


async def test_an_english_reaction_is_about_the_target_and_the_next_topic_is_not(story: Store) -> None:
    found = await positions(story, "Zelensky", "the ban on night-time unloading at fishing ports")
    assert [p for p, t in found if "cannot accept" in t] == ["oppose"]
    assert not any("classrooms" in t for _, t in found)


def _words(text: str) -> list[str]:
    return [w.form for w in parse_target(text, ActorIndex([]), {}).words]


def test_when_and_how_the_target_happens_are_not_its_words() -> None:
    assert _words("予定どおり5月に空港を開くこと") == ["空港", "開く"]
    assert _words("計画通り来年に始める値上げ") == ["始める", "値上げ"]
    assert _words("8日に発表した追加関税") == ["発表", "追加", "関税"]
    assert _words("the summit on Friday as planned") == ["summit"]
    # counter-examples: a duration, a date bounding the period, a word that only contains 通り
    assert _words("30日間の一時停戦") == ["30", "日間", "一時", "停戦"]
    assert _words("支援を12月以降も続けること") == ["支援", "12", "月", "以降", "続ける"]
    assert _words("大通りの拡幅") == ["大通り", "拡幅"]


async def test_a_target_word_is_found_by_a_word_of_its_dictionary_synonym_group(story: Store) -> None:
    found = await positions(story, "石破", "議会")  # 議会 and 国会 share SudachiDict's group 18976
    assert any("国会を軽んじる" in t for _, t in found)


def _related(text: str, sentence: str) -> list[str]:
    target = parse_target(text, ActorIndex([]), {})
    add_related(target)
    return [target.words[k].form for k in sorted(named_words(target, sentence))]


def test_synonym_groups_name_the_same_act_but_not_a_light_verb() -> None:
    assert _related("万博を開くこと", "万博の開催は予定どおり") == ["万博", "開く"]
    assert _related("被災地を支援すること", "被災地の援助を続ける") == ["被災", "地", "支援"]
    assert _related("米国の関税", "アメリカは関税を課した") == ["米国", "関税"]
    # counter-examples: 行う is in 開催's group but lends its meaning to any noun; 支援 is no 支出
    assert _related("万博を開くこと", "式典を行う") == []
    assert _related("被災地を支援すること", "予算の支出") == []
    # a one-kanji word of the group (止める, in 停止's) is found inside other words: 受け止める is no halt
    assert _related("輸出の停止", "決定を重く受け止める") == []
    assert _related("輸出の停止", "輸出のストップ") == ["輸出", "停止"]
    # an English word's dictionary groups are its loanwords': "case" finds no ケース
    assert _related("the case against the company", "ケースバイケースだ") == []


async def test_a_body_named_by_a_synonym_of_its_head_is_the_body_the_articles_name(story: Store) -> None:
    found = await positions(story, "ペルー議会", "鉱山の国有化")  # the articles say ペルー国会
    assert [p for p, t in found if "否決" in t] == ["oppose"]
    with pytest.raises(QueryError):  # a body of that country the articles never name
        await positions(story, "ペルー政府", "鉱山の国有化")


ARTICLE_NEAR = """\
---
title: 工場の事故から1か月
published: 2025-06-01
---
石破首相は1日、記者団に「工場事故の賠償は国が責任を持って進める」と語った。
石破首相は同日、「国民民主党とは組めない」とも述べた。
石破首相は2日、「国民の暮らしを守る」と語った。
野党の間では連携をめぐる協議が続いている。被害者への補償の手続きは来月始まる。
"""


@pytest.fixture
async def near_story(store: Store) -> Store:
    assert (await ingest_text(store, ARTICLE_NEAR, name="factory.md")).status == "added"
    return store


def _near(text: str, sentence: str) -> list[str]:
    target = parse_target(text, ActorIndex([]), {})
    add_related(target)
    return [target.words[k].form for k in sorted(named_words(target.near, sentence))] if target.near else []


def test_a_target_word_has_its_word_vector_neighbours_but_not_the_words_it_matches_already() -> None:
    assert _near("工場事故の補償", "賠償に応じる") == ["補償"]  # chiVe: 補償 ~ 賠償 (0.66)
    assert _near("公表しなかったこと", "発表が遅れた") == ["公表"]
    # counter-examples: a neighbour below near_similarity (補償 ~ 保険 0.52), the word itself
    assert _near("工場事故の補償", "保険に入る") == []
    assert _near("工場事故の補償", "補償に応じる") == []


async def test_a_statement_naming_the_head_by_a_neighbour_is_about_the_target(near_story: Store) -> None:
    # the document names 補償 (after the statement: no context of it); the statement says 賠償
    found = await positions(near_story, "石破", "工場事故の補償")
    assert any("賠償" in t for _, t in found)


async def test_a_clause_naming_the_rest_of_the_target_well_is_about_it_without_its_head(near_story: Store) -> None:
    # 連携 is said by 組む, no word of ours; 国民民主党 is nearly all of the target's weight
    found = await positions(near_story, "石破", "国民民主党との連携")
    assert any("組めない" in t for _, t in found)
    # counter-example: 国民 alone is a small part of it
    assert not any("暮らし" in t for _, t in found)


async def test_the_statement_naming_the_whole_target_comes_before_a_newer_one_naming_part_of_it(store: Store) -> None:
    older = "---\ntitle: 漁港\npublished: 2025-07-01\n---\n石破首相は1日、「夜間の荷揚げを禁止する条例案には反対だ」と語った。\n"
    newer = "---\ntitle: 県議会\npublished: 2025-07-05\n---\n石破首相は5日、「条例案は慎重に議論すべきだ」と語った。\n"
    for name, text in (("older.md", older), ("newer.md", newer)):
        assert (await ingest_text(store, text, name=name)).status == "added"
    found = [t for _, t in await positions(store, "石破", "夜間の荷揚げを禁止する条例案")]
    assert [("荷揚げ" in t, "慎重に" in t) for t in found] == [(True, False), (False, True)]


def test_the_act_a_japanese_target_ends_in_names_it_as_its_head_does() -> None:
    # tenth round: 「…を賭けていたかどうか」 asks about the act; a statement naming the act and the rest but not
    # the noun before it (「賭けの対象は野球以外だった」) keeps its whole score, as one naming the head would
    target = parse_target("野球にお金を賭けていたかどうか", ActorIndex([]), {})
    for w in target.words:
        w.weight = 1.0
    act = [k for k, w in enumerate(target.words) if w.act]
    assert [target.words[k].form for k in act] == ["賭ける"] and not target.words[act[0]].head
    baseball = next(k for k, w in enumerate(target.words) if w.form == "野球")
    assert relevance(target, {baseball, act[0]}, set()) == pytest.approx(2 / 3)
    # counter-example: a target that ends in a noun has no act word, and the head it lacks costs a share
    noun = parse_target("野球賭博への関与", ActorIndex([]), {})
    assert not any(w.act for w in noun.words)
    for w in noun.words:
        w.weight = 1.0
    named = {k for k, w in enumerate(noun.words) if w.form != "関与"}
    assert relevance(noun, named, set()) < len(named) / len(noun.words)


def test_the_thing_an_english_gerund_alone_is_done_to_names_the_target_as_the_gerund_does() -> None:
    # "moving into national politics": moving heads the target (and chooses the documents), and politics names it
    # as the head does, so 「国政には関心がない」, which never says the move, is read as fully as one that does
    target = parse_target("moving into national politics", ActorIndex([]), {})
    assert [w.form for w in target.words if w.head] == ["moving"]
    assert [w.form for w in target.words if w.act] == ["politics"]
    for w in target.words:
        w.weight = 1.0
    politics, national = (next(k for k, w in enumerate(target.words) if w.form == f) for f in ("politics", "national"))
    assert relevance(target, {politics, national}, set()) == pytest.approx(2 / 3)
    # counter-examples: a gerund before its object in one phrase heads nothing (the phrase's noun heads it), and
    # a kind word after the gerund (plan, policy) names no act
    paying = parse_target("paying the ransom", ActorIndex([]), {})
    assert [w.form for w in paying.words if w.head] == ["ransom"] and not any(w.act for w in paying.words)
    assert not any(w.act for w in parse_target("cooperating with the policy", ActorIndex([]), {}).words)

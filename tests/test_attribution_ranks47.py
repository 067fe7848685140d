"""A military rank after a name is a title (issue 11, forty-seventh round; sentences written for these tests, none
from a corpus): Japanese reports write an officer as 「…大佐は」, 「…少将が」, 「…陸軍大将は」, 「…将軍は」, and the name before
the rank is the speaker, for /quote and for /stance alike, as 「…大統領は」 always was. A rank word that follows no
name (「大将として」) names no one."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute, speaker_actors
from bot.extract.roles import vocabulary
from tests.stance_clauses import clause_texts

EMPTY = ActorIndex([])


def speaker(text: str, quote: str, actors: ActorIndex = EMPTY) -> str | None:
    at = text.index(quote)
    return attribute(text, at, at + len(quote), actors, context=text)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("港湾警備隊のマーク・ヘンダーソン大佐は、「捜索は続ける」と述べた。", "マーク・ヘンダーソン"),
        ("会見した国防総省のリサ・ワーナー少将は「部隊の撤収は予定通りだ」と説明した。", "リサ・ワーナー"),
        ("軍事政権を率いるアミール・ダウダ将軍は、「選挙は来年行う」と表明した。", "アミール・ダウダ"),
        ("陸上自衛隊の川辺健一陸将は「訓練の規模は変えない」と語った。", "川辺健一"),
        ("統合参謀本部のトマス・レイ空軍中将は「監視を強める」と述べた。", "トマス・レイ"),
    ],
)
def test_a_name_before_a_rank_is_the_speaker(text: str, who: str) -> None:
    assert speaker(text, text[text.index("「") + 1 : text.index("」")]) == who


def test_the_rank_s_speaker_goes_on_through_a_question_put() -> None:
    text = (
        "港湾警備隊のマーク・ヘンダーソン大佐は、記者から「音は続いているのか」と問われたのに対し、"
        "データを分析していると説明した。"
    )
    assert speaker(text, "データを分析している") == "マーク・ヘンダーソン"


def test_a_rank_after_no_name_names_no_one() -> None:
    assert speaker("彼は大将として「最後まで戦う」と述べた。", "最後まで戦う") is None
    assert "大将" in vocabulary().ja_title_set and "少佐" in vocabulary().ja_title_set


def test_the_officer_is_a_new_actor_and_stance_reads_the_clause() -> None:
    text = "軍事政権を率いるアミール・ダウダ将軍は、「選挙の延期には反対だ」と述べた。"
    new = [a.name for a in speaker_actors([text], EMPTY)]
    assert "アミール・ダウダ" in new
    actors = ActorIndex([ActorEntry(-1, "アミール・ダウダ", None, "person", [], None)])
    assert any("選挙の延期には反対だ" in t for t in clause_texts(actors, text).get(-1, []))

"""/stance --about in the patterns real news uses: a surname subject with its given name or office before the
title, a title after a name in the target, the target named later by its kind word, a reaction to a halt, and
what the actor does as the head of the target only."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.about import match_spans, named_words, parse_target
from bot.extract.stance import extract_claims
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.stance_about import stance_about
from bot.services.topics import topic_cue_map
from bot.store import Store

ARTICLE = """\
---
title: 関税と備蓄米 各党の反応
published: 2025-07-09
---
日米両政府は4月、貿易合意に向けた協議を始めた。
交渉は難航し、閣僚の往来が続いた。自動車や農産品の扱いを巡って、双方の隔たりは大きかった。夏の参院選を前に、政府内では早期の決着を求める声と、拙速を戒める声が交錯していた。
閣僚は5月から6月にかけて計7回訪米し、商務長官や財務長官と会談を重ねた。米側は農産品の市場開放と防衛装備品の購入拡大を求め、日本側は自動車を含む全品目の税率の引き下げを求めた。業界団体は部品メーカーへの影響を懸念し、政府に資金繰り支援を要望した。
トランプ大統領は1日、日本との合意について「できるかどうか疑わしい」と述べた。
トランプ大統領は7日、日本からの輸入品に25%の関税を課すと書簡で通告した。
小野寺五典政調会長は8日の党会合で「断じて受け入れられない。書面一枚で通告するのは、同盟国に対して極めて失礼だ」と批判した。
米政府は9日、相互関税の90日間の一時停止を発表した。
林芳正官房長官は「今日の発表を前向きに受け止める」と述べた。
江藤拓農相は備蓄米の放出を発表した。当時の坂本哲志農相は「そこは慎重に考えなければならない」と述べ、放出に否定的な考えを示していた。
"""


@pytest.fixture
async def story(store: Store) -> Store:
    assert (await ingest_text(store, ARTICLE, name="tariffs.md")).status == "added"
    return store


async def positions(store: Store, actor: str, about: str) -> list[tuple[str, str]]:
    """(position, text) of every statement the store's one article gives the actor about the target."""
    return [(s.position, s.text) for s in (await stance_about(store, actor, about)).statements]


def test_a_surname_with_its_given_name_before_the_title_is_the_subject() -> None:
    actors = ActorIndex(
        [
            ActorEntry(-1, "坂本", None, "person", ["坂本氏"], None),
            ActorEntry(-2, "江藤", None, "person", ["江藤氏"], None),
            ActorEntry(-3, "村上", None, "person", ["村上氏"], None),
        ]
    )
    text = "江藤氏は放出を発表した。当時の坂本哲志農相は「慎重に考えなければならない」と述べた。村上誠一郎総務相も「遺憾だ」と述べた。"
    claims = extract_claims([ParsedPassage(text, None, None, None, None, None, "body")], actors)
    by_actor = {c.actor_id: text[c.lo : c.hi] for c in claims}
    assert "慎重に考えなければならない" in by_actor[-1]
    assert "慎重" not in by_actor.get(-2, "")
    assert "遺憾だ" in by_actor[-3]


async def test_a_title_after_a_name_is_not_the_head_of_the_target(store: Store) -> None:
    target = parse_target("江藤農相", store.actors, await topic_cue_map(store))
    heads = [w.form for w in target.words if w.head]
    assert heads == ["江藤"]


async def test_the_target_named_by_its_kind_word_alone(story: Store) -> None:
    found = await positions(story, "トランプ", "日本との貿易合意")
    assert any("疑わしい" in t for _, t in found)


async def test_what_the_actor_does_is_read_at_the_head_of_the_target_only(story: Store) -> None:
    found = await positions(story, "小野寺", "トランプ大統領が書簡で通告した25%の関税")
    assert [p for p, t in found if "断じて" in t] == ["oppose"]


async def test_a_reaction_to_a_halt_named_just_before_supports_the_halt(story: Store) -> None:
    found = await positions(story, "林", "相互関税の一時停止")
    assert [p for p, t in found if "前向き" in t] == ["support"]


async def test_an_unregistered_surname_with_its_given_name(story: Store) -> None:
    found = await positions(story, "坂本", "備蓄米の放出")
    assert any("慎重に考えなければならない" in t for _, t in found)


async def test_named_words_are_the_words_match_spans_finds(store: Store) -> None:
    cues = await topic_cue_map(store)
    for about, text in (
        ("日本との貿易合意", "トランプ氏は日本との合意について「できるかどうか疑わしい」と述べた。"),
        ("the US-Japan trade deal", "The council said the U.S. Japan trade deals were bad for Detroit."),
        ("停戦案", "Russia rejected the ceasefire proposal."),
        ("the trade deal", "The dealer ideally said nothing."),
        ("鉱物資源の協定", "関税の話はなかった。"),
    ):
        target = parse_target(about, store.actors, cues)
        assert named_words(target, text) == set(match_spans(target, text))


NUCLEAR = """\
---
title: 志賀原発 再稼働の行方
published: 2024-01-31
---
北陸電力は31日、決算会見を開いた。松田光司社長は「安全確保に問題はない」と強調した。
同社は「2号機の再稼働を目指す方針に変わりはない」としている。
"""


def test_dou_sha_is_the_last_organisation_subject() -> None:
    actors = ActorIndex(
        [ActorEntry(-1, "北陸電力", None, "org", [], None), ActorEntry(-2, "松田", None, "person", ["松田氏"], None)]
    )
    text = NUCLEAR.split("---\n")[-1].replace("\n", "")
    claims = extract_claims([ParsedPassage(text, None, None, None, None, None, "body")], actors)
    assert any(c.actor_id == -1 and "方針に変わりはない" in text[c.lo : c.hi] for c in claims)


async def test_an_unregistered_body_is_read_through_dou_sha(store: Store) -> None:
    assert (await ingest_text(store, NUCLEAR, name="shika.md")).status == "added"
    found = await positions(store, "北陸電力", "2号機の再稼働")
    assert any("方針に変わりはない" in t for _, t in found)


def test_an_english_subject_with_an_apposition_before_its_verb() -> None:
    actors = ActorIndex(
        [
            ActorEntry(-1, "American Automotive Policy Council", None, "org", [], None),
            ActorEntry(-2, "Junya Ogawa", None, "person", ["Ogawa"], None),
        ]
    )
    text = (
        "The American Automotive Policy Council, which represents Ford, General Motors and Stellantis, criticized"
        ' the terms. "Any deal that leaves the tariffs untouched is a bad deal," it said. Junya Ogawa,'
        ' secretary-general of the main opposition party, said Eto was "far too removed" from voters.'
    )
    claims = extract_claims([ParsedPassage(text, None, None, None, None, None, "body")], actors)
    said = {a: " ".join(text[c.lo : c.hi] for c in claims if c.actor_id == a) for a in (-1, -2)}
    assert "criticized the terms" in said[-1] and "bad deal" in said[-1] and "far too removed" in said[-2]


async def test_an_english_target_word_matches_its_other_forms(store: Store) -> None:
    """staying → stay (stays, stayed), bills → bill: the article says the target in another form of the word."""
    target = parse_target("staying on as prime minister and supporting bills", store.actors, await topic_cue_map(store))
    forms = {f for w in target.words for f in w.forms}
    assert {"stay", "support", "bill"} <= forms
    said = "Ishiba said he would stay on. Kamiya will judge each bill on its merits."
    assert {w.form for k, w in enumerate(target.words) if k in named_words(target, said)} >= {"staying", "bills"}

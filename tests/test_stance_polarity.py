"""Polarity toward the target in the classes found on stories nobody tuned for: a cue after a negating prefix
(不適切), an act listed before the predicate that refuses it (撤回、修正をするつもりはない), refraining (慎む), a
negative evaluation (相いれない), someone else's past deed spoken of (投稿をしたことを取り上げ), and a condition in
another sentence of the same quote, which conditions nothing after it; a negated noun phrase (…ではなく), a
stop verb (引退), waiting and declining to judge (注視, 評価は控えた), an English sentence's governing verb
rather than an adjective after it or a frame before it (insisted that …), an English restriction (only after)."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.store import Store
from tests.test_stance_positions_news import positions

pytestmark = pytest.mark.reading_rules  # SQLite alone (tests/conftest.py, READING_RULES)

ARTICLE = """\
---
title: 各地の反応
published: 2025-09-01
---
鈴木一郎市長は記者会見で、市議会の決議について「市政の長の判断として不適切な決議だ」と述べた。

佐藤花子知事は、条例案の撤回について「特に撤回、修正をするつもりはない」と語った。

松本九郎知事は、条例案について撤回しない考えを表明した。

森十郎議員は「条例案は撤回すべきだ」と述べた。

田中次郎議員は「個別の事案について、この場で断定するのは慎みたい」と述べた。

山本三郎大臣は、隣国の入国制限について「わが国の立場とは相いれない」と強調した。

山本三郎大臣は同日、視察先の港で記者団の取材に応じた。

高橋四郎委員長は、同僚議員がSNSに動画を投稿したことを取り上げ、「公人として極めて遺憾だ」と述べた。

中村六郎会長は視察先で会見した。この間、鈴木一郎市長の発言にも変化が見える。同氏は会見で「市議会の決議には不満だ」と述べた。

伊藤五郎局長は「大雨と満潮が重なれば川の水位は上がる。結果として避難指示の判断は妥当だった」と語った。
"""


async def test_polarity_classes(store: Store) -> None:
    assert (await ingest_text(store, ARTICLE, name="polarity.md")).status == "added"
    assert await positions(store, "鈴木", "市議会の決議", "不適切") == ["oppose"]
    assert await positions(store, "佐藤", "条例案の撤回", "つもりはない") == ["oppose"]
    # the halt named as the target, done or not: 撤回しない opposes the retraction, 撤回すべき supports it
    assert await positions(store, "松本", "条例案の撤回", "撤回しない") == ["oppose"]
    assert await positions(store, "森", "条例案の撤回", "撤回すべき") == ["support"]
    assert await positions(store, "田中", "個別の事案を断定すること", "慎みたい") == ["oppose"]
    assert await positions(store, "山本", "隣国の入国制限", "相いれない") == ["oppose"]
    assert await positions(store, "山本", "隣国の入国制限", "取材に応じた") == []  # answering questions is no 応じ
    assert await positions(store, "高橋", "同僚議員の動画投稿", "遺憾") == ["oppose"]
    assert await positions(store, "伊藤", "避難指示の判断", "妥当だった") == ["support"]
    # 同氏: the person the sentence before named, though not as its subject
    assert await positions(store, "鈴木", "市議会の決議", "決議には不満") == ["oppose"]
    assert await positions(store, "中村", "市議会の決議", "決議には不満") == []


PHRASES = """\
---
title: 続報
published: 2025-09-02
---
中村六郎会長は「これは単なる経営の問題ではなく、企業統治の問題だ」と述べた。
小林七子氏は「本日をもって政治活動を引退いたします」と表明した。
加藤八郎長官は、隣国の発表について「今後の展開を注視していく必要がある」と述べ、評価は控えた。
"I am firmly against the once proud and great harbor being sold to a foreign fund," Miller wrote on X.
Ishiba had insisted that Japan would not accept a budget that cut the bus service.
The ministry said the new rules would apply only after the bridge was inspected.

Ishiba shot back that it was disrespectful for the mayor to skip the harvest festival.
"""


async def test_polarity_in_phrases_and_english_frames(store: Store) -> None:
    assert (await ingest_text(store, PHRASES, name="phrases.md")).status == "added"
    assert await positions(store, "中村", "経営の問題だという見方", "ではなく") == ["oppose"]
    assert await positions(store, "小林", "政治活動を続けること", "引退") == ["oppose"]
    assert await positions(store, "加藤", "隣国の発表", "注視") == ["neutral"]
    assert await positions(store, "Miller", "selling the harbor to a foreign fund", "against") == ["oppose"]
    assert await positions(store, "Ishiba", "a budget that cut the bus service", "not accept") == ["oppose"]
    assert await positions(store, "ministry", "the new rules", "only after") == ["conditional"]
    assert await positions(store, "Ishiba", "the mayor skipping the harvest festival", "disrespectful") == ["oppose"]
    # "The ministry said": the body named by its kind speaks, not the last person named
    assert await positions(store, "Ishiba", "the new rules", "only after") == []


async def test_toiu_names_no_target_word(store: Store) -> None:
    """「…という報道」: the quotative 言う is no word of the target (「そういう話」 is not about it)."""
    from bot.services.stance_about import prepare_target

    text = "---\ntitle: 報道を否定\npublished: 2025-09-03\n---\n首相は退陣を決断したという新聞報道を否定した。\n\n首相は「そういう話もあった」と説明した。\n"
    assert (await ingest_text(store, text, name="toiu.md")).status == "added"
    target, _ = await prepare_target(store, "首相が退陣を決断したという新聞報道")
    assert "言う" not in [w.form for w in target.words]
    assert "報道" in [w.form for w in target.words]

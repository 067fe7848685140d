"""Whose clause it is when news text does not name the speaker plainly: a body's unnamed member (気象庁の担当者は,
同庁の幹部は, a JR Hokkaido spokesperson), a bare title after the full name with its given name (馳浩知事 … 知事は),
and an English `he` in a passage that names nobody."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store
from tests.stance_clauses import clause_texts

ACTORS = ActorIndex(
    [
        ActorEntry(-1, "気象庁", None, "org", [], None),
        ActorEntry(-2, "JR Hokkaido", None, "org", [], None),
        ActorEntry(-3, "馳", None, "person", ["馳浩"], None),
        ActorEntry(-4, "岸田", None, "person", ["Kishida"], None),
        ActorEntry(-5, "ロシア", None, "country", [], None),
    ]
)


def claims_of(*texts: str) -> dict[int, list[str]]:
    return clause_texts(ACTORS, *texts)


def test_an_unnamed_member_speaks_for_the_body() -> None:
    found = claims_of(
        "気象庁の担当者は「夜中のうちに注意報まで解除するのは考えにくい」と述べた。",
        "気象庁は31日、注意報を解除した。",
        "同庁の幹部は取材に「警報の水準は妥当だった」と強調した。",
    )
    assert any("考えにくい" in t for t in found[-1])
    assert any("妥当だった" in t for t in found[-1])


def test_a_persons_aide_is_not_the_person_and_a_country_spokesman_is_not_the_country() -> None:
    found = claims_of("ロシアの大統領報道官は「何も得られない」と述べた。")
    assert -5 not in found


def test_an_english_spokesperson_speaks_for_the_body() -> None:
    found = claims_of('"We take seriously that our crossings got in the way," a JR Hokkaido spokesperson said.')
    assert any("crossings" in t for t in found[-2])


def test_a_bare_title_after_the_full_name_with_its_given_name() -> None:
    found = claims_of(
        "1月5日、馳浩知事は動画メッセージで呼びかけた。",
        "知事は「個人で被災地に入るのは控えてほしい」と述べた。",
    )
    assert any("控えてほしい" in t for t in found[-3])


def test_he_in_a_passage_that_names_nobody_is_the_last_person() -> None:
    found = claims_of(
        "Kishida said 156 people had been rescued.",
        'He also appealed to the public. "Ordinary vehicles are causing serious congestion," he said.',
    )
    assert any("congestion" in t for t in found[-4])


RESIGNATION = """\
---
title: 首相、退陣を表明
published: 2025-09-07
---
石破茂首相は参院選の後、続投の意向を示してきた。
首相は7日の記者会見で「自由民主党総裁の職を辞することといたしました」と表明した。
"""


async def test_an_act_named_by_its_antonym_flips_the_position(store: Store) -> None:
    """Announcing a resignation opposes staying on; the resignation itself, asked about, is supported."""
    assert (await ingest_text(store, RESIGNATION, name="resign.md")).status == "added"
    staying = await stance_about(store, "石破", "首相を続投すること")
    assert ("oppose", True) in [(s.position, "辞する" in s.text) for s in staying.statements]
    leaving = await stance_about(store, "石破", "首相の辞任")
    assert ("support", True) in [(s.position, "辞する" in s.text) for s in leaving.statements]


NEWS_CUES = """\
---
title: 各社の対応
published: 2025-01-30
---
林芳正官房長官は30日の記者会見で、政府が予定していた同局への広告出稿を当面見合わせると明らかにした。
赤沢亮正経済再生相は、米国が発動した自動車への追加関税について「大変残念だ」と述べた。
"""


async def test_news_vocabulary_of_holding_back_and_regret(store: Store) -> None:
    assert (await ingest_text(store, NEWS_CUES, name="cues.md")).status == "added"
    ads = await stance_about(store, "林", "政府によるフジテレビへの広告出稿")
    assert [s.position for s in ads.statements if "見合わせ" in s.text] == ["oppose"]
    tariffs = await stance_about(store, "赤沢", "自動車への追加関税")
    assert [s.position for s in tariffs.statements if "残念" in s.text] == ["oppose"]


def test_an_office_in_parentheses_and_a_bare_title_in_the_next_passage() -> None:
    found = claims_of(
        "岸田文雄首相（自民党総裁）は14日、記者会見した。",
        "首相は会見の冒頭、「私が身を引くことだ」と述べ、出馬を見送る考えを明らかにした。",
    )
    assert any("記者会見した" in t for t in found[-4])
    assert any("出馬を見送る" in t for t in found[-4])


@pytest.mark.parametrize(
    ("first", "official", "said", "speaker"),
    [
        (
            "馳浩知事は「対策は早急に講じたい」と述べた。",
            "県の幹部は「浸水想定区域を避けきれなかった」と打ち明ける。",
            "避けきれ",
            -3,
        ),
        (
            "岸田文雄首相は「責任を果たしたい」と述べた。",
            "一方、政府関係者の一人は「首相は腹を固めていた」と話した。",
            "腹を固め",
            -4,
        ),
    ],
)
def test_an_unnamed_official_does_not_go_on_as_the_last_speaker(
    first: str, official: str, said: str, speaker: int
) -> None:
    assert not any(said in t for t in claims_of(first, official).get(speaker, []))


@pytest.mark.parametrize(
    ("name", "sentence", "about", "said", "position"),
    [  # 馳浩知事: with its given name; 笠国会対策委員長: with its office before the title
        (
            "馳",
            "馳浩知事は5日、「個人で被災地に入るのは控えてほしい」と呼びかけた。",
            "個人ボランティアが被災地に入ること",
            "控えてほしい",
            "oppose",
        ),
        (
            "笠",
            "立憲民主党の笠国会対策委員長は「事態が動かなければ、不信任決議案の提出の検討に入りたい」と述べた。",
            "江藤農相への不信任決議案の提出",
            "検討に入りたい",
            "conditional",
        ),
    ],
)
async def test_a_one_kanji_surname_is_found_as_the_articles_write_it(
    store: Store, name: str, sentence: str, about: str, said: str, position: str
) -> None:
    article = f"---\ntitle: 記事\npublished: 2024-01-06\n---\n{sentence}\n"
    assert (await ingest_text(store, article, name="surname.md")).status == "added"
    report = await stance_about(store, name, about)
    assert [s.position for s in report.statements if said in s.text] == [position]


CARRIED = ActorIndex(
    [
        ActorEntry(-1, "エストラーダ", None, "person", ["マーティン・エストラーダ"], None),
        ActorEntry(-2, "大谷", None, "person", ["大谷翔平"], None),
        ActorEntry(-3, "ロバーツ", None, "person", [], None),
        ActorEntry(-4, "ドワンゴ", None, "org", [], None),
    ]
)


def test_a_ga_subject_inside_what_the_speaker_also_said_or_answered_is_not_the_speaker() -> None:
    """「…大谷選手が…ないとも述べ」 and 「…を問われると、大谷選手が…と説明」 go on the speaker before; the speaker's
    next quote stays the speaker's, not the named player's."""
    found = clause_texts(
        CARRIED,
        "マーティン・エストラーダ連邦検事は「大谷氏は被害者だ」と強調した。大谷選手が送金を認めていたことを示す証拠はないとも述べた。",
        "ロバーツ監督も記者団の質問に応じた。問題の影響を問われると、大谷選手が動揺している様子は見えないと説明。"
        "「彼は毎日同じように準備をしている」と話した。",
    )
    assert any("証拠はない" in t for t in found[-1])
    assert any("動揺している様子は見えない" in t for t in found[-3])
    assert not any("毎日同じように" in t for t in found.get(-2, []))


def test_a_body_goes_on_after_sonouede() -> None:
    found = clause_texts(
        CARRIED,
        "ドワンゴは8日夜、「サービスを一時的に停止しています」と説明しました。"
        "そのうえで、安全が確認できなければサービスを元に戻すことはできないとして、復旧は難しいという見通しを示しました。",
    )
    assert any("安全が確認できなければ" in t for t in found[-4])


def test_a_body_called_by_its_kind_with_its_secretariat_speaks_for_the_body() -> None:
    found = clause_texts(
        ActorIndex([ActorEntry(-1, "個人情報保護委員会", None, "org", [], None)]),
        "個人情報保護委員会は、同社から漏えいの報告を受けていることを明らかにしている。"
        "委員会事務局の担当者は11日、取材に対し「安全管理措置が適切だったかどうかを確認していく」と述べた。",
    )
    assert any("安全管理措置" in t for t in found[-1])


def test_the_sentence_after_a_bodys_announcement_is_the_bodys() -> None:
    kadokawa = ActorIndex([ActorEntry(-1, "KADOKAWA", None, "org", [], None)])
    found = clause_texts(
        kadokawa,
        "KADOKAWAは14日、連結純利益が97億円になりそうだと発表した。従来予想から37億円引き下げた。新作は好調だった。",
    )
    assert any("37億円引き下げた" in t for t in found[-1])
    assert not any("好調" in t for t in found[-1])  # only the one sentence right after

"""The actors news text names that a user asks about by another form (round 22's unknown class): a katakana surname
the dictionary also knows as a word (ハント, クロセット) before a title only a person holds, an open-class or shadow
minister, a cleric's 師; a Latin name heard as katakana writes it (Mahmood マフムード, Tugendhat トゥーゲントハット,
Naim ナイム); a trial's sides typed in English; a relative of a named person typed shorter than the report writes it.
`eval/actor_probes.jsonl` (`python -m tools.actor_probes`) measures the whole path over many such pairs."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex, _lookup_keys
from bot.extract.body_names import other_names
from bot.extract.discover import discover_actors
from bot.extract.romaji import sounds_like
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.services.relatives import typed_relative, written_forms
from bot.services.resolve import resolve_visible_actor, typed_forms
from bot.services.stance_about import find_unregistered
from bot.store import Store


def _names(actors: ActorIndex, text: str) -> dict[str, str | None]:
    return {a.name: a.description for a in discover_actors([ParsedPassage(text=text)], actors)}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("英保守党のハント前財務相は「根拠がない」と反論した。", "ハント", "前財務相"),
        ("イタリアのクロセット国防相は声明で攻撃を非難した。", "クロセット", "国防相"),
        ("保守党のトゥーゲントハット影の治安担当相は「危険だ」と述べた。", "トゥーゲントハット", "影の治安担当相"),
        ("マフムード司法相は記者会見で早期釈放を発表した。", "マフムード", "司法相"),
        ("ヒズボラのナイム・カセム師は演説で停戦を求めた。", "カセム", "師"),
        ("イラクのシーア派最高権威シスターニ師は声明を出した。", "シスターニ", "師"),
        ("米起業家のマスク氏は投稿で反論した。", "マスク", "氏"),
    ],
)
def test_a_katakana_surname_before_a_persons_title(actors: ActorIndex, text: str, name: str, title: str) -> None:
    assert _names(actors, text).get(name) == title


@pytest.mark.parametrize(
    "text",
    [
        "ユーロ圏財務相会合は合意を見送った。",  # the portfolio's katakana, not a person
        "デジタル担当相は会見で説明した。",
        "サミット外相会合で議論された。",  # a meeting's name
        "マッサージ師の男性が話した。",  # 師 after a common word
        "ドル相場は円安が進んだ。",
        "スポーツ相は声明を出した。",
        "デジタル大臣は会見で説明した。",  # the portfolio before a bare minister's title
    ],
)
def test_no_person_of_a_common_word_before_a_title(actors: ActorIndex, text: str) -> None:
    assert not set(_names(actors, text)) & {
        "ユーロ",
        "ユーロ圏",
        "デジタル",
        "サミット",
        "マッサージ",
        "ドル",
        "スポーツ",
    }


def test_a_person_set_off_as_the_shadow_chancellor(actors: ActorIndex) -> None:
    text = "Jeremy Hunt, the shadow chancellor, said the budget would hit working people."
    assert "Hunt" in _names(actors, text)


@pytest.mark.parametrize(
    ("latin", "kana", "same"),
    [
        ("Mahmood", "マフムード", True),  # a closing h written フ
        ("Ahmad", "アフマド", True),
        ("Tugendhat", "トゥーゲントハット", True),  # a devoiced d written ト
        ("Naim", "ナイム", True),  # the vowel katakana adds after the last consonant
        ("Edmund", "エドムンド", True),
        ("Naim", "ナム", False),
        ("Mahmood", "マムード", False),
    ],
)
def test_a_latin_name_heard_as_katakana_writes_it(latin: str, kana: str, same: bool) -> None:
    assert sounds_like(latin, kana) is same


def test_a_clerics_title_typed_is_taken_off() -> None:
    assert "カセム" in _lookup_keys("カセム師")
    assert "カセム" in typed_forms("カセム師")
    assert "医" not in typed_forms("医師")  # 師 after kanji is part of a word


def test_a_trials_sides_typed_in_english() -> None:
    assert "検察側" in other_names("the prosecutors")
    assert "弁護側" in other_names("the defence")


def test_a_relative_typed_shorter_than_the_report_writes_them() -> None:
    assert typed_relative("山田さんの夫") == ("山田", "夫")
    assert typed_relative("山田晶子") is None
    texts = ["事件で亡くなった山田(佐藤)花子さんの夫は会見し、「許せない」と語った。"]
    assert written_forms("山田", "夫", texts) == ["山田(佐藤)花子さんの夫"]
    assert written_forms("鈴木愛", "祖父", ["鈴木愛さん（当時21）の祖父は話した。"]) == ["鈴木愛さん（当時21）の祖父"]
    assert written_forms("山田", "妻", texts) == []


async def test_the_person_typed_in_latin_letters_found_in_a_japanese_report(store: Store) -> None:
    japanese = (
        "---\ntitle: 英新政権\npublished: 2024-07-13\n---\n"
        "マフムード司法相は記者会見で「刑務所は崩壊寸前だ」と述べた。英保守党のハント前財務相は「根拠がない」と反論した。"
    )
    assert (await ingest_text(store, japanese, name="ja.md")).status == "added"
    assert (await resolve_visible_actor(store, "Mahmood", None, across=True)).name == "マフムード"
    assert (await resolve_visible_actor(store, "Jeremy Hunt", None, across=True)).name == "ハント"


async def test_a_relative_typed_is_read_as_the_report_names_them(store: Store) -> None:
    text = (
        "---\ntitle: 判決\npublished: 2024-01-25\n---\n"
        "事件で亡くなった山田(佐藤)花子さんの夫は判決後に会見し、「控訴は許せない」と語った。"
    )
    assert (await ingest_text(store, text, name="ja.md")).status == "added"
    found = await find_unregistered(store, "山田さんの夫")
    assert found is not None and found[0].name == "山田(佐藤)花子さんの夫"


def test_a_katakana_surname_before_a_title_with_its_field(actors: ActorIndex) -> None:
    assert "ターク" in _names(actors, "国連のターク人権高等弁務官は9日、調査を求めた。")
    assert typed_forms("ターク国連人権高等弁務官")[-1] == "ターク" or "ターク" in typed_forms(
        "ターク国連人権高等弁務官"
    )


def test_two_people_sharing_a_title_are_not_one(actors: ActorIndex) -> None:
    assert _names(actors, "トランプ・ゼレンスキー両大統領は会談した。") == {}


def test_the_person_addressed_does_not_take_over_the_speaker() -> None:
    """「…と述べ、カーニー氏に祝意を伝えた。同氏は…とも語った」: 同氏 is who spoke, not the one congratulated (the
    person a subjectless sentence names as its addressee does not become the last person)."""
    from bot.actors import ActorEntry
    from tests.stance_clauses import clause_texts

    index = ActorIndex(
        [ActorEntry(1, "ポワリエーブル", None, "person", []), ActorEntry(2, "カーニー", None, "person", [])]
    )
    texts = (
        "一方、ポワリエーブル氏は28日夜、支持者に向けて演説し、「カナダ国民は少数政権を選んだ」と結果を受け止めた。"
        "そのうえで「今夜はカナダ人として一つになる」と述べ、カーニー氏に祝意を伝えた。",
        "同氏は党首にとどまる意向で、「変化は簡単には訪れない。時間がかかる」とも語った。",
    )
    clauses = clause_texts(index, *texts)
    assert any("時間がかかる" in t for t in clauses.get(1, []))
    assert not any("時間がかかる" in t for t in clauses.get(2, []))

"""The speaker /quote shows, forty-third round (issue 11 item 4, the speakers issue): a person the store keeps under
a short name (the name reports use most) shown as the report writes them in full, and a staffer's post named by the
office they serve (首相秘書官, 大統領特使) read as the staffer's, so that a later bare 「首相は」 is the principal's.
Sentences and names of our own."""

from __future__ import annotations

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract.attribution import attribute, written_in_full
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store

ACTORS = ActorIndex(
    [
        ActorEntry(1, "村瀬", "Kazuma Murase", "person", ["村瀬一馬"]),
        ActorEntry(2, "ベルトラン", "Miguel Beltran", "person", ["ミゲル・ベルトラン", "Beltran", "Miguel Beltran"]),
        ActorEntry(3, "三田", None, "person", ["三田浩二"]),
        ActorEntry(4, "岡野", None, "person", ["岡野健一"]),
        ActorEntry(5, "北央電機", None, "org", ["北央電機株式会社"]),
        ActorEntry(6, "ハリス", None, "person", ["ジョン・ハリス"]),
        ActorEntry(7, "ロペス", None, "person", []),
        ActorEntry(8, "ガルシア", None, "person", ["ガルシア米大使"]),
        ActorEntry(9, "森田", None, "person", ["森田首相"]),
    ]
)


def _shown(context: str, quote: str) -> str | None:
    at = context.index(quote)
    speaker = attribute(context, at, at + len(quote), ACTORS, context=context)
    return written_in_full(speaker, context, at, ACTORS, context)


@pytest.mark.parametrize(
    ("context", "quote", "shown"),
    [
        # a kanji surname after the full name with a title (a university's doctor)
        (
            "村瀬一馬教授は会見を開いた。村瀬教授は「手を尽くしたが及ばなかった」と述べた。",
            "手を尽くしたが",
            "村瀬一馬",
        ),
        # a katakana family name after the given name and the family name joined by a dot
        (
            "新会長にミゲル・ベルトラン氏が選ばれた。ベルトラン氏は「改革を急ぐ」と語った。同氏は就任を受け入れた。",
            "改革を急ぐ",
            "ミゲル・ベルトラン",
        ),
        # 同氏 read back to the person, shown in full too
        (
            "ミゲル・ベルトラン氏が会長に選ばれた。同氏は「まず謝罪したい」と語った。",
            "まず謝罪したい",
            "ミゲル・ベルトラン",
        ),
    ],
)
def test_a_person_is_shown_by_the_full_name_the_report_writes(context: str, quote: str, shown: str) -> None:
    assert _shown(context, quote) == shown


@pytest.mark.parametrize(
    ("context", "quote", "shown"),
    [
        # no full name written in the report: the stored name
        ("村瀬教授は「手を尽くしたが及ばなかった」と述べた。", "手を尽くしたが", "村瀬"),
        # a body keeps its name (its long form is a name of its own kind, not a person's extension)
        ("北央電機株式会社は声明を出した。北央電機は「遺憾だ」とした。", "遺憾だ", "北央電機"),
        # a person the index holds under no longer alias
        ("ロペス氏は「準備はできている」と述べた。", "準備はできている", "ロペス"),
        # a longer mention that carries a post, not more of the name: the post is not shown as the name
        ("ガルシア米大使は会見した。ガルシア氏は「協力を続ける」と述べた。", "協力を続ける", "ガルシア"),
        ("森田首相は会見した。森田氏は「全力を尽くす」と述べた。", "全力を尽くす", "森田"),
    ],
)
def test_a_name_not_written_longer_is_shown_as_stored(context: str, quote: str, shown: str) -> None:
    assert _shown(context, quote) == shown


def test_the_nearest_full_name_before_the_words_is_shown() -> None:
    # two written forms of the one actor: the nearer one before the quote, not the first of the report
    context = "ジョン・ハリス氏が到着した。ハリス氏は「感謝する」と述べた。"
    assert _shown(context, "感謝する") == "ジョン・ハリス"
    assert written_in_full("ハリス", "ハリス氏は来なかった。", 0, ACTORS) == "ハリス"
    assert written_in_full(None, "", 0, ACTORS) is None
    assert written_in_full("政府関係者", "政府関係者は", 0, ACTORS) == "政府関係者"


@pytest.mark.parametrize(
    ("context", "quote", "speaker"),
    [
        # a prime minister's secretary dismissed, then the prime minister speaks by his title alone
        (
            "三田浩二首相は3日、差別的な発言をした岡野健一首相秘書官を更迭した。首相は記者団に「到底容認できない」と述べた。",
            "到底容認できない",
            "三田",
        ),
        # a president's envoy named, then the president by his title alone
        (
            "三田浩二大統領は会談で支援を約束した。同席した岡野健一大統領特使も発言した。大統領は「支援を続ける」と強調した。",
            "支援を続ける",
            "三田",
        ),
        # the staffer's own post said alone is the staffer's
        (
            "三田浩二首相は会見した。岡野健一首相補佐官も同席した。補佐官は「誤解を招いた」と釈明した。",
            "誤解を招いた",
            "岡野",
        ),
    ],
)
def test_a_staff_post_named_by_its_principals_office_is_the_staffers(context: str, quote: str, speaker: str) -> None:
    at = context.index(quote)
    assert attribute(context, at, at + len(quote), ACTORS, context=context) == speaker


async def test_a_person_typed_in_one_script_is_answered_from_the_reports_in_the_other(store: Store) -> None:
    """ケスラー typed: the Japanese report names her in katakana, the English ones by "Barbara Kessler" (another actor
    of the store, the same person by sound: `across_scripts`); the English reports naming her are read too, where the
    documents read for the name typed leave room."""
    japanese = (
        "---\ntitle: 軍事政権\npublished: 2024-03-02\n---\n"
        "ケスラー国務次官は2日、首都で軍事政権の幹部と会談した。ケスラー氏は会談について多くを語らなかった。"
    )
    english = (
        "---\ntitle: Envoy meets junta\npublished: 2024-03-03\n---\n"
        "Deputy Secretary of State Barbara Kessler met the junta's leaders on Saturday. Kessler said she had offered "
        "Washington's help if they chose to return to constitutional rule."
    )
    assert (await ingest_text(store, japanese, name="ja.md")).status == "added"
    assert (await ingest_text(store, english, name="en.md")).status == "added"
    report = await stance_about(store, "ケスラー", "helping the junta return to constitutional rule")
    assert any("constitutional rule" in s.text for s in report.statements)

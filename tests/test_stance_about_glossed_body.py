"""/stance --about for a body whose people the document names by the short form it gives the body itself (issue 11,
forty-first round): 「米マイクロソフト(MS)は…」 then 「MSのデービッド・ウェストン副社長は「…」」, 「全国保険医団体連合会(保団連)」
then 「保団連の住江憲勇会長は」, "Tokyo Electric Power Company Holdings (TEPCO)" then "TEPCO spokesperson …", NHK's
「FSB=連邦保安庁」. The person's tie names the short form, never a name of the body the user typed; the document's own
gloss links the two (`affiliation.glossed_names`). Sentences of our own, each rule with cases that must not fire."""

from __future__ import annotations

import pytest

from bot.extract.affiliation import glossed_names
from bot.ingest.pipeline import ingest_text
from bot.services.stance_about import stance_about
from bot.store import Store


def test_a_short_form_given_in_brackets_or_before_an_equals_sign() -> None:
    # capital letters after a Japanese name (a foreign body's country kanji before it), in either bracket width
    assert glossed_names(["米マイクロソフト(MS)は20日、明らかにした。"], ["マイクロソフト"]) == ("MS",)
    assert glossed_names(["日本産業パートナーズ（JIP）が買収した。"], ["日本産業パートナーズ"]) == ("JIP",)
    # the name's own characters in their order (a Japanese short form)
    assert glossed_names(["全国保険医団体連合会（保団連）は会見した。"], ["全国保険医団体連合会"]) == ("保団連",)
    assert glossed_names(["全国漁業協同組合連合会(全漁連)の会長"], ["全国漁業協同組合連合会"]) == ("全漁連",)
    # an English name's letters, beginning as it does; a Latin name's sound in katakana
    text = "Tokyo Electric Power Company Holdings (TEPCO) said on Monday it would resume the work."
    assert glossed_names([text], ["Tokyo Electric Power Company Holdings"]) == ("TEPCO",)
    assert glossed_names(["TikTok(ティックトック)の広報担当者は"], ["TikTok"]) == ("ティックトック",)
    # NHK's letters first
    assert glossed_names(["FSB=連邦保安庁は声明を出した。"], ["連邦保安庁"]) == ("FSB",)


def test_a_short_form_typed_finds_the_long_name_it_glosses() -> None:
    # the user types the short form: the long name before the bracket (a foreign body's country kanji left out), the
    # capitalised words before an English one, the name after NHK's equals sign
    assert glossed_names(["全国保険医団体連合会（保団連）は会見した。"], ["保団連"]) == ("全国保険医団体連合会",)
    assert glossed_names(["米マイクロソフト(MS)は20日、明らかにした。"], ["MS"]) == ("マイクロソフト",)
    text = "On Monday, Tokyo Electric Power Company Holdings (TEPCO) said it would resume the work."
    assert glossed_names([text], ["TEPCO"]) == ("Tokyo Electric Power Company Holdings",)
    assert glossed_names(["FSB=連邦保安庁は声明を出した。"], ["FSB"]) == ("連邦保安庁",)
    # counter-examples: what the brackets say of a thing is not its name's gloss
    assert glossed_names(["トヨタ自動車(愛知県)は8日、決算を発表した。"], ["愛知県"]) == ()
    assert glossed_names(["国民議会(下院)は内閣不信任案を可決した。"], ["下院"]) == ()
    assert glossed_names(["the New York Stock Exchange (NYSE) said"], ["TM"]) == ()


def test_what_brackets_say_of_a_body_is_no_short_form() -> None:
    # a place, a kind, a date said of the body
    assert glossed_names(["トヨタ自動車(愛知県)は8日、決算を発表した。"], ["トヨタ自動車"]) == ()
    assert glossed_names(["国民議会(下院)は内閣不信任案を可決した。"], ["国民議会"]) == ()
    assert glossed_names(["マイクロソフト(本社・米ワシントン州)は"], ["マイクロソフト"]) == ()
    # the name as the end of a longer one, or a Latin name inside a longer word
    assert glossed_names(["日本暗号資産取引業協会(JVCEA)は"], ["協会"]) == ()
    assert glossed_names(["Microsoftware (MS) said"], ["Microsoft"]) == ()
    # an English body's capitals that do not begin as its name does (an exchange, not the body)
    assert glossed_names(["Toyota Motor (NYSE) said"], ["Toyota Motor"]) == ()
    # a gloss that is another actor's name (the caller's `taken`): a country in brackets
    assert glossed_names(["中鉄十局(タイ法人)"], ["中鉄十局"]) == ()
    assert glossed_names(["米マイクロソフト(MS)"], ["マイクロソフト"], taken=lambda g: g == "MS") == ()


ARTICLES = (
    """\
---
title: 保険証廃止に医師団体が反発
published: 2024-05-20
---
全国保険医団体連合会(保団連)は20日、東京都内で記者会見を開いた。

政府は現行の健康保険証を12月に廃止する方針だ。

保団連の住江憲勇会長は「保険証の廃止は撤回すべきだ」と述べた。
""",
    """\
---
title: Fukushima debris retrieval to resume
published: 2024-09-20
language: en
---
Tokyo Electric Power Company Holdings (TEPCO) said on Friday it had replaced two faulty cameras.

TEPCO spokesperson Keisuke Matsuo said the company supported resuming the debris retrieval next week.
""",
    """\
---
title: トヨタ、関税で減益
published: 2025-05-08
---
トヨタ自動車(愛知県)は8日、決算を発表した。

愛知県の大村秀章知事は「関税の引き上げには反対だ」と述べた。
""",
    """\
---
title: 日本に「化石賞」
published: 2023-12-05
---
世界の環境団体でつくる気候行動ネットワーク(CAN)は5日、日本に「化石賞」を贈った。

CANは声明で「石炭火力の延命は認められない」と批判した。
""",
)


@pytest.fixture
async def story(store: Store) -> Store:
    for k, text in enumerate(ARTICLES):
        assert (await ingest_text(store, text, name=f"gl{k}.md")).status == "added"
    return store


async def test_a_member_named_by_the_documents_short_form_answers_for_the_body(story: Store) -> None:
    report = await stance_about(story, "全国保険医団体連合会", "保険証の廃止")
    assert any("住江" in s.text and s.position == "oppose" for s in report.statements)
    report = await stance_about(story, "Tokyo Electric Power Company Holdings", "resuming the debris retrieval")
    assert any("Matsuo" in s.text for s in report.statements)
    # counter-example: a place in brackets ties the place's governor to no company
    report = await stance_about(story, "トヨタ自動車", "関税の引き上げ")
    assert not any("大村" in s.text for s in report.statements)


async def test_the_body_speaking_under_the_short_form_its_report_glosses(story: Store) -> None:
    # the body typed by its long name, its statement made under the short form the same report glosses it by
    report = await stance_about(story, "気候行動ネットワーク", "石炭火力の延命")
    assert any("CANは声明で" in s.text and s.position == "oppose" for s in report.statements)
    # counter-example: the short form of one report is not another body's (the place in brackets is no gloss)
    report = await stance_about(story, "トヨタ自動車", "石炭火力の延命")
    assert not any("CAN" in s.text for s in report.statements)

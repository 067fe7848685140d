"""One person in two scripts, and a byline with an update stamp (issue 12, round 19).

A foreign name's katakana spells a sound it has no letter for with a small vowel (モディ Modi, ティ, ドゥ, ファ, ウィ): the
small vowel replaces the syllable's own, so the Japanese and the English report share the name's key. A byline followed
by an update stamp (「By AP staff | Updated 11:48 PM GMT+9, May 12, 2025」) dates the article and is no event. Names and
sentences of our own, each with a counter-example."""

from __future__ import annotations

import pytest

from bot.actors import ActorIndex
from bot.extract.events import event_features, same_event
from bot.extract.romaji import name_key, romanize, sounds_like
from tests.test_timeline_classes7 import events_of


@pytest.mark.parametrize(
    "kana, latin",
    [
        ("モディ", "Modi"),
        ("ウィトコフ", "Witkoff"),
        ("ヴァンス", "Vance"),
        ("ドゥテルテ", "Duterte"),
        ("ファルーク", "Farouk"),
        ("ティナ", "Tina"),
        ("シェインバウム", "Sheinbaum"),
    ],
)
def test_a_small_vowel_replaces_its_syllable_s_own(kana: str, latin: str) -> None:
    assert name_key(romanize(kana))[:3] == name_key(latin)[:3]
    assert sounds_like(latin, kana)


@pytest.mark.parametrize(
    "kana, roman",
    [
        ("キャンプ", "kyanpu"),  # ャュョ combine as before
        ("ショルツ", "shorutsu"),
        ("アイゼン", "aizen"),  # a full-size vowel is a syllable of its own
        ("ァア", "aa"),  # a small vowel with nothing before it stays a vowel
        ("ラファエル", "rafaeru"),
    ],
)
def test_other_kana_read_as_before(kana: str, roman: str) -> None:
    assert romanize(kana) == roman


def test_a_japanese_and_an_english_report_share_a_name_written_with_a_small_vowel(actors: ActorIndex) -> None:
    ja = event_features("インドのモディ首相は7日、パキスタンへの攻撃を命じた。", actors)
    en = event_features("Indian Prime Minister Narendra Modi ordered strikes on Pakistan on Wednesday.", actors)
    assert "modi" in ja.names and "modi" in en.names
    assert same_event(_stored(ja), _stored(en)) > 0


def _stored(features: object) -> dict:
    return {
        "tokens": sorted(features.tokens),  # type: ignore[attr-defined]
        "persons": sorted(features.persons),  # type: ignore[attr-defined]
        "names": sorted(features.names),  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize(
    "line, day",
    [
        ("By AP staff | Updated 11:48 PM GMT+9, May 12, 2025", "2025-05-12"),
        ("By the Associated Press | Updated 6:12 AM GMT, January 27, 2025", "2025-01-27"),
        ("By Japan Times staff writer | Jan 10, 2024", "2024-01-10"),
    ],
)
def test_a_byline_then_an_update_stamp_is_a_stamp_line(line: str, day: str) -> None:
    from bot.ingest.stamps import stamp_date

    assert stamp_date(line) == day


@pytest.mark.parametrize(
    "line",
    [
        "By the weekend, the app had displaced its rival | May 12, 2025",  # a sentence, not a byline
        "By AP staff | Markets fell sharply, May 12, 2025",  # words after the mark that are no stamp's
        "By AP staff | Updated 11:48 PM GMT+9, May 12, 2025, as talks resumed",  # more than a time after the date
    ],
)
def test_a_sentence_or_more_than_a_stamp_is_no_stamp_line(line: str) -> None:
    from bot.ingest.stamps import stamp_date

    assert stamp_date(line) is None


def test_a_byline_with_an_update_stamp_dates_no_event(actors: ActorIndex) -> None:
    body = (
        "Modi says India has only paused strikes on Pakistan\n"
        "By AP staff | Updated 11:48 PM GMT+9, May 12, 2025\n\n"
        "NEW DELHI (AP) — Indian Prime Minister Narendra Modi said Monday that strikes had only been paused."
    )
    events = events_of(body, actors, published="2025-05-12")
    assert [d for d, _ in events] == ["2025-05-12"]
    assert not any("Updated" in s for _, s in events)

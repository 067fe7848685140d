"""Issue 13, parts 2–5 outside Discord: the CLI and console in either language, safe echoes, the small things."""

from __future__ import annotations

import re

import pytest

from bot.ingest.pipeline import ingest_text
from bot.models import SourceRef, Statement, TimelineEvent
from bot.services import digest
from bot.services.quotes import find_quote
from bot.terminal import console
from bot.terminal.render_text import actors_text, pad, width
from commands.i18n import Labels
from commands.render import echo, link
from tests import test_cli
from tests.test_cli import one_line_error

run_main = test_cli.run_main  # the CLI tests' fixture: main() in-process, env cleared
KANA_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HUGE = "99999999999999999999"


# --- the CLI and console speak the reader's language ----------------------------------------------


@pytest.mark.parametrize(
    ("args", "en", "ja"),
    [
        (("timeline", "--since", "yesterday"), "is not a date: use YYYY-MM-DD", "日付として読めません"),
        (("stance", "Trunp"), "Unknown actor 'Trunp'. Did you mean: Donald Trump?", "候補: トランプ"),
        (("ingest", "ftp://example.com/a.txt"), "Only http and https URLs can be fetched (got ftp:)", "取得できるのは"),
        (("sources", HUGE), f"no document #{HUGE}", f"#{HUGE} の記事はありません"),
        (("feeds", "remove", HUGE), f"no feed #{HUGE}", f"フィード #{HUGE} はありません"),
    ],
)
def test_cli_errors_in_english_by_default_and_japanese_on_request(run_main, seeded_db, monkeypatch, args, en, ja):
    line = one_line_error(*run_main("--db", seeded_db, *args))
    assert en in line and not KANA_KANJI.search(line.replace("トランプ", ""))
    line = one_line_error(*run_main("--db", seeded_db, "--lang", "ja", *args))
    assert ja in line and "Only" not in line and "Unknown" not in line
    assert line.startswith("エラー: ") and "error" not in line
    monkeypatch.setenv("NEWSDESK_LANG", "ja")
    assert ja in one_line_error(*run_main("--db", seeded_db, *args))


def test_a_date_error_gives_its_hint_once(run_main, seeded_db):
    line = one_line_error(*run_main("--db", seeded_db, "timeline", "--since", "yesterday"))
    assert line.count("YYYY-MM-DD") == 1 and line.count("Use") + line.count("use") == 1


async def test_console_errors_in_either_language(store):
    assert (await console.answer(store, f"/sources id:{HUGE}")).startswith("error: There is no document #")
    ja = await console.answer(store, f"/sources id:{HUGE}", "ja")
    assert ja.startswith("エラー: ") and KANA_KANJI.search(ja)
    assert "見つかりません" in await console.answer(store, "/stance actor:Trunp", "ja")
    assert "Unknown command" in await console.answer(store, "/nope")
    assert await console.answer(store, "/source add text:短い", "ja") == "追加しませんでした: text:短い: 記事の本文が見つかりません"
    assert await console.answer(store, "/source add text:短い") == "not added text:短い: no article text found"


def test_console_actors_align_by_display_width():
    from bot.models import ActorInfo

    actors = [
        ActorInfo(1, "トランプ", "Donald Trump", "person", ["Trump"], statements=12),
        ActorInfo(2, "EU", "European Union", "body", ["欧州連合"], statements=1),
    ]
    lines = actors_text(actors).splitlines()
    # the English name starts in the same terminal column on every line, whatever script the first column is in
    starts = [width(line[: line.index(a.name_en)]) for line, a in zip(lines, actors, strict=True)]
    assert starts[0] == starts[1] == 15
    assert "1 statement " in lines[1] and "12 statements" in lines[0]
    assert width("トランプ") == 8 and pad("EU", 4) == "EU  "


# --- what users typed, rendered safely ------------------------------------------------------------------


def test_a_typed_masked_link_is_echoed_as_text():
    shown = echo("[BBC](https://evil.example/login) said so")
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", shown)  # no unescaped [text]( left to become a link
    assert "BBC" in shown and "evil.example" in shown


def test_a_link_label_has_no_stray_backslashes():
    assert link("[BBC News](https://x.example)", "https://bbc.com") == (
        "[\\[BBC News\\](https://x.example)](https://bbc.com)"
    )
    assert "\\\\" not in link("BBC [News]", "https://bbc.com")


def test_errors_echo_user_text_without_links_or_overrides():
    from bot.services.errors import UserError

    shown = Labels("en").error(UserError("actor.unknown", text=f"[BBC](https://evil.example){BIDI}x"))
    assert not any(c in shown for c in BIDI)
    assert "\\[BBC\\](https://evil.example)" in shown


async def test_bidi_overrides_are_not_stored(store):
    text = f"停戦協議{BIDI[4]}の行方\n\n米国とウクライナの代表団は2025年3月11日、{BIDI[0]}ジッダで{BIDI[8]}協議し、停戦案で合意した。"
    result = await ingest_text(store, text, name="bidi.txt")
    assert result.status == "added"
    rows = await store.fetchall("SELECT text FROM passages WHERE document_id = ?", (result.document_id,))
    title = (await store.fetchone("SELECT title FROM documents WHERE id = ?", (result.document_id,)))["title"]
    stored = title + "".join(r["text"] for r in rows)
    assert "ジッダで協議し" in stored and not any(c in stored for c in BIDI)
    fm = "---\noutlet: BBC\u202eswen\ntitle: 見出し\u2066\n---\n"
    more = await ingest_text(store, fm + "米国とウクライナの代表団は2025年3月12日、協議を続けた。" * 2, name="fm.txt")
    doc = await store.fetchone("SELECT title, outlet FROM documents WHERE id = ?", (more.document_id,))
    assert doc["outlet"] == "BBCswen" and doc["title"] == "見出し"


# --- the small things -------------------------------------------------------------------------------


def test_a_full_width_digest_time_is_accepted():
    assert digest.parse_time("２１：３０") == "21:30"
    assert digest.parse_time("21:30") == "21:30"
    with pytest.raises(digest.QueryError):
        digest.parse_time("２５：００")


def test_the_digest_language_defaults_to_the_servers_when_japanese():
    s = digest.DigestSettings(1, 2, "09:00", "Asia/Tokyo", True, None, None, None, None)
    assert digest.digest_language(s, "ja") == "ja" and digest.digest_language(s, "en-US") == "en"
    assert digest.digest_language(None, "ja") == "ja"
    s.language = "en"
    assert digest.digest_language(s, "ja") == "en"
    assert digest.parse_language("日本語") == "ja" and digest.parse_language(None) is None
    with pytest.raises(digest.QueryError):
        digest.parse_language("klingon")


async def test_the_digest_language_is_kept_with_its_settings(store):
    first = await digest.configure(store, 7, 8, language="ja")
    assert first.language == "ja" and first.last_posted_at is None  # nothing posted yet: the first covers 24 h
    again = await digest.configure(store, 7, 9, at="10:00")
    assert again.language == "ja" and again.channel_id == 9  # a setup without a language keeps the one chosen
    assert (await digest.configure(store, 7, 9, language="en")).language == "en"


def test_the_digest_says_a_sentence_once():
    src = [SourceRef(document="a", url=None, outlet=None, document_id=1)]
    said = "ルビオ国務長官は「ボールはロシア側にある」と述べた。"
    events = [
        TimelineEvent("2025-03-11", "day", said, [], [], src, id=1),
        TimelineEvent("2025-03-11", "day", "米国とウクライナが30日間の停戦案で合意した。", [], [], src, id=2),
    ]
    statements = [Statement("ルビオ", "ceasefire", "support", said, "2025-03-11", sources=src)]
    kept = digest.without_repeats(events, statements)
    assert [e.id for e in kept] == [2]
    headline = TimelineEvent("2025-03-12", "day", "米ウ交渉で領土の譲歩は議論されず＝ウクライナ高官", [], [], src, id=3)
    clause = Statement("ウクライナ", None, "neutral", "米ウ交渉で領土の譲歩は議論されず", None, sources=src)
    assert digest.without_repeats([headline], [clause]) == []  # most of the sentence: said once
    short = Statement("ウクライナ", None, "neutral", "領土", None, sources=src)
    assert digest.without_repeats([headline], [short]) == [headline]  # a word of it is no repeat


async def test_the_help_example_for_quote_is_found_and_attributed(store):
    for lang in ("en", "ja"):
        example = Labels(lang)("help.example.quote")
        text = example.split(":", 1)[1]
        matches = await find_quote(store, text)
        assert matches and matches[0].speaker and matches[0].score >= 90, example


def test_a_zip_uploads_refusals_are_counted_in_the_readers_language():
    from bot.ingest.bulk import BulkProgress
    from bot.models import IngestResult
    from bot.services.errors import UserError
    from commands.embeds import archive_done_text

    progress = BulkProgress(total=3)
    for name in ("a.bin", "b.bin"):
        progress.count(IngestResult.refused(name, UserError("file.binary", name=name)))
    progress.count(IngestResult.refused("c.txt", UserError("ingest.no_text")))
    ja = archive_done_text(progress, "backlog.zip", Labels("ja"))
    assert "バイナリファイル" in ja and "本文が見つかりません" in ja and "binary" not in ja and "a.bin" not in ja
    en = archive_done_text(progress, "backlog.zip", Labels("en"))
    assert "• refused 2: a binary file, not text" in en

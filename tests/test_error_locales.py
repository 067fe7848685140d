"""Every error a user can see exists in both languages with the same parameters, and reads as one language."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from bot.ingest.netguard import BadURL, check_url
from bot.services.timeline import validate_timeline_query
from bot.user_errors import UserError, address_kind, messages, read_message, stored_in, thing

ROOT = Path(__file__).resolve().parents[1]
KANA_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Codes named where an error is made: UserError("x.y", …), its aliases and subclasses, and "x.y" if … else "x.z".
RAISED = re.compile(
    r"(?:UserError|QueryError|CLIError|NotText|BadFrontMatter)\(\s*\"([a-z0-9_]+\.[a-z0-9_.]+)\""
    r"(?: if [^\n]+? else \"([a-z0-9_]+\.[a-z0-9_.]+)\")?"
)


EXAMPLES = ("30日間の停戦案", "相互関税", "備蓄米", "関税", "トランプ")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def codes_in_source() -> set[str]:
    found: set[str] = set()
    for path in [*ROOT.joinpath("bot").rglob("*.py"), *ROOT.joinpath("commands").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        found.update(code for pair in RAISED.findall(text) for code in pair if code)
    return found


def test_both_locales_have_every_code_with_the_same_parameters():
    en, ja = messages("en"), messages("ja")
    assert set(en) == set(ja), f"only in en: {set(en) - set(ja)}; only in ja: {set(ja) - set(en)}"
    for code in en:
        assert placeholders(en[code]) == placeholders(ja[code]), code


def test_every_code_the_code_raises_has_words():
    raised = codes_in_source()
    assert len(raised) > 60  # the scan finds the raise sites (a broken pattern would find none)
    missing = sorted(c for c in raised if c not in messages("en"))
    assert not missing, f"codes without a message: {missing}"


@pytest.mark.parametrize("code", sorted(messages("en")))
def test_each_message_reads_in_one_language(code):
    params = {name: 7 for name in placeholders(messages("en")[code])}
    en, ja = UserError(code, **params).render("en"), UserError(code, **params).render("ja")
    for example in EXAMPLES:  # what to type, given as typed: names and topics of the Japanese corpus
        en = en.replace(example, "")
    assert not KANA_KANJI.search(en), en
    if code != "what.pdf":
        assert KANA_KANJI.search(ja), ja


def test_address_kinds_and_document_kinds_have_words():
    for kind in ("a loopback address", "a private address (benchmarking range)", "a 6to4 tunnel address"):
        assert address_kind(kind).code != "address.non_public_address", kind
    assert address_kind("something new").code == "address.non_public_address"
    for what in ("page", "feed", "file", "PDF", "document"):
        assert thing(what).render("ja") and thing(what).render("en")


async def test_a_bad_date_says_its_hint_once(store):
    with pytest.raises(UserError) as info:
        await validate_timeline_query(store, since="yesterday")
    en = info.value.render("en")
    assert en == "The since date 'yesterday' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY."
    assert en.count("YYYY-MM-DD") == 1
    assert info.value.render("ja") == "開始日「yesterday」は日付として読めません。YYYY-MM-DD、YYYY-MM、YYYY のいずれかで入力してください。"


def test_a_refused_url_scheme_is_japanese_for_japanese_readers():
    with pytest.raises(BadURL) as info:
        check_url("ftp://example.com/a.txt", allow_private=False)
    ja = info.value.error.render("ja")
    assert "ftp:" in ja and KANA_KANJI.search(ja) and "Only" not in ja
    assert str(info.value) == "Only http and https URLs can be fetched (got ftp:)."


def test_suggestions_follow_the_reader():
    error = UserError("actor.unknown_suggest", text="Trunp", suggestions=["トランプ"], suggestions_en=["Donald Trump"])
    assert error.render("en") == "Unknown actor 'Trunp'. Did you mean: Donald Trump?"
    assert error.render("ja") == "「Trunp」という人物・組織は見つかりません。候補: トランプ"


def test_echoed_parameters_go_through_the_front_ends_escaping():
    error = UserError("actor.unknown", text="[BBC](https://evil.example)")
    assert error.render("en", shown=lambda s: s.upper()) == "Unknown actor '[BBC](HTTPS://EVIL.EXAMPLE)'."


@pytest.mark.parametrize("code", sorted(messages("en")))
def test_a_stored_english_message_reads_back_in_japanese(code):
    """Feed failures are kept as English text; each message reads back, to be shown in Japanese."""
    params = {name: 1000 + i for i, name in enumerate(sorted(placeholders(messages("en")[code])))}
    error = UserError(code, **params)
    fixed = sum(len(literal) for literal, *_ in string.Formatter().parse(messages("en")[code]))
    if fixed < 6 and params:  # "{path}: {why}" is not read back (it would read any "label: text")
        assert read_message(str(error)) is None or read_message(str(error)).render("en") == str(error)
        return
    back = read_message(str(error))
    assert back is not None and back.render("en") == str(error)
    assert stored_in(f"Item title: {error}", "ja") == f"Item title: {back.render('ja')}"


def test_stored_failures_in_japanese_nested_and_labelled():
    text = "My item: The site answered HTTP 503. (gave up after 5 tries)"
    assert stored_in(text, "ja") == "My item: サイトが HTTP 503 を返しました。(5回試して断念しました)"
    assert stored_in(text, "en") == text
    assert stored_in("Refused: 10.0.0.1 is a private address.", "ja") == "拒否しました: 10.0.0.1 はプライベートアドレスです。"
    assert stored_in("something no message says", "ja") == "something no message says"

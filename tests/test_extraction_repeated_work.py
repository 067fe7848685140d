"""The twenty-seventh round's cuts of extraction CPU answer as the plain way did: a text's matching forms made from
its lines' (`bot.text.lowered_and_normalized`), a clause reading's key and kept state made without a call per field
(`clause_readings._frozen_values`, `_copies`), and a passage a document repeats tokenized once
(`document._analyses`): each against the way it replaced, on tuned corpora and on random text."""

from __future__ import annotations

import random
import unicodedata
from collections import deque

import pytest

import bot.extract.about as about
import bot.extract.document as document
from bot.actors import ActorIndex
from bot.extract.clause_readings import ClauseReadings, _copy, _frozen, _frozen_values, _names
from bot.extract.stance import _State
from bot.ingest.parse import parse_document
from bot.text import analyze, lowered_and_normalized, normalize, normalize_lowered
from tests.story_records import STORIES, story_records

CORPORA = ("boeing2024", "ohtani2024", "uselection2024", "noto2024", "kyoani2024")

# characters that compose, fold across characters (ヴァ, シ・キ), change case by context (a final sigma), become
# several, or none; line breaks among them
_TRICKY = list("ヴァィゥシキ・ｼｷｳﾞｶﾞé\u0301\u3099\u0308ΣσςΑαİabcＡＢ１２㈱㍻ﬁ½、。 「」\n\n'’")


def _documents() -> list[list[str]]:
    return [
        [p.text for p in parse_document(path.read_text(encoding="utf-8"), name=path.name).passages]
        for corpus in CORPORA
        for path in sorted((STORIES / corpus).glob("*.txt"))
    ]


def _plain(text: str) -> tuple[str, str]:
    lowered = unicodedata.normalize("NFKC", text).lower()
    return lowered, normalize_lowered(lowered)


def test_the_forms_from_lines_are_the_forms_of_the_whole_text() -> None:
    rnd = random.Random(27)
    documents = _documents()
    checked = 0
    for texts in documents:  # each document's item contexts and windows, one dict of lines for all of them
        lines: dict[str, tuple[str, str]] = {}
        for text in [*texts, *item_contexts_of(texts)]:
            assert lowered_and_normalized(text, lines) == _plain(text), text
            checked += 1
    lines = {}
    for _ in range(4000):  # random text: a sigma or a mark at a line's edge, a katakana pair across a line break
        text = "".join(rnd.choice(_TRICKY) for _ in range(rnd.randint(0, 30)))
        assert lowered_and_normalized(text, lines) == _plain(text), repr(text)
        assert lowered_and_normalized(text, {})[1] == normalize(text), repr(text)
    for text in ("ΑΣ\nβ", "ΑΣ\u0301\nΒ", "シ\n・キ", "ヴ\nァ", "e\n\u0301", "\n", "", "ｳ\nﾞ"):
        assert lowered_and_normalized(text, {}) == _plain(text), repr(text)
    assert checked > 500


def item_contexts_of(texts: list[str]) -> list[str]:
    """Texts of several lines as the stored readings meet them: windows of a document's passages."""
    return ["\n".join(texts[max(0, k - 4) : k + 2]) for k in range(len(texts))] + ["\n".join(texts)]


def test_a_clause_reading_key_is_the_key_made_field_by_field() -> None:
    state = _State()
    state.heading, state.carry, state.item_context = "見出し", 3, "本文\n本文"
    state.orgs.extend([1, 2])
    state.people.append(7)
    state.bodies[7] = 1
    state.titled["首相"] = 7
    values = (1, "a", None, deque([1, 2]), [3, 4], (5,), {1: 2}, {3}, frozenset({4}), True, 1.5)
    odd = ([[1], [2]], {1: [2]}, deque([[1]]), ([1], 2))  # containers of unhashable values: field by field
    for vals in (values, odd, (*values, *odd), ()):
        assert _frozen_values(vals) == tuple(map(_frozen, vals))
        assert hash(_frozen_values(vals)) == hash(tuple(map(_frozen, vals)))
    a = ClauseReadings.key(4, state, None, True)
    readings = ClauseReadings()
    readings.keep(a, ["clauses"], state)
    kept_orgs = list(state.orgs)
    state.orgs.append(9)  # the state goes on; what was kept does not
    other = _State()
    other.heading, other.carry, other.item_context = "見出し", 3, "本文\n本文"
    other.orgs.extend([1, 2])
    other.people.append(7)
    other.bodies[7] = 1
    other.titled["首相"] = 7
    assert ClauseReadings.key(4, other, None, True) == a
    assert readings.take(ClauseReadings.key(4, other, None, True), other) == ["clauses"]
    assert list(other.orgs) == kept_orgs and other.orgs.maxlen == 6
    assert other.bodies == {7: 1} and other.titled == {"首相": 7}
    again = _State()
    assert readings.take(ClauseReadings.key(4, again, None, True), again) is None
    for v in values:
        copied = _copy(v)
        assert copied == v and type(copied) is type(v)


def test_a_repeated_passage_is_tokenized_once_with_the_same_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["日本銀行は利上げを決めた。", "ロイター", "日本銀行は利上げを決めた。", "Trump said so.", "ロイター"]
    asked: list[str] = []

    def counted(text: str):  # type: ignore[no-untyped-def]
        asked.append(text)
        return analyze(text)

    monkeypatch.setattr(document, "analyze_remembered", counted)
    found = document._analyses(texts)
    assert asked == ["日本銀行は利上げを決めた。", "ロイター", "Trump said so."]
    assert found == [analyze(t) for t in texts]


def _records(actors: ActorIndex) -> list[dict]:
    return story_records(actors, CORPORA)


def test_extraction_with_the_shortcuts_gives_the_rows_the_plain_way_gives(
    actors: ActorIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _records(actors)
    monkeypatch.setattr(about, "lowered_and_normalized", lambda text, lines: _plain(text))
    monkeypatch.setattr(document, "_analyses", lambda texts: [analyze(t) for t in texts])
    monkeypatch.setattr(
        ClauseReadings, "key", staticmethod(lambda i, state, intro, quotes: (i, intro, quotes, _field_by_field(state)))
    )
    assert _records(actors) == fast
    assert len(fast) >= 40


def _field_by_field(state: _State) -> tuple:
    return tuple(map(_frozen, _names(state)[1](state)))


def test_a_passage_another_document_told_lately_is_read_from_its_analysis() -> None:
    import bot.text as T

    text = "共同通信の記事です。日本銀行は利上げを決めた。"  # a line an outlet repeats, a story republished
    first = document._analyses([text])[0]
    T._noun_memo.clear()
    again = document._analyses([text])[0]
    assert again is first and again == analyze(text)
    T._noun_memo.clear()
    document._analyses([text])
    # the nouns remembered as analyze() leaves them: an event's summary that is the passage is not tokenized again
    assert T._noun_memo[text] == T._analyze(text)[1] == (tuple(T.nouns(text)), tuple(T.proper_noun_readings(text)))

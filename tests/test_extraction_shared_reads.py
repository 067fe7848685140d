"""The twenty-fourth round's cuts of extraction CPU answer as the plain way did: a text of several lines has the
mentions its lines have (`ActorIndex._by_line`), a subject phrase read once per index (`attribution_ja.classify`),
and a text's matching form and character map made by `str.translate` where each character becomes at most one
(`bot.text._counts`): each against the way it replaced, on tuned corpora and on random text."""

from __future__ import annotations

import random

import pytest

import bot.text as text_mod
from bot.actors import ActorIndex
from bot.extract import attribution_ja
from bot.extract.attribution_ja import Ref, _classify
from bot.extract.stance import item_contexts
from bot.ingest.parse import parse_document
from bot.models import ParsedPassage
from bot.text import _map_by_char, normalize_with_map, normalize_with_runs, offset_runs
from tests.story_records import STORIES, story_records

CORPORA = ("boeing2024", "ohtani2024", "uselection2024", "noto2024", "kyoani2024")

# characters that fold across characters (ヴァ, シ・キ, combining marks), become several (㈱, ㍻, ﬁ, ½), or none
_TRICKY = list("ヴァィゥェォシキツィーヶｼｷｳﾞｶﾞé\u0301\u3099abcＡＢ１２㈱㍻ﬁ½、。 「」\n・'’")


def _passages() -> list[list[ParsedPassage]]:
    return [
        parse_document(path.read_text(encoding="utf-8"), name=path.name).passages
        for corpus in CORPORA
        for path in sorted((STORIES / corpus).glob("*.txt"))
    ]


PASSAGES = _passages()


def _texts() -> list[str]:
    texts = [p.text for doc in PASSAGES for p in doc]
    rnd = random.Random(24)
    texts += [t[a : rnd.randrange(a, len(t) + 1)] for t in texts[:400] if t for a in [rnd.randrange(len(t))]]
    texts += ["".join(rnd.choice(_TRICKY) for _ in range(rnd.randint(0, 24))) for _ in range(3000)]
    return [*texts, "シ・キ", "ヴ\nァ", "ｳﾞｧｲｵﾘﾝ", "e\u0301té", "㈱トヨタ"]


def test_a_character_map_by_translate_is_the_map_a_character_at_a_time() -> None:
    for text in _texts():
        norm, index = _map_by_char(text)
        assert normalize_with_map(text) == (norm, index), text
        assert normalize_with_runs(text) == (norm, offset_runs(index)), text
    passages = [p.text for doc in PASSAGES for p in doc]
    assert sum(text_mod._counts(t) is not None for t in passages) > 0.95 * len(passages)  # most take the tables
    assert text_mod._counts("シ・キ") is None and text_mod._counts("ｶﾞｲﾄﾞ") is None and text_mod._counts("㍻") is None


def _plain_mentions(actors: ActorIndex, text: str) -> list[tuple[int, int, int]]:
    return [(m.actor_id, m.start, m.end) for m in actors._find_mentions(text)]


def test_the_mentions_of_lines_are_the_mentions_of_the_whole_text(actors: ActorIndex) -> None:
    contexts = [c for doc in PASSAGES for c in dict.fromkeys(item_contexts(doc))]  # items and windows of passages
    contexts += [
        "Trump\nian",
        "ロシア\nア",
        "１２\nプーチン大統領",
        "㈱\nゼレンスキー",
        "\n\nバイデン\n",
        "e\u0301\nTrump",
        "ﬁ\nTrump said",
    ]
    found = 0
    for text in contexts:
        actors._memo.clear()
        whole = _plain_mentions(actors, text)
        actors._memo.clear()
        for line in text.split("\n")[::2]:  # some lines remembered before, some not
            actors.mentions(line)
        assert [(m.actor_id, m.start, m.end) for m in actors.mentions(text)] == whole, text
        found += len(whole)
    assert found > 500


def _plain_classify(np: str, actors: ActorIndex, start: int = 0) -> Ref | None:
    read = _classify(np, actors)
    return (
        None if read is None else Ref(start, start + len(np), read.kind, read.display, title=read.title, name=read.name)
    )


def _records(actors: ActorIndex) -> list[dict]:
    return story_records(actors, CORPORA)


def test_extraction_with_the_shared_reads_gives_the_rows_the_plain_way_gives(
    actors: ActorIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _records(actors)
    monkeypatch.setattr(ActorIndex, "_by_line", ActorIndex._find_mentions)
    monkeypatch.setattr(attribution_ja, "classify", _plain_classify)
    monkeypatch.setattr(text_mod, "_counts", lambda text: None)
    assert _records(actors) == fast
    assert len(fast) >= 40


def test_a_phrase_read_again_is_a_fresh_ref_at_its_place(actors: ActorIndex) -> None:
    first = attribution_ja.classify("トランプ米大統領", actors, 10)
    assert first is not None
    first.marker = "は"
    again = attribution_ja.classify("トランプ米大統領", actors, 40)
    assert again is not None and again is not first
    assert (again.start, again.end, again.marker) == (40, 48, None)
    assert (again.kind, again.display, again.title) == (first.kind, first.display, first.title)

"""The thirty-eighth round's cuts of extraction CPU (issue 19, bulk38) answer as the plain way did: four pure
functions of a string remembered per text (`stance._probe`, `event_words.is_english`,
`stance_acts.reports_stance_act`, `stamps.stamp_date`), and a heading's item handed to the speakers as the very text
the statements' item context is (`document._speaker_contexts`), so that one reading of it
(`attribution_ja._document`) serves both. Each against the way it replaced, on tuned stories and random text."""

from __future__ import annotations

import random

import pytest

import bot.extract.attribution_ja as attribution_ja
from bot.actors import ActorEntry, ActorIndex, load_registry_file
from bot.extract.attribution import speaker_actors
from bot.extract.document import _as_item, _speaker_contexts
from bot.extract.event_words import is_english
from bot.extract.stance import _probe, item_contexts
from bot.extract.stance_acts import reports_stance_act
from bot.ingest.stamps import stamp_date
from bot.models import ParsedPassage
from bot.text import split_sentences
from tests.test_extraction_repeated_work import _documents

# full-width letters and digits (what _probe folds), Latin and Japanese letters, stamp-like dates, stance acts
_TRICKY = list("ＡＢｃ１２abcXYZ 2024年3月1日 Mar 1, 2024 トランプ大統領は「」。を批判した否定しなかった表明\n")


def _random_texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_TRICKY) for _ in range(rnd.randint(0, 30))) for _ in range(n)]


@pytest.fixture(scope="module")
def registry() -> ActorIndex:
    return ActorIndex(
        [
            ActorEntry(i, a["name"], a.get("name_en"), a["kind"], list(a.get("aliases", [])), a.get("description"))
            for i, a in enumerate(load_registry_file(), 1)
        ]
    )


def test_remembered_functions_answer_as_made_anew() -> None:
    passages = [t for doc in _documents() for t in doc]
    sentences = [t[a:b] for t in passages for a, b in split_sentences(t)]
    texts = passages + sentences + _random_texts(38, 2000)
    assert len(texts) > 1000
    for fn in (_probe, is_english, reports_stance_act, stamp_date):
        fn.cache_clear()
        for text in texts:  # the first answer computed, the second remembered: both the function's own
            assert fn(text) == fn(text) == fn.__wrapped__(text), (fn.__name__, text)
        assert fn.cache_info().hits >= len(texts)
    # what each answers, so that a remembered wrong answer would show
    assert _probe("ＡＢＣ１２３は") == "ABC123は" and _probe("はい") == "はい"
    assert is_english("Kishida said on Monday.") and not is_english("岸田首相はAIについて述べた。")
    assert reports_stance_act("停戦合意を歓迎した。") and not reports_stance_act("会談は1時間に及んだ。")
    assert stamp_date("2024年3月1日 10時00分") == "2024-03-01" and stamp_date("首相は1日、述べた。") is None


def _passages(*items: tuple[str | None, str]) -> list[ParsedPassage]:
    return [ParsedPassage(text=text, heading=heading) for heading, text in items]


def test_a_headings_item_is_the_statements_item_context() -> None:
    passages = _passages((None, "a。"), (None, "b。"), ("X", "c。"), ("X", "d。"), (None, "e。"), ("Y", "f。"))
    assert _speaker_contexts(passages) == ["a。\nb。", "c。\nd。\n", "e。", "f。\n"]
    contexts = item_contexts(passages)
    assert [contexts[2], contexts[5]] == _speaker_contexts(passages)[1::2]  # equal texts: one reading kept for both
    # a heading whose passages are not together: the run is what the speakers read, the heading's whole its item
    apart = _passages(("X", "c。"), (None, "e。"), ("X", "d。"))
    assert _speaker_contexts(apart) == ["c。\n", "e。", "d。\n"]
    # not after what does not end with a full stop (an English item, a caption), nor inside an open quote
    others = _passages(("X", "Kishida said."), (None, "e"), ("Y", "首相は「続ける。"), (None, "g"), ("Z", "見出し"))
    assert _speaker_contexts(others) == ["Kishida said.", "e", "首相は「続ける。", "g", "見出し"]


def test_a_line_break_after_an_item_changes_no_speaker(registry: ActorIndex) -> None:
    # every tuned story's article read as one heading's item, with and without the line break `_as_item` adds at
    # its end: the same sentences and the same refs in the reading
    checked = 0
    for texts in _documents():
        ctx = "\n".join(texts)
        if _as_item(ctx) == ctx:
            continue
        plain = attribution_ja._document(ctx, registry)
        ended = attribution_ja._document(ctx + "\n", registry)
        assert [(r.start, r.end, r.kind, r.display, r.marker) for r in plain.refs] == [
            (r.start, r.end, r.kind, r.display, r.marker) for r in ended.refs
        ]
        assert plain.sentences == ended.sentences
        checked += 1
    assert checked > 20
    told = ["岸田首相は「賃上げを続ける」と述べた。", "角川歴彦会長は「遺憾だ」と述べた。"]
    assert _as_item("\n".join(told)) == "\n".join(told) + "\n"
    with_break = speaker_actors(["\n".join(told) + "\n"], registry)
    assert with_break == speaker_actors(["\n".join(told)], registry)
    assert [a.name for a in with_break] == ["角川歴彦"]

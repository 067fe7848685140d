"""The fortieth round's exact cuts of the bulk pipeline (issue 19, bulk40): a text tokenized once for every caller
that asks for the same string (`bot.text.tokenized`), and a prepared source sent back from a pool worker without
the source's whole text (`bulk._prepare`: the writer never reads `raw_text`)."""

from __future__ import annotations

import dataclasses
import pickle
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import bot.text as T
from bot.actors import ActorIndex
from bot.extract import actions, roles
from bot.ingest.bulk import TextSource, _init_worker, prepare
from bot.ingest.parse import parse_document
from bot.text import sudachi_text, sudachi_tokenizer, tokenized
from tests.test_extraction_repeated_work import _documents


def _fields(morphemes: Any) -> list[tuple[Any, ...]]:
    return [
        (
            m.surface(),
            m.begin(),
            m.end(),
            tuple(m.part_of_speech()),
            m.part_of_speech_id(),
            m.normalized_form(),
            m.dictionary_form(),
            m.reading_form(),
            m.is_oov(),
        )
        for m in morphemes
    ]


class _Counting:
    """The thread's tokenizer, counting the texts it is asked to tokenize."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.texts: list[str] = []

    def tokenize(self, text: str, *args: Any, **kwargs: Any) -> Any:
        self.texts.append(text)
        return self.real.tokenize(text, *args, **kwargs)


@pytest.fixture
def counting() -> Any:
    real = sudachi_tokenizer()
    proxy = _Counting(real)
    T._local.tok = proxy
    tokenized.cache_clear()
    try:
        yield proxy
    finally:
        T._local.tok = real
        tokenized.cache_clear()


def test_the_remembered_morphemes_are_those_a_call_of_its_own_gives() -> None:
    """Each passage of tuned stories and each of its sentences: the morphemes `tokenized` hands back, asked again
    after the other texts of the document, are field for field what a fresh tokenizer call gives."""
    tokenized.cache_clear()
    checked = 0
    for texts in _documents()[:40]:
        asked = [sudachi_text(t) for t in texts] + [s for t in texts for s in t.split("。") if s]
        for text in asked:
            tokenized(text)
        for text in asked:
            assert _fields(tokenized(text)) == _fields(sudachi_tokenizer().tokenize(text)), text
            checked += 1
    assert checked > 1000


def test_a_summary_is_tokenized_once_for_its_nouns_and_its_acts(counting: Any) -> None:
    """An event's summary: `nouns` then `acts` tokenize it once (the same string: NFKC leaves it as it is)."""
    summary = "政府は20日、被災地に自衛隊を派遣すると発表した"
    T._noun_memo.clear()
    actions.acts.cache_clear()
    nouns = T.nouns(summary)
    told = actions.acts(summary)
    assert counting.texts == [summary]
    # and the answers are those of the text tokenized for each of them (the memo emptied between)
    T._noun_memo.clear()
    actions.acts.cache_clear()
    tokenized.cache_clear()
    assert T.nouns(summary) == nouns
    tokenized.cache_clear()
    assert actions.acts(summary) == told
    assert "発表" in nouns and told.main


def test_another_string_is_tokenized_for_itself(counting: Any) -> None:
    """Not the memo of a near text: full-width digits (NFKC folds them for the nouns, not for the acts), or the
    same words with one more character, are tokenized anew."""
    T._noun_memo.clear()
    actions.acts.cache_clear()
    summary = "首相は２０日、会見した"
    T.nouns(summary)
    actions.acts(summary)
    assert counting.texts == ["首相は20日、会見した", summary]
    tokenized("首相は20日、会見した。")
    assert counting.texts[-1] == "首相は20日、会見した。"
    assert _fields(tokenized(summary)) != _fields(tokenized("首相は20日、会見した"))


def test_a_word_the_name_checks_ask_about_is_tokenized_once(counting: Any) -> None:
    """`roles.proper_noun` and `roles.tagged_place` read the same word: one tokenizer call for both."""
    roles.proper_noun.cache_clear()
    roles.tagged_place.cache_clear()
    assert roles.proper_noun("トヨタ") is True
    assert roles.tagged_place("トヨタ") is False
    assert roles.tagged_place("フランス") is True
    assert counting.texts == ["トヨタ", "フランス"]


def _article(n: int) -> str:
    return (
        f"---\ntitle: 地震の記事{n}\nurl: https://example.com/a/{n}\npublished: 2024-01-0{n}\n---\n"
        f"能登半島で20{n}日、強い地震があった。\n\n気象庁は同日、津波警報を発表した。\n"
    )


def test_a_prepared_source_is_sent_back_without_its_whole_text(tmp_path: Any) -> None:
    """The pool's result holds the parsed passages and everything else as parsing gave them, `raw_text` empty (read by
    nothing after parsing): what a worker pickles and pipes per article is that much smaller."""
    actors = tmp_path / "actors.pickle"
    actors.write_bytes(pickle.dumps(ActorIndex([])))
    text = _article(1)
    with ThreadPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(None,)) as pool:
        done = pool.submit(prepare, TextSource(text, "a1.md"), 1, str(actors)).result()
    assert done.result is None and done.parsed is not None and done.ex is not None
    assert done.parsed.raw_text == ""
    parsed = parse_document(text, name="a1.md", origin="text")
    assert parsed.raw_text == text  # parsing keeps it: only the worker's answer leaves it out
    parsed.raw_text = ""
    assert done.parsed == parsed
    whole = dataclasses.replace(done, parsed=dataclasses.replace(done.parsed, raw_text=text))
    assert len(pickle.dumps(done)) + len(text.encode()) <= len(pickle.dumps(whole))

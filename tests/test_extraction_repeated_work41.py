"""The forty-first round's cuts of extraction CPU (issue 19, bulk41) answer as the way they replaced: an extended
index's own few aliases found by `actors._Literals` instead of their compiled regex, `attribution_en`'s "written
mid-sentence" test by `str.find` instead of a regex per word, `_body_named_before` stopped where the text before
does not hold the head noun, and the bodies named before listed only for a phrase `body_by_part` may read. Each
against the way it replaced, on random text built from the characters the rules turn on and on tuned stories."""

from __future__ import annotations

import pickle
import random
import re

import pytest

from bot import actors as actors_module
from bot.actors import ActorEntry, ActorIndex, _Literals, _own_scanner, _scanner, _scanner_parts, _scanner_pattern
from bot.extract import attribution_en
from bot.extract.attribution_ja import body_by_part, may_be_part
from tests.test_actors_extended import NEW, _registry, _texts
from tests.test_extraction_repeated_work import _documents

# aliases in each of `_scanner`'s three parts, prefixes of one another, and the letters their lookarounds read
_JA = ["ロシア", "ロシア外務省", "外務省", "米国", "東京", "東京都", "ゼレンスキー"]
_SHORT = ["シン", "アン", "キム"]
_EN = ["NATO", "Trump", "Trump Jr", "Zelen", "rump", "UN"]
_PIECES = [*_JA, *_SHORT, *_EN, "ク", "タ", "ー", "・", "a", "Z", " ", "。", "\n", "国", "ｼﾝ", "_", "1"]


def _random_text(rnd: random.Random) -> str:
    return "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 14)))


def _spans(found) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(m.start(), m.end(), m.group(0)) for m in found]


def test_the_literal_scanner_finds_what_the_compiled_alternation_finds() -> None:
    rnd = random.Random(41)
    for _ in range(400):
        surfaces = rnd.sample([*_JA, *_SHORT, *_EN], rnd.randint(1, 9))
        words = {s for s in surfaces if s in _SHORT and rnd.random() < 0.8}
        regex = _scanner(surfaces, words)
        literal = _own_scanner(surfaces, words)
        assert isinstance(literal, _Literals) and regex is not None
        assert (literal.pattern, literal.flags) == (regex.pattern, regex.flags)
        for _ in range(40):
            text = _random_text(rnd)
            assert _spans(literal.finditer(text)) == _spans(regex.finditer(text)), (surfaces, words, text)
            pos = rnd.randint(0, len(text))  # a lookbehind reads the text before the search's start
            found, expected = literal.search(text, pos), regex.search(text, pos)
            assert (found is None) == (expected is None), (surfaces, text, pos)
            if found is not None and expected is not None:
                assert (found.start(), found.end(), found.group(0), found.span()) == (
                    expected.start(),
                    expected.end(),
                    expected.group(0),
                    expected.span(),
                )


def test_the_literal_scanner_reads_the_lookarounds_of_each_part() -> None:
    literal = _own_scanner(["シン", "NATO", "東京"], {"シン"})
    assert _spans(literal.finditer("シンクタンクとシン氏")) == [(7, 9, "シン")]  # a katakana letter after: no word
    assert _spans(literal.finditer("ジャグミート・シン、NATOs、xNATO、NATO。")) == [(7, 9, "シン"), (22, 26, "NATO")]
    assert _spans(literal.finditer("東京タワー")) == [(0, 2, "東京")]  # a non-Latin alias needs no boundary
    assert literal.search("シンとNATO", 1).span() == (3, 7)
    assert literal.search("クシン", 1) is None  # the letter before the search's start is read
    # at one place the first alternative in the regex's order: the longer non-Latin alias before the shorter
    assert _own_scanner(["ロシア", "ロシア外務省"], set()).search("ロシア外務省").group() == "ロシア外務省"


def test_many_own_aliases_are_still_compiled_and_a_few_travel_as_their_regex() -> None:
    many = [f"名前{k}" for k in range(actors_module.LITERALS_MAX + 1)]
    assert isinstance(_own_scanner(many, set()), re.Pattern)
    assert _own_scanner([], set()) is None and _scanner_pattern(*_scanner_parts([], set())) is None
    extended = _registry().extended(NEW)
    own = extended._scans[extended._own :]
    assert len(own) == 1 and isinstance(own[0], _Literals)
    again = pickle.loads(pickle.dumps(extended))
    assert isinstance(again._scans[-1], re.Pattern) and again._scans[-1].pattern == own[0].pattern
    for text in _texts()[-3:]:
        assert again.mentions(text) == extended.mentions(text)


def test_an_extended_index_finds_the_same_mentions_with_its_aliases_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    base = _registry()
    documents = _documents()[::7]
    literal = base.extended(NEW)
    monkeypatch.setattr(actors_module, "LITERALS_MAX", 0)
    compiled = base.extended(NEW)
    assert isinstance(compiled._scans[-1], re.Pattern)
    texts = [t for doc in documents for t in doc] + ["\n".join(doc) for doc in documents] + _texts()[-3:]
    for text in texts:
        assert literal._find_mentions(text) == compiled._find_mentions(text), text
    # a document's discovered actors, as extraction extends the index with them
    discovered = [
        ActorEntry(-1, "ジャグミート・シン", None, "person", ["シン"]),
        ActorEntry(-2, "Kadokawa", None, "org", ["KADOKAWA", "角川"]),
    ]
    new = [(a.name, a.aliases, a.kind, a.description) for a in discovered]
    monkeypatch.setattr(actors_module, "LITERALS_MAX", 32)
    literal = base.extended(new)
    monkeypatch.setattr(actors_module, "LITERALS_MAX", 0)
    compiled = base.extended(new)
    made = ["シンクタンクのジャグミート・シン氏とシン氏、KADOKAWAとKadokawa、角川。", "Kadokawas and xKadokawa シン"]
    for text in texts[:400] + made:
        assert literal.mentions(text) == compiled.mentions(text), text
    assert [m.name for m in literal.mentions(made[0])][:2] == ["ジャグミート・シン", "ジャグミート・シン"]


_MID_PIECES = ["Reuters", "The", "the", "a", "Z", ",", " ", ".", "_", "1", "é", "e\u0301", "中", "-", "'", "\n"]


def test_written_mid_sentence_is_the_regex_it_replaced() -> None:
    rnd = random.Random(4141)
    for _ in range(20000):
        word = "".join(rnd.choice(_MID_PIECES) for _ in range(rnd.randint(0, 2)))
        ctx = "".join(rnd.choice(_MID_PIECES) for _ in range(rnd.randint(0, 10)))
        if rnd.random() < 0.5:
            cut = rnd.randint(0, len(ctx))
            ctx = ctx[:cut] + rnd.choice(["a ", ", ", "A ", " "]) + word + ctx[cut:]
        expected = bool(re.search(rf"[a-z,] {re.escape(word)}\b", ctx))
        assert attribution_en._written_mid_sentence(word, ctx) == expected, (word, ctx)
    # must fire: a lower-case letter or a comma before it, a boundary after it
    assert attribution_en._written_mid_sentence("Reuters", "Tokyo. He told Reuters on Monday")
    assert attribution_en._written_mid_sentence("Reuters", "said, Reuters")
    # must not: only at a sentence's start, or inside a longer word
    assert not attribution_en._written_mid_sentence("Reuters", "Tokyo. Reuters said. A Reuters poll")
    assert not attribution_en._written_mid_sentence("Reuters", "told Reutersville")


def _body_named_before_ungated(pronoun: str, before: str, actors: ActorIndex) -> tuple[str, str] | None:
    """`_body_named_before` as it was: the phrase's regex over the text before whatever it holds."""
    words = pronoun.split()
    if len(words) != 2 or words[0].lower() != "the":
        return None
    for found in reversed(list(attribution_en._head_phrase_re(words[1]).finditer(before))):
        lead, head = found.group(1).split(), found.group(0).split()[-1]
        for i in range(len(lead)):
            phrase = " ".join([*lead[i:], head])
            hit = actors.resolve(phrase) or next(
                (h for n in attribution_en.other_names(phrase) if (h := actors.resolve(n)) is not None), None
            )
            if hit is not None and hit.kind != "person":
                return hit.name, "org"
    return None


def test_a_body_named_before_is_found_as_before_the_head_noun_gate() -> None:
    index = _registry()
    english = [t for doc in _documents() for t in doc if t.isascii()][:600]
    befores = ["\n".join(english[k : k + 6]) for k in range(0, len(english), 3)]
    befores += ["Japan's transport MINISTRY said", "the ministry", "Ministryx", "the Defense Ministry's", ""]
    heads = ["the ministry", "The agency", "the court", "the company", "the bank", "the Ministry", "the ſtate"]
    for before in befores:
        for pronoun in heads:
            got = attribution_en._body_named_before(pronoun, before, index)
            assert got == _body_named_before_ungated(pronoun, before, index), (pronoun, before[:80])
    assert attribution_en._body_named_before("the ministry", "The weather was fine.", index) is None


def test_a_phrase_body_by_part_cannot_read_is_none_whatever_was_named() -> None:
    names = ["スーダン国軍", "宝塚歌劇団", "ロシア国防省", "スピリット・エアロシステムズ", "政府", "同社"]
    phrases = ["国軍", "歌劇団", "国防省", "スピリット", "政府", "同社", "両国", "国", "ａｂ", "東京都議会議員選挙", ""]
    for phrase in phrases:
        if not may_be_part(phrase):
            assert body_by_part(phrase, names) is None, phrase
    assert [p for p in phrases if may_be_part(p)] == ["国軍", "歌劇団", "国防省", "スピリット"]
    assert body_by_part("国軍", names) == "スーダン国軍" and body_by_part("スピリット", names) == names[3]


def test_a_names_standing_places_are_the_regex_it_replaced() -> None:
    from bot.extract.stance_en import _standing

    pieces = ["Qanoua", "al-", "Hamas", "s", "S", "'", " ", ",", "é", "1", "\n"]
    rnd = random.Random(441)
    for _ in range(20000):
        name = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 3)))
        source = "".join(rnd.choice([*pieces, name]) for _ in range(rnd.randint(0, 8)))
        rx = re.compile(r"(?<![A-Za-z])" + re.escape(name) + r"(?![a-z])")
        assert _standing(name, source) == [m.span() for m in rx.finditer(source)], (name, source)
    assert _standing("Hamas", "Hamas's Hamass xHamas Hamas") == [(0, 5), (22, 27)]

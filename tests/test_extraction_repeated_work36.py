"""The thirty-sixth round's cuts of the bulk workers' CPU (issue 19, bulk36) answer as the plain way did: sentence
spans and masked quotes remembered per text (`split_sentences`, `mask_quotes`), the full-text terms counted by
`Counter` (`term_counts`), and in the actor index the probe of a text NFKC changes in length made by a translate
table, the line-by-line mentions' NFKC check skipped for a normalized text, the line-break alias test one search.
Each against the way it replaced, on tuned stories and on random text that composes, folds and changes length."""

from __future__ import annotations

import random
import unicodedata

import pytest

from bot.actors import ActorEntry, ActorIndex, load_registry_file
from bot.extract.quotemarks import mask_quotes
from bot.store.store import term_counts
from bot.text import analyze, sentence_spans, split_sentences
from tests.test_extraction_repeated_work import _documents  # the tuned stories' passages, by document

# half-width kana and their marks (ｶﾞ: two characters, one in NFKC), characters NFKC makes several (㍉, ㈱, ﬁ),
# combining marks, quotes, sentence ends and line breaks
_TRICKY = list("ｶﾞｼｷｳﾞ㍉㈱ﬁ½é\u0301\u3099ＡＢ１２abcトランプ大統領は「」『』。！？\n\n ")


@pytest.fixture(scope="module")
def registry() -> ActorIndex:
    return ActorIndex(
        [
            ActorEntry(i, a["name"], a.get("name_en"), a["kind"], list(a.get("aliases", [])), a.get("description"))
            for i, a in enumerate(load_registry_file(), 1)
        ]
    )


def _random_texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_TRICKY) for _ in range(rnd.randint(0, 40))) for _ in range(n)]


def test_split_sentences_hands_each_caller_its_own_list() -> None:
    text = "首相は「辞めない。」と述べた。野党は反発した！\n次の行"
    first = split_sentences(text)
    first.append((0, 1))  # a caller that changes its answer changes nobody else's
    first[0] = (9, 9)
    again = split_sentences(text)
    assert again == [(0, 15), (15, 23), (24, 27)]
    assert again is not first
    assert split_sentences("") == [] and split_sentences("") is not split_sentences("")


def test_remembered_answers_equal_the_answers_made_anew() -> None:
    texts = [t for doc in _documents() for t in doc] + _random_texts(36, 1500)
    assert len(texts) > 300
    for text in texts:  # the first answer computed, the second remembered: equal to each other and to the function's
        assert split_sentences(text) == split_sentences(text) == list(sentence_spans.__wrapped__(text))
        assert mask_quotes(text) == mask_quotes.__wrapped__(text)
    # a quote's words blanked, its marks and what is outside kept; an unclosed quote blanks to the end
    assert mask_quotes("「辞めない」と述べた") == "「＿＿＿＿」と述べた"
    assert mask_quotes("彼は「辞め") == "彼は「＿＿"
    assert mask_quotes("引用なし") == "引用なし"


def _plain_term_counts(token_strings: list[str]) -> dict[str, int]:
    """The way before: a Python loop over each passage's set of terms."""
    counts: dict[str, int] = {}
    for tokens in token_strings:
        for term in set(tokens.split()):
            counts[term] = counts.get(term, 0) + 1
    return counts


def test_term_counts_are_the_same_dict_in_the_same_order() -> None:
    tokens = [" ".join(analyze(t).forms) for doc in _documents()[:6] for t in doc]
    rnd = random.Random(19)
    made_up = [
        " ".join(rnd.choice(["ab", "cd", "ef", "gh", "ij"]) for _ in range(rnd.randint(0, 9))) for _ in range(200)
    ]
    for strings in (tokens, made_up, [], [""], ["a a a", "a b", "  b  "]):
        got = term_counts(strings)
        assert type(got) is dict
        assert got == _plain_term_counts(strings)
        assert list(got) == list(_plain_term_counts(strings))  # the writer's upserts go in this order
    assert term_counts(["a a a", "a b", "  b  "]) == {"a": 2, "b": 2}


def _plain_probe(text: str) -> str:
    """`_find_mentions`' probe of a text NFKC changes in length, as it was made: a Python call per character."""
    return "".join(unicodedata.normalize("NFKC", ch)[:1] or ch for ch in text)


def _plain_mentions(index: ActorIndex, text: str) -> list:
    """The mentions of the whole text by one scan of the text's own probe (no line-by-line reading, no memo)."""
    if not index._scans:
        return []
    probe = unicodedata.normalize("NFKC", text) if not text.isascii() else text
    if len(probe) != len(text):
        probe = _plain_probe(text)
    from bot.actors import Mention, _merged

    scans = index._scans
    found = scans[0].finditer(probe) if len(scans) == 1 else _merged(scans, probe)
    out = []
    for m in found:
        actor_id = index._surface_ids.get(m.group(0))
        if m.group(0).endswith("国") and probe.startswith(
            ("務長官", "務省", "務次官", "防長官", "防総省", "防相", "務相"), m.end()
        ):
            continue
        if actor_id is not None:
            out.append(Mention(actor_id, index.actors[actor_id].name, m.start(), m.end()))
    return out


def test_the_probe_table_is_each_characters_first_nfkc_character() -> None:
    from bot.actors import _FIRST_OF_NFKC

    for text in [*_random_texts(7, 800), "ｶﾞｿﾘﾝ", "㍉", "ﬁne", "e\u0301", "\u3099", "", "\n"]:
        assert text.translate(_FIRST_OF_NFKC) == _plain_probe(text), repr(text)
    assert "ｶﾞ㈱".translate(_FIRST_OF_NFKC) == "カ\u3099("  # offsets kept: one character for each


def test_mentions_equal_one_scan_of_the_whole_text(registry: ActorIndex) -> None:
    """Texts NFKC leaves as they are (the quick check then skips each line's normalizing) and texts it changes,
    with and without line breaks, a changing line beside unchanged ones: the mentions one scan of the text gives."""
    names = ["トランプ", "ゼレンスキー", "プーチン", "ロシア", "ウクライナ"]
    rnd = random.Random(36)
    texts = []
    for _ in range(400):
        parts = [
            rnd.choice([*names, *_TRICKY, "大統領は", "ｶﾞｿﾘﾝ", "㍉", "\n", "米国務長官"])
            for _ in range(rnd.randint(1, 14))
        ]
        texts.append("".join(parts))
    texts += ["\n".join(doc) for doc in _documents()[:8]]
    texts += ["トランプ大統領\nｶﾞｿﾘﾝ\nゼレンスキー", "トランプ\n\nプーチン", "ｶﾞ\nトランプ"]
    for text in texts:
        index = ActorIndex.__new__(ActorIndex)
        index.__setstate__(registry.__getstate__())  # a fresh memo: each text read from scratch
        assert index.mentions(text) == _plain_mentions(registry, text), repr(text)
    assert any(m.name == "トランプ" for m in registry.mentions("ｶﾞｿﾘﾝ\nトランプ"))


def test_a_line_break_alias_is_seen_by_one_search(registry: ActorIndex) -> None:
    assert registry._line_break_alias() is False
    odd = ActorIndex(
        [ActorEntry(1, "二行\nの名前", None, "org", [], None), ActorEntry(2, "一行の名前", None, "org", [], None)]
    )
    assert odd._line_break_alias() is True
    plain = ActorIndex([ActorEntry(1, "一行の名前", None, "org", [], None)])
    assert plain._line_break_alias() is False
    assert plain.extended([("改\n行", [], "org", None)])._line_break_alias() is True
    assert plain.extended([("改行", [], "org", None)])._line_break_alias() is False


def test_anonymous_heads_remembered_equal_the_heads_read_anew() -> None:
    from bot.extract.roles import anonymous_head

    phrases = ["政府関係者", "関係者", "当局者", "同社幹部", "691人", "その1人", "1人", "トランプ大統領", "", "者"]
    phrases += [t[-k:] for doc in _documents()[:4] for t in doc for k in (2, 3, 5) if t]
    for phrase in phrases * 2:  # read anew, then remembered
        assert anonymous_head(phrase) == anonymous_head.__wrapped__(phrase), phrase
    assert anonymous_head("政府関係者") == "関係者"
    assert anonymous_head("691人") is None  # a count of people, not one of them
    assert anonymous_head("トランプ大統領") is None

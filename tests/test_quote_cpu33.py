"""A quote's CPU cut without changing an answer, thirty-third round (issue 20, branch pg33): the variants' pattern
skips the positions no variant starts at, the second opinion skips the passages whose indexed tokens cannot hold the
quote's words, a passage's tokens are read once an answer, and the other language's index forms are kept."""

from __future__ import annotations

import re

from bot.services import quote_lang, quote_score
from bot.store import search
from bot.store.search import passage_count, passage_token_texts, passage_tokens, term_frequencies
from bot.text import _variant_pattern, _whole_word, fold_variants, strip_parentheticals


def _plain_alternation() -> re.Pattern[str]:
    """The variants' pattern as it was: the alternation alone, tried at every position."""
    _, to_key = _variant_pattern()
    return re.compile("|".join(map(_whole_word, sorted(to_key, key=len, reverse=True))))


def test_the_variants_pattern_folds_as_the_plain_alternation() -> None:
    """Each variant at the start, the end, inside a compound (事 of 事故, 実に of 確実に) and beside another: the same
    text folded as by the alternation tried at every position; and positions no variant starts at are passed by one
    class test (the pattern opens with its first characters)."""
    pattern, to_key = _variant_pattern()
    plain = _plain_alternation()
    texts = ["", "今日は晴れ", "（注）本当に(大変)"]
    for v in to_key:
        texts += [v, f"{v}だ", f"確{v}", f"{v}故", f"政府は{v}遺憾だと述べた", f"「{v}」と{v}", f"米{v}国{v}"]
    texts.append("".join(to_key))
    for text in texts:
        assert fold_variants(text) == plain.sub(lambda m: to_key[m.group()], text), text
    assert pattern.pattern.startswith("(?=[")
    assert fold_variants("とても大変だ") == "非常に非常にだ"


def test_the_other_languages_index_forms_are_read_once() -> None:
    quote_lang._ja_terms.cache_clear()
    first = quote_lang._ja_terms("ceasefire")
    assert quote_lang._ja_terms("ceasefire") == first
    assert quote_lang._ja_terms.cache_info().hits == 1


async def test_an_answer_reads_a_passages_tokens_once(store, monkeypatch) -> None:
    """Within one answer (`search.one_answer`) a passage's tokens are read once (the second opinion's misses are
    the gist's candidates): asked again, only the passages not read yet are read; outside it, each call reads."""
    ids = [r[0] for r in await store.fetchall("SELECT id FROM passages ORDER BY id LIMIT 6")]
    assert len(ids) == 6
    asked: list[list[int]] = []
    fetchall = store.fetchall

    async def counted(sql, params=()):
        if "tokens" in sql and "rowid IN" in sql:
            asked.append(list(params))
        return await fetchall(sql, params)

    monkeypatch.setattr(store, "fetchall", counted)
    with search.one_answer():
        first = await passage_token_texts(store, ids[:4])
        again = await passage_tokens(store, [ids[5], *ids[2:4], 10**9])  # 10**9: no such passage
        assert await passage_token_texts(store, [10**9, ids[0]]) == {ids[0]: first[ids[0]]}
    assert asked == [ids[:4], [ids[5], 10**9]]
    assert set(first) == set(ids[:4]) and set(again) == {ids[5], *ids[2:4]}
    assert again[ids[2]] == set(first[ids[2]].split())
    assert await passage_token_texts(store, ids[:4]) == first
    assert len(asked) == 3


async def test_a_passage_told_unreachable_by_its_tokens_never_reaches_the_share(store) -> None:
    """`quote_score.may_reach` is a bound: every passage of the store it turns away holds less than MIN_SHARE of
    the quote's words in order (the second opinion's score); it turns most away, and never a passage whose text
    `content_words` reads otherwise (an aside in parentheses, a variant folded)."""
    rows = await store.fetchall("SELECT id, text FROM passages ORDER BY id")
    tokens = await passage_token_texts(store, [r[0] for r in rows])
    total = await passage_count(store)
    turned = asked = 0
    for quote in ("ロシアの大統領は来週にも停戦の条件を改めて示すと述べた", "政府は被災者への支援を続ける考えを示した"):
        words = quote_score.content_words(quote)
        weights = quote_score.weights(words, await term_frequencies(store, list(dict.fromkeys(words))), total)
        for pid, text in rows:
            share = quote_score.ordered_share(words, weights, quote_score.content_words(text))
            reach = quote_score.may_reach(words, weights, tokens.get(pid), text)
            asked += 1
            if not reach:
                turned += 1
                assert share < quote_score.MIN_SHARE, text
                assert fold_variants(strip_parentheticals(text)) == text
        assert quote_score.may_reach(words, weights, None, "何か")  # tokens unknown: tokenized
        assert quote_score.may_reach(words, weights, "", "とても(注)")  # another text is tokenized: not told
        assert not quote_score.may_reach(words, weights, "", "何か")
        assert quote_score.may_reach(words, weights, " ".join(words), "何か")
    assert turned > asked // 2

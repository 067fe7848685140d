"""Candidate retrieval for /quote: capped, never ranked, and still finding the passage when more
passages than the cap hold the quote's words."""

from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services import find_quote
from bot.store import search
from bot.store.search import (
    _span,
    _span_matches,
    _without_fragments,
    candidate_ids,
    fetch_passages,
    item_contexts,
    term_frequencies,
)
from bot.text import query_tokens

QUOTE = "ザンベジ川の水門は来週まで閉じたままだ"
# Every content word of QUOTE, but far apart: a passage that holds the words, not the quote.
FILLER = "ザンベジ川の流域では雨季が長く続き、多くの村で農作業が遅れたままで、政府は来週にも支援策を発表し、閉じた古い水門の修理も検討する。"
FILLERS = 10
LIMIT = 8  # fewer than the passages holding the words


@pytest.fixture
async def words_store(store):
    """The seeds plus an article whose FILLERS passages come before (lower rowids) the one holding QUOTE."""
    body = "\n\n".join([FILLER] * FILLERS + [f"現地の技師は「{QUOTE}」と話した。"])
    article = f"---\nurl: https://www.example.com/zambezi\ntitle: 水門の記事\n---\n{body}\n"
    assert (await ingest_text(store, article, name="zambezi.md")).status == "added"
    return store


async def _quote_passage(store) -> int:
    rows = await store.fetchall("SELECT id FROM passages WHERE text LIKE ?", (f"%{QUOTE}%",))
    assert len(rows) == 1
    return rows[0][0]


async def _holding_words(store) -> int:
    rows = await store.fetchall("SELECT count(*) FROM passages WHERE text LIKE ?", ("%ザンベジ%水門%",))
    return rows[0][0]


@pytest.mark.parametrize("limit", [1, 3, LIMIT, 100])
@pytest.mark.parametrize("query", ["ロシア", "ウクライナの大統領は", QUOTE, "ザンベジ川の水門は昨年まで閉じたままだ"])
async def test_candidates_never_exceed_the_limit(words_store, query, limit):
    ids = await candidate_ids(words_store, query_tokens(query), limit=limit)
    assert 1 <= len(ids) <= limit
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("query", [QUOTE, "来週まで閉じたまま"])  # the second is too short to be halved
async def test_when_too_many_passages_hold_the_words_the_one_holding_them_together_is_taken(words_store, query):
    assert await _holding_words(words_store) > LIMIT
    ids = await candidate_ids(words_store, query_tokens(query), limit=LIMIT)
    assert ids[0] == await _quote_passage(words_store)


async def test_a_wrong_word_spoils_one_half_of_the_quote_not_the_other(words_store):
    # 昨年 is in the seeds, never near ザンベジ: no passage holds every word, and the pairs of the
    # rarest words match the fillers first. The half without 昨年 still finds the passage.
    typo = "ザンベジ川の水門は昨年まで閉じたままだ"
    ids = await candidate_ids(words_store, query_tokens(typo), limit=LIMIT)
    assert await _quote_passage(words_store) in ids
    matches = await find_quote(words_store, typo)
    assert matches and QUOTE in matches[0].text


@pytest.mark.parametrize("bound", [FILLERS, FILLERS + 1])
async def test_a_near_is_checked_on_the_first_passages_holding_its_words_only(words_store, monkeypatch, bound):
    """The quote's passage is the (FILLERS + 1)th holding its rarest words (the fillers hold them apart): with
    NEAR_ROWS passages checked it is found from FILLERS + 1 on, and not below, on both backends alike."""
    monkeypatch.setattr(search, "NEAR_ROWS", bound)
    tokens = _without_fragments(query_tokens(QUOTE))
    span = _span(tokens, await term_frequencies(words_store, [t for t, _ in tokens]))
    assert span is not None and span[0].startswith("NEAR(")
    expected = [await _quote_passage(words_store)] if bound > FILLERS else []
    assert await _span_matches(words_store, span, LIMIT, None) == expected
    assert await _span_matches(words_store, span, LIMIT, 1) == expected  # a server's view: the same passages


@pytest.mark.parametrize(
    ("query", "first", "last"),
    [
        ("国は経済的安全保障を提案していますが", 1, -1),  # 国 of 米国 … が
        ("ウクライナ軍は昨", 0, -1),  # 昨 of 昨年
        ("ロシアは何も得られない", 0, None),
        ("独裁者", 0, -1),
        ("国", 0, None),  # never nothing
    ],
)
def test_one_character_fragments_at_the_edges_do_not_select_passages(query, first, last):
    tokens = query_tokens(query)
    assert _without_fragments(tokens) == tokens[first:last]


async def test_a_quote_starting_with_a_fragment_is_found(store):
    top = (await find_quote(store, "国は経済的安全保障を提案していますが"))[0]
    assert "米国は経済的安全保障を提案していますが" in top.text


@pytest.mark.parametrize(
    "query",
    ["ロシア", "ロシアは何も得られない", "ロシアは何も得られなし", "プーチン大統領はクルスク州から撤退すると発表した"],
)
async def test_candidate_queries_are_never_ranked_and_always_limited(store, monkeypatch, query):
    """bm25 (ORDER BY rank) scores every passage that matches; without it FTS5 stops at the LIMIT."""
    statements: list[str] = []
    fetchall = store.fetchall

    async def spy(sql, params=()):
        statements.append(sql)
        return await fetchall(sql, params)

    monkeypatch.setattr(store, "fetchall", spy)
    await find_quote(store, query)
    searches = [sql for sql in statements if "MATCH" in sql]
    assert searches
    assert all("LIMIT" in sql and "rank" not in sql.lower() for sql in searches), searches


async def test_item_contexts_are_the_text_of_each_passages_item(store):
    rows = await store.fetchall(
        "SELECT id FROM passages WHERE id IN (SELECT min(id) FROM passages GROUP BY document_id, heading) LIMIT 40"
    )
    passages = await fetch_passages(store, [r[0] for r in rows])
    assert any(p.heading is None for p in passages) and any(p.heading for p in passages)
    contexts = await item_contexts(store, passages)
    for p in passages:
        texts = await store.fetchall(
            "SELECT text FROM passages WHERE document_id = ? AND heading IS ? ORDER BY seq", (p.document_id, p.heading)
        )
        assert contexts[(p.document_id, p.heading)] == "\n".join(t[0] for t in texts)[:20000]
    assert await item_contexts(store, []) == {}



async def test_a_reworded_quote_is_reached_past_its_rarest_words(store) -> None:
    """The rarest words of a remembered quote are often the ones the speaker said another way: a lookup by any
    two of more of them (`rarest=`, the gist's GIST_RAREST) reaches a passage holding only the less rare ones."""
    body = "\n\n".join(
        [
            "市長は「水門の改修を急ぐ」と述べた。",  # 水門, 改修: the rarer words, said here and nowhere else
            "堤防の点検は続く。",  # 堤防, 点検: where the quote is, its rare words said another way
            "堤防の点検と補強を進める。",
        ]
    )
    assert (await ingest_text(store, f"---\ntitle: 堤防\n---\n{body}\n", name="levee.md")).status == "added"
    words = ["水門", "改修", "堤防", "点検"]
    df = await term_frequencies(store, words)
    assert df["水門"] < df["堤防"] and df["改修"] < df["点検"]
    rows = await store.fetchall("SELECT id FROM passages WHERE text LIKE ?", ("%堤防の点検は続く%",))
    levee = {r["id"] for r in rows}
    assert levee
    assert not levee & set(await search.sharing_rare_words(store, words, df, rarest=2))
    assert levee <= set(await search.sharing_rare_words(store, words, df, rarest=4))

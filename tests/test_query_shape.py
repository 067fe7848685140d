"""One shape for the query services: the request parsed into a query object (everything a user can get wrong
refused there, before a front end answers), then a page of it. /quote as /stance and /timeline."""

from __future__ import annotations

import pytest

from bot.services.errors import QueryError
from bot.services.quotes import find_quote, parse_quote, quote_page

QUOTE = "あなたはギャンブルをしている"


async def test_a_quote_query_is_refused_while_parsing(store):
    with pytest.raises(QueryError) as e:
        await parse_quote(store, "トランプ")  # a name alone is not a quote
    assert e.value.code == "quote.only_name"
    with pytest.raises(QueryError):
        await parse_quote(store, "   ")
    nothing = await parse_quote(store, "the")  # function words only: no match, no error
    assert nothing.nothing and await quote_page(store, nothing) == []


async def test_a_quote_page_is_a_slice_of_the_ranked_matches(store):
    assert (await quote_page(store, await parse_quote(store, QUOTE)))[0].speaker == "トランプ"
    q = await parse_quote(store, "鉱物資源")  # found in many passages
    ranked = await quote_page(store, q, limit=4)
    assert len(ranked) == 4
    assert [m.passage_id for m in await find_quote(store, "鉱物資源", limit=4)] == [m.passage_id for m in ranked]
    second = await quote_page(store, q, limit=2, offset=1)
    assert [m.passage_id for m in second] == [m.passage_id for m in ranked[1:3]]


async def test_a_speaker_typed_before_the_quote_is_a_hint(store):
    q = await parse_quote(store, f"トランプ「{QUOTE}」")
    assert (q.words, q.hint) == (QUOTE, "トランプ")

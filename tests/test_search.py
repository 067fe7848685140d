"""Candidate retrieval for /quote: capped, never ranked, and still finding the passage when more
passages than the cap hold the quote's words."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.ingest.pipeline import ingest_text
from bot.services import find_quote
from bot.store import search
from bot.store.backend import open_backend
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
from tests import pg_server
from tests.conftest import _admin, _fold_wal, opened, template_copy

QUOTE = "ザンベジ川の水門は来週まで閉じたままだ"
# Every content word of QUOTE, but far apart: a passage that holds the words, not the quote.
FILLER = "ザンベジ川の流域では雨季が長く続き、多くの村で農作業が遅れたままで、政府は来週にも支援策を発表し、閉じた古い水門の修理も検討する。"
FILLERS = 10
LIMIT = 8  # fewer than the passages holding the words


async def _add_words(target: str) -> None:
    """Store, on the seeded store at `target`, an article whose FILLERS passages come before (lower rowids) the one
    holding QUOTE."""
    body = "\n\n".join([FILLER] * FILLERS + [f"現地の技師は「{QUOTE}」と話した。"])
    article = f"---\nurl: https://www.example.com/zambezi\ntitle: 水門の記事\n---\n{body}\n"
    store = await open_backend(target)
    try:
        assert (await ingest_text(store, article, name="zambezi.md")).status == "added"
    finally:
        await store.close()


# The words store is read, never written, by the ~330 cases of the tables below (their monkeypatches reach the open
# store, which each case opens anew): its article is ingested once per worker and backend into a template that each
# case copies — a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL, as the seeded `store` is made —
# instead of extracted and written again for every case.
@pytest.fixture(scope="session")
def _words_sqlite(_seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("words") / "words.db"
    shutil.copy(_seeded_template, path)
    asyncio.run(_add_words(str(path)))
    _fold_wal(path)
    return path


@pytest.fixture(scope="session")
def _words_pg(pg_server_session: pg_server.Server, _pg_seeded_template: str) -> str:
    _admin(pg_server_session, f"CREATE DATABASE words_template TEMPLATE {_pg_seeded_template}")
    asyncio.run(_add_words(pg_server_session.url("words_template")))
    return "words_template"


@pytest.fixture
def words_target(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh copy of the words template on the backend: a file path or a database URL (dropped after the test)."""

    def copy() -> Path:
        target = tmp_path / "words.db"
        shutil.copy(request.getfixturevalue("_words_sqlite"), target)
        return target

    yield from template_copy(request, backend, copy, "_words_pg")


@pytest.fixture
async def words_store(words_target: str):
    """The seeds plus an article whose FILLERS passages come before (lower rowids) the one holding QUOTE."""
    async with opened(words_target) as s:
        yield s


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
    # the wrong word here is a date (昨年 for 来週): the passage says another one, so the line changes the claim and
    # /quote says "not found" (`quote_edit`); with the date right (and a word added), the passage is the answer
    assert not await find_quote(words_store, typo)
    matches = await find_quote(words_store, "ザンベジ川の水門は来週まで閉じたままだろう")
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


ORDER_WORD = "ヴェルテンベルク"  # one rare word, in every passage of the documents below


async def test_a_servers_candidates_are_its_first_matches_in_rowid_order(store):
    """With more matches than the limit, a server's candidates are its first matching passages by id, as FTS5
    reads them. Not yet on PostgreSQL: its join gave 313, 314, 311 (a subquery per row instead: 306, 303, 304)."""
    from bot.rows import Provenance
    from bot.store.pgstore import PgStore

    for i in range(6):  # documents of server 1, of server 2 and shared ones, interleaved by id
        guild = (1, 2, 0)[i % 3]
        body = "\n\n".join(f"{ORDER_WORD}の第{i}{n}工場は、関係者によると来月も操業を続ける。" for n in range(4))
        result = await ingest_text(
            store, f"---\ntitle: 工場{i}\n---\n{body}\n", name=f"order{i}.md", provenance=Provenance(guild_id=guild)
        )
        assert result.status == "added"
    rows = await store.fetchall(
        "SELECT p.id, d.guild_id FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.text LIKE ?",
        (f"%{ORDER_WORD}%",),
    )
    visible = sorted(pid for pid, guild in rows if guild in (0, 1))
    assert len(visible) == 16
    if isinstance(store, PgStore):  # neither the join nor the table's order is rowid order (a row goes where it fits)
        pytest.xfail(
            "PostgreSQL keeps a server's matches in its plan's order: only ORDER BY rowid would make it FTS5's"
        )
    (word, _), *_ = query_tokens(ORDER_WORD)
    for limit in (3, 5, 9):
        assert await search.matching_hits(store, search.fts_string(word), limit, 1) == visible[:limit]
    span = (f'NEAR({search.fts_string(word)} "工場", 4)', [word, "工場"])
    assert await _span_matches(store, span, 5, 1) == visible[:5]


async def test_a_phrase_finds_exactly_the_passages_holding_it(store):
    """A phrase of several tokens finds exactly the
    passages holding it, in order, on both backends: not those holding its words apart or in another order."""
    texts = [
        "関係筋によると、両国は停戦案で合意したと発表した。",
        "関係筋によると、両国は合意した停戦の案でもめたと発表した。",
        "関係筋によると、両国は案で停戦に合意したと発表した。",
        "別の関係筋によると、各国は停戦案で合意する見通しだと述べた。",
    ]
    body = "\n\n".join(texts)
    assert (await ingest_text(store, f"---\ntitle: 停戦\n---\n{body}\n", name="phrase.md")).status == "added"
    ids = {t: (await store.fetchall("SELECT id FROM passages WHERE text = ?", (t,)))[0][0] for t in texts}
    tokens = " ".join(t for t, _ in query_tokens("停戦案で合意"))
    found = await search.matching_hits(store, search.fts_string(tokens), 10)
    assert found == [ids[texts[0]], ids[texts[3]]]
    assert await search.matching_hits(store, f"{search.fts_string(tokens)} AND {search.fts_string('両国')}", 10) == [
        ids[texts[0]]
    ]


@pytest.mark.parametrize("limit", [1, 3, LIMIT, 100])
async def test_the_words_and_their_near_read_at_once_answer_as_two_reads(words_store, limit):
    tokens = _without_fragments(query_tokens(QUOTE))
    query, words = _span(tokens, await term_frequencies(words_store, [t for t, _ in tokens]))
    for guild in (None, 1):
        join, scoped, params = words_store.passage_scope(guild)
        holders, near = await words_store.holders_and_near(
            search._all_of(words), limit + 1, query, search.NEAR_ROWS, limit, join, scoped, params
        )
        assert holders == await search.matching_hits(words_store, search._all_of(words), limit + 1, guild)
        two_reads = await _span_matches(words_store, (query, words), limit, guild) if len(holders) > limit else []
        assert near == two_reads


@pytest.mark.parametrize("stages", [1, 2, 3])
@pytest.mark.parametrize("probe", [0, 1, 2, 5, 11])  # the probe's rows end at that holder's id (0: below them all)
@pytest.mark.parametrize(("limit", "rows"), [(1, 3), (3, 5), (LIMIT, 1000)])
async def test_words_read_in_rowid_order_answer_as_the_index_does(words_store, monkeypatch, stages, probe, limit, rows):
    """PostgreSQL reads common words in rowid order in stages (`PgStore._in_order`: a probe, then on at the density
    it found) and through the GIN index when the stages did not finish: the holders and their NEAR are the same
    either way (forced here: every probe taken, the stages never judged dearer than the index). On SQLite `held`
    changes nothing."""
    from bot.store import pgstore

    tokens = _without_fragments(query_tokens(QUOTE))
    df = await term_frequencies(words_store, [t for t, _ in tokens])
    query, words = _span(tokens, df)
    holding = await search.matching_hits(words_store, search._all_of(words), 100)
    assert len(holding) == FILLERS + 1
    reads: list[str] = []
    if isinstance(words_store, pgstore.PgStore):
        passages = (await words_store.fetchone("SELECT max(rowid) AS n FROM passage_fts"))["n"]
        bound = holding[probe - 1] if probe else holding[0] - 1

        async def probe_rows(held: int, wanted: int) -> tuple[int, int]:
            return bound, passages

        fetchall = words_store.fetchall

        async def counted(sql, params=()):
            reads.append("in order" if "ORDER BY passage_fts.rowid" in sql else "index")
            return await fetchall(sql, params)

        monkeypatch.setattr(pgstore, "IN_ORDER_COST", 0)
        monkeypatch.setattr(pgstore, "IN_ORDER_STAGES", stages)
        monkeypatch.setattr(words_store, "_in_order_probe", probe_rows)
        monkeypatch.setattr(words_store, "fetchall", counted)
    through_index = await words_store.holders_and_near(search._all_of(words), limit + 1, query, rows, limit)
    reads.clear()
    in_order = await words_store.holders_and_near(
        search._all_of(words), limit + 1, query, rows, limit, held=min(df[w] for w in words)
    )
    assert in_order == through_index
    assert through_index[0] == holding[: limit + 1]
    if reads:  # PostgreSQL: a probe that found no holder goes to the index; a probe past them all needs no more
        assert reads[0] == "in order"
        if "index" in reads:
            assert reads[-1] == "index" and (probe == 0 or reads.count("in order") == stages)
        if probe == FILLERS + 1:
            assert reads == ["in order"]
    near = await words_store.near_matches(query, search._all_of(words), rows, limit)  # a span's NEAR alone
    reads.clear()
    assert await words_store.near_matches(query, search._all_of(words), rows, limit, held=df[words[0]]) == near
    assert not reads or reads[0] == "in order"


async def test_a_quote_whose_words_are_too_common_reads_them_once_on_postgresql(words_store, monkeypatch):
    """The rarest words' first holders and their NEAR come from one full-text statement on PostgreSQL (its GIN
    index lists every holder before any LIMIT: two statements listed them twice); SQLite asks FTS5 twice."""
    from bot.store.pgstore import PgStore

    tokens = _without_fragments(query_tokens(QUOTE))
    _, words = _span(tokens, await term_frequencies(words_store, [t for t, _ in tokens]))
    statements: list[str] = []  # those reading the quote's rarest words (the halves read fewer words)

    def counting(read):
        def counted(sql, params=()):
            if "MATCH" in sql and params and params[0] == search._all_of(words):
                statements.append(sql)
            return read(sql, params)

        return counted

    monkeypatch.setattr(words_store, "fetchall", counting(words_store.fetchall))
    monkeypatch.setattr(words_store, "fetchone", counting(words_store.fetchone))
    ids = await candidate_ids(words_store, query_tokens(QUOTE), limit=LIMIT)
    assert ids[0] == await _quote_passage(words_store)
    # SQLite: the first holders, then the NEAR's bound (the NEAR itself reads the NEAR query)
    assert len(statements) == (1 if isinstance(words_store, PgStore) else 2), statements


async def test_an_answer_counts_the_passages_once(store, monkeypatch):
    """A quote no passage holds goes through every stage (second opinion, gist, other language), each weighing
    words against the passages' count: read once per answer (`search.one_answer`), and again by the next answer."""
    reads: list[str] = []
    fetchone = store.fetchone

    async def counted(sql, params=()):
        if "max(id)" in sql and "FROM passages" in sql:
            reads.append(sql)
        return await fetchone(sql, params)

    monkeypatch.setattr(store, "fetchone", counted)
    quote = "ロシアの大統領は来週にも停戦の条件を改めて示すと述べた"
    await find_quote(store, quote)
    assert len(reads) == 1
    await find_quote(store, quote)
    assert len(reads) == 2
    assert await search.passage_count(store) == await search.passage_count(store)  # no answer: each call reads
    assert len(reads) == 4


async def test_an_answer_reads_a_full_text_query_once(words_store, monkeypatch):
    """Within one answer (`search.one_answer`) the same full-text read is asked of the store once (an absent quote's
    last candidates and its gist's pairs are often the same query); outside it, each call reads."""
    reads: list[tuple] = []
    fetchall = words_store.fetchall

    async def counted(sql, params=()):
        if "MATCH" in sql:
            reads.append(tuple(params))
        return await fetchall(sql, params)

    monkeypatch.setattr(words_store, "fetchall", counted)
    match = search.fts_string(query_tokens(QUOTE)[0][0])
    with search.one_answer():
        first = await search.matching_hits(words_store, match, 5)
        assert first and await search.matching_hits(words_store, match, 5) == first
        assert len(reads) == 1
        assert await search.matching_hits(words_store, match, 3) == first[:3]  # another limit: another read
        assert len(reads) == 2
    assert await search.matching_hits(words_store, match, 5) == first
    assert len(reads) == 3


@pytest.mark.parametrize("stages", [1, 2, 3])
@pytest.mark.parametrize("margin", [0.001, 0.3, 1.5, 1000.0])  # the first range far too short … past the first rowid
@pytest.mark.parametrize("limit", [1, 3, FILLERS, FILLERS + 1, 50])
async def test_the_newest_holders_read_in_stages_are_the_newest(words_store, monkeypatch, stages, margin, limit):
    """/stance --about counts its candidates from the newest passages holding a target (`Store.newest_matching`):
    PostgreSQL reads them in ranges of rowids from the newest down (the GIN bitmap ANDed with each range, so a
    passage's row is read only when it holds the words and lies in the range), however short or long the first
    range and however many stages: the same passages as `ORDER BY rowid DESC LIMIT`, newest first. SQLite leaves
    them to the statement (FTS5 reads its doclists from the end)."""
    from bot.store import pgstore

    tokens = _without_fragments(query_tokens(QUOTE))
    _, words = _span(tokens, await term_frequencies(words_store, [t for t, _ in tokens]))
    for match in (
        search._all_of(words),
        search.fts_string(words[0]),
        f'NEAR({search.fts_string(words[0])} "水門", 30)',
    ):
        newest = [
            rowid
            for (rowid,) in await words_store.fetchall(
                "SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rowid DESC LIMIT ?", (match, limit)
            )
        ]
        assert newest
        if not isinstance(words_store, pgstore.PgStore):
            assert await words_store.newest_matching(match, limit) is None
            continue
        assert await words_store.newest_matching(match, limit) is None  # so few: read by the statement itself
        monkeypatch.setattr(pgstore, "NEWEST_DIRECT_ROWS", 0)  # in stages, however dense and few
        monkeypatch.setattr(pgstore, "NEWEST_FEW", 0)
        monkeypatch.setattr(pgstore, "NEWEST_MARGIN", margin)
        monkeypatch.setattr(pgstore, "NEWEST_STAGES", stages)
        assert await words_store.newest_matching(match, limit) == newest
        monkeypatch.undo()


@pytest.mark.parametrize("stages", [1, 2, 3])
@pytest.mark.parametrize("margin", [0.001, 0.3, 1.5, 1000.0])  # the first pages far too few … the whole table
@pytest.mark.parametrize("limit", [1, 3, FILLERS, FILLERS + 1, 50])
async def test_an_or_of_pairs_read_in_the_tables_order_finds_what_the_index_finds(
    words_store, monkeypatch, stages, margin, limit
):
    """An OR of pairs of common words (`search._any_two_of`) is read on PostgreSQL in the table's order, page range
    by page range, stopping at the LIMIT (`PgStore.first_matching`): however few or many pages each stage reads and
    however many stages, the same passages as the statement through the GIN index, or the index itself when the
    stages do not find them all; SQLite reads the statement."""
    from bot.store import pgstore

    words = ["ザンベジ", "水門", "来週"]
    df = await term_frequencies(words_store, words)
    assert all(df.values())
    reads, holders = search._pairs_cost(words, df)
    match = search._any_two_of(words)
    plain = [
        rowid
        for (rowid,) in await words_store.fetchall(
            "SELECT passage_fts.rowid FROM passage_fts WHERE passage_fts MATCH ? LIMIT ?", (match, limit)
        )
    ]
    assert plain
    assert await words_store.first_matching(match, limit, reads=reads, holders=holders) == plain
    if not isinstance(words_store, pgstore.PgStore):
        return
    assert await words_store._in_pages(match, limit, reads, holders) is None  # so few: the index is cheaper
    monkeypatch.setattr(pgstore, "PAGES_PROBE", 1e9)  # in the table's order, however few
    monkeypatch.setattr(pgstore, "PAGES_MARGIN", margin)
    monkeypatch.setattr(pgstore, "PAGES_STAGES", stages)
    read = await words_store._in_pages(match, limit, reads, holders)
    if margin == 1000.0:  # the first stage reads every page
        assert read == plain
    assert read in (None, plain)
    assert await words_store.first_matching(match, limit, reads=reads, holders=holders) == plain


def test_an_or_of_pairs_costs_the_postings_of_its_rarest_words_until_the_rest_hold_no_pair():
    """What the GIN index reads for an OR of pairs (`search._pairs_cost`): every posting of the rarest words until
    the others hold no pair; its holders at most the pairs' rarer words'."""
    df = {"a": 10, "b": 200, "c": 3000, "d": 40000}
    assert search._pairs_cost(["a", "b", "c"], df) == (210, 10 + 10 + 200)
    assert search._pairs_cost(["c", "b", "a"], df) == (210, 220)
    assert search._pairs_cost(["a", "b", "c", "d"], df, [("a", "d"), ("b", "d"), ("c", "d")]) == (3210, 3210)
    assert search._pairs_cost(["a"], df) == (10, 10)

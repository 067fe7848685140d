"""term_df (document frequency per indexed term, kept at write time) always equals FTS5's own count."""

from __future__ import annotations

from bot.ingest.pipeline import ingest_text
from bot.store.pgstore import PgStore


async def vocab_and_df(store):
    if isinstance(store, PgStore):  # the GIN-indexed tsvectors' own count of passages per lexeme
        vocab = dict(await store.fetchall("SELECT word, ndoc FROM ts_stat('SELECT tsv FROM passage_fts')"))
    else:
        vocab = dict(await store.fetchall("SELECT term, doc FROM passage_vocab"))
    df = dict(await store.fetchall("SELECT term, doc FROM term_df"))
    return vocab, df


async def test_term_df_matches_the_index_through_adds_and_removes(store):
    vocab, df = await vocab_and_df(store)
    assert df == vocab and df  # the seeds, counted at write time

    added = await ingest_text(
        store,
        "ヤシオンカ経由の輸送について、ポーランドの外相は追加の説明を行った。\n\n"
        "輸送は以前のレベルに戻ったと、外相は記者団に語った。",
        name="extra.txt",
    )
    assert added.status == "added"
    vocab, df = await vocab_and_df(store)
    assert df == vocab

    assert await store.remove_document(added.document_id)
    vocab, df = await vocab_and_df(store)
    assert df == vocab

    for doc in await store.list_documents():
        await store.remove_document(doc.id)
    assert await vocab_and_df(store) == ({}, {})

"""Claims stored at ingest (migration 13): written and removed with their document, on both backends; read only
while current (the extractor's version, the actors known); rebuilt in chunks when not."""

from __future__ import annotations

import json

import pytest

from bot.actors import ActorEntry, ActorIndex
from bot.extract import claim_records
from bot.extract.claim_records import dump_claims, extractor_version, fresh_claims, load_claims
from bot.extract.document import extract_document
from bot.extract.stance import extract_claims
from bot.ingest.claims_refresh import refresh_claims
from bot.ingest.pipeline import ingest_text, parse_text
from bot.models import ParsedPassage
from bot.rows import ClaimsRow
from bot.services import stance_about as about_service
from bot.store.about import document_passages
from bot.store.claims import replace_claims, stored_claims
from tests.test_cli import run_main  # noqa: F401

ARTICLE = """ゼレンスキー大統領、停戦案に言及
ゼレンスキー大統領は13日、米国が提案した30日間の停戦案について「受け入れる用意がある」と述べた。
一方、ペスコフ大統領報道官は「停戦案はロシアの利益にならない」と語った。
会見に同席したバルトリン氏は「停戦案には監視の仕組みが要る」と指摘した。
ミハイロワの名前も挙がった。
"""


async def _add(store, text: str = ARTICLE, name: str = "claims.txt") -> int:
    result = await ingest_text(store, text, name=name)
    assert result.status == "added", result
    assert result.document_id is not None
    return result.document_id


async def _parsed(store, doc_id: int) -> list[ParsedPassage]:
    _, passages = await document_passages(store, [doc_id])
    return [
        ParsedPassage(r.text, r.url, r.outlet, r.date, r.heading, r.default_speaker, r.kind) for r in passages[doc_id]
    ]


async def test_claims_are_written_with_the_document(store):
    known = store.actors.generation
    doc_id = await _add(store)
    new = store.actors.resolve("バルトリン")  # discovered in the article: extracted under id -1
    assert new is not None and new.generation > known  # learned at the document's own generation
    row = (await stored_claims(store, [doc_id]))[doc_id]
    assert (row.version, row.actors_known, row.own_actors) == (extractor_version(), known, {new.id})
    assert row.own_generation == new.generation == store.actors.generation
    claims = load_claims(row.records, row.provisional)
    assert claims and claims == extract_claims(await _parsed(store, doc_id), store.actors)
    assert new.id in {c.actor_id for c in claims}
    parsed = await _parsed(store, doc_id)
    assert fresh_claims(row.version, row.actors_known, row.own_actors, store.actors, parsed, row.own_generation)


@pytest.mark.parametrize("step", ["statements", "claims"])
async def test_a_crash_before_or_after_the_claims_leaves_neither(store, step):
    parsed, digest = parse_text(ARTICLE, "crash.txt", "text")  # type: ignore[misc]
    ex = extract_document(parsed, store.actors, digest)
    assert ex.claims is not None
    with pytest.raises(RuntimeError, match="simulated crash"):
        await store.add_document(parsed, ex, _fail_after=step)
    assert (
        await store.fetchone(
            "SELECT count(*) AS n FROM document_claims d JOIN documents o ON o.id = d.document_id"
            " WHERE o.name = 'crash.txt'"
        )
    )["n"] == 0
    assert (await store.fetchone("SELECT count(*) AS n FROM documents WHERE name = 'crash.txt'"))["n"] == 0
    doc_id, _ = await store.add_document(parsed, ex)  # the lock is released: written whole the next time
    assert doc_id in await stored_claims(store, [doc_id])


async def test_claims_are_removed_with_the_document(store):
    doc_id = await _add(store)
    assert await store.remove_document(doc_id)
    assert await stored_claims(store, [doc_id]) == {}
    row = await store.fetchone("SELECT count(*) AS n FROM document_claims WHERE document_id = ?", (doc_id,))
    assert row["n"] == 0


async def test_a_later_actor_named_in_the_document_makes_its_claims_stale(store):
    doc_id = await _add(store)
    row = (await stored_claims(store, [doc_id]))[doc_id]
    parsed = await _parsed(store, doc_id)
    top = max(store.actors.actors)

    def with_actor(name: str) -> ActorIndex:
        return ActorIndex([*store.actors.actors.values(), ActorEntry(top + 1, name, None, "person", [])])

    assert fresh_claims(row.version, row.actors_known, row.own_actors, store.actors, parsed)
    assert not fresh_claims(row.version, row.actors_known, row.own_actors, with_actor("ミハイロワ"), parsed)
    assert fresh_claims(row.version, row.actors_known, row.own_actors, with_actor("ゴロフコ"), parsed)
    assert not fresh_claims("another", row.actors_known, row.own_actors, store.actors, parsed)


async def test_outdated_claims_are_not_read_and_are_rebuilt(store, monkeypatch):
    doc_id = await _add(store)
    about_service._CLAIMS.clear()
    today = await about_service.stance_about(store, "ゼレンスキー", "停戦案")
    assert today.statements
    # a database built by an older extractor: its claims are not used (the query extracts), then rebuilt
    first = (await stored_claims(store, [doc_id]))[doc_id]
    claims = load_claims(first.records, first.provisional)
    older = dump_claims([])
    await replace_claims(store, [(doc_id, ClaimsRow("older", 0, older), {})])
    read: list[bytes] = []
    real_load = about_service.load_claims
    monkeypatch.setattr(about_service, "load_claims", lambda r, p: read.append(r) or real_load(r, p))
    about_service._CLAIMS.clear()
    assert await about_service.stance_about(store, "ゼレンスキー", "停戦案") == today
    assert older not in read
    seen: list[tuple[int, int]] = []
    done = await refresh_claims(store, chunk=2, on_progress=lambda p: seen.append((p.checked, p.rebuilt)))
    assert done.total == done.checked == len(await store.list_documents())
    assert done.rebuilt == 1 and seen[-1] == (done.checked, 1) and len(seen) > 1
    row = (await stored_claims(store, [doc_id]))[doc_id]
    assert (row.version, load_claims(row.records, row.provisional)) == (extractor_version(), claims)
    assert (await refresh_claims(store)).rebuilt == 0  # run again (or after an interruption): only what is left
    # a new extractor version: every document is extracted again
    monkeypatch.setattr(claim_records, "extractor_version", lambda: "next")
    monkeypatch.setattr("bot.ingest.claims_refresh.extractor_version", lambda: "next")
    assert (await refresh_claims(store)).rebuilt == done.total


def test_cli_claims_rebuilds_what_is_outdated_with_progress(run_main, seeded_db) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    import sqlite3

    with sqlite3.connect(seeded_db) as conn:  # a store from before the claims: none stored (as after migration 13)
        conn.execute("DELETE FROM document_claims WHERE document_id IN (SELECT id FROM documents ORDER BY id LIMIT 3)")
    code, out, err = run_main("--db", seeded_db, "claims")
    assert code == 0, err
    assert out.strip() == "5 documents read, 3 claims extracted again"
    assert err.strip().splitlines()[-1] == "claims: 5/5 documents read, 3 extracted again"
    code, out, err = run_main("--db", seeded_db, "--lang", "ja", "claims", "--json")
    assert code == 0 and json.loads(out) == {"total": 5, "checked": 5, "rebuilt": 0}
    assert "件の文書を確認" in err

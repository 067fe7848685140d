"""Stored claims stay true when the registry learns an alias of an actor stored before (round 47).

A document that names a person the index holds in the other script teaches the registry that name as the person's
alias (`other_script`: "Marta Kellner" for ケルナー). A document stored before it that writes the name was read
without knowing whose it is: its stored claims are stale. The claims row recorded the largest actor id its index
knew, and `fresh_claims` probed the names of actors above it only; it now records the registry's generation, and
probes every name learned after it, an old actor's new alias among them. Sentences and people of our own."""

from __future__ import annotations

import unicodedata

from bot.extract.claim_records import extractor_version, fresh_claims, load_claims
from bot.extract.stance import extract_claims
from bot.ingest.claims_refresh import refresh_claims_naming
from bot.ingest.pipeline import ingest_text
from bot.models import ParsedPassage
from bot.store.about import document_passages
from bot.store.claims import stored_claims

JAPANESE = "ドイツ監査委員会のケルナー委員長は「この合併は誤りだ」と述べた。\n"
# names the person in Latin letters only, in no way discovery reads a person: no actor, no alias learned
EARLIER = "Marta Kellner opposed the merger on Monday, calling it a mistake for the company.\n"
# the surname that speaks, with the full name once: ケルナー learns "Marta Kellner"
TEACHING = (
    "Marta Kellner, who chairs the audit board, was asked about the merger.\n"
    '"We will not sign this agreement," Kellner said on Monday.\n'
)


def fresh_as_on_main(version: str, actors_known: int, own: frozenset[int], actors, passages) -> bool:  # type: ignore[no-untyped-def]
    """`fresh_claims` as main had it: only an actor with an id above `actors_known` named in the text is later."""
    if version != extractor_version():
        return False
    if max(actors.actors, default=0) <= actors_known:
        return True
    raw = "\n".join(t for p in passages for t in (p.text, p.heading, p.default_speaker) if t)
    later = [
        unicodedata.normalize("NFKC", n)
        for a in actors.actors.values()
        if a.id > actors_known and a.id not in own
        for n in (a.name, *(a.aliases or []))
    ]
    if not any(s in raw for s in later if len(s) >= 2):
        return True
    texts = {t for p in passages for t in (p.text, p.heading, p.default_speaker) if t}
    return not any(m.actor_id > actors_known and m.actor_id not in own for text in texts for m in actors.mentions(text))


async def _add(store, text: str, name: str) -> int:  # type: ignore[no-untyped-def]
    result = await ingest_text(store, text, name=name)
    assert result.status == "added", result
    assert result.document_id is not None
    return result.document_id


async def _parsed(store, doc_id: int) -> list[ParsedPassage]:  # type: ignore[no-untyped-def]
    _, passages = await document_passages(store, [doc_id])
    return [
        ParsedPassage(r.text, r.url, r.outlet, r.date, r.heading, r.default_speaker, r.kind) for r in passages[doc_id]
    ]


async def test_an_alias_learned_later_makes_the_earlier_documents_claims_stale(store):  # type: ignore[no-untyped-def]
    await _add(store, JAPANESE, "ja.txt")
    person = store.actors.resolve("ケルナー")
    assert person is not None and store.actors.resolve("Marta Kellner") is None
    earlier = await _add(store, EARLIER, "earlier.txt")
    row = (await stored_claims(store, [earlier]))[earlier]
    parsed = await _parsed(store, earlier)
    stored = load_claims(row.records, row.provisional)
    assert person.id not in {c.actor_id for c in stored or []}  # read as no one's
    ids_before = set(store.actors.actors)

    known = store.actors.generation
    await _add(store, TEACHING, "teaching.txt")
    assert set(store.actors.actors) == ids_before  # no actor added: an alias of one stored before
    learned = store.actors.resolve("Marta Kellner")
    assert learned is not None and learned.id == person.id
    assert learned.learned.get("Marta Kellner", 0) > known
    now = extract_claims(parsed, store.actors)
    assert person.id in {c.actor_id for c in now} and now != stored  # extraction now reads her statement

    # main's check found no actor above the one the row knew, and took the stale claims for fresh
    assert fresh_as_on_main(row.version, row.actors_known, row.own_actors, store.actors, parsed)
    # the registry's generation sees the alias learned after the row
    assert not fresh_claims(row.version, row.actors_known, row.own_actors, store.actors, parsed, row.own_generation)

    # and a rebuild after the run that taught it (bulk ingest's `refresh_claims_naming`) reads the document again
    done = await refresh_claims_naming(store, known)
    assert done.rebuilt >= 1
    row = (await stored_claims(store, [earlier]))[earlier]
    assert fresh_claims(row.version, row.actors_known, row.own_actors, store.actors, parsed, row.own_generation)
    assert load_claims(row.records, row.provisional) == now


async def test_the_teaching_documents_own_claims_stay_fresh(store):  # type: ignore[no-untyped-def]
    await _add(store, JAPANESE, "ja.txt")
    teaching = await _add(store, TEACHING, "teaching.txt")
    row = (await stored_claims(store, [teaching]))[teaching]
    person = store.actors.resolve("Marta Kellner")
    assert person is not None and row.own_generation == person.learned["Marta Kellner"] > row.actors_known
    parsed = await _parsed(store, teaching)
    assert fresh_claims(row.version, row.actors_known, row.own_actors, store.actors, parsed, row.own_generation)
    assert load_claims(row.records, row.provisional) == extract_claims(parsed, store.actors)


async def test_a_document_that_teaches_nothing_takes_no_generation(store):  # type: ignore[no-untyped-def]
    await _add(store, JAPANESE, "ja.txt")
    before = store.actors.generation
    quiet = await _add(store, "The merger was approved on Monday.\n", "quiet.txt")
    row = (await stored_claims(store, [quiet]))[quiet]
    assert row.own_generation == 0 and store.actors.generation == before


async def test_a_schema_18_store_migrates_with_its_actors_ids_as_their_generations(tmp_path):  # type: ignore[no-untyped-def]
    """A store written before the generations (schema 18): each actor learned at its id, each alias with its actor,
    so a claims row's `actors_known` (the largest actor id its index knew) reads as the generation it knew; its
    claims stay fresh until the registry learns something it names."""
    import sqlite3

    from bot.extract.claim_records import dump_claims
    from bot.store import Store
    from bot.store.schema import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "v18.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:18]:
        conn.executescript(script)
    for actor_id, name in ((1, "ケルナー"), (2, "ドイツ監査委員会"), (3, "ホフマン")):
        conn.execute(
            "INSERT INTO actors(id, name, kind, origin, added_at) VALUES (?, ?, 'person', 'discovered', 'x')",
            (actor_id, name),
        )
    conn.execute("INSERT INTO actor_aliases(actor_id, alias) VALUES (1, 'マルタ・ケルナー')")
    conn.execute(
        "INSERT INTO documents(id, name, title, origin, content_hash, added_at)"
        " VALUES (1, 'old.txt', 'old', 'text', 'h1', '2025-03-01T00:00:00+00:00')"
    )
    conn.execute("INSERT INTO passages(id, document_id, seq, kind, text) VALUES (1, 1, 0, 'prose', ?)", (EARLIER,))
    conn.execute(
        "INSERT INTO document_claims(document_id, version, actors_known, own_actors, provisional, claims)"
        " VALUES (1, ?, 2, '[]', '{}', ?)",
        (extractor_version(), dump_claims([])),
    )
    conn.execute("INSERT INTO meta(key, value) VALUES ('seeded', '0')")
    conn.execute("PRAGMA user_version = 18")
    conn.commit()
    conn.close()

    store = await Store.open(path)
    try:
        assert (await store.fetchone("PRAGMA user_version"))[0] == SCHEMA_VERSION
        kellner = store.actors.resolve("マルタ・ケルナー")
        assert kellner is not None and (kellner.generation, kellner.learned) == (1, {})
        assert store.actors.generation >= 3  # the registry's own actors synced after the old ones
        row = (await stored_claims(store, [1]))[1]
        assert (row.actors_known, row.own_generation) == (2, 0)
        parsed = [ParsedPassage(EARLIER)]
        # no name learned after it is written there (ホフマン, actor 3, is not): fresh as it was
        assert fresh_claims(row.version, row.actors_known, row.own_actors, store.actors, parsed, row.own_generation)
    finally:
        await store.close()

"""An index grown from the last one built (`ActorIndex.grown`, what `shared_index` builds when a store's actors are
the last index's and a few more: each ingest batch that discovers actors) is the index a build from scratch gives:
the same tables in the same order, the same alternation, the same mentions."""

from __future__ import annotations

import dataclasses

import pytest

from bot.actors import ActorEntry, ActorIndex, load_registry_file, shared_index


def _registry() -> list[ActorEntry]:
    return [
        ActorEntry(i, a["name"], a.get("name_en"), a.get("kind", "person"), sorted(a.get("aliases", [])), None)
        for i, a in enumerate(load_registry_file(), 1)
    ]


# discoveries as a run makes them: a new person, a body whose short name an earlier actor already holds (the first
# actor keeps it), a lower-case English name (its capitalised opening too), a short katakana person's name
DISCOVERED = [
    ("山際大志郎", None, "person", ["山際経済再生相"]),
    ("国土交通省北陸地方整備局", None, "org", ["北陸地方整備局", "国交省"]),
    ("the port authority", "the port authority", "org", []),
    ("ソン", None, "person", []),
    ("Jane Doe-Okafor", "Jane Doe-Okafor", "person", ["Doe-Okafor"]),
]


def _grown_entries(registry: list[ActorEntry], upto: int) -> list[ActorEntry]:
    start = len(registry) + 1
    return [
        *registry,
        *(ActorEntry(start + i, n, en, k, sorted(al), None) for i, (n, en, k, al) in enumerate(DISCOVERED[:upto])),
    ]


def _tables(index: ActorIndex) -> tuple:
    return (
        list(index.actors.items()),
        list(index._by_norm.items()),
        list(index._surface_ids.items()),
        list(index._by_form.items()),
        [scan.pattern for scan in index._scans],
        index._choices,
        index.base,
        index._own,
    )


@pytest.mark.parametrize("known", [0, 1, 3])
def test_a_grown_index_is_the_index_built_at_once(known: int) -> None:
    registry = _registry()
    before = _grown_entries(registry, known)
    after = _grown_entries(registry, len(DISCOVERED))
    grown = ActorIndex(before).grown(after, len(before))
    built = ActorIndex(after)
    assert _tables(grown) == _tables(built)
    assert all(grown.actors[a.id] is a for a in after)  # the entries passed, not the earlier index's equal ones
    text = "山際経済再生相と国交省の北陸地方整備局は述べた。ソン氏も。The port authority and Doe-Okafor said so."
    assert grown.mentions(text) == built.mentions(text) != []


def test_shared_index_grows_the_last_index_by_the_actors_added(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = _registry()
    first = shared_index(_grown_entries(registry, 1))
    grown_from: list[int] = []
    real = ActorIndex.grown

    def grown(self: ActorIndex, actors: list[ActorEntry], known: int) -> ActorIndex:
        grown_from.append(known)
        assert self is first
        return real(self, actors, known)

    monkeypatch.setattr(ActorIndex, "grown", grown)
    after = _grown_entries(registry, 3)
    assert _tables(shared_index(after)) == _tables(ActorIndex(after))
    assert grown_from == [len(registry) + 1]
    # an earlier actor changed (an alias learned): built from scratch, not grown
    changed = [dataclasses.replace(after[0], aliases=[*after[0].aliases, "別名"]), *after[1:]]
    assert _tables(shared_index(changed)) == _tables(ActorIndex(changed))
    assert grown_from == [len(registry) + 1]

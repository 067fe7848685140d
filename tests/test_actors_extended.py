"""An actor index extended with a document's discovered actors finds exactly the mentions an index built
from all the actors at once finds (`ActorIndex.extended` compiles only the new aliases and merges the scans)."""

from __future__ import annotations

from pathlib import Path

from bot.actors import ActorEntry, ActorIndex, load_registry_file

ROOT = Path(__file__).resolve().parents[1]

# Aliases that meet the registry's where a merged scan could go wrong: longer than a registry alias at the
# same place, a prefix of one, the same as one (the registry's actor keeps it), a Latin name beginning where a
# non-Latin one does, Latin inside a word (not a name), one kanji (never in running text).
NEW = [
    ("ゼレンスキー大統領夫人", ["オレナ・ゼレンスカ", "Olena"], "person", None),
    ("ゼレン", ["NATO諸国首脳", "NATO"], "person", None),
    ("トランプ", ["Trump Jr", "rump"], "person", None),
    ("露", ["ロシア外務", "Zelen"], "body", None),
    ("ウィトコフ特使団", ["Witkoff team"], "body", None),
]


def _registry() -> ActorIndex:
    return ActorIndex(
        [
            ActorEntry(i, a["name"], a.get("name_en"), a.get("kind", "person"), sorted(a.get("aliases", [])))
            for i, a in enumerate(load_registry_file(), 1)
        ]
    )


def _texts() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "eval" / "stories").glob("*/*.txt"))
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    made = [
        "ゼレンスキー大統領夫人のオレナ・ゼレンスカ氏とOlena Zelenska、NATO諸国首脳とNATO。",
        "Trump Jr and Donald Trump met; a trumpet and rump steak. ロシア外務省と露外相、Zelensky and Zelen.",
        "ウィトコフ特使団とWitkoff team、Witkoff特使。米国務長官と米国。",
    ]
    return lines + made


def test_an_extended_index_finds_what_one_built_at_once_finds():
    base = _registry()
    for k in range(1, len(NEW) + 1):
        new = NEW[:k]
        extended = base.extended(new)
        whole = ActorIndex(
            [
                *base.actors.values(),
                *(ActorEntry(-i, n, None, kind, list(al), d) for i, (n, al, kind, d) in enumerate(new, 1)),
            ]
        )
        twice = base.extended(new[:1]).extended(new[1:]) if k > 1 else extended  # an extension of an extension
        for text in _texts():
            expected = whole.mentions(text)
            assert extended.mentions(text) == expected, text
            if k > 1:  # the second extension numbers its actors from -1 again: compare places and names
                assert [(m.start, m.end) for m in twice.mentions(text)] == [(m.start, m.end) for m in expected], text
        assert extended.actors == whole.actors
        assert extended._by_norm == whole._by_norm and extended._choices == whole._choices
        assert extended.resolve("オレナ・ゼレンスカ") == whole.resolve("オレナ・ゼレンスカ")
    assert any(m.actor_id < 0 for m in base.extended(NEW).mentions(" ".join(_texts()[-3:])))


def test_remembered_mentions_are_the_ones_found_and_not_shared():
    # mentions() remembers recent texts' mentions: asking again gives the same list, a caller changing its
    # list changes nothing remembered, and the memo is neither pickled nor inherited by an extension.
    import pickle

    index = _registry()
    text = "トランプ大統領とゼレンスキー大統領が会談した。"
    first = index.mentions(text)
    assert [m.name for m in first] == ["トランプ", "ゼレンスキー"]
    first.clear()
    assert index.mentions(text) == index._find_mentions(text) != []
    assert text in index._memo
    assert pickle.loads(pickle.dumps(index))._memo == {}
    extended = index.extended(NEW[:1])
    assert extended._memo == {}
    assert extended.mentions("ゼレンスキー大統領夫人が") != index.mentions("ゼレンスキー大統領夫人が")


def test_a_pickled_index_finds_the_same_mentions_with_the_scans_compiled_once_a_process():
    # The bulk path hands the store's index to its worker threads pickled (bot/ingest/bulk.py `_actors`). Each scan
    # travels as its pattern's text and is compiled as `_scanner` compiled it: the same pattern (text and flags),
    # taken from `re`'s cache in the process that built the index instead of compiled again per thread; an
    # extended index's scans (the registry's and the new aliases') likewise, and the same mentions are found.
    import pickle
    import re

    base = _registry()
    extended = base.extended(NEW)
    texts = _texts()[:300] + _texts()[-3:]
    for index in (base, extended):
        again = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
        assert len(again._scans) == len(index._scans) >= 1 and again._own == index._own
        for scan, scan_again in zip(index._scans, again._scans, strict=True):
            assert isinstance(scan_again, re.Pattern)
            assert (scan_again.pattern, scan_again.flags) == (scan.pattern, scan.flags)
            assert scan_again is re.compile(scan.pattern)  # from re's cache: not compiled a second time
        assert again.actors == index.actors and again._by_norm == index._by_norm
        for text in texts:
            assert again.mentions(text) == index.mentions(text), text
        # the pickled state holds the patterns' text, not compiled patterns (which pickle as `re._compile` with
        # their flags, and missed re's cache)
        assert all(isinstance(s, str) for s in index.__getstate__()["_scans"])

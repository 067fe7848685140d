"""Work the bulk path now does once gives what the plain way gave (issue #19's profile: the writer's comparisons
and the Japanese attribution's per-context reading). bench/extraction_dump.py checks the whole extraction."""

from __future__ import annotations

import random

from bot.extract.attribution_ja import _Doc, _sentences, _title_heads, _whole_title_cut
from bot.extract.event_match import event_sets, same_event_sets
from bot.extract.roles import vocabulary


def test_an_event_s_measurements_are_found_once_with_its_sets() -> None:
    sets = event_sets({"tokens": ["#6.3", "#4.2%", "#47", "#120.5", "~earthquake", "地震"]})
    assert sets.measured == frozenset({"#6.3"})  # a tenth, no share, under 100
    assert event_sets({"tokens": ["地震"]}).measured == frozenset()


def test_the_comparison_reads_the_measurements_kept_in_the_sets() -> None:
    a = event_sets({"tokens": ["~earthquake", "#6.3", "ミナト", "地震"], "act": ["~occur"], "acts": ["~occur"]})
    b = event_sets({"tokens": ["~earthquake", "#6.3", "ミナト", "地震"], "act": ["~occur"], "acts": ["~occur"]})
    assert same_event_sets(a, b) > 0
    # the same words, but measurements kept apart: two happenings (the tokens are not scanned again)
    assert same_event_sets(a._replace(measured=frozenset({"#6.3"})), b._replace(measured=frozenset({"#5.1"}))) == 0


def _scanned_cut(name: str, title: str) -> str:
    """_whole_title_cut as it was: a scan of every title per call."""
    for longer in vocabulary().ja_titles:
        head = longer[: len(longer) - len(title)]
        if len(longer) > len(title) and longer.endswith(title) and name.endswith(head) and len(name) > len(head):
            return name[: len(name) - len(head)]
    return name


def test_a_title_cut_by_its_index_is_the_scan_s() -> None:
    titles = vocabulary().ja_titles
    assert _title_heads()["労働相"][0].endswith("厚生")
    rng = random.Random(19)
    checked = 0
    for longer in titles:
        for cut in range(1, len(longer)):
            title, head = longer[cut:], longer[:cut]
            for name in (f"武見{head}", head, f"山田{head[1:]}", f"{rng.choice(titles)}{head}", "岸田"):
                assert _whole_title_cut(name, title) == _scanned_cut(name, title), (name, title)
                checked += 1
    assert checked > 1000


def test_a_position_s_sentence_by_bisection_is_the_scan_s() -> None:
    rng = random.Random(7)
    pieces = ["首相は", "述べた。", "「反対だ。」", "\n", "同社は", "？", "と話した", "。", " ", "ａ"]
    for _ in range(300):
        masked = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        doc = _Doc(masked, masked, _sentences(masked))
        for pos in range(len(masked) + 1):
            start = next((s for s, e in reversed(doc.sentences) if s <= pos), 0)
            at = next(((a, b) for a, b in doc.sentences if a <= pos < b), None)
            assert doc.sentence_start(pos) == start
            assert doc.sentence_at(pos) == at

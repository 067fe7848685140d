"""The statements labelled by reading for the learned position model (`eval/position_labels.jsonl`, issue 11): the
file's shape and balance, how `tools/position_data.py` turns a label into an example (today's rules' position and
reason, the label as gold) and how `tools/train_position.py` counts labelled examples apart from the gold cases.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tools.position_data import LABEL_POSITIONS, LABELS, labelled, load_labels

ROOT = Path(__file__).resolve().parents[1]
# the blind stories: their statements are never read, so never labelled
CHECK = {
    "jpkorea2023",
    "israeljudicial2023",
    "bolsonaro2025",
    "defense2022",
    "samesex2024",
    "rwanda2024",
    "pension2023",
    "toshiba2023",
    "osakair2023",
    "niger2023",
    "gcap2024",
    "baltimore2024",
    "lahaina2023",
    "koreadoctors2024",
    "georgia2024",
    "shutdown2025",
}
_JAPANESE_RX = re.compile(r"[ぁ-ゖァ-ヺ一-龥]")


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return load_labels()


def test_every_label_has_its_statement_question_and_reader(labels: list[dict]) -> None:
    assert len(labels) >= 300
    for lab in labels:
        assert {"story", "case", "actor", "about", "text", "label", "lang", "by"} <= set(lab), lab
        assert lab["label"] in (*LABEL_POSITIONS, "drop"), lab
        assert lab["text"].strip() and lab["about"].strip() and lab["by"].strip()
        assert lab["lang"] == ("ja" if _JAPANESE_RX.search(lab["text"]) else "en"), lab
        assert (ROOT / "eval" / "stories" / lab["story"]).is_dir(), lab["story"]


def test_no_check_story_is_labelled(labels: list[dict]) -> None:
    assert not {lab["story"] for lab in labels} & CHECK


def test_a_statement_is_labelled_once_and_the_file_is_sorted(labels: list[dict]) -> None:
    keys = [(lab["story"], lab["about"], lab["text"]) for lab in labels]
    assert len(keys) == len(set(keys))
    order = [(lab["story"], lab["case"], lab["text"]) for lab in labels]
    assert order == sorted(order)  # rebuilt the same way every time: a diff shows only what a reader changed


def test_the_labels_are_balanced_neutral_first_both_languages_many_stories(labels: list[dict]) -> None:
    used = [lab for lab in labels if lab["label"] in LABEL_POSITIONS]
    by_label = Counter(lab["label"] for lab in used)
    # what the gold cases lack: statements shown that say nothing of the target
    assert by_label["neutral"] >= 0.4 * len(used)
    assert by_label["support"] >= 50 and by_label["oppose"] >= 50  # and positions the rules missed
    by_lang = Counter(lab["lang"] for lab in used)
    assert by_lang["ja"] >= 100 and by_lang["en"] >= 100
    assert len({lab["story"] for lab in used}) >= 80
    assert max(Counter(lab["story"] for lab in used).values()) <= 5  # no story's wording dominates


def test_labels_file_lines_are_plain_json_objects() -> None:
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        assert isinstance(json.loads(line), dict)


_SHOWN = [
    {
        "story": "s2024",
        "about": "the plan",
        "text": "The mayor said nothing new.",
        "rule": "support",
        "why": "main",
        "lang": "en",
    },
    {
        "story": "s2024",
        "about": "the plan",
        "text": "市長は計画を撤回すべきだと述べた",
        "rule": "neutral",
        "why": "none",
        "lang": "ja",
    },
    {
        "story": "t2025",
        "about": "the plan",
        "text": "The mayor said nothing new.",
        "rule": "neutral",
        "why": "none",
        "lang": "en",
    },
]


def test_a_label_becomes_an_example_with_todays_rules_and_the_label_as_gold() -> None:
    labels = [
        {"story": "s2024", "about": "the plan", "text": "The mayor said nothing new.", "label": "neutral", "line": 3},
        {
            "story": "s2024",
            "about": "the plan",
            "text": "市長は計画を撤回すべきだと述べた",
            "label": "oppose",
            "line": 4,
        },
    ]
    rows = labelled("s2024", _SHOWN, labels)
    assert [(r["id"], r["kind"], r["rule"], r["why"], r["gold"]) for r in rows] == [
        ("label:3", "label", "support", "main", ["neutral"]),
        ("label:4", "label", "neutral", "none", ["oppose"]),
    ]


def test_a_dropped_unshown_or_other_storys_label_gives_no_example() -> None:
    labels = [
        {"story": "s2024", "about": "the plan", "text": "The mayor said nothing new.", "label": "drop", "line": 1},
        {"story": "s2024", "about": "the plan", "text": "No longer shown.", "label": "neutral", "line": 2},
        {
            "story": "s2024",
            "about": "another plan",
            "text": "The mayor said nothing new.",
            "label": "oppose",
            "line": 5,
        },
        {"story": "t2025", "about": "the plan", "text": "The mayor said nothing new.", "label": "neutral", "line": 6},
    ]
    assert labelled("s2024", _SHOWN, labels) == []
    assert [r["id"] for r in labelled("t2025", _SHOWN, labels)] == ["label:6"]


def test_training_counts_labelled_examples_apart_from_the_gold_cases() -> None:
    from tools.train_position import score

    rows = [
        {"story": "s", "id": "S01", "rule": "support", "gold": ["support"], "why": "main"},
        {"story": "s", "id": "label:1", "kind": "label", "rule": "support", "gold": ["neutral"], "why": "none"},
        {"story": "s", "id": "label:2", "kind": "label", "rule": "neutral", "gold": ["neutral"], "why": "none"},
    ]
    proba = [{"support": 0.9, "neutral": 0.1}, {"support": 0.2, "neutral": 0.8}, {"support": 0.3, "neutral": 0.7}]
    got = score(rows, proba, 0.0, {"s": None})
    assert got["cases_right"] == 1 and got["statements_right"] == 1 and got["changed"] == 0
    assert got["labels_right"] == 2 and got["neutral_right"] == 2 and got["labels_changed"] == 1

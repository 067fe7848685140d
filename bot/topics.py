"""The seed topic taxonomy, `bot/data/topics.json`: the topics of TOPICS with their labels, cue words and
the rules for discovering new ones. Extraction, the services and both front ends read topics here.

Topics admins add or the news brings are rows of the store (`bot/store/topics.py`, `bot/services/topics.py`).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from bot.models import TOPICS


def read_data(name: str) -> dict:
    """One JSON file of `bot/data/`."""
    return json.loads(resources.files("bot.data").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_topics() -> list[dict]:
    """The topic taxonomy from `bot/data/topics.json`, in TOPICS order."""
    topics = {t["id"]: t for t in read_data("topics.json")["topics"]}
    missing = [t for t in TOPICS if t not in topics]
    if missing:
        raise ValueError(f"topics.json lacks topics {missing}")
    return [topics[t] for t in TOPICS]


TOPIC_LABELS: dict[str, tuple[str, str]] = {t["id"]: (t["label_ja"], t["label_en"]) for t in load_topics()}


def discovery_rules() -> dict:
    """How topics are discovered in the news (`topics.json`, section `discovery`)."""
    return read_data("topics.json")["discovery"]

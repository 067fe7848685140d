"""The word lists a question reads, loaded before the first question instead of during it.

`/stance --about` reads JMdict's glosses both ways (an English target's Japanese words, a Japanese verb's English
ones), WordNet's English words, the polarity lexicon and the claims' extractor digest; each is built once a process,
the first time a question needs it. Built there, they were a first question's cost: ~300 ms for the first target
with an English word (the glosses read the other way), ~200 ms for the first target of all (the Japanese words),
~13 ms for the digest (every extraction module hashed) — at 10k articles the two slowest of the bench's fifty
`--about` questions, its p95 in the cold askings that come next. The bot calls `warm_vocabularies` in a worker
thread as it starts (commands/client.py `setup_hook`), the bench as it opens a store; the answers are the same
whenever the lists are built.
"""

from __future__ import annotations

from bot.actors import ActorIndex
from bot.extract.about import about_settings, gloss_candidates, parse_target
from bot.extract.claim_records import extractor_version
from bot.extract.gloss_words import japanese_words, word_glosses
from bot.extract.polarity import evaluation

__all__ = ["WARM_TARGETS", "warm_vocabularies"]

# an English and a Japanese target: parsing and glossing them builds every list a question reads lazily
WARM_TARGETS = ("the trade deal", "停戦合意の撤回")


def warm_vocabularies(actors: ActorIndex) -> None:
    """Build the lists a first `--about` question would build (CPU only: no store is read)."""
    about_settings()
    extractor_version()
    word_glosses()
    japanese_words()
    evaluation("合意に反対する。We oppose the deal.")
    for text in WARM_TARGETS:
        gloss_candidates(parse_target(text, actors, {}))

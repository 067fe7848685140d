"""The word lists a question reads, loaded before the first question instead of during it.

`/stance --about` reads JMdict's glosses both ways (an English target's Japanese words, a Japanese verb's English
ones), WordNet's English words, SudachiDict's synonym groups, the word-vector neighbours, the polarity lexicon and
the claims' extractor digest, the learned position model's weights; each is built once a process, the first time a question needs it. Built there, they
were a first question's cost (cProfile at 10k, load ~3): ~470 ms for the neighbours and ~150 ms for the synonym
groups (the first Japanese target), ~300 ms for the glosses read the other way (the first target with an English
word), ~200 ms for the Japanese words, ~13 ms for the digest (every extraction module hashed) — the slowest of the
bench's fifty `--about` questions, and so its p95. The bot calls `warm_vocabularies` in a worker
thread as it starts (commands/client.py `setup_hook`), the bench as it opens a store; the answers are the same
whenever the lists are built.

Once built, the lists are most of the process's heap: ~440,000 of the ~510,000 objects the cyclic garbage collector
tracks at 10k. Each full collection walked them all again (13 in the bench's query run, each ~100 ms of CPU at
load 15, landing inside whichever question was running: the quote p95's CPU). They live as long as the process, so
`warm_vocabularies` ends by moving everything alive to the collector's permanent generation (`gc.freeze`, after one
collection so no garbage is kept): later full collections walk only what questions allocate (bench.kept at 10k, load
15, two runs each: quote CPU p95 89 and 78 ms frozen, 113 and 104 ms not).
"""

from __future__ import annotations

import gc

from bot.actors import ActorIndex
from bot.extract.about import about_settings, add_related, gloss_candidates, head_synonyms, parse_target, phrase_glosses
from bot.extract.claim_records import extractor_version
from bot.extract.gloss_words import japanese_words, word_glosses
from bot.extract.lexicon import neighbours, synonym_groups, synonyms_of
from bot.extract.polarity import evaluation
from bot.extract.position_model import load_model
from bot.services.quote_lang import japanese_concepts

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
    synonym_groups()
    synonyms_of(WARM_TARGETS[1][:2])  # and the groups by word (`lexicon._groups_of`), which /quote's gist reads
    neighbours()
    for text in WARM_TARGETS:
        target = parse_target(text, actors, {})
        gloss_candidates(target)
        phrase_glosses(target)
        add_related(target)
        head_synonyms(text)
    japanese_concepts(WARM_TARGETS[1], actors)  # a Japanese target said in English (`stance_about.said_in_english`)
    load_model()  # the learned position model's weights (`stance_about._read` revises each position shown)
    gc.collect()
    gc.freeze()

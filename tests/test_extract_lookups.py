"""Work extraction keeps or looks up faster gives what the plain way gave (bench/extraction_dump.py checks the whole
extraction of every story; these name the pieces)."""

from __future__ import annotations

import random
import re
from collections import deque
from pathlib import Path

from bot.actors import ActorIndex
from bot.extract import attribution_en
from bot.extract.attribution_en import attribute_en, sentences
from bot.extract.attribution_ja import _title_at
from bot.extract.clause_readings import ClauseReadings
from bot.extract.event_words import is_english
from bot.extract.quotemarks import quote_bounds
from bot.extract.roles import anonymous_head, org_suffix, vocabulary
from bot.extract.stance import _State
from bot.ingest.parse import parse_document

STORIES = Path(__file__).resolve().parent.parent / "eval" / "stories"


def _english_contexts() -> list[str]:
    out = []
    for path in sorted(STORIES.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        if len(re.findall("[A-Za-z]", text)) > 5 * len(re.findall("[\u3040-\u30ff\u4e00-\u9fff]", text)):
            out.append("\n".join(p.text for p in parse_document(text, name=path.name).passages))
    return out[:6]


def test_english_speakers_are_the_same_in_any_order_of_asking(actors: ActorIndex) -> None:
    """attribute_en goes on with the walk of the last context asked about: asked for the sentences of several
    items in a shuffled order, each answer is the one a walk of its own gives."""
    asks = [(ctx, a) for ctx in _english_contexts() for a, _ in sentences(ctx)]
    fresh = {}
    for ctx, at in asks:
        attribution_en._walks.last = None
        fresh[ctx, at] = attribute_en(ctx, at, at + 1, actors)
    assert sum(v is not None for v in fresh.values()) > 20
    random.Random(7).shuffle(asks)
    asks += sorted(asks[: len(asks) // 2], key=lambda x: (x[0], -x[1]))  # later sentences first, then earlier ones
    for ctx, at in asks:
        assert attribute_en(ctx, at, at + 1, actors) == fresh[ctx, at]
        passage = ctx[at : ctx.find("\n", at) if "\n" in ctx[at:] else len(ctx)]  # asked through a passage too
        assert attribute_en(passage, 0, 1, actors, context=ctx) == fresh[ctx, at]


def test_vocabulary_lookups_give_what_a_scan_of_the_lists_gives() -> None:
    v = vocabulary()

    def scanned_anonymous(head: str) -> str | None:
        return next((a for a in v.ja_anonymous if head.endswith(a) and (len(head) > len(a) or len(a) >= 2)), None)

    def scanned_org(head: str) -> str | None:
        return next((s for s in v.ja_org_suffixes if head.endswith(s) and len(head) > len(s)), None)

    def scanned_title(text: str) -> str | None:
        return next((t for t in v.ja_titles if text.startswith(t)), None)

    words = set(v.ja_anonymous) | set(v.ja_org_suffixes) | set(v.ja_titles)
    phrases = {f for w in words for f in (w, "米" + w, "政府" + w, w[1:], w[:-1], w + "は", "同" + w + "代表")}
    found = [0, 0, 0]
    for phrase in sorted(phrases):
        assert anonymous_head(phrase) == scanned_anonymous(phrase), phrase
        assert org_suffix(phrase) == scanned_org(phrase), phrase
        assert _title_at(phrase) == scanned_title(phrase), phrase
        for i, got in enumerate((anonymous_head(phrase), org_suffix(phrase), _title_at(phrase))):
            found[i] += got is not None
    assert all(found)


def test_a_clause_reading_key_is_the_state_whatever_its_containers_hold() -> None:
    a, b = _State(item_context="ctx"), _State(item_context="ctx")
    for state in (a, b):
        state.orgs.extend([3, 4])
        state.bodies[5] = 6
    assert ClauseReadings.key(1, a, None, True) == ClauseReadings.key(1, b, None, True)
    b.orgs.append(7)
    assert ClauseReadings.key(1, a, None, True) != ClauseReadings.key(1, b, None, True)
    b.orgs = deque([[3], {4}])  # type: ignore[list-item]  # containers inside: frozen one by one
    a.orgs = deque([[3], {4}])  # type: ignore[list-item]
    assert ClauseReadings.key(1, a, None, True) == ClauseReadings.key(1, b, None, True)
    assert hash(ClauseReadings.key(1, a, None, True))


def test_a_kept_reading_hands_on_copies_of_the_state_it_left() -> None:
    """keep() and take() copy the state's containers (and hand its plain values on as they are): a later change
    of the reader's state, or of the state a reading was taken into, never reaches what is kept."""
    readings, state = ClauseReadings(), _State(item_context="ctx", carry=4, heading="h")
    state.orgs.extend([3, 4])
    state.bodies[5] = 6
    key = ClauseReadings.key(1, state, None, True)
    readings.keep(key, "clauses", state)
    state.orgs.append(9)
    state.bodies[7] = 8
    for _ in range(2):
        into = _State()
        assert readings.take(key, into) == "clauses"
        assert (list(into.orgs), into.bodies, into.carry, into.heading) == ([3, 4], {5: 6}, 4, "h")
        assert into.orgs.maxlen == state.orgs.maxlen
        into.orgs.append(1)  # the next take is not changed by it
        into.bodies.clear()


def test_is_english_counts_as_its_definition() -> None:
    """is_english stops counting Japanese letters once they are too many: the same answer as counting them all."""
    def reference(text: str) -> bool:
        ja = len(re.findall("[\u3040-\u30ff\u4e00-\u9fff]", text))
        latin = len(re.findall("[A-Za-z]", text))
        return latin > 0 and ja < latin * 0.2

    rng = random.Random(7)
    texts = ["", "NATO", "NATOは", "Ishiba said 石破", "石破茂首相は", "abcde" + "あ", "abcdefghij" + "あい"]
    texts += ["".join(rng.choice("abcXYZ あア亜,.1") for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for text in texts:
        assert is_english(text) == reference(text), text


def _scanned_quote_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """quote_bounds as it was written first: a walk over every character."""
    stack: list[int] = []
    for i, ch in enumerate(text):
        if i >= start and (stack or ch not in "「『"):
            break
        if ch in "「『":
            stack.append(i)
        elif ch in "」』" and stack:
            stack.pop()
    if not stack:
        return None
    depth = 0
    for j in range(stack[0], len(text)):
        if text[j] in "「『":
            depth += 1
        elif text[j] in "」』":
            depth -= 1
            if depth == 0:
                return (stack[0], j + 1) if j + 1 >= end else None
    return (stack[0], len(text))


def test_quote_bounds_from_the_marks_alone_are_the_walks() -> None:
    """quote_bounds visits the quotation marks only (a regex's scan): the same answer as the walk over every
    character for any text and span — nested, unclosed and stray closing marks, a span at, before or past a mark."""
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice("あ国「」『』") for _ in range(rng.randint(0, 12)))
        start = rng.randint(-1, len(text) + 1)
        end = rng.randint(start - 1, len(text) + 2)
        assert quote_bounds(text, start, end) == _scanned_quote_bounds(text, start, end), (text, start, end)
    text = "首相は「『防衛』を強化する」と述べた。「閉じない"
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert quote_bounds(text, start, end) == _scanned_quote_bounds(text, start, end)

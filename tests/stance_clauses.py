"""Each actor's clause texts over some passages of a test's own: what the stance rules give whom."""

from __future__ import annotations

from bot.actors import ActorEntry, ActorIndex
from bot.extract.stance import Claim, extract_claims, position_toward
from bot.ingest.parse import parse_document
from bot.models import ParsedPassage


def clause_texts(actors: ActorIndex, *texts: str) -> dict[int, list[str]]:
    """actor id → the texts of its clauses, each text one body passage."""
    passages = [ParsedPassage(t, None, None, None, None, None, "body") for t in texts]
    out: dict[int, list[str]] = {}
    for c in extract_claims(passages, actors):
        out.setdefault(c.actor_id, []).append(c.text_of(texts[c.passage])[c.lo : c.hi])
    return out


def article_clause_texts(actors: ActorIndex, article: str) -> dict[int, list[str]]:
    """actor id → the texts of its clauses over an article's passages as ingest cuts them (a label line above a
    quote is a passage of its own)."""
    passages = parse_document(article, name="article.txt").passages
    out: dict[int, list[str]] = {}
    for c in extract_claims(passages, actors):
        out.setdefault(c.actor_id, []).append(c.text_of(passages[c.passage].text)[c.lo : c.hi])
    return out


# one speaker no test sentence names: a reported clause is read with no actor of its own in it
ONE_SPEAKER = ActorIndex([ActorEntry(-2, "山川", None, "person", ["山川一郎"], None)])


def position_of(text: str, target: str, actors: ActorIndex = ONE_SPEAKER) -> str:
    """The position a reported clause that is the whole of `text` takes toward `target` (which it must name)."""
    at = text.find(target)
    assert at >= 0
    claim = Claim(0, -1, 0, 0, len(text), "reported", (), "")
    return position_toward(text, claim, [(at, at + len(target))], actors)[0]

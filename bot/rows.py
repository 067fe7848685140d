"""The rows extraction derives from one document, as the store writes them (no extraction code here).

`bot/extract/` fills them (`document.extract_document`), the store (`bot/store/`) writes them in the
document's one transaction; neither imports the other for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class EventRow:
    passage_seq: int
    date: str
    precision: str
    summary: str
    background: bool
    actor_ids: list[int]
    topics: list[str]
    weight: float = 1.0
    tokens: list[str] = field(default_factory=list)  # content words, for clustering
    persons: list[int] = field(default_factory=list)  # person actor ids, for clustering
    names: list[str] = field(default_factory=list)  # names of people and places in Latin letters, for clustering
    report: bool = False  # dated by its report (a headline): the event may be the day before
    alt: str | None = None  # the same moment's date in the other time zone (「16日（日本時間17日）」), for clustering
    act: list[str] = field(default_factory=list)  # the kind of its main act (~say, ~downgrade), for clustering
    acts: list[str] = field(default_factory=list)  # every act and event word it names outside quotes, for clustering
    subject: list[str] = field(default_factory=list)  # the nouns of its topic (「イランは…」), for clustering
    people: list[str] = field(default_factory=list)  # its persons' names as written (Lekhak, レカク), for clustering
    theme: list[str] = field(default_factory=list)  # the happening its topic names (「就任式は」), for clustering
    retold: list[str] = field(default_factory=list)  # the happening its day names (「15日の戦闘」), for clustering
    doer: list[str] = field(default_factory=list)  # the person its sentence tells as its doer, for clustering
    hour: list[str] = field(default_factory=list)  # the act it tells at a clock time (`hour_told`), for clustering
    scene: list[str] = field(
        default_factory=list
    )  # the happening its opening 「13日の会合で、」 tells it at, for clustering
    ref: list[str] = field(
        default_factory=list
    )  # its topic naming a person again (同氏, 首相, 平氏): `events.named_again`
    titled: list[str] = field(
        default_factory=list
    )  # the titles its persons are named with (岸田文雄首相: 首相), for clustering
    # a Japanese sentence read for no topic at all (a clause or a connective before its doer's name): `restated_by_its_doer`
    topicless: bool = False
    aside: bool = False  # background told in passing (`events.aside_month`): written only when it joins a cluster


@dataclass(slots=True)
class StatementRow:
    passage_seq: int
    actor_id: int
    topic: str
    position: str
    text: str
    date: str | None
    kind: str


@dataclass(slots=True)
class NewActor:
    name: str
    aliases: list[str]
    kind: str = "person"
    description: str | None = None
    name_en: str | None = None


@dataclass(slots=True)
class ClaimsRow:
    """A document's claims as stored (bot/extract/claim_records.py): the extractor's version, the registry
    generation its index knew (`ActorIndex.generation`: actors and aliases learned after it may change the claims),
    the records (zlib-compressed JSON; the document's own new actors under provisional ids -1, -2, …)."""

    version: str
    actors_known: int
    records: bytes


@dataclass(slots=True)
class Extraction:
    content_hash: str
    tokens: list[str]  # per passage, aligned with parsed.passages
    mentions: list[list[int]]  # actor ids per passage
    events: list[EventRow] = field(default_factory=list)
    statements: list[StatementRow] = field(default_factory=list)
    new_actors: list[NewActor] = field(default_factory=list)
    claims: ClaimsRow | None = None  # every actor clause, for /stance --about (None: extracted at query time)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a document comes from, written in the document's own transaction: who added it, for which server
    (None: shared by every server), and whether it is announced (a quiet one, such as a feed's first poll, is
    stored without any digest listing it)."""

    added_by: str | None = None
    guild_id: int | None = None
    quiet: bool = False

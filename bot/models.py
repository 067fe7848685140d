"""Plain dataclasses passed between ingestion, the store, the services and the front ends.

Nothing here knows about Discord, SQL or the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

from bot.user_errors import UserError

Precision = Literal["day", "month", "year"]
Position = Literal["support", "oppose", "conditional", "neutral"]

TOPICS: tuple[str, ...] = (
    "ceasefire",
    "peace_talks",
    "minerals",
    "military_aid",
    "security_guarantees",
    "nato",
    "peacekeeping",
    "territory",
    "sanctions",
    "defense_spending",
    "prisoners",
)
POSITIONS: tuple[str, ...] = ("support", "oppose", "conditional", "neutral")


# --- what ingestion produces -------------------------------------------------------------


@dataclass(slots=True)
class ParsedPassage:
    """One unit a single citation covers, as the parser cut it."""

    text: str
    url: str | None = None  # the original outlet's URL the article cites for this passage
    outlet: str | None = None
    date: str | None = None  # ISO date of the passage's dated heading, if any
    heading: str | None = None  # the item/section heading it sits under
    default_speaker: str | None = None  # speaker the heading attributes the item to (…＝ラブロフ外相)
    kind: str = "prose"  # prose | bullet | heading | label | caption | title (a plain article's headline)


@dataclass(slots=True)
class ParsedDocument:
    """A source after parsing, before extraction and storage."""

    name: str  # file name, or URL for web sources
    title: str
    passages: list[ParsedPassage]
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date
    language: str = "ja"
    origin: str = "file"  # seed | file | upload | text | url | feed
    author: str | None = None
    raw_text: str = ""


# --- what the services return -------------------------------------------------------------


@dataclass(slots=True)
class SourceRef:
    document: str  # document name (file name, or URL for web sources)
    url: str | None  # cited original outlet URL (falls back to the document's own URL)
    outlet: str | None
    document_id: int | None = None
    title: str | None = None
    date: str | None = None


@dataclass(slots=True)
class QuoteMatch:
    score: float  # 0–100
    text: str  # the whole passage
    span: tuple[int, int]  # matched span, character offsets into text
    speaker: str | None
    date: str | None
    sources: list[SourceRef]
    passage_id: int = 0

    @property
    def matched(self) -> str:
        return self.text[self.span[0] : self.span[1]]

    def excerpt(self, width: int = 30) -> tuple[str, str, str]:
        """(up to `width` characters before the match, the match, up to `width` after), "…" where cut."""
        s, e = self.span
        before = self.text[max(0, s - width) : s]
        after = self.text[e : e + width]
        return ("…" if s > width else "") + before, self.text[s:e], after + ("…" if e + width < len(self.text) else "")


@dataclass(slots=True)
class DocumentInfo:
    id: int
    name: str
    title: str
    url: str | None
    outlet: str | None
    published: str | None
    language: str
    origin: str
    added_at: str
    passages: int
    events: int = 0
    statements: int = 0
    outlets: list[str] = field(default_factory=list)
    cited_urls: list[str] = field(default_factory=list)
    guild_id: int = 0  # the server it belongs to; 0: shared (the seeds, the command line's)


@dataclass(slots=True)
class IngestResult:
    status: Literal["added", "duplicate", "error"]
    name: str
    document_id: int | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    passages: int = 0
    events: int = 0
    statements: int = 0
    new_actors: list[str] = field(default_factory=list)
    reason: str | None = None  # why it was not added
    duplicate_of: int | None = None
    error: UserError | None = None  # the reason as a code and parameters, shown in the reader's language

    @classmethod
    def refused(cls, name: str, error: UserError) -> IngestResult:
        """A refusal: the English reason (logs, --json, counts by kind) and the error to show readers."""
        return cls("error", name, reason=str(error), error=error)

    @classmethod
    def refused_because(cls, name: str, code: str, /, **params: Any) -> IngestResult:
        return cls.refused(name, UserError(code, **params))

    @classmethod
    def duplicate(cls, name: str, of: int | None, earlier: str | None = None) -> IngestResult:
        """Already stored as document `of`, or (`of` None) the same as `earlier` in the same run."""
        error = UserError("ingest.already_stored", id=of) if of is not None else UserError("ingest.same_in_run", earlier=earlier)
        return cls("duplicate", name, reason=str(error), duplicate_of=of, error=error)


@dataclass(slots=True)
class ActorInfo:
    id: int
    name: str  # canonical Japanese name, e.g. ゼレンスキー
    name_en: str | None
    kind: str  # person | state | body
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    statements: int = 0


@dataclass(slots=True)
class TimelineEvent:
    date: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: Precision
    summary: str
    actors: list[str]
    topics: list[str]
    sources: list[SourceRef]
    background: bool = False  # a date outside the story's own period (1945, 1991 …)
    id: int = 0
    sources_total: int = 0  # sources reporting it, when more than `sources` lists (a page lists the first few)

    @property
    def more_sources(self) -> int:
        return max(0, self.sources_total - len(self.sources))


@dataclass(slots=True)
class Statement:
    actor: str
    topic: str | None  # None: a statement found for a target named in free text (StanceReport.about)
    position: Position
    text: str  # the actor's own clause or quote
    date: str | None
    sources: list[SourceRef]
    kind: str = "reported"  # quote | reported
    passage_id: int = 0
    id: int = 0
    # how a --about statement was found: None, it names the target; "report": it names none of it, and was read as
    # a reaction to the story of a report about the target (ranked after the others)
    via: str | None = None


@dataclass(slots=True)
class TopicStance:
    topic: str
    latest: Position
    latest_date: str | None
    statements: int
    changed: bool  # the position shifted over time
    history: list[tuple[str | None, Position]] = field(default_factory=list)  # (date, position), oldest first


@dataclass(slots=True)
class StanceReport:
    actor: ActorInfo
    topics: list[TopicStance]
    statements: list[Statement]  # newest first: all of them, or one page
    total: int = -1  # statements in all (-1: as many as listed)
    offset: int = 0  # where the listed statements start
    about: str | None = None  # the target named in free text, when the report is about one

    def __post_init__(self) -> None:
        if self.total < 0:
            self.total = len(self.statements)


@dataclass(slots=True)
class FeedTrouble:
    """A feed whose items kept failing in a digest's period (the digest says so)."""

    feed_id: int
    feed: str  # its title, else its address
    url: str
    failed: int  # items that failed in the period
    stored: int  # items stored in the period
    last_error: str | None  # "title: reason" of the latest failed item


@dataclass(slots=True)
class TopicInfo:
    """A topic /stance can be asked about: a seed topic, one an admin added, or one found in the corpus."""

    id: str
    label: str  # the name shown (an admin's rename, else the seed label or the phrase found)
    label_en: str | None
    cues: list[str]
    origin: str  # seed | admin | discovered
    documents: int = 0  # discovered: how many documents name it
    guild_id: int = 0  # the server whose topic it is; 0: shared (a seed topic, or the command line's)


@dataclass(slots=True)
class Digest:
    since: str  # ISO datetime
    until: str
    sources: list[DocumentInfo]
    events: list[TimelineEvent]
    statements: list[Statement]
    feed_troubles: list[FeedTrouble] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.sources or self.events or self.statements)


def to_jsonable(obj: Any) -> Any:
    """Dataclasses (nested) to JSON-ready dicts; tuples to lists.

    One walk: each field's value is converted as it is read. `asdict` first (a deep copy of every field, every
    nested dataclass made a dict) and a second walk over its dicts gave the same JSON at about twice the CPU —
    the JSON of every `--json` answer, a stance report's hundreds of statements and claims."""
    if hasattr(obj, "__dataclass_fields__"):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, UserError):
        return {"code": obj.code, "params": to_jsonable(obj.params)}
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj

"""Dated events: the clause that carries each date a passage states, with its actors and topics.

One sentence may hold several events (「2月12日の…電話会談と、同日の…発言、…2月17日の発表、…」): it is
cut at the comma before each date, outside quotes. Headings, photo captions and publication stamps
are not events. Whether two events (from two outlets, say) are the same is decided by `same_event`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from bot.actors import ActorIndex, Mention
from bot.extract.actions import acts, incident_act, names_an_incident
from bot.extract.body_names import other_names
from bot.extract.dates import REFERS_BACK, SAME_DAY, DateContext, DateMention
from bot.extract.event_match import (  # noqa: F401 - whether two events are one has its own module; re-exported
    BODY_PREFIX,
    DIFFERENT,
    EventSets,
    apart_in_one_article,
    bridge_names,
    compared_widely,
    cross_words,
    event_sets,
    people_named,
    same_event,
    same_event_sets,
)
from bot.extract.event_words import (
    CONCEPT_PREFIX,
    NUMBER_PREFIX,
    english_words,
    event_terms,
    is_english,
)
from bot.extract.hour_told import hour_told
from bot.extract.plans import (
    ends_in_a_plan,
    milestone_ahead,
    own_verb_ahead,
    reads_future,
    said_ahead,
)
from bot.extract.retold_english import retold_in_english
from bot.extract.romaji import name_key, name_skeleton, romanize, short_skeleton
from bot.extract.segments import (
    context_spans,
    dateline_end,
    dates_a_report,
    dates_the_subject,
    english_sentences,
    is_event_date,
    other_zone_date,
    segments,
    starts_a_span,
    trim_tail,
)
from bot.extract.speakers import mask_quotes
from bot.extract.stance import topics_of
from bot.extract.timeofday import has_past_verb, reads_done, time_of_day
from bot.models import ParsedPassage
from bot.rows import EventRow
from bot.text import normalize, nouns, proper_noun_readings, split_sentences, word_ends

MAX_SUMMARY = 160
BACKGROUND_DAYS = 400  # an event this long before its report is background (1945, 1991 …)
_SKIP_KINDS = {"heading", "caption", "title"}
_DATELINE_RE = re.compile(r"^\s*\[[^\]]{0,60}\]\s*[-－―—]?\s*")
_LEADING_RE = re.compile(r"^[、,\s]+|^(?:だが|また|一方|さらに|しかし|ただし)[、,]?\s*")
# A hedge is not a fact: 「…軟化させた可能性がある」 did not (yet) happen.
_SPECULATION_RE = re.compile(
    r"(?:可能性が(?:ある|高い)|かもしれない|とみられる|と見られる|のではないか|だろう)[。．.]?$"
    r"|\b(?:is|are) (?:expected|likely) to\b"  # an expectation (「…とみられる」 in English)
    r"|(?:見通し|見込み)(?:だ|です)[。．.]?$"  # and in Japanese (「…意見を交わす見通しです」; not 「見通しを示した」)
    r"|(?:ていきます|ていきましょう|ましょう|てみます|てみましょう|ていきたいと思います|ておきます)[。．.]?$"  # the author's own plan
)
# nor what is not known yet (「邦人の被害は確認されていない」「出火原因は分かっていません」); not a clause that goes on
# from a happening of its own (「17日午後に通知があり、新たな公開時期は決まっていない」): a whole summary with no comma
# but one after an opening によると. Written `(?:X*によると,)?X*` rather than `X*(?:によると,)?X*` (the same strings):
# two runs of one class side by side are tried at every split of the clause, ~n² steps for a summary that does not
# end so (~2 ms for 86 characters, most of an event's candidate's checks); and only tried on a summary that holds
# いない or いません, which every match ends with.
_NOT_KNOWN_RE = re.compile(
    r"^(?:[^、，,]*によると[、，,])?[^、，,]*(?:(?:確認|把握|特定)されて|(?:分|わ)かって|明らかになって)(?:は)?(?:いない|いません)"
    r"(?:という|とされる)?[。．.]?$"
)


def speculates(summary: str) -> bool:
    """Whether a summary hedges (「…可能性がある」), tells what is not known yet or the author's plan: no event."""
    if _SPECULATION_RE.search(summary):
        return True
    return ("いない" in summary or "いません" in summary) and _NOT_KNOWN_RE.search(summary) is not None


# What did not happen is no event (「…には触れなかった」「…は確認されませんでした」) — unless a done clause comes before
# it, 「…と会談したが、合意には至らなかった」「…を採決しましたが、60票に届きませんでした」: the happening told, and its outcome
_NOT_DONE_END_RE = re.compile(r"(?:なかった|ませんでした)[。．.]?$")
_DONE_BUT_RE = re.compile(r"(?:た|ました)が[、，]")
_HAD_BEEN_TAIL = ("てい", "でい", "ていまし", "でいまし")  # 「出席していたが、」: what had been, not the day's act


def _not_done(summary: str) -> bool:
    """Whether a Japanese summary tells only what did not happen (`_NOT_DONE_END_RE`), with no done act before it."""
    if not _NOT_DONE_END_RE.search(summary):
        return False
    done = [m for m in _DONE_BUT_RE.finditer(summary) if not summary[: m.start()].endswith(_HAD_BEEN_TAIL)]
    return not done


# The author's question (「2月には決裂したはずの協定が、なぜまとまったのか。」), its quotes masked: no happening told.
# A clause that ends before any predicate: on a time (「アメリカ国内では東部時間の18日午後10時半ごろ」, the first half of a
# sentence split at its second date), a span's end (「期間は同日から来年3月3日まで。」) or a record's count (「…して以来、
# 約3カ月ぶり。」). It says when or how long, not what was done: no event.
# So does one that ends on the hour of its day (「オープンAIは日本時間の22日午後、現地時間では21日夜に…投稿し」 cut at its
# second date, 「投稿は米西部時間19日深夜(日本時間20日夕)。」): the time of a happening told in the other half, or before.
_NO_PREDICATE_RE = re.compile(
    r"(?:ごろ|頃|まで|ぶり|以来|[0-9０-９]日(?:の)?(?:午前|午後|未明|深夜|早朝|朝|夜|夕方?|昼(?:すぎ|過ぎ|前)?|正午(?:すぎ|過ぎ)?))"
    r"(?:\s*[(（][^()（）]{1,30}[)）])?[」』）)]*[。．]?\s*$"
)
_QUESTION_RE = re.compile(r"(?:のか|のでしょうか|だろうか)(?:[。．？?]|$)")
# A sentence that ends on the question a party was asked (「…記者団から…受け止めを問われました。」)
_ASKED_RE = re.compile(r"(?:問われ|質問を受け|尋ねられ)(?:た|ました)[。．]?$")
# An English sentence whose subject is the day itself, judged ("That night remains…", "That day was…"): no happening.
_DAY_JUDGED_RE = re.compile(
    r"(?:That|This|The) (?:night|day|morning|afternoon|evening|weekend)(?:, [^,]{1,24},)?"
    r" (?:remains|remained|is|was|will be|has been|had been|became|proved)\b"
)
_MARKDOWN_HEADING_RE = re.compile(r"\s*#{1,6}\s")  # 「## 1月27日:活動がスタート」: a section's heading, context
# 「■ 8月2日～6日：暴落と急反発」: a marked section heading (no sentence of its own), an event only when the section does
# not tell that day itself
_MARKED_HEADING_RE = re.compile(r"\s*[■◆◇□▽▼](?=[^。．]*$)")
_PAST_BEFORE_END_RE = re.compile(r"(?:ていた|ていました|ばかりだった|ばかりでした|ところだった)[。．]?$")
# A clause told as a state that holds or a course that ran up to the report (「…亡くなっています」「…廃止されているという」
# 「…落選を重ねてきた」): of a day long before the report, the story's background, not its news.
_STATE_END_RE = re.compile(r"(?:ている|ています|ておる|てきた|てきました|てきている)(?:という|とされる)?[。．]?$")
_STAMP_TAIL_RE = re.compile(r"\s*[(（][^()（）]*\d{4}\s*年[^()（）]*[)）]\s*$")
# The reporter's credit closing an article's last paragraph (「…投開票される。【山田奈緒】」): not the sentence's, whose
# end (its tense: a plan or a happening) is before it.
_CREDIT_TAIL_RE = re.compile(r"(?<=[。．」』])\s*【[^】。]{1,20}】\s*$")
_BUT_END_RE = re.compile(r"(?<=た)が[、，,]\s*$")
_STOP_TOKENS = {
    "こと",
    "もの",
    "ため",
    "よう",
    "同日",
    "前日",
    "翌日",
    "今年",
    "昨年",
    "先月",
    "来週",
    "先週",
    "大統領",
    "首相",
    "長官",
    "氏",
    "政府",
    "政権",
    "両国",
    "関係者",
    "発表",
    "表明",
    "コメント",
    "見解",
    "大臣",
    "農相",
    "外相",
    "知事",
    "代表",
    "会長",
    "社長",
    "議長",
    "委員長",
    "午前",
    "午後",
    "時間",
    "東部",
    "現地",
    "未明",
}


@dataclass(frozen=True, slots=True)
class EventFeatures:
    """What clustering compares: content words, the people involved, and the names (people, places) in
    Latin letters, which a Japanese and an English report share."""

    tokens: frozenset[str]
    persons: frozenset[int]
    names: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()  # its persons' names as written, in their own script (`people_named`)


def _iso(value: str | None) -> dt.date | None:
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def trim_summary(text: str, limit: int = MAX_SUMMARY) -> str:
    """At most `limit` characters, cut at a clause boundary (never mid-word), with … when cut."""
    text = text.strip().rstrip("、,")
    if len(text) <= limit:
        return text
    window = text[: limit - 1]
    cut = max(window.rfind("、"), window.rfind("。"), window.rfind("，"))
    if cut < limit // 3:  # no clause boundary near the end: cut between words
        ends = [e for e in word_ends(text) if e <= limit - 1]
        cut = ends[-1] if ends else limit - 1
    return window[:cut].rstrip("、,，") + "…"


def event_features(
    summary: str, actors: ActorIndex, mentions: list[Mention] | None = None, words: list[str] | None = None
) -> EventFeatures:
    """Features of a summary; `mentions` and `words` are its actor mentions and nouns() when known.

    Tokens: the content words (English ones read from the text when it is an English report), minus
    names and words every report has, plus the language-free concepts they name (~meeting for 会談/talks).
    """
    mentions = actors.mentions(summary) if mentions is None else mentions
    words = english_words(summary) if is_english(summary) else nouns(summary) if words is None else words
    persons = frozenset(m.actor_id for m in mentions if actors.actors[m.actor_id].kind == "person")
    names = {_name_form(summary[m.start : m.end]) for m in mentions} | {_name_form(m.name) for m in mentions}
    names |= {w.lower() for m in mentions for w in english_words(summary[m.start : m.end])}
    kept = [t for t in words if t not in _STOP_TOKENS and t not in names]
    if is_english(summary):
        latin = [w for w in _CAPITALIZED_RE.findall(summary) if w.lower() not in _NOT_NAMES]
    else:
        latin = [romanize(r) for r in proper_noun_readings(summary)]
    keys = {k for k in map(name_key, latin) if k}
    keys |= {sk for k in keys if (sk := name_skeleton(k))}  # カムチャツカ and Kamchatka: one name in two scripts
    if is_english(summary):  # a name of several words (Abu Dhabi) is one word in katakana (アブダビ): one key too
        keys |= {k for m in _MULTIWORD_RE.finditer(summary) if (k := name_key(m[0]))}
        # a people's adjective names its country as the country's name does ("Venezuelan President" / ベネズエラ,
        # "Indonesian peacekeepers" / インドネシア): the country's key, where its name is long enough for a skeleton
        keys |= {sk for w in latin if w.endswith("an") and (sk := name_skeleton(name_key(w[:-1]) or ""))}
    people = people_named([summary[m.start : m.end] for m in mentions if actors.actors[m.actor_id].kind == "person"])
    return EventFeatures(frozenset(event_terms(kept, summary)), persons, frozenset(keys), people)


# names with their letters' marks (Mazón, Sánchez, González): `name_key` folds the marks away
_CAPITALIZED_RE = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ\u0100-\u017f]{2,}\b")
_MULTIWORD_RE = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ\u0100-\u017f]+(?:[ -][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ\u0100-\u017f]+)+\b")
_NOT_NAMES = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "then",
        "when",
        "what",
        "which",
        "while",
        "after",
        "before",
        "japan",
        "japanese",
        "president",
        "minister",
        "prime",
        "government",
        "ministry",
        "party",
        "officials",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "but",
        "and",
        "also",
        "its",
        "his",
        "her",
        "our",
        "for",
        "with",
        "from",
        "into",
        "over",
        "under",
        "about",
    ]
)


@lru_cache(maxsize=4096)
def _name_form(name: str) -> str:
    return normalize(name)


def extract_events(
    passages: list[ParsedPassage],
    actors: ActorIndex,
    published: str | None,
    known_nouns: Mapping[str, list[str]] | None = None,
) -> tuple[list[EventRow], list[str | None]]:
    """Events of a document, and the resolved date of every passage (for statements).

    An item's dated headline is the report of its event on that date; in an article that cites
    its sources, passages citing nothing are the author's own commentary, not reports.
    `known_nouns`: nouns() of texts already tokenized (the passages), to spare tokenizing them again.
    """
    known_nouns = known_nouns or {}
    ctx = DateContext(_iso(published))
    events: list[EventRow] = []
    passage_dates: list[str | None] = []
    last_day: dt.date | None = None  # the last day the article named as an event's: what its hours are of
    disclosed: set[int] = set()  # events dated only by the day their happening was disclosed
    headings: set[int] = set()  # the passages that are marked section headings
    told_days: set[str] = set()  # the dates of the events told so far
    headline = next((p.text for p in passages if p.kind in ("title", "heading")), "")  # the article's own headline
    for seq, p in enumerate(passages):
        if _MARKED_HEADING_RE.match(p.text):
            headings.add(seq)
        ref = _iso(p.date)
        mentions = ctx.scan(p.text, ref, item=p.kind == "bullet") if p.kind != "caption" else []
        first_day = next((m.value for m in mentions if m.precision == "day"), None)
        passage_dates.append(first_day or p.date or published)
        if p.kind == "heading" and p.date:
            headline = trim_summary(_STAMP_TAIL_RE.sub("", p.text))
            if len(headline) >= 8:
                events.append(_event(seq, p.date, "day", headline, False, 0.9, actors, known_nouns, report=True))
                told_days.add(p.date)
            continue
        if p.kind in _SKIP_KINDS or _MARKDOWN_HEADING_RE.match(p.text):
            continue
        report_date = ref or _iso(published)
        english = is_english(p.text)
        same_day = _same_day_report(last_day, report_date) and p.kind == "prose"
        later = same_day and english  # an English report of its day: what followed, what the disaster did
        same_day = same_day and not english
        if not mentions and (report_date is None or not (same_day or later or time_of_day(p.text, english))):
            continue
        body_start = dateline_end(p.text, english)
        masked = mask_quotes(p.text)
        spans = context_spans(p.text, masked, english)
        usable = [m for m in mentions if is_event_date(m, p.text, spans, body_start, english, report_date)]
        if (
            not usable
            and not body_start
            and (report_date is None or not (same_day or later or time_of_day(masked, english)))
        ):
            continue
        sentences = english_sentences(p.text) if english else split_sentences(p.text)
        lead_date = _dateline_date(mentions, body_start)
        following = {id(a): b for a, b in pairwise(mentions)}
        for k, (s, e) in enumerate(sentences):
            s = max(s, body_start)
            inside = [m for m in usable if s <= m.start < e]
            if not inside and k == 0 and lead_date is not None:
                inside = [lead_date]  # a wire lead with no date of its own happened on its dateline's day
            if not inside:
                hour = _hour_only(masked, s, e, english, last_day or report_date)
                if hour is None and same_day and last_day is not None:
                    hour = _incident_of_the_day(
                        p.text, masked, s, e, last_day, events[0] if events else None, actors
                    ) or _statement_of_the_day(p.text, masked, s, e, last_day, actors, headline)
                if hour is None and later and last_day is not None and not _of_another_month(mentions, s, e, last_day):
                    hour = _later_that_day(masked, s, e, last_day) or _incident_of_the_day(
                        p.text, masked, s, e, last_day, events[0] if events else None, actors, english=True
                    )
                if hour is None:
                    continue
                inside = [hour]
            elif not (not english and _PAST_BEFORE_END_RE.search(mask_quotes(p.text[s:e]).rstrip())):
                # (a day told as what had been, 「7月11日に最高値を付けたばかりだった」, is the background's: the hours
                # after it, 「財務相も夕方、…」, are still of the day the article tells; so is a day ahead whose own verb
                # is still to come, 「22日、…24日に放出を始めることを決めた」: the 22nd stays the day in focus)
                focus = [m for m in inside if m.precision == "day" and not _ahead(m, report_date)]
                if focus:
                    last_day = dt.date.fromisoformat(focus[-1].value)
            if not english and len(inside) > 1:
                # 「1月8日の事件から11カ月となる8日、追悼式が開かれた」: the sentence's own day is the one left when the
                # days its clause only refers to are set aside
                own = [m for m in inside if not _refers_to_an_earlier_happening(m, masked)]
                inside = own or inside
            parts = segments(p.text[s:e], masked[s:e], inside, s, english)
            # (an English announcement goes on into a sentence whose own dates date nothing, 「…had evacuated him … on
            # the evening of Dec. 8」: only a date that may date an event makes it a sentence of its own)
            follow = (
                _english_continuation(p.text, masked, sentences, k, usable)
                if english
                else _continuation(p.text, masked, sentences, k, mentions)
            )
            if follow and (english or len(parts[-1][1]) + len(follow) <= MAX_SUMMARY):  # (an English one is trimmed)
                parts[-1] = (parts[-1][0], parts[-1][1] + follow)
            whole = ""  # the day of the sentence's opener, once it took the whole sentence
            kept: list[int] = []  # the parts that gave an event
            for at, (mention, segment) in enumerate(parts):
                segment = _CREDIT_TAIL_RE.sub("", segment)
                if not english and at + 1 < len(parts):
                    # 「…大筋可決したが、」 cut before its next day: 「…可決した」
                    segment = _BUT_END_RE.sub("", segment)
                if not english and _THIN_DISCLOSURE_RE.search(segment.strip()):
                    # 「…66人がバスで隣国に退避しました。外相がきょう（20日）明らかにしました。」: who told it and when;
                    # what was told is the clause or sentence before, undated, which takes this date
                    told = _told_in_sentence_before(p.text, sentences, k, usable) if at == 0 else ""
                    if not told:
                        continue  # the clause before is dated on its own (「…18日に完了し、同社が19日に発表した」)
                    segment = told + segment.strip()
                    disclosed.add(len(events))  # the index the event will take, if it is kept
                elif len(parts) > 1 and not english and (opener := _bare_opener(segment, mention.text)):
                    # 「農林水産省は21日、10～12日に実施した入札について…を公表した」: the opener's date
                    # is the sentence's own; its predicate is the sentence's last verb
                    if opener == "dangling" and any(m.value == mention.value for m, _ in parts[at + 1 :]):
                        continue  # 「国軍は2日夜、…を通じ、戦闘を同日から…停止すると発表した」: the clause of the
                        # opener's own day told again holds the act
                    segment = p.text[s:e]
                    whole = mention.value
                elif whole and (
                    _ahead_in_openers_sentence(mention, segment, report_date, whole)
                    or mention.value == whole
                    or _names_a_thing(mention, segment)
                ):
                    continue  # (a later day whose verb is still to come, or the opener's own day told again:
                    # 「国軍は2日夜、…を通じ、戦闘を同日から22日まで一時停止すると発表した」 is one event; or a day inside a
                    # clause that names a thing, 「…は3日、5日から予定していた訪中を延期した」: the sentence's verb is the
                    # opener's, and its own day's happening is told where it is the sentence's verb)
                text = trim_tail(_LEADING_RE.sub("", _DATELINE_RE.sub("", segment)))
                summary = trim_summary(_from_date_clause(text, mention.text))
                if not _says_something(summary) or speculates(summary) or _not_done(summary):
                    continue
                unquoted = mask_quotes(summary)  # what the rules below read outside its quotes, masked once
                if not english and _QUESTION_RE.search(unquoted):
                    continue
                if not english and _ASKED_RE.search(unquoted):
                    continue  # 「…大臣は13日の閣議のあとの記者会見で、…受け止めを問われました。」: the question put to a party
                    # is no happening; the answer, told after it, is
                if not english and _NO_PREDICATE_RE.search(unquoted):
                    continue  # 「期間は同日から来年3月3日まで。」「…に停止して以来、約3カ月ぶり。」: no act is told
                if english and _DAY_JUDGED_RE.match(summary):
                    continue  # "That night, Aug. 13, remains the expo's darkest moment": the day judged, no happening
                if not english and _FIGURE_PREDICATE_RE.search(unquoted):
                    continue  # 「初日の来場者は約14万1000人。」「投票率は52.05%だった」: a figure, not a happening
                if _DURATION_RE.search(unquoted) and _told_before(events, mention.value):
                    continue  # 「会談は約1時間半に及んだ」"The meeting lasted five hours": how long the happening told
                    # just before went on, no happening of its own
                if _plan_that_was(unquoted, mention.text, english):
                    continue  # 「停戦は当初、19日午前8時半に始まる予定だった。」"He had been scheduled to fly out on
                    # Friday": what was planned, told in the past; what happened instead is told on its own
                if _planned(mention, segment, report_date, english) or (
                    not english and _plan_ends_its_sentence(mention, segment, p.text, s, e, report_date)
                ):
                    continue  # 「28日に首脳会談の予定」 in an article of the 24th: a plan, not (yet) a happening
                if not english and _plan_named(mention, segment):
                    continue  # 「今月10日に開幕予定だった雪組公演の初日も延期されている」「7日に予定される抗議デモに…呼び掛け
                    # た」: the day of a plan the clause names (called off, or to come), not of anything the clause tells
                if not english and _refers_to_an_earlier_happening(mention, masked):
                    continue  # 「1月8日の事件を受け、政府は警備を強化した」: the day of the happening the clause reacts to,
                    # not of what it tells
                if not english and _date_as_a_value(mention, segment):
                    continue  # 「基準日は6月26日とした。」「来週木曜日の27日は米国の感謝祭に当たる。」: the day is what was set, or
                    # what it is on the calendar, not when anything happened
                if english and _recalled(mention, p.text, report_date):
                    continue
                if not english and _background_month(mention, segment, report_date):
                    continue
                if _later_period(mention, report_date):
                    continue  # 「26年4月から…増税することも盛り込んだ」: a month or year still to come is a plan's time
                if _recap(mention, report_date):
                    continue  # 「袴田さんは80年12月に死刑が確定。」 in a 2024 report: the story's past, by month or year
                if not english and _earlier_month_retold(mention, segment, report_date):
                    continue  # 「文部科学省は昨年3月、教団を…に指定した。」 in an October report: an earlier month's
                    # happening told whole, the story's past
                if (
                    not english
                    and _is_background(mention.value, report_date)
                    and _STATE_END_RE.search(unquoted.rstrip())
                ):
                    continue  # 「喜多川氏は2019年に亡くなっています」「…落選を重ねてきた」: years back, told as a state
                if english and _no_happening_the_same_day(mention, summary, unquoted):
                    continue
                if english and _not_done_en(unquoted):
                    continue  # "Musk offered no explanation beyond a tweet on Tuesday", "…, Bass did not answer directly":
                    # what a party did not do that day, as 「…には触れなかった」 is no event in Japanese
                if _still_going(mention, unquoted, english):
                    continue  # 「首都では20日も空爆が続いた」「花蓮県では4日も余震が相次いだ」"Cross-border fire continued on
                    # Thursday": a state the article told begun goes on that day too, no happening of its own
                if not english and dates_a_report(mention, p.text[s:e], masked[s:e], s):
                    continue  # 「米CNBCテレビは同日、…と報じた」: the day of a report, not of what it reports
                if (
                    _ACCOUNT_OF_RE.match(summary)
                    or _ANONYMOUS_EN_RE.search(summary)
                    or (mention.text in SAME_DAY and _comments_on_it(summary, unquoted))
                ) and mention.value in told_days:
                    continue  # 「同氏によると、…」, "officials familiar with the matter said",
                    # 「両社は同日、…とのコメントを出した」「社長は同日、…記者会見で…と述べた」: an account of, or a party's
                    # word on, a happening of that day the article told (in any paragraph before, not only just before)
                events.append(
                    _event(
                        seq,
                        mention.value,
                        mention.precision,
                        summary,
                        _is_background(mention.value, report_date),
                        1.0 if p.kind == "prose" else 0.8,
                        actors,
                        known_nouns,
                        alt=other_zone_date(mention, p.text, following.get(id(mention))),
                        aside=not english and aside_month(mention, segment, report_date),
                    )
                )
                told_days.add(mention.value)
                kept.append(at)
            if not english and len(parts) > 1 and kept == [0] and _plans_after(parts[1:], report_date):
                events[-1] = _cut_clause_whole(events[-1], p.text[s:e] + follow, parts[0][0], actors, known_nouns)
    events, disclosed = _told_below(events, headings, disclosed)
    return [ev for ev in _dated_by_the_article(events, disclosed) if not no_comment(ev.summary)], passage_dates


# "…did not immediately respond to a request for comment", "declined to comment", "could not be reached for comment":
# a party's silence asked for, the wire's closing line on its report, not a happening
_NO_COMMENT_EN_RE = re.compile(
    r"\b(?:did not|didn't|could not|couldn't)\s+(?:immediately\s+)?(?:respond|reply|return|be reached)\b"
    r"|\b(?:declined|refused)\s+to\s+comment\b|\bhad no immediate comment\b"
    r"|\bwas not immediately available for comment\b",
    re.IGNORECASE,
)
# another clause joined before it tells a happening of its own ("Toyota recalled …; Honda declined to comment")
_JOINED_CLAUSE_RE = re.compile(r";|,\s+(?:and|but|while)\s|\s(?:and|but)\s+\w+\s+(?:said|says)\b")


def no_comment(summary: str) -> bool:
    """Whether an English summary tells only that a party declined to comment or did not respond."""
    if not is_english(summary):
        return False
    m = _NO_COMMENT_EN_RE.search(mask_quotes(summary))
    return m is not None and not _JOINED_CLAUSE_RE.search(summary[: m.start()])


_DATE_TIME_RE = re.compile(
    r"[0-9０-９]+\s*(?:年|月|日|時|分|秒)|[0-9]{1,2}:[0-9]{2}|午前|午後|未明|(?:日本|現地)時間|[\W_]",
)


def _ahead(mention: DateMention, report: dt.date | None) -> bool:
    """A day after the report's ("proposed direct negotiations in Istanbul on May 15" in a report of the 11th, 「24日に
    放出を始めることを決めた」, 「今月18日に…「聴聞」を行ったうえで、正式に処分を決める方針です」): what follows is told in
    the report's day, not in a day still to come — an hour told after it (「林官房長官は午後の記者会見で…述べました」)
    is the report's day's (in Japanese this once asked for the day's own verb to be still to come, and a plan told in
    a past form, 〜たうえで…方針です, lent its day to the next sentence's hour)."""
    return report is not None and mention.value > report.isoformat()


def _dateline_date(mentions: list[DateMention], body_start: int) -> DateMention | None:
    """The day a dateline gives (「[ワシントン 12日 ロイター] -」, 「TOKYO, Aug 14 (Reuters) -」)."""
    return next((m for m in mentions if m.start < body_start and m.precision == "day"), None)


_ANONYMOUS_EN_RE = re.compile(
    r"\b(?:familiar with the|declined to be (?:named|identified)|on condition of anonymity|not authori[sz]ed to)\b"
)
# A sentence whose predicate is a figure about its topic (「…の来場者は関係者込みで約14万1000人。」「損失は約3億円だった」
# 「参加者は計2万人に上った」): a count, not a happening; 「…は21万トンを放出した」 has a verb of its own.
_FIGURE_PREDICATE_RE = re.compile(
    r"は[^。、「」]{0,16}?(?:約|およそ|計|延べ|推計)?[0-9０-９][0-9０-９,，.]*\s*(?:万|千|億)?[0-9０-９,，.]*\s*"
    r"(?:人|件|棟|戸|円|ドル|トン|%|％|台|社|世帯|票|議席)(?:余り|超|以上|近く|程度|ほど)?"
    r"(?:だった|でした|です|だ|に(?:上|のぼ)った|に(?:上|のぼ)りました|に達した|に達しました)?[。．]?$"
)
_REACTION_RE = re.compile(r"(?:コメント|談話)(?:を(?:出|発表|公表)|で)")
_PRESS_RE = re.compile(r"(?:記者会見|会見|記者団)")
_CABINET_PRESS_RE = re.compile(r"閣議後")  # 「…相は同日の閣議後記者会見で」: a minister's regular briefing


def _comments_on_it(summary: str, masked: str) -> bool:
    """A comment or a word said to the press (「…とのコメントを出した」「記者会見で…と述べた」) — not a minister's word at
    the regular briefing after a cabinet meeting (「国交相は同日の閣議後記者会見で、「…極めて遺憾だ」と述べた」): the
    government's stand, told at an occasion of its own (ten gold cases of nine stories hold it). `masked`: the
    summary with its quotes masked."""
    return bool(_REACTION_RE.search(summary)) or (
        bool(_PRESS_RE.search(masked)) and not _CABINET_PRESS_RE.search(masked) and acts(summary).main == _SAY_ACT
    )


_SAY_ACT = frozenset(["~say"])
_SAME_DAY_EN_RE = re.compile(r"\bsame (?:day|morning|afternoon|evening|night)$")


def _no_happening_the_same_day(mention: DateMention, summary: str, masked: str) -> bool:
    """An English clause dated only by "the same day" (the day told before) that tells no happening of that day:
    one that does not read done ("…the same day, and will resume…"), or a party's word at no occasion of its own
    ("Kadokawa said the same day that…": its account of the day's happening). "He said at a news conference the
    same day", "offered an apology the same morning" are happenings. `masked`: the summary, its quotes masked."""
    if not _SAME_DAY_EN_RE.search(mention.text):
        return False
    if not reads_done(masked, True):
        return True
    told = acts(summary)
    return told.main == _SAY_ACT and "~press_conference" not in told.named


_ACCOUNT_OF_RE = re.compile(r"(?:同氏|同社|同省|同庁|同相|同首相|同長官|同知事|同党|同市|同県)によると")


# A meeting's length (「会談は日本時間18日夜から19日未明にかけて、2時間半近くに及んだ」「協議は約4時間半続いた」「The meeting
# lasted about five hours」「The briefing began at 4 p.m. and ran for more than 10 hours」): the sentence's subject is the
# meeting itself and its predicate how long it went on.
_DURATION_RE = re.compile(
    r"^[^、。]{0,16}?(?:首脳会談|電話会談|会談|会合|協議|会見|記者会見|話し合い|会議|審議|交渉)は[^。]{0,80}?"
    r"(?:[0-9０-９]+|[一二三四五六七八九十]+)\s*(?:時間|分)[^。]{0,12}?"
    r"(?:に及んだ|に及びました|にわたった|にわたりました|にわたって行われ|続いた|続きました)"
    # 「会談は日本時間3日未明まで続いた」: how late it went on, no happening of its own
    r"|^[^、。]{0,16}?(?:首脳会談|電話会談|会談|会合|協議|会見|記者会見|話し合い|会議|審議|交渉)は[^。]{0,40}?"
    r"(?:まで|にかけて)(?:続いた|続きました|及んだ|及びました)"
    r"|^(?:The|That|Their|Its) (?:[a-z\-]+ )?(?:meeting|talks|briefing|call|session|summit|conversation|discussion"
    r"|negotiations|news conference|press conference)s? (?:lasted|ran for|went on for"
    r"|(?:began|started)[^;]{0,40}? and (?:ran|lasted|went on))\b"
)


def _told_before(events: list[EventRow], value: str) -> bool:
    """Whether the document already told a happening of that day (or the day next to it, another zone's)."""
    if len(value) != 10:
        return False
    day = dt.date.fromisoformat(value)
    near = {(day + dt.timedelta(days=k)).isoformat() for k in (-1, 0, 1)}
    return any(ev.date in near for ev in events)


def _same_day_report(day: dt.date | None, report: dt.date | None) -> bool:
    """An article reporting the day it (or the eve of it) was published: a breaking-news report."""
    return day is not None and report is not None and 0 <= (report - day).days <= 1


# 「…を起こしたのは初めて」「…が止まるのは13年ぶり」「…するのは2011年以来」: a happening made the topic (〜のは) of a
# record's predicate: the sentence tells what it means, not that it happened.
_RECORD_RE = re.compile(
    r"のは[^。、「」]{0,24}?(?:初めて|初|ぶり|以来|異例|珍しい)(?:だ|です|となる|となった)?[。．]?$"
)


def _incident_of_the_day(
    text: str,
    masked: str,
    s: int,
    e: int,
    day: dt.date,
    lead: EventRow | None,
    actors: ActorIndex,
    *,
    english: bool = False,
) -> DateMention | None:
    """In a report of a disaster's day, an undated sentence whose main act is one of that day's happenings
    (「…運転を見合わせ、仙台空港は滑走路を閉鎖した」「…作業員を高台に退避させた」) happened on that day — unless it
    tells more of the article's lead (the same plane, the same people: 「海保機に乗っていた5人の死亡が確認」)."""
    if lead is None or not names_an_incident(lead.tokens):
        return None  # not a disaster's or an accident's day
    if not incident_act(masked[s:e]) or not reads_done(masked[s:e], english):
        return None
    if not english and _PAST_BEFORE_END_RE.search(masked[s:e].rstrip()):
        return (
            None  # 「海保機は滑走路上で約40秒間停止していた」: what had been, told as the background of a later report
        )
    if not english and _RECORD_RE.search(masked[s:e]):
        return (
            None  # 「…が全損事故を起こしたのは初めて」: what the happening told before means, no happening of its own
        )
    if not english and _INCIDENT_FRAME_RE.search(masked[s:e]):
        return None  # 「洪水では州内で229人…が死亡した」「噴火に伴いM5.8相当の揺れも観測された」: the incident's own toll or
        # sequel, told as its setting — of the incident's day, which need not be the day last named
    own = event_features(text[s:e], actors)
    words = {t for t in own.tokens if not t.startswith((CONCEPT_PREFIX, NUMBER_PREFIX))}
    if words & set(lead.tokens) or own.names & set(lead.names):
        return None
    return DateMention(s, s, "", day.isoformat(), "day", True)


# An incident named as the setting of what a sentence tells (「洪水では」「地震により」「噴火に伴い」「事故で」)
_INCIDENT_FRAME_RE = re.compile(
    r"(?:地震|震災|津波|噴火|洪水|豪雨|大雨|水害|土砂崩れ|火災|火事|事故|事件|災害)"
    r"(?:では|に伴い|に伴う|により|による|で[、，]|の影響で)"
)


# The occasion of a party's word that the report tells as that day's (「…は代理人を通じて談話を発表し」「…はホームページを
# 通じてコメントを出した」「…は和解の可能性を問われ、…と答えた」「…は記者団の質問に対し」): a statement issued, or an
# answer given when asked. A press conference or a remark to reporters alone is not enough: a report tells the reactions
# of many (the loser's, the partner's, the other side's) that way, and a timeline keeps the day's news, not each word.
_OCCASION_RE = re.compile(
    r"を通じて|(?:を|と|について|に関して)問われ|質問に(?:対し|答え|応じ)"
)  # not 「罪に問われた」
# A topic that is a party (「田代政弘弁護士は」「大リーグ機構(MLB)は」), not a thing (「攻撃は」「判決は」).
_PARTY_TOPIC_RE = re.compile(
    r"(?:氏|さん|監督|選手|団長|会長|社長|頭取|知事|首相|大臣|相|弁護士|代表|長官|大統領|委員長|検事|判事|議員|幹事長"
    r"|機構|協会|連盟|組合|党|省|庁|政府|本部|弁護団|[)）])は$"
)
# After a name the headline gives as its subject or speaker (「大リーグ機構は調査終了」「連邦検事「…」」「松本人志さん、訴え
# 取下げ」: its given name and honorific between): a particle of a subject, a comma, a quote; not an object's を
# (「…高市氏を逆転」), an owner's の (「大谷の通訳」) or a compound going on (「USスチール買収」).
_HEADLINE_PARTY_TAIL = r"(?:[\u4e00-\u9fff]{0,3}(?:さん|氏))?(?:[はが、，,「『\s　]|$)"
_WORD_ACTS = frozenset([CONCEPT_PREFIX + "say", CONCEPT_PREFIX + "announcement", CONCEPT_PREFIX + "apology"])


def _statement_of_the_day(
    text: str, masked: str, s: int, e: int, day: dt.date, actors: ActorIndex, headline: str
) -> DateMention | None:
    """In a report of its day, an undated sentence (s:e) in which the party the headline is about (the sentence's topic)
    said or announced something on an occasion (`_OCCASION_RE`), told as done: that day's word. A party the headline does
    not name (another's reaction), an anonymous source (「政府関係者は」), what it had said (〜ていた) or will say, and a
    word at no occasion (a view held) are not dated so."""
    clause = masked[s:e].lstrip("、, 　")
    s = e - len(clause)
    topic = _TOPIC_RE.match(clause)
    if topic is None or "関係者" in topic.group() or not _OCCASION_RE.search(clause):
        return None
    named = {text[s + m.start : s + m.end] for m in actors.mentions(text[s:e]) if m.end <= topic.end()}
    if not (_PARTY_TOPIC_RE.search(topic.group()) or named):
        return None
    named |= {w for w in nouns(topic.group()[:-1]) if len(w) >= 2 and w not in _STOP_TOKENS}
    # (a word the headline does not hold at all is not searched for: its pattern, one per word, is compiled anew)
    if not any(w in headline and re.search(re.escape(w) + _HEADLINE_PARTY_TAIL, headline) for w in named):
        return None
    if _PAST_BEFORE_END_RE.search(clause.rstrip()) or not reads_done(clause, False):
        return None
    if not acts(text[s:e]).main & _WORD_ACTS:
        return None
    return DateMention(s, s, "", day.isoformat(), "day", True)


# 「Akazawa and Lutnick later signed a memorandum」「After lunch, the two leaders flew to Yokosuka」: an English sentence
# that goes on with the day the article reports, in sequence.
_LATER_THAT_DAY_RE = re.compile(
    r"^\W*(?:(?:[Aa] few |[Ss]everal |[Tt]wo |[Tt]hree )?(?:[Hh]ours|[Mm]inutes)|(?:[Aa]bout )?[Aa]n hour) later\b"
    r"|\b(?<!hour )(?<!hours )(?<!minute )(?<!minutes )(?:later|afterwards?)\b"  # 「then … an hour later」: after that
    r"|\b[Aa]fter (?:lunch|dinner|the (?:talks|meeting|summit|ceremony|call|vote|session))\b"
    # 「Shortly before the truce began, …」「Just after the polls closed, …」: that day's happening as the clock (not
    # 「Before the war began」: a war's start is no day's sequence)
    r"|^\W*(?:[Ss]hortly |[Jj]ust |[Mm]inutes |[Hh]ours )?(?:[Bb]efore|[Aa]fter) the (?:truce|ceasefire|vote|voting|polls|talks|meeting|summit|deadline|session|ceremony|count) (?:began|took effect|came into"
    r" (?:force|effect)|started|ended|expired|closed|opened)\b"
    r"|\b(?:[Ss]hortly afterwards?|[Ee]arlier in the day)\b"
    # 「During a break in the talks, Trump phoned Putin」「Moments later he added」: within the day's happening
    r"|^\W*(?:[Dd]uring (?:a|the) (?:break|recess|pause|lull) in the (?:talks|meeting|summit|session|hearing)|[Mm]oments later)\b"
)
# 「later this month」 a time to come; 「two weeks later」 another day; a modal a possibility
_LATER_NOT_RE = re.compile(
    r"\blater (?:this|next|in the (?:week|month|year))\b|\b(?:days|weeks|months|years) later\b"
    r"|\b(?:will|would|could|may|might)\b"
)


def _of_another_month(mentions: list[DateMention], s: int, e: int, day: dt.date) -> bool:
    """Whether the sentence at [s, e) names a month (or year) other than the day's: "In June, Kaufman asked the court
    …; prosecutors opposed the request later that month" is June's, not later on the day the report tells."""
    month = day.isoformat()[:7]
    return any(s <= m.start < e and m.precision != "day" and not month.startswith(m.value) for m in mentions)


def _later_that_day(masked: str, s: int, e: int, day: dt.date) -> DateMention | None:
    """An undated English sentence that tells, in sequence, what followed on the day the article reports
    (`_LATER_THAT_DAY_RE`) with an act the lexicon knows, as done: that day."""
    clause = masked[s:e]
    cue = _LATER_THAT_DAY_RE.search(clause)
    if not cue or _LATER_NOT_RE.search(clause) or not reads_done(clause, True):
        return None
    act = acts(clause).main
    if not act or act == _SAY_ACT:
        return None  # 「…told reporters afterward that…」: a word on the day's happening, not one of its own
    return DateMention(s + cue.start(), s + cue.end(), cue.group(), day.isoformat(), "day", True)


# An English sentence whose own predicate, right after its subject (a name or a pronoun, maybe after an opening phrase),
# is negated ("Musk offered no explanation…", "On Monday, he did not use the word…", "Asked …, Bass did not answer"):
# not "…said he had discussed it but gave no details" (a done act first), nor a negation inside what was said
_NOT_DONE_EN_RE = re.compile(
    r"(?:^|,\s+)(?:[Tt]he\s+[a-z]{3,}|[A-Z][\w.'’-]*|he|she|they|it|we)(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"\s+(?:also\s+)?(?:did not|didn't|offered no|gave no|made no|showed no)\b"
)
_SAID_BEFORE_EN_RE = re.compile(r"\b(?:said|says|told|stated|added|announced|insisted|argued|warned|noted)\b")


def _not_done_en(masked: str) -> bool:
    """Whether an English sentence's own predicate is negated (`_NOT_DONE_EN_RE`), not a clause a verb of saying before it
    embeds ("…said in a statement on Sunday that…, it did not change…")."""
    found = _NOT_DONE_EN_RE.search(masked)
    return found is not None and not _SAID_BEFORE_EN_RE.search(masked, 0, found.start())


# 「20日も空爆が続いた」「4日も余震が相次ぎ」「20日夜にかけても混乱が続いた」: the day (also, も) on which a state that began
# before — fighting, aftershocks, disruption — still went on: the state's own start is the happening, each later day of it
# is not (a done act on that day too, 「20日も5便を欠航させた」「18日も点検した」, has a verb of its own, and stays)
_STILL_GOING_JA_RE = re.compile(
    r"^(?:の?(?:午前|午後|朝|夜|夕方?|未明|深夜|昼))?(?:にかけて|まで)?も[、，,]?[^。、「」]{0,40}?が(?:続い|続き|相次い|相次ぎ)"
)
# "Cross-border fire continued on Thursday", "Fighting raged on Tuesday": a state (never a meeting: "Talks continued on
# Monday" may be the talks' second day) as the subject of "continued" with the day right after
_STILL_GOING_EN_RE = re.compile(
    r"^\W*(?:[A-Za-z-]+\s+){0,2}?(?:fighting|clashes|shelling|strikes|airstrikes|air strikes|fire|gunfire|bombardment"
    r"|violence|unrest|protests|looting|chaos|disruptions?|delays|cancellations|aftershocks)\s+"
    r"(?:continued|persisted|raged(?: on)?|went on)\s+(?:on\s+|into\s+|through\s+)?$",
    re.IGNORECASE,
)
# "Artillery fire still echoed across the frontier early Sunday", "The counter-terrorist regime in Moscow remained in
# place early on Sunday": the sentence's own predicate, right after its subject, says a state still held that day
_STILL_HELD_EN_RE = re.compile(
    r"^\W*(?:(?!(?:[Aa]sked|whether|if|that|when|as)\b)[A-Za-z-]+\s+){1,6}?"
    r"(?:still\s+[a-z]{3,}ed|remained\s+in\s+(?:place|force|effect))\b"
)


def _still_going(mention: DateMention, masked: str, english: bool) -> bool:
    """Whether a clause (`masked`: its quotes blanked) tells only that a state begun before still went on on its day
    (see above)."""
    at = masked.find(mention.text) if mention.text else -1
    if at < 0:
        return False
    if english:
        return bool(_STILL_GOING_EN_RE.match(masked[:at]) or _STILL_HELD_EN_RE.match(masked))
    return bool(_STILL_GOING_JA_RE.match(masked[at + len(mention.text) :]))


# A sentence whose own predicate is a plan told in the past (「…始まる予定だった。」「…解放されるはずだった。」, "had been
# scheduled to fly out on Friday", "was due on Monday to collect…"): what was to happen, not what happened — whatever
# happened instead is told on its own (「だが、首相が…指示した」). Not 「…予定だったが、…延期した」 (the sentence goes on to
# what happened) nor a date in a clause of its own after the plan ("…due to face the rate Trump unveiled on April 2").
_JA_PLAN_THAT_WAS_RE = re.compile(r"(?:予定|はず)(?:だった|でした|となっていた|になっていた)[」』）)]*[。．]?$")
_JA_DONE_BEFORE_RE = re.compile(r"(?:た|だ)(?:後|あと|うえで|上で|ものの|が)")
_EN_PLAN_THAT_WAS_RE = re.compile(r"\b(?:had been|was|were)\s+(?:due|scheduled|supposed|slated)\b")
_EN_RELATIVE_BEFORE_RE = re.compile(r"\b(?:which|that|who)\s+$")
_EN_VERB_BETWEEN_RE = re.compile(r"\b(?:[a-z]{3,}ed|said|told|met|made|took|gave|held|came|went|began|won|lost)\b")


def _plan_that_was(masked: str, day: str, english: bool) -> bool:
    """Whether the sentence a date is in (`masked`: the summary, its quotes masked) tells, as its own predicate, a
    plan told in the past (see above)."""
    at = masked.find(day) if day else -1
    if at < 0:
        return False
    if not english:
        stop = masked.find("。", at)
        sentence = masked[: stop + 1] if stop >= 0 else masked
        plan = _JA_PLAN_THAT_WAS_RE.search(sentence.rstrip())
        # 「19日、…説明した後、…公表する予定だった」: the day is the done briefing's, the plan only what was to follow
        return plan is not None and not _JA_DONE_BEFORE_RE.search(sentence, at, plan.start())
    opening = masked.rfind(". ", 0, at) + 1
    stop = masked.find(". ", at)
    end = stop if stop >= 0 else len(masked)
    plans = list(_EN_PLAN_THAT_WAS_RE.finditer(masked, opening, at))
    if not plans or _EN_RELATIVE_BEFORE_RE.search(masked, max(opening, plans[-1].start() - 8), plans[-1].start()):
        return False  # "The talks, which were scheduled for Monday, went ahead": the plan is the noun's
    return not _EN_VERB_BETWEEN_RE.search(masked, plans[-1].end(), end)  # "…due to face the rate Trump unveiled"


def _planned(mention: DateMention, segment: str, report: dt.date | None, english: bool) -> bool:
    """A clause dated after its report that reads future (「21日に行われる方向で調整が進んでいる」)."""
    if report is None:
        return False
    masked = mask_quotes(segment)
    if english and _scheduled_in_present(masked, mention.text):
        return True  # 「The Dodgers open the season on Thursday」: a schedule in the present tense, whichever side
    if english and mention.text and _later_that_day_ahead(masked, mention.text):
        return True  # 「He said he would speak to Erdogan later on Sunday」: on the day it was said, still to come
    if not english and mention.text and _as_early_as(masked, mention.text):
        return True  # 「連絡員を同日午後にも県庁へ送る考えを示した」: as early as that afternoon, still to come
    if english:
        masked = _date_sentence(masked, mention.text)  # not the account a thin sentence goes on into
        if mention.value == report.isoformat() and _scheduled_that_day(masked, mention.text):
            return True  # "He is scheduled to pay a courtesy call on … on Wednesday" in Wednesday's report
    if mention.value <= report.isoformat():
        # 「同選手は今月中旬、…合流する予定で」: a part of the report's own month its clause plans is still to come
        this_month = mention.precision != "day" and mention.value == report.isoformat()[:7]
        return this_month and not english and reads_future(masked, False)
    if english:  # 「Her third term begins on July 31」「The next meeting is on Sept. 19」: no verb of a done act
        return reads_future(masked, True) or not reads_done(masked, True)
    if reads_future(masked, False) or said_ahead(masked) or bool(_SCHEDULE_END_RE.search(masked.strip())):
        return True
    at = masked.find(mention.text) if mention.text else -1
    after = masked[at + len(mention.text) :] if at >= 0 else ""
    if at >= 0 and _ahead_in_own_sentence(after):
        return True
    if at >= 0 and milestone_ahead(after):
        return True  # 「17日に期限を迎える」「今月21日に任期が切れる」: the calendar's day ahead, no one's act
    if _SCHEDULE_COPULA_RE.match(after):
        return True  # 「控訴の期限は来月10日で、…」: a later day that is what its subject is (a deadline), no act
    if _CALLED_FOR_AHEAD_RE.match(after):
        # 「5月1日のメーデーに大規模な行動を呼びかけた」「6月20～30日の首脳会談開催を提案した」: the day of a thing ahead a
        # party calls for or proposes; the call is the report's, the thing is still to come
        return True
    # 「…データを7月1日にも公開すると予告している」: "as early as" a later day, its own verb still to come, whatever the
    # sentence's last verb (the threat, the report) says; so is a later day whose own verb a nominaliser embeds in an
    # agreement or a decision (「来月4日には…協議を行うことでも一致した」「来年1月15日に…信任投票を行う考えを表明した」)
    if after.startswith("にも"):
        return own_verb_ahead(after)
    return after.startswith("に") and bool(_EMBEDDED_AHEAD_RE.match(after))


# (see `_planned`) a later day that names a thing a party calls for or proposes
_CALLED_FOR_AHEAD_RE = re.compile(
    r"^(?:\s*[~〜～\-–—]\s*[0-9０-９]{1,2}\s*日)?の[^、。「」]{1,24}?(?:に|を)[^、。「」]{0,16}?"
    r"(?:呼びかけ|呼び掛け|提案し)"
)


# A later day's own verb in the plain non-past, told as what a party announced it would do (「3日に首都カラカスで大規模
# 集会を開くとして支持者に参加を呼びかけている」): read in the day's own sentence, not one a continuation added after it
_AHEAD_AS_STATED_RE = re.compile(r"^にも?[^、。，「」]{0,40}?(?<![いおてた])[うくすつぬぶむるぐ]として")


def _ahead_in_own_sentence(after: str) -> bool:
    """A Japanese day after its report whose own verb, in the plain non-past, is what a party said it would do
    (see above): a plan, not a happening of that day."""
    return bool(_AHEAD_AS_STATED_RE.match(after))


# a later day's own verb in the plain non-past, embedded by a nominaliser or a plan's noun in what was agreed, decided or
# announced (「に…を行うことで一致した」「に…信任投票を行う考えを表明した」), or in a word passed on (「に辞任するとの連絡が
# あった」「にサービスを停止せざるを得ないとの声明を出した」). (Not 「28日に懇談会を開く方針を明らかにした」: measured, such
# a party's own plan is as often the only report of a meeting that was held on its day, which the timeline dates there.)
_EMBEDDED_AHEAD_RE = re.compile(
    r"^に[^、。「」]{0,40}?(?:(?<![いおてた])[うくすつぬぶむるぐ]|(?<=[得え来き])ない)(?:ことで(?:も)?(?:一致|合意)|ことを(?:決め|確認)"
    r"|考えを(?:示|表明)|との(?:連絡|声明|通知|通告)"
    # 「12日に立法会で審議を再開する方針を示した」「来月3日に訪米する意向を明らかにした」「15日に再開すると発表した」: a plan
    # for a later day that a done announcement tells
    r"|(?:方針|意向|計画|予定)を(?:示|表明|明らかに|固め|発表)|と(?:発表|表明|明らかに|公表)し)"
)


# 「…は9月23日と決まった」「基準日は6月26日とした」: the day is the value a subject was set to (the decision is the
# happening, on a day of its own); 「27日は感謝祭に当たる」「感謝祭にあたる今月27日で」: what the day is on the calendar
_SET_TO_RE = re.compile(
    r"^\s*と(?:決まった|決まりました|決めた|決めました|した|しました|なった|なりました|定めた|定めました|設定した|設定しました)"
    r"[」』）)]*[。．]?$"
)
_CALENDAR_RE = re.compile(r"^\s*(?:の[0-9０-９]{1,2}日)?は[^、。]{1,20}?に(?:当た|あた)る[。．]?$")
_CALENDAR_BEFORE_RE = re.compile(r"に(?:当た|あた)る\s*(?:今月|来月|同月)?$")


# A day of a plan, named by the clause as a thing: one that was (「10日に開幕予定だった雪組公演」「5日から予定していた訪中」
# 「27日に再開する予定だった議会」) or is still to come (「7日に予定される抗議デモ」「20日に開催予定の会合」)
_PLAN_NAMED_RE = re.compile(
    r"(?:の)?(?:午前|午後|朝|夕方?|夜)?(?:に|にも|から)?[^、。，「」]{0,24}?予定"
    r"(?:だった|でした|していた|されていた|される|されている|の)"
    r"(?=[\u4e00-\u9fff\u30a1-\u30fa「『])"
)


def _plan_named(mention: DateMention, segment: str) -> bool:
    """Whether a Japanese day is that of a plan its clause names as a thing (see above)."""
    masked = mask_quotes(segment)
    at = masked.find(mention.text) if mention.text else -1
    return at >= 0 and bool(_PLAN_NAMED_RE.match(masked, at + len(mention.text)))


def _refers_to_an_earlier_happening(mention: DateMention, masked: str) -> bool:
    """Whether a Japanese day is a noun's that its clause reacts to or counts from (see above); `masked`: the
    paragraph the mention's offsets are in, its quotes masked."""
    return bool(REFERS_BACK.match(masked, mention.end) or _FOLLOWS_A_DAY_RE.match(masked, mention.end))


# 「2月1日に続く2回目の外相談話を発表し」「昨年3月に次ぐ規模の」: the day of the earlier one a noun follows, not of the act
_FOLLOWS_A_DAY_RE = re.compile(r"\s*に(?:続く|続いて|次ぐ|次いで)[^、。「」]{0,20}?[\u4e00-\u9fff\u30a1-\u30fa]")


def _date_as_a_value(mention: DateMention, segment: str) -> bool:
    """Whether a Japanese clause tells its day as a value, not as a time: the day a subject was set to, with its topic
    before it (「次回の手続きは9月23日と決まった。」), or what the day is on the calendar (「来週木曜日の27日は米国の感謝祭に
    当たる。」「木曜日は感謝祭にあたる今月27日で、」)."""
    masked = mask_quotes(segment)
    at = masked.find(mention.text) if mention.text else -1
    if at < 0:
        return False
    before, after = masked[:at], masked[at + len(mention.text) :]
    if _SET_TO_RE.match(after) and "は" in before:
        return True
    return bool(_CALENDAR_RE.match(after) or (_CALENDAR_BEFORE_RE.search(before) and after.startswith("で")))


def _date_sentence(masked: str, date_text: str) -> str:
    """An English segment up to the end of the sentence its date is in ("Trump takes office on Jan. 20." before the
    account it goes on into: "…and economists have warned…")."""
    at = masked.find(date_text) if date_text else -1
    if at < 0:
        return masked
    stop = re.search(r"[.!?](?:\s|$)", masked[at + len(date_text) :])
    return masked[: at + len(date_text) + stop.end()] if stop else masked


# 「later on Sunday」「later Sunday」「later that day」: a time still to come on the day a thing was said
_LATER_ON_RE = re.compile(r"\blater(?: on| that| in the)?\s*$")
# What a party said it would do (an intention told in reported speech), not a public schedule ("is scheduled to speak
# … later on Friday": the day's programme, which its report tells as the day's)
_SAID_WOULD_RE = re.compile(
    r"\b(?:said|says|told [^,.]{1,40}?)(?: that)? (?:he|she|they|it|we|I|[A-Z][a-z]+) (?:would|will)\b"
)


def _later_that_day_ahead(masked: str, date_text: str) -> bool:
    """An English clause in which a party said it would do something later on the day it names (「He said he would
    speak to Erdogan later on Sunday」): an intention that day, no happening, whatever the report's day."""
    at = masked.find(date_text)
    return at > 0 and bool(_LATER_ON_RE.search(masked[:at])) and bool(_SAID_WOULD_RE.search(masked[:at]))


# 「同日午後にも」「きょうにも」「20日にも」: as early as that time, which its verb ahead tells as to come
_AS_EARLY_AS_RE = re.compile(r"^(?:の)?(?:午前|午後|朝|夕方?|夜|中|内)?にも")
_PLAN_NOUN_RE = re.compile(r"考え|方針|予定|方向|見通し|意向|構え")


def _as_early_as(masked: str, date_text: str) -> bool:
    """A Japanese clause in which the day is "as early as" (〜にも) and its own verb is still to come (「同日午後にも
    県庁へ送る考えを示した」): a plan, even on the report's own day."""
    at = masked.find(date_text)
    if at < 0:
        return False
    after = masked[at + len(date_text) :]
    m = _AS_EARLY_AS_RE.match(after)
    if m is None:
        return False
    rest = after[m.end() :]
    end = _PLAN_NOUN_RE.search(rest)  # 「送る考え」「決定する方針」: the verb before a plan's noun is the day's own
    if own_verb_ahead(rest[: end.start()] if end else rest):
        return True
    # 「16日にも議会での討議を経て、…決める方針だ」「29日にも船体を陸揚げし、…本格化させる」: the clause goes on past a
    # comma to its verb, still in the plain non-past (before a plan's noun, or ending the sentence); "also on that day"
    # is told done (「8日にも…見つかっている」「13日にも…攻撃している」) and stays a happening
    stop = rest.find("。")
    sentence = rest[:stop] if stop >= 0 else rest
    end = _PLAN_NOUN_RE.search(sentence)
    verb = sentence[: end.start()] if end else _CLOSERS_RE.sub("", sentence)
    return bool(_JA_NON_PAST_END_RE.search(verb.rstrip()))


_CLOSERS_RE = re.compile(r"[」』）)\s]+$")
_JA_NON_PAST_END_RE = re.compile(r"(?<![いおてた])[うくすつぬぶむるぐ]$|(?:します|されます)$")


# A party's plan in the present tense as its sentence's own predicate ("He is scheduled to pay…", "JAEA plans to take…");
# not a relative clause's ("Powell, who is scheduled to speak on Friday")
_EN_PRESENT_PLAN_RE = re.compile(r"\b(?:(?:is|are) (?:scheduled|due|set|slated) to|(?:plans|plan|intends|intend) to)\b")


def _scheduled_that_day(masked: str, date_text: str) -> bool:
    """An English sentence of the report's own day telling, in the present tense, what a party is scheduled or plans to
    do that day ("He is scheduled to pay a courtesy call on Prime Minister Shigeru Ishiba on Wednesday" in Wednesday's
    report): still to come when it was written, no happening; the report of the day after tells it done."""
    at = masked.find(date_text) if date_text else -1
    if at < 0:
        return False
    opening = max(masked.rfind(". ", 0, at) + 1, 0)
    if _LATER_ON_RE.search(masked[:at]):
        return False  # "…is scheduled to speak … later on Tuesday": the day's programme, told as the day's
    plan = next(_EN_PRESENT_PLAN_RE.finditer(masked, opening, at), None)
    if plan is None or _EN_RELATIVE_BEFORE_RE.search(masked, max(opening, plan.start() - 8), plan.start()):
        return False
    return not has_past_verb(masked[opening : plan.start()])


# A happening that is scheduled, told in the present tense (English tells what happened in the past tense)
_EN_SCHEDULE_RE = re.compile(
    r"(?<!\bto )(?<!\bthe )(?<!\ba )\b(?:re)?(?:open|begin|start|resume|close|kick off|take effect|meet|host|play|face"
    r"|wrap up|end)s?\b(?! of\b)"
)


def _scheduled_in_present(masked: str, date_text: str) -> bool:
    """An English clause with no verb in the past whose verb before its date is a schedule's, in the present."""
    at = masked.find(date_text) if date_text else -1
    return at > 0 and not has_past_verb(masked) and bool(_EN_SCHEDULE_RE.search(masked, max(0, at - 80), at))


# A day ahead of the report that is its clause's predicate (「次の決定会合は9月19～20日です。」「投開票は7日だ」): a schedule.
_SCHEDULE_END_RE = re.compile(r"[日月]\s*(?:から|まで)?(?:です|だ|である|となる|となります)[」』）)]*[。．]?$")
# the same predicate date told mid-sentence (「期限は来月10日で、」「判決は26日だが、」)
_SCHEDULE_COPULA_RE = re.compile(r"\s*(?:から|まで)?(?:で|です|だ|である|となる|となり)(?:が)?(?=[、,，。．]|$)")


def _plan_ends_its_sentence(
    mention: DateMention, segment: str, text: str, s: int, e: int, report: dt.date | None
) -> bool:
    """A clause dated on or after its report's day that goes on (「12月1日にモスクワへ向かい、」) into a sentence ending in a
    plan (「…2日にも会談する予定だ。」): the plan's mood is the whole sentence's, so this clause is planned too."""
    if report is None or mention.value < report.isoformat() or segment.rstrip().endswith(("。", "．")):
        return False
    at = text.find(segment, s, e)
    if at < 0:
        return False
    rest = mask_quotes(text[at + len(segment) : e])
    # (「撤退を5月1日に始め、9月11日までに完了させると正式に表明した」 in April: a later day's clause is part of what was said
    # would be done; on the report's own day it is the saying's occasion, 「2日、就任会見に臨み、…維持すると表明した」)
    return ends_in_a_plan(rest) or (mention.value > report.isoformat() and said_ahead(rest))


RECALLED_DAYS = 30  # a happening this long before its report, recalled in passing, is the earlier reports' news


def _recalled(mention: DateMention, text: str, report: dt.date | None) -> bool:
    """An English sentence that recalls an earlier happening as its subject (「The magnitude 7.6 earthquake on Jan. 1
    killed more than 370 people」 in a September report): background, not this report's news."""
    if report is None or mention.precision != "day" or not dates_the_subject(text, mention):
        return False
    return (report - dt.date.fromisoformat(mention.value)).days > RECALLED_DAYS


def _background_month(mention: DateMention, segment: str, report: dt.date | None) -> bool:
    """A month or a year before last month, told as what had been (「再審公判は昨年10月に始まっていた。」「国はことし1月、
    …報告するよう求めていました。」「機体は2021年に受領したばかりだった。」): the background of the report's news. Last
    month's and this month's are so only when their own sentence tells a state or a perfect (`_month_as_a_state`), and
    what a source tells (「港氏によると、同局は…2023年6月初旬に事態を把握していた」) is what the report reveals."""
    if report is None or mention.precision == "day":
        return False
    month_before_last = (report.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    bound = month_before_last.isoformat()[:7] if mention.precision == "month" else str(month_before_last.year)
    masked = mask_quotes(segment)
    if _REVEALED_RE.search(masked):
        return False
    if mention.value >= bound:
        last_month = (report.replace(day=1) - dt.timedelta(days=1)).isoformat()[:7]
        return mention.precision == "month" and mention.value >= last_month and _month_as_a_state(masked, mention.text)
    return bool(_PAST_BEFORE_END_RE.search(masked.rstrip()))


# A clause told as a state or a perfect that holds at the report (「ハシナ氏の外交旅券を無効にしている。」「…方針を示している」
# 「…を打ち出しており、」), or a stance that was (「…打ち出す構えだった。」)
_STATE_OR_PERFECT_RE = re.compile(
    r"(?<!と述べ)(?<!と語っ)(?<!と話し)(?<!と強調し)(?<!と指摘し)(?:ている|ています)[。．]?$"  # (not 「…と述べている」: a word
    # cited as said, its saying the happening)
    r"|(?:ておる|構えだった|構えでした)(?:という|とされる)?[」』）)]*[。．]?$|^[^。．、]*?ており[、,，]"
)  # (not 「トランプ政権は4月、…再審査を指示していた」 in May: a past perfect of last month may be a happening the report
# joins to the day other reports tell it on)


def _after_the_date(masked: str, date_text: str) -> str | None:
    """The rest of a date's own sentence after it (None: the date is not written in it)."""
    at = masked.find(date_text) if date_text else -1
    if at < 0:
        return None
    end = re.search(r"[。．]", masked[at:])
    own = masked[at + len(date_text) : at + end.end()] if end else masked[at + len(date_text) :]
    return own.lstrip("、,，").rstrip()


def _month_as_a_state(masked: str, date_text: str) -> bool:
    """A recent month (last month, this month) dated by the month only, whose own sentence tells what it did as a
    state or a perfect that holds at the report (「同社の弁護士は8月、…との見解を示している。」「日産は…11月に…人員削減を
    打ち出しており、」): the news's background, told in passing; a report tells
    its own happenings by the day. What the report has from a source or found out (`_REVEALED_RE`) is its news."""
    own = _after_the_date(masked, date_text)
    return own is not None and bool(_STATE_OR_PERFECT_RE.search(own))


def aside_month(mention: DateMention, segment: str, report: dt.date | None) -> bool:
    """A month up to the report's, dated by the month only, whose own sentence tells a state or a perfect that holds
    at the report (「政府は8月、…外交旅券を無効にしている。」 in an October report), or, for a recent month (last month, this
    month), what was done or had been done (「検察側は先月、禁錮4年9月を求刑していた。」「サラ氏は先月、下院で弾劾訴追された。」):
    an aside, the news's background recalled in passing. It may be the happening other reports tell by the day
    (「トランプ政権は4月、…再審査を指示していた」 and "On April 7 he ordered…"), so it is kept to join them; alone it is no
    entry of the timeline (the store writes it only when it joins a cluster: `Store._write_events`). What the report
    has from a source or found out (`_REVEALED_RE`) is its news; a word cited as said (「…と語っている。」) and a
    noun-stop (「…越境攻撃を開始。」) are no aside."""
    if report is None or mention.precision != "month" or not mention.text:
        return False
    if mention.value > report.isoformat()[:7]:
        return False
    masked = mask_quotes(segment)
    if _REVEALED_RE.search(masked):
        return False
    own = _after_the_date(masked, mention.text)
    if own is None:
        return False
    if _STATE_OR_PERFECT_RE.search(own):
        return True
    last_month = (report.replace(day=1) - dt.timedelta(days=1)).isoformat()[:7]
    return mention.value >= last_month and bool(_PAST_BEFORE_END_RE.search(own) or _RETOLD_END_RE.search(own))


# A clause told whole in the past or the perfect: 「…に就任した。」「…を求刑していた。」「…を打ち出しており、」 (not a
# noun-stop 「…越境攻撃を開始。」, a present state 「…と語っている。」, or a clause that leads into the news 「…就任して以来」)
_RETOLD_END_RE = re.compile(r"(?:た|ました)[」』）)]*[。．]?$")
_PERFECT_LEADS_ON_RE = re.compile(r"^[^。．]*?ており[、,，]")


def _earlier_month_retold(mention: DateMention, segment: str, report: dt.date | None) -> bool:
    """A happening dated only by a month before the month before last, told whole in the past or the perfect
    (「畝本氏は7月、女性として初めて検事総長に就任した。」 in an October report, 「経済産業省は昨年8月、…指針をまとめており、」),
    read in the date's own sentence: the story's past the report recalls. The last two months stay (a recent month's
    report joins the days it tells, 「トランプ政権は4月、…再審査を指示していた」 in June bridging the Japanese and the
    English report of 7 April). A report tells its own
    happenings by the day; an earlier month it names without a day is what earlier reports told. What a source tells
    or the report has found out (「港氏によると、…6月初旬に事態を把握していた」) is its news, and a year (「2022年、ロシアは
    ウクライナへ全面侵攻。」) is left to `_recap`."""
    if report is None or mention.precision != "month":
        return False
    month_before_last = (report.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    if mention.value >= month_before_last.isoformat()[:7]:
        return False
    masked = mask_quotes(segment).rstrip()
    at = masked.find(mention.text) if mention.text else -1
    end = re.search(r"[。．]", masked[max(at, 0) :])
    own = masked[: max(at, 0) + end.end()] if end else masked  # the date's own sentence
    if _REVEALED_RE.search(own):
        return False
    return bool(_RETOLD_END_RE.search(own.rstrip()) or _PERFECT_LEADS_ON_RE.search(own[max(at, 0) :]))


# 「…によると」「…ことが分かった」: a fact the report has from a source, or has found out: its news, not its background
_REVEALED_RE = re.compile(r"によると|によれば|ことが(?:分かった|わかった|明らかになった|判明した)")


def _ahead_in_openers_sentence(
    mention: DateMention, segment: str, report: dt.date | None, opener_day: str = ""
) -> bool:
    """A later date of a sentence its opener's date already tells whole, whose own verb is still to come: a plan
    the sentence reports (「石破首相は8日、…8月1日から25%の関税を課すと書簡で通告してきたことについて…表明した」).
    A day between the opener's and the report's is one too (「首相は20日、23日に会談する方針を示した。」 in a report of
    the 25th: as of the 20th the meeting was still to come; held, it is told on its own); the report's own day stays
    the day's happening (tests/test_timeline_same_day.py)."""
    if report is None or not mention.text:
        return False
    own = report.isoformat()
    if mention.value <= own and not (opener_day and opener_day < mention.value < own):
        return False
    masked = mask_quotes(segment)
    at = masked.find(mention.text)
    if at < 0:
        return False
    rest = masked[at + len(mention.text) :]
    end = _PLAN_NOUN_RE.search(rest)  # 「23日に会談する方針を示した」: the verb before a plan's noun is the day's own
    return own_verb_ahead(rest) or (end is not None and own_verb_ahead(rest[: end.start()]))


# A day inside a clause that names a thing (a relative clause): its past verb runs straight into the noun it describes
# (「5日から予定していた訪中」「4日に始めたTOB」「先月25日に出した解散命令」「12日に投票が行われた中間選挙」), before any comma
# or quote. Not a time or a sequel the sentence's own verb happened at (「1日に報告を受けた時点で…命じた」「…した直後に」),
# nor a fact named (「…面会していたことを」: hiragana).
_NAMING_CLAUSE_RE = re.compile(
    r"^[^、。，「」]{0,40}?[\u3040-\u309f\u4e00-\u9fff][ただ]"
    r"(?!(?:時点|際|時|後|直後|前|直前|以降|以来|当日|翌日|翌朝|当時|矢先|途中|結果))"
    r"[\u4e00-\u9fff\u30a1-\u30faA-Za-zＡ-Ｚａ-ｚ]"
)


# The thing named is a happening of that day itself (「19日に起きたシステム障害について…公表した」「10日に経営破綻した銀行」):
# the day dates it, whatever the sentence's verb.
_INCIDENT_VERB_RE = re.compile(r"(?:起き|起こっ|発生し|破綻し)た[^た]?$")
# The sentence goes on with a fact whose past verb is told of that day (「6日に開かれた記念行事を途中で切り上げて帰国したこと
# について…謝罪した」): the clause is a happening of the day, not only a thing's name.
_FACT_CLAUSE_RE = re.compile(r"[ただ](?:こと|の)(?:を|に|で|が|は|について|を受け)")


def _names_a_thing(mention: DateMention, segment: str) -> bool:
    """A later day of a sentence its opener's date tells whole, inside a clause that names a thing the sentence's
    verb acts on (「マキノは10日、ニデックが4日に始めたTOBに反対すると表明した」): the day of that thing, not of the
    sentence's act. The segment from that day would repeat the opener's act dated by it: one happening, two entries,
    one of them on the wrong day."""
    if not mention.text:
        return False
    masked = mask_quotes(segment)
    at = masked.find(mention.text)
    if at < 0:
        return False
    after = masked[at + len(mention.text) :]
    found = _NAMING_CLAUSE_RE.search(after)
    return bool(found) and not _INCIDENT_VERB_RE.search(found.group()) and not _FACT_CLAUSE_RE.search(after)


def _hour_only(masked: str, s: int, e: int, english: bool, day: dt.date | None) -> DateMention | None:
    """A sentence dated only by its hour (「午後1時52分に…を観測した」): the day it happened on is `day`, the last
    day the article named (else its report's); none when it has no hour or does not read as done."""
    hour = time_of_day(masked[s:e], english)
    if hour is None or day is None or not reads_done(masked[s:e], english):
        return None
    if not english and starts_a_span(masked, s + hour.end()):
        return None  # 「午前8時37分に…を出してから、約32時間ぶりに」: when a span started, not when its end happened
    if not english and not acts(masked[s:e]).main:
        return None  # 「午後3時半ごろに…伝わると円は急騰し、…を付けた」: no act the lexicon knows, no event of its own
    return DateMention(s + hour.start(), s + hour.end(), hour.group(), day.isoformat(), "day", True)


_OPENER_TAIL_RE = re.compile(r"(?:\s*[(（][^()（）]{0,30}[)）]|\s*(?:午前|午後|朝|夜|夕方?|未明|深夜|昼))+$")


# A segment that ends before its predicate, on a postpositional phrase (「…は31日、国内で停止している生産について、」
# 「…は2日、記者会見を開き、性加害問題を受け、」「…は2日夜、国営テレビを通じ、」): the sentence goes on past the next date
_DANGLING_RE = re.compile(
    r"(?:について|を受け(?:て)?|を通じ(?:て)?|に対し(?:て)?|として|を(?:めぐ|巡)(?:り|って)|に関し(?:て)?)$"
)


def _bare_opener(segment: str, date_text: str) -> str:
    """`bare`: a segment that is only a subject and its date (「日産自動車は11日、」, 「…USスチールは6日(日本時間7日)、」);
    `dangling`: those and what the sentence goes on with up to a phrase that awaits its predicate (「ダイハツは31日、
    国内で全面停止している車両生産について、」, cut before 「…2月12日に一部を再開すると発表した」): the sentence's
    opener. "" else."""
    head = segment.strip().rstrip("、，,　 ")
    at = head.find(date_text) if date_text else -1
    kind = "bare"
    if at >= 0 and _DANGLING_RE.search(head):
        comma = re.search(r"[、，,]", head[at + len(date_text) :])
        if comma:
            head, kind = head[: at + len(date_text) + comma.start()], "dangling"
    head = _OPENER_TAIL_RE.sub("", head)
    return kind if head.endswith(date_text) and re.search(r"(?:は|が)\s*$", head[: -len(date_text)]) else ""


def _says_something(summary: str) -> bool:
    """More than its date: a clause of at least a few words once dates, times and punctuation are gone."""
    if len(summary) < 8:
        return False
    if is_english(summary):
        return len(english_words(summary)) >= 3  # weekdays, months and other stop words do not count
    return len(_DATE_TIME_RE.sub("", summary)) >= 6


# A clause that only says who disclosed something and when (「外相がきょう（20日）明らかにしました」「中野氏が同日の閣議後記
# 者会見で明らかにした」「同社が19日朝に発表しています」): its verb follows a date, a time, a place or a particle, not
# an object (「決算を発表した」「決算発表した」 say what).
_THIN_DISCLOSURE_RE = re.compile(
    r"^[^、。「」を]{0,40}?(?:で|に|、|[)）]|朝|夜|昼|夕方?|午前|午後|日)\s*"
    r"(?:明らかに|発表|公表)(?:した|しました|しています|している|されました|された)[。．]?$"
)


def _told_below(events: list[EventRow], headings: set[int], disclosed: set[int]) -> tuple[list[EventRow], set[int]]:
    """`events` without those of marked section headings (passages `headings`) whose day another event of the article
    has (the section tells it); a heading that is the article's only report of its day stays. `disclosed` (indices
    into `events`) follows."""
    if not headings:
        return events, disclosed
    days = {ev.date for ev in events if ev.passage_seq not in headings}
    kept: list[EventRow] = []
    moved: dict[int, int] = {}
    for i, ev in enumerate(events):
        if ev.passage_seq in headings and ev.date in days:
            continue
        moved[i] = len(kept)
        kept.append(ev)
    return kept, {moved[i] for i in disclosed if i in moved}


def _dated_by_the_article(events: list[EventRow], disclosed: set[int]) -> list[EventRow]:
    """`events` without those dated only by their disclosure whose happening the article also tells with dates of its
    own (a lead 「…66人がバスで隣国に退避しました。外相がきょう明らかにしました」 and below 「66人は19日、バスで首都を
    出発し」): the article's own dates say when it happened."""
    if not disclosed:
        return events
    by_day: dict[str, list[EventRow]] = {}  # the article's own dated events, at most RETOLD_PER_DAY a day
    for j, other in enumerate(events):
        if j not in disclosed and other.precision == "day":
            day = by_day.setdefault(other.date, [])
            if len(day) < RETOLD_PER_DAY:
                day.append(other)
    kept = []
    for i, ev in enumerate(events):
        if i in disclosed and ev.precision == "day":
            day = dt.date.fromisoformat(ev.date)
            near = [(day + dt.timedelta(days=k)).isoformat() for k in (-1, 0, 1)]
            if any(_retold(ev, other) for d in near for other in by_day.get(d, ())):
                continue
        kept.append(ev)
    return kept


RETOLD_PER_DAY = 100  # a hostile article of thousands of dated lines is compared in linear time


def _retold(lead: EventRow, other: EventRow) -> bool:
    """Whether `other` (dated within a day of `lead`) tells part of the same happening: the same figure (66人 and 66人)
    and another word. Words alone do not tell it: an article's sentences share its topic's words (下水, 事故) whatever
    happening each tells."""
    common = set(lead.tokens) & set(other.tokens)
    figures = {t for t in common if t.startswith(NUMBER_PREFIX)}
    return bool(figures) and len(common) > len(figures)


def _told_in_sentence_before(text: str, sentences: list[tuple[int, int]], k: int, usable: list[DateMention]) -> str:
    """The sentence before the k-th when it holds no date of its own: what a thin disclosure told."""
    if k == 0:
        return ""
    s, e = sentences[k - 1]
    if any(s <= m.start < e for m in usable):
        return ""
    return text[s:e].strip()


def _continuation(text: str, masked: str, sentences: list[tuple[int, int]], k: int, mentions: list[DateMention]) -> str:
    """The next sentence when it goes on with the same subject: no topic of its own (no は), no date."""
    if k + 1 >= len(sentences):
        return ""
    s, e = sentences[k + 1]
    if "は" in masked[s:e] or any(s <= m.start < e for m in mentions):
        return ""
    return text[s:e].strip()


def _english_continuation(
    text: str, masked: str, sentences: list[tuple[int, int]], k: int, mentions: list[DateMention]
) -> str:
    """The next sentence, when an English sentence only announces its happening (「The United States weighed in on
    Monday.」「Assad himself broke his silence on Monday.」) and the next, with no date of its own that may date an event
    (`mentions`: the usable ones), tells it (「U.S. Ambassador George Glass wrote on X that…」)."""
    if k + 1 >= len(sentences) or len(english_words(text[slice(*sentences[k])])) > _THIN_EN_WORDS:
        return ""
    s, e = sentences[k + 1]
    if any(s <= m.start < e for m in mentions):
        return ""
    return " " + text[s:e].strip()


_THIN_EN_WORDS = 4  # content words of an English sentence that says who did something and when, not what


def _from_date_clause(text: str, date_text: str) -> str:
    """A sentence too long for a summary starts at the clause that carries its date."""
    if len(text) <= MAX_SUMMARY:
        return text
    at = text.find(date_text)
    masked = mask_quotes(text)
    cut = max(masked.rfind("、", 0, at), masked.rfind("，", 0, at))
    return text[cut + 1 :] if cut > 0 and len(text) - cut > 20 else text


def _plans_after(rest: list[tuple[DateMention, str]], report: dt.date | None) -> bool:
    """Whether the clauses a Japanese sentence goes on into after its first are days after its report and the sentence
    ends in a plan (「…30日に決まり、五輪は来年7月23日、パラリンピックは同8月24日にそれぞれ開幕する。」)."""
    if report is None or not rest or any(m.value <= report.isoformat() for m, _ in rest):
        return False
    last = mask_quotes(rest[-1][1]).rstrip()
    # (「…明言し、12日に審議を再開する方針を示した。」: a plan for a later day its done announcement tells)
    return ends_in_a_plan(last) or bool(_EMBEDDED_AHEAD_RE.match(_AFTER_DATE_RE.sub("", last, count=1)))


# a clause's opening date, cut off to read what the clause goes on with (「12日に…」 → 「に…」)
_AFTER_DATE_RE = re.compile(r"^\s*[^、。「」]{0,6}?[0-9０-９]{1,2}\s*日(?=\s*に)")


def _cut_clause_whole(
    ev: EventRow, sentence: str, mention: DateMention, actors: ActorIndex, known_nouns: Mapping[str, list[str]]
) -> EventRow:
    """The event of a Japanese sentence's first clause, cut off before later days whose clauses gave no event (plans,
    `_plans_after`), told by the whole sentence: 「五輪とパラリンピックの新たな日程は先月30日に決まり、五輪は来年7月23日、
    パラリンピックは同8月24日にそれぞれ開幕する。」 is one happening of the 30th, and its summary is not the fragment
    「…先月30日に決まり」 (what was decided is in the rest)."""
    if ev.summary.rstrip().endswith(("。", "．", "」", "』")):
        return ev  # (the clause was a sentence of its own, or its summary already ends whole)
    text = trim_tail(_LEADING_RE.sub("", _DATELINE_RE.sub("", _CREDIT_TAIL_RE.sub("", sentence))))
    summary = trim_summary(_from_date_clause(text, mention.text))
    if summary == ev.summary or mention.text not in summary:
        return ev
    return _event(
        ev.passage_seq,
        ev.date,
        ev.precision,
        summary,
        ev.background,
        ev.weight,
        actors,
        known_nouns,
        report=ev.report,
        alt=ev.alt,
    )


def _event(
    seq: int,
    date: str,
    precision: str,
    summary: str,
    background: bool,
    weight: float,
    actors: ActorIndex,
    known_nouns: Mapping[str, list[str]],
    *,
    report: bool = False,
    alt: str | None = None,
    aside: bool = False,
) -> EventRow:
    mentions = actors.mentions(summary)
    feats = event_features(summary, actors, mentions, known_nouns.get(summary))
    done = acts(summary)
    masked = mask_quotes(summary)
    topic = _TOPIC_RE.match(masked) or _ALSO_TOPIC_RE.match(masked) or _FRAMED_TOPIC_RE.match(masked)
    framed = topic.start("topic") if topic is not None and topic.re is _FRAMED_TOPIC_RE else 0
    subject = _agents(summary, topic.end(), mentions, framed) if topic else []
    retold = _retold_happening(masked, date) if precision == "day" else []
    # an English sentence dated by a relative clause's day ("The expo, which opened on April 13, runs until…") tells that
    # day the clause's happening: its main verb's act ("runs", "said") is of another time, and no act of the day
    main = [] if retold and is_english(summary) else sorted(done.main)
    return EventRow(
        passage_seq=seq,
        date=date,
        precision=precision,
        summary=summary,
        background=background,
        actor_ids=sorted({m.actor_id for m in mentions}),
        topics=topics_of(summary),
        weight=weight,
        tokens=sorted(feats.tokens),
        persons=sorted(feats.persons),
        names=sorted(feats.names),
        report=report,
        alt=alt,
        act=main,
        acts=sorted(done.named),
        subject=subject,
        people=sorted(feats.people),
        theme=_theme(masked[: topic.end() - 1]) if topic is not None and topic.re is _TOPIC_RE and not subject else [],
        retold=retold,
        aside=aside,
        doer=doer(summary, mentions, actors, topic.end() if topic else 0, framed) if precision == "day" else [],
        hour=hour_told(masked) if precision == "day" and not is_english(summary) else [],
        scene=_scene(masked, date) if precision == "day" else [],
        ref=back_reference(masked, mentions, actors) if precision == "day" else [],
        titled=_titled(summary, mentions, actors) if precision == "day" else [],
        topicless=precision == "day" and topic is None and not is_english(summary),
    )


# A Japanese sentence's topic that names a person again by a word pointing back to one named before, after a connective
# perhaps (「同氏は3日朝、…」「首相は18日夜、官邸で…」「平氏は同日、…講演した」「これに対し、河野氏は9日の会見で」「米メディア
# によると、チートル氏は23日、…」): 同氏, a bare title, or a family name with 氏 or さん, then the day or a comma.
_BACK_OPENER_RE = re.compile(
    r"^(?:これに対し(?:て)?|これを受け(?:て)?|その上で|そのうえで|一方|また|さらに|[^、。，,「」]{1,15}によると)[、，,]"
)
_PERSON_TITLE = (
    r"(?:首相|総理(?:大臣)?|大統領|副大統領|知事|市長|町長|村長|社長|会長|長官|官房長官|大臣|[外財防法農経]相|"
    r"[\u4e00-\u9fff]{1,2}相|代表|委員長|議長|総裁|幹事長|報道官|書記長|国王|首席顧問)"
)
_TITLE_RE = re.compile(_PERSON_TITLE)
_BACK_TOPIC_RE = re.compile(
    rf"(?P<ref>同氏|同{_PERSON_TITLE}|{_PERSON_TITLE}|(?P<name>[\u4e00-\u9fff]{{1,3}}|[\u30a1-\u30fa\u30fc]{{2,10}})(?:氏|さん))"
    r"(?:は|も)(?=[、，,]|同日|同じ日|この日|[0-9０-９]{1,2}日|午前|午後|夜|朝)"
)


def back_reference(masked: str, mentions: list[Mention], actors: ActorIndex) -> list[str]:
    """The word a Japanese sentence's topic names its person by again (`_BACK_TOPIC_RE`): ["同氏"], the title (["首相"])
    or the family name (["平"]); read by `same_event.named_again` against an earlier sentence of the article and day,
    whose one person that is. Empty when the topic names a person in full, a body or nobody."""
    if is_english(masked):
        return []
    opener = _BACK_OPENER_RE.match(masked)
    start = opener.end() if opener else 0
    found = _BACK_TOPIC_RE.match(masked, start)
    if found is None:
        return []
    inside = [m for m in mentions if start <= m.start < found.end("ref")]
    if any(actors.actors[m.actor_id].kind != "person" for m in inside):
        return []  # a body named (「同社長は」 names a person, 「政府は」 does not match)
    if inside:
        # a person the index knows: their doer, unless a connective before the topic hid it (「これに対し、河野氏は」)
        return sorted({f"@{m.actor_id}" for m in inside}) if opener else []
    ref = found["ref"]
    if found["name"]:
        return [found["name"]]
    return ["同氏" if ref.startswith("同") and ref != "同氏" else ref]


def _titled(summary: str, mentions: list[Mention], actors: ActorIndex) -> list[str]:
    """The titles a Japanese sentence names its persons with as the doer, the title then は, が or も (「岸田文雄首相が」:
    首相; 「チートル長官は」: 長官), not as whom something was done to (「…首相に電話で伝えた」)."""
    if is_english(summary):
        return []
    out = set()
    for m in mentions:
        if actors.actors[m.actor_id].kind != "person":
            continue
        t = _TITLE_RE.match(summary, m.end)
        if t is not None and summary[t.end() : t.end() + 1] in ("は", "が", "も"):
            out.add(t.group())
    return sorted(out)


# A sentence that opens on the day's happening it tells something at (「16日の会合後、知事は記者団に…」「22日の公聴会で、
# 長官は冒頭、…認めた」「26日午後2時に始まった判決の言い渡しで、裁判長は冒頭で無罪を告げました」): its own day, an hour
# perhaps, the happening's noun through の, からの or a short 始まった, then で, 後 or では and a comma.
_SCENE_RE = re.compile(
    r"^(?:現地時間の?|日本時間の?)?(?P<day>[0-9０-９]{1,2})日の?(?:午前|午後|夜|朝|夕方?|未明|深夜|昼)?"
    r"(?:[0-9０-９]{1,2}時(?:[0-9０-９]{1,2}分|半)?(?:ごろ|頃|過ぎ|すぎ)?)?"
    r"(?:に始まった|から始まった|からの|の)?(?P<head>[^、。，,「」はがをにと]{1,12}?)(?:で|後|では|の冒頭で)、"
)
# what is no happening of the article's own to tell at: a market's day (「13日の東京株式市場では」: the figures of anyone's
# shares), a briefing or a cabinet meeting (each party of the day holds its own, and one cabinet meeting decides several
# things the gold holds apart)
_NO_SCENE = frozenset([CONCEPT_PREFIX + "market", CONCEPT_PREFIX + "press_conference", "閣議", "市場"])


def _scene(masked: str, date: str) -> list[str]:
    """The event words of the happening of its own day a Japanese sentence opens on, to tell what was done or said at
    it (`_SCENE_RE`), read by `same_event.retold_in_one_article`: after a lead that names it (「…代表者が16日、…会合を
    開き」, 「…前日の22日に…公聴会で証言したが」, 「…静岡地方裁判所は26日、無罪を言い渡しました」) the sentence tells
    more of that happening, whoever it names. Not a market's day, a briefing or a cabinet meeting (`_NO_SCENE`)."""
    told = _ANNOUNCED_SCENE_RE.match(masked)
    if told is not None and len(date) == 10 and (told["day"] is None or _day_of(told["day"]) == int(date[8:10])):
        return [_ANNOUNCEMENT]  # 「同日発表した10～12月期決算は」: more of what the day's announcement told
    m = _SCENE_RE.match(masked)
    if m is None or len(date) != 10 or int(unicodedata.normalize("NFKC", m["day"])) != int(date[8:10]):
        return []
    head = m["head"]
    terms = event_terms(nouns(head), head)
    return [] if not terms or not _NO_SCENE.isdisjoint(terms) else sorted(terms)


# A sentence opening on what the day's announcement told, naming no party (「同日発表した23年10～12月期決算は、…」「6日に
# 公表された30キロ圏の集計では、…」): after a lead telling that announcement (「ボーイングは31日、…見通しの公表を見送っ
# た」「KADOKAWAは14日、…になりそうだと発表した」) more of it, not a happening of its own.
_ANNOUNCED_SCENE_RE = re.compile(
    r"^(?:同日|(?P<day>[0-9０-９]{1,2})日)に?(?:発表|公表)(?:した|された)[^、。，,「」はが]{1,30}?(?:は|では)[、，,]?"
)
_ANNOUNCEMENT = CONCEPT_PREFIX + "announcement"


def _day_of(day: str) -> int:
    return int(unicodedata.normalize("NFKC", day))


# A sentence's topic that is a happening itself, not a party (「就任式は8日夜、…大統領府で行われ」「演習は23日午前7時45分
# に始まった」「撃墜は米東部時間4日午後2時39分」「事件は22日午後、…草原で起きた」): after its lead, an article tells
# the happening's hour, place and course in a sentence of its own about it. Its head noun, at the topic's end.
_HAPPENING_TOPIC_RE = re.compile(
    r"(?:事件|事故|火災|火事|地震|噴火|爆発|墜落|衝突|撃墜|攻撃|空爆|砲撃|演習|訓練|投票|採決|開票|審議|会談|会合|会議|"
    r"協議|会見|式典|[^\s、の]{1,4}式|[^\s、の]{1,4}選|選挙|停戦|署名|調印|判決|公判|発射|放出|作業|捜索|デモ|集会)$"
)
_THEME_TOPIC_CHARS = 12  # a longer topic (「…を巡る一連の事件は」) says more than which happening it is


def _theme(topic: str) -> list[str]:
    """The event words of a sentence's topic that names a happening (「就任式は」: ~inauguration; 「合同演習は」: 演習),
    none for a topic that names a party or a thing; read by `same_event.retold_in_one_article`."""
    topic = topic.strip()
    found = _HAPPENING_TOPIC_RE.search(topic) if len(topic) <= _THEME_TOPIC_CHARS else None
    if found is None:
        return []
    head = found.group()
    terms = event_terms(nouns(head), head) | {t for t in event_terms(nouns(topic), topic) if t[:1] == CONCEPT_PREFIX}
    return sorted(terms)


# A later article names a happening by its day, in a phrase that makes the day the happening's (「4月15日に始まった戦闘は
# 5週間を超え」「先月28日の大地震からの救援」「去年12月20日に署名された大統領令のうち」「8日の政権崩壊後」): the day and
# the happening's noun right after it, through の or a short done relative clause (…た/…だ) with no comma between, and
# that noun is the phrase's head (a particle or a comma follows it).
_RETOLD_RE = re.compile(
    r"(?<![0-9０-９])(?P<day>[0-9０-９]{1,2})日(?:の|(?:に|から)[^、。，,「」]{0,12}?[ただ])"
    r"[^、。，,「」はがをにでとも]{0,6}?"
    r"(?P<head>地震|戦闘|交戦|紛争|内戦|崩壊|破綻|事件|事故|火災|火事|墜落|衝突|攻撃|空爆|砲撃|銃撃|撃墜|噴火|爆発|決壊|"
    r"選挙|投票|開票|判決|公判|停戦|署名|調印|大統領令|命令|逮捕|起訴|辞任|就任|発射|デモ|侵攻|反乱|工事)"
    r"(?=(?:後|以降)?[はがをにでともへやの、。]|から|まで)"  # the noun's end: 「6日の就任後初の記者会見」 names the briefing
)


def _retold_happening(masked: str, date: str) -> list[str]:
    """The event words of the happening a sentence names by its own day (`_RETOLD_RE`: 「4月15日に始まった戦闘は…」:
    戦闘; 「先月28日の大地震からの…」: ~earthquake), read by `same_event` to join the day's reports of it: a later
    article's look back at a happening tells no new one, whatever else its sentence says. Only the event's own day
    (its date's day of the month); in English, a relative clause dated to it (`retold_english`)."""
    if is_english(masked):
        return retold_in_english(masked, date)  # ", which opened on April 13,": the clause's happening
    day = int(date[8:10]) if len(date) == 10 else 0
    for m in _RETOLD_RE.finditer(masked):
        if int(unicodedata.normalize("NFKC", m["day"])) != day:
            continue
        head = m["head"]  # the happening's own word (政権崩壊: 崩壊), not what it befell
        terms = event_terms(nouns(head), head)
        if terms:
            return sorted(terms)
    return []


# An English sentence's subject: after a quotation that opens it ("\"I can't go on,\" Mazón said…"), the run of capitalized
# words, figures and appositions before its first lowercase word ("Karki, 73, a former chief justice, was sworn in",
# "OpenAI Chief Executive Sam Altman also weighed in", "Thai Prime Minister Anutin Charnvirakul and his Cambodian…"),
# after an article and up to two words that describe the name ("The ruling Liberal Democratic Party had decided", "The
# planemaker Boeing said"), with an abbreviation in brackets ("Taiwan Semiconductor Manufacturing Co (TSMC) said").
_EN_SUBJECT_RE = re.compile(
    r"^(?:[\"“][^\"”]{1,400}[\"”],?\s+)?(?:[Tt]he\s+(?:[a-z][a-z-]+\s+){0,2}(?=[A-Z]))?"
    r"(?:(?:\(?[A-Z][^\s]*|[0-9][0-9,.]*|of|the|and|de|da|bin|al|von|van|der|la|le)[\s,]+)+"
)
# a person's name that names someone else (Donald Trump Jr., トランプ・ジュニア氏), or whose possessive or の makes it a
# modifier of the doer ("Scholz's coalition", 「トランプ氏の長男」)
_NOT_THE_PERSON_RE = re.compile(r"^(?:,?\s*(?:Jr|Sr)\b|[’']s\b|・?ジュニア|[^、。「」はがもと]{0,8}の)")
_KANJI_RE = re.compile("[\u4e00-\u9fff]")
_NAME_KEY_LEAST = 4  # a reading this short (ta, ito) is no name to tell a person by


def doer(summary: str, mentions: list[Mention], actors: ActorIndex, topic_end: int, framed: int = 0) -> list[str]:
    """The person a sentence tells as its doer, as clustering compares two reports across the scripts: a Japanese
    sentence's topic (「ブリンケン国務長官は3日、…」「外務省の金井正彰アジア大洋州局長は」), an English sentence's subject
    ("Blinken told a news conference…", "Masaaki Kanai, director-general of…"). Each person as "@" and its actor id,
    its name parts in their own script (ブリンケン, Blinken: `sounds_like` compares them) and the Latin keys of its
    names (a kanji name read: 金井正彰 kanai, masaki; a Latin one: kanai). A body too (「ボーイングは31日、…」, "The
    ruling Liberal Democratic Party had decided…": `_body_doer`); no state (a country is every report's setting, and
    its doings of a day are many); empty when the doer is no person or body or is not told."""
    if is_english(summary):
        found = _EN_SUBJECT_RE.match(summary)
        start, end = 0, found.end() if found else 0
    else:
        start, end = framed, topic_end
    out: set[str] = set()
    for m in mentions:
        kind = actors.actors[m.actor_id].kind
        if not (start <= m.start and m.end <= end) or kind not in ("person", "body"):
            continue
        if _NOT_THE_PERSON_RE.match(summary[m.end :]):
            continue
        text = summary[m.start : m.end]
        out.add(f"@{m.actor_id}")
        if kind == "body":
            out |= _body_doer(text, actors.actors[m.actor_id].name)
            continue
        parts = people_named([text])
        out |= parts
        keys = [name_key(p) for p in parts if not _KATAKANA_NAME_RE.match(p)]  # Latin letters, marks too (Mazón)
        if _KANJI_RE.search(text):
            keys += [name_key(romanize(r)) for r in proper_noun_readings(text)]
        out |= {k for k in keys if k and len(k) >= _NAME_KEY_LEAST}
        # the skeletons of its names (Blinken, ブリンケン: %brnkn), by which clustering finds the two to compare
        sounded = keys + [name_key(romanize(p)) for p in parts if _KATAKANA_NAME_RE.match(p)]
        out |= {sk for k in sounded if k and (sk := name_skeleton(k) or short_skeleton(k))}
    return sorted(out)


def _body_doer(text: str, name: str) -> set[str]:
    """A body told as a sentence's doer (「ダイハツは9日、…」, "Taiwan Semiconductor Manufacturing Co (TSMC) said…"), as
    clustering compares two reports across the scripts: the name its names share in the data (`body_names`: 自民党,
    "the ruling Liberal Democratic Party": one key for the group, `BODY_PREFIX`), and a name written in katakana or
    Latin letters whole (ボーイング, Boeing; TSMC) with its skeleton (one company discovered as two actors, one per
    script, as `sounds_like` tells). A kanji name outside the data (大阪府警) has no form the other script shares."""
    out: set[str] = set()
    for written in {text, name}:
        group = other_names(written)
        if group:
            out.add(BODY_PREFIX + min([written, *group], key=_body_key))
    plain = unicodedata.normalize("NFKC", text).strip()
    if _KATAKANA_NAME_RE.match(plain) or _LATIN_BODY_RE.fullmatch(plain):
        out.add(plain)
        key = name_key(romanize(plain)) if _KATAKANA_NAME_RE.match(plain) else name_key(plain)
        if key and (sk := name_skeleton(key) or short_skeleton(key)):
            out.add(sk)
    return out


def _body_key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


# a body named in Latin letters as one or two words (Boeing, TSMC, Nvidia, CrowdStrike, "Alaska Airlines"): what a
# katakana name (ボーイング, エヌビディア) may sound as; longer names ("Japan Coast Guard") are told by the data
_LATIN_BODY_RE = re.compile(r"[A-Z][A-Za-z&.\-]+(?: [A-Z][A-Za-z&.\-]+)?")


def _agents(summary: str, end: int, mentions: list[Mention], start: int = 0) -> list[str]:
    """Who a sentence's topic (from `start`, after a lead's frame, up to `end`) names: its actors as written and its
    katakana names (イスラエル軍: イスラエル); none for a topic that is a thing (「攻撃は…始まり」 tells more of the
    happening, not of another party)."""
    names = {summary[m.start : m.end] for m in mentions if start <= m.start and m.end <= end}
    names.update(w for w in nouns(summary[start : end - 1]) if _KATAKANA_NAME_RE.match(w))
    return sorted(names)


_KATAKANA_NAME_RE = re.compile("^[\u30a1-\u30fa\u30fc]{2,}$")
# 「イスラエル軍は13日未明、」「ロシア大統領府のペスコフ報道官は」: a Japanese sentence's topic, up to its は (no clause
# before it): who the sentence tells of.
_TOPIC_RE = re.compile(r"^[^、。，,「」は]{1,30}?(?<![でにと])は")
# 「トヨタ自動車など5社による認証不正問題で、国土交通省は4日午前、…」「…を巡り、同社は」: a lead's frame (a noun's
# で, not a clause's 「…としたうえで、」), then its topic
_FRAMED_TOPIC_RE = re.compile(
    r"^[^、。，,「」]{2,60}?(?:(?<=[\u4e00-\u9fff\u30a1-\u30fa\u30fc）)])で|を(?:めぐ|巡)り|について)[、，,]"
    r"(?P<topic>[^、。，,「」は]{1,30}?(?<![でにと])は)"
)
# 「イスラエルも同日、…釈放した」「官房長官も13日、…」: a party that did its own doing that day too (〜も, then the day): the
# sentence's topic as much as 〜は is, and another party's than the one told before (a party's doing told as one more).
_ALSO_TOPIC_RE = re.compile(
    r"^[^、。，,「」はも]{1,30}?(?<![でにと])も(?=同日|この日|前日|翌日|きょう|[0-9０-９]{1,2}日|[0-9０-９]{1,2}月[0-9０-９]{1,2}日)"
)


def _latest_day(value: str) -> dt.date:
    parts = [int(x) for x in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28)


def _is_background(value: str, report: dt.date | None) -> bool:
    return report is not None and (report - _latest_day(value)).days > BACKGROUND_DAYS


def _later_period(mention: DateMention, report: dt.date | None) -> bool:
    """A month or a year after the report's (「26年4月から法人税を増税することも盛り込んだ」「来年1～3月には…半分にする計画も決
    めた」): when what a done decision sets is to happen, not a happening; the decision is its report's news, dated by its
    own day. (A day ahead is read by its clause's tense, `_planned`: a report may tell a day ahead that then came.)"""
    if report is None or mention.precision not in ("month", "year"):
        return False
    now = report.isoformat()[:7] if mention.precision == "month" else str(report.year)
    return mention.value > now


RECAP_DAYS = 3 * 365  # a month or a year this long before its report is a recap of the story's past


def _recap(mention: DateMention, report: dt.date | None) -> bool:
    """A month or a year years before the report (「2014年3月に地裁が再審開始を決定した」「取引は1988年に始まった」 in a
    2024 report): the story's past recalled, not its news. A report tells its happenings by the day; what it dates
    only by a month or a year that far back is background (a day that far back, 「1966年6月30日、…」, stays: a case's
    own history told by the day)."""
    return (
        report is not None
        and mention.precision in ("month", "year")
        and (report - _latest_day(mention.value)).days > RECAP_DAYS
    )

"""Who said it: attribute a span of a passage to a speaker.

Rules, tried in order (Japanese news style):
1. a label in front:            「ルビオ米国務長官：「…」」, 「ドイツ・ショルツ首相:「…」」, 「トランプ大統領:これに対し「…」」
2. a possessive just before:    「ヘグセス国防長官の、「…」という発言」
3. a speaker just after:        「「…」と、米シンクタンク・戦争研究所(ISW)は発表」
4. the subject of the sentence: 「ウシャコフ補佐官は…「…」と述べた」, 「ロシアは…を「実に前向き」と評価」 (closest は, then が)
5. a quote continuing the previous sentence's subject: 「ルビオ氏は…と述べた。「もし…」」
6. the item's headline attribution: 「…受け入れ不可能＝ラブロフ外相」 (given by the parser)
"No speaker" is a valid answer.
"""

from __future__ import annotations

import re

from bot.extract.actors import BARE_TITLE_RE, TITLES, ActorIndex, Mention, strip_title
from bot.extract.actors import TITLE_RE as _TITLE_TAIL_RE
from bot.text import split_sentences

_NAMEISH = r"[\u4e00-\u9fff\u30a0-\u30ffA-Za-z・･\s]"
# は/も mark the topic, によると/によれば the source of reported speech; が is weaker (it also marks the
# subject of a relative clause: 「アメリカとウクライナが合意した停戦案」).
_TOPIC_MARKERS = ("は", "も", "によると", "によれば")
_AFTER_SUBJECT_RE = re.compile(rf"^{_NAMEISH}{{0,16}}?(によると|によれば|は|も|が)")
_SAME_PERSON_RE = re.compile(r"同(?:氏|長官|大統領|首相|外相|補佐官|教授|委員長|事務総長)(?:は|も)")
_VERBISH_RE = re.compile(r"[ぁ-ゖ]")
_LABEL_RE = re.compile(r"^\s*([^:：「」、。\n]{1,30}?)\s*[:：]")
_POSSESSIVE_RE = re.compile(
    r"\s*(?:[・･]?(?:" + "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True)) + r"))?の[、,]?\s*"
)
_TRAILING_SPEAKER_RE = re.compile(r"^[」』]*\s*(?:と|って)[、,]?\s*(?P<np>[^、。「」]{1,40}?)(?:は|が)")
_UTTERANCE_AFTER_RE = re.compile(
    r"^[」』]?\s*(?:という|との|と)(?:発言|主張|指摘|言葉|見解|コメント|声明|警告|認識|考え|立場|方針|談話)"
)


def quote_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The 「…」 pair that contains [start, end), as (index of 「, index after 」)."""
    depth_stack: list[int] = []
    for i, ch in enumerate(text):
        if i >= start and depth_stack:
            break
        if ch in "「『":
            depth_stack.append(i)
        elif ch in "」』" and depth_stack:
            depth_stack.pop()
    if not depth_stack:
        return None
    open_i = depth_stack[0]
    depth = 0
    for j in range(open_i, len(text)):
        if text[j] in "「『":
            depth += 1
        elif text[j] in "」』":
            depth -= 1
            if depth == 0:
                return (open_i, j + 1) if j + 1 >= end else None
    return (open_i, len(text))


_QUOTE_MARK_RE = re.compile("[「『」』]")


def mask_quotes(text: str) -> str:
    """Blank out what is inside 「…」 so a subject inside a quote is not taken for the speaker."""
    out, depth, last = [], 0, 0
    for m in _QUOTE_MARK_RE.finditer(text):
        between = text[last : m.start()]
        out.append("＿" * len(between) if depth else between)
        out.append(m.group())  # the brackets themselves stay
        if m.group() in "「『":
            depth += 1
        elif depth:
            depth -= 1
        last = m.end()
    rest = text[last:]
    out.append("＿" * len(rest) if depth else rest)
    return "".join(out)


def _subject_mentions(masked: str, mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
    return [
        m for m in mentions if lo <= m.start and m.end <= hi and _AFTER_SUBJECT_RE.match(masked[m.end : m.end + 20])
    ]


def attribute(
    text: str,
    start: int,
    end: int,
    actors: ActorIndex,
    default_speaker: str | None = None,
    mentions: list[Mention] | None = None,
    context: str = "",
) -> str | None:
    """The speaker of text[start:end], as an actor's canonical name or the text's own noun phrase.

    `context` is the surrounding article text (the same item), used to resolve a bare title
    subject such as 「ロシアの大統領補佐官は」 to the person named with that title nearby.
    """
    mentions = actors.mentions(text) if mentions is None else mentions
    masked = mask_quotes(text)
    bounds = quote_bounds(text, start, end)
    q_start, q_end = bounds if bounds else (start, end)

    # 1. a label in front of the line
    label = _LABEL_RE.match(text)
    if label and label.end() <= q_start + 1:
        inside = [m for m in mentions if m.end <= label.end(1)]
        people = [m for m in inside if actors.actors[m.actor_id].kind == "person"]
        if inside:
            return (people or inside)[-1].name
        name = strip_title(label.group(1))
        if name and len(name) <= 20:
            return _canonical(actors, name)

    # 2. possessive just before an utterance: 「Xの、「…」という発言」
    if bounds and _UTTERANCE_AFTER_RE.match(text[q_end - 1 :]):
        for m in reversed([m for m in mentions if q_start - 24 <= m.start and m.end <= q_start]):
            if _POSSESSIVE_RE.fullmatch(masked[m.end : q_start]):  # the actor itself owns the words
                return m.name

    # 3. speaker right after the quote: 「「…」と、Xは」 (a noun phrase, not a clause: 「…」と主張する問題に…)
    if bounds:
        for at in (q_end - 1, q_end):
            m3 = _TRAILING_SPEAKER_RE.match(masked[at:])
            if m3:
                break
        if m3:
            np = m3.group("np").strip()
            head = np[2:] if np.startswith("ある") else np
            if np and len(np) <= 25 and not _VERBISH_RE.search(head.replace("の", "")):
                np_start = at + m3.start("np")
                inside = [m for m in mentions if np_start <= m.start and m.end <= np_start + len(m3.group("np"))]
                # an actor is the speaker only as the head of the phrase (「ウクライナ大統領府のスタッフ」 is not ウクライナ)
                if inside and not _TITLE_TAIL_RE.sub("", text[inside[-1].end : np_start + len(m3.group("np"))]).strip():
                    return inside[-1].name
                return np

    # 4. the subject of the sentence the span sits in
    sentences = split_sentences(masked)
    sent = next(((s, e) for s, e in sentences if s <= q_start < e), (0, len(text)))
    same = list(_SAME_PERSON_RE.finditer(masked, sent[0], q_start))
    if same:  # 「同氏は」: the person named before, outside anyone's quote
        spoken = [m for m in mentions if masked[m.start] != "＿"]
        earlier = _last_person_before(actors, spoken, same[-1].start())
        if earlier is None and context and text in context:
            ctx_masked = mask_quotes(context)
            ctx = [m for m in actors.mentions(context) if ctx_masked[m.start] != "＿"]
            earlier = _last_person_before(actors, ctx, context.find(text))
        if earlier:
            return earlier
    subj = _subject_mentions(masked, mentions, sent[0], q_start)
    topic = [m for m in subj if _topic_marked(masked, m)]
    if topic:
        return topic[-1].name
    titled = _bare_title_subject(masked[sent[0] : q_start], context or text, actors)
    if titled:
        return titled
    if subj:
        return subj[-1].name

    # 5. a quote that goes on from the previous sentence's subject
    if bounds and sent[0] > 0:
        prev = [s for s in sentences if s[1] <= sent[0]]
        if prev:
            subj = _subject_mentions(masked, mentions, prev[-1][0], prev[-1][1])
            if subj:
                return subj[0].name

    # 6. the headline's attribution for the item
    if default_speaker:
        return _canonical(actors, strip_title(default_speaker)) if actors.resolve(default_speaker) else None
    return None


def _topic_marked(masked: str, m: Mention) -> bool:
    found = _AFTER_SUBJECT_RE.match(masked[m.end : m.end + 20])
    return bool(found and found.group(1) in _TOPIC_MARKERS)


def _last_person_before(actors: ActorIndex, mentions: list[Mention], pos: int) -> str | None:
    people = [m for m in mentions if m.end <= pos and actors.actors[m.actor_id].kind == "person"]
    return people[-1].name if people else None


def _bare_title_subject(sentence: str, context: str, actors: ActorIndex) -> str | None:
    """「(ロシアの)大統領補佐官は」 → the actor named with that title in the context (「ウシャコフ大統領補佐官」)."""
    hits = list(BARE_TITLE_RE.finditer(sentence))
    if not hits:
        return None
    title = hits[-1].group("title")
    for m in actors.mentions(context):
        if context.startswith(title, m.end) and actors.actors[m.actor_id].kind == "person":
            return m.name
    start = hits[-1].start()
    phrase = sentence[max(0, start - 12) : hits[-1].end()]
    return phrase.split("、")[-1].split("。")[-1].strip() or title


def _canonical(actors: ActorIndex, name: str) -> str:
    hit = actors.resolve(name)
    return hit.name if hit else name

"""/stance about: an actor's statements about a target named in the user's own words.

The target's head word (and its variants) selects the documents that name the actor beside it; their
actor clauses are found by the statement rules (`extract_claims`, the speaker rules of /quote) and kept
when they name enough of the target, in the clause or in what was read just before it (the item's
heading, the previous sentences, the question put). The position is read toward the target (see
`position_toward`), one statement per passage; the same sentence reported by several outlets is one
statement with its sources.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import NamedTuple, cast

from bot.actors import TITLES, ActorEntry, ActorIndex
from bot.extract.about import (
    ENGLISH_QUERY_GLOSSES,
    Target,
    TargetWord,
    about_settings,
    add_names,
    add_related,
    cue_target,
    decided_halt_words,
    english_glosses,
    english_index,
    gloss_candidates,
    halt_words,
    head_compounds,
    head_synonyms,
    indexed_forms,
    is_act,
    is_generic,
    match_spans,
    named_across,
    named_people,
    named_words,
    names_an_act,
    parse_target,
    phrase_glosses,
    relevance,
    report_aboutness,
    report_texts,
    spell_names,
    take_glosses,
    verb_forms,
    weigh,
    weigh_unheld,
)
from bot.extract.about import (
    form as word_form,
)
from bot.extract.affiliation import affiliations, member_clause, names_body
from bot.extract.attribution_ja import speech_verb
from bot.extract.body_glosses import (
    english_body_names,
    english_heads,
    head_words,
    japanese_body_names,
    japanese_heads,
    japanese_names_of,
)
from bot.extract.body_names import other_names
from bot.extract.claim_records import fresh_claims, load_claims, load_readings, load_ties
from bot.extract.gloss_words import noun_glosses, word_glosses
from bot.extract.kanji_forms import japanese_form
from bot.extract.known_forms import remember
from bot.extract.latin_written import latin_spelling, latin_written
from bot.extract.negated_act import act_negated
from bot.extract.org_names import groups_named
from bot.extract.own_matter import stated_topics, turns_away
from bot.extract.place_names import PLACE_GOVERNED, english_places, place_governed
from bot.extract.position_model import revise
from bot.extract.post_holders import holders, split_post
from bot.extract.roles import org_suffix, vocabulary
from bot.extract.romaji import name_key, name_skeleton, near_outline, romanize, short_skeleton, sounds_like
from bot.extract.stance import Claim, composes_halt, declined_at, extract_claims, position_read, snippet
from bot.extract.written_names import owner_typed, spelled_in_full, spelled_out, with_word_inside
from bot.models import ActorInfo, ParsedPassage, Position, StanceReport, Statement
from bot.services.antecedent import Antecedent, antecedents
from bot.services.associated import associate, associated_query, associated_view
from bot.services.body_place import (
    english_union_owner,
    japanese_unions,
    longer_bodies,
    shorter_forms,
    union_forms,
)
from bot.services.country_qualified import country_forms, leading_country, same_country
from bot.services.errors import QueryError
from bot.services.name_part import known_by_part
from bot.services.question_put import question_put
from bot.services.quote_lang import japanese_concepts
from bot.services.relatives import typed_relative, written_forms
from bot.services.resolve import (
    across_scripts,
    across_scripts_typed,
    bracketed_body,
    kanji_short,
    led_by_person,
    possessive_body,
    posted_person,
    resolve_visible_actor,
    typed_forms,
    typed_in_english,
)
from bot.services.resolve_country import COUNTRY_ID, LEADING_THE
from bot.services.stance import actor_info, summarize
from bot.services.topics import topic_cue_map
from bot.services.typed_org import (
    ambiguous_body,
    company_typed,
    country_body_written,
    group_by_members,
    org_named_otherwise,
    seen_among,
)
from bot.services.typed_person import (
    PASSAGES,
    PartsTyped,
    kanji_named,
    katakana_relative,
    latin_full_names,
    latin_query,
    name_part_people,
    surname_query,
    typed_parts,
    written_full_names,
)
from bot.services.typed_sound import respellings
from bot.store import Store
from bot.store.about import (
    DocHead,
    DocPassage,
    candidate_documents,
    candidate_documents_naming,
    document_passages,
    katakana_terms,
    latin_terms,
    passage_count,
    passage_texts_bracketing,
    passage_texts_matching,
    passages_matching,
)
from bot.store.claims import StoredClaims, stored_claims
from bot.store.refs import cited_source
from bot.store.search import fts_string, passage_token_texts, term_frequencies
from bot.store.tenancy import actor_seen_by, actors_seen_among
from bot.text import index_tokens, normalize

__all__ = [
    "MAX_DOCS",
    "ActorReading",
    "check_about",
    "find_unregistered",
    "prepare_target",
    "read_actor",
    "stance_about",
]

MAX_DOCS = 12  # documents read for one target: the ones that name it most
MAX_REPORT_DOCS = 4  # and those naming the rest of it, read for the actor's reactions in its reports only
CONTEXT_REFERENCE_SCORE = 0.28  # a clause pointing back (これ, その, 同案) at a target named just before it
_FLIP = {"support": "oppose", "oppose": "support"}
_KANA_RX = re.compile(r"[ぁ-ゖ]{2}|[A-Za-z]{3,}\s+[A-Za-z]{2,}")


def check_about(about: str | None) -> str:
    """The target text, trimmed, or a QueryError saying what is wrong with it."""
    text = " ".join((about or "").split())
    if not text:
        raise QueryError("about.missing")
    limit = int(about_settings()["max_chars"])
    if len(text) > limit:
        raise QueryError("about.too_long", length=len(text), limit=limit)
    return text


async def stance_about(
    store: Store,
    actor: str,
    about: str,
    *,
    limit: int | None = None,
    offset: int = 0,
    cues: list[str] | None = None,
    prepared: tuple[Target, str] | None = None,
    reading: ActorReading | None = None,
    guild_id: int | None = None,
) -> StanceReport:
    """The actor's statements about `about`, newest first (all, or `limit` from `offset`), with one summary
    row for the target (its latest position and how it changed).

    `cues`: a stored topic's cue words; any one of them names the target (`about` is the topic's name).
    `prepared`: what prepare_target() made of `about` already. `reading`: the actor as parse_stance_query()
    read it already (`read_actor`: its scans of the reports are then not made twice). `guild_id`:
    only the documents that server sees (its own and the shared ones)."""
    text = check_about(about)
    entry, actors, named, country = reading if reading is not None else await read_actor(store, actor, text, guild_id)
    target, match = prepared if prepared is not None else await prepare_target(store, text, cues, guild_id)
    # the same person named in the other script (木原 in Japanese reports, Kihara in English ones)
    others = await asyncio.to_thread(across_scripts, store.actors, country or entry)
    if named is not None and not others:  # ラスムセン外相 read as a name the registry
        for form in typed_forms(entry.name):  # lacks: the person it is without the title, in the other script
            person = replace(entry, name=form, kind="person", aliases=[])
            if others := await asyncio.to_thread(across_scripts, store.actors, person):
                break
    if named is None and country is None:  # and stored under a part of the name (鈴木 of 鈴木俊一, 章浩 of 小林章浩)
        others += [a for a in name_part_people(store.actors, entry) if all(a.id != o.id for o in others)]
    if others and guild_id is not None:
        seen = await actors_seen_among(store, [a.id for a in others], guild_id)
        others = [a for a in others if a.id in seen]
    glossed = await asyncio.to_thread(_gloss_query, target)
    report_only: list[int] = []  # documents read for the statements found through their report only
    if named is None:
        doc_ids = []
        bare = {one.id for one in (entry, *others)}  # the actors none of whose documents name the head
        for query in (match, glossed) if glossed else (match,):
            for one in (entry, *others):
                found = await candidate_documents(store, one.id, query, MAX_DOCS, guild_id=guild_id)
                doc_ids += found
                bare -= {one.id} if found else set()
            doc_ids = list(dict.fromkeys(doc_ids))[:MAX_DOCS]
            if len(doc_ids) < MAX_DOCS:  # and those naming it where no mention was stored (an actor found later on)
                by_name = await candidate_documents_naming(
                    store, await asyncio.to_thread(_name_query, entry), query, MAX_DOCS, guild_id=guild_id
                )
                doc_ids += [d for d in by_name if d not in doc_ids][: MAX_DOCS - len(doc_ids)]
                bare -= {entry.id} if by_name else set()
                # and where room is left, those naming the same person in the other script (ヌーランド typed, "Victoria
                # Nuland" in the English reports: `others`), after the ones naming the name typed
                names = " OR ".join([q for one in others if (q := await asyncio.to_thread(_name_query, one))])
                if names and len(doc_ids) < MAX_DOCS:
                    more = await candidate_documents_naming(store, names, query, MAX_DOCS, guild_id=guild_id)
                    doc_ids += [d for d in more if d not in doc_ids][: MAX_DOCS - len(doc_ids)]
            if len(doc_ids) >= MAX_DOCS:
                break
        rest = await asyncio.to_thread(_rest_query, target) if len(doc_ids) < MAX_DOCS else ""
        if rest and bare:
            # the actor's documents name none of the head (取り組み asked, 再発防止 and フォローアップ said): those
            # naming the rest of the target are read, and a statement naming no head word counts for less
            # (`headless_weight`) — an answer from what the actor did say of it, not an empty one; so too for the
            # actor's name in one script where the other's documents name it (Carney in English reports, カーニー
            # in Japanese ones naming a Japanese target's head)
            for one in (entry, *others):
                if one.id in bare:
                    doc_ids += await candidate_documents(store, one.id, rest, MAX_DOCS, guild_id=guild_id)
            doc_ids = list(dict.fromkeys(doc_ids))[:MAX_DOCS]
        if rest and len(bare) < 1 + len(others) and len(doc_ids) < MAX_DOCS:
            # and the reports that name the rest of it, for the actor's reactions there only (see `_in_report`):
            # 「処理水を海に流すこと」 asked, 「処理水の放出」 reported, the reaction naming neither
            for one in (entry, *others):
                more = await candidate_documents(store, one.id, rest, MAX_REPORT_DOCS, guild_id=guild_id)
                report_only += [d for d in more if d not in doc_ids and d not in report_only]
            report_only = report_only[:MAX_REPORT_DOCS]
        if len(doc_ids) < MAX_DOCS and (english := await asyncio.to_thread(_english_query, target)):
            # and the English reports naming a Japanese head in English (アサド独裁の終わり: "the end of Assad's
            # dictatorship"), where room is left: after the reports read for reactions, which they must not crowd out
            for one in (entry, *others):
                more = await candidate_documents(store, one.id, english, MAX_DOCS, guild_id=guild_id)
                doc_ids += [d for d in more if d not in doc_ids and d not in report_only][: MAX_DOCS - len(doc_ids)]
        if len(doc_ids) < MAX_DOCS and (associated := associated_query(target)):
            # and those naming the words the store says beside the target (収監 for 刑務所に閉じ込めること), after
            # every document naming a word of the user's (in either language)
            for one in (entry, *others):
                more = await candidate_documents(store, one.id, associated, MAX_DOCS, guild_id=guild_id)
                doc_ids += [d for d in more if d not in doc_ids and d not in report_only][: MAX_DOCS - len(doc_ids)]
    else:
        if others:
            named = " OR ".join([named, *[await asyncio.to_thread(_name_query, a) for a in others]])
        doc_ids = await candidate_documents_naming(store, named, match, MAX_DOCS, guild_id=guild_id)
        english = await asyncio.to_thread(_english_query, target) if len(doc_ids) < MAX_DOCS else ""
        for query in (glossed, english):  # an English head said in Japanese, a Japanese head said in English
            if query and len(doc_ids) < MAX_DOCS:
                more = await candidate_documents_naming(store, named, query, MAX_DOCS, guild_id=guild_id)
                doc_ids += [d for d in more if d not in doc_ids][: MAX_DOCS - len(doc_ids)]
    heads, passages = await document_passages(store, doc_ids + report_only)
    stored = await stored_claims(store, unheld(store, doc_ids + report_only)) if named is None else {}
    # the words a report's lead says, for reading it across languages: as the full-text index holds them (each
    # lead tokenized again was most of a first question's cost for a target with a Latin word: NATO, minerals)
    tokens = (
        await passage_token_texts(store, [r.id for rows in passages.values() for r in rows]) if _across(target) else {}
    )
    ids = {entry.id} if named is None else _full_names(actors, entry)
    ids |= {a.id for a in others}
    # the people the documents name as the actor's (its officer, lawyer, spokesperson: `affiliations`), by every
    # name it goes by in either script; none for a country (its ministers speak for its government, not for it)
    speaks_for = (
        _body_names_of(actor, entry, others) if country is None and entry.kind not in ("state", "country") else ()
    )
    statements = await asyncio.to_thread(
        _read,
        store,
        actors,
        target,
        ids,
        entry.name,
        heads,
        passages,
        stored,
        set(report_only),
        tokens,
        (speaks_for, entry.kind == "person" and named is None),
    )
    # the summary says what the actor said of the target itself; the statements found only through their report
    # (a reaction to the story) make it only when there is nothing else
    direct = [s for s in statements if s.via is None] or statements
    rows = [(text, s.date or "", s.position, 1) for s in sorted(direct, key=lambda s: (s.date or "", s.id))]
    summary = summarize(rows)
    for t in summary:
        t.topic = text
    total = len(statements)
    page = statements[offset : offset + limit] if limit is not None else statements[offset:]
    return StanceReport(
        actor=actor_info(country, total)
        if country is not None
        else actor_info(entry, total)
        if named is None
        else _unregistered_info(entry, total),
        topics=summary,
        statements=page,
        total=total,
        offset=offset,
        about=text,
    )


async def find_unregistered(
    store: Store, name: str, guild_id: int | None = None
) -> tuple[ActorEntry, ActorIndex, str] | None:
    """An actor the registry lacks but the articles name: (entry, an index that knows it, its FTS5 query).

    The name is matched as written and with the usual titles after it (馳 → 馳知事, 馳氏), so a one-kanji
    surname is found where the articles give it a title; a body typed with its place's possessive (パキスタンの
    国家安全保障委員会) as the articles name it, without (`possessive_body`); a body typed with its spokesperson in
    brackets (Fidesz (Kocsis)) as the body (`bracketed_body`); a body the reports name only in the other language,
    read through the glosses (米連邦取引委員会: "US Federal Trade Commission"; "Kyoto Animation": 京都アニメーション),
    or a company or place typed in kanji that English reports spell in romaji (伊藤忠: Itochu)."""
    text = " ".join(unicodedata.normalize("NFKC", name or "").split())
    if not text or len(text) > 40:
        return None
    if (governed := place_governed(text)) is not None:  # ボルティモア市: "Baltimore" in the English reports
        found = await _governed_place(store, text, *governed, guild_id)
    else:
        found = await _unregistered(store, text, guild_id, also=union_forms(text))  # ネイバー労組: ネイバーの労働組合
    if found is None and (japanese := japanese_form(text)) != text:  # 吳江浩 typed: 呉江浩 in the reports
        text = japanese
        found = await _unregistered(store, text, guild_id)
    body = possessive_body(text) or bracketed_body(text) or text
    if found is None and body != text:
        found = await _unregistered(store, body, guild_id)
    if found is None and body.isascii():  # "National Security Committee": 国家安全保障委員会 in the Japanese reports
        for name in await _japanese_body(store, body, guild_id):
            if not same_country(text, name, await asyncio.to_thread(_names_of_body, store.actors, name)):
                continue  # "China's Ministry of Foreign Affairs": not 外務省, Japan's own
            if (found := await _unregistered(store, name, guild_id)) is not None:
                break
    if found is None and (owner := english_union_owner(body)) is not None:  # "Naver's union": ネイバー労組
        words = " OR ".join([fts_string(await asyncio.to_thread(_indexed, w)) for w in ("労組", "労働組合")])
        if unions := await asyncio.to_thread(
            japanese_unions, owner, await passage_texts_matching(store, words, 200, guild_id)
        ):
            found = await _unregistered(store, unions[0], guild_id, also=[*unions[1:], text])
    if found is None and not body.isascii() and (english := await _english_body(store, body, guild_id)):
        # 米連邦取引委員会: "the US Federal Trade Commission" in the English reports; 中国商務省: "China's Commerce
        # Ministry", then "Commerce Ministry" alone: one body, by every name found
        found = await _unregistered(store, english[0], guild_id, also=english[1:])
    if found is None and (spelled := await asyncio.to_thread(latin_spelling, body)):  # 伊藤忠: Itochu in English
        texts = await passage_texts_matching(store, fts_string(spelled), 200, guild_id)
        if written := await asyncio.to_thread(latin_written, body, texts):
            found = await _unregistered(store, written[0], guild_id, also=written[1:])
    if found is None and (parts := typed_parts(text)) is not None:  # 泉代表: 泉健太代表, or Kenta Izumi in English
        found = await _by_parts(store, text, parts, guild_id)
    if found is None and (relative := typed_relative(text)) is not None:  # 山田さんの夫: 山田(佐藤)花子さんの夫
        query = fts_string(_indexed(relative[0]))
        texts = await passage_texts_matching(store, query, 200, guild_id) if query else []
        for name in written_forms(*relative, texts):
            if (found := await _unregistered(store, name, guild_id)) is not None:
                break
    if found is None and not body.isascii() and (english := await _english_body(store, body, guild_id, lower=True)):
        # 北海道漁業協同組合連合会: "the Hokkaido federation of fisheries cooperatives", in a lower-case house style;
        # asked last, after every reading of a name as the reports capitalise it
        found = await _unregistered(store, english[0], guild_id, also=english[1:])
    return found


async def _by_parts(
    store: Store, typed: str, parts: PartsTyped, guild_id: int | None
) -> tuple[ActorEntry, ActorIndex, str] | None:
    """A person typed by surname and post, or by a full name the reports write otherwise (`typed_person`): read
    as the one name the passages naming the surname give it, in kanji or in Latin letters; the name typed is one
    more of its names. None when no passage fits; the names found when several do (`actor.ambiguous`)."""
    for query, read in (
        (fts_string(surname_query(parts.surname)), written_full_names),
        (latin_query(parts), latin_full_names),
    ):
        if not query:
            continue
        texts = await passage_texts_matching(store, query, PASSAGES, guild_id)
        names = await asyncio.to_thread(read, parts, texts)
        if any(store.actors.resolve(n) is not None for n in names):
            return None  # an actor already (上川法相: Yoko Kamikawa): the registered readings answer for it
        if len(names) > 1 and read is written_full_names:  # two people of that surname and post: named, not guessed
            raise QueryError("actor.ambiguous", text=typed, actors=names[:5], actors_en=names[:5])
        if len(names) != 1:
            continue
        name = names[0]
        found = await _unregistered(store, name, guild_id)
        if found is None and name in typed:  # 福岡資麿: the name tokenized alone is not as in running text
            found = await _unregistered(store, name, guild_id, query)
        if found is not None:
            entry, index, named = found
            index = extended_by(store.actors, entry.name, [*entry.aliases, typed], entry.kind)
            return index.actors[-1], index, named
    return None


class ActorReading(NamedTuple):
    """An actor typed with a target, as `read_actor` reads it."""

    entry: ActorEntry
    actors: ActorIndex  # the index its mentions are in (the store's, or one knowing an unregistered name)
    named: str | None  # the name query of an unregistered one; None for a registered actor
    country: ActorEntry | None  # the country entry when the actor is a country the registry lacks


async def read_actor(
    store: Store, actor: str, text: str, guild_id: int | None, kept: dict[str, tuple[Target, str]] | None = None
) -> ActorReading:
    """The actor typed as `stance_about` reads it, about the target `text`; raises QueryError when no reading fits.
    parse_stance_query() reads it so too: a name the answer would read (県公安委員会 for 鹿児島県公安委員会) is not
    refused while parsing. `kept`: as for `find_katakana_named`."""
    country: ActorEntry | None = None  # a country the registry lacks (タイ, Thailand): its government's bodies too
    try:
        entry = await resolve_visible_actor(store, actor, guild_id, countries=True)
        actors, named = store.actors, None
        if entry.id == COUNTRY_ID:  # and what the reports say it says (タイは…立場だ, "India hopes"), as for a name
            country = entry
            for name in dict.fromkeys((actor, entry.name, entry.name_en or entry.name)):
                if (found := await find_unregistered(store, name, guild_id)) is not None:
                    entry, actors, named = found
                    break
    except QueryError:  # not in the registry: a name the articles use (馳知事, 経団連, Tamaki) is read as one
        # 県公安委員会 typed, the index holding two prefectures' commissions: named, not guessed
        longer = await asyncio.to_thread(longer_bodies, store.actors, actor)
        if len(longer) > 1 and len(named_bodies := await seen_among(store, longer, guild_id)) > 1:
            raise ambiguous_body(actor, named_bodies) from None
        found = await _place_dropped(store, actor, guild_id, registered=True)
        # Toyota typed, トヨタ自動車 registered: the company, before the word is read as a name (a person's, 豊田)
        found = found or await company_typed(store, actor, guild_id)
        found = found or await find_unregistered(store, actor, guild_id)
        if found is None and (person := await posted_person(store, actor, guild_id)) is not None:
            found = person, store.actors, None  # グルン通信・情報技術相 typed, 「通信・情報技術相の…グルン氏」 written
        found = found or await _place_dropped(store, actor, guild_id, registered=False)
        if found is None and len(longer) == 1 and await actor_seen_by(store, longer[0].id, guild_id):
            # 県公安委員会 typed, no passage naming it so: 鹿児島県公安委員会, the one body the index holds so (a
            # name the passages write as typed is read so first: 共産党大阪府委員会 beside 日本共産党大阪府委員会)
            found = longer[0], store.actors, None
        if found is not None:
            entry, actors, named = found
        elif (leader := led_by_person(store, actor)) is not None and await actor_seen_by(store, leader.id, guild_id):
            entry, actors, named = leader, store.actors, None  # ユヌス暫定政権: its leader ユヌス, as the answer says
        else:  # a name the store knows only in the other script: 木原 typed, Kihara in the articles
            other = await across_scripts_typed(store, actor.strip(), guild_id)
            if other is None:  # Hayashi typed, 林芳正 in the articles; the Hong Kong government, 香港政府
                other = await typed_in_english(store, actor.strip(), guild_id)
            if other is not None:
                entry, actors, named = other, store.actors, None
            elif (found := await find_katakana_named(store, actor, text, guild_id, kept)) is not None:
                entry, actors, named = found  # Lankford typed, ランクフォード in the reports about the target
            elif (part := await known_by_part(store, actor, guild_id)) is not None:
                entry, actors, named = part, store.actors, None  # エドゥアルド・ボルソナロ typed, エドゥアルド氏 held
            elif (found := await _post_holder(store, actor, guild_id)) is not None:
                entry, actors, named = found  # 国連事務総長: グテレス; "United Airlines CEO": Scott Kirby
            elif (found := await _written_otherwise(store, actor, guild_id)) is not None:
                entry, actors, named = found  # ジェトロ: 日本貿易振興機構(ジェトロ); 第三者委員会: 第三者調査委員会
            elif (owner := owner_typed(actor)) is not None and (
                around := await _owner_read(store, owner, text, guild_id, kept)
            ):
                return around  # "Katsurada's lawyers": Katsurada's side; 外務省関係者: 外務省
            elif (found := await country_body(store, actor, guild_id)) is not None:
                entry, actors, named = found  # "Moroccan interior ministry": "Morocco's interior ministry"
            elif (bare := katakana_posted(actor)) is not None and (
                posted := await _owner_read(store, bare, text, guild_id, kept)
            ):
                return posted  # コリンズ上院議員: コリンズ, "Sen. Susan Collins" in the English reports
            elif (found := await country_body_written(store, actor, guild_id, _unregistered)) is not None:
                entry, actors, named = found  # 日本の外務省: 外務省; 中国の外務省: 中国外務省
            elif (found := await org_named_otherwise(store, actor, guild_id, _unregistered)) is not None:
                entry, actors, named = found  # PBOC, "People's Bank of China": 中国人民銀行 in the reports
            elif (found := await group_by_members(store, actor, guild_id, _unregistered)) is not None:
                entry, actors, named = found  # 足場業者団体: 「足場業者でつくる団体」 in the reports
            elif (said := await _said_otherwise(store, actor, guild_id)) is not None:
                entry, actors, named = said, store.actors, None  # Magnus Gisslén: マグヌス・イェスレン
            else:
                raise
    return ActorReading(entry, actors, named, country)


async def _said_otherwise(store: Store, typed: str, guild_id: int | None) -> ActorEntry | None:
    """The one person of the other script a Latin name typed is once spelled as its language says it (`typed_sound`:
    Gisslén as イェスレン, Türk as チュルク), else None."""
    found: dict[int, ActorEntry] = {}
    for spelled in respellings(typed):
        if (other := await across_scripts_typed(store, spelled, guild_id)) is not None:
            found[other.id] = other
    return next(iter(found.values())) if len(found) == 1 else None


async def country_body(
    store: Store, typed: str, guild_id: int | None
) -> tuple[ActorEntry, ActorIndex, str | None] | None:
    """A country's body typed in English with its country one way (`country_forms`: "Moroccan interior ministry",
    "Niger's army command") that the registry or the reports hold another way: the registry's actor of another
    shape ("Morocco's Interior Ministry"), else the name read in the passages under every shape, the bare body
    ("the interior ministry said") among them only where a document naming it also names the country and no actor
    of the registry has that name (a bare "Democratic Party" registered is another country's). Asked once every
    other reading has failed, so no name that resolved before reads otherwise."""
    qualified = country_forms(typed)
    if qualified is None:
        return None
    for form in qualified.forms:
        if (entry := store.actors.resolve(form)) is not None and entry.kind not in ("person", "state", "country"):
            return entry, store.actors, None
    also = list(qualified.forms)
    body = qualified.body
    if store.actors.resolve(body) is None:
        country = qualified.country
        names = [await asyncio.to_thread(_indexed, n) for n in (*country.english, *country.ja)]
        where = " OR ".join(dict.fromkeys(fts_string(n) for n in names if n))
        name = fts_string(await asyncio.to_thread(_indexed, body))
        if await candidate_documents_naming(store, name, where, 1, guild_id=guild_id):
            also.append(body)
    return await _unregistered(store, typed, guild_id, also=also, org=True)


# a person typed in katakana with a post the titles do not list (コリンズ上院議員, マッシー議員, ベステアー上級副委員長):
# the post's last word is a person's (議員, 委員長, 長官, 相 …), never a body's (銀行, 自動車, 庁), nor a company's head
# (トヨタ自動車社長, ソフトバンクグループ会長: the katakana word before 社長 / 会長 / 頭取 is the company, not a person)
_KATAKANA_POSTED_RE = re.compile(
    r"(?P<name>[ァ-ヺー]{2,}(?:[・･=＝][ァ-ヺー]{2,}){0,2})"
    r"[一-龥]{0,8}(?:議員|委員|(?<![社会])長|官|相|総裁|大統領|首相|知事|代表|判事|検事|大使)"
)


def katakana_posted(typed: str) -> str | None:
    """The name of a katakana name typed with its post (`_KATAKANA_POSTED_RE`), else None."""
    m = _KATAKANA_POSTED_RE.fullmatch(" ".join(unicodedata.normalize("NFKC", typed or "").split()))
    return m["name"] if m is not None else None


async def _owner_read(
    store: Store, owner: str, text: str, guild_id: int | None, kept: dict[str, tuple[Target, str]] | None
) -> ActorReading | None:
    """The body or person the people typed around it stand for (`owner_typed`), read as a name typed; None when
    nothing reads it. Their statements are that side's: the people the documents name as the actor's (its
    lawyer, spokesperson: `affiliations`) are read as its own."""
    try:
        return await read_actor(store, owner, text, guild_id, kept)
    except QueryError:
        return None


_WRITTEN_READ = 200  # passages read for a name the reports write otherwise than typed


async def _post_holder(
    store: Store, typed: str, guild_id: int | None
) -> tuple[ActorEntry, ActorIndex, str | None] | None:
    """The person holding a post typed with its body, as the passages naming both write their name beside it
    (`post_holders`: 国連事務総長 → グテレス; "United Airlines CEO" → Scott Kirby): the actor of that name, else the
    name read as an unregistered one. Several holders are named in the refusal (`actor.ambiguous`), not chosen
    among; None when no passage names one."""
    split = await asyncio.to_thread(split_post, typed)
    if split is None:
        return None
    body, post = split
    words = [await asyncio.to_thread(_indexed, w) for w in (body.split()[0] if body.isascii() else body, post)]
    if not all(words):
        return None
    texts = await passage_texts_matching(store, " AND ".join(fts_string(w) for w in words), _WRITTEN_READ, guild_id)
    names = await asyncio.to_thread(holders, body, post, texts)
    people: dict[str, tuple[ActorEntry, ActorIndex, str | None]] = {}  # by the actor's name; the names as written
    shown: list[str] = []
    for name in names[:5]:
        known = store.actors.resolve(name)
        if known is not None and known.kind == "person":
            if (guild_id is None or await actor_seen_by(store, known.id, guild_id)) and known.name not in people:
                people[known.name] = known, store.actors, None
                shown.append(name)
        elif known is None and (found := await find_unregistered(store, name, guild_id)) is not None:
            people[name] = found
            shown.append(name)
    if len(people) > 1:
        raise QueryError("actor.ambiguous", text=typed, actors=shown, actors_en=shown)
    return next(iter(people.values()), None)


async def _written_otherwise(
    store: Store, typed: str, guild_id: int | None
) -> tuple[ActorEntry, ActorIndex, str | None] | None:
    """A name the reports write otherwise than typed (`written_names`): a short name they give in brackets after the
    full one (ジェトロ typed, 日本貿易振興機構(ジェトロ) written), or a Japanese name they write with a word more inside
    it (第三者委員会 typed, 第三者調査委員会 written), or a short name made of a written one's characters (私学事業団:
    日本私立学校振興・共済事業団, `resolve.kanji_short`): the actor of the name written, else that name read as an
    unregistered one. Asked last: the bracketed one is found by a scan of the passages' text."""
    text = " ".join(unicodedata.normalize("NFKC", typed or "").split())
    if not text or len(text) > 40:
        return None
    short = LEADING_THE.sub("", text)  # "the MEA"
    names = await asyncio.to_thread(spelled_out, short, await passage_texts_bracketing(store, short, 50, guild_id))
    if not names and (tokens := (await asyncio.to_thread(_indexed, text)).split()):
        query = " AND ".join(fts_string(t) for t in dict.fromkeys(tokens))
        texts = await passage_texts_matching(store, query, _WRITTEN_READ, guild_id)
        names = await asyncio.to_thread(with_word_inside, text, texts)
        if (
            not names and len(tokens) > 1 and not text.isascii()
        ):  # 私学事業団: 日本私立学校振興・共済事業団, found by its head (事業団)
            head = next((tokens[k:] for k in range(len(tokens) - 1, 0, -1) if len("".join(tokens[k:])) >= 3), tokens)
            texts = await passage_texts_matching(store, fts_string(" ".join(head)), _WRITTEN_READ, guild_id)
            names = await asyncio.to_thread(spelled_in_full, text, texts, kanji_short)
    for name in names[:3]:
        # the place's body written with a possessive (イスマイリアの経済裁判所): the body the index holds, its place as
        # typed in the very words of the report
        held = name.rpartition("の")[2] if "の" in name and "の" not in text else name
        if (known := store.actors.resolve(name) or store.actors.resolve(held)) is not None:
            if guild_id is None or await actor_seen_by(store, known.id, guild_id):
                return known, store.actors, None
            continue
        # a long name written (58 characters of a Senate committee's) is read as written, the name typed one more of it
        found = await find_unregistered(store, name, guild_id) or await _unregistered(
            store, name, guild_id, also=[text]
        )
        if found is not None:
            return found
    return None


async def _place_dropped(
    store: Store, typed: str, guild_id: int | None, *, registered: bool
) -> tuple[ActorEntry, ActorIndex, str | None] | None:
    """A body typed with its place (鹿児島県公安委員会, 韓国科学技術情報通信省) as the reports go on to name it, without
    (県公安委員会, 科学技術情報通信省: `body_place.shorter_forms`): `registered`, the actor of that name; else that name
    read in the passages, the name typed one more of its names. Only where a document naming the shorter body also
    names the place typed (福岡県公安委員会 is not the 県公安委員会 of reports about Kagoshima), and never when the
    index holds the same body under another place (米商務省 beside 商務省: 中国商務省 is neither)."""
    forms = await asyncio.to_thread(shorter_forms, typed)
    for form, place in forms:
        where = fts_string(await asyncio.to_thread(_indexed, place))
        if registered:
            entry = store.actors.resolve(form)
            if entry is None or entry.kind in ("person", "state", "country"):
                continue
            others = [a for a in await asyncio.to_thread(longer_bodies, store.actors, form) if a.id != entry.id]
            if others or (guild_id is not None and not await actor_seen_by(store, entry.id, guild_id)):
                continue
            if await candidate_documents(store, entry.id, where, 1, guild_id=guild_id):
                return entry, store.actors, None
            continue
        if store.actors.resolve(form) is not None or await asyncio.to_thread(longer_bodies, store.actors, form):
            continue
        name = fts_string(await asyncio.to_thread(_indexed, form))
        if await candidate_documents_naming(store, name, where, 1, guild_id=guild_id):
            return await _unregistered(store, form, guild_id, also=[typed])
    return None


async def find_katakana_named(
    store: Store, name: str, about: str, guild_id: int | None = None, kept: dict[str, tuple[Target, str]] | None = None
) -> tuple[ActorEntry, ActorIndex, str | None] | None:
    """A person typed in Latin letters whom no actor is and the reports about the target (`about`) name only in
    katakana (Lankford: 共和党のランクフォード上院議員は…): that name read as an unregistered one (`katakana_named`);
    or, a Japanese surname, only in kanji (Hayashi: 林官房長官は…, `typed_person.kanji_named`); or a relative the
    reports name by the given name after the family's (Helen Comperatore: 妻ヘレンさん, `katakana_relative`).
    Asked last, once every other reading of the name has failed (an actor across the scripts is one already).
    `kept`: where the target prepared here (`prepare_target(store, about, None, guild_id)`) is left for the caller,
    which prepares the same target for its answer."""
    text = " ".join(unicodedata.normalize("NFKC", name or "").split())
    if _KATAKANA_NAME_TYPED_RE.fullmatch(text):  # プリゴジン typed, "Yevgeny Prigozhin" in the English reports
        return await latin_in_store(store, text, guild_id)
    if not _LATIN_NAME_TYPED_RE.fullmatch(text):
        return None
    with suppress(QueryError):
        prepared = await prepare_target(store, about, None, guild_id)
        if kept is not None:
            kept["prepared"] = prepared
        target, match = prepared
        texts = await passage_texts_matching(store, match, _KATAKANA_SCAN, guild_id)
        kana = await asyncio.to_thread(katakana_named, text, texts)
        if kana is None:  # Hayashi typed, 林官房長官 in the reports: a Japanese surname in kanji (`kanji_named`), in
            # the Japanese reports about the target too (an English target's words in Japanese: `_gloss_query`)
            if glossed := await asyncio.to_thread(_gloss_query, target):
                texts += await passage_texts_matching(store, glossed, _KATAKANA_SCAN, guild_id)
            kana = await asyncio.to_thread(kanji_named, text, texts)
        if kana is None:  # Helen Comperatore typed, 「コンペラトーレさんの妻ヘレンさん」 in the reports: a relative
            kana = await asyncio.to_thread(katakana_relative, text, texts)
        if kana is not None and store.actors.resolve(kana) is None:
            return await _unregistered(store, kana, guild_id)
    # nowhere near the target: wherever the store writes it (Reddit: 「レディット」は…提訴した, in a report the
    # target's words do not find; Freedom Caucus: 「フリーダム・コーカス」)
    return await katakana_in_store(store, text, guild_id)


_KATAKANA_TERMS_READ = 12  # katakana words of the index sounding like the name typed, whose passages are read


async def katakana_in_store(
    store: Store, typed: str, guild_id: int | None = None
) -> tuple[ActorEntry, ActorIndex, str | None] | None:
    """A name typed in Latin letters that the reports write only in katakana, found in the index's katakana words
    (`katakana_terms`: Reddit レディット, Kash Patel パテル of カシュ・パテル): its last word sounds like one of them,
    and the passages holding those words name it as `store_katakana_name` reads them; the actor of that name, else
    the name read as an unregistered one. None when no name fits, or several, or more words sound like it than
    `_KATAKANA_TERMS_READ` (a name too short to tell)."""
    text = " ".join(unicodedata.normalize("NFKC", typed or "").split())
    if not _LATIN_NAME_TYPED_RE.fullmatch(text):
        return None
    last = text.replace("’", "'").split()[-1]
    # the index's whole vocabulary compared by sound: CPU work, off the event loop
    terms = await asyncio.to_thread(_katakana_sounding, last, await katakana_terms(store))
    if not terms:
        return None
    return await _name_in_store(store, terms, partial(store_katakana_name, text), guild_id)


def _katakana_sounding(last: str, vocabulary: list[str]) -> list[str]:
    """The katakana words of the index that may be the Latin word typed (`katakana_in_store`); [] when more sound
    like it than `_KATAKANA_TERMS_READ`."""
    held = [t for t in vocabulary if len(t) >= 2 and near_outline(last, t)]
    terms = [t for t in held if sounds_like(last, t)]
    if len(terms) > _KATAKANA_TERMS_READ:
        return []
    # the index drops ー and reads a small ィ large (ムーディーズ is held as ムデイズ): a word of the same consonants
    # is read too, `katakana_named`'s reading of the passages' own spelling deciding
    skeleton = _skeleton_of(last)
    terms += [t for t in held if t not in terms and skeleton and _skeleton_of(romanize(t)) == skeleton]
    return terms[: 2 * _KATAKANA_TERMS_READ]


async def _name_in_store(
    store: Store, terms: list[str], read: Callable[[list[str]], str | None], guild_id: int | None
) -> tuple[ActorEntry, ActorIndex, str | None] | None:
    """The name `read` finds in the passages holding any of the index's `terms`: the actor of that name when it is a
    body this server has seen; None when it is a person (the store holds that person in the other script, which
    `across_scripts_typed` finds: not read here as another), a body unseen here, or when `read` finds none; else the
    name read as an unregistered one."""
    texts = await passage_texts_matching(store, " OR ".join(fts_string(t) for t in terms), 200, guild_id)
    name = await asyncio.to_thread(read, texts)
    if name is None:
        return None
    if (known := store.actors.resolve(name)) is not None:
        # a body no reading across the scripts found (レディット)
        seen = known.kind != "person" and (guild_id is None or await actor_seen_by(store, known.id, guild_id))
        return (known, store.actors, None) if seen else None
    return await _unregistered(store, name, guild_id)


# a person's name typed in Latin letters: one to three capitalised words (Lankford, Mary Kay Carlson)
_LATIN_NAME_TYPED_RE = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}")
_KATAKANA_RUN_RE = re.compile(r"[ァ-ヺー]{2,}(?:[・･=＝][ァ-ヺー]{2,})*")
_KATAKANA_SCAN = 60  # passages about the target read for a name in katakana


def katakana_named(typed: str, texts: list[str]) -> str | None:
    """The one katakana name word of the texts that is the name typed in Latin letters as Japanese reports write it
    (Lankford → ランクフォード, Carlson → カールソン of メアリー・ケイ・カールソン): its last word sounds like a word
    of a katakana name (`sounds_like`), and each other word typed like another word of the same name (Helen
    Comperatore is not the コンペラトーレ the reports name alone: his widow is ヘレン). None when none or several fit."""
    words = typed.replace("’", "'").split()
    fits: set[str] = set()
    for t in texts:
        for m in _KATAKANA_RUN_RE.finditer(t):
            parts = [w for w in re.split(r"[・･=＝]", m.group()) if w]
            last = [w for w in parts if sounds_like(words[-1], w)]
            if last and all(any(_given_sounds(x, w) for w in parts if w not in last) for x in words[:-1]):
                fits.add(last[-1])
    return next(iter(fits)) if len(fits) == 1 else None


async def latin_in_store(
    store: Store, typed: str, guild_id: int | None = None
) -> tuple[ActorEntry, ActorIndex, str | None] | None:
    """A name typed in katakana that the reports write only in Latin letters, found in the index's Latin words
    (`latin_terms`: プリゴジン, "Yevgeny Prigozhin, the founder of Russia's Wagner group, praised …"): the word of the
    English reports' name that its last word is (`store_latin_name`); the actor of that name when one is a body,
    else the name read as an unregistered one. None as `katakana_in_store`."""
    words = [w for w in re.split(r"[・･=＝]", typed) if w]
    terms = await asyncio.to_thread(_latin_sounding, words[-1], await latin_terms(store))
    if not terms:
        return None
    return await _name_in_store(store, terms, partial(store_latin_name, typed), guild_id)


def _latin_sounding(last: str, vocabulary: list[str]) -> list[str]:
    """The Latin words of the index that may be the katakana word typed (`latin_in_store`); [] when none, or more
    than `_KATAKANA_TERMS_READ`."""
    terms = [t for t in vocabulary if len(t) >= 3 and near_outline(t, last) and sounds_like(t, last)]
    return terms if len(terms) <= _KATAKANA_TERMS_READ else []


def _skeleton_of(latin: str) -> str:
    """A Latin name's consonants as katakana writes them (`name_skeleton`, `short_skeleton`), '' for fewer than two."""
    key = name_key(latin)
    return name_skeleton(key) or short_skeleton(key)


# a name typed in katakana: one word to four, joined by a dot (プリゴジン, エフゲニー・プリゴジン)
_KATAKANA_NAME_TYPED_RE = re.compile(r"[ァ-ヺー]{2,}(?:[・･=＝][ァ-ヺー]{2,}){0,3}")
# a name in an English text: capitalised words, the first not a sentence's function word
_LATIN_NAME_RUN_RE = re.compile(r"(?<![A-Za-z])[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){0,3}")


def store_latin_name(typed: str, texts: list[str]) -> str | None:
    """The word of an English name in the texts that the katakana name typed is (its last word sounds like one of
    the name's words, `sounds_like`, and each other word typed like another of them: エフゲニー・プリゴジン, Yevgeny
    Prigozhin). None when none fits, or as `store_katakana_name`: two names fit, a word typed alone that ends two
    full names differing before it, or one that is an English dictionary word (Bill, Rose), not only a name."""
    words = [w for w in re.split(r"[・･=＝]", typed) if w]
    found: dict[str, set[str]] = {}
    for t in texts:
        for m in _LATIN_NAME_RUN_RE.finditer(t):
            parts = [p.strip("'’-") for p in m.group().split()]
            parts = [re.sub(r"['’]s$", "", p) for p in parts if p]
            last = [p for p in parts if sounds_like(p, words[-1])]
            if last and all(any(_given_sounds(p, x) for p in parts if p not in last) for x in words[:-1]):
                found.setdefault(last[-1], set()).add(" ".join(parts[: parts.index(last[-1]) + 1]))
    if len(found) != 1:
        return None
    word, runs = next(iter(found.items()))
    if len(words) == 1 and (len({r for r in runs if r != word}) > 1 or word.lower() in english_index()):
        return None
    return word


def store_katakana_name(typed: str, texts: list[str]) -> str | None:
    """The katakana name word of the texts that is the name typed in Latin letters, as `katakana_named` reads each
    word (Kash Patel: パテル of カシュ・パテル). None when none fits or it is ambiguous: two names or more fit;
    a word typed alone that is the last word of two full names differing before it (Moore: ウェス・ムーア beside
    ジョン・ムーア — two people sharing a surname); one word that is a loanword of the dictionary, not a name
    (Police: ポリス, Union: ユニオン)."""
    words = typed.replace("’", "'").split()
    found: dict[str, set[str]] = {}  # the word of the last typed → the whole names (runs) it ends
    for t in texts:
        for m in _KATAKANA_RUN_RE.finditer(t):
            parts = [w for w in re.split(r"[・･=＝]", m.group()) if w]
            last = [w for w in parts if sounds_like(words[-1], w)]
            if last and all(any(_given_sounds(x, w) for w in parts if w not in last) for x in words[:-1]):
                found.setdefault(last[-1], set()).add("・".join(parts[: parts.index(last[-1]) + 1]))
    if len(found) != 1:
        return None
    word, runs = next(iter(found.items()))
    if len(words) == 1 and (len({r for r in runs if r != word}) > 1 or _indexed(word) in noun_glosses()):
        return None
    return word


def _given_sounds(latin: str, kana: str) -> bool:
    """A given name typed is this katakana word: as `sounds_like`, or for a short name (Mary メアリー, Kay ケイ: too
    few consonants to compare) by its first letter."""
    if sounds_like(latin, kana):
        return True
    mine, theirs = name_key(latin), name_key(romanize(kana))
    return len(mine) <= 4 and bool(mine) and bool(theirs) and mine[0] == theirs[0]


async def _japanese_body(store: Store, english: str, guild_id: int | None) -> list[str]:
    """The Japanese names the reports give a body typed in English (`body_glosses`): read in the passages that
    hold a Japanese word for its head (committee: 委員会)."""
    for later in (False, True):  # the heads' first senses, then a later one (府: a prefecture, and an office)
        heads = await asyncio.to_thread(head_words, english, later=later)
        phrases = [p for p in dict.fromkeys([await asyncio.to_thread(_indexed, h) for h in heads]) if p]
        if not phrases:
            continue
        texts = await passage_texts_matching(store, " OR ".join(fts_string(p) for p in phrases), 200, guild_id)
        if names := await asyncio.to_thread(japanese_body_names, english, texts, later=later):
            return names[:3]
    # a name with a place or a katakana word (Kyoto Animation: 京都アニメーション), read by the Japanese one's words
    if heads := japanese_heads(english):  # the glosses' words are keyed as the index holds them (アニメション)
        texts = await passage_texts_matching(store, " OR ".join(fts_string(h) for h in heads), 200, guild_id)
        return (await asyncio.to_thread(japanese_names_of, english, texts))[:3]
    return []


def _names_of_body(actors: ActorIndex, name: str) -> list[str]:
    """A Japanese body's other names: its dictionary groups' and, when registered, the registry's."""
    names = [n for group in groups_named(name) for n in group]
    if (entry := actors.resolve(name)) is not None and entry.kind not in ("person", "state", "country"):
        names += [n for n in (entry.name_en, *(entry.aliases or [])) if n]
    return names


async def _governed_place(
    store: Store, typed: str, place: str, ending: str, guild_id: int | None
) -> tuple[ActorEntry, ActorIndex, str] | None:
    """A katakana place's own body typed in Japanese (ボルティモア市, テキサス州) as the reports name it in either
    language: the English reports by the place's spelling that sounds as it (`place_names.english_places`: Baltimore,
    read in the passages holding the English words for the body, city and mayor: "Baltimore Mayor Brandon Scott",
    "the city of Baltimore"), the Japanese ones as typed; one actor with both names (the name typed first, when a
    passage holds it)."""
    words = [p for p in dict.fromkeys([await asyncio.to_thread(_indexed, w) for w in PLACE_GOVERNED[ending]]) if p]
    texts = await passage_texts_matching(store, " OR ".join(fts_string(w) for w in words), 200, guild_id)
    english = (await asyncio.to_thread(english_places, place, texts))[:3]
    if (found := await _unregistered(store, typed, guild_id, also=english)) is not None:
        return found
    for name in english:
        if (found := await _unregistered(store, name, guild_id, also=[typed, place])) is not None:
            return found
    return None


async def _english_body(store: Store, japanese: str, guild_id: int | None, *, lower: bool = False) -> list[str]:
    """The English names the reports give a body typed in Japanese (`body_glosses.english_body_names`): read in the
    passages that hold an English word for its head (委員会: commission, committee)."""
    heads = await asyncio.to_thread(english_heads, japanese)
    phrases = [p for p in dict.fromkeys([await asyncio.to_thread(_indexed, h) for h in heads]) if p]
    if not phrases:
        return []
    texts = await passage_texts_matching(store, " OR ".join(fts_string(p) for p in phrases), 200, guild_id)
    names = await asyncio.to_thread(partial(english_body_names, lower=lower), japanese, texts)
    if not names and (country := leading_country(japanese)) is not None:
        # アルジェリア大統領府: "The Algerian presidency said", a head the glosses give otherwise (大統領府: executive
        # office): read in the passages naming the country the name opens with
        words = [p for p in dict.fromkeys([await asyncio.to_thread(_indexed, w) for w in country.english]) if p]
        texts = await passage_texts_matching(store, " OR ".join(fts_string(w) for w in words), 200, guild_id)
        names = await asyncio.to_thread(partial(english_body_names, lower=lower), japanese, texts)
    return names[:3]


async def _unregistered(
    store: Store, text: str, guild_id: int | None, query: str = "", also: Iterable[str] = (), *, org: bool = False
) -> tuple[ActorEntry, ActorIndex, str] | None:
    """`query`: the passages naming it, when its name's own tokens are not how the index holds it in running text;
    `also`: other names the reports give it (found by the caller); `org`: a body, whatever its name's shape."""
    others = [*other_names(text), *also]  # LDP: 自民党, Liberal Democratic Party
    others += [n for n in await asyncio.to_thread(head_synonyms, text) if n not in others]  # イラン議会: イラン国会
    phrases = [p for p in dict.fromkeys([await asyncio.to_thread(_indexed, n) for n in (text, *others)]) if p]
    query = query or " OR ".join(fts_string(p) for p in phrases)
    if not query or not await passages_matching(store, query, guild_id):
        return None
    # a listed body is one, except as typed in Latin letters: there the speaker rules read it as they read a name
    # (`Masakazu Tsutsui, chairman of the Japan Business Federation, or Keidanren, told …`; `He said …` goes on)
    org = org or _looks_like_org(text) or (bool(others) and not text.isascii())
    aliases = [text + t for t in (*TITLES, *_EXTRA_TITLES)] if not (text.isascii() or org) else list(others)
    if not org:  # 劉勁松 later 劉氏, Lin Jian later "Lin said": the surname the article goes on with
        aliases += _surnames(text)
    if aliases and len(text) <= 2 and not org:  # 馳 → 馳浩 (「馳浩知事は」): the full names given with a title
        aliases += _given_names(text, await passage_texts_matching(store, query, 200, guild_id))
    elif aliases and not org and not text.isascii() and _NAME_TYPED_RE.fullmatch(text):
        # 呉健富 typed, 「…センターの呉健富主任は」 in the report: the name with the post the titles do not list
        posts = _posts_after(text, await passage_texts_matching(store, query, 200, guild_id))
        aliases += [p for p in posts if p not in aliases]
    index = extended_by(store.actors, text, aliases, "org" if org else "person")
    entry = index.actors[-1]
    return entry, index, query


EXTENDED_KEPT = 32  # unregistered names whose index a store's actor index keeps (`extended_by`)


def extended_by(actors: ActorIndex, name: str, aliases: list[str], kind: str) -> ActorIndex:
    """`actors` plus one actor the registry lacks, made once per name, aliases and kind while `actors` is the store's
    index: the same name asked about another target reads the same index, so the claims its documents give under it
    are extracted once and kept (`_claims`). An index never changes once built, so the kept one is the one that
    would be made again; the kept ones go with `actors` (a new registry, a new memo)."""
    kept = actors.memo("stance_about.extended_by")
    key = (name, tuple(aliases), kind)
    if (index := kept.get(key)) is None:
        if len(kept) >= EXTENDED_KEPT:
            kept.clear()
        index = kept[key] = actors.extended([(name, aliases, kind, None)])
    return index


def kept_by(actors: ActorIndex, index: ActorIndex) -> bool:
    """Whether `index` is one `extended_by` keeps for `actors` (their claims may be kept as long as it is)."""
    return index.base is actors and any(kept is index for kept in actors.memo("stance_about.extended_by").values())


def _surnames(name: str) -> list[str]:
    """A full name's surname as an article refers back to it: 劉氏 and 劉勁氏 for 劉勁松 (a Chinese surname of one
    kanji, a Japanese one of two), each word of a two-word Latin name (Lin Jian: Lin; George Glass: Glass)."""
    if name.isascii():
        words = name.split()
        return [w for w in words if len(w) >= 3 and w[0].isupper()] if len(words) == 2 else []
    if 3 <= len(name) <= 4 and all("一" <= ch <= "龥" for ch in name):
        return [name[:k] + "氏" for k in (1, 2)]
    return []


def _given_names(surname: str, texts: list[str]) -> list[str]:
    """How the texts write the surname before a title: with a given name of 1–3 kanji (馳浩, from 馳浩知事), or
    with an office (笠国会対策委員長): the names a mention of the one-kanji surname is found by."""
    rx = _given_name_rx(surname)
    found: set[str] = set()
    for t in texts:
        for m in rx.finditer(t):  # a given name alone (the title after it stays a title: 「知事は」 refers back)
            found.add(m.group(1) if len(m.group(1)) <= len(surname) + 3 else m.group(0))
    return sorted(found)


# a person's full name typed in kanji (three or more: 呉健富) or katakana (マソン), and an office after a name: a run of kanji ending in a
# word of office (主任, 部長, 審議官, 報道官, 防衛相), before a particle or a comma — the name's subject in running text
_NAME_TYPED_RE = re.compile(r"[一-龥々]{3,5}|[ァ-ヺー・]{3,16}")
_OFFICE_END = r"(?:主任|主幹|主査|委員|議員|長|官|相|監|役|師)"


def _posts_after(name: str, texts: list[str]) -> list[str]:
    """The name with each post the texts write right after it as the subject (「…センターの呉健富主任は」 → 呉健富主任),
    a post being a run of up to eight kanji ending in a word of office; a name going on (呉健富雄) or a thing after it
    (呉健富の発言, 呉健富氏) gives none, nor a name of two kanji or fewer, which may be the start of a longer one (陳建
    of 陳建国委員長)."""
    if not _NAME_TYPED_RE.fullmatch(name):
        return []
    rx = re.compile(rf"(?<![一-龥々ァ-ヺー]){re.escape(name)}([一-龥々]{{0,7}}?{_OFFICE_END})(?=は|が|も|、|の|=|＝)")
    found: list[str] = []
    for t in texts:
        for m in rx.finditer(t):
            if (alias := name + m.group(1)) not in found:
                found.append(alias)
    return found


@lru_cache(maxsize=64)
def _given_name_rx(surname: str) -> re.Pattern[str]:
    titles = "|".join(sorted(map(re.escape, (*TITLES, *_EXTRA_TITLES)), key=len, reverse=True))
    return re.compile(rf"(?<![一-龥々])({re.escape(surname)}[一-龥々]{{1,6}}?)(?:{titles})")


def _looks_like_org(name: str) -> bool:
    """A body, not a person: its name ends as organisations' do (北陸電力, 総務省, 自工会, JA全農)."""
    if name.isascii():  # American Automotive Policy Council, United Steelworkers, Nippon Steel Corp.
        heads, words = vocabulary().en_org_heads, name.split()
        if len(words) >= 3 and words[0] in heads and words[1] in ("of", "for"):  # Alliance for Automotive Innovation
            return True
        return any(w.strip(".,") in heads for w in words[1:]) or words[-1].rstrip(".") in _EN_ORG_ENDINGS
    return org_suffix(name) is not None or name.endswith(_ORG_ENDINGS)


_EN_ORG_ENDINGS = ("Corp", "Inc", "Co", "Ltd", "LLC", "Group", "Steelworkers", "Workers")
_ORG_ENDINGS = ("電力", "ガス", "会", "連", "全農", "HD", "ホールディングス", "テレビ", "放送", "新聞")
_EXTRA_TITLES = ("氏", "さん", "知事", "市長", "町長", "会長", "社長", "幹事長", "総裁", "議員", "農相", "大臣", "代表")


async def prepare_target(
    store: Store, about: str, cues: list[str] | None = None, guild_id: int | None = None
) -> tuple[Target, str]:
    """The target and its full-text query, or a QueryError: only common words, or nothing the store holds.
    Quick (one tokenization, one indexed read): a front end may call it before deferring its answer.
    `guild_id`: the server whose topics (with the shared ones) name targets."""
    text = check_about(about)
    if cues:
        target = cue_target(text, cues)
    else:
        target = await asyncio.to_thread(parse_target, text, store.actors, await topic_cue_map(store, guild_id))
    if not target.words:
        raise QueryError("about.only_common", text=text)
    if not cues:
        await asyncio.to_thread(_names_across, target, store.actors)
    await asyncio.to_thread(_add_index_forms, target)
    candidates = await asyncio.to_thread(gloss_candidates, target)  # English words said in Japanese
    gloss_tokens = await asyncio.to_thread(_tokens_of, [ja for found in candidates.values() for ja in found])
    index_forms = list(dict.fromkeys(f for w in target.words for f in w.index_forms))
    df = await term_frequencies(
        store, list(dict.fromkeys([*index_forms, *(t for ts in gloss_tokens.values() for t in ts)]))
    )
    gloss_df = {ja: min((df.get(t, 0) for t in ts), default=0) for ja, ts in gloss_tokens.items()}
    take_glosses(target, candidates, {ja for ja, d in gloss_df.items() if d})
    weigh(target, df, await passage_count(store), gloss_df)
    if target.opposite is not None:  # said by its antonym (辞任 for 続投): weighs what the word it stands for does
        await asyncio.to_thread(_add_index_forms, target.opposite)
        for w, o in zip(target.words, target.opposite.words, strict=True):
            o.weight = w.weight
    for t in (target, target.opposite):
        if t is not None and not cues:
            add_related(t)
            await asyncio.to_thread(_add_index_forms, t)
            await asyncio.to_thread(said_in_english, t, store.actors)
    match = await asyncio.to_thread(_retrieval_query, target)
    if not cues:  # after the query: the documents are still chosen by the words the store holds as typed
        headless = not any(w.head and w.weight > 0 for w in target.words)
        await _weigh_unheld(store, target)
        if headless and any(w.head and w.weight > 0 for w in target.words):
            # and, where no head word is held as typed (辞める asked, 辞任 written; 延期 asked, 先送り written), by the
            # head's other forms too: the query was the rest of the target alone (審理), which chose the documents
            # naming the rest, not those naming the thing asked about
            match = " OR ".join(q for q in (match, await asyncio.to_thread(_retrieval_query, target)) if q)
        # and the words the store says beside it, which name its head in part (クーデター for "the army taking over")
        await associate(store, target, await passage_count(store), guild_id)
    if not match:
        raise QueryError("about.nothing", text=text)
    return target, match


def said_in_english(target: Target, actors: ActorIndex) -> None:
    """The target's Japanese words said in English as /quote reads a Japanese quote in an English passage
    (`quote_lang.japanese_concepts`: JMdict's glosses with the nouns WordNet derives from them, a compound the
    tokenizer splits read whole, a country by its English name and adjective, a name by the registry's Latin
    names): added to the target's English view (`Target.english`, first made of each word's first glosses), so an
    English statement names a Japanese target by the words /quote finds its quotes by — one glossary for both."""
    if target.any_word or not _JAPANESE_RX.search(target.text):
        return
    found: dict[int, list[str]] = {}
    for concept in japanese_concepts(target.text, actors):
        if concept.kind == "number":
            continue
        word = normalize(concept.word)
        said = [e.lower() for e in concept.said if e.isascii() and len(e) >= 3]
        for k, w in enumerate(target.words):
            # the concept's word is the target word, or a compound the target word is part of (保険証: 保険 + 証)
            if (
                w.variant_of is None
                and not w.form.isascii()
                and (w.form == word or (len(w.form) >= 2 and w.form in word))
            ):
                found.setdefault(k, []).extend(said)
    if not found:
        return
    english = target.english or Target(
        target.text, [TargetWord(w.form, [], [], w.weight, w.head) for w in target.words], target.action, target.topics
    )
    for k, said in found.items():
        w = english.words[k]
        extra = [e for e in dict.fromkeys([*said, *(v for e in said for v in verb_forms(e))]) if e not in w.forms]
        if extra:
            w.forms = sorted([*w.forms, *extra], key=len, reverse=True)
    if any(w.forms for w in english.words):
        target.english = english


def _names_across(target: Target, actors: ActorIndex) -> None:
    """A person the target names (Ghosn in "releasing Ghosn on bail") said by the names the same person goes by in the
    other script (`across_scripts`: ゴーン, カルロス・ゴーン): the Japanese reports name him so, an English question asked
    of them named him nowhere."""
    for word, entry in named_people(target, actors):
        add_names(word, [n for a in across_scripts(actors, entry) for n in (a.name, a.name_en, *(a.aliases or []))])


async def _weigh_unheld(store: Store, target: Target) -> None:
    """The head of the target, when no passage holds it as typed (専念, where the articles say 集中), weighs as the
    commonest of its other spellings and synonyms the store holds (`weigh_unheld`): left at nothing, the statement
    naming the thing asked about by its synonym would count it for nothing. Only the head, and only where a
    statement names it (`TargetWord.unheld`): weighed against every statement, it lost a check-set statement that
    names it nowhere."""
    unheld = [w for w in target.words if w.head and not w.weight and w.variant_of is None and not w.glosses]
    if not unheld:
        return
    tokens = await asyncio.to_thread(_tokens_of, [f for w in unheld for f in indexed_forms(w) if not f.isascii()])
    df = await term_frequencies(store, list(dict.fromkeys(t for ts in tokens.values() for t in ts)))
    weigh_unheld(
        unheld,
        {f: min((df.get(t, 0) for t in ts), default=0) if ts else 0 for f, ts in tokens.items()},
        await passage_count(store),
    )


def _tokens_of(words: list[str]) -> dict[str, list[str]]:
    """Each word's tokens as the full-text index and its term counts hold them (掲示板: 掲示, 板)."""
    return {w: _indexed(w).split() for w in words}


def _name_query(entry: ActorEntry) -> str:
    """An FTS5 query for the actor's name and aliases as the index holds them."""
    names = [n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n and len(n) >= 2]
    phrases = [p for p in dict.fromkeys(_indexed(n) for n in names) if p]
    return " OR ".join(fts_string(p) for p in phrases)


def _full_names(actors: ActorIndex, entry: ActorEntry) -> set[int]:
    """A surname typed for an actor the registry lacks, and the people found in the articles by their full name
    beginning with it (林 → 林芳正, discovered from 「林芳正官房長官」)."""
    found = {entry.id}
    if len(entry.name) >= 1 and not entry.name.isascii():
        for a in actors.actors.values():
            if (
                a.kind == "person"
                and a.name != entry.name
                and a.name.startswith(entry.name)
                and len(a.name) <= len(entry.name) + 3
            ):
                found.add(a.id)
    return found


def _unregistered_info(entry: ActorEntry, statements: int) -> ActorInfo:
    return ActorInfo(id=0, name=entry.name, name_en=None, kind="unregistered", statements=statements)


def _add_index_forms(target: Target) -> None:
    """The index forms of each word's one-token variants too (ceasefire → 停戦): a word the store holds
    under another spelling or in another language is known to it."""
    for w in target.words:
        extra = [t for t in (_indexed(f) for f in indexed_forms(w)) if t and (" " not in t or target.any_word)]
        w.index_forms = list(dict.fromkeys([*w.index_forms, *extra]))


def _retrieval_query(target: Target) -> str:
    """An FTS5 query for the passages that name the target's head (any spelling, any variant)."""
    heads = [w for w in target.words if w.head and w.weight > 0 and not w.translated] or [
        w for w in target.words if w.weight > 0
    ]
    if target.opposite is not None:
        heads += [w for w in target.opposite.words if w.head and w.variant_of is not None and w.weight > 0]
    phrases: list[str] = []
    for w in heads:
        phrases += w.index_forms
        phrases += [_indexed(f) for f in indexed_forms(w)]
    phrases = [p for p in dict.fromkeys(phrases) if p]
    return " OR ".join(fts_string(p) for p in phrases)


def _rest_query(target: Target) -> str:
    """An FTS5 query for the passages that name the target's other words (not its head; see `_retrieval_query`):
    its words of some weight, each in any spelling."""
    phrases = [
        f
        for w in target.words
        if not w.head and w.weight > 0
        for f in (*w.index_forms, *map(_indexed, indexed_forms(w)))
    ]
    return " OR ".join(fts_string(p) for p in dict.fromkeys(phrases) if p)


def _gloss_query(target: Target) -> str:
    """An FTS5 query for the passages that name an English word of the target in Japanese (its JMdict words, see
    `take_glosses`; an English phrase said as one Japanese word, 共産党, first): read where the documents naming
    the head as typed leave room (a gloss read backwards may be another word's, so those documents come first)."""
    named = [w for w in target.words if w.weight > 0]
    # a verb or adjective only for a word no noun says: a common verb's documents would crowd out the thing's
    verbs = word_glosses()
    said = [g for w in named for g in w.glosses if g not in verbs or all(v in verbs for v in w.glosses)]
    phrases = [_indexed(ja) for ja in [*phrase_glosses(target), *said]]
    return " OR ".join(fts_string(p) for p in dict.fromkeys(phrases) if p)


def _english_query(target: Target) -> str:
    """An FTS5 query for the English reports that say a Japanese head in English (終わり: end; see `english_glosses`),
    and by the words /quote reads it by (`said_in_english`: the English view's forms)."""
    phrases = [
        _indexed(en)
        for k, w in enumerate(target.words)
        if w.head
        for en in english_glosses(target, k, ENGLISH_QUERY_GLOSSES)
    ]
    if target.english is not None:
        phrases += [
            _indexed(en) for w, e in zip(target.words, target.english.words, strict=True) if w.head for en in e.forms
        ]
    return " OR ".join(fts_string(p) for p in dict.fromkeys(phrases) if p)


@lru_cache(maxsize=4096)
def _indexed(text: str) -> str:
    return index_tokens(text)


# --- reading the documents (a worker thread) --------------------------------------------------------------------

_CLAIMS: OrderedDict[tuple[int, int, int], tuple[Store, ActorIndex, list[Claim], dict]] = OrderedDict()
_CLAIMS_MAX = 2048


def _claims(
    store: Store, actors: ActorIndex, doc_id: int, rows: list[DocPassage], stored: StoredClaims | None
) -> tuple[list[Claim], dict]:
    """A document's claims: those stored at ingest when they are what extracting them now would give (see
    `fresh_claims`), else extracted now; kept for the next question either way (a document never changes once
    stored; the key is the index they were read with). An index made for one question (an unregistered name)
    is cached only when it is the store's index extended by one name (`extended_by`), which keeps it. With them, a memo of what is read of them whatever the target (`_reaction`, `member_clause`, the ties of `_tied`):
    kept as long as they are, so it is never about other claims."""
    if actors is not store.actors:
        if not kept_by(store.actors, actors):  # an index made for one question: never cached
            return extract_claims(_parsed(rows), actors), {}
        stored = None  # the stored claims were read with the store's own index, not with this one
    key = (id(store), id(actors), doc_id)
    held = _CLAIMS.get(key)
    # the entry holds the store and the index it was read with: while it is kept, no other object takes their ids
    # (a store closed and a new one opened at the same address, with the shared index, would else read another
    # store's document of the same id)
    if held is not None and held[0] is store and held[1] is actors:
        _CLAIMS.move_to_end(key)
        return held[2], held[3]
    found = None
    parsed = _parsed(rows)
    memo: dict = {}
    if stored is not None and fresh_claims(
        stored.version, stored.actors_known, stored.own_actors, actors, parsed, stored.own_generation
    ):
        found = load_claims(stored.records, stored.provisional)
        if found is not None:  # and what its texts read as whatever the target, stored with them (`text_readings`)
            remember(load_readings(stored.records))
            # and who speaks for whom there (`_tied`): read at ingest from the mentions extraction found anyway
            if (ties := load_ties(stored.records, stored.provisional)) is not None:
                memo["ties"] = ties
    if found is None:
        found = extract_claims(parsed, actors)
    _CLAIMS[key] = (store, actors, found, memo)
    _CLAIMS.move_to_end(key)
    if len(_CLAIMS) > _CLAIMS_MAX:
        _CLAIMS.popitem(last=False)
    return found, memo


def unheld(store: Store, doc_ids: list[int]) -> list[int]:
    """The documents whose claims under the store's index `_claims` does not keep: only their stored rows are read
    (a kept document's row, its compressed records, would be read and not used)."""
    out = []
    for d in doc_ids:
        held = _CLAIMS.get((id(store), id(store.actors), d))
        if held is None or held[0] is not store or held[1] is not store.actors:
            out.append(d)
    return out


def _parsed(rows: list[DocPassage]) -> list[ParsedPassage]:
    """A document's passages as the claim rules read them (only when its claims are not kept already)."""
    return [ParsedPassage(r.text, r.url, r.outlet, r.date, r.heading, r.default_speaker, r.kind) for r in rows]


@dataclass(slots=True)
class _Found:
    statement: Statement
    score: float
    key: str  # the statement's text in matching form
    # a reaction's paragraph (`_in_report`): which of a report's reactions is most about the target
    row: DocPassage | None = None
    why: str = "none"  # which rule gave the position (`stance.REASONS`, and this module's own: `_read_claim`)


def _read(
    store: Store,
    actors: ActorIndex,
    target: Target,
    actor_ids: set[int],
    actor_name: str,
    heads: dict[int, DocHead],
    passages: dict[int, list[DocPassage]],
    stored: dict[int, StoredClaims],
    report_only: set[int] | frozenset[int] = frozenset(),
    tokens: dict[int, str] | None = None,
    speaks_for: tuple[tuple[str, ...], bool] = ((), False),
) -> list[Statement]:
    settings = about_settings()
    min_score = 0.0 if target.any_word else float(settings["min_score"])
    # a name typed in one script, said in the other by the documents read (Hezbollah: ヒズボラ; マソン: Mazón)
    texts = [t for d, rows in passages.items() for t in (heads[d].title or "", *(r.text for r in rows))]
    spell_names(target, texts)
    head_compounds(target, texts)  # an English word by the compounds its kanji heads (tax: 電気税)
    best: dict[tuple[int, str], _Found] = {}  # (passage id, sentence shown) → its statement about the target
    in_reports: dict[tuple[int, str], _Found] = {}  # the actor's other statements in reports about the target
    seen: dict[tuple, tuple | None] = {}  # the same clause in the same context (a sentence reprinted): judged once
    view, seen_in_view = associated_view(target), {}  # the target said in the store's words too (`associated`)
    paragraphs: dict[int, float] = {}  # how much each paragraph read for reactions is about the target
    for doc_id, rows in passages.items():
        head = heads[doc_id]
        members: set[int] = set()  # people named as the body's (経団連の筒井会長): their later clauses (同氏は) too
        about: tuple[float, float] | None = None  # how much the document (its headline) is about the target
        if doc_id in report_only:
            # read for its reactions only: a document not about the target gives none, and its claims are not
            # loaded (nor every other actor's clause asked whether it speaks for the actor)
            about = _report_aboutness(target, head, rows, tokens or {})
            if about[0] < float(settings["report_min"]):
                continue
        claims, memo = _claims(store, actors, doc_id, rows, stored.get(doc_id))
        for at, claim in enumerate(claims):
            row = rows[claim.passage]
            if claim.actor_id not in actor_ids and claim.actor_id not in members:
                if (said := memo.get(("affiliated", actor_name, at))) is None:
                    text = claim.text_of(row.text)
                    said = memo[("affiliated", actor_name, at)] = member_clause(
                        actor_name, text, claim.lo, claim.scan, claim.hi
                    )
                if not said and speaks_for[0]:
                    said = _tied(speaks_for, claim.actor_id, rows, actors, memo)
                if not said:
                    continue
                members.add(claim.actor_id)
            found = None if doc_id in report_only else _judge(target, claim, row, head, actors, min_score, seen)
            if found is None:
                if about is None:
                    about = _report_aboutness(target, head, rows, tokens or {})
                least = float(settings["report_min"])
                if about[0] >= least and (
                    reaction := _in_report(
                        target, claim, row, head, actors, about, least, tokens or {}, memo, at, paragraphs
                    )
                ):
                    key = (row.id, reaction.key)
                    if key not in in_reports or reaction.statement.position != "neutral":
                        in_reports[key] = reaction
                    continue
                # not a reaction in a report on the target either: "the bill", 同案, a definite noun pointing back
                # to the article's full mention of the target
                if doc_id in report_only:
                    continue
                found = _by_antecedent(target, claim, rows, head, actors, min_score, seen, memo, at)
                if found is None and view is not None:
                    # nor about it in the user's words at all: about it in the words the store says beside it (収監
                    # for 刑務所に閉じ込めること), read only where every reading of the user's words finds nothing (a
                    # statement they find is read as before, never at an associated word)
                    found = _judge(view, claim, row, head, actors, min_score, seen_in_view)
                if found is None:
                    # last, a reaction in a report whose headline and lead are about the target, in a paragraph
                    # naming none of it (`report_lead_min`): after every other reading, ranked after the reactions
                    # its headline or paragraph ties to the target
                    if (
                        about[0] >= least
                        and (
                            reaction := _in_report(
                                target, claim, row, head, actors, about, least, tokens or {}, memo, at, paragraphs, True
                            )
                        )
                        and not _another_matter(target, claim, rows, head, actors, memo, at)
                    ):
                        key = (row.id, reaction.key)
                        if key not in in_reports or reaction.statement.position != "neutral":
                            in_reports[key] = reaction
                    continue
            key = (row.id, found.key)
            prev = best.get(key)
            if prev is None or (found.score, found.statement.position != "neutral") > (
                prev.score,
                prev.statement.position != "neutral",
            ):
                best[key] = found
    merged = _by_sentence(best.values())
    # the most relevant first (a statement naming the whole target before one naming part of it or only its
    # context), the newest first among equals: the user reads the answer to the question before the rest
    out = [f.statement for f in _ranked(merged.values())]
    out += _reactions(
        in_reports,
        merged,
        {row_id for row_id, _ in best},
        int(settings["report_max"]),
        lambda row: _paragraph_aboutness(target, row, tokens or {}),
    )
    why = {id(f.statement): f.why for f in (*merged.values(), *in_reports.values())}
    for s in out:
        s.actor = actor_name
        # the learned model's second reading, where the rule that decided is one it reads better (`revise`)
        s.position = cast(Position, revise(s.text, target.text, s.position, why=why.get(id(s), "none")))
    return out


def _reactions(
    in_reports: dict[tuple[int, str], _Found],
    direct: dict[str, _Found],
    direct_passages: set[int],
    cap: int,
    paragraph: Callable[[DocPassage], float] | None = None,
) -> list[Statement]:
    """The statements found through their report (see `_in_report`), after those that name the target: at most
    `cap`, none that repeats a direct one (the same sentence, or another clause of a passage that gave one), the
    same sentence from several outlets one statement; the report most about the target first, the newest first
    among equals. When more than `cap` are found, among those of reports equally about the target the one whose
    paragraph is most about it comes first (`paragraph`: a report's reaction to being asked about the target before
    its congratulations in the lead), read only then."""
    kept = list(
        _by_sentence(
            f for (row_id, key), f in in_reports.items() if key not in direct and row_id not in direct_passages
        ).values()
    )
    if paragraph is None or len(kept) <= cap:
        return [f.statement for f in _ranked(kept)[:cap]]
    near = {id(f): paragraph(f.row) if f.row is not None else 0.0 for f in kept}
    return [
        f.statement
        for f in sorted(
            kept,
            key=lambda f: (round(f.score, 2), round(near[id(f)], 2), f.statement.date or "", f.statement.id),
            reverse=True,
        )[:cap]
    ]


def _by_sentence(found: Iterable[_Found]) -> dict[str, _Found]:
    """The same sentence from several outlets: one statement, with its sources."""
    merged: dict[str, _Found] = {}
    for f in found:
        same = merged.get(f.key)
        if same is None:
            merged[f.key] = f
            continue
        known = {(s.document_id, s.url) for s in same.statement.sources}
        same.statement.sources += [s for s in f.statement.sources if (s.document_id, s.url) not in known]
    return merged


def _ranked(found: Iterable[_Found]) -> list[_Found]:
    """The highest score first, the newest first among equals."""
    return sorted(found, key=lambda f: (round(f.score, 2), f.statement.date or "", f.statement.id), reverse=True)


def _report_aboutness(
    target: Target, head: DocHead, rows: list[DocPassage], tokens: dict[int, str]
) -> tuple[float, float]:
    """How much the document is about the target (`report_aboutness`), read in its headline and lead (the first
    passage of prose, the one after it too when the first is short) and the rest of its text; and how much its
    headline alone is, when it names the target's head. `tokens`: the passages' stored tokens (`_row_tokens`)."""
    title = head.title or ""
    top, body, at = report_texts(title, rows)
    lead = [rows[k] for k in at]
    title_tokens = _indexed(title).split() if _across(target) else []
    across = named_across(target, top, [*title_tokens, *(t for r in lead for t in _row_tokens(target, r, tokens))])
    headline = report_aboutness(target, title, "", frozenset(named_across(target, title, title_tokens)), head=True)
    return report_aboutness(target, top, body, frozenset(across)), headline


def _across(target: Target) -> bool:
    """Whether `named_across` reads a text's tokens for the target: only for one with English words (for one
    without, tokenizing every report's lead was most of a cold question's cost)."""
    return any(w.form.isascii() and w.variant_of is None and w.weight > 0 for w in target.words)


def _row_tokens(target: Target, row: DocPassage, tokens: dict[int, str]) -> list[str]:
    """A passage's tokens for `named_across` (see `_across`): those the full-text index holds for it, else its text
    tokenized as the index does."""
    if not _across(target):
        return []
    stored = tokens.get(row.id)
    return (stored if stored is not None else _indexed(row.text)).split()


def _says(clause: str) -> bool:
    """The clause reports what the actor said (a speech verb; any English clause the rules attribute), not only
    what the actor did."""
    return _JAPANESE_RX.search(clause) is None or speech_verb(clause)


def _paragraph_aboutness(target: Target, row: DocPassage, tokens: dict[int, str]) -> float:
    """How much a paragraph is about the target: as a report's headline and lead are (`report_aboutness`), its own
    words and those its words gloss in the other language."""
    across = named_across(target, row.text, _row_tokens(target, row, tokens))
    return report_aboutness(target, row.text, "", frozenset(across))


def _in_report(
    target: Target,
    claim: Claim,
    row: DocPassage,
    head: DocHead,
    actors: ActorIndex,
    about: tuple[float, float],
    least: float,
    tokens: dict[int, str],
    memo: dict,
    at: int,
    paragraphs: dict[int, float],
    by_lead: bool = False,
) -> _Found | None:
    """A statement of the actor's that names nothing of the target, in a report about it (`about`: see
    `report_aboutness`, of the document and of its headline), read as a reaction to the story the report tells
    (its main predicate; neutral allowed), when its paragraph names some of the target (`report_paragraph_min`
    of it; a compound the user typed counts whole: 国民 alone is not 国民民主党), or the headline names the
    target (its head, and `least` of it): 「厳正に対処する」 in a report headlined on Japan Post is about Japan Post;
    a statement on the grain exports (or the Diet) in a report whose lead (or headline, not by its head) named
    the elections is not, even in the paragraph after one that did. None for a fragment, or for a clause that
    says nothing: no stance word, no quote, no speech verb.

    `by_lead`: asked again where every other reading found nothing, for a clause whose headline and paragraph do
    not tie it to the target: a reaction all the same when the headline and lead name most of the target
    (`report_lead_min`: a report on the retrieval of the debris, 「重要な一歩だ」と評価した further down) that takes a
    stance and names no matter of its own, scored below every reaction tied by its headline or paragraph (a tier
    under them: `_reactions` keeps those first)."""
    settings = about_settings()
    if about[1] >= least:
        tied = True
    else:  # read once a paragraph, asked twice (`by_lead`) for a clause nothing else found
        if (known := paragraphs.get(row.id)) is None:
            known = paragraphs[row.id] = _paragraph_aboutness(target, row, tokens)
        tied = known >= float(settings["report_paragraph_min"])
    if tied == by_lead or (by_lead and about[0] < float(settings["report_lead_min"])):
        return None
    if ("reaction", at) not in memo:  # the same whatever the target: read once for every question on the document
        memo[("reaction", at)] = _reaction(claim, row, actors)
    if (read := memo[("reaction", at)]) is None:
        return None
    position, shown, why = read
    # a main predicate that says nothing of the story (「…と強調した」), in a clause that names the target's head after
    # all, below the share a statement must name (an English head by its Japanese word: "permanent" by 恒久化): the
    # position is read at the head, as any statement's ("not made permanent": 恒久化はしない)
    text = claim.text_of(row.text)
    if (
        position == "neutral"
        and _head_in_clause(target, claim, text)
        and (toward := _read_claim(target, claim, text, head, actors, 0.0))
    ):
        _, position, shown, why = toward
    if by_lead and (position == "neutral" or _OWN_TOPIC_RX.search(text[claim.lo : claim.hi])):
        # tied by nothing but the report's top: a reaction must take a stance, and say it of no matter of its own
        # (「防衛費について」, "also said"): 「…を注視したい」 or a remark on another matter is not one to the story
        return None
    score = about[0] - 1.0 if by_lead else about[0]  # below every tied reaction (scores are shares: 0 to 1)
    found = _Found(_statement(claim, row, head, position, shown), score, normalize(shown), row, why)
    found.statement.via = "report"
    return found


def _another_matter(
    target: Target, claim: Claim, rows: list[DocPassage], head: DocHead, actors: ActorIndex, memo: dict, at: int
) -> bool:
    """A remark tied to the target by nothing but its report's headline and lead is on another matter (no reaction
    to the story) when its paragraph has turned to one before it (「また、」, "Separately", "also visited": see
    `turns_away`), when a definite noun of it points back to a sentence naming something else (「同案は評価できる」
    after 子育て支援の拡充案), or when it states a topic of its own (「国会を」, "grain exports": `stated_topics`)
    that is no word of the target's, of its variants', or of the headline's and lead's. A reaction that states no
    topic («評価したい», "We welcome this", "a dark day") is none of these."""
    row = rows[claim.passage]
    text = claim.text_of(row.text)
    if turns_away(text[: claim.hi]):
        return True
    if not target.any_word:
        if ("antecedent", at) not in memo:
            earlier = [r.text for r in rows[: claim.passage]]
            memo[("antecedent", at)] = tuple(antecedents(claim.lo, claim.hi, text, earlier))
        if pointed := memo[("antecedent", at)]:
            least, top = float(about_settings()["min_score"]), _top(head, rows, memo)
            if not any(_points_at_story(target, text, ant, least, top) for ant in pointed):
                return True
    if ("topics", at) not in memo:  # the same whatever the target
        clause = text[claim.lo : claim.hi]
        names = tuple((m.start, m.end) for m in actors.mentions(clause))
        memo[("topics", at)] = stated_topics(clause, names)
    topics = memo[("topics", at)]
    if not topics:
        return False
    top = _top(head, rows, memo)
    return any(not any(_story_word(target, w, top) for w in words) for words in topics)


def _top(head: DocHead, rows: list[DocPassage], memo: dict) -> str:
    """The report's headline and lead (`report_texts`), normalized and lower-cased: read once a document."""
    if ("top", len(rows)) not in memo:  # the lead of the passages read
        memo[("top", len(rows))] = normalize(report_texts(head.title or "", rows)[0]).lower()
    return memo[("top", len(rows))]


_POINTING_RX = re.compile(r"^(?:同|この|その|今回の|こうした|当該の?|(?:the|this|these|those|such(?: an?)?)\s+)", re.I)


def _points_at_story(target: Target, text: str, ant: Antecedent, least: float, top: str) -> bool:
    """A definite noun pointing back at the report's story: at a sentence naming the target, or a noun of its own
    the headline or lead names ("the ban" in a report on it), unless it names a kind of thing only (同案, "the
    plan": which plan is the sentence's to say)."""
    start, end, sentence = ant
    if _mention_names(target, sentence) >= least:
        return True
    noun = _POINTING_RX.sub("", text[start:end]).strip()
    return bool(noun) and not is_generic(word_form(noun)) and _story_word(target, noun, top)


def _story_word(target: Target, word: str, top: str) -> bool:
    """A word of a remark's own topic that names the report's story: a word (or a variant, a neighbour, a gloss)
    of the target, or a word of the headline or lead (`top`, normalized; an English word by its stem). A word that
    names a kind of thing (合意, plan) counts only so: 「和平合意に署名しない」 is not about an election because some
    other deal was named."""
    if _mention_names(target, word) > 0:
        return True
    seen = normalize(word).lower()
    return (seen[: max(4, len(seen) - 2)] if seen.isascii() else seen) in top


def _head_in_clause(target: Target, claim: Claim, text: str) -> bool:
    """A head word of the target named in the clause, by its own words or its neighbours (its Japanese words)."""
    heads = {k for k, w in enumerate(target.words) if w.head}
    for t in (target, target.near):
        if t is not None and any(
            claim.lo <= s < claim.hi for k, found in match_spans(t, text).items() if k in heads for s, _ in found
        ):
            return True
    return False


def _reaction(claim: Claim, row: DocPassage, actors: ActorIndex) -> tuple[str, str, str] | None:
    """(position, text shown, why: `stance.REASONS` after `reaction:`) of a clause read as a reaction to its report's story (its main predicate), or None
    for a fragment or a clause that says nothing: no stance word, no quote, no speech verb."""
    text = claim.text_of(row.text)
    position, at, why = position_read(text, claim, [], actors, acted=False)
    if position == "neutral" and at == claim.scan and claim.kind != "quote" and not _says(text[claim.lo : claim.hi]):
        return None  # no stance word, nothing said (「記者団に会った」): nothing of the story
    shown = _shown(text, claim, at, position)
    return None if shown is None else (position, shown, "reaction:" + why)


def _judge(
    target: Target,
    claim: Claim,
    row: DocPassage,
    head: DocHead,
    actors: ActorIndex,
    min_score: float,
    seen: dict[tuple, tuple | None],
    antecedent: Antecedent | None = None,
) -> _Found | None:
    text = claim.text_of(row.text)
    key = (text, claim.lo, claim.scan, claim.hi, claim.kind, claim.excluded, claim.before, head.title, antecedent)
    if key not in seen:
        seen[key] = _read_claim(target, claim, text, head, actors, min_score, antecedent=antecedent)
    judged = seen[key]
    if judged is None:
        return None
    score, position, shown, why = judged
    return _Found(_statement(claim, row, head, position, shown), score, normalize(shown), why=why)


def _by_antecedent(
    target: Target,
    claim: Claim,
    rows: list[DocPassage],
    head: DocHead,
    actors: ActorIndex,
    min_score: float,
    seen: dict[tuple, tuple | None],
    memo: dict,
    at: int,
) -> _Found | None:
    """A clause that names too little of the target by its own words, read again with what a definite noun of it
    points back to (`antecedents`: "the bill", 同案, この計画 → the article's nearest earlier sentence holding that
    noun), when that sentence names the target as a statement must (`min_score` of it, its head among it): the
    clause is about the thing the article named there. The anaphors and their sentences are the same whatever the
    target: found once per clause and kept with the document's claims (`memo`)."""
    if target.any_word:
        return None
    found = memo.get(("antecedent", at))
    if found is None:
        row = rows[claim.passage]
        earlier = [r.text for r in rows[: claim.passage]]
        found = memo[("antecedent", at)] = tuple(antecedents(claim.lo, claim.hi, claim.text_of(row.text), earlier))
    for ant in found:
        if _mention_names(target, ant[2]) >= min_score:
            return _judge(target, claim, rows[claim.passage], head, actors, min_score, seen, ant)
    return None


def _mention_names(target: Target, sentence: str) -> float:
    """How much of the target a sentence names, read as a statement's clause (its own words, a neighbour's, or in
    the other language its glossed words)."""
    named = named_words(target, sentence)
    near: set[int] = set()
    for view in (target.near, target.english):
        if view is not None:
            near |= named_words(view, sentence)
    return relevance(target, named, set(), frozenset(near - named), latin=_JAPANESE_RX.search(sentence) is None)


def _statement(claim: Claim, row: DocPassage, head: DocHead, position: str, shown: str) -> Statement:
    """The statement shown for a clause of the passage `row` of the document `head`."""
    source = cited_source(
        document=head.name,
        document_id=head.id,
        title=head.title,
        passage_url=row.url,
        passage_outlet=row.outlet,
        document_url=head.url,
        document_outlet=head.outlet,
        date=row.date or head.published,
    )
    return Statement(
        actor="",
        topic=None,
        position=cast(Position, position),
        text=shown,
        date=row.date or head.published,
        sources=[source],
        kind=claim.kind,
        passage_id=row.id,
        id=row.id,
    )


def _read_claim(
    target: Target,
    claim: Claim,
    text: str,
    head: DocHead,
    actors: ActorIndex,
    min_score: float,
    opposite: bool = False,
    antecedent: Antecedent | None = None,
) -> tuple[float, str, str, str] | None:
    """(relevance, position, text shown, why) of one clause toward the target, or None when it is not about it.
    `why` is which rule gave the position: `stance.position_read`'s, `+halt` when a halt named in the target
    turned it, `act` / `act-named` when the act named was read done or not, `+opposite` for the opposite's.

    A clause that names the target's opposite and not the target (辞任を表明 for 続投) is read toward the
    opposite, its position flipped."""
    if target.opposite is not None and _names_opposite_only(target, text, claim):
        found = _read_claim(target.opposite, claim, text, head, actors, min_score, opposite=True, antecedent=antecedent)
        if found is None:
            return None
        return found[0], _FLIP.get(found[1], found[1]), found[2], found[3] + "+opposite"
    spans = match_spans(target, text)

    def own(s: int) -> bool:
        return claim.lo <= s < claim.hi and not any(a <= s < b for a, b in claim.excluded)

    reaction_only = False  # named only in what was read before, by no word pointing back at it
    replied = False  # and the sentence just before names the target: a reply to it
    in_clause = {k for k, found in spans.items() if any(own(s) for s, _ in found)}
    # what was read before the clause, and the full mention a definite noun of it points back to
    read_before = claim.before + "\n" + (head.title or "") + ("\n" + antecedent[2] if antecedent else "")
    context = named_words(target, read_before)
    context |= _named_by_kind(target, in_clause, context)
    near_spans = match_spans(target.near, text) if target.near is not None else {}
    said_in_english: frozenset[int] = frozenset()
    context_in_english: frozenset[int] = frozenset()
    if target.english is not None and _JAPANESE_RX.search(text) is None:  # a Japanese word in an English statement
        english_spans = match_spans(target.english, text)
        said_in_english = frozenset(k for k, found in english_spans.items() if any(own(s) for s, _ in found))
        for k, found in english_spans.items():
            near_spans[k] = sorted({*near_spans.get(k, []), *found})
        # and in what was read before it (the sentence before, the headline), as an English word of the target is
        # read in a Japanese clause's context by its Japanese words (`_context_across`): the other way round
        if not _OWN_TOPIC_RX.search(text[claim.lo : claim.hi]):  # not a further remark ("also said")
            context_in_english = frozenset(_context_in_english(target, read_before, text))
    near_clause = frozenset(k for k, found in near_spans.items() if any(own(s) for s, _ in found)) - in_clause
    across = _context_across(target, read_before, text) - in_clause - context
    across |= context_in_english - in_clause - context - near_clause
    # the question put to the speaker just before (「…の可能性を問われると」, "Asked whether …"): the reply is about
    # what it names, as if the clause named it (its words in full, their neighbours and glosses as the clause's)
    asked, asked_near, asked_glossed = _asked_words(target, claim, text)
    asked -= in_clause
    asked_near = asked_near - in_clause - asked - near_clause
    score = relevance(
        target,
        in_clause | asked,
        context - asked,
        near_clause | asked_near,
        latin=_JAPANESE_RX.search(text) is None,
        across=across - asked - asked_near,
        glossed=(said_in_english & near_clause) | across | asked_glossed,
    )
    if antecedent is not None:
        # named by a definite noun pointing back to a full mention that names the target (`_by_antecedent`): the
        # clause speaks of what the mention names, whatever share of its words the clause or its context holds
        score = max(score, CONTEXT_REFERENCE_SCORE)
    elif score <= 0:
        return None
    elif in_clause or near_clause or asked or asked_near:
        if (
            score < min_score
            and not _head_named(target, in_clause | asked, context)
            and not _topic_names_head(target, text, {**near_spans, **spans}, own)
        ):
            return None
    elif not target.any_word:
        # named only in what was just read: a reply to it (これを拒否, その任にあらず) needs less of it than a
        # clause that does not point back at it, which must follow a sentence naming most of the target
        if _names_it_by_reference(text, claim):
            if score < CONTEXT_REFERENCE_SCORE:
                return None
        else:  # a reaction: the sentence just before it (or the item's heading) names the target
            reaction_only = True  # and says something of it: 「記者団の取材に応じた」 after it says nothing
            heading, _, read = claim.before.partition("\n")
            # the sentence before the clause's own and what its own says before the subject: 「…としている。ただ
            # 同氏は」 reads 「…としている。ただ」, 「…。販売価格の引き上げについて、トヨタは」 its topic
            done = read.rstrip()
            cut = max(done.rfind(c) for c in "。！？!?\n")
            before_own = done[: cut + 1] if 0 <= cut < len(done) - 1 else done
            last = _last_sentence_start(before_own)
            own_start = done[cut + 1 :] if 0 <= cut < len(done) - 1 else ""
            # (for a Japanese clause, an English word of the target by its Japanese words too: the sentence
            # before or the headline names the target in the statement's own language, 「処理水の放出」 for "the
            # release of treated water", as a same-language one is named: `_said_before`)
            # the clause's whole sentence (its quote, its speaker and verb: 「同日、「…」とも述べた」)
            ends = [text.find(c, claim.hi) for c in "。\n"]
            clause = text[
                max(text.rfind(c, 0, claim.lo) for c in "。\n") + 1 : min([e for e in ends if e >= 0] or [len(text)])
            ]
            recent = _said_before(target, heading + "\n" + before_own[last:] + own_start, text, clause)
            # or the sentence before that one names nearly all of the target (alone it reaches min_score at the
            # context's weight: three quarters of the target, its head among it), and the clause takes a stance:
            # a reaction to it across one sentence that said something else (「…発表した。発表は県庁で行われた。
            # X氏は「到底受け入れられない」と語った」)
            earlier = before_own[:last]
            replied = relevance(target, set(), recent) >= min_score  # the sentence just before names it
            if not replied and not (
                relevance(target, set(), _said_before(target, earlier[_last_sentence_start(earlier) :], text, clause))
                >= min_score
            ):
                # or the headline names it and the clause takes a stance: a reaction in the story it tells
                headline = _said_before(target, head.title or "", text, clause)
                heads = {k for k, w in enumerate(target.words) if w.head}
                if relevance(target, set(), recent | headline) < min_score and not (
                    # or the sentence just before names the target's head (再稼働) and what was read of the item
                    # names the rest (志賀原発): 「同社は…再稼働を目指す」 then 「ただ同氏は「…限り、前に進めない」」
                    heads
                    and heads <= recent
                    and relevance(target, set(), context | (frozenset() if _OWN_TOPIC_RX.search(clause) else across))
                    >= min_score
                ):
                    return None
    named_heads = [k for k, w in enumerate(target.words) if w.head and k in in_clause]
    said_heads: list[int] = []
    hits = [(s, e) for k in named_heads or sorted(in_clause) for s, e in spans[k] if own(s)]
    if not named_heads:  # the head said by a neighbour (空爆 for 爆撃): the position is read there
        # (not by a Japanese head's English gloss in an English statement: a dictionary's sense, no word of the text
        # the speaker chose for it)
        latin = _JAPANESE_RX.search(text) is None
        near_heads = [
            k
            for k in sorted(near_clause)
            if target.words[k].head and not (latin and not target.words[k].form.isascii())
        ]
        hits = [(s, e) for k in near_heads for s, e in near_spans[k] if own(s)] or hits
        # an English head said in a Japanese clause by the store's Japanese words for it (cut → 削減): named there,
        # as a Japanese head is: the act is what the actor does (「切り下げると発表」), read at it
        glossed = _glossed_words(target)
        said_heads = [k for k in near_heads if k in glossed and any(own(s) for s, _ in near_spans[k])]
        if antecedent is not None and not near_heads:  # the head said by the noun pointing back: read there
            hits = [(antecedent[0], antecedent[1])]
    # the target done (解散し) is read at its head only: 「書面一枚で通告するのは」 is no doing of the 関税 asked about
    words = [(s, e) for k in sorted(in_clause) for s, e in spans[k] if own(s) and (s, e) not in hits]
    position, at, why = position_read(
        text,
        claim,
        hits,
        actors,
        acted=bool(named_heads or said_heads),
        cues_in_target=not opposite,
        target_words=words,
    )
    # a halt named in the target turns the position read toward the thing it halts; a reaction to the whole
    # target read only in context (「今日の発表を前向きに受け止める」) is toward the halt itself, and so is one to the
    # decision that made the halt when the thing halted is not said (「参加を見送った判断」: 「政府の判断は残念だ」)
    if target.action < 0 and position in _FLIP and in_clause:
        said_of_the_halt = not named_heads and bool(in_clause & decided_halt_words(target))
        # read where only the halt is said, by a word the reading does not compose as one (遅らせる for 先送り;
        # `stance.composes_halt`: 延期 and 中止 are): toward the halt itself already
        said_of_the_halt = said_of_the_halt or _read_at_the_halt(target, hits, spans, near_spans, text)
        if not said_of_the_halt:
            position, why = _FLIP[position], why + "+halt"
    if (
        position == "neutral"
        and (named_heads or said_heads)
        and is_act(target)
        and not _asked_of(text, claim, hits)
        and not _whether_of(text, hits)
        and not declined_at(text, at, hits)  # 「格下げに「留意する」と表明した」: the actor declines to judge the act
    ):
        # 辞任の意向を伝えた: the actor does it (not when the act is only the question put: "Asked whether he
        # would step down, he said …", nor one the actor asks; nor when the actor declines to judge it)
        # "would not attempt a comeback", 「出馬はしない」: the actor does not
        position, why = "oppose" if act_negated(text, hits) else "support", "act"
    elif (
        position == "neutral"
        and (named_heads or said_heads)
        and at == claim.scan
        and names_an_act(target)
        and not _whether_of(text, hits)
    ):
        # no stance word at all, the act named in the actor's clause (see names_an_act), or said not done
        position, why = "oppose" if act_negated(text, hits) else "support", "act-named"
    if reaction_only and position == "neutral" and not (replied and _quoted_reply(claim, text[claim.lo : claim.hi])):
        # a neutral reply said in quotes (「現時点で見積もるのは難しい」と述べた) right after the sentence naming the
        # target answers it; an act that says nothing of it (「記者団の取材に応じた」), a reported gist, or a remark
        # further on in a story the headline names (a reaction to the story: see `_in_report`) does not
        return None
    shown = _shown(text, claim, at, position)
    if shown is None:
        return None
    return score, position, shown, why


def _asked_words(target: Target, claim: Claim, text: str) -> tuple[set[int], frozenset[int], frozenset[int]]:
    """The target words (by index) the question put to the speaker just before the clause names (`question_put`):
    by their own words; by their neighbours or, in the statement's language, their glosses (a Japanese question
    naming an English word by its Japanese words, an English one naming a Japanese word by its English glosses);
    and which of the latter are glosses (weighed as the clause's glossed words are). None when the question names
    no head of the target: a question on another matter sharing a modifier with it (ウクライナ, "Japan") is not a
    question about it (LOOK: others grew by 13 against 3 statements found without this, by 8 with it)."""
    asked = question_put(claim.before)
    if not asked:
        return set(), frozenset(), frozenset()
    own = named_words(target, asked)
    near = set(named_words(target.near, asked)) if target.near is not None else set()
    glossed = near & _glossed_words(target)
    if target.english is not None and _JAPANESE_RX.search(text) is None:
        in_english = named_words(target.english, asked)
        near |= in_english
        glossed |= in_english
    heads = {k for k, w in enumerate(target.words) if w.head or w.act}
    if heads and not heads & (own | near):
        return set(), frozenset(), frozenset()
    return own, frozenset(near - own), frozenset(glossed - own)


def _read_at_the_halt(
    target: Target,
    hits: list[tuple[int, int]],
    spans: dict[int, list[tuple[int, int]]],
    near_spans: dict[int, list[tuple[int, int]]],
    text: str,
) -> bool:
    """Every span the position was read at names one of the target's halt words (`about.halt_words`) by a Japanese
    word `position_read` does not read toward what it halts (`stance.composes_halt`: 遅らせる for 先送り): its
    reading is the halt's own. (Not English: "can be dissolved", read at the halt, is turned as before.)"""
    if not hits or any(text[s : s + 1].isascii() for s, _ in hits):
        return False
    halts = halt_words(target)
    said = {span for k in halts for span in (*spans.get(k, ()), *near_spans.get(k, ()))}
    return all(h in said and not composes_halt(text[h[0] : h[1]]) for h in hits)


_ASKED_RX = re.compile(r"(?<![A-Za-z])asked (?:whether|if|about|when)(?![A-Za-z])[^.;:!?]*$", re.IGNORECASE)
# the target named in a question, whether it is so: 「提携が企業結合(合併)に当たるかどうか」, "whether the merger …"
_WHETHER_AFTER_RX = re.compile(r"[^。、「」『』]{0,24}?(?:かどうか|か否か)")
_WHETHER_BEFORE_RX = re.compile(r"(?<![A-Za-z])whether(?![A-Za-z])[^.;:!?,\"“”]*$", re.IGNORECASE)
_ASKED_AFTER_RX = re.compile(r"^[^。、「」]{0,12}か(?:と|どうか)?(?:を|について)?(?:問われ|聞かれ|質問され|尋ねられ)")


def _context_across(target: Target, before: str, text: str) -> frozenset[int]:
    """The English target words that what was read before a Japanese clause (the question put to the speaker, the
    sentence before, the headline) names by their Japanese words only (JMdict, `glosses`: the store's own words, at
    most `gloss_max`). Not a Japanese word by its first English glosses in an English text (調査 is "review" there
    too: 「調査委員会」 was then named by "review the rules" after a sentence on a commission of inquiry), nor a
    word-vector neighbour (a related thing as often as the same one: stance8r measured it, none gained)."""
    if _JAPANESE_RX.search(text) is None or target.near is None:
        return frozenset()
    glossed = _glossed_words(target)
    if not glossed:
        return frozenset()
    return frozenset(named_words(target.near, before)) & glossed


def _glossed_words(target: Target) -> frozenset[int]:
    """The target words (by index) said in Japanese by the store's words for them (`take_glosses`): an English
    word's, found in a Japanese text through the target's `near` view."""
    return frozenset(k for k, w in enumerate(target.words) if w.glosses)


def _said_before(target: Target, before: str, text: str, clause: str) -> set[int]:
    """The target words (by index) a text read before a clause names (the sentence before it, the headline), for
    the rules that read a clause naming none of the target as a reply or a reaction to it: its own words, and,
    before a Japanese clause, an English word of the target by the Japanese words the store holds for it
    (`_context_across`: 処理水 and 放出 for "treated water" and "release"), counted as a word of the context is —
    not before a clause on a matter of its own (「漁港の整備について「…」と語った」, 「同日、「…」とも述べた」: a
    further remark, not a reply to the sentence before)."""
    if _OWN_TOPIC_RX.search(clause):
        return named_words(target, before)
    return (
        named_words(target, before) | _context_across(target, before, text) | _context_in_english(target, before, text)
    )


def _context_in_english(target: Target, before: str, text: str) -> set[int]:
    """The Japanese target words that what was read before an English clause names in English (the target's
    English view, `said_in_english`): `_context_across` the other way round."""
    if target.english is None or _JAPANESE_RX.search(text) is not None:
        return set()
    return named_words(target.english, before)


# a clause on a matter of its own: its topic (について), or a further remark (「…」とも述べた, 同日: "also said",
# "separately")
_OWN_TOPIC_RX = re.compile(
    r"について|に関して|に関し|をめぐ[りっ]|に対して|[」』]とも|同日"
    r"|(?<![A-Za-z])(?:also (?:said|says|told|noted|announced|stressed)|separately)(?![A-Za-z])"
)


def _asked_of(text: str, claim: Claim, hits: list[tuple[int, int]]) -> bool:
    """Every hit of the target is in the question put to the speaker ("Asked whether he would step down, …",
    「辞任するかと問われ」), not in what the speaker says of it."""
    return bool(hits) and all(
        _ASKED_RX.search(text, max(0, s - 200), s) is not None or _ASKED_AFTER_RX.search(text[e : e + 24]) is not None
        for s, e in hits
    )


def _whether_of(text: str, hits: list[tuple[int, int]]) -> bool:
    """Every hit of the target is in a question whether it is so (「提携が企業結合(合併)に当たるかどうかについて意見
    募集を始めた」, "would study whether the merger …"): the act is asked about, no deed of the actor's."""
    return bool(hits) and all(
        _WHETHER_AFTER_RX.match(text, e) is not None or _WHETHER_BEFORE_RX.search(text, max(0, s - 80), s) is not None
        for s, e in hits
    )


_QUOTE_MARKS_RX = re.compile(r"[「『\"“]")


def _quoted_reply(claim: Claim, clause: str) -> bool:
    """The clause gives the actor's words in quotes (「…段階だ」と述べた, a quote of its own): a reply, even a neutral
    one, to what was just read, unlike an act that says nothing of it (「記者団の取材に応じた」)."""
    return claim.kind == "quote" or (_QUOTE_MARKS_RX.search(clause) is not None and _says(clause))


def _names_opposite_only(target: Target, text: str, claim: Claim) -> bool:
    """The clause names the head of the target's opposite (辞任) and not the target's own head (続投)."""
    opposite = cast(Target, target.opposite)

    def heads_in_clause(t: Target) -> bool:
        heads = {k for k, w in enumerate(t.words) if w.head}
        spans = match_spans(t, text)
        return any(claim.lo <= s < claim.hi for k in heads for s, _ in spans.get(k, []))

    return heads_in_clause(opposite) and not heads_in_clause(target)


def _tied(
    speaks_for: tuple[tuple[str, ...], bool], speaker: int, rows: list[DocPassage], actors: ActorIndex, memo: dict
) -> bool:
    """The clause's speaker is named in the document as the actor's (「クラウドストライクのジョージ・カーツCEO」, "Michael
    Carlinsky, a lawyer for CrowdStrike"): their words there are the actor's (`affiliations`: stored with the
    document's claims at ingest, `_claims`; read here once a document whose claims are extracted at query time, or
    whose stored ties do not hold the speaker: a person the extraction found no mention of, named by an alias the
    index learned after it, or only as a heading's or a passage's default speaker)."""
    ties = memo.get("ties")
    if ties is None or (speaker not in ties and not memo.get("ties_read") and _person(actors, speaker)):
        ties = memo["ties"] = affiliations([r.text for r in rows], actors)
        memo["ties_read"] = True
    phrases = ties.get(speaker)
    if not phrases:
        return False
    key = ("tied", speaker, speaks_for)
    if (said := memo.get(key)) is None:
        said = memo[key] = names_body(phrases, speaks_for[0], person=speaks_for[1])
    return said


def _person(actors: ActorIndex, actor_id: int) -> bool:
    """Whether the actor is a person (only a person holds ties: `affiliations`)."""
    entry = actors.actors.get(actor_id)
    return entry is not None and entry.kind == "person"


def _body_names_of(typed: str, entry: ActorEntry, others: list[ActorEntry]) -> tuple[str, ...]:
    """Every name the actor goes by, in both scripts: as typed, its own names and aliases, those of the same actor
    in the other script (`across_scripts`), the body-name data's (LDP, 自民党), and a party's Latin name without
    "Party" (Bhumjaithai of the Bhumjaithai Party: "Bhumjaithai leader Anutin"; a company's name keeps its ending:
    Alaska of Alaska Airlines is a state's too)."""
    names = [typed, *(n for a in (entry, *others) for n in (a.name, a.name_en, *(a.aliases or [])) if n)]
    names += [o for n in list(names) for o in other_names(n)]
    for n in list(names):
        words = n.split()
        if n.isascii() and len(words) >= 2 and words[-1] == "Party" and len(" ".join(words[:-1])) >= 4:
            names.append(" ".join(words[:-1]))
    return tuple(dict.fromkeys(n.strip() for n in names if len(n.strip()) >= 2))


def _named_by_kind(target: Target, in_clause: set[int], in_context: set[int]) -> set[int]:
    """The head words, when the clause names the target by its kind word alone (「日本との合意について」 in an
    article about the 日米貿易合意): a document chosen for naming the head shortens it so after the first time."""
    heads = {k for k, w in enumerate(target.words) if w.head}
    if not heads or heads & (in_clause | in_context):
        return set()
    return heads if any(target.words[k].generic for k in in_clause) else set()


# the matter a Japanese clause's quote is on, said just before it, the head in its noun phrase (「介入の可能性については
# 「…」と述べた」, 「輸出規制強化について「…」」; not 「介入は見送り、物価については「…」」)
_TOPIC_BEFORE_QUOTE_RX = re.compile(
    r"(?:[一-龥々ァ-ヺーA-Za-z0-9・]|の){0,10}?(?:について|に関して|に関し|をめぐ[りっ]て?)[はも]?[、，]?[「『]"
)


def _topic_names_head(
    target: Target, text: str, spans: dict[int, list[tuple[int, int]]], own: Callable[[int], bool]
) -> bool:
    """A head word of the target (or its gloss, a neighbour) names the matter the clause's quote is said on (「介入の
    可能性については「…」」 for "whether Tokyo will intervene"): the speaker answers on the thing asked about, which
    names the target as a head said in the clause does, however little of the rest it names."""
    return any(
        own(s) and _TOPIC_BEFORE_QUOTE_RX.match(text, e) is not None
        for k, w in enumerate(target.words)
        if w.head and w.weight > 0
        for s, e in spans.get(k, [])
    )


def _head_named(target: Target, in_clause: set[int], in_context: set[int]) -> bool:
    """Every head word named (one in the clause itself), and the head says more than 協定 or plan."""
    heads = [k for k, w in enumerate(target.words) if w.head and w.weight > 0 and not w.translated and not w.unheld]
    if not heads or not set(heads) <= in_clause | in_context or not set(heads) & in_clause:
        return False
    return not all(is_generic(target.words[k].form) for k in heads)


_JAPANESE_RX = re.compile(r"[ぁ-ゖァ-ヺ一-龥]")  # a passage with none of these is English

_SENTENCE_ENDS = "。！？!?"


def _last_sentence_start(text: str) -> int:
    """Where the text's last sentence starts: its last run of characters other than a sentence end or a line
    break, with the one sentence end and the blanks after it (what `[^。！？!?\\n]*[。！？!?]?\\s*$` matches). Found
    from the end: that pattern, searched, is tried at every position of a long context (quadratic: 2 ms on 1,300
    characters, the slowest step of an English `--about` target over a 10k store)."""
    end = len(text.rstrip())
    if end and text[end - 1] in _SENTENCE_ENDS:
        end -= 1
    return max(text.rfind(c, 0, end) for c in _SENTENCE_ENDS + "\n") + 1


_REFERENCE_RX = re.compile(
    r"これ|それ|この|その|同(?:案|提案|協定|計画|合意|措置|決定|取引|法案|条約|政策)|今回の|こうした"
    r"|(?<![A-Za-z])(?:it|this|that|these|those)(?![A-Za-z])"
    r"|(?<![A-Za-z])(?:the|today's|this|that)\s+(?:move|decision|announcement|measures?|deal|plan|order|step|agreement"
    r"|proposal|policy|bill|pause|ban|cut|increase|hike|release)(?![A-Za-z])",
    re.IGNORECASE,
)


def _names_it_by_reference(text: str, claim: Claim) -> bool:
    """The clause points back at what was just read (これを拒否, 同案, "it")."""
    return _REFERENCE_RX.search(text, claim.scan, claim.hi) is not None


def _shown(text: str, claim: Claim, at: int, position: str) -> str | None:
    """The text shown for the clause read at `at`, or None for a fragment: a few words with no predicate, or a name
    in brackets read as a neutral quote. A clause cut at its comma (「…を解任し、」, "…, Trump announced Saturday
    night,") is shown to the end of its sentence: the predicate the comma leaves for later, not a fragment."""
    shown = snippet(text, claim.lo, claim.hi, at)
    if shown.endswith(_CLAUSE_COMMAS) and (end := _sentence_end(text, claim.hi)) > claim.hi:
        shown = snippet(text, claim.lo, end, at)
    if _fragment(shown) or (position == "neutral" and claim.kind == "quote" and _name_only(shown)):
        return None
    return shown


def _fragment(text: str) -> bool:
    """A few words with no predicate (「完全な休戦」): not a statement."""
    body = text.strip("「」『』\"' 　")
    return len(body) < 12 and not _KANA_RX.search(body)


_CLAUSE_COMMAS = ("、", "，", ",")
_LATIN_SENTENCE_END_RX = re.compile(r"[.!?][\"”’')]*(?=\s|$)")
# a name in brackets read as a quote (「ドイツのための選択肢」, 「ひょうご県民連合」, 「Chat(チャット)GPT」): short, and
# ending in a noun's letter (no verb, adjective or copula of a remark), and no particle of a clause
_NAME_ONLY_RX = re.compile(r"^[^。、,.!?！？]{1,20}[一-龥々ァ-ヺーA-Za-z0-9)）]$")


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence holding `at` ends (after its 。 or full stop), or the line's end."""
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    stop = text.find("。", at, line_end)
    if stop >= 0:
        return stop + 1
    m = _LATIN_SENTENCE_END_RX.search(text, at, line_end)
    return m.end() if m else line_end


def _name_only(text: str) -> bool:
    """A quote that is only a name or a noun phrase (「ドイツのための選択肢」): read neutral, it says nothing."""
    body = text.strip("「」『』\"“”' 　")
    # (a remark's particles mark a clause: 「現時点では白紙」 says something of its topic)
    return _NAME_ONLY_RX.match(body) is not None and not any(p in body for p in "はがをにでもと")

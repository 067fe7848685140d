"""Which forms of an actor's name `/stance --about` takes, on each story's own database: the name the gold case
types, and the same actor typed the other ways users type it (the other script, the surname alone, a title with
the surname, a post with its country before or after it, the first part of a long name), counted by form.

Each story's database is the one `python -m tests.test_quality_floor OUTDIR` leaves in OUTDIR (`<story>.db`, the
seeds and the story's articles). A gold case's actor is read as `stance --about` reads it (`read_actor`); each
other form of that actor is read the same way and counted `ok` (the same actor, or the same person under another
name: `across_scripts`), `unknown` (refused) or `wrong` (another actor). The check stories are counted only
(`--cases` never prints their forms).

    python -m tools.actor_forms OUTDIR [STORY ...] [--cases]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from bot.actors import ActorEntry
from bot.extract.roles import vocabulary
from bot.extract.romaji import romanize
from bot.ingest.pipeline import open_store
from bot.services.body_place import shorter_forms, union_forms
from bot.services.errors import QueryError
from bot.services.resolve import across_scripts, post_of
from bot.services.stance_about import read_actor
from bot.text import person_name_words
from tests.test_quality_floor import corpora

# the blind check stories of the round (thirty-ninth): counted only, never printed case by case
CHECK = frozenset(
    [
        "ausban2024",
        "kagoshimapolice2024",
        "lineyahoo2024",
        "romania2024",
        "samesex2024",
        "rwanda2024",
        "pension2023",
        "toshiba2023",
        "osakair2023",
        "niger2023",
        "gcap2024",
        "baltimore2024",
        "lahaina2023",
        "koreadoctors2024",
        "georgia2024",
        "shutdown2025",
    ]
)
FORMS = (
    "gold",
    "other_script",
    "other_order",
    "romaji",
    "surname",
    "title_surname",
    "first_part",
    "post_country",
    # thirty-ninth round (issue 11): a body without its place, a union written otherwise, a surname and the generic
    # word for the post (大臣 for こども政策担当相)
    "place_dropped",
    "union",
    "generic_title",
)
_KANJI = re.compile(r"[一-龥々]+")
_LATIN_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*)+")


def _is_latin(name: str) -> bool:
    return unicodedata.normalize("NFKC", name).isascii()


def variants(typed: str, entry: ActorEntry) -> list[tuple[str, str]]:
    """(form, text) of the other ways a user types this actor."""
    out: list[tuple[str, str]] = []
    if entry.id <= 0:  # a stored actor (an unregistered reading is the typed text)
        return out
    if entry.kind != "person":
        if entry.kind in ("state", "country"):
            return out
        for name in dict.fromkeys((entry.name, *(entry.aliases or []))):
            out += [("place_dropped", form) for form, _place in shorter_forms(name)]
            out += [("union", form) for form in union_forms(name)[:1]]
        return [(f, t) for f, t in dict.fromkeys(out) if t and t != typed]
    out += _generic_title(entry)
    names = [n for n in (entry.name, entry.name_en, *(entry.aliases or [])) if n]
    latin = [n for n in names if _is_latin(n) and len(n.split()) >= 2]
    katakana = [n for n in names if "・" in n]
    if _is_latin(typed):
        out += [("other_script", n) for n in names if not _is_latin(n)][:2]
    else:
        out += [("other_script", n) for n in names if _is_latin(n)][:2]
    kanji_named = bool(_KANJI.fullmatch(entry.name))
    out += _typed_otherwise(typed)
    for n in latin[:1]:
        words = n.split()
        # a Korean or Chinese name puts the surname first (Moon Jae-in, Lin Chia-lung)
        out.append(("surname", words[0] if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[-1]) else words[-1]))
        if len(words) >= 3 or any(w.casefold() in ("bin", "ibn", "al", "el") for w in words):
            out.append(("first_part", words[0]))
    for n in katakana[:1] if not kanji_named else ():
        parts = n.split("・")
        out.append(("surname", parts[-1]))
        if len(parts) >= 3 or any(p in ("ビン", "イブン", "アル") for p in parts):
            out.append(("first_part", parts[0]))
    desc = entry.description or ""
    titles = vocabulary().ja_title_set
    title = next((t for t in sorted(titles, key=len, reverse=True) if desc.endswith(t)), None)
    if title and katakana and not kanji_named:
        out.append(("title_surname", katakana[0].split("・")[-1] + title))
    m = re.match(r"駐日(.+?)大使$", desc)
    if m and (katakana or latin):
        sur = katakana[0].split("・")[-1] if katakana else None
        if sur:
            out.append(("post_country", f"{m.group(1)}の駐日大使{sur}"))
            out.append(("post_country", f"駐日{m.group(1)}大使"))
    return [(f, t) for f, t in dict.fromkeys(out) if t and t != typed]


def _generic_title(entry: ActorEntry) -> list[tuple[str, str]]:
    """A kanji-named person by surname and the generic word for the post (三原大臣 for 三原じゅん子, こども政策担当相;
    林長官 for 林芳正, 官房長官): the surname as the tokenizer reads the name."""
    post = post_of(entry)
    words = person_name_words(entry.name)
    if not post or len(words) < 2 or not _KANJI.fullmatch(words[0][0]):
        return []
    surname = words[0][0]
    word = (
        "大臣"
        if re.search(r"(?:相|大臣)$", post) and not post.endswith("首相")
        else "長官"
        if post.endswith("長官")
        else ""
    )
    return [("generic_title", surname + word)] if word else []


def _typed_otherwise(typed: str) -> list[tuple[str, str]]:
    """A two-word Latin name in the other order (Kenji Watanabe ↔ Watanabe Kenji); a kanji name of a surname and a
    given name in Hepburn from the tokenizer's reading, given name first and family name first (山田太郎: Taro
    Yamada, Yamada Taro)."""
    text = unicodedata.normalize("NFKC", typed).strip()
    words = text.split()
    if _is_latin(text):
        return [("other_order", f"{words[1]} {words[0]}")] if len(words) == 2 and text.istitle() else []
    parts = person_name_words(text)
    if len(parts) != 2 or "".join(s for s, _ in parts) != text or not all(r for _, r in parts):
        return []
    family, given = (romanize(r).capitalize() for _, r in parts)
    return [("romaji", f"{given} {family}"), ("romaji", f"{family} {given}")]


async def _read(store: Any, actor: str, about: str) -> ActorEntry | None:
    try:
        entry = (await read_actor(store, actor, about, None)).entry
    except QueryError:
        return None
    return entry


def _same(store: Any, a: ActorEntry, b: ActorEntry) -> bool:
    if (a.id == b.id and a.id > 0) or a.name == b.name:
        return True
    # one person's surname discovered apart (Homendy beside Jennifer Homendy, ジョンソン beside ボリス・ジョンソン)
    parts = {n: re.split(r"[\s・]+", n) for n in (a.name, b.name)}
    if parts[a.name][-1:] == parts[b.name][-1:] and min(len(parts[a.name]), len(parts[b.name])) == 1:
        return True
    others = {x.id for x in across_scripts(store.actors, a)} | {x.id for x in across_scripts(store.actors, b)}
    return b.id in others or a.id in others


async def story(db: Path, cases: list[dict[str, Any]], show: bool) -> Counter:
    counts: Counter = Counter()
    store = await open_store(str(db), Path(__file__).resolve().parent.parent / "seeds")
    try:
        seen: set[tuple[str, str]] = set()
        for case in cases:
            actor, about = case["actor"], case.get("about")
            if not about:
                continue
            entry = await _read(store, actor, about)
            counts["gold", "ok" if entry is not None else "unknown"] += 1
            if entry is None:
                if show:
                    print(f"  {case['id']} gold unknown: {actor}")
                continue
            for form, text in variants(actor, entry):
                if (text, entry.name) in seen:
                    continue
                seen.add((text, entry.name))
                got = await _read(store, text, about)
                verdict = (
                    "unknown"
                    if got is None
                    else "ok"
                    if _same(store, entry, got)
                    else "unreg"  # read as a name of the passages, no actor (Leyen: the passages naming Leyen)
                    if got.id <= 0 or got.id not in store.actors.actors
                    else "wrong"
                )
                counts[form, verdict] += 1
                if show and verdict != "ok":
                    print(
                        f"  {case['id']} {form} {verdict}: {text} (for {entry.name} / {entry.name_en})"
                        + (f" → {got.name}" if got is not None else "")
                    )
    finally:
        await store.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir", type=Path)
    ap.add_argument("stories", nargs="*")
    ap.add_argument("--cases", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    totals: dict[str, Counter] = {"look": Counter(), "check": Counter()}
    per: dict[str, dict[str, int]] = {}
    for name, (folder, _articles) in corpora().items():
        if args.stories and name not in args.stories:
            continue
        db = args.outdir / f"{name}.db"
        path = folder / "stance.jsonl"
        if not db.exists() or not path.exists():
            continue
        cases = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        check = name in CHECK
        if args.cases and not check:
            print(name)
        counts = asyncio.run(story(db, cases, args.cases and not check))
        totals["check" if check else "look"].update(counts)
        per[name] = {f"{f}:{v}": n for (f, v), n in counts.items()}
    for half, counts in totals.items():
        print(half)
        for form in FORMS:
            row = {v: counts[form, v] for v in ("ok", "unknown", "unreg", "wrong")}
            print(
                f"  {form:14} ok {row['ok']:4}  unknown {row['unknown']:4}  unreg {row['unreg']:3}  wrong {row['wrong']:3}"
            )
    if args.json:
        args.json.write_text(json.dumps(per, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

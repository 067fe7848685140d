"""Each actor index's name forms read once (issue 17, suite41): `across_scripts` compares a name with every person's
forms as `resolve._people_by_script` keeps them per index, and `same_body` with every body's names as
`resolve._bodies_named` keeps them, instead of reading every actor's names again at each asking. The answers must be
the plain reading's (every person's names read for each comparison, as before), the same people in the same order:
checked here for every actor of an index holding the registry and people and bodies named in both scripts, and for
names typed as users type them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.actors import ActorEntry, ActorIndex, load_registry_file
from bot.services import resolve
from bot.services.resolve import (
    _cjk_candidates,
    _cjk_same,
    _government_bodies,
    _is_latin,
    _latin_words,
    _name_forms,
    _same_name,
    _sound_forms,
    _sounds_same,
    _spelled_in_latin,
    across_scripts,
    korean_people,
    same_body,
    sounded_bodies,
)

ROOT = Path(__file__).resolve().parents[1]

# people and bodies named in both scripts, as the stories' reports discover them (each script its own actor)
_PEOPLE = [
    ("木原稔", None, ["木原"]), ("Minoru Kihara", "Minoru Kihara", ["Kihara"]),
    ("小泉進次郎", None, ["小泉"]), ("Shinjiro Koizumi", None, ["Koizumi"]),
    ("岸田文雄", None, ["岸田"]), ("Fumio Kishida", None, []),
    ("鈴木健太", None, []), ("Ichiro Suzuki", None, ["Suzuki"]), ("鈴木", None, []),
    ("林芳正", None, ["林官房長官"]), ("Yoshimasa Hayashi", None, ["Hayashi"]),
    ("カルロス・ゴーン", None, ["ゴーン"]), ("Carlos Ghosn", None, ["Ghosn"]), ("Michael Ghosn", None, []),
    ("ラファエル・グロッシ", None, ["グロッシ"]), ("Rafael Grossi", None, ["Grossi"]),
    ("マリア・ザハロワ", None, ["ザハロワ"]), ("マリア・ゴンサレス", None, []), ("Maria Gonzalez", None, []),
    ("サラ・ドゥテルテ", None, []), ("Sara Duterte", None, []), ("Rodrigo Duterte", None, ["Duterte"]),
    ("頼清徳", None, []), ("Lai Ching-te", None, ["Lai"]), ("王毅", None, []), ("Wang Yi", None, []),
    ("Wang Wenbin", None, []), ("李洛淵", None, ["イ・ナギョン"]), ("Lee Nak-yon", None, []),
    ("カン・ギョンファ", None, []), ("Kang Kyung-wha", None, []),
    ("ロナルド・ロウ", None, ["ロウ"]), ("Ronald Rowe", None, ["Rowe"]), ("ロナルド・ロス", None, []),
    ("チャンポン・ジャオ", None, ["ジャオ"]), ("Changpeng Zhao", None, ["Zhao"]),
    ("アハメド・シャラア", None, ["シャラア"]), ("Ahmed al-Sharaa", None, []),
    ("スターマー", "Keir Starmer", []), ("Starmer", None, []),
    ("ランクフォード", None, []), ("Lankford", None, []), ("デニー", None, []), ("玉城", None, []),
]  # fmt: skip
_BODIES = [
    ("国土交通省", "body"), ("国交省", "body"), ("transport ministry", "body"), ("経済産業省", "body"),
    ("吉本興業", "org"), ("吉本", "org"), ("静岡地方検察庁", "body"), ("静岡地検", "body"),
    ("CrowdStrike", "org"), ("クラウドストライク", "org"), ("トヨタ", "org"), ("Toyota", "org"),
    ("韓国外務省", "body"), ("South Korea's foreign ministry", "body"), ("中国政府", "body"), ("韓国", "state"),
    ("Hamas", "org"), ("ハマス", "org"),
]  # fmt: skip
# names typed as users type them, beside every name of the index
_TYPED = [
    "Trunp", "Kihara", "木原", "Koizumi", "Ghosn", "ゴーン", "Maria Gonzalez", "サラ・ドゥテルテ", "Grossi",
    "Transport Minister Saito", "斉藤国交相", "Lee Nak-yon", "イ・ナギョン", "Hayashi", "Lankford", "ランクフォード",
    "Wang", "王毅", "Sharaa", "Rowe", "ロウ", "Crowdstrike", "Starmer", "Keir Starmer", "South Korea", "Seoul",
]  # fmt: skip


def _index() -> ActorIndex:
    entries = [
        ActorEntry(k, a["name"], a.get("name_en"), a["kind"], list(a.get("aliases", [])), a.get("description"))
        for k, a in enumerate(load_registry_file(), 1)
    ]
    start = len(entries) + 1
    entries += [ActorEntry(start + k, n, en, "person", aliases) for k, (n, en, aliases) in enumerate(_PEOPLE)]
    start += len(_PEOPLE)
    entries += [ActorEntry(start + k, n, None, kind, []) for k, (n, kind) in enumerate(_BODIES)]
    return ActorIndex(entries)


def _dev_actors() -> list[str]:
    """The actors the dev set's stance cases name (eval/dev, eval/dev/about, eval/dev/seeds_about)."""
    found: list[str] = []
    for path in sorted((ROOT / "eval" / "dev").glob("**/stance.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                found.append(json.loads(line)["actor"])
    return list(dict.fromkeys(found))


def _plain_across_scripts(actors: ActorIndex, entry: ActorEntry) -> list[ActorEntry]:
    """`across_scripts` as it was before the forms were kept: every person's names read for each comparison."""
    governing = _government_bodies(actors, entry)
    if entry.kind != "person":
        return [*_plain_same_body(actors, entry), *sounded_bodies(actors, entry), *governing]
    latin = _is_latin(entry.name)
    mine = _name_forms(entry, latin)
    sounds = _sound_forms(entry, latin)
    if not mine and not sounds:
        return governing
    brands = sounded_bodies(actors, entry) if latin and len(_latin_words(entry.name)) == 1 else []
    people = [
        a
        for a in actors.actors.values()
        if a.id != entry.id
        and a.kind == "person"
        and _is_latin(a.name) != latin
        and (
            _same_name(mine, _name_forms(a, not latin))
            or bool(
                sounds
                and not _spelled_in_latin(a if latin else entry)
                and _sounds_same(sounds, _sound_forms(a, not latin), latin)
            )
        )
    ]
    cjk = [a for a in _cjk_candidates(actors, entry, latin) if a not in people and _cjk_same(entry, a, latin)]
    korean = [a for a in korean_people(actors, entry) if all(a.id != p.id for p in people + cjk)]
    return brands + people + cjk + korean + governing


def _plain_same_body(actors: ActorIndex, entry: ActorEntry) -> list[ActorEntry]:
    """`same_body` as it was: every body's names (and their data's other names) read for each comparison."""
    mine = resolve._body_names(entry)
    if not mine or entry.kind == "state":
        return []
    return [
        a
        for a in actors.actors.values()
        if a.id != entry.id
        and a.kind not in ("person", "state")
        and (
            any(
                n in mine or any(resolve._short_form(n, m) or resolve._short_form(m, n) for m in mine)
                for n in resolve._body_names(a)
            )
            or any(
                resolve._court_short(n, m) or resolve._court_short(m, n)
                for n in (a.name, *a.aliases)
                for m in (entry.name, *entry.aliases)
            )
            or any(
                resolve._suffixed(n, m) or resolve._suffixed(m, n)
                for n in (a.name, *a.aliases)
                for m in (entry.name, *entry.aliases)
            )
        )
    ]


def _ids(found: list[ActorEntry]) -> list[int]:
    return [a.id for a in found]


def test_every_actor_of_the_index_finds_the_plain_readings_people_in_its_order() -> None:
    index = _index()
    compared = found = 0
    for entry in index.actors.values():
        kept = _ids(across_scripts(index, entry))
        assert kept == _ids(_plain_across_scripts(index, entry)), entry.name
        assert _ids(same_body(index, entry)) == _ids(_plain_same_body(index, entry)), entry.name
        compared += 1
        found += bool(kept)
    assert compared == len(index.actors) and found >= 25  # the pairs above find each other


def test_names_typed_find_the_plain_readings_people() -> None:
    index = _index()
    typed = [*_TYPED, *_dev_actors()]
    typed += [n for a in index.actors.values() for n in (a.name, a.name_en, *a.aliases) if n]
    found = 0
    for name in dict.fromkeys(typed):
        for kind in ("person", "body"):
            entry = ActorEntry(0, name, None, kind, [])
            kept = _ids(across_scripts(index, entry))
            assert kept == _ids(_plain_across_scripts(index, entry)), (name, kind)
            found += bool(kept)
    assert found >= 40


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Kihara", ["木原稔"]),
        ("ゴーン", ["Carlos Ghosn", "Michael Ghosn"]),  # a surname alone: either Ghosn
        ("カルロス・ゴーン", ["Carlos Ghosn"]),  # not Michael Ghosn: the full names differ
        ("Koizumi", ["小泉進次郎"]),
        ("Wang Yi", ["王毅"]),
        ("Grossi", ["ラファエル・グロッシ"]),
        ("Trunp", []),  # a misspelling of a Latin name, never トランプ heard in Latin letters
        ("Lankford", ["ランクフォード"]),
    ],
)
def test_the_kept_forms_answer_as_the_names_do(typed: str, expected: list[str]) -> None:
    index = _index()
    found = [a.name for a in across_scripts(index, ActorEntry(0, typed, None, "person", [])) if a.kind == "person"]
    assert found == expected


def test_the_forms_are_read_once_an_index_and_again_for_a_grown_one(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    real = resolve._read_people_by_script

    def counting(actors: ActorIndex) -> dict:
        reads.append(len(actors.actors))
        return real(actors)

    monkeypatch.setattr(resolve, "_read_people_by_script", counting)
    index = _index()
    for name in ("Kihara", "Ghosn", "グロッシ", "Koizumi"):
        across_scripts(index, ActorEntry(0, name, None, "person", []))
    assert reads == [len(index.actors)]
    # an actor added (the store's index built again, or an index extended): its own forms, the new person among them
    grown = index.extended([("ヤマモト", [], "person", None)])
    assert [a.name for a in across_scripts(grown, ActorEntry(0, "Yamamoto", None, "person", []))] == ["ヤマモト"]
    assert across_scripts(index, ActorEntry(0, "Yamamoto", None, "person", [])) == []
    assert reads == [len(index.actors), len(index.actors) + 1]

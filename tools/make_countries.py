"""Extend bot/data/countries.json with every country CLDR names in English and Japanese, and its people's adjective.

The file's rows written by hand stay as they are (their capitals, `government_ja`, the adjectives and names news
uses: 英国 beside イギリス); a country none of whose names a row holds is added with its English name and its
Japanese name as CLDR writes them (babel's locale data, installed with the project: モロッコ, Morocco), and the
adjectives WordNet says pertain to that name (`bot/data/english_words.json`'s `pertains`, made by
tools/make_english_words.py: moroccan → Morocco), with their plural as a people (Moroccans). A statement typed in the
other language names a country by any of these (`/stance --about` reads "Moroccan rescuers" for モロッコ), as a
dictionary says them, not as the stories at hand do.

Not added: CLDR's groupings and codes that name no country (EU, Eurozone, UN, the pseudo-locales), a name with
parentheses, an ampersand or a dash (Congo - Kinshasa, St. Kitts & Nevis: news writes them otherwise), a place
named as an island or a territory of another (Ascension Island, French Guiana), a Japanese name of two characters
(マリ is inside マリア and マリオ: passages are scanned for the names as substrings), and the abbreviations news uses
for a few countries (U.K.) CLDR does not give. Rerun after a change of babel or of english_words.json:

    python tools/make_countries.py            # rewrites bot/data/countries.json
    python tools/make_countries.py --check    # exit 1 when the file is not what the sources make
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ROOT / "bot" / "data" / "countries.json"
ENGLISH_WORDS = ROOT / "bot" / "data" / "english_words.json"

MADE_NOTE = (
    "made: a row tools/make_countries.py adds (every country CLDR names in English and Japanese, with the"
    " adjectives WordNet says pertain to it); the rows without it are written by hand and kept as they are."
)
# CLDR's codes for groupings, organisations and test locales, not countries
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
_PLAIN_NAME_RX = re.compile(r"^[A-Z][A-Za-z' ]+$")
_SPECIAL_RX = re.compile(r"\bSAR\b")  # Hong Kong SAR China: news says Hong Kong
_PLAIN_JA_RX = re.compile(r"^[ァ-ヺー・一-龥]+$")
# a territory or an island of another country, not a country news reports speak for
_DEPENDENT_RX = re.compile(r"(?:Island|Islands|Territory|Territories|Outlying|Minor|Antarctica)\b")
_DEPENDENT_JA_RX = re.compile(r"^(?:英|米|仏|蘭)領|島$|諸島$")


def cldr_countries() -> list[tuple[str, str]]:
    """(English name, Japanese name) of every country CLDR (babel) names in both, by ISO code."""
    from babel import Locale

    en, ja = Locale("en").territories, Locale("ja").territories
    out = []
    for code in sorted(en):
        if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES or code not in ja:
            continue
        name, name_ja = en[code], ja[code]
        if not _PLAIN_NAME_RX.match(name) or not _PLAIN_JA_RX.match(name_ja) or _SPECIAL_RX.search(name):
            continue
        if _DEPENDENT_RX.search(name) or _DEPENDENT_JA_RX.search(name_ja):
            continue
        out.append((name, name_ja))
    return out


def adjectives_by_country(pertains: dict[str, list[str]]) -> dict[str, list[str]]:
    """WordNet's relational adjectives read the other way: a proper noun → the adjectives pertaining to it, as a
    text capitalises them (Morocco → Moroccan). Not an adjective of two words, nor one spelled as the name."""
    out: dict[str, list[str]] = {}
    for adjective, nouns in pertains.items():
        if " " in adjective or "-" in adjective or not adjective.isalpha():
            continue
        for noun in nouns:
            # spelled as the name begins (Kenya, Kenyan): not a word of another root WordNet relates to it
            # (Afrikaans for South Africa, Maroc for Morocco)
            if noun[:1].isupper() and noun.lower() != adjective and noun[:3].lower() == adjective[:3]:
                out.setdefault(noun, []).append(adjective[:1].upper() + adjective[1:])
    return {k: sorted(v) for k, v in out.items()}


def people_forms(adjective: str) -> list[str]:
    """The adjective and, where the adjective names the people too, its plural (Moroccan, Moroccans; Israeli,
    Israelis); not one in -ese or -ish (the Japanese, the Spanish: no plural)."""
    return [adjective, adjective + "s"] if adjective.endswith(("an", "i")) else [adjective]


def extended(data: dict, countries: list[tuple[str, str]], adjectives: dict[str, list[str]]) -> dict:
    """`data` (countries.json) with a row for each country none of whose names a row holds already."""
    rows = [r for r in data["countries"] if not r.get("made")]  # the hand rows; the made ones are made again
    held = {n.lower() for r in rows for n in (r["en"], *r["adjectives"], *r["ja"], *r.get("also", []))}
    made = []
    for name, name_ja in countries:
        # (a row's name beginning CLDR's longer one is that country: アメリカ for アメリカ合衆国)
        if name.lower() in held or name_ja.lower() in held or any(name_ja.startswith(h) for h in held):
            continue
        if len(name_ja) <= 2:  # マリ is inside マリア, マリオ: passages are scanned for the names as substrings
            continue
        forms = [f for a in adjectives.get(name, []) for f in people_forms(a)]
        made.append({"en": name, "adjectives": list(dict.fromkeys(forms)), "ja": [name_ja], "made": True})
    comment = data["_comment"] if MADE_NOTE in data["_comment"] else f"{data['_comment']} {MADE_NOTE}"
    return {**data, "_comment": comment, "countries": rows + made}


def build() -> dict:
    data = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    pertains = json.loads(ENGLISH_WORDS.read_text(encoding="utf-8"))["pertains"]
    return extended(data, cldr_countries(), adjectives_by_country(pertains))


def dumped(data: dict) -> str:
    """The file as it is kept: its comment, then one country a line."""
    rows = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in data["countries"])
    comment = json.dumps(data["_comment"], ensure_ascii=False)
    return f'{{\n  "_comment": {comment},\n  "countries": [\n{rows}\n  ]\n}}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    args = parser.parse_args(argv)
    data = build()
    text = dumped(data)
    if args.check:
        return 0 if COUNTRIES.read_text(encoding="utf-8") == text else 1
    COUNTRIES.write_text(text, encoding="utf-8")
    print(f"{len(data['countries'])} rows, {sum(1 for r in data['countries'] if r.get('made'))} made", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

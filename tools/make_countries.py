"""Extend bot/data/countries.json with the world's other countries: their English name and people's adjective (the
table below) and their Japanese names (CLDR's territory names, as the `babel` package ships them).

Run by hand when the table below or CLDR changes; the bot reads only the JSON:

    .venv/bin/python tools/make_countries.py

The rows written by hand (the countries news names most, with their capitals and the names a Japanese report
gives their governments) are kept as they are, in their order; a row this tool wrote carries `"cldr"` (its
ISO 3166 code) and is written anew each run, after them, for every country of `ADJECTIVES` that no hand row names.
A user types a body with its people's adjective ("the Moroccan interior ministry", "Peruvian Congress") or its
Japanese name (アルジェリア大統領府), and the reports write it with the country's name ("Morocco's interior
ministry", "The Algerian presidency"): each side needs the country in the table.

Left out on purpose: a country whose English name is a common word or a US state (Georgia, Guinea as in
Papua New Guinea, Dominica beside the Dominican Republic), and a Japanese name of two characters (マリ is inside
マリア, マリオ): a passage is scanned for the names as substrings (`quote_voice`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "bot" / "data" / "countries.json"

# ISO 3166 code → (the English name news uses, its people's adjectives: the singular first); the plural of an
# adjective in -an is added by the tool (Moroccans), as the hand rows list it (a people typed, not its state)
ADJECTIVES: dict[str, tuple[str, tuple[str, ...]]] = {
    # Africa
    "DZ": ("Algeria", ("Algerian",)),
    "AO": ("Angola", ("Angolan",)),
    "BJ": ("Benin", ("Beninese",)),
    "BW": ("Botswana", ()),
    "BF": ("Burkina Faso", ("Burkinabe",)),
    "BI": ("Burundi", ("Burundian",)),
    "CM": ("Cameroon", ("Cameroonian",)),
    "CV": ("Cape Verde", ("Cape Verdean",)),
    "CF": ("Central African Republic", ()),
    "TD": ("Chad", ("Chadian",)),
    "KM": ("Comoros", ()),
    "CD": ("Democratic Republic of Congo", ()),
    "CG": ("Republic of Congo", ()),
    "CI": ("Ivory Coast", ("Ivorian",)),
    "DJ": ("Djibouti", ("Djiboutian",)),
    "ER": ("Eritrea", ("Eritrean",)),
    "SZ": ("Eswatini", ()),
    "ET": ("Ethiopia", ("Ethiopian",)),
    "GA": ("Gabon", ("Gabonese",)),
    "GM": ("Gambia", ("Gambian",)),
    "GH": ("Ghana", ("Ghanaian",)),
    "KE": ("Kenya", ("Kenyan",)),
    "LS": ("Lesotho", ()),
    "LR": ("Liberia", ("Liberian",)),
    "LY": ("Libya", ("Libyan",)),
    "MG": ("Madagascar", ("Malagasy",)),
    "MW": ("Malawi", ("Malawian",)),
    "ML": ("Mali", ("Malian",)),
    "MR": ("Mauritania", ("Mauritanian",)),
    "MU": ("Mauritius", ("Mauritian",)),
    "MA": ("Morocco", ("Moroccan",)),
    "MZ": ("Mozambique", ("Mozambican",)),
    "NA": ("Namibia", ("Namibian",)),
    "NE": ("Niger", ("Nigerien",)),
    "NG": ("Nigeria", ("Nigerian",)),
    "RW": ("Rwanda", ("Rwandan",)),
    "SN": ("Senegal", ("Senegalese",)),
    "SL": ("Sierra Leone", ("Sierra Leonean",)),
    "SO": ("Somalia", ("Somali",)),
    "ZA": ("South Africa", ("South African",)),
    "SS": ("South Sudan", ("South Sudanese",)),
    "SD": ("Sudan", ("Sudanese",)),
    "TZ": ("Tanzania", ("Tanzanian",)),
    "TG": ("Togo", ("Togolese",)),
    "TN": ("Tunisia", ("Tunisian",)),
    "UG": ("Uganda", ("Ugandan",)),
    "ZM": ("Zambia", ("Zambian",)),
    "ZW": ("Zimbabwe", ("Zimbabwean",)),
    # the Americas
    "BS": ("Bahamas", ("Bahamian",)),
    "BB": ("Barbados", ("Barbadian",)),
    "BZ": ("Belize", ("Belizean",)),
    "BO": ("Bolivia", ("Bolivian",)),
    "CO": ("Colombia", ("Colombian",)),
    "CR": ("Costa Rica", ("Costa Rican",)),
    "CU": ("Cuba", ("Cuban",)),
    "DO": ("Dominican Republic", ()),
    "EC": ("Ecuador", ("Ecuadorian",)),
    "SV": ("El Salvador", ("Salvadoran",)),
    "GT": ("Guatemala", ("Guatemalan",)),
    "GY": ("Guyana", ("Guyanese",)),
    "HT": ("Haiti", ("Haitian",)),
    "HN": ("Honduras", ("Honduran",)),
    "JM": ("Jamaica", ("Jamaican",)),
    "NI": ("Nicaragua", ("Nicaraguan",)),
    "PA": ("Panama", ("Panamanian",)),
    "PY": ("Paraguay", ("Paraguayan",)),
    "PE": ("Peru", ("Peruvian",)),
    "SR": ("Suriname", ("Surinamese",)),
    "TT": ("Trinidad and Tobago", ()),
    "UY": ("Uruguay", ("Uruguayan",)),
    "VE": ("Venezuela", ("Venezuelan",)),
    # Asia
    "AM": ("Armenia", ("Armenian",)),
    "AZ": ("Azerbaijan", ("Azerbaijani",)),
    "BH": ("Bahrain", ("Bahraini",)),
    "BT": ("Bhutan", ("Bhutanese",)),
    "BN": ("Brunei", ()),
    "TL": ("East Timor", ("Timorese",)),
    "KZ": ("Kazakhstan", ("Kazakh",)),
    "KW": ("Kuwait", ("Kuwaiti",)),
    "KG": ("Kyrgyzstan", ("Kyrgyz",)),
    "LA": ("Laos", ("Laotian",)),
    "MV": ("Maldives", ("Maldivian",)),
    "OM": ("Oman", ("Omani",)),
    "LK": ("Sri Lanka", ("Sri Lankan",)),
    "TJ": ("Tajikistan", ("Tajik",)),
    "TM": ("Turkmenistan", ("Turkmen",)),
    "AE": ("United Arab Emirates", ("Emirati", "UAE")),
    "UZ": ("Uzbekistan", ("Uzbek",)),
    # Europe
    "AL": ("Albania", ("Albanian",)),
    "BA": ("Bosnia", ("Bosnian",)),
    "BG": ("Bulgaria", ("Bulgarian",)),
    "HR": ("Croatia", ("Croatian",)),
    "CY": ("Cyprus", ("Cypriot",)),
    "CZ": ("Czech Republic", ("Czech",)),
    "EE": ("Estonia", ("Estonian",)),
    "IS": ("Iceland", ("Icelandic",)),
    "XK": ("Kosovo", ("Kosovar",)),
    "LV": ("Latvia", ("Latvian",)),
    "LT": ("Lithuania", ("Lithuanian",)),
    "LU": ("Luxembourg", ()),
    "MT": ("Malta", ("Maltese",)),
    "MD": ("Moldova", ("Moldovan",)),
    "ME": ("Montenegro", ("Montenegrin",)),
    "MK": ("North Macedonia", ()),
    "RO": ("Romania", ("Romanian",)),
    "RS": ("Serbia", ("Serbian",)),
    "SK": ("Slovakia", ("Slovak",)),
    "SI": ("Slovenia", ("Slovenian",)),
    "VA": ("Vatican", ()),
    # Oceania
    "FJ": ("Fiji", ("Fijian",)),
    "PG": ("Papua New Guinea", ()),
    "WS": ("Samoa", ("Samoan",)),
    "SB": ("Solomon Islands", ()),
    "TO": ("Tonga", ("Tongan",)),
    "VU": ("Vanuatu", ()),
}

_PARENTHESES = re.compile(r"\s*[(（][^)）]*[)）]")
_JA_SHORTEST = 3  # マリ (Mali) is inside マリア: two characters name too much else


def japanese_names(code: str, cldr: dict[str, str]) -> list[str]:
    """CLDR's Japanese name of the territory, its parenthesised other name dropped (ミャンマー (ビルマ)); none of
    fewer than `_JA_SHORTEST` characters."""
    name = _PARENTHESES.sub("", cldr.get(code, "")).strip()
    return [name] if len(name) >= _JA_SHORTEST else []


def made_row(code: str, cldr_ja: dict[str, str]) -> dict | None:
    en, adjectives = ADJECTIVES[code]
    ja = japanese_names(code, cldr_ja)
    if not ja:
        return None
    plural = [a + "s" for a in adjectives if a.endswith("an")]
    return {"en": en, "adjectives": [*adjectives, *plural], "ja": ja, "cldr": code}


def rows(kept: list[dict], cldr_ja: dict[str, str]) -> list[dict]:
    """The hand rows, then a row for each country of `ADJECTIVES` none of them names (by English or Japanese name)."""
    hand = [r for r in kept if "cldr" not in r]
    named = {w.casefold() for r in hand for w in (r["en"], *r["adjectives"], *r["ja"])}
    made = [row for code in ADJECTIVES if (row := made_row(code, cldr_ja)) is not None]
    return hand + [r for r in made if not {w.casefold() for w in (r["en"], *r["ja"])} & named]


def main() -> None:
    from babel import Locale  # a tool's dependency only: the bot reads the JSON

    data = json.loads(OUT.read_text(encoding="utf-8"))
    data["countries"] = rows(data["countries"], dict(Locale("ja").territories))
    lines = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in data["countries"])
    head = json.dumps({"_comment": data["_comment"]}, ensure_ascii=False, indent=2)[:-2]
    OUT.write_text(f'{head},\n  "countries": [\n{lines}\n  ]\n}}\n', encoding="utf-8")
    print(f"{OUT}: {len(data['countries'])} countries")


if __name__ == "__main__":
    main()

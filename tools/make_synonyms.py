"""Build bot/data/synonyms.json (SudachiDict synonym group → its words) from the installed dictionary.

Run by hand when sudachidict_core changes; the bot reads only the JSON it writes:

    python tools/make_synonyms.py

SudachiPy gives each dictionary word the ids of the synonym groups it belongs to (辞任 and 退任: 883; 米国 and
アメリカ: 62) but no way back from an id to its words; this walks the dictionary's entries once and keeps, for
each group, its nouns and verbs as `normalize` writes them, without the light verbs that carry no meaning of
their own (行う is in 開催's group). Groups left with fewer than two words are dropped. The groups come from
SudachiDict's synonym dictionary (© Works Applications Co., Ltd., Apache License 2.0); the JSON carries that
notice.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from bot.text import normalize

OUT = Path(__file__).resolve().parents[1] / "bot" / "data" / "synonyms.json"
# Verbs that lend their meaning to a noun rather than name an act (行う in 開催's group, する, やる …).
LIGHT = frozenset(["行う", "する", "やる", "なる", "ある", "いる", "できる", "おこなう", "致す", "いたす", "成す"])
KEEP_POS = ("名詞", "動詞")


def main() -> None:
    from sudachipy import Dictionary

    groups: dict[int, set[str]] = defaultdict(set)
    for m in Dictionary(dict="core").entries():
        ids = m.synonym_group_ids()
        if not ids or m.part_of_speech()[0] not in KEEP_POS:
            continue
        word = m.normalized_form()
        if word in LIGHT:
            continue
        f = word.lower() if word.isascii() else normalize(word)
        if f:
            for i in ids:
                groups[i].add(f)
    kept = {str(i): sorted(ws) for i, ws in sorted(groups.items()) if len(ws) >= 2}
    OUT.write_text(
        json.dumps(
            {
                "_comment": "SudachiDict synonym groups (id → normalized words), made by tools/make_synonyms.py from "
                "sudachidict_core. Synonym data © Works Applications Co., Ltd., Apache License 2.0 "
                "(https://github.com/WorksApplications/SudachiDict, LICENSE-2.0.txt).",
                "groups": kept,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(kept)} groups, {sum(map(len, kept.values()))} words → {OUT}")


if __name__ == "__main__":
    main()

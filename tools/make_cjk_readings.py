"""Build bot/data/cjk_readings.json.gz (a Chinese character → its Mandarin readings and its Korean reading).

Run by hand when the packages or the selection change; the bot reads only the JSON it writes:

    pip install --target DIR pypinyin==0.55.0 hanja==0.15.1 && PYTHONPATH=DIR python tools/make_cjk_readings.py

A Chinese or Korean person is written in kanji by a Japanese report (頼清徳, 王毅, 李洛淵) and in Latin letters by
an English one (Lai Ching-te, Wang Yi, Lee Nak-yon): `bot/extract/cjk_names.py` spells the kanji name in Latin
letters as those languages do, from these readings. Kept: every character of the CJK Unified Ideographs block
(U+4E00–U+9FFF, which holds the Japanese forms 頼, 呉, 徳 beside the Chinese ones) that pypinyin reads, with its
toneless pinyin readings (heteronyms, most common first; ü written u) and hanja's Korean reading in hangul (the
one reading the package gives; 金 is read 김 as a surname, 금 otherwise: both kept). pypinyin (MIT) and hanja
(MIT) are data sources only, not dependencies: the JSON carries their notices.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "cjk_readings.json.gz"
# a character whose Korean reading as a surname is not its reading as a word (the package gives the word's)
SURNAME_READINGS = {"金": "김"}


def main() -> None:
    from hanja.table import hanja_table  # type: ignore[import-not-found]
    from pypinyin import Style, pinyin  # type: ignore[import-not-found]

    readings: dict[str, list[str]] = {}
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        heard = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
        mandarin = [p.replace("v", "u") for p in (heard[0] if heard else []) if p.isascii() and p.isalpha()]
        korean = [k for k in (hanja_table.get(ch), SURNAME_READINGS.get(ch)) if k]
        mandarin = list(dict.fromkeys(mandarin))
        if mandarin or korean:
            readings[ch] = [" ".join(mandarin), " ".join(dict.fromkeys(korean))]
    data = {
        "_notice": "Mandarin readings from pypinyin 0.55.0 (MIT, Copyright (c) 2016 mozillazg, 闲耘), Korean readings"
        " from hanja 0.15.1 (MIT, Copyright (c) Sumin Byeon); built by tools/make_cjk_readings.py",
        "readings": readings,
    }
    with gzip.open(OUT, "wt", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    print(f"{len(readings)} characters -> {OUT}")


if __name__ == "__main__":
    main()

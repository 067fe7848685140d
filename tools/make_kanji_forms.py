"""Build bot/data/kanji_forms.json (a Chinese character in a Chinese form → the form Japanese text writes it in).

Run by hand when the data or the selection change; the bot reads only the JSON it writes:

    pip download --no-deps opencc-python-reimplemented==0.1.7 && unzip the wheel, then
    python tools/make_kanji_forms.py PATH/TO/opencc/dictionary

A Chinese or Taiwanese name is written in traditional characters in Taiwan (賴清德, 吳江浩, 韓國瑜), in simplified
ones in China (赖清德, 吴江浩), in Japan's forms by a Japanese report (頼清徳, 呉江浩, 韓国瑜): a user who types it as
he knows it finds no one. OpenCC's character tables (Apache-2.0) say each form: STCharacters (simplified →
traditional), JPVariants (traditional → Japanese shinjitai). Kept: each simplified character with one traditional
form only (干 may be 幹, 乾 or 干: left out), taken on to its Japanese form where it has one (赖 → 賴 → 頼), and each
traditional character with a Japanese form (國 → 国, 德 → 徳). OpenCC is a data source only, not a dependency.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# Variants of kanji that Japanese names are written with, which OpenCC's tables leave out, from Unicode's Unihan
# database (Unihan_Variants.txt, Unicode 14.0: each one's kSemanticVariant, taken to the form Japanese text writes):
# 髙 (U+9AD9) → 高, 眞 (U+771E) → 真, 﨑 (U+FA11, one of several: the Japanese 崎) → 崎, 濵 (U+6FF5) → 濱 → 浜. One
# person is 髙橋 in one outlet and 高橋 in another. Not 邉 (no Unihan variant), nor 斉 ↔ 斎 (two surnames).
UNIHAN_NAME_VARIANTS = {"髙": "高", "眞": "真", "﨑": "崎", "濵": "浜"}

OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "kanji_forms.json"


def _table(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            key, values = line.split("\t", 1)
            out[key] = values.split()
    return out


def build(folder: Path) -> dict[str, str]:
    japanese = {t: v[0] for t, v in _table(folder / "JPVariants.txt").items() if len(v) == 1 and v[0] != t}
    forms = dict(japanese)
    for simplified, traditional in _table(folder / "STCharacters.txt").items():
        if len(traditional) == 1 and traditional[0] != simplified:
            forms.setdefault(simplified, japanese.get(traditional[0], traditional[0]))
    for variant, plain in UNIHAN_NAME_VARIANTS.items():
        forms.setdefault(variant, plain)
    return dict(sorted(forms.items()))


def main() -> None:
    forms = build(Path(sys.argv[1]))
    data = {
        "_notice": "From OpenCC's dictionary (STCharacters.txt, JPVariants.txt; Apache License 2.0, Copyright (c)"
        " Carbo Kuo (BYVoid) and contributors), as opencc-python-reimplemented 0.1.7 ships it, and Unicode's Unihan"
        " database (Unihan_Variants.txt, kSemanticVariant; Unicode License); built by"
        " tools/make_kanji_forms.py",
        "forms": forms,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(forms)} characters -> {OUT}")


if __name__ == "__main__":
    main()

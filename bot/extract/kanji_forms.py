"""A name typed in Chinese characters as Taiwan or China writes them, in the forms a Japanese report writes it.

賴清德 (Taiwan's traditional characters), 赖清德 (China's simplified ones) and 頼清徳 (Japan's shinjitai) are one
name; so are 吳江浩, 吴江浩 and 呉江浩, 韓國瑜 and 韓国瑜. The Japanese reports store the last: a user who types the
first finds no one. Each character's Japanese form comes from OpenCC's tables (`bot/data/kanji_forms.json`,
`tools/make_kanji_forms.py`): a simplified character with one traditional form only, and a traditional one with
a Japanese form.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _forms() -> dict[str, str]:
    data = json.loads(resources.files("bot.data").joinpath("kanji_forms.json").read_text(encoding="utf-8"))
    forms: dict[str, str] = data["forms"]
    return forms


def japanese_form(text: str) -> str:
    """The text with each Chinese form of a character in its Japanese form (賴清德 → 頼清徳, 吴江浩 → 呉江浩);
    the text itself when it holds none."""
    forms = _forms()
    return "".join(forms.get(ch, ch) for ch in text)

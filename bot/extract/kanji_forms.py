"""A name typed in Chinese characters as Taiwan or China writes them, in the forms a Japanese report writes it.

賴清德 (Taiwan's traditional characters), 赖清德 (China's simplified ones) and 頼清徳 (Japan's shinjitai) are one
name; so are 吳江浩, 吴江浩 and 呉江浩, 韓國瑜 and 韓国瑜. The Japanese reports store the last: a user who types the
first finds no one. Each character's Japanese form comes from OpenCC's tables (`bot/data/kanji_forms.json`,
`tools/make_kanji_forms.py`): a simplified character with one traditional form only, a traditional one with
a Japanese form, and the variants Japanese names are written with (髙 → 高, 﨑 → 崎, from Unicode's Unihan). The
function lives in `bot.text` (the actor index and the store, below extraction, match names by it too).
"""

from __future__ import annotations

from bot.text import japanese_form

__all__ = ["japanese_form"]

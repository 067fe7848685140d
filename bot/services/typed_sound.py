"""A foreign person typed in Latin letters whom the reports write only in katakana, as their language says the name.

`romaji.sounds_like` reads a Latin name by English, French, Spanish, German, Italian, Polish and Russian spelling;
a Japanese report writes a Swedish, Danish, Turkish or Thai name as it is said there, which none of those readings
gives: Gisslén is イェスレン (a Swedish g before e, i, y, ä, ö is a y), Vestager ベステアー (a Danish g between a vowel
and e is not sounded), Türk チュルク (ü is yu, tyu is チュ), Akaradej アカラデート (a Thai final j is a t). The name
typed is spelled again by each of these rules (`respellings`), and each spelling is asked as a name typed in Latin
letters is (`resolve.across_scripts_typed`, whose tests of a full name and a surname hold as before). Asked last, for
a name every other reading refused; one person found by them all is the answer, two are none.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["respellings"]

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# each system: (pattern, replacement) on one lower-case word with its marks (NFC), in order
_SYSTEMS: tuple[tuple[tuple[re.Pattern[str], str], ...], ...] = tuple(
    tuple((re.compile(rx), repl) for rx, repl in system)
    for system in (
        # Swedish and Norwegian: g and j at a word's start before a front vowel as y (Gisslén, Jonas, Göran)
        ((r"^[gj](?=[eéiyäö])", "y"), (r"^j", "y")),
        # Danish: g after a vowel and before e not sounded (Vestager, Mogens)
        ((r"(?<=[aeiouyæøå])g(?=e)", ""),),
        # German and Turkish: ü as yu (tyu and dyu as チュ and ジュ), ö as e (Türk, Müller, Göring)
        ((r"ü", "yu"), (r"tyu", "chu"), (r"dyu", "ju"), (r"ö", "e")),
        # Thai: a final j or ch as t (Akaradej, Prayuth's kin: a closing consonant said unreleased)
        ((r"(?<=[aeiou])(?:j|ch)$", "t"),),
    )
)  # fmt: skip


def _respelled(word: str, system: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    lower = word.lower()
    for rx, repl in system:
        lower = rx.sub(repl, lower)
    return lower[:1].upper() + lower[1:] if word[:1].isupper() else lower


def respellings(typed: str) -> list[str]:
    """The name typed spelled by each system that changes it (Magnus Gisslén: Magnus Yisslén), at most one a
    system; [] for a name no system changes or any text not in Latin letters."""
    text = " ".join(unicodedata.normalize("NFC", typed or "").split())
    if not text or len(text) > 40 or not all(c.isascii() or unicodedata.category(c).startswith("L") for c in text):
        return []
    if any("\u3040" <= c <= "\u9fff" for c in text):  # Japanese script: not a Latin name
        return []
    out: list[str] = []
    for system in _SYSTEMS:
        spelled = _WORD_RE.sub(lambda m, s=system: _respelled(m.group(), s), text)  # type: ignore[misc]
        if spelled != text and spelled not in out:
            out.append(spelled)
    return out

"""Cheap checks that refuse absurd markup before any parser sees it.

lxml's cost grows with the square of the attributes on one tag (160,000 of them stalled it for minutes), and
trafilatura's with the element count; real articles have a few dozen attributes per tag at most, a few
thousand elements and a nesting depth in the tens. One linear scan (possessive regular expressions: no
backtracking) counts tags, attributes per tag and an approximate depth, and raises ``FetchError('too_complex')``
past the limits. The scan is a filter, not a parser: the sandbox's timeout still guards whatever passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.fetch import FetchError
from bot.user_errors import UserError, thing

__all__ = ["MarkupLimits", "check_markup"]


@dataclass(frozen=True, slots=True)
class MarkupLimits:
    max_attributes: int = 1_000  # on one tag
    max_elements: int = 100_000
    max_depth: int = 1_000


# A start or end tag: name, then attributes (quoted values may hold ">"), possessive so a broken tag fails fast.
_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/<>]*+)((?:[^<>"']++|"[^"]*+"|'[^']*+')*+)>""")
_ATTR = re.compile(r"""[^\s"'=<>/]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?""")
# Elements that never hold children or whose end tag HTML lets authors leave out: they do not deepen the tree.
_FLAT = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "basefont",
        "frame",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "optgroup",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rp",
    ]
)


def check_markup(text: str, limits: MarkupLimits, *, what: str = "page") -> None:
    """Raise ``FetchError('too_complex')`` when ``text`` (HTML or XML) has absurd structure."""
    text = _without(_without(text, "<!--", "-->"), "<![CDATA[", "]]>")
    for element in ("script", "style", "textarea"):  # raw text: `a<b&&c>d` in a script is not a tag
        text = _without(text, f"<{element}", f"</{element}", fold=True)
    elements = depth = deepest = 0
    for m in _TAG.finditer(text):
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            depth = max(0, depth - (name not in _FLAT))
            continue
        elements += 1
        if elements > limits.max_elements:
            raise FetchError("too_complex", UserError("parse.elements", what=thing(what), limit=limits.max_elements))
        if len(rest) > 2 * limits.max_attributes and len(_ATTR.findall(rest)) > limits.max_attributes:
            raise FetchError(
                "too_complex", UserError("parse.attributes", what=thing(what), limit=limits.max_attributes)
            )
        if name not in _FLAT and not rest.endswith("/"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limits.max_depth:
                    raise FetchError(
                        "too_complex", UserError("parse.depth", what=thing(what), limit=limits.max_depth)
                    )


def _without(text: str, start: str, end: str, *, fold: bool = False) -> str:
    """``text`` with every ``start…end`` span removed (an unclosed one runs to the end); linear time.

    ``fold``: match ``start`` and ``end`` whatever their case (``<SCRIPT``)."""
    haystack = text.lower() if fold else text  # str.lower keeps ASCII offsets; see below for the rest
    if start not in haystack:
        return text
    if len(haystack) != len(text):  # a character whose lower case is longer (İ): fall back to ASCII folding
        haystack = text.translate(_ASCII_LOWER)
    parts: list[str] = []
    pos = 0
    search = pos
    while (i := haystack.find(start, search)) != -1:
        after = haystack[i + len(start) : i + len(start) + 1]
        if fold and after not in _NAME_ENDS:  # <scriptx> is another element, with attributes that count
            search = i + 1
            continue
        parts.append(text[pos:i])
        j = haystack.find(end, i + len(start))
        if j == -1:
            return "".join(parts)
        pos = search = j + len(end)
    parts.append(text[pos:])
    return "".join(parts)


_NAME_ENDS = frozenset(" \t\n\r\f/>")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

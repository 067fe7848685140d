"""The person holding a post typed with its body (国連事務総長, "United Airlines CEO"), as the reports name them.

A user asks for the office; the reports give its holder's name beside it: 「グテレス国連事務総長」「国連のグテレス
事務総長」, "United CEO Scott Kirby" (the body shortened to its first word). `split_post` cuts what was typed into
the body and the post, `holders` reads the names the texts write so. Several holders (two mayors of a city over
the years, two bodies sharing a first word) are for the caller to name, not to choose among.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from bot.extract.roles import vocabulary

# posts a user types after a body in English that the titles of the speaker rules do not list in lower case
_EN_POSTS = (
    "ceo",
    "chief",
    "head",
    "mayor",
    "governor",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "spokesperson",
)
_JA_NAME = r"(?P<name>[ァ-ヺー]{2,}(?:・[ァ-ヺー]{2,}){0,2}|[一-龥々]{2,5})"
_EN_NAME = r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’.-]+){1,2})"


def split_post(typed: str) -> tuple[str, str] | None:
    """(body, post) of a post typed after its body: 国連事務総長 → (国連, 事務総長); "United Airlines CEO" → (United
    Airlines, CEO); None when what was typed ends in no post or names no body before it."""
    plain = " ".join(unicodedata.normalize("NFKC", typed).split())
    plain = re.sub(r"^the\s+", "", plain, flags=re.IGNORECASE)
    if plain.isascii():
        words = plain.split()
        for n in (3, 2, 1):
            if len(words) > n:
                post = " ".join(words[-n:])
                known = post.casefold() in _EN_POSTS or post.casefold() in {
                    t.casefold() for t in vocabulary().en_titles
                }
                if known:
                    body = re.sub(r"['’]s?$", "", " ".join(words[:-n]))
                    return (body, post) if body[:1].isupper() else None
        return None
    titles = [t for t in vocabulary().ja_title_set if plain.endswith(t) and len(plain) - len(t) >= 2]
    if not titles:
        return None
    post = max(titles, key=len)
    body = plain[: -len(post)].removesuffix("の")
    return (body, post) if len(body) >= 2 else None


def holders(body: str, post: str, texts: Iterable[str]) -> list[str]:
    """The names the texts write beside the post and its body (see the module's docstring), most often first."""
    if body.isascii():
        first = re.escape(body.split()[0])
        rxs = [re.compile(rf"\b{first}(?:\s+[A-Z][\w&-]*){{0,3}}(?:['’]s)?\s+(?i:{re.escape(post)})\s+{_EN_NAME}")]
    else:
        b, p = re.escape(body), re.escape(post)
        rxs = [re.compile(rf"{b}の?{_JA_NAME}{p}"), re.compile(rf"{_JA_NAME}{b}{p}")]
    counts = Counter(
        m["name"] for text in texts for rx in rxs for m in rx.finditer(unicodedata.normalize("NFKC", text))
    )
    return [n for n, _ in counts.most_common()]

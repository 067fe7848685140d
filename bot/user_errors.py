"""The one error every front end shows to the user as one short line, in the user's language.

A service raises ``UserError("code", **params)``; the words live in the locale files
(commands/locale/{en,ja}.json, section "errors"), so the Discord cogs, the CLI and the console render
the same error in Japanese or English. ``str(error)`` is the English line (logs, tests, --lang en).

Parameter values are shown as given, except:
- a list is joined (", " in English, "、" in Japanese);
- a nested UserError is rendered in the same language (a part of a sentence with its own words);
- ``NAME_en`` stands in for ``NAME`` for English readers (actor names in their English spelling).
"""

from __future__ import annotations

import json
import os
import re
import string
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).resolve().parents[1] / "commands" / "locale"
LANGS = ("en", "ja")
LIST_SEPARATOR = {"en": ", ", "ja": "、"}


@cache
def load(lang: str) -> dict[str, Any]:
    """One language's locale file, read once: its labels (bot/words.py) and its error messages."""
    return json.loads((LOCALE_DIR / f"{lang}.json").read_text(encoding="utf-8"))


def messages(lang: str) -> dict[str, str]:
    """The error messages of one language, by code."""
    return load(lang)["errors"]


def language(value: str | None) -> str:
    """'ja' for any Japanese locale name (ja, ja-JP, ja_JP.UTF-8), else 'en'."""
    return "ja" if (value or "").strip().lower().startswith("ja") else "en"


def default_language() -> str:
    """The language of the CLI and console: NEWSDESK_LANG (ja or en), English when unset."""
    return language(os.environ.get("NEWSDESK_LANG"))


class UserError(ValueError):
    """Bad input or a refusal, said in one short line: a code of the locale files and its parameters."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:  # pickled from worker processes with its parameters
        return (_rebuild, (self.__class__, self.code, self.params))

    @property
    def suggestions(self) -> list[str]:
        return list(self.params.get("suggestions") or [])

    def render(self, lang: str = "en", *, shown: Callable[[str], str] | None = None) -> str:
        """The sentence in ``lang``; ``shown`` (e.g. Discord's escaping) is applied to every text parameter."""
        lang = lang if lang in LANGS else "en"
        template = messages(lang).get(self.code) or messages("en")[self.code]
        params = {name: value for name, value in self.params.items() if not name.endswith("_en")}
        if lang == "en":
            params.update({name[:-3]: value for name, value in self.params.items() if name.endswith("_en")})
        return template.format(**{name: _shown(value, lang, shown) for name, value in params.items()})

    @property
    def message(self) -> str:
        return self.render("en")

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"UserError({self.code!r}, **{self.params!r})"


def _rebuild(cls: type[Any], code: str, params: dict[str, Any]) -> Any:
    return cls(code, **params)


class SaidError(Exception):
    """A failure that is not the user's input (a database that cannot be used, a setting, a worker process
    that died), said like a UserError: a code of the locale files and its parameters, rendered by each front
    end in its reader's language. Not a UserError, so that code which records a refusal (a feed item, a job)
    does not take it for one; ``str()`` is the English line."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.__class__, self.code, self.params))

    def render(self, lang: str = "en", *, shown: Callable[[str], str] | None = None) -> str:
        return UserError(self.code, **self.params).render(lang, shown=shown)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, **{self.params!r})"


def _shown(value: Any, lang: str, shown: Callable[[str], str] | None) -> Any:
    if isinstance(value, UserError):
        return value.render(lang, shown=shown)
    if isinstance(value, _Stored):
        return stored_in(value, lang, shown=shown)
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR[lang].join(str(_shown(v, lang, shown)) for v in value)
    if isinstance(value, str) and shown is not None:
        return shown(value)
    return value


# The name the other branches and older code use; one type.
QueryError = UserError


def thing(what: str) -> UserError:
    """A kind of document as a part of a sentence ("that page", 「そのページ」): page, feed, file, PDF, document."""
    return UserError("what." + what.lower())


def address_kind(description: str) -> UserError:
    """An address kind of bot.ingest.addresses ("a loopback address") in the reader's words."""
    slug = re.sub(r"[^a-z0-9]+", "_", description.lower().removeprefix("an ").removeprefix("a ")).strip("_")
    code = "address." + slug
    return UserError(code if code in messages("en") else "address.non_public_address")


# --- messages stored as English text (feed failures kept in the database) -----------------------------


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each English message as a pattern capturing its parameters; those with the most fixed words first,
    so a message like "{path}: {why}" is only what nothing more specific reads."""
    out: list[tuple[int, re.Pattern[str], str]] = []
    for code, template in messages("en").items():
        parts, names, fixed = [], set(), 0
        for literal, name, _spec, _conv in string.Formatter().parse(template):
            parts.append(re.escape(literal))
            fixed += len(literal)
            if name is not None:
                parts.append(f"(?P<{name}>.+?)" if name not in names else f"(?P={name})")
                names.add(name)
        if fixed >= 6 or not names:  # "{path}: {why}" would read any "label: text"; it is not read back
            out.append((fixed, re.compile("".join(parts) + r"\Z", re.DOTALL), code))
    return [(pattern, code) for _fixed, pattern, code in sorted(out, key=lambda x: -x[0])]


def read_message(text: str) -> UserError | None:
    """The error an English message of the locale file says (its parameters read back), or None.

    Parameters that are themselves messages ("page", "a loopback address") are read as nested errors, so
    the whole sentence can be said in another language."""
    text = text.strip()
    for pattern, code in _patterns():
        m = pattern.match(text)
        if m is None or any(not v.strip() for v in m.groupdict().values()):
            continue
        params: dict[str, Any] = {}
        for name, value in m.groupdict().items():
            inner = read_message(value) if value != text and not value.isdigit() else None
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", value):  # a count, as {n:,} wrote it
                params[name] = int(value.replace(",", ""))
            else:
                params[name] = inner if inner is not None else _Stored(value) if ": " in value else value
        return UserError(code, **params)
    return None


class _Stored(str):
    """A parameter read back from a stored message that may itself be "label: message"."""


def stored_in(text: str | None, lang: str, *, shown: Callable[[str], str] | None = None) -> str:
    """A failure as the database keeps it (`stored`: its code and parameters), said in `lang`, after the
    "label: " a query may put before it; a row an older version wrote as an English sentence is read back into
    its code (`read_message`), and text that is neither is shown as stored."""
    if not text:
        return ""
    head, sep, rest = "", "", text
    while True:
        error = from_stored(rest, english=lang != "en")
        if error is not None:
            return f"{shown(head) if shown else head}{sep}{error.render(lang, shown=shown)}"
        if ": " not in rest:
            break
        first, rest = rest.split(": ", 1)
        head, sep = (f"{head}{sep}{first}", ": ")
    return shown(text) if shown else text


# --- failures as the database keeps them: a code and its parameters ----------------------------------------------

STORED_MARK = '{"code":'  # how a stored failure starts (an older row's English sentence never does)


def stored(error: UserError | str, *, limit: int = 500) -> str:
    """How a failure is kept in the database (a feed's or an item's, the digest's last posting failure): its code
    and parameters as compact JSON, within `limit` characters (the longest text parameters cut), to be said in
    each reader's language when shown (`stored_in`). A plain string (a failure without a code) is kept as is."""
    if not isinstance(error, UserError):
        return error[:limit]
    form = _encode(error)
    text = json.dumps(form, ensure_ascii=False, separators=(",", ":"))
    keep = 200
    while len(text) > limit and keep > 8:
        form = _encode(error, keep=keep)
        text = json.dumps(form, ensure_ascii=False, separators=(",", ":"))
        keep //= 2
    return text if len(text) <= limit else json.dumps({"code": error.code, "params": {}}, separators=(",", ":"))


def _encode(error: UserError, keep: int | None = None) -> dict[str, Any]:
    def value(v: Any) -> Any:
        if isinstance(v, UserError):
            return {"error": _encode(v, keep)}
        if isinstance(v, list | tuple):
            return [value(x) for x in v]
        if isinstance(v, bool | int | float) or v is None:
            return v
        text = str(v)
        return text if keep is None or len(text) <= keep else text[: keep - 1] + "…"

    return {"code": error.code, "params": {k: value(v) for k, v in error.params.items()}}


def _decode(form: Any) -> UserError | None:
    if not isinstance(form, dict) or not isinstance(form.get("code"), str) or form["code"] not in messages("en"):
        return None

    def value(v: Any) -> Any:
        if isinstance(v, dict) and "error" in v:
            return _decode(v["error"]) or "?"
        if isinstance(v, list):
            return [value(x) for x in v]
        return v

    params = form.get("params") if isinstance(form.get("params"), dict) else {}
    return UserError(form["code"], **{str(k): value(v) for k, v in params.items()})


def from_stored(text: str | None, *, english: bool = True) -> UserError | None:
    """The failure a stored text holds: its code and parameters (`stored`), or, for a row an older version
    wrote, the English message it reads as (`english=True`); None for any other text."""
    text = (text or "").strip()
    if text.startswith(STORED_MARK):
        try:
            return _decode(json.loads(text))
        except ValueError:
            return None
    return read_message(text) if english else None

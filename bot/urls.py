"""URL helpers shared by the parsers and the web fetcher: canonical form and outlet names."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "rcmd", "fbclid", "gclid", "mc_", "yclid", "ref_src")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no default port."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not unquote(k).lower().startswith(_TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return host.removeprefix("www.") or None


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    data = json.loads(resources.files("bot.data").joinpath("outlets.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def outlet_for(url: str | None, hint: str | None = None) -> str | None:
    """The outlet users know for a URL: the known-hosts table, else the hint text, else the host."""
    host = host_of(url)
    table = _outlets()
    if host:
        parts = host.split(".")
        for i in range(len(parts) - 1):
            name = table.get(".".join(parts[i:]))
            if name:
                return name
    if hint and hint.strip():
        return hint.strip().split()[0][:60]
    return host

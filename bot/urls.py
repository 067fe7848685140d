"""URL helpers shared by the parsers and the web fetcher: canonical form and outlet names."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from urllib.parse import unquote, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "rcmd", "fbclid", "gclid", "mc_", "yclid", "ref_src")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no default port.

    IPv6 hosts keep their brackets; the query's own escapes are kept byte for byte (a Shift_JIS
    ``%93%FA`` is never decoded and re-encoded); a URL that cannot be split is returned stripped.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not unquote(pair.split("=", 1)[0]).lower().startswith(_TRACKING_PREFIXES)
    )
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


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

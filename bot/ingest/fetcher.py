"""How this process fetches from outside, as one value passed down: the HTTP session and the fetch policy.

Built once where the process starts (the Discord client, the worker, the command line) from the settings
(`NEWSDESK_ALLOW_PRIVATE_FETCH`) and, in tests, the test server's own `host:port`; the services that add
sources and poll feeds take it instead of loose `allow_private` / `trusted_hosts` / `session` parameters,
and the trust decision for a URL is made here, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.ingest.fetch import FetchedPage, FetchPolicy, FetchRequest, fetch
from bot.ingest.netguard import Allowlist, check_shape, check_url, trusted_pairs, url_host_port

if TYPE_CHECKING:
    import aiohttp  # a fetch imports it (bot/ingest/fetch.py)


@dataclass(frozen=True, slots=True)
class Fetcher:
    """`allow_private`: the operator's allowlist of non-public networks (True: the private ranges);
    `trusted_hosts`: `"host:port"` endpoints exempt from the address rule (the tests' own server);
    `session`: a pooled session from `make_session()`, or None for one per fetch."""

    allow_private: bool | Allowlist = False
    trusted_hosts: tuple[str, ...] = ()
    session: aiohttp.ClientSession | None = None

    def checked(self, url: str) -> str:
        """The URL, normalized, if its address may be fetched: a trusted endpoint by its shape, any other by
        the address rule. Raises BlockedURL (BadURL for a malformed one). `fetch` checks every hop again."""
        shaped = check_shape(url)
        if url_host_port(shaped) in trusted_pairs(self.trusted_hosts):
            return shaped
        return check_url(url, allow_private=self.allow_private)

    @property
    def policy(self) -> FetchPolicy:
        """Whom this fetcher may reach, with the default limits."""
        return FetchPolicy(allow_private=self.allow_private, trusted_hosts=self.trusted_hosts)

    async def fetch(self, request: FetchRequest) -> FetchedPage:
        """`request` fetched under this policy, on this session (see `bot.ingest.fetch.fetch`)."""
        return await fetch(request, self.policy, self.session)


PUBLIC_ONLY = Fetcher()  # public addresses only, a session per fetch: what a caller gets unless it says otherwise

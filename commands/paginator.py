"""Buttons to page through a long answer: only the invoker can page; the buttons disable on timeout.

Pages come from a `PageSource`: a list of ready embeds, or `LazyPages`, which builds a page when it
is first shown (a timeline of 100,000 events is never rendered whole).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

import discord

from commands.i18n import Labels
from commands.render import NO_MENTIONS

log = logging.getLogger(__name__)

TIMEOUT = 180.0


class PageSource(Protocol):
    def __len__(self) -> int: ...

    async def page(self, index: int) -> discord.Embed: ...


class StaticPages:
    def __init__(self, embeds: Sequence[discord.Embed]) -> None:
        self.embeds = list(embeds)

    def __len__(self) -> int:
        return len(self.embeds)

    async def page(self, index: int) -> discord.Embed:
        return self.embeds[index]


class LazyPages:
    """`count` pages built by `build(index)` when first shown, then kept."""

    def __init__(self, count: int, build: Callable[[int], Awaitable[discord.Embed]]) -> None:
        self.count = max(1, count)
        self.build = build
        self._built: dict[int, discord.Embed] = {}

    def __len__(self) -> int:
        return self.count

    async def page(self, index: int) -> discord.Embed:
        if index not in self._built:
            self._built[index] = await self.build(index)
        return self._built[index]


class Paginator(discord.ui.View):
    def __init__(
        self, pages: PageSource, *, owner_id: int, labels: Labels, timeout: float = TIMEOUT, start: int = 0
    ) -> None:
        super().__init__(timeout=timeout)
        self.pages = pages
        self.index = max(0, min(start, len(pages) - 1))
        self.owner_id = owner_id
        self.labels = labels
        self.message: discord.Message | discord.WebhookMessage | None = None
        self.first.label = labels("pager.first")
        self.prev.label = labels("pager.prev")
        self.next.label = labels("pager.next")
        self.last.label = labels("pager.last")
        self._refresh()

    def _refresh(self) -> None:
        at_start, at_end = self.index == 0, self.index == len(self.pages) - 1
        self.first.disabled = self.prev.disabled = at_start
        self.next.disabled = self.last.disabled = at_end
        self.counter.label = f"{self.index + 1}/{len(self.pages)}"

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            Labels.of(interaction)("pager.not_yours"), ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return False

    async def _show(self, interaction: discord.Interaction, index: int) -> None:
        index = max(0, min(index, len(self.pages) - 1))
        embed = await self.pages.page(index)
        self.index = index
        self._refresh()
        await interaction.response.edit_message(embed=embed, view=self, allowed_mentions=NO_MENTIONS)

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Paginator]
    ) -> None:
        log.exception("turning a page failed", exc_info=error)
        if not interaction.response.is_done():
            await interaction.response.send_message(
                Labels.of(interaction)("error.unexpected"), ephemeral=True, allowed_mentions=NO_MENTIONS
            )

    @discord.ui.button(style=discord.ButtonStyle.secondary, custom_id="pager:first")
    async def first(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        await self._show(interaction, 0)

    @discord.ui.button(style=discord.ButtonStyle.primary, custom_id="pager:prev")
    async def prev(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(style=discord.ButtonStyle.secondary, disabled=True, custom_id="pager:counter")
    async def counter(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        await interaction.response.defer()  # never clickable; here to satisfy the decorator

    @discord.ui.button(style=discord.ButtonStyle.primary, custom_id="pager:next")
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        await self._show(interaction, self.index + 1)

    @discord.ui.button(style=discord.ButtonStyle.secondary, custom_id="pager:last")
    async def last(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        await self._show(interaction, len(self.pages) - 1)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.message is not None:
            try:
                await self.message.edit(view=self)
            except discord.HTTPException as e:  # the message was deleted or the token expired: nothing to disable
                log.debug("could not disable the pager buttons: %s", e)


async def send_pages(
    interaction: discord.Interaction,
    pages: Sequence[discord.Embed] | PageSource,
    *,
    ephemeral: bool = False,
    start: int = 0,
) -> None:
    """Send page `start` (the first unless told; after a defer, as a followup) with buttons when there is
    more than one page."""
    source = StaticPages(pages) if isinstance(pages, Sequence) else pages
    start = max(0, min(start, len(source) - 1))
    first = await source.page(start)
    view = (
        Paginator(source, owner_id=interaction.user.id, labels=Labels.of(interaction), start=start)
        if len(source) > 1
        else None
    )
    kwargs = {"embed": first, "ephemeral": ephemeral, "allowed_mentions": NO_MENTIONS}
    if view is None:
        if interaction.response.is_done():
            await interaction.followup.send(**kwargs)
        else:
            await interaction.response.send_message(**kwargs)
        return
    if interaction.response.is_done():
        view.message = await interaction.followup.send(**kwargs, view=view, wait=True)
    else:
        await interaction.response.send_message(**kwargs, view=view)
        view.message = await interaction.original_response()

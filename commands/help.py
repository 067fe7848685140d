"""/help: what each command does, with an example (built from the command tree itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from commands.embeds import COLOR
from commands.i18n import Labels, command_node
from commands.render import NO_MENTIONS, fit_embed, truncate

if TYPE_CHECKING:
    from commands.client import NewsdeskBot


ORDER = (
    "timeline",
    "stance",
    "quote",
    "topic list",
    "sources",
    "source add",
    "source remove",
    "source feed",
    "source feeds",
    "source unfeed",
    "source resume",
    "digest setup",
    "digest now",
    "digest status",
    "digest off",
    "topic add",
    "topic rename",
    "topic remove",
    "help",
)


def leaf_commands(tree: app_commands.CommandTree) -> list[app_commands.Command]:
    """Every invocable slash command, in the order a newcomer needs them."""
    out: list[app_commands.Command] = []
    for command in tree.get_commands(type=discord.AppCommandType.chat_input):
        if isinstance(command, app_commands.Group):
            out.extend(c for c in command.walk_commands() if isinstance(c, app_commands.Command))
        elif isinstance(command, app_commands.Command):
            out.append(command)
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(out, key=lambda c: rank.get(c.qualified_name, len(ORDER)))


def usage(command: app_commands.Command, L: Labels) -> tuple[str, str]:
    """The command line as the reader's client shows it, e.g. `/timeline [since] …`, and its description."""
    path = command.qualified_name.split()
    names, description = path, command.description
    option_names = {p.display_name: p.display_name for p in command.parameters}
    if L.lang == "ja":
        nodes = [command_node(path[: i + 1]) or {} for i in range(len(path))]
        names = [node.get("name", part) for node, part in zip(nodes, path, strict=True)]
        description = nodes[-1].get("description", description)
        option_names = {k: nodes[-1].get("options", {}).get(k, {}).get("name", k) for k in option_names}
    options = " ".join(
        option_names[p.display_name] if p.required else f"[{option_names[p.display_name]}]" for p in command.parameters
    )
    return f"/{' '.join(names)} {options}".strip(), description


def help_embed(tree: app_commands.CommandTree, L: Labels) -> discord.Embed:
    embed = discord.Embed(title=L("help.title"), description=L("help.intro"), colour=COLOR)
    for command in leaf_commands(tree)[:25]:
        line, description = usage(command, L)
        root = command.root_parent or command
        admin = f" {L('help.admin')}" if root.default_permissions is not None else ""
        key = "help.example." + command.qualified_name.replace(" ", "_")
        value = f"{description}{admin}\n{L('help.example', example=L(key))}"
        embed.add_field(name=truncate(line, 256), value=truncate(value, 1024), inline=False)
    return fit_embed(embed)


class Help(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What each command does, with an example")
    async def help(self, interaction: discord.Interaction) -> None:
        embed = help_embed(self.bot.tree, Labels.of(interaction))
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Help(bot))

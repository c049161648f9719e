"""Command groups whose help reads whole in any terminal, 80 columns included.

rich's option panels cut long option names (`--self-assessment-cl…`) and click's command list
cuts each summary to the line; this layout wraps both instead.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup


class _WholeHelpGroup(TyperGroup):
    # typer vendors click's classes privately (typer._click): typed loosely here.
    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, _summary(command)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _summary(command: Any) -> str:
    """The first paragraph of a command's help, whole (wrapped by the formatter)."""
    text: str = command.short_help or command.help or ""
    return " ".join(text.strip().split("\n\n")[0].split())


def command_group(
    help: str, *, pretty_exceptions: bool = True, context_settings: dict[str, Any] | None = None
) -> typer.Typer:
    """A group of commands with click's plain help layout, which wraps and never cuts."""
    return typer.Typer(
        help=help,
        no_args_is_help=True,
        rich_markup_mode=None,
        cls=_WholeHelpGroup,
        pretty_exceptions_enable=pretty_exceptions,
        context_settings=context_settings,
    )

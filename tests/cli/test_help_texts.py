"""Every command's help is readable whole in an 80-column terminal: no option name is cut."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from planner.bootstrap.command_line import app

runner = CliRunner()


def _commands(group: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        yield from _commands(command, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "planner" for p, _ in COMMANDS]
)
def test_help_names_every_option_whole_in_80_columns(path: tuple[str, ...], command: Any) -> None:
    shown = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "80"}, terminal_width=80)
    assert shown.exit_code == 0, shown.output
    assert "…" not in shown.output
    for option in command.params:
        for name in option.opts:
            if name.startswith("--"):
                assert name in shown.output, name
    assert max(len(line) for line in shown.output.splitlines()) <= 80


def test_scoring_round_help_shows_its_longest_option() -> None:
    shown = runner.invoke(
        app, ["scoring", "round", "create", "--help"], env={"COLUMNS": "80"}, terminal_width=80
    )
    assert "--self-assessment-closes" in shown.output

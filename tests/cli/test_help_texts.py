"""Every command's help is readable whole in an 80-column terminal: no option name is cut."""

from __future__ import annotations

import subprocess
import sys
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


HEAVY = ("sqlalchemy", "psycopg", "fastapi", "uvicorn", "aiosmtplib", "apscheduler", "openpyxl")
HEAVY += ("docx", "jinja2", "pydantic_settings", "planner.application.planner")


def test_help_answers_without_building_the_application() -> None:
    """`planner --help` and a command's help load typer and the domain only: no database
    driver, web stack, report renderer, SMTP client or settings are loaded for them."""
    probe = (
        "import sys\n"
        "from planner.bootstrap.command_line import app\n"
        "for args in (['--help'], ['task', 'add', '--help'], ['serve', '--help']):\n"
        "    try:\n"
        "        app(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "Usage:" in ran.stdout and "--demo" in ran.stdout
    assert ran.stderr.strip() == "[]"

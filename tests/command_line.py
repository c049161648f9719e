"""The `planner` command run in this process, as a user runs it: arguments, environment, stdin.

Starting a Python process per command costs about a second (imports); the command's own work is
what the tests check, so they call the Typer app through Click's runner. The few tests whose point
is the process itself (the installed entry point, signals, a server) start a real process.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from typer.testing import CliRunner

from planner.bootstrap.command_line import app


@dataclass(frozen=True)
class Ran:
    """What a finished command left: its exit status and what it printed on each stream."""

    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_planner(
    database_url: str,
    *args: str,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
    ok: bool = True,
) -> Ran:
    """`planner ARGS` on DATABASE_URL; with ok, a non-zero exit fails the test with its stderr."""
    result = CliRunner().invoke(
        app,
        list(args),
        input=stdin,
        env={"PLANNER_DATABASE_URL": database_url, **(env or {})},
        catch_exceptions=False,
    )
    ran = Ran(result.exit_code, result.stdout, result.stderr)
    if ok:
        assert ran.returncode == 0, ran.stderr
    return ran

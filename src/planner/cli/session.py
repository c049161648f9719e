"""Opening planner for one command, and who the command acts as."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from planner.application.planner import Planner
from planner.cli.output import errors
from planner.domain.actor import Actor, Role
from planner.domain.errors import DomainError
from planner.settings import Settings
from planner.storage.database import DatabaseUrlError


@contextmanager
def opened() -> Iterator[Planner]:
    """Planner on PLANNER_DATABASE_URL; refused input ends the command with a clear message."""
    try:
        with Planner(Settings.from_env()) as planner:
            yield planner
    except (DomainError, DatabaseUrlError) as error:
        errors.print(f"[bold red]Lỗi:[/] {error}")
        raise typer.Exit(1) from None


def acting(planner: Planner, agency: str, user: str | None) -> Actor:
    """Acting as Sở Nội vụ (PLANNER_MONITOR_AGENCY) means the monitor role; others are staff."""
    name = user or os.environ.get("PLANNER_USER") or getpass.getuser()
    code = planner.views.directory().find(agency)
    role = Role.MONITOR if code == planner.settings.monitor_agency else Role.AGENCY
    return planner.actor(name, code or agency, role)

"""Opening planner for one command, and who the command acts as."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from planner.cli.output import errors
from planner.cli.wiring import wiring
from planner.domain.actor import Actor, Role
from planner.domain.errors import DomainError

if TYPE_CHECKING:
    from planner.application.clock import Clock
    from planner.application.planner import Planner


@contextmanager
def opened(clock: Clock | None = None) -> Iterator[Planner]:
    """Planner on PLANNER_DATABASE_URL; refused input (or a setting that cannot be read) ends
    the command with a clear message."""
    from planner.storage.database import DatabaseUrlError

    try:
        with wiring().open_planner(clock) as planner:
            yield planner
    except (DomainError, DatabaseUrlError) as error:
        errors.print(f"[bold red]Lỗi:[/] {error}")
        raise typer.Exit(1) from None


def acting(planner: Planner, agency: str, user: str | None) -> Actor:
    """Acting as Sở Nội vụ (PLANNER_MONITOR_AGENCY) means the monitor role; others are staff."""
    name = user or wiring().user
    code = planner.views.directory().find(agency)
    role = Role.MONITOR if code == planner.settings.monitor_agency else Role.AGENCY
    return planner.actor(name, code or agency, role)

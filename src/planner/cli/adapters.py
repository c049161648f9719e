"""What the composition root plugs into the command line: the parts it does not import itself
(the web server, the e-mail adapters, the scheduler), so that it stays apart from them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import typer

from planner.application.planner import Planner
from planner.application.reminder_settings import ReminderSettings
from planner.application.reminders import ReminderService


@dataclass(frozen=True)
class Adapters:
    reminders: Callable[[Planner, ReminderSettings], ReminderService]
    run_scheduler: Callable[[Planner, ReminderSettings], None]
    serve: Callable[[str, int, bool, bool], None]  # host, port, demo, scheduler


def adapters(context: typer.Context) -> Adapters:
    """The adapters the root gave the command line when it built it."""
    found = context.find_object(Adapters)
    if found is None:
        raise RuntimeError("the command line was built without its adapters (planner.bootstrap)")
    return found

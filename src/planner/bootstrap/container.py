"""Every part of planner, built from one reading of the settings.

The store and its services (`open_planner`), the reminder service with its e-mail adapters, the
scheduler and the web application. The adapters are imported when first built, so a command
that needs none of them (or `planner --help`) never loads the web stack or the SMTP client.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from api.extensions import BackgroundService
    from api.settings import WebSettings
    from notifications.scheduler import ReminderScheduler
    from planner.application.clock import Clock
    from planner.application.planner import Planner
    from planner.application.reminder_settings import ReminderSettings
    from planner.application.reminders import ReminderService, RunReport
    from planner.bootstrap.settings import PlannerSettings

STANDBY_POLL_SECONDS = 5.0  # how soon a standing-by scheduler takes over from one that stopped


class Container:
    """The parts of one run of planner: `settings` are read on first use (from the
    environment and `.env` unless given), `clock` is the system's unless a test sets one."""

    def __init__(
        self,
        settings: PlannerSettings | None = None,
        clock: Clock | None = None,
        standby_poll_seconds: float = STANDBY_POLL_SECONDS,
    ) -> None:
        self._given = settings
        self.clock = clock
        self.standby_poll_seconds = standby_poll_seconds

    @cached_property
    def settings(self) -> PlannerSettings:
        """Read when first asked for: pydantic-settings alone costs `planner --help` a tenth
        of a second."""
        from planner.bootstrap.settings import read_settings

        return self._given or read_settings()

    @cached_property
    def reminder_settings(self) -> ReminderSettings:
        return self.settings.reminders()

    @cached_property
    def web_settings(self) -> WebSettings:
        return self.settings.web()

    @property
    def files_dir(self) -> Path:
        return self.settings.files_dir

    @property
    def user(self) -> str:
        """Who runs the command line: PLANNER_USER, else the operating system's user."""
        return self.settings.user or getpass.getuser()

    def open_planner(self, clock: Clock | None = None) -> Planner:
        from planner.bootstrap.store import open_planner

        return open_planner(self.settings.store(), clock or self.clock)

    def reminders(self, planner: Planner) -> ReminderService:
        """Previews without SMTP settings; sends once PLANNER_SMTP_HOST is set."""
        from notifications.composer import Composer
        from notifications.mailer import Mailer
        from planner.application.reminders import ReminderService

        settings = self.reminder_settings
        mailer = Mailer(settings.mail) if settings.mail else None
        return ReminderService(planner, settings, Composer(settings), mailer)

    def scheduler(
        self, planner: Planner, on_run: Callable[[RunReport], None] | None = None
    ) -> ReminderScheduler:
        """The reminder scheduler, not started; it needs PLANNER_SMTP_HOST."""
        from notifications.scheduler import ReminderScheduler

        return ReminderScheduler(
            self.reminders(planner), standby_poll_seconds=self.standby_poll_seconds, on_run=on_run
        )

    def run_scheduler(self, planner: Planner) -> None:
        """`planner scheduler`: until SIGINT or SIGTERM."""
        from notifications.scheduler import run_until_stopped

        run_until_stopped(self.scheduler(planner))

    def web_app(self, planner: Planner, services: Sequence[BackgroundService] = ()) -> FastAPI:
        """The web application with its extensions, `services` running while it serves."""
        from api.app import create_app
        from api.imports import import_extension
        from api.reports import report_extension
        from api.scoring import scoring_extension

        extensions = (import_extension(), report_extension(), scoring_extension())
        reminders = self.reminders(planner)
        return create_app(planner, self.web_settings, reminders, services, extensions)

    def serve(
        self, host: str, port: int, demo: bool, scheduler: bool | None, workers: int = 1
    ) -> None:
        """`planner serve`: the scheduler runs beside the web app unless `scheduler` is False
        (None: as PLANNER_SCHEDULER says); with several `workers`, in each of them, where
        the leader's lock lets one send."""
        from planner.bootstrap.web_server import run

        run(self, host, port, demo, scheduler, workers)

"""`planner`: the command line, with the web server, e-mail and scheduler plugged in.

They load only when a command uses them, so `planner --help` and every other command start
without the web stack, the templates or the SMTP client.
"""

from __future__ import annotations

from planner.application.planner import Planner
from planner.application.reminder_settings import ReminderSettings
from planner.application.reminders import ReminderService
from planner.cli.adapters import Adapters
from planner.cli.main import command_line


def _reminders(planner: Planner, settings: ReminderSettings) -> ReminderService:
    from notifications.sending import reminder_service

    return reminder_service(planner, settings)


def _run_scheduler(planner: Planner, settings: ReminderSettings) -> None:
    from notifications.scheduler import run_until_stopped

    run_until_stopped(planner, settings)


def _serve(host: str, port: int, demo: bool, scheduler: bool) -> None:
    from planner.bootstrap.web_server import run

    run(host, port, demo, scheduler)


app = command_line(Adapters(reminders=_reminders, run_scheduler=_run_scheduler, serve=_serve))

if __name__ == "__main__":
    app()

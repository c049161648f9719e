"""A real SMTP server for every reminder test, and the reminder service pointed at it, as the
composition root builds it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.application.reminder_settings import ReminderSettings
from planner.application.reminders import ReminderService
from planner.bootstrap.container import Container
from planner.bootstrap.settings import read_settings
from tests.reminders.mail_server import MailServer


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    server = MailServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def root(database_url: str, clock: FixedClock, mail_server: MailServer) -> Container:
    """The composition root on the test's store, sending through the test's mail server; a
    standing-by scheduler asks for the leader's lock every 0.05 s."""
    env = {**mail_server.env(), "PLANNER_DATABASE_URL": database_url}
    return Container(read_settings(env), clock, standby_poll_seconds=0.05)


@pytest.fixture
def settings(root: Container) -> ReminderSettings:
    return root.reminder_settings


@pytest.fixture
def reminders(planner: Planner, root: Container) -> ReminderService:
    return root.reminders(planner)

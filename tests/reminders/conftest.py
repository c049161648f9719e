"""A real SMTP server for every reminder test, and the reminder service pointed at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from notifications.sending import reminder_service
from planner.application.planner import Planner
from planner.application.reminder_settings import ReminderSettings
from planner.application.reminders import ReminderService
from tests.reminders.mail_server import MailServer


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    server = MailServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def settings(mail_server: MailServer) -> ReminderSettings:
    return ReminderSettings.from_env(mail_server.env())


@pytest.fixture
def reminders(planner: Planner, settings: ReminderSettings) -> ReminderService:
    return reminder_service(planner, settings)

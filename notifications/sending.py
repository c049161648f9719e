"""The reminder service with this package's e-mail adapters: Jinja2 templates and SMTP."""

from __future__ import annotations

from notifications.composer import Composer
from notifications.mailer import Mailer
from planner.application.planner import Planner
from planner.application.reminder_settings import ReminderSettings
from planner.application.reminders import ReminderService


def reminder_service(planner: Planner, settings: ReminderSettings) -> ReminderService:
    """Previews without SMTP settings; sends once PLANNER_SMTP_HOST is set."""
    mailer = Mailer(settings.mail) if settings.mail else None
    return ReminderService(planner, settings, Composer(settings), mailer)

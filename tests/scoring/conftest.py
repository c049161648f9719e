"""The real SMTP server and reminder service of the reminder tests, for scoring reminders."""

from tests.reminders.conftest import mail_server, reminders, root, settings

__all__ = ["mail_server", "reminders", "root", "settings"]

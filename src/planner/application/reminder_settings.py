"""Reminder and SMTP settings (read from PLANNER_* variables by `planner.bootstrap`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from email.utils import parseaddr
from enum import StrEnum

from planner.domain.reminder_policy import ReminderPolicy


class Security(StrEnum):
    NONE = "none"
    STARTTLS = "starttls"
    TLS = "tls"

    @property
    def default_port(self) -> int:
        return {"none": 25, "starttls": 587, "tls": 465}[self.value]


@dataclass(frozen=True)
class MailSettings:
    """Where and how e-mail is sent; `password` is never printed."""

    host: str
    port: int
    security: Security
    sender: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    ca_file: str | None = None  # a private certificate authority the server's certificate uses
    timeout: float = 30.0

    @property
    def sender_domain(self) -> str:
        return parseaddr(self.sender)[1].rpartition("@")[2] or "planner.local"


@dataclass(frozen=True)
class ReminderSettings:
    base_url: str = "http://localhost:8000"
    policy: ReminderPolicy = field(default_factory=ReminderPolicy)
    send_at: time = time(8, 0)  # Vietnam time, each day the scheduler runs
    days_off: Mapping[date, str] = field(default_factory=dict)  # the province's own days off
    retry_every_seconds: float = 60.0  # how often the scheduler looks for failed reminders
    mail: MailSettings | None = None  # None: reminders can be previewed, not sent

    def task_link(self, task_id: object) -> str:
        return f"{self.base_url}/tasks/{task_id}"

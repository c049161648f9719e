"""Reminder and SMTP settings from PLANNER_* environment variables; secrets only from there."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from email.headerregistry import Address
from email.utils import parseaddr
from enum import StrEnum

from planner.domain.dates import parse_day
from planner.domain.errors import InvalidValue
from planner.domain.reminder_policy import ReminderPolicy

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


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

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> ReminderSettings:
        return cls(
            base_url=(environ.get("PLANNER_BASE_URL") or cls.base_url).rstrip("/"),
            policy=ReminderPolicy(
                days_before=_days(environ, "PLANNER_REMINDER_DAYS_BEFORE", "7,3,1,0"),
                overdue_every=_whole(environ, "PLANNER_REMINDER_OVERDUE_EVERY", 7),
                escalation_weekday=_weekday(environ, "PLANNER_ESCALATION_WEEKDAY", "mon"),
            ),
            send_at=_time(environ, "PLANNER_REMINDER_TIME", "08:00"),
            days_off=_days_off(environ, "PLANNER_DAYS_OFF"),
            mail=mail_from_env(environ),
        )


def mail_from_env(environ: Mapping[str, str]) -> MailSettings | None:
    """SMTP settings, or None when PLANNER_SMTP_HOST is not set."""
    host = (environ.get("PLANNER_SMTP_HOST") or "").strip()
    if not host:
        return None
    security = _security(environ.get("PLANNER_SMTP_SECURITY") or "starttls")
    sender = (environ.get("PLANNER_MAIL_FROM") or "").strip()
    if not sender or "@" not in parseaddr(sender)[1]:
        raise InvalidValue(
            "PLANNER_MAIL_FROM: cần địa chỉ người gửi, vd. 'Sở Nội vụ <cchc@snv.gov.vn>' "
            f"(nhận '{sender}')"
        )
    return MailSettings(
        host=host,
        port=_whole(environ, "PLANNER_SMTP_PORT", security.default_port),
        security=security,
        sender=_display(sender),
        user=environ.get("PLANNER_SMTP_USER") or None,
        password=environ.get("PLANNER_SMTP_PASSWORD") or None,
        ca_file=environ.get("PLANNER_SMTP_CA_FILE") or None,
    )


def _display(sender: str) -> str:
    """The sender as a header value, keeping a Vietnamese display name intact."""
    name, address = parseaddr(sender)
    user, _, domain = address.partition("@")
    return str(Address(display_name=name, username=user, domain=domain))


def _security(text: str) -> Security:
    try:
        return Security(text.strip().lower())
    except ValueError:
        raise InvalidValue(
            f"PLANNER_SMTP_SECURITY: '{text}' không hợp lệ (none, starttls hoặc tls)"
        ) from None


def _whole(environ: Mapping[str, str], name: str, default: int) -> int:
    text = (environ.get(name) or "").strip()
    if not text:
        return default
    if not text.isdigit():
        raise InvalidValue(f"{name}: '{text}' không phải số nguyên không âm")
    return int(text)


def _days(environ: Mapping[str, str], name: str, default: str) -> tuple[int, ...]:
    text = environ.get(name) or default
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or not all(part.isdigit() for part in parts):
        raise InvalidValue(f"{name}: '{text}' cần các số ngày cách nhau bởi dấu phẩy, vd. 7,3,1,0")
    return tuple(int(part) for part in parts)


def _weekday(environ: Mapping[str, str], name: str, default: str) -> int:
    text = (environ.get(name) or default).strip().lower()[:3]
    if text not in WEEKDAYS:
        raise InvalidValue(f"{name}: '{environ.get(name)}' không hợp lệ (mon, tue, ..., sun)")
    return WEEKDAYS.index(text)


def _time(environ: Mapping[str, str], name: str, default: str) -> time:
    text = (environ.get(name) or default).strip()
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"{name}: '{text}' không phải giờ dạng HH:MM") from None


def _days_off(environ: Mapping[str, str], name: str) -> dict[date, str]:
    text = environ.get(name) or ""
    return {
        parse_day(part, where=name): "Ngày nghỉ của tỉnh"
        for part in text.split(",")
        if part.strip()
    }

"""Every PLANNER_* variable in one schema, read once from the environment and `.env`.

The environment wins over `.env` (in the working directory); an empty variable counts as unset.
Each part receives only its own settings: the store's (`store`), the web application's (`web`)
and the reminders' (`reminders`). README's configuration table is generated from this schema
(`python -m planner.bootstrap.settings_table`).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date, time
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from api.settings import WebSettings
from planner.application.reminder_settings import MailSettings, ReminderSettings, Security
from planner.bootstrap import setting_values as read
from planner.bootstrap.logs import LogFormat
from planner.domain.effective_day import STAFF_DAYS
from planner.domain.errors import InvalidValue
from planner.domain.reminder_policy import ReminderPolicy
from planner.settings import DEFAULT_DATABASE_URL, Settings
from planner.storage.database import POOL_SIZE, TIMEOUT_SECONDS

PREFIX = "PLANNER_"

Whole = Annotated[int, BeforeValidator(read.whole)]
Positive = Annotated[int, Field(gt=0), BeforeValidator(read.positive)]


def setting(default: Any, meaning: str, shown: str | None = None) -> Any:
    """A field with what it means for the configuration table, and its default as the table
    shows it when the value alone would not say it (`shown`)."""
    return Field(default, description=meaning, json_schema_extra={"shown": shown or ""})


class PlannerSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=PREFIX, env_file=".env", env_ignore_empty=True, extra="ignore", frozen=True
    )

    database_url: str = setting(
        DEFAULT_DATABASE_URL,
        "`sqlite:///path.db`, or `postgresql://user:password@host:5432/db` (add `?schema=name` "
        "to use one schema) when several processes share the store",
    )
    monitor_agency: Annotated[str, BeforeValidator(read.agency_code)] = setting(
        "SNV", "the agency whose staff act as monitor (Sở Nội vụ) on the command line"
    )
    backdate_days: Whole = setting(
        STAFF_DAYS,
        "how many days back agency staff may date a change to their tasks (Sở Nội vụ: any)",
    )
    db_pool_size: Positive = setting(
        POOL_SIZE, "PostgreSQL connections each pool keeps open (as many again when busy)"
    )
    db_timeout: Positive = setting(
        TIMEOUT_SECONDS,
        "seconds a statement, or a silent network, may hold a request before it gets 503",
    )
    user: str | None = setting(
        None, "the user name recorded on changes made from the command line", "the OS user"
    )
    session_secret: SecretStr | None = setting(
        None,
        "signs sessions and API tokens; set it (e.g. `openssl rand -base64 32`) so sign-ins "
        "survive a restart",
        "random at each start",
    )
    session_hours: Positive = setting(12, "how long a sign-in (cookie or API token) lasts")
    files_dir: Path = setting(Path("var/files"), "where uploaded evidence is stored")
    max_upload_bytes: Positive = setting(
        20 * 1024 * 1024,
        "the largest evidence file or imported document accepted, in bytes",
        "`20971520` (20 MiB)",
    )
    web_threads: Positive = setting(
        4,
        "threads answering requests in each server process: more let slow requests (reports) "
        "overlap, fewer fight less over Python's lock under load",
    )
    secure_cookies: bool = setting(False, "`1` to send cookies over HTTPS only (behind TLS)", "off")
    scheduler: bool = setting(
        True,
        "`off` (or `0`, `false`): `planner serve` runs without the reminder scheduler, as "
        "`--no-scheduler`",
        "on",
    )
    log_format: Annotated[LogFormat, BeforeValidator(read.log_format)] = setting(
        LogFormat.TEXT, "`text`, or `json`: one object per line, for a log collector"
    )
    log_level: Annotated[str, BeforeValidator(read.log_level)] = setting(
        "info", "`debug`, `info`, `warning` or `error`"
    )
    access_log: bool = setting(
        True, "`off`: no line per answered request (method, path, status, time, user, id)", "on"
    )
    trusted_proxies: str = setting(
        "127.0.0.1",
        "addresses of the reverse proxies whose `X-Forwarded-For` names the client (comma "
        "separated, `*` for any); from other peers the header is ignored",
    )
    smtp_host: str | None = setting(
        None, "the mail server; without it reminders can be previewed, not sent"
    )
    smtp_port: Whole | None = setting(None, "the mail server's port", "25 / 587 / 465 by security")
    smtp_security: Annotated[Security, BeforeValidator(read.security)] = setting(
        Security.STARTTLS, "`none`, `starttls` or `tls` (implicit TLS)"
    )
    smtp_user: str | None = setting(None, "login, if the mail server asks")
    smtp_password: SecretStr | None = setting(None, "password of that login; never printed")
    smtp_ca_file: str | None = setting(
        None, "a private certificate authority for the mail server's certificate", "system CAs"
    )
    mail_from: Annotated[str | None, BeforeValidator(read.sender)] = setting(
        None,
        "sender, e.g. `Sở Nội vụ tỉnh Bắc Kạn <cchc@snv.backan.gov.vn>`",
        "— (required to send)",
    )
    base_url: Annotated[str, BeforeValidator(read.url_base)] = setting(
        "http://localhost:8000", "where the web app serves `/tasks/{task_id}` (links in e-mails)"
    )
    reminder_days_before: Annotated[tuple[int, ...], NoDecode, BeforeValidator(read.day_counts)] = (
        setting((7, 3, 1, 0), "days before a deadline to remind")
    )
    reminder_overdue_every: Whole = setting(7, "days between reminders while late; `0`: none")
    escalation_weekday: Annotated[str, BeforeValidator(read.weekday)] = setting(
        "mon", "the escalation's day (`mon` … `sun`; a day off moves it later in the week)"
    )
    reminder_time: Annotated[time, BeforeValidator(read.clock_time)] = setting(
        time(8, 0), "when the scheduler sends each day, Vietnam time"
    )
    days_off: Annotated[tuple[date, ...], NoDecode, BeforeValidator(read.days_off)] = setting(
        (), "the province's extra days off, `dd/mm/yyyy,dd/mm/yyyy`"
    )

    @model_validator(mode="after")
    def _sender_when_sending(self) -> PlannerSettings:
        if self.smtp_host and not self.mail_from:
            raise ValueError(
                "PLANNER_MAIL_FROM: cần địa chỉ người gửi khi đặt PLANNER_SMTP_HOST, "
                "vd. 'Sở Nội vụ <cchc@snv.gov.vn>'"
            )
        return self

    def store(self) -> Settings:
        return Settings(
            database_url=self.database_url,
            monitor_agency=self.monitor_agency,
            backdate_days=self.backdate_days,
            pool_size=self.db_pool_size,
            database_timeout_seconds=self.db_timeout,
        )

    def web(self) -> WebSettings:
        """Without PLANNER_SESSION_SECRET a random one is made: sign-ins last until a restart."""
        secret = self.session_secret.get_secret_value() if self.session_secret else ""
        return WebSettings(
            session_secret=secret or secrets.token_urlsafe(32),
            files_dir=self.files_dir,
            secure_cookies=self.secure_cookies,
            session_hours=self.session_hours,
            max_upload_bytes=self.max_upload_bytes,
            secret_from_environment=bool(secret),
            threads=self.web_threads,
        )

    def reminders(self) -> ReminderSettings:
        return ReminderSettings(
            base_url=self.base_url,
            policy=ReminderPolicy(
                days_before=self.reminder_days_before,
                overdue_every=self.reminder_overdue_every,
                escalation_weekday=read.WEEKDAYS.index(self.escalation_weekday),
            ),
            send_at=self.reminder_time,
            days_off=dict.fromkeys(self.days_off, "Ngày nghỉ của tỉnh"),
            mail=self._mail(),
        )

    def _mail(self) -> MailSettings | None:
        """SMTP settings, or None when PLANNER_SMTP_HOST is not set."""
        if not self.smtp_host or not self.mail_from:
            return None
        return MailSettings(
            host=self.smtp_host.strip(),
            port=self.smtp_port or self.smtp_security.default_port,
            security=self.smtp_security,
            sender=self.mail_from,
            user=self.smtp_user,
            password=self.smtp_password.get_secret_value() if self.smtp_password else None,
            ca_file=self.smtp_ca_file,
        )


def read_settings(given: Mapping[str, str] | None = None) -> PlannerSettings:
    """The settings from the PLANNER_* variables `given` (a test's), the environment and
    `.env`, in that order; a value that cannot be read is refused naming its variable."""
    values: dict[str, Any] = {
        name.removeprefix(PREFIX).lower(): value
        for name, value in (given or {}).items()
        if name.startswith(PREFIX) and value
    }
    try:
        return PlannerSettings(**values)
    except ValidationError as error:
        raise InvalidValue("; ".join(_message(problem) for problem in error.errors())) from None


def _message(problem: Any) -> str:
    cause = problem.get("ctx", {}).get("error")
    text = str(cause) if isinstance(cause, ValueError) else f"'{problem['input']}' không hợp lệ"
    if not problem["loc"]:
        return text
    name = PREFIX + str(problem["loc"][0]).upper()
    return text if text.startswith(name) else f"{name}: {text}"

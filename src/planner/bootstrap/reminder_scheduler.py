"""Whether `planner serve` runs the reminder scheduler beside the web app, and saying so."""

from __future__ import annotations

from api.extensions import BackgroundService
from planner.application.planner import Planner
from planner.application.reminder_settings import MailSettings, ReminderSettings
from planner.bootstrap.container import Container
from planner.cli.output import console

SECURITY = {"none": "không mã hóa", "starttls": "STARTTLS", "tls": "TLS"}


def reminder_services(
    container: Container, planner: Planner, wanted: bool
) -> tuple[BackgroundService, ...]:
    """The scheduler when it is wanted and SMTP is set; without SMTP it stays off, saying why."""
    if not wanted:
        console.print(
            "Nhắc hạn qua e-mail: [yellow]tắt[/] (--no-scheduler hoặc PLANNER_SCHEDULER=off); "
            "có thể chạy riêng bằng 'planner scheduler'."
        )
        return ()
    settings = container.reminder_settings
    if settings.mail is None:
        console.print(
            "Nhắc hạn qua e-mail: [yellow]tắt[/] vì chưa đặt PLANNER_SMTP_HOST "
            "(xem trước thư sẽ gửi: 'planner reminders preview')."
        )
        return ()
    console.print(f"Nhắc hạn qua e-mail: [green]bật[/], {_where(settings, settings.mail)}")
    console.print(f"  người gửi: {settings.mail.sender}; nhiều tiến trình: chỉ một tiến trình gửi")
    return (container.scheduler(planner),)


def _where(settings: ReminderSettings, mail: MailSettings) -> str:
    return (
        f"gửi lúc {settings.send_at:%H:%M} ngày làm việc qua {mail.host}:{mail.port} "
        f"({SECURITY[mail.security.value]})"
    )

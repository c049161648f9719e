"""`planner reminders preview|run|remind-late|log` and `planner scheduler`."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli.command_group import command_group
from planner.cli.output import console, errors, print_json, table
from planner.cli.session import acting, opened
from planner.cli.wiring import wiring
from planner.domain.dates import parse_day
from planner.domain.errors import InvalidValue
from planner.domain.reminder_outbox import Outbox
from planner.presentation.reminder_wording import brief_label, when
from planner.presentation.vietnamese import format_date, format_datetime

if TYPE_CHECKING:
    from planner.application.reminders import ReminderService
    from planner.queries.reminders import ReminderEntry

reminders = command_group(help="Nhắc hạn qua e-mail cho các cơ quan.")

On = Annotated[str | None, typer.Option("--on", help="Ngày gửi dd/mm/yyyy; bỏ trống: hôm nay.")]
Json = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")]


@reminders.command("preview")
def preview(on: On = None, json_: Json = False) -> None:
    """Xem các thư nhắc hạn sẽ gửi trong ngày, không gửi và không ghi nhận gì."""
    from planner.presentation.outbox_document import outbox_json

    with opened() as planner:
        service = wiring().reminders(planner)
        day = _day(on, service)
        outbox = service.outbox(day)
        emails = service.emails(outbox)
    if json_:
        print_json(outbox_json(outbox, emails))
        return
    if _said_day_off(outbox):
        return
    shown = table(
        f"Thư nhắc hạn ngày {format_date(day)}: {len(emails)}", "#Gửi tới", "E-mail", "Tiêu đề"
    )
    for message, email in emails:
        shown.add_row(message.recipient.code, str(email["To"]), str(email["Subject"]))
    console.print(shown)
    items = table("Nội dung", "#Cơ quan", "Việc", "#Hạn", "#Tình hình")
    for digest in (*outbox.digests, *outbox.unreachable):
        for notice in digest.notices:
            due = format_date(notice.item.due_on)
            items.add_row(digest.recipient.code, brief_label(notice.item), due, when(notice.days))
    console.print(items)
    _say_unreachable(outbox)


@reminders.command("run")
def run(on: On = None) -> None:
    """Gửi các thư nhắc hạn đến hạn gửi trong ngày (mỗi nhắc hạn chỉ gửi một lần)."""
    with opened() as planner:
        service = wiring().reminders(planner)
        day = _day(on, service)
        report = service.run(day)
    if _said_day_off(report.outbox):
        return
    console.print(f"Ngày {format_date(day)}: đã gửi {len(report.sent)} thư nhắc hạn")
    for delivery in report.sent:
        console.print(f"  {delivery.recipient} <{', '.join(delivery.to)}>: {delivery.subject}")
    if report.skipped:
        console.print(f"{report.skipped} thư đang do tiến trình khác gửi")
    if report.withdrawn:
        console.print(f"Bỏ {report.withdrawn} nhắc hạn không còn cần (đổi hạn, đã xong, giao lại)")
    _say_unreachable(report.outbox)
    for delivery in report.failed:
        errors.print(f"[bold red]Chưa gửi được[/] thư tới {delivery.recipient}: {delivery.error}")
    if report.failed:
        errors.print("Các thư chưa gửi được đã ghi nhận và sẽ được gửi lại.")
        raise typer.Exit(1)


@reminders.command("remind-late")
def remind_late(
    task: str,
    as_: Annotated[str, typer.Option("--as", help="Mã cơ quan (Sở Nội vụ).")],
    user: Annotated[str | None, typer.Option("--user", help="Người thực hiện.")] = None,
) -> None:
    """Nhắc ngay các cơ quan còn chậm phần việc của một nhiệm vụ (Sở Nội vụ)."""
    with opened() as planner:
        service = wiring().reminders(planner)
        deliveries = service.remind_late_now(
            planner.views.task_id(task), acting(planner, as_, user)
        )
    sent = [d for d in deliveries if d.error is None]
    console.print(f"Đã nhắc {len(sent)} cơ quan còn chậm")
    for delivery in sent:
        console.print(f"  {delivery.recipient} <{', '.join(delivery.to)}>: {delivery.subject}")
    for delivery in deliveries:
        if delivery.error is not None:
            errors.print(
                f"[bold red]Chưa gửi được[/] thư tới {delivery.recipient}: {delivery.error}"
            )
    if len(sent) < len(deliveries):
        raise typer.Exit(1)


@reminders.command("log")
def log(
    since: Annotated[
        str | None,
        typer.Option("--since", help="Từ ngày dd/mm/yyyy; bỏ trống: các nhắc hạn gần nhất."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="In tối đa N nhắc hạn, mới nhất trước.")
    ] = 50,
    json_: Json = False,
) -> None:
    """Các nhắc hạn đã ghi nhận: đã gửi, chưa gửi được (và lý do), gộp hoặc bỏ."""
    # Without --since, the latest entries, whatever day runs were for (a run for a past day
    # is logged under that day, so "the last 7 days" of real time would show nothing).
    from planner.queries.reminders import reminder_log

    start = parse_day(since, where="--since") if since else None
    with opened() as planner, planner.views.engine.connect() as connection:
        entries = reminder_log(connection, start, limit)
    if json_:
        print_json({"since": start, "reminders": entries})
        return
    heading = f"Nhắc hạn từ ngày {format_date(start)}" if start else "Nhắc hạn gần nhất"
    shown = table(
        f"{heading}: {len(entries)}",
        "#Ngày gửi",
        "#Cơ quan",
        "Việc",
        "#Hạn",
        "#Nhắc",
        "Tình trạng",
    )
    for entry in entries:
        shown.add_row(
            format_date(entry.send_on),
            entry.recipient,
            f"{entry.label} ({entry.occurrence})" if entry.occurrence else entry.label,
            format_date(entry.due_on),
            when(entry.offset),
            _state(entry),
        )
    console.print(shown)


def scheduler() -> None:
    """Chạy bộ lập lịch nhắc hạn: gửi mỗi ngày làm việc, gửi lại thư lỗi; Ctrl+C để dừng."""
    with opened() as planner:
        settings = wiring().reminder_settings
        mail = settings.mail
        if mail is None:
            raise InvalidValue("chưa cấu hình máy chủ thư: hãy đặt PLANNER_SMTP_HOST")
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
        console.print(
            f"Bộ lập lịch nhắc hạn: gửi lúc {settings.send_at:%H:%M} mỗi ngày làm việc "
            f"qua {mail.host}:{mail.port}; Ctrl+C để dừng"
        )
        wiring().run_scheduler(planner)


STATES = {
    "due": "chờ gửi",
    "sending": "đang gửi",
    "sent": "đã gửi",
    "failed": "chưa gửi được",
    "folded": "gộp vào lần nhắc sau",
    "withdrawn": "bỏ",
    "refused": "máy chủ thư từ chối, không gửi lại",
}


def _state(entry: ReminderEntry) -> str:
    state = STATES[entry.state]
    if entry.state == "failed":
        retry = format_datetime(entry.retry_at)
        return f"{state} sau {entry.attempts} lần, thử lại {retry}: {entry.reason}"
    if entry.state in ("withdrawn", "refused"):
        return f"{state}: {entry.reason}"
    return state


def _day(on: str | None, service: ReminderService) -> date:
    return parse_day(on, where="--on") if on else service.today()


def _said_day_off(outbox: Outbox) -> bool:
    if outbox.day_off is None:
        return False
    console.print(
        f"Ngày {format_date(outbox.day)} là ngày nghỉ ({outbox.day_off}): không gửi nhắc hạn"
    )
    return True


def _say_unreachable(outbox: Outbox) -> None:
    escalation = outbox.escalation
    if escalation is not None and not escalation.recipient.emails:
        console.print(
            f"[yellow]Chưa có e-mail:[/] {escalation.recipient.name} — báo cáo nhiệm vụ quá hạn "
            f"tuần {escalation.week} chưa gửi được"
        )
    for mail in outbox.reports:
        if not mail.recipient.emails:
            console.print(
                f"[yellow]Chưa có e-mail:[/] {mail.recipient.name} — báo cáo "
                f"{mail.report.period_label} Kế hoạch số {mail.report.plan_number} chưa gửi được"
            )
    for digest in outbox.unreachable:
        console.print(
            f"[yellow]Chưa có e-mail:[/] {digest.recipient.name} ({digest.recipient.code}) "
            f"— {len(digest.notices)} việc cần nhắc chưa gửi được"
        )

"""`planner calendar ...`: the province's own days off and working days, and counting on them."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.cli.command_group import command_group
from planner.cli.output import console, print_json, table
from planner.cli.session import acting, opened
from planner.domain.dates import parse_date, parse_day
from planner.domain.identity import local_calendar_id
from planner.presentation.vietnamese import format_date, format_datetime

app = command_group(
    help="Lịch làm việc của tỉnh: ngày nghỉ riêng, ngày làm việc riêng, đếm ngày làm việc."
)

Day = Annotated[str, typer.Argument(help="Ngày dd/mm/yyyy.")]
Reason = Annotated[str, typer.Option("--reason", help="Căn cứ, lý do (vd. số quyết định).")]
As = Annotated[str | None, typer.Option("--as", help="Cơ quan ghi nhận (mặc định: Sở Nội vụ).")]
User = Annotated[
    str | None, typer.Option("--user", help="Người thực hiện (mặc định: PLANNER_USER).")
]
Json = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")]


@app.command("day-off")
def day_off(day: Day, reason: Reason, as_: As = None, user: User = None) -> None:
    """Thêm một ngày nghỉ riêng của tỉnh (không nhắc việc, hạn tính theo ngày làm việc lùi lại)."""
    when = parse_day(day, where="ngày")
    with opened() as planner:
        actor = acting(planner, as_ or planner.settings.monitor_agency, user)
        planner.calendar.add_day_off(when, reason, actor)
    console.print(f"Đã ghi ngày nghỉ của tỉnh: {format_date(when)}")


@app.command("working-day")
def working_day(day: Day, reason: Reason, as_: As = None, user: User = None) -> None:
    """Thêm một ngày làm việc riêng của tỉnh (vd. thứ Bảy làm bù theo quyết định của tỉnh)."""
    when = parse_day(day, where="ngày")
    with opened() as planner:
        actor = acting(planner, as_ or planner.settings.monitor_agency, user)
        planner.calendar.add_working_day(when, reason, actor)
    console.print(f"Đã ghi ngày làm việc của tỉnh: {format_date(when)}")


@app.command("withdraw")
def withdraw(day: Day, reason: Reason, as_: As = None, user: User = None) -> None:
    """Bỏ một ngày riêng của tỉnh: ngày đó lại theo lịch chung của cả nước."""
    when = parse_day(day, where="ngày")
    with opened() as planner:
        actor = acting(planner, as_ or planner.settings.monitor_agency, user)
        planner.calendar.withdraw(when, reason, actor)
    console.print(f"Ngày {format_date(when)} lại theo lịch chung của cả nước")


@app.command("list")
def list_days(json_: Json = False) -> None:
    """Các ngày nghỉ và ngày làm việc riêng của tỉnh, với lý do."""
    with opened() as planner:
        days = planner.calendar.days()
    rows = sorted(
        [(day, "ngày nghỉ", reason) for day, reason in days.days_off.items()]
        + [(day, "ngày làm việc", reason) for day, reason in days.working_days.items()]
    )
    if json_:
        print_json({"days": [{"day": d, "kind": k, "reason": r} for d, k, r in rows]})
        return
    shown = table("Ngày riêng của tỉnh", "#Ngày", "Loại", "Lý do")
    for day, kind, reason in rows:
        shown.add_row(format_date(day), kind, reason)
    console.print(shown)


@app.command("after")
def after(
    start: Day,
    days: Annotated[int, typer.Argument(min=0, max=1000, help="Số ngày làm việc (0–1000).")],
) -> None:
    """Ngày làm việc thứ N sau một ngày (không tính ngày bắt đầu), theo lịch của tỉnh."""
    begin = parse_day(start, where="ngày")
    with opened() as planner:
        due = planner.calendar.calendar().add_working_days(begin, days)
    console.print(f"{days} ngày làm việc sau {format_date(begin)}: {format_date(due)}")


@app.command("history")
def history(json_: Json = False) -> None:
    """Ai đã thêm, bỏ ngày riêng của tỉnh, khi nào và vì sao."""
    with opened() as planner:
        entries = planner.views.history(local_calendar_id())
    if json_:
        print_json({"entries": entries})
        return
    shown = table(
        "Lịch sử lịch làm việc của tỉnh",
        "#",
        "Thời điểm",
        "Người",
        "Cơ quan",
        "Thay đổi",
        "Ngày",
        "Lý do",
    )
    for entry in entries:
        day = entry.details.get("day")
        shown.add_row(
            str(entry.version),
            format_datetime(entry.at),
            entry.actor_user,
            entry.actor_agency,
            entry.event,
            format_date(parse_date(day)) if day else "",
            str(entry.details.get("reason", "")),
        )
    console.print(shown)

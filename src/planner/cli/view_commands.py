"""`planner overdue | progress | scores | history`: what Sở Nội vụ watches."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import typer

from planner.application.clock import SystemClock, today
from planner.application.errors import NotFound
from planner.cli.basis_option import DEFAULT, BasisOption
from planner.cli.output import console, print_json, short_id, table
from planner.cli.session import opened
from planner.domain.dates import parse_day
from planner.domain.errors import DomainError
from planner.domain.identity import agency_id
from planner.domain.score_target import ResultKind
from planner.domain.task_status import Status
from planner.presentation.vietnamese import (
    format_date,
    format_datetime,
    format_number,
    format_percent,
    shorten,
)
from planner.queries.basis import Basis

if TYPE_CHECKING:
    from planner.application.planner import Planner
    from planner.queries.overdue import OverdueItem

Plan = Annotated[str | None, typer.Option("--plan", help="Số kế hoạch; bỏ trống: mọi kế hoạch.")]
On = Annotated[str | None, typer.Option("--on", help="Ngày xét dd/mm/yyyy; bỏ trống: hôm nay.")]
Json = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")]


def _on(value: str | None) -> date:
    return parse_day(value, where="--on") if value else today(SystemClock())


def overdue(
    plan: Plan = None,
    on: On = None,
    agency: Annotated[str | None, typer.Option("--agency", help="Chỉ cơ quan này.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Chỉ in N việc trễ nhất.")] = None,
    basis: BasisOption = DEFAULT,
    json_: Json = False,
) -> None:
    """Nhiệm vụ quá hạn vào một ngày, quá hạn lâu nhất trước."""
    reading = Basis.parse(basis)
    with opened() as planner:
        day = _on(on)
        plan_id = planner.views.plan(plan).plan_id if plan else None
        code = planner.views.directory().code(agency) if agency else None
        items, count = planner.views.overdue_counted(day, plan_id, code, limit, reading)
        names = {a.code: a.name for a in planner.views.agencies()}
    if json_:
        print_json({"on": day, "basis": reading, "plan": plan, "count": count, "items": items})
        return
    shown = table(
        f"Nhiệm vụ quá hạn ngày {format_date(day)} ({reading.label(day)}): {count}",
        "Mã",
        "Kế hoạch",
        "TT",
        "Nhiệm vụ",
        "Kỳ",
        "Hạn",
        "Trễ (ngày)",
        "Trạng thái",
        "Cơ quan chủ trì",
    )
    for item in items:
        shown.add_row(
            short_id(item.task_id),
            item.plan_number,
            item.reference,
            shorten(item.text, 80),
            item.occurrence,
            format_date(item.due_on),
            str(item.days_late),
            Status(item.status).label,
            _still_to_do(item, names),
        )
    console.print(shown)


def _still_to_do(item: OverdueItem, names: dict[str, str]) -> str:
    """Who has not done their part: all of them, or "20/27 chưa xong: …" for shared work."""
    shown = "; ".join(names.get(code, code) for code in item.responsible)
    if item.parts > 1:
        return f"{len(item.parts_open)}/{item.parts} chưa xong: {shown}"
    return shown


def progress(
    plan: Plan = None, on: On = None, basis: BasisOption = DEFAULT, json_: Json = False
) -> None:
    """Tiến độ thực hiện theo cơ quan chủ trì và kế hoạch."""
    reading = Basis.parse(basis)
    with opened() as planner:
        day = _on(on)
        plan_id = planner.views.plan(plan).plan_id if plan else None
        rows = planner.views.progress(day, plan_id, reading)
    if json_:
        print_json({"on": day, "basis": reading, "plan": plan, "agencies": rows})
        return
    shown = table(
        f"Tiến độ theo cơ quan, ngày {format_date(day)} ({reading.label(day)})",
        "Kế hoạch",
        "Cơ quan",
        "Tổng",
        "Hoàn thành",
        "Đúng hạn",
        "Đang làm",
        "Chưa làm",
        "Vướng mắc",
        "Quá hạn",
        "Tỷ lệ",
    )
    for row in rows:
        shown.add_row(
            row.plan_number,
            row.agency_name,
            str(row.total),
            str(row.completed),
            str(row.completed_on_time),
            str(row.in_progress),
            str(row.not_started),
            str(row.blocked),
            str(row.overdue),
            format_percent(row.percent_complete),
        )
    console.print(shown)


def scores(plan: Plan = None, json_: Json = False) -> None:
    """Bảng điểm: tối đa, năm trước, mục tiêu, kết quả mới nhất, còn thiếu."""
    with opened() as planner:
        plan_id = planner.views.plan(plan).plan_id if plan else None
        lines = planner.views.score_board(plan_id)
    if json_:
        print_json({"plan": plan, "lines": lines})
        return
    shown = table(
        "Bảng điểm theo tiêu chí",
        "Kế hoạch",
        "Chỉ số",
        "Năm",
        "Mã",
        "Tiêu chí",
        "Tối đa",
        "Năm trước",
        "Mục tiêu",
        "Kết quả",
        "Loại",
        "Còn thiếu",
    )
    for line in lines:
        target = (
            format_number(line.target_value) if line.target_value is not None else line.target_text
        )
        style = "" if line.stated else "italic"
        shown.add_row(
            line.plan_number,
            line.index,
            str(line.year),
            line.code or "Tổng",
            shorten(line.name or "(cộng các tiêu chí trong kế hoạch)", 60),
            format_number(line.max_points),
            format_number(line.last_year_points),
            shorten(target, 40),
            format_number(line.result_points),
            ResultKind(line.result_kind).label if line.result_kind else "",
            format_number(line.gap),
            style=style,
        )
    console.print(shown)


def history(target: str, json_: Json = False) -> None:
    """Lịch sử thay đổi: mã nhiệm vụ, số kế hoạch, mã cơ quan hoặc mã mục tiêu."""
    with opened() as planner:
        aggregate = _aggregate_id(planner, target)
        entries = planner.views.history(aggregate)
    if json_:
        print_json({"aggregate_id": aggregate, "entries": entries})
        return
    shown = table(
        f"Lịch sử {target}", "#", "Thời điểm", "Người thực hiện", "Cơ quan", "Thay đổi", "Chi tiết"
    )
    for entry in entries:
        details = "; ".join(
            f"{k}: {v}" for k, v in entry.details.items() if v not in (None, "", [])
        )
        shown.add_row(
            str(entry.version),
            format_datetime(entry.at),
            entry.actor_user,
            entry.actor_agency,
            entry.event,
            shorten(details, 120),
        )
    console.print(shown)


def _aggregate_id(planner: Planner, text: str) -> UUID:
    """Whatever the user names: a task id or prefix, a full id, a plan number, an agency code."""
    try:
        return UUID(text)
    except ValueError:
        pass
    for resolve in (planner.views.task_id, lambda t: planner.views.plan(t).plan_id):
        try:
            return resolve(text)
        except DomainError:
            continue
    agency = planner.views.directory().find(text)
    if agency is None:
        raise NotFound(f"không tìm thấy '{text}' (mã nhiệm vụ, số kế hoạch hoặc mã cơ quan)")
    return agency_id(agency)


def inputs(plan: Plan = None, on: On = None, json_: Json = False) -> None:
    """Cơ quan phối hợp: ý kiến, số liệu đã gửi đúng hạn, muộn, còn thiếu (theo hạn riêng)."""
    with opened() as planner:
        day = _on(on)
        plan_id = planner.views.plan(plan).plan_id if plan else None
        rows = planner.views.input_counts(day, planner.calendar.calendar(), plan_id)
        names = {a.code: a.name for a in planner.views.agencies()}
    if json_:
        print_json({"on": day, "plan": plan, "agencies": rows})
        return
    shown = table(
        f"Ý kiến phối hợp đến hết ngày {format_date(day)}",
        "Cơ quan",
        "Phải gửi",
        "Đúng hạn",
        "Muộn",
        "Còn thiếu",
    )
    for row in rows:
        shown.add_row(
            names.get(row.agency, row.agency),
            str(row.owed),
            str(row.sent_on_time),
            str(row.sent_late),
            str(row.missing),
        )
    console.print(shown)

"""`planner plan ...` and `planner target ...`: plans, their obligations and score targets."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.cli.command_group import command_group
from planner.cli.output import console, print_json, table
from planner.cli.session import opened
from planner.domain.criterion import CriterionCode, Index, Level
from planner.domain.dates import parse_day
from planner.domain.identity import target_id
from planner.domain.points import parse_points
from planner.domain.schedule_text import read_schedule
from planner.domain.score_target import Definition, ResultKind
from planner.domain.target import Target
from planner.presentation.vietnamese import format_date, shorten

plans = command_group(help="Kế hoạch và các yêu cầu chung của kế hoạch.")
targets = command_group(help="Mục tiêu theo tiêu chí và kết quả đạt được.")

PlanNumber = Annotated[str, typer.Option("--plan", help="Số kế hoạch, vd. 365/KH-UBND.")]


@plans.command("add")
def add_plan(
    number: Annotated[str, typer.Option("--number", help="Số kế hoạch, vd. 365/KH-UBND.")],
    title: Annotated[str, typer.Option("--title")],
    province: Annotated[str, typer.Option("--province", help="Tỉnh, vd. Bắc Kạn.")],
    year: Annotated[int, typer.Option("--year", help="Năm mục tiêu.")],
    index: Annotated[list[str], typer.Option("--index", help="PAR_INDEX, SIPAS, PAPI (lặp lại).")],
    issued: Annotated[
        str | None, typer.Option("--issued", help="Ngày ban hành dd/mm/yyyy.")
    ] = None,
    issuer: Annotated[str, typer.Option("--issuer")] = "",
) -> None:
    """Đăng ký một kế hoạch."""
    with opened() as planner:
        planner.plans.register(
            number=number,
            title=title,
            issuer=issuer or f"UBND tỉnh {province}",
            province=province,
            issued_on=parse_day(issued, where="--issued") if issued else None,
            year=year,
            indices=tuple(Index.parse(i) for i in index),
            actor=planner.system,
        )
    console.print(f"Đã đăng ký kế hoạch {number}")


@plans.command("list")
def list_plans(json_: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Các kế hoạch đã đăng ký."""
    with opened() as planner:
        found = planner.views.plans()
    if json_:
        print_json({"plans": found})
        return
    shown = table("Kế hoạch", "Số", "Tỉnh", "Ngày", "Năm", "Chỉ số", "Tên")
    for plan in found:
        shown.add_row(
            plan.number,
            plan.province,
            format_date(plan.issued_on),
            str(plan.year),
            ", ".join(plan.indices),
            shorten(plan.title, 80),
        )
    console.print(shown)


@plans.command("obligation")
def add_obligation(
    plan: PlanNumber,
    key: Annotated[str, typer.Option("--key", help="Mã ngắn của yêu cầu, vd. bao-cao-nam.")],
    text: Annotated[str, typer.Option("--text")],
    schedule: Annotated[str, typer.Option("--schedule", help="vd. 'Trước ngày 25/11 hàng năm'.")],
    responsible: Annotated[str, typer.Option("--responsible", help="Cơ quan thực hiện, ';'.")],
    report_to: Annotated[str | None, typer.Option("--report-to")] = "SNV",
) -> None:
    """Thêm một yêu cầu chung của kế hoạch (có thời hạn để nhắc việc)."""
    with opened() as planner:
        found = planner.views.plan(plan)
        reading = read_schedule(schedule, found.year, found.issued_on)
        planner.plans.add_obligation(
            found.plan_id,
            key=key,
            text=text,
            schedule=reading.schedule,
            responsible=tuple(p.strip() for p in responsible.split(";") if p.strip()),
            report_to=report_to,
            actor=planner.system,
        )
    console.print(f"Đã thêm yêu cầu {key} vào kế hoạch {found.number}")
    if reading.warning:
        console.print(f"[yellow]Lưu ý:[/] {reading.warning}")


@plans.command("input-days")
def input_days(
    plan: PlanNumber,
    days: Annotated[
        int, typer.Option("--days", help="Số ngày làm việc trước hạn của cơ quan chủ trì.")
    ],
    reason: Annotated[str, typer.Option("--reason", help="Lý do.")],
) -> None:
    """Hạn cơ quan phối hợp gửi ý kiến, số liệu: bao nhiêu ngày làm việc trước hạn chủ trì."""
    with opened() as planner:
        found = planner.views.plan(plan)
        planner.plans.set_input_days(found.plan_id, days, reason, planner.system)
    console.print(
        f"Kế hoạch {found.number}: cơ quan phối hợp gửi ý kiến trước hạn {days} ngày làm việc"
    )


Code = Annotated[str, typer.Option("--code", help="Mã tiêu chí, vd. 1.2 hoặc 'TCTP 3.2.3'.")]
IndexOption = Annotated[str, typer.Option("--index")]
Year = Annotated[int, typer.Option("--year")]


@targets.command("set")
def set_target(
    plan: PlanNumber,
    code: Code,
    year: Year,
    name: Annotated[str, typer.Option("--name")],
    target: Annotated[
        str, typer.Option("--target", help="Điểm (1,5), tỷ lệ (85,24%) hoặc lời văn.")
    ],
    index: IndexOption = "PAR_INDEX",
    max_points: Annotated[str | None, typer.Option("--max")] = None,
    last_year: Annotated[str | None, typer.Option("--last-year")] = None,
    survey: Annotated[bool, typer.Option("--survey", help="Tiêu chí điều tra XHH.")] = False,
    not_evaluated: Annotated[bool, typer.Option("--not-evaluated")] = False,
    percent: Annotated[bool, typer.Option("--percent", help="Mục tiêu tính theo tỷ lệ %.")] = False,
) -> None:
    """Đặt (hoặc điều chỉnh) mục tiêu của một tiêu chí cho một năm."""
    criterion = CriterionCode.parse(code)
    definition = Definition(
        name=name,
        level=Level.for_depth(criterion.depth),
        max_points=parse_points(max_points, where="--max") if max_points else None,
        last_year_points=parse_points(last_year, where="--last-year") if last_year else None,
        target=Target.parse(target, percent=percent, where="--target"),
        survey_based=survey,
        not_evaluated=not_evaluated,
    )
    with opened() as planner:
        found = planner.views.plan(plan)
        planner.targets.set(
            found.plan_id,
            index=Index.parse(index),
            code=criterion,
            year=year,
            definition=definition,
            actor=planner.system,
        )
    console.print(f"Đã đặt mục tiêu tiêu chí {criterion} năm {year}")


@targets.command("result")
def record_result(
    plan: PlanNumber,
    code: Code,
    year: Year,
    points: Annotated[str, typer.Option("--points")],
    kind: Annotated[ResultKind, typer.Option("--kind")] = ResultKind.OFFICIAL,
    index: IndexOption = "PAR_INDEX",
    note: Annotated[str, typer.Option("--note")] = "",
) -> None:
    """Ghi kết quả tự đánh giá, thẩm định hoặc công bố của một tiêu chí."""
    criterion = CriterionCode.parse(code)
    with opened() as planner:
        found = planner.views.plan(plan)
        identity = target_id(found.plan_id, Index.parse(index).value, str(criterion), year)
        planner.targets.record_result(
            identity, kind, parse_points(points, where="--points"), planner.system, note=note
        )
    console.print(f"Đã ghi kết quả tiêu chí {criterion} năm {year}")

"""`planner scoring against-plan`: each unit's scoring results against its own plan's targets."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from planner.application.clock import today
from planner.cli.output import console, print_json, table
from planner.cli.session import opened
from planner.domain.criteria_set import UnitKind
from planner.presentation.vietnamese import format_date, format_number

if TYPE_CHECKING:
    from planner.reports.against_plan import UnitAgainstPlan


def against_plan_command(
    year: Annotated[int, typer.Option("--year", help="Năm đánh giá, vd. 2024.")],
    unit_kind: Annotated[UnitKind, typer.Option("--unit-kind", help="department hoặc district.")],
    unit: Annotated[
        str | None, typer.Option("--unit", help="Chỉ một đơn vị (mã hoặc tên), vd. STP.")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
) -> None:
    """Đối chiếu kết quả chấm điểm với mục tiêu trong kế hoạch của từng đơn vị."""
    from planner.reports.against_plan import against_plan
    from planner.reports.against_plan_table import tasks_text, verdict

    with opened() as planner:
        day = today(planner.workspace.clock)
        found = against_plan(planner, year, unit_kind, day, unit)
    if json_:
        print_json(against_plan_document(year, unit_kind, day, found))
        return
    if not found:
        console.print(f"Chưa có đơn vị nào ({unit_kind.label}) có kế hoạch đặt mục tiêu năm {year}")
    for entry in found:
        shown = table(
            f"{entry.unit_name} — kế hoạch {entry.plan_number} (đến hết {format_date(day)})",
            "#Mã",
            "Tiêu chí",
            "#Mục tiêu",
            "#Đạt được",
            "Loại",
            "Đánh giá",
            "#Chênh lệch",
            "Nhiệm vụ",
        )
        for check in entry.checks:
            shown.add_row(
                check.code or "Tổng",
                check.name,
                format_number(check.target),
                format_number(check.achieved),
                check.kind.label if check.kind else "",
                verdict(check),
                format_number(check.difference),
                tasks_text(check),
            )
        console.print(shown)


def against_plan_document(
    year: int, unit_kind: UnitKind, day: date, found: list[UnitAgainstPlan]
) -> dict[str, Any]:
    """The JSON of `planner scoring against-plan --json` (documented in README.md)."""
    return {
        "year": year,
        "unit_kind": unit_kind,
        "as_of": day,
        "units": [
            {
                "unit": entry.unit,
                "name": entry.unit_name,
                "plan": entry.plan_number,
                "plan_title": entry.plan_title,
                "criteria": [
                    {
                        "code": check.code,
                        "name": check.name,
                        "target": check.target,
                        "percent": check.percent,
                        "achieved": check.achieved,
                        "kind": check.kind,
                        "met": check.met,
                        "difference": check.difference,
                        "tasks": [
                            {"reference": t.reference, "text": t.text, "state": t.state}
                            for t in check.tasks
                        ],
                    }
                    for check in entry.checks
                ],
            }
            for entry in found
        ],
    }

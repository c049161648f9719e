"""`planner criteria`: the criteria sets (Bộ tiêu chí) a province scores its units on."""

from __future__ import annotations

from typing import Annotated

import typer

from planner.cli.output import console, print_json, table
from planner.cli.session import opened
from planner.domain.criteria_set import UnitKind
from planner.presentation.vietnamese import format_number


def criteria(
    province: Annotated[str | None, typer.Option("--province", help="Tỉnh.")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Năm đánh giá.")] = None,
    unit: Annotated[
        UnitKind | None, typer.Option("--unit", help="Loại đơn vị: department, district, commune.")
    ] = None,
    json_: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Các bộ tiêu chí; chọn một tỉnh, năm và loại đơn vị để xem từng tiêu chí."""
    with opened() as planner:
        found = planner.views.criteria_sets(
            province, year, unit.value if unit else None, with_criteria=True
        )
    if json_:
        print_json({"criteria_sets": found})
        return
    shown = table("Bộ tiêu chí", "Tỉnh", "#Năm", "Loại đơn vị", "#Tiêu chí", "#Tối đa", "#ĐTXHH")
    for item in found:
        shown.add_row(
            item.province,
            str(item.year),
            UnitKind(item.unit_kind).label,
            str(item.criteria_count),
            format_number(item.max_total),
            format_number(item.survey_max),
        )
    console.print(shown)
    if len(found) == 1:
        rows = table(found[0].title, "#Mã", "Tiêu chí", "#Điểm tối đa", "Ghi chú")
        for row in found[0].criteria:
            rows.add_row(row.code, row.name, format_number(row.max_points), row.notes)
        console.print(rows)

"""`planner report quarterly | annual | deadlines`: the reports Sở Nội vụ sends to UBND tỉnh."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from planner.application.clock import today
from planner.cli.basis_option import DEFAULT, BasisOption
from planner.cli.command_group import command_group
from planner.cli.output import console, errors, print_json, table
from planner.cli.session import opened
from planner.domain.criteria_set import UnitKind
from planner.domain.dates import parse_day
from planner.domain.errors import DomainError, InvalidValue
from planner.presentation.vietnamese import format_date
from planner.queries.basis import Basis
from planner.reports.deadlines import reporting_deadlines
from planner.reports.periods import ReportPeriod

app = command_group(help="Báo cáo quý, năm: tiến độ theo cơ quan, mục tiêu và kết quả chỉ số.")

PlanNumber = Annotated[str, typer.Option("--plan", help="Số kế hoạch, vd. 365/KH-UBND.")]
Out = Annotated[Path, typer.Option("--out", help="Tệp ghi báo cáo, vd. bao-cao-q3.html.")]
Format = Annotated[
    str | None,
    typer.Option("--format", help="html, xlsx hoặc csv; bỏ trống: theo đuôi tệp --out."),
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Số liệu đến hết ngày dd/mm/yyyy; bỏ trống: hôm nay hoặc cuối kỳ."
    ),
]


@app.command("quarterly")
def quarterly(
    plan: PlanNumber,
    quarter: Annotated[str, typer.Option("--quarter", help="Quý, vd. 2023Q3.")],
    out: Out,
    format_: Format = None,
    as_of: AsOf = None,
    basis: BasisOption = DEFAULT,
) -> None:
    """Báo cáo quý của một kế hoạch."""
    _write(plan, lambda: ReportPeriod.parse_quarter(quarter), out, format_, as_of, basis)


@app.command("annual")
def annual(
    plan: PlanNumber,
    year: Annotated[str, typer.Option("--year", help="Năm, vd. 2023.")],
    out: Out,
    format_: Format = None,
    as_of: AsOf = None,
    basis: BasisOption = DEFAULT,
) -> None:
    """Báo cáo năm của một kế hoạch."""
    _write(plan, lambda: ReportPeriod.parse_year(year), out, format_, as_of, basis)


@app.command("scoring")
def scoring(
    year: Annotated[int, typer.Option("--year", help="Năm đánh giá, vd. 2024.")],
    unit_kind: Annotated[UnitKind, typer.Option("--unit-kind", help="department hoặc district.")],
    out: Out,
    format_: Format = None,
) -> None:
    """Kết quả, xếp hạng Chỉ số CCHC của các sở, ngành hoặc UBND cấp huyện."""
    from planner.reports.against_plan import against_plan
    from planner.reports.delivery import ReportFormat
    from planner.reports.scoring_report import render_scoring

    with opened() as planner:
        fmt = ReportFormat.parse(format_ or out.suffix, where="--format" if format_ else "--out")
        if not out.parent.is_dir():
            raise InvalidValue(f"--out: không có thư mục {out.parent}")
        results = planner.scoring.results(year, unit_kind)
        against = against_plan(planner, year, unit_kind, today(planner.workspace.clock))
        out.write_bytes(render_scoring(results, fmt, against))
    console.print(
        f"Đã ghi kết quả Chỉ số CCHC năm {year} ({unit_kind.label}, {len(results.ranked)} đơn vị) "
        f"vào {out}"
    )


@app.command("deadlines")
def deadlines(
    year: Annotated[int, typer.Option("--year", help="Năm, vd. 2023.")],
    json_: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
) -> None:
    """Hạn nộp báo cáo quý và năm (để nhắc việc và gửi báo cáo tự động)."""
    try:
        found = reporting_deadlines(ReportPeriod.of_year(year).year)
    except DomainError as error:
        errors.print(f"[bold red]Lỗi:[/] {error}")
        raise typer.Exit(1) from None
    if json_:
        print_json(
            {
                "year": year,
                "deadlines": [
                    {
                        "report": d.report,
                        "period": d.period.key,
                        "due_on": d.due_on,
                        "rule": d.rule,
                    }
                    for d in found
                ],
            }
        )
        return
    shown = table(f"Hạn báo cáo năm {year}", "Báo cáo", "Kỳ", "Hạn", "Quy định")
    for d in found:
        kind = "Quý" if d.report == "quarterly" else "Năm"
        shown.add_row(kind, d.period.label, format_date(d.due_on), d.rule)
    console.print(shown)


def _write(
    plan: str,
    period_of: Callable[[], ReportPeriod],
    out: Path,
    format_: str | None,
    as_of: str | None,
    basis: str,
) -> None:
    """Check every option before building anything, then write the report to `out`."""
    from planner.reports.delivery import ReportFormat, render_report

    reading = Basis.parse(basis)
    with opened() as planner:
        period = period_of()
        fmt = ReportFormat.parse(format_ or out.suffix, where="--format" if format_ else "--out")
        if not out.parent.is_dir():
            raise InvalidValue(f"--out: không có thư mục {out.parent}")
        day = parse_day(as_of, where="--as-of") if as_of else None
        rendered = render_report(planner, plan, period, fmt, day, where="--as-of", basis=reading)
        out.write_bytes(rendered.content)
    report = rendered.report
    console.print(
        f"Đã ghi báo cáo {report.period.label} của kế hoạch {report.plan.number} "
        f"(số liệu đến hết ngày {format_date(report.as_of)}, {reading.label(report.as_of)}) "
        f"vào {out}"
    )

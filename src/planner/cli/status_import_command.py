"""`planner import-status`: a plan's report of results, recorded as of the days it gives."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from planner.cli.output import console, print_json
from planner.cli.session import opened
from planner.domain.dates import parse_day


def import_status(
    path: Annotated[Path, typer.Argument(help="Báo cáo (.txt, .docx, .xlsx).")],
    plan: Annotated[str, typer.Option("--plan", help="Số kế hoạch, vd. 365/KH-UBND.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Ngày số liệu dd/mm/yyyy, khi báo cáo không ghi."),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ cho xem, không ghi.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
) -> None:
    """Nhập báo cáo kết quả thực hiện: ghi trạng thái từng nhiệm vụ theo ngày báo cáo ghi."""
    from planner.importer.document_file import read_document
    from planner.importer.status_report import read_status_report

    day = parse_day(as_of, where="--as-of") if as_of else None
    report = read_status_report(read_document(path))
    with opened() as planner:
        found = planner.views.plan(plan)
        outcome = planner.status_reports.store(report, found.plan_id, planner.system, day, dry_run)
    if json_:
        print_json({"plan": found.number, "dry_run": dry_run, **asdict(outcome)})
        return
    verb = "Sẽ ghi" if dry_run else "Đã ghi"
    console.print(f"{verb} {len(outcome.recorded)} nhiệm vụ, {len(outcome.unchanged)} không đổi")
    for line in outcome.recorded:
        console.print(f"  {line}")
    for finding in outcome.findings:
        console.print(f"[yellow]Lưu ý:[/] {finding}")

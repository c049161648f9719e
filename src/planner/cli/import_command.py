"""`planner import PATH`: read a province's published plan and store what it says."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress

from planner.cli.import_report import print_errors, print_report, report_json
from planner.cli.output import console, errors, print_json
from planner.cli.session import opened
from planner.domain.dates import parse_day
from planner.domain.errors import InvalidValue
from planner.importer.document_file import read_document
from planner.importer.errors import UnreadableDocument
from planner.importer.reading import Identity, read_plan_document

Year = Annotated[
    int | None,
    typer.Option("--year", help="Năm của kế hoạch, khi văn bản không ghi (hoặc ghi sai)."),
]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Chỉ đọc và kiểm tra, không ghi gì vào kho.")
]
Json = Annotated[bool, typer.Option("--json", help="In một đối tượng JSON.")]
Number = Annotated[
    str | None,
    typer.Option("--number", help="Số văn bản (vd. 123/KH-UBND), khi văn bản không ghi."),
]
IssuedOn = Annotated[
    str | None,
    typer.Option("--issued-on", help="Ngày ban hành dd/mm/yyyy, khi văn bản không ghi."),
]


def import_document(
    path: Path,
    year: Year = None,
    dry_run: DryRun = False,
    json_: Json = False,
    number: Number = None,
    issued_on: IssuedOn = None,
) -> None:
    """Nhập kế hoạch (.txt, .docx, .xlsx): tiêu chí, mục tiêu, nhiệm vụ, yêu cầu, bộ tiêu chí."""
    with opened() as planner:
        try:
            source = read_document(path)
            given = Identity(number, _day(issued_on), year)
        except (UnreadableDocument, InvalidValue) as error:
            _refuse(path, error.message, json_)
        report = read_plan_document(source, planner.views.directory(), identity=given)
        outcome = None
        if report.document is not None:
            with _bar(report.document.size, quiet=json_ or dry_run) as progress:
                outcome = planner.imports.store(
                    report.document,
                    planner.system,
                    reason=f"nhập văn bản {path.name}",
                    dry_run=dry_run,
                    progress=progress,
                )
    if json_:
        print_json(report_json(report, outcome, dry_run))
    else:
        print_report(report, outcome, dry_run)
        if report.errors:
            print_errors(report)
    if report.errors:
        raise typer.Exit(1)


@contextmanager
def _bar(total: int, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar over what is stored (a plan has hundreds of targets and tasks)."""
    if quiet:
        yield None
        return
    columns = ("[bold]Ghi vào kho", BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("store", total=total)
        yield lambda done, _total: bar.update(task, completed=done)


def _day(text: str | None) -> date | None:
    return parse_day(text, where="--issued-on") if text else None


def _refuse(path: Path, message: str, json_: bool) -> NoReturn:
    if json_:
        print_json({"file": path.name, "errors": [{"message": message}], "stored": None})
    else:
        errors.print(f"[bold red]Lỗi:[/] {message}")
    raise typer.Exit(1)

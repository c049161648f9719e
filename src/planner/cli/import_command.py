"""`planner import PATH`: read a province's published plan and store what it says."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress

from planner.cli.output import console, errors, print_json
from planner.cli.session import opened
from planner.domain.dates import parse_day
from planner.domain.errors import InvalidValue
from planner.domain.import_corrections import (
    NO_CORRECTIONS,
    Corrections,
    check_year,
    corrections_from_json,
)

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
CorrectionsFile = Annotated[
    Path | None,
    typer.Option(
        "--corrections",
        help="Tệp JSON các sửa cách đọc (số, ngày, năm, tên cơ quan, dòng, cột); được ghi "
        "cùng lần nhập và tự áp dụng khi nhập lại văn bản.",
    ),
]

Forget = Annotated[
    bool,
    typer.Option(
        "--forget-corrections",
        help="Bỏ các sửa cách đọc đã ghi cho văn bản này (khi chúng sai): đọc lại như văn bản "
        "viết, cùng các sửa ghi lần này, và chỉ giữ những sửa đó.",
    ),
]


def import_document(
    path: Path,
    year: Year = None,
    dry_run: DryRun = False,
    json_: Json = False,
    number: Number = None,
    issued_on: IssuedOn = None,
    corrections: CorrectionsFile = None,
    forget_corrections: Forget = False,
) -> None:
    """Nhập kế hoạch (.txt, .docx, .xlsx): tiêu chí, mục tiêu, nhiệm vụ, yêu cầu, bộ tiêu chí."""
    from planner.cli.import_report import print_errors, print_report
    from planner.importer.corrected_reading import read_corrected
    from planner.importer.document_file import read_document
    from planner.importer.errors import UnreadableDocument
    from planner.presentation.import_document import report_json

    with opened() as planner:
        try:
            source = read_document(path)
            typed = Corrections(number, _day(issued_on), _year(year))
            given = typed.over(_corrections(corrections))
        except (UnreadableDocument, InvalidValue) as error:
            _refuse(path, error.message, json_)
        directory = planner.views.directory()
        reading = read_corrected(source, planner.imports, directory, given, forget_corrections)
        report = reading.report
        size = report.document.size if report.document else 0
        with _bar(size, quiet=json_ or dry_run) as progress:
            reason = f"nhập văn bản {path.name}"
            outcome = reading.store(planner.imports, planner.system, reason, dry_run, progress)
    if json_:
        print_json(
            report_json(report, outcome, dry_run, None if reading.forgotten else reading.kept)
        )
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


def _year(year: int | None) -> int | None:
    return check_year(year, "--year") if year is not None else None


def _corrections(path: Path | None) -> Corrections:
    """The corrections file (`--json` prints the corrections in force in the same shape)."""
    if path is None:
        return NO_CORRECTIONS
    where = f"--corrections {path.name}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidValue(f"{where}: không đọc được tệp ({error.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InvalidValue(f"{where}: không phải JSON hợp lệ ({error})") from None
    return corrections_from_json(data, where)


def _refuse(path: Path, message: str, json_: bool) -> NoReturn:
    if json_:
        print_json({"file": path.name, "errors": [{"message": message}], "stored": None})
    else:
        errors.print(f"[bold red]Lỗi:[/] {message}")
    raise typer.Exit(1)

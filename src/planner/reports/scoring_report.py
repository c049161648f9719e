"""The scoring results as a print-ready HTML page, an XLSX workbook or CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from jinja2 import Environment, PackageLoader, StrictUndefined
from openpyxl import Workbook

from planner.application.scoring import ScoringResults
from planner.reports.against_plan import UnitAgainstPlan
from planner.reports.against_plan_table import against_plan_table
from planner.reports.cell_text import cell_text
from planner.reports.delivery import ReportFormat
from planner.reports.render_csv import BOM
from planner.reports.render_xlsx import sheet_name, write_sheet
from planner.reports.scoring_tables import (
    scoring_status,
    scoring_subtitle,
    scoring_tables,
    scoring_title,
)
from planner.reports.spreadsheet_text import csv_cell, csv_text
from planner.reports.tables import Kind, Table

_environment = Environment(
    loader=PackageLoader("planner.reports", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_environment.filters.update(cell=cell_text)


def render_scoring(
    results: ScoringResults,
    fmt: ReportFormat,
    against: Sequence[UnitAgainstPlan] | None = None,
) -> bytes:
    """The results; with `against` (see against_plan), also the units' plans' targets."""
    tables = scoring_tables(results)
    if against is not None:
        tables = (*tables, against_plan_table(against))
    return {
        ReportFormat.HTML: scoring_html,
        ReportFormat.XLSX: scoring_xlsx,
        ReportFormat.CSV: scoring_csv,
    }[fmt](results, tables)


def scoring_filename(results: ScoringResults, fmt: ReportFormat) -> str:
    """ket-qua-chi-so-cchc-2024-department.xlsx: ASCII, safe in any mail client."""
    return f"ket-qua-chi-so-cchc-{results.year}-{results.unit_kind.value}.{fmt.value}"


def scoring_html(results: ScoringResults, tables: tuple[Table, ...]) -> bytes:
    page = _environment.get_template("scoring.html.j2").render(
        title=scoring_title(results),
        subtitle=scoring_subtitle(results),
        status=scoring_status(results),
        tables=tables,
        numeric={kind for kind in Kind if kind is not Kind.TEXT},
    )
    return page.encode("utf-8")


def scoring_xlsx(results: ScoringResults, tables: tuple[Table, ...]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    workbook.properties.creator = "planner"
    workbook.properties.title = scoring_title(results)
    lines = (scoring_title(results), scoring_subtitle(results), scoring_status(results))
    for table in tables:
        write_sheet(workbook.create_sheet(sheet_name(table.key)), lines, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def scoring_csv(results: ScoringResults, tables: tuple[Table, ...]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for line in (scoring_title(results), scoring_subtitle(results), scoring_status(results)):
        writer.writerow([csv_text(line)])
    for table in tables:
        writer.writerow([])
        writer.writerow([csv_text(table.title)])
        writer.writerow([csv_text(column.heading) for column in table.columns])
        for row in table.rows:
            writer.writerow(
                [
                    csv_cell(value, column.kind)
                    for value, column in zip(row.cells, table.columns, strict=True)
                ]
            )
        for note in table.notes:
            writer.writerow([csv_text(note)])
    return (BOM + buffer.getvalue()).encode("utf-8")

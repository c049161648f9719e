"""The report as an Excel workbook: one sheet per table, laid out like the plans' appendices."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.reports.layout import report_tables
from planner.reports.model import ProgressReport
from planner.reports.tables import Kind, Row, Style, Table, Value
from planner.reports.titles import data_date, report_subtitle, report_title

HEADING_ROW = 5  # rows 1–3 name the report, row 4 the table
NUMBER_FORMATS = {
    Kind.COUNT: "0",
    Kind.PERCENT: '0.00"%"',
    Kind.RATE: '0.0"%"',
    Kind.CHANGE: "+0;-0;0",
    Kind.RATE_CHANGE: "+0.0;-0.0;0.0",
    Kind.DATE: "DD/MM/YYYY",
}
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADING_FILL = PatternFill("solid", fgColor="D9E1F2")
AT_RISK_FILL = PatternFill("solid", fgColor="F8D7DA")


def render_xlsx(report: ProgressReport) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    workbook.properties.creator = "planner"
    workbook.properties.title = report_title(report)
    for table in report_tables(report):
        lines = (report_title(report), report_subtitle(report), data_date(report))
        write_sheet(workbook.create_sheet(sheet_name(table.key)), lines, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_sheet(sheet: Worksheet, lines: tuple[str, str, str], table: Table) -> None:
    """Title, subtitle and data date above the table's title, headings and rows."""
    width = len(table.columns)
    title, subtitle, as_of = lines
    for number, text, font in (
        (1, title, Font(bold=True, size=13)),
        (2, subtitle, Font(size=10)),
        (3, as_of, Font(italic=True)),
        (4, table.title, Font(bold=True, size=12)),
    ):
        cell = _put(sheet, number, 1, text)
        cell.font = font
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
    sheet.row_dimensions[2].height = 30
    for number, column in enumerate(table.columns, start=1):
        cell = _put(sheet, HEADING_ROW, number, column.heading)
        cell.font = Font(bold=True)
        cell.fill = HEADING_FILL
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    for offset, row in enumerate(table.rows, start=1):
        _write_row(sheet, HEADING_ROW + offset, row, table)
    last = HEADING_ROW + len(table.rows)
    for offset, note in enumerate(table.notes, start=2):
        cell = _put(sheet, last + offset, 1, note)
        cell.font = Font(italic=True, size=9)
    _print_setup(sheet)


def _write_row(sheet: Worksheet, number: int, row: Row, table: Table) -> None:
    font = Font(
        bold=Style.TOTAL in row.styles or Style.AREA in row.styles,
        italic=Style.SUMMED in row.styles,
    )
    for column_number, (value, column) in enumerate(
        zip(row.cells, table.columns, strict=True), start=1
    ):
        cell = _put(sheet, number, column_number, value)
        cell.font = font
        cell.border = BOX
        if Style.AT_RISK in row.styles:
            cell.fill = AT_RISK_FILL
        if isinstance(value, str) or column.kind is Kind.TEXT:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        else:
            cell.number_format = NUMBER_FORMATS.get(column.kind, "General")
            cell.alignment = Alignment(vertical="top")


def _put(sheet: Worksheet, row: int, column: int, value: Value) -> Cell:
    """Write a cell; text is typed as text, so "=…" from a document never becomes a formula."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _print_setup(sheet: Worksheet) -> None:
    """A4 landscape, as wide as the page, headings repeated on every page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    sheet.print_title_rows = f"{HEADING_ROW}:{HEADING_ROW}"
    sheet.freeze_panes = f"A{HEADING_ROW + 1}"


def sheet_name(key: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name."""
    return "".join(c for c in key if c not in "[]:*?/\\")[:31]

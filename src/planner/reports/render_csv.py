"""The report as CSV: UTF-8 with a byte-order mark, so Excel shows Vietnamese as written.

Each table follows the one before, after its title and a blank line; numbers and dates are
written the Vietnamese way, as in the HTML report.
"""

from __future__ import annotations

import csv
import io

from planner.reports.layout import report_tables
from planner.reports.model import ProgressReport
from planner.reports.spreadsheet_text import csv_cell, csv_text
from planner.reports.titles import data_date, due_date, report_subtitle, report_title

BOM = "\ufeff"


def render_csv(report: ProgressReport) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for line in (
        report_title(report),
        report_subtitle(report),
        data_date(report),
        due_date(report),
    ):
        writer.writerow([csv_text(line)])
    for table in report_tables(report):
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

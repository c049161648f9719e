"""The report as CSV: UTF-8 with a byte-order mark, so Excel shows Vietnamese as written.

Each table follows the one before, after its title and a blank line; numbers and dates are
written the Vietnamese way, as in the HTML report.
"""

from __future__ import annotations

import csv
import io

from planner.reports.cell_text import cell_text
from planner.reports.layout import report_tables
from planner.reports.model import ProgressReport
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
        writer.writerow([line])
    for table in report_tables(report):
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow([column.heading for column in table.columns])
        for row in table.rows:
            writer.writerow(
                [
                    cell_text(value, column.kind)
                    for value, column in zip(row.cells, table.columns, strict=True)
                ]
            )
        for note in table.notes:
            writer.writerow([note])
    return (BOM + buffer.getvalue()).encode("utf-8")

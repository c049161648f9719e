"""The report's tables, in the order every format shows them."""

from __future__ import annotations

from planner.reports.model import ProgressReport
from planner.reports.progress_tables import completed_table, overdue_table, progress_table
from planner.reports.score_tables import score_table
from planner.reports.tables import Table


def report_tables(report: ProgressReport) -> tuple[Table, ...]:
    return (
        progress_table(report),
        *(score_table(section) for section in report.scores),
        overdue_table(report),
        completed_table(report),
    )

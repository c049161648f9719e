"""What the report is called, which day its figures are from, and when it is due."""

from __future__ import annotations

from planner.presentation.vietnamese import format_date
from planner.reports.deadlines import deadline_for
from planner.reports.model import ProgressReport


def report_title(report: ProgressReport) -> str:
    kind = "quý" if report.period.is_quarter else "năm"
    return (
        f"Báo cáo {kind} về tiến độ thực hiện Kế hoạch số {report.plan.number}: "
        f"{report.period.label}"
    )


def report_subtitle(report: ProgressReport) -> str:
    issued = f" ngày {format_date(report.plan.issued_on)}" if report.plan.issued_on else ""
    return f"Kế hoạch số {report.plan.number}{issued} của {report.plan.issuer}: {report.plan.title}"


def data_date(report: ProgressReport) -> str:
    return (
        f"Số liệu tính đến hết ngày {format_date(report.as_of)}, {report.basis.label(report.as_of)}"
    )


def due_date(report: ProgressReport) -> str:
    deadline = deadline_for(report.period)
    return f"Hạn báo cáo: {format_date(deadline.due_on)} ({deadline.rule.lower()})"

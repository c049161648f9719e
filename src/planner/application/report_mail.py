"""Plan reports at their reporting deadlines: which are due, and each as an e-mail to Sở Nội vụ.

The e-mail carries the report's HTML as its HTML part (readable in the mail client, printable)
and the XLSX laid out like the appendix tables as an attachment.
"""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage

from planner.application.planner import Planner
from planner.domain.reminder_outbox import ReportMail
from planner.domain.report_outbox import ReportDue
from planner.presentation.vietnamese import format_date
from planner.reports.building import build_report
from planner.reports.deadlines import reporting_deadlines
from planner.reports.delivery import RenderedReport, ReportFormat, render
from planner.reports.periods import ReportPeriod


def reports_due(planner: Planner, day: date) -> tuple[ReportDue, ...]:
    """Every plan's quarterly and annual reporting deadlines of its year, from its issue date."""
    plans = [p for p in planner.views.plans() if day.year - 1 <= p.year <= day.year]
    return tuple(
        ReportDue(
            plan.plan_id,
            plan.number,
            plan.title,
            d.period.key,
            d.period.label,
            d.due_on,
            d.period.ends_on,
        )
        for plan in plans
        for d in reporting_deadlines(plan.year)
        if plan.issued_on is None or d.due_on >= plan.issued_on
    )


def report_subject(mail: ReportMail, as_of: date) -> str:
    report = mail.report
    return (
        f"Báo cáo {report.period_label} Kế hoạch số {report.plan_number} "
        f"(số liệu đến {format_date(as_of)}, hạn báo cáo {format_date(report.due_on)})"
    )


def rendered(planner: Planner, mail: ReportMail) -> tuple[RenderedReport, RenderedReport]:
    """The report as it stands on the day it goes out (the period's last day once past)."""
    year, _, quarter = mail.report.period.partition("-Q")
    period = ReportPeriod(int(year), int(quarter) if quarter else None)
    as_of = min(mail.day, period.ends_on)
    report = build_report(planner, mail.report.plan_number, period, as_of)
    return render(report, ReportFormat.HTML), render(report, ReportFormat.XLSX)


def attach(email: EmailMessage, html: RenderedReport, xlsx: RenderedReport) -> None:
    """The report as the HTML alternative, and the spreadsheet as an attachment."""
    email.add_alternative(html.content.decode("utf-8"), subtype="html")
    maintype, _, subtype = xlsx.media_type.partition("/")
    email.add_attachment(xlsx.content, maintype=maintype, subtype=subtype, filename=xlsx.filename)

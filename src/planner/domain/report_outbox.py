"""Which plan reports go to Sở Nội vụ's mailbox on a day: each once, at its reporting deadline.

A report goes out on its deadline, or on the last working day before it when the deadline is a
day off (as reminders do while a deadline is ahead). After downtime it still goes out, once,
until the period it reports on ends or the plan's next report is due; an unsent one is then
withdrawn.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from planner.domain.working_days import WorkingCalendar

REPORT = "report"


@dataclass(frozen=True)
class ReportDue:
    """A plan's quarterly or annual report and the day it must reach UBND tỉnh."""

    plan_id: UUID
    plan_number: str
    plan_title: str
    period: str  # "2023-Q3" or "2023", as report periods are keyed
    period_label: str  # "Quý III/2023", "Năm 2023"
    due_on: date
    period_ends_on: date  # a report missed by then is not sent late

    @property
    def item(self) -> str:
        """The reminder item the e-mail is recorded under: one per plan, keyed by period."""
        return f"{REPORT}:{self.plan_id}"


def reports_to_send(
    reports: Iterable[ReportDue], day: date, calendar: WorkingCalendar
) -> tuple[tuple[ReportDue, date], ...]:
    """Of each plan's reports, the newest whose sending day has come, with that day."""
    newest: dict[UUID, tuple[ReportDue, date]] = {}
    for report in reports:
        send_on = calendar.on_or_before(report.due_on)
        if not send_on <= day <= report.period_ends_on:
            continue
        known = newest.get(report.plan_id)
        if known is None or known[0].due_on < report.due_on:
            newest[report.plan_id] = (report, send_on)
    return tuple(sorted(newest.values(), key=lambda found: found[0].plan_number))


def is_report(item: str) -> bool:
    return item.startswith(f"{REPORT}:")

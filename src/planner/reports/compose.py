"""Builds the report from what the views held on the report's day and at the previous period's end.

Pure: no I/O, no clock. The same snapshots always give the same report.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from planner.domain.task_status import Status, on_time
from planner.queries import progress as progress_query
from planner.queries.basis import Basis
from planner.queries.tasks import TaskView
from planner.reports.model import (
    AgencyProgress,
    Change,
    CompletedTask,
    Counts,
    OverdueTask,
    PlanHeading,
    ProgressReport,
    ProgressSection,
)
from planner.reports.periods import ReportPeriod
from planner.reports.results import CriterionResult
from planner.reports.scores import score_sections
from planner.reports.snapshot import Snapshot


def compose_report(
    current: Snapshot,
    previous: Snapshot | None,
    period: ReportPeriod,
    results: Iterable[CriterionResult] = (),
    basis: Basis = Basis.CURRENT,
) -> ProgressReport:
    """The report for `period` as of `current.on`; changes are counted from `previous`."""
    plan = current.plan
    return ProgressReport(
        plan=PlanHeading(
            plan_id=plan.plan_id,
            number=plan.number,
            title=plan.title,
            issuer=plan.issuer,
            province=plan.province,
            issued_on=plan.issued_on,
            year=plan.year,
        ),
        period=period,
        as_of=current.on,
        progress=progress_section(current, previous, period.previous.ends_on),
        scores=score_sections(current, results),
        overdue=tuple(
            OverdueTask(
                reference=item.reference,
                text=item.text,
                occurrence=item.occurrence,
                due_on=item.due_on,
                days_late=item.days_late,
                status=item.status,
                percent=item.percent,
                lead=current.names(item.responsible),
            )
            for item in current.overdue
        ),
        completed=completed_in(current, period),
        basis=basis,
    )


def progress_section(
    current: Snapshot, previous: Snapshot | None, previous_on: date
) -> ProgressSection:
    """Each agency's counts and how they changed; earlier rows roll up to today's bodies."""
    before: dict[str, list[Counts]] = {}
    for row in previous.progress if previous else []:
        before.setdefault(current.carrier(row.agency), []).append(_counts(row))
    agencies = tuple(
        AgencyProgress(
            agency=row.agency,
            agency_name=row.agency_name,
            counts=_counts(row),
            change=_change(_counts(row), _added(before[row.agency]))
            if row.agency in before
            else None,
        )
        for row in current.progress
    )
    plan = plan_counts(current.tasks, current.on)
    return ProgressSection(
        agencies=agencies,
        plan=plan,
        plan_change=_change(plan, plan_counts(previous.tasks, previous.on)) if previous else None,
        previous_on=previous_on,
    )


def plan_counts(tasks: Iterable[TaskView], on: date) -> Counts:
    """Every occurrence of the plan once, whoever leads it."""
    occurrences = [o for task in tasks for o in task.occurrences]
    statuses = [Status(o.status) for o in occurrences]
    completed = statuses.count(Status.COMPLETED)
    total = len(statuses) - statuses.count(Status.CANCELLED)
    return Counts(
        total=total,
        completed=completed,
        completed_on_time=sum(
            1
            for o in occurrences
            if o.status == Status.COMPLETED and on_time(o.completed_on, o.deadline_on)
        ),
        in_progress=statuses.count(Status.IN_PROGRESS),
        not_started=statuses.count(Status.NOT_STARTED),
        blocked=statuses.count(Status.BLOCKED),
        overdue=sum(
            1
            for o in occurrences
            if not Status(o.status).is_closed and o.due_on is not None and o.due_on < on
        ),
        cancelled=statuses.count(Status.CANCELLED),
        percent_complete=percent(completed, total),
    )


def completed_in(snapshot: Snapshot, period: ReportPeriod) -> tuple[CompletedTask, ...]:
    """Occurrences completed in the period, up to the report's day."""
    last = min(snapshot.on, period.ends_on)
    done = [
        CompletedTask(
            reference=task.reference,
            text=task.text,
            occurrence=o.occurrence,
            due_on=o.due_on,
            completed_on=o.completed_on,
            on_time=on_time(o.completed_on, o.deadline_on),
            lead=snapshot.names(task.lead),
        )
        for task in snapshot.tasks
        for o in task.occurrences
        if o.status == Status.COMPLETED
        and o.completed_on is not None
        and period.starts_on <= o.completed_on <= last
    ]
    return tuple(sorted(done, key=lambda t: (t.completed_on, t.reference, t.occurrence)))


def percent(part: int, whole: int) -> Decimal:
    return _one_decimal(_exact_percent(part, whole))


def _exact_percent(part: int, whole: int) -> Decimal:
    return Decimal(part) * 100 / whole if whole else Decimal(0)


def _one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _counts(row: progress_query.AgencyProgress) -> Counts:
    return Counts(
        total=row.total,
        completed=row.completed,
        completed_on_time=row.completed_on_time,
        in_progress=row.in_progress,
        not_started=row.not_started,
        blocked=row.blocked,
        overdue=row.overdue,
        cancelled=row.cancelled,
        percent_complete=row.percent_complete,
    )


def _added(rows: list[Counts]) -> Counts:
    """Counts of bodies since merged into one, as that one body."""
    if len(rows) == 1:
        return rows[0]
    total = sum(r.total for r in rows)
    completed = sum(r.completed for r in rows)
    return Counts(
        total=total,
        completed=completed,
        completed_on_time=sum(r.completed_on_time for r in rows),
        in_progress=sum(r.in_progress for r in rows),
        not_started=sum(r.not_started for r in rows),
        blocked=sum(r.blocked for r in rows),
        overdue=sum(r.overdue for r in rows),
        cancelled=sum(r.cancelled for r in rows),
        percent_complete=percent(completed, total),
    )


def _change(now: Counts, before: Counts) -> Change:
    return Change(
        completed=now.completed - before.completed,
        overdue=now.overdue - before.overdue,
        # From the exact rates, rounded once: 1/6 → 2/6 is +16,7, not 33,3 − 16,7 = 16,6.
        percent_points=_one_decimal(
            _exact_percent(now.completed, now.total)
            - _exact_percent(before.completed, before.total)
        ),
    )

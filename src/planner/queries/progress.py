"""Tiến độ per agency and plan: each occurrence a lead agency answers for counts once.

Work led by a body that was later merged, split or dissolved rolls up to the body that
carries it on today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, and_, case, func, or_, select

from planner.domain.task_status import Status
from planner.projections.schema import agencies, occurrences, plans, task_agencies


@dataclass(frozen=True)
class AgencyProgress:
    agency: str
    agency_name: str
    plan_id: UUID
    plan_number: str
    total: int
    completed: int
    completed_on_time: int
    in_progress: int
    not_started: int
    blocked: int
    overdue: int
    cancelled: int
    percent_complete: Decimal


def progress(connection: Connection, on: date, plan_id: UUID | None = None) -> list[AgencyProgress]:
    """Counts per (agency carrying the work today, plan); `total` leaves out cancelled work."""
    carrier = func.coalesce(agencies.c.carried_by, task_agencies.c.agency)
    leads = (
        select(task_agencies.c.task_id, carrier.label("agency"))
        .outerjoin(agencies, agencies.c.code == task_agencies.c.agency)
        .where(task_agencies.c.role == "lead")
        .distinct()
    )
    if plan_id is not None:
        leads = leads.where(task_agencies.c.plan_id == plan_id)
    lead = leads.subquery()
    status = occurrences.c.status

    def count(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.sum(case((condition, 1), else_=0))

    query = (
        select(
            lead.c.agency,
            occurrences.c.plan_id,
            count(status != Status.CANCELLED).label("total"),
            count(status == Status.COMPLETED).label("completed"),
            count(
                and_(
                    status == Status.COMPLETED,
                    or_(
                        occurrences.c.due_on.is_(None),
                        occurrences.c.completed_on <= occurrences.c.due_on,
                    ),
                )
            ).label("completed_on_time"),
            count(status == Status.IN_PROGRESS).label("in_progress"),
            count(status == Status.NOT_STARTED).label("not_started"),
            count(status == Status.BLOCKED).label("blocked"),
            count(
                and_(
                    status.in_([s.value for s in Status if not s.is_closed]),
                    occurrences.c.due_on < on,
                )
            ).label("overdue"),
            count(status == Status.CANCELLED).label("cancelled"),
        )
        .join(lead, lead.c.task_id == occurrences.c.task_id)
        .group_by(lead.c.agency, occurrences.c.plan_id)
    )
    if plan_id is not None:
        # Stated twice so the planner scans only this plan's occurrences, not every plan's.
        query = query.where(occurrences.c.plan_id == plan_id)
    rows = list(connection.execute(query).mappings())
    codes = {row["agency"] for row in rows}
    plan_ids = {row["plan_id"] for row in rows}
    names = dict(
        connection.execute(
            select(agencies.c.code, agencies.c.name).where(agencies.c.code.in_(codes))
        ).all()
    )
    numbers = dict(
        connection.execute(
            select(plans.c.plan_id, plans.c.number).where(plans.c.plan_id.in_(plan_ids))
        ).all()
    )
    result = [
        AgencyProgress(
            agency=row["agency"],
            agency_name=names.get(row["agency"], row["agency"]),
            plan_id=row["plan_id"],
            plan_number=numbers.get(row["plan_id"], ""),
            total=int(row["total"]),
            completed=int(row["completed"]),
            completed_on_time=int(row["completed_on_time"]),
            in_progress=int(row["in_progress"]),
            not_started=int(row["not_started"]),
            blocked=int(row["blocked"]),
            overdue=int(row["overdue"]),
            cancelled=int(row["cancelled"]),
            percent_complete=_percent(int(row["completed"]), int(row["total"])),
        )
        for row in rows
    ]
    return sorted(result, key=lambda p: (p.plan_number, -p.percent_complete, p.agency))


def _percent(part: int, whole: int) -> Decimal:
    if whole == 0:
        return Decimal("0.0")
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

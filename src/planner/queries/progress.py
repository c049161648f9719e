"""Tiến độ per agency and plan: each occurrence a lead agency answers for counts once.

Work led by a body that was later merged, split or dissolved rolls up to the body that
carries it on today.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, Select, and_, case, func, select

from planner.domain.task_status import Status
from planner.projections.schema import agencies, plans, progress_counts


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
    counted: dict[tuple[str, UUID], Counter[str]] = defaultdict(Counter)
    carriers, names = _carriers_and_names(connection)
    for row in connection.execute(_counts_by_leads(on, plan_id)).mappings():
        # Work two merged bodies led together counts once for the body carrying both on.
        for agency in {carriers.get(code, code) for code in row["leads"].split(",") if code}:
            counted[agency, row["plan_id"]].update({name: int(row[name]) for name in COUNTS})
    numbers = _plan_numbers(connection, {plan for _, plan in counted})
    result = [
        AgencyProgress(
            agency=agency,
            agency_name=names.get(agency, agency),
            plan_id=plan,
            plan_number=numbers.get(plan, ""),
            **{name: counts[name] for name in COUNTS},
            percent_complete=_percent(counts["completed"], counts["total"]),
        )
        for (agency, plan), counts in counted.items()
    ]
    return sorted(result, key=lambda p: (p.plan_number, -p.percent_complete, p.agency))


COUNTS = (
    "total",
    "completed",
    "completed_on_time",
    "in_progress",
    "not_started",
    "blocked",
    "overdue",
    "cancelled",
)


def _counts_by_leads(on: date, plan_id: UUID | None) -> Select[Any]:
    status = progress_counts.c.status
    open_statuses = [s.value for s in Status if not s.is_closed]

    def count(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.sum(case((condition, progress_counts.c.occurrences), else_=0))

    query = select(
        progress_counts.c.plan_id,
        progress_counts.c.leads,
        count(status != Status.CANCELLED).label("total"),
        count(status == Status.COMPLETED).label("completed"),
        count(progress_counts.c.on_time).label("completed_on_time"),
        count(status == Status.IN_PROGRESS).label("in_progress"),
        count(status == Status.NOT_STARTED).label("not_started"),
        count(status == Status.BLOCKED).label("blocked"),
        count(and_(status.in_(open_statuses), progress_counts.c.due_on < on)).label("overdue"),
        count(status == Status.CANCELLED).label("cancelled"),
    ).group_by(progress_counts.c.plan_id, progress_counts.c.leads)
    if plan_id is not None:
        query = query.where(progress_counts.c.plan_id == plan_id)
    return query


def _carriers_and_names(connection: Connection) -> tuple[dict[str, str], dict[str, str]]:
    """Who carries each agency's work on today (itself unless reorganised), and its name."""
    rows = connection.execute(select(agencies.c.code, agencies.c.carried_by, agencies.c.name))
    carriers, names = {}, {}
    for code, carrier, name in rows:
        carriers[code], names[code] = carrier, name
    return carriers, names


def _plan_numbers(connection: Connection, plan_ids: set[UUID]) -> dict[UUID, str]:
    query = select(plans.c.plan_id, plans.c.number).where(plans.c.plan_id.in_(plan_ids))
    return dict(connection.execute(query).all())


def _percent(part: int, whole: int) -> Decimal:
    if whole == 0:
        return Decimal("0.0")
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

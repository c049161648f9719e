"""Quá hạn: occurrences past their due date and neither completed nor cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, RowMapping, func, select

from planner.domain.task_status import Status
from planner.projections.schema import (
    agencies,
    occurrences,
    open_by_due_date,
    task_agencies,
    tasks,
)

OPEN = [s.value for s in Status if not s.is_closed]


@dataclass(frozen=True)
class OverdueItem:
    task_id: UUID
    plan_id: UUID
    plan_number: str
    reference: str
    text: str
    occurrence: str
    due_on: date
    days_late: int
    status: str
    percent: int
    lead: list[str]
    responsible: list[str]


def overdue(
    connection: Connection,
    on: date,
    plan_id: UUID | None = None,
    agency: str | None = None,
    limit: int | None = None,
) -> list[OverdueItem]:
    """Everything overdue on `on`, most overdue first; `agency` matches today's responsible body.

    `limit` gives the first page (the most overdue), as a dashboard shows it.
    """
    query = (
        select(
            occurrences.c.task_id,
            occurrences.c.plan_id,
            occurrences.c.plan_number,
            occurrences.c.reference,
            tasks.c.text,
            occurrences.c.occurrence,
            occurrences.c.due_on,
            occurrences.c.status,
            occurrences.c.percent,
            tasks.c.lead,
        )
        .join(tasks, tasks.c.task_id == occurrences.c.task_id)
        .where(*_overdue_on(on, plan_id, agency))
        .order_by(
            occurrences.c.due_on,
            occurrences.c.plan_number,
            occurrences.c.reference,
            occurrences.c.occurrence,
        )
        .limit(limit)
    )
    carriers = dict(connection.execute(select(agencies.c.code, agencies.c.carried_by)).all())
    return [_item(row, on, carriers) for row in connection.execute(query).mappings()]


def count_overdue(
    connection: Connection, on: date, plan_id: UUID | None = None, agency: str | None = None
) -> int:
    if agency is not None:
        query = select(func.count()).select_from(occurrences)
        return int(connection.execute(query.where(*_overdue_on(on, plan_id, agency))).scalar_one())
    # Open work is also counted by due date, so the country's count adds up a few rows a plan.
    counted = select(func.coalesce(func.sum(open_by_due_date.c.occurrences), 0)).where(
        open_by_due_date.c.due_on < on
    )
    if plan_id is not None:
        counted = counted.where(open_by_due_date.c.plan_id == plan_id)
    return int(connection.execute(counted).scalar_one())


def _overdue_on(on: date, plan_id: UUID | None, agency: str | None) -> list[ColumnElement[bool]]:
    conditions = [occurrences.c.due_on < on, occurrences.c.status.in_(OPEN)]
    if plan_id is not None:
        conditions.append(occurrences.c.plan_id == plan_id)
    if agency is not None:
        carrier = func.coalesce(agencies.c.carried_by, task_agencies.c.agency)
        led_by = (
            select(task_agencies.c.task_id)
            .outerjoin(agencies, agencies.c.code == task_agencies.c.agency)
            .where(task_agencies.c.role == "lead", carrier == agency)
        )
        conditions.append(occurrences.c.task_id.in_(led_by))
    return conditions


def _item(row: RowMapping, on: date, carriers: dict[str, str]) -> OverdueItem:
    return OverdueItem(
        task_id=row["task_id"],
        plan_id=row["plan_id"],
        plan_number=row["plan_number"],
        reference=row["reference"],
        text=row["text"],
        occurrence=row["occurrence"],
        due_on=row["due_on"],
        days_late=(on - row["due_on"]).days,
        status=row["status"],
        percent=row["percent"],
        lead=list(row["lead"]),
        responsible=list(dict.fromkeys(carriers.get(code, code) for code in row["lead"])),
    )

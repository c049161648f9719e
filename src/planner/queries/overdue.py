"""Quá hạn: occurrences past their due date and neither completed nor cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import Connection, select

from planner.domain.task_status import Status
from planner.projections.schema import agencies, occurrences, plans, tasks

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
    connection: Connection, on: date, plan_id: UUID | None = None, agency: str | None = None
) -> list[OverdueItem]:
    """Everything overdue on `on`, most overdue first; `agency` matches today's responsible body."""
    query = (
        select(
            occurrences.c.task_id,
            occurrences.c.plan_id,
            plans.c.number,
            tasks.c.reference,
            tasks.c.text,
            occurrences.c.occurrence,
            occurrences.c.due_on,
            occurrences.c.status,
            occurrences.c.percent,
            tasks.c.lead,
        )
        .join(tasks, tasks.c.task_id == occurrences.c.task_id)
        .join(plans, plans.c.plan_id == occurrences.c.plan_id)
        .where(occurrences.c.due_on < on, occurrences.c.status.in_(OPEN))
        .order_by(occurrences.c.due_on, plans.c.number, tasks.c.reference)
    )
    if plan_id is not None:
        query = query.where(occurrences.c.plan_id == plan_id)
    carriers = dict(connection.execute(select(agencies.c.code, agencies.c.carried_by)).all())
    items = []
    for row in connection.execute(query).mappings():
        responsible = list(dict.fromkeys(carriers.get(code, code) for code in row["lead"]))
        if agency is not None and agency not in responsible:
            continue
        items.append(
            OverdueItem(
                task_id=row["task_id"],
                plan_id=row["plan_id"],
                plan_number=row["number"],
                reference=row["reference"],
                text=row["text"],
                occurrence=row["occurrence"],
                due_on=row["due_on"],
                days_late=(on - row["due_on"]).days,
                status=row["status"],
                percent=row["percent"],
                lead=list(row["lead"]),
                responsible=responsible,
            )
        )
    return items

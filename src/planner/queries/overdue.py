"""Quá hạn: occurrences past their due date and neither completed nor cancelled.

A task led by many bodies shows once, with the bodies whose own part is late: not done, and
not given a later day of their own that has yet to come.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, RowMapping, func, select

from planner.domain.task_status import Status
from planner.projections.schema import agencies, occurrences, task_parts, tasks

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
    responsible: list[str]  # the bodies carrying on the parts not done yet
    parts: int = 1  # how many bodies have a part that applies
    parts_open: list[str] = field(default_factory=list)  # their codes, as the task names them


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
            occurrences.c.late_from,
            occurrences.c.parts_due,
            occurrences.c.status,
            occurrences.c.percent,
            tasks.c.lead,
            occurrences.c.parts,
            occurrences.c.parts_open,
        )
        .join(tasks, tasks.c.task_id == occurrences.c.task_id)
        .where(*_overdue_on(on, plan_id, agency))
        .order_by(
            occurrences.c.late_from,
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
    """How many occurrences are overdue (a task with many late bodies counts once)."""
    query = select(func.count()).select_from(occurrences)
    return int(connection.execute(query.where(*_overdue_on(on, plan_id, agency))).scalar_one())


def _overdue_on(on: date, plan_id: UUID | None, agency: str | None) -> list[ColumnElement[bool]]:
    conditions = [occurrences.c.late_from < on, occurrences.c.status.in_(OPEN)]
    if plan_id is not None:
        conditions.append(occurrences.c.plan_id == plan_id)
    if agency is not None:
        # The agency's own part (or one it carries on) is not done.
        carrier = func.coalesce(agencies.c.carried_by, task_parts.c.agency)
        own_open = (
            select(task_parts.c.task_id)
            .outerjoin(agencies, agencies.c.code == task_parts.c.agency)
            .where(
                carrier == agency,
                task_parts.c.applies,
                task_parts.c.status.in_(OPEN),
                task_parts.c.due_on < on,
                task_parts.c.occurrence == occurrences.c.occurrence,
                task_parts.c.task_id == occurrences.c.task_id,
            )
        )
        conditions.append(own_open.exists())
    return conditions


def _item(row: RowMapping, on: date, carriers: dict[str, str]) -> OverdueItem:
    own_days: dict[str, str] = row["parts_due"]
    still_open = [
        body
        for body in row["parts_open"]
        if body not in own_days or date.fromisoformat(own_days[body]) < on
    ]
    return OverdueItem(
        task_id=row["task_id"],
        plan_id=row["plan_id"],
        plan_number=row["plan_number"],
        reference=row["reference"],
        text=row["text"],
        occurrence=row["occurrence"],
        due_on=row["late_from"],
        days_late=(on - row["late_from"]).days,
        status=row["status"],
        percent=row["percent"],
        lead=list(row["lead"]),
        responsible=list(dict.fromkeys(carriers.get(code, code) for code in still_open if code)),
        parts=row["parts"],
        parts_open=still_open,
    )

"""Sắp đến hạn: open occurrences due within the next days, soonest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from sqlalchemy import Connection, select

from planner.projections.schema import agencies, occurrences, plans, tasks
from planner.queries.overdue import OPEN


@dataclass(frozen=True)
class UpcomingItem:
    task_id: UUID
    plan_number: str
    reference: str
    text: str
    occurrence: str
    due_on: date
    days_left: int
    status: str
    percent: int
    responsible: list[str]


def upcoming(
    connection: Connection,
    on: date,
    days: int,
    plan_id: UUID | None = None,
    agency: str | None = None,
) -> list[UpcomingItem]:
    """Open work due from `on` to `days` days later; `agency` is the body carrying it today."""
    last = on + timedelta(days=days) if date.max - on > timedelta(days=days) else date.max
    query = (
        select(
            occurrences.c.task_id,
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
        .where(
            occurrences.c.due_on >= on,
            occurrences.c.due_on <= last,
            occurrences.c.status.in_(OPEN),
        )
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
            UpcomingItem(
                task_id=row["task_id"],
                plan_number=row["number"],
                reference=row["reference"],
                text=row["text"],
                occurrence=row["occurrence"],
                due_on=row["due_on"],
                days_left=(row["due_on"] - on).days,
                status=row["status"],
                percent=row["percent"],
                responsible=responsible,
            )
        )
    return items

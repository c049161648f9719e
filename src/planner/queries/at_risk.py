"""Điểm có nguy cơ mất: the max points of criteria whose tasks are overdue or blocked."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy import Connection, or_, select

from planner.domain.task_status import Status
from planner.projections.schema import occurrences, plans, score_targets, tasks
from planner.queries.overdue import OPEN


@dataclass(frozen=True)
class TaskAtRisk:
    task_id: UUID
    reference: str
    occurrence: str
    status: str
    due_on: date | None


@dataclass(frozen=True)
class CriterionAtRisk:
    plan_id: UUID
    plan_number: str
    index: str
    code: str
    name: str
    max_points: Decimal | None
    tasks: list[TaskAtRisk]


def points_at_risk(
    connection: Connection, on: date, plan_id: UUID | None = None
) -> list[CriterionAtRisk]:
    """Each criterion served by an overdue or blocked occurrence, with its max points as the
    plan states them (None when the plan sets no target for that criterion)."""
    risky = (
        select(
            tasks.c.task_id,
            tasks.c.plan_id,
            tasks.c.reference,
            tasks.c.criteria,
            occurrences.c.occurrence,
            occurrences.c.status,
            occurrences.c.due_on,
            plans.c.number,
            plans.c.year,
        )
        .join(occurrences, occurrences.c.task_id == tasks.c.task_id)
        .join(plans, plans.c.plan_id == tasks.c.plan_id)
        .where(
            or_(
                occurrences.c.status == Status.BLOCKED.value,
                (occurrences.c.due_on < on) & occurrences.c.status.in_(OPEN),
            )
        )
        .order_by(plans.c.number, tasks.c.reference, occurrences.c.occurrence)
    )
    if plan_id is not None:
        risky = risky.where(tasks.c.plan_id == plan_id)
    grouped: dict[tuple[UUID, str, str], list[TaskAtRisk]] = defaultdict(list)
    numbers: dict[UUID, tuple[str, int]] = {}
    for row in connection.execute(risky).mappings():
        numbers[row["plan_id"]] = (row["number"], row["year"])
        for criterion in row["criteria"]:
            index, _, code = criterion.partition(":")
            grouped[(row["plan_id"], index, code)].append(
                TaskAtRisk(
                    row["task_id"],
                    row["reference"],
                    row["occurrence"],
                    row["status"],
                    row["due_on"],
                )
            )
    stated = _stated_criteria(connection, set(numbers))
    found = []
    for (plan, index, code), at_risk in grouped.items():
        name, max_points = stated.get((plan, index, code, numbers[plan][1]), ("", None))
        found.append(
            CriterionAtRisk(plan, numbers[plan][0], index, code, name, max_points, at_risk)
        )
    return sorted(found, key=lambda c: (c.plan_number, c.index, -(c.max_points or 0), c.code))


def _stated_criteria(
    connection: Connection, plan_ids: set[UUID]
) -> dict[tuple[UUID, str, str, int], tuple[str, Decimal | None]]:
    if not plan_ids:
        return {}
    rows = connection.execute(
        select(
            score_targets.c.plan_id,
            score_targets.c.index_name,
            score_targets.c.code,
            score_targets.c.year,
            score_targets.c.name,
            score_targets.c.max_points,
        ).where(score_targets.c.plan_id.in_(plan_ids))
    ).mappings()
    return {
        (r["plan_id"], r["index_name"], r["code"], r["year"]): (
            r["name"],
            Decimal(str(r["max_points"])).normalize() if r["max_points"] is not None else None,
        )
        for r in rows
    }


def _task(row: object) -> TaskAtRisk:
    values = dict(row)  # type: ignore[call-overload]
    return TaskAtRisk(
        values["task_id"],
        values["reference"],
        values["occurrence"],
        values["status"],
        values["due_on"],
    )

"""Tasks and their occurrences as they stand."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, Select, String, cast, func, select, tuple_

from planner.domain.errors import NotFound
from planner.projections.schema import occurrences, plans, task_agencies, task_parts, tasks


@dataclass(frozen=True)
class PartView:
    """One lead body's own part of an occurrence."""

    agency: str
    status: str
    percent: int
    applies: bool
    completed_on: date | None
    last_note: str
    evidence_count: int
    updated_at: datetime
    due_on: date | None = None  # the day this body's part is due by (a day given it, if any)


@dataclass(frozen=True)
class OccurrenceView:
    occurrence: str
    due_on: date | None
    status: str
    percent: int
    completed_on: date | None
    last_note: str
    evidence_count: int
    # `due_on` is the day due by now (an approved extension included); on-time completion is
    # counted against `deadline_on`; `requested_to` is an extension awaiting a decision.
    deadline_on: date | None = None
    requested_to: date | None = None
    parts: list[PartView] = field(default_factory=list)


@dataclass(frozen=True)
class TaskView:
    task_id: UUID
    plan_id: UUID
    plan_number: str
    reference: str
    text: str
    criteria: list[str]
    lead: list[str]
    coordinating: list[str]
    schedule_kind: str
    schedule_text: str
    expected_output: str
    recurring: bool
    version: int
    occurrences: list[OccurrenceView]


def resolve_task_id(connection: Connection, text: str) -> UUID:
    """A full task id, or a unique prefix of at least 4 characters (as `planner` prints them)."""
    prefix = text.strip().lower().replace("-", "")
    if len(prefix) < 4:
        raise NotFound(
            f"mã nhiệm vụ '{text}' quá ngắn: cần ít nhất 4 ký tự của mã, có {len(prefix)}"
        )
    if any(c not in "0123456789abcdef" for c in prefix):
        raise NotFound(
            f"mã nhiệm vụ '{text}' không hợp lệ: mã chỉ gồm chữ số 0–9 và chữ a–f, "
            "như planner in ra (vd. 3f2a9c1d)"
        )
    hex_id = func.replace(cast(tasks.c.task_id, String), "-", "")
    found = (
        connection.execute(select(tasks.c.task_id).where(hex_id.like(f"{prefix}%")).limit(2))
        .scalars()
        .all()
    )
    if not found:
        raise NotFound(f"không có nhiệm vụ mã '{text}'")
    if len(found) > 1:
        raise NotFound(f"mã '{text}' trùng nhiều nhiệm vụ; hãy nhập thêm ký tự")
    return UUID(str(found[0]))


def list_tasks(
    connection: Connection,
    plan_id: UUID | None = None,
    agency: str | None = None,
    *,
    with_parts: bool = True,
) -> list[TaskView]:
    """Tasks with their occurrences, and each occurrence's parts unless `with_parts` is False."""
    query = select(tasks, plans.c.number.label("plan_number")).join(
        plans, plans.c.plan_id == tasks.c.plan_id
    )
    if plan_id is not None:
        query = query.where(tasks.c.plan_id == plan_id)
    if agency is not None:
        involved = select(task_agencies.c.task_id).where(
            task_agencies.c.agency == agency, task_agencies.c.role != "group"
        )
        query = query.where(tasks.c.task_id.in_(involved))
    rows = list(connection.execute(query.order_by(plans.c.number, tasks.c.reference)).mappings())
    occurrence_query = select(occurrences)
    part_query = select(task_parts)
    if plan_id is not None:
        occurrence_query = occurrence_query.where(occurrences.c.plan_id == plan_id)
        part_query = part_query.where(task_parts.c.plan_id == plan_id)
    return _with_occurrences(connection, rows, occurrence_query, part_query if with_parts else None)


TaskKey = tuple[str, str, UUID]


def task_page(
    connection: Connection,
    plan_id: UUID | None,
    agencies: Collection[str] | None,
    after: TaskKey | None,
    limit: int,
) -> list[TaskView]:
    """At most `limit` tasks after `after` in (plan number, reference, id) order, involving one
    of `agencies` unless None: a page read without reading the other tasks' occurrences."""
    order = (plans.c.number, tasks.c.reference, tasks.c.task_id)
    query = select(tasks, plans.c.number.label("plan_number")).join(
        plans, plans.c.plan_id == tasks.c.plan_id
    )
    if plan_id is not None:
        query = query.where(tasks.c.plan_id == plan_id)
    if agencies is not None:
        involved = select(task_agencies.c.task_id).where(
            task_agencies.c.agency.in_(agencies), task_agencies.c.role != "group"
        )
        query = query.where(tasks.c.task_id.in_(involved))
    if after is not None:
        query = query.where(tuple_(*order) > tuple_(*after))
    rows = list(connection.execute(query.order_by(*order).limit(limit)).mappings())
    ids = [row["task_id"] for row in rows]
    return _with_occurrences(
        connection,
        rows,
        select(occurrences).where(occurrences.c.task_id.in_(ids)),
        select(task_parts).where(task_parts.c.task_id.in_(ids)),
    )


def _with_occurrences(
    connection: Connection,
    rows: list[RowMapping],
    occurrence_query: Select[Any],
    part_query: Select[Any] | None,
) -> list[TaskView]:
    by_task: dict[UUID, list[OccurrenceView]] = {row["task_id"]: [] for row in rows}
    parts: Parts = {}
    if part_query is not None:
        found = connection.execute(part_query.order_by(task_parts.c.agency)).mappings()
        parts = _parts(found, set(by_task))
    for o in connection.execute(occurrence_query.order_by(occurrences.c.occurrence)).mappings():
        if o["task_id"] in by_task:
            by_task[o["task_id"]].append(_occurrence(o, parts))
    return [_task(row, by_task[row["task_id"]]) for row in rows]


@dataclass(frozen=True)
class TaskSight:
    """What decides who may see a task, and how to name it when refusing."""

    label: str
    lead: list[str]
    coordinating: list[str]


def task_sight(connection: Connection, task_id: UUID) -> TaskSight:
    """One row where the whole task (occurrences, parts) is not needed: a check before a
    command, whose answer is read after it."""
    row = connection.execute(
        select(tasks.c.reference, tasks.c.text, tasks.c.lead, tasks.c.coordinating).where(
            tasks.c.task_id == task_id
        )
    ).first()
    if row is None:
        raise NotFound(f"không có nhiệm vụ mã '{task_id}'")
    return TaskSight(row.reference or row.text[:60], list(row.lead), list(row.coordinating))


def task_detail(connection: Connection, task_id: UUID) -> TaskView:
    row = (
        connection.execute(
            select(tasks, plans.c.number.label("plan_number"))
            .join(plans, plans.c.plan_id == tasks.c.plan_id)
            .where(tasks.c.task_id == task_id)
        )
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(f"không có nhiệm vụ mã '{task_id}'")
    found = connection.execute(
        select(occurrences)
        .where(occurrences.c.task_id == task_id)
        .order_by(occurrences.c.occurrence)
    ).mappings()
    part_rows = connection.execute(
        select(task_parts).where(task_parts.c.task_id == task_id).order_by(task_parts.c.agency)
    ).mappings()
    parts = _parts(part_rows, {task_id})
    return _task(row, [_occurrence(o, parts) for o in found])


Parts = dict[tuple[UUID, str], list[PartView]]


def _parts(rows: Iterable[RowMapping], wanted: set[UUID]) -> Parts:
    found: Parts = defaultdict(list)
    for row in rows:
        if row["task_id"] in wanted:
            found[row["task_id"], row["occurrence"]].append(
                PartView(
                    agency=row["agency"],
                    status=row["status"],
                    percent=row["percent"],
                    applies=row["applies"],
                    completed_on=row["completed_on"],
                    last_note=row["last_note"],
                    evidence_count=row["evidence_count"],
                    updated_at=row["updated_at"],
                    due_on=row["due_on"],
                )
            )
    return found


def _occurrence(row: object, parts: Parts) -> OccurrenceView:
    values = dict(row)  # type: ignore[call-overload]
    return OccurrenceView(
        occurrence=values["occurrence"],
        due_on=values["due_on"],
        status=values["status"],
        percent=values["percent"],
        completed_on=values["completed_on"],
        last_note=values["last_note"],
        evidence_count=values["evidence_count"],
        deadline_on=values["deadline_on"],
        requested_to=values["requested_to"],
        parts=parts.get((values["task_id"], values["occurrence"]), []),
    )


def _task(row: object, found: list[OccurrenceView]) -> TaskView:
    values = dict(row)  # type: ignore[call-overload]
    return TaskView(
        task_id=values["task_id"],
        plan_id=values["plan_id"],
        plan_number=values["plan_number"],
        reference=values["reference"],
        text=values["text"],
        criteria=list(values["criteria"]),
        lead=list(values["lead"]),
        coordinating=list(values["coordinating"]),
        schedule_kind=values["schedule_kind"],
        schedule_text=values["schedule_text"],
        expected_output=values["expected_output"],
        recurring=values["recurring"],
        version=values["version"],
        occurrences=found,
    )


def tasks_given_to_group(connection: Connection, group: str) -> list[UUID]:
    """The tasks whose lead cell named `group` as a whole ("Các sở, ban, ngành")."""
    query = select(task_agencies.c.task_id).where(
        task_agencies.c.agency == group, task_agencies.c.role == "group"
    )
    return list(connection.execute(query).scalars())

"""A past day's tasks, progress and overdue list, read from the occurrences' dated states.

Every change leaves a row with the occurrence's state after it, the day it took effect and
the day it was recorded. As of day D, each occurrence stands as its latest row dated by D:
by effective day ("theo số liệu hiện nay") or by recording day ("đã ghi nhận đến ngày D").
An occurrence's effective days never go backwards, so its latest row by version is also its
latest by effective day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, func, select

from planner.domain.task_status import Status, on_time
from planner.projections.schema import agencies, occurrence_states, plans, tasks
from planner.projections.task_list import COUNTED_AS, PROGRESS_COUNTS
from planner.queries.basis import Basis
from planner.queries.overdue import OverdueItem
from planner.queries.parsed_once import as_text
from planner.queries.progress import AgencyProgress, progress_of_counts
from planner.queries.tasks import OccurrenceView, TaskView, list_tasks

_STATE_COLUMNS = (
    "task_id",
    "occurrence",
    "plan_id",
    "status",
    "percent",
    "due_on",
    "deadline_on",
    "completed_on",
    "leads",
)


def states_on(
    connection: Connection, day: date, basis: Basis, plan_id: UUID | None = None
) -> list[RowMapping]:
    """Each occurrence as it stood at the end of `day`; those not yet in a plan are left out."""
    s = occurrence_states.c
    dated = s.effective_on if basis is Basis.CURRENT else s.recorded_on
    latest = func.row_number().over(
        partition_by=(s.task_id, s.occurrence), order_by=s.version.desc()
    )
    ranked = select(
        *(s[name] for name in _STATE_COLUMNS),
        as_text(s.plan_id).label("plan_key"),  # as the live progress query keys plans
        latest.label("rank"),
    ).where(dated <= day)
    if plan_id is not None:
        ranked = ranked.where(s.plan_id == plan_id)
    found = ranked.subquery()
    query = select(*(found.c[name] for name in (*_STATE_COLUMNS, "plan_key"))).where(
        found.c.rank == 1
    )
    return list(connection.execute(query).mappings())


def progress_on(
    connection: Connection, day: date, basis: Basis, plan_id: UUID | None = None
) -> list[AgencyProgress]:
    """Progress per agency and plan as of the end of `day`, counted as the live counters are."""
    by_leads: dict[tuple[str, str], list[int]] = defaultdict(
        lambda: [0] * (len(PROGRESS_COUNTS) + 1)
    )
    column = {name: i for i, name in enumerate(PROGRESS_COUNTS)}
    for row in states_on(connection, day, basis, plan_id):
        counts = by_leads[row["plan_key"], row["leads"]]
        for name in COUNTED_AS[row["status"]]:
            counts[column[name]] += 1
        if row["status"] == Status.COMPLETED and on_time(row["completed_on"], row["deadline_on"]):
            counts[column["completed_on_time"]] += 1
        if _late(row, day):
            counts[-1] += 1
    return progress_of_counts(connection, by_leads)


def overdue_on(
    connection: Connection,
    day: date,
    basis: Basis,
    plan_id: UUID | None = None,
    agency: str | None = None,
    limit: int | None = None,
) -> list[OverdueItem]:
    """What was overdue at the end of `day`, most overdue first, as the live list orders it."""
    late = [row for row in states_on(connection, day, basis, plan_id) if _late(row, day)]
    described = _descriptions(connection, {row["task_id"] for row in late})
    carriers = dict(connection.execute(select(agencies.c.code, agencies.c.carried_by)).all())
    items = [_item(row, described[row["task_id"]], day, carriers) for row in late]
    if agency is not None:
        items = [item for item in items if agency in item.responsible]
    items.sort(key=lambda i: (i.due_on, i.plan_number, i.reference, i.occurrence))
    return items[:limit] if limit is not None else items


def tasks_on(
    connection: Connection,
    day: date,
    basis: Basis,
    plan_id: UUID | None = None,
    agency: str | None = None,
) -> list[TaskView]:
    """The plan's tasks with their occurrences as they stood at the end of `day`."""
    states: dict[UUID, list[RowMapping]] = defaultdict(list)
    for row in states_on(connection, day, basis, plan_id):
        states[row["task_id"]].append(row)
    found = []
    for task in list_tasks(connection, plan_id, agency):
        if task.task_id not in states:
            continue
        rows = sorted(states[task.task_id], key=lambda r: r["occurrence"])
        today = {o.occurrence: o for o in task.occurrences}
        found.append(
            replace(
                task,
                lead=rows[0]["leads"].split(",") if rows[0]["leads"] else [],
                occurrences=[_occurrence(row, today.get(row["occurrence"])) for row in rows],
            )
        )
    return found


def _late(row: RowMapping, day: date) -> bool:
    return row["due_on"] is not None and row["due_on"] < day and not Status(row["status"]).is_closed


def _descriptions(connection: Connection, task_ids: set[UUID]) -> dict[UUID, RowMapping]:
    query = (
        select(tasks.c.task_id, tasks.c.reference, tasks.c.text, tasks.c.lead, plans.c.number)
        .join(plans, plans.c.plan_id == tasks.c.plan_id)
        .where(tasks.c.task_id.in_(list(task_ids)))
    )
    return {row["task_id"]: row for row in connection.execute(query).mappings()}


def _item(row: RowMapping, task: RowMapping, day: date, carriers: dict[str, str]) -> OverdueItem:
    codes = set(row["leads"].split(",")) if row["leads"] else set()
    # In the task's own order when it still names the same bodies.
    lead = list(task["lead"]) if set(task["lead"]) == codes else sorted(codes)
    return OverdueItem(
        task_id=row["task_id"],
        plan_id=row["plan_id"],
        plan_number=task["number"],
        reference=task["reference"],
        text=task["text"],
        occurrence=row["occurrence"],
        due_on=row["due_on"],
        days_late=(day - row["due_on"]).days,
        status=row["status"],
        percent=row["percent"],
        lead=lead,
        responsible=list(dict.fromkeys(carriers.get(code, code) for code in lead)),
    )


def _occurrence(row: RowMapping, today: OccurrenceView | None) -> OccurrenceView:
    values: dict[str, Any] = {name: row[name] for name in ("occurrence", "due_on", "status")}
    return OccurrenceView(
        **values,
        percent=row["percent"],
        completed_on=row["completed_on"],
        deadline_on=row["deadline_on"],
        requested_to=None,
        # Notes and evidence are shown as they stand today; the counts never depend on them.
        last_note=today.last_note if today else "",
        evidence_count=today.evidence_count if today else 0,
    )
